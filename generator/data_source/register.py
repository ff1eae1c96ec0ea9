"""The partnership's review register: one row per review, one per person a review concerned.

A register is a workbook (sheets "Reviews" and "People"), a pair of CSV files
(``reviews.csv`` and ``people.csv``), or the same rows written as YAML lists
(which the data file's loader composes and passes to :func:`rows_from_records`).
Every source becomes a :class:`Table` of raw cells, and one set of checks turns
tables into typed rows, so a problem reads the same whichever way the rows came.

Workbooks and CSV files are untrusted input: their size is checked before they
are opened, rows and columns are bounded, formulas are never evaluated (a
formula's value is the one Excel cached when it last saved the file) and every
failure of the parser is a located problem, never a traceback.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import difflib
import functools
import io
import re
import stat
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeAlias, TypeVar

from ..problems import ERROR, NOTE, WARNING, InputError, Problem
from .schema import XML_ILLEGAL

MAX_REGISTER_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 80 * 1024 * 1024  # parts inflated; a "zip bomb" is refused before parsing (100,000 rows fit)
MAX_ROWS = 100_000
MAX_COLUMNS = 50
MAX_CELL_CHARACTERS = 32_767  # Excel's own limit for one cell
MAX_AGE = 120
REVIEWS_SHEET = "Reviews"
PEOPLE_SHEET = "People"
REVIEWS_CSV = "reviews.csv"
PEOPLE_CSV = "people.csv"
THEME_SEPARATOR = ";"
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
DATE_EXPECTED = "expected dd/mm/yyyy or yyyy-mm-dd"
BY_NOTIFIED = "date notified"
BY_PUBLISHED = "date published"
PERIOD_BASES = (BY_NOTIFIED, BY_PUBLISHED)
SIMILARITY_CUTOFF = 0.7
UNREADABLE_WORKBOOK = ("the workbook cannot be read: it is damaged, or not an Excel workbook; open it in Excel "
                       "and save it again as an Excel Workbook (.xlsx)")
EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")  # how Excel stores a character XML cannot hold: _x0007_

CellValue = str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None
Item = TypeVar("Item")


@dataclass(frozen=True)
class _Formula:
    """A formula cell, kept until its cached value is known; ``cached`` stays None when Excel saved none."""

    text: str
    cached: CellValue = None


GridValue: TypeAlias = CellValue | _Formula


def header_key(heading: str) -> str:
    """Return a heading as headers are compared: 'Date notified' = 'date_notified' = 'DATE NOTIFIED'."""
    return re.sub(r"[\s_]+", "", heading).lower()


@dataclass(frozen=True)
class Column:
    """A register column: its heading as the blank register writes it, and whether it must be present and filled.

    What each column holds, in words for the person filling it in, is the blank register's About sheet
    (``generator.register_workbook``).
    """

    heading: str
    required: bool  # the column must be there
    filled: bool  # every row must have a value in it

    @functools.cached_property
    def key(self) -> str:
        """Return the heading as headers are compared: lower case, without spaces or underscores."""
        return header_key(self.heading)


REFERENCE = Column("Reference", True, True)
REVIEW_COLUMNS = (
    REFERENCE,
    Column("Review type", True, True),
    Column("Area", True, True),
    Column("Status", False, False),
    Column("Date notified", True, True),
    Column("Date published", False, False),
    Column("Themes", False, False),
)
PEOPLE_COLUMNS = (
    Column("Reference", True, True),
    Column("Role", False, False),
    Column("Age", True, False),
    Column("Ethnicity", True, False),
    Column("Gender", True, False),
)


REVIEW_COLUMNS_BY_KEY = {column.key: column for column in REVIEW_COLUMNS}
PEOPLE_COLUMNS_BY_KEY = {column.key: column for column in PEOPLE_COLUMNS}


@dataclass(frozen=True)
class RowPlace:
    """Where a row stands: a workbook's file, sheet and row; a CSV file and row; or a YAML list item and line.

    For YAML rows ``sheet`` is the list's key path (``register.reviews``),
    ``row`` the item's index in it, and ``line`` the line the item starts on.
    """

    file: str
    sheet: str
    row: int
    line: int | None = None

    def problem(self, column: str, message: str, severity: str = ERROR) -> Problem:
        """Return a problem located at this row's ``column`` (the heading as the user wrote it)."""
        if self.line is not None:
            where = f"{self.sheet}[{self.row}]" + (f".{column}" if column else "")
            return Problem(message, file=self.file, line=self.line, key_path=where, severity=severity)
        parts = [] if Path(self.file).name == self.sheet else [f"sheet {self.sheet}"]
        parts.append(f"row {self.row}")
        if column:
            parts.append(column)
        return Problem(message, file=self.file, key_path=", ".join(parts), severity=severity)


