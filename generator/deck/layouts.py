"""Find slide layouts by name and placeholders by type, in any template.

Layouts are never picked by position: a comms team's template may order or
name them differently, so each slide kind has a list of layout names to try,
and placeholders are matched by their type.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from ..ooxml import DRAWING, EMU_PER_POINT, PRESENTATION, tag
from ..slide_kinds import SLIDE_KINDS

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)
FOOTER_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
FOOTER_SIZE = 12
FOOTER_INSET = Emu(91440)  # a text box's default left and right inset
FOOTER_GAP = Emu(114300)  # between a widened footer and the slide number
FOOTER_MARGIN = Emu(457200)  # a widened footer keeps this far from the slide's edge
COLUMN_GAP = Emu(228600)  # between side-by-side boxes: columns of text, charts
_OWN_POSITION = f"{{{PRESENTATION}}}spPr/{{{DRAWING}}}xfrm"  # a shape's own position and size, when it sets them
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
    chosen = (overrides or {}).get(kind)
    return ([chosen] if chosen else []) + list(SLIDE_KINDS[kind].layouts)


DIVIDER_WORDS = ("section", "divider")
# What a layout's placeholders make it, when its type says nothing: a centred title is a cover or divider.
_PLACEHOLDER_KINDS = {"title": "title", "secHead": "secHead", "titleOnly": "titleOnly", "obj": "obj"}


@dataclass(frozen=True)
class LayoutChoice:
    """The layout a slide kind is drawn on, and, when none has a name the build knows, why this one."""

    layout: Any
    fallback: str = ""  # '' when the layout was found by name; else what the warning says about it


def find_layout(prs, candidates: tuple[str, ...], chosen: str | None = None):
    """Return the first layout named ``chosen`` or in ``candidates`` that the template has, else the closest by
    its type and placeholders (see :func:`choose_layout`)."""
    return choose_layout(prs, candidates, chosen).layout


def choose_layout(prs, candidates: tuple[str, ...], chosen: str | None = None, kind: str = "") -> LayoutChoice:
    """Return the layout for a slide kind: the data's choice or the kind's usual layout, by name; else the
    template's own layout whose type (kept when a layout is renamed) or placeholders suit the kind best; else the
    kind's other usual names, else the template's first layout. Anything but the first two says so."""
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    for name in ([chosen] if chosen else []) + list(candidates[:1]):
        if name in by_name:
            return LayoutChoice(by_name[name])
    proposed = propose_layout(prs, kind) if kind else None
    if proposed is not None:
        layout, how = proposed, "suits them by its type and placeholders"
    else:
        layout = next((by_name[name] for name in candidates if name in by_name), prs.slide_layouts[0])
        how = "is the closest by name" if layout.name in candidates else "is the template's first layout"
    wanted = f"'{chosen}' (theme.layouts.{kind}) or '{candidates[0]}'" if chosen else repr(candidates[0])
    return LayoutChoice(layout, f"the template has no layout named {wanted} for {kind or 'these'} slides, so they "
                                f"are drawn on '{layout.name}', which {how}; to choose, set theme.layouts.{kind} to "
                                "one of the template's layout names")


def propose_layout(prs, kind: str):
    """Return the template's layout that best serves a slide kind by what it is, not what it is called: its
    declared type first, then the placeholders it holds; None when none suits."""
    wanted = SLIDE_KINDS[kind].layout_types if kind in SLIDE_KINDS else ()
    found: dict[str, Any] = {}
    for layout in prs.slide_layouts:
        found.setdefault(layout_type(layout), layout)
    return next((found[name] for name in wanted if name in found), None)


def layout_type(layout) -> str:
    """Return what a layout is: its declared type ('secHead', 'titleOnly', 'obj'...), else worked out from its
    placeholders (a centred title makes a title slide; a title and a body make 'obj'; a title alone 'titleOnly')."""
    declared = layout.element.get("type")
    if declared in _PLACEHOLDER_KINDS or declared == "tx":
        return declared
    if any(word in layout.name.casefold() for word in DIVIDER_WORDS):  # a custom layout named for what it is
        return "secHead"
    types = {shape.placeholder_format.type for shape in layout.placeholders}
    if PP_PLACEHOLDER.CENTER_TITLE in types:
        return "title"
    if PP_PLACEHOLDER.TITLE in types:
        return "obj" if types & set(BODY_TYPES) else "titleOnly"
    return declared or ""


def proposed_layouts(prs) -> dict[str, str]:
    """Return, for each slide kind no layout name serves, the template's layout proposed for it: the `layouts:`
    mapping check-template suggests."""
    names = {layout.name for layout in prs.slide_layouts}
    proposals = {}
    for kind, declared in SLIDE_KINDS.items():
        if declared.layouts[0] in names:
            continue
        layout = propose_layout(prs, kind)
        if layout is not None and layout.name not in declared.layouts:  # one of its usual names: nothing to set
            proposals[kind] = layout.name
    return proposals


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
    title_shape = placeholder(slide, TITLE_TYPES)
    # Measured once: an inherited position is looked up through the layout and master for each of its values.
    title = box_of(title_shape) if title_shape is not None else None
    top = title.bottom + margin // 2 if title is not None else margin
    footer = _footer_above(slide)
    bottom = footer.top - margin // 4 if footer is not None else prs.slide_height - margin
    left = title.left if title is not None else margin
    width = title.width if title is not None else prs.slide_width - 2 * margin
    return Box(left, top, width, bottom - top)


def _footer_above(slide) -> Box | None:
    """Return the box of the footer or slide number that content stays above: the layout's, else the master's."""
    layout = slide.slide_layout
    footer = placeholder(layout, FOOTER_TYPES)
    if footer is not None:
        return _footer_box(layout, footer, footer.placeholder_format.type)
    footer = placeholder(layout.slide_master, FOOTER_TYPES)
    return box_of(footer) if footer is not None else None


@dataclass(frozen=True)
class FooterSource:
    """A layout's footer or slide-number placeholder: its type, its XML (copied onto each slide) and its box."""

    kind: PP_PLACEHOLDER
    element: Any  # an lxml element (lxml ships no types)
    box: Box


