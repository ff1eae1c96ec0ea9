"""What every command shares: exit statuses, the default data file, and how a command declares itself."""

from __future__ import annotations

import argparse
import os
import textwrap
import threading
from pathlib import Path
from typing import Any

from ..paths import events_in
from ..problems import InputError, Problem

DEFAULT_DATA = Path("data") / "tees-2022.yaml"
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
CTRL_C_PRESSED = threading.Event()  # set by main()'s handler; a command that stops on Ctrl-C cleanly clears it
HELP_WIDTH = 79  # the descriptions above the examples, wrapped as argparse wraps the rest

EXIT_STATUS_HELP = """\
exit status:
  0    done (warnings, if any, were printed)
  1    something unexpected went wrong: please report it with the data file
  2    the data, a file or the command has a problem to fix (each is listed with its
       file, line and key); the outputs of that data file were not written or changed
  130  stopped by Ctrl-C"""


class UsageError(Exception):
    """The command line itself is wrong (a misspelt command, say): exit 2 with the message."""


def add_command(commands: Any, name: str, summary: str, description: str, examples: str,
                exit_status: str = EXIT_STATUS_HELP) -> argparse.ArgumentParser:
    """Add a command (or an action of one) to ``commands`` with its help page: description, examples, exit status."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=summary, description=textwrap.fill(description, HELP_WIDTH), epilog=f"{examples}\n\n{exit_status}",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    return parser


def out_folder(path: Path) -> Path:
    """Return the --out folder, refusing one that names a file (or lies inside one): nothing could be written."""
    for existing in (path, *path.parents):
        if existing.exists():
            if not existing.is_dir():
                raise InputError([Problem("--out names a file, not a folder; give the folder to write decks/ and "
                                          "briefings/ into", file=str(existing))])
            break
    return path


def typed_text(value: str | None) -> str | None:
    """Return text typed on the command line or at a prompt as the characters typed, whatever the locale.

    Where the locale's encoding is ASCII (``LC_ALL=C``), Python keeps each byte it cannot decode as a lone
    surrogate, which no file can hold; the bytes are taken again as UTF-8, as terminals send them (any that are
    not UTF-8 become U+FFFD).
    """
    if value is None:
        return None
    return os.fsencode(value).decode("utf-8", errors="replace")


def data_files(given: list[Path]) -> list[Path]:
    """Return the data files named (a folder gives its events), or the default; raise InputError if none."""
    if not given:
        if not DEFAULT_DATA.exists():
            raise InputError([Problem(f"no data file given, and {DEFAULT_DATA} is not in this folder; "
                                      "name a data file: make_deck.py build DATA")])
        return [DEFAULT_DATA]
    paths: list[Path] = []
    for path in given:
        if path.is_dir():
            found = events_in(path)
            if not found:
                raise InputError([Problem("the folder holds no .yaml data files", file=str(path))])
            paths.extend(found)
        else:
            paths.append(path)
    return paths
