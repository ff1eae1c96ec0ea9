"""Checks across the data: names quoted in messages are shortened, so a huge name cannot bury the message."""

from __future__ import annotations

from generator.problems import MAX_LISTED, MAX_SHOWN_CHARS, MAX_SHOWN_KEY_PATH_CHARS, shorten
from tests.conftest import default_text, line_of, replace_once


def test_a_long_unknown_area_is_shortened_in_the_message(problems_of):
    name = "M" * 1000
    text = replace_once(default_text(), "      MBC/RCBC: 10\n", f"      \"{name}\": 10\n")
    key_path = f"review_types.children.counts_by_area.{name}"
    keep = (MAX_SHOWN_KEY_PATH_CHARS - 1) // 2
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'MMM')}, {key_path[:keep]}…{key_path[-keep:]}: "
        f"'{'M' * MAX_SHOWN_CHARS}…' is not an area or grouping (expected one of: MBC, RCBC, HBC, SBC, MBC/RCBC, "
        "HBC/SBC)"]


def test_a_long_list_of_areas_is_cut_short(problems_of):
    areas = "".join(f"  A{i}: Area {i}\n" for i in range(MAX_LISTED + 10))
    text = replace_once(default_text(), "  SBC: Stockton-on-Tees Borough Council\n",
                        "  SBC: Stockton-on-Tees Borough Council\n" + areas)
    text = replace_once(text, "  MBC/RCBC: [MBC, RCBC]\n", "  MBC/RCBC: [MBC, RCBX]\n")
    shown = ", ".join(["MBC", "RCBC", "HBC", "SBC"] + [f"A{i}" for i in range(MAX_LISTED - 4)])
    problems = problems_of(text)
    assert problems[0] == (f"event.yaml, line {line_of(text, 'RCBX')}, groupings.MBC/RCBC[1]: 'RCBX' is not one of "
                           f"the areas ({shown}, …)")


def test_a_theme_listed_twice_is_an_error(problems_of):
    text = replace_once(default_text(), "      - Neglect\n", "      - Neglect\n      - neglect \n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, '- neglect')}, review_types.children.themes[7]: 'neglect' is listed twice "
        "(first as themes[6]); list each theme once"]


def test_a_language_that_is_not_a_bcp_47_tag_is_a_located_error(problems_of):
    long_tag = "en-" + "-".join(["abcdefgh"] * 22)  # well-formed, 200 characters: Microsoft's validator refuses it
    for language in (long_tag, "English (UK)", "en_GB", "e", "en-GB-", "cy-\u0663\u0663\u0663"):
        text = replace_once(default_text(), "  language: en-GB\n", f"  language: \"{language}\"\n")
        assert problems_of(text) == [
            f"event.yaml, line {line_of(text, 'language:')}, event.language: expected a language tag such as en-GB, "
            f"cy or gd (BCP 47, at most 35 characters), got '{shorten(language)}'"], language


def test_language_tags_of_every_part_rfc_5646_allows_are_accepted():
    from generator.data_source.language_tags import is_language_tag

    for tag in ("en-GB", "cy", "gd-GB", "zh-Hant-HK", "sr-Latn-RS", "es-419", "de-CH-1901", "sl-rozaj-biske",
                "en-US-u-islamcal", "x-whatever", "en-GB-x-tees", "zh-yue-HK", "ast"):
        assert is_language_tag(tag), tag


def test_a_theme_counted_in_more_reviews_than_the_type_has_is_an_error(problems_of):
    text = replace_once(default_text(), "{name: Self-Neglect, count: 6}", "{name: Self-Neglect, count: 12}")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'Self-Neglect, count: 12')}, review_types.adults.themes[1].count: "
        "'Self-Neglect' is counted in 12 reviews but there are 7; a theme can feature in each review at most once"]