@dataclass(frozen=True)
class ReviewRow:
    """One review as the register gives it (names not yet matched to the data file's)."""

    reference: str
    review_type: str
    area: str
    status: str
    notified: dt.date | None
    published: dt.date | None
    themes: tuple[str, ...]
    place: RowPlace


@dataclass(frozen=True)
class PersonRow:
    """One person a review concerned; blank fields are empty strings, an unknown age is None."""

    reference: str
    role: str
    age: int | None
    ethnicity: str
    gender: str
    place: RowPlace


@dataclass
class Register:
    """Every review and person of a register that could be read, notes (warnings) such as the extra columns
    ignored, and the problems of the rows that could not be read (when the reader was asked to keep them)."""

    reviews: list[ReviewRow]
    people: list[PersonRow]
    notes: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


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


@dataclass(frozen=True)
class ResolvedReview:
    """A review whose type, area and themes are the data file's keys and names, with its people."""

    reference: str
    type_key: str
    area: str
    status: str
    notified: dt.date | None
    published: dt.date | None
    themes: tuple[str, ...]
    people: tuple[PersonRow, ...]
    place: RowPlace


@dataclass(frozen=True)
class KnownFor:
    """How many reviews (or, with a ``unit``, people) a table's figures cover, of how many."""

    known: int
    total: int
    unit: str = ""  # what is counted, when it is not reviews: 'children'

    @property
    def note(self) -> str:
        """Return 'where known: 3 of 9' ('where known: 15 of 16 children') when the figures cover only some, else ''."""
        if self.known >= self.total:
            return ""
        return f"where known: {self.known} of {self.total}" + (f" {self.unit}" if self.unit else "")


# Reading ------------------------------------------------------------------------------------------------------------


def read_register(path: Path, label: str, *, raise_problems: bool = True) -> Register:
    """Return the register in ``path``: an ``.xlsx`` workbook, or a folder holding reviews.csv and people.csv.

    ``label`` names the path in messages. Raises InputError listing every
    problem found at once; without ``raise_problems``, the problems of rows
    are kept in the register instead (so the rows that could be read can be
    checked further, and every problem listed together).
    """
    if path.is_dir():
        return read_csv_register(path / REVIEWS_CSV, path / PEOPLE_CSV,
                                 f"{label}/{REVIEWS_CSV}", f"{label}/{PEOPLE_CSV}", raise_problems=raise_problems)
    suffix = path.suffix.lower()
    if suffix == ".xlsm":
        raise InputError([Problem("a workbook with macros (.xlsm) is not read; save the register as an Excel "
                                  "Workbook (.xlsx)", file=label, category="input")])
    if suffix != ".xlsx":
        raise InputError([Problem("expected an Excel workbook (.xlsx), or a folder holding reviews.csv and "
                                  "people.csv", file=label, category="input")])
    reviews, people = read_workbook_tables(path, label)
    return build_register(reviews, people, raise_problems=raise_problems)


def read_csv_register(reviews_path: Path, people_path: Path, reviews_label: str, people_label: str, *,
                      raise_problems: bool = True) -> Register:
    """Return the register held in two CSV files; raise InputError listing every problem found (the rows'
    problems kept in the register instead, without ``raise_problems``)."""
    problems: list[Problem] = []
    tables = []
    for path, label in ((reviews_path, reviews_label), (people_path, people_label)):
        try:
            tables.append(read_csv_table(path, label))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    return build_register(tables[0], tables[1], raise_problems=raise_problems)


