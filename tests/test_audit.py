"""The audit: a hidden count that everything else printed pins to one value is found, and the narrowing it uses
finds exactly what a linear program does; on every example and gallery partnership built with hiding, no
hidden count is pinned (checked by an LP over the printed figures, independently of the generator)."""

from __future__ import annotations

import dataclasses
import functools
import io
import itertools
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.figures import publishing as publishing_module
from generator import timeline as timeline_module
from generator.audit import Quantity, Relation, disclosed, feasible_ranges
from generator.loading import load_event
from generator.figures import event_figures, review_figures
from generator.figures_workbook import FIRST_ROW, TITLE_ROW, published_tables, workbook_bytes
from generator.model import Demographics, ReviewType
from generator.suppression import PRIMARY, Hiding, SuppressedCell, SuppressedTable, suppress
from generator.timeline import event_timelines
from tests.conftest import DEFAULT_DATA
from tests.lp_audit import Reader, read_figures, read_timeline

ROOT = Path(__file__).resolve().parent.parent
PARTNERSHIPS = sorted((ROOT / "data").glob("*.yaml")) + sorted((ROOT / "tests" / "fixtures" / "gallery").glob("*.yaml")) \
    + sorted((ROOT / "tests" / "fixtures" / "hiding").glob("*.yaml"))


def test_three_small_cells_under_where_known_3_of_9_are_each_pinned_to_1():
    # 'Ethnicity of perpetrators: <5, <5, <5 (where known: 3 of 9 perpetrators)': each cell is exactly 1.
    cells = [Quantity(f"e{i}", 1, 1, 4) for i in range(3)]
    known = Quantity("known", 3, 3, 3)
    assert disclosed([*cells, known], [Relation("known", ("e0", "e1", "e2"))], ["e0", "e1", "e2"]) == \
        ["e0", "e1", "e2"]


def test_a_headline_pins_two_hidden_area_counts():
    # '8 Safeguarding Adult Reviews' beside 'NBC <5, EMC <5, WDC 0': both are 4.
    quantities = [Quantity("reviews", 8, 8, 8), Quantity("NBC", 4, 1, 4), Quantity("EMC", 4, 1, 4),
                  Quantity("WDC", 0, 0, 0)]
    assert disclosed(quantities, [Relation("reviews", ("NBC", "EMC", "WDC"))], ["NBC", "EMC"]) == ["NBC", "EMC"]


def test_a_sibling_table_gives_away_the_total_another_hid():
    # 'Ethnicity of perpetrators: White: Irish 6' tells the total that 'Gender: Male [c], Female <5' hid.
    quantities = [Quantity("people", 6, 0, None), Quantity("Irish", 6, 6, 6), Quantity("Male", 5, 5, None),
                  Quantity("Female", 1, 1, 4)]
    relations = [Relation("people", ("Irish",)), Relation("people", ("Male", "Female"))]
    assert disclosed(quantities, relations, ["Male", "Female"]) == ["Male", "Female"]
    assert feasible_ranges(quantities, relations)["people"] == (6, 6)


def test_a_hidden_count_with_room_either_way_is_not_disclosed():
    quantities = [Quantity("total", 20, 20, 20), Quantity("A", 1, 1, 4), Quantity("B", 5, 5, None),
                  Quantity("C", 14, 5, None)]
    assert disclosed(quantities, [Relation("total", ("A", "B", "C"))], ["A", "B", "C"]) == []
    assert feasible_ranges(quantities, [Relation("total", ("A", "B", "C"))])["A"] == (1, 4)


# Trees of tables: one total per group of sibling tables, printed or not; each cell in one table.
bounds_kind = st.sampled_from(["shown", "primary", "secondary", "unprinted"])


@st.composite
def table_trees(draw):
    threshold = draw(st.integers(min_value=3, max_value=6))
    quantities, relations, hidden = [], [], []
    for group in range(draw(st.integers(min_value=1, max_value=3))):
        tables = draw(st.lists(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=4),
                               min_size=1, max_size=3))
        total = max(sum(cells) for cells in tables)
        printed = draw(st.booleans())
        quantities.append(Quantity(f"T{group}", total, *((total, total) if printed else (0, None))))
        for t, cells in enumerate(tables):
            cells = cells + [total - sum(cells)]  # the people the table does not cover
            names = []
            for c, value in enumerate(cells):
                name = f"g{group}t{t}c{c}"
                kind = draw(bounds_kind) if value else "shown"
                if kind == "primary" and not 0 < value < threshold or kind == "secondary" and value < threshold:
                    kind = "shown"
                low, high = {"shown": (value, value), "primary": (1, threshold - 1),
                             "secondary": (threshold, None), "unprinted": (0, None)}[kind]
                quantities.append(Quantity(name, value, low, high))
                names.append(name)
                if kind in ("primary", "secondary"):
                    hidden.append(name)
            relations.append(Relation(f"T{group}", tuple(names)))
    return threshold, quantities, relations, hidden


