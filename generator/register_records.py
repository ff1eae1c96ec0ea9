"""The review register's rows as the model holds them: where each row stands, each review and person it gives,
and each review matched to the data file's types, areas and themes; and which reviews fall in the period.

The register's readers (``generator.data_source.register_*``) make these
records; the counting (``generator.counting``, ``generator.figures``) reads them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .problems import ERROR, Problem

BY_NOTIFIED = "date notified"
BY_PUBLISHED = "date published"
PERIOD_BASES = (BY_NOTIFIED, BY_PUBLISHED)


def name_key(name: str) -> str:
    """Return a name as names are compared: any case, '&' as 'and', spaces collapsed."""
    return " ".join(name.casefold().replace("&", "and").split())


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
class StageDates:
    """The dates of a review's stages a register may track besides notification and publication (each optional)."""

    incident: dt.date | None = None
    rapid_review: dt.date | None = None
    decision: dt.date | None = None
    completed: dt.date | None = None


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
    criteria: tuple[str, ...] = ()  # the criteria of its type it meets (a Single Unified Safeguarding Review's)
    stages: StageDates = field(default_factory=lambda: StageDates())


@dataclass(frozen=True)
class PersonRow:
    """One person a review concerned; blank fields are empty strings, an unknown age is None."""

    reference: str
    role: str
    age: int | None
    ethnicity: str
    gender: str
    place: RowPlace




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
    criteria: tuple[str, ...] = ()
    stages: StageDates = field(default_factory=lambda: StageDates())


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



@dataclass(frozen=True)
class Recommendation:
    """One recommendation of a review, from the register's Recommendations sheet, with its review's type key.

    ``status`` is written as the data's declared list writes it; blank dates are None.
    """

    reference: str
    type_key: str
    text: str
    agency: str
    agreed: dt.date | None
    due: dt.date | None
    status: str
    completed: dt.date | None
    reason: str
    place: RowPlace
