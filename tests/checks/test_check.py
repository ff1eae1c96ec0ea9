"""`make_deck.py check`: clean on the default build, and catches a deliberately bad deck."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from generator.checks.report import check_files
from generator.colour import contrast_ratio
from tests.conftest import needs_libreoffice


@pytest.fixture(scope="module")
def bad_deck(tmp_path_factory):
    """Return a deck with overflowing, low-contrast text, a picture without alt text and duplicate titles."""
    prs = Presentation()
    layout = next(layout for layout in prs.slide_layouts if layout.name == "Title Only")
    first = prs.slides.add_slide(layout)
    first.shapes.title.text = "Same title"
    box = first.shapes.add_textbox(Inches(1), Inches(2), Inches(3), Inches(0.6))
    box.text_frame.word_wrap = True
    box.text_frame.text = "This sentence is far too long to fit in a small box at this size " * 3
    run = box.text_frame.paragraphs[0].runs[0]
    run.font.size = Pt(28)
    run.font.color.rgb = RGBColor(0xCC, 0xCC, 0xCC)
    png = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(png, format="PNG")
    png.seek(0)
    first.shapes.add_picture(png, Inches(6), Inches(2))
    first.notes_slide.notes_text_frame.text = "Notes."
    second = prs.slides.add_slide(layout)
    second.shapes.title.text = "Same title"
    path = tmp_path_factory.mktemp("bad") / "bad.pptx"
    prs.save(str(path))
    return path


def test_contrast_ratio_matches_wcag():
    assert contrast_ratio("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("FFFFFF", "FFFFFF") == pytest.approx(1.0)


def test_bad_deck_problems_are_all_reported(bad_deck):
    problems = check_files([bad_deck], render=False)[0].problems
    # python-pptx writes the file name as the description: that is no alt text at all.
    assert "slide 1: 'Picture 3' has generic alt text ('image.png')" in problems
    assert "no document title (File > Info > Title)" in problems
    assert "slide 1: text 'This sentence is far too long ' is #CCCCCC on #FFFFFF, contrast 1.6:1 (needs 4.5:1)" \
        in problems
    assert "slide 2: no speaker notes" in problems
    assert "the title 'Same title' is used on 2 slides" in problems


@needs_libreoffice
def test_bad_deck_overflow_is_found_by_rendering(bad_deck):
    problems = check_files([bad_deck])[0].problems
    assert any(p.startswith("slide 1: text outside its frame (") for p in problems)


@needs_libreoffice
def test_check_command_on_the_default_build_is_clean(run_cli, tmp_path):
    from tests.conftest import DEFAULT_DATA

    status, out, _ = run_cli(["check", DEFAULT_DATA], tmp_path)
    assert status == 0, out
    assert out.splitlines()[-1] == "0 problems found in 7 files."
    assert out.splitlines()[0].startswith("decks/learning-from-reviews-2022-05-12.pptx: small numbers not hidden; "
                                          "21 slides")
    assert list(tmp_path.iterdir()) == [], "check builds in a folder of its own"
    assert out.count("pages in LibreOffice") + out.count("page in LibreOffice") == 3


def test_check_command_exits_1_on_problems(run_cli, tmp_path, bad_deck):
    status, out, _ = run_cli(["check", "--files", bad_deck], tmp_path)
    assert status == 1
    assert "  problem: slide 2: no speaker notes" in out.splitlines()


def test_check_command_missing_file_is_bad_input(run_cli, tmp_path):
    status, _, err = run_cli(["check", "--files", "nowhere.pptx"], tmp_path)
    assert status == 2
    assert err.splitlines()[0] == "error: nowhere.pptx: file not found"


@pytest.mark.parametrize("name, content, message", [
    ("notazip.pptx", b"not a zip", "notazip.pptx: not a PowerPoint (.pptx or .potx) file (it may be damaged or in an "
                                   "old format)"),
    ("truncated.docx", b"PK\x03\x04" + b"\0" * 40, "truncated.docx: not a Word (.docx or .dotx) file (it may be "
                                                   "damaged or in an old format)"),
])
def test_check_files_names_a_damaged_file_and_exits_2(run_cli, tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    status, out, err = run_cli(["check", "--files", name], tmp_path)
    assert (status, out) == (2, "")
    assert err.splitlines()[0] == f"error: {message}"


def test_check_files_names_a_word_file_named_as_a_deck(run_cli, tmp_path, briefing_paths):
    (tmp_path / "wrong.pptx").write_bytes(briefing_paths[0].read_bytes())
    status, _, err = run_cli(["check", "--files", "wrong.pptx"], tmp_path)
    assert status == 2
    assert err.splitlines()[0].startswith("error: wrong.pptx: this is a Word file, not a PowerPoint")


def test_check_files_refuses_a_folder(run_cli, tmp_path):
    (tmp_path / "built.docx").mkdir()
    status, _, err = run_cli(["check", "--files", "built.docx"], tmp_path)
    assert status == 2
    assert err.splitlines()[0] == "error: built.docx: is a folder; name the built files themselves"


def test_a_briefings_word_count_takes_in_its_figures_tables(briefing_paths):
    import re

    from docx import Document

    def words(text: str) -> int:
        return len(re.findall(r"\S+", text))

    path = briefing_paths[0]
    doc = Document(str(path))
    outside_tables = sum(words(p.text) for p in doc.paragraphs)
    in_tables = sum(words(p.text) for table in doc.tables for row in table.rows for cell in row.cells
                    for p in cell.paragraphs)
    assert in_tables > 0
    facts = check_files([path], render=False)[0].facts
    assert any(fact.startswith(f"{outside_tables + in_tables} words, about ") for fact in facts)


def test_check_files_on_a_pipe_says_it_is_one_without_waiting_for_a_writer(run_cli, tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.docx")
    status, out, err = run_cli(["check", "--files", "pipe.docx"], tmp_path)
    assert (status, out) == (2, "")
    assert err.splitlines()[0] == ("error: pipe.docx: this is a pipe (FIFO), not a file; a built file must be an "
                                   "ordinary file")
