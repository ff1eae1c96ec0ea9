"""What a template's parts must be for the build to use them: the right root element, a page and a slide size.

python-pptx and python-docx trust a part to be what its content type says;
a slide master whose root is in another namespace, or a document without its
section settings, makes them fail deep inside (an AttributeError). A page,
slide or margin far outside what Word and PowerPoint allow builds a file
nobody can use. Each is found here, from the XML alone, and refused with a
message that names the part.
"""

from __future__ import annotations

import re

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT

from ..ooxml import DRAWING as A
from ..ooxml import PRESENTATION as P
from ..ooxml import WORD as W
from .package_rules import STYLES_WITH_EFFECTS_TYPE, WORD_TEMPLATE_MAIN

PREFIXES = {A: "a", P: "p", W: "w"}

# Content type (lower case) -> the root element a part of that type has.
EXPECTED_ROOTS = {content_type.lower(): root for content_type, root in {
    CT.PML_PRESENTATION_MAIN: (P, "presentation"), CT.PML_TEMPLATE_MAIN: (P, "presentation"),
    CT.PML_SLIDE_MASTER: (P, "sldMaster"), CT.PML_SLIDE_LAYOUT: (P, "sldLayout"),
    CT.PML_NOTES_MASTER: (P, "notesMaster"), CT.PML_HANDOUT_MASTER: (P, "handoutMaster"),
    CT.PML_PRES_PROPS: (P, "presentationPr"), CT.PML_VIEW_PROPS: (P, "viewPr"),
    CT.PML_TABLE_STYLES: (A, "tblStyleLst"), CT.OFC_THEME: (A, "theme"),
    CT.WML_DOCUMENT_MAIN: (W, "document"), WORD_TEMPLATE_MAIN: (W, "document"),
    CT.WML_STYLES: (W, "styles"), STYLES_WITH_EFFECTS_TYPE: (W, "styles"), CT.WML_NUMBERING: (W, "numbering"),
    CT.WML_SETTINGS: (W, "settings"), CT.WML_FONT_TABLE: (W, "fonts"), CT.WML_WEB_SETTINGS: (W, "webSettings"),
    CT.WML_FOOTNOTES: (W, "footnotes"), CT.WML_ENDNOTES: (W, "endnotes"), CT.WML_HEADER: (W, "hdr"),
    CT.WML_FOOTER: (W, "ftr"),
}.items()}

