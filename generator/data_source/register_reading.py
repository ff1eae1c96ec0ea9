"""Reading a review register's files into tables of raw cells: a workbook, a pair of CSV files, or YAML lists.

A register is a workbook (sheets "Reviews" and "People"), a pair of CSV files
(``reviews.csv`` and ``people.csv``), or the same rows written as YAML lists
(which the data file's loader composes and passes to :func:`rows_from_records`).
Every source becomes a :class:`Table` of raw cells; one set of checks
(:mod:`.register_rows`) turns tables into typed rows, so a problem reads the
same whichever way the rows came.

Workbooks and CSV files are untrusted input: their size is checked before they
are opened, rows and columns are bounded, formulas are never evaluated (a
formula's value is the one Excel cached when it last saved the file) and every
failure of the parser is a located problem, never a traceback.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import stat
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeAlias

from ..problems import InputError, Problem
from ..register_records import RowPlace

MAX_REGISTER_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 80 * 1024 * 1024  # parts inflated; a "zip bomb" is refused before parsing (50,000 rows fit)
MAX_ROWS = 50_000  # a sheet; at 100,000 people rows a build peaked at 272 MB, past the 250 MB memory target
MAX_COLUMNS = 50
REVIEWS_SHEET = "Reviews"
PEOPLE_SHEET = "People"
REVIEWS_CSV = "reviews.csv"
PEOPLE_CSV = "people.csv"
# An .ods register is not read: the libraries that read .ods are unmaintained (odfpy, last released 2020;
# pyexcel-ods3, 2022) or heavy (pandas, about 29 MB of wheels with numpy, reads .ods through odfpy anyway), and
# Calc saves .xlsx in two clicks.
ODS_NOT_READ = ("a LibreOffice Calc spreadsheet (.ods) is not read; in Calc choose File > Save As, save it as "
                "'Excel 2007-365 (.xlsx)', and name the .xlsx in the data file")
UNREADABLE_WORKBOOK = ("the workbook cannot be read: it is damaged, or not an Excel workbook; open it in Excel "
                       "and save it again as an Excel Workbook (.xlsx)")

CellValue = str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None


@dataclass(frozen=True)
class Formula:
    """A formula cell, kept until its cached value is known; ``cached`` stays None when Excel saved none."""

    text: str
    cached: CellValue = None


GridValue: TypeAlias = CellValue | Formula


class YearFirstDate(dt.datetime):
    """A date cell shown year first (its number format yyyy-mm-dd): typed so, as no spreadsheet misreads its day
    for its month (see :mod:`.register_dates`)."""


@dataclass
class Table:
    """The raw cells of one sheet, CSV file or YAML list: its headings, and its rows with their places.

    ``heading_problem`` locates a problem with the headings themselves (a
    missing column): the header row of a sheet, or the list in a YAML file.
    """

    file: str
    sheet: str
    headings: list[str]
    rows: list[tuple[RowPlace, list[GridValue]]]
    heading_place: RowPlace
    from_yaml: bool = False


def read_tables(path: Path, label: str) -> tuple[Table, Table]:
    """Return the Reviews and People tables in ``path``: an ``.xlsx`` workbook, or a folder holding reviews.csv
    and people.csv. ``label`` names the path in messages; raises InputError listing every problem found at once."""
    if path.is_dir():
        return read_csv_tables(path / REVIEWS_CSV, path / PEOPLE_CSV, f"{label}/{REVIEWS_CSV}",
                               f"{label}/{PEOPLE_CSV}")
    suffix = path.suffix.lower()
    if suffix == ".xlsm":
        raise InputError([Problem("a workbook with macros (.xlsm) is not read; save the register as an Excel "
                                  "Workbook (.xlsx)", file=label)])
    if suffix == ".ods":
        raise InputError([Problem(ODS_NOT_READ, file=label)])
    if suffix != ".xlsx":
        raise InputError([Problem("expected an Excel workbook (.xlsx), or a folder holding reviews.csv and "
                                  "people.csv", file=label)])
    return read_workbook_tables(path, label)


def read_csv_tables(reviews_path: Path, people_path: Path, reviews_label: str, people_label: str
                    ) -> tuple[Table, Table]:
    """Return the Reviews and People tables held in two CSV files; raise InputError listing every problem found."""
    problems: list[Problem] = []
    tables = []
    for path, label in ((reviews_path, reviews_label), (people_path, people_label)):
        try:
            tables.append(read_csv_table(path, label))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    return tables[0], tables[1]


def _checked_bytes_size(path: Path, label: str) -> int:
    """Return the file's size, or raise InputError when it is missing, not a regular file, or too large."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise InputError([Problem("file not found", file=label)]) from None
    except OSError as error:
        raise InputError([Problem(f"cannot read the file ({error.strerror})", file=label)]) from None
    if not stat.S_ISREG(status.st_mode):
        raise InputError([Problem("expected a file, but this is a folder or a device", file=label)])
    if status.st_size > MAX_REGISTER_BYTES:
        raise InputError([Problem(f"the file is {status.st_size:,} bytes; a register may be at most "
                                  f"{MAX_REGISTER_BYTES:,} bytes", file=label)])
    return status.st_size


