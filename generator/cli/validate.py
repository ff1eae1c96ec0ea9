"""`validate`: check data files without writing anything."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..problems import InputError
from .common import DEFAULT_DATA, EXIT_BAD_INPUT, EXIT_OK, add_command, data_files
from .messages import print_problem_count, print_problems, print_warnings, shown


def add_command_to(commands: Any) -> None:
    parser = add_command(commands, "validate", "check data files without writing anything",
                         "Check data files and report every problem, writing nothing.",
                         "examples:\n"
                         "  .venv/bin/python make_deck.py validate data/tees-2023.yaml\n"
                         "  .venv/bin/python make_deck.py validate data/ --strict")
    parser.add_argument("data", nargs="*", type=Path, metavar="DATA",
                        help=f"data file(s) or folder(s) of them (default: {DEFAULT_DATA})")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--verbose", action="store_true",
                        help="also list each register row the period leaves out, and why")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..loading import load_event
    from ..figures import total_reviews

    strict = args.strict
    failed = False
    for path in data_files(args.data):
        try:
            loaded = load_event(path)
        except InputError as error:
            print_problems(error.problems)
            print_problem_count(error.problems)
            failed = True
            continue
        print_warnings(loaded.warnings, args.verbose)
        failed |= strict and any(w.severity == "warning" for w in loaded.warnings)
        review_types = loaded.event.review_types.values()
        reviews = total_reviews(review_types)
        print(f"{shown(path)}: valid; {len(review_types)} review type{'s' if len(review_types) != 1 else ''}, "
              f"{reviews} review{'s' if reviews != 1 else ''}")
    return EXIT_BAD_INPUT if failed else EXIT_OK
