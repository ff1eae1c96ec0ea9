"""Give a PDF its charts' alt text: LibreOffice tags each chart as a Figure but drops its description.

The deck's slides and the Word briefing hold the alt text (each chart's and
picture's ``descr``); LibreOffice's tagged PDF keeps one Figure element per
chart, in order, without it. Each Figure that has none gets the description of
the figure at the same place (on the same slide, for a deck), with pikepdf (a
well-kept PDF library), so a screen reader reads the PDF's charts as it reads
the document's.
"""

from __future__ import annotations

import io
import zipfile

import pikepdf
from lxml import etree

from ..ooxml import DRAWING, PACKAGE_RELATIONSHIPS, PRESENTATION, RELATIONSHIPS

_WORD_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_FIGURE_FRAMES = (f"{{{PRESENTATION}}}graphicFrame", f"{{{PRESENTATION}}}pic")


def with_figure_alt_text(pdf: bytes, source: bytes, is_deck: bool) -> bytes:
    """Return ``pdf`` (LibreOffice's rendering of ``source``, a .pptx deck or a .docx briefing) with each Figure
    tag that lacks alt text given its chart's or picture's description; ``pdf`` unchanged when it has no such
    tag, or when the Figures do not match the source's one for one (slide by slide, for a deck), so that a
    description is never put on the wrong figure."""
    try:
        descriptions = slide_figure_descriptions(source) if is_deck else [document_figure_descriptions(source)]
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):  # not a package of ours: nothing to take
        return pdf
    if not any(descriptions):
        return pdf
    try:
        return _described(pdf, descriptions, is_deck)
    except pikepdf.PdfError:  # a PDF pikepdf cannot read is left as LibreOffice made it
        return pdf


def _described(pdf: bytes, descriptions: list[list[str]], is_deck: bool) -> bytes:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        root = document.Root.get("/StructTreeRoot")
        if root is None:
            return pdf
        pages = {page.objgen: number if is_deck else 0 for number, page in enumerate(document.pages)}
        figures: dict[int, list[pikepdf.Dictionary]] = {}
        _collect_figures(root.get("/K"), None, pages, figures)
        changed = False
        for number, elements in figures.items():
            described = descriptions[number] if number < len(descriptions) else []
            if len(described) != len(elements):
                continue
            for element, text in zip(elements, described):
                if text and "/Alt" not in element:
                    element.Alt = pikepdf.String(text)
                    changed = True
        if not changed:
            return pdf
        out = io.BytesIO()
        # Objects left out of object streams, as LibreOffice writes them, so the tags stay readable as they are.
        document.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable, deterministic_id=True)
        return out.getvalue()


def _collect_figures(node, page, pages: dict, found: dict[int, list]) -> None:
    """Add each Figure element under ``node`` to ``found``, by the number of the page it is on, in tag order."""
    if isinstance(node, pikepdf.Array):
        for child in node:
            _collect_figures(child, page, pages, found)
        return
    if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
        return
    page = node.get("/Pg", page)
    if node.S == "/Figure" and page is not None and page.objgen in pages:
        found.setdefault(pages[page.objgen], []).append(node)
    _collect_figures(node.get("/K"), page, pages, found)


def slide_figure_descriptions(deck: bytes) -> list[list[str]]:
    """Return, slide by slide in the deck's order, the descriptions of its charts and pictures in drawing order."""
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        presentation = etree.fromstring(package.read("ppt/presentation.xml"))
        targets = {rel.get("Id"): rel.get("Target") for rel in etree.fromstring(
            package.read("ppt/_rels/presentation.xml.rels")).iter(f"{{{PACKAGE_RELATIONSHIPS}}}Relationship")}
        slides = []
        for slide_id in presentation.iter(f"{{{PRESENTATION}}}sldId"):
            target = targets.get(slide_id.get(f"{{{RELATIONSHIPS}}}id"), "")
            tree = etree.fromstring(package.read(f"ppt/{target.lstrip('/').removeprefix('ppt/')}"))
            slides.append([frame.find(f".//{{{PRESENTATION}}}cNvPr").get("descr", "")
                           for frame in tree.iter(*_FIGURE_FRAMES) if _is_figure(frame)])
        return slides


def document_figure_descriptions(document: bytes) -> list[str]:
    """Return the descriptions of a Word document's drawings (charts and pictures), in the body's order."""
    with zipfile.ZipFile(io.BytesIO(document)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    return [properties.get("descr", "") for properties in body.iter(f"{{{_WORD_DRAWING}}}docPr")]


def _is_figure(frame) -> bool:
    """Return whether a frame is drawn as a figure: a picture, or a graphic frame holding a chart (not a table)."""
    if frame.tag == f"{{{PRESENTATION}}}pic":
        return True
    data = frame.find(f".//{{{DRAWING}}}graphicData")
    return data is not None and data.get("uri", "").endswith("/chart")
