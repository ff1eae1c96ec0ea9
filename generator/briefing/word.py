"""The Word briefing: a :class:`~.plan.BriefingPlan` drawn as an accessible A4 document.

Headings are real Word heading styles in reading order, the figures are
real tables with a header row, the chart is a native Word chart with alt
text, and the parts flow in two columns below the title, so that the
briefing reads as the one designed page the format is known by.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm, Emu
from lxml import etree

from .. import text_fit
from ..i18n import _
from ..look import Look
from ..branding import PaperColours, paper_colours
from ..charts import ChartSpec
from ..figures import CountTable
from ..library_internals import relate, story_root
from ..model import Link
from ..output import Rendered, document_time, package_bytes, property_text
from ..output.hiding_record import status_text
from .blank import blank_document, printed_page
from .contrast import colour_problems, replace_illegible_style_colours
from .fit import Fit, caption_text, fit_briefing, list_keeps, points, table_columns
from .line_breaks import breakable_after_at, longer_than_a_line, name_pieces
from .plan import (ACTION_PLAN_COLUMNS, MAX_WORDS, BriefingPlan, SectionPlan, record_request,
                   table_header)
from .type_scale import BUILTIN_PAGE, CHART_LABEL_SIZE, COLUMN_GAP, COLUMNS, TABLES, chart_height
from .styles import has_numbering
from .word_chart import word_chart_drawing


LOGO_HEIGHT = Cm(0.9)  # sits in the 1.5 cm top margin above the header distance
ACTION_PLAN_ROWS = 6
ACTION_PLAN_WIDTHS = (Cm(2.8), Cm(5.0), Cm(7.5), Cm(2.7))  # the full 18 cm line: most room for the actions


class WordBriefing:
    """One briefing document being written, on a blank made ready from the template."""

    def __init__(self, doc: Document, styles: dict[str, str], paper: PaperColours, body_font: str,
                 fit: Fit = Fit(1), logo: bytes = b"", names: tuple[str, ...] = ()):
        self.doc = doc
        self.names = names
        self.fit = fit
        self.logo = logo
        self.body = doc.element.body
        self.styles = styles
        self.table_style = "Table Grid" if any(style.name == "Table Grid" for style in doc.styles) else None
        self.style_ids = {role: doc.styles[name].style_id for role, name in styles.items()}
        self.paper = paper
        self.body_font = body_font
        body_face = text_fit.face(False, body_font)
        # An address wider than a column's line of body text may break after its '@'; a narrower one moves whole.
        column_width, body_size = points(fit.page.column_width), fit.page.type_scale.body.size
        self.wider_than_a_column = lambda address: body_face.width(address, body_size) > column_width
        # A bullet is typed only where the style draws none; numbering is then switched off on the paragraph
        # (w:numId 0), so a style that Word or LibreOffice numbers by a link we do not follow still shows one.
        self.types_bullets = not has_numbering(doc, styles["bullet"])

    def write(self, plan: BriefingPlan) -> None:
        """Write the whole briefing: header, title, the seven parts in columns, footer, and the team record."""
        self._header(plan)
        self.paragraph(plan.title, "title")
        self.paragraph(plan.subtitle, "subtitle")
        self._end_section(columns=1)
        for section in plan.sections:
            self._section(section)
        if plan.action_plan:
            # The parts' section ends here; the team record is the last section, on a page of its own.
            self._end_section(columns=COLUMNS)
            _child(self.body.find(qn("w:sectPr")), "type", _BEFORE_TYPE).set(qn("w:val"), "nextPage")
            self._action_plan(plan)
        else:
            # The parts are the document's last section: a section break after them would give LibreOffice
            # an empty last section, which it puts on a page of its own.
            _set_section_layout(self.body.find(qn("w:sectPr")), COLUMNS)
        self._footer(plan)

    def _section(self, section: SectionPlan) -> None:
        self.paragraph(f"{section.number}. {section.heading}", "heading")
        paragraphs = list(section.paragraphs)
        for index, text in enumerate(paragraphs):
            leads_in = index == len(paragraphs) - 1 and bool(section.bullets or section.themes or section.tables)
            self.paragraph(text, "body", keep_with_next=leads_in)
        for table in section.tables:
            self._table(table, table_columns(section.tables, self.body_font, self.fit.tables))
        for note in section.figures_note:
            self.paragraph(note, "body")
        self._list(section.themes)
        if section.themes_note:
            self.paragraph(section.themes_note, "body")
        if section.chart is not None:
            self._chart(section.chart)
        self._list(section.bullets)
        for link in section.links:
            self._link(link)

    # -- building blocks ---------------------------------------------------------------

    def _list(self, items: tuple[str, ...]) -> None:
        """Append a bulleted list, its items kept together as the fit measure places them (no stranded items)."""
        for text, keep in zip(items, list_keeps(items, self.body_font, self.fit.whole_lists, self.fit.page)):
            if self.types_bullets:
                self.paragraph("• " + text, "bullet", keep_with_next=keep, numbering_off=True)
            else:
                self.paragraph(text, "bullet", keep_with_next=keep)

    def paragraph(self, text: str, role: str, keep_with_next: bool = False,
                  numbering_off: bool = False) -> etree._Element:
        """Append a paragraph in the role's style and return its element."""
        p = OxmlElement("w:p")
        properties = etree.SubElement(p, qn("w:pPr"))
        etree.SubElement(properties, qn("w:pStyle"), {qn("w:val"): self.style_ids[role]})
        if keep_with_next:
            etree.SubElement(properties, qn("w:keepNext"))
        if numbering_off:
            numbering = etree.SubElement(properties, qn("w:numPr"))
            etree.SubElement(numbering, qn("w:numId"), {qn("w:val"): "0"})
        if role == "heading":
            # Outline level 1 whatever the template's heading style says: Word's navigation pane and the PDF's
            # heading tags list the parts by it.
            etree.SubElement(properties, qn("w:outlineLvl"), {qn("w:val"): "0"})
        if text:
            p.append(_run(text, self.names, self.wider_than_a_column))
        self._append(p)
        return p

    def _append(self, element) -> None:
        section = self.body.find(qn("w:sectPr"))
        if section is not None:
            section.addprevious(element)
        else:
            self.body.append(element)

    def _table(self, table: CountTable, widths: tuple[int, int]) -> None:
        """Append a figures table under its caption, set as the fit chose (regular, or compact to keep to two
        pages)."""
        setting = self.fit.tables
        caption = self.paragraph(caption_text(table.title, self.body_font, self.fit.page), "body", keep_with_next=True)
        caption[-1].insert(0, _bold())
        if setting.caption_gap != self.fit.page.type_scale.body.after:
            caption.find(qn("w:pPr")).append(_points_after(setting.caption_gap))
        word_table = self.doc.add_table(rows=len(table.rows) + 1, cols=2)
        word_table.style = self.table_style
        word_table.autofit = False
        for column, width in enumerate(widths):
            word_table.columns[column].width = Emu(width)
        # Row by row: python-docx works out the whole grid again for each table.cell(row, column).
        for row in word_table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = Emu(width)
        element = self.body.findall(qn("w:tbl"))[-1]
        for row, texts in zip(element.iter(qn("w:tr")), [table_header(table), *table.display_rows]):
            for cell, text in zip(row.iter(qn("w:tc")), texts):
                cell.find(qn("w:p")).append(_run(text, self.names))
        _mark_header_row(element)
        if setting.cell_margin != TABLES.cell_margin:
            _set_cell_side_margins(element, setting.cell_margin)
        _describe_table(element, f"{table.title}: {table.as_text()}")
        for row_index, row in enumerate(element.iter(qn("w:tr"))):
            for paragraph in row.iter(qn("w:p")):
                properties = paragraph.find(qn("w:pPr"))
                if properties is None:
                    properties = etree.SubElement(paragraph, qn("w:pPr"))
                    paragraph.insert(0, properties)
                if row_index < len(table.rows):
                    etree.SubElement(properties, qn("w:keepNext"))  # a small table stays on one page
                etree.SubElement(properties, qn("w:spacing"), {qn("w:after"): "0"})
                for run in paragraph.iter(qn("w:r")):
                    run_properties = run.find(qn("w:rPr"))
                    if run_properties is None:
                        run_properties = etree.Element(qn("w:rPr"))
                        run.insert(0, run_properties)
                    if row_index == 0:
                        run_properties.append(_bold()[0])
                    etree.SubElement(run_properties, qn("w:sz"), {qn("w:val"): str(round(setting.text_size * 2))})
        self.paragraph("", "body").find(qn("w:pPr")).append(_tiny_spacing(setting.trailer))


    def _chart(self, spec: ChartSpec) -> None:
        drawing = word_chart_drawing(self.doc, spec, self.fit.page.column_width, chart_height(spec), CHART_LABEL_SIZE,
                                     self.paper.bar, self.body_font)
        paragraph = self.paragraph("", "body")
        run = etree.SubElement(paragraph, qn("w:r"))
        run.append(drawing)
        if spec.note:
            self.paragraph(spec.note, "body")

    def _link(self, link: Link) -> None:
        paragraph = self.paragraph(_("Find out more: {link}", link=""), "body")
        rel_id = relate(self.doc.part, link.url, RT.HYPERLINK, external=True)
        hyperlink = etree.SubElement(paragraph, qn("w:hyperlink"), {qn("r:id"): rel_id})
        run = _run(link.text, self.names, self.wider_than_a_column)
        run.insert(0, etree.Element(qn("w:rPr")))
        etree.SubElement(run[0], qn("w:rStyle"), {qn("w:val"): "Hyperlink"})
        hyperlink.append(run)

    def _end_section(self, columns: int) -> None:
        """End a continuous section here, set in ``columns`` columns (Word balances them at the section's end).

        The sections share the page size, margins, header and footer.
        """
        last = self.body.findall(qn("w:p"))[-1]
        body_section = self.body.find(qn("w:sectPr"))
        section = etree.fromstring(etree.tostring(body_section))
        _set_section_layout(section, columns)
        _set_section_layout(body_section, None)
        properties = last.find(qn("w:pPr"))
        if properties is None:
            properties = etree.SubElement(last, qn("w:pPr"))
            last.insert(0, properties)
        properties.append(section)

    def _header(self, plan: BriefingPlan) -> None:
        header = self.doc.sections[0].header
        if not header.is_linked_to_previous and any(p.text.strip() for p in header.paragraphs):
            return  # a comms team's template keeps its own header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph.text = _("{partnership} · Seven-minute briefing", partnership=plan.partnership)
        paragraph.style = self.doc.styles[self.styles["footer"]]
        if self.logo:
            # The logo sits at the header's right edge, after the text, so it is read after the partnership's name.
            tab_stops = paragraph.paragraph_format.tab_stops
            for inherited in self.doc.styles[self.styles["footer"]].paragraph_format.tab_stops:  # centre, right
                tab_stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
            tab_stops.add_tab_stop(self.fit.page.full_width, WD_TAB_ALIGNMENT.RIGHT)
            paragraph.add_run("\t").add_picture(io.BytesIO(self.logo), height=LOGO_HEIGHT)
            doc_pr = story_root(header).findall(f".//{qn('wp:docPr')}")[-1]
            doc_pr.set("descr", plan.logo_alt_text)
            doc_pr.set("title", plan.logo_alt_text)

    def _footer(self, plan: BriefingPlan) -> None:
        footer = self.doc.sections[0].footer
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.text = ""
        paragraph.style = self.doc.styles[self.styles["footer"]]
        element = story_root(footer).findall(qn("w:p"))[0]
        # The contact's address is kept whole.
        element.append(_run(_("{footer} · Page ", footer=plan.footer), self.names, self.wider_than_a_column))
        element.append(_field("PAGE", "1"))
        element.append(_run(_(" of ")))  # Page 1 of 2
        element.append(_field("NUMPAGES", "1"))

    def _action_plan(self, plan: BriefingPlan) -> None:
        self.paragraph(_("Team record"), "heading")
        self.paragraph(record_request(plan), "body")
        table = self.doc.add_table(rows=ACTION_PLAN_ROWS + 1, cols=4)
        table.style = self.table_style
        table.autofit = False
        for column, (text, width) in enumerate(zip(ACTION_PLAN_COLUMNS, ACTION_PLAN_WIDTHS)):
            table.cell(0, column).paragraphs[0].add_run(_(text)).bold = True
            table.columns[column].width = width
            for cell in table.columns[column].cells:
                cell.width = width
        _mark_header_row(self.body.findall(qn("w:tbl"))[-1])
        _describe_table(self.body.findall(qn("w:tbl"))[-1], _("A table to record the team's discussion and actions"))
        for row in table.rows[1:]:
            row.height = Cm(1.6)