def _checked_bytes_size(path: Path, label: str) -> int:
    """Return the file's size, or raise InputError when it is missing, not a regular file, or too large."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise InputError([Problem("file not found", file=label, category="input")]) from None
    except OSError as error:
        raise InputError([Problem(f"cannot read the file ({error.strerror})", file=label,
                                  category="input")]) from None
    if not stat.S_ISREG(status.st_mode):
        raise InputError([Problem("expected a file, but this is a folder or a device", file=label,
                                  category="input")])
    if status.st_size > MAX_REGISTER_BYTES:
        raise InputError([Problem(f"the file is {status.st_size:,} bytes; a register may be at most "
                                  f"{MAX_REGISTER_BYTES:,} bytes", file=label, category="input")])
    return status.st_size


def read_csv_table(path: Path, label: str) -> Table:
    """Return the rows of one CSV file (UTF-8, comma- or semicolon-separated, headings in the first row)."""
    _checked_bytes_size(path, label)
    with path.open("rb") as handle:  # read no more than the limit, should the file have grown since
        raw = handle.read(MAX_REGISTER_BYTES + 1)
    if len(raw) > MAX_REGISTER_BYTES:
        raise InputError([Problem(f"the file is more than {MAX_REGISTER_BYTES:,} bytes; a register may be at most "
                                  f"{MAX_REGISTER_BYTES:,} bytes", file=label, category="input")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = raw[: error.start].count(b"\n") + 1
        raise InputError([Problem(
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02X} cannot be read); in Excel, save it as "
            "'CSV UTF-8 (Comma delimited)'", file=label, key_path=f"row {row}", category="input")]) from None
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
                raise InputError([Problem(f"the file has more than {MAX_ROWS:,} rows", file=label,
                                          category="input")])
    except csv.Error as error:
        raise InputError([Problem(f"the CSV cannot be read ({error})", file=label,
                                  key_path=f"row {len(records) + 1}", category="input")]) from None
    return _table_from_grid(label, sheet, records)


def read_workbook_tables(path: Path, label: str) -> tuple[Table, Table]:
    """Return the Reviews and People sheets of an ``.xlsx`` workbook, checked for size before it is opened."""
    _checked_bytes_size(path, label)
    _check_zip(path, label)
    grids = _read_sheets(path, label, data_only=False)
    formulas = {(sheet, r, c): value for sheet, grid in grids.items() for r, row in enumerate(grid)
                for c, value in enumerate(row) if isinstance(value, _Formula)}
    if formulas:  # a second, value-only reading gives the values Excel saved for them
        cached = _read_sheets(path, label, data_only=True)
        for (sheet, r, c), formula in formulas.items():
            value = cached[sheet][r][c]
            grids[sheet][r][c] = formula if value is None else value
    reviews, people = (_table_from_grid(label, name, grids[name]) for name in (REVIEWS_SHEET, PEOPLE_SHEET))
    return reviews, people


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
        raise InputError([Problem(UNREADABLE_WORKBOOK, file=label, category="input")]) from None
    if inflated > MAX_UNZIPPED_BYTES:
        raise InputError([Problem(f"the workbook unpacks to {inflated:,} bytes, more than the "
                                  f"{MAX_UNZIPPED_BYTES:,} allowed", file=label, category="input")])
    if "xl/vbaProject.bin" in names:
        raise InputError([Problem("the workbook holds macros; save the register as an Excel Workbook (.xlsx) "
                                  "without them", file=label, category="input")])


def _read_sheets(path: Path, label: str, data_only: bool) -> dict[str, list[list[GridValue]]]:
    """Return the cells of the Reviews and People sheets, each row padded to the same width.

    Only the two sheets are read; their names are matched regardless of case.
    With ``data_only`` off, formula cells come back as :class:`_Formula`.
    """
    from openpyxl import load_workbook  # imported here: reading YAML-only data need not pay for it

    grids: dict[str, list[list[GridValue]]] = {}
    problems: list[Problem] = []
    # openpyxl raises many kinds of exception for a damaged or hostile package (KeyError for a missing part,
    # ValueError or TypeError for a malformed value, XML parser errors); each means the same to a trainer.
    try:
        workbook = load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except Exception:  # noqa: BLE001 - see above
        raise InputError([Problem(UNREADABLE_WORKBOOK, file=label, category="input")]) from None
    try:
        by_key = {name.strip().lower(): name for name in workbook.sheetnames}
        for wanted in (REVIEWS_SHEET, PEOPLE_SHEET):
            name = by_key.get(wanted.lower())
            if name is None:
                problems.append(Problem(f"the workbook has no sheet named {wanted} (its sheets: "
                                        f"{', '.join(workbook.sheetnames) or 'none'})", file=label,
                                        category="input"))
                continue
            sheet = workbook[name]
            if not hasattr(sheet, "iter_rows"):
                problems.append(Problem(f"the sheet {name} is a chart, not a table of rows", file=label,
                                        category="input"))
                continue
            grids[wanted] = _sheet_grid(sheet, data_only, label, name, problems)
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - the parser's exceptions, as above
        raise InputError([Problem(UNREADABLE_WORKBOOK, file=label, category="input")]) from None
    finally:
        workbook.close()
    if problems:
        raise InputError(problems)
    return grids


def _sheet_grid(sheet: _RowSource, data_only: bool, label: str, name: str, problems: list[Problem]
                ) -> list[list[GridValue]]:
    grid: list[list[GridValue]] = []
    for number, row in enumerate(sheet.iter_rows(min_row=1, max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS), start=1):
        values: list[GridValue] = []
        for cell in row:
            value = cell.value
            if not data_only and cell.data_type == "f":
                value = _Formula(str(value))
            values.append(value)
        if number > MAX_ROWS + 1 and any(v not in (None, "") for v in values):
            problems.append(Problem(f"the sheet has more than {MAX_ROWS:,} rows", file=label,
                                    key_path=f"sheet {name}", category="input"))
            break
        grid.append(values)
    else:
        declared = sheet.max_row  # the sheet's own record of its used range: rows past those read are not lost
        if declared is not None and declared > MAX_ROWS + 1:
            problems.append(Problem(f"the sheet's used range reaches row {declared:,}, past the {MAX_ROWS + 1:,} "
                                    "rows read; delete the rows below the register (they may hold only formatting)",
                                    file=label, key_path=f"sheet {name}", category="input"))
    return grid


def _table_from_grid(file: str, sheet: str, grid: Sequence[Sequence[GridValue]]) -> Table:
    """Return a table from rows of cells whose first row holds the headings; wholly blank rows are left out."""
    header_place = RowPlace(file, sheet, 1)
    if not grid:
        return Table(file, sheet, [], [], header_place)
    headings = [_text(value) for value in grid[0][:MAX_COLUMNS]]
    while headings and not headings[-1]:
        headings.pop()
    rows = []
    for number, cells in enumerate(grid[1:], start=2):
        if all(_is_blank(value) for value in cells):
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


# Checking -----------------------------------------------------------------------------------------------------------


def build_register(reviews: Table, people: Table, *, raise_problems: bool = True) -> Register:
    """Return the register the two tables hold; raise InputError listing every problem in both, in row order
    (without ``raise_problems``, the register keeps them, and holds only the rows without problems)."""
    problems: list[Problem] = []
    notes: list[Problem] = []
    first_seen: dict[str, RowPlace] = {}

    def check_review(reference: str, place: RowPlace, heading: str) -> None:
        first = first_seen.setdefault(reference.casefold(), place)
        if first is not place:
            problems.append(place.problem(heading, f"'{reference}' is already the reference of {_row_name(first)}; "
                                                   "each review needs its own"))

    def check_person(reference: str, place: RowPlace, heading: str) -> None:
        if reference.casefold() not in first_seen:
            kind = "list" if reviews.from_yaml else "sheet"
            problems.append(place.problem(heading, f"'{reference}' is not the reference of any review on the "
                                                   f"{reviews.sheet} {kind}"))

    review_rows = _typed_rows(reviews, REVIEW_COLUMNS, _review_row, problems, notes, check_review)
    if not first_seen:  # no review could be read: every person would be reported, burying the real problem
        check_person = _ignore_reference
    person_rows = _typed_rows(people, PEOPLE_COLUMNS, _person_row, problems, notes, check_person)
    if problems and raise_problems:
        raise InputError(problems)
    person_rows = _one_spelling_each(person_rows, people, notes)
    return Register(review_rows, person_rows, notes, problems)


PERSON_CATEGORIES = ("role", "ethnicity", "gender")  # the people's fields that are counted as categories


def _one_spelling_each(people: list[PersonRow], table: Table, notes: list[Problem]) -> list[PersonRow]:
    """Return the people with each role, ethnicity and gender written one way: values that differ only in capitals
    or spaces ('Male', 'male ', 'MALE') are one category, written as most rows write it; a note names each other
    spelling where it first appears (a register typed or pasted by hand, with no drop-down list, has them)."""
    headings = {column.key: column.heading for column in PEOPLE_COLUMNS}
    for field_name in PERSON_CATEGORIES:
        spellings: dict[str, dict[str, list[PersonRow]]] = {}
        for person in people:
            value = getattr(person, field_name)
            if value:
                spellings.setdefault(_name_key(value), {}).setdefault(value, []).append(person)
        chosen: dict[str, str] = {}
        for variants in spellings.values():
            if len(variants) < 2:
                continue
            usual = max(variants, key=lambda spelling: len(variants[spelling]))  # ties: the first written
            for spelling, rows in variants.items():
                chosen[spelling] = usual
                if spelling != usual:
                    notes.append(rows[0].place.problem(
                        _heading_as_written(table, headings[field_name]),
                        f"'{spelling}' is counted with '{usual}' (values that differ only in capitals or spaces "
                        "are one category)", NOTE))
        if chosen:
            people = [dataclasses.replace(p, **{field_name: chosen.get(getattr(p, field_name), getattr(p, field_name))})
                      for p in people]
    return people


def _heading_as_written(table: Table, heading: str) -> str:
    """Return the table's own heading for a column (its case and spacing), or the column's usual heading."""
    return next((h for h in table.headings if header_key(h) == header_key(heading)), heading)


def _ignore_reference(reference: str, place: RowPlace, heading: str) -> None:
    """Check nothing: used when the references a row is checked against could not be read."""


def _row_name(place: RowPlace) -> str:
    return f"item {place.row} (line {place.line})" if place.line is not None else f"row {place.row}"


def _typed_rows(table: Table, columns: Sequence[Column], make: Callable[[_Cells, str], Item | None],
                problems: list[Problem], notes: list[Problem],
                check_reference: Callable[[str, RowPlace, str], None]) -> list[Item]:
    """Return the rows ``make`` turns the table's cells into; record the problems of the headings and every row.

    ``check_reference`` is given each row's reference (even a row with other
    problems), so duplicates and strays are found in the same pass.
    """
    what = "reviews" if columns is REVIEW_COLUMNS else "people"
    positions: dict[str, int] = {}
    kinds = {c.key: c for c in columns}
    ignored: list[str] = []
    for index, heading in enumerate(table.headings):
        key = header_key(heading)
        if not key:
            continue
        bad = XML_ILLEGAL.search(heading)
        if bad:
            where = "" if table.from_yaml else _column_name(table, index)  # never echo the character itself
            problems.append(table.heading_place.problem(where, _control_message(bad.group(), "the heading")))
        elif key in positions:
            problems.append(table.heading_place.problem(
                heading, f"the column appears twice ({_column_name(table, positions[key])} and "
                         f"{_column_name(table, index)}); keep one"))
        elif key in kinds:
            positions[key] = index
        else:
            ignored.append(heading)
    if not table.headings:
        headings = ", ".join(c.heading for c in columns)
        problems.append(_table_problem(table, f"is empty; expected a heading row ({headings}) and one row for each "
                                              f"of the {what}"))
        return []
    missing = [c.heading for c in columns if c.required and c.key not in positions]
    if missing:
        by_key = {header_key(heading): heading for heading in ignored}
        meant = [f"'{by_key[close[0]]}' for {heading}" for heading in missing
                 for close in [difflib.get_close_matches(header_key(heading), by_key, n=1, cutoff=0.8)] if close]
        problems.append(table.heading_place.problem(
            "", f"no {_plural('column', len(missing))} {', '.join(missing)}; the headings are: "
                f"{', '.join(h for h in table.headings if h)}"
                + (f" (did you mean {', '.join(meant)}?)" if meant else "")))
        return []
    if ignored:
        notes.append(table.heading_place.problem(
            "", f"{_plural('column', len(ignored))} {', '.join(ignored)} "
                f"{'is' if len(ignored) == 1 else 'are'} not used and {'was' if len(ignored) == 1 else 'were'} "
                "ignored", WARNING))
    if not table.rows and what == "reviews":
        problems.append(_table_problem(table, "has headings but no reviews; add one row for each review"))
    result = []
    for place, cells in table.rows:
        row_cells = _Cells(place, cells, positions, table.headings, problems)
        reference = row_cells.text(REFERENCE)
        if reference:
            check_reference(reference, place, row_cells.heading(REFERENCE))
        row = make(row_cells, reference)
        if row is not None:
            result.append(row)
    return result


def _table_problem(table: Table, message: str) -> Problem:
    if table.from_yaml:
        return Problem(f"the list {message}", file=table.file, line=table.heading_place.line,
                       key_path=table.sheet, category="input")
    if Path(table.file).name == table.sheet:
        return Problem(f"the file {message}", file=table.file, category="input")
    return Problem(f"the sheet {table.sheet} {message}", file=table.file, category="input")


def _column_name(table: Table, index: int) -> str:
    if table.from_yaml:
        return f"'{table.headings[index]}'"
    from openpyxl.utils import get_column_letter

    return f"column {get_column_letter(index + 1)}"


def _plural(word: str, count: int) -> str:
    return word if count == 1 else f"{word}s"


def _control_message(character: str, what: str) -> str:
    return (f"{what} holds the control character U+{ord(character):04X}, which documents cannot contain; "
            "remove it")


class _Cells:
    """One row's cells by column, turning each into the value its column holds and recording problems."""

    def __init__(self, place: RowPlace, cells: list[GridValue], positions: dict[str, int], headings: list[str],
                 problems: list[Problem]):
        self.place, self.cells, self.positions, self.headings = place, cells, positions, headings
        self.problems = problems
        self.failed = False

    def fail(self, heading: str, message: str) -> None:
        self.problems.append(self.place.problem(heading, message))
        self.failed = True

    def heading(self, column: Column) -> str:
        """Return the column's heading as the user wrote it."""
        index = self.positions.get(column.key)
        return column.heading if index is None else self.headings[index]

    def _raw(self, column: Column) -> tuple[str, CellValue, bool]:
        """Return the column's heading as the user wrote it, the cell's value, and whether there is a value to read.

        A formula's value is the one Excel saved; one saved without a value is reported here.
        """
        index = self.positions.get(column.key)
        if index is None:
            return column.heading, None, True
        value = self.cells[index] if index < len(self.cells) else None
        heading = self.headings[index]
        if isinstance(value, _Formula):
            self.fail(heading, f"the formula {value.text} has no saved value; open the workbook in Excel and "
                               "save it, or type the value instead")
            return heading, None, False
        return heading, value, True

    def _checked_text(self, heading: str, value: CellValue) -> str | None:
        """Return the cell as text, or None (with a problem) when it holds a date or a character documents refuse."""
        if isinstance(value, (dt.date, dt.time, dt.timedelta)):
            self.fail(heading, f"expected text, not the date or time {value}")
            return None
        text = value if isinstance(value, str) and value == value.strip() else _text(value)
        character = _control_character(text)
        if character:
            self.fail(heading, _control_message(character, "the cell"))
            return None
        if len(text) > MAX_CELL_CHARACTERS:
            self.fail(heading, f"the cell holds {len(text):,} characters; at most {MAX_CELL_CHARACTERS:,} are read")
            return None
        return text

    def text(self, column: Column) -> str:
        heading, value, readable = self._raw(column)
        if not readable:
            return ""
        text = self._checked_text(heading, value)
        if text == "" and column.filled:
            self.fail(heading, "is blank; every row needs one")
        return text or ""

    def date(self, column: Column) -> dt.date | None:
        heading, value, readable = self._raw(column)
        if not readable:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.fail(heading, f"'{_text(value)}' is not a date ({DATE_EXPECTED})")
            return None
        text = self._checked_text(heading, value)
        if text is None:
            return None
        if not text:
            if column.filled:
                self.fail(heading, "is blank; every row needs one")
            return None
        parsed = parse_date(text)
        if parsed is None:
            self.fail(heading, f"'{text}' is not a date ({impossible_date(text) or DATE_EXPECTED})")
        return parsed

    def age(self, column: Column) -> int | None:
        heading, value, readable = self._raw(column)
        if not readable or _is_blank(value):
            return None
        number: float | None = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str) and re.fullmatch(r"[+]?\d+(\.0+)?", value.strip()):
            number = float(value.strip())
        if number is None or number != int(number) or not 0 <= number <= MAX_AGE:
            shown = self._checked_text(heading, value) if isinstance(value, str) else _text(value)
            if shown is not None:
                self.fail(heading, f"'{shown}' is not an age (expected a whole number of years from 0 to "
                                   f"{MAX_AGE}, or blank when not known)")
            return None
        return int(number)


