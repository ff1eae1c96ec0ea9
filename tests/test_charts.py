"""One chart description, drawn as a styled native chart by python-pptx, for the deck and for Word."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from generator import text_fit
from generator.charts import LABEL_GAP, LABEL_SHARE, LINE_PITCH, MIN_LABEL_SIZE, ChartSpec, bar_chart_height, bar_layout
from generator.deck.chart_style import place_plot_area, standalone_chart
from generator.ooxml import CHART, DRAWING

SPEC = ChartSpec("column", "Age", ("0-4", "5-9"), (14, 5), "Column chart of age: 0-4 14, 5-9 5.")


def test_standalone_chart_carries_the_data_in_its_xml_and_its_workbook():
    parts = standalone_chart(SPEC, 9, "A8431A", "Arial")
    chart = etree.fromstring(parts.xml)
    assert chart.xpath(".//c:val//c:v/text()", namespaces={"c": CHART}) == ["14", "5"]
    assert b"A8431A" in parts.xml and b'typeface="Arial"' in parts.xml
    with zipfile.ZipFile(io.BytesIO(parts.workbook)) as workbook:
        sheet = workbook.read("xl/worksheets/sheet1.xml")
    assert b"<v>14</v>" in sheet and b"<v>5</v>" in sheet


def test_labels_are_never_below_the_smallest_legible_size():
    parts = standalone_chart(SPEC, 6, "A8431A", "Arial")
    sizes = {int(s) for s in etree.fromstring(parts.xml).xpath(".//a:defRPr/@sz", namespaces={"a": DRAWING})}
    assert min(sizes) == MIN_LABEL_SIZE * 100


def test_axis_ids_are_positive():
    parts = standalone_chart(SPEC, 10, "A8431A", "Arial")
    ids = etree.fromstring(parts.xml).xpath(".//c:axId/@val", namespaces={"c": CHART})
    assert ids and all(int(i) > 0 for i in ids)


LONG_LABELS = ("Self-neglect where the adult declined support and capacity was not assessed",
               "Alcohol dependency treated as a lifestyle choice rather than a need",
               "Care and support needs unmet after discharge from hospital to home",
               "Executive capacity not tested when decisions and actions did not match",
               "Hoarding and the condition of the home not seen as a safeguarding risk",
               "Multi-agency risk management meetings held late or not held at all",
               "Carers' assessments not offered although the carer was struggling")
LONG = ChartSpec("bar", "Main themes: number of the 12 reviews each featured in", LONG_LABELS, (8, 7, 6, 6, 5, 5, 4),
                 "Bar chart of the main themes.")
SHORT = ChartSpec("bar", "Main themes", ("Neglect", "Missed opportunities to ask", "Unseen men"), (9, 4, 2),
                  "Bar chart.")
NAMESPACES = {"c": CHART, "a": DRAWING}


def test_every_category_label_is_asked_for_unskipped_and_level():
    # Office draws every label for tickLblSkip 1; LibreOffice ignores that, and draws every label only when the
    # axis text is level (rot 0): otherwise it leaves out every other label of a crowded axis.
    for spec in (LONG, SPEC):
        axis = etree.fromstring(standalone_chart(spec, 9, "A8431A", "Arial").xml).find(".//c:catAx", NAMESPACES)
        assert axis.xpath("c:tickLblSkip/@val", namespaces=NAMESPACES) == ["1"]
        assert axis.xpath("c:txPr/a:bodyPr/@rot", namespaces=NAMESPACES) == ["0"]
        # The schema's order: tickLblSkip right after lblOffset, before noMultiLvlLbl.
        names = [etree.QName(child).localname for child in axis]
        assert names[names.index("lblOffset") + 1] == "tickLblSkip"


def test_a_bar_chart_is_as_tall_as_its_longest_label_needs_for_every_bar():
    width = 243.0  # a briefing column, in points
    long, short = bar_layout(LONG, width, 9), bar_layout(SHORT, width, 9)
    # Each bar has room for the most lines any label wraps onto in the labels' column, at 1.2 lines a point.
    lines = max(len(text_fit.wrap(label, long.label_width, MIN_LABEL_SIZE)) for label in LONG_LABELS)
    assert lines == 3
    assert long.plot_height >= len(LONG_LABELS) * lines * 1.2 * MIN_LABEL_SIZE
    assert long.label_width <= width * LABEL_SHARE
    assert bar_chart_height(LONG, width, 9) == long.height > short.height
    # Short labels keep one line each (the widest too, measured word by word), in a column hardly wider than it.
    assert all(len(text_fit.wrap(label, short.label_width, MIN_LABEL_SIZE)) == 1 for label in SHORT.categories)
    assert short.label_width < max(text_fit.face().width(label, MIN_LABEL_SIZE) for label in SHORT.categories) + 1
    assert short.plot_height == pytest.approx(3 * (LINE_PITCH + LABEL_GAP) * MIN_LABEL_SIZE)
    assert bar_layout(SHORT, width, 9, at_least=400).height == 400  # a taller frame spreads the bars over it


def test_the_bars_are_placed_where_the_layout_says():
    layout = bar_layout(LONG, 243.0, 9)
    chart = etree.fromstring(standalone_chart(LONG, 9, "A8431A", "Arial").xml)
    place_plot_area(chart, layout)
    plot_area = chart.find(".//c:plotArea", NAMESPACES)
    assert etree.QName(plot_area[0]).localname == "layout"  # the schema puts it first
    manual = plot_area.find("c:layout/c:manualLayout", NAMESPACES)
    assert [etree.QName(child).localname for child in manual] == ["layoutTarget", "xMode", "yMode", "x", "y", "w", "h"]
    values = {etree.QName(child).localname: float(child.get("val")) for child in manual[3:]}
    assert values["x"] * layout.width > layout.label_width  # the labels' column is left of the bars
    assert values["y"] * layout.height == pytest.approx(layout.plot_top, abs=0.1)
    assert values["h"] * layout.height == pytest.approx(layout.plot_height, abs=0.1)
    assert 0 < values["x"] + values["w"] < 1 and values["y"] + values["h"] < 1


FORMULA = '=HYPERLINK("http://evil.example/x","click")'


def _cells(workbook: bytes) -> dict[str, tuple[object, str]]:
    """Return each filled cell of a chart's workbook: reference -> (value, openpyxl data type)."""
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(workbook)).active
    return {cell.coordinate: (cell.value, cell.data_type) for row in sheet.iter_rows() for cell in row
            if cell.value is not None}


