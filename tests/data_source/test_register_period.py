"""Every register row accounted for: one line per type, and each row the period leaves out with its reason."""

from __future__ import annotations

import datetime as dt

from generator.data_source.register_period import LEFT_OUT, RECONCILIATION, account
from generator.model import Briefing, Period, ReviewType
from generator.register_records import ResolvedReview, RowPlace

TYPES = {"cspr": ReviewType("Children Reviews", "CSPR", "CSPR", [], Briefing([])),
         "sar": ReviewType("Adult Reviews", "SAR", "SAR", [], Briefing([])),
         "dhr": ReviewType("Homicide Reviews", "DHR", "", [], Briefing([]))}
PERIOD = Period(dt.date(2022, 4, 1), dt.date(2024, 3, 31))


def review(reference: str, notified: dt.date, published: dt.date | None = None, type_key: str = "cspr",
           row: int = 2) -> ResolvedReview:
    return ResolvedReview(reference, type_key, "MBC", "", notified, published, (), (),
                          RowPlace("r.xlsx", "Reviews", row))


REVIEWS = [review("CSPR-21-09", dt.date(2022, 3, 15), row=2), review("CSPR-22-01", dt.date(2022, 4, 1), row=3),
           review("CSPR-24-01", dt.date(2024, 3, 31), dt.date(2024, 6, 1), row=4),
           review("CSPR-24-02", dt.date(2024, 4, 2), row=5), review("SAR-1", dt.date(2023, 1, 1), type_key="sar")]


def test_one_line_per_counted_type_in_the_data_s_order_then_each_row_left_out():
    found = account(REVIEWS, PERIOD, TYPES, {"sar", "cspr", "dhr"})
    assert [(p.message, p.category) for p in found if p.category == RECONCILIATION] == [
        ("CSPR: 4 rows; 2 in the period; 1 notified before 1 April 2022 (CSPR-21-09); 1 notified after 31 March "
         "2024 (CSPR-24-02)", RECONCILIATION),
        ("SAR: 1 row; 1 in the period", RECONCILIATION),
        ("dhr: 0 rows; 0 in the period", RECONCILIATION),
    ]
    assert [(str(p), p.severity) for p in found if p.category == LEFT_OUT] == [
        ("r.xlsx, sheet Reviews, row 2, Date notified: CSPR-21-09 is left out of the figures: notified 15 March "
         "2022, before the period starts on 1 April 2022", "note"),
        ("r.xlsx, sheet Reviews, row 5, Date notified: CSPR-24-02 is left out of the figures: notified 2 April "
         "2024, after the period ends on 31 March 2024", "note"),
    ]


def test_by_date_published_reviews_not_yet_published_are_counted_without_their_references():
    found = account(REVIEWS, Period(PERIOD.start, PERIOD.to, "date published"), TYPES, {"cspr"})
    assert [p.message for p in found] == [
        "CSPR: 4 rows; 0 in the period; 1 published after 31 March 2024 (CSPR-24-01); 3 not yet published",
        "CSPR-21-09 is left out of the figures: not yet published, and the period counts reviews by date published",
        "CSPR-22-01 is left out of the figures: not yet published, and the period counts reviews by date published",
        "CSPR-24-01 is left out of the figures: published 1 June 2024, after the period ends on 31 March 2024",
        "CSPR-24-02 is left out of the figures: not yet published, and the period counts reviews by date published",
    ]


def test_many_rows_left_out_name_five_and_count_the_rest():
    early = [review(f"C-{n}", dt.date(2020, 1, n)) for n in range(1, 8)]
    assert account(early, PERIOD, TYPES, {"cspr"})[0].message == (
        "CSPR: 7 rows; 0 in the period; 7 notified before 1 April 2022 (C-1, C-2, C-3, C-4, C-5 and 2 more)")


def test_without_a_period_every_row_is_counted():
    assert [p.message for p in account(REVIEWS, None, TYPES, {"cspr"})] == [
        "CSPR: 4 rows; every one counted (the data sets no period)"]


def test_reasons_are_listed_before_then_after_then_not_yet_published_whatever_the_rows_order():
    rows = [review("C-A", dt.date(2022, 1, 1), dt.date(2024, 6, 1)), review("C-N", dt.date(2022, 1, 1)),
            review("C-B", dt.date(2021, 1, 1), dt.date(2022, 1, 1)), review("C-I", dt.date(2022, 1, 1),
                                                                            dt.date(2023, 1, 1))]
    assert account(rows, Period(PERIOD.start, PERIOD.to, "date published"), TYPES, {"cspr"})[0].message == (
        "CSPR: 4 rows; 1 in the period; 1 published before 1 April 2022 (C-B); 1 published after 31 March 2024 "
        "(C-A); 1 not yet published")


def test_each_line_is_a_note_that_sorts_as_reconciliation_or_left_out_with_or_without_a_period():
    for period in (PERIOD, None):
        found = account(REVIEWS, period, TYPES, {"cspr"})
        assert {(p.severity, p.category) for p in found} <= {("note", RECONCILIATION), ("note", LEFT_OUT)}
        assert found[0].category == RECONCILIATION
    assert [p.message for p in account(REVIEWS, None, TYPES, {"cspr"})] == [
        "CSPR: 4 rows; every one counted (the data sets no period)"]


def test_a_row_left_out_by_date_published_is_placed_at_its_date_published():
    found = account(REVIEWS, Period(PERIOD.start, PERIOD.to, "date published"), TYPES, {"cspr"})
    assert {p.key_path.rpartition(", ")[2] for p in found if p.category == LEFT_OUT} == {"Date published"}
