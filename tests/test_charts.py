"""One chart description, drawn as a styled native chart by python-pptx, for the deck and for Word."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from generator.charts import MIN_LABEL_SIZE, ChartSpec, standalone_chart
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
