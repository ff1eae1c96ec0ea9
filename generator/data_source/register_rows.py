"""Checking a register's tables into typed rows: its columns, each cell's value, references, one spelling each.

The tables come from :mod:`.register_reading`; a problem names the file,
sheet (or YAML list), row and column, and every problem is listed at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..i18n import problem_date
from ..categories import is_unknown
from ..problems import WARNING, InputError, Problem
from ..register_records import PersonRow, ReviewRow, RowPlace, StageDates
from . import register_dates
from .register_dates import (
    DATE_EXPECTED, DateOrder, date_order, impossible_date, misread_warning, read_text_date,
)
from .register_reading import CellValue, Formula, GridValue, Table, cell_text, is_blank, read_csv_tables, read_tables
from .schema import XML_ILLEGAL

# Spaces and the invisible characters a copy from a web page or a PDF brings (zero-width spaces and joiners, word
# joiners, byte-order marks, soft hyphens), none of which tells one reference from another.
_UNSEEN_IN_REFERENCES = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]+")

MAX_CELL_CHARACTERS = 32_767  # Excel's own limit for one cell
MAX_AGE = 120
THEME_SEPARATOR = ";"
EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")  # how Excel stores a character XML cannot hold: _x0007_

Item = TypeVar("Item")


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
    Column("Criteria", False, False),
    # The stages a partnership may track (generator.timeline measures the time between them).
    Column("Date of incident", False, False),
    Column("Rapid review date", False, False),
    Column("Decision date", False, False),
    Column("Date completed", False, False),
)
PEOPLE_COLUMNS = (
    Column("Reference", True, True),
    Column("Role", False, False),
    Column("Age", True, False),
    Column("Ethnicity", True, False),
    Column("Gender", True, False),
)


STAGE_KEYS = ("dateofincident", "rapidreviewdate", "decisiondate", "datecompleted")  # StageDates' fields, in order
REVIEW_COLUMNS_BY_KEY = {column.key: column for column in REVIEW_COLUMNS}
PEOPLE_COLUMNS_BY_KEY = {column.key: column for column in PEOPLE_COLUMNS}


@dataclass
class Register:
    """Every review and person of a register that could be read, notes (warnings) such as the extra columns
    ignored, and the problems of the rows that could not be read (when the reader was asked to keep them)."""

    reviews: list[ReviewRow]
    people: list[PersonRow]
    notes: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)



def read_register(path: Path, label: str, *, raise_problems: bool = True, unknown: frozenset[str] = frozenset()
                  ) -> Register:
    """Return the register in ``path``: an ``.xlsx`` workbook, or a folder holding reviews.csv and people.csv.

    ``label`` names the path in messages. Raises InputError listing every
    problem found at once; without ``raise_problems``, the problems of rows
    are kept in the register instead (so the rows that could be read can be
    checked further, and every problem listed together). ``unknown`` holds the
    data file's own words for "not known" (see :func:`build_register`).
    """
    reviews, people = read_tables(path, label)
    return build_register(reviews, people, raise_problems=raise_problems, unknown=unknown)


def read_csv_register(reviews_path: Path, people_path: Path, reviews_label: str, people_label: str, *,
                      raise_problems: bool = True, unknown: frozenset[str] = frozenset()) -> Register:
    """Return the register held in two CSV files; raise InputError listing every problem found (the rows'
    problems kept in the register instead, without ``raise_problems``)."""
    reviews, people = read_csv_tables(reviews_path, people_path, reviews_label, people_label)
    return build_register(reviews, people, raise_problems=raise_problems, unknown=unknown)


def build_register(reviews: Table, people: Table, *, raise_problems: bool = True,
                   unknown: frozenset[str] = frozenset()) -> Register:
    """Return the register the two tables hold; raise InputError listing every problem in both, in row order
    (without ``raise_problems``, the register keeps them, and holds only the rows without problems).

    A status, theme, role, age, ethnicity or gender written as "not known"
    (blank, 'Not known', 'N/K'..., or one of ``unknown``, the data file's own
    words as :func:`generator.categories.match_key` gives them) is blank: it
    counts in "where known", never as a category or theme.
    """
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

    review_rows = typed_rows(reviews, REVIEW_COLUMNS, _review_row, problems, notes, check_review, unknown)
    if not first_seen:  # no review could be read: every person would be reported, burying the real problem
        check_person = ignore_reference
    person_rows = typed_rows(people, PEOPLE_COLUMNS, _person_row, problems, notes, check_person, unknown)
    if problems and raise_problems:
        raise InputError(problems)
    return Register(review_rows, person_rows, notes, problems)


def comparable_reference(text: str) -> str:
    """Return a review's reference as it is compared: NFKC-normalised ("Ｒ１" is "R1"), with no spaces and no
    invisible characters ("R\u200b1" is "R1"), so one review cannot be counted as two."""
    return _UNSEEN_IN_REFERENCES.sub("", unicodedata.normalize("NFKC", text))


def ignore_reference(reference: str, place: RowPlace, heading: str) -> None:
    """Check nothing: used when the references a row is checked against could not be read."""


def _row_name(place: RowPlace) -> str:
    return f"item {place.row} (line {place.line})" if place.line is not None else f"row {place.row}"


def typed_rows(table: Table, columns: Sequence[Column], make: Callable[[RowCells, str], Item | None],
               problems: list[Problem], notes: list[Problem],
               check_reference: Callable[[str, RowPlace, str], None], unknown: frozenset[str]) -> list[Item]:
    """Return the rows ``make`` turns the table's cells into; record the problems of the headings and every row.

    ``check_reference`` is given each row's reference (even a row with other
    problems), so duplicates and strays are found in the same pass.
    """
    what = "reviews" if columns is REVIEW_COLUMNS else "people"
    kinds = {c.key: c for c in columns}
    positions, ignored = _read_headings(table, kinds, problems)
    if not _headings_usable(table, columns, positions, ignored, what, problems, notes):
        return []
    result = []
    sheet = _Sheet(positions, table.headings, problems, notes, unknown, _date_order(table, positions, kinds, notes))
    for place, cells in table.rows:
        row_cells = RowCells(place, cells, sheet)
        reference = comparable_reference(row_cells.text(REFERENCE))
        if reference:
            check_reference(reference, place, row_cells.heading(REFERENCE))
        row = make(row_cells, reference)
        if row is not None:
            result.append(row)
    return result


def _read_headings(table: Table, kinds: dict[str, Column], problems: list[Problem]) -> tuple[dict[str, int], list[str]]:
    """Return the column of each known heading, by its key, and the headings not used; record headings holding a
    control character and headings given twice."""
    positions: dict[str, int] = {}
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
    return positions, ignored


def _headings_usable(table: Table, columns: Sequence[Column], positions: dict[str, int], ignored: list[str], what: str,
                     problems: list[Problem], notes: list[Problem]) -> bool:
    """Return whether the rows can be read: the table has headings and every required column. Record what is
    wrong (a likely misspelling named), a note of the columns ignored, and a table of reviews with no rows."""
    if not table.headings:
        headings = ", ".join(c.heading for c in columns)
        problems.append(_table_problem(table, f"is empty; expected a heading row ({headings}) and one row for each "
                                              f"of the {what}"))
        return False
    missing = [c.heading for c in columns if c.required and c.key not in positions]
    if missing:
        by_key = {header_key(heading): heading for heading in ignored}
        meant = [f"'{by_key[close[0]]}' for {heading}" for heading in missing
                 for close in [difflib.get_close_matches(header_key(heading), by_key, n=1, cutoff=0.8)] if close]
        problems.append(table.heading_place.problem(
            "", f"no {_plural('column', len(missing))} {', '.join(missing)}; the headings are: "
                f"{', '.join(h for h in table.headings if h)}"
                + (f" (did you mean {', '.join(meant)}?)" if meant else "")))
        return False
    if ignored:
        notes.append(table.heading_place.problem(
            "", f"{_plural('column', len(ignored))} {', '.join(ignored)} "
                f"{'is' if len(ignored) == 1 else 'are'} not used and {'was' if len(ignored) == 1 else 'were'} "
                "ignored", WARNING))
    if not table.rows and what == "reviews":
        problems.append(_table_problem(table, "has headings but no reviews; add one row for each review"))
    return True


def _date_order(table: Table, positions: dict[str, int], kinds: dict[str, Column], notes: list[Problem]
                ) -> DateOrder:
    """Return the order the table's text dates are written in; a warning says so when it is month first."""
    order = date_order(table.rows, [index for key, index in positions.items() if kinds[key].heading.startswith("Date")])
    if order.is_month_first:
        assert order.month_first is not None
        text, place = order.month_first
        notes.append(place.problem("", f"the text dates are written month first ('{text}'), as a spreadsheet set to "
                                       "US dates writes them; they are read so", WARNING))
    return order


