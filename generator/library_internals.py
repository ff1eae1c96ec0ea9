"""Every call below python-pptx's and python-docx's documented APIs, in this one module.

The rest of the generator uses their documented objects, and lxml on an
object's ``.element`` (or XML helpers such as ``qn``) where they have no API
(bullets, alt text, fields). What follows reaches their package layer (parts
and relationships), which neither documents; each call says why no public API
serves. CI (``.ci/run``) runs the tests against the newest releases of both
(``pip install -U``), so a release that changes one of these is caught there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lxml import etree

if TYPE_CHECKING:
    from docx.opc.part import Part as WordPart

# Each library is imported where it is used, so that a build which draws nothing (its outputs unchanged) or only
# a deck does not load the other.

# -- python-pptx ------------------------------------------------------------------------------------------------


def theme_xml(master: Any) -> bytes:
    """Return the XML of a slide master's theme part.

    python-pptx has no theme API: the colour scheme and fonts a template's theme defines are read from the part
    the master relates to (``Part.part_related_by``).
    """
    from pptx.opc.constants import RELATIONSHIP_TYPE

    return bytes(master.part.part_related_by(RELATIONSHIP_TYPE.THEME).blob)


def replace_theme_xml(master: Any, xml: bytes) -> None:
    """Replace a slide master's theme part's XML (the data's colours and fonts written into the theme).

    No API writes a theme; the part's ``blob`` is assigned, which python-pptx saves as given.
    """
    from pptx.opc.constants import RELATIONSHIP_TYPE

    master.part.part_related_by(RELATIONSHIP_TYPE.THEME).blob = xml


def drop_slide(presentation: Any, slide_id: Any) -> None:
    """Remove a slide from the presentation's part relationships (its ``p:sldId`` is removed by the caller).

    python-pptx can add slides but not delete them; a template's own slides must go, keeping its layouts.
    """
    presentation.part.drop_rel(slide_id.rId)


def replace_chart_workbook(frame: Any, xlsx: bytes) -> None:
    """Replace the workbook embedded in a chart's part (a workbook whose labels are all text cells).

    ``Chart.replace_data`` writes labels with XlsxWriter's ``write``, which turns text starting with '=' into a
    formula; there is no API to give the workbook itself, so ``ChartWorkbook.update_from_xlsx_blob`` is used.
    """
    frame.chart_part.chart_workbook.update_from_xlsx_blob(xlsx)


def chart_workbook_bytes(frame: Any) -> bytes:
    """Return the workbook embedded in a chart's part, to carry the chart over into a Word document.

    python-pptx documents the chart but not its workbook part (``ChartWorkbook.xlsx_part``).
    """
    workbook = frame.chart_part.chart_workbook.xlsx_part
    if workbook is None:  # pragma: no cover - python-pptx always embeds one
        raise RuntimeError("python-pptx made a chart without its workbook")
    return bytes(workbook.blob)


# -- python-docx ------------------------------------------------------------------------------------------------


def add_word_part(document: Any, partname_template: str, content_type: str, blob: bytes) -> WordPart:
    """Return a new part of a Word document (a chart, its workbook), named after the next free number.

    python-docx has no chart API, so the chart part python-pptx made is carried over as a plain ``Part``
    (``docx.opc.part.Part``), named by ``OpcPackage.next_partname``.
    """
    from docx.opc.part import Part as WordPart

    package = document.part.package
    return WordPart(package.next_partname(partname_template), content_type, blob, package)


def relate(part: Any, target: Any, relationship_type: str, external: bool = False) -> str:
    """Return the id of a new relationship from a Word part to a part or (``external``) an address.

    python-docx relates parts only inside its own API (pictures, headers); a chart, its workbook and a
    hyperlink's address are related with ``Part.relate_to``.
    """
    rel_id: str = part.relate_to(target, relationship_type, is_external=external)
    return rel_id


def drop_relationships(document: Any, relationship_type_ending: str) -> None:
    """Drop the Word document part's relationships whose type ends in ``relationship_type_ending``.

    python-docx has no API to remove a part; a template's Word 2010 copy of its styles (stylesWithEffects) is
    dropped through ``Part.rels`` and ``Part.drop_rel``.
    """
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith(relationship_type_ending):
            document.part.drop_rel(rel_id)


def next_shape_id(document: Any) -> int:
    """Return an unused drawing id for a Word document (each ``wp:docPr`` needs its own, across the document's
    body, headers and footers).

    python-docx numbers the pictures it adds itself, each within its own part (a header's logo is 1 in the
    header's part); a chart's drawing takes the highest ``StoryPart.next_id`` of the body and of every header and
    footer part the sections define, so that it clashes with none of them.
    """
    ids: list[int] = [document.part.next_id]
    for section in document.sections:
        for story in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                      section.even_page_header, section.even_page_footer):
            if not story.is_linked_to_previous:  # a linked one has no part of its own (asking would add one)
                ids.append(story.part.next_id)
    return max(ids)


def word_xml(xml: str) -> etree._Element:
    """Return an element of python-docx's own element classes parsed from ``xml`` (a chart's ``w:drawing``).

    An element inserted into a python-docx document must come from its parser (``docx.oxml.parser.parse_xml``)
    for python-docx to read the document on; lxml's own parser would give plain elements.
    """
    from docx.oxml.parser import parse_xml

    element: etree._Element = parse_xml(xml)
    return element


def story_root(story: Any) -> etree._Element:
    """Return the root element of a header's or footer's own part (its paragraphs, drawings and fields).

    python-docx documents the header and its paragraphs, not the part's XML; fields (page numbers) and a
    picture's alt text are set there (``XmlPart.element``).
    """
    root: etree._Element = story.part.element
    return root


def numbering_xml(document: Any) -> etree._Element | None:
    """Return the root of a Word document's numbering definitions (``w:numbering``), or None if it has none.

    python-docx's ``DocumentPart.numbering_part`` is undocumented and creates an empty part when there is none;
    the part is found through ``Part.rels`` instead, so that reading a template never changes it.
    """
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype.endswith("/numbering"):
            root: etree._Element = rel.target_part.element
            return root
    return None
