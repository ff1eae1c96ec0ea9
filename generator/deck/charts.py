"""Native, editable PowerPoint charts with alt text that states their data.

No colour is set on a series: PowerPoint and LibreOffice then draw it in the
theme's first accent, so a comms team's template recolours every chart.
"""

from __future__ import annotations

from ..charts import ChartSpec
from ..ooxml import PRESENTATION, tag
from .chart_style import add_native_chart, style_chart
from .layouts import Box

CHART_FONT_SIZE = 14.0


def set_alt_text(shape, text: str) -> None:
    """Set a shape's alt text: ``descr`` on its non-visual properties (python-pptx has no API for it)."""
    properties = next(shape.element.iter(tag(PRESENTATION, "cNvPr")))
    properties.set("descr", text)


def add_chart(slide, spec: ChartSpec, box: Box, font_size: float = CHART_FONT_SIZE):
    """Return a native chart drawn from ``spec`` into ``box`` on ``slide``."""
    frame = add_native_chart(slide.shapes, spec, box.left, box.top, box.width, box.height)
    style_chart(frame.chart, spec, font_size)
    frame.name = spec.title
    set_alt_text(frame, spec.alt_text)
    return frame

