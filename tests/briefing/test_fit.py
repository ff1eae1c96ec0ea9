"""The fit measure: how the seven parts flow down the page's two columns."""

from __future__ import annotations

import dataclasses

from docx import Document
from docx.oxml.ns import qn

from generator.briefing import type_scale
from generator.briefing.fit import (BODY_HEIGHT, COLUMN_WIDTH, EMU_PER_POINT, fit_briefing, fit_parts, part_blocks,
                                    printed_chart_height, table_columns, table_height, title_height)
from generator.briefing.plan import MIN_CHARTED_THEMES, SectionPlan, plan_briefings
from generator.briefing.type_scale import CHART_LABEL_SIZE, chart_height
from generator.briefing.word_chart import word_chart_drawing
from generator.charts import ChartSpec
from generator.loading import load_event
from generator.figures import CountTable
from tests.conftest import DEFAULT_DATA

FONTS = ("Calibri", "Calibri")
LONG = "A sentence that says the same thing again, at length. "


def _plans():
    return plan_briefings(load_event(DEFAULT_DATA).event)


def _with_paragraphs(plan, lengths: dict[int, int]):
    """Return the plan's parts with part N's text replaced by ``lengths[N]`` long sentences."""
    return tuple(dataclasses.replace(s, paragraphs=(LONG * lengths[s.number],)) if s.number in lengths else s
                 for s in plan.sections)


def test_every_default_briefing_fits_one_page():
    for plan in _plans():
        fit = fit_parts(plan.sections, plan.title, plan.subtitle, FONTS)
        assert (fit.pages, fit.break_before, fit.to_shorten) == (1, None, ()), plan.review_name


def test_a_heading_is_one_line_and_a_paragraph_wraps_to_the_column():
    section = SectionPlan(1, "Background", paragraphs=(LONG * 4,))
    heading, paragraph = part_blocks(section, *FONTS)
    assert heading.lines == 1 and heading.keep_with_next
    assert 4 <= paragraph.lines <= 6  # 220 characters at about 50 a line in a 244 pt column at 10 pt
    assert 240 < COLUMN_WIDTH < 250


def test_a_lead_in_is_kept_with_its_list():
    section = SectionPlan(6, "Questions", paragraphs=("Ask yourself:",), bullets=("One?", "Two?"))
    heading, lead_in, first, second = part_blocks(section, *FONTS)
    assert lead_in.keep_with_next and first.keep_with_next and not second.keep_with_next  # a short list: whole


def test_a_long_title_leaves_less_room_on_the_first_page():
    one_line = title_height("Short title", "Subtitle", "Calibri")
    two_lines = title_height("A title " * 12, "Subtitle", "Calibri")
    assert two_lines - one_line > 20
    assert BODY_HEIGHT - one_line > 680


def test_the_second_page_begins_at_the_first_part_that_does_not_end_on_page_one():
    plan = _plans()[1]
    sections = _with_paragraphs(plan, {5: 40})
    fit = fit_parts(sections, plan.title, plan.subtitle, FONTS)
    assert (fit.pages, fit.break_before) == (2, 5)


def test_no_break_when_the_first_part_itself_is_too_long():
    plan = _plans()[1]
    sections = _with_paragraphs(plan, {1: 150})
    fit = fit_parts(sections, plan.title, plan.subtitle, FONTS)
    assert fit.break_before is None and fit.pages >= 2


def test_beyond_two_pages_the_longest_parts_are_named_longest_first():
    plan = _plans()[1]
    fit = fit_parts(_with_paragraphs(plan, {2: 80, 5: 90}), plan.title, plan.subtitle, FONTS)
    assert (fit.pages, fit.to_shorten) == (3, (5,))  # shortening part 5 alone would do
    fit = fit_parts(_with_paragraphs(plan, {2: 180, 5: 190}), plan.title, plan.subtitle, FONTS)
    assert fit.pages > 3 and fit.to_shorten == (5, 2)


def test_a_long_part_beginning_in_the_first_column_is_not_moved_to_page_two():
    """Moving it would leave most of page one blank; it flows on instead."""
    plan = _plans()[1]
    fit = fit_parts(_with_paragraphs(plan, {2: 120}), plan.title, plan.subtitle, FONTS)  # past page one
    assert fit.pages == 2 and fit.break_before is None


