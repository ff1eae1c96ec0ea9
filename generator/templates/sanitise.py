"""Take from a template package only what the build means to take, refusing what it cannot use.

The package is walked from its root relationships through the allow-list in
:mod:`.package_rules`; only parts reached that way are kept. Every external
relationship is dropped together with the elements that use it, and so is
every relationship the rules do not name (macro projects, ActiveX, OLE
objects, custom XML, comments, sample slides and the like). The result is a
new, deterministic package whose ``[Content_Types].xml`` lists exactly the
parts kept, its main part labelled as a document (python-pptx and
python-docx refuse the template labels).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from ..ooxml import DRAWING as A, PACKAGE_RELATIONSHIPS, WORD as W
from .limits import MAX_XML_PART_BYTES, MAX_XML_TOTAL_BYTES, SHOWN_TARGET_CHARACTERS, in_megabytes
from .package_rules import DROP_REASONS, PICTURE_TYPES, ROOT, Kind, Rule
from .package_writing import CONTENT_TYPES_NAMESPACE, CONTENT_TYPES_PART, write_package
from .pictures import UnusablePicture, clean_picture
from .reading import PackageReader, refusal
from .safe_xml import parse_xml
from .structure import structure_fault
from .xml_edits import (RELATIONSHIP_ID, clear_body, detach, drop_embedded_fonts, drop_references,
                        drop_sections_slides, elements_using_relationships, remove, running_field_instructions)

_PICTURE_TYPES = frozenset(content_type.lower() for content_type in PICTURE_TYPES)

ROOT_RELATIONSHIPS = "_rels/.rels"
ATTACHED_TEMPLATE = "/attachedtemplate"
XML_TYPES_END = ("+xml", "/xml")
# Click actions that run something: a program, a macro or an embedded object's verb.
_RUNNING_ACTIONS = ("ppaction://program", "ppaction://macro", "ppaction://ole")
_ACTION_ELEMENTS = frozenset({f"{{{A}}}hlinkClick", f"{{{A}}}hlinkHover", f"{{{A}}}hlinkMouseOver"})
# Word settings that reach outside the document (a mail merge's data source and its query), or carry the
# template's own data into every briefing (document variables).
_OUTREACHING_SETTINGS = {f"{{{W}}}mailMerge": "mail merge settings (a data source outside the template)",
                         f"{{{W}}}attachedTemplate": "",  # noted with its relationship, as an attached template
                         f"{{{W}}}docVars": "document variables (the template's own data)"}
# A word of a main part's content type that tells which office program made the file.
OTHER_KINDS = {"presentationml": "PowerPoint", "wordprocessingml": "Word", "spreadsheetml": "Excel"}
ARTICLES = {"Excel": "an"}  # before each program's name in a sentence: "a" unless given here
TEMPLATE_KEYS = {"PowerPoint": "pptx_template", "Word": "docx_template"}


@dataclass
class Sanitised:
    """A template's package cut down to what the build takes, and what was dropped (one line each, for users)."""

    package: bytes
    dropped: list[str] = field(default_factory=list)


@dataclass
class _Relationship:
    rel_id: str
    rel_type: str
    target: str
    external: bool


@dataclass
class _Part:
    name: str  # as stored in the zip
    content_type: str
    data: bytes
    root: etree._Element | None = None  # parsed XML, for XML parts
    changed: bool = False
    relationships: list[_Relationship] = field(default_factory=list)  # those kept



def shown_target(target: str) -> str:
    """Return a link's target as safe to print: control characters escaped, cut to a readable length."""
    escaped = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in target)
    if len(escaped) > SHOWN_TARGET_CHARACTERS:
        return escaped[:SHOWN_TARGET_CHARACTERS - 1] + "…"
    return escaped


def sanitise(data: bytes, kind: Kind, path: Path | str) -> Sanitised:
    """Return the parts of template ``data`` the build takes, as a new package, or raise InputError saying why not."""
    return _Walk(data, kind, path).run()


