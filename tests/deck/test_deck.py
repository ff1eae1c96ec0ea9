"""The built deck reopened with python-pptx: seed facts, order, charts, notes, alt text, properties."""

from __future__ import annotations

import re

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from generator.loading import load_event
from tests.conftest import DEFAULT_DATA
from tests.seed import seed_cross_over_themes, seed_lines, seed_review_types, seed_themes

_PAIR = re.compile(r"^(.+?) = (\d+)$")


@pytest.fixture(scope="module")
def prs(deck_path):
    return Presentation(str(deck_path))


@pytest.fixture(scope="module")
def model():
    return load_event(DEFAULT_DATA).event


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _charts(slide):
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def _chart_data(chart) -> dict[str, int]:
    plot = chart.plots[0]
    return dict(zip(plot.categories, (int(v) for v in plot.series[0].values)))


_FACT_SENTENCE = re.compile(r"^(?:All (?P<all>\d+) (?P<one>.+)|(?P<counts>.+ \d+))\.$")


def _panel_data(slide) -> list[dict[str, int]]:
    """Return the counts of the slide's fact sentences (a table of one category drawn as words, under its heading):
    'All 3 White British.' or 'MBC 1, RCBC 0.'."""
    found = []
    for shape in slide.shapes:
        if not shape.has_text_frame:
            continue
        for text in (p.text for p in shape.text_frame.paragraphs):
            if (match := _FACT_SENTENCE.match(text)) is None:
                continue
            if match.group("all"):
                found.append({match.group("one"): int(match.group("all"))})
            else:
                found.append({name: int(n) for name, n in re.findall(r"(.+?) (\d+)(?:, |$)", match.group("counts"))})
    return found


def deck_text(prs) -> str:
    """Return every slide's visible text, chart titles included, one paragraph a line."""
    parts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.extend(p.text for p in shape.text_frame.paragraphs)
            if shape.has_chart and shape.chart.has_title:
                parts.append(shape.chart.chart_title.text_frame.text)
    return "\n".join(_normal(p) for p in parts)


def test_every_seed_fact_reaches_the_deck(prs):
    text = deck_text(prs)
    all_chart_data = [_chart_data(c) for slide in prs.slides for c in _charts(slide)]
    all_panels = [data for slide in prs.slides for data in _panel_data(slide)]
    lines = seed_lines()
    missing = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line:  # an age table: the header row, then the values row
            table = dict(zip(line.split("\t"), (int(v) for v in lines[i + 1].split("\t"))))
            if table not in all_chart_data:
                missing.append(f"age table {table}")
            i += 2
            continue
        if match := _PAIR.match(line):
            if not any(data.get(match.group(1)) == int(match.group(2)) for data in all_chart_data + all_panels):
                missing.append(line)
        elif _normal(line.rstrip(":*")) not in text:
            missing.append(line)
        i += 1
    assert missing == []


def test_slides_follow_the_seed_order_with_unique_titles(prs):
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert len(titles) == len(set(titles))
    expected_order = ["Learning from Reviews", "Aims and Objectives", "What are Learning Reviews?",
                      "Learning Reviews are not...", "What are Learning Reviews? The Legal Framework",
                      "The Legal Framework: Children Rapid Reviews and Safeguarding Children Practice Reviews",
                      "The Legal Framework: Children Rapid Reviews and Safeguarding Children Practice Reviews "
                      "(continued)",
                      "The Legal Framework: Safeguarding Adult Reviews",
                      "The Legal Framework: Domestic Homicide Reviews", "Setting the Scene",
                      "Main Themes: Children Reviews", "Main Themes: Adult Reviews",
                      "Main Themes: Domestic Homicide Reviews", "Cross Over Themes", "Questions to Reflect On",
                      "Thank you"]
    positions = [titles.index(title) for title in expected_order]
    assert positions == sorted(positions)


def test_every_slide_has_notes_footer_and_number(prs, model):
    for number, slide in enumerate(prs.slides, start=1):
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), number
        kinds = {shape.placeholder_format.type: shape for shape in slide.placeholders}
        assert kinds[PP_PLACEHOLDER.FOOTER].text_frame.text == model.event.footer_text
        field = kinds[PP_PLACEHOLDER.SLIDE_NUMBER].element.xpath(".//a:fld[@type='slidenum']")
        assert field and field[0].xpath("string(.)") == str(number)


