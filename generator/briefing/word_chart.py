"""Place a native, editable chart in a Word document (python-docx has no chart API).

The chart is a chart part with its data in an embedded workbook, as Word
itself writes it: the reader can click it, edit the data, and restyle it.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls, qn
from lxml import etree
from pptx.util import Emu, Pt

from ..charts import BarLayout, ChartSpec, bar_layout
from ..deck.chart_style import place_plot_area, standalone_chart
from ..library_internals import add_word_part, next_shape_id, relate, word_xml

_WORKBOOK_REL_ID = "rId1"  # the first relationship of a new chart part, which the chart XML names


def word_chart_drawing(doc: Document, spec: ChartSpec, width: int, height: int, font_size: float, colour: str,
                       font: str) -> etree._Element:
    """Return a ``w:drawing`` holding a native chart of ``spec``, ``width`` x ``height`` EMU, with alt text.

    A bar chart has its bars placed so that every category label is drawn whole, and is made taller than
    ``height`` when its labels need it (:func:`~generator.charts.bar_layout`).
    """
    layout = _bar_layout(spec, width, height, font_size, font)
    if layout is not None:
        height = int(Pt(layout.height))
    parts = standalone_chart(spec, font_size, colour, font)
    workbook_part = add_word_part(doc, "/word/embeddings/Microsoft_Excel_Sheet%d.xlsx", CT.SML_SHEET, parts.workbook)
    chart_space = etree.fromstring(parts.xml)
    external = chart_space.find(qn("c:externalData"))
    if external is not None:
        external.set(qn("r:id"), _WORKBOOK_REL_ID)
    if layout is not None:
        place_plot_area(chart_space, layout)
    chart_part = add_word_part(doc, "/word/charts/chart%d.xml", CT.DML_CHART,
                               etree.tostring(chart_space, encoding="UTF-8", standalone=True))
    if relate(chart_part, workbook_part, RT.PACKAGE) != _WORKBOOK_REL_ID:
        raise AssertionError("a new chart part's first relationship must be its workbook")
    chart_rel_id = relate(doc.part, chart_part, RT.CHART)
    drawing = word_xml(
        f"<w:drawing {nsdecls('w', 'wp', 'a', 'c', 'r')}>"
        f'<wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{next_shape_id(doc)}" name="Chart"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f'<c:chart r:id="{chart_rel_id}"/></a:graphicData></a:graphic></wp:inline></w:drawing>')
    # Set as attributes (not formatted into the XML) so quotes and ampersands in the data stay text.
    doc_pr = drawing.find(f".//{qn('wp:docPr')}")
    doc_pr.set("descr", spec.alt_text)
    doc_pr.set("title", spec.title)
    return drawing


def _bar_layout(spec: ChartSpec, width: int, height: int, font_size: float, font: str) -> BarLayout | None:
    """Return a bar chart's layout at ``width`` and at least ``height`` (EMU); None for a column chart."""
    if spec.kind != "bar":
        return None
    return bar_layout(spec, Emu(width).pt, font_size, font, at_least=Emu(height).pt)
