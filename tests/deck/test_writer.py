"""The deck writer on the built-in template: fonts it cannot measure, layouts without a body, footers too long
for their box, slide titles at one size, tables of one category as words."""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import PP_PLACEHOLDER

from generator import text_fit
from generator.charts import ChartSpec
from generator.deck import layouts, writer as writer_module
from generator.deck.plan import Para, SlideSpec, bullet_paras
from generator.deck.writer import DeckWriter, fact_paras, says_something
from generator.templates import BUILTIN_DECK_TEMPLATE

MISSING_FONT = "No Such Display Face"


def _writer(footer: str = "Learning from Reviews · 12 May 2022") -> DeckWriter:
    return DeckWriter(Presentation(str(BUILTIN_DECK_TEMPLATE)), footer)


def _footer(slide):
    return next(s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.FOOTER)


def test_a_font_that_is_not_installed_is_named_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer_module, "theme_fonts", lambda prs: (MISSING_FONT, MISSING_FONT))
    if text_fit.is_installed(MISSING_FONT):
        pytest.skip("fontconfig claims to have the made-up font")
    writer = _writer()
    for number in range(3):
        writer.add(SlideSpec("content", f"Slide {number}", "Notes.", body=bullet_paras(["One"])))
    writer.finish()
    assert writer.warnings == [f"the template's font '{MISSING_FONT}' is not installed here, so text is measured "
                               "with a wider stand-in and may sit loosely in its boxes; install the font for an "
                               "exact fit"]


def test_a_section_layout_without_a_body_keeps_its_subtitle_in_a_text_box() -> None:
    writer = _writer()
    section = next(layout for layout in writer.prs.slide_layouts if layout.name == "Section Header")
    body = layouts.placeholder(section, (PP_PLACEHOLDER.BODY,))
    layouts.remove_shape(body)
    writer.add(SlideSpec("section", "Main Themes", "Notes.", subtitle=["What the reviews found"]))
    texts = [shape.text_frame.text for shape in writer.prs.slides[0].shapes
             if shape.has_text_frame and not shape.is_placeholder]
    assert texts == ["What the reviews found"]


def test_a_footer_too_wide_for_its_box_is_widened_to_one_line() -> None:
    footer = "Dysgu o Adolygiadau – Learning from Reviews · 16 November 2023"
    writer = _writer(footer)
    writer.add(SlideSpec("content", "Aims", "Notes.", body=bullet_paras(["One"])))
    shape = _footer(writer.prs.slides[0])
    layout_width = layouts.placeholder(writer.prs.slides[0].slide_layout, (PP_PLACEHOLDER.FOOTER,)).width
    assert shape.text_frame.text == footer
    assert shape.width > layout_width
    width = text_fit.face(False, writer.body_font).width(footer, layouts.FOOTER_SIZE)
    assert width <= (shape.width - 2 * layouts.FOOTER_INSET) / layouts.EMU_PER_PT
    assert writer.warnings == []


def test_a_footer_too_long_for_any_box_is_shortened_with_a_warning() -> None:
    footer = "A very long partnership name " * 8
    writer = _writer(footer)
    writer.add(SlideSpec("content", "Aims", "Notes.", body=bullet_paras(["One"])))
    writer.add(SlideSpec("content", "More", "Notes.", body=bullet_paras(["Two"])))
    shown = _footer(writer.prs.slides[0]).text_frame.text
    assert shown.endswith("\u2026") and footer.startswith(shown[:-1])
    assert writer.warnings == [f"the slide footer '{footer}' is too long for one line; it is shortened to "
                               f"'{shown}'"]


def test_every_slide_title_takes_the_size_the_longest_needs() -> None:
    writer = _writer()
    writer.add(SlideSpec("content", "Aims", "Notes.", body=bullet_paras(["One"])))
    writer.add(SlideSpec("content", "Setting the Scene: Child Safeguarding Practice Reviews in the Partnership",
                         "Notes.", body=bullet_paras(["Two"])))
    writer.finish()
    sizes = {run.font.size.pt for slide in writer.prs.slides
             for paragraph in slide.shapes.title.text_frame.paragraphs for run in paragraph.runs}
    assert sizes == {32.0}


def test_a_title_is_not_broken_inside_a_parenthesis() -> None:
    title = "The Legal Framework: Multi-agency Learning Review (non-statutory)"
    writer = _writer()
    writer.add(SlideSpec("content", title, "Notes.", body=bullet_paras(["One"])))
    # A longer title takes the deck to 32 pt, where this one would break as "(non-" / "statutory)".
    writer.add(SlideSpec("content", "Setting the Scene: Child Safeguarding Practice Reviews in the Partnership",
                         "Notes.", body=bullet_paras(["Two"])))
    writer.finish()
    shape = writer.prs.slides[0].shapes.title
    size = shape.text_frame.paragraphs[0].runs[0].font.size.pt
    width = (shape.width - 2 * writer_module.body_text.INSET_X) / layouts.EMU_PER_PT
    assert size < 32
    assert not text_fit.breaks_badly(title, width, size, True, writer.heading_font)


