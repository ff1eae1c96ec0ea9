"""Find slide layouts by name and placeholders by type, in any template.

Layouts are never picked by position: a comms team's template may order or
name them differently, so each slide kind has a list of layout names to try,
and placeholders are matched by their type.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from ..ooxml import DRAWING, PRESENTATION, tag

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)
FOOTER_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
FOOTER_SIZE = 12
_SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height

    def columns(self, count: int, gap: int, weights: list[float] | None = None) -> list["Box"]:
        """Return ``count`` side-by-side boxes filling this one, ``gap`` apart, widths in proportion to ``weights``."""
        weights = weights or [1.0] * count
        usable = self.width - gap * (count - 1)
        boxes, left = [], self.left
        for weight in weights:
            width = int(usable * weight / sum(weights))
            boxes.append(Box(left, self.top, width, self.height))
            left += width + gap
        return boxes

    def split(self, fraction: float, gap: int) -> tuple["Box", "Box"]:
        """Return a left box of ``fraction`` of the width and a right box with the rest."""
        left_width = int((self.width - gap) * fraction)
        return (Box(self.left, self.top, left_width, self.height),
                Box(self.left + left_width + gap, self.top, self.width - left_width - gap, self.height))


def box_of(shape) -> Box:
    """Return the shape's rectangle (inherited from its layout when the slide does not set it)."""
    return Box(int(shape.left), int(shape.top), int(shape.width), int(shape.height))


def layout_candidates(kind: str, overrides: dict[str, str] | None = None) -> list[str]:
    """Return the layout names that can serve a slide kind, the data's own choice first."""
    from .kinds import all_kinds

    chosen = (overrides or {}).get(kind)
    return ([chosen] if chosen else []) + list(all_kinds()[kind].layouts)


def find_layout(prs, candidates: tuple[str, ...], chosen: str | None = None):
    """Return the first layout named ``chosen`` or in ``candidates`` that the template has, else its first layout."""
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    for name in ([chosen] if chosen else []) + list(candidates):
        if name in by_name:
            return by_name[name]
    return prs.slide_layouts[0]


def placeholder(container, types):
    """Return the first placeholder of one of ``types`` in a slide or layout, or None."""
    for shape in container.placeholders:
        if shape.placeholder_format.type in types:
            return shape
    return None


def shows_all_caps(slide, shape) -> bool:
    """Return whether the layout or master draws this placeholder's text in capitals (cap="all")."""
    kind = shape.placeholder_format.type
    sources = [placeholder(slide.slide_layout, (kind,)), placeholder(slide.slide_layout.slide_master, (kind,))]
    for source in sources:
        if source is not None:
            caps = source.element.xpath("./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/@cap")
            if caps:
                return caps[0] == "all"
    style = "titleStyle" if kind in TITLE_TYPES else "bodyStyle"
    caps = slide.slide_layout.slide_master.element.xpath(f"./p:txStyles/p:{style}/a:lvl1pPr/a:defRPr/@cap")
    return bool(caps) and caps[0] == "all"


def remove_shape(shape) -> None:
    """Remove a shape (such as an unused placeholder) from its slide."""
    element = shape.element
    element.getparent().remove(element)


def content_area(prs, slide) -> Box:
    """Return the area between the slide's title and its footer, where content goes."""
    margin = Emu(457200 // 2)
    title = placeholder(slide, TITLE_TYPES)
    top = box_of(title).bottom + margin // 2 if title is not None else margin
    footer = placeholder(slide.slide_layout, FOOTER_TYPES) or placeholder(slide.slide_layout.slide_master,
                                                                         FOOTER_TYPES)
    bottom = box_of(footer).top - margin // 4 if footer is not None else prs.slide_height - margin
    left = box_of(title).left if title is not None else margin
    width = box_of(title).width if title is not None else prs.slide_width - 2 * margin
    return Box(left, top, width, bottom - top)


def footer_sources(layout) -> list:
    """Return the layout's footer and slide-number placeholders as (type, element) pairs, in that order."""
    found = []
    for ph_type in FOOTER_TYPES:
        source = placeholder(layout, (ph_type,))
        if source is not None:
            found.append((ph_type, source.element))
    return found


def add_footer(slide, sources: list, footer_text: str, number: int) -> None:
    """Copy the layout's footer and slide-number placeholders (``footer_sources``) onto the slide and fill them."""
    for ph_type, source in sources:
        element = copy.deepcopy(source)
        slide.shapes.element.append(element)
        _set_text_keep_style(element.find(tag(PRESENTATION, "txBody")), footer_text if ph_type == PP_PLACEHOLDER.FOOTER else None,
                             number)


def _set_text_keep_style(body, text: str | None, number: int) -> None:
    paragraphs = body.findall(f"{{{DRAWING}}}p")
    for extra in paragraphs[1:]:
        body.remove(extra)
    paragraph = paragraphs[0]
    for child in list(paragraph):
        if child.tag != f"{{{DRAWING}}}pPr":
            paragraph.remove(child)
    if text is not None:
        run = etree.SubElement(paragraph, f"{{{DRAWING}}}r")
    else:
        run = etree.SubElement(paragraph, f"{{{DRAWING}}}fld", id=_SLIDE_NUMBER_FIELD_ID, type="slidenum")
    run_properties = etree.SubElement(run, f"{{{DRAWING}}}rPr", lang="en-GB", sz=str(FOOTER_SIZE * 100))
    # Footer placeholders in many templates name no font; LibreOffice then falls back to a serif.
    etree.SubElement(run_properties, f"{{{DRAWING}}}latin", typeface="+mn-lt")
    etree.SubElement(run, f"{{{DRAWING}}}t").text = text if text is not None else str(number)
