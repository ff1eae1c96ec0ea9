"""Problems found in the user's input, worded for the people who wrote it.

Every check in the generator reports a :class:`Problem` rather than raising
straight away, so that one run can tell a trainer about every mistake in their
data file at once (mkdocs' "gather all data first").

A problem is printed to a terminal, so whatever it quotes from the input is
made safe there: control characters are shown escaped (``\\x1b``), never sent
raw, and a value too long to read in a message is shortened.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
NOTE = "note"  # worth saying (what publishing hides, say) but nothing to fix: --strict does not count it

MAX_SHOWN_CHARS = 60
"""A key or value quoted in a message is cut to this many characters (then "…"), so a
16,000-character theme name cannot bury the message that names it."""

MAX_SHOWN_KEY_PATH_CHARS = 120
"""A key path longer than this is shown with its middle cut out (its start and end say where it is)."""

MAX_LISTED = 20
"""A message listing names (the areas, say) shows at most this many, then "…"."""

QUOTE_INDENT = "    "
"""Lines quoted from the input are printed under the message, indented by this."""

# C0 and C1 control characters, DEL, the Unicode line and paragraph separators, and the bidirectional
# overrides and isolates: any of them, sent raw, can move the cursor, recolour or hide what a terminal shows.
_UNSAFE_FOR_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape_control(text: str) -> str:
    """Return ``text`` with every control character written as an escape (``\\x1b``, ``\\u2028``)."""
    def escaped(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE_FOR_TERMINAL.sub(escaped, text)


def shorten(text: str, limit: int = MAX_SHOWN_CHARS) -> str:
    """Return ``text`` cut to ``limit`` characters followed by "…" when it is longer, for quoting in a message."""
    return text if len(text) <= limit else text[:limit] + "…"


def listing(names: Iterable[str]) -> str:
    """Return names for a message, comma-separated: each shortened, and at most MAX_LISTED of them."""
    shown = list(itertools.islice(names, MAX_LISTED + 1))
    more = ", …" if len(shown) > MAX_LISTED else ""
    return ", ".join(shorten(name) for name in shown[:MAX_LISTED]) + more


def _shorten_middle(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return text[:keep] + "…" + text[-keep:]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is and what was expected.

    ``quoted`` holds lines of the input to show under the message (the line at
    fault and the one before, with a caret line under the column).
    """

    message: str
    file: str = ""
    line: int | None = None
    key_path: str = ""
    severity: str = ERROR
    # Set only where something sorts problems by it: a warning about PDFs, templates or translations, the period's
    # reconciliation and the reviews it left out; any other problem is told by its message alone.
    category: str = ""
    quoted: tuple[str, ...] = ()

    def __str__(self) -> str:
        key_path = _shorten_middle(self.key_path, MAX_SHOWN_KEY_PATH_CHARS)
        where = [part for part in (self.file, f"line {self.line}" if self.line else "", key_path) if part]
        prefix = escape_control(", ".join(where))
        message = escape_control(self.message)
        text = f"{prefix}: {message}" if prefix else message
        return "".join([text, *(f"\n{QUOTE_INDENT}{escape_control(line)}" for line in self.quoted)])


class InputError(Exception):
    """Raised when the input cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

    def __reduce__(self):
        # Rebuilt from its problems (not its message) when it comes back from the process that drew an output.
        return (InputError, (self.problems,))
