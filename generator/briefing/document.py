"""Write one seven-minute briefing as an accessible A4 Word document."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..figures import area_breakdown, demographic_lines, theme_label
from ..model import EventData, Link, ReviewType
from .chart import BriefingChart

BODY_FONT = "Calibri"
BODY_SIZE = Pt(11)
CHART_WIDTH = Cm(15)


class BriefingDocument:
    """A Word document for one review type's briefing, built section by section."""

    def __init__(self, event: EventData, review: ReviewType, colours: dict[str, str]):
        self.event = event
        self.review = review
        self.colours = colours
        self.doc = Document()
        _page_setup(self.doc)
        _style(self.doc, colours, event.event.language)

    def build(self, chart: BriefingChart | None, chart_png: bytes | None) -> None:
        """Fill the document: banner, seven numbered sections, footer."""
        self._banner()
        for number, section in enumerate(self.review.briefing.sections, start=1):
            self.doc.add_paragraph(f"{number}. {section.heading}", style="Heading 1")
            for text in section.paragraphs:
                self.doc.add_paragraph(text)
            if section.show == "figures":
                self._figures()
            elif section.show == "themes":
                self._themes()
            if chart is not None and chart_png is not None and section.show == chart.section:
                self._chart(chart, chart_png)
            for text in section.bullets:
                self.doc.add_paragraph(text, style="List Bullet")
            for link in section.links:
                self._link(link)
        self._footer()

    def _banner(self) -> None:
        info = self.event.event
        title = self.review.briefing.title or f"{self.review.full_name}: seven-minute briefing"
        self.doc.add_paragraph(title, style="Title")
        self.doc.add_paragraph(f"{info.partnership} · {info.title} · {info.long_date}", style="Subtitle")

    def _figures(self) -> None:
        review = self.review
        self.doc.add_paragraph(f"{review.headline}: " + ", ".join(area_breakdown(review)) + ".")
        for line in demographic_lines(review):
            self.doc.add_paragraph(line)
        if review.demographics.note:
            self.doc.add_paragraph(review.demographics.note)

    def _chart(self, chart: BriefingChart, chart_png: bytes) -> None:
        run = self.doc.add_paragraph().add_run()
        run.add_picture(io.BytesIO(chart_png), width=CHART_WIDTH)
        # python-docx has no alt-text API: screen readers read docPr's descr.
        doc_pr = run._r.xpath(".//wp:docPr")[0]
        doc_pr.set("descr", chart.alt_text)
        doc_pr.set("title", chart.title)

    def _themes(self) -> None:
        for theme in self.review.theme_list:
            self.doc.add_paragraph(theme_label(theme.name, theme.count), style="List Bullet")

    def _link(self, link: Link) -> None:
        paragraph = self.doc.add_paragraph("Find out more: ")
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
        footer = self.doc.sections[0].footer.paragraphs[0]
        footer.text = f"{info.partnership} · {self.review.full_name} seven-minute briefing · {info.long_date}"
        footer.style = self.doc.styles["Footer"]

    def to_bytes(self) -> bytes:
        """Return the document as .docx bytes."""
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def word_count(self) -> int:
        """Return the number of words a reader reads (body and headings)."""
        return sum(len(re.findall(r"\S+", p.text)) for p in self.doc.paragraphs)


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(1.8)
    section.footer_distance = Cm(0.8)


def _style(doc, colours: dict[str, str], language: str) -> None:
    styles = doc.styles
    dark, accent = RGBColor.from_string(colours["dk2"]), RGBColor.from_string(colours["accent1"])
    normal = styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _set_language(doc, language)
    for name, size, colour in (("Title", 20, dark), ("Subtitle", 11, accent), ("Heading 1", 13, dark)):
        style = styles[name]
        style.font.name = BODY_FONT
        style.font.size = Pt(size)
        style.font.color.rgb = colour
        style.font.italic = False
        style.paragraph_format.space_before = Pt(8 if name == "Heading 1" else 0)
        style.paragraph_format.space_after = Pt(2 if name == "Heading 1" else 4)
    title_border = styles["Title"].element.xpath("./w:pPr/w:pBdr")
    for border in title_border:
        border.getparent().remove(border)
    if "Hyperlink" not in [s.name for s in styles]:
        link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.underline = True
        link.font.color.rgb = RGBColor.from_string("0B5CAD")
    styles["List Bullet"].paragraph_format.space_after = Pt(2)
    styles["Footer"].font.size = Pt(9)


def _set_language(doc, language: str) -> None:
    """Set the document language where Word and screen readers read it: the style defaults' w:lang."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if run_defaults is None:
        return
    rpr = run_defaults.find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)

