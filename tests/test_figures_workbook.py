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


@pytest.mark.slow
def test_libreoffice_calc_opens_it_and_every_number_is_the_published_briefings(tmp_path):
    import shutil
    import subprocess

    from docx import Document

    from generator.build import BuildOptions, build_event
    from generator.output.pdf import find_soffice

    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    for name in ("harbour-2025.yaml", "harbour-2025-register.xlsx"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    out = tmp_path / "out"
    build_event(tmp_path / "harbour-2025.yaml", BuildOptions(out_dir=out, suppress_below=5))
    workbook = out / "decks" / "learning-from-reviews-2025-06-12-figures.xlsx"
    saved = tmp_path / "calc"
    # Calc opens the workbook and saves it again: what it read is what a comms officer sees.
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(saved), str(workbook)], check=True,
                   capture_output=True, timeout=240)
    book = openpyxl.load_workbook(saved / workbook.name)
    sheets = {name: [(str(book[name].cell(r, 1).value), str(book[name].cell(r, 2).value))
                     for r in range(4, book[name].max_row + 1) if book[name].cell(r, 1).value not in (None, "Notes")]
              for name in book.sheetnames[1:]}
    for abbreviation in ("cspr", "sar", "dhr"):
        briefing = Document(str(out / "briefings" / f"learning-from-reviews-2025-06-12-{abbreviation}.docx"))
        printed = [[(row.cells[0].text, row.cells[1].text) for row in table.rows[1:]] for table in briefing.tables]
        mine = [rows for name, rows in sheets.items() if name.startswith(abbreviation.upper() + " ")]
        for rows in printed:  # every table the briefing prints is a sheet, cell for cell
            assert [r for r in rows] in [[(a, b) for a, b in sheet[:len(rows)]] for sheet in mine], rows
    dhr_years = dict(sheets["DHR Reviews per financial year"])
    assert dhr_years["2020/21"] == "<5" and dhr_years["2024/25"] == "5"
