"""The shape of an unreadable YAML text: block columns, and which of two lines that should line up is odd."""

from __future__ import annotations

from generator.data_source.yaml_layout import (
    Layout, Level, _held_from, block_columns, child_column, indent_of, opens_block,
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