@settings(max_examples=150, deadline=None)
@given(tree=table_trees())
def test_narrowing_finds_what_a_linear_program_finds_on_trees_of_tables(tree):
    threshold, quantities, relations, hidden = tree
    reader = Reader(threshold)
    for q in quantities:
        reader.bounds[q.name], reader.values[q.name] = (q.low, q.high), q.value
    reader.hidden = list(hidden)
    for relation in relations:
        reader.add_sum(list(relation.parts), relation.whole)
    assert disclosed(quantities, relations, hidden) == reader.pinned()


def audit_publication(path: Path, threshold: int = 5) -> tuple[list[str], list[str]]:
    """Return the hidden counts pinned, and the small counts shown, in everything built from ``path``."""
    event = load_event(path, suppress_below=threshold).event
    pinned, small = [], []
    for figures in event_figures(event).values():
        reader = Reader(threshold)
        read_figures(figures, reader)
        pinned += reader.pinned()
        small += reader.small_shown
    return pinned, small


@pytest.mark.slow
@pytest.mark.parametrize("path", PARTNERSHIPS, ids=lambda path: path.stem)
@pytest.mark.parametrize("threshold", [3, 5, 10])
def test_no_hidden_count_can_be_worked_out_in_any_partnership_built_with_hiding(path, threshold):
    pinned, small = audit_publication(path, threshold)
    assert pinned == []
    assert small == []


def test_the_default_data_built_with_hiding_gives_nothing_away():
    assert audit_publication(DEFAULT_DATA) == ([], [])


def primary_only(tables, totals, relations, threshold):
    return Hiding(threshold, {(table, category): PRIMARY for table, counts in tables.items()
                              for category, count in counts.items() if 0 < count < threshold})


@pytest.mark.parametrize("path", [PARTNERSHIPS[0], DEFAULT_DATA], ids=lambda path: path.stem)
def test_the_audit_flags_the_same_partnerships_with_small_numbers_hidden_but_nothing_more(path, monkeypatch):
    monkeypatch.setattr(publishing_module, "hide", primary_only)
    pinned, small = audit_publication(path)
    assert pinned or small


small_counts = st.dictionaries(st.sampled_from(["A", "B", "C", "D"]), st.integers(min_value=0, max_value=9),
                               min_size=1, max_size=4)


@st.composite
def small_review_types(draw):
    """A review type of a small partnership: a few reviews by area, and tables that may cover only some people."""
    areas = draw(small_counts)
    count = sum(areas.values())
    tables = {name: draw(small_counts) for name in ("ethnicity", "age", "gender") if draw(st.booleans())}
    covered = max((sum(t.values()) for t in tables.values()), default=0)
    people = draw(st.one_of(st.none(), st.integers(min_value=covered, max_value=covered + 3)))
    known_for = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=count)))
    return areas, count, tables, people, known_for


@functools.cache
def default_review_type() -> ReviewType:
    return load_event(DEFAULT_DATA).event.review_types["adults"]


@settings(max_examples=120, deadline=None)
@given(shape=small_review_types(), threshold=st.integers(min_value=3, max_value=6))
def test_no_hidden_count_can_be_worked_out_for_generated_small_review_types(shape, threshold):
    areas, count, tables, people, known_for = shape
    base = default_review_type()
    demographics = Demographics(people=people, known_for=known_for, **tables)
    review = dataclasses.replace(base, count=count, counts_by_area=areas, demographics=demographics)
    reader = Reader(threshold)
    read_figures(review_figures("adults", review, threshold=threshold), reader)
    assert reader.pinned() == []
    assert reader.small_shown == []


HARBOUR = ROOT / "data" / "harbour-2025.yaml"  # five years of a register: stage dates and recommendations


def audit_over_time(path: Path, threshold: int, audit_not_known: bool = False) -> tuple[list[str], list[str]]:
    """Return the hidden counts pinned, and the small counts shown, in everything built from ``path`` about each
    type: its headline and tables read together with its figures over time."""
    event = load_event(path, suppress_below=threshold).event
    timelines = event_timelines(event)
    assert timelines, f"{path.name} tells no story over time"
    pinned, small = [], []
    for key, figures in event_figures(event).items():
        reader = Reader(threshold)
        read_figures(figures, reader)
        if key in timelines:
            read_timeline(timelines[key], reader, audit_not_known)
        pinned += reader.pinned()
        small += reader.small_shown
    return pinned, small


@pytest.mark.parametrize("threshold", [3, 5, 10])
def test_no_hidden_count_over_time_can_be_worked_out(threshold):
    assert audit_over_time(HARBOUR, threshold) == ([], [])


