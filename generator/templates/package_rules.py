"""What the build takes from a template package: an allow-list of relationships, by the part they start from.

Everything the build uses is reached from the package's root relationships
through these rules; any other part, relationship or external link is
dropped. Each rule names the content types its target may have, whether the
source part's XML points at it by relationship id (``explicit``: an
unreferenced one is dropped) or it is found by type alone, and whether the
template is unusable without it (``essential``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
STYLES_WITH_EFFECTS_TYPE = "application/vnd.ms-word.stylesWithEffects+xml"
WORD_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
ROOT = ""  # the package itself, source of _rels/.rels

PICTURE_TYPES = frozenset({CT.PNG, CT.JPEG, "image/jpg", CT.GIF, CT.BMP, CT.TIFF, CT.X_EMF, CT.X_WMF})


@dataclass(frozen=True)
class Rule:
    """One relationship the build follows from a part: to what kind of part, and how it is used."""

    content_types: frozenset[str]
    what: str  # how a user would name the target, in messages
    explicit: bool = True
    essential: bool = False

    def allows(self, content_type: str) -> bool:
        """Return whether a target of ``content_type`` may be kept (content types ignore case)."""
        return content_type.lower() in _lowered(self.content_types)


@dataclass(frozen=True, eq=False)  # compared (and hashed, for the caches below) by identity: one of each kind
class Kind:
    """A kind of template (PowerPoint or Word): its file names, main part and relationship rules."""

    name: str
    app: str
    suffixes: tuple[str, str]
    document_type: str
    template_type: str
    rules: dict[str, dict[str, Rule]]  # source part's content type (ROOT for the package) -> relationship type -> rule

    def is_main(self, content_type: str) -> bool:
        """Return whether ``content_type`` is this kind's main part, as a document or a template."""
        return content_type.lower() in _lowered(frozenset({self.document_type, self.template_type}))

    def rules_from(self, content_type: str) -> dict[str, Rule]:
        """Return the rules for the relationships of a part of ``content_type`` (ROOT: the package's own)."""
        return _rules_by_lowered_type(self).get(content_type.lower(), {})


@functools.cache
def _lowered(content_types: frozenset[str]) -> frozenset[str]:
    return frozenset(content_type.lower() for content_type in content_types)


@functools.cache
def _rules_by_lowered_type(kind: Kind) -> dict[str, dict[str, Rule]]:
    return {content_type.lower(): rules for content_type, rules in kind.rules.items()}


def _picture(what: str = "picture") -> Rule:
    return Rule(PICTURE_TYPES, what)


_THEME = Rule(frozenset({CT.OFC_THEME}), "theme", explicit=False)
_ESSENTIAL_THEME = Rule(frozenset({CT.OFC_THEME}), "theme", explicit=False, essential=True)


def _root(main_types: frozenset[str]) -> dict[str, Rule]:
    # No document or application properties: the build sets its own, and a template's (a description, a company,
    # a manager) are not to reach every output.
    return {RT.OFFICE_DOCUMENT: Rule(main_types, "main document part", explicit=False, essential=True)}


_PRESENTATION_MAIN_TYPES = frozenset({CT.PML_PRESENTATION_MAIN, CT.PML_TEMPLATE_MAIN})
_PRESENTATION_RULES = {
    RT.SLIDE_MASTER: Rule(frozenset({CT.PML_SLIDE_MASTER}), "slide master"),
    # python-pptx relates a notes master without listing it in presentation.xml: found by type, as python-pptx does.
    RT.NOTES_MASTER: Rule(frozenset({CT.PML_NOTES_MASTER}), "notes master", explicit=False),
    RT.HANDOUT_MASTER: Rule(frozenset({CT.PML_HANDOUT_MASTER}), "handout master", explicit=False),
    RT.THEME: _THEME,
    RT.PRES_PROPS: Rule(frozenset({CT.PML_PRES_PROPS}), "presentation properties", explicit=False),
    RT.VIEW_PROPS: Rule(frozenset({CT.PML_VIEW_PROPS}), "view properties", explicit=False),
    RT.TABLE_STYLES: Rule(frozenset({CT.PML_TABLE_STYLES}), "table styles", explicit=False),
}
POWERPOINT = Kind(
    name="PowerPoint (.pptx or .potx)", app="PowerPoint", suffixes=(".pptx", ".potx"),
    document_type=CT.PML_PRESENTATION_MAIN, template_type=CT.PML_TEMPLATE_MAIN,
    rules={ROOT: _root(_PRESENTATION_MAIN_TYPES),
           CT.PML_PRESENTATION_MAIN: _PRESENTATION_RULES,
           CT.PML_TEMPLATE_MAIN: _PRESENTATION_RULES,
           CT.PML_SLIDE_MASTER: {RT.SLIDE_LAYOUT: Rule(frozenset({CT.PML_SLIDE_LAYOUT}), "slide layout"),
                                 RT.THEME: _ESSENTIAL_THEME, RT.IMAGE: _picture()},
           CT.PML_SLIDE_LAYOUT: {RT.SLIDE_MASTER: Rule(frozenset({CT.PML_SLIDE_MASTER}), "slide master",
                                                       explicit=False, essential=True),
                                 RT.IMAGE: _picture()},
           CT.PML_NOTES_MASTER: {RT.THEME: _ESSENTIAL_THEME, RT.IMAGE: _picture()},
           CT.PML_HANDOUT_MASTER: {RT.THEME: _ESSENTIAL_THEME, RT.IMAGE: _picture()},
           CT.OFC_THEME: {RT.IMAGE: _picture()}})

