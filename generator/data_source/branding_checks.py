"""Checks of the data's theme: colour syntax and contrast, layout and style names, logo and template files."""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Mapping
from pathlib import Path

from ..colour import MINIMUM_GRAPHIC_CONTRAST, MINIMUM_TEXT_CONTRAST, contrast_ratio
from ..model import Branding
from ..problems import ERROR, WARNING, Problem, shorten
from ..slide_kinds import SLIDE_KINDS
from .bounded_files import UnreadableFile, check_regular_file, not_found, read_prefix, read_regular_file
from .schema import Locations

_HEX = re.compile(r"^#?([0-9A-Fa-f]{6})$")
STYLE_ROLES = ("body", "title", "subtitle", "heading", "bullet", "footer")
TEXT_PAIRS = (("text", "background"), ("heading", "background"), ("link", "background"))
IMAGE_KINDS = {"PNG": (b"\x89PNG\r\n\x1a\n",), "JPEG": (b"\xff\xd8\xff",)}
MAX_LOGO_BYTES = 5 * 1024 * 1024
"""A logo file may be at most this many bytes (checked before it is read; it is embedded in every deck)."""
MAX_LOGO_PIXELS = 40_000_000
"""A logo may have at most this many pixels (40 megapixels), checked from its header before it is decoded."""
UNREADABLE_IMAGE = "the file is not a readable PNG or JPEG image"


def check_branding(theme: Branding, locations: Locations) -> list[Problem]:
    """Return the theme's problems; colours are normalised to 'RRGGBB' in place."""
    found: list[Problem] = []

    def add(path: str, message: str, severity: str = ERROR) -> None:
        found.append(locations.problem(path, message, severity))

    for kind in theme.layouts:
        if kind not in SLIDE_KINDS:
            add(f"theme.layouts.{kind}",
                f"unknown slide kind '{shorten(kind)}'; expected one of: {', '.join(SLIDE_KINDS)}")
    for role in theme.styles:
        if role not in STYLE_ROLES:
            add(f"theme.styles.{role}",
                f"unknown style role '{shorten(role)}'; expected one of: {', '.join(STYLE_ROLES)}")
    colours = theme.colours
    if colours is None:
        return found
    valid = True
    for name in ("text", "background", "heading", "link"):
        value = _normalise(getattr(colours, name))
        if value is None:
            add(f"theme.colours.{name}", f"expected a colour like 1D5A8E, got '{shorten(getattr(colours, name))}'")
            valid = False
        else:
            setattr(colours, name, value)
    if not colours.accents:
        add("theme.colours.accents", "expected at least one accent colour")
        valid = False
    for i, accent in enumerate(colours.accents):
        value = _normalise(accent)
        if value is None:
            add(f"theme.colours.accents[{i}]", f"expected a colour like 1D5A8E, got '{shorten(accent)}'")
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
                 allow_outside: bool) -> tuple[Path | None, list[Problem]]:
    """Return a file named in the data (relative to the data file), checked to be an ordinary file in its place."""
    def problem(message: str) -> list[Problem]:
        return [locations.problem(key_path, message)]

    shown = shorten(value)
    try:
        folder = data_path.resolve().parent
        path = (folder / value).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link that leads back to itself
        return None, problem(f"'{shown}' cannot be followed: it is a link that leads back to itself")
    if not allow_outside and folder not in path.parents:
        return None, problem(f"'{shown}' is outside the data file's folder; move it there, or build with "
                             "--allow-outside")
    try:
        check_regular_file(path, None, "it")
    except UnreadableFile as error:
        if not path.exists():
            return None, problem(not_found(folder, value))
        return None, problem(f"'{shown}': {error.reason}")
    return path, []


def check_kind(path: Path, value: str, key_path: str, locations: Locations,
               kinds: Mapping[str, tuple[bytes, ...]]) -> list[Problem]:
    """Return a problem if the file does not start as one of ``kinds`` says (its 'magic' bytes)."""
    longest = max(len(magic) for magics in kinds.values() for magic in magics)
    try:
        head = read_prefix(path, longest, "it")
    except UnreadableFile as error:
        return [locations.problem(key_path, f"'{shorten(value)}': {error.reason}")]
    if not any(head.startswith(magic) for magics in kinds.values() for magic in magics):
        return [locations.problem(key_path, f"'{shorten(value)}' is not a {' or '.join(kinds)} file")]
    return []


def read_logo(path: Path, value: str, key_path: str, locations: Locations) -> tuple[bytes, list[Problem]]:
    """Return a logo file's bytes, read once, and its problems: its kind, size and pixel count, and whether it
    decodes at all (the bytes are b"" when it has problems).

    The size is checked before the file is read, and the pixel count (from
    the image's header) before a pixel is decoded.
    """
    def problem(message: str) -> tuple[bytes, list[Problem]]:
        return b"", [locations.problem(key_path, message)]

    try:
        data = read_regular_file(path, MAX_LOGO_BYTES, "a logo")
    except UnreadableFile as error:
        return problem(error.reason)
    if not any(data.startswith(magic) for magics in IMAGE_KINDS.values() for magic in magics):
        return problem(f"'{shorten(value)}' is not a {' or '.join(IMAGE_KINDS)} file")
    from PIL import Image  # only for a theme with a logo

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our own, lower limit applies
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > MAX_LOGO_PIXELS:
                    return problem(_too_many_pixels(width, height))
                image.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()  # verify() misses a truncated picture; decoding it whole does not
    except Image.DecompressionBombError:  # so many pixels that Pillow refuses to open it at all
        return problem(f"the image has far more pixels than a logo may have (at most {MAX_LOGO_PIXELS:,})")
    except Exception:  # noqa: BLE001 - a hostile image can make any decoder raise anything; none is a bug of ours
        return problem(UNREADABLE_IMAGE)
    return data, []


def _too_many_pixels(width: int, height: int) -> str:
    return (f"the image is {width:,} x {height:,} pixels ({width * height:,}); a logo may have at most "
            f"{MAX_LOGO_PIXELS:,} pixels")
