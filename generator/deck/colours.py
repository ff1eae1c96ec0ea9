"""Work out the colour a slide's text is drawn in, and the colour behind it.

PowerPoint resolves colours through a chain (run, shape, layout placeholder,
master text styles) and through the theme's colour scheme; this follows the
same chain for the cases our decks and ordinary templates use.
"""

from __future__ import annotations

import colorsys
from typing import Any

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER

from ..colour import channels, to_hex, to_linear, to_srgb
from ..library_internals import theme_xml
from ..ooxml import DRAWING as A
from ..ooxml import PRESENTATION as P

NS = {"a": A, "p": P}
_TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_OTHER_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)


class DeckColours:
    """Colour resolution for one presentation (its first master's theme and colour map)."""

    def __init__(self, prs):
        master = prs.slide_master
        theme = etree.fromstring(theme_xml(master))
        self.scheme = {}
        for slot in theme.find(".//a:clrScheme", NS):
            value = slot[0]
            self.scheme[etree.QName(slot).localname] = value.get("lastClr") or value.get("val")
        colour_map = master.element.find("p:clrMap", NS)
        self.colour_map = dict(colour_map.attrib) if colour_map is not None else {}
        self.master = master
        # The text properties a shape's runs inherit, by shape and list level: found once for all its runs (a
        # layout's and the master's placeholders are looked up by the shape's kind, which takes a while).
        self._inherited: dict[tuple[Any, int], list[Any]] = {}
        self._placeholders: dict[tuple[Any, Any, Any], Any] = {}  # (layout or master, kind, idx) -> its element

    def resolve(self, element) -> str | None:
        """Return the 'RRGGBB' colour of an a:solidFill (or a colour element), or None."""
        if element is None:
            return None
        if etree.QName(element).localname == "solidFill":
            element = element[0] if len(element) else None
            if element is None:
                return None
        name = etree.QName(element).localname
        if name == "srgbClr":
            base = element.get("val")
        elif name == "sysClr":
            base = element.get("lastClr")
        elif name == "schemeClr":
            key = element.get("val")
            base = self.scheme.get(self.colour_map.get(key, key))
        else:
            return None
        return _transform(base, element) if base else None

    def scheme_colour(self, slot: str) -> str | None:
        """Return the 'RRGGBB' colour of a scheme slot ('dk1', 'lt2', 'accent1'), or None when the theme lacks it."""
        return self.scheme.get(slot)

    def text_colour(self, shape, paragraph, run) -> str:
        """Return the colour a run is drawn in; ``paragraph`` and ``run`` are a:p and a:r elements of the
        shape's (python-pptx's own paragraph and run objects keep their XML private)."""
        ppr = paragraph.find("a:pPr", NS)
        level = int(ppr.get("lvl", "0")) if ppr is not None else 0
        key = (shape.element, level)
        if key not in self._inherited:
            self._inherited[key] = list(_shape_property_chain(shape, level, self.master, self._placeholder))
        for rpr in _run_property_chain(paragraph, run, self._inherited[key]):
            fill = rpr.find("a:solidFill", NS) if rpr is not None else None
            if fill is not None:
                colour = self.resolve(fill)
                if colour:
                    return colour
        return self.scheme.get(self.colour_map.get("tx1", "dk1"), "000000")

    def _placeholder(self, container, own):
        """Return the element of the placeholder of a layout or master that a placeholder inherits from, or None
        (``own``: its placeholder_format)."""
        key = (container.element, own.type, own.idx)
        if key not in self._placeholders:
            found = _matching_placeholder(container, own.type, own.idx)
            self._placeholders[key] = found.element if found is not None else None
        return self._placeholders[key]

    def background(self, slide, shape) -> str | None:
        """Return the colour behind a shape's text: its own fill, else the slide's background."""
        sp_pr = shape.element.find("p:spPr", NS)
        fill = sp_pr.find("a:solidFill", NS) if sp_pr is not None else None
        if fill is not None:
            return self.resolve(fill)
        return self.slide_background(slide)

    def slide_background(self, slide) -> str:
        """Return the colour of the slide's own background (its layout's, else its master's, when it sets none)."""
        for owner in (slide, slide.slide_layout, slide.slide_layout.slide_master):
            bg = owner.element.find("p:cSld/p:bg", NS)
            if bg is None:
                continue
            colour_element = bg.find("p:bgPr/a:solidFill", NS)
            if colour_element is None:
                ref = bg.find("p:bgRef", NS)
                colour_element = ref[0] if ref is not None and len(ref) else None
            colour = self.resolve(colour_element)
            if colour:
                return colour
        return self.scheme.get(self.colour_map.get("bg1", "lt1"), "FFFFFF")


def _run_property_chain(paragraph, run, inherited):
    """Yield a run's text properties, nearest first: its own, its paragraph's, then those its shape inherits."""
    yield run.find("a:rPr", NS)
    ppr = paragraph.find("a:pPr", NS)
    yield ppr.find("a:defRPr", NS) if ppr is not None else None
    yield from inherited


def _shape_property_chain(shape, level, master, placeholder):
    """Yield the text properties the runs of a shape at list ``level`` inherit: the shape's list style, its layout
    placeholder's, its master placeholder's (``placeholder(container, its placeholder_format)`` finds them), then the master's text
    style."""
    yield from _list_style_chain(shape.element, level)
    if shape.is_placeholder:
        own = shape.placeholder_format  # each look-up of it searches the shape's XML afresh: read once
        kind = own.type
        for container in (shape.part.slide_layout, master):
            inherited = placeholder(container, own)
            if inherited is not None:
                yield from _list_style_chain(inherited, level)
        style = "titleStyle" if kind in _TITLE_TYPES else "otherStyle" if kind in _OTHER_TYPES else "bodyStyle"
    else:
        style = "otherStyle"
    yield master.element.find(f"p:txStyles/p:{style}/a:lvl{level + 1}pPr/a:defRPr", NS)


def _list_style_chain(element, level):
    yield element.find(f"p:txBody/a:lstStyle/a:lvl{level + 1}pPr/a:defRPr", NS)


def _matching_placeholder(container, kind, idx):
    """Return the placeholder of a layout or master that one of ``kind`` and ``idx`` inherits from, or None."""
    candidates = []  # each with its placeholder_format, read once
    for candidate in container.placeholders:
        found = candidate.placeholder_format
        if found.idx == idx and idx != 0:
            return candidate
        candidates.append((candidate, found))
    for candidate, found in candidates:
        same_title = kind in _TITLE_TYPES and found.type in _TITLE_TYPES
        if found.type == kind or same_title:
            return candidate
    return None


def _transform(hex_colour: str, element) -> str:
    r, g, b = channels(hex_colour)
    for change in element:
        name, value = etree.QName(change).localname, int(change.get("val", "100000")) / 100000
        if name == "tint":  # applied in linear light, as PowerPoint and LibreOffice draw it
            r, g, b = (to_srgb(to_linear(c) * value + (1 - value)) for c in (r, g, b))
        elif name == "shade":
            r, g, b = (to_srgb(to_linear(c) * value) for c in (r, g, b))
        elif name in ("lumMod", "lumOff"):
            h, lum, s = colorsys.rgb_to_hls(r, g, b)
            lum = lum * value if name == "lumMod" else min(1.0, lum + value)
            r, g, b = colorsys.hls_to_rgb(h, lum, s)
    return to_hex(r, g, b)
