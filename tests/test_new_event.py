"""`make_deck.py new`: a new event from the last one, with only its title and date changed."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import sys

import pytest

from generator.loading import load_event
from generator.new_event import start_event
from tests.conftest import DEFAULT_DATA, ROOT, default_text, line_of, replace_once

SUMMARY_ONE = "1 problem found; no output was written or changed.\n"


@pytest.fixture
def data(tmp_path):
    """A data/ folder holding the example, as a trainer's project folder does."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "tees-2022.yaml").write_text(default_text(), encoding="utf-8")
    return folder


def _lines_changed(before: str, after: str) -> list[tuple[str, str]]:
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new) if a != b]


def test_new_event_with_title_and_date_changes_only_those_lines(run_cli, tmp_path, data):
    status, out, err = run_cli(["new", "data/tees-2023.yaml", "--title", "Learning from Reviews 2023", "--date",
                                "2023-05-11"], tmp_path)
    assert status == 0, err
    assert out == ("wrote data/tees-2023.yaml from data/tees-2022.yaml: 'Learning from Reviews 2023', 2023-05-11. "
                   "Edit it, then build it: make_deck.py build data/tees-2023.yaml\n")
    new_text = (data / "tees-2023.yaml").read_text(encoding="utf-8")
    assert _lines_changed(default_text(), new_text) == [
        ("# Learning from Reviews: the Tees event of Thursday 12 May 2022.",  # the comment naming the event's date
         "# Learning from Reviews: the Tees event of Thursday 11 May 2023."),
        ("  title: Learning from Reviews", "  title: Learning from Reviews 2023"),
        ("  date: 2022-05-12", "  date: 2023-05-11")]
    event = load_event(data / "tees-2023.yaml").event.event
    assert (event.title, event.date) == ("Learning from Reviews 2023", dt.date(2023, 5, 11))


