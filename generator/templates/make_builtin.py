"""Regenerate deck.pptx and briefing.docx, the built-in templates, from python-pptx's and python-docx's defaults.

Run by a developer when the built-in look changes: ``python -m generator.templates.make_builtin``.

The deck: it widens the default 4:3 master to 16:9, sets an accessible, colour-blind-safe
colour scheme and Calibri fonts, tones down the master's text sizes, sets no
text in capitals, and gives the section divider a tinted background and an
accent bar so sections stand out. Everything is in the master, layouts and
theme, so another template restyles it all; the build only opens the result.

The briefing: python-docx's default document cut down as a comms team's
template is (no custom XML, thumbnail or Mac Word properties, no Word 2010 copy
of the styles) and to the styles a briefing uses, out of its 164: every
document a build writes parses and saves the styles part, and the default's is
350 KB. The build gives the styles their look; this only chooses which exist.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from ..library_internals import drop_relationships
from ..ooxml import WORD as W
from ..palette import BUILTIN_SCHEME
from . import BUILTIN_BRIEFING_TEMPLATE, BUILTIN_DECK_TEMPLATE
from .package_rules import KINDS
from .sanitise import sanitise

WIDE = Emu(12192000)
NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
# The accents are the Okabe-Ito colour-blind-safe hues (blue, orange, bluish green, vermillion, reddish purple,
# yellow), darkened until each is at least 4.5:1 against white and the divider's tint, so bars and labels stay
# legible and distinguishable with any colour vision. The blue is the house blue every output's charts share.
COLOURS = {slot: colour for slot, colour in BUILTIN_SCHEME.items() if slot not in ("dk1", "lt1")}
THEME_PART = "ppt/theme/theme1.xml"
SECTION_LAYOUT = "Section Header"
# The section divider: title above its subtitle, beside an accent bar, on the scheme's light tint (bg2 = lt2).
SECTION_TITLE = (Emu(963084), Emu(1700000), Emu(10363200), Emu(2200000))  # left, top, width, height
SECTION_SUBTITLE = (Emu(963084), Emu(4000000), Emu(10363200), Emu(1500000))
SECTION_BAR = (Emu(609600), Emu(1700000), Emu(137160), Emu(3800000))
BODY_SIZES = {1: 2400, 2: 2000, 3: 1800, 4: 1600, 5: 1600}
# The styles a briefing's paragraphs, lists, tables and header and footer use (their role names are in
# briefing/styles.py), the character styles Word links them to, and the defaults every document has.
BRIEFING_STYLE_IDS = frozenset({
    "Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid", "Title", "TitleChar", "Subtitle",
    "SubtitleChar", "Heading1", "Heading1Char", "ListBullet", "Header", "HeaderChar", "Footer", "FooterChar"})


def _widen(element, factor: float) -> None:
    for xfrm in element.iter(f"{{{NS['a']}}}xfrm"):
        for child in xfrm:
            if child.tag.endswith("}off"):
                child.set("x", str(round(int(child.get("x")) * factor)))
            elif child.tag.endswith("}ext"):
                child.set("cx", str(round(int(child.get("cx")) * factor)))


def _recoloured_theme(blob: bytes) -> bytes:
    """Return the theme part with our colour scheme (python-pptx has no theme API, so the saved package's
    part is rewritten)."""
    root = etree.fromstring(blob)
    scheme = root.find(".//a:clrScheme", NS)
    scheme.set("name", "Learning from Reviews")
    for name, value in COLOURS.items():
        slot = scheme.find(f"a:{name}", NS)
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{NS['a']}}}srgbClr", val=value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rewritten(package: bytes, part: str, rewrite: Callable[[bytes], bytes]) -> bytes:
    """Return the package with ``part`` rewritten, every other part copied as it is, each dated 1980-01-01 so
    that making the templates again gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(zipfile.ZipInfo(info.filename), rewrite(data) if info.filename == part else data,
                            zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _no_capitals(prs) -> None:
    """Drop cap="all" from the master and every layout: text in capitals is harder to read (GOV.UK style)."""
    for element in [prs.slide_master.element, *(layout.element for layout in prs.slide_layouts)]:
        for properties in element.iter(f"{{{NS['a']}}}defRPr", f"{{{NS['a']}}}rPr"):
            if "cap" in properties.attrib:
                del properties.attrib["cap"]


def _set_box(shape, box: tuple[int, int, int, int]) -> None:
    shape.left, shape.top, shape.width, shape.height = box


def _mark_sections(prs) -> None:
    """Make the section divider stand out: a tinted background, an accent bar, its title over its subtitle."""
    layout = next(layout for layout in prs.slide_layouts if layout.name == SECTION_LAYOUT)
    for shape in layout.placeholders:
        kind = shape.placeholder_format.type
        if kind == PP_PLACEHOLDER.TITLE:
            _set_box(shape, SECTION_TITLE)
            shape.element.find("p:txBody/a:bodyPr", NS).set("anchor", "b")
        elif kind == PP_PLACEHOLDER.BODY:
            _set_box(shape, SECTION_SUBTITLE)
            shape.element.find("p:txBody/a:bodyPr", NS).set("anchor", "t")
    common = layout.element.find("p:cSld", NS)
    background = etree.Element(f"{{{NS['p']}}}bg")
    properties = etree.SubElement(background, f"{{{NS['p']}}}bgPr")
    fill = etree.SubElement(properties, f"{{{NS['a']}}}solidFill")
    etree.SubElement(fill, f"{{{NS['a']}}}schemeClr", val="bg2")
    etree.SubElement(properties, f"{{{NS['a']}}}effectLst")
    common.insert(0, background)
    # python-pptx cannot add a shape to a layout, so the bar is written as the XML PowerPoint writes for one.
    left, top, width, height = SECTION_BAR
    bar = etree.fromstring(
        f'<p:sp xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><p:nvSpPr><p:cNvPr id="90" name="Section accent bar"/>'
        '<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>'
        f'<a:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="accent1"/></a:solidFill>'
        '<a:ln><a:noFill/></a:ln></p:spPr></p:sp>')
    common.find("p:spTree/p:grpSpPr", NS).addnext(bar)


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


def briefing_template() -> bytes:
    """Return python-docx's default document, sanitised and cut down to the styles a briefing uses."""
    from docx import Document

    saved = io.BytesIO()
    Document().save(saved)
    package = sanitise(saved.getvalue(), KINDS["docx"], "python-docx's default document").package
    document = Document(io.BytesIO(package))
    drop_relationships(document, "/stylesWithEffects")  # as blank.py drops a template's: the build restyles
    saved = io.BytesIO()
    document.save(saved)
    return _rewritten(saved.getvalue(), "word/styles.xml", _briefing_styles)


def _briefing_styles(blob: bytes) -> bytes:
    root = etree.fromstring(blob)
    for style in root.findall(f"{{{W}}}style"):
        if style.get(f"{{{W}}}styleId") not in BRIEFING_STYLE_IDS:
            root.remove(style)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def main() -> None:
    BUILTIN_BRIEFING_TEMPLATE.write_bytes(briefing_template())
    prs = Presentation()
    factor = WIDE / prs.slide_width
    prs.slide_width = WIDE
    master = prs.slide_master
    _widen(master.element, factor)
    _drop_tints(master.element)
    for layout in master.slide_layouts:
        _widen(layout.element, factor)
        _drop_tints(layout.element)
    _restyle_text(master)
    _no_capitals(prs)
    _centre_cover_title(prs)
    _mark_sections(prs)
    prs.core_properties.title = "Learning from Reviews template"
    saved = io.BytesIO()
    prs.save(saved)
    BUILTIN_DECK_TEMPLATE.write_bytes(_rewritten(saved.getvalue(), THEME_PART, _recoloured_theme))


if __name__ == "__main__":
    main()
