"""A register's dates: text dates read in the order the register's own dates settle, and dates a spreadsheet set
to US dates may have misread.

A text date such as 05/10/2022 reads either way. It is read day first, as
UK registers write it, and said to be unsure, unless another text date on the
sheet settles the order: 21/07/2022 can only be day first, 07/21/2022 only
month first. A spreadsheet set to US dates turns a typed 05/10/2022 into 10 May
and leaves 21/07/2022 as text it could not read; so on a sheet that holds such
text, each date cell whose day and month could swap is reported as possibly
misread (one typed as 2022-10-05 has that number format, and is not).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import problem_date
from ..register_records import RowPlace
from .register_reading import GridValue, YearFirstDate

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
DATE_EXPECTED = "expected dd/mm/yyyy or yyyy-mm-dd"
TIME_OF_DAY = re.compile(r"[ T]00:00(:00)?$")  # midnight, as Excel may write after a date
SLASHED = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
DATE_SHAPES = (re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})"),
               re.compile(r"(?P<day>[0-9]{1,2})/(?P<month>[0-9]{1,2})/(?P<year>[0-9]{4})"))


def today() -> dt.date:
    """Return today's date (a register's date after it is an error); a function, so tests can fix the day."""
    return dt.date.today()


def parse_date(text: str, month_first: bool = False) -> dt.date | None:
    """Return the date written as yyyy-mm-dd or dd/mm/yyyy (mm/dd/yyyy when ``month_first``); a time of midnight
    after it, as Excel may add, is ignored."""
    text = TIME_OF_DAY.sub("", text.strip())
    if month_first and (slashed := SLASHED.fullmatch(text)):
        text = f"{slashed.group(2)}/{slashed.group(1)}/{slashed.group(3)}"
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


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
            return f"{problem_date(dt.date(year, month, 1), month_only=True)} has no day {day}"
    return ""


def _parts(text: str) -> tuple[int, int] | None:
    """Return the two numbers before the year of a slashed text date ('05/10/2022' -> (5, 10)), else None."""
    match = SLASHED.fullmatch(TIME_OF_DAY.sub("", text.strip()))
    return (int(match.group(1)), int(match.group(2))) if match else None


@dataclass(frozen=True)
class DateOrder:
    """What a sheet's text dates say of the order they are written in: an example of each order that only one
    reading allows (text and row), when there is one."""

    day_first: tuple[str, RowPlace] | None = None  # 21/07/2022
    month_first: tuple[str, RowPlace] | None = None  # 07/21/2022

    @property
    def is_month_first(self) -> bool:
        """Return whether the sheet's text dates are written month first (and none day first)."""
        return self.month_first is not None and self.day_first is None


def date_order(rows: Iterable[tuple[RowPlace, list[GridValue]]], columns: Iterable[int]) -> DateOrder:
    """Return what the text dates in the given columns of ``rows`` say of their order."""
    day_first = month_first = None
    indexes = list(columns)
    for place, cells in rows:
        for index in indexes:
            value = cells[index] if index < len(cells) else None
            text = value.strip() if isinstance(value, str) else ""
            parts = _parts(text)
            if parts is None or parse_date(text, month_first=parts[1] > 12) is None:
                continue  # not a date at all: it says nothing of the order
            if parts[0] > 12 >= parts[1] and day_first is None:
                day_first = (text, place)
            elif parts[1] > 12 >= parts[0] and month_first is None:
                month_first = (text, place)
    return DateOrder(day_first, month_first)


def read_text_date(text: str, order: DateOrder) -> tuple[dt.date | None, str]:
    """Return the date a text gives, read in the sheet's order, and a warning when it could be read either way
    and nothing settles which ('' when it is sure)."""
    month_first = order.is_month_first
    parsed = parse_date(text, month_first)
    parts = _parts(text)
    if parsed is None or parts is None or parts[0] == parts[1] or max(parts) > 12:
        return parsed, ""
    if order.day_first is not None or order.month_first is not None:
        return parsed, ""
    other = parse_date(text, not month_first)
    assert other is not None
    return parsed, (f"'{text.strip()}' could be {problem_date(parsed)} or {problem_date(other)}; it is read day "
                    f"first, as {problem_date(parsed)}, as no other date in the register settles the order; type it as "
                    f"{parsed.isoformat()} to be sure")


def misread_warning(value: dt.date, order: DateOrder) -> str:
    """Return a warning when a date cell may have been misread by a spreadsheet set to US dates (see the module's
    description), else ''."""
    if order.day_first is None or value.day > 12 or value.day == value.month or isinstance(value, YearFirstDate):
        return ""
    value = dt.date(value.year, value.month, value.day)
    swapped = dt.date(value.year, value.day, value.month)
    text, place = order.day_first
    return (f"{problem_date(value)} may be a misread {problem_date(swapped)}: the register also holds dates a "
            f"spreadsheet set to US dates could not read, and left as text ('{text}', row {place.row}); check it, and type "
            "dates as yyyy-mm-dd")
