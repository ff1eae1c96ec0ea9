"""Everything counted about one review type (:class:`ReviewFigures`), and what publishing it hides."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .. import i18n
from ..model import ReviewType, Theme
from ..suppression import PRIMARY, SECONDARY, SECONDARY_TABLE_TEXT, fewer_than_table, fewer_than_text
from .tables import CountTable

MAX_CHARTED_THEMES = 12


@dataclass(frozen=True)
class ReviewFigures:
    """Everything counted about one review type, as every output shows it."""

    key: str
    review: ReviewType
    count: int
    people: int
    areas: CountTable | None  # None when the reviews are too few to break down by area
    demographics: tuple[CountTable, ...]  # the tables published; those withheld are in ``withheld``
    themes: tuple[Theme, ...]
    period: str = ""  # which reviews the figures count: 'Reviews notified 1 April 2021 to 31 March 2024'
    threshold: int = 0  # counts from 1 to threshold - 1 are hidden when published; 0 when nothing is
    criteria: CountTable | None = None  # reviews by the criteria they met, for a type that declares criteria
    withheld: tuple[CountTable, ...] = ()  # tables not published at all: too few people, or to keep a count hidden
    not_shown: tuple[str, ...] = ()  # a plain sentence for each thing withheld, saying why

    @property
    def tables(self) -> tuple[CountTable, ...]:
        """Return the tables published: the area table, the criteria table (when the type declares criteria) and
        the demographic tables, less those withheld."""
        areas = () if self.areas is None else (self.areas,)
        return (*areas, *self.criteria_tables, *self.demographics)

    @property
    def criteria_tables(self) -> tuple[CountTable, ...]:
        """Return the reviews by criterion, as a table of its own, or none when the type declares no criteria."""
        return () if self.criteria is None else (self.criteria,)

    @property
    def count_hidden(self) -> bool:
        """Return whether the number of reviews is itself too small to publish."""
        return 0 < self.count < self.threshold

    @property
    def count_text(self) -> str:
        """Return the number of reviews as text says it: '23', or 'fewer than 5'."""
        return fewer_than_text(self.threshold) if self.count_hidden else str(self.count)

    @property
    def count_table_text(self) -> str:
        """Return the number of reviews as a figure or table shows it: '23', or '<5'."""
        return fewer_than_table(self.threshold) if self.count_hidden else str(self.count)

    @property
    def reviews_counted(self) -> str:
        """Return the number of reviews with its noun: '12 reviews', '1 review', or 'fewer than 5 reviews'."""
        return i18n.ngettext("{count} review", "{count} reviews", self.threshold if self.count_hidden else self.count,
                             count=self.count_text)

    @property
    def people_text(self) -> str:
        """Return the number of people as text says it: '24', or 'fewer than 5'."""
        return fewer_than_text(self.threshold) if 0 < self.people < self.threshold else str(self.people)

    @property
    def hidden_themes(self) -> tuple[str, ...]:
        """Return the themes whose counts are hidden (1 to threshold - 1)."""
        if not self.threshold:
            return ()
        return tuple(t.name for t in self.themes if t.count is not None and 0 < t.count < self.threshold)

    @property
    def suppression_key(self) -> str:
        """Return what the tables' marks mean ('Counts from 1 to 4 are shown as <5...'), or '' when none is hidden."""
        if not any(table.hidden_labels or table.unknown_hidden for table in self.tables) and not self.hidden_themes:
            return ""
        return self._key_to(self.tables)

    @property
    def area_suppression_key(self) -> str:
        """Return what the marks in the reviews-by-area breakdown mean, or '' when it hides nothing."""
        return self._key_to((self.areas,)) if self.areas is not None and self.areas.hidden_labels else ""

    def _key_to(self, tables: Sequence[CountTable]) -> str:
        key = i18n._("Counts from 1 to {highest} are shown as {mark}", highest=self.threshold - 1,
                     mark=fewer_than_table(self.threshold))
        hidden = [table.suppression for table in tables if table.hidden_labels]
        if any(cell.hidden == SECONDARY for table in hidden if table for cell in table.cells):
            key += i18n._("; {secondary} marks a count not shown so that a {mark} cannot be worked out from the "
                          "other figures", secondary=SECONDARY_TABLE_TEXT, mark=fewer_than_table(self.threshold))
        return key + "."

    @property
    def suppression_footnote(self) -> str:
        """Return the line under charts that leave hidden counts out, naming the tables, or '' when none do."""
        names = [table.shown_name for table in self.tables if table.hidden_labels]
        if not names:
            return ""
        return i18n._("Small numbers are not shown: counts {fewer} (and any that would give one away) are left out "
                      "of {tables}.", fewer=fewer_than_text(self.threshold), tables=", ".join(names))

    @property
    def hidden_counts(self) -> tuple[int, int, int]:
        """Return how many counts are hidden as below the threshold, how many more so that those cannot be worked
        out, and how many tables are not shown at all."""
        cells = [cell.hidden for table in self.tables if table.suppression for cell in table.suppression.cells]
        cells += [table.unknown_hidden for table in self.tables]
        primary = cells.count(PRIMARY) + len(self.hidden_themes) + self.count_hidden
        return primary, cells.count(SECONDARY), len(self.withheld)

    @property
    def hiding_summary(self) -> str:
        """Return one line of what publishing hides, for the build's summary, or '' when it hides nothing."""
        return hiding_summary_of([self])

    @property
    def headline(self) -> str:
        """Return '23 Children Reviews' (or the singular name for one review; 'fewer than 5 ...' when hidden)."""
        return f"{self.count_text} {self.review.name if self.count_hidden else self.review.display_name}"

    @property
    def people_phrase(self) -> str:
        """Return who the demographic tables describe: 'the 24 children'."""
        hidden = 0 < self.people < self.threshold  # 'the fewer than 5 people', never '... 5 person'
        return i18n.ngettext("the {count} {person}", "the {count} {people}", self.threshold if hidden else self.people,
                             count=self.people_text, person=self.review.person_noun, people=self.review.people_noun)

    @property
    def themes_counted(self) -> tuple[Theme, ...]:
        """Return the themes that carry a count that may be shown."""
        hidden = self.hidden_themes
        return tuple(t for t in self.themes if t.count is not None and t.name not in hidden)

    @property
    def themes_uncounted(self) -> tuple[Theme, ...]:
        """Return the themes with no count."""
        return tuple(t for t in self.themes if t.count is None)

    @property
    def themes_found(self) -> tuple[Theme, ...]:
        """Return the themes the period's reviews found: every theme but those counted in none of them."""
        return tuple(t for t in self.themes if t.count != 0)

    @property
    def themes_not_found(self) -> tuple[Theme, ...]:
        """Return the themes looked for but featured in none of the period's reviews (a count of 0)."""
        return tuple(t for t in self.themes if t.count == 0)

    @property
    def people_by_unit(self) -> dict[str, int]:
        """Return how many people the demographic tables describe, for each kind of person they count: {'children':
        24}, or {'victims': 12, 'perpetrators': 9} when the tables count people of different roles."""
        found: dict[str, int] = {}
        for table in self.demographics:
            if table.unit == self.review.people_noun:
                number = self.people
            elif table.people_coverage is not None:
                number = table.people_coverage.total
            else:
                number = table.total
            found[table.unit] = max(found.get(table.unit, 0), number)
        if found.get(self.review.people_noun) == 1:  # 'the 1 person'
            found[self.review.person_noun] = found.pop(self.review.people_noun)
        return found

    def theme_label(self, theme: Theme) -> str:
        """Return 'Self-Neglect (6)', 'Safe sleep (<5)' when its count is hidden, or the name alone."""
        if theme.name in self.hidden_themes:
            return f"{theme.name} ({fewer_than_table(self.threshold)})"
        return theme_label(theme)

    def charted_themes(self, most: int | None = None) -> tuple[tuple[Theme, ...], str]:
        """Return the counted themes a chart can show legibly (at most ``most``), most frequent first (ties in the
        data's order), and words saying so if some were cut: ranked, the chart adds what the list beside it does not.
        A theme no review featured in is no finding, so it gets no bar."""
        counted = tuple(t for t in self.themes_counted if t.count)
        ranked = tuple(sorted(counted, key=lambda t: -(t.count or 0)))
        most = MAX_CHARTED_THEMES if most is None else min(most, MAX_CHARTED_THEMES)
        if len(ranked) <= most:
            return ranked, ""
        return ranked[:most], i18n._("the {most} most frequent of {themes} themes", most=most, themes=len(counted))

    @property
    def theme_labels(self) -> tuple[str, ...]:
        """Return every theme the period's reviews found, as a list shows it."""
        return tuple(self.theme_label(t) for t in self.themes_found)


