"""The blank briefing a review type's briefing is written on: a template made ready.

The built-in document gets the built-in look in the deck's colours and fonts;
a comms team's template keeps its own styles and loses its sample content.
Either way the document's language, link style and each role's style are set.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips

from ..branding import paper_colours
from ..library_internals import drop_relationships
from .styles import resolve_styles

from .type_scale import (BODY, BUILTIN_PAGE, BULLET, FOOTER_SIZE, HEADER_FOOTER_DISTANCE, HEADING, LINE_SPACING,
                         PAGE_HEIGHT, PAGE_MARGIN, PAGE_WIDTH, SUBTITLE, TITLE, TITLE_RULE, PrintedPage, TextStyle,
                         TypeScale)


def blank_document(template: bytes | None, template_path: Path | None, palette: dict[str, str],
                   fonts: tuple[str, str], language: str,
                   style_names: dict[str, str]) -> tuple[Document, dict[str, str]]:
    """Return an empty document ready to fill, and the style name of each role.

    It is the built-in document (given the built-in look in the palette's
    colours and ``fonts``) or the comms team's template (its own styles kept,
    its sample content removed).
    """
    from docx import Document

    blank, styles = _prepared_blank(template, template_path, tuple(palette.items()), fonts, language,
                                    tuple(style_names.items()))
    return Document(io.BytesIO(blank)), dict(styles)


@lru_cache(maxsize=4)
def _prepared_blank(template: bytes | None, template_path: Path | None, palette: tuple[tuple[str, str], ...],
                    fonts: tuple[str, str], language: str, style_names: tuple[tuple[str, str], ...]
                    ) -> tuple[bytes, tuple[tuple[str, str], ...]]:
    """Return the blank document made ready (saved) and the style name of each role, made once per process for
    the same template and look: every briefing of a build, and of every event in one command, starts from it.

    Opening the saved blank gives the same document as making it ready again, for a fraction of the work.
    """
    from ..templates.opening import open_document_package

    doc = open_document_package(template, template_path)
    _clear_body(doc)
    styles = prepare_document(doc, dict(palette), fonts, language, dict(style_names), builtin_look=template is None)
    saved = io.BytesIO()
    doc.save(saved)
    return saved.getvalue(), tuple(styles.items())


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


def _drop_styles_with_effects(doc) -> None:
    """Drop Word 2010's copy of the styles: once styles.xml changes, Word would see the two disagree and repair."""
    drop_relationships(doc, "/stylesWithEffects")


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = PAGE_MARGIN
    section.top_margin = section.bottom_margin = PAGE_MARGIN
    section.header_distance = section.footer_distance = HEADER_FOOTER_DISTANCE


def printed_page(doc: Document, styles: dict[str, str]) -> PrintedPage:
    """Return the page a comms team's template prints on: its first section's size and margins, which the
    briefing's sections share, and the type scale of the styles given to each role (a length the document leaves
    unset is taken as the built-in page's)."""
    section = doc.sections[0]
    lengths = (section.page_width, section.page_height, section.left_margin, section.right_margin,
               section.top_margin, section.bottom_margin)
    builtin = (BUILTIN_PAGE.width, BUILTIN_PAGE.height, BUILTIN_PAGE.left, BUILTIN_PAGE.right, BUILTIN_PAGE.top,
               BUILTIN_PAGE.bottom)
    width, height, left, right, top, bottom = (int(length) if length is not None else default
                                               for length, default in zip(lengths, builtin))
    defaults = _document_defaults(doc)
    scale = TypeScale(*(_text_style(doc.styles[styles[role]], defaults)
                        for role in ("title", "subtitle", "heading", "body", "bullet")))
    return PrintedPage(width, height, left, right, top, bottom, scale)


# Word's own defaults where a document's style defaults leave a setting out: 10 pt text, no space around
# paragraphs, single line spacing.
WORD_DEFAULTS = TextStyle(10, before=0.0, after=0.0, line_spacing=1.0)
LINE_UNITS = 240  # a w:spacing/@w:line of 240 is single spacing


