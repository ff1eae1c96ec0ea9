"""The audit: can a reader who holds everything a publication prints work out a hidden count?

What a reader knows is written as bounds and sums. Every number printed
anywhere (a table's cell, a headline, "the 24 children", "where known: 14 of
15") is a :class:`Quantity`: a shown one is fixed to its value, a "<5" one lies
from 1 to 4, a "[c]" one is 5 or more (zeros are always shown, and counts from
1 to 4 are always "<5", so a withheld count is neither), and a number never
printed (the people of a role, say) is 0 or more. Every true relation a
reader could subtract with is a :class:`Relation`: the parts add up to the
whole (a table's cells to its total, the tables of the same people to one
number).

:func:`feasible_ranges` narrows each quantity's bounds by every relation in
turn until none narrows further. The tables of one review type form a tree
(each cell is in one table, the tables of the same people meet at their
one total), and on a tree this narrowing finds exactly the smallest and
largest value each quantity can take; the tests check it against a linear
program (HiGHS) over the same relations. A hidden quantity whose range
holds a single value is given away (:func:`disclosed`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

Bounds = tuple[int, int | None]  # smallest and largest value; None: no largest


@dataclass(frozen=True)
class Quantity:
    """A number a reader knows something about: its true value, and the bounds a reader knows it lies within."""

    name: str
    value: int
    low: int
    high: int | None


@dataclass(frozen=True)
class Relation:
    """A sum a reader can rely on: the ``parts`` add up to ``whole`` (every one a :class:`Quantity` name)."""

    whole: str
    parts: tuple[str, ...]


def feasible_ranges(quantities: Iterable[Quantity], relations: Sequence[Relation]) -> dict[str, Bounds]:
    """Return each quantity's smallest and largest value consistent with every bound and relation."""
    bounds: dict[str, Bounds] = {q.name: (q.low, q.high) for q in quantities}
    changed = True
    while changed:  # each pass raises a low or lowers a high, never past the true values: it ends
        changed = False
        for relation in relations:
            for name, narrowed in _narrowed(relation, bounds).items():
                if narrowed != bounds[name]:
                    bounds[name] = narrowed
                    changed = True
    return bounds


def _narrowed(relation: Relation, bounds: Mapping[str, Bounds]) -> dict[str, Bounds]:
    parts = [bounds[name] for name in relation.parts]
    whole_low, whole_high = bounds[relation.whole]
    whole_low, whole_high = max(whole_low, sum(low for low, _ in parts)), _lower(whole_high, _sum_highs(parts))
    result = {relation.whole: (whole_low, whole_high)}
    for index, (name, (low, high)) in enumerate(zip(relation.parts, parts)):
        others = parts[:index] + parts[index + 1:]
        others_high = _sum_highs(others)
        new_low = low if others_high is None else max(low, whole_low - others_high)
        new_high = high if whole_high is None else _lower(high, whole_high - sum(other for other, _ in others))
        result[name] = (new_low, new_high)
    return result


def _sum_highs(parts: Sequence[Bounds]) -> int | None:
    return None if any(high is None for _, high in parts) else sum(high or 0 for _, high in parts)


def _lower(high: int | None, other: int | None) -> int | None:
    if high is None:
        return other
    return high if other is None else min(high, other)


def disclosed(quantities: Sequence[Quantity], relations: Sequence[Relation], hidden: Iterable[str]) -> list[str]:
    """Return the hidden quantities (by name, in the order given) that a reader can pin to a single value."""
    ranges = feasible_ranges(quantities, relations)
    return [name for name in hidden if ranges[name][0] == ranges[name][1]]