def test_without_a_terminal_the_values_not_given_are_kept_and_said_so(run_cli, tmp_path, data, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    status, out, err = run_cli(["new", "data/tees-2023.yaml", "--date", "2023-05-11"], tmp_path)
    assert status == 0, err
    assert out.splitlines()[0] == ("kept the title from data/tees-2022.yaml: Learning from Reviews (give --title "
                                   "to change it)")
    status, out, _ = run_cli(["new", "data/tees-2024.yaml"], tmp_path)
    assert status == 0
    assert out.splitlines()[:2] == [
        "kept the title from data/tees-2023.yaml: Learning from Reviews (give --title to change it)",
        "kept the date from data/tees-2023.yaml: 2023-05-11 (give --date to change it)"]


class _Terminal(io.StringIO):
    """Typed answers, on what looks like a terminal."""

    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_title_and_date_are_asked_for(run_cli, tmp_path, data, monkeypatch):
    # The first date typed is in the UK order, so it is asked for again.
    monkeypatch.setattr(sys, "stdin", _Terminal("Learning: the 2023 event\n11/05/2023\n2023-05-11\n"))
    status, out, err = run_cli(["new", "data/tees-2023.yaml"], tmp_path)
    assert status == 0, err
    assert out.startswith("Title of the event [Learning from Reviews]: Date of the event, as YYYY-MM-DD "
                          "[2022-05-12]: Date of the event, as YYYY-MM-DD [2022-05-12]: wrote data/tees-2023.yaml")
    assert err == "expected a date as YYYY-MM-DD, e.g. 2023-05-11, got '11/05/2023'\n"
    text = (data / "tees-2023.yaml").read_text(encoding="utf-8")
    assert '  title: "Learning: the 2023 event"\n' in text
    event = load_event(data / "tees-2023.yaml").event.event
    assert (event.title, event.date) == ("Learning: the 2023 event", dt.date(2023, 5, 11))


def test_enter_on_a_terminal_keeps_the_values(run_cli, tmp_path, data, monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Terminal("\n\n"))
    status, _, err = run_cli(["new", "data/tees-2023.yaml"], tmp_path)
    assert status == 0, err
    assert (data / "tees-2023.yaml").read_text(encoding="utf-8") == default_text()


def test_it_starts_from_the_newest_event_in_the_folder(run_cli, tmp_path, data):
    older = replace_once(default_text(), "  title: Learning from Reviews\n", "  title: Older\n")
    (data / "older.yaml").write_text(older, encoding="utf-8")
    os.utime(data / "older.yaml", (0, 0))
    (data / "_shared.yaml").write_text("areas: {}\n", encoding="utf-8")  # shared parts are not events
    status, out, _ = run_cli(["new", "data/next.yaml", "--date", "2023-05-11"], tmp_path)
    assert status == 0
    assert "from data/tees-2022.yaml:" in out
    os.utime(data / "older.yaml")
    status, out, _ = run_cli(["new", "data/next-2.yaml", "--date", "2023-05-11"], tmp_path)
    assert status == 0
    assert "wrote data/next-2.yaml from data/older.yaml: 'Older', 2023-05-11." in out


def test_from_names_the_file_to_start_from(run_cli, tmp_path, data):
    (tmp_path / "riverside").mkdir()
    status, out, err = run_cli(["new", "riverside/2024.yaml", "--from", "data/tees-2022.yaml", "--title", "R",
                                "--date", "2024-01-31"], tmp_path)
    assert status == 0, err
    assert "wrote riverside/2024.yaml from data/tees-2022.yaml: 'R', 2024-01-31." in out


def test_an_empty_folder_starts_from_the_example(run_cli, tmp_path, data):
    (tmp_path / "riverside").mkdir()
    status, out, _ = run_cli(["new", "riverside/2024.yaml", "--date", "2024-01-31"], tmp_path)
    assert status == 0
    assert "from data/tees-2022.yaml:" in out


def test_with_nothing_to_start_from_it_says_what_to_do(run_cli, tmp_path):
    (tmp_path / "riverside").mkdir()
    status, out, err = run_cli(["new", "riverside/2024.yaml", "--date", "2024-01-31"], tmp_path)
    assert (status, out) == (2, "")
    assert err == ("error: there is no data file to start from: riverside/ holds none, and data/tees-2022.yaml is "
                   "not in this folder; name one with --from DATA\n" + SUMMARY_ONE)


def test_an_existing_file_is_never_overwritten(run_cli, tmp_path, data):
    (data / "tees-2023.yaml").write_text("mine\n", encoding="utf-8")
    status, _, err = run_cli(["new", "data/tees-2023.yaml", "--date", "2023-05-11"], tmp_path)
    assert status == 2
    assert err == ("error: data/tees-2023.yaml: the file already exists; choose another name (new never overwrites "
                   "a file)\n" + SUMMARY_ONE)
    assert (data / "tees-2023.yaml").read_text(encoding="utf-8") == "mine\n"


def test_the_new_file_must_be_yaml(run_cli, tmp_path, data):
    status, _, err = run_cli(["new", "data/tees-2023.txt"], tmp_path)
    assert status == 2
    assert err == ("error: data/tees-2023.txt: the new event's file name must end in .yaml, e.g. tees-2023.yaml\n"
                   + SUMMARY_ONE)


def test_a_date_in_another_order_is_refused_with_the_expected_form(run_cli, tmp_path, data):
    with pytest.raises(SystemExit) as exit_info:
        run_cli(["new", "data/tees-2023.yaml", "--date", "11/05/2023"], tmp_path)
    assert exit_info.value.code == 2
    assert not (data / "tees-2023.yaml").exists()


def test_a_source_with_problems_gives_its_problems_and_writes_nothing(run_cli, tmp_path, data):
    bad = replace_once(default_text(), "    count: 7\n", "    count: -7\n")
    (data / "tees-2022.yaml").write_text(bad, encoding="utf-8")
    status, _, err = run_cli(["new", "data/tees-2023.yaml", "--date", "2023-05-11"], tmp_path)
    assert status == 2
    assert err == (f"error: data/tees-2022.yaml, line {line_of(bad, 'count: -7')}, review_types.adults.count: "
                   "expected a count of 0 or more, got -7\n" + SUMMARY_ONE)
    assert not (data / "tees-2023.yaml").exists()


def test_a_result_with_problems_is_not_kept(tmp_path):
    # The source includes a file by a path that does not resolve from the new file's folder.
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    text = replace_once(default_text(), "areas:\n  MBC: Middlesbrough Borough Council\n"
                        "  RCBC: Redcar & Cleveland Borough Council\n  HBC: Hartlepool Borough Council\n"
                        "  SBC: Stockton-on-Tees Borough Council\n", "include: _areas.yaml\n")
    (tmp_path / "old" / "event.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "old" / "_areas.yaml").write_text(
        "areas:\n  MBC: Middlesbrough Borough Council\n  RCBC: Redcar & Cleveland Borough Council\n"
        "  HBC: Hartlepool Borough Council\n  SBC: Stockton-on-Tees Borough Council\n", encoding="utf-8")
    from generator.problems import InputError

    with pytest.raises(InputError) as error:
        start_event(tmp_path / "new" / "event.yaml", tmp_path / "old" / "event.yaml", None, dt.date(2023, 5, 11))
    assert "_areas.yaml" in str(error.value)
    assert list((tmp_path / "new").iterdir()) == []


def test_comments_and_a_folded_title_are_handled(tmp_path):
    text = replace_once(default_text(), "  title: Learning from Reviews\n",
                        "  title: >-  # the deck's title\n    Learning from\n    Reviews\n")
    source = tmp_path / "old.yaml"
    source.write_text(text, encoding="utf-8")
    created = start_event(tmp_path / "new.yaml", source, "New title", None)
    new_text = (tmp_path / "new.yaml").read_text(encoding="utf-8")
    assert new_text == replace_once(text, ">-  # the deck's title\n    Learning from\n    Reviews\n", "New title\n")
    assert created.kept == [("date", "2022-05-12")]
    assert new_text.startswith("# Learning from Reviews: the Tees event of Thursday 12 May 2022.\n")


@pytest.mark.parametrize("title, written", [
    ("Learning from Reviews 2023", "Learning from Reviews 2023"),
    ("NO", '"NO"'),
    ("2023", '"2023"'),
    ("Learning: 2023 # not a comment", '"Learning: 2023 # not a comment"'),
    ('"Quoted" reviews', '"\\"Quoted\\" reviews"'),
    ("Café — ünïcode", "Café — ünïcode"),
])
def test_a_title_reads_back_as_typed(tmp_path, title, written):
    source = tmp_path / "old.yaml"
    source.write_text(default_text(), encoding="utf-8")
    start_event(tmp_path / "new.yaml", source, title, None)
    text = (tmp_path / "new.yaml").read_text(encoding="utf-8")
    assert f"\n  title: {written}\n" in text
    assert load_event(tmp_path / "new.yaml").event.event.title == title


def test_a_title_the_documents_cannot_hold_is_refused_and_not_kept(run_cli, tmp_path, data):
    status, out, err = run_cli(["new", "data/tees-2023.yaml", "--title", "\x1b[31mRed", "--date", "2023-05-11"],
                               tmp_path)
    assert (status, out) == (2, "")
    assert err == ("error: data/tees-2023.yaml, line 8, event.title: the text holds the control character U+001B, "
                   "which documents cannot contain; remove it\n" + SUMMARY_ONE)
    assert not (data / "tees-2023.yaml").exists()


def test_a_source_whose_event_comes_from_an_included_file_is_refused(run_cli, tmp_path, data):
    text = default_text()
    event_block = text[text.index("event:\n"):text.index("\naims:\n") + 1]
    (data / "_event.yaml").write_text(event_block, encoding="utf-8")
    (data / "tees-2022.yaml").write_text("include: _event.yaml\n" + text.replace(event_block, ""), encoding="utf-8")
    status, _, err = run_cli(["new", "data/tees-2023.yaml", "--date", "2023-05-11"], tmp_path)
    assert status == 2
    assert err == ("error: data/tees-2022.yaml: this file does not set the event's title and date itself (an included "
                   "file may); start from one that does, with --from DATA\n" + SUMMARY_ONE)
    assert not (data / "tees-2023.yaml").exists()


# A register the new file names that is not in its folder yet ---------------------------------------------------------


@pytest.fixture
def riverside(tmp_path):
    """A data/ folder holding the worked register example, and an empty fenland/ folder for a new partnership."""
    from tests.conftest import ROOT

    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("riverside-2024.yaml", "riverside-2024-register.xlsx"):
        (folder / name).write_bytes((ROOT / "data" / name).read_bytes())
    (tmp_path / "fenland").mkdir()
    return folder


def test_a_copy_into_a_folder_without_its_register_is_kept_and_says_how_to_make_it(run_cli, tmp_path, riverside):
    status, out, err = run_cli(["new", "fenland/fenland-2025.yaml", "--from", "data/riverside-2024.yaml", "--title",
                                "Learning from Reviews 2025", "--date", "2025-06-12"], tmp_path)
    assert status == 0, err
    source = (riverside / "riverside-2024.yaml").read_text(encoding="utf-8")
    assert err == (f"warning: fenland/fenland-2025.yaml, line {line_of(source, 'register: riverside')}, register: "
                   "the register fenland/riverside-2024-register.xlsx does not exist yet; copy "
                   "data/riverside-2024-register.xlsx to fenland/riverside-2024-register.xlsx, or write a blank one: "
                   "make_deck.py register new fenland/riverside-2024-register.xlsx fenland/fenland-2025.yaml\n")
    assert out == ("the period is 2024-04-01 to 2027-03-31, after 2021-04-01 to 2024-03-31 (change it in "
                   "fenland/fenland-2025.yaml: period:)\n"
                   "wrote fenland/fenland-2025.yaml from data/riverside-2024.yaml: 'Learning from Reviews 2025', "
                   "2025-06-12. Make its register (above), edit it, then build it: make_deck.py build "
                   "fenland/fenland-2025.yaml\n")
    assert _lines_changed(source, (tmp_path / "fenland" / "fenland-2025.yaml").read_text(encoding="utf-8")) == [
        ("# Learning from Reviews: the Riverside event of Thursday 13 June 2024.",
         "# Learning from Reviews: the Riverside event of Thursday 12 June 2025."),
        ("  title: Learning from Reviews", "  title: Learning from Reviews 2025"),
        ("  date: 2024-06-13", "  date: 2025-06-12"),
        ("period: {from: 2021-04-01, to: 2024-03-31, by: date notified}",
         "period: {from: 2024-04-01, to: 2027-03-31, by: date notified}")]
    # Either way out of the warning gives a file that builds.
    status, _, err = run_cli(["register", "new", "fenland/riverside-2024-register.xlsx",
                              "fenland/fenland-2025.yaml"], tmp_path)
    assert status == 0, err
    (tmp_path / "fenland" / "riverside-2024-register.xlsx").write_bytes(
        (riverside / "riverside-2024-register.xlsx").read_bytes())
    assert load_event(tmp_path / "fenland" / "fenland-2025.yaml").event.event.date == dt.date(2025, 6, 12)


def test_a_copy_beside_its_register_says_nothing_of_it(run_cli, tmp_path, riverside):
    status, out, err = run_cli(["new", "data/riverside-2025.yaml", "--date", "2025-06-12"], tmp_path)
    assert status == 0, err
    assert "register" not in out + err


def test_the_next_event_of_a_partnership_still_without_a_register_can_be_started(run_cli, tmp_path, riverside):
    assert run_cli(["new", "fenland/fenland-2025.yaml", "--from", "data/riverside-2024.yaml", "--date",
                    "2025-06-12"], tmp_path)[0] == 0
    status, out, err = run_cli(["new", "fenland/fenland-2026.yaml", "--date", "2026-06-11"], tmp_path)
    assert status == 0, err
    assert out.startswith("kept the title from fenland/fenland-2025.yaml")
    line = line_of((riverside / "riverside-2024.yaml").read_text(encoding="utf-8"), "register: riverside")
    assert err.startswith(f"warning: fenland/fenland-2026.yaml, line {line}, register: the register "
                          "fenland/riverside-2024-register.xlsx does not exist yet; write a blank one: make_deck.py "
                          "register new fenland/riverside-2024-register.xlsx fenland/fenland-2026.yaml\n")


def test_csv_registers_not_in_the_new_folder_are_each_named(run_cli, tmp_path, riverside):
    text = (riverside / "riverside-2024.yaml").read_text(encoding="utf-8")
    text = replace_once(text, "register: riverside-2024-register.xlsx\n",
                        "register:\n  reviews: register/reviews.csv\n  people: register/people.csv\n")
    (riverside / "riverside-2024.yaml").write_text(text, encoding="utf-8")
    from tests.test_register_build import write_csv_register

    write_csv_register(riverside / "register")
    status, _, err = run_cli(["new", "fenland/fenland-2025.yaml", "--from", "data/riverside-2024.yaml", "--date",
                              "2025-06-12"], tmp_path)
    assert status == 0, err
    line = line_of(text, "  reviews: register/reviews.csv")
    assert err == (f"warning: fenland/fenland-2025.yaml, line {line}, register.reviews: the register "
                   "fenland/register/reviews.csv does not exist yet; copy data/register/reviews.csv to "
                   "fenland/register/reviews.csv\n"
                   f"warning: fenland/fenland-2025.yaml, line {line + 1}, register.people: the register "
                   "fenland/register/people.csv does not exist yet; copy data/register/people.csv to "
                   "fenland/register/people.csv\n")


def test_without_its_register_a_copy_s_other_problems_still_stop_it(run_cli, tmp_path, riverside):
    status, out, err = run_cli(["new", "fenland/fenland-2025.yaml", "--from", "data/riverside-2024.yaml", "--title",
                                "\x1b[31mRed", "--date", "2025-06-12"], tmp_path)
    assert (status, out) == (2, "")
    assert err == ("error: fenland/fenland-2025.yaml, line 12, event.title: the text holds the control character "
                   "U+001B, which documents cannot contain; remove it\n" + SUMMARY_ONE)
    assert not (tmp_path / "fenland" / "fenland-2025.yaml").exists()


def test_the_readme_shows_the_warning_new_gives(run_cli, tmp_path, riverside):
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command, warning = readme.split("\n$ .venv/bin/python make_deck.py new fenland/", 1)[1].split("\n")[:2]
    status, _, err = run_cli(["new", "fenland/" + command.split()[0], *command.split()[1:]], tmp_path)
    assert status == 0
    assert err == warning + "\n"


def test_a_title_typed_in_an_ascii_locale_is_written_as_typed(tmp_path, data):
    """Under LC_ALL=C (and no UTF-8 mode) Python keeps the typed bytes of 'ŵ' as lone surrogates."""
    import subprocess

    from tests.conftest import ROOT

    environment = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, str(ROOT / "make_deck.py"), "new", "data/next.yaml", "--title",
                             "Dysgu ŵ", "--date", "2023-05-11"], cwd=tmp_path, env=environment,
                            capture_output=True)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == (b"wrote data/next.yaml from data/tees-2022.yaml: 'Dysgu \\u0175', 2023-05-11. Edit it, "
                             b"then build it: make_deck.py build data/next.yaml\n")
    assert load_event(data / "next.yaml").event.event.title == "Dysgu ŵ"


