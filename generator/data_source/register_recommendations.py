"""Reading what a register tracks over time: its Recommendations sheet, and each review's Status against the
data's declared list.

The sheet is optional: a workbook's third sheet "Recommendations", a
``recommendations.csv`` beside reviews.csv and people.csv, or YAML rows
(``register: {recommendations: [...]}``). Its rows are checked as the other
sheets' are (file, sheet, row and column in every message, all at once):
each names a review of the register, its status is one of the declared
list, and a recommendation not implemented says why.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..i18n import same_words
from ..model import COMPLETED, NOT_IMPLEMENTED, EventData, RegisterSource, Timeline, status_key
from ..problems import InputError, Problem, shorten
from ..register_records import Recommendation, ResolvedReview, RowPlace
from ..timescales import BANK_HOLIDAY_REGIONS, STAGE_HEADINGS, STAGES, YEAR_KINDS, parse_span, stage_key
from .register_reading import (MAX_COLUMNS, MAX_ROWS, GridValue, Table, cell_text, is_blank,
                               read_csv_table, rows_from_records, rows_past_those_read)
# The Reviews sheet's own checks of headings and cells, so a recommendation's cell is held to the same rules.
from .register_rows import Column, RowCells, ignore_reference, typed_rows
from .schema import Locations

RECOMMENDATIONS_SHEET = "Recommendations"
RECOMMENDATIONS_CSV = "recommendations.csv"
DONE_STATUSES = (COMPLETED, NOT_IMPLEMENTED)  # statuses after which a recommendation can no longer be overdue
RECOMMENDATION_COLUMNS = (
    Column("Reference", True, True),
    Column("Recommendation", True, True),
    Column("Agency", True, True),
    Column("Date agreed", False, False),
    Column("Due", False, False),
    Column("Status", True, True),
    Column("Date completed", False, False),
    Column("Reason", False, False),
)
_BY_KEY = {column.key: column for column in RECOMMENDATION_COLUMNS}

PathFinder = Callable[[str, str], Path]
"""Turns a file name the data gives (and its key path) into a path inside the data's folder, or raises InputError."""


def read_timeline_rows(event: EventData, reviews: Sequence[ResolvedReview], register_path: Path | None,
                       find: PathFinder, locations: Locations
                       ) -> tuple[list[Recommendation], list[Problem], list[Problem]]:
    """Return the register's recommendations, the problems of them and of the reviews' statuses, and notes.

    ``register_path`` is the register's workbook or folder when the data names
    one; ``find`` resolves a recommendations CSV file named in the data.
    """
    timeline = event.timeline
    statuses = _status_problems(reviews, (timeline or Timeline()).review_statuses, "Status", "review")
    if timeline is None:  # nothing the data shows reads recommendations: only the reviews' statuses are checked
        return [], statuses, []
    problems = check_timeline(event, locations)
    if problems:
        return [], problems, []
    problems = statuses
    try:
        table = _recommendations_table(event, register_path, find, locations)
    except InputError as error:
        return [], problems + error.problems, []
    if table is None:
        return [], problems, []
    recommendations, found, notes = recommendation_rows(table, reviews, timeline.recommendation_statuses)
    return recommendations, problems + found, notes


def check_timeline(event: EventData, locations: Locations) -> list[Problem]:
    """Return the problems of the data's ``timeline:`` settings: the kind of year, the bank holidays' region, each
    timescale's stages and length, and the review types they name."""
    timeline = event.timeline
    if timeline is None:
        return []
    problems = []
    if timeline.years not in YEAR_KINDS:
        problems.append(locations.problem("timeline.years", f"expected {' or '.join(YEAR_KINDS)}, got "
                                                            f"'{shorten(timeline.years)}'"))
    if timeline.bank_holidays not in BANK_HOLIDAY_REGIONS:
        regions = ", ".join(f"{code} ({name})" for code, name in BANK_HOLIDAY_REGIONS.items())
        problems.append(locations.problem("timeline.bank_holidays", f"expected one of {regions}, got "
                                                                    f"'{shorten(timeline.bank_holidays)}'"))
    statuses = {status_key(s) for s in timeline.recommendation_statuses}
    for needed in DONE_STATUSES:
        if needed not in statuses:
            problems.append(locations.problem("timeline.recommendation_statuses",
                                              f"the list needs '{needed}' (what the figures count as "
                                              "done, or set aside with a reason)"))
    for key, scales in timeline.timescales.items():
        path = f"timeline.timescales.{key}"
        if key not in event.review_types:
            problems.append(locations.problem(path, f"'{shorten(key)}' is not a review type (expected one of: "
                                                    f"{', '.join(event.review_types)})"))
        for index, scale in enumerate(scales):
            for name, heading in (("stage", scale.stage), ("from", scale.start)):
                if stage_key(heading) not in STAGES:
                    problems.append(locations.problem(f"{path}[{index}].{name}",
                                                      f"'{shorten(heading)}' is not a stage the register dates "
                                                      f"(expected one of: {', '.join(STAGE_HEADINGS)})"))
            if parse_span(scale.within) is None:
                problems.append(locations.problem(f"{path}[{index}].within",
                                                  f"expected a number of working days, days or months, such as "
                                                  f"'5 working days' or '6 months', got '{shorten(scale.within)}'"))
    return problems


def _status_problems(reviews: Sequence[ResolvedReview], declared: Sequence[str], heading: str, what: str
                     ) -> list[Problem]:
    if not declared:
        return []
    problems = []
    for review in reviews:
        if review.status and _declared(review.status, declared) is None:
            problems.append(review.place.problem(heading, _not_declared(review.status, declared, what)))
    return problems


