"""Read back what LibreOffice drew: each PDF page's words and their boxes (poppler's pdftotext)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..ooxml import EMU_PER_POINT

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')
TOLERANCE_PT = 2.0


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
    """A rendered page: its size in points and its words."""

    width: float
    height: float
    words: list[Word]


def have_pdftotext() -> bool:
    """Return whether poppler's pdftotext is installed."""
    return shutil.which("pdftotext") is not None


def read_pages(pdf: Path) -> list[Page]:
    """Return every page of ``pdf`` with its words and their boxes."""
    # Decoded as UTF-8 whatever the locale, a byte that is not UTF-8 replaced: a title with an emoji is still read.
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", str(pdf), "-"], capture_output=True,
                            encoding="utf-8", errors="replace", check=True)
    found = []
    for width, height, body in _PAGE.findall(result.stdout):
        words = [Word(html.unescape(text), float(x0), float(y0), float(x1), float(y1))
                 for x0, y0, x1, y1, text in _WORD.findall(body)]
        found.append(Page(float(width), float(height), words))
    return found


def shape_boxes(slide) -> list[tuple[float, float, float, float]]:
    """Return the boxes (left, top, right, bottom, in points) of every shape on a slide."""
    boxes = []
    for shape in slide.shapes:
        if shape.width is None or shape.left is None:
            continue
        boxes.append((shape.left / EMU_PER_POINT, shape.top / EMU_PER_POINT, (shape.left + shape.width) / EMU_PER_POINT,
                      (shape.top + shape.height) / EMU_PER_POINT))
    return boxes


def _inside(word: Word, box) -> bool:
    left, top, right, bottom = box
    return (word.left >= left - TOLERANCE_PT and word.right <= right + TOLERANCE_PT
            and word.top >= top - TOLERANCE_PT and word.bottom <= bottom + TOLERANCE_PT)


def words_outside_shapes(slide, page: Page) -> list[str]:
    """Return the words LibreOffice drew outside every shape of the slide (overflowing text)."""
    boxes = shape_boxes(slide)
    return [w.text for w in page.words if not any(_inside(w, box) for box in boxes)]


def words_of(text: str) -> list[str]:
    """Return the lower-case words of ``text``, for comparing typed and drawn text."""
    return [w.lower() for w in re.findall(r"\w+", text)]


def words_not_drawn(slide, page: Page) -> list[str]:
    """Return the words of the slide's text that do not appear on its rendered page."""
    drawn = set(words_of(" ".join(w.text for w in page.words)))
    typed = [w for shape in slide.shapes if shape.has_text_frame for w in words_of(shape.text_frame.text)]
    return [w for w in typed if w not in drawn]


# Two words whose boxes share this much of the smaller one's height, and more than a sliver of width, are drawn
# over each other; lines that merely touch (pdftotext's boxes span the line's full height) do not.
OVERLAP_HEIGHT_SHARE = 0.3
OVERLAP_WIDTH_PT = 1.0


def overlapping_words(page: Page) -> list[tuple[Word, Word]]:
    """Return each pair of words drawn over each other on ``page`` (text on text: a chart label on its
    neighbour, a title over the body), in reading order."""
    words = sorted(page.words, key=lambda w: (w.top, w.left))
    found = []
    for index, word in enumerate(words):
        for other in words[index + 1:]:
            if other.top >= word.bottom:
                break  # sorted by top: no later word reaches up into this one
            height = min(word.bottom - word.top, other.bottom - other.top)
            shared_height = min(word.bottom, other.bottom) - max(word.top, other.top)
            shared_width = min(word.right, other.right) - max(word.left, other.left)
            if shared_width > OVERLAP_WIDTH_PT and height > 0 and shared_height > OVERLAP_HEIGHT_SHARE * height:
                found.append((word, other))
    return found


def overlap_problem(page: Page, where: str) -> str:
    """Return '<where>: text drawn over other text ('a' over 'b', ...)', or '' when no word touches another."""
    pairs = overlapping_words(page)
    if not pairs:
        return ""
    shown = ", ".join(f"'{a.text}' over '{b.text}'" for a, b in pairs[:4])
    more = f" and {len(pairs) - 4} more" if len(pairs) > 4 else ""
    return f"{where}: text drawn over other text ({shown}{more})"