def test_timeliness_hidden_table_by_table_gives_counts_away(monkeypatch):
    # 'where known: 3 of 5' above 'Within timescale 0, Later <5' pins Later to 3: such a table is not published.
    def table_by_table(counts, threshold):  # its two cells hidden on their own, the reviews not known printed
        two = suppress({k: v for k, v in counts.items() if k != timeline_module.NOT_KNOWN_CELL}, threshold)
        not_known = SuppressedCell(timeline_module.NOT_KNOWN_CELL, counts[timeline_module.NOT_KNOWN_CELL])
        return SuppressedTable((*two.cells, not_known), threshold)

    monkeypatch.setattr(timeline_module, "suppress_or_withhold", table_by_table)
    pinned, _ = audit_over_time(HARBOUR, 5)
    assert "dhr timeliness 0: Later" in pinned


def test_the_figures_workbook_hides_every_count_the_briefings_hide():
    event = load_event(HARBOUR, suppress_below=5).event
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(event, published_tables(event))))
    shown: dict[str, dict[str, object]] = {}
    for sheet in book.worksheets[1:]:  # after the contents
        rows = sheet.iter_rows(min_row=FIRST_ROW + 1, max_col=2, values_only=True)
        shown[str(sheet.cell(TITLE_ROW + 1, 1).value)] = dict(itertools.takewhile(lambda row: row[0] is not None,
                                                                                  rows))
    timelines = event_timelines(event)
    hidden = 0
    for key, figures in event_figures(event).items():
        found = timelines.get(key)
        for table in (*figures.tables, *(found.tables if found else ())):
            cells = shown[f"{figures.review.name}: {table.title}"]
            for label, text in table.display_rows:
                assert str(cells[label]) == text, (table.title, label)
                if label in table.hidden_labels:
                    assert not isinstance(cells[label], int), (table.title, label)
                    hidden += 1
    assert hidden  # the example has small numbers to hide


def thinned_harbour(folder: Path, keep_every: int, recommendations_per_type: int) -> Path:
    """Write the harbour example with every ``keep_every``-th review of its register (their people) and the first
    few recommendations of each type: small counts per year, per stage and per agency; return its data file."""
    book = openpyxl.load_workbook(HARBOUR.with_name("harbour-2025-register.xlsx"))
    reviews = book["Reviews"]
    kept: dict[object, object] = {}
    for number in range(reviews.max_row, 1, -1):
        if number % keep_every:
            reviews.delete_rows(number)
        else:
            kept[reviews.cell(number, 1).value] = reviews.cell(number, 2).value  # reference: review type
    for name, limit in (("People", None), ("Recommendations", recommendations_per_type)):
        sheet = book[name]
        by_type: dict[object, list[int]] = {}
        for number in range(2, sheet.max_row + 1):
            if sheet.cell(number, 1).value in kept:
                by_type.setdefault(kept[sheet.cell(number, 1).value], []).append(number)
        keep = {number for rows in by_type.values() for number in rows[:limit]}
        for number in range(sheet.max_row, 1, -1):
            if number not in keep:
                sheet.delete_rows(number)
    book.save(folder / "harbour-2025-register.xlsx")
    data = folder / HARBOUR.name
    data.write_text(HARBOUR.read_text(encoding="utf-8"), encoding="utf-8")
    return data


@pytest.mark.parametrize("threshold", [3, 5, 10])
def test_no_hidden_count_over_time_can_be_worked_out_in_a_small_register(threshold, tmp_path):
    # Before the three recommendation tables were hidden together, this register gave away 9 counts at 3.
    assert audit_over_time(thinned_harbour(tmp_path, 4, 4), threshold) == ([], [])


@pytest.mark.slow
@pytest.mark.parametrize("shape", [(3, 4), (3, 9), (4, 9), (6, 4), (6, 9)], ids=str)
@pytest.mark.parametrize("threshold", [3, 5, 10])
def test_no_hidden_count_over_time_can_be_worked_out_in_small_registers(shape, threshold, tmp_path):
    assert audit_over_time(thinned_harbour(tmp_path, *shape), threshold) == ([], [])


def test_a_table_over_time_left_out_is_said_in_plain_words_and_cited_as_undisclosed(tmp_path):
    from generator.briefing.plan import timeline_paragraphs
    from generator.timeline import placeholder_values

    event = load_event(thinned_harbour(tmp_path, 6, 9), suppress_below=5).event
    dhr = event_timelines(event)["dhr"]
    assert dhr.by_status is None and dhr.by_agency is None  # one recommendation: no table keeps it hidden
    assert ("Recommendations by status is not shown: its small numbers could otherwise be worked out from the other "
            "figures.") in timeline_paragraphs(dhr, publish_reasons=False)
    assert placeholder_values({"dhr": dhr})["dhr.recommendations.completed"] == "an undisclosed number"
    sar = event_timelines(event)["sar"]
    assert sar.withheld_stages == ("Date notified",)
    assert ("Notification within 5 working days is not shown: its small numbers could otherwise be worked out from "
            "the other figures.") in timeline_paragraphs(sar, publish_reasons=False)


def test_the_reviews_a_timeliness_table_does_not_know_are_hidden_when_few():
    assert audit_over_time(HARBOUR, 5, audit_not_known=True)[1] == []
