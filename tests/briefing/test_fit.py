"""The fit measure: how the seven parts flow down the page's two columns."""

from __future__ import annotations

import dataclasses
import functools

import pytest

from docx import Document
from docx.oxml.ns import qn

from generator import text_fit
from generator.briefing import type_scale
from generator.ooxml import EMU_PER_POINT
from generator.briefing.fit import (BODY_HEIGHT, COLUMN_WIDTH, MIN_LAST_PAGE_FILL, Block, _flow,
                                    fit_briefing, fit_parts, part_blocks, printed_chart_height, table_columns,
                                    table_height, title_height)
from generator.briefing.blank import printed_page
from generator.briefing.plan import MIN_CHARTED_THEMES, SectionPlan, plan_briefings
from generator.briefing.styles import resolve_styles
from generator.briefing.type_scale import CHART_LABEL_SIZE, COMPACT_TABLES, TABLES, chart_height
from generator.briefing.word_builder import WordBriefingBuilder
from generator.briefing.word_chart import word_chart_drawing
from generator.charts import ChartSpec
from generator.loading import load_event
from generator.look import Look
from generator.figures import CountTable
from tests.conftest import DEFAULT_DATA, needs_libreoffice
from tests.render import read_pages, render

FONTS = ("Calibri", "Calibri")
HARBOUR = DEFAULT_DATA.parent / "harbour-2025.yaml"  # a domestic homicide review's seven figures tables
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
        assert (fit.pages, fit.to_shorten, fit.loose_columns) == (1, (), ()), plan.review_name


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


def test_a_template_s_page_and_type_scale_are_measured():
    template = Document()  # python-docx's: US Letter, 1.25-inch side margins, 11 pt text at 1.15 lines, 10 pt apart
    page = printed_page(template, resolve_styles(template, {}))
    section = SectionPlan(1, "Background", paragraphs=(LONG * 4,))
    (built_in_heading, built_in), (heading, paragraph) = part_blocks(section, *FONTS), part_blocks(section, *FONTS,
                                                                                                    page=page)
    assert (heading.before, paragraph.after) == (24, 10)
    assert paragraph.line > built_in.line * 1.15  # 11 pt at 1.15 lines against 10 pt at 1.08
    assert paragraph.lines > built_in.lines  # a 205 pt column against the built-in 244 pt
    plan = _plans()[0]
    assert fit_parts(plan.sections, plan.title, plan.subtitle, FONTS).pages == 1
    assert fit_parts(plan.sections, plan.title, plan.subtitle, FONTS, page=page).pages == 2


def test_a_long_title_leaves_less_room_on_the_first_page():
    one_line = title_height("Short title", "Subtitle", "Calibri")
    two_lines = title_height("A title " * 12, "Subtitle", "Calibri")
    assert two_lines - one_line > 20
    assert BODY_HEIGHT - one_line > 680


def test_a_part_that_does_not_fit_goes_on_in_the_next_column_leaving_none_loose():
    plan = _plans()[1]
    for lengths in ({5: 40}, {1: 150}, {2: 120}, {5: 22, 7: 10}, {5: 18, 7: 10}):
        fit = fit_parts(_with_paragraphs(plan, lengths), plan.title, plan.subtitle, FONTS)
        assert fit.pages >= 2 and fit.loose_columns == (), lengths


HEADING_BLOCK = Block(16.5, before=7.0, after=2.0, keep_with_next=True, splittable=True)
BODY_LINE = 13.2


def _column_one_fill(room_below_filler: float) -> float:
    """Return how full the first column is left when a heading and a ten-line paragraph follow a block that leaves
    ``room_below_filler`` points of a 500 pt column."""
    filler = Block(500.0 - room_below_filler)
    paragraph = Block(BODY_LINE, lines=10, splittable=True)
    _, fills, _ = _flow([[filler], [HEADING_BLOCK, paragraph]], first_column=500.0)
    return fills[0]


