"""One description of a chart, and where a bar chart's parts go: no drawing library is imported here.

A :class:`ChartSpec` is what the plan says a chart shows. The deck draws it as
a native PowerPoint chart, the Word briefing as a native Word chart (both in
:mod:`generator.deck.chart_style`, through python-pptx), and the HTML briefing
as inline SVG (:mod:`generator.briefing.svg_chart`). Values are printed on the
bars, so nothing depends on colour alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import text_fit

MIN_LABEL_SIZE = 10.0  # points: the smallest chart label the deck or a briefing draws
TITLE_STEP = 2.0  # points: the title is this much larger than the labels
# A bar chart drawn at a size of its own (in Word) has its plot area placed (a manual layout), so every renderer
# wraps its category labels at one known width and each bar has the room its label's lines need. Measured on
# LibreOffice's rendering: a label ends LABEL_OFFSET before the bars, and the title wraps at about 0.7 of the
# width. Lines are allowed Office's 1.2 of the font size (LibreOffice sets them closer, at 0.97).
LABEL_SHARE = 0.65  # of the chart's width: the most the category labels take; the bars have the rest
LABEL_OFFSET = 8.0  # points between a label and its bar (the tick mark and its gap)
EDGE = 4.0  # points kept clear at the chart's edges
TITLE_SHARE = 0.7  # of the chart's width: where the title is taken to wrap (measured 4% wide, so never later)
TITLE_GAP = 8.0  # points between the title and the first bar
LINE_PITCH = 1.2  # of the font size
LABEL_GAP = 0.4  # of the font size: between one bar's label and the next
SLACK = 0.5  # points (or SVG units): a label measured whole keeps its line when measured word by word (rounding)
NO_BREAK_SPACE = "\u00a0"
# A title's closing note of a few words in brackets ("(of 4)", "(o 4)") is kept whole: Office and LibreOffice wrap a
# chart's title wherever its line ends, and "... bob thema (o" above "4)" reads as a slip.
_SHORT_CLOSING_NOTE = re.compile(r"\(([^\s()]+(?: [^\s()]+){0,2})\)$")
# LibreOffice draws a chart's title lower in a taller chart: 2% of the chart's height below where a short chart's
# is (measured on charts 150 to 500 pt tall). The deck's charts, as tall as a slide, are laid out with it.
TITLE_DROP = 0.02


def title_kept_whole(title: str) -> str:
    """Return a chart's title as a chart draws it: a short closing note in brackets joined by no-break spaces."""
    return _SHORT_CLOSING_NOTE.sub(lambda note: f"({note.group(1).replace(' ', NO_BREAK_SPACE)})", title)


@dataclass(frozen=True)
class ChartSpec:
    """A bar or column chart of whole numbers by category, with alt text that states its data.

    ``note`` is a line shown with the chart (which categories were left out,
    and why); ``kind`` is "bar" (horizontal bars) or "column".
    """

    kind: str
    title: str
    categories: tuple[str, ...]
    values: tuple[int, ...]
    alt_text: str
    note: str = ""

    @property
    def longest_label(self) -> int:
        """Return the length of the longest category label, in characters."""
        return max((len(c) for c in self.categories), default=0)


def label_size(font_size: float) -> float:
    """Return the size a chart's labels are set at for ``font_size``: never under the smallest legible size."""
    return max(font_size, MIN_LABEL_SIZE)


@dataclass(frozen=True)
class BarLayout:
    """Where a bar chart's parts go, in points from its top left: the title, the labels' column and the bars."""

    width: float
    height: float
    label_width: float  # the column the category labels wrap within, left of the bars
    plot_top: float  # where the first bar's slot begins, under the title
    plot_height: float  # the bars' slots, one per category, each with room for the longest label
    values_width: float  # right of the bars: the room for the counts printed at their ends


def bar_layout(spec: ChartSpec, width_pt: float, font_size: float, font: str = "",
               at_least: float = 0.0, title_size: float | None = None, title_drop: float = 0.0) -> BarLayout:
    """Return the layout of a bar chart ``width_pt`` wide, as tall as its labels need (and ``at_least`` that);
    its title is set at ``title_size`` (by default :data:`TITLE_STEP` over the labels), ``title_drop`` of the
    chart's height lower (see :data:`TITLE_DROP`).

    The labels' column is as wide as the widest label on one line, up to :data:`LABEL_SHARE` of the width;
    a longer label wraps within it. The bars are evenly spaced, so each gets the room of the longest label.
    """
    size = label_size(font_size)
    face = text_fit.face(False, font)
    widest = max((face.width(label, size) for label in spec.categories), default=0.0)
    label_width = min(widest + SLACK, width_pt * LABEL_SHARE - LABEL_OFFSET - EDGE)
    lines = max((len(text_fit.wrap(label, label_width, size, family=font)) for label in spec.categories), default=1)
    slot = (lines * LINE_PITCH + LABEL_GAP) * size
    title_size = title_size or size + TITLE_STEP
    title_lines = len(text_fit.wrap(title_kept_whole(spec.title), width_pt * TITLE_SHARE, title_size, True, font))
    title_room = EDGE + title_lines * LINE_PITCH * title_size + TITLE_GAP
    plot_height = len(spec.categories) * slot
    height = max((title_room + plot_height + EDGE) / (1 - title_drop), at_least)
    plot_top = title_room + title_drop * height
    values_width = face.width(str(max(spec.values, default=0)), size) + LABEL_OFFSET + EDGE
    # A chart given more height than its labels need spreads its bars over it.
    return BarLayout(width_pt, height, label_width, plot_top, height - plot_top - EDGE, values_width)


def bar_chart_height(spec: ChartSpec, width_pt: float, font_size: float, font: str = "") -> float:
    """Return the height, in points, a bar chart ``width_pt`` wide needs so that every category label is drawn
    whole, on its own lines (see :func:`bar_layout`)."""
    return bar_layout(spec, width_pt, font_size, font).height
