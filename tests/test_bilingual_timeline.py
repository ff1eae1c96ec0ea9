"""A bilingual build with the story over time: the Welsh gallery partnership given a ``timeline:`` and a register
with stage dates and recommendations, built as both versions. The slides over time, the briefings' sentences over
time and the figures workbook are each wholly in their version's language."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from html import unescape
from pathlib import Path

import pytest

from generator.build import BuildOptions, build_event
from generator.cli.main import main
from tests.conftest import needs_libreoffice
from tests.test_bilingual import DATA, phrases, read_text, versions

# The workbook's parts a reader meets: its shared strings (every text cell) and its properties.
WORKBOOK_PARTS = ("xl/sharedStrings.xml", "docProps/core.xml", "docProps/app.xml")
CELL_TEXT = re.compile(r">([^<>]+)<")
# The register's story over time: when each review reached each stage, and what became of its recommendations.
STAGES = {
    "ADUS-1": "Date of incident: 2024-10-07, Decision date: 2024-11-01, Date completed: 2025-03-20",
    "ADUS-2": "Date of incident: 2024-11-04, Decision date: 2024-12-02",
    "ADUS-3": "Date of incident: 2025-01-02, Decision date: 2025-01-30",
    "ADUS-4": "Date of incident: 2025-02-25",
}
RECOMMENDATIONS = """\
  recommendations:
    - {Reference: ADUS-1, Recommendation: {cy: Hyfforddi staff, en: Train staff}, Agency: Heddlu,
       Due: 2025-02-28, Status: In progress}
    - {Reference: ADUS-1, Recommendation: {cy: Rhannu cofnodion, en: Share records}, Agency: Iechyd,
       Due: 2025-01-31, Status: Completed, Date completed: 2025-01-20}
    - {Reference: ADUS-2, Recommendation: {cy: Adolygu polisi, en: Review the policy}, Agency: Heddlu,
       Due: 2025-03-31, Status: Not implemented,
       Reason: {cy: Disodlwyd gan ganllawiau newydd, en: Overtaken by new guidance}}
"""
TIMELINE = "\ntimeline: {years: calendar, bank_holidays: WLS, publish_reasons: true}\n"


def timeline_data(folder: Path) -> Path:
    """Write the gallery partnership with a calendar-year timeline and its register's stages and recommendations."""
    text = DATA.read_text(encoding="utf-8")
    for reference, stages in STAGES.items():
        row = f"{{Reference: {reference}, "
        assert text.count(row) == 2, reference  # the review's row and its person's
        text = text.replace(row, f"{row}{stages}, ", 1)
    assert text.count("  people:\n") == 1
    text = text.replace("  people:\n", RECOMMENDATIONS + "  people:\n") + TIMELINE
    path = folder / DATA.name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("bilingual-timeline")
    report = build_event(timeline_data(folder), BuildOptions(out_dir=folder / "out", render_in_parallel=False))
    return [output.path for output in report.outputs]


def reader_text(path: Path) -> str:
    """Return the text a reader meets in an output, the figures workbook's cells and properties included."""
    if path.suffix != ".xlsx":
        return read_text(path)
    with zipfile.ZipFile(path) as package:
        return "\n".join(unescape(text) for name in WORKBOOK_PARTS if name in package.namelist()
                         for text in CELL_TEXT.findall(package.read(name).decode("utf-8")))


def timeline_phrases(language: str) -> set[str]:
    """Return the catalogue's phrases in ``language`` that only the story over time writes (so the test cannot
    pass by finding none of them at all)."""
    return {phrase for phrase in phrases(language)
            if phrase in {"Reviews over time", "Adolygiadau dros amser", "Timeliness", "Amseroldeb",
                          "Was the learning acted on?", "A weithredwyd ar y dysgu?"}}


def test_both_versions_have_the_slides_over_time_and_a_figures_workbook_each(built: list[Path]) -> None:
    assert [path.name for path in built if path.suffix == ".xlsx"] == [
        "dysgu-o-adolygiadau-2025-05-15-figures-cy.xlsx", "learning-from-reviews-2025-05-15-figures-en.xlsx"]
    welsh, english = (reader_text(versions(built, language)[0]) for language in ("cy", "en"))
    assert "Adolygiadau dros amser: Adolygiadau Diogelu Unedig Sengl" in welsh
    assert "Reviews over time: Single Unified Safeguarding Reviews" in english
    assert timeline_phrases("cy") == {"Adolygiadau dros amser", "Amseroldeb", "A weithredwyd ar y dysgu?"}


@pytest.mark.parametrize("language,other", [("cy", "en"), ("en", "cy")])
def test_no_catalogue_phrase_of_the_other_language_appears_in_a_version_over_time(built: list[Path], language: str,
                                                                                  other: str) -> None:
    foreign = phrases(other)
    for path in versions(built, language):
        text = reader_text(path)
        # A phrase inside an e-mail address or a web address is the data's name, not a word the generator wrote.
        found = sorted(phrase for phrase in foreign if re.search(rf"(?<![\w.@/]){re.escape(phrase)}(?![\w@])", text))
        assert found == [], f"{path.name} has {other} words: {found}"


def test_the_welsh_version_writes_its_dates_counts_and_statuses_in_welsh(built: list[Path]) -> None:
    deck, workbook = (reader_text(path) for path in versions(built, "cy") if path.suffix in (".pptx", ".xlsx"))
    assert ("Hysbysu o fewn 5 diwrnod gwaith ar ôl y digwyddiad: 3 o 4 (75%), canolrif o 5 diwrnod gwaith." in deck)
    assert "1 wedi'u cwblhau yn ystod y cyfnod a 3 yn parhau ar ei ddiwedd (31 Mawrth 2025)." in deck
    assert ("O'r 3 argymhelliad: 0 heb ddechrau, 1 ar y gweill, 1 wedi'u cwblhau, 1 heb eu gweithredu; "
            "1 yn hwyr ar 15 Mai 2025." in deck)
    assert "2 adolygiad yn y flwyddyn galendr 2025, o gymharu â 2 yn y flwyddyn flaenorol." in deck
    assert "2025 (rhan): rhan o'r flwyddyn yn unig, hyd at 15 Mai 2025." in workbook
    assert "Adolygiadau Diogelu Unedig Sengl: Yn hwyr ar 15 Mai 2025, yn ôl asiantaeth" in workbook
    for english in ("June", "May 2025", "Not started", "In progress", "working days", "Within timescale"):
        assert english not in deck + workbook, english
    english_deck = reader_text(versions(built, "en")[0])
    assert ("Of 3 recommendations: 0 not started, 1 in progress, 1 completed, 1 not implemented; "
            "1 overdue at 15 May 2025." in english_deck)


@pytest.mark.slow
@needs_libreoffice
def test_both_versions_over_time_pass_the_rendered_checks(built: list[Path]) -> None:
    """The decks and the Single Unified Safeguarding Reviews' briefings (the type with a story over time)."""
    files = [path for path in built if path.suffix == ".pptx" or path.suffix == ".docx" and
             ("-adus-" in path.name or "-susr-" in path.name)]
    assert len(files) == 4
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
        status = main(["check", "--files", *map(str, files)])
    assert status == 0, printed.getvalue()
