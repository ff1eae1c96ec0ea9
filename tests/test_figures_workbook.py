"""The figures workbook: every table as the briefings publish it, labels as text, the same bytes every time."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from generator.figures import event_figures
from generator.figures_workbook import FiguresWorkbookBuilder, published_tables, sheet_names, workbook_bytes
from generator.loading import load_event
from generator.plan import plan_event

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "harbour-2025.yaml"


@pytest.fixture(scope="module")
def hidden():
    return load_event(DATA, suppress_below=5).event


def _book(event):
    tables = published_tables(event)
    return tables, openpyxl.load_workbook(io.BytesIO(workbook_bytes(event, tables)))


def test_each_sheet_is_a_published_table_with_hidden_counts_as_the_briefing_shows_them(hidden):
    tables, book = _book(hidden)
    names = sheet_names(tables)
    assert book.sheetnames == ["Contents", *names]
    figures = event_figures(hidden)
    for name, item in zip(names, tables):
        sheet = book[name]
        assert sheet["A1"].value == item.title
        rows = [(sheet.cell(r, 1).value, sheet.cell(r, 2).value) for r in range(4, 4 + len(item.rows))]
        assert [(label, str(value)) for label, value in rows] == list(item.rows)
        for label, value in rows:
            assert isinstance(label, str)
            assert isinstance(value, int) or value in ("<5", "[c]")
        assert sheet.cell(5 + len(item.rows), 1).value == "Notes"
    areas = next(t for t in tables if t.abbreviation == "DHR" and t.name == "Reviews by area")
    assert areas.rows == figures["dhr"].areas.display_rows  # the same CountTable the briefing prints
    per_year = next(t for t in tables if t.abbreviation == "DHR" and t.name == "Reviews per financial year")
    assert dict(per_year.rows)["2020/21"] == "<5"
    assert any("<5" in dict(t.rows).values() for t in tables if t.abbreviation == "DHR" and t.name.startswith("Overdue"))


def test_labels_are_text_never_formulas(hidden, tmp_path):
    area = next(iter(hidden.areas))
    hidden.areas = {("=HYPERLINK(\"http://x.example\",\"y\")" if k == area else k): v for k, v in hidden.areas.items()}
    tables = published_tables(hidden)
    raw = workbook_bytes(hidden, tables)
    book = openpyxl.load_workbook(io.BytesIO(raw))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)


def test_sheet_names_fit_excel_and_are_each_their_own():
    from generator.figures_workbook import PublishedTable

    long = PublishedTable("T", "CSPR", "Ethnicity of adults at risk: a very long name", "t", "c", "u", (), ())
    names = sheet_names([long, long, long])
    assert names == ["CSPR Ethnicity of adults at ris", "CSPR Ethnicity of adults at (2)",
                     "CSPR Ethnicity of adults at (3)"]
    assert all(len(n) <= 31 for n in names)


def test_same_data_same_bytes_and_only_with_a_timeline(hidden, tmp_path):
    plan = plan_event(hidden)
    (target,) = FiguresWorkbookBuilder().targets(plan, tmp_path)
    assert target.path == tmp_path / "decks" / "learning-from-reviews-2025-06-12-figures.xlsx"
    again = load_event(DATA, suppress_below=5).event
    (second,) = FiguresWorkbookBuilder().targets(plan_event(again), tmp_path)
    assert target.render().data == second.render().data
    riverside = load_event(ROOT / "data" / "riverside-2024.yaml").event
    assert FiguresWorkbookBuilder().targets(plan_event(riverside), tmp_path) == []
