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

import yaml
from yaml.tokens import ScalarToken

from ..problems import Problem, escape_control, shorten
from .yaml_layout import (LOOKS_STRUCTURAL, Layout, Level, block_columns, continued_lines, indent_of,
                          is_dash_line, tokens_before)

# YAML's line breaks, once U+0085, U+2028 and U+2029 have been refused (see yaml_reader.check_characters).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# 'key: value' (or '- key: value'), the value on the same line: its key's column is the indent and any dashes.
_KEY_WITH_VALUE = re.compile(r"(?P<indent>[ ]*(?:-[ ]+)*)[^\s#:-][^:]*:[ ]+\S")
_SPECIAL_AT_START = set("&*!%|>@`,{}[]")
_SNAKE_CASE_KEY = re.compile(r"^[a-z_][a-z0-9_]*:(\s|$)")
QUOTED_LINE_WINDOW = 100
"""A quoted line longer than this is shown as this many characters around the caret."""
_WINDOW_BEFORE_CARET = 60  # of those characters, how many come before the caret
INDENT_ADVICE = "the lines of one block must start in the same column"
YAML_MAX_KEY_CHARS = 1024
"""YAML reads a key written without '?' only if it fits in this many characters (the YAML 1.1 spec's limit)."""

def split_lines(text: str) -> list[str]:
    """Return the text's lines as YAML counts them (CR LF, CR and LF each end a line)."""
    return _LINE_BREAK.split(text)


def syntax_problem(text: str, label: str, error: yaml.MarkedYAMLError) -> Problem:
    """Return the located, plain-words problem for a YAML syntax error in ``text``."""
    lines = split_lines(text)
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return Problem(f"the YAML cannot be read: {error.problem or error.context}", file=label)
    diagnosis = _Diagnosis(text, lines, error, mark.line, mark.column, mark.index)
    line, column, message = diagnosis.explain()
    return Problem(message, file=label, line=line + 1, quoted=quote(lines, line, column))


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


def _spaces(count: int) -> str:
    return f"{count} space{'s' if count != 1 else ''}"


