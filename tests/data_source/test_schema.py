"""Converting the data to the model: counts bounded, text read as 'key: value' explained, long values shortened."""

from __future__ import annotations

import pytest

from generator.data_source.schema import MAX_COUNT
from generator.problems import MAX_SHOWN_CHARS
from tests.conftest import default_text, line_of, replace_once


def test_a_5000_digit_count_is_a_located_problem(problems_of):
    digits = "9" * 5000
    text = replace_once(default_text(), "    count: 23\n", f"    count: {digits}\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'count: 999')}, review_types.children.count: expected a whole number up "
        f"to {MAX_COUNT:,}, got {digits[:MAX_SHOWN_CHARS]}…"]


def test_a_count_just_past_the_limit_is_refused_and_the_limit_itself_read(problems_of, loaded):
    text = replace_once(default_text(), "      - {name: Self-Neglect, count: 6}\n",
                        f"      - {{name: Self-Neglect, count: {MAX_COUNT + 1}}}\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'Self-Neglect')}, review_types.adults.themes[1].count: expected a whole "
        f"number up to {MAX_COUNT:,}, got {MAX_COUNT + 1}"]
    text = replace_once(default_text(), "      - {name: Self-Neglect, count: 6}\n",
                        "      - {name: Self-Neglect, count: 0006}\n")
    assert loaded(text).event.review_types["adults"].theme_list[1].count == 6


def test_a_theme_with_a_colon_says_to_put_it_in_quotes(problems_of):
    text = replace_once(default_text(), "      - Neglect\n", "      - Exploitation: criminal and sexual\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'Exploitation')}, review_types.children.themes[6]: this item reads as "
        "'Exploitation: criminal and sexual' with a colon, so YAML takes it as a key and a value; put it in quotes: "
        '- "Exploitation: criminal and sexual"']


def test_a_list_item_of_text_with_a_colon_says_to_put_it_in_quotes(problems_of):
    text = replace_once(default_text(), "    - Consider the impact of these reviews on your practice\n",
                        "    - Impact: on your practice\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'Impact:')}, aims.items[2]: this item reads as 'Impact: on your practice' "
        'with a colon, so YAML takes it as a key and a value; put it in quotes: - "Impact: on your practice"']


def test_a_value_of_text_with_a_colon_on_the_next_line(problems_of):
    text = replace_once(default_text(), "  author: Tees Safeguarding Partnerships\n",
                        "  author:\n    Tees: Safeguarding Partnerships\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'Tees:')}, event.author: this value reads as 'Tees: Safeguarding "
        "Partnerships' with a colon, so YAML takes it as a key and a value; put it in quotes: "
        '"Tees: Safeguarding Partnerships"']


def test_a_real_theme_with_a_name_key_is_not_taken_for_text(loaded):
    text = replace_once(default_text(), "      - Neglect\n", "      - name: Neglect\n")
    assert loaded(text).event.review_types["children"].theme_list[6].name == "Neglect"


def test_a_list_written_without_spaces_after_the_dashes(problems_of):
    items = "".join(f"    - {item}\n" for item in (
        "Understand the range of reviews which have taken place across Tees in recent years",
        "Understand the common emerging themes from reviews",
        "Consider the impact of these reviews on your practice",
        "Increase your understanding of the legal frameworks that supports work with perpetrators of abuse"))
    text = replace_once(default_text(), items, "    -Understand the reviews\n    -Consider the impact\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, '-Understand')}, aims.items: expected a list of text or a bullet with "
        "sub-bullets: text and items, got '-Understand "
        "the reviews -Consider the impact'; start each item with '- ' (a dash and a space)"]


def test_terminal_escapes_in_an_unknown_key_are_shown_escaped(problems_of):
    text = replace_once(default_text(), "  language: en-GB\n", '  language: en-GB\n  "\\e[31mred\\e[0m": x\n')
    line = line_of(text, "red")
    assert problems_of(text) == [
        f"event.yaml, line {line}, event.\\x1b[31mred\\x1b[0m: unknown key '\\x1b[31mred\\x1b[0m'; expected one of: "
        "title, date, partnership, hosts, in_conjunction_with, strapline, venue, footer, author, language, languages, notes"]


def test_a_long_unknown_key_is_shortened(problems_of):
    key = "k" * 1000
    text = replace_once(default_text(), "  language: en-GB\n", f'  language: en-GB\n  "{key}": x\n')
    found = problems_of(text)
    assert len(found) == 1
    assert f"unknown key '{'k' * MAX_SHOWN_CHARS}…'; expected one of" in found[0]
    assert len(found[0]) < 500


def test_a_long_wrong_value_is_shortened(problems_of):
    text = replace_once(default_text(), "  date: 2022-05-12\n", f"  date: {'x' * 16_000}\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'date: xx')}, event.date: expected a date written like 2022-05-12, got "
        f"'{'x' * MAX_SHOWN_CHARS}…'"]


