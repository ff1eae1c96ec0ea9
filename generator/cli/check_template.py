"""`check-template`: list everything a template lacks, and what the build does instead."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import EXIT_BAD_INPUT, EXIT_OK, add_command
from .messages import counted, shown


def add_command_to(commands: Any) -> None:
    parser = add_command(
        commands, "check-template", "list everything a template lacks, and what the build does instead",
        "List every missing layout, placeholder and style in PowerPoint (.pptx/.potx) and Word (.docx/.dotx) "
        "templates, with what each falls back to.",
        "examples:\n"
        "  .venv/bin/python make_deck.py check-template data/brand/*.potx data/brand/*.dotx\n"
        "  .venv/bin/python make_deck.py check-template data/brand/deck.potx --data data/tees-2023.yaml",
        "exit status:\n  0    every template can be used (gaps, if any, are listed with what the build does)\n"
        "  2    a template cannot be used at all\n  130  stopped by Ctrl-C")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="the templates to check")
    parser.add_argument("--data", type=Path, metavar="DATA",
                        help="use the layout and style names this data file's theme asks for")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..restyling.inspect import inspect_template

    layouts: dict[str, str] = {}
    styles: dict[str, str] = {}
    if args.data is not None:
        from ..loading import load_event

        theme = load_event(args.data).event.theme
        layouts, styles = theme.layouts, theme.styles
    unusable = False
    gaps = 0
    for path in args.files:
        report = inspect_template(path, layouts, styles)
        print(f"{shown(path)}: {'; '.join(report.facts) or 'cannot be opened'}")
        for reason in report.unusable:
            print(f"  cannot be used: {reason}")
        for item in report.dropped:
            print(f"  will drop: {item}")
        for gap in report.gaps:
            print(f"  missing: {gap}")
        if not report.unusable and not report.gaps:
            print("  nothing missing")
        unusable |= bool(report.unusable)
        gaps += len(report.gaps)
    verdict = "some templates cannot be used" if unusable else "the build can use every template"
    print(f"{counted(gaps, 'gap', 'gaps')} found; {verdict}.")
    return EXIT_BAD_INPUT if unusable else EXIT_OK
