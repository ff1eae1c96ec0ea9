"""The figures of each review type, worked out once and shared by every output so all say the same.

A :class:`ReviewFigures` holds what the deck and the briefings show of one
review type: its count, counts by area and the demographic tables, each a
:class:`CountTable` that knows how many of the reviews it covers. They are
worked out here, from the data file's typed aggregates or by counting the
review register's rows, to the same shape; nothing downstream counts anything
again. A table published with small numbers hidden knows its threshold and
gives the hidden cells' words ("<5") in place of their counts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .age_bands import parse_bands
from . import i18n
from .categories import is_unknown, own_unknown_words
from .counting import KnownFor, count_by, count_each, known_for, people_of
from .model import DemographicTable, Demographics, EventData, ReviewType, Theme
from .audit import Relation
from .register_records import ResolvedReview
from .suppression import (
    PRIMARY, SECONDARY, SECONDARY_TABLE_TEXT, SECONDARY_TEXT, SuppressedTable, cell_name, fewer_than_table,
    fewer_than_text, hide, shown_as,
)
from .wording import counts_text, coverage_note, plural_word

MAX_CHARTED_THEMES = 12
# The built-in tables' names: each stays the table's name (free text cites '{k.ethnicity.White}'), and is translated
# where it is shown.
BUILT_IN_TABLE_NAMES = (i18n.N_("Ethnicity"), i18n.N_("Age"), i18n.N_("Age band"), i18n.N_("Gender"),
                        i18n.N_("Reviews by area"), i18n.N_("Area"), i18n.N_("Reviews by criterion"),
                        i18n.N_("Criterion"))
AREAS_TABLE = "Reviews by area"
CRITERIA_TABLE = "Reviews by criterion"
PERSON_TABLES = (("Ethnicity", "Ethnicity", "ethnicity"), ("Age", "Age band", "age"), ("Gender", "Gender", "gender"))


@dataclass(frozen=True)
class CountTable:
    """Counts by category: reviews by area, or people by ethnicity, age band, gender...

    ``known_for`` is how many of the ``of`` reviews the table covers;
    ``unit`` is what is counted ("reviews", "children").
    """

    name: str
    category: str
    rows: tuple[tuple[str, int], ...]
    unit: str
    known_for: int
    of: int
    ordered: bool = False  # the categories have an order of their own (age bands), so keep it in charts
    threshold: int = 0  # published with counts from 1 to threshold - 1 hidden; 0 when nothing is hidden
    people_coverage: KnownFor | None = None  # counted from a register: the people shown, of those concerned
    suppression: SuppressedTable | None = None  # which cells are hidden, when small numbers are (see hide_small)
    unknown_hidden: str = ""  # why the number of people not known is hidden (PRIMARY, SECONDARY), or ''

    @property
    def display_rows(self) -> tuple[tuple[str, str], ...]:
        """Return each category with its count as a table shows it: '7', '0', '<5' or '[c]'."""
        hidden = self.suppression
        if hidden is None:
            return tuple((label, str(value)) for label, value in self.rows)
        return tuple((label, hidden.table_text(label)) for label, _ in self.rows)

    @property
    def shown_rows(self) -> tuple[tuple[str, int], ...]:
        """Return the categories a chart may draw: every one, less those hidden."""
        hidden = self.suppression
        return self.rows if hidden is None else tuple(hidden.shown.items())

    @property
    def hidden_labels(self) -> tuple[str, ...]:
        """Return the categories whose counts are hidden."""
        hidden = self.suppression
        return () if hidden is None else tuple(hidden.hidden)

    @property
    def suppression_note(self) -> str:
        """Return '2 categories with fewer than 5 children are not shown', or '' when none is hidden."""
        hidden = self.suppression
        if hidden is None or not hidden.hidden:
            return ""
        primary = sum(1 for cell in hidden.cells if cell.hidden == PRIMARY)
        secondary = len(hidden.hidden) - primary
        words = []
        if primary:
            words.append(i18n.ngettext("{count} category with {fewer} {unit} is not shown",
                                       "{count} categories with {fewer} {unit} are not shown", primary,
                                       fewer=fewer_than_text(self.threshold), unit=self.unit))
        if secondary:
            if primary == 1:
                words.append(i18n.ngettext("{count} more is not shown so that it cannot be worked out from the other "
                                           "figures", "{count} more are not shown so that it cannot be worked out "
                                           "from the other figures", secondary))
            elif primary:
                words.append(i18n.ngettext("{count} more is not shown so that they cannot be worked out from the "
                                           "other figures", "{count} more are not shown so that they cannot be "
                                           "worked out from the other figures", secondary))
            else:
                words.append(i18n.ngettext("{count} is not shown so that a hidden count cannot be worked out from the "
                                           "other figures", "{count} are not shown so that a hidden count cannot be "
                                           "worked out from the other figures", secondary))
        note = "; ".join(words)
        return note if self.chartable else note + i18n._(", so nothing is left to chart")

    @property
    def chartable(self) -> bool:
        """Return whether a chart of the counts shown would show anything: a count other than 0."""
        return any(value for _, value in self.shown_rows)

    @property
    def labels(self) -> tuple[str, ...]:
        """Return the categories a chart draws (those hidden left out)."""
        return tuple(label for label, _ in self.shown_rows)

    @property
    def values(self) -> tuple[int, ...]:
        """Return the counts a chart draws (those hidden left out)."""
        return tuple(value for _, value in self.shown_rows)

    @property
    def total(self) -> int:
        return sum(value for _, value in self.rows)

    @property
    def coverage_note(self) -> str:
        """Return 'where known: 3 of 9; 6 not known' when the table covers only some reviews, else ''; a table counted
        person by person says how many of the people it shows, as its bars add up: 'where known: 15 of 16 children;
        1 not known'. When the number not known is hidden, so is the number known (see wording.coverage_note)."""
        if not self.unknown_hidden:
            return coverage_note(self.coverage)
        coverage = self.coverage
        if self.unknown_hidden == SECONDARY:
            return coverage_note(coverage, i18n._("some"))
        return coverage_note(coverage, shown_as(coverage.total - coverage.known, PRIMARY, self.threshold, table=False))

    @property
    def coverage(self) -> KnownFor:
        """Return how many of the people (counted person by person) or of the reviews the table covers."""
        return self.people_coverage or KnownFor(self.known_for, self.of)

    @property
    def title(self) -> str:
        """Return the table's title with its coverage: 'Ethnicity (where known: 3 of 9)'."""
        return f"{self.shown_name} ({self.coverage_note})" if self.coverage_note else self.shown_name

    @property
    def shown_name(self) -> str:
        """Return the table's name in the language being written (a built-in table's; the data's as it is)."""
        return i18n._(self.name)

    def as_text(self) -> str:
        """Return the counts as 'MBC 5, RCBC 1, HBC 0', those hidden left out and said so."""
        shown = counts_text(self.labels, self.values)
        note = self.suppression_note
        return f"{shown} ({note})" if note else shown


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
        return i18n.ngettext("the {count} {person}", "the {count} {people}", self.people, count=self.people_text,
                             person=self.review.person_noun, people=self.review.people_noun)

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