TWIPS_PER_INCH = 1440
EMU_PER_INCH = 914_400
MIN_PAGE_TWIPS = 1 * TWIPS_PER_INCH
"""A Word page is at least 1 inch (1,440 twips) each way..."""
MAX_PAGE_TWIPS = 22 * TWIPS_PER_INCH
"""... and at most 22 inches (31,680 twips), the largest Word allows."""
MIN_TEXT_TWIPS = 1 * TWIPS_PER_INCH
"""The margins leave at least 1 inch (1,440 twips) of the page for text, across and down."""
MIN_SLIDE_EMU = 1 * EMU_PER_INCH
"""A slide is at least 1 inch (914,400 EMU) each way..."""
MAX_SLIDE_EMU = 56 * EMU_PER_INCH
"""... and at most 56 inches (51,206,400 EMU), the largest PowerPoint allows."""
_UNITS_IN_TWIPS = {"in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54, "pt": 20.0, "pc": 240.0, "pi": 240.0}
_MEASURE = re.compile(r"^\s*(-?\d{1,9}(?:\.\d{1,9})?)\s*(in|cm|mm|pt|pc|pi)?\s*$")
_MARGINS = ("left", "right", "top", "bottom")


def structure_fault(content_type: str, root: etree._Element, what: str) -> str | None:
    """Return why a template part of ``content_type`` (a ``what``: "slide master") cannot be used, or None."""
    expected = EXPECTED_ROOTS.get(content_type.lower())
    if expected is not None and root.tag != "{%s}%s" % expected:
        namespace, name = expected
        return (f"its root element is {_shown_tag(root.tag)}, where the {what} part has "
                f"{PREFIXES[namespace]}:{name} in the namespace {namespace}")
    if expected == (W, "document"):
        return _page_fault(root)
    if expected == (P, "presentation"):
        return _slide_fault(root)
    return None


def _shown_tag(tag: object) -> str:
    text = str(tag)
    return text[:120] + "…" if len(text) > 120 else text


def _page_fault(document: etree._Element) -> str | None:
    body = document.find(f"{{{W}}}body")
    sections = body.findall(f"{{{W}}}sectPr") if body is not None else []
    if not sections:
        return ("the document has no section settings (w:sectPr in its body: the page's size, margins, header and "
                "footer)")
    section = sections[-1]
    size = section.find(f"{{{W}}}pgSz")
    if size is None:
        return "the document's section settings give no page size (w:pgSz)"
    width, height = _twips(size.get(f"{{{W}}}w")), _twips(size.get(f"{{{W}}}h"))
    if width is None or height is None or not (MIN_PAGE_TWIPS <= width <= MAX_PAGE_TWIPS
                                               and MIN_PAGE_TWIPS <= height <= MAX_PAGE_TWIPS):
        return (f"the page is {_inches(width, TWIPS_PER_INCH)} by {_inches(height, TWIPS_PER_INCH)} inches; a page "
                f"is from {MIN_PAGE_TWIPS // TWIPS_PER_INCH} to {MAX_PAGE_TWIPS // TWIPS_PER_INCH} inches each way")
    margins = section.find(f"{{{W}}}pgMar")
    if margins is None:
        return None
    found = {side: _twips(margins.get(f"{{{W}}}{side}", "0")) for side in (*_MARGINS, "gutter")}
    if any(value is None for value in found.values()):
        return "the page's margins (w:pgMar) are not measures Word can read"
    # Word writes a negative top or bottom margin to mean "exactly this", so its size is what counts.
    left, right, top, bottom, gutter = (abs(value or 0) for value in found.values())
    if width - left - right - gutter < MIN_TEXT_TWIPS or height - top - bottom < MIN_TEXT_TWIPS:
        return (f"the margins (left {_inches(left, TWIPS_PER_INCH)}, right {_inches(right, TWIPS_PER_INCH)}, top "
                f"{_inches(top, TWIPS_PER_INCH)}, bottom {_inches(bottom, TWIPS_PER_INCH)} inches) leave less than "
                f"{MIN_TEXT_TWIPS // TWIPS_PER_INCH} inch of the {_inches(width, TWIPS_PER_INCH)} by "
                f"{_inches(height, TWIPS_PER_INCH)} inch page for text")
    return None


def _slide_fault(presentation: etree._Element) -> str | None:
    size = presentation.find(f"{{{P}}}sldSz")
    if size is None:
        return "the presentation gives no slide size (p:sldSz)"
    width, height = _whole(size.get("cx")), _whole(size.get("cy"))
    if width is None or height is None or not (MIN_SLIDE_EMU <= width <= MAX_SLIDE_EMU
                                               and MIN_SLIDE_EMU <= height <= MAX_SLIDE_EMU):
        return (f"the slides are {_inches(width, EMU_PER_INCH)} by {_inches(height, EMU_PER_INCH)} inches; a slide "
                f"is from {MIN_SLIDE_EMU // EMU_PER_INCH} to {MAX_SLIDE_EMU // EMU_PER_INCH} inches each way")
    return None


def _twips(value: str | None) -> int | None:
    """Return a Word measure in twips ("11906", or with a unit: "21cm"), or None if it is not one."""
    found = _MEASURE.match(value or "")
    if found is None:
        return None
    number, unit = found.groups()
    return round(float(number) * _UNITS_IN_TWIPS[unit]) if unit else round(float(number))


def _whole(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


def _inches(value: int | None, per_inch: int) -> str:
    return "?" if value is None else f"{round(value / per_inch, 2):g}"
