"""Read one data file: compose it with its includes, convert it to the model, read its register."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..i18n import SOURCE_LANGUAGE, document_tag, language_of, speaking, translator_catalogue_path
from ..model import EventData
from ..paths import display_path
from ..problems import InputError, Problem, shorten
from . import branding_checks, languages, register_data, schema, yaml_reader
from .bounded_files import UnreadableFile, check_regular_file
from .schema import Locations


TEMPLATE_KINDS = {"PowerPoint or Word": (b"PK\x03\x04",)}  # both are zip packages

MAX_INCLUDE_DEPTH = 5
"""A data file may include files that include others, at most this many levels deep."""
MAX_FILES_READ = 20
"""A data file and everything it includes may be at most this many files (each read once)."""
MAX_TOTAL_BYTES = 4 * 1024 * 1024
"""A data file and everything it includes may hold at most this many bytes together."""


@dataclass
class ReadEvent:
    """An event as read: converted to the model, its register's rows in the period matched to it (not yet counted),
    where each key was written, and the problems found so far (none of them errors)."""

    event: EventData
    locations: Locations
    label: str
    warnings: list[Problem]
    text: str
    paths: dict[str, Path]  # each file read (the data file and its includes) by its label
    allow_outside: bool
    language: str = SOURCE_LANGUAGE  # the language of this version: 'cy', 'en'
    translator: Path | None = None  # where the partnership's translator's catalogue of that language goes


@dataclass
class ThemeFiles:
    """The files the theme names, each None when it has a problem; the logo's bytes; and the problems."""

    paths: dict[str, Path | None]
    logo_image: bytes
    problems: list[Problem]


def read_event(path: Path, allow_outside: bool = False, suppress_below: int | None = None,
               language: str | None = None) -> ReadEvent:
    """Return the event in ``path``, converted to the model, with its register read; raise InputError listing
    every error found.

    The data may ``include:`` other YAML files (shared areas or legal
    framework, say), found relative to the file that names them, which must
    lie in its folder unless ``allow_outside`` is set. A review register the
    data names is read, and its rows in the period kept, matched to the
    data's types, areas and themes, for counting; ``suppress_below`` (the
    command line's) overrides ``publish.suppress_below``. A data file listing ``event.languages`` is read in
    ``language`` (its first, when None): each text given per language is that language's.
    """
    label = display_path(path)
    sources = _Sources(allow_outside)
    root = sources.compose(path, ())
    if sources.problems:
        raise InputError(sources.problems)
    found = languages.language_problems(root, label)
    if found:
        raise InputError(found)
    declared = languages.declared_languages(root)
    chosen = language or (declared[0] if declared else language_of(languages.document_language(root)))
    first_names: dict[str, str] = {}
    if declared:
        root, found = languages.in_language(root, chosen, declared, sources.node_files, label)
        if chosen != declared[0]:
            first = _Sources(allow_outside).compose(path, ())
            first, _missing = languages.in_language(first, declared[0], declared, {}, label)
            first_names = languages.names_in_first_language(root, first)
    translator = translator_catalogue_path(path, chosen)
    with speaking(chosen, translator):  # the model's defaults ("Thank you") are words of the version's language
        conversion = schema.convert(root, EventData, label, sources.node_files)
        if conversion.value is schema.INVALID or conversion.problems:
            raise InputError(conversion.problems)
        event, locations = conversion.value, conversion.locations
        if declared:
            event.event.language = document_tag(chosen)
        found += conversion.warnings + register_data.apply_register(event, locations, path, allow_outside,
                                                                    suppress_below, first_names)
    if any(p.severity == "error" for p in found):
        raise InputError(sorted((p for p in found if p.severity == "error"), key=lambda p: (p.file, p.line or 0)))
    return ReadEvent(event, locations, label, found, sources.text, sources.paths, allow_outside, chosen, translator)


def theme_files(read: ReadEvent) -> ThemeFiles:
    """Return the logo and templates the event's theme names, found relative to the file that names each, with
    the logo read once and the templates' kinds checked."""
    found: list[Problem] = []
    files: dict[str, Path | None] = {}
    logo_image = b""
    theme, locations = read.event.theme, read.locations
    for key in ("logo", "pptx_template", "docx_template"):
        value = getattr(theme, key)
        if value:
            key_path = f"theme.{key}"
            named_in = read.paths[locations.file(key_path)]
            resolved, problems = branding_checks.resolve_file(named_in, value, key_path, locations,
                                                              read.allow_outside)
            if resolved is not None and key == "logo":
                logo_image, problems = branding_checks.read_logo(resolved, value, key_path, locations)
            elif resolved is not None:
                problems = branding_checks.check_kind(resolved, value, key_path, locations, TEMPLATE_KINDS)
            files[key] = None if problems else resolved
            found.extend(problems)
    return ThemeFiles(files, logo_image, found)


def compose_data(path: Path, allow_outside: bool = False) -> tuple[Node, dict[int, str]]:
    """Return the data file's nodes with its includes merged in, and the file each node was written in (by the
    node's id); raise InputError for a YAML mistake or an include that cannot be read, as a build would."""
    sources = _Sources(allow_outside)
    root = sources.compose(path, ())
    if sources.problems:
        raise InputError(sources.problems)
    return root, sources.node_files


