"""check_files: each file goes to its format's checks; a format with none is said to be unchecked."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from generator import output_formats
from generator.checks import report as report_module
from generator.checks.report import check_files
from generator.output_formats import OutputFormat

TEXT = OutputFormat(".txt", "text briefing", "text briefings", makes_pdf=False)


@pytest.fixture
def with_a_text_format(monkeypatch: pytest.MonkeyPatch) -> None:
    """A format added by a later change (docs/extending.md's plain-text briefing), which has no checks."""
    monkeypatch.setattr(report_module, "format_of",
                        lambda suffix: TEXT if suffix.lower() == TEXT.suffix else output_formats.format_of(suffix))


def test_a_format_without_checks_is_reported_unchecked_not_as_a_problem(with_a_text_format: None,
                                                                          tmp_path: Path) -> None:
    briefing = tmp_path / "briefing.TXT"
    briefing.write_text("Child Safeguarding Practice Reviews\n", encoding="utf-8")
    [report] = check_files([briefing], render=True)
    assert (report.problems, report.skipped) == ([], ["checking text briefings: there are no checks for them"])


def test_a_file_of_no_output_format_is_a_problem(tmp_path: Path) -> None:
    notes = tmp_path / "notes.odt"
    notes.write_bytes(b"PK")
    [report] = check_files([notes], render=False)
    assert report.problems == ["not a .pptx, .docx, .html, .xlsx, .pdf, .png or .svg file"]
    assert report.skipped == []


def test_an_office_file_not_rendered_says_what_was_skipped(tmp_path: Path) -> None:
    deck = tmp_path / "deck.pptx"
    Presentation().save(str(deck))
    [report] = check_files([deck], render=False)
    assert report.skipped == ["rendering through LibreOffice (install libreoffice and poppler-utils to check for "
                              "text outside its frame and the page count)"]
