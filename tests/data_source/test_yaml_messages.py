"""YAML syntax errors in words a trainer can act on: the line at fault, the lines quoted, a caret, the usual fix."""

from __future__ import annotations

import pytest

from generator.data_source.yaml_layout import indent_of
from generator.data_source.yaml_messages import requote, split_lines
from tests.conftest import default_text, line_of, replace_once

INDENT_ADVICE = "the lines of one block must start in the same column"


def _quoted(text: str, line: int, caret_column: int) -> str:
    """Return the quoted lines a message ends with: line - 1 and line (1-based), numbered, then the caret."""
    lines = text.split("\n")
    width = len(str(line))
    return (f"\n    {line - 1:>{width}} | {lines[line - 2]}\n    {line:>{width}} | {lines[line - 1]}\n"
            f"    {'':>{width}} | {' ' * caret_column}^")


def test_a_key_indented_more_than_the_one_above_is_reported_on_its_own_line(problems_of):
    text = replace_once(default_text(), "    count: 23\n", "     count: 23\n")
    line = line_of(text, "     count: 23")
    assert problems_of(text) == [
        f"event.yaml, line {line}: this line starts in column 6, right of line {line - 1} above it (column 5), so "
        f"YAML reads it as more of line {line - 1}'s text; {INDENT_ADVICE}" + _quoted(text, line, 5)]


def test_a_key_under_a_list_item_indented_past_the_item_s_first_key(problems_of):
    text = replace_once(default_text(), "      - heading: Safeguarding Adult Reviews\n        blocks:\n",
                        "      - heading: Safeguarding Adult Reviews\n          blocks:\n")
    line = line_of(text, "          blocks:")
    assert problems_of(text) == [
        f"event.yaml, line {line}: this line starts in column 11, right of line {line - 1} above it (column 9), so "
        f"YAML reads it as more of line {line - 1}'s text; {INDENT_ADVICE}" + _quoted(text, line, 10)]


def test_the_first_key_of_a_block_indented_wrongly_is_named_not_the_line_yaml_stopped_at(problems_of):
    # YAML itself stops at 'adults:', 125 lines further on, where the block it opened ends.
    text = replace_once(default_text(), "  children:\n", "   children:\n")
    line = line_of(text, "   children:")
    assert problems_of(text) == [
        f"event.yaml, line {line}: this line starts in column 4, but line {line_of(text, '  adults:')} below it, in "
        f"the same block, starts in column 3; {INDENT_ADVICE}" + _quoted(text, line, 3)]


def test_a_key_indented_less_than_its_block_is_reported_on_its_own_line(problems_of):
    text = replace_once(default_text(), "    full_name: Safeguarding Adult Reviews\n",
                        "   full_name: Safeguarding Adult Reviews\n")
    line = line_of(text, "   full_name: Safeguarding Adult")
    assert problems_of(text) == [
        f"event.yaml, line {line}: this line starts in column 4, but line {line - 1} above it, in the same block, "
        f"starts in column 5; {INDENT_ADVICE}" + _quoted(text, line, 3)]


def test_a_colon_inside_a_value_says_to_put_the_text_in_quotes(problems_of):
    text = replace_once(default_text(), "  title: Learning from Reviews\n", "  title: Learning: the reviews\n")
    line = line_of(text, "Learning: the reviews")
    assert problems_of(text) == [
        f"event.yaml, line {line}: the text holds a colon followed by a space, which YAML reads as the start of a "
        'key; put the text in quotes: title: "Learning: the reviews"' + _quoted(text, line, 17)]


def test_a_quote_that_ends_before_the_text_does(problems_of):
    text = replace_once(default_text(), "      - Neglect\n", '      - "Was not brought" to appointments\n')
    line = line_of(text, '"Was not brought"')
    assert problems_of(text) == [
        f"event.yaml, line {line}: the value starts with a quote, so it must end at the closing quote, but more "
        """text follows it; put the whole text in quotes: - '"Was not brought" to appointments'"""
        + _quoted(text, line, 26)]


