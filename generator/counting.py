"""Counting the register's reviews and people: how many have each value, and for how many a value is known.

Beneath :mod:`generator.figures`, which shapes these counts into the tables
every output shows; it reads only the model's records of the register.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .register_records import PersonRow, ResolvedReview

Item = TypeVar("Item")


@dataclass(frozen=True)
class KnownFor:
    """How many reviews (or, with a ``unit``, people) a table's figures cover, of how many."""

    known: int
    total: int
    unit: str = ""  # what is counted, when it is not reviews: 'children'


def count_by(items: Iterable[Item], key: Callable[[Item], str | None], order: Sequence[str] = ()) -> dict[str, int]:
    """Return how many items have each value of ``key``: the ``order`` given first (zeros kept), then the rest.

    Items whose key is None or blank (not known) are not counted. Values
    outside ``order`` follow it, the most frequent first, ties by name.
    """
    return count_each(items, lambda item: _one(key(item)), order)


def _one(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def count_each(items: Iterable[Item], keys: Callable[[Item], Iterable[str]], order: Sequence[str] = ()
               ) -> dict[str, int]:
    """Return, for each value, how many items have it among their ``keys`` (a review's themes, say)."""
    counts = dict.fromkeys(order, 0)
    extra: dict[str, int] = {}
    for item in items:
        for value in dict.fromkeys(keys(item)):
            if not value:
                continue
            if value in counts:
                counts[value] += 1
            else:
                extra[value] = extra.get(value, 0) + 1
    counts.update(sorted(extra.items(), key=lambda pair: (-pair[1], pair[0])))
    return counts


def people_of(reviews: Iterable[ResolvedReview], role: str | None = None) -> list[PersonRow]:
    """Return every person the reviews concerned, review by review; only those of ``role`` (any case) when given."""
    wanted = None if role is None else role.casefold()
    return [person for review in reviews for person in review.people
            if wanted is None or person.role.casefold() == wanted]


PERSON_FIELDS: dict[str, Callable[[PersonRow], object]] = {
    "age": lambda person: person.age,
    "ethnicity": lambda person: person.ethnicity,
    "gender": lambda person: person.gender,
    "role": lambda person: person.role,
}


def known_for(reviews: Sequence[ResolvedReview], person_field: str) -> KnownFor:
    """Return for how many of the reviews ``person_field`` is known: filled in for at least one of its people."""
    value_of = PERSON_FIELDS[person_field]
    known = sum(1 for review in reviews if any(value_of(p) not in (None, "") for p in review.people))
    return KnownFor(known, len(reviews))
