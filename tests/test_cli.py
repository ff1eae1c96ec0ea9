"""The command line: exit statuses, exact messages, and nothing written on bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import DEFAULT_DATA, ROOT, default_text, line_of, replace_once

SUMMARY_ONE = "1 problem found; no output was written or changed.\n"


def _write(tmp_path, text, name="event.yaml", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def _bad(run_cli, tmp_path, text, *extra):
    path = _write(tmp_path, text)
    status, out, err = run_cli(["build", path.name, "--out", "out", *extra], tmp_path)
    assert not (tmp_path / "out").exists(), "a failed build must not create outputs"
    return status, out, err


def test_default_build_writes_deck_and_three_briefings(run_cli, tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tees-2022.yaml").write_text(default_text(), encoding="utf-8")
    status, out, err = run_cli([], tmp_path)
    assert status == 0, err
    assert sorted(p.name for p in (tmp_path / "decks").iterdir()) == ["learning-from-reviews-2022-05-12.pptx"]
    assert sorted(p.name for p in (tmp_path / "briefings").iterdir()) == [
        "learning-from-reviews-2022-05-12-cspr.docx", "learning-from-reviews-2022-05-12-dhr.docx",
        "learning-from-reviews-2022-05-12-sar.docx"]
    assert out.splitlines()[0].startswith("wrote decks/learning-from-reviews-2022-05-12.pptx (")
    assert err == ""


def test_rebuild_reports_unchanged_files(run_cli, tmp_path):
    args = ["build", DEFAULT_DATA, "--out", tmp_path]
    run_cli(args, tmp_path)
    status, out, _ = run_cli(args, tmp_path)
    assert status == 0
    assert all(line.startswith("unchanged ") for line in out.splitlines())


def test_no_default_data_here_is_a_clear_error(run_cli, tmp_path):
    status, _, err = run_cli([], tmp_path)
    assert status == 2
    assert err.startswith("error: no data file given, and data/tees-2022.yaml is not in this folder")


def test_syntax_error(run_cli, tmp_path):
    text = replace_once(default_text(), "  title: Learning from Reviews\n", "  title: [Learning from Reviews\n")
    status, _, err = _bad(run_cli, tmp_path, text)
    assert status == 2
    line = line_of(text, "  date:")
    assert err == f"error: event.yaml, line {line}: YAML syntax error: did not find expected ',' or ']'\n" + SUMMARY_ONE


def test_unknown_key_suggests_the_right_one(run_cli, tmp_path):
    text = replace_once(default_text(), "  venue: ", "  venu: ") if "  venue: " in default_text() else \
        replace_once(default_text(), "  language: en-GB\n", "  language: en-GB\n  venu: Middlesbrough\n")
    status, _, err = _bad(run_cli, tmp_path, text)
    assert status == 2
    line = line_of(text, "  venu:")
    assert err.startswith(f"error: event.yaml, line {line}, event.venu: unknown key 'venu'; did you mean 'venue'? "
                          "expected one of: title, date, partnership")


def test_duplicate_key_is_an_error_not_last_one_wins(run_cli, tmp_path):
    text = replace_once(default_text(), "    count: 7\n", "    count: 7\n    count: 8\n")
    status, _, err = _bad(run_cli, tmp_path, text)
    first, second = line_of(text, "    count: 7"), line_of(text, "    count: 8")
    assert status == 2
    assert err == (f"error: event.yaml, line {second}, review_types.adults.count: the key 'count' appears twice "
                   f"(first at line {first}); keep only one\n" + SUMMARY_ONE)


def test_wrong_type(run_cli, tmp_path):
    text = replace_once(default_text(), "  title: Learning from Reviews\n", "  title: [a, b]\n")
    status, _, err = _bad(run_cli, tmp_path, text)
    assert status == 2
    assert err == f"error: event.yaml, line {line_of(text, '  title: [a')}, event.title: expected text, got a list\n" \
        + SUMMARY_ONE


@pytest.mark.parametrize("value, message", [
    ("-7", "expected a count of 0 or more, got -7"),
    ("7.5", "expected a whole number (a count), got '7.5'"),
    ("seven", "expected a whole number (a count), got 'seven'"),
])
def test_counts_must_be_whole_and_not_negative(run_cli, tmp_path, value, message):
    text = replace_once(default_text(), "    count: 7\n", f"    count: {value}\n")
    status, _, err = _bad(run_cli, tmp_path, text)
    assert status == 2
    assert err == f"error: event.yaml, line {line_of(text, f'count: {value}')}, review_types.adults.count: " \
                  f"{message}\n" + SUMMARY_ONE


def test_missing_required_field(run_cli, tmp_path):
    text = replace_once(default_text(), "  title: Learning from Reviews\n", "")
    status, _, err = _bad(run_cli, tmp_path, text)
    assert status == 2
    assert err == f"error: event.yaml, line {line_of(text, '  date:')}, event: missing required key 'title'\n" \
        + SUMMARY_ONE


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file(run_cli, tmp_path, text):
    status, _, err = _bad(run_cli, tmp_path, text)
    assert status == 2
    assert err == "error: event.yaml, line 1: the file is empty; expected the event's data (event:, " \
                  "review_types:, ...)\n" + SUMMARY_ONE


def test_file_that_is_not_utf8(run_cli, tmp_path):
    text = default_text().replace("Welcome everyone", "Welcome to the café")
    status, _, err = _bad(run_cli, tmp_path, text.encode("latin-1", errors="replace"))
    assert status == 2
    assert err == f"error: event.yaml, line {line_of(text, 'café')}: the file is not UTF-8 text (byte 0xE9 cannot " \
                  "be read); save it as UTF-8 in your editor\n" + SUMMARY_ONE


def test_deep_nesting_is_refused_without_a_traceback(run_cli, tmp_path):
    text = "event:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(500))
    status, _, err = _bad(run_cli, tmp_path, text)
    assert status == 2
    assert err == "error: event.yaml, line 40: the data is nested more than 40 levels deep\n" + SUMMARY_ONE


def test_alias_bomb_is_bounded_by_expanded_size(run_cli, tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for name, previous in zip("bcdefg", "abcdef"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    text = "\n".join(lines) + "\naims: *g\n"
    status, _, err = _bad(run_cli, tmp_path, text)
    assert status == 2
    assert err.startswith("error: event.yaml, line 1: the data expands to ")
    assert "more than the 50,000 allowed" in err


def test_alias_loop_is_refused(run_cli, tmp_path):
    status, _, err = _bad(run_cli, tmp_path, "a: &a [x, *a]\n")
    assert status == 2
    assert err == "error: event.yaml, line 1: a YAML alias (*name) refers to the block that contains it\n" + SUMMARY_ONE


def test_yaml_1_1_surprises_keep_the_text_typed(run_cli, tmp_path):
    text = replace_once(default_text(), "    abbreviation: SAR\n", "    abbreviation: NO\n")
    text = replace_once(text, "  author: Tees Safeguarding Partnerships\n", "  author: 012345\n")
    path = _write(tmp_path, text)
    from generator.data_source import load_event

    event = load_event(path).event
    assert event.review_types["adults"].abbreviation == "NO"
    assert event.event.author == "012345"
    status, out, _ = run_cli(["build", path.name, "--out", "out"], tmp_path)
    assert status == 0
    assert "learning-from-reviews-2022-05-12-no.docx" in out


def test_every_problem_is_reported_at_once_in_file_order(run_cli, tmp_path):
    text = replace_once(default_text(), "    count: 7\n", "    count: -7\n")
    text = replace_once(text, "  title: Learning from Reviews\n", "")
    text = replace_once(text, "url: https://www.legislation.gov.uk/ukpga/2014/23/section/44",
                        "url: javascript:alert(1)")
    status, _, err = _bad(run_cli, tmp_path, text)
    assert status == 2
    lines = err.splitlines()
    assert lines[0] == f"error: event.yaml, line {line_of(text, '  date:')}, event: missing required key 'title'"
    assert lines[1] == f"error: event.yaml, line {line_of(text, 'count: -7')}, review_types.adults.count: " \
                       "expected a count of 0 or more, got -7"
    assert lines[-1] == "2 problems found; no output was written or changed."


def test_links_must_be_web_or_mail(run_cli, tmp_path):
    text = replace_once(default_text(), "url: https://www.legislation.gov.uk/ukpga/2014/23/section/44",
                        "url: javascript:alert(1)")
    status, _, err = _bad(run_cli, tmp_path, text)
    assert status == 2
    assert err == (f"error: event.yaml, line {line_of(text, 'javascript:')}, "
                   "review_types.adults.briefing.sections[6].links[0].url: links must start with https://, http:// "
                   "or mailto:, got 'javascript:alert(1)'\n" + SUMMARY_ONE)


def test_control_characters_are_reported_not_written(run_cli, tmp_path):
    text = replace_once(default_text(), "  author: Tees Safeguarding Partnerships\n", '  author: "Tees\\x01"\n')
    status, _, err = _bad(run_cli, tmp_path, text)
    assert status == 2
    assert err == (f"error: event.yaml, line {line_of(text, 'Tees' + chr(92) + 'x01')}, event.author: the text holds "
                   "the control character U+0001, which documents cannot contain; remove it\n" + SUMMARY_ONE)


def test_numbers_that_do_not_add_up_warn_and_fail_under_strict(run_cli, tmp_path):
    text = replace_once(default_text(), "      MBC: 5\n", "      MBC: 4\n")
    path = _write(tmp_path, text)
    line = line_of(text, "      MBC: 4") - 1
    message = (f"event.yaml, line {line}, review_types.adults.counts_by_area: the area counts add up to 6 but "
               "there are 7 reviews")
    status, _, err = run_cli(["build", path.name, "--out", "out"], tmp_path)
    assert status == 0
    assert err == f"warning: {message}\n"
    status, _, err = run_cli(["build", path.name, "--out", "strict-out", "--strict"], tmp_path)
    assert status == 2
    assert err == f"error: {message} (an error under --strict)\n" + SUMMARY_ONE
    assert not (tmp_path / "strict-out").exists()


def test_demographics_for_more_people_than_reviews_must_say_so(run_cli, tmp_path):
    text = replace_once(default_text(), "      people: 24\n", "")
    path = _write(tmp_path, text)
    status, _, err = run_cli(["validate", path.name], tmp_path)
    assert status == 0
    assert ("review_types.children.demographics.ethnicity: the ethnicity figures add up to 24 but there are 23 "
            "reviews; if a review concerned more than one person, say so with 'people: 24'") in err


def test_failed_build_leaves_previous_outputs_byte_identical(run_cli, tmp_path):
    good = _write(tmp_path, default_text(), "good.yaml")
    assert run_cli(["build", good.name, "--out", "out"], tmp_path)[0] == 0
    before = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    bad = _write(tmp_path, replace_once(default_text(), "    count: 7\n", "    count: -7\n"), "good.yaml")
    status, _, _ = run_cli(["build", bad.name, "--out", "out"], tmp_path)
    assert status == 2
    after = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert after == before


def test_validate_writes_nothing(run_cli, tmp_path):
    status, out, err = run_cli(["validate", DEFAULT_DATA], tmp_path)
    assert status == 0
    assert out == f"{DEFAULT_DATA}: valid; 3 review types, 39 reviews\n"
    assert list(tmp_path.iterdir()) == []


def test_real_process_exit_status_and_no_traceback(tmp_path):
    bad = _write(tmp_path, "event: [\n")
    result = subprocess.run([sys.executable, str(ROOT / "make_deck.py"), "validate", str(bad)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ")


@pytest.mark.parametrize("command", [[], ["build"], ["validate"]])
def test_help(run_cli, tmp_path, command):
    with pytest.raises(SystemExit) as exit_info:
        run_cli([*command, "--help"], tmp_path)
    assert exit_info.value.code == 0


def test_very_long_title_fits_document_properties_and_file_names(run_cli, tmp_path):
    text = replace_once(default_text(), "  title: Learning from Reviews\n", "  title: " + "Long " * 80 + "\n")
    _write(tmp_path, text)
    status, out, err = run_cli(["build", "event.yaml", "--out", "out"], tmp_path)
    assert status == 0, err
    from pptx import Presentation

    deck = next((tmp_path / "out" / "decks").glob("*.pptx"))
    assert len(deck.name) < 100
    title = Presentation(str(deck)).core_properties.title
    assert len(title) == 255 and title.endswith("…")


def test_a_folder_builds_every_event_but_not_shared_files(run_cli, tmp_path):
    folder = tmp_path / "events"
    folder.mkdir()
    for n in (1, 2):
        text = replace_once(default_text(), "  title: Learning from Reviews\n", f"  title: Event {n}\n")
        (folder / f"event-{n}.yaml").write_text(text, encoding="utf-8")
    (folder / "_shared.yaml").write_text("areas: {}\n", encoding="utf-8")
    status, out, err = run_cli(["build", "events", "--out", "out"], tmp_path)
    assert status == 0, err
    assert sorted(p.name for p in (tmp_path / "out" / "decks").iterdir()) == [
        "event-1-2022-05-12.pptx", "event-2-2022-05-12.pptx"]
    assert len(out.splitlines()) == 8


def test_an_unwritable_output_folder_is_a_clear_error(run_cli, tmp_path):
    (tmp_path / "out").write_text("a file where the output folder should be")
    status, _, err = run_cli(["build", DEFAULT_DATA, "--out", "out"], tmp_path)
    assert status == 1
    assert err.startswith("error: cannot use ")
    assert "Traceback" not in err and "internal error" not in err


def test_a_reader_that_stops_reading_the_summary_is_not_an_error(tmp_path):
    process = subprocess.Popen([sys.executable, str(ROOT / "make_deck.py"), "build", str(DEFAULT_DATA), "--out",
                                str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # like `| head -0`: the summary has nowhere to go
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""
    assert len(list(tmp_path.rglob("*.docx"))) == 3