def test_a_quote_that_does_not_close_on_its_line(problems_of):
    text = replace_once(default_text(), "      - Neglect\n", '      - "Was not brought to appointments\n')
    line = line_of(text, '"Was not brought')
    next_quote = line_of(text, '"', occurrence=text[:text.index('"Was not')].count('"') + 2)
    assert problems_of(text) == [
        f'event.yaml, line {line}: the quote (") that starts this value does not close on this line, so YAML '
        f'reads on to the next ", on line {next_quote}; add a closing " at the end of this line\'s text'
        + _quoted(text, line, 8)]


def test_a_quote_never_closed(problems_of):
    text = default_text() + 'cross_over:\n  title: "Cross-over themes\n'
    line = line_of(text, '"Cross-over')
    assert problems_of(text) == [
        f'event.yaml, line {line}: the quote (") that starts this value is never closed; add a closing " at the '
        "end of the text" + _quoted(text, line, 9)]


def test_an_apostrophe_inside_single_quotes(problems_of):
    text = replace_once(default_text(), "  title: Learning from Reviews\n",
                        "  title: 'Learning from today's reviews'\n")
    line = line_of(text, "today's")
    assert problems_of(text)[0] == (
        f"event.yaml, line {line}: the value starts with a quote, so it must end at the closing quote, but more "
        """text follows it; put the whole text in quotes: title: "Learning from today's reviews\"""" + _quoted(
            text, line, 30))


@pytest.mark.parametrize("indent", ["\t", "  \t"])
def test_a_tab_in_the_indent(problems_of, indent):
    text = replace_once(default_text(), "  date: 2022-05-12\n", f"{indent}date: 2022-05-12\n")
    line = line_of(text, "date: 2022")
    lines = text.split("\n")
    assert problems_of(text) == [
        f"event.yaml, line {line}: this line is indented with a tab; YAML indents with spaces only: replace the tab "
        f"with spaces\n    {line - 1} | {lines[line - 2]}\n    {line} | {indent.replace(chr(9), chr(92) + 'x09')}"
        f"date: 2022-05-12\n    {'':>{len(str(line))}} | {' ' * indent.index(chr(9))}^"]


def test_an_unclosed_bracket(problems_of):
    text = replace_once(default_text(), "  title: Learning from Reviews\n", "  title: [Learning from Reviews\n")
    line = line_of(text, "[Learning")
    assert problems_of(text) == [
        f"event.yaml, line {line}: the '[' here starts a list that is not closed with ']'; close it, or if the text "
        "is meant to start with '[', put the whole text in quotes" + _quoted(text, line, 9)]


def test_a_line_of_text_indented_less_than_the_text_above_it(problems_of):
    text = replace_once(default_text(), "    recent years, hosted with the Community Safety Partnerships.\n",
                        "   recent years, hosted with the Community Safety Partnerships.\n")
    line = line_of(text, "   recent years, hosted")
    first = line_of(text, "    Welcome everyone.")
    assert problems_of(text) == [
        f"event.yaml, line {line}: this line of text starts in column 4, but the text above it in column 5 (line "
        f"{first}); indent every line of the text the same" + _quoted(text, line, 3)]


def test_a_backslash_inside_double_quotes(problems_of):
    text = replace_once(default_text(), "  author: Tees Safeguarding Partnerships\n", '  author: "C:\\Users\\tees"\n')
    line = line_of(text, "C:\\Users")
    assert problems_of(text)[0].startswith(
        f"event.yaml, line {line}: inside double quotes a backslash starts a special character (like \\n); write "
        "\\\\ for a backslash, or put the text in single quotes instead\n")


def test_a_key_longer_than_yaml_reads(problems_of):
    text = replace_once(default_text(), "      MBC/RCBC: 10\n", "      " + "M" * 16_000 + ": 10\n")
    line = line_of(text, "MMMM")
    assert problems_of(text) == [
        f"event.yaml, line {line}: this key is 16,000 characters long; YAML reads a key of at most 1,024: "
        f"shorten it\n    {line - 1} |     counts_by_area:\n    {line} |       {'M' * 94}…"
        f"\n    {'':>{len(str(line))}} |       ^"]


def test_a_long_line_is_quoted_around_the_caret():
    from generator.data_source.yaml_messages import quote

    line = "x" * 500 + ": y: z"
    shown = quote(["a:", line], 1, 501)
    assert shown == ("1 | a:", f"2 | …{line[441:541]}…" if len(line) > 541 else f"2 | …{line[441:]}",
                     "  | " + " " * 61 + "^")


