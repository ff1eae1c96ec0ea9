"""The streaming sheet reader: Excel's date serials and number formats read as openpyxl reads them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles.numbers import is_date_format
from openpyxl.utils.datetime import from_excel as openpyxl_from_excel

from generator.data_source.xlsx_rows import CALENDAR_WINDOWS_1900, _format_kind, from_excel, read_grids


@pytest.mark.parametrize("serial", [45000, 45000.5, 0.25, 0.999999, 1, 59, 60, 61, 44197.999999])
def test_a_serial_is_the_date_openpyxl_gives(serial):
    assert from_excel(serial, CALENDAR_WINDOWS_1900, "date") == openpyxl_from_excel(serial)


@pytest.mark.parametrize("code", ["dd/mm/yyyy", "General", "0.00", "[Red]0.00", '"day" 0', "[$-809]dd mmmm yyyy",
                                  "hh:mm", "#,##0;[Red]-#,##0", "d-mmm-yy", "@"])
def test_a_custom_format_is_a_date_when_openpyxl_says_so(code):
    assert (_format_kind(200, {200: code}) == "date") == is_date_format(code)


def test_cells_of_every_kind_are_read(tmp_path: Path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Reviews"
    sheet.append(["text", 7, 2.5, True, dt.datetime(2023, 5, 4), "=1+1"])
    sheet["A3"] = "after a gap"
    book.save(tmp_path / "r.xlsx")
    grid = read_grids(tmp_path / "r.xlsx", ("Reviews",), 100, 50)["Reviews"]
    assert not isinstance(grid, Exception)
    assert grid.rows[0][:5] == ["text", 7, 2.5, True, dt.datetime(2023, 5, 4)]
    assert grid.rows[0][5].text == "=1+1"  # a formula openpyxl saved without a value
    assert grid.rows[1] == [None] * 6 and grid.rows[2][0] == "after a gap"
