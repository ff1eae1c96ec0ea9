"""The figures of every review type of an event, as published, and the values its free text may cite."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from .. import i18n
from ..categories import is_unknown, own_unknown_words
from ..counting import KnownFor
from ..model import Demographics, EventData, ReviewType
from ..register_records import ResolvedReview
from ..suppression import SECONDARY_TEXT, fewer_than_text
from .publishing import as_published, publish_threshold
from .register_counts import counted_aggregates
from .review import ReviewFigures
from .tables import AREAS_TABLE, CRITERIA_TABLE, CountTable, role_plural

def review_figures(key: str, review: ReviewType, period: str = "", threshold: int = 0,
                   unknown: frozenset[str] = frozenset()) -> ReviewFigures:
    """Return the figures of one review type as the model holds them (typed, or counted by the loader), as
    published: small numbers hidden (with ``threshold``), and small groups not broken down at all.

    A typed category that is a word for "not known" ('Not recorded: 7'; ``unknown`` holds the data's own words, as
    match_key gives them) is no category: its people are counted as not known, in the table's "where known"."""
    demo = review.demographics
    count = review.count or 0
    noun = review.people_noun

    def known(name: str) -> int:
        return demo.known_for_each.get(name, demo.known_for if demo.known_for is not None else count)

    def known_counts(name: str, counts: dict[str, int], unit: str) -> tuple[tuple[tuple[str, int], ...],
                                                                             KnownFor | None]:
        known_rows = tuple((label, number) for label, number in counts.items() if not is_unknown(label, unknown))
        if name in demo.people_known:
            return known_rows, KnownFor(*demo.people_known[name], unit)
        if len(known_rows) < len(counts):
            return known_rows, KnownFor(sum(n for _, n in known_rows), sum(counts.values()), unit)
        return known_rows, None

    tables = []
    for name, counts, ordered in (("Ethnicity", demo.ethnicity, False), ("Age", demo.age, True),
                                  ("Gender", demo.gender, False)):
        if counts:
            rows, coverage = known_counts(name, counts, noun)
            tables.append(CountTable(name, "Age band" if name == "Age" else name, rows, noun,
                                     known(name), count, ordered, threshold, coverage))
    for table in demo.tables:
        unit = role_plural(table.role, review) if table.role else noun
        rows, coverage = known_counts(table.name, table.counts, unit)
        tables.append(CountTable(table.name, table.name, rows, unit,
                                 table.known_for if table.known_for is not None else known(table.name), count,
                                 table.name.startswith("Age"), threshold, coverage))
    people = demo.people if demo.people is not None else max((t.coverage.total if t.people_coverage else t.total
                                                              for t in tables if not _has_role(t, demo)),
                                                             default=count)
    areas = CountTable(AREAS_TABLE, "Area", tuple(review.area_counts.items()), i18n._("reviews"), count, count,
                       threshold=threshold)
    criteria = None
    if review.criteria:
        # A review may meet several criteria, so these counts may add up to more than the reviews.
        by_criterion = review.counts_by_criterion or {}
        criteria = CountTable(CRITERIA_TABLE, "Criterion",
                              tuple((name, by_criterion.get(name, 0)) for name in review.criteria),
                              i18n._("reviews"), count, count, threshold=threshold)
    figures = ReviewFigures(key, review, count, people, areas, tuple(tables), tuple(review.theme_list), period,
                            threshold, criteria)
    return as_published(figures, [t.unit for t in tables if _has_role(t, demo)])


def _has_role(table: CountTable, demo: Demographics) -> bool:
    return any(t.name == table.name and t.role for t in demo.tables)


def event_figures(event: EventData, reviews: Sequence[ResolvedReview] | None = None,
                  for_deck: bool = False) -> dict[str, ReviewFigures]:
    """Return the figures of every review type, by key, in the data's order.

    A type with rows among ``reviews`` (register rows) is counted from them;
    the others are as the model holds them: typed, or counted by the loader
    from the register's rows in the period. The deck's figures hide small
    numbers only when the data asks (``publish.deck``).
    """
    threshold = publish_threshold(event, for_deck)
    by_type: dict[str, list[ResolvedReview]] = {}
    for row in reviews or ():  # the loader has already counted its own rows into the model
        by_type.setdefault(row.type_key, []).append(row)
    counted = {key: counted_aggregates(event, key, rows) for key, rows in by_type.items() if key in event.review_types}
    result = {}
    for key, review in event.review_types.items():
        if key in counted:
            review = dataclasses.replace(review, **counted[key])
        result[key] = review_figures(key, review, event.period_text, threshold, own_unknown_words(event.categories.unknown))
    return result


def placeholder_values(figures: Mapping[str, ReviewFigures], period_dates: str) -> dict[str, str]:
    """Return the value of every placeholder free text may cite, as the figures are published.

    ``{period}`` gives the period's dates; for each type key ``k``:
    ``{k.count}``, ``{k.people}``, ``{k.headline}``, ``{k.area.<label>}``,
    ``{k.theme.<name>}``, ``{k.<table>.<category>}`` (age, ethnicity, gender) and
    ``{k.known_for.<table>}`` (how many reviews the table covers).
    A hidden count reads 'fewer than 5'.
    """
    values = {"period": period_dates}
    for key, found in figures.items():
        values[f"{key}.count"] = found.count_text
        values[f"{key}.people"] = found.people_text
        values[f"{key}.headline"] = found.headline
        for table in (*found.tables, *found.withheld):
            prefix = {AREAS_TABLE: "area", CRITERIA_TABLE: "criterion"}.get(table.name, table.name.lower())
            values[f"{key}.known_for.{table.name}"] = str(table.known_for)
            hidden = table.suppression
            for label, value in table.rows:
                if table in found.withheld:
                    values[f"{key}.{prefix}.{label}"] = SECONDARY_TEXT  # as the outputs: not given
                else:
                    values[f"{key}.{prefix}.{label}"] = hidden.text(label) if hidden else str(value)
        for theme in found.themes:
            if theme.count is not None:
                values[f"{key}.theme.{theme.name}"] = (fewer_than_text(found.threshold)
                                                      if theme.name in found.hidden_themes else str(theme.count))
    return values