def _table_problem(table: Table, message: str) -> Problem:
    if table.from_yaml:
        return Problem(f"the list {message}", file=table.file, line=table.heading_place.line,
                       key_path=table.sheet)
    if Path(table.file).name == table.sheet:
        return Problem(f"the file {message}", file=table.file)
    return Problem(f"the sheet {table.sheet} {message}", file=table.file)


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


@dataclass
class _Sheet:
    """What every row of a sheet is read with: where each column is, the headings as written, the problems and
    notes found so far, the data's own words for "not known", and the order of the sheet's text dates."""

    positions: dict[str, int]
    headings: list[str]
    problems: list[Problem]
    notes: list[Problem]
    unknown: frozenset[str]
    order: DateOrder


class RowCells:
    """One row's cells by column, turning each into the value its column holds and recording problems."""

    def __init__(self, place: RowPlace, cells: list[GridValue], sheet: _Sheet):
        self.place, self.cells, self.sheet = place, cells, sheet
        self.positions, self.headings, self.unknown = sheet.positions, sheet.headings, sheet.unknown
        self.failed = False

    def fail(self, heading: str, message: str) -> None:
        self.sheet.problems.append(self.place.problem(heading, message))
        self.failed = True

    def warn(self, heading: str, message: str) -> None:
        self.sheet.notes.append(self.place.problem(heading, message, WARNING))

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
        if isinstance(value, Formula):
            self.fail(heading, f"the formula {value.text} has no saved value; open the workbook in Excel and "
                               "save it, or type the value instead")
            return heading, None, False
        return heading, value, True

    def _checked_text(self, heading: str, value: CellValue) -> str | None:
        """Return the cell as text, or None (with a problem) when it holds a date or a character documents refuse."""
        if value is None:  # an empty cell, or a column the register leaves out: most cells of most rows
            return ""
        if isinstance(value, (dt.date, dt.time, dt.timedelta)):
            self.fail(heading, f"expected text, not the date or time {value}")
            return None
        text = value if isinstance(value, str) and value == value.strip() else cell_text(value)
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
        if isinstance(value, dt.date):  # a date cell (a datetime is one too)
            day = dt.date(value.year, value.month, value.day)
            warning = misread_warning(value, self.sheet.order)
            if warning:
                self.warn(heading, warning)
            return day
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.fail(heading, f"'{cell_text(value)}' is not a date ({DATE_EXPECTED})")
            return None
        text = self._checked_text(heading, value)
        if text is None:
            return None
        if not text:
            if column.filled:
                self.fail(heading, "is blank; every row needs one")
            return None
        parsed, warning = read_text_date(text, self.sheet.order)
        if parsed is None:
            self.fail(heading, f"'{text}' is not a date ({impossible_date(text) or DATE_EXPECTED})")
        elif warning:
            self.warn(heading, warning)
        return parsed

    def category(self, column: Column) -> str:
        """Return the cell's text, or '' when it says the value is not known."""
        text = self.text(column)
        return "" if is_unknown(text, self.unknown) else text

    def age(self, column: Column) -> int | None:
        heading, value, readable = self._raw(column)
        if not readable or is_blank(value) or (isinstance(value, str) and is_unknown(value, self.unknown)):
            return None
        number: float | None = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str) and re.fullmatch(r"[+]?[0-9]+(\.0+)?", value.strip()):  # ASCII digits only
            number = float(value.strip())
        # Compared before int(): a cell of 1e400 is read as infinity, which int() cannot take.
        if number is None or not 0 <= number <= MAX_AGE or number != int(number):
            shown = self._checked_text(heading, value) if isinstance(value, str) else cell_text(value)
            if shown is not None:
                self.fail(heading, f"'{shown}' is not an age (expected a whole number of years from 0 to "
                                   f"{MAX_AGE}, or blank when not known)")
            return None
        return int(number)


