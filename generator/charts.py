"""One description of a chart, and the house look of the native Office charts drawn from it.

A :class:`ChartSpec` is what the plan says a chart shows. The deck draws it as
a native PowerPoint chart, the Word briefing as a native Word chart (the same
chart part, made by python-pptx in a scratch presentation and carried over),
and the HTML briefing as inline SVG (:mod:`generator.briefing.svg_chart`).
Values are printed on the bars, so nothing depends on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.util import Pt

from .ooxml import CHART, tag

CHART_TYPES = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED}
MIN_LABEL_SIZE = 10.0  # points: the smallest chart label the deck or a briefing draws


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


def chart_data(spec: ChartSpec) -> CategoryChartData:
    """Return python-pptx's chart data for ``spec``: one series of whole numbers."""
    data = CategoryChartData(number_format="0")
    data.categories = list(spec.categories)
    data.add_series(spec.title, list(spec.values))
    return data


def style_chart(chart: Chart, spec: ChartSpec, font_size: float, colour: str | None = None,
                font: str | None = None) -> None:
    """Give a python-pptx chart the house look.

    ``colour`` (hex) fills the bars; without it they take the theme's first
    accent, so a new template recolours them. ``font`` is needed outside
    PowerPoint, where a chart does not take the theme's font.
    """
    font_size = max(font_size, MIN_LABEL_SIZE)
    chart.font.size = Pt(font_size)
    if font:
        chart.font.name = font
    chart.has_legend = False
    chart.has_title = True
    chart.chart_title.text_frame.text = spec.title
    title_font = chart.chart_title.text_frame.paragraphs[0].runs[0].font
    title_font.size = Pt(font_size + 2)
    title_font.bold = True
    plot = chart.plots[0]
    plot.vary_by_categories = False
    plot.gap_width = {1: 300, 2: 150}.get(len(spec.values), 60)  # one or two bars would fill it like a block
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
    value_axis.maximum_scale = max(max(spec.values, default=0) * 1.2, 1)
    if spec.kind == "bar":
        chart.category_axis.reverse_order = True  # the first category on top, as it is read
    chart.category_axis.tick_labels.font.size = Pt(font_size)
    renumber_axes(chart.element)


def renumber_axes(chart_space) -> None:
    """Give the axes small positive ids: python-pptx writes negative ones, which the Open XML SDK rejects."""
    new_ids: dict[str, str] = {}
    for element in chart_space.iter(tag(CHART, "axId"), tag(CHART, "crossAx")):
        old = element.get("val")
        new_ids.setdefault(old, str(50000 + len(new_ids)))
        element.set("val", new_ids[old])


@dataclass(frozen=True)
class ChartParts:
    """A styled chart outside PowerPoint: its chart part's XML and its embedded workbook."""

    xml: bytes
    workbook: bytes


def standalone_chart(spec: ChartSpec, font_size: float, colour: str, font: str) -> ChartParts:
    """Return a chart's part XML and workbook, made by python-pptx on a scratch slide and styled.

    Word has no chart API in python-docx; the chart part format is the same in
    both, so the chart python-pptx makes (its XML and its workbook) is carried over.
    """
    from lxml import etree
    from pptx import Presentation

    scratch = Presentation()
    slide = scratch.slides.add_slide(scratch.slide_layouts[6])
    frame = slide.shapes.add_chart(CHART_TYPES[spec.kind], 0, 0, 4_000_000, 3_000_000, chart_data(spec))
    chart = frame.chart
    style_chart(chart, spec, font_size, colour, font)
    workbook = frame.chart_part.chart_workbook.xlsx_part
    if workbook is None:  # pragma: no cover - python-pptx always embeds one
        raise RuntimeError("python-pptx made a chart without its workbook")
    return ChartParts(etree.tostring(chart.element, encoding="UTF-8", standalone=True), workbook.blob)

