"""Outputs drawn two at a time come out exactly as drawn one after another, and their failures still reach the user."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator.build import BuildOptions, build_event
from generator.output import Rendered
from generator.output.rendering import can_render_in_parallel, render_all
from generator.problems import InputError, Problem
from tests.conftest import DEFAULT_DATA, ROOT
from tests.test_cli import INTERRUPTED

needs_fork = pytest.mark.skipif(not can_render_in_parallel(), reason="this system cannot fork onto a second processor")
EVERY_PARTNERSHIP = [DEFAULT_DATA, ROOT / "data" / "riverside-2024.yaml",
                     *sorted((ROOT / "tests" / "fixtures" / "gallery").glob("*.yaml"))]


def _drawn_in(name: str):
    def render() -> Rendered:
        return Rendered(f"{name} {os.getpid()}".encode(), name)
    return render


@needs_fork
def test_every_output_but_the_first_is_drawn_in_another_process_and_returned_in_order():
    results = render_all([_drawn_in(name) for name in ("deck", "cspr", "sar", "dhr")])
    names = [r.data.decode().split()[0] for r in results]
    processes = [int(r.data.decode().split()[1]) for r in results]
    assert names == ["deck", "cspr", "sar", "dhr"]
    assert processes[0] == os.getpid()
    assert len(set(processes[1:])) == 1 and processes[1] != os.getpid()


def test_asked_for_one_at_a_time_every_output_is_drawn_here():
    results = render_all([_drawn_in(name) for name in ("deck", "cspr")], in_parallel=False)
    assert {int(r.data.decode().split()[1]) for r in results} == {os.getpid()}


def _refuses() -> Rendered:
    raise InputError([Problem("the template's footer cannot be read", file="deck.pptx", category="template")])


@needs_fork
def test_bad_input_found_while_drawing_in_the_other_process_is_reported_with_its_problems():
    with pytest.raises(InputError) as raised:
        render_all([_drawn_in("deck"), _refuses])
    assert [str(p) for p in raised.value.problems] == ["deck.pptx: the template's footer cannot be read"]


class _Unpicklable(Exception):
    def __init__(self) -> None:
        super().__init__("a lock cannot cross between processes")
        self.lock = threading.Lock()


def _fails_oddly() -> Rendered:
    raise _Unpicklable()


@needs_fork
def test_a_failure_that_cannot_cross_between_processes_comes_back_as_its_traceback():
    with pytest.raises(RuntimeError, match="(?s)_Unpicklable.*a lock cannot cross between processes"):
        render_all([_drawn_in("deck"), _fails_oddly])


def _dies_in_a_child(parent: int):
    def render() -> Rendered:
        if os.getpid() != parent:
            os._exit(1)  # as if killed: no word back to the parent
        return Rendered(b"drawn here", "cspr")
    return render


@needs_fork
def test_outputs_whose_process_died_without_a_word_are_drawn_here_instead():
    results = render_all([_drawn_in("deck"), _dies_in_a_child(os.getpid())])
    assert [r.data for r in results][1:] == [b"drawn here"]


@needs_fork
def test_a_failure_here_stops_the_other_process():
    with pytest.raises(InputError):
        render_all([_refuses, _drawn_in("cspr")])
    assert multiprocessing.active_children() == []


def _writes_after_a_while(marker: Path):
    def render() -> Rendered:
        time.sleep(1)
        marker.write_text("drawn")
        return Rendered(b"", "late")
    return render


@needs_fork
def test_ctrl_c_as_the_other_process_is_forked_still_stops_it(tmp_path, monkeypatch):
    # Ctrl-C just after the fork, before multiprocessing has recorded the child, used to leave the child drawing
    # (and writing to the terminal) after the build had said it stopped.
    real_fork = os.fork

    def fork_then_ctrl_c() -> int:
        pid = real_fork()
        if pid:
            os.kill(os.getpid(), signal.SIGINT)
        return pid

    monkeypatch.setattr(os, "fork", fork_then_ctrl_c)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    marker = tmp_path / "drawn by the child"
    try:
        with pytest.raises(KeyboardInterrupt):
            render_all([_drawn_in("deck"), _writes_after_a_while(marker)])
    finally:
        signal.signal(signal.SIGINT, previous)
    time.sleep(2)
    assert not marker.exists()
    assert multiprocessing.active_children() == []


def _files(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".learning-from-reviews" not in p.parts}


@needs_fork
@pytest.mark.parametrize("data", EVERY_PARTNERSHIP, ids=lambda p: p.stem)
@pytest.mark.slow  # every gallery partnership built twice
def test_every_partnership_builds_to_the_same_bytes_two_at_a_time_as_one_at_a_time(tmp_path, data):
    one_at_a_time, two_at_a_time = tmp_path / "serial", tmp_path / "parallel"
    build_event(data, BuildOptions(out_dir=one_at_a_time, render_in_parallel=False))
    build_event(data, BuildOptions(out_dir=two_at_a_time, render_in_parallel=True))
    serial = _files(one_at_a_time)
    assert len(serial) >= 3
    assert _files(two_at_a_time) == serial


def _children_of(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    return [int(child) for task in tasks.iterdir() for child in (task / "children").read_text().split()]


@needs_fork
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the drawing process through /proc")
def test_ctrl_c_while_the_other_process_draws_stops_both_with_one_clean_message(tmp_path):
    # Ctrl-C at a terminal reaches every process of the command: the build and the process drawing beside it.
    huge = ROOT / "tests" / "fixtures" / "gallery" / "huge-metropolitan.yaml"
    process = subprocess.Popen([sys.executable, str(ROOT / "make_deck.py"), "build", str(huge), "--out",
                                str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    while not _children_of(process.pid) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert process.poll() is None, "the build finished before another process began drawing"
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (130, INTERRUPTED)
    assert not list(tmp_path.rglob("*.pptx")) and not list(tmp_path.rglob("*.tmp"))


@needs_fork
@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="needs processor affinity")
def test_a_process_limited_to_one_processor_draws_one_output_at_a_time():
    script = ("import os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
              "from generator.output.rendering import can_render_in_parallel; print(can_render_in_parallel())")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout == "False\n", result.stderr


def _gone(pid: int) -> bool:
    """Return whether the process has ended (an orphan's zombie, not yet reaped, counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "State:\tZ" in status


ABANDONED = """
import os, sys, time
from generator.output import Rendered
from generator.output.rendering import render_all
marker = sys.argv[1]

def drawn_beside() -> Rendered:
    with open(marker, "w") as file:
        file.write(str(os.getpid()))
    return Rendered(b"x" * 1_000_000, "more than a pipe holds")

def dies_first() -> Rendered:
    while not os.path.exists(marker) or not open(marker).read():
        time.sleep(0.01)
    os._exit(0)  # gone without stopping the child, as when Ctrl-C comes while the child is being made

render_all([dies_first, drawn_beside])
"""


@needs_fork
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="watches the other process through /proc")
def test_the_other_process_ends_by_itself_when_the_build_is_gone(tmp_path):
    marker = tmp_path / "child.pid"
    subprocess.run([sys.executable, "-c", ABANDONED, str(marker)], cwd=ROOT, timeout=60, check=True)
    child = int(marker.read_text())
    deadline = time.monotonic() + 20
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(child), "the process drawing the outputs was left waiting for a build that had ended"