def test_a_count_in_digits_other_than_ascii_is_not_a_number(problems_of):
    text = replace_once(default_text(), "      - {name: Self-Neglect, count: 6}\n",
                        "      - {name: Self-Neglect, count: \u0666}\n")  # ARABIC-INDIC DIGIT SIX
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'Self-Neglect')}, review_types.adults.themes[1].count: expected a whole "
        "number (a count), got '\u0666'"]


@pytest.mark.parametrize("old, new, where, message", [
    ("    count: 23\n", "    count: [23]\n", "review_types.children.count", "expected a whole number, got a list"),
    ("  date: 2022-05-12\n", "  date: {day: 12}\n", "event.date", "expected a date, got a set of keys"),
    ("groupings:\n  MBC/RCBC: [MBC, RCBC]\n  HBC/SBC: [HBC, SBC]\n", "groupings:\n", "groupings",
     "expected a set of named values, but the value is empty"),
    ("groupings:\n  MBC/RCBC: [MBC, RCBC]\n", "groupings:\n  MBC/RCBC:\n", "groupings.MBC/RCBC",
     "expected a list, but the value is empty"),
])
def test_a_value_of_the_wrong_shape_names_what_was_expected_and_what_was_found(problems_of, old, new, where, message):
    text = replace_once(default_text(), old, new)
    assert problems_of(text) == [f"event.yaml, line {line_of(text, new.splitlines()[-1])}, {where}: {message}"]


@pytest.mark.parametrize("added, where, message", [
    ("publish:\n  deck: [true]\n", "publish.deck", "expected true or false, got a list"),
    ("publish:\n  deck: maybe\n", "publish.deck", "expected true or false, got 'maybe'"),
    ("theme:\n  layouts: [a]\n", "theme.layouts", "expected a set of 'name: text' entries, got a list"),
    ("register:\n  reviews: {a: b}\n", "register.reviews", "expected text or a list, got a set of keys"),
])
def test_a_setting_of_the_wrong_shape_names_what_was_expected_and_what_was_found(problems_of, added, where, message):
    text = default_text() + added
    assert problems_of(text) == [f"event.yaml, line {line_of(text, added.splitlines()[1])}, {where}: {message}"]


def test_an_empty_item_of_a_list_of_text_or_bullets_asks_for_text(problems_of):
    text = replace_once(default_text(), "    - Understand the common emerging themes from reviews\n", "    -\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, '    -' + chr(10))}, aims.items[1]: expected text, but the value is empty"]


def test_an_empty_value_that_may_be_left_out_reads_as_left_out(loaded):
    text = replace_once(default_text(), "      - {name: Self-Neglect, count: 6}\n",
                        "      - {name: Self-Neglect, count: }\n")
    assert loaded(text).event.review_types["adults"].theme_list[1].count is None


def test_a_warning_in_an_included_file_names_that_file(folder, loaded):
    whole = default_text()
    start, end = whole.index("aims:\n"), whole.index("learning_reviews:\n")
    shared = whole[start:end].replace("    - Understand the common emerging themes from reviews\n",
                                      "    - Understand the themes - and the reviews\n")
    (folder / "shared.yaml").write_text(shared, encoding="utf-8")
    warnings = loaded("include: shared.yaml\n" + whole[:start] + whole[end:]).warnings
    assert [str(warning) for warning in warnings] == [
        f"shared.yaml, line {line_of(shared, 'the themes - and')}, aims.items[1]: this item holds ' - ' (\"Understand "
        "the themes - and the reviews\"); if these are two items, start each on its own line with '- '; if it is one "
        "item, put it in quotes"]
    assert [warning.severity for warning in warnings] == ["warning"]


def test_data_converted_without_a_map_of_files_is_located_in_the_file_named():
    import yaml

    from generator.data_source.schema import convert
    from generator.model import Bullet

    conversion = convert(yaml.compose("text: [a]\nitems:\n  - One - Two\n"), Bullet, "notes.yaml")
    assert [str(problem) for problem in conversion.problems] == ["notes.yaml, line 1, text: expected text, got a list"]
    assert [str(warning) for warning in conversion.warnings] == [
        "notes.yaml, line 3, items[0]: this item holds ' - ' (\"One - Two\"); if these are two items, start each on "
        "its own line with '- '; if it is one item, put it in quotes"]


@pytest.mark.parametrize("typed, shown", [("MBC", "MBC"), ('"-MBC"', "-MBC")])
def test_a_single_value_where_a_list_was_expected_gets_the_dash_hint_only_when_it_starts_with_a_bare_dash(
        problems_of, typed, shown):
    # Only an unquoted '-MBC' looks like a list item missing its space; quoted, the dash is meant.
    text = replace_once(default_text(), "  MBC/RCBC: [MBC, RCBC]\n", f"  MBC/RCBC: {typed}\n")
    assert problems_of(text) == [f"event.yaml, line {line_of(text, 'MBC/RCBC:')}, groupings.MBC/RCBC: expected a list "
                                 f"of text, got '{shown}'"]


