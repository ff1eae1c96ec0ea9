"""The shape of an unreadable YAML text: block columns, and which of two lines that should line up is odd."""

from __future__ import annotations

import pytest

from generator.data_source import yaml_layout
from generator.data_source.yaml_layout import (
    Layout, Level, _held_from, block_columns, child_column, continued_lines, first_error_line, indent_of,
    is_dash_line, opens_block, tokens_before,
)


def _layout(*lines: str) -> Layout:
    return Layout("\n".join(lines), list(lines), len(lines) - 1, set())


def test_a_line_opens_blocks_at_its_indent_and_after_each_dash():
    assert block_columns("  - - name: x") == [Level(-1, 2, False), Level(-1, 4, True), Level(-1, 6, True)]
    assert indent_of("    x: 1") == 4
    assert opens_block("  key:  # a note") and opens_block("  -") and not opens_block("  key: value")


def test_the_odd_one_is_the_column_fewer_lines_of_the_block_share():
    layout = _layout("top:", "  a: 1", "  b: 2", "   c: 3", "other: 5")
    assert layout.odd_one_out(2, 2, 3, 3) == 3
    assert layout.odd_one_out(3, 3, 2, 2) == 3


def test_lines_nested_under_a_line_of_the_block_are_not_the_blocks():
    # Three lines at column 4, but all under 'b:', so column 2 (a and b) is the block's own.
    layout = _layout("top:", "  a: 1", "  b:", "    x: 1", "    y: 2", "    z: 3", "other: 5")
    assert layout.odd_one_out(1, 2, 3, 4) == 3


def test_a_line_leaving_the_key_above_it_empty_is_odd():
    layout = _layout("top:", "a: 1", "  b: 2")
    assert layout.odd_one_out(1, 0, 2, 2) == 1


def test_the_lines_either_side_agreeing_make_the_middle_one_odd():
    layout = _layout("top:", "  a: 1", "   b: 2", "  c: 3")
    assert layout.odd_one_out(2, 3, 3, 2) == 2


def test_at_the_top_level_the_first_column_is_right():
    layout = _layout("a: 1", " b: 2")
    assert layout.odd_one_out(0, 0, 1, 1) == 1


def test_a_blocks_children_start_at_the_next_column_the_line_opens_if_any():
    assert child_column("  - - name: x", 2) == 4
    assert child_column("  - - name: x", 4) == 6
    assert child_column("  key: x", 2) is None


def test_a_dash_column_is_the_dash_of_a_list_item_not_the_text_after_it():
    layout = _layout("- a", "  b: 1")
    assert layout.is_dash_column(Level(0, 0, False))
    assert not layout.is_dash_column(Level(0, 2, True))
    assert not layout.is_dash_column(Level(1, 2, False))


def test_a_sibling_is_the_nearest_line_of_the_same_kind_in_the_column_below_then_above_within_the_block():
    layout = _layout("a:", "  - x", "  - y", "b: 1")
    assert layout.sibling_at(1, 2) == 2
    assert layout.sibling_at(2, 2) == 1  # below, 'b' closes the block; above, 'x'
    assert _layout("a:", "  - x", "  k: 1", "  - y").sibling_at(3, 2) == 1
    assert _layout("  k: 1", "  j: 2", "  - b").sibling_at(2, 2) is None


def test_only_the_blocks_own_lines_are_counted_at_each_column():
    nested = _layout("top:", "  a: 1", "  b:", "    x: 1", "    y: 2", "  c: 3", "other: 5")
    assert nested._block_lines_at((2, 4), Level(0, 0, False), 2) == {2: 3, 4: 0}
    assert nested._block_lines_at((0, 2), None, 0) == {0: 2, 2: 0}
    items = _layout("top:", "  - a: 1", "    b: 2", "  - c: 3", "   d: 4")
    assert items._block_lines_at((2, 4), Level(0, 0, False), 2) == {2: 2, 4: 0}
    assert items._block_lines_at((4, 3), Level(1, 2, False), 3) == {4: 2, 3: 0}
    commented = _layout("# note", "a:", "  b: 1", "   c: 2", "  d: 3", "e: 1")
    assert commented._block_lines_at((2, 3), None, 2) == {2: 2, 3: 1}
    assert commented._block_lines_at((2, 3), Level(1, 0, False), 2) == {2: 2, 3: 1}


