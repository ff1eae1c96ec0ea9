"""The cells of named sheets of an .xlsx workbook, streamed from the sheet XML.

openpyxl's read-only mode builds an object for every cell and every shared
string; for a register of 10,000 reviews that is most of a build's time. A
register needs only each cell's value, so this reads the sheet XML straight
from the package with lxml's incremental parser, resolving shared strings,
booleans, errors and dates (a number whose cell style is a date format, told
as Excel's own formats and the characters of a custom one tell) converted to a date.

A formula's value is the one Excel saved with it; a formula saved without a
value comes back as its text, marked, for the caller to report. Nothing is
evaluated, no entity is expanded and nothing is fetched from the network.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from lxml import etree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PACKAGE_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
WORKBOOK_PART = "xl/workbook.xml"
WORKBOOK_RELATIONSHIPS = "xl/_rels/workbook.xml.rels"
CHARTSHEET_TYPE = "/chartsheet"
CALENDAR_WINDOWS_1900 = dt.datetime(1899, 12, 30)  # day 0 as Excel counts (past its leap-day bug of 1900)
CALENDAR_MAC_1904 = dt.datetime(1904, 1, 1)
EXCEL_LEAP_BUG_DAY = 60  # Excel's 29 February 1900, a day that never was: serials below it are a day early
# Excel's own formats of dates and times (m/d/yyyy, d-mmm-yy, h:mm AM/PM, mm:ss...), and of a duration ([h]:mm:ss).
BUILTIN_DATE_FORMATS = frozenset((*range(14, 23), 45, 47))
BUILTIN_DURATION_FORMATS = frozenset((46,))
_LITERAL = re.compile(r'"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]', re.IGNORECASE)  # quoted text, escapes, [Red], [$-809]
_DATE_PART = re.compile(r"[dmyhs]", re.IGNORECASE)
_DURATION = re.compile(r"\[[hms]+\]", re.IGNORECASE)
_CELL_REFERENCE = re.compile(r"^([A-Z]{1,3})(\d+)$")
_VALUE, _FORMULA, _INLINE, _CELL, _TEXT = f"{MAIN}v", f"{MAIN}f", f"{MAIN}is", f"{MAIN}c", f"{MAIN}t"


@dataclass(frozen=True)
class FormulaCell:
    """A formula saved without a value: its text (the caller reports it)."""

    text: str


CellValue = str | int | float | bool | dt.datetime | dt.time | dt.timedelta | None


class SheetProblem(Exception):
    """A problem with one sheet (missing, or a chart); the message is worded for the user."""


class ChartSheet(SheetProblem):
    """The sheet is a chart, not a table of rows."""


@dataclass
class SheetGrid:
    """The rows of one sheet (each padded to the same width), and the last row its used range declares."""

    rows: list[list[CellValue | FormulaCell]]
    declared_rows: int | None
    more_rows: bool  # the row after ``max_rows`` holds something


def _parser_options() -> dict:
    return {"resolve_entities": False, "no_network": True, "huge_tree": False, "remove_comments": True}


def _safe_tree(archive: zipfile.ZipFile, name: str) -> etree._Element:
    with archive.open(name) as part:
        return etree.parse(part, etree.XMLParser(**_parser_options())).getroot()


def sheet_names(archive: zipfile.ZipFile) -> dict[str, tuple[str, bool]]:
    """Return each sheet's name with its part's path and whether it is a chart sheet."""
    workbook = _safe_tree(archive, WORKBOOK_PART)
    relationships = _safe_tree(archive, WORKBOOK_RELATIONSHIPS)
    targets = {}
    for relationship in relationships.iter(f"{PACKAGE_RELATIONSHIPS}Relationship"):
        target = relationship.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[relationship.get("Id")] = (path, relationship.get("Type", "").endswith(CHARTSHEET_TYPE))
    sheets = {}
    for sheet in workbook.iter(f"{MAIN}sheet"):
        target = targets.get(sheet.get(RELATIONSHIP_ID))
        if target is not None:
            sheets[sheet.get("name", "")] = target
    return sheets


def _epoch(archive: zipfile.ZipFile) -> dt.datetime:
    properties = _safe_tree(archive, WORKBOOK_PART).find(f"{MAIN}workbookPr")
    in_1904 = properties is not None and properties.get("date1904", "0").lower() in ("1", "true")
    return CALENDAR_MAC_1904 if in_1904 else CALENDAR_WINDOWS_1900


def _style_kinds(archive: zipfile.ZipFile) -> list[str]:
    """Return, for each cell style index, 'date', 'timedelta' or '' (a number shown as a number)."""
    if "xl/styles.xml" not in archive.namelist():
        return []
    styles = _safe_tree(archive, "xl/styles.xml")
    custom = {int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in styles.iter(f"{MAIN}numFmt")}
    cell_formats = styles.find(f"{MAIN}cellXfs")
    return [_format_kind(int(style.get("numFmtId", "0")), custom)
            for style in (cell_formats if cell_formats is not None else ())]


def _format_kind(number_format: int, custom: dict[int, str]) -> str:
    """Return what a number format shows a number as: 'date' (or time of day), 'timedelta', or '' for a number."""
    if number_format in custom:
        code = _LITERAL.sub("", custom[number_format].split(";")[0])
        if _DURATION.search(code):
            return "timedelta"
        return "date" if _DATE_PART.search(code) else ""
    if number_format in BUILTIN_DURATION_FORMATS:
        return "timedelta"
    return "date" if number_format in BUILTIN_DATE_FORMATS else ""


def from_excel(serial: float, epoch: dt.datetime, kind: str) -> dt.datetime | dt.time | dt.timedelta:
    """Return an Excel serial number as the date, time of day (a serial below 1) or duration its format shows."""
    if kind == "timedelta":
        return dt.timedelta(days=serial)
    if 0 <= serial < 1:
        return (dt.datetime.min + _milliseconds(serial)).time()
    if epoch == CALENDAR_WINDOWS_1900 and 0 < serial < EXCEL_LEAP_BUG_DAY:
        serial += 1
    return epoch + _milliseconds(serial)


def _milliseconds(days: float) -> dt.timedelta:
    """Return a number of days as a duration to the nearest millisecond (Excel keeps no finer time)."""
    return dt.timedelta(milliseconds=round(days * 86_400_000))


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    names = archive.namelist()
    part = next((n for n in ("xl/sharedStrings.xml", "xl/SharedStrings.xml") if n in names), None)
    if part is None:
        return []
    strings = []
    with archive.open(part) as handle:
        for _, item in etree.iterparse(handle, events=("end",), tag=f"{MAIN}si", **_parser_options()):
            strings.append(_item_text(item))
            item.clear()
    return strings


def _item_text(item: etree._Element) -> str:
    """Return a shared or inline string's text: its runs' text, without phonetic guides (rPh)."""
    if len(item) == 1 and item[0].tag == _TEXT:  # plain text, as most cells are
        return item[0].text or ""
    return "".join(t.text or "" for t in item.iter(f"{MAIN}t")
                   if t.getparent() is not None and t.getparent().tag != f"{MAIN}rPh")


def _column_index(reference: str) -> int:
    index = 0
    for letter in reference:
        index = index * 26 + ord(letter) - 64
    return index - 1


def read_grids(path: Path, wanted: Sequence[str], max_rows: int, max_columns: int
               ) -> dict[str, SheetGrid | SheetProblem]:
    """Return the rows of each wanted sheet (names matched regardless of case), or why it cannot be read.

    Raises zipfile, lxml and value errors for a damaged package; the caller
    turns them into one message.
    """
    with zipfile.ZipFile(path) as archive:
        sheets = sheet_names(archive)
        by_key = {name.strip().lower(): name for name in sheets}
        found: dict[str, SheetGrid | SheetProblem] = {}
        strings: list[str] | None = None
        kinds: list[str] = []
        epoch = CALENDAR_WINDOWS_1900
        for wanted_name in wanted:
            name = by_key.get(wanted_name.lower())
            if name is None:
                found[wanted_name] = SheetProblem(f"the workbook has no sheet named {wanted_name} (its sheets: "
                                                  f"{', '.join(sheets) or 'none'})")
                continue
            part, is_chart = sheets[name]
            if is_chart:
                found[wanted_name] = ChartSheet(f"the sheet {name} is a chart, not a table of rows")
                continue
            if strings is None:
                strings, kinds, epoch = _shared_strings(archive), _style_kinds(archive), _epoch(archive)
            with archive.open(part) as handle:
                found[wanted_name] = _grid(handle, strings, _value_maker(kinds, epoch), max_rows, max_columns)
        return found


def _value_maker(kinds: list[str], epoch: dt.datetime) -> Callable[[str, float], CellValue]:
    def number(style: str, value: float) -> CellValue:
        kind = kinds[int(style)] if style.isdigit() and int(style) < len(kinds) else ""
        if kind:
            return from_excel(value, epoch, kind)
        return int(value) if value.is_integer() and abs(value) < 2 ** 53 else value
    return number


def _grid(handle: IO[bytes], strings: list[str], number: Callable[[str, float], CellValue], max_rows: int,
          max_columns: int) -> SheetGrid:
    rows: list[list[CellValue | FormulaCell]] = []
    declared: int | None = None
    more = False
    for row_number, cells in _rows(handle, strings, number, max_columns):
        if row_number == 0:  # the sheet's dimension: its used range's last row
            declared = cells[0] if cells and isinstance(cells[0], int) else None
            continue
        if row_number > max_rows:  # a row straight after the last one read holds more of the register
            more = row_number == max_rows + 1 and any(value not in (None, "") for value in cells)
            break
        while len(rows) < row_number - 1:
            rows.append([])
        rows.append(cells)
    width = max((len(row) for row in rows), default=0)
    for row in rows:
        row.extend([None] * (width - len(row)))
    return SheetGrid(rows, declared, more)


def _rows(handle: IO[bytes], strings: list[str], number: Callable[[str, float], CellValue], max_columns: int
          ) -> Iterator[tuple[int, list[CellValue | FormulaCell]]]:
    """Yield (row number, its cells) for each row element; first (0, [last row]) when the sheet declares it."""
    next_row = 1
    for event, element in etree.iterparse(handle, events=("end",), tag=(f"{MAIN}row", f"{MAIN}dimension"),
                                          **_parser_options()):
        if element.tag == f"{MAIN}dimension":
            last = element.get("ref", "").split(":")[-1]
            match = _CELL_REFERENCE.match(last)
            yield 0, [int(match.group(2))] if match else []
            continue
        row_number = int(element.get("r") or next_row)
        next_row = row_number + 1
        cells: list[CellValue | FormulaCell] = []
        for cell in element.iterchildren(_CELL):
            reference = cell.get("r")
            match = _CELL_REFERENCE.match(reference) if reference else None
            column = _column_index(match.group(1)) if match else len(cells)
            if column >= max_columns:
                continue
            while len(cells) < column:
                cells.append(None)
            cells.append(_cell_value(cell, strings, number))
        element.clear()
        yield row_number, cells


def _cell_value(cell: etree._Element, strings: list[str], number: Callable[[str, float], CellValue]
                ) -> CellValue | FormulaCell:
    kind = cell.get("t", "n")
    formula = text = None
    for child in cell:  # one pass over the cell's few children (find() per tag costs more, per cell)
        tag = child.tag
        if tag == _VALUE:
            text = child.text
        elif tag == _FORMULA:
            formula = child.text or ""
        elif tag == _INLINE:
            return _item_text(child)
    if text is None:
        return FormulaCell(f"={formula}") if formula is not None else None
    if kind == "s":
        return strings[int(text)]
    if kind in ("str", "e"):
        return text
    if kind == "b":
        return text.strip() in ("1", "true")
    if kind == "d":
        return dt.datetime.fromisoformat(text.strip().rstrip("Z"))
    return number(cell.get("s", "0"), float(text))