def test_requote_picks_quotes_the_text_does_not_hold():
    assert requote("Exploitation: criminal") == '"Exploitation: criminal"'
    assert requote('"Was not brought" to') == """'"Was not brought" to'"""
    assert requote("""it's "here\"""") == """'it''s "here"'"""
    assert requote("C:\\Users") == "'C:\\Users'"  # inside double quotes the backslash would start an escape


def test_lines_are_counted_as_yaml_counts_them():
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]


def test_a_note_at_the_top_that_lost_its_hash(problems_of):
    text = default_text().replace("# Text is kept exactly", "Text is kept exactly", 1)
    line = line_of(text, "Text is kept exactly")
    assert problems_of(text) == [
        f"event.yaml, line {line}: this line is not a key (name: value) or a list item, so YAML reads it and line "
        f"{line_of(text, 'event:')} as one text; start it with '#' if it is a note" + _quoted(text, line, 0)]


@pytest.mark.parametrize("character", ["&", "%", "@", "`"])
def test_a_character_yaml_gives_a_meaning_at_the_start_of_a_value(problems_of, character):
    text = replace_once(default_text(), "  author: Tees Safeguarding Partnerships\n",
                        f"  author: {character} Tees Safeguarding Partnerships\n")
    line = line_of(text, f"{character} Tees")
    assert problems_of(text)[0] == (
        f"event.yaml, line {line}: YAML gives '{character}' a special meaning at the start of a value; if it is part "
        "of the text, put the whole text in quotes, or remove it" + _quoted(text, line, 10))


def test_a_key_one_step_left_of_its_block_is_named_though_yaml_stops_later(problems_of):
    text = replace_once(default_text(), "      ethnicity:\n        White British: 21\n",
                        "    ethnicity:\n        White British: 21\n")
    line = line_of(text, "    ethnicity:\n        White British: 21")
    assert problems_of(text) == [
        f"event.yaml, line {line}: this line starts in column 5, but line {line_of(text, '      age:')} below it, in "
        f"the same block, starts in column 7; {INDENT_ADVICE}" + _quoted(text, line, 4)]


def test_a_list_item_one_step_right_of_its_list_is_named(problems_of):
    first = "      - heading: Children Rapid Reviews and Safeguarding Children Practice Reviews\n        blocks:\n"
    text = replace_once(default_text(), first + '          - text: "From', "  " + first + '          - text: "From')
    line = line_of(text, "        - heading: Children Rapid")
    sibling = line_of(text, "\n      - heading: Children Rapid") + 1
    assert problems_of(text) == [
        f"event.yaml, line {line}: this line starts in column 9, but line {sibling} below it, in the same block, "
        f"starts in column 7; {INDENT_ADVICE}" + _quoted(text, line, 8)]


@pytest.mark.parametrize("typed, message", [
    ("  title:Learning from Reviews\n", "a key needs a space after its colon: title: Learning from Reviews"),
    ("  title Learning from Reviews\n", "a key needs a colon after it: title: Learning from Reviews"),
])
def test_a_key_missing_its_colon_or_the_space_after_it(problems_of, typed, message):
    text = replace_once(default_text(), "  title: Learning from Reviews\n", typed)
    line = line_of(text, typed.rstrip("\n"))
    assert problems_of(text) == [f"event.yaml, line {line}: {message}" + _quoted(text, line, 2)]


def test_a_count_missing_its_colon(problems_of):
    text = replace_once(default_text(), "    count: 23\n", "    count 23\n")
    line = line_of(text, "    count 23")
    assert problems_of(text) == [f"event.yaml, line {line}: a key needs a colon after it: count: 23"
                                 + _quoted(text, line, 4)]


def test_a_list_item_missing_the_space_after_its_dash(problems_of):
    text = replace_once(default_text(), "      - Neglect\n", "      -Neglect\n")
    line = line_of(text, "      -Neglect")
    assert problems_of(text) == [f"event.yaml, line {line}: a list item needs a space after its '-': - Neglect"
                                 + _quoted(text, line, 6)]


