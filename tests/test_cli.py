"""The command line: exit statuses, exact messages, and nothing written on bad input."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

import generator.build
from generator.cli import main
from generator.cli.messages import build_summary, outputs_changed
from generator.cli.parser import version
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
        "learning-from-reviews-2022-05-12-cspr.docx", "learning-from-reviews-2022-05-12-cspr.html",
        "learning-from-reviews-2022-05-12-dhr.docx", "learning-from-reviews-2022-05-12-dhr.html",
        "learning-from-reviews-2022-05-12-sar.docx", "learning-from-reviews-2022-05-12-sar.html"]
    assert out.splitlines()[0].startswith("wrote decks/learning-from-reviews-2022-05-12.pptx (")
    assert err == ""


def test_rebuild_reports_unchanged_files(run_cli, tmp_path):
    args = ["build", DEFAULT_DATA, "--out", "out"]
    run_cli(args, tmp_path)
    status, out, _ = run_cli(args, tmp_path)
    assert status == 0
    lines = out.splitlines()
    assert all(line.startswith("unchanged ") for line in lines[:-1])
    assert lines[-1] == "Built 1 deck, 3 briefings and 3 web pages into out/decks/ and out/briefings/ (7 unchanged)."


def test_no_default_data_here_is_a_clear_error(run_cli, tmp_path):
    status, _, err = run_cli([], tmp_path)
    assert status == 2
    assert err.startswith("error: no data file given, and data/tees-2022.yaml is not in this folder")


def test_syntax_error(run_cli, tmp_path):
    text = replace_once(default_text(), "  title: Learning from Reviews\n", "  title: [Learning from Reviews\n")
    status, _, err = _bad(run_cli, tmp_path, text)
    assert status == 2
    line = line_of(text, "  title: [")
    assert err == (f"error: event.yaml, line {line}: the '[' here starts a list that is not closed with ']'; close it, "
                   "or if the text is meant to start with '[', put the whole text in quotes\n"
                   f"    {line - 1} | event:\n"
                   f"    {line} |   title: [Learning from Reviews\n"
                   "      |          ^\n" + SUMMARY_ONE)


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
    from generator.loading import load_event

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
    assert len(out.splitlines()) == 15
    assert out.splitlines()[-1] == ("Built 2 decks, 6 briefings and 6 web pages into out/decks/ and out/briefings/ "
                                    "(14 written).")


def test_an_output_folder_that_is_a_file_is_bad_input(run_cli, tmp_path):
    (tmp_path / "out").write_text("a file where the output folder should be")
    status, _, err = run_cli(["build", DEFAULT_DATA, "--out", "out"], tmp_path)
    assert (status, err) == (2, "error: out: --out names a file, not a folder; give the folder to write decks/ and "
                                "briefings/ into\n1 problem found; no output was written or changed.\n")


def test_a_reader_that_stops_reading_the_summary_is_not_an_error(tmp_path):
    process = subprocess.Popen([sys.executable, str(ROOT / "make_deck.py"), "build", str(DEFAULT_DATA), "--out",
                                str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # like `| head -0`: the summary has nowhere to go
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""
    assert len(list(tmp_path.rglob("*.docx"))) == 3


# Commands: misspelt, several data files, help and version.

BUILT_DEFAULT = "Built 1 deck, 3 briefings and 3 web pages into out/decks/ and out/briefings/ (7 written).\n"


def _event(folder, name, title):
    path = folder / name
    path.write_text(replace_once(default_text(), "  title: Learning from Reviews\n", f"  title: {title}\n"),
                    encoding="utf-8")
    return path


def test_a_misspelt_command_is_refused_with_a_suggestion_and_builds_nothing(run_cli, tmp_path):
    _event(tmp_path, "next.yaml", "Next")
    status, out, err = run_cli(["biuld", "next.yaml", "--out", "out"], tmp_path)
    assert status == 2
    assert (out, err) == ("", "make_deck.py: unknown command 'biuld'; did you mean build?\n")
    assert list(tmp_path.iterdir()) == [tmp_path / "next.yaml"]


def test_an_unknown_command_lists_the_commands(run_cli, tmp_path):
    status, _, err = run_cli(["frobnicate"], tmp_path)
    assert status == 2
    assert err == ("make_deck.py: unknown command 'frobnicate'; the commands are build, new, watch, validate, check, "
                   "templates, check-template and register (see make_deck.py --help), and a data file's name ends in "
                   ".yaml or .yml\n")


def test_an_unknown_command_is_shown_without_terminal_controls(run_cli, tmp_path):
    status, _, err = run_cli(["\x1b[2Jbuild"], tmp_path)
    assert status == 2
    assert err.startswith("make_deck.py: unknown command '\\x1b[2Jbuild'; did you mean build?")


def test_a_data_file_alone_is_still_built(run_cli, tmp_path):
    _event(tmp_path, "next.yaml", "Next")
    status, out, err = run_cli(["next.yaml", "--out", "out"], tmp_path)
    assert status == 0, err
    assert out.endswith(BUILT_DEFAULT)


def test_a_missing_yaml_file_alone_is_taken_as_data_not_as_a_command(run_cli, tmp_path):
    status, _, err = run_cli(["missing.yaml"], tmp_path)
    assert status == 2
    assert err == "error: missing.yaml: file not found\n" + SUMMARY_ONE


def test_an_existing_folder_alone_is_built(run_cli, tmp_path):
    (tmp_path / "events").mkdir()
    _event(tmp_path / "events", "next.yaml", "Next")
    status, out, err = run_cli(["events", "--out", "out"], tmp_path)
    assert status == 0, err
    assert out.endswith(BUILT_DEFAULT)


def test_when_one_of_several_files_fails_each_says_what_happened_and_the_summary_is_true(run_cli, tmp_path):
    _event(tmp_path, "a.yaml", "Event A")
    bad = replace_once(default_text(), "    count: 7\n", "    count: -7\n")
    (tmp_path / "b.yaml").write_text(bad, encoding="utf-8")
    status, out, err = run_cli(["build", "a.yaml", "b.yaml", "--out", "out"], tmp_path)
    assert status == 2
    assert err == (f"error: b.yaml, line {line_of(bad, 'count: -7')}, review_types.adults.count: expected a count "
                   "of 0 or more, got -7\n"
                   "b.yaml: 1 problem found; its outputs were not written or changed.\n")
    assert out.splitlines()[-1] == ("Built 1 deck, 3 briefings and 3 web pages into out/decks/ and out/briefings/ "
                                    "(7 written); not built, because of the problems above: b.yaml (1 of 2 data "
                                    "files).")
    assert "no output was written" not in out + err
    assert sorted(p.name for p in (tmp_path / "out" / "decks").iterdir()) == ["event-a-2022-05-12.pptx"]


def test_when_every_file_fails_the_summary_says_nothing_was_written(run_cli, tmp_path):
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(replace_once(default_text(), "    count: 7\n", "    count: -7\n"),
                                     encoding="utf-8")
    status, out, err = run_cli(["build", "a.yaml", "b.yaml", "--out", "out"], tmp_path)
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert lines[1] == "a.yaml: 1 problem found; its outputs were not written or changed."
    assert lines[3] == "b.yaml: 1 problem found; its outputs were not written or changed."
    assert lines[4] == "2 problems found in 2 data files; no output was written or changed."
    assert len(lines) == 5
    assert not (tmp_path / "out").exists()


def test_a_build_ends_with_one_summary_line_of_what_was_written_and_where(run_cli, tmp_path):
    event = _event(tmp_path, "event.yaml", "Learning from Reviews")
    status, out, _ = run_cli(["build", "event.yaml", "--out", "out"], tmp_path)
    assert status == 0
    assert out.endswith(BUILT_DEFAULT)
    event.write_text(replace_once(event.read_text(encoding="utf-8"), "The Care Act 2014 sets out when",
                                  "The Care Act 2014 says when"), encoding="utf-8")
    status, out, _ = run_cli(["build", "event.yaml", "--out", "out"], tmp_path)
    assert status == 0
    assert out.splitlines()[-1] == ("Built 1 deck, 3 briefings and 3 web pages into out/decks/ and out/briefings/ "
                                    "(2 written, 5 unchanged).")


def test_the_summary_names_each_kind_and_folder():
    files = [("wrote", Path("out/decks/a.pptx"), ""), ("unchanged", Path("out/briefings/a-sar.docx"), ""),
             ("wrote", Path("out/decks/a.pdf"), ""), ("wrote", Path("out/briefings/a-sar.pdf"), "")]
    assert build_summary(files) == "Built 1 deck, 1 briefing and 2 PDFs into out/decks/ and out/briefings/ " \
                                   "(3 written, 1 unchanged)."
    assert outputs_changed(files) == "deck written, briefing unchanged, 2 PDFs written"
    briefings = [("unchanged", Path(f"b/{n}.docx"), "") for n in "abc"] + [("wrote", Path("d/x.pptx"), "")]
    assert outputs_changed(briefings) == "deck written, 3 briefings unchanged"


@pytest.mark.parametrize("command", [[], ["build"], ["new"], ["watch"], ["validate"], ["check"], ["templates"],
                                     ["templates", "export"], ["check-template"]])
def test_help_text_of_every_command(capsys, command):
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert "\nexamples:\n  .venv/bin/python make_deck.py " in out
    assert "\nexit status:\n  0    " in out


def test_every_build_option_is_described(capsys):
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    out = capsys.readouterr().out
    for option in ("--out DIR", "--strict", "--pdf", "--pptx-template FILE", "--docx-template FILE",
                   "--allow-outside"):
        description = out.split(option, 1)[1].split("\n  -", 1)[0]
        assert len(description.split()) >= 3, option


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"make_deck.py {metadata.version('learning-from-reviews')}\n"


def test_version_without_the_installed_metadata_is_the_pyproject_one(monkeypatch):
    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    with open(ROOT / "pyproject.toml", "rb") as pyproject:
        assert version() == tomllib.load(pyproject)["project"]["version"]


def test_a_folder_build_skips_the_exported_example_theme(run_cli, tmp_path):
    (tmp_path / "events").mkdir()
    _event(tmp_path / "events", "next.yaml", "Next")
    assert run_cli(["templates", "export", "events"], tmp_path)[0] == 0
    assert (tmp_path / "events" / "theme-example.yaml").is_file()
    status, out, err = run_cli(["build", "events", "--out", "out"], tmp_path)
    assert status == 0, err
    assert out.endswith(BUILT_DEFAULT)


# Ctrl-C, terminal encodings and the wrong Python.

INTERRUPTED = "stopped by Ctrl-C; outputs already written are complete, the rest were not touched\n"


def test_ctrl_c_during_a_build_is_a_clean_message_and_130(run_cli, tmp_path, monkeypatch):
    def interrupted(paths, options):
        raise KeyboardInterrupt

    monkeypatch.setattr(generator.build, "build_batch", interrupted)
    status, out, err = run_cli(["build", DEFAULT_DATA, "--out", "out"], tmp_path)
    assert (status, out, err) == (130, "", INTERRUPTED)


def test_ctrl_c_in_the_middle_of_writing_a_zip_is_a_clean_message_and_130(run_cli, tmp_path, monkeypatch):
    # zipfile's `with` turns the KeyboardInterrupt into a ValueError, and complains again as the file is freed.
    def interrupted_mid_write(paths, options):
        with zipfile.ZipFile(io.BytesIO(), "w") as archive:
            part = archive.open("ppt/slides/slide1.xml", "w")  # Ctrl-C came in writestr, before it closed this
            raise KeyboardInterrupt

    monkeypatch.setattr(generator.build, "build_batch", interrupted_mid_write)
    status, out, err = run_cli(["build", DEFAULT_DATA, "--out", "out"], tmp_path)
    assert (status, out, err) == (130, "", INTERRUPTED)


def test_ctrl_c_while_starting_up_is_a_clean_message_and_130(tmp_path):
    # An audit hook stands in for Ctrl-C arriving while make_deck.py imports the generator.
    script = (
        "import runpy, sys\n"
        "pressed = []\n"
        "def ctrl_c(event, args):\n"
        "    if event == 'import' and args[0] == 'generator.problems' and not pressed:\n"
        "        pressed.append(1)\n"
        "        raise KeyboardInterrupt\n"
        "sys.addaudithook(ctrl_c)\n"
        f"sys.argv = ['make_deck.py', 'validate', {str(DEFAULT_DATA)!r}]\n"
        f"runpy.run_path({str(ROOT / 'make_deck.py')!r}, run_name='__main__')\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (130, "", INTERRUPTED)


@pytest.mark.parametrize("delay", [0, 0.1, 0.3])
def test_ctrl_c_at_any_moment_after_start_up_never_shows_a_traceback(tmp_path, delay):
    # -X importtime reports each import on stderr as it happens: Ctrl-C comes once make_deck.py has begun.
    # (Before that, in the first hundredths of a second, Python's own start-up owns Ctrl-C.)
    process = subprocess.Popen([sys.executable, "-X", "importtime", str(ROOT / "make_deck.py"), "build",
                                str(DEFAULT_DATA), "--out", str(tmp_path)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    for line in process.stderr:
        if line.endswith("| generator.cli\n"):
            break
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert "Traceback" not in err
    if delay == 0 or process.returncode != 0:  # 0: the build had finished before the Ctrl-C
        assert process.returncode == 130, err[-3000:]
        assert err.endswith(INTERRUPTED)
    assert not list(tmp_path.rglob("*.tmp"))


def test_any_terminal_encoding_gets_the_output(tmp_path):
    text = replace_once(default_text(), "    full_name: Safeguarding Adult Reviews\n",
                        "    full_name: Safeguarding Adult Reviews \U0001f600\n")
    (tmp_path / "event.yaml").write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "make_deck.py"), "build", "event.yaml", "--out", "out"],
                            capture_output=True, cwd=tmp_path, timeout=120,
                            env={**os.environ, "PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 0, result.stderr
    assert b"(Safeguarding Adult Reviews \\U0001f600, " in result.stdout
    assert result.stderr == b""


def test_a_python_without_the_dependencies_says_which_python_to_use(tmp_path):
    # -S leaves out site-packages, as a system Python without the project's libraries would.
    result = subprocess.run([sys.executable, "-S", str(ROOT / "make_deck.py"), "validate", str(DEFAULT_DATA)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("error: this Python lacks lxml; run it with the project's Python: .venv/bin/python "
                             "make_deck.py (see README)\n")


def test_a_library_missing_later_gets_the_same_advice(run_cli, tmp_path, monkeypatch):
    def without_matplotlib(paths, options):
        raise ModuleNotFoundError("No module named 'matplotlib'", name="matplotlib.pyplot")

    monkeypatch.setattr(generator.build, "build_batch", without_matplotlib)
    status, out, err = run_cli(["build", DEFAULT_DATA, "--out", "out"], tmp_path)
    assert (status, out) == (2, "")
    assert err == ("error: this Python lacks matplotlib; run it with the project's Python: .venv/bin/python "
                   "make_deck.py (see README)\n")


def test_a_module_of_our_own_missing_is_a_bug_not_advice(run_cli, tmp_path, monkeypatch):
    def broken(paths, options):
        raise ModuleNotFoundError("No module named 'generator.gone'", name="generator.gone")

    monkeypatch.setattr(generator.build, "build_batch", broken)
    status, _, err = run_cli(["build", DEFAULT_DATA, "--out", "out"], tmp_path)
    assert status == 1
    assert err.startswith("internal error: ModuleNotFoundError: No module named 'generator.gone'. This is a bug")


def test_validate_counts_one_review_in_the_singular(run_cli, tmp_path):
    tiny = ROOT / "tests" / "fixtures" / "gallery" / "tiny-single-type.yaml"
    text = replace_once(replace_once(tiny.read_text(encoding="utf-8"), "    count: 2\n", "    count: 1\n"),
                        "      Lowmoor: 2\n", "      Lowmoor: 1\n")
    (tmp_path / "tiny.yaml").write_text(text, encoding="utf-8")
    status, out, _ = run_cli(["validate", "tiny.yaml"], tmp_path)
    assert (status, out) == (0, "tiny.yaml: valid; 1 review type, 1 review\n")


def test_a_library_failing_its_own_way_after_ctrl_c_is_the_ctrl_c(run_cli, tmp_path, monkeypatch):
    # An extension module whose import Ctrl-C interrupts raises SystemError, without naming the KeyboardInterrupt.
    def interrupted_in_an_import(paths, options):
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
        except KeyboardInterrupt:
            raise SystemError("initialization of a module raised unreported exception") from None

    monkeypatch.setattr(generator.build, "build_batch", interrupted_in_an_import)
    status, out, err = run_cli(["build", DEFAULT_DATA, "--out", "out"], tmp_path)
    assert (status, out, err) == (130, "", INTERRUPTED)
    # And the next command, in the same process, fails in its own words again.
    monkeypatch.setattr(generator.build, "build_batch", lambda paths, options: 1 / 0)
    assert run_cli(["build", DEFAULT_DATA, "--out", "out"], tmp_path)[0] == 1
