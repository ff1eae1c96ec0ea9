"""Load one data file: read, compose, convert to the model, check its numbers."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..model import EventData
from ..problems import InputError, Problem
from . import branding_checks, consistency, schema, yaml_reader
from .schema import Locations


IMAGE_KINDS = {"PNG": (b"\x89PNG\r\n\x1a\n",), "JPEG": (b"\xff\xd8\xff",)}
TEMPLATE_KINDS = {"Office (zip)": (b"PK\x03\x04",)}


@dataclass
class LoadedData:
    """A validated event, where it came from, the files its theme names, and the warnings raised."""

    event: EventData
    path: Path
    warnings: list[Problem]
    text: str
    logo: Path | None = None
    pptx_template: Path | None = None
    docx_template: Path | None = None


def display_path(path: Path) -> str:
    """Return the path as the user would recognise it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def load_event(path: Path, allow_outside: bool = False) -> LoadedData:
    """Return the validated event in ``path``; raise InputError listing every error found.

    The data may ``include:`` other YAML files (shared areas or legal
    framework, say); they and the files the theme names (logo, templates) are
    found relative to the file that names them, and must lie in its folder
    unless ``allow_outside`` is set.
    """
    label = display_path(path)
    sources = _Sources(allow_outside)
    root = sources.compose(path, ())
    if sources.problems:
        raise InputError(sources.problems)
    conversion = schema.convert(root, EventData, label, sources.node_files)
    if conversion.value is schema.INVALID or conversion.problems:
        raise InputError(conversion.problems)
    event, locations = conversion.value, conversion.locations
    found = consistency.check(event, locations) + branding_checks.check_branding(event.theme, locations)
    files = {}
    for key, kinds in (("logo", IMAGE_KINDS), ("pptx_template", TEMPLATE_KINDS), ("docx_template", TEMPLATE_KINDS)):
        value = getattr(event.theme, key)
        if value:
            named_in = sources.paths[locations.file(f"theme.{key}")]
            files[key], problems = branding_checks.resolve_file(named_in, value, f"theme.{key}", locations,
                                                                allow_outside, kinds)
            found.extend(problems)
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise InputError(sorted(errors, key=lambda p: (p.file, p.line or 0)))
    return LoadedData(event, path, found, sources.text, **files)


class _Sources:
    """The data file and the files it includes, composed into one node tree that remembers each node's file."""

    MAX_INCLUDE_DEPTH = 5

    def __init__(self, allow_outside: bool):
        self.allow_outside = allow_outside
        self.node_files: dict[int, str] = {}
        self.paths: dict[str, Path] = {}
        self.problems: list[Problem] = []
        self.text = ""

    def compose(self, path: Path, chain: tuple[Path, ...]) -> Node:
        label = display_path(path)
        text = yaml_reader.read_text(path, label)
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
        where = Locations(label, {"include": name_node.start_mark.line + 1})
        included, problems = branding_checks.resolve_file(path, name_node.value, "include", where,
                                                          self.allow_outside, None)
        self.problems.extend(problems)
        if included is None:
            return
        if included.resolve() in {p.resolve() for p in chain} or len(chain) > self.MAX_INCLUDE_DEPTH:
            self.problems.append(where.problem("include", f"'{name_node.value}' includes itself (directly or "
                                                          "through other files)"))
            return
        sub_root = self.compose(included, chain)
        if not isinstance(sub_root, MappingNode):
            self.problems.append(where.problem("include", f"'{name_node.value}' must hold keys (event:, areas:, "
                                                          "...), not a list or a single value"))
            return
        present = {k.value: k for k, _ in root.value if isinstance(k, ScalarNode)}
        for key, value in sub_root.value:
            if isinstance(key, ScalarNode) and key.value in present:
                self.problems.append(where.problem(
                    "include", f"'{key.value}' is set both in {label} (line {present[key.value].start_mark.line + 1})"
                               f" and in {display_path(included)} (line {key.start_mark.line + 1}); keep one"))
            else:
                root.value.append((key, value))


def _include_names(node: Node, label: str, problems: list[Problem]) -> list[ScalarNode]:
    names = node.value if isinstance(node, SequenceNode) else [node]
    valid = [n for n in names if isinstance(n, ScalarNode) and n.value.strip()]
    if len(valid) != len(names):
        problems.append(Problem("expected a file name or a list of file names", file=label,
                                line=node.start_mark.line + 1, key_path="include"))
    return valid


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
