"""Which pictures an event has: every chart of its deck and briefings, with small numbers hidden as the published
briefings hide them, whatever the deck does (a picture is made to be published)."""

from __future__ import annotations

from dataclasses import dataclass

from ..briefing.plan import briefing_chart
from ..charts import ChartSpec
from ..deck.plan import review_charts
from ..figures import event_figures
from ..paths import slug
from ..plan import EventPlan


@dataclass(frozen=True)
class Picture:
    """One chart to draw: its file names' stem, the chart, and the review type it belongs to (its key and full
    name)."""

    stem: str
    chart: ChartSpec
    review_key: str
    review_name: str

    @property
    def drawn(self) -> bool:
        """Return whether the chart has anything to draw: with small numbers hidden, every category may be left
        out (the index page then says so, in place of the picture)."""
        return bool(self.chart.categories)


def plan_pictures(plan: EventPlan) -> tuple[Picture, ...]:
    """Return a picture of each chart of the deck and the briefings, review type by review type, in their order.

    Every chart is made from the figures as the briefings publish them (small numbers hidden, when the data
    asks), so a picture never shows what the published briefing does not. A briefing's chart that shows what a
    deck's chart shows (its age chart) is one picture.
    """
    pictures: list[Picture] = []
    for key, figures in event_figures(plan.event).items():
        review = figures.review
        prefix = slug(review.abbreviation or key)
        named = [(table.name, chart) for table, chart in zip(figures.tables, review_charts(figures))]
        briefing, part = briefing_chart(figures)
        if briefing is not None and part == "themes":
            named.append(("themes", briefing))
        drawn: set[tuple[tuple[str, ...], tuple[int, ...]]] = set()
        taken = {picture.stem for picture in pictures}
        for name, chart in named:
            if chart.categories and (chart.categories, chart.values) in drawn:
                continue
            drawn.add((chart.categories, chart.values))
            stem = _unique(f"{prefix}-{slug(name)}", taken)
            taken.add(stem)
            pictures.append(Picture(stem, chart, key, review.full_name or review.name))
    return tuple(pictures)


def _unique(stem: str, taken: set[str]) -> str:
    """Return ``stem``, or ``stem-2``, ``stem-3``... whichever is not taken."""
    candidate, number = stem, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}-{number}"
    return candidate
