"""Place a native, editable chart in a Word document (python-docx has no chart API).

The chart is a chart part with its data in an embedded workbook, as Word
itself writes it: the reader can click it, edit the data, and restyle it.
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml

from ..charts import standalone_chart

FONT_SIZE = 8  # points: the briefing's body text is 11 pt, chart labels are secondary
_WORKBOOK_REL_ID = "rId1"  # the first relationship of a new chart part


def add_word_chart(run, kind: str, title: str, categories, values, alt_text: str,
                   width: int, height: int, colour: str | None = None, font: str | None = None) -> None:
    """Draw a bar or column chart inline in ``run``, ``width`` x ``height`` EMU, with alt text and title."""
    document_part = run.part
    package = document_part.package
    xml, workbook = standalone_chart(kind, title, categories, values, FONT_SIZE, colour, font)
    workbook_part = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Sheet%d.xlsx"),
                         CT.SML_SHEET, workbook, package)
    chart_part = Part(package.next_partname("/word/charts/chart%d.xml"), CT.DML_CHART, xml, package)
    if chart_part.relate_to(workbook_part, RT.PACKAGE) != _WORKBOOK_REL_ID:
        raise AssertionError("a new chart part's first relationship must be its workbook")
    chart_rel_id = document_part.relate_to(chart_part, RT.CHART)
    drawing = parse_xml(
        f"<w:drawing {nsdecls('w', 'wp', 'a', 'c', 'r')}>"
        f'<wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{document_part.next_id}" name="Chart"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f'<c:chart r:id="{chart_rel_id}"/></a:graphicData></a:graphic></wp:inline></w:drawing>')
    # Set as attributes (not formatted into the XML) so quotes and ampersands in the data stay text.
    doc_pr = drawing.find(f".//{qn('wp:docPr')}")
    doc_pr.set("descr", alt_text)
    doc_pr.set("title", title)
    run._r.append(drawing)
