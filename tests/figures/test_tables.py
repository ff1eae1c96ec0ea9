"""A table of counts as published (what it shows, charts and says of what it hides or does not cover), and a
table's names: a role's people as a table names them."""

from __future__ import annotations

import dataclasses

import pytest

from generator.age_bands import shown_band
from generator.categories.ethnicity import shown_ethnic_group
from generator.counting import KnownFor
from generator.figures import CountTable, role_plural
from generator.figures.tables import shown_category
from generator.i18n import _, speaking
from generator.suppression import PRIMARY, SECONDARY, SuppressedCell, SuppressedTable
from generator.loading import load_event
from tests.conftest import DEFAULT_DATA


@pytest.fixture(scope="module")
def loaded():
    return load_event(DEFAULT_DATA)


@pytest.mark.parametrize(("role", "expected"), [
    ("victim", "victims"), ("perpetrator", "perpetrators"), ("child", "children"), ("Child", "children"),
    ("person", "people"), ("man", "men"), ("witness", "witnesses"), ("family member", "family members"),
    ("adult at risk", "adults at risk"), ("person of interest", "people of interest"), ("baby", "babies"),
    ("boy", "boys"), ("young person", "young people"),
    ("adult  at risk", "adults at risk"), (" victim\t", "victims"),  # spaces as a data file may type them
])
def test_a_role_names_its_people_as_english_does(loaded, role, expected):
    first = next(iter(loaded.event.review_types.values()))
    children = dataclasses.replace(first, person_noun="child", people_noun="children")
    assert role_plural(role, children) == expected


def test_a_type_names_its_roles_people_as_it_declares_them(loaded):
    first = next(iter(loaded.event.review_types.values()))
    declared = dataclasses.replace(first, roles={"Victim": "people harmed"}, person_noun="child",
                                   people_noun="children")
    assert role_plural("victim", declared) == "people harmed"
    assert role_plural("perpetrator", declared) == "perpetrators"


ROWS = (("MBC", 5), ("RCBC", 1), ("HBC", 0), ("SBC", 2), ("Other", 9))


def _hidden(*why: str, threshold: int = 5) -> CountTable:
    """Return the areas' table with each cell hidden as ``why`` says ('' shown; the last, 9, always shown)."""
    cells = tuple(SuppressedCell(label, count, hidden) for (label, count), hidden in zip(ROWS, (*why, "")))
    return CountTable("Reviews by area", "Area", ROWS, "reviews", 17, 17, threshold=threshold,
                      suppression=SuppressedTable(cells, threshold))


def test_a_table_with_nothing_hidden_shows_and_charts_every_count_in_order():
    table = CountTable("Reviews by area", "Area", ROWS, "reviews", 17, 17)
    assert table.display_rows == (("MBC", "5"), ("RCBC", "1"), ("HBC", "0"), ("SBC", "2"), ("Other", "9"))
    assert table.shown_rows == ROWS
    assert (table.labels, table.values, table.hidden_labels) == (
        ("MBC", "RCBC", "HBC", "SBC", "Other"), (5, 1, 0, 2, 9), ())
    assert (table.total, table.suppression_note, table.chartable) == (17, "", True)
    assert table.as_text() == "MBC 5, RCBC 1, HBC 0, SBC 2, Other 9"
    assert table.title == table.shown_name == "Reviews by area"


def test_a_table_with_hidden_counts_shows_their_marks_and_charts_the_rest():
    table = _hidden("", PRIMARY, "", SECONDARY)
    assert table.display_rows == (("MBC", "5"), ("RCBC", "<5"), ("HBC", "0"), ("SBC", "[c]"), ("Other", "9"))
    assert table.shown_rows == (("MBC", 5), ("HBC", 0), ("Other", 9))
    assert (table.labels, table.values, table.hidden_labels) == (("MBC", "HBC", "Other"), (5, 0, 9), ("RCBC", "SBC"))
    assert table.total == 17
    assert table.as_text() == ("MBC 5, HBC 0, Other 9 (1 category with fewer than 5 reviews is not shown; "
                               "1 more is not shown so that it cannot be worked out from the other figures)")


