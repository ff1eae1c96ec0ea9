"""What of a review type's figures is published: small groups not broken down, and (with a threshold) small
numbers hidden so that none can be worked out from anything else the publication prints about the same people."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from .. import i18n
from ..audit import Relation
from ..model import EventData
from ..suppression import Hiding, cell_name, fewer_than_text, hide
from .review import ReviewFigures
from .tables import CountTable

def publish_threshold(event: EventData, for_deck: bool) -> int:
    """Return the threshold below which counts are hidden: the briefings' by default, the deck's only when asked."""
    publish = event.publish
    if not publish.suppress_below or (for_deck and not publish.deck):
        return 0
    return publish.suppress_below


def as_published(figures: ReviewFigures, role_units: Sequence[str]) -> ReviewFigures:
    """Return the figures with small groups not broken down, and (with a threshold) small numbers hidden so that
    none can be worked out from anything else the publication prints about the same people."""
    smallest = max(figures.threshold, 2)  # even with nothing hidden, one review is not profiled
    review = figures.review
    not_shown = []
    if figures.count < smallest:
        reviews = f"{figures.count_text} {review.name if figures.count_hidden else review.display_name}"
        one = figures.count == 1 and not figures.count_hidden
        whom = i18n._("the {person}", person=review.person_noun) if one else i18n._("them")
        not_shown.append(i18n._("With {reviews}, no figures by area or about the people concerned are given: they "
                                "would identify {whom}.", reviews=reviews, whom=whom))
        return dataclasses.replace(figures, areas=None, criteria=None, demographics=(), withheld=figures.tables,
                                   not_shown=tuple(not_shown))
    groups: dict[str, list[CountTable]] = {}
    for table in figures.demographics:
        groups.setdefault(table.unit, []).append(table)
    totals = {unit: _people_in(figures, unit, tables, role_units) for unit, tables in groups.items()}
    too_few = [unit for unit, total in totals.items() if total < smallest]
    for unit in too_few:
        many = fewer_than_text(figures.threshold) if 0 < totals[unit] < figures.threshold else str(totals[unit])
        not_shown.append(i18n._("{people} ({number}) are too few to describe by ethnicity, age or other details "
                                "without identifying them.", people=unit[:1].upper() + unit[1:], number=many))
    profiled = tuple(table for table in figures.demographics if table.unit not in too_few)
    withheld = tuple(table for table in figures.demographics if table.unit in too_few)
    figures = dataclasses.replace(figures, demographics=profiled, withheld=withheld, not_shown=tuple(not_shown))
    return hide_small(figures, {unit: totals[unit] for unit in groups if unit not in too_few})


def _people_in(figures: ReviewFigures, unit: str, tables: Sequence[CountTable], role_units: Sequence[str]) -> int:
    """Return how many people the tables of ``unit`` describe: all the type's people, or a role's."""
    if unit not in role_units:
        return figures.people
    covered = [table.people_coverage.total for table in tables if table.people_coverage is not None]
    return max(covered or [table.total for table in tables])


UNKNOWN = "(not known)"  # the people a table does not cover, which a reader can work out from its total
UNKNOWN_REVIEWS = "(reviews not known)"  # the reviews a table does not cover: 'where known: 3 of 9' tells it


def hide_small(figures: ReviewFigures, people: Mapping[str, int]) -> ReviewFigures:
    """Return the figures with counts from 1 to threshold - 1 hidden, and enough others that no hidden one can be
    worked out from what the publication prints about the same reviews and people (``people``: the number of
    people each unit's tables describe). A table that cannot be kept safe otherwise is withheld whole."""
    if not figures.threshold:
        return figures
    tables, totals, relations = _printed_sums(figures, people)
    return _with_hiding(figures, hide(tables, totals, relations, figures.threshold))


def _printed_sums(figures: ReviewFigures, people: Mapping[str, int]) -> tuple[
        dict[str, dict[str, int]], dict[str, tuple[int, bool]], list[Relation]]:
    """Return what the publication prints about the type's reviews and people, for :func:`hide`: each table's
    counts, the totals (and whether each is printed), and which counts add up to which total."""
    tables: dict[str, dict[str, int]] = {}
    totals: dict[str, tuple[int, bool]] = {"reviews": (figures.count, True)}
    relations = []
    for by_review in (figures.areas, figures.criteria):  # tables of reviews: they may add up to the headline
        if by_review is not None:
            tables[by_review.name] = dict(by_review.rows)
            if by_review.total == figures.count:
                relations.append(Relation("reviews", tuple(cell_name(by_review.name, c) for c, _ in by_review.rows)))
    for unit, total in people.items():  # printed: 'These figures count the 12 victims and 9 perpetrators'
        totals[f"people: {unit}"] = (total, True)
    for table in figures.demographics:
        tables[table.name] = _demographic_sums(table, people[table.unit], totals, relations)
    # Every unit's people are printed, so their sum (all a type's people, when its roles are different people)
    # tells a reader nothing more: it is no relation here.
    return tables, totals, relations


def _demographic_sums(table: CountTable, unit_people: int, totals: dict[str, tuple[int, bool]],
                      relations: list[Relation]) -> dict[str, int]:
    """Return a demographic table's counts with those not known, adding its totals and sums to ``totals`` and
    ``relations``.

    One sum per total, each cell in one, so that the sums form a tree (what the audit's narrowing needs): the cells
    add up to the people the table covers, who with those not known are the unit's people."""
    counts = dict(table.rows)
    covered = f"covered: {table.name}"
    totals[covered] = (table.total, False)
    relations.append(Relation(covered, tuple(cell_name(table.name, category) for category in counts)))
    unknown = unit_people - table.total
    if unknown >= 0:
        counts[UNKNOWN] = unknown
        relations.append(Relation(f"people: {table.unit}", (covered, cell_name(table.name, UNKNOWN))))
    if table.people_coverage is None and table.known_for < table.of:
        # 'where known: 3 of 9': the reviews not known are a count too; the 3 may be the people covered
        counts[UNKNOWN_REVIEWS] = table.of - table.known_for
        known_for = covered if table.known_for == table.total else f"known for: {table.name}"
        totals.setdefault(known_for, (table.known_for, False))
        relations.append(Relation("reviews", (known_for, cell_name(table.name, UNKNOWN_REVIEWS))))
    return counts


def _with_hiding(figures: ReviewFigures, hiding: Hiding) -> ReviewFigures:
    """Return the figures as ``hiding`` publishes them: its cells hidden, its tables withheld and said so."""

    def published(table: CountTable) -> CountTable:
        unknown = UNKNOWN if table.people_coverage is not None else UNKNOWN_REVIEWS
        return dataclasses.replace(table, suppression=hiding.table(table.name, table.rows),
                                   unknown_hidden=hiding.hidden.get((table.name, unknown), ""))

    def kept(table: CountTable | None) -> CountTable | None:
        return published(table) if table is not None and table.name not in hiding.withheld else None

    withheld = [table for table in figures.tables if table.name in hiding.withheld]
    not_shown = [i18n._("{table} is not shown: its small numbers could otherwise be worked out from the other "
                        "figures.", table=table.shown_name) for table in withheld]
    return dataclasses.replace(
        figures, areas=kept(figures.areas), criteria=kept(figures.criteria),
        demographics=tuple(published(t) for t in figures.demographics if t.name not in hiding.withheld),
        withheld=(*figures.withheld, *withheld), not_shown=(*figures.not_shown, *not_shown))
