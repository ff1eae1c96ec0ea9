"""The deck's contrast guard at build time: a dark brand's dividers and a pale accent's charts are made legible."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from pptx import Presentation

from generator.deck.colours import DeckColours
from generator.cli import main
from generator.colour import contrast_ratio
from tests.conftest import DEFAULT_DATA

DARK = """
theme:
  colours: {text: "FFFFFF", background: "14213D", heading: "FFFFFF", link: "9CC9FF",
            accents: ["4EA8DE", "F4A261", "2A9D8F"]}
"""
PALE_ACCENT = """
theme:
  colours: {accents: ["F4D03F", "F4D03F", "1D5A8E"]}
"""


def _build(tmp_path: Path, theme: str) -> tuple[Path, str]:
    data = tmp_path / "event.yaml"
    data.write_text(DEFAULT_DATA.read_text(encoding="utf-8") + theme, encoding="utf-8")
    said = io.StringIO()
    with contextlib.redirect_stderr(said), contextlib.redirect_stdout(io.StringIO()):
        assert main(["build", str(data), "--out", str(tmp_path / "out")]) == 0
    return next((tmp_path / "out" / "decks").glob("*.pptx")), said.getvalue()


def test_a_dark_brand_s_dividers_are_drawn_on_a_background_its_text_reads_on(tmp_path: Path) -> None:
    deck, said = _build(tmp_path, DARK)
    assert ("the section slides' background #EEF2F7 makes text in #FFFFFF (theme.colours.text) read at only 1.1:1 "
            "(at least 4.5:1 is needed), so they are drawn on #14213D (theme.colours.background) instead") in said
    prs = Presentation(str(deck))
    colours = DeckColours(prs)
    for slide in prs.slides:
        assert contrast_ratio("FFFFFF", colours.slide_background(slide)) >= 4.5, slide.shapes.title.text


def test_a_pale_accent_never_colours_a_chart_on_white(tmp_path: Path) -> None:
    deck, said = _build(tmp_path, PALE_ACCENT)
    assert ("the chart bars on the charts slides, in #F4D03F (theme.colours.accents[0]), read at only 1.5:1 on "
            "#FFFFFF (at least 3:1 is needed), so they are drawn in #1D5A8E (theme.colours.accents[2]) instead") in said
    prs = Presentation(str(deck))
    colours = DeckColours(prs)
    bars = [colours.resolve(fill) for slide in prs.slides for shape in slide.shapes if shape.has_chart
            for fill in shape.chart.element.xpath("./c:chart//c:ser/c:spPr/a:solidFill")]
    charts = sum(1 for slide in prs.slides for shape in slide.shapes if shape.has_chart)
    assert len(bars) == charts and set(bars) == {"1D5A8E"}


@pytest.mark.parametrize("theme", ["", "\ntheme:\n  colours: {accents: [\"1D5A8E\"]}\n"])
def test_a_legible_brand_is_left_as_it_is(tmp_path: Path, theme: str) -> None:
    deck, said = _build(tmp_path, theme)
    assert "instead" not in said
    prs = Presentation(str(deck))
    assert not any(shape.chart.element.xpath("./c:chart//c:ser/c:spPr/a:solidFill")
                   for slide in prs.slides for shape in slide.shapes if shape.has_chart)