def test_every_label_in_a_charts_workbook_is_text_never_a_formula_or_link():
    spec = ChartSpec("bar", "=1+1", (FORMULA, "http://evil.example/y", "12"), (3, 2, 1), "alt")
    parts = standalone_chart(spec, 9, "A8431A", "Arial")
    with zipfile.ZipFile(io.BytesIO(parts.workbook)) as workbook:
        sheet = workbook.read("xl/worksheets/sheet1.xml")
        assert not any("hyperlink" in name for name in workbook.namelist())
    assert b"<f>" not in sheet and b"<f " not in sheet
    assert _cells(parts.workbook) == {"B1": ("=1+1", "s"), "A2": (FORMULA, "s"), "B2": (3, "n"),
                                      "A3": ("http://evil.example/y", "s"), "B3": (2, "n"),
                                      "A4": ("12", "s"), "B4": (1, "n")}


def test_the_charts_references_name_the_cells_its_workbook_holds():
    parts = standalone_chart(SPEC, 9, "A8431A", "Arial")
    references = etree.fromstring(parts.xml).xpath(".//c:f/text()", namespaces={"c": CHART})
    assert references == ["Sheet1!$B$1", "Sheet1!$A$2:$A$3", "Sheet1!$B$2:$B$3"]
    assert _cells(parts.workbook) == {"B1": ("Age", "s"), "A2": ("0-4", "s"), "B2": (14, "n"),
                                      "A3": ("5-9", "s"), "B3": (5, "n")}
