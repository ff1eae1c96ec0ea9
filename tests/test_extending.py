"""docs/extending.md: its two diffs (a slide kind, an output format) each touch two files and still apply to the
tree; applied to a copy, the example event builds with the new slide and the new files."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT

DOC = ROOT / "docs" / "extending.md"


def documented_diffs() -> list[str]:
    """Return the diffs of docs/extending.md, in order: the slide kind's, then the output format's."""
    return re.findall(r"```diff\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_document_has_one_diff_for_each_and_each_touches_two_files() -> None:
    diffs = documented_diffs()
    assert [re.findall(r"^diff --git a/(\S+)", diff, re.M) for diff in diffs] == [
        ["generator/deck/kinds/quote.py", "generator/slide_kinds.py"],
        ["generator/briefing/text.py", "generator/output_formats.py"]]


@pytest.mark.parametrize("index", [0, 1], ids=["slide kind", "output format"])
def test_each_diff_still_applies_to_the_tree(tmp_path, index: int) -> None:
    patch = tmp_path / "change.diff"
    patch.write_text(documented_diffs()[index], encoding="utf-8")
    result = subprocess.run(["git", "apply", "--check", str(patch)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_a_copy_with_both_diffs_builds_the_quote_slide_and_the_text_briefings(tmp_path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "generator", copy / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "make_deck.py", copy)
    shutil.copytree(ROOT / "data", copy / "data")
    for index, diff in enumerate(documented_diffs()):
        patch = tmp_path / f"{index}.diff"
        patch.write_text(diff, encoding="utf-8")
        subprocess.run(["git", "apply", str(patch)], cwd=copy, check=True)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "make_deck.py", "build", "data/harbour-2025.yaml", "--out", str(out)],
                            cwd=copy, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "3 text briefings" in result.stdout
    text_briefing = out / "briefings" / "learning-from-reviews-2025-06-12-cspr.txt"
    text = text_briefing.read_text(encoding="utf-8")
    assert text.startswith("Child Safeguarding Practice Reviews: seven-minute briefing\n"
                           "Learning from Reviews · Thursday 12 June 2025\n\n1. Background\n")
    with zipfile.ZipFile(out / "decks" / "learning-from-reviews-2025-06-12.pptx") as deck:
        third = deck.read("ppt/slides/slide3.xml").decode("utf-8")
    assert "What our reviews tell us, and what we will do about it" in third
    checked = subprocess.run([sys.executable, "make_deck.py", "check", "--files", str(text_briefing)], cwd=copy,
                             capture_output=True, text=True, timeout=600)
    assert (checked.returncode, checked.stderr) == (0, ""), checked.stderr
    assert "skipped: checking text briefings: there are no checks for them" in checked.stdout