def _run(text: str, names: tuple[str, ...] = (),
         too_long: Callable[[str], bool] = longer_than_a_line) -> etree._Element:
    """Return a run of ``text``, tabs and line breaks as their own elements, and the hyphens of ``names`` as
    Word's non-breaking hyphens (drawn with the font's own hyphen, so no font needs a glyph for U+2011); an email
    address ``too_long`` for a line may break only after its '@' (a zero-width space: Word has no element for a
    break that draws nothing)."""
    run = OxmlElement("w:r")
    for piece in re.split(r"([\t\r\n])", text):
        if piece == "\t":
            etree.SubElement(run, qn("w:tab"))
        elif piece in ("\r", "\n"):
            etree.SubElement(run, qn("w:br"))
        elif piece:
            for chunk_index, chunk in enumerate(breakable_after_at(piece, too_long)):
                if chunk_index:
                    _add_text(run, ZERO_WIDTH_SPACE)
                for words, is_name in name_pieces(chunk, names):
                    for index, part in enumerate(words.split("-") if is_name else [words]):
                        if index:
                            etree.SubElement(run, qn("w:noBreakHyphen"))
                        _add_text(run, part)
    return run


def _add_text(run: etree._Element, text: str) -> None:
    element = etree.SubElement(run, qn("w:t"))
    element.text = text
    if len(text.strip()) < len(text):
        element.set(qn("xml:space"), "preserve")


