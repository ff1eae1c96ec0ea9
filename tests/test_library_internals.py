"""The calls below python-pptx's and python-docx's documented APIs: each works, and none is made elsewhere."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree
from pptx import Presentation

from generator import library_internals as internals

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
# What only library_internals.py may say: the package layer's names.
BELOW_THE_API = re.compile(r"part_related_by|\.relate_to\(|next_partname|\.next_id\b|\.drop_rel\(|chart_workbook\.|\.part\.rels\b"
                           r"|docx\.opc\.part|docx\.oxml\.parser|\.part\.element\b|\.blob\s*=(?!=)")


def test_no_other_module_calls_below_the_documented_apis():
    found = [f"{path.relative_to(GENERATOR)}:{number}: {line.strip()}"
             for path in sorted(GENERATOR.rglob("*.py")) if path.name != "library_internals.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if BELOW_THE_API.search(line.split("#", 1)[0])]
    assert found == []


def test_the_scan_would_find_a_call_elsewhere():
    assert BELOW_THE_API.search("theme = master.part.part_related_by(RT.THEME).blob")
    assert BELOW_THE_API.search("theme_part.blob = xml")
    assert not BELOW_THE_API.search("if part.blob == xml:")


def test_a_theme_is_read_and_replaced():
    prs = Presentation()
    theme = etree.fromstring(internals.theme_xml(prs.slide_master))
    assert etree.QName(theme).localname == "theme"
    renamed = internals.theme_xml(prs.slide_master).replace(b'name="Office Theme"', b'name="Ours"', 1)
    internals.replace_theme_xml(prs.slide_master, renamed)
    saved = io.BytesIO()
    prs.save(saved)
    assert b'name="Ours"' in internals.theme_xml(Presentation(saved).slide_master)


def test_a_slide_is_dropped_with_its_relationship():
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[0])
    slide_id = prs.slides.element[0]
    internals.drop_slide(prs, slide_id)
    prs.slides.element.remove(slide_id)
    saved = io.BytesIO()
    prs.save(saved)
    assert len(Presentation(saved).slides) == 0


def test_a_word_part_is_added_related_and_numbered():
    document = docx.Document()
    first = internals.add_word_part(document, "/word/charts/chart%d.xml", CT.DML_CHART, b"<c/>")
    rel_id = internals.relate(document.part, first, RT.CHART)
    second = internals.add_word_part(document, "/word/charts/chart%d.xml", CT.DML_CHART, b"<c/>")
    assert (str(first.partname), str(second.partname)) == ("/word/charts/chart1.xml", "/word/charts/chart2.xml")
    assert document.part.rels[rel_id].target_part is first
    link = internals.relate(document.part, "https://example.org/", RT.HYPERLINK, external=True)
    assert document.part.rels[link].target_ref == "https://example.org/"
    assert internals.next_shape_id(document) >= 1


def test_word_xml_gives_python_docx_elements_and_a_story_root_is_its_part():
    drawing = internals.word_xml('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    assert type(drawing).__module__.startswith("docx.oxml")
    header = docx.Document().sections[0].header
    header.is_linked_to_previous = False
    assert etree.QName(internals.story_root(header)).localname == "hdr"


@pytest.mark.parametrize("name", ["theme_xml", "replace_theme_xml", "drop_slide", "replace_chart_workbook",
                                  "chart_workbook_bytes", "add_word_part", "relate", "drop_relationships", "next_shape_id", "word_xml",
                                  "story_root"])
def test_each_call_says_why_no_public_api_serves(name):
    assert len((getattr(internals, name).__doc__ or "").split("\n\n")) >= 2


def test_relationships_of_one_type_are_dropped():
    document = docx.Document()
    styles = [rel_id for rel_id, rel in document.part.rels.items() if rel.reltype == RT.STYLES]
    internals.drop_relationships(document, "/styles")
    assert styles and all(rel_id not in document.part.rels for rel_id in styles)
    assert any(rel.reltype == RT.SETTINGS for rel in document.part.rels.values())


def test_a_charts_workbook_is_read_and_replaced():
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Inches
    import xlsxwriter

    prs = Presentation()
    data = CategoryChartData()
    data.categories = ["Neglect", "Domestic abuse"]
    data.add_series("Reviews", (4, 2))
    frame = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Inches(4), Inches(3), data)
    made = internals.chart_workbook_bytes(frame)
    assert made[:2] == b"PK"
    replacement = io.BytesIO()
    with xlsxwriter.Workbook(replacement, {"in_memory": True}) as book:
        book.add_worksheet().write_string(0, 0, "=not a formula")
    internals.replace_chart_workbook(frame, replacement.getvalue())
    assert internals.chart_workbook_bytes(frame) == replacement.getvalue()
    saved = io.BytesIO()
    prs.save(saved)
    [frame_again] = [shape for shape in Presentation(saved).slides[0].shapes if shape.has_chart]
    assert internals.chart_workbook_bytes(frame_again) == replacement.getvalue()


def test_a_new_drawing_id_is_above_every_id_in_the_body_and_the_headers(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (4, 4), "navy").save(logo)
    document = docx.Document()
    document.add_paragraph().add_run().add_picture(str(logo))
    header = document.sections[0].header
    for _ in range(3):
        header.paragraphs[0].add_run().add_picture(str(logo))
    used = [int(value) for part in (document.part, header.part)
            for value in part.element.xpath("//wp:docPr/@id")]
    assert internals.next_shape_id(document) > max(used)


def test_numbering_is_found_without_adding_a_part_to_a_document_that_has_none():
    document = docx.Document()
    numbering = internals.numbering_xml(document)
    assert numbering is not None and etree.QName(numbering).localname == "numbering"
    internals.drop_relationships(document, "/numbering")
    parts_before = len(document.part.rels)
    assert internals.numbering_xml(document) is None
    assert len(document.part.rels) == parts_before
