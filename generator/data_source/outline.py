"""Read only what a command needs of a data file, with the messages a build would give.

``register new`` needs a data file's review types and areas, and ``new`` the
shape of the file it writes and the register it names. Neither needs the file
to be ready to build: a register not written yet, counts not given yet, and
placeholders that only the counted figures can fill must not stop the very
commands that start a partnership off. So the file is composed with its
includes as the loader composes it, and only the keys wanted go through the
schema: a YAML mistake, or a mistake in those keys, is reported with the same
file, line and key as ``build`` reports it; the rest of the file is not
looked at.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..categories import DEFAULT_GENDERS
from ..i18n import _, language_of, speaking
from ..model import DEFAULT_REVIEW_STATUSES, Categories, EventData, shown_status
from ..paths import display_path
from ..problems import InputError
from . import languages, schema
from .loader import compose_data
from .schema import Locations

# The keys of a data file (and of each of its review types) that a blank register is made from.
TYPES_KEY = "review_types"
AREAS_KEY = "areas"
REGISTER_KEY = "register"
CATEGORIES_KEY = "categories"
TYPE_KEYS_READ = ("abbreviation", "roles", "criteria")
THEMES_KEY = "themes"
TIMELINE_KEY = "timeline"
TIMELINE_KEYS_READ = ("review_statuses",)


@dataclass
class TypeAbbreviation:
    """A review type: names, counts, demographics, themes, legal framework and briefing.

    Only the abbreviation (as in CSPR) and the roles are read here; the
    first line is the model's own, so that a message saying what a review
    type should hold reads as a build's does.
    """

    abbreviation: str
    roles: dict[str, str] = field(default_factory=dict)
    criteria: list[str] = field(default_factory=list)


@dataclass
class DeclaredStatuses:
    """The story over time a register tells: reviews per year, timeliness, and recommendations acted on.

    Only the review statuses (the Status column's drop-down) are read here.
    """

    review_statuses: list[str] = field(default_factory=lambda: list(DEFAULT_REVIEW_STATUSES))


@dataclass
class TypesAndAreas:
    """The data file's review types and areas, and the categories its register's people are counted in."""

    areas: dict[str, str]
    review_types: dict[str, TypeAbbreviation]
    categories: Categories = field(default_factory=Categories)
    timeline: DeclaredStatuses = field(default_factory=DeclaredStatuses)


@dataclass(frozen=True)
class RegisterChoices:
    """What a blank register offers for a data file, and the register the data file already names."""

    review_types: list[str]  # each type's abbreviation (its key when the abbreviation is blank), in the data's order
    areas: list[str]  # the areas' short names, in the data's order
    register_named: str | None  # the data's register: when it names one file or folder, else None
    roles: list[str] = field(default_factory=list)  # every type's declared roles, once each, in the data's order
    themes: list[str] = field(default_factory=list)  # every type's themes, once each
    categories: Categories = field(default_factory=Categories)
    criteria: list[str] = field(default_factory=list)  # every type's declared criteria (SUSR), once each
    statuses: list[str] = field(default_factory=lambda: list(DEFAULT_REVIEW_STATUSES))  # a review's Status offered


def read_structure(path: Path) -> tuple[EventData, Locations]:
    """Return the data file converted by the schema: every key's shape checked, nothing counted or filled in.

    Unlike :func:`generator.loading.load_event`, the register is not read,
    numbers are not checked against each other, placeholders are left as
    typed and the theme's files are not opened. Raise InputError when the
    file does not match the schema.
    """
    root, node_files = compose_data(path)  # the loader's own reading: includes, limits, messages
    root = _in_first_language(root, node_files, display_path(path))
    conversion = schema.convert(root, EventData, display_path(path), node_files)
    if conversion.value is schema.INVALID or conversion.problems:
        raise InputError(conversion.problems)
    return conversion.value, conversion.locations


def read_register_choices(path: Path) -> RegisterChoices:
    """Return the review types, areas, roles, themes and categories a blank register for ``path`` offers.

    Only ``review_types`` (each type's abbreviation, roles and themes),
    ``areas`` and ``categories`` are read.
    Raise InputError, located, when the YAML cannot be read, when those keys
    are missing or malformed, or when either lists nothing.
    """
    label = display_path(path)
    root, node_files = compose_data(path)
    root = _in_first_language(root, node_files, label)  # a bilingual file's register is kept in its first
    if not isinstance(root, MappingNode):
        # The build's message: what the whole file should hold.
        raise InputError(schema.convert(root, EventData, label, node_files).problems)
    kept = _only(root, {TYPES_KEY: TYPE_KEYS_READ, AREAS_KEY: None, CATEGORIES_KEY: None},
                 node_files, {TIMELINE_KEY: TIMELINE_KEYS_READ})
    conversion = schema.convert(kept, TypesAndAreas, label, node_files)
    if conversion.value is schema.INVALID or conversion.problems:
        raise InputError(conversion.problems)
    outline: TypesAndAreas = conversion.value
    empty = [conversion.locations.problem(key, f"the data file lists no {what}; a register needs at least one, "
                                               "for its drop-down list")
             for key, what, values in ((TYPES_KEY, "review types", outline.review_types),
                                       (AREAS_KEY, "areas", outline.areas)) if not values]
    if empty:
        raise InputError(sorted(empty, key=lambda problem: problem.line or 0))
    register = _value_of(root, REGISTER_KEY)
    categories = outline.categories
    with speaking(_first_language(root)):  # a register kept in Welsh offers the default statuses in Welsh
        statuses = [shown_status(status) for status in outline.timeline.review_statuses]
        genders = [_(gender) if gender in DEFAULT_GENDERS else gender for gender in categories.genders]
    return RegisterChoices(
        review_types=[review.abbreviation or key for key, review in outline.review_types.items()],
        areas=list(outline.areas),
        register_named=register.value if isinstance(register, ScalarNode) and register.value.strip() else None,
        roles=list(dict.fromkeys(role for review in outline.review_types.values() for role in review.roles)),
        themes=_theme_names(root),
        categories=dataclasses.replace(categories, genders=genders),
        criteria=list(dict.fromkeys(name for review in outline.review_types.values() for name in review.criteria)),
        statuses=statuses)


def _first_language(root: Node) -> str:
    """Return the language a data file's register is kept in: its first language, or its document's."""
    declared = languages.declared_languages(root)
    return declared[0] if declared else language_of(languages.document_language(root))


def _in_first_language(root: Node, node_files: dict[int, str], label: str) -> Node:
    """Return a bilingual data file's nodes with each text given per language as its first language's (a file
    with no languages as it is); the build reports a missing translation, not this reading."""
    declared = languages.declared_languages(root)
    if not declared:
        return root
    return languages.in_language(root, declared[0], declared, node_files, label)[0]


def _theme_names(root: MappingNode) -> list[str]:
    """Return every theme name the review types list, once each, as far as they are written as expected: they only
    widen the register's Themes column, so a theme written wrongly is the build's to report, not this reading's."""
    types = _value_of(root, TYPES_KEY)
    names: list[str] = []
    for _, review in types.value if isinstance(types, MappingNode) else []:
        themes = _value_of(review, THEMES_KEY) if isinstance(review, MappingNode) else None
        for theme in themes.value if isinstance(themes, SequenceNode) else []:
            name = _value_of(theme, "name") if isinstance(theme, MappingNode) else theme
            if isinstance(name, ScalarNode) and name.value not in names:
                names.append(name.value)
    return names


def _value_of(node: MappingNode, key: str) -> Node | None:
    return next((value for name, value in node.value if isinstance(name, ScalarNode) and name.value == key), None)


def _only(root: MappingNode, wanted: dict[str, tuple[str, ...] | None], node_files: dict[int, str],
          wanted_within: dict[str, tuple[str, ...]] | None = None) -> MappingNode:
    """Return ``root`` holding only the keys ``wanted``; each names the keys kept in each of its entries (None: all),
    and of the keys ``wanted_within``, only the keys named (timeline: review_statuses).

    The nodes kept are the composed ones, so every line and file stays where
    the user wrote it; the new mappings are recorded as in their old files.
    """
    pairs = []
    within = wanted_within or {}
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value in within:
            pairs.append((key, _filtered(value, within[key.value], node_files)))
            continue
        if not (isinstance(key, ScalarNode) and key.value in wanted):
            continue
        inner = wanted[key.value]
        if inner is not None and isinstance(value, MappingNode):
            value = _copy(value, [(name, _filtered(entry, inner, node_files)) for name, entry in value.value],
                          node_files)
        pairs.append((key, value))
    return _copy(root, pairs, node_files)


def _filtered(node: Node, keys: tuple[str, ...], node_files: dict[int, str]) -> Node:
    if not isinstance(node, MappingNode):
        return node  # the schema says what it should have been
    return _copy(node, [(k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value in keys], node_files)


def _copy(node: MappingNode, pairs: Sequence[tuple[Node, Node]], node_files: dict[int, str]) -> MappingNode:
    copy = MappingNode(node.tag, list(pairs), node.start_mark, node.end_mark, node.flow_style)
    if id(node) in node_files:
        node_files[id(copy)] = node_files[id(node)]
    return copy

