"""Measure and wrap text with real font metrics, so nothing overflows its box.

The metrics are Carlito's (metric-compatible with Calibri, the deck's font),
read from a small JSON file made by :mod:`generator.fonts.make_metrics`.
Characters the file does not cover are measured as a full em, which errs on
the side of wrapping early.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_METRICS_FILE = Path(__file__).with_name("fonts") / "metrics.json"
# LibreOffice and PowerPoint differ slightly in kerning and line breaking;
# measuring 4% wide keeps the generated text inside its box in both.
SAFETY = 1.04


@dataclass(frozen=True)
class FontFace:
    """Advance widths and line height of one face, in font units."""

    units_per_em: int
    line_height_units: int
    widths: dict

    def width(self, text: str, size_pt: float) -> float:
        """Return the width of ``text`` at ``size_pt``, in points."""
        em = self.units_per_em
        units = sum(self.widths.get(ch, em) for ch in text)
        return units * size_pt / em * SAFETY

    def line_height(self, size_pt: float) -> float:
        """Return the height of one single-spaced line at ``size_pt``, in points."""
        return self.line_height_units * size_pt / self.units_per_em


@lru_cache(maxsize=1)
def _faces() -> dict[str, FontFace]:
    data = json.loads(_METRICS_FILE.read_text(encoding="utf-8"))
    return {style: FontFace(data[style]["units_per_em"], data[style]["line_height"], data[style]["widths"])
            for style in ("regular", "bold")}


def face(bold: bool = False) -> FontFace:
    """Return the regular or bold face."""
    return _faces()["bold" if bold else "regular"]


def wrap(text: str, width_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """Return ``text`` broken into lines no wider than ``width_pt``, as a word processor would."""
    font = face(bold)
    lines: list[str] = []
    for hard_line in text.split("\n"):
        current = ""
        for word in hard_line.split(" "):
            candidate = f"{current} {word}" if current else word
            if font.width(candidate, size_pt) <= width_pt:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = word
            while font.width(current, size_pt) > width_pt and len(current) > 1:
                head = _longest_prefix(current, width_pt, size_pt, font)
                lines.append(head)
                current = current[len(head):]
        lines.append(current)
    return lines


def _longest_prefix(word: str, width_pt: float, size_pt: float, font: FontFace) -> str:
    for end in range(len(word) - 1, 0, -1):
        if font.width(word[:end], size_pt) <= width_pt:
            return word[:end]
    return word[:1]


def text_height(text: str, width_pt: float, size_pt: float, bold: bool = False, spacing: float = 1.0) -> float:
    """Return the height ``text`` takes when wrapped to ``width_pt``, in points."""
    return len(wrap(text, width_pt, size_pt, bold)) * face(bold).line_height(size_pt) * spacing
