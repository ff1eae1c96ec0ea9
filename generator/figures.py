"""The figures of each review type, worked out once and shared by every output so all say the same.

A :class:`ReviewFigures` holds what the deck and the briefings show of one
review type: its count, counts by area and the demographic tables, each a
:class:`CountTable` that knows how many of the reviews it covers. They are
worked out here from the data file's typed aggregates; nothing downstream
counts anything again.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import EventData, ReviewType, Theme

MAX_CHARTED_THEMES = 12


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

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(label for label, _ in self.rows)

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(value for _, value in self.rows)

    @property
    def total(self) -> int:
        return sum(self.values)

    @property
    def coverage_note(self) -> str:
        """Return 'where known: 3 of 9' when the table covers only some reviews, else ''."""
        return f"where known: {self.known_for} of {self.of}" if self.known_for < self.of else ""

    @property
    def title(self) -> str:
        """Return the table's title with its coverage: 'Ethnicity (where known: 3 of 9)'."""
        return f"{self.name} ({self.coverage_note})" if self.coverage_note else self.name

    def as_text(self) -> str:
        """Return the counts as 'MBC 5, RCBC 1, HBC 0'."""
        return counts_text(self.labels, self.values)


@dataclass(frozen=True)
class ReviewFigures:
    """Everything counted about one review type, as every output shows it."""

    key: str
    review: ReviewType
    count: int
    people: int
    areas: CountTable
    demographics: tuple[CountTable, ...]
    themes: tuple[Theme, ...]

    @property
    def headline(self) -> str:
        """Return '23 Children Reviews' (or the singular name for one review)."""
        return self.review.headline

    @property
    def people_phrase(self) -> str:
        """Return who the demographic tables describe: 'the 24 children'."""
        return f"the {self.people} {self.review.people_noun if self.people != 1 else self.review.person_noun}"

    @property
    def themes_counted(self) -> tuple[Theme, ...]:
        """Return the themes that carry a count."""
        return tuple(t for t in self.themes if t.count is not None)

    @property
    def themes_uncounted(self) -> tuple[Theme, ...]:
        """Return the themes with no count."""
        return tuple(t for t in self.themes if t.count is None)


def counts_text(labels, values) -> str:
    """Return labels and their counts as 'MBC 5, RCBC 1, HBC 0'."""
    return ", ".join(f"{label} {value}" for label, value in zip(labels, values))


def theme_label(theme: Theme) -> str:
    """Return a theme as the seed writes it: 'Self-Neglect (6)', or the name alone."""
    return f"{theme.name} ({theme.count})" if theme.count is not None else theme.name


def charted_themes(figures: ReviewFigures) -> tuple[tuple[Theme, ...], str]:
    """Return the counted themes a chart can show legibly (the most frequent), and words saying so if cut."""
    counted = figures.themes_counted
    if len(counted) <= MAX_CHARTED_THEMES:
        return counted, ""
    ranked = tuple(sorted(counted, key=lambda t: -(t.count or 0))[:MAX_CHARTED_THEMES])
    return ranked, f"the {MAX_CHARTED_THEMES} most frequent of {len(counted)} themes"


def review_figures(key: str, review: ReviewType) -> ReviewFigures:
    """Return the figures of one review type typed as aggregates in the data file."""
    demo = review.demographics
    count = review.count
    noun = review.people_noun

    def known(name: str) -> int:
        return demo.known_for_each.get(name, demo.known_for if demo.known_for is not None else count)

    tables = []
    for name, counts, ordered in (("Ethnicity", demo.ethnicity, False), ("Age", demo.age, True),
                                  ("Gender", demo.gender, False)):
        if counts:
            tables.append(CountTable(name, "Age band" if name == "Age" else name, tuple(counts.items()), noun,
                                     known(name), count, ordered))
    for table in demo.tables:
        unit = f"{table.role}s" if table.role else noun
        tables.append(CountTable(table.name, table.name, tuple(table.counts.items()), unit,
                                 table.known_for if table.known_for is not None else known(table.name), count))
    people = demo.people if demo.people is not None else max((t.total for t in tables if not _has_role(t, demo)),
                                                             default=count)
    areas = CountTable("Reviews by area", "Area", tuple(review.counts_by_area.items()), "reviews", count, count)
    return ReviewFigures(key, review, count, people, areas, tuple(tables), tuple(review.theme_list))


def _has_role(table: CountTable, demo) -> bool:
    return any(t.name == table.name and t.role for t in demo.tables)


def event_figures(event: EventData) -> dict[str, ReviewFigures]:
    """Return the figures of every review type, by key, in the data's order."""
    return {key: review_figures(key, review) for key, review in event.review_types.items()}
