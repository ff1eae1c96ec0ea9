"""The register's records: which reviews fall in the period."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.register_records import BY_PUBLISHED, ResolvedReview, RowPlace, select_period


def review(reference: str, notified: dt.date, published: dt.date | None = None) -> ResolvedReview:
    return ResolvedReview(reference, "cspr", "MBC", "", notified, published, (), (), RowPlace("r.xlsx", "Reviews", 2))


def test_select_period_includes_both_ends_and_leaves_out_reviews_without_the_date():
    reviews = [review("a", dt.date(2021, 3, 31)), review("b", dt.date(2021, 4, 1), dt.date(2024, 4, 1)),
               review("c", dt.date(2024, 3, 31), dt.date(2024, 3, 31)), review("d", dt.date(2024, 4, 1))]
    start, end = dt.date(2021, 4, 1), dt.date(2024, 3, 31)
    assert [r.reference for r in select_period(reviews, start, end)] == ["b", "c"]
    assert [r.reference for r in select_period(reviews, start, end, BY_PUBLISHED)] == ["c"]
    with pytest.raises(ValueError):
        select_period(reviews, start, end, "date of incident")
