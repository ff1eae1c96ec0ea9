"""One build at a time per output folder: a second process asking for the folder's lock waits for the first."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from generator.output.lock import build_lock
from generator.output.manifest import FOLDER
from tests.conftest import ROOT

# A process that takes the folder's lock, notes each step in a log (one line per step), and, as the first
# holder, keeps the lock until the test creates the file 'release'.
HOLDER = """
import sys, time
from pathlib import Path
from generator.output.lock import build_lock
out, name = Path(sys.argv[1]), sys.argv[2]
log = out / "log"
def note(step):
    with open(log, "a") as handle:
        handle.write(f"{name} {step}\\n")
note("asks")
with build_lock(out):
    note("holds")
    while name == "first" and not (out / "release").exists():
        time.sleep(0.01)
    note("lets go")
"""


def _start(out: Path, name: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", HOLDER, str(out), name], cwd=ROOT)


def _log(out: Path) -> list[str]:
    return (out / "log").read_text().splitlines() if (out / "log").exists() else []


def _wait_for(out: Path, line: str) -> None:
    while line not in _log(out):
        time.sleep(0.01)


def test_a_second_process_waits_until_the_first_lets_go(tmp_path):
    first = _start(tmp_path, "first")
    _wait_for(tmp_path, "first holds")
    second = _start(tmp_path, "second")
    _wait_for(tmp_path, "second asks")
    # Give a second process that wrongly got the lock the time to say so; a right one cannot, however long.
    time.sleep(0.3)
    assert _log(tmp_path) == ["first asks", "first holds", "second asks"]
    (tmp_path / "release").touch()
    assert (first.wait(), second.wait()) == (0, 0)
    assert _log(tmp_path) == ["first asks", "first holds", "second asks", "first lets go", "second holds",
                              "second lets go"]


def test_the_lock_is_released_when_the_block_fails(tmp_path):
    try:
        with build_lock(tmp_path):
            raise ValueError("a build that failed")
    except ValueError:
        pass
    second = _start(tmp_path, "second")
    assert second.wait() == 0
    assert _log(tmp_path) == ["second asks", "second holds", "second lets go"]


def test_the_lock_lives_in_the_generators_own_folder(tmp_path):
    with build_lock(tmp_path / "new"):
        assert sorted(path.name for path in (tmp_path / "new").iterdir()) == [FOLDER]
