"""Text colours in a Word document against what they are printed on, read from the document itself.

Used by the build (on a comms team's template, whose styles may carry their
own colours: one that would not read is replaced in the briefing) and by
``check`` (on any briefing, however it was made).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docx.oxml.ns import qn
from docx.shared import RGBColor

from ..colour import MINIMUM_TEXT_CONTRAST, contrast_ratio
from ..library_internals import story_root

PAPER = "FFFFFF"
AUTOMATIC = "000000"  # Word's "automatic" text colour on white


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


def replace_illegible_style_colours(doc, text: str, heading: str, heading_styles: set[str]) -> list[str]:
    """Give every style the document's text uses (and the styles they are based on) a readable colour where its own
    reads at under 4.5:1 on the page: ``heading`` for ``heading_styles`` (style ids), ``text`` for the rest. Return
    one sentence per style changed, saying what was replaced.

    Only the briefing is changed, never the template file it was made from.
    """
    page = _page_colour(doc)
    styles = {style.style_id: style for style in doc.styles}
    used = {reference.get(qn("w:val")) for container in _containers(doc)
            for reference in container.iter(qn("w:pStyle"), qn("w:rStyle"))}
    chains = [styles[style_id] for style_id in sorted(used) if style_id in styles]
    chains += [style for style in doc.styles if style.name == "Normal"]  # a paragraph without a style is Normal's
    replaced: list[str] = []
    seen: set[str] = set()
    for style in chains:
        heading_chain = style.style_id in heading_styles
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            colour = _colour_of(style.element.rPr)
            if colour and contrast_ratio(colour, page) < MINIMUM_TEXT_CONTRAST:
                instead = _readable(heading if heading_chain else text, page)
                style.font.color.rgb = RGBColor.from_string(instead)  # drops the theme colour the style named too
                replaced.append(f"style '{style.name}' colours its text #{colour}, which reads at only "
                                f"{contrast_ratio(colour, page):.1f}:1 on #{page} (at least "
                                f"{MINIMUM_TEXT_CONTRAST:g}:1 is needed), so the briefing prints it in #{instead}")
            style = style.base_style
    return replaced


def _readable(preferred: str, page: str) -> str:
    """Return ``preferred`` if it reads on ``page``, else black or white, whichever reads better."""
    if contrast_ratio(preferred, page) >= MINIMUM_TEXT_CONTRAST:
        return preferred
    return max((AUTOMATIC, PAPER), key=lambda colour: contrast_ratio(colour, page))


def _containers(doc) -> list:
    """Return the body and each header and footer of the document's own."""
    containers = [doc.element.body]
    for section in doc.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous:
                containers.append(story_root(part))
    return containers


def _paragraphs(doc, page: str) -> Iterator:
    """Yield every paragraph of the body, headers and footers with the colour it is printed on."""
    for container in _containers(doc):
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
