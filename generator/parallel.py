"""Run two groups of independent jobs at once: one here, one in a forked copy of this process.

A cold build is mostly CPU (imports, XML, compression): the deck and the
briefings each take a core. Forking shares what is already loaded and needs
no pickling of the jobs themselves, only of their results. Where fork is not
available, or the forked copy fails, the other group simply runs here too,
so a job's error surfaces exactly as it would without parallelism.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Any

Job = Callable[[], Any]


def run_both(here: list[Job], elsewhere: list[Job]) -> list[Any]:
    """Return the results of ``here`` then ``elsewhere``, running ``elsewhere`` in a forked process if it can."""
    child = _start(elsewhere) if here and elsewhere else None
    results = [job() for job in here]
    theirs = _finish(child) if child else None
    if theirs is None:
        theirs = [job() for job in elsewhere]
    return results + theirs


def _start(jobs: list[Job]) -> tuple[int, int] | None:
    """Return (pid, read end of its pipe) of a forked process running ``jobs``, or None."""
    if not hasattr(os, "fork"):
        return None
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid:
        os.close(write_end)
        return pid, read_end
    os.close(read_end)
    status = 0
    try:
        payload = pickle.dumps([job() for job in jobs], protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    except BaseException:  # the parent runs the jobs again and reports the error itself
        status = 1
    os._exit(status)  # no atexit handlers, no second flush of the parent's buffered output


def _finish(child: tuple[int, int]) -> list[Any] | None:
    """Return the forked process's results, or None if it failed."""
    pid, read_end = child
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not payload:
        return None
    return pickle.loads(payload)
