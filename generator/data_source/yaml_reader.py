"""Read a YAML data file into a node tree, safely and with line numbers.

Nothing here turns YAML into Python values: PyYAML's constructor would
silently keep the last of two duplicate keys and read ``NO`` as false. The
schema module walks the nodes instead, so every value keeps the text the user
typed and the line it stands on.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from ..problems import InputError, Problem

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NESTING = 40
MAX_EXPANDED_VALUES = 50_000


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


try:  # libyaml's parser is ten times faster; the composer stays in Python so nesting can be bounded
    from yaml._yaml import CParser as _Parser

    class _Base(Composer, _Parser, Resolver):
        def __init__(self, stream):
            _Parser.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class _DepthLimitedLoader(_Base):
    """A safe loader whose composer refuses absurd nesting before Python's stack does."""

    DEFAULT_TAGS = {ScalarNode: Resolver.DEFAULT_SCALAR_TAG, SequenceNode: Resolver.DEFAULT_SEQUENCE_TAG,
                    MappingNode: Resolver.DEFAULT_MAPPING_TAG}

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def resolve(self, kind, _value, _implicit):
        # The schema reads every value's text itself; PyYAML's guess at a type (a regex per value) is not needed.
        return self.DEFAULT_TAGS[kind]

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise _TooDeep(self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def read_text(path: Path, label: str) -> str:
    """Return the file's text, or raise InputError saying why it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem("file not found", file=label, category="input")]) from None
    except OSError as error:
        raise InputError([Problem(f"cannot read the file ({error.strerror})", file=label, category="input")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError([Problem(
            f"the file is {len(raw):,} bytes; a data file may be at most {MAX_FILE_BYTES:,} bytes",
            file=label, category="input")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError([Problem(
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02X} cannot be read); "
            "save it as UTF-8 in your editor",
            file=label, line=line, category="input")]) from None


def compose(text: str, label: str) -> Node:
    """Return the root node of a one-document YAML text, or raise InputError."""
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        raise InputError([Problem("the file is empty; expected the event's data (event:, review_types:, ...)",
                                  file=label, line=1, category="input")])
    loader = _DepthLimitedLoader(text)
    try:
        root = loader.get_single_node()
    except _TooDeep as error:
        raise InputError([Problem(f"the data is nested more than {MAX_NESTING} levels deep",
                                  file=label, line=error.line, category="input")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = error.problem or error.context or "the YAML cannot be read"
        raise InputError([Problem(f"YAML syntax error: {reason}", file=label,
                                  line=mark.line + 1 if mark else None, category="yaml")]) from None
    except yaml.YAMLError as error:
        raise InputError([Problem(f"YAML syntax error: {error}", file=label, category="yaml")]) from None
    finally:
        loader.dispose()
    if root is None:
        raise InputError([Problem("the file is empty; expected the event's data", file=label, line=1,
                                  category="input")])
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
                                      file=label, line=node.start_mark.line + 1, category="input")])
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
    if expanded > MAX_EXPANDED_VALUES:
        raise InputError([Problem(
            f"the data expands to {expanded:,} values through YAML aliases (*name), more than the "
            f"{MAX_EXPANDED_VALUES:,} allowed; the block repeated is defined here",
            file=label, line=min(shared_lines) if shared_lines else 1, category="input")])
