"""Read a YAML data file into a node tree, safely and with line numbers.

Nothing here turns YAML into Python values: PyYAML's constructor would
silently keep the last of two duplicate keys and read ``NO`` as false. The
schema module walks the nodes instead, so every value keeps the text the user
typed and the line it stands on.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from ..problems import InputError, Problem
from .bounded_files import UnreadableFile, read_regular_file
from .yaml_messages import split_lines, syntax_problem

MAX_FILE_BYTES = 2 * 1024 * 1024
"""A data file (or one file it includes) may be at most this many bytes; checked before it is read."""
MAX_NESTING = 40
"""Blocks may be nested at most this many levels deep (refused before Python's own stack runs out)."""
MAX_EXPANDED_VALUES = 50_000
"""Aliases (*name) may expand the data to at most this many values (a "billion laughs" file is refused)."""
EMPTY_FILE = "the file is empty; expected the event's data (event:, review_types:, ...)"
MAX_CHARACTER_PROBLEMS = 10
"""At most this many lines holding forbidden characters are reported (a binary file would fill the screen)."""

# What YAML itself may hold (its "printable" set), less U+0085, U+2028 and U+2029: YAML counts those as line
# breaks and editors do not, so every later line number would be off; they are refused with their line instead.
_FORBIDDEN_CHARACTER = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAKS = {0x85: "NEXT LINE", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR"}


class _TooDeep(Exception):
    def __init__(self, line: int | None):
        self.line = line


class _TooMany(Exception):
    def __init__(self, line: int | None):
        self.line = line


try:  # libyaml's parser is ten times faster; the composer stays in Python so nesting can be bounded
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]  # public in cyaml, missing from its stub

    class _Base(Composer, _Parser, Resolver):
        def __init__(self, stream):
            _Parser.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader  # type: ignore[misc,assignment]


class _DepthLimitedLoader(_Base):
    """A safe loader whose composer refuses absurd nesting before Python's stack does, and too many values as
    soon as it has read one more than the limit (not after reading a huge file whole)."""

    DEFAULT_TAGS = {ScalarNode: Resolver.DEFAULT_SCALAR_TAG, SequenceNode: Resolver.DEFAULT_SEQUENCE_TAG,
                    MappingNode: Resolver.DEFAULT_MAPPING_TAG}

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self._composed = 0

    def resolve(self, kind, _value, _implicit):
        # The schema reads every value's text itself; PyYAML's guess at a type (a regex per value) is not needed.
        return self.DEFAULT_TAGS[kind]

    def compose_node(self, parent, index):
        self._depth += 1
        self._composed += 1  # an alias counts once here; what it expands to is counted after composing
        try:
            if self._depth > MAX_NESTING:
                raise _TooDeep(self._next_line())
            if self._composed > MAX_EXPANDED_VALUES:
                raise _TooMany(self._next_line())
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def _next_line(self) -> int | None:
        """Return the line of the node about to be composed."""
        event = self.peek_event()
        mark = event.start_mark if event is not None else None
        return mark.line + 1 if mark is not None else None


def read_text(path: Path, label: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Return the file's text, or raise InputError saying why it cannot be read.

    Only an ordinary file of at most ``max_bytes`` is read (a FIFO, a device
    or a folder is refused before it is opened), and its text must be UTF-8
    holding only characters YAML allows.
    """
    try:
        raw = read_regular_file(path, max_bytes, "a data file")
    except UnreadableFile as error:
        raise InputError([Problem(error.reason, file=label)]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = len(split_lines(raw[: error.start].decode("utf-8", errors="replace")))
        raise InputError([Problem(
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02X} cannot be read); "
            "save it as UTF-8 in your editor",
            file=label, line=line)]) from None
    problems = check_characters(text, label)
    if problems:
        raise InputError(problems)
    return text


def check_characters(text: str, label: str) -> list[Problem]:
    """Return a problem for each line (up to MAX_CHARACTER_PROBLEMS) holding a character a data file may not."""
    problems: list[Problem] = []
    if not _FORBIDDEN_CHARACTER.search(text):
        return problems
    for number, line in enumerate(split_lines(text), start=1):
        found = _FORBIDDEN_CHARACTER.search(line)
        if found is None:
            continue
        code, column = ord(found.group()), found.start() + 1
        if code in _LINE_BREAKS:
            message = (f"column {column} holds the {_LINE_BREAKS[code]} character (U+{code:04X}), which YAML reads "
                       "as a line break and editors do not show; replace it with a space or an ordinary line break")
        else:
            message = (f"column {column} holds the control character U+{code:04X}, which a data file cannot "
                       "contain; remove it")
        problems.append(Problem(message, file=label, line=number))
        if len(problems) == MAX_CHARACTER_PROBLEMS:
            break
    return problems


def compose(text: str, label: str) -> Node:
    """Return the root node of a one-document YAML text, or raise InputError."""
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        raise InputError([Problem(EMPTY_FILE, file=label, line=1)])
    loader = _DepthLimitedLoader(text)
    try:
        root = loader.get_single_node()
    except _TooDeep as error:
        raise InputError([Problem(f"the data is nested more than {MAX_NESTING} levels deep",
                                  file=label, line=error.line)]) from None
    except _TooMany as error:
        raise InputError([Problem(f"the data holds more than the {MAX_EXPANDED_VALUES:,} values a data file may "
                                  "hold; this is the first value past that", file=label, line=error.line)]) from None
    except yaml.MarkedYAMLError as error:
        raise InputError([syntax_problem(text, label, error)]) from None
    except yaml.YAMLError as error:
        raise InputError([Problem(f"the YAML cannot be read: {error}", file=label)]) from None
    finally:
        loader.dispose()
    if root is None:
        raise InputError([Problem(EMPTY_FILE, file=label, line=1)])  # a byte order mark and nothing else, say
    _check_expansion(root, label)
    return root


def _check_expansion(root: Node, label: str) -> None:
    """Refuse a file whose aliases expand it past a sane size (a 'billion laughs' file), or refer to themselves.

    Aliases load as shared nodes, so the file is small until something walks
    it; the expanded size is counted here with one visit per distinct node.
    """
    sizes: dict[int, int] = {}
    shared_lines: list[int] = []
    in_progress: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            shared_lines.append(node.start_mark.line + 1)
            return sizes[key]
        if key in in_progress:
            raise InputError([Problem("a YAML alias (*name) refers to the block that contains it",
                                      file=label, line=node.start_mark.line + 1)])
        in_progress.add(key)
        total = 1
        if isinstance(node.value, list):
            for item in node.value:
                for child in item if isinstance(item, tuple) else (item,):
                    total += size(child)
        in_progress.discard(key)
        sizes[key] = total
        return total

    expanded = size(root)
    if expanded > MAX_EXPANDED_VALUES and not shared_lines:
        raise InputError([Problem(
            f"the data holds {expanded:,} values, more than the {MAX_EXPANDED_VALUES:,} a data file may hold",
            file=label, line=1)])
    if expanded > MAX_EXPANDED_VALUES:
        raise InputError([Problem(
            f"the data expands to {expanded:,} values through YAML aliases (*name), more than the "
            f"{MAX_EXPANDED_VALUES:,} allowed; the block repeated is defined here",
            file=label, line=min(shared_lines) if shared_lines else 1)])