def test_a_heading_moves_only_when_fewer_than_two_lines_after_it_fit():
    two_lines = HEADING_BLOCK.before + HEADING_BLOCK.height + HEADING_BLOCK.after + 2 * BODY_LINE
    assert _column_one_fill(two_lines + 0.5) > 0.99  # the heading and two lines stay; eight go on
    assert _column_one_fill(two_lines - 0.5) == (500.0 - two_lines + 0.5) / 500.0  # the heading moves


def test_a_table_that_does_not_fit_below_moves_whole_leaving_its_column_part_filled():
    _, fills, _ = _flow([[Block(300.0)], [Block(200.0)]], first_column=450.0)
    assert fills == [300.0 / 450.0]


def test_beyond_two_pages_the_longest_parts_are_named_longest_first():
    plan = _plans()[1]
    fit = fit_parts(_with_paragraphs(plan, {2: 80, 5: 90}), plan.title, plan.subtitle, FONTS)
    assert (fit.pages, fit.to_shorten) == (3, (5,))  # shortening part 5 alone would do
    fit = fit_parts(_with_paragraphs(plan, {2: 180, 5: 190}), plan.title, plan.subtitle, FONTS)
    assert fit.pages > 3 and fit.to_shorten == (5, 2)


@functools.cache
def _harbour_homicide():
    return next(plan for plan in plan_briefings(load_event(HARBOUR).event) if plan.key == "dhr")


def _harbour_homicide_with_learning(sentences: int):
    plan = _harbour_homicide()
    return dataclasses.replace(plan, sections=_with_paragraphs(plan, {5: sentences}))


def _pages(plan, tables) -> int:
    return fit_parts(plan.sections, plan.title, plan.subtitle, FONTS, tables).pages


def _first_length(wanted) -> int:
    """Return the fewest sentences of part 5 whose briefing fits as ``wanted`` says (which more sentences never
    undo), found by halving."""
    low, high = 0, 400
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if wanted(_harbour_homicide_with_learning(middle)) else (middle + 1, high)
    return low


def test_past_two_pages_the_tables_are_set_compactly_before_the_author_is_told_to_shorten():
    """Fewer themes charted, then compact tables, and only then the warning naming the parts to shorten."""
    needs_compact = _first_length(lambda plan: _pages(plan, TABLES) == 3)
    plan = _harbour_homicide_with_learning(needs_compact)
    assert _pages(plan, COMPACT_TABLES) == 2
    fitted, fit = fit_briefing(plan, FONTS)
    assert (fit.pages, fit.tables, fit.to_shorten) == (2, COMPACT_TABLES, ())
    assert fitted.sections == plan.sections  # no chart of themes to show fewer bars of: nothing else changed
    too_long = _first_length(lambda plan: _pages(plan, COMPACT_TABLES) == 3)
    assert too_long > needs_compact
    _, fit = fit_briefing(_harbour_homicide_with_learning(too_long), FONTS)
    assert (fit.pages, fit.tables, fit.to_shorten) == (3, TABLES, (5,))
    shorter = fit_briefing(_harbour_homicide_with_learning(needs_compact - 1), FONTS)[1]
    assert (shorter.pages, shorter.tables) == (2, TABLES)


def test_compact_tables_are_measured_shorter_row_by_row():
    table = CountTable("Age of victims", "Age", (("16-24", 1), ("25-34", 0), ("35-44", 2)), "victims", 3, 3)
    regular, compact = (table_height(table, table_columns((table,), "Calibri", setting), "Calibri", setting)
                        for setting in (TABLES, COMPACT_TABLES))
    assert regular - compact == pytest.approx(TABLES.trailer - COMPACT_TABLES.trailer + TABLES.header_row
                                              - COMPACT_TABLES.header_row + 3 * (TABLES.row - COMPACT_TABLES.row))