def test_a_note_that_looks_like_text_is_not_taken_for_a_key(problems_of):
    text = default_text().replace("# Text is kept exactly", "edit this file then run it", 1)
    line = line_of(text, "edit this file")
    assert problems_of(text)[0].startswith(
        f"event.yaml, line {line}: this line is not a key (name: value) or a list item, so YAML reads it and line")


@pytest.mark.parametrize("typed, message", [
    # A key is known by its YAML key ('from'), not by its field's name in the model (Period.start) ...
    ("period:\n  from 2021-04-01\n  to: 2024-03-31\n", "a key needs a colon after it: from: 2021-04-01"),
    ("period:\n  start 2021-04-01\n  to: 2024-03-31\n", None),
    # ... and a field the loader fills (register_reviews) is no key of a data file.
    ("publish:\n  register_reviews 3\n  deck: true\n", None),
])
def test_a_key_missing_its_colon_is_known_by_the_schemas_keys(problems_of, typed, message):
    text = default_text() + typed
    line = line_of(text, typed.splitlines()[1])
    first = problems_of(text)[0]
    if message is None:
        assert first.startswith(f"event.yaml, line {line}: ") and "a key needs a colon" not in first
    else:
        assert first == f"event.yaml, line {line}: {message}" + _quoted(text, line, 2)


def _message(line: int, text: str, *quoted: str) -> str:
    """Return a problem as the user reads it: the file and line, the words, then the quoted lines."""
    return f"event.yaml, line {line}: {text}" + "".join(f"\n    {row}" for row in quoted)


COLON_ADVICE = ("the text holds a colon followed by a space, which YAML reads as the start of a key; put the text in "
                "quotes: ")


@pytest.mark.parametrize("typed, suggestion", [
    # The text after a list item's dash (and the spaces after it), or after the item's own key, is quoted.
    ("    - heading: Adult: Reviews", '- heading: "Adult: Reviews"'),
    ("    -   heading: Adult: Reviews", '-   heading: "Adult: Reviews"'),
    ("    - - Adult: Reviews: more", '- - "Adult: Reviews: more"'),
    ("    - Adult: Reviews: more", '- "Adult: Reviews: more"'),
    ("    -    Adult: Reviews: more", '-    "Adult: Reviews: more"'),
])
def test_a_colon_inside_a_list_item_quotes_the_text_after_the_dash(problems_of, typed, suggestion):
    text = f"aims:\n  items:\n{typed}\n"
    caret = typed.rindex(": ")
    assert problems_of(text) == [_message(3, COLON_ADVICE + suggestion, "2 |   items:", f"3 | {typed}",
                                          "  | " + " " * caret + "^")]


def test_a_list_item_after_keys_at_the_same_indent(problems_of):
    assert problems_of('event:\n  title: "x"\n  - item\n') == [_message(
        3, "a list item ('- ') cannot follow keys at the same indent; indent the list under the key it belongs to, "
           "or give the item a key", '2 |   title: "x"', "3 |   - item", "  |   ^")]


def test_a_key_after_list_items_at_the_same_indent(problems_of):
    assert problems_of('event:\n  items:\n    - "a"\n    title: "x"\n    more: "y"\n') == [_message(
        4, "a key cannot follow list items ('- ') at the same indent; check the indent of this line and of the list "
           "above it", '3 |     - "a"', '4 |     title: "x"', "  |     ^")]


def test_a_line_out_of_step_with_a_block_that_has_no_other_line_there(problems_of):
    # Moved two columns right the item reads (as more of the date's text), and no line of the block starts there.
    assert problems_of("event:\n  title: x\n  date: 2022-01-01\n  - item\n  author: y\n") == [_message(
        4, f"this line starts in column 3, but its block starts in column 5; {INDENT_ADVICE}",
        "3 |   date: 2022-01-01", "4 |   - item", "  |   ^")]


@pytest.mark.parametrize("typed, indent", [
    ("event:\n  title:\n    Learning from\n  more text\n", "4 spaces"),
    ("event:\n title:\n  Learning from\n more text\n", "2 spaces"),
])
def test_a_line_of_text_read_as_a_key_without_a_colon_says_how_to_indent_it(problems_of, typed, indent):
    lines = typed.splitlines()
    assert problems_of(typed) == [_message(
        4, f"YAML reads this line as a key, but it has no colon; if it is more of the text on line 3, indent it like "
           f"that line ({indent})", f"3 | {lines[2]}", f"4 | {lines[3]}", "  | " + " " * (len(lines[3]) - 9) + "^")]