@pytest.mark.parametrize("why, note", [
    (("", "", "", ""), ""),
    (("", PRIMARY, "", ""), "1 category with fewer than 5 reviews is not shown"),
    (("", PRIMARY, "", PRIMARY), "2 categories with fewer than 5 reviews are not shown"),
    ((SECONDARY, PRIMARY, "", SECONDARY), "1 category with fewer than 5 reviews is not shown; 2 more are not shown "
                                          "so that it cannot be worked out from the other figures"),
    ((SECONDARY, PRIMARY, "", PRIMARY), "2 categories with fewer than 5 reviews are not shown; 1 more is not shown "
                                        "so that they cannot be worked out from the other figures"),
    ((PRIMARY, PRIMARY, SECONDARY, SECONDARY), "2 categories with fewer than 5 reviews are not shown; 2 more are "
                                               "not shown so that they cannot be worked out from the other figures"),
    ((SECONDARY, "", "", ""), "1 is not shown so that a hidden count cannot be worked out from the other figures"),
    ((SECONDARY, "", "", SECONDARY), "2 are not shown so that a hidden count cannot be worked out from the other "
                                     "figures"),
])
def test_the_suppression_note_counts_the_cells_hidden_for_each_reason(why, note):
    assert _hidden(*why).suppression_note == note


def test_a_table_with_nothing_but_zeros_left_says_nothing_is_left_to_chart():
    cells = tuple(SuppressedCell(label, count, "" if count == 0 else PRIMARY) for label, count in ROWS[:4])
    table = CountTable("Reviews by area", "Area", ROWS[:4], "reviews", 8, 8, threshold=6,
                       suppression=SuppressedTable(cells, 6))
    assert not table.chartable
    assert table.suppression_note == ("3 categories with fewer than 6 reviews are not shown, so nothing is left to "
                                      "chart")
    assert _hidden("", "", "", "").chartable
    assert not CountTable("Age", "Age band", (("0-4", 0), ("5-9", 0)), "children", 3, 3).chartable


def test_a_table_covering_some_reviews_or_people_says_how_many_it_does_not_know():
    reviews = CountTable("Age", "Age band", (("0-4", 3),), "children", 3, 9)
    assert reviews.coverage == KnownFor(3, 9)
    assert reviews.title == "Age (where known: 3 of 9; 6 not known)"
    people = dataclasses.replace(reviews, people_coverage=KnownFor(15, 16, "children"))
    assert people.coverage == KnownFor(15, 16, "children")
    assert people.coverage_note == "where known: 15 of 16 children; 1 not known"
    assert CountTable("Age", "Age band", (("0-4", 3),), "children", 9, 9).coverage_note == ""


def test_a_hidden_number_not_known_hides_the_number_known_too():
    table = CountTable("Age", "Age band", (("0-4", 12),), "children", 12, 14, threshold=5,
                       people_coverage=KnownFor(12, 14, "children"), unknown_hidden=PRIMARY)
    assert table.coverage_note == "not known for fewer than 5 of the 14 children"
    assert dataclasses.replace(table, unknown_hidden=SECONDARY).coverage_note == (
        "not known for some of the 14 children")


def test_a_built_in_category_is_shown_in_the_versions_language_and_the_datas_own_as_written():
    with speaking("cy"):
        shown = [shown_category(label) for label in ("Female", "White: Irish", "Under 1", "Ours", "18-39")]
        assert shown == [_("Female"), shown_ethnic_group("White: Irish"), shown_band("Under 1"), "Ours", "18-39"]
    assert shown[:3] != ["Female", "White: Irish", "Under 1"]  # each has Welsh words
    assert [shown_category(label) for label in ("Female", "White: Irish", "Under 1")] == [
        "Female", "White: Irish", "Under 1"]
