"""A register's dates: text dates read in the order the register settles, and dates a spreadsheet set to US dates
may have misread, checked against a register LibreOffice Calc saved in a UK and in a US locale."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.data_source import register_dates
from generator.data_source.register_dates import DateOrder, date_order, misread_warning, read_text_date
from generator.data_source.register_reading import YearFirstDate
from generator.data_source.register_rows import read_register
from generator.register_records import RowPlace

ROUND_TRIP = Path(__file__).resolve().parent.parent / "fixtures" / "register" / "calc-round-trip"
PLACE = RowPlace("r.xlsx", "Reviews", 7)


@pytest.mark.parametrize(("text", "why"), [
    ("31/02/2021", "February 2021 has no day 31"), ("2024-02-30", "February 2024 has no day 30"),
    ("29/02/2023", "February 2023 has no day 29"), ("2021-00-10", "there is no month 0"),
    ("0000-01-01", "there is no year 0"), ("4 May", ""), ("2021/05/04", ""),
    # The edges of the calendar: year 1 and months 1 and 12 exist, so only the day is wrong.
    ("0001-02-29", "February 1 has no day 29"), ("2021-01-32", "January 2021 has no day 32"),
    ("2021-12-32", "December 2021 has no day 32"), ("32/13/2021", "there is no month 13"),
])
def test_a_date_in_the_right_form_but_off_the_calendar_says_why(text, why):
    assert register_dates.impossible_date(text) == why


def test_a_text_date_read_either_way_is_a_warning_unless_another_settles_the_order():
    assert read_text_date("05/10/2022", DateOrder()) == (
        dt.date(2022, 10, 5), "'05/10/2022' could be 5 October 2022 or 10 May 2022; it is read day first, as 5 "
                              "October 2022, as no other date in the register settles the order; type it as "
                              "2022-10-05 to be sure")
    assert read_text_date("05/10/2022", DateOrder(day_first=("21/07/2022", PLACE))) == (dt.date(2022, 10, 5), "")
    assert read_text_date("05/10/2022", DateOrder(month_first=("07/21/2022", PLACE))) == (dt.date(2022, 5, 10), "")
    assert read_text_date("07/21/2022", DateOrder(month_first=("07/21/2022", PLACE))) == (dt.date(2022, 7, 21), "")
    assert read_text_date("05/05/2022", DateOrder()) == (dt.date(2022, 5, 5), "")  # the same either way
    assert read_text_date("2022-10-05", DateOrder()) == (dt.date(2022, 10, 5), "")


def test_the_order_is_settled_by_a_date_only_one_reading_allows_and_never_by_a_date_that_is_none():
    rows = [(RowPlace("r.xlsx", "Reviews", n), cells) for n, cells in enumerate(
        [["31/02/2022"], ["05/10/2022"], [dt.datetime(2022, 1, 2)], ["21/07/2022 00:00"], ["07/21/2022"]], start=2)]
    order = date_order(rows, [0])
    assert order.day_first == ("21/07/2022 00:00", rows[3][0]) and order.month_first == ("07/21/2022", rows[4][0])
    assert not order.is_month_first
    assert date_order(rows[:3], [0]) == DateOrder()


def test_a_date_cell_whose_day_and_month_could_swap_is_suspect_beside_day_first_text():
    order = DateOrder(day_first=("21/07/2022", PLACE))
    assert misread_warning(dt.datetime(2022, 5, 10), order) == (
        "10 May 2022 may be a misread 5 October 2022: the register also holds dates a spreadsheet set to US dates "
        "could not read, and left as text ('21/07/2022', row 7); check it, and type dates as yyyy-mm-dd")
    assert misread_warning(dt.datetime(2022, 5, 10), DateOrder()) == ""
    assert misread_warning(dt.datetime(2022, 5, 13), order) == ""  # no month 13: it cannot have been swapped
    assert misread_warning(dt.datetime(2022, 12, 12), order) == ""
    assert misread_warning(YearFirstDate(2022, 9, 1), order) == ""  # typed 2022-09-01


def test_a_register_saved_by_calc_in_a_us_and_a_uk_locale_reads_the_same_or_names_each_row_that_differs(
        monkeypatch):
    monkeypatch.setattr(register_dates, "today", lambda: dt.date(2024, 6, 1))
    uk = read_register(ROUND_TRIP / "calc-uk.xlsx", "calc-uk.xlsx")
    us = read_register(ROUND_TRIP / "calc-us.xlsx", "calc-us.xlsx")
    assert uk.notes == [] and uk.problems == [] and us.problems == []
    differ = {(f"row {a.place.row}", column) for a, b in zip(uk.reviews, us.reviews)
              for column, field in (("Date notified", "notified"), ("Date published", "published"))
              if getattr(a, field) != getattr(b, field)}
    assert differ == {("row 2", "Date notified"), ("row 4", "Date notified"), ("row 3", "Date published")}
    assert [str(note) for note in us.notes] == [
        "calc-us.xlsx, sheet Reviews, row 2, Date notified: 10 May 2022 may be a misread 5 October 2022: the "
        "register also holds dates a spreadsheet set to US dates could not read, and left as text ('21/07/2023', "
        "row 2); check it, and type dates as yyyy-mm-dd",
        "calc-us.xlsx, sheet Reviews, row 3, Date published: 2 March 2023 may be a misread 3 February 2023: the "
        "register also holds dates a spreadsheet set to US dates could not read, and left as text ('21/07/2023', "
        "row 2); check it, and type dates as yyyy-mm-dd",
        "calc-us.xlsx, sheet Reviews, row 4, Date notified: 5 October 2022 may be a misread 10 May 2022: the "
        "register also holds dates a spreadsheet set to US dates could not read, and left as text ('21/07/2023', "
        "row 2); check it, and type dates as yyyy-mm-dd",
    ]


def test_a_register_whose_text_dates_are_month_first_is_read_so_and_said_so(tmp_path):
    from tests.data_source.register_helpers import PEOPLE, REVIEWS, workbook

    reviews = [REVIEWS[0][:4] + ["07/21/2022", "05/10/2023", None], REVIEWS[1][:4] + ["05/10/2022", None, None]]
    found = read_register(workbook(tmp_path / "r.xlsx", reviews, PEOPLE[:3]), "r.xlsx")
    assert [(r.notified, r.published) for r in found.reviews] == [
        (dt.date(2022, 7, 21), dt.date(2023, 5, 10)), (dt.date(2022, 5, 10), None)]
    assert [str(note) for note in found.notes] == [
        "r.xlsx, sheet Reviews, row 2: the text dates are written month first ('07/21/2022'), as a spreadsheet set "
        "to US dates writes them; they are read so"]


def test_a_problem_names_its_dates_in_english_the_language_of_its_words_whatever_the_version():
    from generator.i18n import speaking

    with speaking("cy"):
        assert register_dates.impossible_date("31/02/2021") == "February 2021 has no day 31"


@pytest.mark.parametrize(("text", "settles"), [
    ("13/12/2023", "day first"), ("12/13/2023", "month first"), ("05/13/2023", "month first"),
    ("12/05/2023", "nothing"), ("05/12/2023", "nothing"), ("12/12/2023", "nothing")])
def test_only_a_part_past_12_settles_the_order_and_12_itself_is_a_month(text, settles):
    order = date_order([(PLACE, [text])], [0])
    found = {"day first": order.day_first, "month first": order.month_first}
    assert {name for name, example in found.items() if example} == ({settles} - {"nothing"})
    assert all(example == (text, PLACE) for example in found.values() if example)


def test_a_text_date_with_a_12_could_be_either_and_one_with_a_13_cannot():
    assert read_text_date("05/12/2023", DateOrder())[1].startswith("'05/12/2023' could be 5 December 2023 or 12 May")
    assert read_text_date("13/05/2023", DateOrder()) == (dt.date(2023, 5, 13), "")


def test_a_date_cell_on_the_12th_may_be_a_misread_one_and_on_the_13th_cannot():
    order = DateOrder(day_first=("21/07/2022", PLACE))
    assert misread_warning(dt.date(2023, 5, 12), order) != ""
    assert misread_warning(dt.date(2023, 5, 13), order) == ""