def _bold() -> etree._Element:
    properties = etree.Element(qn("w:rPr"))
    etree.SubElement(properties, qn("w:b"))
    return properties


TWIPS_PER_POINT = 20
ZERO_WIDTH_SPACE = "\u200b"


def _tiny_spacing(height: float) -> etree._Element:
    """Return spacing for an empty paragraph ``height`` points tall that only separates a table from what
    follows."""
    return etree.Element(qn("w:spacing"), {qn("w:after"): "0", qn("w:line"): str(round(height * TWIPS_PER_POINT)),
                                           qn("w:lineRule"): "exact"})


def _points_after(space: float) -> etree._Element:
    return etree.Element(qn("w:spacing"), {qn("w:after"): str(round(space * TWIPS_PER_POINT))})


def _set_cell_side_margins(table, margin: float) -> None:
    """Set the margin either side of every cell's text, in points (the table style's apply otherwise)."""
    properties = table.find(qn("w:tblPr"))
    margins = etree.Element(qn("w:tblCellMar"))
    for side in ("left", "right"):
        etree.SubElement(margins, qn(f"w:{side}"), {qn("w:w"): str(round(margin * TWIPS_PER_POINT)),
                                                     qn("w:type"): "dxa"})
    # The schema puts tblCellMar before tblLook, tblCaption and tblDescription.
    later = next((child for child in properties if child.tag in {qn("w:tblLook"), qn("w:tblCaption"),
                                                                 qn("w:tblDescription")}), None)
    if later is not None:
        later.addprevious(margins)
    else:
        properties.append(margins)


