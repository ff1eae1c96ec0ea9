"""Counting the register's reviews and people: values in a declared order, once per review, where known."""

from __future__ import annotations

import datetime as dt

from generator.counting import KnownFor, count_by, count_each, known_for, people_of
from generator.register_records import PersonRow, ResolvedReview, RowPlace



def review(reference: str, notified: dt.date, published: dt.date | None = None, area: str = "MBC",
           themes: tuple[str, ...] = (), people: tuple[PersonRow, ...] = ()) -> ResolvedReview:
    return ResolvedReview(reference, "cspr", area, "", notified, published, themes, people,
                          RowPlace("r.xlsx", "Reviews", 2))


def person(age: int | None = None, ethnicity: str = "", gender: str = "") -> PersonRow:
    return PersonRow("x", "", age, ethnicity, gender, RowPlace("r.xlsx", "People", 2))




def test_count_by_keeps_the_declared_order_then_the_most_frequent():
    reviews = [review("a", dt.date(2022, 1, 1), area="W"), review("b", dt.date(2022, 1, 1), area="Z"),
               review("c", dt.date(2022, 1, 1), area="Y"), review("d", dt.date(2022, 1, 1), area="Y")]
    assert list(count_by(reviews, lambda r: r.area, ["X", "W"]).items()) == [("X", 0), ("W", 1), ("Y", 2), ("Z", 1)]


def test_count_each_counts_a_theme_once_per_review():
    reviews = [review("a", dt.date(2022, 1, 1), themes=("Neglect", "Neglect", "Housing")),
               review("b", dt.date(2022, 1, 1), themes=("Neglect",))]
    assert count_each(reviews, lambda r: r.themes, ["Trauma"]) == {"Trauma": 0, "Neglect": 2, "Housing": 1}


def test_people_and_where_known_per_table():
    reviews = [review("a", dt.date(2022, 1, 1), people=(person(3, "White British"), person(None, "", "Female"))),
               review("b", dt.date(2022, 1, 1), people=(person(),)),
               review("c", dt.date(2022, 1, 1))]
    assert len(people_of(reviews)) == 3
    assert count_by(people_of(reviews), lambda p: p.ethnicity) == {"White British": 1}
    assert known_for(reviews, "age") == KnownFor(1, 3)
    assert known_for(reviews, "gender") == KnownFor(1, 3)



def test_people_of_one_role():
    victim = PersonRow("d", "Victim", 40, "", "Female", RowPlace("r.xlsx", "People", 2))
    perpetrator = PersonRow("d", "perpetrator", 41, "", "Male", RowPlace("r.xlsx", "People", 3))
    reviews = [review("d", dt.date(2022, 1, 1), people=(victim, perpetrator))]
    assert people_of(reviews, "victim") == [victim]
    assert people_of(reviews) == [victim, perpetrator]
