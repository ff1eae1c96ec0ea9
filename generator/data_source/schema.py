"""Turn YAML nodes into the typed model, collecting every problem on the way.

The dataclasses in :mod:`generator.model` are the schema: a field's type says
what the YAML must hold there. Text fields take the characters the user
typed (so ``NO`` stays ``NO`` and ``012345`` stays ``012345``); whole numbers
are counts and may not be negative.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import re
import types
import typing
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..model import data_fields
from ..problems import WARNING, Problem, shorten
from .yaml_messages import requote
from .yaml_reader import MAX_EXPANDED_VALUES, MAX_NESTING

# The same limits the reader enforces on the YAML, kept here too for data that did not come through it.
MAX_VALUES = MAX_EXPANDED_VALUES
MAX_DEPTH = MAX_NESTING
MAX_COUNT = 1_000_000
"""A count (a whole number) may be at most this; checked on its digits before Python turns it into a number."""
_MAX_COUNT_DIGITS = len(str(MAX_COUNT))
_NULLS = {"", "~", "null", "Null", "NULL"}
_WHOLE_NUMBER = re.compile(r"^[+]?[0-9]+$")
_NEGATIVE_NUMBER = re.compile(r"^-[0-9]+$")
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LONGEST_KEY = 40  # longer than any field name the schema has, and than a misspelling of one
_RAN_TOGETHER = " - "  # inside one list item, as if two items had been typed on one line
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}

# What the schema walks: a model dataclass, a field's annotation (str, list[Bullet], dict[str, int], X | None).
# Python has no type for "a type annotation", so it is Any to mypy; _Walker.to_type says which forms are read.
TypeForm = Any


@functools.lru_cache(maxsize=None)
def _type_hints(cls: type) -> dict[str, TypeForm]:
    """Return a dataclass's field types (evaluating the annotations costs more than reading the data)."""
    return typing.get_type_hints(cls)


class _Invalid:
    """Marker for a value that could not be converted (its problem is already recorded)."""


INVALID = _Invalid()


class _TooLarge(Exception):
    pass


@dataclasses.dataclass
class Locations:
    """Where each key path of the data stood: its file and line, for problems found after conversion."""

    default_file: str
    lines: dict[str, int] = dataclasses.field(default_factory=dict)
    files: dict[str, str] = dataclasses.field(default_factory=dict)

    def file(self, path: str) -> str:
        """Return the label of the file the key path was written in."""
        return self.files.get(path, self.default_file)

    def problem(self, path: str, message: str, severity: str = "error") -> Problem:
        """Return a problem located at a key path."""
        return Problem(message, file=self.file(path), line=self.lines.get(path), key_path=path, severity=severity)


@dataclasses.dataclass
class Conversion:
    """Return value of :func:`convert`: the model (or INVALID), the problems, and where each key stood."""

    value: typing.Any
    problems: list[Problem]
    locations: Locations
    warnings: list[Problem] = dataclasses.field(default_factory=list)


def convert(root: Node, target: type, file_label: str, node_files: dict[int, str] | None = None) -> Conversion:
    """Return the conversion of ``root`` into an instance of the dataclass ``target``.

    ``node_files`` names the file of each node (by id) when the data spans
    included files; otherwise every node is in ``file_label``.
    """
    walker = _Walker(file_label, node_files or {})
    try:
        value = walker.to_type(root, target, "", 0)
    except _TooLarge:
        walker.problems.append(Problem(
            f"the data expands to more than {MAX_VALUES:,} values; YAML aliases (*name) may be "
            "repeating a large block many times", file=file_label, line=walker.last_line))
        value = INVALID
    return Conversion(value, walker.problems, walker.locations, walker.warnings)


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a set of keys"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"'{shorten(node.value)}'"


def _text_read_as_key(node: Node) -> str | None:
    """Return the text a one-key mapping was meant to be ('Exploitation: criminal and sexual'), if it looks so."""
    if not isinstance(node, MappingNode) or len(node.value) != 1 or node.flow_style:
        return None
    key, value = node.value[0]
    if not (isinstance(key, ScalarNode) and isinstance(value, ScalarNode)) or key.style or value.style:
        return None
    return f"{key.value}: {value.value}"


def _colon_hint(text: str, path: str) -> str:
    """Return the advice for text that YAML read as 'key: value' because it holds a colon."""
    item = path.endswith("]")
    return (f"this {'item' if item else 'value'} reads as '{shorten(text)}' with a colon, so YAML takes it as a key "
            f"and a value; put it in quotes: {'- ' if item else ''}{requote(shorten(text))}")


