"""Checks of a briefing: headings, alt text, title and language, reading time, page count."""

from __future__ import annotations

import re

from docx import Document
from docx.oxml.ns import qn

WORDS_PER_MINUTE = 200
MAX_WORDS = 1400
MAX_PAGES = 2


def check_briefing(path, pages, report) -> None:
    """Fill ``report`` with the briefing's facts and problems; ``pages`` is its LibreOffice rendering or None."""
    doc = Document(str(path))
    words = sum(len(re.findall(r"\S+", p.text)) for p in doc.paragraphs)
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    report.facts.append(f"{words} words, about {minutes} minute{'s' if minutes != 1 else ''} to read")
    if words > MAX_WORDS:
        report.problems.append(f"{words} words: {words - MAX_WORDS} more than the {MAX_WORDS} readable in seven "
                               "minutes")
    if pages is not None:
        report.facts.append(f"{len(pages)} page{'s' if len(pages) != 1 else ''} in LibreOffice")
        if len(pages) > MAX_PAGES:
            report.problems.append(f"{len(pages)} pages; a seven-minute briefing should fit on {MAX_PAGES}")
    if not (doc.core_properties.title or "").strip():
        report.problems.append("no document title (File > Info > Title)")
    if not _style_language(doc):
        report.problems.append("no document language in the styles (w:lang)")
    if not any(p.style.name.startswith("Heading") for p in doc.paragraphs):
        report.problems.append("no headings in Heading styles, so screen readers cannot navigate it")
    for number, shape in enumerate(doc.inline_shapes, start=1):
        descr = (shape._inline.docPr.get("descr") or "").strip()
        if len(descr) < 10:
            report.problems.append(f"picture {number} has no meaningful alt text")


def _style_language(doc) -> str:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}") if defaults is not None else None
    return lang.get(qn("w:val"), "") if lang is not None else ""
