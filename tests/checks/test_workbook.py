"""check on a figures workbook: a formula anywhere is a problem; a damaged file is said to be one."""

from __future__ import annotations

import openpyxl

from generator.checks.file_report import FileReport
from generator.checks.workbook import check_workbook


def test_a_formula_cell_is_reported_and_values_are_not(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Contents"
    sheet = book.create_sheet("CSPR Reviews by area")
    sheet["A4"], sheet["B4"], sheet["B5"] = "NBC", 3, "=B4+1"
    path = tmp_path / "figures.xlsx"
    book.save(path)
    report = FileReport(path)
    check_workbook(path, report)
    assert report.facts == ["1 table"]
    assert report.problems == ["sheet CSPR Reviews by area, cell B5: a formula, where every figure and label should "
                               "be a value"]


def test_a_damaged_workbook_is_a_problem_not_a_traceback(tmp_path):
    path = tmp_path / "figures.xlsx"
    path.write_bytes(b"not a zip")
    report = FileReport(path)
    check_workbook(path, report)
    assert report.problems == ["the workbook cannot be read: it is damaged, or not an Excel workbook"]
