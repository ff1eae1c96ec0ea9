"""The shape of a YAML text that cannot be read: the columns its lines open blocks at, which lines are keys or
items, and whether re-indenting a suspect line lets the whole text read.

:mod:`.yaml_messages` explains an error in words; this module measures the
lines it reasons about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml
from yaml.tokens import ScalarToken, Token

LOOKS_STRUCTURAL = re.compile(r"^\s*(-(\s|$)|[^\s#][^#]*?:(\s|$))")
_BEYOND_ANY_COLUMN = 1 << 62  # a start for "the leftmost column seen so far" that any real column is left of
MAX_REPAIR_TEXT_CHARS = 256 * 1024
"""Suspect lines are re-indented and the text read again to see which fix works, on texts up to this size."""
MAX_REPAIR_TRIES = 4
"""At most this many re-readings are tried for one error."""

try:  # libyaml scans ten times faster; the pure-Python scanner gives the same tokens
    from yaml import CSafeLoader as _TokenLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _TokenLoader  # type: ignore[assignment]


@dataclass(frozen=True)
class Level:
    """A column at which a line above opens a block: its indent, or the text after its '- '."""

    line: int
    column: int
    after_dash: bool


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def is_dash_line(line: str) -> bool:
    stripped = line.lstrip(" ")
    return stripped == "-" or stripped.startswith("- ")


def block_columns(line: str) -> list[Level]:
    """Return the columns the line opens blocks at: its indent, and the text after each leading '- '."""
    position = indent_of(line)
    found = [Level(-1, position, False)]
    while line[position:position + 1] == "-" and line[position + 1:position + 2] in (" ", ""):
        after = position + 1
        while line[after:after + 1] == " ":
            after += 1
        if after >= len(line) or line[after] == "#":
            break
        found.append(Level(-1, after, True))
        position = after
    return found


def child_column(line: str, column: int) -> int | None:
    """Return the column the children of the block opened at ``column`` of ``line`` must start in, if fixed."""
    following = [level.column for level in block_columns(line) if level.column > column]
    return following[0] if following else None


def opens_block(line: str) -> bool:
    """Return whether the line ends in a key with no value on it (so lines below may belong to it)."""
    content = line.split(" #", 1)[0].rstrip()
    return content.endswith(":") or content == "-" or content.endswith(" -")


def first_error_line(text: str) -> int | None:
    """Return the line (0-based) of the first YAML syntax error in ``text``, or None if it reads to the end."""
    loader = _TokenLoader(text)
    try:
        while loader.check_event():
            loader.get_event()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return mark.line if mark else 0
    except yaml.YAMLError:
        return 0
    finally:
        loader.dispose()
    return None


def tokens_before(text: str, index: int) -> Iterator[Token]:
    """Yield the YAML tokens that start before character ``index`` (scanning stops at an error)."""
    loader = _TokenLoader(text)
    try:
        while loader.check_token():
            token = loader.get_token()
            if token is None or token.start_mark.index >= index:
                return
            yield token
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


def continued_lines(tokens: list[Token]) -> set[int]:
    """Return the lines that continue a value begun on an earlier line (block text, wrapped or quoted text)."""
    found: set[int] = set()
    for token in tokens:
        if isinstance(token, ScalarToken) and token.end_mark.line > token.start_mark.line:
            last = token.end_mark.line - (1 if token.end_mark.column == 0 else 0)
            found.update(range(token.start_mark.line + 1, last + 1))
    return found


class Layout:
    """A text's lines around a syntax error at ``line``, and what re-reading it with one line moved shows."""

    def __init__(self, text: str, lines: list[str], line: int, text_lines: set[int]) -> None:
        self.text = text
        self.lines = lines
        self.line = line
        self.text_lines = text_lines  # lines that continue a value begun above (not keys or items)
        self.repair_indent = -1  # the indent that let the text read, once repaired() found one

    def is_dash_column(self, level: Level) -> bool:
        return not level.after_dash and is_dash_line(self.lines[level.line])

    def structural(self, number: int) -> bool:
        """Return whether the line holds a key or a list item (not a comment, or text continuing a value).

        Tokens are known only up to the error; below it a line counts when it looks like a key or an item.
        """
        line = self.lines[number]
        if not line.strip() or line.lstrip().startswith("#") or number in self.text_lines:
            return False
        return number <= self.line or bool(LOOKS_STRUCTURAL.match(line))

    def levels_above(self, here: int, stop_at: int, inclusive: bool = False) -> list[Level]:
        """Return the block columns open above line ``here``, nearest first, down to one at or left of ``stop_at``.

        With ``inclusive``, the columns opened on line ``here`` itself count too.
        """
        levels: list[Level] = []
        lowest = _BEYOND_ANY_COLUMN
        for number in range(here if inclusive else here - 1, -1, -1):
            if not self.structural(number):
                continue
            for level in reversed(block_columns(self.lines[number])):
                if level.column < lowest:
                    levels.append(Level(number, level.column, level.after_dash))
                    lowest = level.column
            if lowest <= stop_at:
                break
        return levels

    def sibling_at(self, line: int, column: int) -> int | None:
        """Return the nearest line of the same kind starting in ``column`` in the block ``line`` belongs there to."""
        dash = is_dash_line(self.lines[line])
        for numbers in (range(line + 1, len(self.lines)), range(line - 1, -1, -1)):
            for number in numbers:
                if not self.structural(number):
                    continue
                indent = indent_of(self.lines[number])
                if indent < column:
                    break  # out of the block
                if indent == column and is_dash_line(self.lines[number]) == dash:
                    return number
        return None

    def repaired(self, options: list[tuple[int, int]], default: int, needs_full_read: bool = False) -> int:
        """Return the line of the first (line, indent) whose re-indenting lets YAML read the whole text.

        The suspects are tried in the order given; if none reads to the end,
        the one that reads furthest wins (unless ``needs_full_read``); if none
        reads past the error, or the text is too large to try, ``default``.
        Each try is one parse, so they are bounded in number and in the size of
        text they are made on. The indent that worked is left in ``repair_indent``.
        """
        if len(self.text) > MAX_REPAIR_TEXT_CHARS:
            return default
        best, furthest = default, self.line
        tries = [(line, indent) for line, indent in options if indent >= 0 and indent != indent_of(self.lines[line])
                 and not self.orphans(line, indent)]
        for line, indent in tries[:MAX_REPAIR_TRIES]:
            attempt = list(self.lines)
            attempt[line] = " " * indent + attempt[line].lstrip(" ")
            reached = first_error_line("\n".join(attempt))
            if reached is None:
                self.repair_indent = indent
                return line
            if reached > furthest and not needs_full_read:
                best, furthest = line, reached
        return best

    def orphans(self, line: int, indent: int) -> bool:
        """Return whether moving a key that holds a block to ``indent`` would leave it with nothing under it.

        YAML would read such a move (the key now empty, its lines its siblings), but it is not what was meant.
        """
        if not opens_block(self.lines[line]):
            return False
        below = next((n for n in range(line + 1, len(self.lines)) if self.structural(n)), None)
        return below is not None and indent_of(self.lines[below]) > indent_of(self.lines[line]) >= 0 and \
            indent_of(self.lines[below]) <= indent

    def odd_one_out(self, first: int, first_column: int, second: int, second_column: int) -> int:
        """Return whichever of two lines that should line up has the indent fewer lines of its block share.

        The lines either side of them decide first; then the count of the
        block's lines at each column; then which breaks the file's even indent.
        """
        by_neighbours = self._odd_by_neighbours(first, second, {first: first_column, second: second_column})
        if by_neighbours is not None:
            return by_neighbours
        narrower = min(first_column, second_column)
        parent = next((level for level in self.levels_above(min(first, second), narrower - 1, inclusive=True)
                       if level.column < narrower), None)
        if parent is None and 0 in (first_column, second_column):
            return first if first_column else second  # the top level of a data file starts in the first column
        counts = self._block_lines_at((first_column, second_column), parent, narrower)
        if counts[first_column] != counts[second_column]:
            return first if counts[first_column] < counts[second_column] else second
        # As common as each other: the one whose step from the parent breaks the file's even indent is odd.
        base = parent.column if parent else 0
        first_odd, second_odd = (first_column - base) % 2 == 1, (second_column - base) % 2 == 1
        return first if first_odd and not second_odd else second

    def _odd_by_neighbours(self, first: int, second: int, columns: dict[int, int]) -> int | None:
        """Return the odd one of two lines when the lines just above and below them say, else None."""
        earlier, later = (first, second) if first < second else (second, first)
        above = next((n for n in range(earlier - 1, -1, -1) if self.structural(n)), None)
        below = next((n for n in range(later + 1, len(self.lines)) if self.structural(n)), None)
        if above is not None and opens_block(self.lines[above]):
            allowed = indent_of(self.lines[above]) + (0 if is_dash_line(self.lines[earlier]) else 1)
            if indent_of(self.lines[earlier]) < allowed:
                return earlier  # it leaves the key just above it with nothing under it
        if above is not None and not opens_block(self.lines[above]) and indent_of(self.lines[above]) == columns[later]:
            return earlier  # the lines either side of it agree with each other
        if below is not None and indent_of(self.lines[below]) == columns[earlier] != columns[later]:
            return later
        return None

    def _block_lines_at(self, wanted: tuple[int, int], parent: Level | None, narrower: int) -> dict[int, int]:
        """Return how many lines of the block under ``parent`` start at each ``wanted`` column.

        Only the lines of the block count (not those nested under them): a
        line is counted when no line between the block's parent and it can
        hold it (a key ending in ':', or a '- ' whose text starts in its column).
        """
        counts = dict.fromkeys(wanted, 0)
        holders: list[tuple[int, int | None]] = []  # (column, the column its children must start in, if fixed)
        start = parent.line if parent else 0
        for number in range(start, len(self.lines)):
            if not self.structural(number):
                continue
            line = self.lines[number]
            levels = block_columns(line)
            if parent is not None and number == start:
                levels = [level for level in levels if level.column > parent.column]
                holders.append((parent.column, child_column(line, parent.column)))
            elif parent is not None and levels[0].column <= parent.column:
                break
            for position, level in enumerate(levels):
                holder = _held_from(holders, level.column)  # -1 when none holds it
                if level.column in counts and holder < narrower:
                    counts[level.column] += 1
                if position < len(levels) - 1:
                    holders.append((level.column, levels[position + 1].column))
                elif opens_block(line):
                    holders.append((level.column, None))
        return counts


def _held_from(holders: list[tuple[int, int | None]], column: int) -> int:
    """Drop the holders ``column`` closes; return the column of the line that holds a line at ``column``, or -1.

    A holder holds a line right of it when its children's column is not fixed, or is that line's column.
    """
    while holders and holders[-1][0] >= column:
        holders.pop()
    return next((held for held, child in reversed(holders) if held < column and child in (None, column)), -1)