def test_a_grouping_counted_beside_one_of_its_own_areas_is_an_error(problems_of):
    text = replace_once(default_text(), "      MBC/RCBC: 10\n", "      MBC/RCBC: 8\n      MBC: 2\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, '      MBC: 2')}, review_types.children.counts_by_area.MBC: MBC is counted "
        "twice: on its own and in MBC/RCBC, a grouping of MBC, RCBC; give either the grouping or its areas"]


def test_review_types_themes_and_theme_lengths_past_their_limits_are_located_errors(problems_of):
    from generator.data_source.consistency import MAX_REVIEW_TYPES, MAX_THEME_CHARACTERS, MAX_THEMES
    from tests.worst_case import worst_case

    assert problems_of(worst_case(default_text(), MAX_REVIEW_TYPES + 1, 1, 10)) == [
        f"event.yaml, line {line_of(default_text(), 'review_types:')}, review_types: the data has "
        f"{MAX_REVIEW_TYPES + 1} review types; an event may have at most {MAX_REVIEW_TYPES}"]
    text = worst_case(default_text(), 4, MAX_THEMES + 1, 10)
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, '    themes:', 2)}, review_types.children0.themes: lists "
        f"{MAX_THEMES + 1} themes; a review type may list at most {MAX_THEMES} (keep the main ones: the deck shows "
        "every theme)"]
    text = worst_case(default_text(), 4, 2, MAX_THEME_CHARACTERS + 1)
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, '      - t0x0 ')}, review_types.children0.themes[0]: the theme is "
        f"{MAX_THEME_CHARACTERS + 1} characters long; a theme may be at most {MAX_THEME_CHARACTERS} (shorten it to "
        "its main words)"]


CHILDREN = "review_types.children"
PEOPLE = "      people: 24\n"
PEOPLE_NOTE = ("      note: A review concerned more than one child, so the tables count {children.people} "
               "children.\n")


def _warnings(loaded, text: str) -> list[str]:
    return [str(warning) for warning in loaded(text).warnings]


def _without_people(text: str) -> str:
    return replace_once(replace_once(text, PEOPLE, ""), PEOPLE_NOTE, "")


def test_no_review_type_at_all_is_an_error(problems_of):
    text = default_text()
    text = text[:text.index("review_types:\n")] + "review_types: {}\n" + text[text.index("cross_over_themes:"):]
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'review_types: {}')}, review_types: expected at least one review type"]


def test_area_counts_that_do_not_add_up_to_the_reviews_are_a_warning(loaded):
    text = replace_once(default_text(), "      MBC/RCBC: 10\n", "      MBC/RCBC: 11\n")
    assert _warnings(loaded, text) == [
        f"event.yaml, line {line_of(text, 'counts_by_area')}, {CHILDREN}.counts_by_area: the area counts add up to "
        "24 but there are 23 reviews"]


def test_demographics_known_for_more_reviews_than_there_are_is_an_error(problems_of):
    text = replace_once(default_text(), PEOPLE, PEOPLE + "      known_for: 30\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'known_for')}, {CHILDREN}.demographics.known_for: demographics are known "
        "for 30 reviews but there are only 23"]


def test_a_table_that_does_not_add_up_to_the_people_is_a_warning(loaded):
    text = replace_once(default_text(), "        White British: 21\n", "        White British: 22\n")
    assert _warnings(loaded, text) == [
        f"event.yaml, line {line_of(text, 'ethnicity:')}, {CHILDREN}.demographics.ethnicity: the ethnicity figures "
        "add up to 25 but people says 24"]


def test_fewer_people_than_reviews_is_a_warning_before_the_tables_that_then_disagree(loaded):
    text = replace_once(default_text(), PEOPLE, "      people: 20\n")
    assert _warnings(loaded, text) == [
        f"event.yaml, line {line_of(text, 'people: 20')}, {CHILDREN}.demographics.people: people is 20 but "
        "demographics cover 23 reviews; each review concerns at least one person",
        f"event.yaml, line {line_of(text, 'ethnicity:')}, {CHILDREN}.demographics.ethnicity: the ethnicity figures "
        "add up to 24 but people says 20",
        f"event.yaml, line {line_of(text, '      age:')}, {CHILDREN}.demographics.age: the age figures add up to 24 but "
        "people says 20"]