def test_a_colon_inside_a_value_is_quoted_without_the_spaces_after_it(problems_of):
    text = "event:\n  title: Learning: the reviews   \n"
    assert problems_of(text) == [_message(2, COLON_ADVICE + 'title: "Learning: the reviews"', "1 | event:",
                                          "2 |   title: Learning: the reviews   ", "  | " + " " * 17 + "^")]


def test_a_key_indented_less_than_the_lines_after_it_is_the_one_named(problems_of):
    # YAML reads 'x date' as one text and stops at line 3; line 2 is the one out of line with its block.
    assert problems_of("event:\n title: x\n  date: y\n  author: z\n") == [_message(
        2, f"this line starts in column 2, but the lines after it in the same block start in column 3 (line 3); "
           f"{INDENT_ADVICE}", "1 | event:", "2 |  title: x", "  |  ^")]


def test_a_line_run_on_from_a_list_item_is_measured_from_the_item_s_dash(problems_of):
    assert problems_of("aims:\n  items:\n    - Understand the reviews\n       title: x\n") == [_message(
        4, f"this line starts in column 8, right of line 3 above it (column 5), so YAML reads it as more of line 3's "
           f"text; {INDENT_ADVICE}", "3 |     - Understand the reviews", "4 |        title: x", "  |        ^")]


def test_a_key_left_of_the_keys_of_its_list_item_names_the_item(problems_of):
    assert problems_of("areas:\n  - name: a\n   count: 1\n") == [_message(
        3, f"this line starts in column 4, but line 2 above it, in the same block, starts in column 5 (after its "
           f"'- '); {INDENT_ADVICE}", "2 |   - name: a", "3 |    count: 1", "  |    ^")]


FIRST_LINE_ADVICE = ("YAML takes the first line's indent for the whole text, so indent every line of it the same")


@pytest.mark.parametrize("typed", [
    # The lines after the first agree with each other ...
    "event:\n  title: >-\n      Learning from\n    reviews today\n    and more\n  date: 2022-01-01\n",
    # ... or only the first breaks the file's even indent.
    "event:\n  title: >-\n     Learning from\n    reviews today\n",
])
def test_the_first_line_of_a_text_indented_more_than_the_rest_is_the_one_named(problems_of, typed):
    lines = typed.splitlines()
    first = indent_of(lines[2])
    assert problems_of(typed) == [_message(
        3, f"this line of text starts in column {first + 1}, but the lines after it in column 5; {FIRST_LINE_ADVICE}",
        f"2 | {lines[1]}", f"3 | {lines[2]}", "  | " + " " * first + "^")]


@pytest.mark.parametrize("header", [">-", "|"])
def test_a_second_line_of_a_text_indented_less_is_the_one_named_when_the_first_is_even(problems_of, header):
    assert problems_of(f"event:\n  title: {header}\n    Learning from\n   reviews today\n") == [_message(
        4, "this line of text starts in column 4, but the text above it in column 5 (line 3); indent every line of "
           "the text the same", "3 |     Learning from", "4 |    reviews today", "  |    ^")]


def test_text_after_a_closing_double_quote_ending_in_a_single_quote_is_requoted_whole(problems_of):
    typed = "  title: \"Learning\" from the 'reviews'   "
    assert problems_of(f"event:\n{typed}\n") == [_message(
        2, "the value starts with a quote, so it must end at the closing quote, but more text follows it; put the "
           "whole text in quotes: title: '\"Learning\" from the ''reviews'''", "1 | event:", f"2 | {typed}",
        "  | " + " " * 20 + "^")]


def test_a_first_line_of_plain_text_is_named_as_a_note_that_lost_its_hash(problems_of):
    assert problems_of("Welcome to the file\n# note\nevent:\n  title: x\n") == [_message(
        1, "this line is not a key (name: value) or a comment, so YAML takes it as the whole file; start it with '#' "
           "if it is a note", "1 | Welcome to the file", "  | ^")]