class _Sources:
    """The data file and the files it includes, composed into one node tree that remembers each node's file.

    Each file is read once: including a file twice, a loop of includes, more
    than MAX_INCLUDE_DEPTH levels, MAX_FILES_READ files or MAX_TOTAL_BYTES in
    all are each refused with the chain of files that led there, before the
    next file is read, so a fan-out of includes stops at once.
    """

    def __init__(self, allow_outside: bool):
        self.allow_outside = allow_outside
        self.node_files: dict[int, str] = {}
        self.paths: dict[str, Path] = {}
        self.problems: list[Problem] = []
        self.text = ""
        self.included_from: dict[Path, str] = {}  # each file read, and where it was first included
        self.bytes_read = 0

    def compose(self, path: Path, chain: tuple[Path, ...]) -> Node:
        label = display_path(path)
        text = yaml_reader.read_text(path, label)
        self.bytes_read += len(text.encode("utf-8"))
        self.included_from.setdefault(path.resolve(), label)
        if not chain:
            self.text = text
        root = yaml_reader.compose(text, label)
        self.paths[label] = path
        for node in _walk(root):
            self.node_files.setdefault(id(node), label)
        if not isinstance(root, MappingNode):
            return root
        include = next(((k, v) for k, v in root.value if isinstance(k, ScalarNode) and k.value == "include"), None)
        if include is None:
            return root
        root.value = [pair for pair in root.value if pair[0] is not include[0]]
        for name_node in _include_names(include[1], label, self.problems):
            self._merge(root, path, name_node, chain + (path,))
        return root

    def _merge(self, root: MappingNode, path: Path, name_node: ScalarNode, chain: tuple[Path, ...]) -> None:
        label = display_path(path)
        line = name_node.start_mark.line + 1
        where = Locations(label, {"include": line})
        included, problems = branding_checks.resolve_file(path, name_node.value, "include", where,
                                                          self.allow_outside)
        self.problems.extend(problems)
        if included is None:
            return
        resolved = included.resolve()
        names = [display_path(p) for p in chain] + [display_path(included)]
        shown = shorten(name_node.value)
        if resolved in {p.resolve() for p in chain}:
            self.problems.append(where.problem("include", f"'{shown}' includes itself: {' -> '.join(names)}"))
            return
        if resolved in self.included_from:
            self.problems.append(where.problem(
                "include", f"'{shown}' is already included (by {self.included_from[resolved]}); include each file "
                           "once"))
            return
        refusal = self._refusal(included, chain, names, shown)
        if refusal:
            # Stop here, before reading another file: a fan-out of includes must not run on.
            raise InputError([where.problem("include", refusal)] + self.problems)
        self.included_from[resolved] = f"{label}, line {line}"
        sub_root = self.compose(included, chain)
        if not isinstance(sub_root, MappingNode):
            self.problems.append(where.problem("include", f"'{shown}' must hold keys (event:, areas:, "
                                                          "...), not a list or a single value"))
            return
        present = {k.value: k for k, _ in root.value if isinstance(k, ScalarNode)}
        for key, value in sub_root.value:
            if isinstance(key, ScalarNode) and key.value in present:
                self.problems.append(where.problem(
                    "include", f"'{shorten(key.value)}' is set both in {label} (line "
                               f"{present[key.value].start_mark.line + 1}) and in {display_path(included)} (line "
                               f"{key.start_mark.line + 1}); keep one"))
            else:
                root.value.append((key, value))

    def _refusal(self, included: Path, chain: tuple[Path, ...], names: list[str], shown: str) -> str:
        """Return why reading ``included`` would go past a limit, or "" if it would not."""
        if len(chain) > MAX_INCLUDE_DEPTH:
            return f"includes are nested more than {MAX_INCLUDE_DEPTH} deep: {' -> '.join(names)}"
        if len(self.included_from) >= MAX_FILES_READ:
            return (f"the data and its includes may be at most {MAX_FILES_READ} files; '{shown}' would be file "
                    f"{len(self.included_from) + 1}")
        try:
            size = check_regular_file(included, yaml_reader.MAX_FILE_BYTES, "an included file")
        except UnreadableFile as error:
            return f"'{shown}': {error.reason}"
        if self.bytes_read + size > MAX_TOTAL_BYTES:
            return (f"the data and its includes may hold at most {MAX_TOTAL_BYTES:,} bytes together; with "
                    f"'{shown}' they would hold {self.bytes_read + size:,}")
        return ""


def _include_names(node: Node, label: str, problems: list[Problem]) -> list[ScalarNode]:
    """Return the file names an include: lists, each once; a name listed again is reported, not read again."""
    names = node.value if isinstance(node, SequenceNode) else [node]
    valid = [n for n in names if isinstance(n, ScalarNode) and n.value.strip()]
    if len(valid) != len(names):
        problems.append(Problem("expected a file name or a list of file names", file=label,
                                line=node.start_mark.line + 1, key_path="include"))
    counts = Counter(n.value for n in valid)
    unique = list({n.value: n for n in reversed(valid)}.values())[::-1]
    for name_node in unique:
        if counts[name_node.value] > 1:
            problems.append(Problem(f"'{shorten(name_node.value)}' is listed {counts[name_node.value]} times; "
                                    "include each file once", file=label, line=name_node.start_mark.line + 1,
                                    key_path="include"))
    return unique


def _walk(root: Node):
    """Yield every distinct node of a tree (aliases make it a graph; each node once)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