def test_a_table_of_one_category_is_one_plain_sentence_at_body_size() -> None:
    chart = ChartSpec("bar", "Ethnicity (where known: 2 of 5)", ("White Welsh", "Mixed", "Asian"), (3, 0, 0), "…")
    assert not says_something(chart)
    assert [(p.text, p.scale, p.bold) for p in fact_paras(chart)] == [
        ("Ethnicity (where known: 2 of 5): White Welsh 3, Mixed 0, Asian 0.", 1.0, False)]
    assert [p.text for p in fact_paras(ChartSpec("bar", "Gender", ("Female",), (12,), "…"))] == [
        "Gender: all 12 Female."]
    assert says_something(ChartSpec("bar", "Age", ("0-4", "5-9"), (1, 2), "…"))


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
    from generator.charts import ChartSpec
    from generator.deck.writer import fact_paras

    hidden = ChartSpec("bar", "Age", (), (), "Bar chart of age: every count hidden.",
                       "3 categories with fewer than 5 are not shown")
    texts = [para.text for para in fact_paras(hidden)]
    assert texts == ["Age: (3 categories with fewer than 5 are not shown)."]
    empty = ChartSpec("bar", "Age", ("0-4",), (0,), "Bar chart of age: 0-4 0.")
    assert [para.text for para in fact_paras(empty)] == ["Age: 0-4 0."]


def _body_sizes(writer: DeckWriter) -> list[set[float]]:
    """Return the sizes of each slide's text, leaving out its title and footer furniture."""
    furniture = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
    return [{run.font.size.pt for shape in slide.shapes if shape.has_text_frame
             and not (shape.is_placeholder and shape.placeholder_format.type in furniture)
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs}
            for slide in writer.prs.slides]


SENTENCE = "Agencies shared what they knew about the family late, and no one agency held the whole picture of the risks"


def test_text_slides_share_one_body_size_but_a_slide_denser_than_the_floor_keeps_its_own() -> None:
    writer = _writer()
    for title, bullets in (("Short", 2), ("Longer", 7), ("Dense", 9)):
        writer.add(SlideSpec("content", title, "Notes.", body=bullet_paras([SENTENCE] * bullets)))
    assert _body_sizes(writer) == [{28.0}, {22.0}, {16.0}]  # each at the largest size it fits at on its own
    writer.finish()
    assert writer_module.DECK_BODY_FLOOR == 20
    assert _body_sizes(writer) == [{22.0}, {22.0}, {16.0}]


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


def test_a_two_column_slide_set_at_the_deck_size_keeps_its_columns_right_under_its_heading() -> None:
    writer = _writer()
    heading = Para("Themes shared by every type of review", bullet=False, bold=True)
    writer.add(SlideSpec("content", "Cross Over Themes", "Notes.",
                         body=[heading, *bullet_paras([f"Short theme {n}" for n in range(14)])]))
    writer.add(SlideSpec("content", "Longer", "Notes.", body=bullet_paras([SENTENCE] * 7)))
    writer.finish()
    header, *columns = [shape for shape in writer.prs.slides[0].shapes
                        if shape.has_text_frame and not shape.is_placeholder]
    assert _body_sizes(writer)[0] == {22.0}  # two columns took 28 pt; the deck's size is the other slide's
    assert len(columns) == 2
    heading_height = writer_module.body_text.paragraphs_height([heading], header.width, 22.0, writer.body_font)
    assert header.height == int(heading_height * layouts.EMU_PER_PT) + 1  # the heading's height at 22 pt
    assert {column.top for column in columns} == {header.top + header.height}


def test_age_bands_drawn_as_bars_on_one_slide_are_bars_on_the_next() -> None:
    bands = ("16-24", "25-34", "35-44", "45-54", "55-64", "65 and over")
    crowded = [ChartSpec("column", f"Chart {n}", bands, (1, 2, 3, 2, 1, 1), "Column chart.") for n in range(4)]
    writer = _writer()
    writer.add(SlideSpec("charts", "Setting the Scene: DHRs", "Notes.", charts=crowded))
    writer.add(SlideSpec("charts", "Setting the Scene: DHRs (continued)", "Notes.", charts=crowded[:1]))
    kinds = [[shape.chart.chart_type for shape in slide.shapes if shape.has_chart] for slide in writer.prs.slides]
    assert kinds == [[XL_CHART_TYPE.BAR_CLUSTERED] * 4, [XL_CHART_TYPE.BAR_CLUSTERED]]


def test_a_contact_s_email_address_on_the_closing_slide_is_set_small_enough_not_to_break_at_a_hyphen() -> None:
    address = "safeguarding-partnership@fenmarsh-safeguarding.example.org.uk"
    writer = _writer()
    writer.add(SlideSpec("closing", "Thank you", "Notes.", subtitle=["Please complete the form.", address]))
    body = next(shape for shape in writer.prs.slides[0].placeholders if shape.has_text_frame
                and address in shape.text_frame.text)
    size = body.text_frame.paragraphs[-1].runs[0].font.size.pt
    width = (body.width - 2 * writer_module.body_text.INSET_X) / layouts.EMU_PER_PT
    assert not text_fit.breaks_badly(address, width, size, False, writer.body_font)
    assert text_fit.breaks_badly(address, width, 28, False, writer.body_font)  # at the largest size it would