def test_a_line_is_held_by_the_nearest_open_line_whose_children_may_start_in_its_column():
    assert _held_from([(0, None), (2, 4)], 4) == 2
    assert _held_from([(0, None), (2, 4)], 2) == 0
    assert _held_from([(0, 2), (2, None)], 3) == 2
    assert _held_from([(0, 2)], 3) == -1
    assert _held_from([(0, 2), (2, None)], 2) == 0


def test_a_dash_alone_on_its_line_is_a_list_item_and_opens_a_block():
    assert is_dash_line("  -") and is_dash_line("- x")
    assert opens_block("-") and opens_block("  -")
    assert block_columns("  -") == [Level(-1, 2, False)]
    assert block_columns("- ") == [Level(-1, 0, False)]


def test_only_spaces_indent_a_list_item():
    # YAML indents with spaces only, so a tab or any other character before the dash makes it text, not an item.
    assert not is_dash_line("\t- x")
    assert not is_dash_line("X- ray: 1")


def test_a_comment_after_a_dash_opens_no_column_for_the_items_text():
    assert block_columns("- # a note") == [Level(-1, 0, False)]
    assert block_columns("  - a # note") == [Level(-1, 2, False), Level(-1, 4, True)]


def test_only_a_dash_followed_by_a_space_or_the_line_end_opens_an_item():
    assert block_columns("-x: 1") == [Level(-1, 0, False)]
    assert block_columns("  -x: 1") == [Level(-1, 2, False)]
    assert block_columns("a b: x") == [Level(-1, 0, False)]
    assert block_columns("- a") == [Level(-1, 0, False), Level(-1, 2, True)]


def test_a_comment_holding_a_second_comment_mark_still_follows_a_key_that_opens_a_block():
    assert opens_block("key:  # a note # and another")
    assert not opens_block("key: 1  # a note # with: colon")


def test_the_first_error_is_on_the_line_yaml_stopped_at_not_where_the_value_began():
    assert first_error_line("a: 1\nb: 2\n  c: 3") == 2
    # The scanner's context (the opening quote) is on the first line; the problem, the text's end, is below.
    assert first_error_line('a: "x\n\nb: 1') == 2
    assert first_error_line("a: 1\nb: 2") is None


def test_a_character_yaml_cannot_read_at_all_is_blamed_on_the_first_line():
    assert first_error_line("a: 1\nb: \x01") == 0


def _continued(text: str) -> set[int]:
    return continued_lines(list(tokens_before(text, len(text))))


def test_continued_lines_are_those_after_the_first_line_of_a_value_that_spans_several():
    assert _continued('k: "a\n  b"\nz: 1') == {1}
    assert _continued("k: a\n  b\n  c\nz: 1") == {1, 2}


def test_block_text_ending_at_the_next_lines_start_does_not_continue_onto_that_line():
    assert _continued("k: |\n  a\n  b\nz: 1") == {1, 2}
    assert _continued("k: |\n  a\nz: 1") == {1}


def test_comments_blank_lines_and_continued_text_hold_no_keys_or_items():
    layout = Layout("# note\n  # indented note\n\nk: a\n  b: c\n  plain text", ["# note", "  # indented note", "",
                    "k: a", "  b: c", "  plain text"], 5, {4})
    assert [layout.structural(number) for number in range(6)] == [False, False, False, True, False, True]


