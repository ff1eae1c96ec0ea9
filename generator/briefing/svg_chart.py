"""A chart as inline SVG for the HTML briefing: the same :class:`~generator.charts.ChartSpec` as the Office charts.

Bars with their values printed beside them, category labels in text the
browser draws (so they scale and can be read by assistive technology), and a
title and description that state the data. matplotlib would do this too, but
importing it costs more than twice a whole build; these few shapes need none of it.
"""

from __future__ import annotations

from html import escape

from ..charts import ChartSpec

# The chart fills one of the page's two columns: about 400 px on screen, and 86 mm (244 pt) in print, where
# a 16-unit label is 16 x 244 / 400 = 9.8 pt (see PRINT_COLUMN_WIDTH_PT in the tests).
WIDTH = 400
BAR_HEIGHT = 24
BAR_GAP = 8
LABEL_SIZE = 16
COLUMN_CHART_HEIGHT = 200
CHARACTER_WIDTH = 0.55  # of the font size: a fair average for sans-serif text


def chart_svg(spec: ChartSpec, chart_id: str, bar_colour: str, text_colour: str) -> str:
    """Return the chart as an ``<svg>`` element with a title and a description that states its data."""
    body = _bars(spec, bar_colour, text_colour) if spec.kind == "bar" else _columns(spec, bar_colour, text_colour)
    height, shapes = body
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="chart">'
            f'<title id="{chart_id}-title">{escape(spec.title)}</title>'
            f'<desc id="{chart_id}-desc">{escape(spec.alt_text)}</desc>{shapes}</svg>')


def _bars(spec: ChartSpec, colour: str, ink: str) -> tuple[int, str]:
    label_width = min(WIDTH * 0.5, max(len(c) for c in spec.categories) * LABEL_SIZE * CHARACTER_WIDTH + 8)
    most = max(max(spec.values, default=0), 1)
    room = WIDTH - label_width - 48
    shapes = []
    for index, (label, value) in enumerate(zip(spec.categories, spec.values)):
        top = index * (BAR_HEIGHT + BAR_GAP)
        length = room * value / most
        middle = top + BAR_HEIGHT / 2
        shapes.append(f'<text x="{label_width - 6:.1f}" y="{middle:.1f}" text-anchor="end" '
                      f'dominant-baseline="central" font-size="{LABEL_SIZE}" fill="#{ink}">'
                      f'{escape(_shortened(label, label_width))}</text>')
        shapes.append(f'<rect x="{label_width:.1f}" y="{top}" width="{length:.1f}" height="{BAR_HEIGHT}" '
                      f'fill="#{colour}"/>')
        shapes.append(f'<text x="{label_width + length + 5:.1f}" y="{middle:.1f}" dominant-baseline="central" '
                      f'font-size="{LABEL_SIZE}" fill="#{ink}">{value}</text>')
    height = len(spec.values) * (BAR_HEIGHT + BAR_GAP)
    return height, "".join(shapes)


def _columns(spec: ChartSpec, colour: str, ink: str) -> tuple[int, str]:
    count = max(len(spec.values), 1)
    slot = WIDTH / count
    width = slot * 0.6
    most = max(max(spec.values, default=0), 1)
    room = COLUMN_CHART_HEIGHT - 2 * LABEL_SIZE - 16
    shapes = []
    for index, (label, value) in enumerate(zip(spec.categories, spec.values)):
        centre = slot * index + slot / 2
        length = room * value / most
        top = LABEL_SIZE + 8 + room - length
        shapes.append(f'<rect x="{centre - width / 2:.1f}" y="{top:.1f}" width="{width:.1f}" '
                      f'height="{length:.1f}" fill="#{colour}"/>')
        shapes.append(f'<text x="{centre:.1f}" y="{top - 4:.1f}" text-anchor="middle" font-size="{LABEL_SIZE}" '
                      f'fill="#{ink}">{value}</text>')
        shapes.append(f'<text x="{centre:.1f}" y="{COLUMN_CHART_HEIGHT - 4}" text-anchor="middle" '
                      f'font-size="{LABEL_SIZE}" fill="#{ink}">{escape(_shortened(label, slot))}</text>')
    return COLUMN_CHART_HEIGHT, "".join(shapes)


def _shortened(label: str, width: float) -> str:
    """Return ``label`` cut with an ellipsis to fit ``width`` (the full label is in the description)."""
    fits = max(4, int(width / (LABEL_SIZE * CHARACTER_WIDTH)))
    return label if len(label) <= fits else label[: fits - 1].rstrip() + "…"