def _review_row(cells: RowCells, reference: str) -> ReviewRow | None:
    columns = REVIEW_COLUMNS_BY_KEY
    review_type = cells.text(columns["reviewtype"])
    area = cells.text(columns["area"])
    status = cells.category(columns["status"])
    notified = cells.date(columns["datenotified"])
    published = cells.date(columns["datepublished"])
    themes_text = cells.text(columns["themes"])
    criteria_text = cells.text(columns["criteria"])
    _check_dates(cells, notified, published)
    stages = StageDates(*(cells.date(columns[key]) for key in STAGE_KEYS))
    if cells.failed:
        return None
    themes = tuple(dict.fromkeys(t.strip() for t in themes_text.split(THEME_SEPARATOR)
                                 if not is_unknown(t, cells.unknown)))
    criteria = tuple(dict.fromkeys(c.strip() for c in criteria_text.split(THEME_SEPARATOR) if c.strip()))
    return ReviewRow(reference, review_type, area, status, notified, published, themes, cells.place, criteria,
                     stages=stages)


def _check_dates(cells: RowCells, notified: dt.date | None, published: dt.date | None) -> None:
    """Fail a review dated in the future, or published before it was notified."""
    columns = REVIEW_COLUMNS_BY_KEY
    for day, key in ((notified, "datenotified"), (published, "datepublished")):
        if day is not None and day > register_dates.today():
            cells.fail(cells.heading(columns[key]), f"{problem_date(day)} is in the future")
    if notified is not None and published is not None and published < notified:
        cells.fail(cells.heading(columns["datepublished"]),
                   f"{problem_date(published)} is before the date notified ({problem_date(notified)})")


def _person_row(cells: RowCells, reference: str) -> PersonRow | None:
    columns = PEOPLE_COLUMNS_BY_KEY
    role = cells.category(columns["role"])
    age = cells.age(columns["age"])
    ethnicity = cells.category(columns["ethnicity"])
    gender = cells.category(columns["gender"])
    if cells.failed:
        return None
    return PersonRow(reference, role, age, ethnicity, gender, cells.place)


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

