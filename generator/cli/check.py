"""`check`: build (or take built files), then report what a publisher needs to know about each file."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from .build import print_batch_summary, run_builds, threshold
from .common import DEFAULT_DATA, EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, add_command, data_files
from ..output_formats import SUFFIXES
from ..user_messages import _, ngettext
from .messages import shown


def add_command_to(commands: Any) -> None:
    parser = add_command(
        commands, "check", "build, then report what a publisher needs to know about each file",
        "Build DATA into a temporary folder (the files already built are left as they are), or take the built "
        "--files, and report per file: whether small numbers are hidden, slides or pages, text outside its frame, "
        "alt text, slide titles, contrast, document title and language, reading time.",
        "examples:\n"
        "  .venv/bin/python make_deck.py check data/tees-2023.yaml\n"
        "  .venv/bin/python make_deck.py check --files decks/*.pptx briefings/*.docx",
        "exit status:\n  0    no problem found\n  1    a problem was found in a file (each is listed)\n"
        "  2    the data or a file given has a problem to fix\n  130  stopped by Ctrl-C")
    parser.add_argument("data", nargs="*", type=Path, metavar="DATA", help=f"data file(s) (default: {DEFAULT_DATA})")
    parser.add_argument("--suppress-below", type=threshold, metavar="N",
                        help="build as `build --suppress-below N` would: counts from 1 to N-1 hidden")
    parser.add_argument("--files", nargs="+", type=Path, metavar="FILE",
                        help=f"check these built {'/'.join(SUFFIXES)} files instead of building")
    parser.add_argument("--pptx-template", type=Path, metavar="FILE",
                        help="PowerPoint template (.pptx or .potx) to build the deck on")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.files:
        return check(args.files)
    from ..build import BuildOptions

    paths = data_files(args.data)
    # A fresh build, never over the files a publisher may already have put on a website.
    with tempfile.TemporaryDirectory(prefix="check-") as folder:
        options = BuildOptions(out_dir=Path(folder), deck_template=args.pptx_template,
                               suppress_below=args.suppress_below)
        batch = run_builds(paths, options, list_files=False, verbose=True)
        if batch.failed:
            print_batch_summary(batch, len(paths))
            return EXIT_BAD_INPUT
        untranslated = check_translations(paths)
        status = check([path for _, path, _ in batch.files], Path(folder))
    return EXIT_FAILED if untranslated else status


def check_translations(paths: list[Path]) -> int:
    """Print what the catalogues of each data file's languages lack; return how many entries are untranslated."""
    from ..checks.translations import translation_report

    problems = 0
    for path in paths:
        report = translation_report(path)
        for line in report.lines:
            print(line)
        for problem in report.problems:
            print(_("  problem: {problem}", problem=problem))
        problems += len(report.problems)
    return problems


def check(files: list[Path], built_in: Path | None = None) -> int:
    """Report on each built file (named from ``built_in``, the folder it was built in, when given); return
    EXIT_FAILED when any has a problem."""
    from ..checks.report import check_files, refuse_unreadable
    from ..output.hiding_record import recorded_at

    refuse_unreadable(files)
    problems = 0
    skipped = set()
    for report in check_files(files):
        name = report.path.relative_to(built_in).as_posix() if built_in else shown(report.path)
        print(f"{name}: {'; '.join([hiding_fact(recorded_at(report.path)), *report.facts])}")
        for problem in report.problems:
            print(_("  problem: {problem}", problem=problem))
        if not report.problems:
            print(_("  no problems found"))
        problems += len(report.problems)
        skipped.update(report.skipped)
    for reason in sorted(skipped):
        print(_("skipped: {reason}", reason=reason))
    if built_in:
        print(_("checked a fresh build in a temporary folder; the files already built were not changed (check "
                "those with --files)"))
    print(_("{problems} found in {files}.", problems=ngettext("{count} problem", "{count} problems", problems),
            files=ngettext("{count} file", "{count} files", len(files))))
    return EXIT_FAILED if problems else EXIT_OK


def hiding_fact(threshold: int | None) -> str:
    """Return what a file records of hiding: 'counts below 5 hidden', 'small numbers not hidden', or 'records no
    hiding' (a file built by an older version or by another tool, or a workbook)."""
    if threshold is None:
        return _("records no hiding")
    return _("counts below {threshold} hidden", threshold=threshold) if threshold else _("small numbers not hidden")
