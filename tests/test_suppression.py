"""Small-number suppression: what is hidden, how it reads, and that no hidden count can be worked out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.audit import Quantity, Relation
from generator.suppression import (
    PRIMARY, SECONDARY, Hiding, SuppressedCell, SuppressedTable, cell_name, fewer_than_table, fewer_than_text, hide,
    reader_knowledge, suppress, suppress_or_withhold,
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
    with pytest.raises(KeyError) as missing:
        table.cell("B")
    assert missing.value.args == ("B",)


def test_a_shown_cell_reads_as_its_count_in_text_and_in_a_table():
    table = suppress({"A": 7, "B": 0, "C": 12}, 5)
    assert [table.text(c) for c in "ABC"] == ["7", "0", "12"]
    assert [table.table_text(c) for c in "ABC"] == ["7", "0", "12"]


def test_negative_counts_are_refused():
    with pytest.raises(ValueError) as refused:
        suppress({"A": 4, "B": -1}, 5)
    assert str(refused.value) == "counts must be 0 or more"


def test_suppress_or_withhold_hides_as_suppress_does_when_a_choice_of_cells_keeps_the_small_counts_hidden():
    counts = {"MBC": 12, "RCBC": 2, "HBC": 7, "SBC": 9}
    assert suppress_or_withhold(counts, 5) == suppress(counts, 5)
    assert suppress_or_withhold(counts, 5) == SuppressedTable((
        SuppressedCell("MBC", 12), SuppressedCell("RCBC", 2, PRIMARY), SuppressedCell("HBC", 7, SECONDARY),
        SuppressedCell("SBC", 9)), 5)


@pytest.mark.parametrize("counts", [{"A": 3, "B": 0, "C": 0}, {"A": 1, "B": 1}])
def test_suppress_or_withhold_withholds_a_small_count_beside_zeros_or_small_counts_alone(counts):
    assert suppress_or_withhold(counts, 5) is None


def test_a_reader_knows_shown_counts_exactly_hidden_ones_by_their_bounds_and_withheld_ones_only_as_0_or_more():
    tables = {"shown": {"A": 7, "B": 2, "C": 9}, "gone": {"X": 3, "Y": 6}}
    hiding = Hiding(5, {("shown", "B"): PRIMARY, ("shown", "C"): SECONDARY, ("gone", "X"): PRIMARY},
                    frozenset({"gone"}))
    assert reader_knowledge(tables, {"printed": (18, True), "unprinted": (9, False)}, hiding) == [
        Quantity("shown: A", 7, 7, 7), Quantity("shown: B", 2, 1, 4), Quantity("shown: C", 9, 5, None),
        Quantity("gone: X", 3, 1, 4), Quantity("gone: Y", 6, 0, None),
        Quantity("printed", 18, 18, 18), Quantity("unprinted", 9, 0, None)]


def test_only_tables_of_the_same_people_give_up_counts_for_each_other():
    # As in the sibling test above, with a table of other people (reviews by place) whose smallest count, 5, is
    # below every count of the same people's tables: it must stay shown.
    tables = {"Gender": {"Male": 5, "Female": 1}, "Ethnicity": {"White: Irish": 6, "Other": 0},
              "Age": {"18-39": 6}, "Places": {"A": 5, "B": 9}}
    relations = [Relation("people", tuple(cell_name(t, c) for c in tables[t])) for t in ("Gender", "Ethnicity", "Age")]
    relations.append(Relation("reviews", (cell_name("Places", "A"), cell_name("Places", "B"))))
    hiding = hide(tables, {"people": (6, False), "reviews": (14, True)}, relations, 5)
    assert hiding.hidden == {("Gender", "Female"): PRIMARY, ("Gender", "Male"): SECONDARY,
                             ("Age", "18-39"): SECONDARY, ("Ethnicity", "White: Irish"): SECONDARY}
    assert not hiding.withheld


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
