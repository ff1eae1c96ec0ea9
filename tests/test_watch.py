"""`make_deck.py watch`: one rebuild per change, one line per rebuild, Ctrl-C stops it cleanly."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import generator.watch
from generator.watch import files_beside, named_files, snapshot
from tests.conftest import ROOT, default_text, line_of, replace_once

STAMP = r"\d\d:\d\d:\d\d"
BUILT = "deck written, 3 briefings written, 3 web pages written"


def _start(tmp_path: Path, *extra: str) -> subprocess.Popen[str]:
    (tmp_path / "event.yaml").write_text(default_text(), encoding="utf-8")
    return subprocess.Popen([sys.executable, str(ROOT / "make_deck.py"), "watch", "event.yaml", "--out", "out",
                             *extra], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(process: subprocess.Popen[str], start: str) -> list[str]:
    """Return the lines printed up to and including the first that starts with ``start``."""
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.startswith(start):
            return lines
    raise AssertionError(f"the watch ended before printing {start!r}: {lines}")


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(replace_once(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")


def test_one_edit_gives_one_rebuild_and_ctrl_c_stops_cleanly(tmp_path):
    process = _start(tmp_path)
    try:
        first = _wait_for(process, "watching ")
        assert re.fullmatch(f"{STAMP} built: {BUILT}\n", first[0])
        assert first[1] == "watching 1 file in this folder for changes; press Ctrl-C to stop\n"
        # Only the adults' briefing shows this paragraph.
        _edit(tmp_path / "event.yaml", "The Care Act 2014 sets out when", "The Care Act 2014 says when")
        rebuilt = _wait_for(process, "")  # the next line, whatever it is
        assert re.fullmatch(f"{STAMP} rebuilt: deck unchanged, briefing written, 2 briefings unchanged, web page written, 2 web pages unchanged\n",
                            rebuilt[0])
        time.sleep(2)  # four more polls, with nothing changed: no more rebuilds
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    assert out == "stopped watching\n"
    assert (process.returncode, err) == (0, "")


def test_max_builds_stops_after_that_many_rebuilds(tmp_path):
    process = _start(tmp_path, "--max-builds", "1")
    try:
        _wait_for(process, "watching ")
        _edit(tmp_path / "event.yaml", "The Care Act 2014 sets out when", "The Care Act 2014 says when")
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert re.fullmatch(f"{STAMP} rebuilt: deck unchanged, briefing written, 2 briefings unchanged, web page written, 2 web pages unchanged\n", out)


def test_a_rebuild_with_problems_says_so_and_the_next_good_edit_rebuilds(run_cli, tmp_path, monkeypatch):
    event = tmp_path / "event.yaml"
    event.write_text(default_text(), encoding="utf-8")
    bad = replace_once(default_text(), "    count: 7\n", "    count: -7\n")
    monkeypatch.setattr(generator.watch.time, "sleep", _alternate(event, bad))
    status, out, err = run_cli(["watch", "event.yaml", "--out", "out", "--max-builds", "2"], tmp_path)
    assert status == 0
    lines = out.splitlines()
    assert re.fullmatch(f"{STAMP} built: {BUILT}", lines[0])
    assert re.fullmatch(f"{STAMP} not rebuilt: 1 problem found in event.yaml \\(above\\); the outputs are as they "
                        "were", lines[2])
    assert re.fullmatch(f"{STAMP} rebuilt: deck unchanged, 3 briefings unchanged, 3 web pages unchanged", lines[3])
    assert err == (f"error: event.yaml, line {line_of(bad, 'count: -7')}, review_types.adults.count: expected a "
                   "count of 0 or more, got -7\n")


def _alternate(event: Path, bad: str):
    """Return a stand-in for time.sleep: the first poll finds the file broken, the next poll finds it mended."""
    versions = [bad, default_text()]
    calls = {"n": 0}

    def sleep(seconds: float) -> None:
        calls["n"] += 1
        # Polls: 1 finds a change, 2 sees it settled; 3 finds the next change, 4 sees it settled.
        if calls["n"] in (1, 3):
            event.write_text(versions[calls["n"] // 2], encoding="utf-8")
            stamp = time.time_ns() + calls["n"] * 10**9  # a distinct time, whatever the clock's resolution
            os.utime(event, ns=(stamp, stamp))

    return sleep


def test_the_files_beside_the_data_are_watched_but_not_lock_or_hidden_files(tmp_path):
    for name in ("event.yaml", "_areas.yml", "register.xlsx", "rows.csv", "~$register.xlsx", ".event.yaml.swp",
                 ".hidden.yaml", "deck.potx", "notes.txt", "event.cy.po"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert sorted(p.name for p in files_beside([tmp_path / "event.yaml"])) == [
        "_areas.yml", "event.cy.po", "event.yaml", "register.xlsx", "rows.csv"]  # .po: the translator's corrections


def test_the_logo_and_templates_the_data_names_are_watched(tmp_path):
    brand = tmp_path / "brand"
    brand.mkdir()
    from PIL import Image

    Image.new("RGB", (4, 4), "white").save(brand / "logo.png")
    event = tmp_path / "event.yaml"
    event.write_text(default_text() + "\ntheme:\n  logo: brand/logo.png\n", encoding="utf-8")
    extra = tmp_path / "deck.potx"
    assert named_files([event], [extra], allow_outside=False) >= {event, extra}
    assert named_files([event], [], allow_outside=False) == {event, brand / "logo.png"}


def test_a_missing_file_is_part_of_the_snapshot(tmp_path):
    present = tmp_path / "a.yaml"
    present.write_text("x", encoding="utf-8")
    states = snapshot([present, tmp_path / "gone.yaml"])
    assert states[tmp_path / "gone.yaml"] is None
    assert states[present] == (present.stat().st_mtime_ns, 1)


def test_a_register_in_a_folder_below_the_data_is_watched(tmp_path):
    register = tmp_path / "registers" / "riverside"
    register.mkdir(parents=True)
    for name in ("reviews.csv", "people.csv", "~$people.csv"):
        (register / name).write_text("x", encoding="utf-8")
    (tmp_path / ".learning-from-reviews").mkdir()
    (tmp_path / ".learning-from-reviews" / "record.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "event.yaml").write_text("x", encoding="utf-8")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in files_beside([tmp_path / "event.yaml"])) == [
        "event.yaml", "registers/riverside/people.csv", "registers/riverside/reviews.csv"]


def test_the_watch_looks_only_a_few_folders_deep(tmp_path):
    folder = tmp_path
    for level in range(1, 6):
        folder = folder / f"level{level}"
        folder.mkdir()
        (folder / "rows.csv").write_text("x", encoding="utf-8")
    found = files_beside([tmp_path / "event.yaml"])
    assert max(len(p.relative_to(tmp_path).parts) for p in found) == 4  # three folders down, then the file


def test_a_warning_said_at_the_last_build_is_not_said_again(run_cli, tmp_path, monkeypatch):
    warned = replace_once(default_text(), "    count: 7\n", "    count: 8\n")  # the areas add up to 7
    edited = replace_once(warned, "The Care Act 2014 sets out when", "The Care Act 2014 says when")
    event = tmp_path / "event.yaml"
    event.write_text(warned, encoding="utf-8")
    calls = {"n": 0}

    def sleep(seconds: float) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            event.write_text(edited, encoding="utf-8")
            stamp = time.time_ns() + 10**9
            os.utime(event, ns=(stamp, stamp))

    monkeypatch.setattr(generator.watch.time, "sleep", sleep)
    status, out, err = run_cli(["watch", "event.yaml", "--out", "out", "--max-builds", "1"], tmp_path)
    assert status == 0
    said = err.splitlines()
    assert any("the area counts add up to 7 but there are 8 reviews" in line for line in said)
    assert len(said) == len(set(said))  # each once: at the build, not again at the rebuild
    assert re.fullmatch(f"{STAMP} rebuilt \\({len(said)} messages as before\\): .*", out.splitlines()[-1])
