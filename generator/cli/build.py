"""`build`: build the deck and briefings of each data file (the default command)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..problems import Problem
from .common import DEFAULT_DATA, EXIT_BAD_INPUT, EXIT_OK, add_command, data_files, out_folder
from ..user_messages import _
from .messages import built, file_line, print_problems, print_warnings, problem_count, said_list, shown

if TYPE_CHECKING:
    from ..build import BuildOptions

EXAMPLES = """\
examples:
  .venv/bin/python make_deck.py                                   # builds data/tees-2022.yaml
  .venv/bin/python make_deck.py build data/tees-2023.yaml --out ~/Desktop
  .venv/bin/python make_deck.py build data/                       # every event in the folder
  .venv/bin/python make_deck.py build data/tees-2023.yaml --pdf --strict
  .venv/bin/python make_deck.py build data/tees-2023.yaml --pictures  # charts as pictures for comms"""


def add_command_to(commands: Any) -> None:
    parser = add_command(commands, "build", "build the deck and briefings (the default command)",
                         "Build the deck into OUT/decks and one briefing per review type into OUT/briefings. A file "
                         "whose content has not changed is left alone.", EXAMPLES)
    add_build_options(parser)
    parser.set_defaults(run=run)


def add_build_options(parser: argparse.ArgumentParser) -> None:
    """Add the words that say what to build and how (shared with `watch`)."""
    parser.add_argument("data", nargs="*", type=Path, metavar="DATA",
                        help=f"data file(s) or folder(s) of them (default: {DEFAULT_DATA})")
    parser.add_argument("--out", type=Path, default=Path("."), metavar="DIR",
                        help="folder to write decks/ and briefings/ into (default: this folder)")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (numbers that do not add up, long briefings) as errors")
    parser.add_argument("--pdf", action="store_true", help="also write PDFs of every output (needs LibreOffice)")
    parser.add_argument("--pictures", action="store_true",
                        help="also draw every chart as pictures for comms (a PNG for print, a PNG social media card "
                             "and an SVG, with their alt text) into OUT/pictures/; the data may say "
                             "publish: {pictures: true} instead")
    parser.add_argument("--pptx-template", type=Path, metavar="FILE",
                        help="PowerPoint template (.pptx or .potx) to build the deck on, instead of the one "
                             "the data's theme names")
    parser.add_argument("--docx-template", type=Path, metavar="FILE",
                        help="Word template (.docx or .dotx) to build the briefings on, instead of the one the "
                             "data's theme names")
    parser.add_argument("--allow-outside", action="store_true",
                        help="allow a logo, template or included file from outside the data file's folder")
    parser.add_argument("--verbose", action="store_true",
                        help="also list each register row the period leaves out, and why")
    parser.add_argument("--suppress-below", type=threshold, metavar="N",
                        help="for publishing: show counts from 1 to N-1 as '<N' in the briefings (and in the deck "
                             "when the data says publish: {deck: true}); overrides the data's publish: "
                             "suppress_below")
    parser.add_argument("--allow-unhiding", action="store_true",
                        help="replace outputs built with small numbers hidden even when this build hides fewer "
                             "(without it, such a build is refused and nothing is written)")


def threshold(text: str) -> int:
    """Return the threshold the command line gives (argparse's type for --suppress-below)."""
    from ..data_source.schema import MAX_COUNT
    from ..suppression import MIN_THRESHOLD

    digits = text.strip()
    # ASCII digits, compared by length first: int() of thousands of digits raises; no count is above MAX_COUNT.
    if (not re.fullmatch("[0-9]+", digits) or len(digits.lstrip("0")) > len(str(MAX_COUNT))
            or not MIN_THRESHOLD <= int(digits) <= MAX_COUNT):
        raise argparse.ArgumentTypeError(f"expected a whole number from {MIN_THRESHOLD} to {MAX_COUNT:,} (the "
                                         f"largest count a data file may hold), got '{text}'")
    return int(digits)


def run(args: argparse.Namespace) -> int:
    paths = data_files(args.data)
    batch = run_builds(paths, build_options(args), list_files=True, verbose=args.verbose)
    print_batch_summary(batch, len(paths))
    return EXIT_BAD_INPUT if batch.failed else EXIT_OK


def build_options(args: argparse.Namespace) -> BuildOptions:
    from ..build import BuildOptions

    return BuildOptions(out_dir=out_folder(args.out), strict=args.strict, pdf=args.pdf, deck_template=args.pptx_template,
                        docx_template=args.docx_template, allow_outside=args.allow_outside,
                        suppress_below=args.suppress_below, allow_unhiding=args.allow_unhiding,
                        progress=_say if args.pdf else None, pictures=args.pictures)


def _say(line: str) -> None:
    """Print a progress line on stderr, so stdout stays the list of files."""
    print(line, file=sys.stderr, flush=True)


class Batch:
    """What a batch of builds did so far: the files of the events built, and the events that had problems."""

    def __init__(self) -> None:
        self.files: list[tuple[str, Path, str]] = []
        self.failed: list[tuple[Path, list[Problem]]] = []
        self.warnings: list[str] = []  # every warning and note of the events built, as printed


def run_builds(paths: list[Path], options: BuildOptions, list_files: bool,
               said_before: frozenset[str] = frozenset(), verbose: bool = False) -> Batch:
    """Build every event, saying per event what happened; return what was built and what failed.

    Warnings in ``said_before`` (those of the last rebuild, when watching) are not printed again; ``verbose``
    prints each register row left out of the period too.
    """
    from ..build import build_batch

    batch = Batch()
    for outcome in build_batch(paths, options):
        if outcome.problems:
            print_problems(outcome.problems)
            if len(paths) > 1:
                print(_("{file}: {problems}; its outputs were not written or changed.", file=shown(outcome.source),
                        problems=problem_count(outcome.problems)), file=sys.stderr)
            batch.failed.append((outcome.source, outcome.problems))
            continue
        batch.warnings.extend(str(w) for w in outcome.warnings)
        print_warnings([w for w in outcome.warnings if str(w) not in said_before], verbose)
        if list_files:
            for state, path, summary in outcome.files:
                print(file_line(state, path, summary))
        batch.files.extend(outcome.files)
    return batch


def print_batch_summary(batch: Batch, events: int) -> None:
    if not batch.files:
        problems = [problem for _source, found in batch.failed for problem in found]
        if len(batch.failed) > 1:
            print(_("{problems} in {files} data files; no output was written or changed.",
                    problems=problem_count(problems), files=len(batch.failed)), file=sys.stderr)
        else:
            print(_("{problems}; no output was written or changed.", problems=problem_count(problems)),
                  file=sys.stderr)
        return
    if batch.failed:
        names = said_list([shown(source) for source, _problems in batch.failed])
        print(_("{built}; not built, because of the problems above: {names} ({failed} of {events} data files).",
                built=built(batch.files), names=names, failed=len(batch.failed), events=events))
        return
    print(built(batch.files) + ".")