def test_list_items_have_no_space_between_them_only_after_the_last():
    """List Bullet's contextual spacing: Word and LibreOffice leave out the space between items of one list."""
    section = SectionPlan(4, "The themes", themes=("One", "Two", "Three"))
    *items, last = part_blocks(section, *FONTS)[1:]
    assert [item.after for item in items] == [0.0, 0.0] and last.after > 0


def test_a_table_row_is_as_tall_as_its_most_wrapped_cell():
    one_line = CountTable("Ethnicity", "Ethnicity", (("White British", 3), ("Indian", 1)), "people", 4, 4)
    wrapped = CountTable("Ethnicity", "Ethnicity", (("White British", 3), (LONG, 1)), "people", 4, 4)
    columns = table_columns((one_line, wrapped), "Calibri")
    assert table_height(wrapped, columns, "Calibri") - table_height(one_line, columns, "Calibri") > 10  # a line more


def _chart(bars: int) -> ChartSpec:
    labels, values = tuple(f"Theme {n}" for n in range(1, 13)), tuple(range(30, 18, -1))
    return ChartSpec("bar", f"The {bars} most frequent themes", labels[:bars], values[:bars], "A bar chart")


def _charted(plan, lengths: dict[int, int]):
    """Return the plan with a twelve-bar chart of the main themes, its smaller charts, and parts made longer."""
    charted = dataclasses.replace(
        plan, sections=tuple(dataclasses.replace(s, chart=_chart(12)) if s.number == 4 else s for s in plan.sections),
        smaller_charts=tuple(_chart(bars) for bars in range(11, MIN_CHARTED_THEMES - 1, -1)))
    return dataclasses.replace(charted, sections=_with_paragraphs(charted, lengths))


def _bars(plan) -> int:
    return len(next(s.chart for s in plan.sections if s.chart is not None).values)


@pytest.mark.parametrize("lengths, full_chart, chosen", [
    ({}, (1, False), (12, (1, False))),
    ({5: 18}, (2, False), (11, (1, False))),  # fewer bars keep the briefing to one page
    ({5: 60}, (2, False), (12, (2, False))),  # no chart keeps it to one: the full chart stays
    ({3: 32}, (2, True), (11, (2, False))),  # the chart did not fit below the list: one bar fewer does
    ({5: 132}, (3, False), (11, (2, False))),  # fewer bars keep part 7 off a third page
])
def test_the_chart_shows_the_most_themes_that_give_the_fewest_pages_then_no_loose_column(lengths, full_chart, chosen):
    """One page rather than two, two rather than three, then no column left more than a quarter empty: the chart
    of the main themes shows fewer bars only when that does better on one of these, and then as many as can."""
    longer = _charted(_plans()[1], lengths)
    fits = {bars: fit_parts(longer.with_chart(_chart(bars)).sections, longer.title, longer.subtitle, FONTS)
            for bars in range(12, MIN_CHARTED_THEMES - 1, -1)}
    best = min((f.pages, bool(f.loose_columns)) for f in fits.values())
    largest = max(bars for bars, f in fits.items() if (f.pages, bool(f.loose_columns)) == best)
    fitted, fit = fit_briefing(longer, FONTS)
    assert (fits[12].pages, bool(fits[12].loose_columns)) == full_chart
    assert (_bars(fitted), (fit.pages, bool(fit.loose_columns))) == (largest, best) == chosen


def test_a_lead_in_kept_with_a_table_breaks_keeping_only_its_last_lines_with_it():
    lead_in = Block(BODY_LINE, lines=10, keep_with_next=True, splittable=True)
    table = Block(200.0)
    _, fills, _ = _flow([[Block(250.0)], [lead_in, table]], first_column=450.0)
    assert fills == [(250.0 + 8 * BODY_LINE) / 450.0]  # eight lines stay; two go on with the table


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


# ------------------------------------------------------------------------------------------- in LibreOffice

