"""Where a review type's charts go on the deck's slides, laid out from their labels measured in the font that
draws them (the theme's), so that no label touches another and none is cut.

One rule orients every chart: a column chart whose labels would need more than :data:`COLUMNS_AT_MOST` of the
slide's width to stand under their columns (on at most two lines, no word cut) is drawn as horizontal bars. It
depends on the labels, the font and the slide alone, so the same categories are drawn the same way on every slide
(the perpetrators' age bands as the victims').

The charts are dealt in order, evenly, over as few slides as give each the room its labels need: a column chart
the width of its labels, a bar chart the height of its labels wrapped beside its bars (measured as
:func:`~generator.charts.bar_layout` places them), a chart said as a sentence the width of a few lines. Labels
are set at the largest size of :data:`LABEL_SIZES` that fits; a slide more is taken rather than set a chart's labels
under :data:`COMFORTABLE_LABEL_SIZE`, and a chart that needs the smallest size even on a slide of its own gets one.
Every chart title, and the heading of a chart said as a sentence, is set at :data:`CHART_TITLE_SIZE`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from .. import text_fit
from ..charts import EDGE, LABEL_OFFSET, LABEL_SHARE, MIN_LABEL_SIZE, SLACK, TITLE_DROP, ChartSpec, bar_layout
from .body_text import DECK_BODY_FLOOR
from ..ooxml import EMU_PER_POINT
from .layouts import Box

# The deck's chart type scale: titles (bold) at one size, labels stepping down from the largest that fits.
CHART_TITLE_SIZE = 16.0
LABEL_SIZES = (14.0, 12.0, 11.0, 10.0)
COMFORTABLE_LABEL_SIZE = 12.0  # a slide more is taken rather than set labels smaller than this
THEMES_LABEL_SIZES = tuple(size for size in LABEL_SIZES if size <= 12.0)  # long theme names, beside their list
MAX_CHARTS_PER_SLIDE = 4  # more side by side is too much to take in at once, however short their labels
COLUMNS_AT_MOST = 0.5  # of the slide's width: a column chart whose labels need more is drawn as bars
COLUMN_LABEL_SHARE = 0.9  # of a column's slot a label may take
SENTENCE_LINES = 3  # a chart said as a sentence is given the width to say it in this many lines
SENTENCE_SIZE = DECK_BODY_FLOOR  # the sentence's width is measured at the deck's smallest body size
# Preferred shares of a slide's width, given when each chart has the room it needs: a sentence 3, a column chart
# one per band (4 to 6), a bar chart 4 and one more for every 10 characters of its longest label (up to 30).
SENTENCE_WEIGHT = 3.0
MIN_COLUMN_WEIGHT = 4
MAX_COLUMN_WEIGHT = 6
LONG_LABEL = 30
LABEL_CHARACTERS_PER_WEIGHT = 10

ChartRoom = Callable[[Box, ChartSpec], Box]
"""The part of a chart's box left for the chart itself (its note, when it has one, takes the foot)."""


@dataclass(frozen=True)
class PlacedChart:
    """A chart as it is drawn on its slide: bars or columns, its box, and its labels' size (none for a sentence)."""

    chart: ChartSpec
    box: Box
    label_size: float = 0.0


@dataclass(frozen=True)
class ChartSlides:
    """The slides a type's charts take, each a list of placed charts; ``crowded`` names a chart whose labels
    would touch even at the smallest size on a slide of its own."""

    slides: list[list[PlacedChart]]
    crowded: list[str]


def says_something(chart: ChartSpec) -> bool:
    """Return whether a chart compares at least two things: one non-zero bar (or none) says nothing a
    sentence cannot."""
    return sum(1 for value in chart.values if value) >= 2


def drawn_as(chart: ChartSpec, slide_width_pt: float, family: str) -> ChartSpec:
    """Return ``chart`` as horizontal bars when it is a column chart whose labels are long: standing under their
    columns they would need more than :data:`COLUMNS_AT_MOST` of the slide's width."""
    if chart.kind != "column" or not chart.categories:
        return chart
    if column_width_needed(chart, family) > slide_width_pt * COLUMNS_AT_MOST:
        return replace(chart, kind="bar")
    return chart


def column_width_needed(chart: ChartSpec, family: str, size: float = LABEL_SIZES[0]) -> float:
    """Return the width, in points, a column chart needs for each label to stand under its column on at most
    two lines, no word cut."""
    font = text_fit.face(False, family)
    slot = max(_two_line_width(label.split(), font, size) for label in chart.categories)
    return len(chart.categories) * slot / COLUMN_LABEL_SHARE


