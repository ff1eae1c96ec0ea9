"""A chart as inline SVG for the HTML briefing: the same :class:`~generator.charts.ChartSpec` as the Office charts.

Bars with their values printed beside them, category labels in text the
browser draws (so they scale and can be read by assistive technology), and a
title and description that state the data. A label too long for its column
wraps onto further lines (measured with the font's metrics), never cut: each
bar is as tall as its label needs. matplotlib would do this too, but importing
it costs more than twice a whole build; these few shapes need none of it.
"""

from __future__ import annotations

from html import escape

from .. import text_fit
from ..charts import SLACK, ChartSpec

# The chart fills one of the page's two columns: about 400 px on screen, and 86 mm (244 pt) in print, where
# a 16-unit label is 16 x 244 / 400 = 9.8 pt (see PRINT_COLUMN_WIDTH_PT in the tests).
WIDTH = 400
BAR_HEIGHT = 24
BAR_GAP = 8
LABEL_SIZE = 16
LINE_HEIGHT = 1.2  # of the label size: the distance between a wrapped label's lines
COLUMN_CHART_HEIGHT = 200  # a column chart whose labels each take one line
LABEL_GAP = 6  # between a label and its bar
VALUE_ROOM = 48  # right of the longest bar, for its count
# A bar chart's labels take the width of the widest on one line, up to the first of these shares of the chart's
# width; when that would wrap a label onto more than MAX_LABEL_LINES lines, up to the second (the bars keep the
# rest). A label that still needs more lines gets them.
LABEL_SHARES = (0.5, 0.6)
MAX_LABEL_LINES = 3
# The page sets the chart's text in its font, or Arial where the reader has not got it (the page's font-family
# names Arial next): a label is measured in whichever of the two is wider, so it fits its column in either.
FALLBACK_FONT = "Arial"
BALANCE_STEP = 4  # units: a wrapped label's lines are evened out by narrowing its column this much at a time


def chart_svg(spec: ChartSpec, chart_id: str, bar_colour: str, text_colour: str, font: str = "") -> str:
    """Return the chart as an ``<svg>`` element with a title and a description that states its data.

    ``font`` is the family the page sets the chart's text in (Calibri's metrics when not given); long labels
    are wrapped by its widths.
    """
    body = (_bars(spec, bar_colour, text_colour, font) if spec.kind == "bar"
            else _columns(spec, bar_colour, text_colour, font))
    height, shapes = body
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height:g}" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="chart">'
            f'<title id="{chart_id}-title">{escape(spec.title)}</title>'
            f'<desc id="{chart_id}-desc">{escape(spec.alt_text)}</desc>{shapes}</svg>')


def label_width(label: str, font: str = "") -> float:
    """Return the width of ``label`` on one line, in the wider of the page's font and its fallback."""
    return max(text_fit.face(False, family).width(label, LABEL_SIZE) for family in (font, FALLBACK_FONT))


def label_lines(label: str, width: float, font: str = "") -> list[str]:
    """Return ``label`` broken into the lines it takes in a column ``width`` units wide, in whichever of the
    page's font and its fallback sets it wider, the lines made as even as they can be in as few lines (no
    word left alone on the last)."""
    family = max((font, FALLBACK_FONT), key=lambda each: text_fit.face(False, each).width(label, LABEL_SIZE))
    lines = text_fit.wrap(label, width, LABEL_SIZE, family=family)
    narrower = width - BALANCE_STEP
    while len(lines) > 1 and len(even := text_fit.wrap(label, narrower, LABEL_SIZE, family=family)) == len(lines):
        lines, narrower = even, narrower - BALANCE_STEP
    return lines


def _label_column(spec: ChartSpec, font: str) -> tuple[float, list[list[str]]]:
    """Return the width of a bar chart's label column and each label's lines in it."""
    widest = max((label_width(label, font) for label in spec.categories), default=0.0)
    for share in LABEL_SHARES:
        width = min(widest + SLACK, WIDTH * share - LABEL_GAP)
        lines = [label_lines(label, width, font) for label in spec.categories]
        if max((len(each) for each in lines), default=1) <= MAX_LABEL_LINES:
            break
    # Evened-out lines may leave the column wider than its longest line: the bars have what is left over.
    longest = max((label_width(line, font) for each in lines for line in each), default=0.0)
    return min(width, longest + SLACK) + LABEL_GAP, lines