def test_a_value_starting_with_a_star_is_explained_as_a_reference(problems_of):
    assert problems_of("event:\n  title: *x\n") == [_message(
        2, "YAML reads a value starting with '*' as a reference to a block named with '&' above; if it is text, put "
           "it in quotes", "1 | event:", "2 |   title: *x", "  |          ^")]


def test_a_bar_at_the_start_of_a_value_is_explained(problems_of):
    assert problems_of("event:\n  title: |x\n") == [_message(
        2, "YAML gives '|' a special meaning at the start of a value; if it is part of the text, put the whole text in "
           "quotes, or remove it", "1 | event:", "2 |   title: |x", "  |          ^")]


def test_a_tab_after_a_list_item_s_dash(problems_of):
    assert problems_of("event:\n  -\ta\n") == [_message(
        2, "YAML cannot read a tab here; replace it with spaces", "1 | event:", "2 |   -\\x09a", "  |    ^")]


def test_a_long_key_with_its_value_on_the_next_line_is_measured_to_its_colon(problems_of):
    key = "M" * 2000
    assert problems_of(f"event:\n  {key}:\n    x: 1\n") == [_message(
        2, "this key is 2,000 characters long; YAML reads a key of at most 1,024: shorten it", "1 | event:",
        f"2 |   {'M' * 98}…", "  |   ^")]


def test_an_unclosed_brace(problems_of):
    assert problems_of("event:\n  title: {a: b\n") == [_message(
        2, "the '{' here starts a list that is not closed with '}'; close it, or if the text is meant to start with "
           "'{', put the whole text in quotes", "1 | event:", "2 |   title: {a: b", "  |          ^")]


def test_a_single_quote_never_closed(problems_of):
    assert problems_of("event:\n  title: 'abc\n") == [_message(
        2, "the quote (') that starts this value is never closed; add a closing ' at the end of the text",
        "1 | event:", "2 |   title: 'abc", "  |          ^")]


def test_an_unknown_escape_inside_double_quotes(problems_of):
    assert problems_of('event:\n  title: "a\\qb"\n')[0].startswith(
        "event.yaml, line 2: inside double quotes a backslash starts a special character (like \\n); write \\\\ for a "
        "backslash, or put the text in single quotes instead\n")


def test_a_mistake_no_explanation_knows_says_what_yaml_said_and_the_usual_fixes(problems_of):
    assert problems_of("%YAML 1.1\n%YAML 1.1\n---\na: 1\n") == [_message(
        2, "YAML cannot read this (found duplicate %YAML directive); check this line's indent against the lines above "
           "it, and put any text holding ': ' or starting with a quote in quotes", "1 | %YAML 1.1", "2 | %YAML 1.1",
        "  | ^")]


def test_a_line_of_exactly_the_window_is_quoted_whole():
    from generator.data_source.yaml_messages import QUOTED_LINE_WINDOW, quote

    line = "x" * QUOTED_LINE_WINDOW
    assert quote(["a:", line], 1, 80) == ("1 | a:", f"2 | {line}", "  | " + " " * 80 + "^")


def test_a_long_line_before_the_caret_s_is_quoted_from_the_same_column_and_a_window_wide_one_whole():
    from generator.data_source.yaml_messages import quote

    before, here = "y" * 300, "x" * 300
    assert quote([before, here], 1, 200) == (f"1 | …{'y' * 100}…", f"2 | …{'x' * 100}…", "  | " + " " * 61 + "^")
    assert quote(["y" * 100, here], 1, 200) == (f"1 | {'y' * 100}", f"2 | …{'x' * 100}…", "  | " + " " * 61 + "^")


def test_a_line_read_as_a_key_is_compared_with_the_nearest_line_of_text_above_it_past_blank_lines(problems_of):
    assert problems_of("event:\n  title:\n    Learning from\n\n  more text\n") == [_message(
        5, "YAML reads this line as a key, but it has no colon; if it is more of the text on line 3, indent it like "
           "that line (4 spaces)", "4 | ", "5 |   more text", "  |   ^")]