def _two_line_width(words: list[str], font: text_fit.FontFace, size: float) -> float:
    """Return the narrowest width at which ``words`` set on two lines (or one) fit, in points."""
    if len(words) < 2:
        return font.width(" ".join(words), size)
    return min(max(font.width(" ".join(words[:cut]), size), font.width(" ".join(words[cut:]), size))
               for cut in range(1, len(words)))


def bar_width_needed(chart: ChartSpec, family: str, size: float, whole_labels: bool) -> float:
    """Return the width, in points, a bar chart needs for its labels' column (:data:`~generator.charts.LABEL_SHARE`
    of it) to hold its widest label on one line (``whole_labels``) or its widest word."""
    font = text_fit.face(False, family)
    if whole_labels:
        widest = max((font.width(label, size) for label in chart.categories), default=0.0)
    else:
        widest = max((font.width(word, size) for label in chart.categories for word in label.split()), default=0.0)
    return (widest + SLACK + LABEL_OFFSET + EDGE) / LABEL_SHARE


def sentence_width_needed(chart: ChartSpec, sentence: str, family: str) -> float:
    """Return the width, in points, a chart said as a sentence needs: its heading's widest word, and the
    sentence on at most :data:`SENTENCE_LINES` lines at the deck's smallest body size."""
    heading = text_fit.face(True, family)
    body = text_fit.face(False, family)
    widest_word = max([heading.width(word, CHART_TITLE_SIZE) for word in chart.title.split()]
                      + [body.width(word, SENTENCE_SIZE) for word in sentence.split()], default=0.0)
    return max(widest_word, body.width(sentence, SENTENCE_SIZE) / SENTENCE_LINES) + 2 * EDGE


def preferred_weight(chart: ChartSpec) -> float:
    """Return a chart's preferred share of the slide's width: bars with long labels need room for them beside
    the bars, columns need room for each band, and a sentence needs little."""
    if not says_something(chart):
        return SENTENCE_WEIGHT
    if chart.kind == "column":
        return min(max(MIN_COLUMN_WEIGHT, len(chart.categories)), MAX_COLUMN_WEIGHT)
    return 4 + min(chart.longest_label, LONG_LABEL) / LABEL_CHARACTERS_PER_WEIGHT


def shares(weights: list[float], needed: list[float], usable: float) -> list[float] | None:
    """Return widths filling ``usable`` in proportion to ``weights``, each at least its ``needed`` (what is
    left over shared by weight), or None when the widths needed are more than ``usable``."""
    total = sum(weights)
    proportional = [usable * weight / total for weight in weights]
    if all(width >= need for width, need in zip(proportional, needed)):
        return proportional
    spare = usable - sum(needed)
    if spare < 0:
        return None
    return [need + spare * weight / total for need, weight in zip(needed, weights)]


def bar_label_size(chart: ChartSpec, room: Box, family: str, sizes: tuple[float, ...]) -> float | None:
    """Return the largest of ``sizes`` at which every label of a bar chart drawn in ``room`` has its own lines
    beside its bar, or None when none does."""
    width, height = room.width / EMU_PER_POINT, room.height / EMU_PER_POINT
    return next((size for size in sizes
                 if bar_layout(chart, width, size, family, title_size=CHART_TITLE_SIZE,
                               title_drop=TITLE_DROP).height <= height), None)


def even_groups(charts: list[ChartSpec], count: int) -> list[list[ChartSpec]]:
    """Return ``charts`` dealt in order onto ``count`` slides whose numbers differ by at most one (the earlier
    slides take the extra ones)."""
    per_slide, extra = divmod(len(charts), count)
    groups, start = [], 0
    for slide in range(count):
        end = start + per_slide + (1 if slide < extra else 0)
        groups.append(charts[start:end])
        start = end
    return groups


def labels_touch(chart: ChartSpec, room: Box, family: str, size: float) -> bool:
    """Return whether a bar chart's labels drawn in ``room`` at ``size`` would touch: its bars' slots, spread over
    the room, shorter than a label's lines as the font sets them (:func:`bar_label_size` asks for more: a gap)."""
    layout = bar_layout(chart, room.width / EMU_PER_POINT, size, family, at_least=room.height / EMU_PER_POINT,
                        title_size=CHART_TITLE_SIZE, title_drop=TITLE_DROP)
    lines = max((len(text_fit.wrap(label, layout.label_width, size, family=family)) for label in chart.categories),
                default=1)
    slots = room.height / EMU_PER_POINT - layout.plot_top - EDGE  # the room's, however much more the labels ask for
    return slots / max(len(chart.categories), 1) < lines * text_fit.face(False, family).line_height(size)