def footer_sources(layout) -> list[FooterSource]:
    """Return the layout's footer and slide-number placeholders, in that order."""
    found = []
    for ph_type in FOOTER_TYPES:
        source = placeholder(layout, (ph_type,))
        if source is not None:
            found.append(FooterSource(ph_type, source.element, _footer_box(layout, source, ph_type)))
    return found


def _footer_box(layout, source, ph_type) -> Box:
    """Return a layout's footer or slide-number placeholder's box. One that sets no position of its own sits where
    the master's placeholder of its type does (python-pptx's rule for these types): it is measured there directly,
    where python-pptx would search the master's shapes again for each of the four values."""
    if source.element.find(_OWN_POSITION) is None:
        inherited = placeholder(layout.slide_master, (ph_type,))
        if inherited is not None:
            return box_of(inherited)
    return box_of(source)


def footer_box(sources: list[FooterSource], slide_width: int, text_width_pt: float) -> Box | None:
    """Return a wider box for a footer whose text (``text_width_pt`` wide) would wrap in its own, or None when
    it fits as it is. The box keeps its centre and grows up to the slide's margin and the slide number."""
    footer = next((s for s in sources if s.kind == PP_PLACEHOLDER.FOOTER), None)
    if footer is None or text_width_pt * EMU_PER_POINT + 2 * FOOTER_INSET <= footer.box.width:
        return None
    number = next((s for s in sources if s.kind == PP_PLACEHOLDER.SLIDE_NUMBER), None)
    centre = footer.box.left + footer.box.width // 2
    right_limit = number.box.left - FOOTER_GAP if number is not None and number.box.left > centre else \
        slide_width - FOOTER_MARGIN
    half = max(footer.box.width // 2, min(centre - FOOTER_MARGIN, right_limit - centre))
    return Box(centre - half, footer.box.top, 2 * half, footer.box.height)


def add_footer(slide, sources: list[FooterSource], footer_text: str, number: int,
               footer_at: Box | None = None) -> None:
    """Copy the layout's footer and slide-number placeholders (``footer_sources``) onto the slide and fill them;
    ``footer_at`` moves the footer to a wider box (see :func:`footer_box`)."""
    for source in sources:
        element = copy.deepcopy(source.element)
        slide.shapes.element.append(element)
        is_footer = source.kind == PP_PLACEHOLDER.FOOTER
        _set_text_keep_style(element.find(tag(PRESENTATION, "txBody")), footer_text if is_footer else None,
                             number)
        if is_footer and footer_at is not None:
            _place(element, footer_at)


def _place(element, box: Box) -> None:
    """Give a copied placeholder its own position and size (the layout's is inherited otherwise)."""
    shape_properties = element.find(tag(PRESENTATION, "spPr"))
    if shape_properties is None:
        shape_properties = etree.Element(tag(PRESENTATION, "spPr"))
        element.find(tag(PRESENTATION, "nvSpPr")).addnext(shape_properties)
    for old in shape_properties.findall(tag(DRAWING, "xfrm")):
        shape_properties.remove(old)
    xfrm = etree.Element(tag(DRAWING, "xfrm"))
    etree.SubElement(xfrm, tag(DRAWING, "off"), x=str(box.left), y=str(box.top))
    etree.SubElement(xfrm, tag(DRAWING, "ext"), cx=str(box.width), cy=str(box.height))
    shape_properties.insert(0, xfrm)


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


def drop_body(slide) -> None:
    """Remove the slide's body placeholder, for slides whose content is drawn in boxes of their own."""
    target = placeholder(slide, BODY_TYPES)
    if target is not None:
        remove_shape(target)