_DOCUMENT_MAIN_TYPES = frozenset({CT.WML_DOCUMENT_MAIN, WORD_TEMPLATE_MAIN})
_IN_TEXT = {RT.IMAGE: _picture()}  # what a header, footer or note may show
_DOCUMENT_RULES = {
    RT.STYLES: Rule(frozenset({CT.WML_STYLES}), "styles", explicit=False),
    STYLES_WITH_EFFECTS: Rule(frozenset({STYLES_WITH_EFFECTS_TYPE}), "styles", explicit=False),
    RT.NUMBERING: Rule(frozenset({CT.WML_NUMBERING}), "numbering", explicit=False),
    RT.SETTINGS: Rule(frozenset({CT.WML_SETTINGS}), "settings", explicit=False),
    RT.FONT_TABLE: Rule(frozenset({CT.WML_FONT_TABLE}), "font table", explicit=False),
    RT.WEB_SETTINGS: Rule(frozenset({CT.WML_WEB_SETTINGS}), "web settings", explicit=False),
    RT.THEME: _THEME,
    RT.FOOTNOTES: Rule(frozenset({CT.WML_FOOTNOTES}), "footnotes", explicit=False),
    RT.ENDNOTES: Rule(frozenset({CT.WML_ENDNOTES}), "endnotes", explicit=False),
    RT.HEADER: Rule(frozenset({CT.WML_HEADER}), "header"),
    RT.FOOTER: Rule(frozenset({CT.WML_FOOTER}), "footer"),
    RT.IMAGE: _picture(),
}
WORD = Kind(
    name="Word (.docx or .dotx)", app="Word", suffixes=(".docx", ".dotx"),
    document_type=CT.WML_DOCUMENT_MAIN, template_type=WORD_TEMPLATE_MAIN,
    rules={ROOT: _root(_DOCUMENT_MAIN_TYPES),
           CT.WML_DOCUMENT_MAIN: _DOCUMENT_RULES,
           WORD_TEMPLATE_MAIN: _DOCUMENT_RULES,
           CT.WML_HEADER: _IN_TEXT, CT.WML_FOOTER: _IN_TEXT, CT.WML_FOOTNOTES: _IN_TEXT, CT.WML_ENDNOTES: _IN_TEXT,
           CT.WML_NUMBERING: {RT.IMAGE: _picture("picture bullet")},
           CT.OFC_THEME: {RT.IMAGE: _picture()}})

KINDS = {"pptx": POWERPOINT, "docx": WORD}
MACRO_SUFFIXES = (".pptm", ".potm", ".docm", ".dotm")

# Why a part or relationship the rules do not take is dropped: the first of these words found in its content
# type, the type of a relationship naming it, or its name (each followed by a space), gives the reason.
DROP_REASONS = (
    ("core-properties", "the template's document properties; the build sets its own"),
    ("extended-properties", "the template's application properties; the build sets its own"),
    ("vba", "a macro project"), ("macro", "a macro project"), ("keymapcustomizations", "macro key settings"),
    ("activex", "an ActiveX control"), ("relationships/control ", "an ActiveX control"),
    ("oleobject", "an embedded OLE object"), ("relationships/package ", "an embedded file"),
    ("officedocument.package ", "an embedded file"), ("afchunk", "an imported file"),
    ("customxml", "custom XML data"), ("comment", "comments"), ("people", "comment authors"),
    ("printersettings", "printer settings"), ("notesslide", "a sample slide's notes"),
    ("slide+xml ", "a sample slide"), ("relationships/slide ", "a sample slide"),
    ("attachedtemplate", "an attached template"), ("thumbnail", "a thumbnail picture"),
    ("glossary", "building blocks"), ("custom-properties", "custom document properties"),
    ("tags", "add-in tags"), ("vmldrawing", "a VML drawing"), ("chart", "a chart"), ("diagram", "a SmartArt diagram"),
    ("signature", "a digital signature"), ("video", "a video"), ("audio", "a sound"), ("image", "a picture"),
    ("font", "an embedded font; the build never takes fonts from a template"),
    ("media", "media"),  # the vaguest clue last
)
