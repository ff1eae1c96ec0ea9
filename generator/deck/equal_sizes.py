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

from lxml import etree

from ..i18n import every_translation
from ..ooxml import DRAWING, PACKAGE_RELATIONSHIPS, PRESENTATION, RELATIONSHIPS
from ..output.files import zip_package
from .writer import CONTINUED_NOTES_PREFIX

NOTES_TYPE = RELATIONSHIPS + "/notesSlide"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)

Slide = list[list[etree._Element]]  # a slide's text boxes, each a list of its paragraphs


def set_at_equal_sizes(deck: bytes, others: Sequence[bytes]) -> bytes:
    """Return ``deck`` with each paragraph set no larger than the same paragraph in the ``others`` (the other
    versions of the same deck); ``deck`` itself when none is smaller."""
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        entries = {name: package.read(name) for name in package.namelist()}
        stamp = dt.datetime(*package.infolist()[0].date_time)
    own_trees = {name: etree.fromstring(entries[name], _PARSER) for name in _slide_names(entries)}
    own = _grouped(entries, own_trees)
    others_grouped = []
    for other in others:
        with zipfile.ZipFile(io.BytesIO(other)) as package:
            other_entries = {name: package.read(name) for name in package.namelist()}
        trees = {name: etree.fromstring(other_entries[name], _PARSER) for name in _slide_names(other_entries)}
        others_grouped.append(_grouped(other_entries, trees))
    changed = set()
    for name, paragraph, place in _paragraphs(own):
        own_size = _size(paragraph)
        matches = [match for grouped in others_grouped if (match := _same_place(grouped, *place)) is not None]
        smaller = [(size, match) for match in matches
                   if (size := _size(match)) is not None and own_size is not None and size < own_size]
        if smaller:
            _set_size_of(paragraph, min(smaller, key=lambda found: found[0])[1])
            changed.add(name)
    if not changed:
        return deck
    for name in changed:
        entries[name] = etree.tostring(own_trees[name], xml_declaration=True, encoding="UTF-8", standalone=True)
    return zip_package(entries, stamp)


def _paragraphs(grouped: list[list[tuple[str, Slide]]]
                ) -> Iterator[tuple[str, etree._Element, tuple[int, int, int, int]]]:
    """Yield each paragraph with its slide's part name and its place: planned slide, slide, text box, paragraph."""
    for group_index, group in enumerate(grouped):
        for slide_index, (name, boxes) in enumerate(group):
            for box_index, paragraphs in enumerate(boxes):
                for paragraph_index, paragraph in enumerate(paragraphs):
                    yield name, paragraph, (group_index, slide_index, box_index, paragraph_index)


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


def _grouped(entries: dict[str, bytes], trees: dict[str, etree._Element]) -> list[list[tuple[str, Slide]]]:
    """Return the slides grouped by the planned slide each draws: a continuation slide joins the one before."""
    groups: list[list[tuple[str, Slide]]] = []
    for name, tree in trees.items():
        boxes = [list(body.iter(f"{{{DRAWING}}}p")) for body in tree.iter(f"{{{PRESENTATION}}}txBody")]
        if groups and _continues(entries, name):
            groups[-1].append((name, boxes))
        else:
            groups.append([(name, boxes)])
    return groups


def _continues(entries: dict[str, bytes], slide: str) -> bool:
    """Return whether a slide's notes mark it as continuing the one before."""
    notes = list(_relationship_targets(entries, slide, NOTES_TYPE).values())
    if not notes:
        return False
    text = "".join(etree.fromstring(entries[notes[0]], _PARSER).itertext())
    return any(text.lstrip().startswith(mark.strip()) for mark in every_translation(CONTINUED_NOTES_PREFIX))


def _same_place(grouped: list[list[tuple[str, Slide]]], group: int, slide: int, box: int,
                paragraph: int) -> etree._Element | None:
    """Return the paragraph at the same place in another version: the nearest slide of the same planned slide
    (one version may continue over more slides), the same text box and paragraph; None when there is none."""
    if group >= len(grouped) or not grouped[group]:
        return None
    boxes = grouped[group][min(slide, len(grouped[group]) - 1)][1]
    if box >= len(boxes) or not boxes[box]:
        return None
    return boxes[box][min(paragraph, len(boxes[box]) - 1)]


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
