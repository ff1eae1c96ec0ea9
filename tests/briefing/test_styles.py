"""The briefing's roles find their Word styles: by name, else by what a renamed style does; list markers read
the way ECMA-376 links a paragraph style to its numbering."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from generator.briefing.styles import find_style, list_marker, outline_level, resolve_styles
from generator.library_internals import numbering_xml
from tests.conftest import RENAMED_BULLETS, RENAMED_HEADING, STYLE_LINKS, word_template_with_renamed_styles


@pytest.mark.parametrize("link, marker", list(zip(STYLE_LINKS, ("bullet", "bullet", None))))
def test_a_renamed_bullet_style_draws_bullets_only_through_its_own_numbering(tmp_path, link, marker):
    doc = Document(str(word_template_with_renamed_styles(tmp_path / "brand.docx", link)))
    assert list_marker(doc, RENAMED_BULLETS) == marker


def test_renamed_styles_are_found_by_what_they_do(tmp_path):
    doc = Document(str(word_template_with_renamed_styles(tmp_path / "brand.docx", "numStyleLink")))
    assert find_style(doc, "bullet") == (RENAMED_BULLETS, ["List Bullet"])
    assert find_style(doc, "heading") == (RENAMED_HEADING, ["Heading 1"])
    assert outline_level(doc, RENAMED_HEADING) == 0
    # The data's own choice still comes first.
    assert find_style(doc, "bullet", {"bullet": "List Number"}) == ("List Number", ["List Number", "List Bullet"])


def test_numbering_switched_off_or_drawing_nothing_is_no_marker():
    doc = Document()
    assert list_marker(doc, "List Bullet") == "bullet"
    assert list_marker(doc, "List Number") == "decimal"
    assert list_marker(doc, "Subtitle") is None  # a w:numPr with a level and no numbering named
    assert list_marker(doc, "List Paragraph") is None
    bullet = doc.styles["List Bullet"].element.pPr.numPr.find(qn("w:numId"))
    numbering = numbering_xml(doc)
    instance = next(num for num in numbering.findall(qn("w:num")) if num.get(qn("w:numId")) == bullet.get(qn("w:val")))
    instance.append(parse_xml(f'<w:lvlOverride {nsdecls("w")} w:ilvl="0"><w:lvl w:ilvl="0">'
                              f'<w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl></w:lvlOverride>'))
    assert list_marker(doc, "List Bullet") is None
    bullet.set(qn("w:val"), "0")
    assert list_marker(doc, "List Bullet") is None
    bullet.set(qn("w:val"), "999")  # no such numbering: Word draws nothing
    assert list_marker(doc, "List Bullet") is None


def test_a_created_style_never_takes_the_id_of_a_renamed_one():
    doc = Document()
    heading = doc.styles["Heading 1"]
    heading.name = "Old heading"
    heading.element.pPr.remove(heading.element.pPr.find(qn("w:outlineLvl")))
    names = resolve_styles(doc)
    assert names["heading"] == "Heading 1"
    ids = [style.style_id for style in doc.styles]
    assert doc.styles["Heading 1"].style_id == "Heading12"
    assert len(ids) == len(set(ids))
    assert outline_level(doc, "Heading 1") == 0
