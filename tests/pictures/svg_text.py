"""Read a chart picture's SVG as a person would: each text the picture draws, by what it is."""

from __future__ import annotations

from lxml import etree

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(data: bytes) -> dict[str, str]:
    """Return each drawn text of a picture's SVG by its id ('title', 'category-0', 'value-0', 'note'): the lines of
    a wrapped text joined by spaces, as the label reads."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    texts = {}
    for group in root.iter(f"{SVG}g"):
        name = group.get("id", "")
        lines = ["".join(text.itertext()) for text in group.iter(f"{SVG}text")]
        if lines and name.split("-")[0] in ("title", "category", "value", "note"):
            texts[name] = " ".join(lines)
    return texts


def every_text(data: bytes) -> list[str]:
    """Return every text element of an SVG, in order."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    return ["".join(text.itertext()) for text in root.iter(f"{SVG}text")]


def alt_texts(data: bytes) -> tuple[str, str]:
    """Return an SVG's <title> and <desc> (the root's own)."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    return (title.text or "" if title is not None else "", desc.text or "" if desc is not None else "")
