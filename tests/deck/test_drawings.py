"""Each built-in slide kind's drawing: charts as sentences, bars or columns, their font sizes and notes, and a
theme list that continues."""

from __future__ import annotations

from dataclasses import replace

from pptx.enum.chart import XL_CHART_TYPE

from generator.ooxml import EMU_PER_POINT
from generator.charts import ChartSpec
from generator.deck.drawings import fact_paras, says_something
from generator.deck import body_text
from generator.deck.body_text import BODY_FIT
from generator.deck.layouts import Box
from generator.deck.slides import Para, SlideSpec, bullet_paras
from tests.deck.test_writer import _body_sizes, _writer


def test_a_table_of_one_category_is_its_heading_and_one_plain_sentence() -> None:
    chart = ChartSpec("bar", "Ethnicity (where known: 2 of 5)", ("White Welsh", "Mixed", "Asian"), (3, 0, 0), "…")
    assert not says_something(chart)
    assert [(p.text, p.scale, p.bold) for p in fact_paras(chart)] == [
        ("Ethnicity (where known: 2 of 5)", 1.0, True), ("White Welsh 3, Mixed 0, Asian 0.", 1.0, False)]
    assert [p.text for p in fact_paras(ChartSpec("bar", "Gender", ("Female",), (12,), "…"))] == [
        "Gender", "All 12 Female."]
    # 'Both Lowmoor.' would read better, but the count itself must reach the deck.
    assert fact_paras(ChartSpec("bar", "Area", ("Lowmoor",), (2,), "…"))[1].text == "All 2 Lowmoor."
    assert fact_paras(ChartSpec("bar", "Area", ("Lowmoor",), (3,), "…"))[1].text == "All 3 Lowmoor."
    assert fact_paras(ChartSpec("bar", "Area", ("Lowmoor",), (1,), "…"))[1].text == "Lowmoor 1."
    assert says_something(ChartSpec("bar", "Age", ("0-4", "5-9"), (1, 2), "…"))


def test_a_chart_said_as_a_sentence_has_its_heading_at_the_chart_titles_size_and_its_sentence_at_body_size() -> None:
    gender = ChartSpec("bar", "Gender", ("Female",), (12,), "Bar chart of gender: Female 12.")
    age = ChartSpec("column", "Age", ("0-4", "5-9", "10-14"), (3, 4, 5), "Column chart of age.")
    writer = _writer()
    writer.add(SlideSpec("charts", "Setting the Scene: Children", "Notes.", charts=[age, gender]))
    writer.add(SlideSpec("content", "Aims", "Notes.", body=bullet_paras(["One", "Two"])))
    writer.finish()
    slide = writer.prs.slides[0]
    chart = next(shape.chart for shape in slide.shapes if shape.has_chart)
    runs = {run.text: run.font.size.pt for shape in slide.shapes if shape.has_text_frame and not shape.is_placeholder
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs}
    title_size = chart.chart_title.text_frame.paragraphs[0].runs[0].font.size.pt
    assert runs["Gender"] == title_size == 16.0
    assert runs["All 12 Female."] == max(_body_sizes(writer)[1])  # the deck's one body size


def test_a_crowded_bar_chart_keeps_every_label_at_10_pt_or_more() -> None:
    labels = tuple(f"Ethnic group {n}" for n in range(24))
    spec = SlideSpec("charts", "Setting the Scene: Children", "Notes.",
                     charts=[ChartSpec("bar", "Ethnicity", labels, tuple(range(1, 25)), "Bar chart of ethnicity.")])
    writer = _writer()
    writer.add(spec)
    chart = next(shape.chart for shape in writer.prs.slides[0].shapes if shape.has_chart)
    assert chart.font.size.pt == 10  # 24 labels at 14 pt would not each have a line
    skips = chart.element.xpath(".//c:catAx/c:tickLblSkip/@val")
    assert skips == ["1"]
    assert writer.warnings == []  # close, but each has its line


def test_a_bar_chart_whose_labels_would_touch_even_at_10_pt_is_named_in_a_warning() -> None:
    labels = tuple(f"Ethnic group {n}" for n in range(40))
    writer = _writer()
    writer.add(SlideSpec("charts", "Setting the Scene: Children", "Notes.",
                         charts=[ChartSpec("bar", "Ethnicity", labels, tuple(range(1, 41)), "Bar chart.")]))
    assert writer.warnings == ["the chart 'Ethnicity' on 'Setting the Scene: Children' has too many labels to give "
                               "each a line at 10 pt, so they may overlap; shorten its labels or group its "
                               "categories"]


def test_a_column_chart_whose_labels_outgrow_their_columns_is_drawn_as_bars() -> None:
    short = ChartSpec("column", "Age", ("0-4", "5-9", "10-14"), (3, 4, 5), "Column chart of age.")
    long = ChartSpec("column", "Age", tuple(f"Between {n} and {n + 9} years of age, as recorded by the agencies"
                                            for n in range(0, 80, 10)), tuple(range(1, 9)), "Column chart of age.")
    writer = _writer()
    writer.add(SlideSpec("charts", "Setting the Scene: Adults", "Notes.", charts=[short, long]))
    kinds = [shape.chart.chart_type for shape in writer.prs.slides[0].shapes if shape.has_chart]
    assert kinds == [XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.BAR_CLUSTERED]