class Hidden(Protocol):
    """Figures published with small numbers hidden: a type's (ReviewFigures) or its figures over time."""

    @property
    def hidden_counts(self) -> tuple[int, int, int]: ...

    @property
    def threshold(self) -> int: ...


def hiding_summary_of(every: Sequence[Hidden]) -> str:
    """Return one line of what publishing hides in an output showing the figures of ``every`` type (and their
    figures over time): 'hides 3 counts below 5, 2 more so that those cannot be worked out, and 1 table whole', or
    '' when it hides nothing."""
    primary, secondary, withheld = (sum(counts) for counts in zip(*(f.hidden_counts for f in every)))
    if not primary + secondary + withheld:
        return ""
    threshold = every[0].threshold
    parts = [f"{primary} {'count' if primary == 1 else 'counts'} below {threshold}" if primary else "",
             f"{secondary} more so that {'it' if primary == 1 else 'they'} cannot be worked out" if secondary else "",
             f"{withheld} {'table' if withheld == 1 else 'tables'} whole (too few people, or to keep a count "
             "hidden)" if withheld else ""]
    shown = [part for part in parts if part]
    return "hides " + (shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1])


def theme_label(theme: Theme) -> str:
    """Return a theme as the seed writes it: 'Self-Neglect (6)', or the name alone."""
    return f"{theme.name} ({theme.count})" if theme.count is not None else theme.name


def total_reviews(reviews: Iterable[ReviewType]) -> int:
    """Return how many reviews of every type the event covers."""
    return sum(review.count or 0 for review in reviews)

