"""Charts laid out from their labels measured in the theme's font: their orientation, how many share a slide, the
even split of a type's charts over continued slides, and the size their labels and titles are set at."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from generator import text_fit
from generator.charts import TITLE_DROP, ChartSpec, bar_layout
from generator.cli import main
from generator.deck import chart_layout
from generator.deck.chart_layout import (CHART_TITLE_SIZE, LABEL_SIZES, chart_slides, drawn_as, even_groups,
                                         shares)
from generator.deck.layouts import Box
from generator.ooxml import EMU_PER_POINT
from generator.deck.slides import SlideSpec
from generator.deck.writer import DeckWriter
from generator.templates import BUILTIN_DECK_TEMPLATE
from tests.conftest import DEFAULT_DATA, needs_libreoffice
from tests.render import read_pages, render
from tests.test_gallery_brands import BRANDS

WIDE_FONT = "DejaVu Sans"
AREA = Box(0, 0, int(880 * EMU_PER_POINT), int(360 * EMU_PER_POINT))
GAP = int(18 * EMU_PER_POINT)
LONG_LABELS = ("Mixed White and Black Caribbean", "Mixed White and Black African", "Any other Mixed background",
               "Gypsy or Irish Traveller", "Any other ethnic group", "Any other White background")


def _room(box: Box, chart: ChartSpec) -> Box:
    return box


def _slides(charts: list[ChartSpec], family: str = "") -> list[list[chart_layout.PlacedChart]]:
    return chart_slides(charts, AREA, GAP, family, _room, lambda chart: "All 3 White British.").slides


def _bars(title: str, labels: tuple[str, ...]) -> ChartSpec:
    return ChartSpec("bar", title, labels, tuple(range(len(labels), 0, -1)), "Bar chart.")


def test_a_column_chart_whose_labels_need_more_than_half_the_slide_is_drawn_as_bars() -> None:
    bands = tuple(f"Between {n} and {n + 9} years of age" for n in range(10, 90, 10))
    chart = ChartSpec("column", "Age", bands, tuple(range(1, 9)), "Column chart.")
    assert drawn_as(chart, 880, "").kind == "bar"
    short = ChartSpec("column", "Age", ("0-4", "5-9", "10-14", "15-17"), (1, 2, 3, 4), "Column chart.")
    assert drawn_as(short, 880, "") == short


def test_charts_are_dealt_evenly_over_the_slides_they_need() -> None:
    assert [len(group) for group in even_groups(list("abcde"), 2)] == [3, 2]
    assert [len(group) for group in even_groups(list("abcdefg"), 3)] == [3, 2, 2]
    charts = [_bars(f"Chart {n}", ("North", "South", "East")) for n in range(5)]
    assert [len(slide) for slide in _slides(charts)] == [3, 2]


def test_widths_go_by_preference_until_a_chart_needs_more() -> None:
    assert shares([1, 1], [10, 10], 100) == [50, 50]
    assert shares([1, 1], [70, 10], 100) == [80, 20]
    assert shares([1, 1], [70, 40], 100) is None


def test_every_bar_chart_placed_has_room_for_each_label_at_the_size_it_is_set() -> None:
    charts = [_bars("Reviews by area", ("North Fenmarsh", "South Fenmarsh and Lower Wash", "East Cambria")),
              _bars("Ethnicity", LONG_LABELS * 3), _bars("Gender", ("Female", "Male"))]
    for family in ("", WIDE_FONT):
        for slide in _slides(charts, family):
            for placed in slide:
                layout = bar_layout(placed.chart, placed.box.width / EMU_PER_POINT, placed.label_size, family,
                                    title_size=CHART_TITLE_SIZE, title_drop=TITLE_DROP)
                assert layout.height <= placed.box.height / EMU_PER_POINT, (family, placed.chart.title)
                assert placed.label_size in LABEL_SIZES


@pytest.mark.skipif(not text_fit.is_installed(WIDE_FONT), reason="DejaVu Sans is not installed")
def test_a_wide_brand_font_gives_long_labels_more_room() -> None:
    def columns(title: str, labels: tuple[str, ...]) -> ChartSpec:
        return ChartSpec("column", title, labels, tuple(range(1, len(labels) + 1)), "Column chart.")

    charts = [columns("Areas", ("North", "South", "East")), _bars("Ethnicity", LONG_LABELS * 2),
              columns("Age", ("0-4", "5-9", "10-14", "15-17")), columns("Gender", ("Female", "Male"))]
    narrow, wide = _slides(charts), _slides(charts, WIDE_FONT)
    assert [[placed.chart.title for placed in slide] for slide in narrow] == [["Areas", "Ethnicity", "Age", "Gender"]]
    assert [[placed.chart.title for placed in slide] for slide in wide] == [["Areas", "Ethnicity"], ["Age", "Gender"]]
    assert narrow[0][1].label_size == 12.0 and wide[0][1].label_size == 14.0


def test_a_chart_that_needs_the_smallest_labels_even_alone_is_named() -> None:
    crowded = _bars("Every postcode district", tuple(f"District {n}" for n in range(60)))
    laid_out = chart_slides([crowded], AREA, GAP, "", _room, lambda chart: "")
    assert laid_out.crowded == ["Every postcode district"]
    assert [[placed.label_size for placed in slide] for slide in laid_out.slides] == [[10.0]]


def test_a_type_s_charts_continue_evenly_each_slide_noting_its_own_charts() -> None:
    charts = [ChartSpec("column", f"Chart {n}", ("A", "B"), (1, 2), f"Column chart {n}.") for n in range(5)]
    writer = DeckWriter(Presentation(str(BUILTIN_DECK_TEMPLATE)), "Footer")
    writer.add(SlideSpec("charts", "Setting the Scene: DHRs", "Who is counted.", charts=charts,
                         notes_end="Areas: N: North."))
    slides = list(writer.prs.slides)
    assert [slide.shapes.title.text_frame.text for slide in slides] == [
        "Setting the Scene: DHRs", "Setting the Scene: DHRs (continued)"]
    assert [[shape.chart.chart_title.text_frame.text for shape in slide.shapes if shape.has_chart]
            for slide in slides] == [["Chart 0", "Chart 1", "Chart 2"], ["Chart 3", "Chart 4"]]
    assert [slide.notes_slide.notes_text_frame.text for slide in slides] == [
        "Who is counted.\nColumn chart 0.\nColumn chart 1.\nColumn chart 2.\nAreas: N: North.",
        "Who is counted.\nColumn chart 3.\nColumn chart 4.\nAreas: N: North."]
    assert {shape.chart.chart_type for slide in slides for shape in slide.shapes if shape.has_chart} == {
        XL_CHART_TYPE.COLUMN_CLUSTERED}


# ------------------------------------------------------------------------------------- rendered, as a person sees

LONG_LABELS_DATA = Path(__file__).resolve().parents[1] / "fixtures" / "gallery" / "long-labels-seven-areas.yaml"
DRAWN_OVER = re.compile(r"text drawn over other text|text outside its frame")


@pytest.fixture(scope="module")
def long_labels_deck(tmp_path_factory: pytest.TempPathFactory):
    """Return a function building the long-labels partnership's deck (or another's) in a brand, once each: its
    path and the problems check reports on it, rendered through LibreOffice."""
    built: dict[tuple[str, Path], tuple[Path, list[str]]] = {}

    def build(brand: str, source: Path = LONG_LABELS_DATA) -> tuple[Path, list[str]]:
        if (brand, source) not in built:
            folder = tmp_path_factory.mktemp(brand)
            data = folder / "event.yaml"
            data.write_text(source.read_text(encoding="utf-8") + BRANDS.get(brand, ""), encoding="utf-8")
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                assert main(["build", str(data), "--out", str(folder / "out")]) == 0
            deck = next((folder / "out" / "decks").glob("*.pptx"))
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
                main(["check", "--files", str(deck)])
            built[brand, source] = deck, [line for line in printed.getvalue().splitlines()
                                          if line.startswith("  problem:")]
        return built[brand, source]

    return build


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("brand", ["tees", "wide-font", "dark", "pale-accent"])
def test_long_labels_are_drawn_with_no_word_over_another_in_any_brand(brand: str, long_labels_deck) -> None:
    _, problems = long_labels_deck(brand)
    assert [line for line in problems if DRAWN_OVER.search(line)] == []


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("brand", ["tees", "wide-font"])
def test_long_labels_charts_keep_every_label_and_share_one_title_size(brand: str, long_labels_deck) -> None:
    deck, _ = long_labels_deck(brand)
    prs = Presentation(str(deck))
    kinds: dict[tuple[str, ...], set] = {}
    for slide in prs.slides:
        for chart in (shape.chart for shape in slide.shapes if shape.has_chart):
            kinds.setdefault(tuple(chart.plots[0].categories), set()).add(chart.chart_type)
            assert chart.chart_title.text_frame.paragraphs[0].runs[0].font.size.pt == CHART_TITLE_SIZE
    assert [categories for categories, drawn in kinds.items() if len(drawn) > 1] == []
    pages = read_pages(render(deck))
    scene = [page for page in pages if any(word.text == "Ethnicity" for word in page.words)]
    words = {word.text for page in scene for word in page.words}
    ethnic_groups = next(categories for categories in kinds if "Gypsy or Irish Traveller" in categories)
    assert {word for label in ethnic_groups for word in label.split()} <= words  # none cut or dropped


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_chart_said_as_a_sentence_keeps_to_a_line_or_two_in_a_wide_brand_font(long_labels_deck) -> None:
    deck, problems = long_labels_deck("wide-font", DEFAULT_DATA)
    assert [line for line in problems if DRAWN_OVER.search(line)] == []
    page = next(page for page in read_pages(render(deck))
                if " ".join(word.text for word in page.words).startswith("Setting the Scene: Adult Reviews"))
    start = next(number for number, word in enumerate(page.words) if word.text == "All")
    sentence = page.words[start:start + 4]
    assert [word.text for word in sentence] == ["All", "7", "White", "British."]
    assert len({round(word.top) for word in sentence}) <= 2  # its column is as wide as three lines of it