def _review_row(cells: _Cells, reference: str) -> ReviewRow | None:
    columns = REVIEW_COLUMNS_BY_KEY
    review_type = cells.text(columns["reviewtype"])
    area = cells.text(columns["area"])
    status = cells.text(columns["status"])
    notified = cells.date(columns["datenotified"])
    published = cells.date(columns["datepublished"])
    themes_text = cells.text(columns["themes"])
    if cells.failed:
        return None
    themes = tuple(dict.fromkeys(t.strip() for t in themes_text.split(THEME_SEPARATOR) if t.strip()))
    return ReviewRow(reference, review_type, area, status, notified, published, themes, cells.place)


def _person_row(cells: _Cells, reference: str) -> PersonRow | None:
    columns = PEOPLE_COLUMNS_BY_KEY
    role = cells.text(columns["role"])
    age = cells.age(columns["age"])
    ethnicity = cells.text(columns["ethnicity"])
    gender = cells.text(columns["gender"])
    if cells.failed:
        return None
    return PersonRow(reference, role, age, ethnicity, gender, cells.place)


def parse_date(text: str) -> dt.date | None:
    """Return the date written as yyyy-mm-dd or dd/mm/yyyy (a time after it, as Excel may add, is ignored)."""
    text = text.strip()
    text = re.sub(r"[ T]00:00(:00)?$", "", text)
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


