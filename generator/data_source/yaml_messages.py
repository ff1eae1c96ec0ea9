"""Say what is wrong with a YAML file that cannot be read, in words a trainer can act on.

PyYAML reports where its parser gave up ("did not find expected key"), which
is often a line or more after the mistake and never says how to fix it. Here
the tokens read before the error and the indentation of the lines around it
are used to name the line at fault and the usual fix: line up an indent,
replace a tab, put text holding ": " or a quote in quotes, close a quote or a
bracket. The problem quotes that line and the one before, with a caret under
the column.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass

import yaml
from yaml.tokens import ScalarToken, Token

from ..problems import Problem, escape_control, shorten

# YAML's line breaks, once U+0085, U+2028 and U+2029 have been refused (see yaml_reader.check_characters).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LOOKS_STRUCTURAL = re.compile(r"^\s*(-(\s|$)|[^\s#][^#]*?:(\s|$))")
_SPECIAL_AT_START = set("&*!%|>@`,{}[]")
_SNAKE_CASE_KEY = re.compile(r"^[a-z_][a-z0-9_]*:(\s|$)")
QUOTED_LINE_WINDOW = 100
"""A quoted line longer than this is shown as this many characters around the caret."""
_WINDOW_BEFORE_CARET = 60  # of those characters, how many come before the caret
INDENT_ADVICE = "the lines of one block must start in the same column"
_BEYOND_ANY_COLUMN = 1 << 62  # a start for "the leftmost column seen so far" that any real column is left of
MAX_REPAIR_TEXT_CHARS = 256 * 1024
"""Suspect lines are re-indented and the text read again to see which fix works, on texts up to this size."""
MAX_REPAIR_TRIES = 4
"""At most this many re-readings are tried for one error."""
YAML_MAX_KEY_CHARS = 1024
"""YAML reads a key written without '?' only if it fits in this many characters (the YAML 1.1 spec's limit)."""

try:  # libyaml scans ten times faster; the pure-Python scanner gives the same tokens
    from yaml import CSafeLoader as _TokenLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _TokenLoader  # type: ignore[assignment]


def split_lines(text: str) -> list[str]:
    """Return the text's lines as YAML counts them (CR LF, CR and LF each end a line)."""
    return _LINE_BREAK.split(text)


@dataclass(frozen=True)
class _Level:
    """A column at which a line above opens a block: its indent, or the text after its '- '."""

    line: int
    column: int
    after_dash: bool


def syntax_problem(text: str, label: str, error: yaml.MarkedYAMLError) -> Problem:
    """Return the located, plain-words problem for a YAML syntax error in ``text``."""
    lines = split_lines(text)
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return Problem(f"the YAML cannot be read: {error.problem or error.context}", file=label, category="yaml")
    diagnosis = _Diagnosis(text, lines, error, mark.line, mark.column, mark.index)
    line, column, message = diagnosis.explain()
    return Problem(message, file=label, line=line + 1, category="yaml", quoted=quote(lines, line, column))


def quote(lines: list[str], line: int, column: int) -> tuple[str, ...]:
    """Return the line (0-based) and the one before it, numbered, with a caret under ``column``."""
    if not 0 <= line < len(lines):
        return ()
    start = max(0, column - _WINDOW_BEFORE_CARET) if len(lines[line]) > QUOTED_LINE_WINDOW else 0
    width = len(str(line + 1))
    shown = []
    for number in (line - 1, line):
        if number >= 0:
            shown_from = start if number == line or len(lines[number]) > QUOTED_LINE_WINDOW else 0
            shown.append(f"{number + 1:>{width}} | {_window(lines[number], shown_from)}")
    caret_offset = len(_window(lines[line][:column], start))
    shown.append(f"{'':>{width}} | {' ' * caret_offset}^")
    return tuple(shown)


def _window(line: str, start: int) -> str:
    piece = line[start:start + QUOTED_LINE_WINDOW]
    shown = escape_control(piece)
    if start:
        shown = "…" + shown
    if len(line) > start + QUOTED_LINE_WINDOW:
        shown += "…"
    return shown


def requote(text: str) -> str:
    """Return ``text`` as one YAML quoted value: double quotes unless the text holds them, then single."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return "'" + text.replace("'", "''") + "'"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_dash_line(line: str) -> bool:
    stripped = line.lstrip(" ")
    return stripped == "-" or stripped.startswith("- ")


def _columns(line: str) -> list[_Level]:
    """Return the columns the line opens blocks at: its indent, and the text after each leading '- '."""
    position = _indent(line)
    found = [_Level(-1, position, False)]
    while line[position:position + 1] == "-" and line[position + 1:position + 2] in (" ", ""):
        after = position + 1
        while line[after:after + 1] == " ":
            after += 1
        if after >= len(line) or line[after] == "#":
            break
        found.append(_Level(-1, after, True))
        position = after
    return found


def _spaces(count: int) -> str:
    return f"{count} space{'s' if count != 1 else ''}"


class _Diagnosis:
    """One YAML error in one text: each explanation in turn looks for the mistake it knows, the first found wins."""

    def __init__(self, text: str, lines: list[str], error: yaml.MarkedYAMLError, line: int, column: int,
                 index: int):
        self.text = text
        self.lines = lines
        self.error = error
        self.line = min(line, len(lines) - 1)
        self.column = column
        self.problem = error.problem or ""
        self.context = error.context or ""
        self.tokens = list(_tokens_before(text, index))
        self.text_lines = _text_lines(self.tokens)
        self.repair_indent = -1

    def explain(self) -> tuple[int, int, str]:
        """Return (line, column, message) for the mistake, the line being the one at fault."""
        for explanation in (self._long_key, self._tab, self._unexpected_character, self._quoted_scalar,
                            self._unclosed_bracket, self._block_text_indent, self._last_scalar,
                            self._key_without_colon, self._indentation):
            found = explanation()
            if found is not None:
                return found
        words = "; ".join(part for part in (self.problem, self.context) if part)
        return (self.line, self.column,
                f"YAML cannot read this ({words}); check this line's indent against the lines above it, and put "
                "any text holding ': ' or starting with a quote in quotes")

    # --- each explanation returns (line, column, message) or None ---

    def _tab(self) -> tuple[int, int, str] | None:
        candidates = [self.line] + ([self.error.context_mark.line] if self.error.context_mark else [])
        for number in candidates:
            line = self.lines[number] if 0 <= number < len(self.lines) else ""
            leading = line[:len(line) - len(line.lstrip(" \t"))]
            if "\t" in leading:
                return (number, leading.index("\t"),
                        "this line is indented with a tab; YAML indents with spaces only: replace the tab with "
                        "spaces")
        if "\t" == self.lines[self.line][self.column:self.column + 1]:
            return (self.line, self.column, "YAML cannot read a tab here; replace it with spaces")
        return None

    def _long_key(self) -> tuple[int, int, str] | None:
        start = self.error.context_mark if "simple key" in self.context else self.error.problem_mark
        if start is None or not ("could not find expected ':'" in self.problem or "mapping values" in self.problem):
            return None
        line = self.lines[start.line]
        colon = line.find(": ", start.column)
        if colon < 0 and line.rstrip().endswith(":"):
            colon = len(line.rstrip()) - 1
        if colon - _indent(line) <= YAML_MAX_KEY_CHARS:
            return None
        return (start.line, _indent(line),
                f"this key is {colon - _indent(line):,} characters long; YAML reads a key of at most "
                f"{YAML_MAX_KEY_CHARS:,}: shorten it")

    def _unexpected_character(self) -> tuple[int, int, str] | None:
        character = self.lines[self.line][self.column:self.column + 1]
        if "cannot start any token" in self.problem and character:
            return (self.line, self.column, _special_meaning(character))
        special = self._special_character()
        if special is not None:
            return special
        if "document start" in self.problem:
            stray = next((n for n, line in enumerate(self.lines[:self.line]) if line.strip()
                          and not line.lstrip().startswith("#")), None)
            if stray is not None and not _LOOKS_STRUCTURAL.match(self.lines[stray]):
                return (stray, _indent(self.lines[stray]),
                        "this line is not a key (name: value) or a comment, so YAML takes it as the whole file; "
                        "start it with '#' if it is a note")
        if "undefined alias" in self.problem:
            return (self.line, self.column,
                    "YAML reads a value starting with '*' as a reference to a block named with '&' above; if it "
                    "is text, put it in quotes")
        return None

    def _special_character(self) -> tuple[int, int, str] | None:
        """A character YAML gives a meaning at the start of a value (&, !, %, |, >, ...) where text was meant."""
        if not any(word in self.context for word in ("anchor", "tag", "directive", "block scalar")) and \
                "node content" not in self.problem:
            return None
        line = self.lines[self.line]
        start = self.error.context_mark.column if self.error.context_mark and \
            self.error.context_mark.line == self.line else self.column
        found = next((position for position in range(min(start, len(line) - 1), -1, -1)
                      if line[position] in _SPECIAL_AT_START), None)
        if found is None:
            return None
        return (self.line, found, _special_meaning(line[found]))

    def _quoted_scalar(self) -> tuple[int, int, str] | None:
        start = self.error.context_mark
        if "quoted scalar" not in self.context or start is None:
            return None
        if "escape" in self.problem or "hexdecimal" in self.problem:
            return (self.line, self.column,
                    "inside double quotes a backslash starts a special character (like \\n); write \\\\ for a "
                    "backslash, or put the text in single quotes instead")
        quote_mark = self.lines[start.line][start.column:start.column + 1] or '"'
        return (start.line, start.column,
                f"the quote ({quote_mark}) that starts this value is never closed; add a closing {quote_mark} at "
                "the end of the text")

    def _unclosed_bracket(self) -> tuple[int, int, str] | None:
        start = self.error.context_mark
        if start is None or not self.context.startswith("while parsing a flow"):
            return None
        opening = self.lines[start.line][start.column:start.column + 1]
        closing = {"[": "]", "{": "}"}.get(opening)
        if closing is None:
            return None
        return (start.line, start.column,
                f"the '{opening}' here starts a list that is not closed with '{closing}'; close it, or if the text "
                f"is meant to start with '{opening}', put the whole text in quotes")

    def _block_text_indent(self) -> tuple[int, int, str] | None:
        """A line of a value's text (after '>-' or '|') indented less than its first line ends the text early."""
        blocks = [token for token in self.tokens if isinstance(token, ScalarToken) and token.style in ("|", ">")]
        if not blocks:
            return None
        header = blocks[-1].start_mark.line
        text = [n for n in range(header + 1, min(self.line + 1, len(self.lines))) if self.lines[n].strip()]
        if not text:
            return None
        first = text[0]
        first_column, header_column = _indent(self.lines[first]), _indent(self.lines[header])
        after = [n for n in text if _indent(self.lines[n]) < first_column]
        if not after:
            return None
        stray = after[0]
        stray_column = _indent(self.lines[stray])
        if not header_column < stray_column < first_column or stray > self.line or \
                _SNAKE_CASE_KEY.match(self.lines[stray].lstrip(" ")) or _is_dash_line(self.lines[stray]):
            return None  # a key or an item after the text, not a line of it
        following = next((n for n in range(stray + 1, len(self.lines)) if self.lines[n].strip()), None)
        first_is_odd = text.index(stray) == 1 and (
            (following is not None and _indent(self.lines[following]) == stray_column)
            or (first_column - header_column) % 2 == 1 and (stray_column - header_column) % 2 == 0)
        options = [(first, stray_column), (stray, first_column)]
        if not first_is_odd:
            options.reverse()
        if self._repaired(options, default=options[0][0]) == first:
            return (first, first_column,
                    f"this line of text starts in column {first_column + 1}, but the lines after it in column "
                    f"{stray_column + 1}; YAML takes the first line's indent for the whole text, so indent every "
                    "line of it the same")
        return (stray, stray_column,
                f"this line of text starts in column {stray_column + 1}, but the text above it in column "
                f"{first_column + 1} (line {first + 1}); indent every line of the text the same")

    def _last_scalar(self) -> tuple[int, int, str] | None:
        scalars = [token for token in self.tokens if isinstance(token, ScalarToken)]
        if not scalars:
            return None
        last = scalars[-1]
        first_line, last_line = last.start_mark.line, last.end_mark.line
        if last.style in ('"', "'"):
            quote_mark = last.style
            if first_line < last_line == self.line:
                return (first_line, last.start_mark.column,
                        f"the quote ({quote_mark}) that starts this value does not close on this line, so YAML "
                        f"reads on to the next {quote_mark}, on line {last_line + 1}; add a closing {quote_mark} at "
                        "the end of this line's text")
            if first_line == last_line == self.line and self.column >= last.end_mark.column:
                line = self.lines[self.line]
                start = last.start_mark.column
                value = line[start:].rstrip()
                if quote_mark == "'" and value.endswith("'"):  # an apostrophe inside single quotes
                    value = value[1:-1]
                suggestion = shorten((line[:start] + requote(value)).strip())
                after_quote = last.end_mark.column + len(line[last.end_mark.column:]) - len(
                    line[last.end_mark.column:].lstrip(" "))
                return (self.line, after_quote,
                        "the value starts with a quote, so it must end at the closing quote, but more text follows "
                        f"it; put the whole text in quotes: {suggestion}")
            return None
        if last.style:  # a block scalar (| or >): its text lines are not the mistake
            return None
        if first_line < last_line == self.line:
            return self._run_on(first_line, last.start_mark.column)
        if first_line == last_line == self.line and "mapping values" in self.problem:
            return self._colon_in_text(last)
        return None

    def _run_on(self, first_line: int, value_column: int) -> tuple[int, int, str] | None:
        """A plain value ran on into the next line because that line is indented more; say which line is odd."""
        continuation = next((n for n in range(first_line + 1, len(self.lines)) if self.lines[n].strip()), None)
        if continuation is None:
            return None
        # The value belongs to the key or item left of it: the next line should start where that one does.
        first_column = max((level.column for level in _columns(self.lines[first_line])
                            if level.column < value_column), default=_indent(self.lines[first_line]))
        continuation_column = _indent(self.lines[continuation])
        if continuation_column <= first_column:
            typo = _missing_space_or_colon(self.lines[first_line])
            if typo is not None:
                return (first_line, _indent(self.lines[first_line]), typo)
            return (first_line, first_column,
                    f"this line is not a key (name: value) or a list item, so YAML reads it and line "
                    f"{continuation + 1} as one text; start it with '#' if it is a note")
        odd = self._odd_one_out(first_line, first_column, continuation, continuation_column)
        first_moved = _indent(self.lines[first_line]) + continuation_column - first_column
        options = [(first_line, first_moved), (continuation, first_column)]
        if odd != first_line:
            options.reverse()
        odd = self._repaired(options, default=odd)
        if odd == first_line:
            return (first_line, first_column,
                    f"this line starts in column {first_column + 1}, but the lines after it in the same block start "
                    f"in column {continuation_column + 1} (line {continuation + 1}); {INDENT_ADVICE}")
        return (continuation, continuation_column,
                f"this line starts in column {continuation_column + 1}, right of line {first_line + 1} above it "
                f"(column {first_column + 1}), so YAML reads it as more of line {first_line + 1}'s text; "
                f"{INDENT_ADVICE}")

    def _colon_in_text(self, value: ScalarToken) -> tuple[int, int, str]:
        line = self.lines[self.line]
        prefix_end = _indent(line)
        while line[prefix_end:prefix_end + 2] == "- ":
            prefix_end += 2
            while line[prefix_end:prefix_end + 1] == " ":
                prefix_end += 1
        rest = line[prefix_end:]
        key = _SNAKE_CASE_KEY.match(rest)
        start = value.start_mark.column if key else prefix_end
        suggestion = shorten((line[:start] + requote(line[start:].rstrip())).strip())
        return (self.line, self.column,
                "the text holds a colon followed by a space, which YAML reads as the start of a key; put the text "
                f"in quotes: {suggestion}")

    def _key_without_colon(self) -> tuple[int, int, str] | None:
        start = self.error.context_mark
        if start is None or "could not find expected ':'" not in self.problem:
            return None
        typo = _missing_space_or_colon(self.lines[start.line])
        if typo is not None:
            return (start.line, _indent(self.lines[start.line]), typo)
        above = next((n for n in range(start.line - 1, -1, -1) if self.lines[n].strip()), None)
        if above is None:
            return None
        return (start.line, _indent(self.lines[start.line]),
                f"YAML reads this line as a key, but it has no colon; if it is more of the text on line {above + 1}, "
                f"indent it like that line ({_spaces(_indent(self.lines[above]))})")

    def _indentation(self) -> tuple[int, int, str] | None:
        here = self.line
        column = _indent(self.lines[here])
        if self.column > column and "mapping values" not in self.problem:
            return None
        levels = self._levels_above(here, column)
        deeper = [level for level in levels if level.column > column]
        shallower = [level for level in levels if level.column <= column]
        dash_here = _is_dash_line(self.lines[here])
        if shallower and shallower[0].column == column:
            # This line lines up with a block above it: either it or that line is out of place by a step, or the
            # indent is right and the kind of line is not.
            aligned = shallower[0].line
            moved = self._repaired([(aligned, column - 2), (here, column + 2), (aligned, column + 2),
                                    (here, column - 2)], default=-1, needs_full_read=True)
            if moved >= 0:
                return self._out_of_step(moved)
            if dash_here and "expected key" in self.problem:
                return (here, column, "a list item ('- ') cannot follow keys at the same indent; indent the list "
                                      "under the key it belongs to, or give the item a key")
            if not dash_here and "'-' indicator" in self.problem:
                return (here, column, "a key cannot follow list items ('- ') at the same indent; check the indent "
                                      "of this line and of the list above it")
            return None
        candidates = [level for level in (deeper[-1] if deeper else None, shallower[0] if shallower else None)
                      if level is not None]
        if not candidates:
            return None
        sibling = next((level for level in candidates if self._is_dash_column(level) == dash_here), candidates[0])
        # Moving the sibling's column onto this line's moves its whole line by the difference.
        sibling_moved = _indent(self.lines[sibling.line]) + column - sibling.column
        options = [(here, _indent(self.lines[here]) + sibling.column - column), (sibling.line, sibling_moved)]
        if self._odd_one_out(sibling.line, sibling.column, here, column) == sibling.line:
            options.reverse()
        outer = shallower[0] if shallower else None
        if outer is not None and outer.line != sibling.line and not outer.after_dash:
            options.append((outer.line, column))  # the line that closed the block may be the one out of place
        odd = self._repaired(options, default=options[0][0])
        if odd == sibling.line:
            where = " (after its '- ')" if sibling.after_dash else ""
            return (sibling.line, sibling.column,
                    f"this line starts in column {sibling.column + 1}{where}, but line {here + 1} below it, in the "
                    f"same block, starts in column {column + 1}; {INDENT_ADVICE}")
        if outer is not None and odd == outer.line:
            return (outer.line, outer.column,
                    f"this line starts in column {outer.column + 1}, but line {here + 1} below it, in the same "
                    f"block, starts in column {column + 1}; {INDENT_ADVICE}")
        where = " (after its '- ')" if sibling.after_dash else ""
        return (here, column,
                f"this line starts in column {column + 1}, but line {sibling.line + 1} above it, in the same block, "
                f"starts in column {sibling.column + 1}{where}; {INDENT_ADVICE}")

    # --- helpers ---

    def _is_dash_column(self, level: _Level) -> bool:
        return not level.after_dash and _is_dash_line(self.lines[level.line])

    def _structural(self, number: int) -> bool:
        """Return whether the line holds a key or a list item (not a comment, or text continuing a value).

        Tokens are known only up to the error; below it a line counts when it looks like a key or an item.
        """
        line = self.lines[number]
        if not line.strip() or line.lstrip().startswith("#") or number in self.text_lines:
            return False
        return number <= self.line or bool(_LOOKS_STRUCTURAL.match(line))

    def _levels_above(self, here: int, stop_at: int, inclusive: bool = False) -> list[_Level]:
        """Return the block columns open above line ``here``, nearest first, down to one at or left of ``stop_at``.

        With ``inclusive``, the columns opened on line ``here`` itself count too.
        """
        levels: list[_Level] = []
        lowest = _BEYOND_ANY_COLUMN
        for number in range(here if inclusive else here - 1, -1, -1):
            if not self._structural(number):
                continue
            for level in reversed(_columns(self.lines[number])):
                if level.column < lowest:
                    levels.append(_Level(number, level.column, level.after_dash))
                    lowest = level.column
            if lowest <= stop_at:
                break
        return levels

    def _out_of_step(self, line: int) -> tuple[int, int, str]:
        """Say that ``line`` is out of line with its block, naming the nearest line it should line up with."""
        column = _indent(self.lines[line])
        target = self.repair_indent
        partner = self._sibling_at(line, target)
        if partner is None:
            return (line, column, f"this line starts in column {column + 1}, but its block starts in column "
                                  f"{target + 1}; {INDENT_ADVICE}")
        side = "above" if partner < line else "below"
        return (line, column, f"this line starts in column {column + 1}, but line {partner + 1} {side} it, in the same "
                              f"block, starts in column {target + 1}; {INDENT_ADVICE}")

    def _sibling_at(self, line: int, column: int) -> int | None:
        """Return the nearest line of the same kind starting in ``column`` in the block ``line`` belongs there to."""
        dash = _is_dash_line(self.lines[line])
        for numbers in (range(line + 1, len(self.lines)), range(line - 1, -1, -1)):
            for number in numbers:
                if not self._structural(number):
                    continue
                indent = _indent(self.lines[number])
                if indent < column:
                    break  # out of the block
                if indent == column and _is_dash_line(self.lines[number]) == dash:
                    return number
        return None

    def _repaired(self, options: list[tuple[int, int]], default: int, needs_full_read: bool = False) -> int:
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
        tries = [(line, indent) for line, indent in options if indent >= 0 and indent != _indent(self.lines[line])
                 and not self._orphans(line, indent)]
        for line, indent in tries[:MAX_REPAIR_TRIES]:
            attempt = list(self.lines)
            attempt[line] = " " * indent + attempt[line].lstrip(" ")
            reached = _error_line("\n".join(attempt))
            if reached is None:
                self.repair_indent = indent
                return line
            if reached > furthest and not needs_full_read:
                best, furthest = line, reached
        return best

    def _orphans(self, line: int, indent: int) -> bool:
        """Return whether moving a key that holds a block to ``indent`` would leave it with nothing under it.

        YAML would read such a move (the key now empty, its lines its siblings), but it is not what was meant.
        """
        if not _opens_block(self.lines[line]):
            return False
        below = next((n for n in range(line + 1, len(self.lines)) if self._structural(n)), None)
        return below is not None and _indent(self.lines[below]) > _indent(self.lines[line]) >= 0 and \
            _indent(self.lines[below]) <= indent

    def _odd_one_out(self, first: int, first_column: int, second: int, second_column: int) -> int:
        """Return whichever of two lines that should line up has the indent fewer lines of its block share.

        Only the lines of the block count (not those nested under them): a
        line is counted when no line between the block's parent and it can
        hold it (a key ending in ':', or a '- ' whose text starts in its column).
        """
        earlier, later = (first, second) if first < second else (second, first)
        columns = {first: first_column, second: second_column}
        above = next((n for n in range(earlier - 1, -1, -1) if self._structural(n)), None)
        below = next((n for n in range(later + 1, len(self.lines)) if self._structural(n)), None)
        if above is not None and _opens_block(self.lines[above]):
            allowed = _indent(self.lines[above]) + (0 if _is_dash_line(self.lines[earlier]) else 1)
            if _indent(self.lines[earlier]) < allowed:
                return earlier  # it leaves the key just above it with nothing under it
        if above is not None and not _opens_block(self.lines[above]) and _indent(self.lines[above]) == columns[later]:
            return earlier  # the lines either side of it agree with each other
        if below is not None and _indent(self.lines[below]) == columns[earlier] != columns[later]:
            return later
        narrower = min(first_column, second_column)
        parent = next((level for level in self._levels_above(min(first, second), narrower - 1, inclusive=True)
                       if level.column < narrower), None)
        if parent is None and 0 in (first_column, second_column):
            return first if first_column else second  # the top level of a data file starts in the first column
        counts = {first_column: 0, second_column: 0}
        holders: list[tuple[int, int | None]] = []  # (column, the column its children must start in, if fixed)
        start = parent.line if parent else 0
        for number in range(start, len(self.lines)):
            if not self._structural(number):
                continue
            line = self.lines[number]
            levels = _columns(line)
            if parent is not None and number == start:
                levels = [level for level in levels if level.column > parent.column]
                holders.append((parent.column, _child_column(line, parent.column)))
            elif parent is not None and levels[0].column <= parent.column:
                break
            for position, level in enumerate(levels):
                while holders and holders[-1][0] >= level.column:
                    holders.pop()
                holder = next((column for column, child in reversed(holders)
                               if column < level.column and child in (None, level.column)), None)
                if level.column in counts and (holder is None or holder < narrower):
                    counts[level.column] += 1
                last = position == len(levels) - 1
                if not last:
                    holders.append((level.column, levels[position + 1].column))
                elif _opens_block(line):
                    holders.append((level.column, None))
        if counts[first_column] != counts[second_column]:
            return first if counts[first_column] < counts[second_column] else second
        # As common as each other: the one whose step from the parent breaks the file's even indent is odd.
        base = parent.column if parent else 0
        first_odd, second_odd = (first_column - base) % 2 == 1, (second_column - base) % 2 == 1
        return first if first_odd and not second_odd else second


def _missing_space_or_colon(line: str) -> str | None:
    """Return the fix for a key or item missing the space or colon YAML needs ('title:Text', 'count 23', '-Item')."""
    indent = line[:_indent(line)]
    stripped = line.strip()
    item = re.match(r"-([^\s-].*)", stripped)
    if item:
        return f"a list item needs a space after its '-': {shorten(f'- {item.group(1)}')}"
    key = re.match(r"([a-z_][a-z0-9_]*)(:(?=\S)| +)(.+)", stripped)
    if key is None or key.group(1) not in _data_file_keys():
        return None
    fixed = shorten(f"{key.group(1)}: {key.group(3)}")
    if key.group(2) == ":":
        return f"a key needs a space after its colon: {fixed}"
    return f"a key needs a colon after it: {fixed}"


@functools.cache
def _data_file_keys() -> frozenset[str]:
    """Return every key a data file may hold (the model's YAML keys), to tell a key from a line of text."""
    from ..model import EventData, data_fields  # the model's dataclasses are the schema

    found: set[str] = set()
    pending: list[object] = [EventData]
    seen: set[object] = set()
    while pending:
        kind = pending.pop()
        if kind in seen:
            continue
        seen.add(kind)
        if dataclasses.is_dataclass(kind) and isinstance(kind, type):
            found.update(data_fields(kind))
            pending.extend(typing.get_type_hints(kind).values())
        else:
            pending.extend(typing.get_args(kind))
    return frozenset(found)


def _special_meaning(character: str) -> str:
    return (f"YAML gives '{character}' a special meaning at the start of a value; if it is part of the text, put the "
            "whole text in quotes, or remove it")


def _child_column(line: str, column: int) -> int | None:
    """Return the column the children of the block opened at ``column`` of ``line`` must start in, if fixed."""
    following = [level.column for level in _columns(line) if level.column > column]
    return following[0] if following else None


def _opens_block(line: str) -> bool:
    """Return whether the line ends in a key with no value on it (so lines below may belong to it)."""
    content = line.split(" #", 1)[0].rstrip()
    return content.endswith(":") or content == "-" or content.endswith(" -")


def _error_line(text: str) -> int | None:
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


def _tokens_before(text: str, index: int) -> Iterator[Token]:
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


def _text_lines(tokens: list[Token]) -> set[int]:
    """Return the lines that continue a value begun on an earlier line (block text, wrapped or quoted text)."""
    found: set[int] = set()
    for token in tokens:
        if isinstance(token, ScalarToken) and token.end_mark.line > token.start_mark.line:
            last = token.end_mark.line - (1 if token.end_mark.column == 0 else 0)
            found.update(range(token.start_mark.line + 1, last + 1))
    return found
