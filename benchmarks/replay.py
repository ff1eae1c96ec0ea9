"""A naive script that writes the same content as a build, through python-pptx's and python-docx's public APIs.

    python benchmarks/replay.py extract BUILT_FOLDER CONTENT.json   # read a build's outputs (not timed)
    python benchmarks/replay.py replay CONTENT.json OUT_FOLDER        # write the same content again (timed)

The speed benchmark's reference: what any tool that writes this deck and these
briefings must at least cost, with nothing fitted, measured, checked or
normalised. ``extract`` reads a real build's deck, Word briefings and web pages
into plain JSON (slides with their layouts, titles, text, notes and charts;
documents with their paragraphs' styles, tables and charts); ``replay`` makes
them again from the libraries' default templates. Word has no chart API, so
the replay makes each Word chart as the generator does: a chart drawn by
python-pptx into a throwaway presentation, its part and workbook added to the
document (the same calls, no more).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def extract(built: Path) -> dict[str, Any]:
    """Return the content of the deck, Word briefings and web pages in ``built`` (its decks/ and briefings/)."""
    decks = sorted((built / "decks").glob("*.pptx"))
    return {
        "decks": [_extract_deck(path) for path in decks],
        "documents": [_extract_document(path) for path in sorted((built / "briefings").glob("*.docx"))],
        "pages": [{"name": path.name, "text": path.read_text(encoding="utf-8")}
                  for path in sorted((built / "briefings").glob("*.html"))],
    }


def _extract_deck(path: Path) -> dict[str, Any]:
    from pptx import Presentation

    presentation = Presentation(str(path))
    slides = []
    for slide in presentation.slides:
        texts, charts = [], []
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        for shape in slide.shapes:
            if getattr(shape, "has_chart", False) and shape.has_chart:
                charts.append(_extract_chart_of(shape.chart, shape.left, shape.top, shape.width, shape.height))
            elif shape.has_text_frame and shape != slide.shapes.title and not _is_footer(shape):
                texts.append({"box": [shape.left, shape.top, shape.width, shape.height],
                              "paragraphs": [[p.text, p.level] for p in shape.text_frame.paragraphs]})
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append({"layout": slide.slide_layout.name, "title": title, "texts": texts, "charts": charts,
                       "notes": notes})
    return {"name": path.name, "slides": slides}


def _is_footer(shape: Any) -> bool:
    return shape.is_placeholder and shape.placeholder_format.type is not None and \
        shape.placeholder_format.type.name in {"FOOTER", "SLIDE_NUMBER", "DATE"}


def _extract_chart_of(chart: Any, left: int, top: int, width: int, height: int) -> dict[str, Any]:
    plot = chart.plots[0]
    return {"type": int(chart.chart_type), "box": [left, top, width, height],
            "title": chart.chart_title.text_frame.text if chart.has_title else "",
            "categories": [str(c) for c in plot.categories],
            "series": [[series.name, list(series.values)] for series in plot.series]}


def _extract_document(path: Path) -> dict[str, Any]:
    import docx
    from docx.text.paragraph import Paragraph
    from lxml import etree

    document = docx.Document(str(path))
    body: list[dict[str, Any]] = []
    tables = iter(document.tables)
    charts = iter(_word_charts(document))
    for block in document.element.body.iterchildren():
        tag = etree.QName(block).localname
        if tag == "tbl":
            table = next(tables)
            body.append({"table": [[cell.text for cell in row.cells] for row in table.rows]})
        elif tag == "p":
            paragraph = Paragraph(block, document)
            if block.findall(f".//{{{C_NS}}}chart"):
                body.append({"chart": next(charts)})
            else:
                body.append({"style": paragraph.style.name if paragraph.style is not None else "Normal",
                             "text": paragraph.text})
    section = document.sections[0]
    return {"name": path.name, "body": body,
            "header": section.header.paragraphs[0].text if section.header.paragraphs else "",
            "footer": "\n".join(p.text for p in section.footer.paragraphs)}


def _word_charts(document: Any) -> list[dict[str, Any]]:
    """Return the Word charts' categories and values, in the order the document draws them."""
    from lxml import etree

    parts = {rel.rId: rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/chart")}
    charts = []
    for element in document.element.body.iter(f"{{{C_NS}}}chart"):
        space = etree.fromstring(parts[element.get(
            "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")].blob)
        categories = [v.text for v in space.iterfind(f".//{{{C_NS}}}cat//{{{C_NS}}}pt/{{{C_NS}}}v")]
        values = [float(v.text) for v in space.iterfind(f".//{{{C_NS}}}val//{{{C_NS}}}pt/{{{C_NS}}}v")]
        bar = space.find(f".//{{{C_NS}}}barDir")
        charts.append({"categories": categories, "values": values,
                       "bar": bar is not None and bar.get("val") == "bar"})
    return charts


def replay(content: dict[str, Any], out: Path) -> None:
    """Write the deck, Word documents and web pages of ``content`` into ``out``, as a naive script would."""
    (out / "decks").mkdir(parents=True, exist_ok=True)
    (out / "briefings").mkdir(parents=True, exist_ok=True)
    for deck in content["decks"]:
        _replay_deck(deck, out / "decks" / deck["name"])
    for document in content["documents"]:
        _replay_document(document, out / "briefings" / document["name"])
    for page in content["pages"]:
        (out / "briefings" / page["name"]).write_text(page["text"], encoding="utf-8")


def _replay_deck(deck: dict[str, Any], path: Path) -> None:
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.util import Emu

    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Emu(12192000), Emu(6858000)
    layouts = {layout.name: layout for layout in presentation.slide_layouts}
    for spec in deck["slides"]:
        slide = presentation.slides.add_slide(layouts.get(spec["layout"], layouts["Title Only"]))
        if slide.shapes.title is not None:
            slide.shapes.title.text_frame.text = spec["title"]
        bodies = [shape for shape in slide.placeholders if shape.placeholder_format.idx != 0]
        for number, text in enumerate(spec["texts"]):
            frame = (bodies[number] if number < len(bodies)
                     else slide.shapes.add_textbox(*(Emu(v) for v in text["box"]))).text_frame
            for index, (words, level) in enumerate(text["paragraphs"]):
                paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
                paragraph.text = words
                paragraph.level = level
        for chart in spec["charts"]:
            data = CategoryChartData()
            data.categories = chart["categories"]
            for name, values in chart["series"]:
                data.add_series(name, values)
            frame = slide.shapes.add_chart(chart["type"], *(Emu(v) for v in chart["box"]), data)
            if chart["title"]:
                frame.chart.has_title = True
                frame.chart.chart_title.text_frame.text = chart["title"]
        slide.notes_slide.notes_text_frame.text = spec["notes"]
    presentation.save(str(path))


def _replay_document(spec: dict[str, Any], path: Path) -> None:
    import docx
    from docx.shared import Cm

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = spec["header"]
    section.footer.paragraphs[0].text = spec["footer"]
    for block in spec["body"]:
        if "table" in block:
            rows = block["table"]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for row, texts in zip(table.rows, rows):
                for cell, text in zip(row.cells, texts):
                    cell.text = text
        elif "chart" in block:
            run = document.add_paragraph().add_run()
            run._r.append(_word_chart(document, block["chart"], int(Cm(8)), int(Cm(5))))
        else:
            document.add_paragraph(block["text"], style=_style(document, block["style"]))
    document.save(str(path))


def _style(document: Any, name: str) -> str:
    """Return ``name`` when the default template has that style, else Normal (a naive script's fallback)."""
    try:
        document.styles[name]
    except KeyError:
        return "Normal"
    return name


def _word_chart(document: Any, chart: dict[str, Any], width: int, height: int) -> Any:
    """Return a w:drawing with a native chart, made as the generator makes one (python-docx has no chart API)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.part import Part
    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import parse_xml
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE

    data = CategoryChartData()
    data.categories = chart["categories"]
    data.add_series("Count", chart["values"])
    scratch = Presentation().slides.add_slide(Presentation().slide_layouts[6])
    kind = XL_CHART_TYPE.BAR_CLUSTERED if chart["bar"] else XL_CHART_TYPE.COLUMN_CLUSTERED
    chart_part = scratch.shapes.add_chart(kind, 0, 0, width, height, data).chart_part
    package = document.part.package
    workbook = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Sheet%d.xlsx"), CT.SML_SHEET,
                    chart_part.chart_workbook.xlsx_part.blob, package)
    part = Part(package.next_partname("/word/charts/chart%d.xml"), CT.DML_CHART, chart_part.blob, package)
    part.relate_to(workbook, RT.PACKAGE)
    rel_id = document.part.relate_to(part, RT.CHART)
    return parse_xml(
        f"<w:drawing {nsdecls('w', 'wp', 'a', 'c', 'r')}><wp:inline>"
        f'<wp:extent cx="{width}" cy="{height}"/><wp:docPr id="{document.part.next_id}" name="Chart"/>'
        f'<a:graphic><a:graphicData uri="{CHART_URI}"><c:chart r:id="{rel_id}"/></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing>")


def main(words: list[str]) -> None:
    if len(words) != 3 or words[0] not in {"extract", "replay"}:
        raise SystemExit(__doc__)
    if words[0] == "extract":
        Path(words[2]).write_text(json.dumps(extract(Path(words[1])), ensure_ascii=False), encoding="utf-8")
    else:
        replay(json.loads(Path(words[1]).read_text(encoding="utf-8")), Path(words[2]))


if __name__ == "__main__":
    main(sys.argv[1:])
