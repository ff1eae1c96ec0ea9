"""The fit measure: how the seven parts flow down the page's two columns."""

from __future__ import annotations

import dataclasses

from generator.briefing.fit import BODY_HEIGHT, COLUMN_WIDTH, fit_parts, part_blocks, title_height
from generator.briefing.plan import SectionPlan, plan_briefings
from generator.data_source import load_event
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
    assert lead_in.keep_with_next and not first.keep_with_next and not second.keep_with_next


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
    assert (fit.pages, fit.to_shorten) == (4, (5, 2))


def test_a_long_part_beginning_in_the_first_column_is_not_moved_to_page_two():
    """Moving it would leave most of page one blank; it flows on instead."""
    plan = _plans()[1]
    fit = fit_parts(_with_paragraphs(plan, {2: 120}), plan.title, plan.subtitle, FONTS)  # past page one
    assert fit.pages == 2 and fit.break_before is None
