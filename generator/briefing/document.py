"""Write one seven-minute briefing as an accessible A4 Word document."""

from __future__ import annotations

import copy
import io
import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from lxml import etree

from ..figures import area_breakdown, demographic_lines, theme_label
from ..model import EventData, Link, ReviewType
from .blank import Blank
from .chart import BriefingChart
from .word_chart import add_word_chart

CHART_WIDTH = Cm(15)
MIN_THEMES_FOR_COLUMNS = 6


class BriefingDocument:
    """A Word document for one review type's briefing, built section by section, on a :func:`.blank.blank_document`."""

    def __init__(self, event: EventData, review: ReviewType, blank: Blank, body_font: str):
        self.event = event
        self.review = review
        self.doc = blank.doc
        self.body_font = body_font
        self.styles = blank.styles
        self.style_ids = blank.style_ids
        self.bullet_prefix = "" if blank.numbered_bullets else "• "

    def build(self, chart: BriefingChart | None, chart_png: bytes | None = None) -> None:
        """Fill the document: banner, seven numbered sections, footer.

        The chart is a native Word chart, or the picture ``chart_png`` of it when given.
        """
        self._banner()
        for number, section in enumerate(self.review.briefing.sections, start=1):
            self._para(f"{number}. {section.heading}", "heading")
            for text in section.paragraphs:
                self._para(text, "body")
            if section.show == "figures":
                self._figures()
            elif section.show == "themes":
                self._themes()
            if chart is not None and section.show == chart.section:
                self._chart(chart, chart_png)
            for text in section.bullets:
                self._bullet(text)
            for link in section.links:
                self._link(link)
        self._footer()

    def _banner(self) -> None:
        info = self.event.event
        title = self.review.briefing.title or f"{self.review.full_name}: seven-minute briefing"
        self._para(title, "title")
        self._para(f"{info.partnership} · {info.title} · {info.long_date}", "subtitle")

    def _figures(self) -> None:
        review = self.review
        self._para(f"{review.headline}: " + ", ".join(area_breakdown(review)) + ".", "body")
        for line in demographic_lines(review):
            self._para(line, "body")
        if review.demographics.note:
            self._para(review.demographics.note, "body")

    def _chart(self, chart: BriefingChart, chart_png: bytes | None) -> None:
        run = self._para("", "body").add_run()
        if chart_png is None:
            add_word_chart(run, "bar" if chart.horizontal else "column", chart.title, chart.labels, chart.values,
                           chart.alt_text, CHART_WIDTH, _chart_height(chart), chart.bar_colour, self.body_font)
            return
        run.add_picture(io.BytesIO(chart_png), width=CHART_WIDTH)
        # python-docx has no alt-text API: screen readers read docPr's descr.
        doc_pr = run._r.xpath(".//wp:docPr")[0]
        doc_pr.set("descr", chart.alt_text)
        doc_pr.set("title", chart.title)

    def _themes(self) -> None:
        themes = self.review.theme_list
        columns = 2 if len(themes) >= MIN_THEMES_FOR_COLUMNS else 1
        if columns > 1 and self.doc.paragraphs:
            _end_section_here(self.doc, self.doc.paragraphs[-1], columns=1)
        for theme in themes:
            self._bullet(theme_label(theme.name, theme.count))
        if columns > 1:
            _end_section_here(self.doc, self.doc.paragraphs[-1], columns=columns)

    def _para(self, text: str, role: str):
        """Return a new paragraph in the role's style, at the end of the body.

        The XML is written directly, as python-docx would write it (tabs and
        line breaks as their own elements, spaces kept at the ends): python-docx's
        own way costs most of a briefing's time.
        """
        body = self.doc._body
        p = OxmlElement("w:p")
        properties = etree.SubElement(p, qn("w:pPr"))
        etree.SubElement(properties, qn("w:pStyle"), {qn("w:val"): self.style_ids[role]})
        if text:
            run = etree.SubElement(p, qn("w:r"))
            for piece in re.split(r"([\t\r\n])", text):
                if piece == "\t":
                    etree.SubElement(run, qn("w:tab"))
                elif piece in ("\r", "\n"):
                    etree.SubElement(run, qn("w:br"))
                elif piece:
                    element = etree.SubElement(run, qn("w:t"))
                    element.text = piece
                    if len(piece.strip()) < len(piece):
                        element.set(qn("xml:space"), "preserve")
        section = body._element.find(qn("w:sectPr"))
        if section is not None:
            section.addprevious(p)
        else:
            body._element.append(p)
        return Paragraph(p, body)

    def _bullet(self, text: str) -> None:
        self._para(self.bullet_prefix + text, "bullet")

    def _link(self, link: Link) -> None:
        paragraph = self._para("Find out more: ", "body")
        rel_id = paragraph.part.relate_to(link.url, RT.HYPERLINK, is_external=True)
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), rel_id)
        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        properties.append(style)
        run.append(properties)
        text = OxmlElement("w:t")
        text.text = link.text
        run.append(text)
        hyperlink.append(run)
        paragraph._p.append(hyperlink)

    def _footer(self) -> None:
        info = self.event.event
        footer = self.doc.sections[0].footer
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.text = f"{info.partnership} · {self.review.full_name} seven-minute briefing · {info.long_date}"
        paragraph._p.style = self.style_ids["footer"]

    def to_bytes(self, stamp) -> bytes:
        """Return the document as .docx bytes, its zip entries dated ``stamp``."""
        from ..output.packages import package_bytes

        return package_bytes(self.doc, stamp)

    def word_count(self) -> int:
        """Return the number of words a reader reads (body and headings)."""
        return sum(len(re.findall(r"\S+", p.text)) for p in self.doc.paragraphs)


def _chart_height(chart: BriefingChart) -> int:
    """Return a native chart's height (EMU): room for the title, then a line per bar of a bar chart."""
    if not chart.horizontal:
        return Cm(5)
    return Cm(min(9.0, 1.6 + 0.55 * len(chart.values)))


def _end_section_here(doc, paragraph, columns: int) -> None:
    """End a continuous section at ``paragraph``, set in ``columns`` columns (Word balances them).

    A long list of short themes reads better, and keeps the briefing shorter,
    in two columns; the sections share the page size, margins, header and footer
    (a template's own header and footer, if it has them, are on every page).
    """
    body_section = doc.element.body.sectPr
    section = copy.deepcopy(body_section)
    _set_section_layout(section, columns)
    _set_section_layout(body_section, None)
    paragraph._p.get_or_add_pPr().append(section)


# What may stand before w:type, and before w:cols, in a section's properties (the schema fixes the order).
_BEFORE_TYPE = ("headerReference", "footerReference", "footnotePr", "endnotePr")
_BEFORE_COLS = _BEFORE_TYPE + ("type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType")


def _set_section_layout(section, columns: int | None) -> None:
    _child(section, "type", _BEFORE_TYPE).set(qn("w:val"), "continuous")
    if columns is not None:
        cols = _child(section, "cols", _BEFORE_COLS)
        cols.set(qn("w:num"), str(columns))
        cols.set(qn("w:space"), "567")


def _child(section, name: str, before: tuple[str, ...]):
    """Return the section's w:``name`` child, adding it after the children the schema puts before it."""
    found = section.find(qn(f"w:{name}"))
    if found is None:
        found = OxmlElement(f"w:{name}")
        earlier = {qn(f"w:{tag}") for tag in before}
        position = next((i for i, child in enumerate(section) if child.tag not in earlier), len(section))
        section.insert(position, found)
    return found