@pytest.mark.parametrize("typed, line, caret", [
    ("event:\n  title: !<x y\n", 2, 9),  # YAML reads '!<' as the start of a tag
    ("%YAML x\n---\nevent: 1\n", 1, 0),  # and '%' at the start of a line as a directive
])
def test_a_tag_or_a_directive_where_text_was_meant_is_explained(problems_of, typed, line, caret):
    lines = typed.splitlines()
    character = lines[line - 1][caret]
    quoted = ([f"{line - 1} | {lines[line - 2]}"] if line > 1 else []) + [f"{line} | {lines[line - 1]}",
                                                                           "  | " + " " * caret + "^"]
    assert problems_of(typed) == [_message(
        line, f"YAML gives '{character}' a special meaning at the start of a value; if it is part of the text, put "
              "the whole text in quotes, or remove it", *quoted)]


def test_two_data_files_joined_into_one_are_told_apart_not_blamed_on_an_indent(problems_of):
    text = default_text() + "---\nevent:\n  title: Another event\n"
    line = line_of(text, "---")
    assert problems_of(text) == [
        f"event.yaml, line {line}: a second YAML document begins here, but a data file holds one; remove this line, "
        "or, if two data files were joined, keep them apart" + _quoted(text, line, 0)]


def test_data_after_an_end_of_document_marker_points_at_the_marker(problems_of):
    text = default_text() + "...\nevent:\n  title: Another event\n"
    line = line_of(text, "\n...\n") + 1
    assert problems_of(text) == [
        f"event.yaml, line {line}: '...' ends the YAML document here, but the data goes on after it; remove this "
        "line" + _quoted(text, line, 0)]


def test_a_line_without_a_colon_under_a_key_and_value_is_told_to_indent_past_the_key(problems_of):
    text = replace_once(default_text(), "  author: Tees Safeguarding Partnerships\n",
                        "  author: Tees Safeguarding Partnerships\n  and the Hartlepool board\n")
    line = line_of(text, "  and the Hartlepool")
    assert problems_of(text) == [
        f"event.yaml, line {line}: YAML reads this line as a key, but it has no colon; if it is more of the value "
        f"on line {line - 1}, indent it further than that line's key (more than 2 spaces)" + _quoted(text, line, 2)]


def test_a_line_without_a_colon_under_a_list_item_s_key_counts_the_dash_into_the_key_s_indent(problems_of):
    text = replace_once(default_text(), "      - Neglect\n", "      - name: Neglect of\n      health needs\n")
    line = line_of(text, "      health needs")
    assert problems_of(text)[0].startswith(
        f"event.yaml, line {line}: YAML reads this line as a key, but it has no colon; if it is more of the value "
        f"on line {line - 1}, indent it further than that line's key (more than 8 spaces)")


def test_a_line_without_a_colon_under_more_text_is_told_to_line_up_with_that_text(problems_of):
    text = replace_once(default_text(), "  author: Tees Safeguarding Partnerships\n",
                        "  author: Tees Safeguarding\n    Partnerships\n  and the Hartlepool board\n")
    line = line_of(text, "  and the Hartlepool")
    assert problems_of(text) == [
        f"event.yaml, line {line}: YAML reads this line as a key, but it has no colon; if it is more of the text "
        f"on line {line - 1}, indent it like that line (4 spaces)" + _quoted(text, line, 2)]


def test_of_a_two_line_block_the_line_an_odd_step_from_its_parent_is_named_even_when_yaml_reads_on(problems_of):
    # 'counts_by_area:' starts in column 5: 'MBC/RCBC' one step right of it breaks the even indent, not 'HBC/SBC'.
    text = replace_once(default_text(), "      MBC/RCBC: 10\n", "     MBC/RCBC: 10\n")
    line = line_of(text, "     MBC/RCBC: 10")
    assert problems_of(text) == [
        f"event.yaml, line {line}: this line starts in column 6, but the lines after it in the same block start in "
        f"column 7 (line {line + 1}); {INDENT_ADVICE}" + _quoted(text, line, 5)]


def test_of_a_two_line_block_the_line_an_odd_step_from_its_parent_is_named_when_it_is_the_second(problems_of):
    text = replace_once(default_text(), "      HBC/SBC: 13\n", "       HBC/SBC: 13\n")
    line = line_of(text, "       HBC/SBC: 13")
    assert problems_of(text) == [
        f"event.yaml, line {line}: this line starts in column 8, right of line {line - 1} above it (column 7), so "
        f"YAML reads it as more of line {line - 1}'s text; {INDENT_ADVICE}" + _quoted(text, line, 7)]
