"""Checks across the data: names quoted in messages are shortened, so a huge name cannot bury the message."""

from __future__ import annotations

from generator.problems import MAX_LISTED, MAX_SHOWN_CHARS, MAX_SHOWN_KEY_PATH_CHARS
from tests.conftest import default_text, line_of, replace_once


def test_a_long_unknown_area_is_shortened_in_the_message(problems_of):
    name = "M" * 1000
    text = replace_once(default_text(), "      MBC/RCBC: 10\n", f"      \"{name}\": 10\n")
    key_path = f"review_types.children.counts_by_area.{name}"
    keep = (MAX_SHOWN_KEY_PATH_CHARS - 1) // 2
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'MMM')}, {key_path[:keep]}…{key_path[-keep:]}: "
        f"'{'M' * MAX_SHOWN_CHARS}…' is not an area or grouping (expected one of: MBC, RCBC, HBC, SBC, MBC/RCBC, "
        "HBC/SBC)"]


def test_a_long_list_of_areas_is_cut_short(problems_of):
    areas = "".join(f"  A{i}: Area {i}\n" for i in range(MAX_LISTED + 10))
    text = replace_once(default_text(), "  SBC: Stockton-on-Tees Borough Council\n",
                        "  SBC: Stockton-on-Tees Borough Council\n" + areas)
    text = replace_once(text, "  MBC/RCBC: [MBC, RCBC]\n", "  MBC/RCBC: [MBC, RCBX]\n")
    shown = ", ".join(["MBC", "RCBC", "HBC", "SBC"] + [f"A{i}" for i in range(MAX_LISTED - 4)])
    problems = problems_of(text)
    assert problems[0] == (f"event.yaml, line {line_of(text, 'RCBX')}, groupings.MBC/RCBC[1]: 'RCBX' is not one of "
                           f"the areas ({shown}, …)")


def test_a_theme_listed_twice_is_an_error(problems_of):
    text = replace_once(default_text(), "      - Neglect\n", "      - Neglect\n      - neglect \n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, '- neglect')}, review_types.children.themes[7]: 'neglect' is listed twice "
        "(first as themes[6]); list each theme once"]