@pytest.mark.parametrize(("start", "end", "following"), [
    ("2021-04-01", "2024-03-31", ("2024-04-01", "2027-03-31")),  # three years of whole months, over a 29 February
    ("2023-04-01", "2024-03-31", ("2024-04-01", "2025-03-31")),
    ("2024-01-01", "2024-06-30", ("2024-07-01", "2024-12-31")),
    ("2023-04-06", "2024-04-05", ("2024-04-06", "2025-04-05")),  # a tax year
    ("2024-01-10", "2024-02-20", ("2024-02-21", "2024-04-02")),  # 42 days, as many again
])
def test_the_next_period_is_as_long_and_starts_the_day_after(start, end, following):
    from generator.new_event import next_period

    day = dt.date.fromisoformat
    assert next_period(day(start), day(end)) == (day(following[0]), day(following[1]))


def test_new_rolls_the_period_forward_and_renews_the_comments_naming_the_last_event(run_cli, tmp_path):
    for name in ("riverside-2024.yaml", "riverside-2024-register.xlsx"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    status, out, _ = run_cli(["new", "riverside-2025.yaml", "--from", "riverside-2024.yaml", "--date", "2025-06-12",
                              "--title", "Learning from Reviews"], tmp_path)
    assert status == 0
    assert out.splitlines()[0] == ("the period is 2024-04-01 to 2027-03-31, after 2021-04-01 to 2024-03-31 (change "
                                   "it in riverside-2025.yaml: period:)")
    before = (tmp_path / "riverside-2024.yaml").read_text(encoding="utf-8").splitlines()
    after = (tmp_path / "riverside-2025.yaml").read_text(encoding="utf-8").splitlines()
    assert [(old, new) for old, new in zip(before, after) if old != new] == [
        ("# Learning from Reviews: the Riverside event of Thursday 13 June 2024.",
         "# Learning from Reviews: the Riverside event of Thursday 12 June 2025."),
        ("  date: 2024-06-13", "  date: 2025-06-12"),
        ("period: {from: 2021-04-01, to: 2024-03-31, by: date notified}",
         "period: {from: 2024-04-01, to: 2027-03-31, by: date notified}"),
    ]


def test_a_title_given_per_language_takes_a_new_title_in_each(run_cli, tmp_path):
    source = tmp_path / "bilingual.yaml"
    shutil.copy(ROOT / "tests" / "fixtures" / "gallery" / "bilingual-susr.yaml", source)
    status, out, err = run_cli(["new", "next.yaml", "--from", "bilingual.yaml", "--title", "cy=Dysgu o Adolygiadau 2026",
                                "--title", "en=Learning from Reviews 2026", "--date", "2026-05-14"], tmp_path)
    assert status == 0, err
    assert out.endswith("wrote next.yaml from bilingual.yaml: 'Dysgu o Adolygiadau 2026 / Learning from Reviews 2026', "
                        "2026-05-14. Edit it, then build it: make_deck.py build next.yaml\n")
    assert _lines_changed(source.read_text(encoding="utf-8"), (tmp_path / "next.yaml").read_text(encoding="utf-8")) == [
        ("  title: {cy: Dysgu o Adolygiadau, en: Learning from Reviews}",
         "  title: {cy: Dysgu o Adolygiadau 2026, en: Learning from Reviews 2026}"),
        ("  date: 2025-05-15", "  date: 2026-05-14"),
        ("period: {from: 2024-10-01, to: 2025-03-31}", "period: {from: 2025-04-01, to: 2025-09-30}")]
    for language, title in (("cy", "Dysgu o Adolygiadau 2026"), ("en", "Learning from Reviews 2026")):
        assert load_event(tmp_path / "next.yaml", language=language).event.event.title == title


def test_a_title_per_language_may_change_one_language_and_keep_the_other(tmp_path):
    source = tmp_path / "bilingual.yaml"
    shutil.copy(ROOT / "tests" / "fixtures" / "gallery" / "bilingual-susr.yaml", source)
    created = start_event(tmp_path / "next.yaml", source, {"en": "Learning from Reviews: 2026"}, None)
    assert created.kept == [("title", "cy: Dysgu o Adolygiadau"), ("date", "2025-05-15")]
    assert created.title == "Dysgu o Adolygiadau / Learning from Reviews: 2026"
    assert '  title: {cy: Dysgu o Adolygiadau, en: "Learning from Reviews: 2026"}\n' in (
        tmp_path / "next.yaml").read_text(encoding="utf-8")


def test_a_title_in_a_language_the_file_does_not_give_is_a_located_problem(tmp_path):
    from generator.problems import InputError

    source = tmp_path / "bilingual.yaml"
    shutil.copy(ROOT / "tests" / "fixtures" / "gallery" / "bilingual-susr.yaml", source)
    with pytest.raises(InputError) as raised:
        start_event(tmp_path / "next.yaml", source, {"gd": "Ionnsachadh"}, dt.date(2026, 5, 14))
    assert [(p.line, p.key_path, p.message) for p in raised.value.problems] == [
        (9, "event.title", "the event's title is given in cy, en, not in gd; give the title as --title cy=TITLE "
                           "--title en=TITLE")]
    assert not (tmp_path / "next.yaml").exists()
    with pytest.raises(InputError) as raised:
        start_event(tmp_path / "next.yaml", DEFAULT_DATA, {"cy": "Dysgu"}, None)
    assert [p.message for p in raised.value.problems] == [
        "this file gives the event's title as one text, so new takes one --title TEXT (a title per language needs "
        "the languages listed in event.languages)"]


def test_a_title_given_twice_for_a_language_or_half_per_language_is_refused(run_cli, tmp_path, data):
    for titles, message in (
            (["cy=Un", "cy=Dau"], "a language's title is given twice; give each language's once"),
            (["cy=Un", "Two"], "give one title, or one per language as LANGUAGE=TITLE (--title 'cy=Dysgu o "
                               "Adolygiadau 2026' --title 'en=Learning from Reviews 2026')")):
        status, _out, err = run_cli(["new", "data/next.yaml", *[f"--title={t}" for t in titles]], tmp_path)
        assert (status, err) == (2, f"make_deck.py: --title: {message}\n")
        assert not (data / "next.yaml").exists()


def test_new_period_sets_the_rolled_period(run_cli, tmp_path):
    for name in ("riverside-2024.yaml", "riverside-2024-register.xlsx"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    status, out, _ = run_cli(["new", "riverside-2025.yaml", "--from", "riverside-2024.yaml", "--date", "2025-06-12",
                              "--title", "Learning from Reviews", "--period", "2024-04-01..2025-03-31"], tmp_path)
    assert status == 0
    assert out.splitlines()[0] == ("the period is 2024-04-01 to 2025-03-31, after 2021-04-01 to 2024-03-31 (change "
                                   "it in riverside-2025.yaml: period:)")
    assert "period: {from: 2024-04-01, to: 2025-03-31, by: date notified}" in (
        tmp_path / "riverside-2025.yaml").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(("period", "message"), [
    ("2024-04-01", "expected a period as YYYY-MM-DD..YYYY-MM-DD, e.g. 2023-04-01..2024-03-31, got '2024-04-01'"),
    ("2024-04-01..2024-13-01", "expected a period as YYYY-MM-DD..YYYY-MM-DD, e.g. 2023-04-01..2024-03-31, got "
                               "'2024-04-01..2024-13-01'"),
    ("2025-04-01..2024-03-31", "the period ends (2024-03-31) before it starts (2025-04-01), in "
                               "'2025-04-01..2024-03-31'"),
])
def test_a_period_that_is_not_one_is_bad_input_and_nothing_is_written(run_cli, capsys, tmp_path, period, message):
    with pytest.raises(SystemExit) as exited:  # argparse's usage error
        run_cli(["new", "next.yaml", "--from", ROOT / "data" / "riverside-2024.yaml", "--period", period], tmp_path)
    assert exited.value.code == 2
    assert capsys.readouterr().err.endswith(f"new: error: argument --period: {message}\n")
    assert not (tmp_path / "next.yaml").exists()


def test_a_period_for_data_that_sets_none_is_bad_input(run_cli, tmp_path):
    source = tmp_path / "event.yaml"
    source.write_text(DEFAULT_DATA.read_text(encoding="utf-8"), encoding="utf-8")
    status, _, err = run_cli(["new", "next.yaml", "--from", "event.yaml", "--period", "2024-04-01..2025-03-31"],
                             tmp_path)
    assert (status, err) == (2, "make_deck.py: --period: event.yaml sets no reporting period of its own (period: "
                                "from, to) for new to change\n")
    assert not (tmp_path / "next.yaml").exists()


def test_a_comment_naming_the_event_s_date_in_welsh_names_the_new_date_in_welsh(tmp_path):
    text = replace_once(default_text(), "  date: 2022-05-12\n",
                        "  date: 2022-05-12  # Dydd Iau 12 Mai 2022, neu 12 Mai 2022\n")
    source = tmp_path / "old.yaml"
    source.write_text(text, encoding="utf-8")
    start_event(tmp_path / "new.yaml", source, None, dt.date(2023, 5, 11))
    assert "  date: 2023-05-11  # Dydd Iau 11 Mai 2023, neu 11 Mai 2023\n" in (tmp_path / "new.yaml").read_text(
        encoding="utf-8")


def test_on_a_terminal_a_title_per_language_is_asked_for_in_each(run_cli, tmp_path, monkeypatch):
    shutil.copy(ROOT / "tests" / "fixtures" / "gallery" / "bilingual-susr.yaml", tmp_path / "bilingual.yaml")
    monkeypatch.setattr(sys, "stdin", _Terminal("Dysgu 2026\n\n2026-05-14\n\n"))
    status, out, err = run_cli(["new", "next.yaml", "--from", "bilingual.yaml"], tmp_path)
    assert status == 0, err
    assert out.startswith("Title of the event (cy) [Dysgu o Adolygiadau]: Title of the event (en) [Learning from "
                          "Reviews]: Date of the event, as YYYY-MM-DD [2025-05-15]: ")
    assert "  title: {cy: Dysgu 2026, en: Learning from Reviews}\n" in (tmp_path / "next.yaml").read_text(
        encoding="utf-8")
