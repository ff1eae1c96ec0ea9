"""Regenerate deck.pptx, the built-in template, from python-pptx's default.

Run by a developer when the built-in look changes: ``python -m generator.templates.make_builtin``.
It widens the default 4:3 master to 16:9, sets an accessible colour scheme
and Calibri fonts, and tones down the master's text sizes; the build only
opens the result.
"""

from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu

from . import BUILTIN_DECK_TEMPLATE

WIDE = Emu(12192000)
NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
# Every accent is at least 4.5:1 against white, so labels and bars stay legible.
COLOURS = {"dk2": "1B365D", "lt2": "EEF2F7", "accent1": "1D5A8E", "accent2": "A8431A", "accent3": "2C7046",
           "accent4": "6B3FA0", "accent5": "7A5F00", "accent6": "A23B72", "hlink": "0B5CAD", "folHlink": "6B3FA0"}
BODY_SIZES = {1: 2400, 2: 2000, 3: 1800, 4: 1600, 5: 1600}


def _widen(element, factor: float) -> None:
    for xfrm in element.iter(f"{{{NS['a']}}}xfrm"):
        for child in xfrm:
            if child.tag.endswith("}off"):
                child.set("x", str(round(int(child.get("x")) * factor)))
            elif child.tag.endswith("}ext"):
                child.set("cx", str(round(int(child.get("cx")) * factor)))


def _recolour_theme(master) -> None:
    theme = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    scheme = root.find(".//a:clrScheme", NS)
    scheme.set("name", "Learning from Reviews")
    for name, value in COLOURS.items():
        slot = scheme.find(f"a:{name}", NS)
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{NS['a']}}}srgbClr", val=value)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _restyle_text(master) -> None:
    title = master.element.find("p:txStyles/p:titleStyle/a:lvl1pPr", NS)
    title.set("algn", "l")
    rpr = title.find("a:defRPr", NS)
    rpr.set("sz", "3600")
    rpr.set("b", "1")
    rpr.find("a:solidFill/a:schemeClr", NS).set("val", "tx2")
    for level, size in BODY_SIZES.items():
        ppr = master.element.find(f"p:txStyles/p:bodyStyle/a:lvl{level}pPr", NS)
        ppr.find("a:defRPr", NS).set("sz", str(size))


def _drop_tints(element) -> None:
    """Remove the default layouts' 75% tints: grey subtitles fall below 4.5:1 contrast on white."""
    for tint in element.iter(f"{{{NS['a']}}}tint"):
        tint.getparent().remove(tint)


def _centre_cover_title(prs) -> None:
    """Centre the cover's title, as its subtitle is (the master aligns titles left)."""
    cover = next(layout for layout in prs.slide_layouts if layout.name == "Title Slide")
    for shape in cover.placeholders:
        if shape.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE:
            list_style = shape.element.find("p:txBody/a:lstStyle", NS)
            level = etree.SubElement(list_style, f"{{{NS['a']}}}lvl1pPr", algn="ctr")
            level.text = None


def main() -> None:
    prs = Presentation()
    factor = WIDE / prs.slide_width
    prs.slide_width = WIDE
    master = prs.slide_master
    _widen(master.element, factor)
    _drop_tints(master.element)
    for layout in master.slide_layouts:
        _widen(layout.element, factor)
        _drop_tints(layout.element)
    _recolour_theme(master)
    _restyle_text(master)
    _centre_cover_title(prs)
    prs.core_properties.title = "Learning from Reviews template"
    prs.save(str(BUILTIN_DECK_TEMPLATE))


if __name__ == "__main__":
    main()
