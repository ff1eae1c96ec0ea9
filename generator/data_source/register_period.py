"""Which of a register's reviews the period counts, and an account of every row: one reconciliation line per
review type, and each row left out with the reason.

```text
CSPR: 26 rows; 24 in the period; 1 notified before 1 April 2022 (CSPR-21-09); 1 not yet published
```
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence

from ..i18n import problem_date
from ..model import Period, ReviewType
from ..problems import NOTE, Problem
from ..register_records import BY_NOTIFIED, ResolvedReview

RECONCILIATION = "reconciliation"  # the category of the line accounting for a type's rows
LEFT_OUT = "left out"  # the category of the note on each row left out (shown with --verbose, and by check)
MOST_REFERENCES = 5  # a reason lists at most this many references, then how many more
NOT_PUBLISHED = "not yet published"


def reason_left_out(review: ResolvedReview, period: Period) -> str:
    """Return why the period leaves a review out ('notified before 1 April 2022', 'not yet published'), or ''."""
    notified = period.by == BY_NOTIFIED
    day = review.notified if notified else review.published
    verb = "notified" if notified else "published"
    if day is None:
        return NOT_PUBLISHED
    if day < period.start:
        return f"{verb} before {problem_date(period.start)}"
    if day > period.to:
        return f"{verb} after {problem_date(period.to)}"
    return ""


def account(reviews: Sequence[ResolvedReview], period: Period | None, review_types: Mapping[str, ReviewType],
            counted: Collection[str]) -> list[Problem]:
    """Return one reconciliation line per counted type (in the data's order), then a note on each row left out."""
    lines: list[Problem] = []
    left_out: list[Problem] = []
    for key in (k for k in review_types if k in counted):
        rows = [r for r in reviews if r.type_key == key]
        label = review_types[key].abbreviation or key
        if period is None:
            lines.append(Problem(f"{label}: {_rows(len(rows))}; every one counted (the data sets no period)",
                                 severity=NOTE, category=RECONCILIATION))
            continue
        reasons: dict[str, list[ResolvedReview]] = {}
        for review in rows:
            reason = reason_left_out(review, period)
            if reason:
                reasons.setdefault(reason, []).append(review)
                column = "Date notified" if period.by == BY_NOTIFIED else "Date published"
                note = review.place.problem(column, f"{review.reference} is left out of the figures: "
                                                    f"{_row_reason(review, reason, period)}", NOTE)
                left_out.append(dataclasses.replace(note, category=LEFT_OUT))
        parts = [_rows(len(rows)), f"{len(rows) - sum(map(len, reasons.values()))} in the period"]
        for reason in sorted(reasons, key=_reason_order):
            parts.append(f"{len(reasons[reason])} {reason}" + _references(reasons[reason], reason))
        lines.append(Problem(f"{label}: {'; '.join(parts)}", severity=NOTE, category=RECONCILIATION))
    return lines + left_out


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def _reason_order(reason: str) -> int:
    return 2 if reason == NOT_PUBLISHED else 0 if " before " in reason else 1


def _references(reviews: Sequence[ResolvedReview], reason: str) -> str:
    """Return ' (CSPR-21-09, CSPR-24-02)' for rows dated outside the period (likely a mistyped date, worth
    finding); nothing for reviews not yet published, which are expected."""
    if reason == NOT_PUBLISHED:
        return ""
    shown = [r.reference for r in reviews[:MOST_REFERENCES]]
    more = len(reviews) - len(shown)
    return f" ({', '.join(shown)}{f' and {more} more' if more else ''})"


def _row_reason(review: ResolvedReview, reason: str, period: Period) -> str:
    """Return why one row is left out, with its date and the period's: 'notified 15 March 2022, before the period
    starts on 1 April 2022'."""
    if reason == NOT_PUBLISHED:
        return "not yet published, and the period counts reviews by date published"
    notified = period.by == BY_NOTIFIED
    day = review.notified if notified else review.published
    assert day is not None  # a review without the date is NOT_PUBLISHED
    verb = "notified" if notified else "published"
    if day < period.start:
        return f"{verb} {problem_date(day)}, before the period starts on {problem_date(period.start)}"
    return f"{verb} {problem_date(day)}, after the period ends on {problem_date(period.to)}"
