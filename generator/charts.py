"""Native, editable Office charts (bar and column), shared by the deck and the briefings.

The chart XML and its embedded workbook come from python-pptx; the look
(values on the bars, no gridlines, no legend, first item on top) is set here
once, so a chart reads the same on a slide and in a Word briefing.
Values are printed on the bars, so nothing depends on colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.util import Pt

from . import pptx_speedups
from .chart_workbook import chart_workbook
from .output.cache import cached

if TYPE_CHECKING:
    from pptx.chart.data import CategoryChartData

CHART_TYPES = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED}


class ChartData:
    """A chart in the house look: one series of whole numbers by category, drawn as bars or columns.

    python-pptx draws a chart from this object's XML and workbook. Both are
    made by python-pptx (its CategoryChartData, then styled; the workbook by
    xlsxwriter, normalised with a fixed date inside) once per distinct chart
    and kept in the cache: a rebuild after a text edit neither makes them again
    nor even imports xlsxwriter.
    """

    def __init__(self, kind: str, title: str, categories, values, font_size: float, colour: str | None = None,
                 font: str | None = None):
        self.kind, self.title = kind, title
        self.categories, self.values = tuple(categories), tuple(values)
        self.look = (font_size, colour, font)

    def xml_bytes(self, chart_type=None) -> bytes:
        """Return the chart part's XML, styled (``chart_type`` is python-pptx's; it must be this chart's kind)."""
        if chart_type is not None and chart_type != CHART_TYPES[self.kind]:
            raise ValueError(f"a {self.kind} chart cannot be drawn as {chart_type}")
        return self._cached("charts", (self.kind, self.look), self._styled_xml)

    @property
    def xlsx_blob(self) -> bytes:
        """Return the chart's embedded workbook."""
        return chart_workbook(self.title, self.categories, self.values)

    def _cached(self, kind: str, detail: tuple, make) -> bytes:
        import pptx

        key = repr((pptx.__version__, detail, self.title, self.categories, self.values))
        if (kind, key) not in _MADE:
            if len(_MADE) >= 512:
                _MADE.clear()
            _MADE[kind, key] = cached(kind, key, make)
        return _MADE[kind, key]

    def _styled_xml(self) -> bytes:
        from lxml import etree
        from pptx.chart.chart import Chart
        from pptx.oxml import parse_xml

        pptx_speedups.install()
        chart_space = parse_xml(self._pptx_data().xml_bytes(CHART_TYPES[self.kind]))
        chart = Chart(chart_space, None)
        font_size, colour, font = self.look
        style_chart(chart, self.kind, self.title, self.values, font_size, colour)
        if font:
            chart.font.name = font
        return etree.tostring(chart_space, encoding="UTF-8", standalone=True)

    def _pptx_data(self) -> CategoryChartData:
        from pptx.chart.data import CategoryChartData

        data = CategoryChartData(number_format="0")
        data.categories = list(self.categories)
        data.add_series(self.title, list(self.values))
        return data


_MADE: dict[tuple[str, str], bytes] = {}  # this process's charts, for batches of events


def style_chart(chart, kind: str, title: str, values, font_size: float, colour: str | None = None) -> None:
    """Give a python-pptx chart the house look; ``colour`` (hex) fills the bars, else the theme's first accent."""
    count = len(values)
    chart.font.size = Pt(font_size)
    chart.has_legend = False
    chart.has_title = True
    chart.chart_title.text_frame.text = title
    title_font = chart.chart_title.text_frame.paragraphs[0].runs[0].font
    title_font.size = Pt(font_size + 2)
    title_font.bold = True
    plot = chart.plots[0]
    plot.vary_by_categories = False
    # One or two bars would otherwise fill the chart like a block.
    plot.gap_width = {1: 300, 2: 150}.get(count, 60)
    if colour:
        fill = plot.series[0].format.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(colour)
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
    value_axis.maximum_scale = max(max(values, default=0) * 1.2, 1)
    if kind == "bar":
        chart.category_axis.reverse_order = True
    chart.category_axis.tick_labels.font.size = Pt(font_size)
    renumber_axes(chart._chartSpace)


def renumber_axes(chart_space) -> None:
    """Give the axes small positive ids: python-pptx writes negative ones, which the Open XML SDK rejects."""
    new_ids: dict[str, str] = {}
    for element in chart_space.xpath(".//c:axId | .//c:crossAx"):
        old = element.get("val")
        new_ids.setdefault(old, str(50000 + len(new_ids)))
        element.set("val", new_ids[old])


def standalone_chart(kind: str, title: str, categories, values, font_size: float, colour: str | None = None,
                     font: str | None = None):
    """Return (chart part XML, embedded workbook bytes) for a chart outside PowerPoint, e.g. in Word.

    Outside PowerPoint a chart does not take the theme's font, so ``font`` is
    named. The XML names its workbook with relationship id ``rId1``: the
    caller must relate the workbook to the chart part under that id.
    """
    from lxml import etree
    from pptx.oxml import parse_xml

    data = ChartData(kind, title, categories, values, font_size, colour, font)
    chart_space = parse_xml(data.xml_bytes())
    chart_space.get_or_add_externalData().rId = "rId1"
    return etree.tostring(chart_space, encoding="UTF-8", standalone=True), data.xlsx_blob
