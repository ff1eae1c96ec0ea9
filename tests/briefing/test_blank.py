"""The blank a briefing is written on is made ready once per process: each briefing gets a document of its own,
the same, byte for byte, as one made ready for it alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple

from docx import Document
from docx.shared import Cm, Inches

from generator.briefing.blank import _clear_body, blank_document, prepare_document, printed_page
from generator.briefing.styles import resolve_styles
from generator.briefing.type_scale import BUILTIN_PAGE, BUILTIN_TYPE_SCALE, TextStyle
from generator.output import package_bytes
from generator.templates.opening import open_document_package

PALETTE = {"dk1": "1A1A1A", "lt1": "FFFFFF", "dk2": "1F4E79", "lt2": "E7E6E6", "accent1": "A8431A",
           "accent2": "2E75B6", "accent3": "70AD47", "accent4": "FFC000", "accent5": "5B9BD5", "accent6": "7030A0",
           "hlink": "0B5CAD"}
FONTS = ("Georgia", "Verdana")
STAMP = dt.datetime(2024, 6, 13)


def _made_ready_alone(language: str) -> bytes:
    doc = open_document_package(None, None)
    _clear_body(doc)
    prepare_document(doc, PALETTE, FONTS, language, {})
    return package_bytes(doc, STAMP)


def test_every_blank_is_the_document_made_ready_for_it_alone():
    first, styles = blank_document(None, None, PALETTE, FONTS, "en-GB", {})
    first.add_paragraph("Written on the first briefing only")
    second, again = blank_document(None, None, PALETTE, FONTS, "en-GB", {})
    assert again == styles and again is not styles
    assert [paragraph.text for paragraph in second.paragraphs] == []
    assert package_bytes(second, STAMP) == _made_ready_alone("en-GB")


def test_a_blank_of_another_language_is_made_ready_for_it():
    welsh, _ = blank_document(None, None, PALETTE, FONTS, "cy-GB", {})
    english, _ = blank_document(None, None, PALETTE, FONTS, "en-GB", {})
    assert package_bytes(welsh, STAMP) == _made_ready_alone("cy-GB") != package_bytes(english, STAMP)


def test_the_page_is_read_from_the_document_a_template_gives():
    letter = Document()  # python-docx's own template: US Letter, 1-inch margins top and bottom, 1.25-inch sides
    section = letter.sections[0]
    section.left_margin = section.right_margin = Inches(1)
    page = printed_page(letter, resolve_styles(letter, {}))
    assert (page.width, page.height) == (Inches(8.5), Inches(11))
    assert page.full_width_points == 6.5 * 72 and page.body_height_points == 9 * 72
    assert abs(page.column_width_points - (6.5 * 72 - 22.68) / 2) < 0.01  # the columns' 0.8 cm gap is ours
    # Its styles' own sizes and spacing: 11 pt text 10 pt apart at 1.15 lines, 14 pt bold headings 24 pt below
    # what is before them, a 26 pt title on single lines.
    scale = page.type_scale
    assert scale.body == TextStyle(11, before=0, after=10, line_spacing=1.15)
    assert scale.bullet == scale.body
    assert scale.heading == TextStyle(14, bold=True, before=24, after=0, line_spacing=1.15)
    assert scale.title == TextStyle(26, before=0, after=15, line_spacing=1.0)
    assert scale.subtitle.size == 12

    uk = Document()
    section = uk.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.54))  # Word's usual margins
    page = printed_page(uk, resolve_styles(uk, {}))
    assert abs(page.full_width_points - (21 - 2 * 2.54) / 2.54 * 72) < 0.1
    assert abs(page.body_height_points - (29.7 - 2 * 2.54) / 2.54 * 72) < 0.1
    assert page.column_width < BUILTIN_PAGE.column_width  # narrower than the built-in page's 1.5 cm margins give


def test_the_built_in_page_is_a4_with_its_own_margins():
    doc = open_document_package(None, None)
    prepare_document(doc, PALETTE, FONTS, "en-GB", {})
    page = printed_page(doc, resolve_styles(doc, {}))  # Word stores lengths in twentieths of a point
    for read, built_in in zip(astuple(page.type_scale), astuple(BUILTIN_TYPE_SCALE)):
        assert read[:4] == built_in[:4] and abs(read[4] - built_in[4]) < 0.01  # 1.08 lines is stored as 259/240
    assert abs(page.full_width_points - BUILTIN_PAGE.full_width_points) < 0.1
    assert abs(page.body_height_points - BUILTIN_PAGE.body_height_points) < 0.1
