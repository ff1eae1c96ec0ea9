"""One review type's figures: how its count, people and themes read, what its marks mean, what publishing hid, and
the themes a chart ranks."""

from __future__ import annotations

import dataclasses

import pytest

from generator.counting import KnownFor
from generator.figures import CountTable, ReviewFigures, hiding_summary_of, theme_label, total_reviews
from generator.loading import load_event
from generator.model import ReviewType, Theme
from generator.suppression import PRIMARY, SECONDARY, SuppressedCell, SuppressedTable
from tests.conftest import DEFAULT_DATA


@pytest.fixture(scope="module")
def adults() -> ReviewType:
    """The default data's adult reviews, named with the singular the data gives them."""
    return load_event(DEFAULT_DATA).event.review_types["adults"]


def _areas(*rows: tuple[str, int], hidden: tuple[str, ...] = (), threshold: int = 5) -> CountTable:
    cells = tuple(SuppressedCell(label, count, hidden[i] if i < len(hidden) else "")
                  for i, (label, count) in enumerate(rows))
    return CountTable("Reviews by area", "Area", rows, "reviews", 12, 12, threshold=threshold,
                      suppression=SuppressedTable(cells, threshold) if hidden else None)


def _figures(review: ReviewType, count: int = 12, people: int = 12, threshold: int = 0, **given) -> ReviewFigures:
    return ReviewFigures("adults", review, count, people, given.pop("areas", None), given.pop("demographics", ()),
                         given.pop("themes", ()), threshold=threshold, **given)


@pytest.mark.parametrize("count, hidden, text, table_text, counted", [
    (0, False, "0", "0", "0 reviews"), (1, True, "fewer than 5", "<5", "fewer than 5 reviews"),
    (4, True, "fewer than 5", "<5", "fewer than 5 reviews"), (5, False, "5", "5", "5 reviews")])
def test_a_count_below_the_threshold_is_hidden_and_zero_is_not(adults, count, hidden, text, table_text, counted):
    figures = _figures(adults, count=count, threshold=5)
    assert (figures.count_hidden, figures.count_text, figures.count_table_text, figures.reviews_counted) == (
        hidden, text, table_text, counted)


def test_with_nothing_hidden_one_review_is_said_in_the_singular(adults):
    figures = _figures(dataclasses.replace(adults, count=1), count=1, people=1)
    assert (figures.count_hidden, figures.reviews_counted, figures.headline) == (False, "1 review", "1 Adult Review")
    assert figures.people_phrase == "the 1 adult"
    assert _figures(adults, count=7, people=7).headline == "7 Adult Reviews"


def test_the_headline_of_a_hidden_count_uses_the_plural(adults):
    assert _figures(adults, count=1, threshold=5).headline == "fewer than 5 Adult Reviews"


@pytest.mark.parametrize("people, text, phrase", [
    (0, "0", "the 0 adults"), (1, "fewer than 5", "the fewer than 5 adults"),
    (4, "fewer than 5", "the fewer than 5 adults"), (5, "5", "the 5 adults")])
def test_the_number_of_people_below_the_threshold_is_hidden(adults, people, text, phrase):
    figures = _figures(adults, people=people, threshold=5)
    assert (figures.people_text, figures.people_phrase) == (text, phrase)


def test_the_tables_are_the_areas_the_criteria_then_the_people(adults):
    areas = _areas(("MBC", 12))
    criteria = dataclasses.replace(areas, name="Reviews by criterion")
    ethnicity = CountTable("Ethnicity", "Ethnicity", (("White British", 12),), "adults", 12, 12)
    figures = _figures(adults, areas=areas, criteria=criteria, demographics=(ethnicity,))
    assert figures.tables == (areas, criteria, ethnicity)
    assert figures.criteria_tables == (criteria,)
    assert _figures(adults, demographics=(ethnicity,)).tables == (ethnicity,)
    assert _figures(adults).criteria_tables == ()


THEMES = (Theme("Neglect", 3), Theme("Housing", 1), Theme("Trauma"), Theme("Radicalisation", 0), Theme("Alcohol", 4))


