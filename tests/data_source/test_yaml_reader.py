"""Reading a data file as untrusted input: only ordinary files, size checked first, forbidden characters located."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.cli import main
from generator.loading import load_event
from generator.data_source.yaml_reader import MAX_CHARACTER_PROBLEMS, MAX_FILE_BYTES
from generator.problems import InputError
from tests.conftest import default_text, line_of, replace_once

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no FIFOs")


def _problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as raised:
        load_event(path)
    return [str(problem) for problem in raised.value.problems]


@needs_fifo
def test_a_fifo_is_refused_without_waiting_for_a_writer(folder):
    os.mkfifo(folder / "event.yaml")
    assert _problems(Path("event.yaml")) == [
        "event.yaml: this is a pipe (FIFO), not a file; a data file must be an ordinary file"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="this system has no /dev/zero")
def test_a_device_is_refused_before_a_byte_is_read():
    assert _problems(Path("/dev/zero")) == [
        "/dev/zero: this is a device, not a file; a data file must be an ordinary file"]


def test_a_folder_is_refused(folder):
    (folder / "event.yaml").mkdir()
    assert _problems(Path("event.yaml")) == [
        "event.yaml: this is a folder, not a file; a data file must be an ordinary file"]


def test_a_file_too_large_is_refused_from_its_size(folder):
    with open(folder / "event.yaml", "wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: the size says it all, nothing need be written or read
    assert _problems(Path("event.yaml")) == [
        f"event.yaml: the file is {MAX_FILE_BYTES + 1:,} bytes; a data file may be at most {MAX_FILE_BYTES:,} bytes"]


def test_a_missing_file(folder):
    assert _problems(Path("event.yaml")) == ["event.yaml: file not found"]


def test_a_nul_byte_is_reported_with_its_line_and_column(problems_of):
    text = replace_once(default_text(), "  author: Tees Safeguarding Partnerships\n", "  author: Tees\x00\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'Tees' + chr(0))}: column 15 holds the control character U+0000, which a "
        "data file cannot contain; remove it"]


def test_each_line_holding_control_characters_is_reported_up_to_a_limit(problems_of):
    text = "event:\n" + "".join(f"  k{i}: \x07\x1b[2J\n" for i in range(MAX_CHARACTER_PROBLEMS + 5))
    found = problems_of(text)
    assert len(found) == MAX_CHARACTER_PROBLEMS
    assert found[0] == ("event.yaml, line 2: column 7 holds the control character U+0007, which a data file cannot "
                        "contain; remove it")


@pytest.mark.parametrize("character, name", [("\u2028", "LINE SEPARATOR"), ("\u2029", "PARAGRAPH SEPARATOR"),
                                             ("\x85", "NEXT LINE")])
def test_line_breaks_editors_do_not_show_are_refused_on_their_own_line(problems_of, character, name):
    # YAML counts these as line breaks and editors do not: accepted, every later line number would be off by one.
    text = replace_once(default_text(), "  author: Tees Safeguarding Partnerships\n",
                        f"  author: Tees{character}Safeguarding Partnerships\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'Tees' + character)}: column 15 holds the {name} character "
        f"(U+{ord(character):04X}), which YAML reads as a line break and editors do not show; replace it with a "
        "space or an ordinary line break"]


def test_line_numbers_after_old_mac_line_ends_count_as_yaml_counts(problems_of):
    text = "event:\r  title: x\r  date: 2022-05-12\r  venu: Middlesbrough\r"
    assert problems_of(text)[0].startswith("event.yaml, line 4, event.venu: unknown key 'venu'")


def test_a_file_that_is_not_utf8_names_the_line(problems_of):
    text = "event:\n  title: x\n  venue: café\n"
    assert problems_of(text.encode("latin-1")) == [
        "event.yaml, line 3: the file is not UTF-8 text (byte 0xE9 cannot be read); save it as UTF-8 in your editor"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="this system has no /dev/zero")
def test_build_of_dev_zero_returns_at_once_with_exit_2(folder, capsys):
    assert main(["build", "/dev/zero", "--out", "never-written"]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        "error: /dev/zero: this is a device, not a file; a data file must be an ordinary file")
    assert not Path("never-written").exists()


@needs_fifo
def test_validate_of_a_fifo_returns_at_once_with_exit_2(folder, capsys):
    os.mkfifo(folder / "event.yaml")
    assert main(["validate", "event.yaml"]) == 2
    assert capsys.readouterr().err == ("error: event.yaml: this is a pipe (FIFO), not a file; a data file must be an "
                                       "ordinary file\n1 problem found; no output was written or changed.\n")


def test_a_file_of_too_many_values_without_aliases_says_so(problems_of):
    from generator.data_source.yaml_reader import MAX_EXPANDED_VALUES

    keys = MAX_EXPANDED_VALUES // 2 + 1
    text = "areas:\n" + "".join(f"  A{i}: x\n" for i in range(keys))
    # The root, 'areas' and its mapping are three values; each area two: the 50,001st is the key of line 25,000.
    assert problems_of(text) == [
        f"event.yaml, line {(MAX_EXPANDED_VALUES - 3) // 2 + 2}: the data holds more than the "
        f"{MAX_EXPANDED_VALUES:,} values a data file may hold; this is the first value past that"]


def test_a_huge_unclosed_list_is_refused_at_the_limit_in_little_memory():
    """A 1.8 MB file of 600,000 values in an unclosed list: refused once 50,000 are read (it took 22 s and 538 MB
    when the limit was applied after the whole file was read, and its syntax error explained). Memory, not time,
    shows it stopped early: a timed assertion fails on a loaded machine (speed lives in benchmarks/)."""
    import tracemalloc

    from generator.data_source.yaml_reader import MAX_EXPANDED_VALUES, compose
    from generator.problems import InputError

    text = "event:\n  title: [" + ", ".join(["a"] * 600_000) + "\n"
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as refused:
            compose(text, "event.yaml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [str(problem) for problem in refused.value.problems] == [
        f"event.yaml, line 2: the data holds more than the {MAX_EXPANDED_VALUES:,} values a data file may hold; "
        "this is the first value past that"]
    assert peak < 100 * 1024 * 1024, peak


def test_a_file_name_holding_terminal_controls_is_shown_escaped(folder):
    name = "\x1b[2Jevent.yaml"
    (folder / name).write_text("event: [\n")
    problems = _problems(Path(name))
    assert problems[0].startswith("\\x1b[2Jevent.yaml, line 2: ")
    assert "\x1b" not in "".join(problems)


def test_an_alias_inside_the_block_it_names_is_refused_at_the_block_s_line(problems_of):
    text = default_text().replace("event:\n", "event: &event\n", 1).replace(
        "  author: Tees Safeguarding Partnerships\n", "  author: Tees\n  notes: [*event]\n", 1)
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'event: &event')}: a YAML alias (*name) refers to the block that contains it"]


def test_an_expansion_past_the_limit_points_at_the_first_block_repeated(problems_of):
    repeated = "".join(f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 9))
    text = "# a comment first, so that the block is not on line 1\nlol0: &l0 [a, a, a, a, a, a, a, a, a, a]\n" + repeated
    assert problems_of(text + default_text()) == [
        "event.yaml, line 2: the data expands to 1,234,568,542 values through YAML aliases (*name), more than the "
        "50,000 allowed; the block repeated is defined here"]


def _nested(mappings: int) -> str:
    """Return ``mappings`` mappings each inside the last, one key a line, the innermost holding a value."""
    return "".join("  " * depth + f"k{depth}:\n" for depth in range(mappings - 1)) + "  " * (mappings - 1) + "k: v\n"


def test_data_nested_exactly_to_the_limit_is_read_and_one_level_more_is_refused_at_its_line():
    from generator.data_source.yaml_reader import MAX_NESTING, compose
    from generator.problems import InputError

    compose(_nested(MAX_NESTING - 1), "event.yaml")  # and a value: MAX_NESTING values deep
    with pytest.raises(InputError) as refused:
        compose(_nested(MAX_NESTING), "event.yaml")
    assert [str(problem) for problem in refused.value.problems] == [
        f"event.yaml, line {MAX_NESTING}: the data is nested more than {MAX_NESTING} levels deep"]


@pytest.mark.parametrize("text", ["", "  \n\n", "# only a comment\n  # and another, indented\n", "\ufeff\n",
                                  "# a comment, then a blank line\n\n"])
def test_a_file_with_no_data_is_empty_whatever_blank_lines_comments_or_byte_order_mark_it_holds(text):
    from generator.data_source.yaml_reader import compose
    from generator.problems import InputError

    with pytest.raises(InputError) as refused:
        compose(text, "event.yaml")
    assert [str(problem) for problem in refused.value.problems] == [
        "event.yaml, line 1: the file is empty; expected the event's data (event:, review_types:, ...)"]


def test_a_comment_after_data_is_not_an_empty_file():
    from generator.data_source.yaml_reader import compose

    assert compose("# a note\nevent: {title: x}  # and another\n", "event.yaml").value[0][0].value == "event"
