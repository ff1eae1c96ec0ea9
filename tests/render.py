"""Render outputs through LibreOffice and read back where each word landed (poppler's pdftotext)."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.output.pdf import convert_to_pdf

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@dataclass(frozen=True)
class Word:
    """A word as drawn on a PDF page, its box in points."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass
class Page:
    width: float
    height: float
    words: list[Word]


def render(path: Path) -> Path:
    """Return the PDF LibreOffice makes of ``path`` (written beside it)."""
    pdfs, problem = convert_to_pdf([path])
    assert not problem, problem
    return pdfs[0]


def pages(pdf: Path) -> list[Page]:
    """Return every page of ``pdf`` with its words and their boxes."""
    result = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    found = []
    for width, height, body in _PAGE.findall(result.stdout):
        words = [Word(html.unescape(text), float(x0), float(y0), float(x1), float(y1))
                 for x0, y0, x1, y1, text in _WORD.findall(body)]
        found.append(Page(float(width), float(height), words))
    return found