def _field(instruction: str, placeholder: str) -> etree._Element:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    field.append(_run(placeholder))
    return field


def _mark_header_row(table) -> None:
    """Mark the table's first row as its header row, so screen readers announce it and it repeats."""
    first_row = table.find(qn("w:tr"))
    properties = first_row.find(qn("w:trPr"))
    if properties is None:
        properties = etree.Element(qn("w:trPr"))
        position = 1 if first_row.find(qn("w:tblPrEx")) is not None else 0
        first_row.insert(position, properties)
    etree.SubElement(properties, qn("w:tblHeader"))


def _describe_table(table, description: str) -> None:
    """Give the table a caption and description (Word's alt text for tables)."""
    properties = table.find(qn("w:tblPr"))
    # The schema puts tblCaption and tblDescription last in tblPr.
    etree.SubElement(properties, qn("w:tblCaption"), {qn("w:val"): description[:255]})
    etree.SubElement(properties, qn("w:tblDescription"), {qn("w:val"): description})


# What may stand before w:type, and before w:cols, in a section's properties (the schema fixes the order).
_BEFORE_TYPE = ("headerReference", "footerReference", "footnotePr", "endnotePr")
_BEFORE_COLS = _BEFORE_TYPE + ("type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType")


def _set_section_layout(section, columns: int | None) -> None:
    _child(section, "type", _BEFORE_TYPE).set(qn("w:val"), "continuous")
    if columns is not None:
        cols = _child(section, "cols", _BEFORE_COLS)
        cols.set(qn("w:num"), str(columns))
        cols.set(qn("w:space"), str(int(COLUMN_GAP / 635)))  # twentieths of a point


