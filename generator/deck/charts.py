"""Native, editable PowerPoint charts with alt text that states their data.

No colour is set on a series: PowerPoint and LibreOffice then draw it in the
theme's first accent, so a comms team's template recolours every chart.
Values are printed on the bars, so nothing depends on colour alone.
"""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.util import Pt

from .layouts import Box
from .plan import ChartSpec

_CHART_TYPES = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED}


def set_alt_text(shape, text: str) -> None:
    """Set a shape's alt text (python-pptx has no API for it: ``descr`` on its ``cNvPr``)."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def add_chart(slide, spec: ChartSpec, box: Box, font_size: float = 14):
    """Return a native chart drawn from ``spec`` into ``box`` on ``slide``."""
    data = CategoryChartData(number_format="0")
    data.categories = spec.categories
    data.add_series(spec.title, spec.values)
    frame = slide.shapes.add_chart(_CHART_TYPES[spec.kind], box.left, box.top, box.width, box.height, data)
    frame.name = spec.title
    set_alt_text(frame, spec.alt_text)
    chart = frame.chart
    chart.font.size = Pt(font_size)
    chart.has_legend = False
    chart.has_title = True
    chart.chart_title.text_frame.text = spec.title
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(font_size + 2)
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.bold = True
    plot = chart.plots[0]
    plot.vary_by_categories = False
    # One or two bars would otherwise fill the chart like a block.
    plot.gap_width = {1: 300, 2: 150}.get(len(spec.categories), 60)
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.show_value = True
    labels.number_format = "0"
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(font_size)
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = False
    value_axis.visible = False
    value_axis.minimum_scale = 0
    value_axis.maximum_scale = max(max(spec.values, default=0) * 1.2, 1)
    if spec.kind == "bar":
        chart.category_axis.reverse_order = True
    chart.category_axis.tick_labels.font.size = Pt(font_size)
    _renumber_axes(chart)
    return frame


def _renumber_axes(chart) -> None:
    """Give the axes small positive ids: python-pptx writes negative ones, which the Open XML SDK rejects."""
    space = chart._chartSpace
    new_ids: dict[str, str] = {}
    for element in space.xpath(".//c:axId | .//c:crossAx"):
        old = element.get("val")
        new_ids.setdefault(old, str(50000 + len(new_ids)))
        element.set("val", new_ids[old])
