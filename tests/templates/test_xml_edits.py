"""Cutting elements out of a part's XML: a link's wrapper keeps its text, a picture's frame goes with its last
reference, a running Word field's instruction is emptied and a harmless one kept."""

from __future__ import annotations

from lxml import etree

from generator.ooxml import DRAWING, PRESENTATION, RELATIONSHIPS, WORD
from generator.templates.xml_edits import drop_references, elements_using_relationships, running_field_instructions

NAMESPACES = f'xmlns:w="{WORD}" xmlns:a="{DRAWING}" xmlns:p="{PRESENTATION}" xmlns:r="{RELATIONSHIPS}"'


def _root(body: str) -> etree._Element:
    return etree.fromstring(f"<root {NAMESPACES}>{body}</root>")


def test_a_hyperlink_whose_relationship_is_dropped_keeps_its_text_and_a_kept_one_stays() -> None:
    root = _root('<w:p><w:hyperlink r:id="rId9"><w:r><w:t>gone</w:t></w:r></w:hyperlink>'
                 '<w:hyperlink r:id="rId1"><w:r><w:t>kept</w:t></w:r></w:hyperlink></w:p>')
    assert drop_references(elements_using_relationships(root), {"rId1"})
    paragraph = root[0]
    assert [etree.QName(child).localname for child in paragraph] == ["r", "hyperlink"]
    assert "".join(paragraph.itertext()) == "gonekept"


def test_the_frame_goes_with_the_last_element_using_a_dropped_relationship() -> None:
    root = _root('<p:spTree><p:graphicFrame><a:graphic><a:graphicData><p:oleObj r:id="rId5"/></a:graphicData>'
                 '</a:graphic></p:graphicFrame><p:sp/></p:spTree>')
    assert drop_references(elements_using_relationships(root), set())
    assert [etree.QName(child).localname for child in root[0]] == ["sp"]
    assert not drop_references(elements_using_relationships(root), set())


def test_running_field_instructions_are_emptied_and_others_kept() -> None:
    root = _root('<w:p><w:fldSimple w:instr=" INCLUDETEXT c:\\x.docx "><w:r><w:t>shown</w:t></w:r></w:fldSimple>'
                 '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>dde x</w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                 '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    assert list(running_field_instructions(root)) == ["INCLUDETEXT c:\\x.docx", "dde x"]
    assert [element.text for element in root.iter(f"{{{WORD}}}instrText")] == ["", " PAGE "]
    assert not list(root.iter(f"{{{WORD}}}fldSimple"))  # unwrapped: its result text stays
    assert "shown" in "".join(root.itertext())