def _child(section, name: str, before: tuple[str, ...]):
    """Return the section's w:``name`` child, adding it after the children the schema puts before it."""
    found = section.find(qn(f"w:{name}"))
    if found is None:
        found = OxmlElement(f"w:{name}")
        earlier = {qn(f"w:{tag}") for tag in before}
        position = next((i for i, child in enumerate(section) if child.tag not in earlier), len(section))
        section.insert(position, found)
    return found


def word_briefing(plan: BriefingPlan, look: Look, logo: bytes = b"", report_colours: bool = False) -> Rendered:
    """Return the briefing as .docx bytes, with its summary and warnings (and, if asked, the colours')."""
    doc, styles = blank_document(look.docx_package, look.docx_template, look.colours, look.fonts, plan.language,
                                 look.theme.styles)
    # A comms team's template keeps its own page and styles (blank.prepare_document); the built-in look has the
    # built-in ones.
    page = BUILTIN_PAGE if look.docx_package is None else printed_page(doc, styles)
    plan, fit = fit_briefing(plan, look.fonts, page)
    paper = paper_colours(look.colours)
    briefing = WordBriefing(doc, styles, paper, look.fonts[1], fit, logo, plan.names)
    briefing.write(plan)
    replaced: list[str] = []
    if look.docx_package is not None:
        # A comms team's template keeps its own styles, but not a colour that would not read on the page.
        headings = {briefing.style_ids[role] for role in ("title", "heading")}
        replaced = replace_illegible_style_colours(doc, paper.text, paper.heading, headings)
    _set_properties(doc, plan)
    warnings = []
    if report_colours:
        warnings.extend(paper.warnings())
        warnings.extend(f"the Word template's {replacement}" for replacement in replaced)
        # What is left (a colour of the template's own header, say) is read from the document.
        warnings.extend(f"the Word template's {problem}" for problem in colour_problems(doc))
    if plan.words > MAX_WORDS:
        warnings.append(f"the {plan.review_name} briefing has {plan.words} words, {plan.words - MAX_WORDS} more "
                        f"than the {MAX_WORDS} readable in seven minutes")
    warnings.extend(fit_warnings(plan, fit))
    return Rendered(package_bytes(doc, document_time(plan.date)), f"{plan.review_name}, {plan.words} words",
                    warnings)


def fit_warnings(plan: BriefingPlan, fit: Fit) -> list[str]:
    """Return what the author should know about the briefing's length on the page."""
    headings = {section.number: section.heading for section in plan.sections}
    warnings = []
    if fit.pages == 2:
        warnings.append(f"the {plan.review_name} briefing does not fit on one page; shorten its text to keep it to "
                        "one")
    elif fit.pages > 2:
        named = ", ".join(f"{number}. '{headings[number]}'" for number in fit.to_shorten)
        warnings.append(f"the {plan.review_name} briefing needs about {fit.pages} pages; a seven-minute briefing "
                        f"fits on two at most: shorten its longest parts ({named})")
    return warnings


def _set_properties(doc: Document, plan: BriefingPlan) -> None:
    props = doc.core_properties
    props.title = property_text(plan.title)
    props.subject = property_text(plan.subject)
    props.author = property_text(plan.author)
    props.last_modified_by = property_text(plan.author)
    props.language = plan.language
    props.keywords = property_text(plan.keywords)
    props.content_status = status_text(plan.hidden_below)
    props.comments = ""
    props.revision = 1
    stamp = document_time(plan.date)
    props.created = stamp
    props.modified = stamp
