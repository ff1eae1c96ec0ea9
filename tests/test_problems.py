"""A problem as the user reads it: where (file, line, key), what, the lines quoted; nothing a terminal obeys."""

from __future__ import annotations

import pickle

from generator.problems import (MAX_LISTED, MAX_SHOWN_CHARS, MAX_SHOWN_KEY_PATH_CHARS, QUOTE_INDENT, InputError,
                                Problem, escape_control, listing, shorten)


def test_a_problem_names_its_file_line_and_key_then_says_what():
    assert str(Problem("expected text", file="event.yaml", line=3, key_path="event.title")) == (
        "event.yaml, line 3, event.title: expected text")
    assert str(Problem("no data file given")) == "no data file given"
    assert str(Problem("x", file="a.yaml", line=0)) == "a.yaml: x"  # no line 0


def test_the_quoted_lines_follow_indented():
    problem = Problem("bad", file="a.yaml", line=2, quoted=("1 | a:", "2 | b", "  | ^"))
    assert str(problem) == f"a.yaml, line 2: bad\n{QUOTE_INDENT}1 | a:\n{QUOTE_INDENT}2 | b\n{QUOTE_INDENT}  | ^"


def test_a_long_key_path_keeps_its_start_and_end():
    path = "review_types." + "x" * 300 + ".count"
    shown = str(Problem("m", key_path=path)).split(": ")[0]
    assert len(shown) == MAX_SHOWN_KEY_PATH_CHARS - 1 and shown.startswith("review_types.") and shown.endswith(".count")


def test_terminal_controls_are_escaped_everywhere():
    assert escape_control("a\x1b[31mb\u202ec\x7f") == "a\\x1b[31mb\\u202ec\\x7f"
    assert str(Problem("\x1b[2J", file="\x07.yaml")) == "\\x07.yaml: \\x1b[2J"
    assert escape_control("plain text, ünïcode") == "plain text, ünïcode"


def test_long_text_and_long_lists_are_cut():
    assert shorten("a" * MAX_SHOWN_CHARS) == "a" * MAX_SHOWN_CHARS
    assert shorten("a" * (MAX_SHOWN_CHARS + 1)) == "a" * MAX_SHOWN_CHARS + "…"
    assert listing(str(n) for n in range(MAX_LISTED)) == ", ".join(str(n) for n in range(MAX_LISTED))
    assert listing(str(n) for n in range(MAX_LISTED + 5)).endswith(f"{MAX_LISTED - 1}, …")


def test_an_input_error_carries_every_problem_even_across_processes():
    error = InputError([Problem("one", line=1), Problem("two", line=2)])
    assert str(error) == "line 1: one\nline 2: two"
    assert pickle.loads(pickle.dumps(error)).problems == error.problems
