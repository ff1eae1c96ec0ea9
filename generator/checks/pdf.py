"""Checks of a published PDF: tagged, title, language, figures' alt text, pages, a near-empty last page, and
whether it matches its source.

Poppler's ``pdfinfo`` and ``pdftotext`` read the PDF. The language (the
catalog's ``/Lang``) and the figures' alt text (their tags' ``/Alt``) are read
from the file itself, as poppler prints neither; a PDF whose objects are
compressed hides them, and the report says they were not checked.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..output.pdf import convert_to_pdf, find_soffice, recorded_source
from ..output_formats import OFFICE_SUFFIXES
from .file_report import FileReport

NEAR_EMPTY_LINES = 5  # a last page with fewer lines of its own than this is nearly empty
TOOL_TIMEOUT_S = 60
CATALOG_WINDOW = 4096  # bytes after /Type/Catalog searched for /Lang (the catalog is a short dictionary)

_CATALOG = re.compile(rb"/Type\s*/Catalog\b")
_LANGUAGE = re.compile(rb"/Lang\s*(?:\(([^)\\]{0,64})\)|<([0-9A-Fa-f\s]{0,260})>)")
_FIGURE = re.compile(rb"/S\s*/Figure\b")
_ALT_TEXT = re.compile(rb"/Alt\s*(?:\([^)]|<\s*(?!(?:FEFF|feff)?\s*>)[0-9A-Fa-f])")  # a non-empty /Alt string
_INFO_LINE = re.compile(r"^([A-Za-z ]+):\s*(.*)$")
_PAGE_SIZE = re.compile(r"(\d+(?:\.\d+)?) x (\d+(?:\.\d+)?) pts")


@dataclass
class PdfReport(FileReport):
    """A PDF's report (facts, problems, what was not checked) and the facts as values."""

    tagged: bool = False
    title: str = ""
    language: str = ""
    pages: int = 0
    source_pages: int | None = None


def source_beside(pdf: Path) -> Path | None:
    """Return the .pptx or .docx of the same name beside ``pdf``, or None when there is none."""
    return next((pdf.with_suffix(s) for s in OFFICE_SUFFIXES if pdf.with_suffix(s).is_file()), None)


def check_pdf(path: Path, source: Path | None = None, source_pages: int | None = None) -> PdfReport:
    """Return what a publisher needs to know about the PDF ``path``; ``source`` is the file it was made from.

    The PDF matches its source when it has as many pages as LibreOffice gives
    for the source now; a PDF that ``--pdf`` made from the source's current
    bytes matches by its record, without starting LibreOffice. A caller that
    has had LibreOffice render the source already passes its ``source_pages``
    and saves a launch.
    """
    report = PdfReport(path)
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        report.skipped.append("reading PDFs (install poppler-utils)")
        return report
    try:
        info = _pdfinfo(path)
    except _Unreadable as error:
        report.problems.append(f"not a PDF that can be read ({error})")
        return report
    report.pages = _whole_number(info.get("Pages", ""))
    report.tagged = info.get("Tagged") == "yes"
    report.title = info.get("Title", "").strip()
    data = path.read_bytes()
    _check_properties(data, report)
    if report.tagged:
        _check_figures(data, report)
    report.facts.append(f"{report.pages} page{'s' if report.pages != 1 else ''}")
    size = _PAGE_SIZE.search(info.get("Page size", ""))
    if size and float(size[2]) > float(size[1]) and report.pages > 1:  # pages of text, not slides
        _check_last_page(path, report)
    if source is not None:
        _compare_with_source(path, source, source_pages, report)
    return report


def _check_properties(pdf: bytes, report: PdfReport) -> None:
    report.facts.append("tagged" if report.tagged else "not tagged")
    if not report.tagged:
        report.problems.append("not tagged, so screen readers get no headings, reading order or alt text "
                               "(build it with --pdf, which writes tagged PDFs)")
    if report.title:
        report.facts.append(f"title '{report.title}'")
    else:
        report.problems.append("no document title in the PDF's properties")
    language = _catalog_language(pdf)
    if language is None:
        report.skipped.append("the language of a PDF whose catalog is compressed")
    elif language:
        report.language = language
        report.facts.append(f"language {language}")
    else:
        report.problems.append("no document language (the catalog's /Lang)")


def _check_figures(pdf: bytes, report: PdfReport) -> None:
    """Flag figures (pictures, charts) whose tag has no alt text: a screen reader says nothing for them."""
    if b"/StructElem" not in pdf:
        report.skipped.append("the alt text of figures in a PDF whose tags are compressed")
        return
    figures = [part for part in pdf.split(b"endobj") if b"/StructElem" in part and _FIGURE.search(part)]
    missing = sum(1 for figure in figures if not _ALT_TEXT.search(figure))
    if missing:
        report.problems.append(f"{missing} of {len(figures)} figure{'s' if len(figures) != 1 else ''} "
                               f"{'have' if missing != 1 else 'has'} no alt text, so screen readers skip "
                               f"{'them' if missing != 1 else 'it'}")