def test_caveats_and_who_is_counted_are_on_the_scene_slide() -> None:
    spec = SlideSpec("charts", "Setting the Scene: Children", "Notes.",
                     charts=[ChartSpec("bar", "Reviews by area", ("North", "South"), (2, 3), "Bar chart.")],
                     footnotes=["The age figure counts the 6 children in 5 Children Reviews.",
                                "Siblings are counted separately."])
    writer = _writer()
    writer.add(spec)
    texts = [shape.text_frame.text for shape in writer.prs.slides[0].shapes
             if shape.has_text_frame and not shape.is_placeholder]
    assert texts == ["The age figure counts the 6 children in 5 Children Reviews.\nSiblings are counted separately."]


def test_a_chart_whose_every_category_is_hidden_says_why_not_none_recorded():
    hidden = ChartSpec("bar", "Age", (), (), "Bar chart of age: every count hidden.",
                       "3 categories with fewer than 5 are not shown")
    texts = [para.text for para in fact_paras(hidden)]
    assert texts == ["Age", "(3 categories with fewer than 5 are not shown)."]
    empty = ChartSpec("bar", "Age", ("0-4",), (0,), "Bar chart of age: 0-4 0.")
    assert [para.text for para in fact_paras(empty)] == ["Age", "0-4 0."]


THEMES_FOOTNOTE = ("The number after a theme is how many of the 30 reviews it featured in; the 12 themes with no "
                   "number were not counted.")


def _long_themes() -> SlideSpec:
    names = [f"Theme {n}: how agencies shared what they knew about the family" for n in range(24)]
    body = [Para("What the 30 Children Reviews found:", bullet=False, bold=True)]
    body += [Para(f"{name} ({30 - n})" if n < 12 else name) for n, name in enumerate(names)]
    chart = ChartSpec("bar", "Reviews featuring each theme (of 30)", tuple(names[:12]), tuple(range(30, 18, -1)),
                      "Bar chart of the main themes.")
    return SlideSpec("themes", "Main Themes: Children Reviews", "Notes.", body=body, charts=[chart],
                     footnotes=[THEMES_FOOTNOTE])


def test_a_theme_list_that_continues_draws_its_chart_once_and_gives_the_list_the_width_after_it() -> None:
    writer = _writer()
    writer.add(_long_themes())
    slides = list(writer.prs.slides)
    assert len(slides) >= 2
    assert [sum(1 for shape in slide.shapes if shape.has_chart) for slide in slides] == [1] + [0] * (len(slides) - 1)
    area = writer.content_area(slides[0])
    lists = [next(shape for shape in slide.shapes if shape.has_text_frame and "Theme " in shape.text_frame.text)
             for slide in slides]
    assert lists[0].width < area.width / 2  # beside the chart
    assert {shape.width for shape in lists[1:]} == {area.width}
    for slide in slides:  # the continued slides, without the chart, still say which themes have no count
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert THEMES_FOOTNOTE in texts


def test_the_same_categories_are_drawn_the_same_way_on_a_crowded_slide_and_on_one_of_their_own() -> None:
    bands = ("Aged sixteen to twenty-four", "Aged twenty-five to thirty-four", "Aged thirty-five to forty-four",
             "Aged forty-five to fifty-four", "Aged fifty-five to sixty-four", "Aged sixty-five and over")
    crowded = [ChartSpec("column", f"Chart {n}", bands, (1, 2, 3, 2, 1, 1), "Column chart.") for n in range(4)]
    short = ("16-24", "25-34", "35-44", "45-54", "55-64", "65+")
    writer = _writer()
    writer.add(SlideSpec("charts", "Setting the Scene: DHRs", "Notes.", charts=crowded))
    writer.add(SlideSpec("charts", "Setting the Scene: SARs", "Notes.", charts=[replace(crowded[0], title="Age")]))
    writer.add(SlideSpec("charts", "Setting the Scene: CSPRs", "Notes.",
                         charts=[ChartSpec("column", f"Age {n}", short, (1, 2, 3, 2, 1, 1), "Column chart.")
                                 for n in range(4)]))
    kinds: dict[str, set] = {}
    for slide in writer.prs.slides:
        for chart in (shape.chart for shape in slide.shapes if shape.has_chart):
            kinds.setdefault(chart.plots[0].categories[0], set()).add(chart.chart_type)
    assert kinds == {bands[0]: {XL_CHART_TYPE.BAR_CLUSTERED}, short[0]: {XL_CHART_TYPE.COLUMN_CLUSTERED}}


def test_a_theme_list_that_continues_beside_its_chart_fills_its_slides_alike() -> None:
    writer = _writer()
    spec = _long_themes()
    writer.add(spec)
    area = writer.content_area(writer.prs.slides[0])
    beside_chart = Box(area.left, area.top, area.width * 45 // 100, area.height)
    pages = writer.pages(spec.title, spec.body, beside_chart, BODY_FIT, later=area)
    fills = [body_text.paragraphs_height(page.paras, box.width, BODY_FIT.smallest, writer.body_font)
             / (box.height / EMU_PER_POINT) for page, box in zip(pages, [beside_chart, *[area] * 9])]
    assert len(pages) == 3
    assert max(fills) - min(fills) < 0.25, fills  # dealt by count: the first full, the later ones half empty
