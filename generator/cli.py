"""The command line: a thin layer over :mod:`generator.build`.

Exit status: 0 on success, 2 when the input is bad (nothing is written),
1 when something unexpected went wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .problems import InputError

DEFAULT_DATA = Path("data") / "tees-2022.yaml"
COMMANDS = ("build", "validate", "check", "templates", "check-template")
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
MAX_REPORTED = 100


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="make_deck.py",
        description="Build the 'Learning from Reviews' deck and seven-minute briefings from a YAML data file. "
                    "With no command, builds data/tees-2022.yaml into decks/ and briefings/.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser("build", help="build the deck and briefings (the default command)",
                                description="Build the deck into OUT/decks and one briefing per review type "
                                            "into OUT/briefings.")
    build.add_argument("data", nargs="*", type=Path, metavar="DATA",
                       help=f"data file(s) or folder(s) of them (default: {DEFAULT_DATA})")
    build.add_argument("--out", type=Path, default=Path("."), metavar="DIR",
                       help="folder to write decks/ and briefings/ into (default: this folder)")
    build.add_argument("--strict", action="store_true",
                       help="treat warnings (numbers that do not add up, long briefings) as errors")
    build.add_argument("--pdf", action="store_true", help="also write PDFs of every output (needs LibreOffice)")
    build.add_argument("--pptx-template", type=Path, metavar="FILE",
                       help="PowerPoint template (.pptx or .potx) to build the deck on")
    build.add_argument("--docx-template", type=Path, metavar="FILE",
                       help="Word template (.docx or .dotx) to build the briefings on")
    build.add_argument("--allow-outside", action="store_true",
                       help="allow a logo or template from outside the data file's folder")
    validate = commands.add_parser("validate", help="check data files without writing anything",
                                   description="Check data files and report every problem, writing nothing.")
    validate.add_argument("data", nargs="*", type=Path, metavar="DATA",
                          help=f"data file(s) (default: {DEFAULT_DATA})")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check = commands.add_parser(
        "check", help="build, then report what a publisher needs to know about each file",
        description="Build DATA (or take --files) and report per file: slides or pages, text outside its frame, "
                    "alt text, slide titles, contrast, document title and language, reading time. Exit 0 when "
                    "clean, 1 when a problem is found.")
    check.add_argument("data", nargs="*", type=Path, metavar="DATA", help=f"data file(s) (default: {DEFAULT_DATA})")
    check.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="folder to build into")
    check.add_argument("--files", nargs="+", type=Path, metavar="FILE",
                       help="check these .pptx/.docx files instead of building")
    check.add_argument("--pptx-template", type=Path, metavar="FILE", help=argparse.SUPPRESS)
    templates = commands.add_parser("templates", help="export the built-in templates to restyle",
                                    description="Work with the built-in templates.")
    template_commands = templates.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    export = template_commands.add_parser(
        "export", help="write the built-in .potx and .dotx templates and an example theme",
        description="Write the built-in deck template (.potx), briefing template (.dotx) and an example theme "
                    "into DIR, to open in PowerPoint and Word, restyle, and point the build back at.")
    export.add_argument("folder", type=Path, metavar="DIR")
    check_template = commands.add_parser(
        "check-template", help="list everything a template lacks, and what the build does instead",
        description="List every missing layout, placeholder and style in PowerPoint (.pptx/.potx) and Word "
                    "(.docx/.dotx) templates, with what each falls back to. Exit 2 when a template cannot be "
                    "used at all.")
    check_template.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check_template.add_argument("--data", type=Path, metavar="DATA",
                                help="use the layout and style names this data file's theme asks for")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    if not args_in or (args_in[0] not in COMMANDS and args_in[0] not in ("-h", "--help")):
        args_in.insert(0, "build")
    args = _parser().parse_args(args_in)
    try:
        if args.command == "check" and args.files:
            return _check(args.files)
        if args.command == "templates":
            return _export_templates(args.folder)
        if args.command == "check-template":
            return _check_templates(args.files, args.data)
        paths = _data_files(args.data)
        if args.command == "check":
            return _build_and_check(paths, args)
        if args.command == "validate":
            return _validate(paths, args.strict)
        return _build(paths, args)
    except InputError as error:
        _print_problems(error.problems)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # Whoever read the summary stopped reading (``| head``): the build itself is done.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        print(f"error: cannot use {error.filename or 'a file'}: {error.strerror or error}; no output was changed "
              "after the failure", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # noqa: BLE001 - the user gets a sentence, not a traceback
        if os.environ.get("LFR_DEBUG"):
            raise
        print(f"internal error: {type(error).__name__}: {error}. This is a bug in the generator; please report "
              "it with the data file (set LFR_DEBUG=1 to see the details).", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("stopped; outputs already written are complete, the rest were not touched", file=sys.stderr)
        return EXIT_FAILED


def _data_files(given: list[Path]) -> list[Path]:
    from .problems import Problem

    if not given:
        if not DEFAULT_DATA.exists():
            raise InputError([Problem(f"no data file given, and {DEFAULT_DATA} is not in this folder; "
                                      "name a data file: make_deck.py build DATA", category="input")])
        return [DEFAULT_DATA]
    paths: list[Path] = []
    for path in given:
        if path.is_dir():
            # Files named _like-this.yaml hold shared parts that events include, not events.
            found = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("_"))
            if not found:
                raise InputError([Problem("the folder holds no .yaml data files", file=str(path),
                                          category="input")])
            paths.extend(found)
        else:
            paths.append(path)
    return paths


def _validate(paths: list[Path], strict: bool) -> int:
    from .data_source import load_event
    from .data_source.loader import display_path

    failed = False
    for path in paths:
        try:
            loaded = load_event(path)
        except InputError as error:
            _print_problems(error.problems)
            failed = True
            continue
        for warning in loaded.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        failed |= strict and bool(loaded.warnings)
        review_types = loaded.event.review_types.values()
        print(f"{display_path(path)}: valid; {len(review_types)} review types, "
              f"{sum(r.count for r in review_types)} reviews")
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _build(paths: list[Path], args) -> int:
    from .build import BuildOptions, build_batch

    options = BuildOptions(out_dir=args.out, strict=args.strict, pdf=args.pdf, deck_template=args.pptx_template,
                           docx_template=args.docx_template, allow_outside=args.allow_outside)
    failed = False
    for outcome in build_batch(paths, options):
        if outcome.problems:
            _print_problems(outcome.problems)
            failed = True
            continue
        for warning in outcome.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        for state, path, summary in outcome.files:
            print(f"{state} {_shown(path)}" + (f" ({summary})" if summary else ""))
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _build_and_check(paths: list[Path], args) -> int:
    from .build import BuildOptions, build_event

    options = BuildOptions(out_dir=args.out, deck_template=args.pptx_template)
    files = []
    for path in paths:
        report = build_event(path, options)
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        files.extend(output.path for output in report.outputs)
    return _check(files)


def _check(files: list[Path]) -> int:
    from .checks.report import check_files

    missing = [f for f in files if not f.is_file()]
    if missing:
        from .problems import Problem

        raise InputError([Problem("file not found", file=str(f), category="input") for f in missing])
    problems = 0
    skipped = set()
    for report in check_files(files):
        print(f"{_shown(report.path)}: {'; '.join(report.facts)}")
        for problem in report.problems:
            print(f"  problem: {problem}")
        if not report.problems:
            print("  no problems found")
        problems += len(report.problems)
        skipped.update(report.skipped)
    for reason in sorted(skipped):
        print(f"skipped: {reason}")
    print(f"{problems} problem{'s' if problems != 1 else ''} found in {len(files)} file{'s' if len(files) != 1 else ''}.")
    return EXIT_FAILED if problems else EXIT_OK


def _export_templates(folder: Path) -> int:
    from .templates.export import export_templates

    for output in export_templates(folder):
        print(f"wrote {_shown(output.path)} ({output.summary})")
    return EXIT_OK


def _check_templates(files: list[Path], data: Path | None) -> int:
    from .templates.inspect import inspect_template

    layouts, styles = {}, {}
    if data is not None:
        from .data_source import load_event

        theme = load_event(data).event.theme
        layouts, styles = theme.layouts, theme.styles
    unusable = False
    gaps = 0
    for path in files:
        report = inspect_template(path, layouts, styles)
        print(f"{_shown(path)}: {'; '.join(report.facts) or 'cannot be opened'}")
        for reason in report.unusable:
            print(f"  cannot be used: {reason}")
        for gap in report.gaps:
            print(f"  missing: {gap}")
        if not report.unusable and not report.gaps:
            print("  nothing missing")
        unusable |= bool(report.unusable)
        gaps += len(report.gaps)
    verdict = "some templates cannot be used" if unusable else "the build can use every template"
    print(f"{gaps} gap{'s' if gaps != 1 else ''} found; {verdict}.")
    return EXIT_BAD_INPUT if unusable else EXIT_OK


def _shown(path: Path) -> str:
    from .data_source.loader import display_path

    return display_path(path)


def _print_problems(problems) -> None:
    for problem in problems[:MAX_REPORTED]:
        print(f"{problem.severity}: {problem}", file=sys.stderr)
    if len(problems) > MAX_REPORTED:
        print(f"... and {len(problems) - MAX_REPORTED} more", file=sys.stderr)
    count = len([p for p in problems if p.severity == "error"])
    print(f"{count} problem{'s' if count != 1 else ''} found; no output was written or changed.", file=sys.stderr)