def test_below_the_error_only_lines_that_look_like_keys_or_items_hold_them():
    layout = Layout("", ["a: 1", "  plain text", "  more text", "  c: 3", "  - d"], 1, set())
    assert [layout.structural(number) for number in range(5)] == [True, True, False, True, True]


def test_the_columns_open_above_a_line_stop_at_the_first_at_or_left_of_the_stop_column():
    layout = _layout("a:", "  b:", "    c: 1", "      d: 1")
    assert layout.levels_above(3, 2) == [Level(2, 4, False), Level(1, 2, False)]
    assert layout.levels_above(3, 2, inclusive=True) == [Level(3, 6, False), Level(2, 4, False),
                                                          Level(1, 2, False)]


def test_the_columns_open_above_the_first_line_are_none_even_when_a_later_line_is_further_left():
    layout = _layout("  a:", "    b: 1", "c: 1")
    assert layout.levels_above(2, 0) == [Level(1, 4, False), Level(0, 2, False)]
    assert layout.levels_above(0, 0) == []


def test_a_line_moved_to_the_first_column_can_be_the_repair():
    layout = _layout("a: 1", " b: 2")
    assert layout.repaired([(1, 0)], default=-5) == 1
    assert layout.repair_indent == 0


def test_re_indenting_replaces_only_the_lines_leading_spaces():
    # A tab after the spaces stays, and still stops YAML, so re-indenting cannot repair it.
    assert _layout("a: 1", " \tb: 2").repaired([(1, 0)], default=-5) == -5
    # Characters that are not spaces are kept: 'X- b' is a key, '- b' would be an item YAML cannot read here.
    assert _layout("a: 1", " X- b: 1").repaired([(1, 0)], default=-5) == 1


def test_texts_up_to_the_size_limit_are_repaired_and_longer_ones_are_not(monkeypatch):
    layout = _layout("a: 1", " b: 2")
    monkeypatch.setattr(yaml_layout, "MAX_REPAIR_TEXT_CHARS", len(layout.text))
    assert layout.repaired([(1, 0)], default=-5) == 1
    monkeypatch.setattr(yaml_layout, "MAX_REPAIR_TEXT_CHARS", len(layout.text) - 1)
    assert layout.repaired([(1, 0)], default=-5) == -5


def test_when_no_move_reads_to_the_end_the_one_that_reads_furthest_is_chosen():
    # Moving 'b' reads on to the error at 'd'; moving 'd' first would not get past 'b'.
    layout = Layout("", ["a: 1", " b: 2", "c: 3", " d: 4"], 1, set())
    assert layout.repaired([(3, 0), (1, 0)], default=-5) == 1
    assert layout.repaired([(3, 0), (1, 0)], default=-5, needs_full_read=True) == -5


def test_moving_a_key_to_its_childrens_column_or_right_of_it_orphans_them():
    assert _layout("a:", "  b: 1", "c: 1").orphans(0, 2)
    assert not _layout("a:", "  b: 1", "c: 1").orphans(0, 1)
    assert not _layout("a:", "b: 1").orphans(0, 2)
    assert not _layout("a: 1", "b:").orphans(1, 2)
    assert not _layout("a: 1", "b: 2").orphans(0, 2)


@pytest.mark.parametrize(("first_column", "second_column", "odd"), [
    (1, 2, 0), (2, 1, 1), (3, 2, 0), (1, 3, 1), (2, 4, 1),
])
def test_with_nothing_else_to_tell_them_apart_the_line_an_odd_step_in_is_odd(first_column, second_column, odd):
    layout = _layout(" " * first_column + "a: 1", " " * second_column + "b: 2")
    assert layout.odd_one_out(0, first_column, 1, second_column) == odd


def test_the_even_step_is_measured_from_the_column_of_the_blocks_parent():
    # 'sub' opens its block in column 1: 'a' is two steps right of it, 'b' one.
    layout = _layout("top:", " sub:", "   a: 1", "  b: 2")
    assert layout.odd_one_out(2, 3, 3, 2) == 3


