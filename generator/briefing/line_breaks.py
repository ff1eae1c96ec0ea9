"""Where a briefing's lines may not break: inside a hyphenated name, a short table label, or a caption's note.

A reader stumbles over "Rhondda-" at a line's end with "Cynon-Taf" below it, over
"75 and" above "over", and over "(where known: 6 of" above "10)". These rules say
which stretches of text stay on one line; the Word and HTML briefings each keep
them whole in their own way (Word's non-breaking hyphen and a line break before a
caption's note; a span the page sets without wrapping), so the words themselves are
never changed: what a reader copies, searches for or hears is what the data says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..text_fit import ADDRESS

# A hyphenated name longer than this is left to break at its hyphens: at the briefing's largest column text
# (12.5 pt headings) 30 characters take about 170 pt, well inside the 244 pt column, so a shorter name always
# fits a line of its own.
MAX_UNBROKEN_NAME = 30  # characters
# A table label or heading this short ("Under 1", "75 and over", "Number of reviews") is kept on one line; a longer
# one ("Any other White background") may wrap, so that a table still fits a phone's screen.
MAX_UNBROKEN_LABEL = 20  # characters
# A caption's closing note in brackets ("(where known: 6 of 10 perpetrators)") up to this long is kept on one line:
# about as much bold text as a phone's 328 px wide page holds on a line. A note of clauses ("(where known: 6 of 10
# victims; 4 not known)") may break after a clause's semicolon, so the limit holds for each clause.
MAX_UNBROKEN_NOTE = 38  # characters

# An email address longer than this may not fit a phone's line of the web page, nor a printed column's line of
# 10 pt text (244 pt; a body font's characters average about 5 pt): it may break after its '@', where a reader still
# sees where it goes on, rather than wherever the line ends ("...example.org" above "uk"). The Word briefing
# measures each address instead.
MAX_UNBROKEN_ADDRESS = 45  # characters

# Runs of word characters and hyphens, found in one pass: a pattern such as \w+(?:-\w+)+ backtracks over every
# start of a long word without a hyphen, taking time quadratic in its length.
_WORDS_AND_HYPHENS = re.compile(r"[\w-]+")
_TRAILING_NOTE = re.compile(r"^(?P<lead>.*\S)\s+(?P<note>\([^()]+\))$")


def hyphenated_names(names: Iterable[str]) -> tuple[str, ...]:
    """Return the hyphenated words of ``names`` ("Pen-y-bont", "Stockton-on-Tees") short enough to keep whole,
    longest first (so a longer name is found before a shorter one inside it), each once."""
    found = {word for name in names for word in _hyphenated_words(name) if len(word) <= MAX_UNBROKEN_NAME}
    return tuple(sorted(found, key=lambda word: (-len(word), word)))


def _hyphenated_words(text: str) -> list[str]:
    """Return the words of ``text`` joined by single hyphens ("Pen-y-bont"; in "a--b-c", "b-c"), in linear time."""
    words = []
    for run in _WORDS_AND_HYPHENS.findall(text):
        if "-" not in run:
            continue
        for joined in re.split("-{2,}", run):
            word = joined.strip("-")
            if "-" in word:
                words.append(word)
    return words


def name_pieces(text: str, names: tuple[str, ...]) -> list[tuple[str, bool]]:
    """Return ``text`` cut into pieces, each with whether it is one of ``names`` (to be kept on one line)."""
    if not names or "-" not in text:
        return [(text, False)]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(name) for name in names) + r")(?![\w-])")
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            pieces.append((text[position:match.start()], False))
        pieces.append((match.group(0), True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def trailing_note(text: str) -> tuple[str, str]:
    """Return a caption split before its closing note in brackets, when each of its clauses is short: ("Age",
    "(where known: 3 of 9; 6 not known)"); otherwise (text, "")."""
    found = _TRAILING_NOTE.match(text)
    if found is None or any(len(clause) > MAX_UNBROKEN_NOTE for clause in note_clauses(found.group("note"))):
        return text, ""
    return found.group("lead"), found.group("note")


def note_clauses(note: str) -> list[str]:
    """Return a note's clauses, each kept on one line, the note breaking only between them: "(where known: 6 of 10
    victims; 4 not known)" -> ["(where known: 6 of 10 victims;", "4 not known)"]."""
    return note.replace("; ", ";\n").split("\n")


def is_short_label(text: str) -> bool:
    """Return whether a table label or heading is short enough to be kept on one line."""
    return len(text) <= MAX_UNBROKEN_LABEL


def longer_than_a_line(address: str) -> bool:
    """Return whether an email address is too long to be sure of a line of its own (``MAX_UNBROKEN_ADDRESS``)."""
    return len(address) > MAX_UNBROKEN_ADDRESS


def breakable_after_at(text: str, too_long: Callable[[str], bool] = longer_than_a_line) -> list[str]:
    """Return ``text`` cut after the '@' of each email address in it that is ``too_long`` for a line of its own:
    the one place such an address may break. The Word and HTML briefings join the pieces with a break that draws
    nothing (a zero-width space; ``<wbr>``)."""
    pieces, position = [], 0
    for match in ADDRESS.finditer(text):
        at = match.group().find("@")
        if at < 0 or not too_long(match.group()):
            continue
        pieces.append(text[position:match.start() + at + 1])
        position = match.start() + at + 1
    return [*pieces, text[position:]]
