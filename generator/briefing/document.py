"""Write one seven-minute briefing as an accessible A4 Word document."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import io
import re
from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from lxml import etree

from ..figures import area_breakdown, demographic_lines, theme_label
from ..model import EventData, Link, ReviewType
from .chart import BriefingChart
from .styles import has_numbering, resolve_styles, style_ids
from .word_chart import add_word_chart

BODY_SIZE = Pt(11)
CHART_WIDTH = Cm(15)
MIN_THEMES_FOR_COLUMNS = 6


@dataclass
class Blank:
    """An empty document ready to fill, with each role's style name and id, and whether bullets are numbered."""

    doc: object
    styles: dict[str, str]
    style_ids: dict[str, str]
    numbered_bullets: bool


class BriefingDocument:
    """A Word document for one review type's briefing, built section by section, on a :func:`blank_document`."""

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


_BLANKS: dict[tuple, tuple[bytes, Blank]] = {}


def blank_document(template: bytes | None, template_path, palette: dict[str, str], fonts: tuple[str, str],
                   language: str, style_names: dict[str, str]) -> Blank:
    """Return an empty document ready to fill.

    It is the built-in document (given the built-in look in the palette's
    colours and ``fonts``) or the comms team's template (its own styles kept,
    its sample content removed). Each look is prepared once per process and
    reopened after that: reopening costs a third of opening and preparing.
    """
    from docx import Document

    from ..templates.opening import open_document_package

    key = (hashlib.sha256(template).digest() if template else None, tuple(sorted(palette.items())), fonts,
           language, tuple(sorted(style_names.items())))
    if key in _BLANKS:
        data, blank = _BLANKS[key]
        return dataclasses.replace(blank, doc=Document(io.BytesIO(data)))
    doc = open_document_package(template, template_path)
    _clear_body(doc)
    styles = prepare_document(doc, palette, fonts, language, style_names, builtin_look=template is None)
    blank = Blank(doc, styles, style_ids(doc, styles), has_numbering(doc, styles["bullet"]))
    saved = io.BytesIO()
    doc.save(saved)
    if len(_BLANKS) >= 16:
        _BLANKS.clear()
    _BLANKS[key] = (saved.getvalue(), dataclasses.replace(blank, doc=None))
    return blank


def prepare_document(doc, palette: dict[str, str], fonts: tuple[str, str], language: str,
                     style_names: dict[str, str] | None = None, builtin_look: bool = True) -> dict[str, str]:
    """Return the style name for each role, after giving ``doc`` its language, link style and (if asked) our look."""
    _drop_styles_with_effects(doc)
    names = resolve_styles(doc, style_names)
    if builtin_look:
        _page_setup(doc)
        _style(doc, names, palette, fonts)
    _ensure_link_style(doc, palette)
    _set_language(doc, language)
    return names


def _end_section_here(doc, paragraph, columns: int) -> None:
    """End a continuous section at ``paragraph``, set in ``columns`` columns (Word balances them).

    A long list of short themes reads better, and keeps the briefing shorter,
    in two columns; the sections share the page size, margins and footer.
    """
    body_section = doc.element.body.sectPr
    section = copy.deepcopy(body_section)
    for child in section.findall(qn("w:footerReference")) + section.findall(qn("w:headerReference")):
        section.remove(child)
    _set_section_layout(section, columns)
    _set_section_layout(body_section, None)
    paragraph._p.get_or_add_pPr().append(section)


def _set_section_layout(section, columns: int | None) -> None:
    kind = section.find(qn("w:type"))
    if kind is None:
        kind = OxmlElement("w:type")
        section.insert(0, kind)
    kind.set(qn("w:val"), "continuous")
    if columns is not None:
        cols = section.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section.append(cols)
        cols.set(qn("w:num"), str(columns))
        cols.set(qn("w:space"), "567")


def _drop_styles_with_effects(doc) -> None:
    """Drop Word 2010's copy of the styles: once styles.xml changes, Word would see the two disagree and repair."""
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rel_id)


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(1.8)
    section.footer_distance = Cm(0.8)


def _clear_body(doc) -> None:
    """Remove a template's sample content, keeping its section settings."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _style(doc, names: dict[str, str], palette: dict[str, str], fonts: tuple[str, str]) -> None:
    """Give the built-in document the deck's look: its fonts and scheme colours."""
    styles = doc.styles
    heading_font, body_font = fonts
    dark, accent = RGBColor.from_string(palette["dk2"]), RGBColor.from_string(palette["accent1"])
    normal = styles[names["body"]]
    normal.font.name = body_font
    normal.font.size = BODY_SIZE
    normal.font.color.rgb = RGBColor.from_string(palette["dk1"])
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for role, size, colour in (("title", 20, dark), ("subtitle", 11, accent), ("heading", 13, dark)):
        style = styles[names[role]]
        style.font.name = heading_font
        style.font.size = Pt(size)
        style.font.color.rgb = colour
        style.font.italic = False
        style.paragraph_format.space_before = Pt(8 if role == "heading" else 0)
        style.paragraph_format.space_after = Pt(2 if role == "heading" else 4)
        for border in style.element.xpath("./w:pPr/w:pBdr"):
            border.getparent().remove(border)
    styles[names["bullet"]].paragraph_format.space_after = Pt(2)
    styles[names["footer"]].font.size = Pt(9)


def _ensure_link_style(doc, palette: dict[str, str]) -> None:
    if "Hyperlink" not in [s.name for s in doc.styles]:
        link = doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.underline = True
        link.font.color.rgb = RGBColor.from_string(palette["hlink"])


def _set_language(doc, language: str) -> None:
    """Set the document language where Word and screen readers read it: the style defaults' w:lang."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    rpr = run_defaults.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run_defaults.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)

