"""Check a chart picture for its alt text: a PNG's ``Description`` text chunk, an SVG's ``<title>`` and ``<desc>``.

Only the picture's metadata is read (a PNG's pixels are never decoded, an
SVG's entities never expanded), so a hostile file costs nothing to check.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ..output_formats import PNG
from .alt_text import is_generic

if TYPE_CHECKING:
    from .file_report import FileReport

SVG = "{http://www.w3.org/2000/svg}"


def check_picture(path: Path, report: FileReport) -> None:
    """Add the picture's facts (its size) and problems (missing or generic alt text) to ``report``."""
    if path.suffix.lower() == PNG.suffix:
        _check_png(path, report)
    else:
        _check_svg(path, report)


def _check_png(path: Path, report: FileReport) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            size, kind = image.size, image.format
            alt_text = str(image.info.get("Description", ""))
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError):
        report.problems.append("cannot be read as a PNG picture")
        return
    if kind != "PNG":
        report.problems.append(f"is a {kind} picture, not a PNG")
        return
    report.facts.append(f"picture, {size[0]} × {size[1]} pixels")
    _check_alt_text(alt_text, "its Description text chunk", report)


def _check_svg(path: Path, report: FileReport) -> None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError):
        report.problems.append("cannot be read as an SVG picture")
        return
    if root.tag != f"{SVG}svg":
        report.problems.append("is not an SVG picture (its root is not <svg>)")
        return
    report.facts.append("picture, SVG")
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    _check_alt_text(title.text or "" if title is not None else "", "its <title>", report)
    _check_alt_text(desc.text or "" if desc is not None else "", "its <desc>", report)


def _check_alt_text(text: str, where: str, report: FileReport) -> None:
    text = text.strip()
    if not text:
        report.problems.append(f"no alt text ({where} is missing or empty)")
    elif is_generic(text):
        report.problems.append(f"generic alt text in {where} ('{text}')")