def test_a_theme_with_a_quoted_value_after_its_colon_is_read_as_meant_to_be_keys(problems_of):
    # Quoting part of 'name: value' shows the colon was meant, so it is not taken for text holding a colon.
    text = replace_once(default_text(), "      - Neglect\n", '      - Exploitation: "criminal and sexual"\n')
    line = line_of(text, "Exploitation")
    assert problems_of(text) == [
        f"event.yaml, line {line}, review_types.children.themes[6].Exploitation: unknown key 'Exploitation'; expected "
        "one of: name, count",
        f"event.yaml, line {line}, review_types.children.themes[6]: missing required key 'name'"]


def test_text_with_a_colon_where_text_or_a_list_was_expected_says_to_put_it_in_quotes(problems_of):
    text = default_text() + "register:\n  reviews:\n    Reviews: sheet one\n"
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'Reviews: sheet')}, register.reviews: this value reads as 'Reviews: sheet "
        "one' with a colon, so YAML takes it as a key and a value; put it in quotes: \"Reviews: sheet one\""]


AUTHOR = "  author: Tees Safeguarding Partnerships\n"


@pytest.mark.parametrize("added, message", [
    ("  [a, b]: x\n", "a key must be plain text"),
    ("  <<: {title: x}\n", "merge keys (<<) are not supported; write the keys out")])
def test_a_key_that_is_not_plain_text_is_refused_where_it_stands(problems_of, added, message):
    text = replace_once(default_text(), AUTHOR, AUTHOR + added)
    assert problems_of(text) == [f"event.yaml, line {line_of(text, added.strip())}, event: {message}"]


def test_every_key_that_is_not_plain_text_is_reported_not_only_the_first(problems_of):
    text = replace_once(default_text(), AUTHOR, AUTHOR + "  [a, b]: x\n  <<: {title: x}\n  [c]: y\n")
    assert len(problems_of(text)) == 3


def test_a_control_character_in_a_value_is_refused_with_its_code_and_key(problems_of):
    written = '"Tees\\x01 Partnerships"'  # YAML's escape: the file itself holds no control character
    text = replace_once(default_text(), AUTHOR, f"  author: {written}\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, written)}, event.author: the text holds the control character U+0001, "
        "which documents cannot contain; remove it"]


def test_a_negative_count_is_refused_with_what_was_given(problems_of):
    text = replace_once(default_text(), "    count: 23\n", "    count: -7\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'count: -7')}, review_types.children.count: expected a count of 0 or "
        "more, got -7"]


@pytest.mark.parametrize("written, read", [("+23", 23), (str(MAX_COUNT), MAX_COUNT), (f"000{MAX_COUNT}", MAX_COUNT)])
def test_a_count_with_a_plus_sign_or_leading_zeros_or_at_the_limit_is_read(loaded, written, read):
    text = replace_once(default_text(), "    count: 23\n", f"    count: {written}\n")
    assert loaded(text).event.review_types["children"].count == read


@pytest.mark.parametrize("deck, pictures", [("Yes", "ON"), ("true", "on"), ("No", "off"), ("FALSE", "no")])
def test_yes_no_on_off_true_and_false_are_read_as_switches_in_any_case(loaded, deck, pictures):
    text = default_text() + f"publish: {{suppress_below: 5, deck: {deck}, pictures: {pictures}}}\n"
    publish = loaded(text).event.publish
    assert (publish.deck, publish.pictures) == (deck.lower() in {"yes", "true"}, pictures.lower() == "on")


def test_a_key_given_twice_names_the_line_of_the_first(problems_of):
    text = replace_once(default_text(), AUTHOR, AUTHOR + "  author: Someone else\n")
    line = line_of(text, "Someone else")
    assert problems_of(text) == [
        f"event.yaml, line {line}, event.author: the key 'author' appears twice (first at line {line - 1}); keep "
        "only one"]


def test_every_unknown_key_of_a_block_is_reported_each_with_its_nearest_key(problems_of):
    text = replace_once(default_text(), AUTHOR, AUTHOR + "  autor: x\n  strapine: y\n")
    expected = ("expected one of: title, date, partnership, hosts, in_conjunction_with, strapline, venue, footer, "
                "author, language, languages, notes")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'autor:')}, event.autor: unknown key 'autor'; did you mean 'author'? "
        + expected,
        f"event.yaml, line {line_of(text, 'strapine')}, event.strapine: unknown key 'strapine'; did you mean "
        "'strapline'? " + expected]


def test_a_control_character_in_a_name_key_is_refused_on_the_key_s_line(problems_of):
    text = replace_once(default_text(), "groupings:\n", 'groupings:\n  "Tees\\x01 Valley": [MBC]\n')
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'Valley')}, groupings: the text holds the control character U+0001, "
        "which documents cannot contain; remove it"]


def test_a_key_given_twice_does_not_hide_a_mistake_after_it(problems_of):
    text = replace_once(default_text(), AUTHOR, AUTHOR + "  author: Someone else\n  autor: x\n")
    assert [problem.split(": ", 1)[0] for problem in problems_of(text)] == [
        f"event.yaml, line {line_of(text, 'Someone else')}, event.author",
        f"event.yaml, line {line_of(text, 'autor: x')}, event.autor"]
