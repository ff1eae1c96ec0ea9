"""A bilingual deck's versions set at the same type sizes.

The Welsh Language Standards ask that the Welsh version never comes second in size. Each version of a deck is
fitted on its own, and Welsh text, often longer, may need a smaller size; then each paragraph of each version is
set at the smallest size the same paragraph has in any version, so both read at one size. A smaller size always
still fits its box. Slides are matched by the planned slide they draw (a continuation slide, which the notes
mark, belongs with the one before), text boxes and paragraphs by their order.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lxml import etree

from ..i18n import every_translation
from ..ooxml import DRAWING, PACKAGE_RELATIONSHIPS, PRESENTATION, RELATIONSHIPS
from ..output.files import zip_package
from .writer import CONTINUED_NOTES_PREFIX

NOTES_TYPE = RELATIONSHIPS + "/notesSlide"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)

Boxes = list[list[etree._Element]]  # text boxes, each a list of its paragraphs
TITLE_TYPES = ("title", "ctrTitle")
NOT_MATCHED = ("ftr", "sldNum", "dt")  # the footer's parts: the same in every version, sized by the template


@dataclass
class Slide:
    """A slide's text: its title's boxes and its other text boxes (the body, columns, notes under charts), in
    order; the footer's parts are left out."""

    name: str
    title: Boxes
    body: Boxes

    def boxes(self, role: str) -> Boxes:
        return self.title if role == "title" else self.body


def set_at_equal_sizes(deck: bytes, others: Sequence[bytes]) -> bytes:
    """Return ``deck`` with each paragraph set no larger than the same paragraph in the ``others`` (the other
    versions of the same deck); ``deck`` itself when none is smaller."""
    entries, stamp = _entries(deck)
    own = _grouped(entries)
    others_grouped = [_grouped(_entries(other)[0]) for other in others]
    changed = {}
    for slide, paragraph, place in _paragraphs(own):
        own_size = _size(paragraph)
        own_boxes = len(slide.boxes(place[2]))
        matches = [match for grouped in others_grouped
                   if (match := _same_place(grouped, place, own_boxes)) is not None]
        smaller = [(size, match) for match in matches
                   if (size := _size(match)) is not None and own_size is not None and size < own_size]
        if smaller:
            _set_size_of(paragraph, min(smaller, key=lambda found: found[0])[1])
            changed[slide.name] = paragraph.getroottree()
    if not changed:
        return deck
    for name, tree in changed.items():
        entries[name] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
    return zip_package(entries, stamp)


def _entries(deck: bytes) -> tuple[dict[str, bytes], dt.datetime]:
    """Return a package's parts by name, and the time its entries were stamped with."""
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        return ({name: package.read(name) for name in package.namelist()},
                dt.datetime(*package.infolist()[0].date_time))


Place = tuple[int, int, str, int, int]  # planned slide, slide within it, role ('title' or 'body'), box, paragraph


def _paragraphs(grouped: list[list[Slide]]) -> Iterator[tuple[Slide, etree._Element, Place]]:
    """Yield each paragraph with its slide and its place."""
    for group_index, group in enumerate(grouped):
        for slide_index, slide in enumerate(group):
            for role in ("title", "body"):
                for box_index, paragraphs in enumerate(slide.boxes(role)):
                    for paragraph_index, paragraph in enumerate(paragraphs):
                        yield slide, paragraph, (group_index, slide_index, role, box_index, paragraph_index)


def _slide_names(entries: dict[str, bytes]) -> list[str]:
    """Return the slides' part names in the deck's order."""
    presentation = etree.fromstring(entries["ppt/presentation.xml"], _PARSER)
    targets = _relationship_targets(entries, "ppt/presentation.xml")
    return [targets[slide_id.get(f"{{{RELATIONSHIPS}}}id")]
            for slide_id in presentation.iter(f"{{{PRESENTATION}}}sldId")]


