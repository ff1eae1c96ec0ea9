"""Check built files and report, per file, what a publisher needs to know."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..output.pdf import convert_to_pdf, find_soffice
from ..output_formats import DECK, HTML, OFFICE_SUFFIXES, PDF, PNG, SUFFIXES, SVG, WORD, XLSX, format_of
from .file_report import FileReport
from .rendered import Page, have_pdftotext, read_pages


OFFICE_KINDS = {suffix: suffix.lstrip(".") for suffix in OFFICE_SUFFIXES}  # the package kind is the suffix's name
Checker = Callable[[Path, list[Page] | None, FileReport], None]  # a file, its rendered pages, its report
FORMATS_CHECKED = ", ".join(SUFFIXES[:-1]) + " or " + SUFFIXES[-1]  # ".pptx, .docx, .html, .xlsx, .pdf, .png or .svg"


def refuse_unreadable(paths: list[Path]) -> None:
    """Raise InputError naming every file that is not what its name says: missing, a folder, not a zip,
    truncated, or a Word file named .pptx (and back), before any is checked."""
    from ..data_source.bounded_files import UnreadableFile, check_regular_file
    from ..problems import InputError, Problem
    from ..templates.opening import read_package

    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            problems.append(Problem("is a folder; name the built files themselves", file=str(path)))
            continue
        try:
            check_regular_file(path, None, "a built file")  # a pipe or a device is named as one, never read
        except UnreadableFile as error:
            problems.append(Problem(error.reason, file=str(path)))
            continue
        if path.suffix.lower() in OFFICE_KINDS:
            try:
                read_package(path, OFFICE_KINDS[path.suffix.lower()])
            except InputError as error:
                problems.extend(error.problems)
        elif path.suffix.lower() not in SUFFIXES:
            problems.append(Problem(f"expected a {FORMATS_CHECKED} file", file=str(path)))
    if problems:
        raise InputError(problems)


def check_files(paths: list[Path], render: bool = True) -> list[FileReport]:
    """Return a report for each built file, rendering the Office ones through LibreOffice when it is installed."""
    from .pdf import check_pdf, source_beside

    rendered = _render_all([p for p in paths if p.suffix.lower() in OFFICE_SUFFIXES]) if render else {}
    can_render = render and find_soffice() is not None and have_pdftotext()
    checkers = _checkers()
    reports: list[FileReport] = []
    for path in paths:
        output_format = format_of(path.suffix)
        if output_format is PDF:  # a PDF is checked against the file it was made from, into a report of its own
            reports.append(check_pdf(path, source_beside(path)))
            continue
        report = FileReport(path)
        if output_format is None:
            report.problems.append(f"not a {FORMATS_CHECKED} file")
        elif output_format.suffix in checkers:
            checkers[output_format.suffix](path, rendered.get(path), report)
        else:  # a format added without checks of its own is said to be unchecked, not passed
            report.skipped.append(f"checking {output_format.several}: there are no checks for them")
        if output_format is not None and output_format.makes_pdf and not can_render:
            report.skipped.append("rendering through LibreOffice (install libreoffice and poppler-utils to check "
                                  "for text outside its frame and the page count)")
        reports.append(report)
    return reports


def _checkers() -> dict[str, Checker]:
    """Return each output format's checks by its suffix (rendered pages are given for Office files only)."""
    from .briefing import check_briefing
    from .deck import check_deck
    from .html import check_html
    from .picture import check_picture
    from .workbook import check_workbook

    def without_pages(check: Callable[[Path, FileReport], None]) -> Checker:
        return lambda path, _pages, report: check(path, report)

    return {DECK.suffix: check_deck, WORD.suffix: check_briefing, HTML.suffix: without_pages(check_html),
            PNG.suffix: without_pages(check_picture), SVG.suffix: without_pages(check_picture),
            XLSX.suffix: without_pages(check_workbook)}


def _render_all(paths: list[Path]) -> dict[Path, list[Page]]:
    if find_soffice() is None or not have_pdftotext():
        return {}
    with tempfile.TemporaryDirectory(prefix="lfr-check-") as work:
        copies = {path: Path(shutil.copy(path, Path(work) / f"{i}{path.suffix}")) for i, path in enumerate(paths)}
        pdfs, _ = convert_to_pdf(list(copies.values()))
        made = {pdf.stem: pdf for pdf in pdfs}
        return {path: read_pages(made[copy.stem]) for path, copy in copies.items() if copy.stem in made}
