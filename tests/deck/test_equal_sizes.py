"""A bilingual deck's versions are set at the same type sizes: where the Welsh text, longer, needs a smaller size,
the English is set at it too (the Welsh version never comes second in size)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from generator.build import BuildOptions, build_event
from generator.deck.builder import DeckBuilder
from tests.conftest import needs_libreoffice

GALLERY = Path(__file__).resolve().parents[1] / "fixtures" / "gallery" / "bilingual-susr.yaml"
LONG_WELSH = ("Clywed beth a ganfu ein hadolygiadau am y ffordd y bu asiantaethau'n cydweithio i ddiogelu plant ac "
              "oedolion yn ein rhanbarth dros y blynyddoedd")
LAST_AIM = "    - {cy: Meddwl am eich ymarfer eich hun, en: Think about your own practice}\n"


def sizes(deck: Path) -> list[list[float]]:
    """Return each slide's type sizes, in points."""
    return [sorted({run.font.size.pt for shape in slide.shapes if shape.has_text_frame
                    for paragraph in shape.text_frame.paragraphs for run in paragraph.runs if run.font.size})
            for slide in Presentation(str(deck)).slides]


def build_decks(folder: Path, more_aims: int = 5) -> tuple[Path, Path]:
    """Build the gallery partnership with more aims, long in Welsh and short in English; return its Welsh and
    English decks."""
    aims = "".join(f'    - {{cy: "{LONG_WELSH} ({n})", en: Point {n}}}\n' for n in range(1, more_aims + 1))
    data = folder / "event.yaml"
    data.write_text(GALLERY.read_text(encoding="utf-8").replace(LAST_AIM, LAST_AIM + aims), encoding="utf-8")
    report = build_event(data, BuildOptions(out_dir=folder / "out", render_in_parallel=False))
    welsh, english = (output.path for output in report.outputs if output.path.suffix == ".pptx")
    return welsh, english


def test_the_english_is_set_at_the_smaller_size_the_longer_welsh_needs(tmp_path: Path) -> None:
    welsh, english = build_decks(tmp_path)
    assert welsh.name.endswith("-cy.pptx") and english.name.endswith("-en.pptx")
    assert sizes(welsh) == sizes(english)
    assert sizes(english)[1] == [12.0, 18.0, 32.0]  # the aims, at the size the Welsh fits at (28 pt on its own)


def test_where_the_welsh_continues_over_more_slides_each_planned_slide_is_matched(tmp_path: Path) -> None:
    welsh, english = (sizes(deck) for deck in build_decks(tmp_path, more_aims=14))
    assert len(welsh) == len(english) + 2  # the Welsh aims continue over three slides; the English fit on one
    assert welsh[1:4] == [[12.0, 20.0, 32.0]] * 3 and english[1] == [12.0, 20.0, 32.0]
    assert welsh[4:] == english[2:]  # the slides after them, slide by slide


@pytest.mark.slow
def test_without_setting_them_together_the_versions_would_differ(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DeckBuilder, "set_together", staticmethod(lambda deck, others: deck))
    welsh, english = build_decks(tmp_path)
    assert sizes(welsh)[1] == [12.0, 18.0, 32.0] and sizes(english)[1] == [12.0, 28.0, 32.0]


@pytest.mark.slow
def test_a_rebuild_with_nothing_changed_gives_the_same_bytes(tmp_path: Path) -> None:
    first = [path.read_bytes() for path in build_decks(tmp_path)]
    assert [path.read_bytes() for path in build_decks(tmp_path)] == first


def test_a_change_to_one_version_alone_sets_the_other_again(tmp_path: Path) -> None:
    welsh, english = build_decks(tmp_path)
    assert sizes(english)[1] == [12.0, 18.0, 32.0]
    data = tmp_path / "event.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace(LONG_WELSH, "Byr"), encoding="utf-8")
    build_event(data, BuildOptions(out_dir=tmp_path / "out", render_in_parallel=False))
    assert sizes(english)[1] == [12.0, 28.0, 32.0]  # its own words unchanged, but no longer held down by the Welsh


@pytest.mark.slow
@needs_libreoffice
def test_both_versions_set_together_pass_the_rendered_checks(tmp_path: Path) -> None:
    import contextlib
    import io

    from generator.cli.main import main

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
        status = main(["check", "--files", *map(str, build_decks(tmp_path))])
    assert status == 0, printed.getvalue()
