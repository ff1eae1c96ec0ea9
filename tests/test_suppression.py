"""Small-number suppression: what is hidden, how it reads, and that no hidden count can be worked out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.audit import Relation
from generator.suppression import (
    PRIMARY, SECONDARY, SuppressedCell, SuppressedTable, cell_name, fewer_than_table, fewer_than_text, hide, suppress,
)


def test_counts_from_1_to_threshold_less_1_are_hidden_and_zero_is_shown():
    table = suppress({"A": 0, "B": 1, "C": 4, "D": 5, "E": 9, "F": 3}, 5)
    assert [(c.category, c.hidden) for c in table.cells if c.hidden == PRIMARY] == [
        ("B", PRIMARY), ("C", PRIMARY), ("F", PRIMARY)]
    assert [table.table_text(c) for c in "ABC"] == ["0", "<5", "<5"]
    assert table.text("B") == "fewer than 5"


def test_a_single_hidden_cell_beside_a_shown_total_takes_the_next_smallest_with_it():
    table = suppress({"MBC": 12, "RCBC": 2, "HBC": 7, "SBC": 9}, 5)
    assert [(c.category, c.hidden) for c in table.cells] == [
        ("MBC", ""), ("RCBC", PRIMARY), ("HBC", SECONDARY), ("SBC", "")]
    assert table.table_text("HBC") == "[c]"
    assert table.text("HBC") == "an undisclosed number"


def test_hiding_goes_on_while_the_bounds_still_give_a_cell_away():
    # With A (1) and B (5) hidden, they make 6: '<5' is at least 1 and '[c]' at least 5, so both would be known.
    table = suppress({"A": 1, "B": 5, "C": 14}, 5)
    assert table.hidden == ["A", "B", "C"]


def test_a_table_whose_one_count_is_hidden_and_every_other_zero_is_withheld_whole():
    tables = {"t": {"A": 3, "B": 0, "C": 0}}
    relation = Relation("total", tuple(cell_name("t", c) for c in "ABC"))
    hiding = hide(tables, {"total": (3, True)}, [relation], 5)
    assert hiding.withheld == {"t"}


def test_a_sibling_table_of_the_same_people_gives_up_a_count_when_its_own_table_has_none_left():
    # Gender: Male 5, Female 1 of 6 perpetrators; Ethnicity shows all 6 as one group, so their total is known.
    tables = {"Gender": {"Male": 5, "Female": 1}, "Ethnicity": {"White: Irish": 6, "Other": 0},
              "Age": {"18-39": 6}}
    relations = [Relation("people", tuple(cell_name(t, c) for c in counts)) for t, counts in tables.items()]
    hiding = hide(tables, {"people": (6, False)}, relations, 5)
    # Male [c] beside Female <5 is not enough while Ethnicity and Age each show all 6: their counts go too.
    assert hiding.hidden == {("Gender", "Female"): PRIMARY, ("Gender", "Male"): SECONDARY,
                             ("Age", "18-39"): SECONDARY, ("Ethnicity", "White: Irish"): SECONDARY}
    assert not hiding.withheld


def test_nothing_is_hidden_in_a_table_of_large_numbers():
    table = suppress({"A": 10, "B": 0, "C": 7}, 5)
    assert table.hidden == []


def test_a_threshold_below_3_is_refused_since_fewer_than_2_could_only_mean_1():
    with pytest.raises(ValueError, match="at least 3"):
        suppress({"A": 1}, 2)


def test_display_helpers():
    assert fewer_than_text(10) == "fewer than 10"
    assert fewer_than_table(10) == "<10"
    table = SuppressedTable((SuppressedCell("A", 2, PRIMARY),), 3)
    with pytest.raises(KeyError):
        table.cell("B")


def possible_values(table: SuppressedTable, total: int) -> dict[str, set[int]]:
    """Return, for each hidden cell, every value a reader could not rule out from what the table shows.

    The reader knows each '<N' cell holds 1 to N-1, each '[c]' cell N or more, every shown count, and the total.
    Worked out by brute force over sums, independently of the module's own reasoning.
    """
    n = table.threshold
    hidden = [cell for cell in table.cells if cell.hidden]
    remaining = total - sum(cell.count for cell in table.cells if not cell.hidden)
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
    relation = Relation("total", tuple(cell_name("t", c) for c in counts))
    hiding = hide({"t": counts}, {"total": (sum(counts.values()), True)}, [relation], threshold)
    if "t" in hiding.withheld:
        assert sum(1 for count in counts.values() if count) <= 1 or any(0 < c < threshold for c in counts.values())
        return
    table = hiding.table("t", counts.items())
    assert {c.category for c in table.cells if 0 < c.count < threshold} <= set(table.hidden)
    assert len(table.hidden) != 1, "one hidden cell is the total less the shown ones"
    for category, values in possible_values(table, sum(counts.values())).items():
        assert counts[category] in values
        assert len(values) >= 2, f"{category} can only be {values}"