DATE_SHAPES = (re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
               re.compile(r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})"))


def impossible_date(text: str) -> str:
    """Return why a date written in an expected form is no day of the calendar ('February 2021 has no day 31'),
    or '' when ``text`` is not in an expected form at all."""
    for shape in DATE_SHAPES:
        match = shape.fullmatch(text.strip())
        if match:
            year, month, day = (int(match.group(part)) for part in ("year", "month", "day"))
            if year < dt.MINYEAR:
                return f"there is no year {year}"
            if not 1 <= month <= 12:
                return f"there is no month {month}"
            return f"{dt.date(year, month, 1):%B %Y} has no day {day}"
    return ""


def _control_character(text: str) -> str:
    """Return the first character of ``text`` that XML cannot hold (typed, or stored by Excel as _x0007_), or ''."""
    bad = XML_ILLEGAL.search(text)
    if bad:
        return bad.group()
    if "_x" in text:
        for escape in EXCEL_ESCAPE.finditer(text):
            character = chr(int(escape.group(1), 16))
            if XML_ILLEGAL.match(character):
                return character
    return ""


def _is_blank(value: CellValue | _Formula) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: CellValue | _Formula) -> str:
    """Return a cell as text: whole numbers without '.0' (a reference typed as 2021001 stays 2021001)."""
    if value is None:
        return ""
    if isinstance(value, _Formula):
        return value.text
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# Matching names to the data file ------------------------------------------------------------------------------------