def _text(x: float, middle: float, lines: list[str], anchor: str, ink: str) -> str:
    """Return a ``<text>`` of ``lines`` centred on ``middle``, one ``<tspan>`` a line.

    A line after the first begins with the space it was broken at, so the text reads (and is found, and copied)
    as the whole label; at the line's start the space moves no right-aligned text.
    """
    pitch = LABEL_SIZE * LINE_HEIGHT
    first = middle - pitch * (len(lines) - 1) / 2
    spans = "".join(f'<tspan x="{x:.1f}" y="{first + pitch * number:.1f}">{" " if number else ""}{escape(line)}'
                    f'</tspan>' for number, line in enumerate(lines))
    return (f'<text text-anchor="{anchor}" dominant-baseline="central" font-size="{LABEL_SIZE}" '
            f'fill="#{ink}">{spans}</text>')


def _bars(spec: ChartSpec, colour: str, ink: str, font: str) -> tuple[float, str]:
    label_width, lines = _label_column(spec, font)
    most = max(max(spec.values, default=0), 1)
    room = WIDTH - label_width - VALUE_ROOM
    shapes = []
    top = 0.0
    for wrapped, value in zip(lines, spec.values):
        row = max(BAR_HEIGHT, len(wrapped) * LABEL_SIZE * LINE_HEIGHT)
        middle = top + row / 2
        length = room * value / most
        shapes.append(_text(label_width - LABEL_GAP, middle, wrapped, "end", ink))
        shapes.append(f'<rect x="{label_width:.1f}" y="{middle - BAR_HEIGHT / 2:.1f}" width="{length:.1f}" '
                      f'height="{BAR_HEIGHT}" fill="#{colour}"/>')
        shapes.append(f'<text x="{label_width + length + 5:.1f}" y="{middle:.1f}" dominant-baseline="central" '
                      f'font-size="{LABEL_SIZE}" fill="#{ink}">{value}</text>')
        top += row + BAR_GAP
    return top, "".join(shapes)


def _columns(spec: ChartSpec, colour: str, ink: str, font: str) -> tuple[float, str]:
    count = max(len(spec.values), 1)
    slot = WIDTH / count
    width = slot * 0.6
    most = max(max(spec.values, default=0), 1)
    room = COLUMN_CHART_HEIGHT - 2 * LABEL_SIZE - 16
    lines = [label_lines(label, slot - LABEL_GAP, font) for label in spec.categories]
    pitch = LABEL_SIZE * LINE_HEIGHT
    extra = (max((len(each) for each in lines), default=1) - 1) * pitch  # room under the columns for wrapped labels
    # A label's first line sits where a one-line label always has: its baseline 4 above the chart's foot, and
    # the middle of a line is about 0.35 of the size above its baseline.
    first_middle = COLUMN_CHART_HEIGHT - 4 - LABEL_SIZE * 0.35
    shapes = []
    for index, (wrapped, value) in enumerate(zip(lines, spec.values)):
        centre = slot * index + slot / 2
        length = room * value / most
        top = LABEL_SIZE + 8 + room - length
        shapes.append(f'<rect x="{centre - width / 2:.1f}" y="{top:.1f}" width="{width:.1f}" '
                      f'height="{length:.1f}" fill="#{colour}"/>')
        shapes.append(f'<text x="{centre:.1f}" y="{top - 4:.1f}" text-anchor="middle" font-size="{LABEL_SIZE}" '
                      f'fill="#{ink}">{value}</text>')
        shapes.append(_text(centre, first_middle + pitch * (len(wrapped) - 1) / 2, wrapped, "middle", ink))
    return COLUMN_CHART_HEIGHT + extra, "".join(shapes)
