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

from ..library_internals import numbering_xml

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


def find_style(doc, role: str, overrides: dict[str, str] | None = None) -> tuple[str | None, list[str]]:
    """Return the style that serves ``role`` (or None), and the names tried.

    A name tried comes first. Failing that, a template whose comms team renamed Word's "List Bullet" or
    "Heading 1" still has the style that does the job: the first paragraph style drawing bullets, or the first
    at outline level 1, serves the bullet or heading role (so no bullet is typed before the style's own).
    """
    tried = style_candidates(role, overrides)
    defined = paragraph_style_names(doc)
    found = next((name for name in tried if name in defined), None)
    if found is None and role in _FOUND_BY_WHAT_IT_DOES:
        serves = _FOUND_BY_WHAT_IT_DOES[role]
        found = next((style.name for style in doc.styles
                      if style.type == WD_STYLE_TYPE.PARAGRAPH and serves(doc, style.name)), None)
    return found, tried


def resolve_styles(doc, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Return the style name to use for each role, creating any style the document lacks."""
    names = {}
    for role in DEFAULT_STYLE_NAMES:
        found, tried = find_style(doc, role, overrides)
        names[role] = found or _create(doc, role, tried[-1])
    return names


def style_ids(doc, names: dict[str, str]) -> dict[str, str]:
    """Return each role's style id, looked up once (python-docx looks names up on every paragraph)."""
    by_name = {style.name: style.style_id for style in doc.styles}
    return {role: by_name[name] for role, name in names.items()}


def _create(doc, role: str, name: str) -> str:
    taken = {style.style_id for style in doc.styles}
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if style.style_id in taken:
        # A renamed style keeps its id ("List Bullet" renamed "Bullets" is still ListBullet): a created style of
        # the same id would have its paragraphs drawn in the renamed one, bullets and all.
        style.style_id = next(f"{style.style_id}{n}" for n in range(2, len(taken) + 3)
                              if f"{style.style_id}{n}" not in taken)
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


def list_marker(doc, name: str) -> str | None:
    """Return the number format ("bullet", "decimal", ...) a paragraph style draws before each paragraph, or None.

    Follows ECMA-376's rules (part 1, 17.9): the nearest ``w:numPr`` on the style or the styles it is based on
    names a numbering instance (``w:num``; ``w:numId`` 0 means no numbering); its abstract definition may be a
    reference (``w:numStyleLink``) to a numbering style, whose own ``w:numPr`` leads to the definition that
    carries the levels (``w:styleLink``). A level naming the style (``w:pStyle``) is the style's level, otherwise
    the ``w:ilvl`` given, otherwise level 0; a ``w:lvlOverride`` of the instance replaces it. A level of format
    "none" or with no text draws nothing. A style linked only from a level's ``w:pStyle``, with no ``w:numPr``,
    is not numbered: the build then types its own bullet and switches numbering off on the paragraph.
    """
    numbering = numbering_xml(doc)
    by_name = {style.name: style for style in doc.styles}
    chain = list(_style_chain(by_name[name]))
    num_pr = next((style.element.pPr.numPr for style in chain
                   if style.element.pPr is not None and style.element.pPr.numPr is not None), None)
    if num_pr is None or numbering is None:
        return None
    num_id = _val(num_pr.find(qn("w:numId")))
    level = _val(num_pr.find(qn("w:ilvl"))) or "0"
    style_ids = {style.style_id for style in chain}
    by_style_id = {style.style_id: style for style in doc.styles}
    for _link in range(_MAX_STYLE_LINKS):
        if num_id in (None, "0"):
            return None
        instance = _child_with(numbering, "w:num", "w:numId", num_id)
        abstract = None if instance is None else _child_with(
            numbering, "w:abstractNum", "w:abstractNumId", _val(instance.find(qn("w:abstractNumId"))))
        if instance is None or abstract is None:
            return None
        linked = _val(abstract.find(qn("w:numStyleLink")))
        if linked is None:
            return _level_marker(instance, abstract, style_ids, level)
        numbering_style = by_style_id.get(linked)
        linked_pr = None if numbering_style is None or numbering_style.element.pPr is None else (
            numbering_style.element.pPr.numPr)
        num_id = None if linked_pr is None else _val(linked_pr.find(qn("w:numId")))
    return None


def has_numbering(doc, name: str) -> bool:
    """Return whether a paragraph style draws its own bullets or numbers."""
    return list_marker(doc, name) is not None


def _draws_bullets(doc, name: str) -> bool:
    return list_marker(doc, name) == "bullet"


def outline_level(doc, name: str) -> int | None:
    """Return the outline level (0 is Word's "Level 1") a paragraph style gives, or None for body text."""
    for style in _style_chain(next(style for style in doc.styles if style.name == name)):
        level = None if style.element.pPr is None else _val(style.element.pPr.find(qn("w:outlineLvl")))
        if level is not None:
            # Level 9 is Word's "Body Text": no level at all.
            return int(level) if level.isdigit() and int(level) < 9 else None
    return None


def _is_part_heading(doc, name: str) -> bool:
    return outline_level(doc, name) == 0


_FOUND_BY_WHAT_IT_DOES = {"bullet": _draws_bullets, "heading": _is_part_heading}
_MAX_STYLE_LINKS = 4  # numStyleLink chains are one link deep in practice; a loop ends here


def _style_chain(style):
    seen = set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        yield style
        style = style.base_style


def _level_marker(instance, abstract, style_ids: set[str], level: str) -> str | None:
    levels = abstract.findall(qn("w:lvl"))
    own = next((lvl for lvl in levels if _val(lvl.find(qn("w:pStyle"))) in style_ids), None)
    if own is not None:
        level = own.get(qn("w:ilvl")) or level
    chosen = next((lvl for lvl in levels if lvl.get(qn("w:ilvl")) == level), None)
    for override in instance.findall(qn("w:lvlOverride")):
        if override.get(qn("w:ilvl")) == level and override.find(qn("w:lvl")) is not None:
            chosen = override.find(qn("w:lvl"))
    if chosen is None:
        return None
    number_format = _val(chosen.find(qn("w:numFmt"))) or "decimal"
    text = _val(chosen.find(qn("w:lvlText")))
    return None if number_format == "none" or not text else number_format


def _child_with(root, tag: str, attribute: str, value: str | None):
    return next((child for child in root.findall(qn(tag)) if child.get(qn(attribute)) == value), None)


def _val(element) -> str | None:
    return None if element is None else element.get(qn("w:val"))