def resolve_register(register: Register, review_types: Mapping[str, tuple[str, ...]], areas: Mapping[str, str],
                     themes: Mapping[str, tuple[str, ...]], allow_new_themes: bool
                     ) -> tuple[list[ResolvedReview], list[Problem]]:
    """Return the reviews with the data file's keys for type and area and its names for themes, and the problems.

    ``review_types`` maps each type's key to the names a row may use for it,
    short name first and full name second (abbreviation, full name, name,
    singular); ``areas`` maps each area's short name to its full name;
    ``themes`` maps each type's key to its list of themes. A theme outside its
    type's list is an error unless ``allow_new_themes`` (then it is kept as typed).
    """
    problems: list[Problem] = []
    type_names = _NameIndex({key: (key,) + names for key, names in review_types.items()},
                            {key: _shown_names(names) for key, names in review_types.items()})
    area_names = _NameIndex({short: (short, full) for short, full in areas.items()},
                            {short: f"{short}, {full}" if full and full != short else short
                             for short, full in areas.items()})
    people_by_review: dict[str, list[PersonRow]] = {}
    for person in register.people:
        people_by_review.setdefault(person.reference.casefold(), []).append(person)
    theme_indexes = {key: _NameIndex({name: (name,) for name in names}, {name: name for name in names})
                     for key, names in themes.items()}
    resolved = []
    for review in register.reviews:
        type_key = type_names.find(review.review_type)
        area = area_names.find(review.area)
        if type_key is None:
            problems.append(review.place.problem("Review type", type_names.unknown(review.review_type,
                                                                                   "a review type")))
        if area is None:
            problems.append(review.place.problem("Area", area_names.unknown(review.area, "an area")))
        if type_key is None or area is None:
            continue
        theme_index = theme_indexes.get(type_key) or _NameIndex({}, {})
        matched = []
        for theme in review.themes:
            name = theme_index.find(theme)
            if name is None and not allow_new_themes:
                label = next((n for n in review_types[type_key] if n), type_key)
                parts = [part.strip() for part in theme.split(",")]
                if len(parts) > 1 and all(theme_index.find(part) for part in parts):
                    message = (f"'{theme}' is not one of the {label} themes; separate themes with "
                               f"'{THEME_SEPARATOR}', not commas: {f'{THEME_SEPARATOR} '.join(parts)}")
                else:
                    message = theme_index.unknown(theme, f"one of the {label} themes")
                problems.append(review.place.problem("Themes", message))
                continue
            matched.append(name or theme)
        resolved.append(ResolvedReview(review.reference, type_key, area, review.status, review.notified,
                                       review.published, tuple(dict.fromkeys(matched)),
                                       tuple(people_by_review.get(review.reference.casefold(), ())), review.place))
    return resolved, problems