def test_without_people_tables_are_checked_against_the_reviews_and_told_which_key_would_explain_them(loaded):
    text = replace_once(_without_people(default_text()), "        White British: 21\n", "        White British: 19\n")
    assert _warnings(loaded, text) == [
        f"event.yaml, line {line_of(text, 'ethnicity:')}, {CHILDREN}.demographics.ethnicity: the ethnicity figures "
        "add up to 22 but there are 23 reviews; if some are not known, say so with 'known_for: 22'",
        f"event.yaml, line {line_of(text, '      age:')}, {CHILDREN}.demographics.age: the age figures add up to 24 but "
        "there are 23 reviews; if a review concerned more than one person, say so with 'people: 24'"]


def test_a_word_for_not_known_typed_as_a_category_is_a_note_at_its_line(loaded):
    text = replace_once(default_text(), "        Other White British: 1\n",
                        "        Other White British: 1\n        Not known: 2\n")
    assert _warnings(loaded, text)[1] == (
        f"event.yaml, line {line_of(text, 'Not known')}, {CHILDREN}.demographics.ethnicity.Not known: 'Not known' is "
        "a word for not known: its 2 counted as not known (in the table's 'where known'), not as a category")
    assert [w.severity for w in loaded(text).warnings] == ["warning", "note"]


def test_a_theme_may_feature_in_every_review_but_not_in_more(problems_of, loaded):
    assert _warnings(loaded, replace_once(default_text(), "      - Neglect\n",
                                          "      - {name: Neglect, count: 23}\n")) == []
    text = replace_once(default_text(), "      - Neglect\n", "      - {name: Neglect, count: 24}\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'count: 24')}, {CHILDREN}.themes[6].count: 'Neglect' is counted in 24 "
        "reviews but there are 23; a theme can feature in each review at most once"]


def test_a_briefing_without_its_seven_sections_is_an_error(problems_of):
    text = default_text()
    first = text.index("\n        - ", text.index("      sections:\n"))
    second = text.index("\n        - ", first + 1)
    text = text[:first] + text[second:]
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'sections:')}, {CHILDREN}.briefing.sections: a seven-minute briefing has "
        "7 sections; found 6"]


def test_a_briefing_part_showing_something_unknown_is_an_error_naming_what_it_may_show(problems_of):
    text = default_text().replace("          show: figures\n", "          show: pictures\n", 1)
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'show: pictures')}, {CHILDREN}.briefing.sections[2].show: expected one of: "
        "figures, themes; got 'pictures'"]


def test_a_briefing_link_that_is_not_a_web_or_mail_address_is_refused(problems_of):
    url = "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"
    text = replace_once(default_text(), f"              url: {url}\n", "              url: javascript:alert(1)\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'javascript')}, {CHILDREN}.briefing.sections[6].links[0].url: links must "
        "start with https://, http:// or mailto:, got 'javascript:alert(1)'"]


def test_as_many_people_as_reviews_is_no_problem(loaded):
    text = replace_once(default_text(), PEOPLE, "      people: 23\n")
    text = replace_once(text, "        White British: 21\n", "        White British: 20\n")
    text = replace_once(text, "        0-4: 14\n", "        0-4: 13\n")
    assert _warnings(loaded, text) == []


def test_a_type_without_an_ethnicity_table_still_has_its_other_tables_checked(loaded):
    text = default_text()
    start = text.index("      ethnicity:\n")
    text = text[:start] + text[text.index("      age:\n", start):]
    text = replace_once(text, "        0-4: 14\n", "        0-4: 15\n")
    assert _warnings(loaded, text) == [
        f"event.yaml, line {line_of(text, '      age:')}, {CHILDREN}.demographics.age: the age figures add up to 25 "
        "but people says 24"]