def test_list_items_have_no_space_between_them_only_after_the_last():
    """List Bullet's contextual spacing: Word and LibreOffice leave out the space between items of one list."""
    section = SectionPlan(4, "The themes", themes=("One", "Two", "Three"))
    *items, last = part_blocks(section, *FONTS)[1:]
    assert [item.after for item in items] == [0.0, 0.0] and last.after > 0


def test_page_two_may_begin_at_an_earlier_part_to_carry_a_fair_share():
    plan = _plans()[0]
    # Part 6 begins more than two-thirds down page one's last column, and part 7 spills: page two begins at part 6.
    fit = fit_parts(_with_paragraphs(plan, {5: 22, 7: 10}), plan.title, plan.subtitle, FONTS)
    assert (fit.pages, fit.break_before) == (2, 6)
    # Part 6 begins higher up: moving it would leave too much of page one blank, so only part 7 moves.
    fit = fit_parts(_with_paragraphs(plan, {5: 18, 7: 10}), plan.title, plan.subtitle, FONTS)
    assert (fit.pages, fit.break_before) == (2, 7)


def test_a_table_row_is_as_tall_as_its_most_wrapped_cell():
    one_line = CountTable("Ethnicity", "Ethnicity", (("White British", 3), ("Indian", 1)), "people", 4, 4)
    wrapped = CountTable("Ethnicity", "Ethnicity", (("White British", 3), (LONG, 1)), "people", 4, 4)
    columns = table_columns((one_line, wrapped), "Calibri")
    assert table_height(wrapped, columns, "Calibri") - table_height(one_line, columns, "Calibri") > 10  # a line more


def test_a_full_page_charts_fewer_of_the_main_themes_rather_than_spill_onto_a_second():
    plan = _plans()[1]
    labels, values = tuple(f"Theme {n}" for n in range(1, 13)), tuple(range(30, 18, -1))

    def chart(bars: int) -> ChartSpec:
        return ChartSpec("bar", f"The {bars} most frequent themes", labels[:bars], values[:bars], "A bar chart")

    charted = dataclasses.replace(
        plan, sections=tuple(dataclasses.replace(s, chart=chart(12)) if s.number == 4 else s for s in plan.sections),
        smaller_charts=tuple(chart(bars) for bars in range(11, MIN_CHARTED_THEMES - 1, -1)))
    smaller = []
    for sentences in range(0, 40, 2):
        longer = dataclasses.replace(charted, sections=_with_paragraphs(charted, {5: sentences}))
        fitted, fit = fit_briefing(longer, FONTS)
        bars = len(next(s.chart for s in fitted.sections if s.chart is not None).values)
        if fit_parts(longer.sections, plan.title, plan.subtitle, FONTS).pages == 1 or fit.pages > 1:
            assert bars == 12, sentences  # the full chart, whether the page fits or not
        else:
            assert bars < 12 and fit_parts(longer.with_chart(chart(bars + 1)).sections, plan.title, plan.subtitle,
                                           FONTS).pages > 1  # the largest chart that fits
            smaller.append(bars)
    assert smaller and smaller == sorted(smaller, reverse=True)


def test_a_chart_is_measured_as_tall_as_the_word_briefing_draws_it():
    """A bar chart grows with its labels' lines (generator.charts.bar_layout); the measure must agree."""
    long_labels = tuple(f"A theme whose name takes two or three lines of a chart label, number {n}" for n in range(6))
    for spec in (ChartSpec("bar", "Main themes", long_labels, tuple(range(6, 0, -1)), "A bar chart"),
                 ChartSpec("bar", "Main themes", ("One", "Two"), (2, 1), "A bar chart"),
                 ChartSpec("column", "Age", ("0-4", "5-9"), (3, 4), "A column chart")):
        drawing = word_chart_drawing(Document(), spec, type_scale.COLUMN_WIDTH, chart_height(spec),
                                     CHART_LABEL_SIZE, "000000", "Calibri")
        drawn = int(drawing.find(f".//{qn('wp:extent')}").get("cy")) / EMU_PER_POINT
        assert abs(printed_chart_height(spec, "Calibri") - drawn) < 0.1, spec.title