WIDE_FONTS = ("DejaVu Sans", "DejaVu Sans")
# Sentences added to part 1 of the Tees children's briefing that take it past one page in DejaVu Sans. Eight do not;
# nine and ten would leave a line or two on a second page, which compact tables take back (MIN_LAST_PAGE_FILL).
SPILLING_A_LINE_SENTENCES = 10
OVERFLOWING_SENTENCES = 11


@needs_libreoffice
@pytest.mark.skipif(not text_fit.is_installed("DejaVu Sans"), reason="DejaVu Sans (fonts-dejavu-core) is not installed")
@pytest.mark.parametrize("added, pages", [(0, 1), (SPILLING_A_LINE_SENTENCES, 1), (OVERFLOWING_SENTENCES, 2)])
def test_a_wide_font_s_briefing_is_warned_about_exactly_when_libreoffice_draws_it_past_one_page(added, pages,
                                                                                             tmp_path):
    """In DejaVu Sans the Tees children's briefing fits one page as LibreOffice draws it; measured at 1.2 em a
    line (its typographic metrics, not the 1.164 em it is set at) it was said not to."""
    event = load_event(DEFAULT_DATA).event
    plan = next(plan for plan in plan_briefings(event) if plan.key == "children")
    first = plan.sections[0]
    longer = dataclasses.replace(first, paragraphs=first.paragraphs + ((LONG * added,) if added else ()))
    builder = WordBriefingBuilder(Look(event.theme, fonts=WIDE_FONTS))
    rendered = builder.render(dataclasses.replace(plan, sections=(longer, *plan.sections[1:])))
    docx = tmp_path / "briefing.docx"
    docx.write_bytes(rendered.data)
    assert len(read_pages(render(docx))) == pages
    warned = ["the Child Safeguarding Practice Reviews briefing does not fit on one page; shorten its text to keep it "
              "to one"]
    assert rendered.warnings == (warned if pages > 1 else [])


@needs_libreoffice
def test_a_briefing_set_with_compact_tables_is_drawn_on_two_pages_and_one_warned_about_on_three(tmp_path):
    needs_compact = _first_length(lambda plan: _pages(plan, TABLES) == 3)
    too_long = _first_length(lambda plan: _pages(plan, COMPACT_TABLES) == 3)
    event = load_event(HARBOUR).event
    builder = WordBriefingBuilder(Look(event.theme, fonts=FONTS))
    drawn = {}
    for sentences in (needs_compact, too_long):
        rendered = builder.render(_harbour_homicide_with_learning(sentences))
        docx = tmp_path / f"briefing-{sentences}.docx"
        docx.write_bytes(rendered.data)
        drawn[sentences] = (len(read_pages(render(docx))), [w for w in rendered.warnings if "pages" in w])
    assert drawn == {needs_compact: (2, []),
                     too_long: (3, ["the Domestic Homicide Reviews briefing needs about 3 pages; a seven-minute "
                                    "briefing fits on two at most: shorten its longest parts (5. 'The learning')"])}


def test_a_second_page_of_a_few_lines_is_saved_by_compact_tables():
    """Harbour's homicide briefing flowed on to a second page holding the last lines of part 7 (rendered, two lines
    of its 'Find out more' link); compact tables keep it to one page."""
    plan = _harbour_homicide()
    regular = fit_parts(plan.sections, plan.title, plan.subtitle, FONTS, TABLES)
    assert regular.pages == 2 and regular.last_page_fill < MIN_LAST_PAGE_FILL
    fitted, fit = fit_briefing(plan, FONTS)
    assert (fit.pages, fit.tables) == (1, COMPACT_TABLES)
    assert fitted.sections == plan.sections


def test_a_fuller_second_page_keeps_the_regular_tables():
    plan = _harbour_homicide_with_learning(20)
    regular = fit_parts(plan.sections, plan.title, plan.subtitle, FONTS, TABLES)
    assert regular.pages == 2 and regular.last_page_fill >= MIN_LAST_PAGE_FILL
    assert fit_briefing(plan, FONTS)[1].tables == TABLES
