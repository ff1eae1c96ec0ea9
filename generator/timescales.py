"""Timescales and years: the arithmetic of the story over time, beneath the reader (which checks a data file's
timescales) and the counting (:mod:`generator.timeline`).

Working days leave out weekends and England's or Wales's bank holidays, from
the well-kept ``holidays`` package; a financial year runs April to March, as
UK partnerships report.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .i18n import N_, _, ngettext
from .model import Timescale
from .register_records import ResolvedReview

FINANCIAL = "financial"
CALENDAR = "calendar"
YEAR_KINDS = (FINANCIAL, CALENDAR)
FINANCIAL_YEAR_START = 4  # April: UK partnerships report from April to March
BANK_HOLIDAY_REGIONS = {"ENG": "England", "WLS": "Wales"}
WORKING_DAYS = "working days"
DAYS = "days"
MONTHS = "months"
TIMESCALE_UNITS = (WORKING_DAYS, DAYS, MONTHS)
TIMESCALE_PATTERN = re.compile(r"(\d{1,4}) (working days?|days?|months?)")
# The statutory timescales, for a type that declares none of its own: a serious incident notified within 5 working
# days of the incident, a rapid review within 15 working days of the notification (Working Together to Safeguard
# Children 2023), a domestic homicide review completed within 6 months of the decision to hold it (Home Office
# statutory guidance 2016).
DEFAULT_TIMESCALES = (
    Timescale("Date notified", "Date of incident", "5 working days"),
    Timescale("Rapid review date", "Date notified", "15 working days"),
    Timescale("Date completed", "Decision date", "6 months"),
)
# The register's stage columns, by heading as compared (lower case, no spaces), with the date each gives.
STAGES: dict[str, Callable[[ResolvedReview], dt.date | None]] = {
    "dateofincident": lambda r: r.stages.incident,
    "datenotified": lambda r: r.notified,
    "rapidreviewdate": lambda r: r.stages.rapid_review,
    "decisiondate": lambda r: r.stages.decision,
    "datecompleted": lambda r: r.stages.completed,
    "datepublished": lambda r: r.published,
}
STAGE_HEADINGS = ("Date of incident", "Date notified", "Rapid review date", "Decision date", "Date completed",
                  "Date published")
# How a timeliness sentence names each stage: 'notification', 'rapid review' (translated where shown: stage_words).
STAGE_WORDS = {"dateofincident": N_("the incident"), "datenotified": N_("notification"),
               "rapidreviewdate": N_("rapid review"), "decisiondate": N_("the decision"),
               "datecompleted": N_("completion"), "datepublished": N_("publication")}
# The date each review is counted by, as the figures' notes name it ('by the year of their date notified').
STAGE_DATES = {"dateofincident": N_("date of incident"), "datenotified": N_("date notified"),
               "rapidreviewdate": N_("rapid review date"), "decisiondate": N_("decision date"),
               "datecompleted": N_("date completed"), "datepublished": N_("date published")}


def stage_key(heading: str) -> str:
    """Return a stage's heading as compared: 'Date notified' = 'date_notified' = 'DATE NOTIFIED'."""
    return re.sub(r"[\s_]+", "", heading).lower()


def stage_words(heading: str) -> str:
    """Return how running text names a stage, in the language being written: 'notification', 'hysbysu'."""
    return _(STAGE_WORDS[stage_key(heading)])


def stage_date_words(heading: str) -> str:
    """Return a stage's date as the figures' notes name it, in the language being written ('date notified'); a
    heading that is no stage's is kept as it is."""
    words = STAGE_DATES.get(stage_key(heading))
    return _(words) if words else heading


@dataclass(frozen=True)
class Span:
    """A timescale as counted: how many of a unit ('5 working days', '6 months')."""

    amount: int
    unit: str

    @property
    def text(self) -> str:
        """Return the span in the language being written: '5 working days', '1 month', '6 mis'."""
        if self.unit == WORKING_DAYS:
            return ngettext("{count} working day", "{count} working days", self.amount)
        if self.unit == DAYS:
            return ngettext("{count} day", "{count} days", self.amount)
        return ngettext("{count} month", "{count} months", self.amount)


def parse_span(text: str) -> Span | None:
    """Return '5 working days', '30 days' or '6 months' as a Span, or None when it is none of those."""
    match = TIMESCALE_PATTERN.fullmatch(" ".join(text.strip().lower().split()))
    if not match:
        return None
    unit = match.group(2)
    return Span(int(match.group(1)), unit if unit.endswith("s") else unit + "s")


@functools.lru_cache(maxsize=8)
def bank_holidays(region: str, first_year: int, last_year: int) -> frozenset[dt.date]:
    """Return the bank holidays of England ('ENG') or Wales ('WLS') in the years given, from the holidays package."""
    import holidays  # imported here: only a timeline counts working days

    return frozenset(holidays.country_holidays("GB", subdiv=region, years=range(first_year, last_year + 1)))


def working_days_between(start: dt.date, end: dt.date, region: str) -> int:
    """Return the working days after ``start`` up to and including ``end`` (weekends and the region's bank holidays
    not counted): an incident on a Friday notified the next Monday was notified in 1 working day."""
    if end <= start:
        return 0
    off = bank_holidays(region, start.year, end.year)
    days = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in off:
            days += 1
    return days


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the same day ``months`` later (the month's last day when it is shorter: 31 August + 6 = 28 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has a 28th day")


def elapsed(start: dt.date, end: dt.date, span: Span, region: str) -> int:
    """Return the time from ``start`` to ``end`` as the timescale counts it: working days, or days (months are
    measured in days, and met when ``end`` is no later than the same day that many months on)."""
    return working_days_between(start, end, region) if span.unit == WORKING_DAYS else (end - start).days


def within(start: dt.date, end: dt.date, span: Span, region: str) -> bool:
    """Return whether ``end`` came within the timescale of ``start``."""
    if span.unit == MONTHS:
        return end <= add_months(start, span.amount)
    return elapsed(start, end, span, region) <= span.amount


def year_of(day: dt.date, kind: str) -> int:
    """Return the year a date falls in: a financial year is named by the year it starts in (April 2023: 2023)."""
    if kind == FINANCIAL:
        return day.year if day.month >= FINANCIAL_YEAR_START else day.year - 1
    return day.year


def year_label(year: int, kind: str) -> str:
    """Return '2023/24' for a financial year, '2023' for a calendar one."""
    return f"{year}/{(year + 1) % 100:02d}" if kind == FINANCIAL else str(year)


def year_end(year: int, kind: str) -> dt.date:
    """Return a year's last day."""
    return dt.date(year + 1, FINANCIAL_YEAR_START, 1) - dt.timedelta(days=1) if kind == FINANCIAL \
        else dt.date(year, 12, 31)
