"""Which pictures an event has: every chart of its deck and briefings, with small numbers hidden as the published
briefings hide them, whatever the deck does (a picture is made to be published)."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass

from ..charts import ChartSpec
from ..paths import slug
from ..plan import EventPlan, plan_event


@dataclass(frozen=True)
class Picture:
    """One chart to draw: its file names' stem, the chart, and where it is shown (the slide's or briefing's
    title, under which the index page lists it)."""

    stem: str
    chart: ChartSpec
    shown_in: str

    @property
    def drawn(self) -> bool:
        """Return whether the chart has a bar to draw: with small numbers hidden, every category may be left out,
        or only zeros left (the index page then says so, in place of the picture)."""
        return any(self.chart.values)


def plan_pictures(plan: EventPlan) -> tuple[Picture, ...]:
    """Return a picture of each chart of the deck and the briefings, in the deck's order, then the briefings'.

    The deck's charts are planned again as the briefings publish them (small numbers hidden, when the data asks,
    as ``publish: {deck: true}`` would hide them), so a picture never shows what the published briefing does
    not. A briefing's chart that shows what a deck's chart shows (its themes or age chart) is not pictured again.
    """
    # A shallow copy, not dataclasses.replace: the loader keeps what it read beside the fields (a register's rows).
    event = copy.copy(plan.event)
    event.publish = dataclasses.replace(event.publish, deck=True)
    published = plan_event(event)
    deck = [(slide.title, chart) for slide in published.slides for chart in slide.charts]
    in_deck = {(chart.categories, chart.values) for _, chart in deck if chart.categories}
    briefings = [(briefing.title, section.chart) for briefing in published.briefings for section in briefing.sections
                 if section.chart is not None and (section.chart.categories, section.chart.values) not in in_deck]
    return tuple(Picture(f"{number:02d}-{slug(chart.title)}", chart, shown_in)
                 for number, (shown_in, chart) in enumerate(deck + briefings, start=1))
