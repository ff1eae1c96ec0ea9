"""Read a file the user named, refusing anything that is not a plain file of a sane size.

A data file, an include or a logo may be a FIFO (reading it waits for ever),
a device (``/dev/zero`` never ends), a folder, or simply enormous. Each is
refused with a located message before a byte is read: the kind of file is
checked with ``os.stat`` before opening it, its size before reading it, and
no more than the limit (plus one byte, to notice a file that grew) is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Opened without waiting: if a FIFO is swapped in between the check and the open, open() must not block.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class UnreadableFile(Exception):
    """The file cannot be used; ``reason`` says why in words for the person who named it."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def check_regular_file(path: Path, max_bytes: int | None, what: str) -> int:
    """Return the size of ``path`` if it is an ordinary file of at most ``max_bytes``; raise UnreadableFile if not.

    ``max_bytes`` None checks the kind of file only; ``what`` names the
    file's role in the message ("a data file", "a logo").
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise UnreadableFile("file not found") from None
    except OSError as error:
        raise UnreadableFile(f"cannot read the file ({error.strerror})") from None
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableFile(f"this is {_kind(status.st_mode)}, not a file; {what} must be an ordinary file")
    if max_bytes is not None and status.st_size > max_bytes:
        raise UnreadableFile(f"the file is {status.st_size:,} bytes; {what} may be at most {max_bytes:,} bytes")
    return status.st_size


def read_prefix(path: Path, count: int, what: str) -> bytes:
    """Return the first ``count`` bytes of ``path`` (to tell its kind), which must be an ordinary file."""
    check_regular_file(path, None, what)
    return _read(path, count, what)


def read_regular_file(path: Path, max_bytes: int, what: str) -> bytes:
    """Return the bytes of ``path``, which may hold at most ``max_bytes``.

    Raises UnreadableFile when the path is not an ordinary file, is larger
    than ``max_bytes``, or grows past it while being read.
    """
    check_regular_file(path, max_bytes, what)
    data = _read(path, max_bytes + 1, what)
    if len(data) > max_bytes:
        raise UnreadableFile(f"the file is more than {max_bytes:,} bytes; {what} may be at most {max_bytes:,} bytes")
    return data


def _read(path: Path, count: int, what: str) -> bytes:
    """Return at most ``count`` bytes from the start of ``path``, opened without blocking and checked again."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableFile(f"cannot read the file ({error.strerror})") from None
    # Checked again on what was opened, before wrapping it (a folder cannot be wrapped): the path may have been
    # replaced since the first check.
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise UnreadableFile(f"this is not an ordinary file; {what} must be an ordinary file")
    with os.fdopen(descriptor, "rb") as file:
        try:
            return file.read(count)
        except OSError as error:
            raise UnreadableFile(f"cannot read the file ({error.strerror})") from None


def not_found(folder: Path, value: str) -> str:
    """Return what to say of a name the data gives that is not there: where it was looked for, and the name beside
    it that differs only in capitals, or is closest ('did you mean Register?'), when there is one."""
    import difflib

    from ..paths import display_path

    name = Path(value).name
    where = folder / Path(value).parent
    try:
        beside = sorted(entry.name for entry in where.iterdir())
    except OSError:
        beside = []
    same = [entry for entry in beside if entry.casefold() == name.casefold()]
    close = same or difflib.get_close_matches(name, beside, n=1, cutoff=0.75)
    shown = display_path(where)
    message = f"'{value}' is not in {'this folder' if shown == '.' else shown + os.sep}"
    return message + (f" (did you mean '{close[0]}'?)" if close else "")