class _Diagnosis(Layout):
    """One YAML error in one text: each explanation in turn looks for the mistake it knows, the first found wins."""

    def __init__(self, text: str, lines: list[str], error: yaml.MarkedYAMLError, line: int, column: int,
                 index: int):
        self.tokens = list(tokens_before(text, index))
        super().__init__(text, lines, min(line, len(lines) - 1), continued_lines(self.tokens))
        self.error = error
        self.column = column
        self.problem = error.problem or ""
        self.context = error.context or ""

    def explain(self) -> tuple[int, int, str]:
        """Return (line, column, message) for the mistake, the line being the one at fault."""
        for explanation in (self._second_document, self._long_key, self._tab, self._unexpected_character,
                            self._quoted_scalar, self._unclosed_bracket, self._block_text_indent, self._last_scalar,
                            self._key_without_colon, self._indentation):
            found = explanation()
            if found is not None:
                return found
        words = "; ".join(part for part in (self.problem, self.context) if part)
        return (self.line, self.column,
                f"YAML cannot read this ({words}); check this line's indent against the lines above it, and put "
                "any text holding ': ' or starting with a quote in quotes")

    # --- each explanation returns (line, column, message) or None ---

    def _second_document(self) -> tuple[int, int, str] | None:
        # Two data files pasted into one, or a '...' end marker left in: nothing about indents would help.
        if "another document" in self.problem:
            return (self.line, self.column, "a second YAML document begins here, but a data file holds one; remove "
                                            "this line, or, if two data files were joined, keep them apart")
        if "expected <document start>" in self.problem:
            end = next((number for number in range(self.line, -1, -1) if self.lines[number].startswith("...")), None)
            if end is not None:
                return (end, 0, "'...' ends the YAML document here, but the data goes on after it; remove this line")
        return None

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
        if colon - indent_of(line) <= YAML_MAX_KEY_CHARS:
            return None
        return (start.line, indent_of(line),
                f"this key is {colon - indent_of(line):,} characters long; YAML reads a key of at most "
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
            if stray is not None and not LOOKS_STRUCTURAL.match(self.lines[stray]):
                return (stray, indent_of(self.lines[stray]),
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
        found = self._stray_text_line()
        if found is None:
            return None
        header, first, stray, text = found
        first_column, header_column = indent_of(self.lines[first]), indent_of(self.lines[header])
        stray_column = indent_of(self.lines[stray])
        following = next((n for n in range(stray + 1, len(self.lines)) if self.lines[n].strip()), None)
        first_is_odd = text.index(stray) == 1 and (
            (following is not None and indent_of(self.lines[following]) == stray_column)
            or (first_column - header_column) % 2 == 1 and (stray_column - header_column) % 2 == 0)
        options = [(first, stray_column), (stray, first_column)]
        if not first_is_odd:
            options.reverse()
        if self.repaired(options, default=options[0][0]) == first:
            return (first, first_column,
                    f"this line of text starts in column {first_column + 1}, but the lines after it in column "
                    f"{stray_column + 1}; YAML takes the first line's indent for the whole text, so indent every "
                    "line of it the same")
        return (stray, stray_column,
                f"this line of text starts in column {stray_column + 1}, but the text above it in column "
                f"{first_column + 1} (line {first + 1}); indent every line of the text the same")

    def _stray_text_line(self) -> tuple[int, int, int, list[int]] | None:
        """Return the last block text's header line, its first line, the first line after it indented less (but
        more than the header: a line of the text, not a key or an item after it), and the text's lines; or None."""
        blocks = [token for token in self.tokens if isinstance(token, ScalarToken) and token.style in ("|", ">")]
        if not blocks:
            return None
        header = blocks[-1].start_mark.line
        text = [n for n in range(header + 1, min(self.line + 1, len(self.lines))) if self.lines[n].strip()]
        if not text:
            return None
        first = text[0]
        first_column, header_column = indent_of(self.lines[first]), indent_of(self.lines[header])
        after = [n for n in text if indent_of(self.lines[n]) < first_column]
        if not after:
            return None
        stray = after[0]
        stray_column = indent_of(self.lines[stray])
        if not header_column < stray_column < first_column or stray > self.line or \
                _SNAKE_CASE_KEY.match(self.lines[stray].lstrip(" ")) or is_dash_line(self.lines[stray]):
            return None  # a key or an item after the text, not a line of it
        return header, first, stray, text

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
        first_column = max((level.column for level in block_columns(self.lines[first_line])
                            if level.column < value_column), default=indent_of(self.lines[first_line]))
        continuation_column = indent_of(self.lines[continuation])
        if continuation_column <= first_column:
            typo = _missing_space_or_colon(self.lines[first_line])
            if typo is not None:
                return (first_line, indent_of(self.lines[first_line]), typo)
            return (first_line, first_column,
                    f"this line is not a key (name: value) or a list item, so YAML reads it and line "
                    f"{continuation + 1} as one text; start it with '#' if it is a note")
        # YAML read the continuation as more of the value, but it is a key or item out of line: it counts as one of
        # its block's lines, or a block of two lines would always find the continuation the odd one.
        self.text_lines.discard(continuation)
        odd = self.odd_one_out(first_line, first_column, continuation, continuation_column)
        first_moved = indent_of(self.lines[first_line]) + continuation_column - first_column
        options = [(first_line, first_moved), (continuation, first_column)]
        if odd != first_line:
            options.reverse()
        odd = self.repaired(options, default=odd)
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
        prefix_end = indent_of(line)
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
            return (start.line, indent_of(self.lines[start.line]), typo)
        above = next((n for n in range(start.line - 1, -1, -1) if self.lines[n].strip()), None)
        if above is None:
            return None
        key_above = _KEY_WITH_VALUE.match(self.lines[above])
        if key_above:
            # More of a value must be indented further than its key: "like that line" would be the line as it is.
            advice = (f"if it is more of the value on line {above + 1}, indent it further than that line's key "
                      f"(more than {_spaces(len(key_above.group('indent')))})")
        else:
            advice = (f"if it is more of the text on line {above + 1}, indent it like that line "
                      f"({_spaces(indent_of(self.lines[above]))})")
        return (start.line, indent_of(self.lines[start.line]),
                f"YAML reads this line as a key, but it has no colon; {advice}")

    def _indentation(self) -> tuple[int, int, str] | None:
        here = self.line
        column = indent_of(self.lines[here])
        if self.column > column and "mapping values" not in self.problem:
            return None
        levels = self.levels_above(here, column)
        deeper = [level for level in levels if level.column > column]
        shallower = [level for level in levels if level.column <= column]
        dash_here = is_dash_line(self.lines[here])
        if shallower and shallower[0].column == column:
            return self._lined_up_with_a_block(shallower[0].line, here, column, dash_here)
        candidates = [level for level in (deeper[-1] if deeper else None, shallower[0] if shallower else None)
                      if level is not None]
        if not candidates:
            return None
        sibling = next((level for level in candidates if self.is_dash_column(level) == dash_here), candidates[0])
        return self._out_of_line_with(sibling, shallower[0] if shallower else None, here, column)

    def _out_of_line_with(self, sibling: Level, outer: Level | None, here: int,
                          column: int) -> tuple[int, int, str]:
        """This line should line up with ``sibling`` above it: say which of them (or the line ``outer`` that
        closed the block) is out of place."""
        # Moving the sibling's column onto this line's moves its whole line by the difference.
        sibling_moved = indent_of(self.lines[sibling.line]) + column - sibling.column
        options = [(here, indent_of(self.lines[here]) + sibling.column - column), (sibling.line, sibling_moved)]
        if self.odd_one_out(sibling.line, sibling.column, here, column) == sibling.line:
            options.reverse()
        if outer is not None and outer.line != sibling.line and not outer.after_dash:
            options.append((outer.line, column))  # the line that closed the block may be the one out of place
        odd = self.repaired(options, default=options[0][0])
        where = " (after its '- ')" if sibling.after_dash else ""
        if odd == sibling.line:
            return (sibling.line, sibling.column,
                    f"this line starts in column {sibling.column + 1}{where}, but line {here + 1} below it, in the "
                    f"same block, starts in column {column + 1}; {INDENT_ADVICE}")
        if outer is not None and odd == outer.line:
            return (outer.line, outer.column,
                    f"this line starts in column {outer.column + 1}, but line {here + 1} below it, in the same "
                    f"block, starts in column {column + 1}; {INDENT_ADVICE}")
        return (here, column,
                f"this line starts in column {column + 1}, but line {sibling.line + 1} above it, in the same block, "
                f"starts in column {sibling.column + 1}{where}; {INDENT_ADVICE}")

    def _lined_up_with_a_block(self, aligned: int, here: int, column: int,
                               dash_here: bool) -> tuple[int, int, str] | None:
        """This line lines up with a block above it (opened on line ``aligned``): either it or that line is out of
        place by a step, or the indent is right and the kind of line is not."""
        moved = self.repaired([(aligned, column - 2), (here, column + 2), (aligned, column + 2),
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

    # --- helpers ---


    def _out_of_step(self, line: int) -> tuple[int, int, str]:
        """Say that ``line`` is out of line with its block, naming the nearest line it should line up with."""
        column = indent_of(self.lines[line])
        target = self.repair_indent
        partner = self.sibling_at(line, target)
        if partner is None:
            return (line, column, f"this line starts in column {column + 1}, but its block starts in column "
                                  f"{target + 1}; {INDENT_ADVICE}")
        side = "above" if partner < line else "below"
        return (line, column, f"this line starts in column {column + 1}, but line {partner + 1} {side} it, in the same "
                              f"block, starts in column {target + 1}; {INDENT_ADVICE}")


def _missing_space_or_colon(line: str) -> str | None:
    """Return the fix for a key or item missing the space or colon YAML needs ('title:Text', 'count 23', '-Item')."""
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


