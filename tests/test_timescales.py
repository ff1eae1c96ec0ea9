"""Timescales and years: working days across bank holidays, months, financial years."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.timescales import (Span, add_months, parse_span, within, working_days_between, year_label,
                                  year_of)


@pytest.mark.parametrize("region", ["ENG", "WLS"])
def test_working_days_leave_out_weekends_and_easter(region):
    # Thursday 28 March 2024; Good Friday (29th) and Easter Monday (1 April) are bank holidays in both nations.
    assert working_days_between(dt.date(2024, 3, 28), dt.date(2024, 4, 2), region) == 1
    assert working_days_between(dt.date(2024, 3, 28), dt.date(2024, 4, 5), region) == 4


def test_working_days_across_christmas_and_the_new_year():
    # Tuesday 24 December 2024: 25 and 26 December and 1 January are bank holidays.
    assert working_days_between(dt.date(2024, 12, 24), dt.date(2024, 12, 27), "ENG") == 1
    assert working_days_between(dt.date(2024, 12, 24), dt.date(2025, 1, 2), "ENG") == 4  # 27, 30, 31, 2
    assert working_days_between(dt.date(2024, 12, 24), dt.date(2024, 12, 24), "ENG") == 0


def test_a_friday_incident_notified_the_next_friday_is_five_working_days_then_six_over_a_bank_holiday():
    assert working_days_between(dt.date(2024, 5, 10), dt.date(2024, 5, 17), "ENG") == 5
    # Friday 3 May 2024 to Friday 10 May: the early May bank holiday (6 May) is not a working day.
    assert working_days_between(dt.date(2024, 5, 3), dt.date(2024, 5, 10), "ENG") == 4
    span = Span(5, "working days")
    assert within(dt.date(2024, 5, 3), dt.date(2024, 5, 13), span, "ENG")  # 7,8,9,10,13
    assert not within(dt.date(2024, 5, 10), dt.date(2024, 5, 20), span, "ENG")  # 13..17, 20: six


def test_months_end_on_the_same_day_or_the_month_end():
    assert add_months(dt.date(2024, 8, 31), 6) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 1, 15), 6) == dt.date(2024, 7, 15)
    six = Span(6, "months")
    assert within(dt.date(2024, 1, 15), dt.date(2024, 7, 15), six, "ENG")
    assert not within(dt.date(2024, 1, 15), dt.date(2024, 7, 16), six, "ENG")


def test_financial_and_calendar_years():
    assert year_of(dt.date(2024, 3, 31), "financial") == 2023
    assert year_of(dt.date(2024, 4, 1), "financial") == 2024
    assert year_of(dt.date(2024, 3, 31), "calendar") == 2024
    assert year_label(2023, "financial") == "2023/24"
    assert year_label(1999, "financial") == "1999/00"
    assert year_label(2023, "calendar") == "2023"


@pytest.mark.parametrize("text, span", [("5 working days", Span(5, "working days")), ("1 working day",
                                        Span(1, "working days")), ("6 Months", Span(6, "months")),
                                        ("30  days", Span(30, "days"))])
def test_timescales_are_read_in_words(text, span):
    assert parse_span(text) == span


@pytest.mark.parametrize("text", ["five working days", "6 weeks", "", "-3 days", "6 months later"])
def test_a_timescale_in_other_words_is_not_read(text):
    assert parse_span(text) is None