def _declared(status: str, declared: Sequence[str]) -> str | None:
    """Return the declared status ``status`` names (any case or spacing; a default status also in any shipped
    language, so a register kept in Welsh says 'Wedi'i gwblhau' for 'Completed'), or None."""
    wanted = status_key(status)
    return next((d for d in declared if same_words(status_key(d), wanted)), None)


def _not_declared(status: str, declared: Sequence[str], what: str) -> str:
    close = difflib.get_close_matches(status.casefold(), [d.casefold() for d in declared], n=1, cutoff=0.6)
    hint = ""
    if close:
        hint = f"did you mean {next(d for d in declared if d.casefold() == close[0])}? "
    key = "review_statuses" if what == "review" else "recommendation_statuses"
    return (f"'{shorten(status)}' is not a {what} status; {hint}expected one of: {', '.join(declared)} "
            f"(timeline.{key} in the data file)")


def _recommendations_table(event: EventData, register_path: Path | None, find: PathFinder, locations: Locations
                           ) -> Table | None:
    """Return the register's recommendations as a table of raw cells, or None when it keeps none."""
    source = event.register
    if isinstance(source, RegisterSource):
        rows = source.recommendations
        if isinstance(rows, str):
            path = find(rows, "register.recommendations")
            return read_csv_table(path, _label(path))
        if not rows:
            return None
        key = "register.recommendations"
        records: list[tuple[int, dict[str, Any]]] = [(locations.lines.get(f"{key}[{index}]", 0), dict(row))
                                                     for index, row in enumerate(rows)]
        return rows_from_records(records, locations.file(key), key, locations.lines.get(key))
    if register_path is None:
        return None
    if register_path.is_dir():
        path = register_path / RECOMMENDATIONS_CSV
        return read_csv_table(path, _label(path)) if path.exists() else None
    return _workbook_table(register_path, _label(register_path))


def _label(path: Path) -> str:
    from ..paths import display_path

    return display_path(path)


def _workbook_table(path: Path, label: str) -> Table | None:
    """Return the workbook's Recommendations sheet (the reader has already checked the file's size and package)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception:  # noqa: BLE001 - the Reviews sheet's reading has already reported a damaged workbook
        return None
    try:
        name = next((n for n in workbook.sheetnames if n.strip().lower() == RECOMMENDATIONS_SHEET.lower()), None)
        if name is None:
            return None
        sheet = workbook[name]
        if not hasattr(sheet, "iter_rows"):
            return None
        grid: list[list[GridValue]] = [[_plain(value) for value in row] for row in sheet.iter_rows(
            min_row=1, max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS, values_only=True)]
        past = rows_past_those_read(sheet.max_row, label, name)
    except Exception:  # noqa: BLE001 - openpyxl's many exceptions for a damaged part mean one thing
        raise InputError([Problem(f"the sheet {RECOMMENDATIONS_SHEET} cannot be read; open the workbook in Excel "
                                  "and save it again", file=label)]) from None
    finally:
        workbook.close()
    if len(grid) > MAX_ROWS + 1 and not all(is_blank(value) for value in grid[-1]):
        raise InputError([Problem(f"the sheet has more than {MAX_ROWS:,} rows", file=label,
                                  key_path=f"sheet {name}")])
    if past is not None:
        raise InputError([past])
    headings = [cell_text(value) for value in grid[0]] if grid else []
    while headings and not headings[-1]:
        headings.pop()
    rows = [(RowPlace(label, name, number), cells) for number, cells in enumerate(grid[1:], start=2)
            if not all(is_blank(value) for value in cells)]
    return Table(label, name, headings, rows, RowPlace(label, name, 1))


def _plain(value: object) -> GridValue:
    """Return a cell's value as the register's tables hold it (rich text and the like as its text)."""
    if value is None or isinstance(value, (str, int, float, dt.date, dt.time, dt.timedelta)):
        return value
    return str(value)


def recommendation_rows(table: Table, reviews: Sequence[ResolvedReview], statuses: Sequence[str]
                        ) -> tuple[list[Recommendation], list[Problem], list[Problem]]:
    """Return the table's recommendations, each matched to its review, every problem of its rows, and notes (the
    columns ignored). Each cell is checked as the Reviews sheet's are (formulas without a value, characters a
    document cannot hold, dates)."""
    problems: list[Problem] = []
    notes: list[Problem] = []
    if not table.headings:  # an empty sheet: no recommendations kept yet
        return [], problems, notes
    by_reference = {review.reference.casefold(): review for review in reviews}
    columns = _BY_KEY

    def make(cells: RowCells, reference: str) -> Recommendation | None:
        review = by_reference.get(reference.casefold()) if reference else None
        if reference and review is None:
            cells.fail(cells.heading(columns["reference"]),
                       f"'{shorten(reference)}' is not the reference of any review in the register")
        status_text = cells.text(columns["status"])
        status = _declared(status_text, statuses) if status_text else None
        if status_text and status is None:
            cells.fail(cells.heading(columns["status"]), _not_declared(status_text, statuses, "recommendation"))
        reason = cells.text(columns["reason"])
        if status is not None and status_key(status) == NOT_IMPLEMENTED and not reason:
            cells.fail(cells.heading(columns["reason"]),
                       "is blank; a recommendation not implemented needs the reason (the board reports it)")
        recommendation = Recommendation(reference, review.type_key if review else "",
                                        cells.text(columns["recommendation"]), cells.text(columns["agency"]),
                                        cells.date(columns["dateagreed"]), cells.date(columns["due"]), status or "",
                                        cells.date(columns["datecompleted"]), reason, cells.place)
        return None if cells.failed else recommendation

    rows = typed_rows(table, RECOMMENDATION_COLUMNS, make, problems, notes, ignore_reference, frozenset())
    return rows, problems, notes
