"""Native, editable PowerPoint charts with alt text that states their data.

No colour is set on a series: PowerPoint and LibreOffice then draw it in the
theme's first accent, so a comms team's template recolours every chart.
"""

from __future__ import annotations

from ..charts import TITLE_DROP, ChartSpec, bar_layout
from ..ooxml import EMU_PER_POINT, PRESENTATION, tag
from .chart_style import add_native_chart, place_plot_area, style_chart
from .layouts import Box


def set_alt_text(shape, text: str) -> None:
    """Set a shape's alt text: ``descr`` on its non-visual properties (python-pptx has no API for it)."""
    properties = next(shape.element.iter(tag(PRESENTATION, "cNvPr")))
    properties.set("descr", text)


def add_chart(slide, spec: ChartSpec, box: Box, label_size: float, title_size: float, family: str):
    """Return a native chart drawn from ``spec`` into ``box`` on ``slide``, its labels at ``label_size`` and its
    title at ``title_size``. A bar chart's bars are placed where :func:`~generator.charts.bar_layout` measures
    its labels in ``family`` (the theme's font, which draws them) to need, so every renderer wraps them there."""
    frame = add_native_chart(slide.shapes, spec, box.left, box.top, box.width, box.height)
    style_chart(frame.chart, spec, label_size, title_size=title_size)
    if spec.kind == "bar" and spec.categories:
        place_plot_area(frame.chart.element, bar_layout(spec, box.width / EMU_PER_POINT, label_size, family,
                                                        at_least=box.height / EMU_PER_POINT, title_size=title_size,
                                                        title_drop=TITLE_DROP))
    frame.name = spec.title
    set_alt_text(frame, spec.alt_text)
    return frame
