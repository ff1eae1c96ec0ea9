"""Checks of the data's theme: colour syntax and contrast, layout and style names, logo and template files."""

from __future__ import annotations

import re
from pathlib import Path

from ..colour import MINIMUM_GRAPHIC_CONTRAST, MINIMUM_TEXT_CONTRAST, contrast_ratio
from ..model import BRIEFING_CHARTS, Branding
from ..problems import ERROR, WARNING, Problem
from .schema import Locations

_HEX = re.compile(r"^#?([0-9A-Fa-f]{6})$")
STYLE_ROLES = ("body", "title", "subtitle", "heading", "bullet", "footer")
TEXT_PAIRS = (("text", "background"), ("heading", "background"), ("link", "background"))


def check_branding(theme: Branding, locations: Locations) -> list[Problem]:
    """Return the theme's problems; colours are normalised to 'RRGGBB' in place."""
    found: list[Problem] = []

    def add(path: str, message: str, severity: str = ERROR) -> None:
        found.append(locations.problem(path, message, severity, "theme"))

    if theme.briefing_chart not in BRIEFING_CHARTS:
        add("theme.briefing_chart", f"expected one of: {', '.join(BRIEFING_CHARTS)}; got '{theme.briefing_chart}'")
    for role in theme.styles:
        if role not in STYLE_ROLES:
            add(f"theme.styles.{role}", f"unknown style role '{role}'; expected one of: {', '.join(STYLE_ROLES)}")
    colours = theme.colours
    if colours is None:
        return found
    valid = True
    for name in ("text", "background", "heading", "link"):
        value = _normalise(getattr(colours, name))
        if value is None:
            add(f"theme.colours.{name}", f"expected a colour like 1D5A8E, got '{getattr(colours, name)}'")
            valid = False
        else:
            setattr(colours, name, value)
    if not colours.accents:
        add("theme.colours.accents", "expected at least one accent colour")
        valid = False
    for i, accent in enumerate(colours.accents):
        value = _normalise(accent)
        if value is None:
            add(f"theme.colours.accents[{i}]", f"expected a colour like 1D5A8E, got '{accent}'")
            valid = False
        else:
            colours.accents[i] = value
    if not valid:
        return found
    for foreground, background in TEXT_PAIRS:
        ratio = contrast_ratio(getattr(colours, foreground), getattr(colours, background))
        if ratio < MINIMUM_TEXT_CONTRAST:
            add(f"theme.colours.{foreground}",
                f"{foreground} #{getattr(colours, foreground)} on {background} #{getattr(colours, background)} has "
                f"contrast {ratio:.1f}:1; text needs at least {MINIMUM_TEXT_CONTRAST}:1", WARNING)
    for i, accent in enumerate(colours.accents):
        ratio = contrast_ratio(accent, colours.background)
        if ratio < MINIMUM_GRAPHIC_CONTRAST:
            add(f"theme.colours.accents[{i}]",
                f"accent #{accent} on background #{colours.background} has contrast {ratio:.1f}:1; chart bars "
                f"need at least {MINIMUM_GRAPHIC_CONTRAST}:1", WARNING)
    return found


def _normalise(value: str) -> str | None:
    match = _HEX.match(value.strip())
    return match.group(1).upper() if match else None


def resolve_file(data_path: Path, value: str, key_path: str, locations: Locations,
                 allow_outside: bool, kinds: dict[str, tuple[bytes, ...]] | None) -> tuple[Path | None, list[Problem]]:
    """Return a file named in the data (relative to the data file), checked for place and kind."""
    def problem(message: str) -> list[Problem]:
        return [locations.problem(key_path, message, category="input")]

    folder = data_path.resolve().parent
    path = (folder / value).resolve()
    if not allow_outside and folder not in path.parents:
        return None, problem(f"'{value}' is outside the data file's folder; move it there, or build with "
                             "--allow-outside")
    if not path.is_file():
        return None, problem(f"file not found: {path}")
    head = path.read_bytes()[:8]
    if kinds and not any(head.startswith(magic) for magics in kinds.values() for magic in magics):
        return None, problem(f"'{value}' is not a {' or '.join(kinds)} file")
    return path, []
