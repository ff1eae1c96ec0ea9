"""Native, editable PowerPoint charts with alt text that states their data.

No colour is set on a series: PowerPoint and LibreOffice then draw it in the
theme's first accent, so a comms team's template recolours every chart.
"""

from __future__ import annotations

from ..charts import CHART_TYPES, ChartData
from .layouts import Box
from .plan import ChartSpec


def set_alt_text(shape, text: str) -> None:
    """Set a shape's alt text (python-pptx has no API for it: ``descr`` on its ``cNvPr``)."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def add_chart(slide, spec: ChartSpec, box: Box, font_size: float = 14):
    """Return a native chart drawn from ``spec`` into ``box`` on ``slide``."""
    data = ChartData(spec.kind, spec.title, spec.categories, spec.values, font_size)
    frame = slide.shapes.add_chart(CHART_TYPES[spec.kind], box.left, box.top, box.width, box.height, data)
    frame.name = spec.title
    set_alt_text(frame, spec.alt_text)
    return frame
