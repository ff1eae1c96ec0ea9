"""What the commands print: counts, lists and the summary lines of a build and of a rebuild."""

from __future__ import annotations

from pathlib import Path

from generator.cli.messages import MAX_REPORTED, built, counted, joined, outputs_changed, print_problems, problem_count
from generator.problems import Problem


def test_lists_and_counts_read_as_english():
    assert joined(["a"]) == "a" and joined(["a", "b"]) == "a and b" and joined(["a", "b", "c"]) == "a, b and c"
    assert counted(1, "deck", "decks") == "1 deck" and counted(0, "deck", "decks") == "0 decks"


def test_the_problem_count_counts_errors_not_warnings():
    found = [Problem("x"), Problem("y", severity="warning"), Problem("z")]
    assert problem_count(found) == "2 problems found"


def test_a_build_summary_counts_each_kind_in_order_and_names_each_folder_once():
    files = [("wrote", Path("out/decks/a.pptx"), ""), ("unchanged", Path("out/briefings/a.docx"), ""),
             ("wrote", Path("out/briefings/b.docx"), ""), ("wrote", Path("out/briefings/a.xyz"), "")]
    assert built(files) == ("Built 1 deck, 2 briefings and 1 file into out/decks/ and out/briefings/ "
                            "(3 written, 1 unchanged)")


def test_a_rebuild_says_what_changed_deck_first_then_written_before_unchanged():
    files = [("unchanged", Path("b/x.docx"), ""), ("wrote", Path("b/y.docx"), ""), ("wrote", Path("d/x.pptx"), ""),
             ("unchanged", Path("b/z.docx"), ""), ("wrote", Path("b/x.html"), "")]
    assert outputs_changed(files) == "deck written, briefing written, 2 briefings unchanged, web page written"


def test_problems_past_the_limit_are_counted_not_printed(capsys):
    print_problems([Problem(f"p{n}") for n in range(MAX_REPORTED + 3)])
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == MAX_REPORTED + 1 and lines[-1] == "... and 3 more"