def read_csv_table(path: Path, label: str) -> Table:
    """Return the rows of one CSV file (UTF-8, comma- or semicolon-separated, headings in the first row)."""
    _checked_bytes_size(path, label)
    with path.open("rb") as handle:  # read no more than the limit, should the file have grown since
        raw = handle.read(MAX_REGISTER_BYTES + 1)
    if len(raw) > MAX_REGISTER_BYTES:
        raise InputError([Problem(f"the file is more than {MAX_REGISTER_BYTES:,} bytes; a register may be at most "
                                  f"{MAX_REGISTER_BYTES:,} bytes", file=label)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = raw[: error.start].count(b"\n") + 1
        raise InputError([Problem(
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02X} cannot be read); in Excel, save it as "
            "'CSV UTF-8 (Comma delimited)'", file=label, key_path=f"row {row}")]) from None
    sheet = path.name
    records: list[list[str]] = []
    # Excel set to a language that writes decimal commas saves "CSV" with semicolons between columns; the
    # heading row, which holds no semicolons of its own, tells which it is.
    heading_row = text.split("\n", 1)[0]
    delimiter = ";" if heading_row.count(";") > heading_row.count(",") else ","
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            records.append(record)
            if len(records) > MAX_ROWS + 1:
                raise InputError([Problem(f"the file has more than {MAX_ROWS:,} rows", file=label)])
    except csv.Error as error:
        raise InputError([Problem(f"the CSV cannot be read ({error})", file=label,
                                  key_path=f"row {len(records) + 1}")]) from None
    return _table_from_grid(label, sheet, records)


def read_workbook_tables(path: Path, label: str) -> tuple[Table, Table]:
    """Return the Reviews and People sheets of an ``.xlsx`` workbook, checked for size before it is opened."""
    _checked_bytes_size(path, label)
    _check_zip(path, label)
    grids = _read_sheets(path, label, data_only=False)
    if any(grid.formulas for grid in grids.values()):  # a second, value-only reading gives the values Excel saved
        cached = _read_sheets(path, label, data_only=True)
        for name, grid in grids.items():
            for r, c in grid.formulas:
                value = cached[name].rows[r][c]
                if value is not None:
                    grid.rows[r][c] = value
    reviews, people = (_table_from_grid(label, name, grids[name].rows) for name in (REVIEWS_SHEET, PEOPLE_SHEET))
    return reviews, people


@dataclass
class _Grid:
    """A sheet's cells, each row padded to the same width, and where its formulas are (row, column; from 0)."""

    rows: list[list[GridValue]] = field(default_factory=list)
    formulas: list[tuple[int, int]] = field(default_factory=list)


class _RowSource(Protocol):
    """What is read of a sheet: its rows of cells, each with a value and a data type ('f' for a formula)."""

    @property
    def max_row(self) -> int | None: ...

    def iter_rows(self, min_row: int | None = ..., max_row: int | None = ..., min_col: int | None = ...,
                  max_col: int | None = ...) -> Iterator[tuple[Any, ...]]: ...


