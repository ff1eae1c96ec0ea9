"""Cutting elements out of a part's XML: a link's wrapper keeps its text, a picture's frame goes with its last
reference, a running Word field's instruction is emptied and a harmless one kept."""

from __future__ import annotations

from lxml import etree

from generator.ooxml import DRAWING, PRESENTATION, RELATIONSHIPS, WORD
from generator.templates.xml_edits import (P14, clear_body, drop_embedded_fonts, drop_references, drop_sections_slides,
                                          elements_using_relationships, running_field_instructions)

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


def test_containers_left_empty_go_up_to_the_first_that_still_holds_something_and_other_parents_stay() -> None:
    root = _root('<p:sp><p:extLst><p:ext><p:control r:id="rId9"/></p:ext></p:extLst><p:txBody/></p:sp>'
                 '<p:pic><p:blipFill><a:blip r:embed="rId9"/></p:blipFill></p:pic>')
    assert drop_references(elements_using_relationships(root), set())
    assert [etree.QName(child).localname for child in root[0]] == ["txBody"]  # ext and extLst gone
    assert [etree.QName(child).localname for child in root[1]] == ["blipFill"]  # not a container: kept, empty


def test_graphic_data_left_empty_outside_a_frame_goes_itself() -> None:
    root = _root('<a:graphic><a:graphicData><p:oleObj r:id="rId5"/></a:graphicData></a:graphic>')
    assert drop_references(elements_using_relationships(root), set())
    assert len(root[0]) == 0


def test_an_unwrapped_link_keeps_its_runs_in_order() -> None:
    root = _root('<w:p><w:r><w:t>a</w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>b</w:t></w:r><w:r><w:t>c</w:t></w:r>'
                 '<w:r><w:t>d</w:t></w:r></w:hyperlink><w:r><w:t>e</w:t></w:r></w:p>')
    drop_references(elements_using_relationships(root), set())
    assert "".join(root[0].itertext()) == "abcde"


def test_sections_keep_the_slides_kept_and_lose_the_others() -> None:
    root = _root(f'<p:sldIdLst><p:sldId id="256"/></p:sldIdLst><p14:sectionLst xmlns:p14="{P14}"><p14:section>'
                 '<p14:sldIdLst><p14:sldId id="256"/><p14:sldId id="257"/></p14:sldIdLst></p14:section>'
                 '</p14:sectionLst>')
    assert drop_sections_slides(root)
    assert [element.get("id") for element in root.iter(f"{{{P14}}}sldId")] == ["256"]
    assert not drop_sections_slides(root)


def test_embedded_fonts_are_dropped_and_said_so_once() -> None:
    root = _root('<p:embeddedFontLst><p:embeddedFont/></p:embeddedFontLst>')
    assert drop_embedded_fonts(root)
    assert len(root) == 0
    assert not drop_embedded_fonts(root)


def test_a_part_without_a_body_has_no_sample_content_to_clear() -> None:
    assert not clear_body(_root("<w:hdr/>"))
    assert clear_body(_root("<w:body><w:p/><w:sectPr/></w:body>"))


def test_a_running_field_is_emptied_though_its_instruction_holds_a_field_or_an_empty_piece() -> None:
    def field(*pieces: str) -> str:
        return "".join(f"<w:r>{piece}</w:r>" for piece in pieces)

    begin, separate, end = ('<w:fldChar w:fldCharType="begin"/>', '<w:fldChar w:fldCharType="separate"/>',
                            '<w:fldChar w:fldCharType="end"/>')
    root = _root("<w:p>"
                 + field(begin, "<w:instrText>INCLUDETEXT </w:instrText>", begin, "<w:instrText>FILENAME</w:instrText>",
                         end, "<w:instrText> \\* MERGEFORMAT</w:instrText>", separate, "<w:t>shown</w:t>", end)
                 + field(begin, "<w:instrText>DDE</w:instrText>", "<w:instrText/>", "<w:instrText> x</w:instrText>", end)
                 + field(begin, "<w:instrText>LINK a</w:instrText>", separate, begin,
                         "<w:instrText>DDEAUTO b</w:instrText>", end, end)
                 + "</w:p>")
    # In the document's order: an outer field's instruction is emptied where its result begins.
    assert list(running_field_instructions(root)) == ["INCLUDETEXT  \\* MERGEFORMAT", "DDE x", "LINK a", "DDEAUTO b"]
    assert [element.text or "" for element in root.iter(f"{{{WORD}}}instrText")] == ["", "FILENAME", "", "", "",
                                                                                      "", "", ""]
