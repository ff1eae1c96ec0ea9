"""The blank briefing a review type's briefing is written on: a template made ready, once per look.

The built-in document gets the built-in look in the deck's colours and fonts;
a comms team's template keeps its own styles and loses its sample content.
Either way the document's language, link style and each role's style are
set, and the result is kept, to be copied for the next briefing.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .styles import has_numbering, resolve_styles, style_ids

BODY_SIZE = Pt(11)


@dataclass
class Blank:
    """An empty document ready to fill, with each role's style name and id, and whether bullets are numbered."""

    doc: object
    styles: dict[str, str]
    style_ids: dict[str, str]
    numbered_bullets: bool


_BLANKS: dict[tuple, Blank] = {}  # each look, prepared: never filled, only copied


def blank_document(template: bytes | None, template_path, palette: dict[str, str], fonts: tuple[str, str],
                   language: str, style_names: dict[str, str]) -> Blank:
    """Return an empty document ready to fill.

    It is the built-in document (given the built-in look in the palette's
    colours and ``fonts``) or the comms team's template (its own styles kept,
    its sample content removed). Each look is prepared once per process and
    copied after that: a copy costs a fifth of opening and preparing.
    """
    from ..templates.opening import open_document_package

    key = (hashlib.sha256(template).digest() if template else None, tuple(sorted(palette.items())), fonts,
           language, tuple(sorted(style_names.items())))
    if key not in _BLANKS:
        doc = open_document_package(template, template_path)
        _clear_body(doc)
        styles = prepare_document(doc, palette, fonts, language, style_names, builtin_look=template is None)
        if len(_BLANKS) >= 16:
            _BLANKS.clear()
        _BLANKS[key] = Blank(doc, styles, style_ids(doc, styles), has_numbering(doc, styles["bullet"]))
    prepared = _BLANKS[key]
    # The styles part (a third of a megabyte in Word's default template) is shared, not copied: once the blank
    # is prepared, nothing changes the styles, and copying them would be most of the cost of a briefing.
    styles_part = prepared.doc.part._styles_part
    return dataclasses.replace(prepared, doc=copy.deepcopy(prepared.doc, {id(styles_part): styles_part}))


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
