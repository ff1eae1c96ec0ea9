"""Native, editable PowerPoint charts with alt text that states their data.

No colour is set on a series: PowerPoint and LibreOffice then draw it in the
theme's first accent, so a comms team's template recolours every chart.
"""

from __future__ import annotations

from lxml import etree

from ..charts import CHART_TYPES, ChartSpec, chart_data, style_chart
from ..ooxml import CHART, PRESENTATION, tag
from .layouts import Box

CHART_FONT_SIZE = 14.0


def set_alt_text(shape, text: str) -> None:
    """Set a shape's alt text: ``descr`` on its non-visual properties (python-pptx has no API for it)."""
    properties = next(shape.element.iter(tag(PRESENTATION, "cNvPr")))
    properties.set("descr", text)


def add_chart(slide, spec: ChartSpec, box: Box, font_size: float = CHART_FONT_SIZE):
    """Return a native chart drawn from ``spec`` into ``box`` on ``slide``."""
    frame = slide.shapes.add_chart(CHART_TYPES[spec.kind], box.left, box.top, box.width, box.height,
                                   chart_data(spec))
    style_chart(frame.chart, spec, font_size)
    _label_every_category(frame.chart)
    frame.name = spec.title
    set_alt_text(frame, spec.alt_text)
    return frame


def _label_every_category(chart) -> None:
    """Ask for every category's label (c:tickLblSkip 1): left to itself, LibreOffice skips every other label of
    a crowded chart, so a bar would have no name."""
    for axis in chart.element.iter(tag(CHART, "catAx")):
        for old in axis.findall(tag(CHART, "tickLblSkip")):
            axis.remove(old)
        skip = etree.Element(tag(CHART, "tickLblSkip"), val="1")
        # The schema's order: tickLblSkip comes after lblOffset (or lblAlgn, or the earlier elements).
        anchor = None
        for name in ("lblOffset", "lblAlgn", "auto", "crosses", "crossesAt", "crossAx", "txPr", "spPr",
                     "tickLblPos", "minorTickMark", "majorTickMark", "numFmt", "title", "minorGridlines",
                     "majorGridlines", "axPos", "delete", "scaling", "axId"):
            anchor = axis.find(tag(CHART, name))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addnext(skip)
        else:
            axis.append(skip)
