"""`make_deck.py watch`: rebuild whenever a file the build reads changes.

Polling, not file-system events: it needs no new dependency, behaves the same
on every system and on network drives, and a handful of files stat twice a
second costs nothing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .loading import load_event
from .paths import display_path
from .problems import InputError

POLL_SECONDS = 0.5
# An editor may save in several steps: a change counts once the files have stayed the same for one poll,
# or after this many polls of a file that keeps changing.
MAX_SETTLING_POLLS = 10
# Files beside the data that a build may read: included YAML, and registers (workbooks, CSV).
WATCHED_SUFFIXES = (".yaml", ".yml", ".xlsx", ".csv", ".po")  # .po: a translator's catalogue beside the data
# How far below a data file's folder, and through how many names, the watch looks for files the data may name.
MAX_WATCHED_DEPTH = 3
MAX_WATCHED_ENTRIES = 5_000
# Office's lock files (~$book.xlsx) and editors' hidden files change while a file is open, not when it is saved.
IGNORED_PREFIXES = ("~$", ".")

FileState = tuple[int, int] | None  # (modification time in ns, size), or None for a file that is not there
Snapshot = dict[Path, FileState]


def named_files(data: list[Path], extra: Iterable[Path], allow_outside: bool) -> set[Path]:
    """Return the data files and the logo and templates each names (a data file that cannot be read names none)."""
    files = set(data) | set(extra)
    for path in data:
        try:
            loaded = load_event(path, allow_outside)
        except InputError:
            continue
        files.update(f for f in (loaded.path, loaded.logo, loaded.pptx_template, loaded.docx_template) if f)
    return files


def files_beside(data: list[Path]) -> set[Path]:
    """Return the files in each data file's folder, and the folders below it, that a build may read (included
    files, registers, a register's folder of CSV files): the data may name any file inside its folder."""
    found: set[Path] = set()
    for folder in {path.parent for path in data}:
        entries_seen = 0
        for current, folders, files in os.walk(folder, onerror=lambda _error: None):
            depth = len(Path(current).relative_to(folder).parts)
            # Hidden folders hold no data (this tool's own records among them); a data file kept in a large folder
            # must not make every poll walk the whole disk below it.
            folders[:] = [] if depth >= MAX_WATCHED_DEPTH else sorted(
                name for name in folders if not name.startswith(IGNORED_PREFIXES))
            entries_seen += len(folders) + len(files)
            found.update(Path(current) / name for name in files if Path(name).suffix.lower() in WATCHED_SUFFIXES
                         and not name.startswith(IGNORED_PREFIXES))
            if entries_seen > MAX_WATCHED_ENTRIES:
                break
    return found


def snapshot(files: Iterable[Path]) -> Snapshot:
    """Return each file's modification time and size (None when it is missing or cannot be read)."""
    states: Snapshot = {}
    for path in files:
        try:
            status = path.stat()
        except OSError:
            states[path] = None
        else:
            states[path] = (status.st_mtime_ns, status.st_size)
    return states


def watch(find_data: Callable[[], list[Path]], rebuild: Callable[[bool], None], extra: list[Path], *,
          allow_outside: bool = False, max_builds: int | None = None, say: Callable[[str], None] = print,
          interval: float = POLL_SECONDS) -> None:
    """Build, then rebuild after every change to a watched file, until Ctrl-C (or ``max_builds`` rebuilds).

    ``rebuild(first)`` builds and reports; ``find_data()`` returns the data files (a folder may gain some).
    """
    data = find_data()
    rebuild(True)
    named = named_files(data, extra, allow_outside)
    before = snapshot(named | files_beside(data))
    folders = sorted({_folder_name(path.parent) for path in before})
    say(f"watching {len(before)} file{'s' if len(before) != 1 else ''} in {', '.join(folders)} for changes; "
        "press Ctrl-C to stop")
    rebuilds = 0
    while max_builds is None or rebuilds < max_builds:
        time.sleep(interval)
        now = snapshot(named | files_beside(data))
        if now == before:
            continue
        now = _settled(now, named | files_beside(data), interval)
        rebuild(False)
        rebuilds += 1
        data = find_data()
        named = named_files(data, extra, allow_outside)
        watched = named | files_beside(data)
        # Compare the next poll with the files as they were built, so that an edit made during the build counts.
        newly_watched = snapshot(watched - now.keys())
        before = {path: now[path] if path in now else newly_watched[path] for path in watched}


def _folder_name(folder: Path) -> str:
    shown = display_path(folder)
    return "this folder" if shown == "." else shown + "/"


def _settled(current: Snapshot, files: set[Path], interval: float) -> Snapshot:
    """Return the snapshot once it stops changing between polls (or after MAX_SETTLING_POLLS polls)."""
    for _ in range(MAX_SETTLING_POLLS):
        time.sleep(interval)
        again = snapshot(files)
        if again == current:
            break
        current = again
    return current
