"""A deck already built, as zip entries: find its slides and their notes, and put new ones in their place.

A rebuild that changes a few slides keeps the rest of the last build's deck
as it is. The slides put in are drawn exactly as a full build would draw
them, under the part names the full build gave their places, so the result
is the same file a full build would write.
"""

from __future__ import annotations

import posixpath

from lxml import etree

from ..output.zipwriter import read_zip

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
NOTES_SLIDE, SLIDE, SLIDE_LAYOUT, NOTES_MASTER = (_RT + kind for kind in ("notesSlide", "slide", "slideLayout",
                                                                          "notesMaster"))


def read_entries(package: bytes) -> dict[str, bytes]:
    """Return a package's zip entries by name (their compressed form is kept for writing the package again)."""
    return read_zip(package)


def slide_parts(entries: dict[str, bytes]) -> list[str] | None:
    """Return the deck's slide part names in show order, or None if it has no readable presentation part."""
    try:
        presentation = etree.fromstring(entries["ppt/presentation.xml"])
    except (KeyError, etree.XMLSyntaxError):
        return None
    targets = relationships(entries, "ppt/presentation.xml")
    order = [slide_id.get(f"{{{_R}}}id") for slide_id in presentation.iter(f"{{{_P}}}sldId")]
    if any(rel_id not in targets for rel_id in order):
        return None
    return [targets[rel_id][1] for rel_id in order]


def related(entries: dict[str, bytes], part: str, rel_type: str) -> str | None:
    """Return the name of the part ``part`` relates to by ``rel_type``."""
    for kind, target in relationships(entries, part).values():
        if kind == rel_type:
            return target
    return None


def relationships(entries: dict[str, bytes], part: str) -> dict[str, tuple[str, str]]:
    """Return a part's relationships: id -> (type, target part name, or the address of an external one)."""
    rels = entries.get(_rels_name(part))
    if rels is None:
        return {}
    folder = posixpath.dirname(part)
    found = {}
    for rel in etree.fromstring(rels).iter(f"{{{_REL}}}Relationship"):
        target = rel.get("Target")
        if rel.get("TargetMode") != "External":
            target = posixpath.normpath(posixpath.join(folder, target))
        found[rel.get("Id")] = (rel.get("Type"), target)
    return found


def replace_slides(entries: dict[str, bytes], drawn: dict[str, bytes], places: dict[int, int]) -> bool:
    """Put slides of the deck ``drawn`` (its entries) in place of slides of ``entries``; return False if it cannot.

    ``places`` maps a slide's position in ``entries`` to the position of its
    replacement in ``drawn``. A replacement may relate only to its layout, its
    notes (which come with it) and external addresses: a slide with a chart or
    a picture is not replaced this way.
    """
    old_slides, new_slides = slide_parts(entries), slide_parts(drawn)
    if old_slides is None or new_slides is None:
        return False
    updates: dict[str, bytes] = {}
    for old_index, new_index in places.items():
        old_slide, new_slide = old_slides[old_index], new_slides[new_index]
        old_notes, new_notes = related(entries, old_slide, NOTES_SLIDE), related(drawn, new_slide, NOTES_SLIDE)
        if old_notes is None or new_notes is None:
            return False
        kinds = {kind for kind, _ in relationships(drawn, new_slide).values()}
        if not kinds <= {SLIDE_LAYOUT, NOTES_SLIDE, _RT + "hyperlink"}:
            return False
        if related(drawn, new_slide, SLIDE_LAYOUT) not in entries:
            return False
        updates[old_slide] = drawn[new_slide]
        updates[_rels_name(old_slide)] = _retarget(drawn[_rels_name(new_slide)], new_slide, {new_notes: old_notes},
                                                   old_slide)
        updates[old_notes] = drawn[new_notes]
        updates[_rels_name(old_notes)] = _retarget(drawn[_rels_name(new_notes)], new_notes, {new_slide: old_slide},
                                                   old_notes)
    entries.update(updates)
    return True


def _retarget(rels: bytes, part: str, renamed: dict[str, str], new_part: str) -> bytes:
    """Return a part's relationships, moved to ``new_part``, with targets in ``renamed`` renamed."""
    root = etree.fromstring(rels)
    folder, new_folder = posixpath.dirname(part), posixpath.dirname(new_part)
    for rel in root.iter(f"{{{_REL}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = posixpath.normpath(posixpath.join(folder, rel.get("Target")))
        rel.set("Target", posixpath.relpath(renamed.get(target, target), new_folder))
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")
