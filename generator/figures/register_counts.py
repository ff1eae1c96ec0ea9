"""A review type's aggregates counted from the review register's rows, in the shape a data file types them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from ..age_bands import AgeBand, parse_bands
from ..counting import count_by, count_each, known_for, people_of
from ..model import DemographicTable, Demographics, EventData, ReviewType, Theme
from ..register_records import PersonRow, ResolvedReview
from .tables import PERSON_TABLES, role_plural

def report_labels(event: EventData, review: ReviewType) -> dict[str, list[str]]:
    """Return the labels a type's reviews are counted by, each with its areas: report_by, else every area."""
    labels = review.report_by or list(event.areas)
    return {label: event.groupings.get(label, [label]) for label in labels}


def count_register(event: EventData) -> None:
    """Give each type counted from the register its figures, counted from the register's reviews in the period
    (the reader has left those in ``event.register_reviews``), so every output sees a complete model."""
    if event.register is None:
        return
    for key, review in event.review_types.items():
        if review.count is None:
            rows = [r for r in event.register_reviews if r.type_key == key]
            event.review_types[key] = dataclasses.replace(review, **counted_aggregates(event, key, rows))


def counted_aggregates(event: EventData, key: str, reviews: Sequence[ResolvedReview]) -> dict[str, Any]:
    """Return a review type's count, counts by area, demographics and counted themes, from its register rows.

    The result is what a data file would type for the same figures, so the
    figures of a counted type are made exactly as those of a typed one.
    """
    review = event.review_types[key]
    by_area = {label: sum(1 for r in reviews if r.area in members)
               for label, members in report_labels(event, review).items()}
    people = people_of(reviews)
    roles = list(dict.fromkeys(p.role.casefold() for p in people if p.role))
    bands, _ = parse_bands(review.age_bands, "", None, "")
    demographics = Demographics(people=len(people))
    if roles:  # a victim and a perpetrator are different people to describe: a table for each role
        for role in roles:
            role_people = people_of(reviews, role)
            role_reviews = [r for r in reviews if any(p.role.casefold() == role for p in r.people)]
            for name, _, field_name in PERSON_TABLES:
                counts = _person_counts(role_people, field_name, bands)
                if counts:
                    table_name = f"{name} of {role_plural(role, review)}"
                    demographics.tables.append(DemographicTable(
                        table_name, counts, _known(role_reviews, field_name, role), role))
                    demographics.people_known[table_name] = (sum(counts.values()), len(role_people))
    else:
        for name, _, field_name in PERSON_TABLES:
            counts = _person_counts(people, field_name, bands)
            if counts:
                setattr(demographics, name.lower(), counts)
                demographics.known_for_each[name] = known_for(list(reviews), field_name).known
                demographics.people_known[name] = (sum(counts.values()), len(people))
    themes = [Theme(name, count) for name, count in
              count_each(reviews, lambda r: r.themes, [t.name for t in review.theme_list]).items()]
    by_criterion = count_each(reviews, lambda r: r.criteria, review.criteria) if review.criteria else None
    return {"count": len(reviews), "counts_by_area": by_area, "demographics": demographics, "themes": themes,
            "counts_by_criterion": by_criterion}


def _person_counts(people: Sequence[PersonRow], field_name: str, bands: Sequence[AgeBand]) -> dict[str, int]:
    if field_name == "age":
        if not bands or not any(p.age is not None for p in people):
            return {}
        counts = dict.fromkeys((band.label for band in bands), 0)
        for person in people:
            label = next((band.label for band in bands if person.age is not None and band.holds(person.age)), None)
            if label is not None:
                counts[label] += 1
        return counts
    return count_by(people, lambda p: getattr(p, field_name))


def _known(reviews: Iterable[ResolvedReview], field_name: str, role: str) -> int:
    """Return for how many reviews the role's ``field_name`` is known for at least one person."""
    return sum(1 for r in reviews
               if any(p.role.casefold() == role and getattr(p, field_name) not in (None, "") for p in r.people))

