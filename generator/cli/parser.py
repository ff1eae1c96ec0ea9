"""The command line's words: the top-level parser, over the commands each module declares.

The command names are the parser's own: each command module adds its
subparser (and the function that runs it), and nothing else lists them.
"""

from __future__ import annotations

import argparse
import os
import textwrap
from pathlib import Path
from typing import Any, NoReturn

from ..paths import DATA_SUFFIXES, PROG
from . import build, check, check_template, new, register, templates, validate, watch
from .common import DEFAULT_DATA, EXIT_STATUS_HELP, HELP_WIDTH, UsageError
from .messages import joined, quoted

DISTRIBUTION = "learning-from-reviews"  # the project's name in pyproject.toml
PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")
COMMAND_MODULES = (build, new, watch, validate, check, templates, check_template, register)
"""In the order --help lists them; each adds its own command to the parser."""


def parse_command_line(words: list[str]) -> argparse.Namespace:
    """Return the command line's meaning; raise UsageError for a misspelt command (argparse exits on the rest)."""
    parser, commands = _parser()
    return parser.parse_args(_with_command(words, list(commands)))


def command_names() -> list[str]:
    """Return the commands, as the parser knows them."""
    return list(_parser()[1])


def _with_command(words: list[str], commands: list[str]) -> list[str]:
    """Return the words with the command first: 'build' when it was left out, or raise UsageError if misspelt."""
    if not words:
        return ["build"]
    first = words[0]
    if first in commands or first in TOP_LEVEL_OPTIONS:
        return words
    if first.startswith("-") or _names_data(first):
        return ["build", *words]
    import difflib

    close = difflib.get_close_matches(first, commands, n=1)
    shown = quoted(first)
    if close:
        raise UsageError(f"unknown command '{shown}'; did you mean {close[0]}?")
    raise UsageError(f"unknown command '{shown}'; the commands are {joined(commands)} (see {PROG} --help), "
                     f"and a data file's name ends in {' or '.join(DATA_SUFFIXES)}")


def _names_data(word: str) -> bool:
    """Return whether a first word that is not a command names data (a path that exists, or a YAML file)."""
    path = Path(word)
    return path.suffix.lower() in DATA_SUFFIXES or os.sep in word or "/" in word or path.exists()


class _VersionAction(argparse.Action):
    """--version, looked up only when asked for (reading the installed metadata takes time every run would pay)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and stop")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> NoReturn:
        print(f"{PROG} {version()}")
        parser.exit()


def version() -> str:
    """Return the installed version, or the one in pyproject.toml when the project is run from its folder."""
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        import tomllib

        try:
            with open(PROJECT_ROOT / "pyproject.toml", "rb") as pyproject:
                return str(tomllib.load(pyproject)["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "(version unknown)"


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """Return the parser, and its commands by name."""
    parser = argparse.ArgumentParser(
        prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.fill("Build the 'Learning from Reviews' deck and seven-minute briefings from a YAML "
                                  f"data file. With no command, builds {DEFAULT_DATA} into decks/ and briefings/.",
                                  HELP_WIDTH),
        epilog=f"{build.EXAMPLES}\n  .venv/bin/python make_deck.py new data/tees-2023.yaml --date 2023-05-11\n"
               f"  .venv/bin/python make_deck.py watch data/tees-2023.yaml\n"
               f"  .venv/bin/python make_deck.py build --help                      # more about one command\n\n"
               f"{EXIT_STATUS_HELP}")
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_command_to(commands)
    return parser, commands.choices