def _shown_names(names: tuple[str, ...]) -> str:
    distinct = list(dict.fromkeys(n for n in names if n))
    return ", ".join(distinct[:2])


def _name_key(name: str) -> str:
    return " ".join(name.casefold().replace("&", "and").split())


class _NameIndex:
    """Names a row may use for each key, found regardless of case and spacing, with a 'did you mean' for typos."""

    def __init__(self, names: Mapping[str, tuple[str, ...]], shown: Mapping[str, str]):
        self.by_name = {_name_key(name): key for key, all_names in names.items() for name in all_names if name}
        self.names = names
        self.shown = shown

    def find(self, text: str) -> str | None:
        return self.by_name.get(_name_key(text))

    def unknown(self, text: str, what: str) -> str:
        if not text:
            return f"is blank; expected {what}"
        close = self.closest(text)
        if close is not None:
            return f"'{text}' is not {what} (did you mean {self.shown[close]}?)"
        return f"'{text}' is not {what} (expected one of: {'; '.join(self.shown.values())})"

    def closest(self, text: str) -> str | None:
        """Return the key with a name (or the start of one, as 'Middlesbrough' of its council) nearest ``text``."""
        typed = _name_key(text)
        best, best_score = None, SIMILARITY_CUTOFF
        for key, all_names in self.names.items():
            for name in all_names:
                words = _name_key(name).split()
                for end in range(1, len(words) + 1):
                    score = difflib.SequenceMatcher(None, typed, " ".join(words[:end])).ratio()
                    if score >= best_score:
                        best, best_score = key, score
        return best


