"""Small-number suppression: what is hidden, how it reads, and that no hidden count can be worked out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.suppression import (
    PRIMARY, SECONDARY, SuppressedCell, SuppressedTable, fewer_than_table, fewer_than_text, suppress,
)


def test_counts_from_1_to_threshold_less_1_are_hidden_and_zero_is_shown():
    table = suppress({"A": 0, "B": 1, "C": 4, "D": 5, "E": 9, "F": 3}, 5, total_shown=False)
    assert table.hidden == ["B", "C", "F"]
    assert table.shown == {"A": 0, "D": 5, "E": 9}
    assert [table.table_text(c) for c in "ABCDEF"] == ["0", "<5", "<5", "5", "9", "<5"]
    assert table.text("B") == "fewer than 5"
    assert table.total_text() == "an undisclosed number"


def test_a_single_hidden_cell_beside_a_shown_total_takes_the_next_smallest_with_it():
    table = suppress({"MBC": 12, "RCBC": 2, "HBC": 7, "SBC": 9}, 5)
    assert [(c.category, c.hidden) for c in table.cells] == [
        ("MBC", ""), ("RCBC", PRIMARY), ("HBC", SECONDARY), ("SBC", "")]
    assert table.table_text("HBC") == "[c]"
    assert table.text("HBC") == "an undisclosed number"
    assert table.total_table_text() == "30"


def test_hiding_goes_on_while_the_bounds_still_give_a_cell_away():
    # With A (1) and B (5) hidden, they make 6: '<5' is at least 1 and '[c]' at least 5, so both would be known.
    table = suppress({"A": 1, "B": 5, "C": 14}, 5)
    assert table.hidden == ["A", "B", "C"]
    assert table.total_shown


def test_the_total_is_hidden_when_only_one_count_is_not_zero():
    table = suppress({"A": 3, "B": 0, "C": 0}, 5)
    assert table.hidden == ["A"]
    assert table.total_shown is False
    assert table.total_table_text() == "<5"
    assert table.total_text() == "fewer than 5"


def test_nothing_is_hidden_in_a_table_of_large_numbers():
    table = suppress({"A": 10, "B": 0, "C": 7}, 5)
    assert table.hidden == [] and table.total_shown


def test_a_threshold_below_3_is_refused_since_fewer_than_2_could_only_mean_1():
    with pytest.raises(ValueError, match="at least 3"):
        suppress({"A": 1}, 2)


def test_display_helpers():
    assert fewer_than_text(10) == "fewer than 10"
    assert fewer_than_table(10) == "<10"
    table = SuppressedTable((SuppressedCell("A", 2, PRIMARY),), 3, 2, False)
    with pytest.raises(KeyError):
        table.cell("B")


def possible_values(table: SuppressedTable) -> dict[str, set[int]]:
    """Return, for each hidden cell, every value a reader could not rule out from what the table shows.

    The reader knows each '<N' cell holds 1 to N-1, each '[c]' cell N or more, every shown count, and the total
    when it is shown. Worked out by brute force over sums, independently of the module's own reasoning.
    """
    n = table.threshold
    hidden = [cell for cell in table.cells if cell.hidden]
    shown_sum = sum(cell.count for cell in table.cells if not cell.hidden)
    if not table.total_shown:
        return {cell.category: set(range(1, n)) if cell.hidden == PRIMARY else set(range(n, 10 * n))
                for cell in hidden}
    remaining = table.total - shown_sum
    ranges = [range(1, n) if cell.hidden == PRIMARY else range(n, remaining + 1) for cell in hidden]
    result = {}
    for i, cell in enumerate(hidden):
        sums = {0}
        for j, values in enumerate(ranges):
            if j != i:
                sums = {s + v for s in sums for v in values if s + v <= remaining}
        result[cell.category] = {v for v in ranges[i] if remaining - v in sums}
    return result


counts_tables = st.dictionaries(st.sampled_from("ABCDEFG"), st.integers(min_value=0, max_value=14), min_size=1,
                                max_size=6)


@settings(max_examples=300, deadline=None)
@given(counts=counts_tables, threshold=st.integers(min_value=3, max_value=6))
def test_no_hidden_count_can_be_worked_out_from_what_is_shown(counts, threshold):
    table = suppress(counts, threshold)
    assert {c.category for c in table.cells if 0 < c.count < threshold} <= set(table.hidden)
    if table.total_shown:
        assert len(table.hidden) != 1, "one hidden cell is the total less the shown ones"
        shown_sum = sum(table.shown.values())
        assert table.total - shown_sum == sum(counts[c] for c in table.hidden)
    for category, values in possible_values(table).items():
        assert counts[category] in values
        assert len(values) >= 2, f"{category} can only be {values}"
    if not table.total_shown:
        assert table.hidden, "a total is hidden only to protect a hidden cell"
