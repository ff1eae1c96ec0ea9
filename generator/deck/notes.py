"""Speaker notes: written into a notes slide, and rewritten in a built deck without redrawing it.

Trainers edit their speaker notes more than anything else. Notes change
nothing a slide shows, so when only notes have changed since the last build
the deck on disk is kept and just its notes slides are rewritten: no
python-pptx, no text fitting. The same :func:`fill_notes` writes notes in a
full build, so both ways give the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from lxml import etree

from ..output.files import zip_package
from . import built

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NOTES_FIELDS = ("notes", "scene_notes", "themes_notes")  # model fields only the speaker notes show
CONTINUED_PREFIX = "(Continued from the previous slide.) "


def fill_notes(tx_body, text: str, language: str) -> None:
    """Replace a notes placeholder's paragraphs with ``text``: a paragraph per line, tagged with ``language``."""
    for paragraph in tx_body.findall(f"{{{_A}}}p"):
        tx_body.remove(paragraph)
    for line in text.split("\n"):
        paragraph = etree.SubElement(tx_body, f"{{{_A}}}p")
        for index, piece in enumerate(re.split("\v", line)):
            if index:
                etree.SubElement(paragraph, f"{{{_A}}}br")
            if piece:
                run = etree.SubElement(paragraph, f"{{{_A}}}r")
                etree.SubElement(run, f"{{{_A}}}rPr", lang=language)
                etree.SubElement(run, f"{{{_A}}}t").text = piece


def notes_text_body(notes_root):
    """Return the txBody of a notes slide's body placeholder (adding an empty one if it has none), or None."""
    for shape in notes_root.iter(f"{{{_P}}}sp"):
        ph = shape.find(f"{{{_P}}}nvSpPr/{{{_P}}}nvPr/{{{_P}}}ph")
        if ph is not None and ph.get("type") == "body":
            body = shape.find(f"{{{_P}}}txBody")
            if body is None:
                body = etree.SubElement(shape, f"{{{_P}}}txBody")
                etree.SubElement(body, f"{{{_A}}}bodyPr")
                etree.SubElement(body, f"{{{_A}}}lstStyle")
            return body
    return None


def rewrite_notes(package: bytes, notes: list[str], language: str, stamp: dt.datetime) -> bytes | None:
    """Return the deck ``package`` with slide n's notes set to ``notes[n]``, or None if it is not as expected."""
    entries = built.read_entries(package)
    slides = built.slide_parts(entries)
    if slides is None or len(slides) != len(notes):
        return None
    for slide, text in zip(slides, notes):
        part = built.related(entries, slide, built.NOTES_SLIDE)
        if part is None or part not in entries:
            return None
        root = etree.fromstring(entries[part])
        body = notes_text_body(root)
        if body is None:
            return None
        fill_notes(body, text, language)
        entries[part] = etree.tostring(root, encoding="UTF-8", standalone=True)
    return zip_package(entries, stamp, embedded_normalised=True)  # the last build normalised them


def without_notes(value):
    """Return a copy of a model value with every speaker-notes field emptied: what the slides themselves show."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: "" if f.name in NOTES_FIELDS else without_notes(getattr(value, f.name))
                   for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    if isinstance(value, list):
        return [without_notes(item) for item in value]
    if isinstance(value, dict):
        return {key: without_notes(item) for key, item in value.items()}
    return value
