"""``check`` on a figures workbook: its tables, and that no cell is a formula (a label must never run as one)."""

from __future__ import annotations

from pathlib import Path

from .file_report import FileReport


def check_workbook(path: Path, report: FileReport) -> None:
    """Record the workbook's number of tables, and each cell that holds a formula, in ``report``."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - openpyxl's many exceptions for a damaged file mean one thing
        report.problems.append("the workbook cannot be read: it is damaged, or not an Excel workbook")
        return
    try:
        tables = len(book.sheetnames) - 1  # after the contents sheet
        report.facts.append(f"{tables} {'table' if tables == 1 else 'tables'}")
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if getattr(cell, "data_type", "") == "f":
                        report.problems.append(f"sheet {sheet.title}, cell {cell.coordinate}: a formula, where "
                                               "every figure and label should be a value")
    finally:
        book.close()
