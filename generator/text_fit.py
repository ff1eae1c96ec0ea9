"""Measure and wrap text with real font metrics, so nothing overflows its box.

Calibri (the built-in font) is measured with Carlito's metrics, and Arial (the
web page's fallback) with Liberation Sans's, read from a small JSON file made
by :mod:`generator.fonts.make_metrics`, so measuring them starts no font tool.
Another font is
measured from its own file when fontconfig can find it (or a metric-compatible
substitute, such as Liberation Sans for Arial); failing that, Carlito's
metrics are scaled up so text errs on the side of wrapping early. Characters a
font does not cover are measured as a full em.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_METRICS_FILE = Path(__file__).with_name("fonts") / "metrics.json"
# LibreOffice and PowerPoint differ slightly in kerning and line breaking;
# measuring 4% wide keeps the generated text inside its box in both.
SAFETY = 1.04
UNKNOWN_FONT_SCALE = 1.15
DEFAULT_FAMILY = "carlito"  # the family measured when none is named: Calibri's stand-in
HYPHEN_BREAK = re.compile(r"(?<=\w)-(?=\w)")  # where a renderer may break a line: after a word's hyphen
# An email or web address: a renderer breaks it after a hyphen ("transitions-" / "team@example.org.uk") as it
# breaks a hyphenated word, and a reader then copies half of it.
# Each begins only at the start of a run of its characters, and no quantifier gives back what it took (possessive),
# so a search takes time linear in the text: a 100,000-character word is searched in a moment, not minutes.
ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+|(?<![\w./-])(?:https?://|www\.)\S++")
ADDRESS_BREAK = re.compile(r"[-/]")  # where PowerPoint and LibreOffice may break a line inside an address


@dataclass(frozen=True)
class FontFace:
    """Advance widths and line height of one face, in font units."""

    units_per_em: int
    line_height_units: int
    widths: dict
    scale: float = 1.0
    # Fitting measures the same words at many sizes: their widths in font units are kept.
    _known: dict = field(default_factory=dict, compare=False, repr=False)

    def width(self, text: str, size_pt: float) -> float:
        """Return the width of ``text`` at ``size_pt``, in points."""
        units = self._known.get(text)
        if units is None:
            if len(self._known) > 50_000:
                self._known.clear()
            em = self.units_per_em
            units = self._known[text] = sum(self.widths.get(ch, em) for ch in text)
        return units * size_pt / self.units_per_em * SAFETY * self.scale

    def character_width(self, character: str, size_pt: float) -> float:
        """Return the width of one character at ``size_pt``, in points (not kept: words are cut once)."""
        return self.widths.get(character, self.units_per_em) * size_pt / self.units_per_em * SAFETY * self.scale

    def line_height(self, size_pt: float) -> float:
        """Return the height of one single-spaced line at ``size_pt``, in points."""
        return self.line_height_units * size_pt / self.units_per_em


@lru_cache(maxsize=1)
def _shipped_faces() -> dict[tuple[str, bool], FontFace]:
    """Return the faces whose metrics ship with the generator, by (lower-case family, bold)."""
    data = json.loads(_METRICS_FILE.read_text(encoding="utf-8"))
    return {(family, style == "bold"): FontFace(metrics[style]["units_per_em"], metrics[style]["line_height"],
                                                 metrics[style]["widths"])
            for family, metrics in data.items() for style in ("regular", "bold")}


# Fonts fontconfig may stand in for, drawn with the same widths: measuring the stand-in measures the font.
METRIC_COMPATIBLE = {"arial": "liberation sans", "helvetica": "liberation sans", "times new roman": "liberation serif",
                     "courier new": "liberation mono", "calibri": "carlito", "cambria": "caladea"}


def _shipped(family: str, bold: bool) -> FontFace | None:
    """Return the shipped metrics of ``family`` or of its metric-compatible stand-in, or None."""
    wanted = family.strip().lower() or DEFAULT_FAMILY
    return _shipped_faces().get((METRIC_COMPATIBLE.get(wanted, wanted), bold))


@lru_cache(maxsize=32)
def face(bold: bool = False, family: str = "") -> FontFace:
    """Return the metrics of a family's regular or bold face (Carlito's for Calibri, Liberation Sans's for Arial).

    A family that is not installed (nor a metric-compatible stand-in) is measured as Carlito scaled up,
    so text errs on the side of wrapping early; :func:`is_installed` says which case applies.
    """
    shipped = _shipped(family, bold)
    if shipped is not None:
        return shipped
    carlito = _shipped_faces()[(DEFAULT_FAMILY, bold)]
    found = _locate_font(family, bold) if is_installed(family) else None
    if found is not None:
        try:
            return _face_from_file(found)
        except Exception:  # noqa: BLE001 - an unreadable font file means we fall back to the safe estimate
            pass
    return FontFace(carlito.units_per_em, carlito.line_height_units, carlito.widths, UNKNOWN_FONT_SCALE)


@lru_cache(maxsize=32)
def is_installed(family: str) -> bool:
    """Return whether fontconfig has ``family`` itself or a metric-compatible stand-in (Calibri and Arial always
    count: their metrics ship with the generator)."""
    wanted = family.strip().lower()
    if _shipped(family, bold=False) is not None:
        return True
    if shutil.which("fc-match") is None:
        return False
    import subprocess

    result = subprocess.run(["fc-match", "-f", "%{family}", family], capture_output=True,
                            encoding="utf-8", errors="replace", timeout=10)
    matched = {name.strip().lower() for name in result.stdout.split(",")}
    return result.returncode == 0 and (wanted in matched or METRIC_COMPATIBLE.get(wanted, wanted) in matched)


def _locate_font(family: str, bold: bool) -> Path | None:
    if shutil.which("fc-match") is None:
        return None
    pattern = f"{family}:bold" if bold else family
    import subprocess

    result = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, timeout=10)
    path = Path(os.fsdecode(result.stdout.strip()))  # a file name is bytes to the system, whatever the locale
    return path if result.returncode == 0 and path.suffix.lower() in (".ttf", ".otf") and path.is_file() else None


def _face_from_file(path: Path) -> FontFace:
    from fontTools.ttLib import TTFont

    font = TTFont(path, lazy=True)
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    widths = {chr(code): metrics[glyph][0] for code, glyph in cmap.items() if code < 0x3000}
    return FontFace(font["head"].unitsPerEm, line_height_units(font), widths)


USE_TYPO_METRICS = 1 << 7  # OS/2 fsSelection bit: the font asks to be spaced by its typographic metrics


def line_height_units(font) -> int:
    """Return the height of a single-spaced line of a fontTools ``TTFont``, in font units, as renderers space it.

    LibreOffice (and PowerPoint on a Mac) take the hhea table's ascender, descender and line gap; Word and
    PowerPoint on Windows take the OS/2 table's Windows ascent and descent; the OS/2 typographic metrics count
    only when the font sets USE_TYPO_METRICS. The taller of those is measured, so text fits every renderer
    without being measured taller than any of them draws it: DejaVu Sans's typographic line (1.2 em) is not
    used, for every renderer lays it out at 1.164 em.
    """
    hhea, os2 = font["hhea"], font["OS/2"]
    heights = [hhea.ascent - hhea.descent + hhea.lineGap, os2.usWinAscent + os2.usWinDescent]
    if os2.fsSelection & USE_TYPO_METRICS:
        heights.append(os2.sTypoAscender - os2.sTypoDescender + os2.sTypoLineGap)
    return max(heights)


def wrap(text: str, width_pt: float, size_pt: float, bold: bool = False, family: str = "") -> list[str]:
    """Return ``text`` broken into lines no wider than ``width_pt``, as a word processor would.

    Each word is measured once and a word wider than the line is cut character by character, so the
    time taken grows in step with the text's length (a 100,000-character word takes no longer than
    100,000 characters of ordinary words).
    """
    font = face(bold, family)
    space = font.width(" ", size_pt)
    lines: list[str] = []
    for hard_line in text.split("\n"):
        current, current_width = "", 0.0
        for word in hard_line.split(" "):
            word_width = font.width(word, size_pt)
            if current and current_width + space + word_width <= width_pt:
                current, current_width = f"{current} {word}", current_width + space + word_width
                continue
            if not current and word_width <= width_pt:
                current, current_width = word, word_width
                continue
            if current:
                lines.append(current)
            if word_width <= width_pt:
                current, current_width = word, word_width
                continue
            pieces = _cut_word(word, width_pt, size_pt, font)
            lines.extend(pieces[:-1])
            current = pieces[-1]
            current_width = font.width(current, size_pt)
        lines.append(current)
    return lines


def _cut_word(word: str, width_pt: float, size_pt: float, font: FontFace) -> list[str]:
    """Return a word too wide for its line cut into pieces that each fit (at least one character each)."""
    pieces: list[str] = []
    start, used = 0, 0.0
    for index, character in enumerate(word):
        character_width = font.character_width(character, size_pt)
        if index > start and used + character_width > width_pt:
            pieces.append(word[start:index])
            start, used = index, 0.0
        used += character_width
    pieces.append(word[start:])
    return pieces


def breaks_badly(text: str, width_pt: float, size_pt: float, bold: bool = False, family: str = "") -> bool:
    """Return whether a renderer, which may also break a line after a hyphen, would break ``text`` inside a
    word too wide for the line ("perpetra" / "tors"), inside a hyphenated word ("Multi-" / "agency") or inside
    parentheses ("(non-" / "statutory)") at this width."""
    opportunities = HYPHEN_BREAK.sub("- ", text)
    font = face(bold, family)
    if any(font.width(word, size_pt) > width_pt for word in opportunities.split()):  # cut inside the word
        return True
    lines = wrap(opportunities, width_pt, size_pt, bold, family)
    depth = 0
    for line in lines[:-1]:
        depth += line.count("(") - line.count(")")
        if line.endswith("-") or depth > 0:
            return True
    return False


def addresses_on_lines_of_their_own(text: str, width_pt: float, size_pt: float, bold: bool = False,
                                     family: str = "") -> str:
    """Return ``text`` with a line break before each email or web address that does not fit the rest of its line
    and that a renderer would break there, after a hyphen or a slash: it begins the next line instead, whole (an
    address without either moves to the next line of itself, and is left as it is).

    The break goes where :func:`wrap` already puts the address (it breaks only at spaces), so the text's
    measured height is unchanged; an address wider than a whole line still breaks (shrink the text for that).
    """
    searched_to = 0
    while (match := ADDRESS.search(text, searched_to)) is not None:
        start, searched_to = match.span()
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        if not before.strip() or not before.endswith(" ") or not ADDRESS_BREAK.search(match.group()):
            continue  # the address begins its line, is joined to the word before it, or cannot break
        kept = before.rstrip(" ")
        if len(wrap(before + match.group(), width_pt, size_pt, bold, family)) > len(wrap(kept, width_pt, size_pt,
                                                                                         bold, family)):
            text = text[:line_start] + kept + "\n" + text[start:]
            searched_to += len(kept) + 1 - len(before)
    return text


def text_height(text: str, width_pt: float, size_pt: float, bold: bool = False, family: str = "") -> float:
    """Return the height ``text`` takes when wrapped to ``width_pt``, in points."""
    return len(wrap(text, width_pt, size_pt, bold, family)) * face(bold, family).line_height(size_pt)
