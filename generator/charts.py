"""One description of a chart, and the house look of the native Office charts drawn from it.

A :class:`ChartSpec` is what the plan says a chart shows. The deck draws it as
a native PowerPoint chart, the Word briefing as a native Word chart (the same
chart part, made by python-pptx in a scratch presentation and carried over),
and the HTML briefing as inline SVG (:mod:`generator.briefing.svg_chart`).
Values are printed on the bars, so nothing depends on colour alone.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import xlsxwriter
from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.util import Pt

from . import text_fit
from .ooxml import CHART, DRAWING, tag

CHART_TYPES = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED}
MIN_LABEL_SIZE = 10.0  # points: the smallest chart label the deck or a briefing draws
TITLE_STEP = 2.0  # points: the title is this much larger than the labels
# A bar chart drawn at a size of its own (in Word) has its plot area placed (a manual layout), so every renderer
# wraps its category labels at one known width and each bar has the room its label's lines need. Measured on
# LibreOffice's rendering: a label ends LABEL_OFFSET before the bars, and the title wraps at about 0.7 of the
# width. Lines are allowed Office's 1.2 of the font size (LibreOffice sets them closer, at 0.97).
LABEL_SHARE = 0.65  # of the chart's width: the most the category labels take; the bars have the rest
LABEL_OFFSET = 8.0  # points between a label and its bar (the tick mark and its gap)
EDGE = 4.0  # points kept clear at the chart's edges
TITLE_SHARE = 0.7  # of the chart's width: where the title is taken to wrap (measured 4% wide, so never later)
TITLE_GAP = 8.0  # points between the title and the first bar
LINE_PITCH = 1.2  # of the font size
LABEL_GAP = 0.4  # of the font size: between one bar's label and the next
SLACK = 0.5  # points (or SVG units): a label measured whole keeps its line when measured word by word (rounding)


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
    frame.chart_part.chart_workbook.update_from_xlsx_blob(chart_workbook(spec))
    return frame


def style_chart(chart: Chart, spec: ChartSpec, font_size: float, colour: str | None = None,
                font: str | None = None) -> None:
    """Give a python-pptx chart the house look.

    ``colour`` (hex) fills the bars; without it they take the theme's first
    accent, so a new template recolours them. ``font`` is needed outside
    PowerPoint, where a chart does not take the theme's font.
    """
    font_size = label_size(font_size)
    chart.font.size = Pt(font_size)
    if font:
        chart.font.name = font
    chart.has_legend = False
    chart.has_title = True
    chart.chart_title.text_frame.text = spec.title
    title_font = chart.chart_title.text_frame.paragraphs[0].runs[0].font
    title_font.size = Pt(font_size + TITLE_STEP)
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


def label_size(font_size: float) -> float:
    """Return the size a chart's labels are set at for ``font_size``: never under the smallest legible size."""
    return max(font_size, MIN_LABEL_SIZE)


def label_every_category(chart_space) -> None:
    """Have every category's label drawn, each level (unrotated), in PowerPoint, Word and LibreOffice.

    Office draws every label when told ``c:tickLblSkip 1``; left to itself it skips some of a crowded axis.
    LibreOffice ignores that element: it drops every other label that would touch its neighbour, unless the
    labels are set level (``a:bodyPr rot="0"``), when it draws them all. A chart must then give each label the
    room it needs (:func:`bar_chart_height`), or labels would overlap rather than go missing.
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


@dataclass(frozen=True)
class BarLayout:
    """Where a bar chart's parts go, in points from its top left: the title, the labels' column and the bars."""

    width: float
    height: float
    label_width: float  # the column the category labels wrap within, left of the bars
    plot_top: float  # where the first bar's slot begins, under the title
    plot_height: float  # the bars' slots, one per category, each with room for the longest label
    values_width: float  # right of the bars: the room for the counts printed at their ends


def bar_layout(spec: ChartSpec, width_pt: float, font_size: float, font: str = "",
               at_least: float = 0.0) -> BarLayout:
    """Return the layout of a bar chart ``width_pt`` wide, as tall as its labels need (and ``at_least`` that).

    The labels' column is as wide as the widest label on one line, up to :data:`LABEL_SHARE` of the width;
    a longer label wraps within it. The bars are evenly spaced, so each gets the room of the longest label.
    """
    size = label_size(font_size)
    face = text_fit.face(False, font)
    widest = max((face.width(label, size) for label in spec.categories), default=0.0)
    label_width = min(widest + SLACK, width_pt * LABEL_SHARE - LABEL_OFFSET - EDGE)
    lines = max((len(text_fit.wrap(label, label_width, size, family=font)) for label in spec.categories), default=1)
    slot = (lines * LINE_PITCH + LABEL_GAP) * size
    title_size = size + TITLE_STEP
    title_lines = len(text_fit.wrap(spec.title, width_pt * TITLE_SHARE, title_size, True, font))
    plot_top = EDGE + title_lines * LINE_PITCH * title_size + TITLE_GAP
    plot_height = len(spec.categories) * slot
    height = max(plot_top + plot_height + EDGE, at_least)
    values_width = face.width(str(max(spec.values, default=0)), size) + LABEL_OFFSET + EDGE
    # A chart given more height than its labels need spreads its bars over it.
    return BarLayout(width_pt, height, label_width, plot_top, height - plot_top - EDGE, values_width)


def bar_chart_height(spec: ChartSpec, width_pt: float, font_size: float, font: str = "") -> float:
    """Return the height, in points, a bar chart ``width_pt`` wide needs so that every category label is drawn
    whole, on its own lines (see :func:`bar_layout`)."""
    return bar_layout(spec, width_pt, font_size, font).height


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
    from pptx import Presentation

    scratch = Presentation()
    slide = scratch.slides.add_slide(scratch.slide_layouts[6])
    frame = add_native_chart(slide.shapes, spec, 0, 0, 4_000_000, 3_000_000)
    chart = frame.chart
    style_chart(chart, spec, font_size, colour, font)
    workbook = frame.chart_part.chart_workbook.xlsx_part
    if workbook is None:  # pragma: no cover - python-pptx always embeds one
        raise RuntimeError("python-pptx made a chart without its workbook")
    return ChartParts(etree.tostring(chart.element, encoding="UTF-8", standalone=True), workbook.blob)