def _relationship_targets(entries: dict[str, bytes], part: str, kind: str = "") -> dict[str, str]:
    folder, name = posixpath.split(part)
    rels = etree.fromstring(entries[f"{folder}/_rels/{name}.rels"], _PARSER)
    return {rel.get("Id"): posixpath.normpath(posixpath.join(folder, rel.get("Target")))
            for rel in rels.iter(f"{{{PACKAGE_RELATIONSHIPS}}}Relationship") if not kind or rel.get("Type") == kind}


def _grouped(entries: dict[str, bytes]) -> list[list[Slide]]:
    """Return the slides grouped by the planned slide each draws: a continuation slide joins the one before."""
    groups: list[list[Slide]] = []
    for name in _slide_names(entries):
        tree = etree.fromstring(entries[name], _PARSER)
        slide = Slide(name, [], [])
        for shape in tree.iter(f"{{{PRESENTATION}}}sp"):
            body = shape.find(f"{{{PRESENTATION}}}txBody")
            if body is None:
                continue
            placeholder = shape.find(f"{{{PRESENTATION}}}nvSpPr/{{{PRESENTATION}}}nvPr/{{{PRESENTATION}}}ph")
            kind = placeholder.get("type", "body") if placeholder is not None else "body"
            if kind not in NOT_MATCHED:
                slide.boxes("title" if kind in TITLE_TYPES else "body").append(
                    list(body.iter(f"{{{DRAWING}}}p")))
        if groups and _continues(entries, name):
            groups[-1].append(slide)
        else:
            groups.append([slide])
    return groups


def _continues(entries: dict[str, bytes], slide: str) -> bool:
    """Return whether a slide's notes mark it as continuing the one before."""
    notes = list(_relationship_targets(entries, slide, NOTES_TYPE).values())
    if not notes:
        return False
    text = "".join(etree.fromstring(entries[notes[0]], _PARSER).itertext())
    return any(text.lstrip().startswith(mark.strip()) for mark in every_translation(CONTINUED_NOTES_PREFIX))


def _same_place(grouped: list[list[Slide]], place: Place, own_boxes: int) -> etree._Element | None:
    """Return the paragraph at the same place in another version: on the nearest slide of the same planned slide
    (one version may continue over more slides), in the same box of the same role, the same paragraph. Where the
    versions laid the slide out differently (``own_boxes``, the number of boxes of that role on the slide, differs:
    one set in two columns, say), the other's smallest paragraph of that role; None when there is none."""
    group, slide, role, box, paragraph = place
    if group >= len(grouped) or not grouped[group]:
        return None
    boxes = grouped[group][min(slide, len(grouped[group]) - 1)].boxes(role)
    if len(boxes) != own_boxes:
        return min((p for paragraphs in boxes for p in paragraphs if _size(p) is not None),
                   key=lambda p: _size(p) or 0, default=None)
    if box < len(boxes) and boxes[box]:
        return boxes[box][min(paragraph, len(boxes[box]) - 1)]
    return None


def _size(paragraph: etree._Element) -> int | None:
    """Return a paragraph's size in hundredths of a point (its runs share one), or None when it sets none."""
    run = paragraph.find(f".//{{{DRAWING}}}rPr[@sz]")
    return int(run.get("sz")) if run is not None else None


def _set_size_of(paragraph: etree._Element, like: etree._Element) -> None:
    """Set a paragraph's runs, and its space before, as ``like`` sets them (the same paragraph, smaller)."""
    size = str(_size(like))
    for properties in paragraph.iter(f"{{{DRAWING}}}rPr", f"{{{DRAWING}}}endParaRPr"):
        if properties.get("sz") is not None:
            properties.set("sz", size)
    space, like_space = (element.find(f"{{{DRAWING}}}pPr/{{{DRAWING}}}spcBef/{{{DRAWING}}}spcPts")
                         for element in (paragraph, like))
    if space is not None and like_space is not None:
        space.set("val", like_space.get("val", "0"))