def test_themes_counted_below_the_threshold_are_hidden_and_a_list_marks_them(adults):
    figures = _figures(adults, themes=THEMES, threshold=4)
    assert figures.hidden_themes == ("Neglect", "Housing")
    assert figures.themes_counted == (Theme("Radicalisation", 0), Theme("Alcohol", 4))
    assert figures.theme_labels == ("Neglect (<4)", "Housing (<4)", "Trauma", "Alcohol (4)")
    unhidden = _figures(adults, themes=THEMES)
    assert unhidden.hidden_themes == ()
    assert unhidden.theme_labels == ("Neglect (3)", "Housing (1)", "Trauma", "Alcohol (4)")


def test_themes_are_counted_uncounted_found_or_not_found(adults):
    figures = _figures(adults, themes=THEMES)
    assert figures.themes_counted == (THEMES[0], THEMES[1], THEMES[3], THEMES[4])
    assert figures.themes_uncounted == (Theme("Trauma"),)
    assert figures.themes_found == (THEMES[0], THEMES[1], THEMES[2], THEMES[4])
    assert figures.themes_not_found == (Theme("Radicalisation", 0),)


def test_a_chart_ranks_the_counted_themes_most_frequent_first_ties_in_the_datas_order(adults):
    themes = (Theme("A", 2), Theme("B", 5), Theme("C"), Theme("D", 2), Theme("E", 0), Theme("F", 5))
    figures = _figures(adults, themes=themes)
    assert figures.charted_themes() == ((Theme("B", 5), Theme("F", 5), Theme("A", 2), Theme("D", 2)), "")
    assert figures.charted_themes(4) == (figures.charted_themes()[0], "")
    assert figures.charted_themes(3) == ((Theme("B", 5), Theme("F", 5), Theme("A", 2)),
                                         "the 3 most frequent of 4 themes")


def test_a_chart_shows_at_most_twelve_themes(adults):
    themes = tuple(Theme(f"Theme {n}", 20 - n) for n in range(13))
    figures = _figures(adults, themes=themes)
    assert figures.charted_themes() == (themes[:12], "the 12 most frequent of 13 themes")
    assert figures.charted_themes(20) == figures.charted_themes()
    assert _figures(adults, themes=themes[:12]).charted_themes() == (themes[:12], "")


def test_the_key_says_what_the_marks_mean_and_the_footnote_names_the_tables_hiding_counts(adults):
    areas = _areas(("MBC", 9), ("RCBC", 3), hidden=("", PRIMARY))
    figures = _figures(adults, areas=areas, threshold=5)
    assert figures.suppression_key == figures.area_suppression_key == "Counts from 1 to 4 are shown as <5."
    assert figures.suppression_footnote == ("Small numbers are not shown: counts fewer than 5 (and any that would "
                                            "give one away) are left out of Reviews by area.")
    secondary = _areas(("MBC", 6), ("RCBC", 3), ("HBC", 3), hidden=(SECONDARY, PRIMARY))
    ethnicity = dataclasses.replace(secondary, name="Ethnicity", category="Ethnicity", unit="adults")
    both = _figures(adults, areas=secondary, demographics=(ethnicity,), threshold=5)
    assert both.suppression_key == ("Counts from 1 to 4 are shown as <5; [c] marks a count not shown so that a <5 "
                                    "cannot be worked out from the other figures.")
    assert both.suppression_footnote == ("Small numbers are not shown: counts fewer than 5 (and any that would give "
                                         "one away) are left out of Reviews by area, Ethnicity.")


def test_a_hidden_theme_count_or_number_not_known_alone_needs_the_key_but_not_the_areas_key(adults):
    assert _figures(adults, themes=THEMES, threshold=4).suppression_key == "Counts from 1 to 3 are shown as <4."
    ethnicity = CountTable("Ethnicity", "Ethnicity", (("White British", 10),), "adults", 10, 12, threshold=5,
                           people_coverage=KnownFor(10, 12, "adults"), unknown_hidden=PRIMARY)
    figures = _figures(adults, areas=_areas(("MBC", 12)), demographics=(ethnicity,), threshold=5)
    assert figures.suppression_key == "Counts from 1 to 4 are shown as <5."
    assert figures.area_suppression_key == figures.suppression_footnote == ""


