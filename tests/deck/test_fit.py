"""Text fit: long lists continue on new slides, and LibreOffice draws every word inside its shape."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from generator.cli import main
from tests.conftest import DEFAULT_DATA, needs_libreoffice
from generator.checks.rendered import words_not_drawn, words_outside_shapes
from tests.render import read_pages, render

ROOT = Path(__file__).resolve().parents[2]


def _big_data() -> dict:
    """Return the default data with three times the themes and a fourth review type."""
    data = yaml.safe_load(DEFAULT_DATA.read_text(encoding="utf-8"))
    for review in data["review_types"].values():
        original = review["themes"]
        review["themes"] = [*original,
                            *[_renamed(t, "in practice across the partnership") for t in original],
                            *[_renamed(t, "when families move between areas and services") for t in original]]
    fourth = copy.deepcopy(data["review_types"]["domestic_homicide"])
    fourth.update(name="Mental Health Homicide Reviews", full_name="Mental Health Homicide Reviews",
                  abbreviation="MHHR")
    data["review_types"]["mental_health"] = fourth
    data["cross_over_themes"]["items"] = data["cross_over_themes"]["items"] * 6
    return data


def _renamed(theme, suffix):
    if isinstance(theme, dict):
        return {**theme, "name": f"{theme['name']} {suffix}"}
    return f"{theme} {suffix}"


@pytest.fixture(scope="module")
def big_deck(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big")
    data = folder / "big.yaml"
    data.write_text(yaml.safe_dump(_big_data(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["build", str(data), "--out", str(folder)]) == 0
    return next((folder / "decks").glob("*.pptx")), _big_data()


def test_long_lists_continue_on_numbered_slides(big_deck):
    path, data = big_deck
    prs = Presentation(str(path))
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert len(titles) == len(set(titles))
    assert "Main Themes: Children Reviews (continued)" in titles
    assert "Setting the Scene: Mental Health Homicide Reviews" in titles
    text = "\n".join(p.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame
                     for p in shape.text_frame.paragraphs)
    for review in data["review_types"].values():
        for theme in review["themes"]:
            name = theme["name"] if isinstance(theme, dict) else theme
            assert name in text
    adult_themes = next(s for s in prs.slides if s.shapes.title.text == "Main Themes: Adult Reviews")
    (chart,) = [shape.chart for shape in adult_themes.shapes if shape.has_chart]
    assert len(chart.plots[0].categories) == 12
    assert chart.chart_title.text_frame.text.endswith("the 12 most frequent of 24 themes")
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size is None or run.font.size.pt >= 12, (slide.shapes.title.text, run.text)


def assert_every_word_inside_its_shapes(deck, folder):
    prs = Presentation(str(deck))
    rendered = read_pages(render(deck, folder))
    assert len(rendered) == len(prs.slides)
    for slide, page in zip(prs.slides, rendered):
        title = slide.shapes.title.text
        assert words_outside_shapes(slide, page) == [], f"{title}: drawn outside every shape"
        assert words_not_drawn(slide, page) == [], f"{title}: words missing from the page"


@needs_libreoffice
def test_default_deck_renders_with_no_text_outside_its_frame(deck_path, tmp_path):
    assert_every_word_inside_its_shapes(deck_path, tmp_path)


@needs_libreoffice
def test_big_deck_renders_with_no_text_outside_its_frame(big_deck, tmp_path):
    assert_every_word_inside_its_shapes(big_deck[0], tmp_path)


@needs_libreoffice
def test_unusual_text_renders_inside_its_frames(tmp_path):
    data = yaml.safe_load(DEFAULT_DATA.read_text(encoding="utf-8"))
    data["aims"]["items"] = ["مرحبا بالعالم، هذا نص من اليمين إلى اليسار", "שלום עולם", "👩‍👩‍👧‍👦 families first",
                             "Supercalifragilisticexpialidocious" * 4, "<w:t>&amp; \"quotes\" 'and' ‘curly’</w:t>"]
    source = tmp_path / "unusual.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    assert main(["build", str(source), "--out", str(tmp_path)]) == 0
    deck = next((tmp_path / "decks").glob("*.pptx"))
    prs = Presentation(str(deck))
    rendered = read_pages(render(deck, tmp_path))
    aims = next(i for i, s in enumerate(prs.slides) if s.shapes.title.text == "Aims and Objectives")
    assert words_outside_shapes(prs.slides[aims], rendered[aims]) == []


def test_text_too_long_even_at_the_smallest_size_is_warned_about(tmp_path, capsys):
    data = yaml.safe_load(DEFAULT_DATA.read_text(encoding="utf-8"))
    data["learning_reviews"]["are_not"]["title"] = "Learning reviews are not " * 12
    source = tmp_path / "long.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    assert main(["build", str(source), "--out", str(tmp_path)]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning: ")]
    assert warnings == [f"warning: {source}: the title 'Learning reviews are not Learning reviews are not "
                        "Learning r\u2026' (slide 4) does not fit its frame even at 24 pt and may overflow; shorten it"]


def _build_in_subprocess(data: dict, tmp_path) -> subprocess.CompletedProcess:
    """Build ``data`` in a child process, stopped after a generous two minutes rather than left to hang."""
    source = tmp_path / "hostile.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "make_deck.py"), "build", str(source), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)


def test_a_100000_character_word_in_a_title_builds_with_a_warning_naming_the_slide(tmp_path):
    data = yaml.safe_load(DEFAULT_DATA.read_text(encoding="utf-8"))
    data["learning_reviews"]["are_not"]["title"] = "x" * 100_000
    built = _build_in_subprocess(data, tmp_path)
    assert built.returncode == 0, built.stderr
    assert (f"the title '{'x' * 60}\u2026' (slide 4) does not fit its frame even at 24 pt and may overflow; "
            "shorten it") in built.stderr


def test_a_16000_character_bullet_builds_with_a_warning_naming_the_slide(tmp_path):
    # A theme is at most 200 characters (the data's limits), but an aim, a criterion or a question is not.
    data = yaml.safe_load(DEFAULT_DATA.read_text(encoding="utf-8"))
    data["aims"]["items"][0] = ("Aim " * 4000)[:16_000]
    built = _build_in_subprocess(data, tmp_path)
    assert built.returncode == 0, built.stderr
    assert (f"'{data['aims']['title']}' holds an item too long for a slide even on its own; it continues over"
            in built.stderr)