@dataclass(frozen=True)
class _Measure:
    """How a slide's charts are measured: its content area, the gap between charts, the font, the room a chart
    leaves for its note, how a chart is said as a sentence, and the charts whose labels need the smallest size
    even on a slide of their own (they are set at it wherever they go)."""

    area: Box
    gap: int
    family: str
    chart_room: ChartRoom
    sentence: Callable[[ChartSpec], str]
    crowded: frozenset[ChartSpec] = frozenset()


def place_slide(charts: list[ChartSpec], measure: _Measure, smallest: float,
                force: bool = False) -> list[PlacedChart] | None:
    """Return ``charts`` placed side by side on one slide, each label at least ``smallest``, or None when they
    do not fit; ``force``: place them anyway, in their preferred widths at the smallest size."""
    usable = (measure.area.width - measure.gap * (len(charts) - 1)) / EMU_PER_POINT
    sizes = tuple(size for size in LABEL_SIZES if size >= smallest)
    weights = [preferred_weight(chart) for chart in charts]
    # Bars are first given the room for whole labels (fewer lines, so a shorter chart), then for their words.
    for whole_labels in (True, False):
        needed = [_width_needed(chart, measure, whole_labels) for chart in charts]
        widths = shares(weights, needed, usable)
        if widths is None:
            continue
        placed = _sized(charts, measure.area.columns(len(charts), measure.gap, widths), measure, sizes)
        if placed is not None:
            return placed
    if not force:
        return None
    boxes = measure.area.columns(len(charts), measure.gap, weights)
    return [PlacedChart(chart, box, (_label_size(chart, box, measure, sizes) or MIN_LABEL_SIZE)
                        if says_something(chart) else 0.0) for chart, box in zip(charts, boxes)]


def _width_needed(chart: ChartSpec, measure: _Measure, whole_labels: bool) -> float:
    if not says_something(chart):
        return sentence_width_needed(chart, measure.sentence(chart), measure.family)
    if chart.kind == "column":
        return column_width_needed(chart, measure.family)
    return bar_width_needed(chart, measure.family, MIN_LABEL_SIZE, whole_labels)


def _label_size(chart: ChartSpec, box: Box, measure: _Measure, sizes: tuple[float, ...]) -> float | None:
    if chart.kind == "column":
        return LABEL_SIZES[0]
    return bar_label_size(chart, measure.chart_room(box, chart), measure.family, sizes)


def _sized(charts: list[ChartSpec], boxes: list[Box], measure: _Measure,
           sizes: tuple[float, ...]) -> list[PlacedChart] | None:
    placed = []
    for chart, box in zip(charts, boxes):
        if not says_something(chart):
            placed.append(PlacedChart(chart, box))
            continue
        size = _label_size(chart, box, measure, sizes)
        if size is None and chart in measure.crowded:
            size = MIN_LABEL_SIZE  # no room makes it larger: it stays beside the others
        if size is None:
            return None
        placed.append(PlacedChart(chart, box, size))
    return placed


def chart_slides(charts: list[ChartSpec], area: Box, gap: int, family: str, chart_room: ChartRoom,
                 sentence: Callable[[ChartSpec], str]) -> ChartSlides:
    """Return a type's charts laid out on as few slides as give each the room its labels need, dealt evenly, at
    most :data:`MAX_CHARTS_PER_SLIDE` a slide (see the module's description)."""
    drawn = [drawn_as(chart, area.width / EMU_PER_POINT, family) for chart in charts]
    alone = _Measure(area, gap, family, chart_room, sentence)
    measure = replace(alone, crowded=frozenset(chart for chart in drawn
                                               if place_slide([chart], alone, MIN_LABEL_SIZE) is None))
    placed = _fewest_slides(drawn, measure) or [place_slide([chart], measure, MIN_LABEL_SIZE, force=True) or []
                                                 for chart in drawn]
    touching = [chart.chart.title for slide in placed for chart in slide
                if chart.chart in measure.crowded and chart.chart.kind == "bar"
                and labels_touch(chart.chart, chart_room(chart.box, chart.chart), family, chart.label_size)]
    return ChartSlides(placed, touching)


def _fewest_slides(charts: list[ChartSpec], measure: _Measure) -> list[list[PlacedChart]] | None:
    """Return ``charts`` dealt evenly over the fewest slides on which each has the room it needs, labels at
    :data:`COMFORTABLE_LABEL_SIZE` or more if any number of slides allows it; None when no number does."""
    fewest = max(1, math.ceil(len(charts) / MAX_CHARTS_PER_SLIDE))
    for smallest in (COMFORTABLE_LABEL_SIZE, MIN_LABEL_SIZE):
        for count in range(fewest, len(charts) + 1):
            slides = [place_slide(group, measure, smallest) for group in even_groups(charts, count)]
            if all(slide is not None for slide in slides):
                return [slide for slide in slides if slide is not None]
    return None
