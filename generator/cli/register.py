"""`register new`: write a blank review register to fill in."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from ..problems import InputError, Problem
from .common import DEFAULT_DATA, EXIT_OK, add_command
from .messages import joined, quoted, shown


def add_command_to(commands: Any) -> None:
    parser = add_command(commands, "register", "write a blank review register to fill in",
                         "Work with the review register: the workbook of one row per review that the data file's "
                         "register: names.",
                         "examples:\n"
                         "  .venv/bin/python make_deck.py register new data/reviews.xlsx data/riverside.yaml")
    actions = parser.add_subparsers(dest="register_command", metavar="ACTION", required=True)
    new = add_command(
        actions, "new", "write a blank register workbook for a data file's review types and areas",
        "Write a blank register workbook to FILE: sheets Reviews and People with a frozen heading row, drop-down "
        "lists of DATA's review types, areas and roles, statuses, the ONS 2021 ethnic groups and genders, and an "
        "About sheet explaining each column. An existing FILE is never overwritten. Name it in the data file "
        "(register: FILE), fill in one row per review, and build.",
        "examples:\n"
        "  .venv/bin/python make_deck.py register new data/reviews.xlsx data/riverside-2024.yaml\n"
        f"  .venv/bin/python make_deck.py register new data/reviews.xlsx          # for {DEFAULT_DATA}",
        "exit status:\n  0    the workbook was written\n  2    FILE exists, or the data has a problem to fix\n"
        "  130  stopped by Ctrl-C")
    new.add_argument("file", type=Path, metavar="FILE", help="the workbook to write (ending in .xlsx)")
    new.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, metavar="DATA",
                     help=f"the data file whose types and areas it lists (default: {DEFAULT_DATA})")
    new.set_defaults(run=run_new)


def run_new(args: argparse.Namespace) -> int:
    """Write a blank register for the data file's review types and areas; never overwrite a file.

    Only the data's review types and areas are read: the register the data
    names may not exist yet (it may be this very one), and the counts and the
    figures placeholders cite come from the register, so none of that may stop it.
    """
    from ..data_source.outline import read_register_choices
    from ..register_workbook import write_blank_register

    target: Path = args.file
    data: Path = args.data
    if target.suffix.lower() != ".xlsx":
        raise InputError([Problem("expected a workbook name ending in .xlsx", file=shown(target))])
    if target.exists():
        raise InputError([Problem("the file already exists and is not overwritten; choose another name, or move "
                                  "it away first", file=shown(target))])
    choices = read_register_choices(data)
    categories = choices.categories
    write_blank_register(target, choices.review_types, choices.areas, categories.ethnicities or None,
                         categories.genders, choices.roles, choices.themes, choices.criteria, choices.statuses)
    print(f"wrote {shown(target)}: a blank register for {joined(choices.review_types)} in "
          f"{joined(choices.areas)}. {_next_step(target, data, choices.register_named)}")
    return EXIT_OK


def _next_step(target: Path, data: Path, named: str | None) -> str:
    """Return what to do next: name it in the data file (unless the data names it already), and fill it in."""
    folder = data.resolve().parent
    name = Path(os.path.relpath(target.resolve(), folder)).as_posix()
    fill_in = "add one row per review, and build."
    if named is not None and (folder / named).resolve() == target.resolve():
        return f"{shown(data)} names it already (register: {quoted(named)}): {fill_in}"
    if name.startswith("../"):
        return (f"Move it beside {shown(data)} (a data file uses only files in its own folder and the "
                f"folders inside it), name it in {shown(data)} (register: {target.name}), {fill_in}")
    instead = f", in place of {quoted(named)}" if named is not None else ""
    return f"Name it in {shown(data)} (register: {name}{instead}), {fill_in}"
