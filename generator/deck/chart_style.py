"""The house look of the native Office charts drawn from a :class:`~generator.charts.ChartSpec`, by python-pptx.

The deck draws its charts on its slides; Word has no chart API in python-docx,
so the Word briefing takes the chart part python-pptx makes on a scratch slide
(:func:`standalone_chart`): both are styled here, once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import xlsxwriter
from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.util import Pt

from ..charts import EDGE, LABEL_OFFSET, TITLE_STEP, BarLayout, ChartSpec, label_size, title_kept_whole
from ..library_internals import chart_workbook_bytes, drop_slide, replace_chart_workbook
from ..ooxml import CHART, DRAWING, tag

if TYPE_CHECKING:
    from pptx.presentation import Presentation

CHART_TYPES = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED}


def chart_data(spec: ChartSpec) -> CategoryChartData:
    """Return python-pptx's chart data for ``spec``: one series of whole numbers."""
    data = CategoryChartData(number_format="0")
    data.categories = list(spec.categories)
    data.add_series(spec.title, list(spec.values))
    return data


def chart_workbook(spec: ChartSpec) -> bytes:
    """Return the chart's embedded workbook: its data laid out as python-pptx lays it out (the categories from A2
    down, the series' name in B1, its values from B2 down), every label a text cell.

    python-pptx writes labels with XlsxWriter's ``write``, which makes text starting with "=" a live formula
    (``=HYPERLINK(...)``) and text like a web address a link; here every label is written as text.
    """
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                            "strings_to_numbers": False, "strings_to_urls": False})
    sheet = workbook.add_worksheet()
    whole_number = workbook.add_format({"num_format": "0"})
    sheet.set_column(0, 0, 10)
    sheet.write_string(0, 1, spec.title)
    for row, (category, value) in enumerate(zip(spec.categories, spec.values, strict=True), start=1):
        sheet.write_string(row, 0, category)
        sheet.write_number(row, 1, value, whole_number)
    workbook.close()
    return buffer.getvalue()


def add_native_chart(shapes, spec: ChartSpec, left: int, top: int, width: int, height: int):
    """Return the graphic frame of a native chart of ``spec`` added to python-pptx ``shapes``, its embedded
    workbook holding every label as text (see :func:`chart_workbook`)."""
    frame = shapes.add_chart(CHART_TYPES[spec.kind], left, top, width, height, chart_data(spec))
    replace_chart_workbook(frame, chart_workbook(spec))
    return frame


def style_chart(chart: Chart, spec: ChartSpec, font_size: float, colour: str | None = None,
                font: str | None = None, title_size: float | None = None) -> None:
    """Give a python-pptx chart the house look.

    ``colour`` (hex) fills the bars; without it they take the theme's first
    accent, so a new template recolours them. ``font`` is needed outside
    PowerPoint, where a chart does not take the theme's font. The title is set at
    ``title_size`` (by default :data:`~generator.charts.TITLE_STEP` over the labels).
    """
    font_size = label_size(font_size)
    chart.font.size = Pt(font_size)
    if font:
        chart.font.name = font
    chart.has_legend = False
    chart.has_title = True
    chart.chart_title.text_frame.text = title_kept_whole(spec.title)
    title_font = chart.chart_title.text_frame.paragraphs[0].runs[0].font
    title_font.size = Pt(title_size or font_size + TITLE_STEP)
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
    label_every_category(chart.element)
    renumber_axes(chart.element)


def label_every_category(chart_space) -> None:
    """Have every category's label drawn, each level (unrotated), in PowerPoint, Word and LibreOffice.

    Office draws every label when told ``c:tickLblSkip 1``; left to itself it skips some of a crowded axis.
    LibreOffice ignores that element: it drops every other label that would touch its neighbour, unless the
    labels are set level (``a:bodyPr rot="0"``), when it draws them all. A chart must then give each label the
    room it needs (:func:`~generator.charts.bar_chart_height`), or labels would overlap rather than go missing.
    """
    for axis in chart_space.iter(tag(CHART, "catAx")):
        body = axis.find(f"{tag(CHART, 'txPr')}/{tag(DRAWING, 'bodyPr')}")
        if body is not None:
            body.set("rot", "0")
            body.set("vert", "horz")
        for old in axis.findall(tag(CHART, "tickLblSkip")):
            axis.remove(old)
        skip = etree.Element(tag(CHART, "tickLblSkip"), val="1")
        # The schema's order: tickLblSkip follows lblOffset (or the last of the elements before it).
        anchor = next((found for name in _BEFORE_TICK_LABEL_SKIP if (found := axis.find(tag(CHART, name))) is not None),
                      None)
        if anchor is not None:
            anchor.addnext(skip)
        else:
            axis.append(skip)


# c:catAx's children that come before c:tickLblSkip, last first (ECMA-376 CT_CatAx).
_BEFORE_TICK_LABEL_SKIP = ("lblOffset", "lblAlgn", "auto", "crosses", "crossesAt", "crossAx", "txPr", "spPr",
                           "tickLblPos", "minorTickMark", "majorTickMark", "numFmt", "title", "minorGridlines",
                           "majorGridlines", "axPos", "delete", "scaling", "axId")


def place_plot_area(chart_space, layout: BarLayout) -> None:
    """Fix the bars' area of a chart to ``layout`` (``c:manualLayout`` of the inner plot area, as fractions of
    the chart's size), so that its labels wrap at the layout's width in every renderer."""
    left = EDGE + layout.label_width + LABEL_OFFSET
    fractions = {"x": left / layout.width, "y": layout.plot_top / layout.height,
                 "w": (layout.width - left - layout.values_width) / layout.width,
                 "h": layout.plot_height / layout.height}
    plot_area = next(chart_space.iter(tag(CHART, "plotArea")))
    for old in plot_area.findall(tag(CHART, "layout")):
        plot_area.remove(old)
    manual = etree.SubElement(etree.Element(tag(CHART, "layout")), tag(CHART, "manualLayout"))
    etree.SubElement(manual, tag(CHART, "layoutTarget"), val="inner")
    etree.SubElement(manual, tag(CHART, "xMode"), val="edge")
    etree.SubElement(manual, tag(CHART, "yMode"), val="edge")
    for name, value in fractions.items():  # in the schema's order: x, y, w, h
        etree.SubElement(manual, tag(CHART, name), val=f"{value:.4f}")
    plot_area.insert(0, manual.getparent())


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
    scratch = _scratch_presentation()
    slide = scratch.slides.add_slide(scratch.slide_layouts[6])
    try:
        frame = add_native_chart(slide.shapes, spec, 0, 0, 4_000_000, 3_000_000)
        chart = frame.chart
        style_chart(chart, spec, font_size, colour, font)
        return ChartParts(etree.tostring(chart.element, encoding="UTF-8", standalone=True),
                          chart_workbook_bytes(frame))
    finally:
        # The slide goes with its chart, so the scratch presentation is as it was for the next chart.
        slide_ids = scratch.slides.element
        slide_id = slide_ids[-1]
        drop_slide(scratch, slide_id)
        slide_ids.remove(slide_id)


@lru_cache(maxsize=1)
def _scratch_presentation() -> Presentation:
    """Return the one presentation each chart for Word is made on, opened once per process: a chart's part is
    made the same on any slide of any presentation, and opening python-pptx's default template each time cost
    more than making the chart."""
    from pptx import Presentation as open_presentation

    return open_presentation()