def test_only_the_lines_of_the_parents_block_are_counted():
    # Column 2 has more lines in the file ('p', 'q', 'r'), but under 'top' it has only 'a'.
    layout = _layout("x:", "  p: 1", "  q: 2", "  r: 3", "top:", "  a: 1", "   c: 3", "   d: 4", "end: 1")
    assert layout.odd_one_out(5, 2, 6, 3) == 5
    assert layout.odd_one_out(6, 3, 5, 2) == 5


def test_at_the_top_level_the_first_column_is_right_however_many_lines_are_indented():
    layout = _layout("a: 1", "  b: 2", "  c: 3")
    assert layout.odd_one_out(0, 0, 1, 2) == 1
    assert layout.odd_one_out(1, 2, 0, 0) == 1


def test_without_a_parent_or_a_line_in_the_first_column_the_counts_decide():
    layout = _layout("  a: 1", "  b: 2", "   c: 3")
    assert layout.odd_one_out(1, 2, 2, 3) == 2
    assert layout.odd_one_out(2, 3, 1, 2) == 2


def test_the_parent_of_an_items_first_key_is_the_items_dash():
    # Under 'top' as a whole, column 5 is the commoner; within the first item, 'a' and 'b' are one each.
    layout = _layout("top:", "  - a: 1", "     b: 2", "  - c: 3", "     d: 4", "     e: 5")
    assert layout.odd_one_out(1, 4, 2, 5) == 2


def test_the_lines_either_side_agreeing_make_the_middle_one_odd_whichever_is_named_first():
    layout = _layout("top:", "  a: 1", "   b: 2", "  c: 3")
    assert layout.odd_one_out(3, 2, 2, 3) == 2


def test_the_line_above_is_found_past_blank_lines_and_comments():
    layout = _layout("top:", "   x: 1", "   y: 2", "  a: 1", "", "   b: 2", "  c: 3")
    assert layout.odd_one_out(5, 3, 6, 2) == 5


def test_the_line_below_agreeing_with_the_first_makes_the_second_odd():
    # More lines of the block start in column 4 than in 3, but 'c' just below lines up with 'a'.
    layout = _layout("top:", "  a: 1", "   b: 2", "  c: 3", "   x: 1", "   y: 2")
    assert layout.odd_one_out(1, 2, 2, 3) == 2


def test_a_line_below_that_agrees_with_neither_leaves_the_counts_to_decide():
    layout = _layout("  a: 1", "   b: 2", "   x: 1", "   y: 2")
    assert layout.odd_one_out(0, 2, 1, 3) == 0


def test_a_list_may_start_in_the_column_of_the_key_it_belongs_to():
    layout = _layout("top:", "- a", "  - b")
    assert layout.odd_one_out(1, 0, 2, 2) == 2


def test_a_key_one_column_right_of_the_key_above_gives_it_a_block():
    layout = _layout("top:", " a: 1", "  b: 2", " c: 3")
    assert layout.odd_one_out(1, 1, 2, 2) == 2


def test_a_key_that_opens_a_block_does_not_line_up_with_the_line_below_its_block():
    layout = _layout("x:", "    p: 1", "    q: 1", "  top:", "    a: 1", "  b: 2")
    assert layout.odd_one_out(4, 4, 5, 2) == 5


def test_the_text_after_each_dash_of_a_line_holds_the_lines_in_its_column():
    layout = _layout("top:", "  - - a: 1", "    - c: 2")
    assert layout._block_lines_at((2, 4), Level(0, 0, False), 2) == {2: 1, 4: 0}


def test_a_line_closes_the_open_lines_at_or_right_of_its_column():
    holders: list[tuple[int, int | None]] = [(0, None), (2, None), (4, None)]
    assert _held_from(holders, 2) == 0
    assert holders == [(0, None)]