class _Walk:
    def __init__(self, data: bytes, kind: Kind, path: Path | str):
        self.kind = kind
        self.path = path
        self.reader = PackageReader(data, path, kind.app, f"not a {kind.name} file (it may be damaged or in an "
                                                          "old format)")
        self.save_again = self.reader.save_again
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        self.kept: dict[str, _Part] = {}
        self.pointed_at: dict[str, str] = {}  # part (lower case) -> a relationship type that names it
        self.dropped: list[str] = []
        self.root_relationships: list[_Relationship] = []  # those kept
        self.to_visit: list[_Part] = []  # parts kept whose own relationships are still to follow
        self.refused: set[str] = set()  # parts (lower case) read and found not to be what they claim
        self.picture_pixels = 0  # what the raster pictures kept so far have together (MAX_TEMPLATE_PICTURE_PIXELS)
        self.xml_bytes = 0  # what the XML parts parsed so far hold together (MAX_XML_TOTAL_BYTES)

    def run(self) -> Sanitised:
        self._read_content_types()
        self._follow(ROOT, ROOT, self._relationships(ROOT_RELATIONSHIPS, required=True), referenced=None)
        main = next(part for part in self.kept.values() if self.kind.is_main(part.content_type))
        while self.to_visit:
            self._visit(self.to_visit.pop(0))
        if self.kind.app == "PowerPoint":
            self._check_presentation(main)
        self._note_parts_left_behind()
        return Sanitised(self._write(main), self.dropped)

    # --- reading -------------------------------------------------------------------------------------------------

    def _read_content_types(self) -> None:
        if self.reader.name_of(CONTENT_TYPES_PART) is None:
            raise refusal(self.path, f"the package has no {CONTENT_TYPES_PART}, so it is not an office file; "
                                     f"{self.save_again}")
        root = self._parsed(self.reader.read(CONTENT_TYPES_PART), CONTENT_TYPES_PART)
        for element in root:
            if not isinstance(element.tag, str):
                continue
            content_type = element.get("ContentType", "")
            if "macroenabled" in content_type.lower():
                raise refusal(self.path, f"the template is macro-enabled (content type {shown_target(content_type)}); "
                                         f"save a copy as {' or '.join(self.kind.suffixes)} without macros",
                              CONTENT_TYPES_PART)
            if element.tag == f"{{{CONTENT_TYPES_NAMESPACE}}}Default":
                self.defaults[element.get("Extension", "").lower()] = content_type
            elif element.tag == f"{{{CONTENT_TYPES_NAMESPACE}}}Override":
                self.overrides[unquote(element.get("PartName", "")).lstrip("/").lower()] = content_type

    def _content_type(self, name: str) -> str:
        extension = posixpath.splitext(name)[1].lstrip(".").lower()
        return self.overrides.get(name.lower(), self.defaults.get(extension, ""))

    def _relationships(self, rels_name: str, required: bool = False) -> list[_Relationship]:
        stored = self.reader.name_of(rels_name)
        if stored is None:
            if required:
                raise refusal(self.path, f"the package has no {rels_name}, so nothing in it can be found; "
                                         f"{self.save_again}")
            return []
        root = self._parsed(self.reader.read(stored), stored)
        found: list[_Relationship] = []
        ids: set[str] = set()
        for element in root.iter(f"{{{PACKAGE_RELATIONSHIPS}}}Relationship"):
            rel_id, rel_type, target = element.get("Id"), element.get("Type"), element.get("Target")
            if not rel_id or not rel_type or target is None:
                raise refusal(self.path, f"a relationship lacks its Id, Type or Target; {self.save_again}", stored)
            if rel_id in ids:
                raise refusal(self.path, f"relationship id {shown_target(rel_id)} is used twice; {self.save_again}",
                              stored)
            ids.add(rel_id)
            found.append(_Relationship(rel_id, rel_type, target,
                                       (element.get("TargetMode") or "").lower() == "external"))
        return found

    def _parsed(self, data: bytes, name: str) -> etree._Element:
        """Return the root of the XML part ``name``, refusing it past the XML limits before it is parsed."""
        if len(data) > MAX_XML_PART_BYTES:
            raise refusal(self.path, f"the part holds {in_megabytes(len(data))} of XML, more than the "
                                     f"{in_megabytes(MAX_XML_PART_BYTES)} a template's XML part may hold; delete "
                                     f"sample content and unused layouts, and save it again", name)
        self.xml_bytes += len(data)
        if self.xml_bytes > MAX_XML_TOTAL_BYTES:
            raise refusal(self.path, f"the template's XML parts hold more than the "
                                     f"{in_megabytes(MAX_XML_TOTAL_BYTES)} of XML a template may hold together; "
                                     f"delete sample content and unused layouts, and save it again", name)
        return parse_xml(data, self.path, name, self.save_again)

    def _load(self, name: str, content_type: str) -> _Part:
        data = self.reader.read(name)
        part = _Part(name, content_type, data)
        if content_type.lower().endswith(XML_TYPES_END):
            part.root = self._parsed(data, name)
            fault = structure_fault(content_type, part.root, self._noun(content_type))
            if fault is not None:
                raise refusal(self.path, f"{fault}; {self.save_again}", name)
        return part

    # --- walking -------------------------------------------------------------------------------------------------

    def _visit(self, part: _Part) -> None:
        if part.root is not None and self.kind.app == "Word":
            if self.kind.is_main(part.content_type):
                part.changed |= clear_body(part.root)
            part.changed |= self._defuse_word(part)
        if part.root is not None and self.kind.app == "PowerPoint":
            part.changed |= self._drop_running_actions(part)
        relationships = self._relationships(_rels_name_of(part.name))
        using = elements_using_relationships(part.root) if part.root is not None else []
        referenced = {value for element in using for key, value in element.attrib.items()
                      if key.startswith(RELATIONSHIP_ID)}
        self._follow(part.content_type, part.name, relationships, referenced, part)
        kept_ids = {relationship.rel_id for relationship in part.relationships}
        part.changed |= drop_references(using, kept_ids)
        if part.root is not None and self.kind.is_main(part.content_type) and self.kind.app == "PowerPoint":
            part.changed |= drop_sections_slides(part.root)
            part.changed |= drop_embedded_fonts(part.root)

    def _follow(self, source_type: str, source: str, relationships: list[_Relationship],
                referenced: set[str] | None, part: _Part | None = None) -> None:
        """Keep the relationships of ``source`` (and the parts they name) that the rules allow."""
        rules = self.kind.rules_from(source_type)
        shown_source = source or ROOT_RELATIONSHIPS
        for relationship in relationships:
            rule = rules.get(relationship.rel_type)
            if relationship.external:
                self._note_external(relationship, shown_source)
                continue
            target = _resolve(source, relationship.target)
            if target is not None:
                self.pointed_at.setdefault(target.lower(), relationship.rel_type)
            if rule is None or (rule.explicit and referenced is not None and relationship.rel_id not in referenced):
                continue
            stored = self.reader.name_of(target) if target is not None else None
            if stored is None:
                self._missing(relationship, rule, shown_source, target)
                continue
            if not self._keep(stored, rule, shown_source):
                continue
            (part.relationships if part is not None else self.root_relationships).append(relationship)
        for rel_type, rule in rules.items():
            if rule.essential and not any(r.rel_type == rel_type and self._kept_target(source, r)
                                          for r in relationships):
                if source == ROOT:
                    raise refusal(self.path, f"names no {rule.what}; {self.save_again}", shown_source)
                raise refusal(self.path, f"the {self._noun(source_type)} has no {rule.what}; {self.save_again}",
                              shown_source)

    def _noun(self, content_type: str) -> str:
        """Return what a user calls a part of ``content_type`` ("slide master"), from the rules that reach it."""
        for rules in self.kind.rules.values():
            for rule in rules.values():
                if rule.allows(content_type):
                    return rule.what
        return "part"

    def _kept_target(self, source: str, relationship: _Relationship) -> bool:
        target = _resolve(source, relationship.target) if not relationship.external else None
        return target is not None and target.lower() in self.kept

    def _keep(self, stored: str, rule: Rule, source: str) -> bool:
        """Keep the part ``stored`` if it is what ``rule`` allows; return whether it is kept."""
        key = stored.lower()
        content_type = self._content_type(stored)
        if not rule.allows(content_type):
            if source == ROOT_RELATIONSHIPS:
                self._refuse_other_kind(content_type)
            if rule.essential:
                raise refusal(self.path, f"the part {source} names as its {rule.what} is not one (its content type "
                                         f"is {shown_target(content_type) or 'missing'}); {self.save_again}", stored)
            return False
        if key in self.refused:
            return False
        if key not in self.kept:
            part = self._load(stored, content_type)
            if content_type.lower() in _PICTURE_TYPES:
                try:
                    part.data, pixels = clean_picture(part.data, stored, content_type, self.picture_pixels)
                    self.picture_pixels += pixels
                except UnusablePicture as reason:
                    self.refused.add(key)
                    self.dropped.append(f"{shown_target(stored)} (a picture on {source}, dropped: {reason})")
                    return False
            self.kept[key] = part
            self.to_visit.append(part)
        return True

    def _refuse_other_kind(self, content_type: str) -> None:
        """Refuse a main part of another kind of office file (a Word file named .potx) as such."""
        for marker, kind in OTHER_KINDS.items():
            if marker in content_type.lower() and kind != self.kind.app:
                elsewhere = f"a {kind} template is given as {TEMPLATE_KEYS[kind]}" if kind in TEMPLATE_KEYS \
                    else f"{kind} files are not templates"
                raise refusal(self.path, f"this is {ARTICLES.get(kind, 'a')} {kind} file, not a {self.kind.name} one; "
                                         f"give a {self.kind.app} template here ({elsewhere})")

    def _missing(self, relationship: _Relationship, rule: Rule, source: str, target: str | None) -> None:
        shown = shown_target(target if target is not None else relationship.target)
        if rule.essential:
            raise refusal(self.path, f"names {shown} as its {rule.what}, but the package has no such part; "
                                     f"{self.save_again}", source)
        self.dropped.append(f"broken link to missing part {shown} ({rule.what}) on {source}")

    def _note_external(self, relationship: _Relationship, source: str) -> None:
        shown = shown_target(relationship.target)
        if relationship.rel_type.lower().endswith(ATTACHED_TEMPLATE):
            self.dropped.append(f"attached template {shown}")
        else:
            self.dropped.append(f"external link {shown} on {source}")

    def _check_presentation(self, main: _Part) -> None:
        masters = [part for part in self.kept.values() if part.content_type.lower() == CT.PML_SLIDE_MASTER.lower()]
        if not masters:
            raise refusal(self.path, "the template has no slide master; save it again from PowerPoint with its "
                                     "Slide Master view's master and layouts", main.name)
        for master in masters:
            if not any(r.rel_type == RT.SLIDE_LAYOUT for r in master.relationships):
                raise refusal(self.path, "the slide master has no layouts; add at least one layout in PowerPoint's "
                                         "Slide Master view", master.name)

    def _note_parts_left_behind(self) -> None:
        for key, entry in sorted(self.reader.entries.items()):
            name = entry.filename
            if key in self.kept or key in self.refused or key == CONTENT_TYPES_PART.lower() or key.endswith(".rels"):
                continue
            self.dropped.append(f"{shown_target(name)} ({self._reason(name)})")

    def _reason(self, name: str) -> str:
        clues = "".join(f"{clue} " for clue in (self._content_type(name), self.pointed_at.get(name.lower(), ""),
                                                name)).lower()
        for word, reason in DROP_REASONS:
            if word in clues:
                return reason
        return "not used by the template's masters, layouts or styles"

    # --- Word and PowerPoint content that reaches out ------------------------------------------------------------

    def _defuse_word(self, part: _Part) -> bool:
        assert part.root is not None
        changed = False
        for tag, what in _OUTREACHING_SETTINGS.items():
            for element in list(part.root.iter(tag)):
                if what:
                    self.dropped.append(f"{what} on {part.name}")
                detach(element)
                changed = True
        for instruction in running_field_instructions(part.root):
            self.dropped.append(f"field {shown_target(instruction)} on {part.name}")
            changed = True
        return changed

    def _drop_running_actions(self, part: _Part) -> bool:
        assert part.root is not None
        changed = False
        for element in list(part.root.iter(*_ACTION_ELEMENTS)):
            action = element.get("action") or ""
            if action.lower().startswith(_RUNNING_ACTIONS):
                self.dropped.append(f"click action {shown_target(action)} on {part.name}")
                remove(element)
                changed = True
        return changed

    # --- writing -------------------------------------------------------------------------------------------------

    def _write(self, main: _Part) -> bytes:
        files: dict[str, bytes] = {}
        content_types: dict[str, str] = {}
        for part in self.kept.values():
            data = part.data
            if part.changed and part.root is not None:
                data = etree.tostring(part.root, xml_declaration=True, encoding="UTF-8", standalone=True)
            files[part.name] = data
            content_types[part.name] = self.kind.document_type if part is main else part.content_type
            if part.relationships:
                files[_rels_name_of(part.name)] = _relationships_xml(part.relationships)
        files[ROOT_RELATIONSHIPS] = _relationships_xml(self.root_relationships)
        return write_package(files, content_types)


def _rels_name_of(name: str) -> str:
    folder, base = posixpath.split(name)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _resolve(source: str, target: str) -> str | None:
    """Return the part a relationship's target names (no leading '/'), or None if it points outside the package."""
    target = unquote(target.split("#", 1)[0])
    if not target:
        return None
    joined = target if target.startswith("/") else posixpath.join("/", posixpath.dirname(source), target)
    resolved = posixpath.normpath(joined)
    return resolved.lstrip("/") or None


def _relationships_xml(relationships: list[_Relationship]) -> bytes:
    root = etree.Element(f"{{{PACKAGE_RELATIONSHIPS}}}Relationships", nsmap={None: PACKAGE_RELATIONSHIPS})
    for relationship in relationships:
        etree.SubElement(root, f"{{{PACKAGE_RELATIONSHIPS}}}Relationship", Id=relationship.rel_id,
                         Type=relationship.rel_type, Target=relationship.target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