def _check_last_page(path: Path, report: PdfReport) -> None:
    """Flag a last page with under NEAR_EMPTY_LINES lines of its own (lines repeated from page 1 are furniture)."""
    try:
        furniture = {_without_numbers(line) for line in _page_lines(path, 1)}
        own = [line for line in _page_lines(path, report.pages) if _without_numbers(line) not in furniture]
    except _Unreadable as error:
        report.skipped.append(f"whether the last page is nearly empty, in a PDF whose text cannot be read ({error})")
        return
    if len(own) < NEAR_EMPTY_LINES:
        report.problems.append(f"the last page (page {report.pages}) is nearly empty: {len(own)} "
                               f"line{'s' if len(own) != 1 else ''} of text")


def _compare_with_source(path: Path, source: Path, source_pages: int | None, report: PdfReport) -> None:
    if recorded_source(path, source):
        report.source_pages = report.pages
        report.facts.append(f"made by --pdf from {source.name} as it is now")
        return
    if source_pages is None:
        if find_soffice() is None:
            report.skipped.append("comparing PDFs with their sources (install libreoffice)")
            return
        source_pages = _pages_in_libreoffice(source, report)
        if source_pages is None:
            return
    report.source_pages = source_pages
    if source_pages == report.pages:
        report.facts.append(f"same page count as {source.name} in LibreOffice")
    else:
        report.problems.append(f"{report.pages} page{'s' if report.pages != 1 else ''}, but LibreOffice gives "
                               f"{source_pages} for {source.name} now: the PDF is out of date "
                               "(build again with --pdf)")


def _pages_in_libreoffice(source: Path, report: PdfReport) -> int | None:
    """Return how many pages LibreOffice gives ``source``, or None (with the problem reported) if it cannot say."""
    with tempfile.TemporaryDirectory(prefix="lfr-check-pdf-") as work:
        try:
            copy = Path(shutil.copy(source, Path(work) / f"source{source.suffix}"))
        except OSError as error:
            report.problems.append(f"could not read {source.name} to compare ({error.strerror})")
            return None
        pdfs, problem = convert_to_pdf([copy])
        if not pdfs:
            report.problems.append(f"LibreOffice could not make a PDF of {source.name} to compare ({problem})")
            return None
        try:
            return _whole_number(_pdfinfo(pdfs[0]).get("Pages", ""))
        except _Unreadable as error:
            report.problems.append(f"could not read LibreOffice's PDF of {source.name} ({error})")
            return None


class _Unreadable(Exception):
    """Poppler could not read the PDF; the message says why."""


def _run_poppler(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, timeout=TOOL_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise _Unreadable(f"{command[0]} took more than {TOOL_TIMEOUT_S} s") from None
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _Unreadable(f"{command[0]}: {said[-1] if said else f'exit status {result.returncode}'}")
    return result.stdout.decode("utf-8", "replace")


def _pdfinfo(path: Path) -> dict[str, str]:
    lines = _run_poppler(["pdfinfo", "-enc", "UTF-8", str(path)]).splitlines()
    return {found[1]: found[2] for found in map(_INFO_LINE.match, lines) if found}


def _page_lines(path: Path, page: int) -> list[str]:
    """Return the non-blank lines of text on one page; raise _Unreadable if poppler cannot read them."""
    text = _run_poppler(["pdftotext", "-enc", "UTF-8", "-layout", "-f", str(page), "-l", str(page), str(path), "-"])
    return [line.strip() for line in text.splitlines() if line.strip()]


def _whole_number(text: str) -> int:
    return int(text) if text.strip().isdigit() else 0


def _without_numbers(line: str) -> str:
    """Return a line with its numbers and spacing taken out: 'Page 2 of 2' and 'Page 1 of 2' are the same footer."""
    return re.sub(r"[\d\s]+", " ", line).strip()


def _catalog_language(pdf: bytes) -> str | None:
    """Return the catalog's /Lang ('' when it has none), or None when no catalog is in plain sight."""
    catalog = _CATALOG.search(pdf)
    if catalog is None:
        return None
    # The whole catalog object: /Lang may come before /Type (as pikepdf writes keys, in order) or after it.
    start = max(pdf.rfind(b" obj", max(0, catalog.start() - CATALOG_WINDOW), catalog.start()), 0)
    window = pdf[start: catalog.start() + CATALOG_WINDOW]
    window = window[: window.find(b"endobj")] if b"endobj" in window else window
    found = _LANGUAGE.search(window)
    if found is None:
        return ""
    if found[1] is not None:
        return found[1].decode("latin-1").strip()
    digits = re.sub(rb"\s", b"", found[2])
    raw = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))  # an odd last digit is followed by 0
    return (raw[2:].decode("utf-16-be", "replace") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")).strip()