def test_nothing_hidden_needs_no_key(adults):
    figures = _figures(adults, areas=_areas(("MBC", 9), ("RCBC", 3), hidden=("", "")), themes=THEMES[2:], threshold=3)
    assert (figures.suppression_key, figures.area_suppression_key, figures.suppression_footnote) == ("", "", "")
    assert figures.hidden_counts == (0, 0, 0)
    assert figures.hiding_summary == ""


def test_what_publishing_hid_is_counted_by_reason(adults):
    areas = _areas(("MBC", 6), ("RCBC", 3), ("HBC", 3), hidden=(SECONDARY, PRIMARY))
    ethnicity = CountTable("Ethnicity", "Ethnicity", (("White British", 10),), "adults", 10, 12, threshold=5,
                           unknown_hidden=SECONDARY)
    gender = CountTable("Gender", "Gender", (("Female", 2),), "adults", 2, 12, threshold=5)
    figures = _figures(adults, count=3, areas=areas, demographics=(ethnicity,), themes=THEMES, threshold=5,
                       withheld=(gender,))
    # RCBC, the three themes counted 1 to 4 and the number of reviews; MBC and the number not known; the gender table.
    assert figures.hidden_counts == (5, 2, 1)
    assert figures.hiding_summary == ("hides 5 counts below 5, 2 more so that they cannot be worked out and 1 table "
                                      "whole (too few people, or to keep a count hidden)")


@pytest.mark.parametrize("counts, summary", [
    ([(1, 0, 0)], "hides 1 count below 5"),
    ([(1, 1, 0)], "hides 1 count below 5 and 1 more so that it cannot be worked out"),
    ([(2, 0, 0), (0, 3, 0)], "hides 2 counts below 5 and 3 more so that they cannot be worked out"),
    ([(0, 0, 2)], "hides 2 tables whole (too few people, or to keep a count hidden)"),
    ([(0, 1, 0), (0, 0, 1)], "hides 1 more so that they cannot be worked out and 1 table whole (too few people, or "
                             "to keep a count hidden)"),
    ([(0, 0, 0), (0, 0, 0)], ""),
])
def test_the_build_summary_of_what_publishing_hides_adds_up_every_type(adults, counts, summary):
    class Hid:
        def __init__(self, hidden: tuple[int, int, int]) -> None:
            self.hidden_counts, self.threshold = hidden, 5
    assert hiding_summary_of([Hid(hidden) for hidden in counts]) == summary  # type: ignore[misc]


def test_the_people_described_are_counted_for_each_kind_of_person(adults):
    ethnicity = CountTable("Ethnicity", "Ethnicity", (("White British", 6),), "adults", 6, 7)
    victims = CountTable("Ethnicity of victims", "Ethnicity of victims", (("White", 3), ("Asian", 1)), "victims", 4, 7)
    ages = CountTable("Age of victims", "Age of victims", (("18-29", 2),), "victims", 2, 7,
                      people_coverage=KnownFor(2, 5, "victims"))
    perpetrators = CountTable("Gender of perpetrators", "Gender of perpetrators", (("Male", 0),), "perpetrators", 0, 7)
    figures = _figures(adults, count=7, people=9, demographics=(ethnicity, ages, victims, perpetrators))
    assert figures.people_by_unit == {"adults": 9, "victims": 5, "perpetrators": 0}  # each unit's most
    one = _figures(adults, count=1, people=1, demographics=(ethnicity,))
    assert one.people_by_unit == {"adult": 1}


def test_a_theme_reads_as_the_seed_writes_it():
    assert theme_label(Theme("Self-Neglect", 6)) == "Self-Neglect (6)"
    assert theme_label(Theme("Self-Neglect", 0)) == "Self-Neglect (0)"
    assert theme_label(Theme("Trauma")) == "Trauma"


def test_the_events_reviews_are_every_types_added_up(adults):
    assert total_reviews([dataclasses.replace(adults, count=7), dataclasses.replace(adults, count=None),
                          dataclasses.replace(adults, count=23)]) == 30
