"""Checks of a briefing: headings, alt text, title and language, reading time, page count, a near-empty last
page, and text colours against what they are printed on."""

from __future__ import annotations

import re

from docx import Document
from docx.oxml.ns import qn

from ..colour import MINIMUM_TEXT_CONTRAST, contrast_ratio
from .pdf import NEAR_EMPTY_LINES
from .rendered import Page

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
        lines = _body_lines(pages[-1]) if pages else 0
        if len(pages) > 1 and lines < NEAR_EMPTY_LINES and not _ends_with_a_form(doc):
            report.problems.append(f"the last page (page {len(pages)}) is nearly empty: {lines} "
                                   f"line{'s' if lines != 1 else ''} of text")
    report.problems.extend(colour_problems(doc))
    if not (doc.core_properties.title or "").strip():
        report.problems.append("no document title (File > Info > Title)")
    if not _style_language(doc):
        report.problems.append("no document language in the styles (w:lang)")
    if not any(p.style is not None and p.style.name.startswith("Heading") for p in doc.paragraphs):
        report.problems.append("no headings in Heading styles, so screen readers cannot navigate it")
    for number, shape in enumerate(doc.inline_shapes, start=1):
        descr = (shape._inline.docPr.get("descr") or "").strip()
        if len(descr) < 10:
            report.problems.append(f"picture {number} has no meaningful alt text")


def _style_language(doc) -> str:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}") if defaults is not None else None
    return lang.get(qn("w:val"), "") if lang is not None else ""


PAGE_MARGIN_PT = 40.0  # text nearer the page's edge than this is the header or footer
PAPER = "FFFFFF"
AUTOMATIC = "000000"  # Word's "automatic" text colour on white


def _body_lines(page: Page) -> int:
    """Return the number of lines of text on a page between its header and its footer."""
    tops = {round(word.top) for word in page.words
            if PAGE_MARGIN_PT < word.top and word.bottom < page.height - PAGE_MARGIN_PT}
    return len(tops)


def _ends_with_a_form(doc) -> bool:
    """Return whether the document ends in a table (the team record: a form to fill in, empty on purpose)."""
    blocks = [child for child in doc.element.body if child.tag != qn("w:sectPr")]
    return bool(blocks) and (blocks[-1].tag == qn("w:tbl") or (
        len(blocks) > 1 and blocks[-2].tag == qn("w:tbl") and not "".join(blocks[-1].itertext()).strip()))


def colour_problems(doc) -> list[str]:
    """Return one problem per text colour that reads at under 4.5:1 on what it is printed on.

    A run's colour is its own, else its character style's, else its paragraph
    style's (following each style's base), else the document default; it is
    printed on its table cell's or paragraph's shading, else on the page.
    """
    page = _page_colour(doc)
    default = _colour_of(doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"))
    styles = {style.style_id: style for style in doc.styles}
    found: dict[tuple[str, str], list[str]] = {}
    for paragraph, background in _paragraphs(doc, page):
        paragraph_style = _style_colour(styles, paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}"), "Normal")
        shading = _shading(paragraph.find(qn("w:pPr"))) or background
        for run in paragraph.iter(qn("w:r")):
            text = "".join(t.text or "" for t in run.iter(qn("w:t"))).strip()
            if not text:
                continue
            properties = run.find(qn("w:rPr"))
            colour = (_colour_of(properties)
                      or _style_colour(styles, properties.find(qn("w:rStyle")) if properties is not None else None)
                      or paragraph_style or default or AUTOMATIC)
            if contrast_ratio(colour, shading) < MINIMUM_TEXT_CONTRAST:
                found.setdefault((colour, shading), []).append(text)
    return [f"text in #{colour} on #{background} reads at only {contrast_ratio(colour, background):.1f}:1 (at "
            f"least {MINIMUM_TEXT_CONTRAST:g}:1 is needed), in {len(texts)} place{'s' if len(texts) != 1 else ''}, "
            f"first '{_shortened(texts[0])}'"
            for (colour, background), texts in found.items()]


def _paragraphs(doc, page: str):
    """Yield every paragraph of the body, headers and footers with the colour it is printed on."""
    containers = [doc.element.body]
    for section in doc.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous:
                containers.append(part._element)
    for container in containers:
        for paragraph in container.iter(qn("w:p")):
            cell = next((a for a in paragraph.iterancestors(qn("w:tc"))), None)
            cell_shading = _shading(cell.find(qn("w:tcPr"))) if cell is not None else None
            yield paragraph, cell_shading or page


def _page_colour(doc) -> str:
    background = doc.element.find(qn("w:background"))
    value = background.get(qn("w:color")) if background is not None else None
    return value.upper() if value and re.fullmatch(r"[0-9A-Fa-f]{6}", value) else PAPER


def _shading(properties) -> str | None:
    shading = properties.find(qn("w:shd")) if properties is not None else None
    fill = shading.get(qn("w:fill")) if shading is not None else None
    return fill.upper() if fill and re.fullmatch(r"[0-9A-Fa-f]{6}", fill) else None


def _colour_of(properties) -> str | None:
    colour = properties.find(qn("w:color")) if properties is not None else None
    value = colour.get(qn("w:val")) if colour is not None else None
    return value.upper() if value and re.fullmatch(r"[0-9A-Fa-f]{6}", value) else None


def _style_colour(styles: dict, reference, fallback_name: str = "") -> str | None:
    """Return the colour a style (or the styles it is based on) gives its text."""
    style = styles.get(reference.get(qn("w:val"))) if reference is not None else None
    if style is None and fallback_name:
        style = next((s for s in styles.values() if s.name == fallback_name), None)
    while style is not None:
        colour = _colour_of(style.element.rPr)
        if colour:
            return colour
        style = style.base_style
    return None


def _shortened(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
