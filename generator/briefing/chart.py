"""The briefing's chart: what it shows (in the deck's colours, with alt text stating its data).

It is drawn as a native Word chart (:mod:`.word_chart`), or, when the theme
asks for a picture, as a matplotlib PNG here. matplotlib is imported only
then: it is the slowest import of the build.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from ..figures import charted_themes, counts_text, people_phrase
from ..model import ReviewType
from ..output.cache import cached

WIDTH_IN = 6.3
HEIGHT_IN = 2.0
DPI = 220


@dataclass(frozen=True)
class BriefingChart:
    """What to draw: title, bars (label and value), colours and the alt text."""

    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]
    horizontal: bool
    bar_colour: str
    text_colour: str
    alt_text: str
    section: str  # the briefing section it illustrates: "themes" or "figures"


def chart_for(review: ReviewType, colours: dict[str, str]) -> BriefingChart | None:
    """Return the chart a briefing should show: themes with counts if known, else age bands, else none."""
    bar, text = colours["accent1"], colours["dk1"]
    if review.themes_have_counts:
        themes, cut = charted_themes(review)
        labels, values = tuple(t.name for t in themes), tuple(t.count for t in themes)
        title = f"Main themes: number of the {review.count} reviews each featured in" + (f" ({cut})" if cut else "")
        alt = (f"Bar chart of the main themes of the {review.count} {review.name}{f' ({cut})' if cut else ''}: "
               f"{counts_text(labels, values)}.")
        return BriefingChart(title, labels, values, True, bar, text, alt, "themes")
    age = review.demographics.age
    if age:
        labels, values = tuple(age), tuple(age.values())
        title = f"Age of {people_phrase(review)}, by band"
        alt = f"Column chart of the age of {people_phrase(review)} in {review.name}: {counts_text(labels, values)}."
        return BriefingChart(title, labels, values, False, bar, text, alt, "figures")
    return None


RENDER_VERSION = "1"


def _key(chart: BriefingChart) -> str:
    return f"{RENDER_VERSION}:{WIDTH_IN}x{HEIGHT_IN}@{DPI}:{chart!r}"


def chart_png(chart: BriefingChart) -> bytes:
    """Return the chart as PNG bytes, from the cache when this exact chart was drawn before."""
    return cached("charts", _key(chart), lambda: render_png(chart))


def render_png(chart: BriefingChart) -> bytes:
    """Return the chart as PNG bytes, identical for identical charts."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    axes = figure.add_subplot()
    colour, ink = f"#{chart.bar_colour}", f"#{chart.text_colour}"
    positions = range(len(chart.values))
    if chart.horizontal:
        bars = axes.barh(positions, chart.values, color=colour, height=0.65)
        axes.set_yticks(list(positions), chart.labels, fontsize=8, color=ink)
        axes.invert_yaxis()
        axes.set_xticks([])
    else:
        bars = axes.bar(positions, chart.values, color=colour, width=0.65)
        axes.set_xticks(list(positions), chart.labels, fontsize=8, color=ink)
        axes.set_yticks([])
    axes.bar_label(bars, fontsize=8, color=ink, padding=2)
    axes.margins(x=0.08 if chart.horizontal else 0.02, y=0.15 if not chart.horizontal else 0.02)
    for side in ("top", "right", "left" if not chart.horizontal else "bottom"):
        axes.spines[side].set_visible(False)
    axes.set_title(chart.title, fontsize=9, color=ink, loc="left", fontweight="bold")
    figure.tight_layout(pad=0.4)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