def hiding_summary_of(every: Sequence[ReviewFigures]) -> str:
    """Return one line of what publishing hides in an output showing the figures of ``every`` type: 'hides 3 counts
    below 5, 2 more so that those cannot be worked out, and 1 table whole', or '' when it hides nothing."""
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
    return _published(figures, [t.unit for t in tables if _has_role(t, demo)])


def _published(figures: ReviewFigures, role_units: Sequence[str]) -> ReviewFigures:
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
    return hide_small(figures, {unit: totals[unit] for unit in groups if unit not in too_few}, role_units)


def _people_in(figures: ReviewFigures, unit: str, tables: Sequence[CountTable], role_units: Sequence[str]) -> int:
    """Return how many people the tables of ``unit`` describe: all the type's people, or a role's."""
    if unit not in role_units:
        return figures.people
    covered = [table.people_coverage.total for table in tables if table.people_coverage is not None]
    return max(covered or [table.total for table in tables])


UNKNOWN = "(not known)"  # the people a table does not cover, which a reader can work out from its total
UNKNOWN_REVIEWS = "(reviews not known)"  # the reviews a table does not cover: 'where known: 3 of 9' tells it


def hide_small(figures: ReviewFigures, people: Mapping[str, int], role_units: Sequence[str]) -> ReviewFigures:
    """Return the figures with counts from 1 to threshold - 1 hidden, and enough others that no hidden one can be
    worked out from what the publication prints about the same reviews and people (``people``: the number of
    people each unit's tables describe). A table that cannot be kept safe otherwise is withheld whole."""
    if not figures.threshold:
        return figures
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
        # One sum per total, each cell in one, so that the sums form a tree (what the audit's narrowing needs):
        # the cells add up to the people the table covers, who with those not known are the unit's people.
        counts = dict(table.rows)
        covered = f"covered: {table.name}"
        totals[covered] = (table.total, False)
        relations.append(Relation(covered, tuple(cell_name(table.name, category) for category in counts)))
        unknown = people[table.unit] - table.total
        if unknown >= 0:
            counts[UNKNOWN] = unknown
            relations.append(Relation(f"people: {table.unit}", (covered, cell_name(table.name, UNKNOWN))))
        if table.people_coverage is None and table.known_for < table.of:
            # 'where known: 3 of 9': the reviews not known are a count too; the 3 may be the people covered
            counts[UNKNOWN_REVIEWS] = table.of - table.known_for
            known_for = covered if table.known_for == table.total else f"known for: {table.name}"
            totals.setdefault(known_for, (table.known_for, False))
            relations.append(Relation("reviews", (known_for, cell_name(table.name, UNKNOWN_REVIEWS))))
        tables[table.name] = counts
    if len(role_units) > 1 and sum(people.get(unit, 0) for unit in role_units) == figures.people:
        totals["people"] = (figures.people, True)
        relations.append(Relation("people", tuple(f"people: {unit}" for unit in role_units if unit in people)))
    hiding = hide(tables, totals, relations, figures.threshold)

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