def _check_zip(path: Path, label: str) -> None:
    """Refuse a file that is not a zip package, or whose parts would inflate past a sane size."""
    try:
        with zipfile.ZipFile(path) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
            names = {info.filename for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError([Problem(UNREADABLE_WORKBOOK, file=label)]) from None
    if inflated > MAX_UNZIPPED_BYTES:
        raise InputError([Problem(f"the workbook unpacks to {inflated:,} bytes, more than the "
                                  f"{MAX_UNZIPPED_BYTES:,} allowed", file=label)])
    if "xl/vbaProject.bin" in names:
        raise InputError([Problem("the workbook holds macros; save the register as an Excel Workbook (.xlsx) "
                                  "without them", file=label)])


def _read_sheets(path: Path, label: str, data_only: bool) -> dict[str, _Grid]:
    """Return the cells of the Reviews and People sheets, each row padded to the same width.

    Only the two sheets are read; their names are matched regardless of case.
    With ``data_only`` off, formula cells come back as :class:`Formula`.
    """
    from openpyxl import load_workbook  # imported here: reading YAML-only data need not pay for it

    grids: dict[str, _Grid] = {}
    problems: list[Problem] = []
    # openpyxl raises many kinds of exception for a damaged or hostile package (KeyError for a missing part,
    # ValueError or TypeError for a malformed value, XML parser errors); each means the same to a trainer.
    try:
        workbook = load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except Exception:  # noqa: BLE001 - see above
        raise InputError([Problem(UNREADABLE_WORKBOOK, file=label)]) from None
    try:
        by_key = {name.strip().lower(): name for name in workbook.sheetnames}
        for wanted in (REVIEWS_SHEET, PEOPLE_SHEET):
            name = by_key.get(wanted.lower())
            if name is None:
                problems.append(Problem(f"the workbook has no sheet named {wanted} (its sheets: "
                                        f"{', '.join(workbook.sheetnames) or 'none'})", file=label))
                continue
            sheet = workbook[name]
            if not hasattr(sheet, "iter_rows"):
                problems.append(Problem(f"the sheet {name} is a chart, not a table of rows", file=label))
                continue
            grids[wanted] = _sheet_grid(sheet, data_only, label, name, problems)
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - the parser's exceptions, as above
        raise InputError([Problem(UNREADABLE_WORKBOOK, file=label)]) from None
    finally:
        workbook.close()
    if problems:
        raise InputError(problems)
    return grids


def _sheet_grid(sheet: _RowSource, data_only: bool, label: str, name: str, problems: list[Problem]) -> _Grid:
    grid = _Grid()
    for number, row in enumerate(sheet.iter_rows(min_row=1, max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS), start=1):
        # Each row comes MAX_COLUMNS wide and mostly empty: only the cells holding something are looked at (a
        # formula holds its text, so an empty cell is never one).
        values: list[GridValue] = [cell.value for cell in row]
        for column, value in enumerate(values):
            if value is None:
                continue
            cell = row[column]
            if not data_only and cell.data_type == "f":
                values[column] = Formula(str(value))
                grid.formulas.append((len(grid.rows), column))
            elif isinstance(value, dt.datetime) and str(getattr(cell, "number_format", "")).startswith("yyyy"):
                values[column] = YearFirstDate(value.year, value.month, value.day, value.hour, value.minute,
                                               value.second)
        if number > MAX_ROWS + 1 and any(v not in (None, "") for v in values):
            problems.append(Problem(f"the sheet has more than {MAX_ROWS:,} rows", file=label,
                                    key_path=f"sheet {name}"))
            break
        grid.rows.append(values)
    else:
        if (past := rows_past_those_read(sheet.max_row, label, name)) is not None:
            problems.append(past)
    return grid


def rows_past_those_read(declared: int | None, label: str, name: str) -> Problem | None:
    """Return the problem of a sheet whose own record of its used range (``declared``, openpyxl's max_row) reaches
    past the rows read, or None: a row down there, even after blank ones, would otherwise be lost without a word."""
    if declared is None or declared <= MAX_ROWS + 1:
        return None
    return Problem(f"the sheet's used range reaches row {declared:,}, past the {MAX_ROWS + 1:,} rows read; delete the "
                   "rows below the register (they may hold only formatting)", file=label, key_path=f"sheet {name}")


def _table_from_grid(file: str, sheet: str, grid: Sequence[Sequence[GridValue]]) -> Table:
    """Return a table from rows of cells whose first row holds the headings; wholly blank rows are left out."""
    header_place = RowPlace(file, sheet, 1)
    if not grid:
        return Table(file, sheet, [], [], header_place)
    headings = [cell_text(value) for value in grid[0][:MAX_COLUMNS]]
    while headings and not headings[-1]:
        headings.pop()
    rows = []
    for number, cells in enumerate(grid[1:], start=2):
        if all(is_blank(value) for value in cells):
            continue
        rows.append((RowPlace(file, sheet, number), list(cells[:MAX_COLUMNS])))
    return Table(file, sheet, headings, rows, header_place)


def rows_from_records(records: list[tuple[int, dict[str, str]]], file: str, sheet: str, line: int | None = None
                      ) -> Table:
    """Return a table from YAML list items: (the line each item starts on, its keys and values).

    ``sheet`` is the list's key path (``register.reviews``) and ``line`` the
    line it starts on; problems are then located as ``file, line N,
    register.reviews[3].Date notified``.
    """
    headings: list[str] = []
    seen: set[str] = set()
    for _, record in records:
        for key in record:
            if key not in seen:
                seen.add(key)
                headings.append(key)
    rows = [(RowPlace(file, sheet, index, line), list[GridValue]([record.get(h) for h in headings]))
            for index, (line, record) in enumerate(records)]
    first_line = records[0][0] if records else line
    return Table(file, sheet, headings, rows, RowPlace(file, sheet, 0, first_line), from_yaml=True)



def is_blank(value: CellValue | Formula) -> bool:
    """Return whether a cell is empty or holds only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: CellValue | Formula) -> str:
    """Return a cell as text: whole numbers without '.0' (a reference typed as 2021001 stays 2021001)."""
    if value is None:
        return ""
    if isinstance(value, Formula):
        return value.text
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
