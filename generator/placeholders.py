"""Figures cited in free text: ``{cspr.count}`` in a note or paragraph becomes the count computed from the data.

A placeholder is a name in braces: ``{cspr.count}``, ``{cspr.area.MBC}``,
``{cspr.theme.Parental mental health}``, ``{period}``. Spaces at either end of
the name are ignored, and a name that differs only in case still matches.
``{{`` and ``}}`` stand for a brace itself. A brace that opens no placeholder
(a lone ``{``, or ``{}``) is kept as typed.

A number typed in the text instead of a placeholder goes stale when the data
changes; :func:`contradicted_numbers` finds those that disagree with the figure
they stand beside ("23 children's reviews" when there are 25).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*[^{}\s][^{}\n]*)\}")
_NUMBER = r"(?<![\w/.,:£$€-])(\d{1,3}(?:,\d{3})+|\d+)"
YEARS = (1900, 2100)
_NUMBER_END = r"(?![\w/.:-]|,\d)"  # not a date (12/05), a decimal, a time (10:30) or a range (5-9)


def _lookup(name: str, values: Mapping[str, str]) -> str | None:
    if name in values:
        return values[name]
    folded = name.casefold()
    matches = [key for key in values if key.casefold() == folded]
    return values[matches[0]] if len(matches) == 1 else None


def fill(text: str, values: Mapping[str, str]) -> tuple[str, list[str]]:
    """Return ``text`` with each placeholder replaced by its value, and the names no value was found for.

    An unknown placeholder is left as typed (braces and all) and named once in
    the list, in the order it first appears.
    """
    unknown: list[str] = []

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1).strip()
        value = _lookup(name, values)
        if value is None:
            if name not in unknown:
                unknown.append(name)
            return token
        return value

    return _TOKEN.sub(replace, text), unknown


def names_in(text: str) -> list[str]:
    """Return the placeholder names the text cites, in order, each once."""
    found: list[str] = []
    for match in _TOKEN.finditer(text):
        if match.group(1) is not None and match.group(1).strip() not in found:
            found.append(match.group(1).strip())
    return found


def suggestion(name: str, values: Mapping[str, str]) -> str | None:
    """Return the known placeholder nearest an unknown one (for a 'did you mean' in the problem), or None."""
    close = difflib.get_close_matches(name, list(values), n=1, cutoff=0.7)
    return close[0] if close else None


def contradicted_numbers(text: str, values: Mapping[str, str], nouns: Mapping[str, str]) -> list[str]:
    """Return a message for each number typed right before a noun whose figure is known, and differs from it.

    ``nouns`` maps the words that follow a figure in text to the placeholder
    of that figure: ``{"children's reviews": "cspr.count", "children":
    "cspr.people"}``. Matching ignores case; the longest noun wins ("children's
    reviews" before "children"). Only digits directly before a noun are
    checked, so dates, years, times, ranges and ages ("aged 15") are left alone.
    Example: ``"'23 children's reviews': the figure {cspr.count} is 25"``.
    """
    known = {noun: name for noun, name in nouns.items() if noun.strip() and _lookup(name, values) is not None}
    if not known:
        return []
    by_folded = {noun.casefold(): name for noun, name in known.items()}
    alternatives = "|".join(re.escape(noun) for noun in sorted(known, key=len, reverse=True))
    pattern = re.compile(rf"{_NUMBER}{_NUMBER_END}[ \u00a0]+({alternatives})(?![\w'’])", re.IGNORECASE)
    messages = []
    for match in pattern.finditer(_without_placeholders(text)):
        digits = match.group(1)
        if len(digits) == 4 and YEARS[0] <= int(digits) <= YEARS[1]:
            continue  # "in 2021 reviews were...": a year, not a count
        typed = int(digits.replace(",", ""))
        name = by_folded[match.group(2).casefold()]
        figure = _lookup(name, values) or ""
        if figure.replace(",", "").isdigit() and int(figure.replace(",", "")) != typed:
            messages.append(f"'{match.group(0)}': the figure {{{name}}} is {figure}; write {{{name}}} "
                            "instead of the number so it stays right")
    return messages


def _without_placeholders(text: str) -> str:
    """Return the text with placeholders blanked out (their names may hold digits: {cspr.area.2})."""
    return _TOKEN.sub(lambda match: " " * len(match.group(0)), text)
