"""check on a briefing: a column left more than a quarter empty before the text goes on in the next."""

from __future__ import annotations

from generator.checks.briefing import _empty_columns
from generator.checks.rendered import Page, Word

A4 = (595.0, 842.0)


def _column(left: float, top: float, bottom: float) -> list[Word]:
    return [Word(f"w{y}", left, y, left + 100, y + 12) for y in range(int(top), int(bottom) - 11, 14)]


def test_a_column_the_text_breaks_out_of_early_is_reported():
    early = Page(*A4, _column(50, 100, 450) + _column(320, 100, 790))  # the left column stops halfway down
    assert _empty_columns([early]) == ["page 1: the left column is 50% empty before the text goes on in the next "
                                       "column"]


def test_full_columns_and_the_last_column_are_not_reported():
    full = Page(*A4, _column(50, 100, 790) + _column(320, 100, 300))  # the last column may end where it ends
    assert _empty_columns([full]) == []
    both_full = Page(*A4, _column(50, 100, 790) + _column(320, 100, 790))
    assert _empty_columns([both_full, Page(*A4, _column(50, 100, 200))]) == []
    short_right = Page(*A4, _column(50, 100, 790) + _column(320, 100, 500))
    assert _empty_columns([short_right, Page(*A4, _column(50, 100, 200))]) == [
        "page 1: the right column is 44% empty before the text goes on in the next column"]


def test_a_title_across_the_middle_is_not_a_second_column():
    title = [Word("Adult", 50, 60, 90, 80), Word("seven-minute", 240, 60, 300, 80), Word("briefing", 304, 60, 350, 80)]
    one_column = Page(*A4, title + _column(50, 100, 300))
    assert _empty_columns([one_column]) == []


def test_a_column_is_measured_down_to_the_templates_own_bottom_margin():
    # A template's 1-inch margins (72 pt): its columns end 72 pt above the page's foot, not 40 pt.
    page = Page(*A4, _column(50, 100, 625) + _column(320, 100, 300))
    assert _empty_columns([page], margins=(72.0, 72.0)) == []  # 23% of the column down to 770 pt
    assert _empty_columns([page]) == ["page 1: the left column is 26% empty before the text goes on in the next "
                                      "column"]  # measured down to 802 pt