class _Walker:
    def __init__(self, file_label: str, node_files: dict[int, str]) -> None:
        self.file_label = file_label
        self.node_files = node_files
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.locations = Locations(file_label)
        self.visited = 0
        self.last_line = 1

    def error(self, node: Node, path: str, message: str) -> _Invalid:
        self.problems.append(Problem(message, file=self.node_files.get(id(node), self.file_label),
                                     line=node.start_mark.line + 1, key_path=path))
        return INVALID

    def warn(self, node: Node, path: str, message: str) -> None:
        self.warnings.append(Problem(message, file=self.node_files.get(id(node), self.file_label),
                                     line=node.start_mark.line + 1, key_path=path, severity=WARNING))

    def locate(self, path: str, node: Node) -> None:
        if path not in self.locations.lines:
            self.locations.lines[path] = node.start_mark.line + 1
            self.locations.files[path] = self.node_files.get(id(node), self.file_label)

    def to_type(self, node: Node, target: TypeForm, path: str, depth: int) -> Any:
        self.visited += 1
        self.last_line = node.start_mark.line + 1
        if self.visited > MAX_VALUES or depth > MAX_DEPTH:
            raise _TooLarge
        self.locate(path, node)
        origin = typing.get_origin(target)
        args = typing.get_args(target)
        if origin in (typing.Union, types.UnionType):
            return self._to_union(node, args, path, depth)
        if _is_null(node):
            return self.error(node, path, f"expected {_expected(target)}, but the value is empty")
        if origin is list:
            return self._to_list(node, args[0], path, depth)
        if origin is dict:
            return self._to_dict(node, args[1], path, depth)
        if dataclasses.is_dataclass(target):
            return self._to_dataclass(node, target, path, depth)
        return self._to_scalar(node, target, path)

    def _to_union(self, node: Node, args: tuple[TypeForm, ...], path: str, depth: int) -> Any:
        options = [a for a in args if a is not type(None)]
        if _is_null(node):
            if type(None) in args:
                return None
            return self.error(node, path, f"expected {_expected(options[0])}, but the value is empty")
        if len(options) == 1:
            return self.to_type(node, options[0], path, depth)
        # Union of text and a structure: the node's shape decides which.
        as_text = _text_read_as_key(node)
        if as_text is not None and str in options:
            structure = next((o for o in options if isinstance(o, type) and dataclasses.is_dataclass(o)), None)
            key = node.value[0][0].value
            if structure is None or key not in data_fields(structure):
                return self.error(node, path, _colon_hint(as_text, path))
        option = _option_for_shape(node, options)
        if option is not None:
            return self.to_type(node, option, path, depth)
        return self.error(node, path, f"expected {' or '.join(_expected(o) for o in options)}, got {_describe(node)}")

    def _to_list(self, node: Node, item_type: TypeForm, path: str, depth: int) -> Any:
        if not isinstance(node, SequenceNode):
            hint = ""
            if isinstance(node, ScalarNode) and not node.style and node.value.startswith("-"):
                hint = "; start each item with '- ' (a dash and a space)"
            return self.error(node, path, f"expected a list of {_expected(item_type)}, got {_describe(node)}{hint}")
        items = []
        for i, child in enumerate(node.value):
            self._warn_if_run_together(child, _join(path, i))
            items.append(self.to_type(child, item_type, _join(path, i), depth + 1))
        return INVALID if any(item is INVALID for item in items) else items

    def _warn_if_run_together(self, node: Node, path: str) -> None:
        """Warn of a list item that looks like two items merged: over several lines, or holding ' - '."""
        if not isinstance(node, ScalarNode) or node.style:
            return  # quoted or block text is what the user asked for
        line_count = node.end_mark.line - node.start_mark.line + 1
        if line_count > 1:
            self.warn(node, path, f"this item runs on over {line_count} lines (\"{shorten(node.value)}\"); if "
                                  "these are two items, start each with '- ' at the same indent; if it is one item, "
                                  "put it in quotes")
        elif _RAN_TOGETHER in node.value:
            self.warn(node, path, f"this item holds ' - ' (\"{shorten(node.value)}\"); if these are two items, "
                                  "start each on its own line with '- '; if it is one item, put it in quotes")

    def _pairs(self, node: MappingNode, path: str) -> list[tuple[str, ScalarNode, Node]]:
        """Return the mapping's (key text, key node, value node), reporting duplicate and non-text keys."""
        seen: dict[str, int] = {}
        pairs = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.error(key_node, path, "a key must be plain text")
                continue
            key = key_node.value
            if key == "<<":
                self.error(key_node, path, "merge keys (<<) are not supported; write the keys out")
                continue
            if key in seen:
                self.error(key_node, _join(path, key),
                           f"the key '{shorten(key)}' appears twice (first at line {seen[key]}); keep only one")
                continue
            seen[key] = key_node.start_mark.line + 1
            pairs.append((key, key_node, value_node))
        return pairs

    def _to_dict(self, node: Node, value_type: TypeForm, path: str, depth: int) -> Any:
        if not isinstance(node, MappingNode):
            return self.error(node, path, f"expected a set of 'name: {_expected(value_type)}' entries, "
                                          f"got {_describe(node)}")
        result = {}
        for key, key_node, value_node in self._pairs(node, path):
            self.locate(_join(path, key), key_node)
            self._check_text(key_node, key, path)
            result[key] = self.to_type(value_node, value_type, _join(path, key), depth + 1)
        return INVALID if any(v is INVALID for v in result.values()) else result

    def _to_dataclass(self, node: Node, target: TypeForm, path: str, depth: int) -> Any:
        if not isinstance(node, MappingNode):
            return self.error(node, path, f"expected {_expected(target)}, got {_describe(node)}")
        fields = data_fields(target)
        hints = _type_hints(target)
        values = {}
        failed = False
        for key, key_node, value_node in self._pairs(node, path):
            if key not in fields:
                # Only a key about as long as the field names can be a misspelling of one (and difflib is quadratic).
                close = difflib.get_close_matches(key, fields, n=1) if len(key) <= _LONGEST_KEY else []
                hint = f"did you mean '{close[0]}'? " if close else ""
                self.error(key_node, _join(path, key),
                           f"unknown key '{shorten(key)}'; {hint}expected one of: {', '.join(fields)}")
                failed = True
                continue
            self.locate(_join(path, key), key_node)
            value = self.to_type(value_node, hints[fields[key].name], _join(path, key), depth + 1)
            failed |= value is INVALID
            values[fields[key].name] = value
        for name, spec in fields.items():
            required = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
            if required and spec.name not in values:
                self.error(node, path, f"missing required key '{name}'")
                failed = True
        return INVALID if failed else target(**values)

    def _to_scalar(self, node: Node, target: TypeForm, path: str) -> Any:
        if not isinstance(node, ScalarNode):
            as_text = _text_read_as_key(node)
            if target is str and as_text is not None:
                return self.error(node, path, _colon_hint(as_text, path))
            return self.error(node, path, f"expected {_expected(target)}, got {_describe(node)}")
        text = node.value
        shown = shorten(text)
        if target is str:
            self._check_text(node, text, path)
            return text
        if target is int:
            digits = text.strip().lstrip("+")
            if _WHOLE_NUMBER.match(text.strip()):
                # Compared as digits first: int() of a 5,000-digit string raises, and nobody has that many reviews.
                if len(digits.lstrip("0")) > _MAX_COUNT_DIGITS or int(digits) > MAX_COUNT:
                    return self.error(node, path, f"expected a whole number up to {MAX_COUNT:,}, got {shown}")
                return int(digits)
            if _NEGATIVE_NUMBER.match(text.strip()):
                return self.error(node, path, f"expected a count of 0 or more, got {shown}")
            return self.error(node, path, f"expected a whole number (a count), got '{shown}'")
        if target is bool:
            if text.lower() in _TRUE | _FALSE:
                return text.lower() in _TRUE
            return self.error(node, path, f"expected true or false, got '{shown}'")
        if target is dt.date:
            try:
                return dt.date.fromisoformat(text.strip())
            except ValueError:
                return self.error(node, path, f"expected a date written like 2022-05-12, got '{shown}'")
        raise TypeError(f"schema type {target!r} is not supported")

    def _check_text(self, node: Node, text: str, path: str) -> None:
        bad = XML_ILLEGAL.search(text)
        if bad:
            self.error(node, path, f"the text holds the control character U+{ord(bad.group()):04X}, "
                                   "which documents cannot contain; remove it")



def _option_for_shape(node: Node, options: list[TypeForm]) -> TypeForm | None:
    """Return the first of a union's types the node's shape fits: a list for a list, a dataclass for a mapping,
    any other type for a scalar; None when none does."""
    for option in options:
        if isinstance(node, SequenceNode) and typing.get_origin(option) is list:
            return option
        if isinstance(node, ScalarNode) and not dataclasses.is_dataclass(option) \
                and typing.get_origin(option) is not list:
            return option
        if isinstance(node, MappingNode) and dataclasses.is_dataclass(option):
            return option
    return None

def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and not node.style and node.value in _NULLS


def _expected(target: TypeForm) -> str:
    if target is str:
        return "text"
    if target is int:
        return "a whole number"
    if target is bool:
        return "true or false"
    if target is dt.date:
        return "a date"
    origin = typing.get_origin(target)
    if origin is list:
        return "a list"
    if origin is dict:
        return "a set of named values"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_expected(a) for a in typing.get_args(target) if a is not type(None))
    doc = (target.__doc__ or "").strip().split("\n")[0].rstrip(".")
    return doc[0].lower() + doc[1:] if doc else "a set of keys"
