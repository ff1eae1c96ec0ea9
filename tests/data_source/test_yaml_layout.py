"""The shape of an unreadable YAML text: block columns, and which of two lines that should line up is odd."""

from __future__ import annotations

from generator.data_source.yaml_layout import Layout, Level, block_columns, indent_of, opens_block


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