def _document_defaults(doc: Document) -> TextStyle:
    """Return the text size and paragraph spacing the document's style defaults (w:docDefaults) give."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    size = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}") if defaults is not None else None
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}") if defaults is not None else None

    def whole(element, name: str) -> int | None:  # a value that is not a whole number is left to Word's default
        value = element.get(qn(f"w:{name}")) if element is not None else None
        return int(value) if value is not None and value.isdigit() else None

    half_points, before, after, line = (whole(size, "val"), whole(spacing, "before"), whole(spacing, "after"),
                                        whole(spacing, "line"))
    proportional = spacing is not None and spacing.get(qn("w:lineRule"), "auto") == "auto"
    return TextStyle(half_points / 2 if half_points else WORD_DEFAULTS.size,
                     before=Twips(before).pt if before is not None else WORD_DEFAULTS.before,
                     after=Twips(after).pt if after is not None else WORD_DEFAULTS.after,
                     line_spacing=line / LINE_UNITS if line and proportional else WORD_DEFAULTS.line_spacing)


def _text_style(style, defaults: TextStyle) -> TextStyle:
    """Return the size, weight and spacing a paragraph style sets, through the styles it is based on.

    A fixed line height (exact or at least) is taken as single spacing.
    """
    def inherited(read):
        found = style
        while found is not None:
            value = read(found)
            if value is not None:
                return value
            found = found.base_style
        return None

    size = inherited(lambda s: s.font.size)
    before = inherited(lambda s: s.paragraph_format.space_before)
    after = inherited(lambda s: s.paragraph_format.space_after)
    spacing = inherited(lambda s: s.paragraph_format.line_spacing)
    return TextStyle(size.pt if size is not None else defaults.size, bool(inherited(lambda s: s.font.bold)),
                     before.pt if before is not None else defaults.before,
                     after.pt if after is not None else defaults.after,
                     defaults.line_spacing if spacing is None else spacing if isinstance(spacing, float) else 1.0)


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
    paper = paper_colours(palette)
    text, heading = RGBColor.from_string(paper.text), RGBColor.from_string(paper.heading)
    normal = styles[names["body"]]
    _set_font_name(normal, body_font)
    normal.font.size = Pt(BODY.size)
    normal.font.color.rgb = text
    normal.paragraph_format.space_after = Pt(BODY.after)
    normal.paragraph_format.line_spacing = LINE_SPACING
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    normal.paragraph_format.widow_control = True
    for role, scale, colour in (("title", TITLE, heading), ("subtitle", SUBTITLE, text), ("heading", HEADING, heading)):
        style = styles[names[role]]
        _set_font_name(style, heading_font)
        style.font.size = Pt(scale.size)
        style.font.color.rgb = colour
        style.font.italic = False
        style.font.bold = scale.bold
        style.paragraph_format.space_before = Pt(scale.before)
        style.paragraph_format.space_after = Pt(scale.after)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.line_spacing = LINE_SPACING
        for border in style.element.xpath("./w:pPr/w:pBdr"):
            border.getparent().remove(border)
    _rule_below(styles[names["subtitle"]], heading)
    styles[names["bullet"]].paragraph_format.space_after = Pt(BULLET.after)
    _set_font_name(styles[names["bullet"]], body_font)
    styles[names["footer"]].font.size = Pt(FOOTER_SIZE)
    styles[names["footer"]].font.color.rgb = text


def _rule_below(style, colour: RGBColor) -> None:
    """Draw a rule in the heading colour under the subtitle: it closes the title block above the two columns."""
    properties = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", str(int(TITLE_RULE.width * 8))), ("space", str(int(TITLE_RULE.gap))),
                        ("color", str(colour))):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    # The schema puts pBdr after keepNext, keepLines, pageBreakBefore, framePr and widowControl, before the rest.
    earlier = {qn(f"w:{tag}") for tag in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr",
                                          "widowControl", "numPr", "suppressLineNumbers")}
    position = next((i for i, child in enumerate(properties) if child.tag not in earlier), len(properties))
    properties.insert(position, borders)


def _set_font_name(style, family: str) -> None:
    """Set a style's font for every script, dropping the theme-font link that would override the name in Word."""
    style.font.name = family
    fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
    if fonts is not None:
        for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attribute}"), None)
        fonts.set(qn("w:eastAsia"), family)
        fonts.set(qn("w:cs"), family)


def _ensure_link_style(doc, palette: dict[str, str]) -> None:
    if "Hyperlink" not in [s.name for s in doc.styles]:
        link = doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.underline = True
        link.font.color.rgb = RGBColor.from_string(paper_colours(palette).link)


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