@pytest.mark.parametrize("seed", seed_review_types(), ids=lambda s: s.name)
def test_setting_the_scene_charts_are_native_and_hold_the_seed_figures(prs, seed):
    slide = next(s for s in prs.slides if s.shapes.title.text == f"Setting the Scene: {seed.name}")
    charts = _charts(slide)
    # A table of one category says nothing as a chart: it is a big number and its category instead.
    expected = [(table, kind) for table, kind in ((seed.areas, XL_CHART_TYPE.COLUMN_CLUSTERED),
                                                  (seed.ethnicity, XL_CHART_TYPE.BAR_CLUSTERED),
                                                  (seed.age, XL_CHART_TYPE.COLUMN_CLUSTERED))
                if sum(1 for value in table.values() if value) >= 2]
    assert [c.chart_type for c in charts] == [kind for _, kind in expected]
    assert [_chart_data(c) for c in charts] == [table for table, _ in expected]
    panels = [table for table in (seed.areas, seed.ethnicity, seed.age)
              if sum(1 for value in table.values() if value) < 2]
    assert _panel_data(slide) == panels
    if seed.starred:
        people = sum(seed.age.values())
        assert all(f"where known: {people} of {seed.count}" in c.chart_title.text_frame.text for c in charts[1:])
        assert f"where known: {people} of {seed.count}" in slide.notes_slide.notes_text_frame.text


def test_charts_use_theme_colours_not_fixed_ones(prs):
    for slide in prs.slides:
        for chart in _charts(slide):
            assert not chart.element.xpath(".//c:ser//a:srgbClr")


def test_every_chart_and_picture_has_alt_text_stating_its_data(prs):
    framed = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_chart or shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                descr = shape.element.xpath("./*[1]/p:cNvPr/@descr")
                assert descr, shape.name
                data = _chart_data(shape.chart) if shape.has_chart else {}
                assert all(f"{label} {value}" in descr[0] for label, value in data.items()), descr[0]
                framed += 1
    assert framed >= 8  # Tees: six charts on the scene slides (two tables of one category are words), two of themes


def test_themes_slides_show_counts_where_the_data_has_them(prs):
    for name, themes in seed_themes().items():
        slide = next(s for s in prs.slides if s.shapes.title.text == f"Main Themes: {name}")
        text = deck_text_of(slide)
        assert all(theme in text for theme in themes)
        counted = all(theme.endswith(")") for theme in themes)
        assert bool(_charts(slide)) == counted


def deck_text_of(slide) -> str:
    return "\n".join(_normal(p.text) for shape in slide.shapes if shape.has_text_frame
                     for p in shape.text_frame.paragraphs)


def test_cross_over_themes(prs):
    slide = next(s for s in prs.slides if s.shapes.title.text == "Cross Over Themes")
    text = deck_text_of(slide)
    assert all(theme in text.splitlines() for theme in seed_cross_over_themes())


def test_document_properties(prs, model):
    props = prs.core_properties
    assert props.title == "Learning from Reviews, Thursday 12 May 2022"
    assert props.author == model.event.author
    assert props.language == "en-GB"
    assert props.created.date() == model.event.date


def test_no_text_relies_on_autofit(prs):
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip() and not shape.is_placeholder \
                    or shape.has_text_frame and shape.placeholder_format.type not in (
                        PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER) and shape.text_frame.text:
                assert not shape.element.xpath("./p:txBody/a:bodyPr/a:normAutofit | ./p:txBody/a:bodyPr/a:spAutoFit"), \
                    shape.name
                assert all(r.font.size is not None for p in shape.text_frame.paragraphs for r in p.runs)


def test_a_scene_slide_says_who_its_figures_count_and_names_its_areas_in_full(prs):
    slide = next(s for s in prs.slides if s.shapes.title.text == "Setting the Scene: Children Reviews")
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    assert "These figures count the 24 children recorded in 23 reviews." in texts
    assert slide.notes_slide.notes_text_frame.text.splitlines()[-1] == (
        "Areas: MBC/RCBC: Middlesbrough Borough Council and Redcar & Cleveland Borough Council; "
        "HBC/SBC: Hartlepool Borough Council and Stockton-on-Tees Borough Council.")