PREPOSITIONS = {"at", "of", "in", "with", "from", "for", "under"}  # 'adult at risk': the noun before one is the head


def role_plural(role: str, review: ReviewType) -> str:
    """Return the people of a role, as a table names them: the noun the type declares for it (roles: {victim:
    victims}), the type's own word when the role is its word for one person ('child' -> its 'children'), else the
    role with its head word made plural ('victim' -> 'victims', 'adult at risk' -> 'adults at risk')."""
    declared = {name.casefold(): noun for name, noun in review.roles.items()}
    if role.casefold() in declared:
        return declared[role.casefold()]
    if role.casefold() == review.person_noun.casefold():
        return review.people_noun
    words = role.split(" ")
    head = next((i - 1 for i, word in enumerate(words) if i and word.casefold() in PREPOSITIONS), len(words) - 1)
    words[head] = plural_word(words[head])
    return " ".join(words)


def _has_role(table: CountTable, demo: Demographics) -> bool:
    return any(t.name == table.name and t.role for t in demo.tables)


def publish_threshold(event: EventData, for_deck: bool) -> int:
    """Return the threshold below which counts are hidden: the briefings' by default, the deck's only when asked."""
    publish = event.publish
    if not publish.suppress_below or (for_deck and not publish.deck):
        return 0
    return publish.suppress_below


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


def counted_aggregates(event: EventData, key: str, reviews: Sequence[ResolvedReview]) -> dict:
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


def _person_counts(people: Sequence, field_name: str, bands: Sequence) -> dict[str, int]:
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
