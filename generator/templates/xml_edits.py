"""Cutting elements out of a part's XML: those naming a dropped relationship (and the containers they leave
empty), PowerPoint's sections' dropped slides, embedded font lists, a Word template's sample body, and the
instructions of Word fields that fetch or run something."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..ooxml import DRAWING as A, PRESENTATION as P, RELATIONSHIPS as RELATIONSHIPS_NAMESPACE, WORD as W

P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
RELATIONSHIP_ID = f"{{{RELATIONSHIPS_NAMESPACE}}}"
# Elements that are only a wrapper round text: when their link goes, their text stays.
_UNWRAPPED = frozenset({f"{{{W}}}hyperlink"})
# Containers that mean nothing (or are invalid) once the last element using a dropped link is gone.
_EMPTIED = frozenset({f"{{{A}}}ext", f"{{{A}}}extLst", f"{{{P}}}ext", f"{{{P}}}extLst", f"{{{P}}}controls",
                      f"{{{P}}}custDataLst", f"{{{A}}}graphicData"})
_FRAMES = frozenset({f"{{{P}}}graphicFrame", f"{{{A}}}graphicFrame"})
# Word fields that fetch or run something outside the document when it is opened or updated.
RUNNING_FIELDS = frozenset({"DDE", "DDEAUTO", "INCLUDETEXT", "INCLUDEPICTURE", "INCLUDE", "IMPORT", "LINK",
                            "MACROBUTTON", "AUTOTEXT", "AUTOTEXTLIST", "DATABASE",
                            # A link to anywhere: other links' targets are dropped with their relationships.
                            "HYPERLINK"})
# The parents of attributes in the relationships namespace: the fastest of the XPath spellings tried, by far.
_USING_RELATIONSHIPS = etree.XPath("//@r:*/..", namespaces={"r": RELATIONSHIPS_NAMESPACE})


def elements_using_relationships(root: etree._Element) -> list[etree._Element]:
    """Return every element with an attribute naming a relationship (r:id, r:embed...), found by libxml2's XPath."""
    return _USING_RELATIONSHIPS(root)


def drop_references(using: list[etree._Element], kept_ids: set[str]) -> bool:
    """Remove each element of ``using`` that names a relationship not kept; return whether any was removed."""
    doomed = [element for element in using
              if any(key.startswith(RELATIONSHIP_ID) and value not in kept_ids
                     for key, value in element.attrib.items())]
    for element in doomed:
        if element.tag in _UNWRAPPED:
            unwrap(element)
        else:
            remove(element)
    return bool(doomed)


def remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    detach(element)
    while parent is not None and parent.tag in _EMPTIED and len(parent) == 0:
        grandparent = parent.getparent()
        if parent.tag == f"{{{A}}}graphicData":
            frame = next((ancestor for ancestor in parent.iterancestors() if ancestor.tag in _FRAMES), None)
            if frame is not None:
                remove(frame)
                return
        if grandparent is None:
            return
        detach(parent)
        parent = grandparent


def detach(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def drop_sections_slides(root: etree._Element) -> bool:
    """Remove the dropped slides from PowerPoint's sections, which name slides by number: PowerPoint would repair."""
    slides = {element.get("id") for element in root.iter(f"{{{P}}}sldId")}
    gone = [element for element in root.iter(f"{{{P14}}}sldId") if element.get("id") not in slides]
    for element in gone:
        detach(element)
    return bool(gone)


def drop_embedded_fonts(root: etree._Element) -> bool:
    """Remove the list of embedded fonts, whose font parts are never taken from a template."""
    lists = root.findall(f"{{{P}}}embeddedFontLst")
    for element in lists:
        detach(element)
    return bool(lists)


def clear_body(root: etree._Element) -> bool:
    """Remove a Word template's sample content, keeping its section settings (headers, footers, page)."""
    body = root.find(f"{{{W}}}body")
    if body is None:
        return False
    sample = [child for child in body if child.tag != f"{{{W}}}sectPr"]
    for child in sample:
        body.remove(child)
    return bool(sample)


def running_field_instructions(root: etree._Element) -> Iterator[str]:
    """Empty the instruction of every field that fetches or runs something; yield each instruction emptied."""
    for simple in list(root.iter(f"{{{W}}}fldSimple")):
        instruction = simple.get(f"{{{W}}}instr") or ""
        if _field_name(instruction) in RUNNING_FIELDS:
            unwrap(simple)
            yield instruction.strip()
    open_fields: list[list[etree._Element]] = []
    for element in list(root.iter(f"{{{W}}}fldChar", f"{{{W}}}instrText")):
        if element.tag == f"{{{W}}}instrText":
            if open_fields:
                open_fields[-1].append(element)
            continue
        kind = element.get(f"{{{W}}}fldCharType")
        if kind == "begin":
            open_fields.append([])
        elif kind in ("separate", "end") and open_fields:
            pieces = open_fields[-1]
            instruction = "".join(piece.text or "" for piece in pieces)
            if _field_name(instruction) in RUNNING_FIELDS:
                for piece in pieces:
                    piece.text = ""
                yield instruction.strip()
            pieces.clear()
            if kind == "end":
                open_fields.pop()


def _field_name(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper() if words else ""