# Counting -----------------------------------------------------------------------------------------------------------


def select_period(reviews: Iterable[ResolvedReview], start: dt.date, end: dt.date, by: str = BY_NOTIFIED
                  ) -> list[ResolvedReview]:
    """Return the reviews whose date notified (or published) lies from ``start`` to ``end``, both included.

    A review without that date (one not yet published, say) is not selected.
    """
    if by not in PERIOD_BASES:
        raise ValueError(f"by must be one of {PERIOD_BASES}, not {by!r}")
    chosen = []
    for review in reviews:
        day = review.notified if by == BY_NOTIFIED else review.published
        if day is not None and start <= day <= end:
            chosen.append(review)
    return chosen


def count_by(items: Iterable[Item], key: Callable[[Item], str | None], order: Sequence[str] = ()) -> dict[str, int]:
    """Return how many items have each value of ``key``: the ``order`` given first (zeros kept), then the rest.

    Items whose key is None or blank (not known) are not counted. Values
    outside ``order`` follow it, the most frequent first, ties by name.
    """
    return count_each(items, lambda item: _one(key(item)), order)


def _one(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def count_each(items: Iterable[Item], keys: Callable[[Item], Iterable[str]], order: Sequence[str] = ()
               ) -> dict[str, int]:
    """Return, for each value, how many items have it among their ``keys`` (a review's themes, say)."""
    counts = dict.fromkeys(order, 0)
    extra: dict[str, int] = {}
    for item in items:
        for value in dict.fromkeys(keys(item)):
            if not value:
                continue
            if value in counts:
                counts[value] += 1
            else:
                extra[value] = extra.get(value, 0) + 1
    counts.update(sorted(extra.items(), key=lambda pair: (-pair[1], pair[0])))
    return counts


def people_of(reviews: Iterable[ResolvedReview], role: str | None = None) -> list[PersonRow]:
    """Return every person the reviews concerned, review by review; only those of ``role`` (any case) when given."""
    wanted = None if role is None else role.casefold()
    return [person for review in reviews for person in review.people
            if wanted is None or person.role.casefold() == wanted]


PERSON_FIELDS: dict[str, Callable[[PersonRow], object]] = {
    "age": lambda person: person.age,
    "ethnicity": lambda person: person.ethnicity,
    "gender": lambda person: person.gender,
    "role": lambda person: person.role,
}


def known_for(reviews: Sequence[ResolvedReview], person_field: str) -> KnownFor:
    """Return for how many of the reviews ``person_field`` is known: filled in for at least one of its people."""
    value_of = PERSON_FIELDS[person_field]
    known = sum(1 for review in reviews if any(value_of(p) not in (None, "") for p in review.people))
    return KnownFor(known, len(reviews))
