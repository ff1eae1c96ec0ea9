"""Find the briefing's paragraph styles by name in any Word template, creating the ones it lacks.

Word keeps many built-in styles "latent": a template may not define Heading 1
until someone uses it, and python-docx then raises KeyError. A missing style
is created from a plain definition instead, and reported by check-template.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

DEFAULT_STYLE_NAMES = {"body": "Normal", "title": "Title", "subtitle": "Subtitle", "heading": "Heading 1",
                       "bullet": "List Bullet", "footer": "Footer"}
_CREATED_FORMAT = {"title": (20, True, None), "subtitle": (12, False, None), "heading": (13, True, 0),
                   "bullet": (11, False, None), "footer": (9, False, None), "body": (11, False, None)}


def style_candidates(role: str, overrides: dict[str, str] | None = None) -> list[str]:
    """Return the style names that can serve a role, the data's own choice first."""
    chosen = (overrides or {}).get(role)
    return ([chosen] if chosen else []) + [DEFAULT_STYLE_NAMES[role]]


def paragraph_style_names(doc) -> set[str]:
    """Return the names of the paragraph styles the document defines."""
    return {style.name for style in doc.styles if style.type == WD_STYLE_TYPE.PARAGRAPH}


def find_style(defined: set[str], role: str, overrides: dict[str, str] | None = None) -> tuple[str | None, list[str]]:
    """Return the first of ``defined`` that can serve ``role`` (or None), and the names tried."""
    tried = style_candidates(role, overrides)
    return next((name for name in tried if name in defined), None), tried


def resolve_styles(doc, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Return the style name to use for each role, creating any style the document lacks."""
    defined = paragraph_style_names(doc)
    names = {}
    for role in DEFAULT_STYLE_NAMES:
        found, tried = find_style(defined, role, overrides)
        names[role] = found or _create(doc, role, tried[-1])
    return names


def style_ids(doc, names: dict[str, str]) -> dict[str, str]:
    """Return each role's style id, looked up once (python-docx looks names up on every paragraph)."""
    by_name = {style.name: style.style_id for style in doc.styles}
    return {role: by_name[name] for role, name in names.items()}


def _create(doc, role: str, name: str) -> str:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if role != "body":
        style.base_style = doc.styles[DEFAULT_STYLE_NAMES["body"]] if _has(doc, "Normal") else None
    size, bold, outline = _CREATED_FORMAT[role]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.quick_style = True
    if outline is not None:
        ppr = style.element.get_or_add_pPr()
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(outline))
        ppr.append(level)
        style.paragraph_format.keep_with_next = True
    return name


def _has(doc, name: str) -> bool:
    return any(style.name == name for style in doc.styles)


def has_numbering(doc, name: str) -> bool:
    """Return whether a paragraph style draws its own bullets or numbers."""
    style = doc.styles[name]
    while style is not None:
        if style.element.pPr is not None and style.element.pPr.numPr is not None:
            return True
        style = style.base_style
    return False
