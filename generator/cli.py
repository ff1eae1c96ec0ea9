"""The command line: a thin layer over :mod:`generator.build`.

Exit status: 0 on success, 2 when the input is bad (that file's outputs are
not written), 1 when something unexpected went wrong, 130 when stopped by
Ctrl-C. Only the standard library is imported here at start-up, so that a
missing dependency and an early Ctrl-C still get a sentence, not a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import os
import signal
import sys
import textwrap
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn

from .problems import InputError, Problem, escape_control, shorten

if TYPE_CHECKING:
    from .build import BuildOptions

PROG = "make_deck.py"
DISTRIBUTION = "learning-from-reviews"  # the project's name in pyproject.toml
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path("data") / "tees-2022.yaml"
DATA_SUFFIXES = (".yaml", ".yml")
COMMANDS = ("build", "new", "watch", "validate", "check", "templates", "check-template", "register")
TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
MAX_REPORTED = 100
HELP_WIDTH = 79  # the descriptions above the examples, wrapped as argparse wraps the rest
# Imported by the generator from outside the standard library: checked before anything else is imported.
DEPENDENCIES = ("lxml", "yaml", "pptx", "docx")
# What each output file is, for the summary line: suffix -> (one, several).
OUTPUT_KINDS = {".pptx": ("deck", "decks"), ".docx": ("briefing", "briefings"), ".html": ("web page", "web pages"),
                ".pdf": ("PDF", "PDFs")}
WROTE, UNCHANGED = "wrote", "unchanged"
INTERRUPTED = "stopped by Ctrl-C; outputs already written are complete, the rest were not touched"
STOPPED_WATCHING = "stopped watching"

EXIT_STATUS_HELP = """\
exit status:
  0    done (warnings, if any, were printed)
  1    something unexpected went wrong: please report it with the data file
  2    the data, a file or the command has a problem to fix (each is listed with its
       file, line and key); the outputs of that data file were not written or changed
  130  stopped by Ctrl-C"""

BUILD_EXAMPLES = """\
examples:
  .venv/bin/python make_deck.py                                   # builds data/tees-2022.yaml
  .venv/bin/python make_deck.py build data/tees-2023.yaml --out ~/Desktop
  .venv/bin/python make_deck.py build data/                       # every event in the folder
  .venv/bin/python make_deck.py build data/tees-2023.yaml --pdf --strict"""


class UsageError(Exception):
    """The command line itself is wrong (a misspelt command, say): exit 2 with the message."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    _protect_output()
    previous_handler = _install_interrupt_handler()
    previous_hook = sys.unraisablehook
    try:
        try:
            return _main(list(sys.argv[1:] if argv is None else argv))
        except KeyboardInterrupt:
            # What Ctrl-C left half done (a zip file being written, say) may complain as it is freed, when this
            # handler ends: that is not for the user, who asked it to stop.
            sys.unraisablehook = _ignore_unraisable
        gc.collect()
        return interrupted()
    finally:
        sys.unraisablehook = previous_hook
        if previous_handler is not None:
            signal.signal(signal.SIGINT, previous_handler)


def _ignore_unraisable(unraisable: Any) -> None:
    """Say nothing of an error raised while an object is freed (see :func:`main`)."""


def interrupted() -> int:
    """Say that Ctrl-C stopped the work, and return the exit status for it."""
    print(INTERRUPTED, file=sys.stderr)
    return EXIT_INTERRUPTED


def _main(words: list[str]) -> int:
    missing = _missing_dependency()
    if missing:
        return _lacks(missing)
    try:
        return _run_unmasked(parse_command_line(words))
    except UsageError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except InputError as error:
        _print_problems(error.problems)
        _print_problem_count(error.problems)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # Whoever read the summary stopped reading (``| head``): the build itself is done.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        print(f"error: cannot use {error.filename or 'a file'}: {error.strerror or error}; no output was changed "
              "after the failure", file=sys.stderr)
        return EXIT_FAILED
    except ModuleNotFoundError as error:
        if _is_dependency(error.name):
            return _lacks(str(error.name).partition(".")[0])
        return _internal_error(error)
    except Exception as error:  # noqa: BLE001 - the user gets a sentence, not a traceback
        return _internal_error(error)


def _run_unmasked(args: argparse.Namespace) -> int:
    """Run the command; an error a library raised while cleaning up after Ctrl-C is the Ctrl-C.

    zipfile, for one, raises ValueError from its ``with`` block when Ctrl-C stops a write half way.
    """
    try:
        return _run(args)
    except Exception as error:
        if _ctrl_c_underneath(error):
            raise KeyboardInterrupt from None
        raise


def _ctrl_c_underneath(error: BaseException) -> bool:
    """Return whether ``error`` was raised while a KeyboardInterrupt was being handled (or because of one)."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def _run(args: argparse.Namespace) -> int:
    if args.command == "check" and args.files:
        return _check(args.files)
    if args.command == "templates":
        return _export_templates(args.folder)
    if args.command == "check-template":
        return _check_templates(args.files, args.data)
    if args.command == "new":
        return _new(args)
    if args.command == "register":
        return _register_new(args.file, args.data)
    if args.command == "watch":
        return _watch(args)
    paths = data_files(args.data)
    if args.command == "check":
        return _build_and_check(paths, args)
    if args.command == "validate":
        return _validate(paths, args.strict)
    return _build(paths, args)


# Start-up: output that survives any terminal, Ctrl-C, and the wrong Python.

def _protect_output() -> None:
    """Let any text reach any terminal: characters its encoding lacks are written as \\U0001f600 escapes."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


SignalHandler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


def _install_interrupt_handler() -> SignalHandler:
    """Make Ctrl-C a KeyboardInterrupt here, and a quiet exit in forked workers; return the previous handler."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        return None  # signals can be handled only there; and whoever started us chose to ignore Ctrl-C
    main_pid = os.getpid()

    def on_interrupt(signal_number: int, frame: FrameType | None) -> None:
        if os.getpid() != main_pid:
            # A forked worker shares the terminal, so it gets Ctrl-C too: the main process reports it, once.
            os._exit(EXIT_INTERRUPTED)
        raise KeyboardInterrupt

    return signal.signal(signal.SIGINT, on_interrupt)


def _missing_dependency() -> str | None:
    from importlib.util import find_spec

    return next((name for name in DEPENDENCIES if find_spec(name) is None), None)


def _is_dependency(module: str | None) -> bool:
    top = (module or "").partition(".")[0]
    return bool(top) and top not in sys.stdlib_module_names and top != __package__


def _lacks(module: str) -> int:
    print(f"error: this Python lacks {module}; run it with the project's Python: .venv/bin/python make_deck.py "
          "(see README)", file=sys.stderr)
    return EXIT_BAD_INPUT


def _internal_error(error: Exception) -> int:
    if os.environ.get("LFR_DEBUG"):
        raise error
    print(f"internal error: {type(error).__name__}: {error}. This is a bug in the generator; please report "
          "it with the data file (set LFR_DEBUG=1 to see the details).", file=sys.stderr)
    return EXIT_FAILED


# The command line's words.

def parse_command_line(words: list[str]) -> argparse.Namespace:
    """Return the command line's meaning; raise UsageError for a misspelt command (argparse exits on the rest)."""
    return _parser().parse_args(_with_command(words))


def _with_command(words: list[str]) -> list[str]:
    """Return the words with the command first: 'build' when it was left out, or raise UsageError if misspelt."""
    if not words:
        return ["build"]
    first = words[0]
    if first in COMMANDS or first in TOP_LEVEL_OPTIONS:
        return words
    if first.startswith("-") or _names_data(first):
        return ["build", *words]
    import difflib

    close = difflib.get_close_matches(first, COMMANDS, n=1)
    shown = _quoted(first)
    if close:
        raise UsageError(f"unknown command '{shown}'; did you mean {close[0]}?")
    raise UsageError(f"unknown command '{shown}'; the commands are {_joined(COMMANDS)} (see {PROG} --help), "
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


def _command(commands: Any, name: str, summary: str, description: str, examples: str,
             exit_status: str = EXIT_STATUS_HELP) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=summary, description=textwrap.fill(description, HELP_WIDTH), epilog=f"{examples}\n\n{exit_status}",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    return parser


def _add_build_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", nargs="*", type=Path, metavar="DATA",
                        help=f"data file(s) or folder(s) of them (default: {DEFAULT_DATA})")
    parser.add_argument("--out", type=Path, default=Path("."), metavar="DIR",
                        help="folder to write decks/ and briefings/ into (default: this folder)")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (numbers that do not add up, long briefings) as errors")
    parser.add_argument("--pdf", action="store_true", help="also write PDFs of every output (needs LibreOffice)")
    parser.add_argument("--pptx-template", type=Path, metavar="FILE",
                        help="PowerPoint template (.pptx or .potx) to build the deck on, instead of the one "
                             "the data's theme names")
    parser.add_argument("--docx-template", type=Path, metavar="FILE",
                        help="Word template (.docx or .dotx) to build the briefings on, instead of the one the "
                             "data's theme names")
    parser.add_argument("--allow-outside", action="store_true",
                        help="allow a logo, template or included file from outside the data file's folder")
    parser.add_argument("--suppress-below", type=_threshold, metavar="N",
                        help="for publishing: show counts from 1 to N-1 as '<N' in the briefings (and in the deck "
                             "when the data says publish: {deck: true}); overrides the data's publish: "
                             "suppress_below")


def _threshold(text: str) -> int:
    from .suppression import MIN_THRESHOLD

    if not text.strip().isdigit() or int(text) < MIN_THRESHOLD:
        raise argparse.ArgumentTypeError(f"expected a whole number of {MIN_THRESHOLD} or more, got '{text}'")
    return int(text)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, e.g. 2023-05-11, got '{text}'") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.fill("Build the 'Learning from Reviews' deck and seven-minute briefings from a YAML "
                                  f"data file. With no command, builds {DEFAULT_DATA} into decks/ and briefings/.",
                                  HELP_WIDTH),
        epilog=f"{BUILD_EXAMPLES}\n  .venv/bin/python make_deck.py new data/tees-2023.yaml --date 2023-05-11\n"
               f"  .venv/bin/python make_deck.py watch data/tees-2023.yaml\n"
               f"  .venv/bin/python make_deck.py build --help                      # more about one command\n\n"
               f"{EXIT_STATUS_HELP}")
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = _command(commands, "build", "build the deck and briefings (the default command)",
                     "Build the deck into OUT/decks and one briefing per review type into OUT/briefings. A file "
                     "whose content has not changed is left alone.", BUILD_EXAMPLES)
    _add_build_options(build)

    new = _command(commands, "new", "start a new event's data file from the last one (or the example)",
                   "Copy an event's data file to EVENT, with a new title and date (asked for when not given). "
                   "It starts from --from DATA, or the newest data file in EVENT's folder, or "
                   f"{DEFAULT_DATA}. Comments and everything else are kept; an existing file is never "
                   "overwritten.",
                   "examples:\n"
                   "  .venv/bin/python make_deck.py new data/tees-2023.yaml\n"
                   "  .venv/bin/python make_deck.py new data/tees-2023.yaml --title 'Learning from Reviews 2023' "
                   "--date 2023-05-11\n"
                   "  .venv/bin/python make_deck.py new data/riverside.yaml --from data/tees-2022.yaml")
    new.add_argument("event", type=Path, metavar="EVENT", help="the new data file to write (ending in .yaml)")
    new.add_argument("--from", dest="source", type=Path, metavar="DATA", help="the data file to start from")
    new.add_argument("--title", help="the new event's title (default: asked for, or kept)")
    new.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the new event's date (default: asked for, "
                                                                      "or kept)")

    watch = _command(commands, "watch", "rebuild whenever the data, a register or a template changes",
                     "Build, then watch the data file(s), the files in their folders (included files, registers) "
                     "and the templates and logo the data names; rebuild after every change, printing one line "
                     "of what changed in the outputs. Press Ctrl-C to stop.",
                     "examples:\n"
                     "  .venv/bin/python make_deck.py watch\n"
                     "  .venv/bin/python make_deck.py watch data/tees-2023.yaml --out ~/Desktop",
                     "exit status:\n  0    stopped with Ctrl-C\n  2    the command has a problem to fix")
    _add_build_options(watch)
    watch.add_argument("--max-builds", type=int, metavar="N", help=argparse.SUPPRESS)  # lets the tests stop it

    validate = _command(commands, "validate", "check data files without writing anything",
                        "Check data files and report every problem, writing nothing.",
                        "examples:\n"
                        "  .venv/bin/python make_deck.py validate data/tees-2023.yaml\n"
                        "  .venv/bin/python make_deck.py validate data/ --strict")
    validate.add_argument("data", nargs="*", type=Path, metavar="DATA",
                          help=f"data file(s) or folder(s) of them (default: {DEFAULT_DATA})")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")

    check = _command(
        commands, "check", "build, then report what a publisher needs to know about each file",
        "Build DATA (or take --files) and report per file: slides or pages, text outside its frame, alt text, "
        "slide titles, contrast, document title and language, reading time.",
        "examples:\n"
        "  .venv/bin/python make_deck.py check data/tees-2023.yaml\n"
        "  .venv/bin/python make_deck.py check --files decks/*.pptx briefings/*.docx",
        "exit status:\n  0    no problem found\n  1    a problem was found in a file (each is listed)\n"
        "  2    the data or a file given has a problem to fix\n  130  stopped by Ctrl-C")
    check.add_argument("data", nargs="*", type=Path, metavar="DATA", help=f"data file(s) (default: {DEFAULT_DATA})")
    check.add_argument("--out", type=Path, default=Path("."), metavar="DIR",
                       help="folder to build into (default: this folder)")
    check.add_argument("--files", nargs="+", type=Path, metavar="FILE",
                       help="check these built .pptx/.docx/.html/.pdf files instead of building")
    check.add_argument("--pptx-template", type=Path, metavar="FILE",
                       help="PowerPoint template (.pptx or .potx) to build the deck on")

    templates = _command(commands, "templates", "export the built-in templates to restyle",
                         "Work with the built-in templates.",
                         "examples:\n  .venv/bin/python make_deck.py templates export data/brand/")
    template_commands = templates.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    export = _command(
        template_commands, "export", "write the built-in .potx and .dotx templates and an example theme",
        "Write the built-in deck template (.potx), briefing template (.dotx) and an example theme "
        "(theme-example.yaml, which folder builds skip) into DIR, to open in PowerPoint and Word, restyle, and "
        "point the data's theme: at. Keep DIR beside (or inside) the data file's folder: a data file may use "
        "only files from its own folder.",
        "examples:\n  .venv/bin/python make_deck.py templates export data/brand/")
    export.add_argument("folder", type=Path, metavar="DIR", help="the folder to write the templates into")

    check_template = _command(
        commands, "check-template", "list everything a template lacks, and what the build does instead",
        "List every missing layout, placeholder and style in PowerPoint (.pptx/.potx) and Word (.docx/.dotx) "
        "templates, with what each falls back to.",
        "examples:\n"
        "  .venv/bin/python make_deck.py check-template data/brand/*.potx data/brand/*.dotx\n"
        "  .venv/bin/python make_deck.py check-template data/brand/deck.potx --data data/tees-2023.yaml",
        "exit status:\n  0    every template can be used (gaps, if any, are listed with what the build does)\n"
        "  2    a template cannot be used at all\n  130  stopped by Ctrl-C")
    register = _command(commands, "register", "write a blank review register to fill in",
                        "Work with the review register: the workbook of one row per review that the data file's "
                        "register: names.",
                        "examples:\n  .venv/bin/python make_deck.py register new data/reviews.xlsx data/riverside.yaml")
    register_commands = register.add_subparsers(dest="register_command", metavar="ACTION", required=True)
    register_new = _command(
        register_commands, "new", "write a blank register workbook for a data file's review types and areas",
        "Write a blank register workbook to FILE: sheets Reviews and People with a frozen heading row, drop-down "
        "lists of DATA's review types and areas, the ONS 2021 ethnic groups and genders, and an About sheet "
        "explaining each column. An existing FILE is never overwritten. Name it in the data file (register: "
        "FILE), fill in one row per review, and build.",
        "examples:\n"
        "  .venv/bin/python make_deck.py register new data/reviews.xlsx data/riverside-2024.yaml\n"
        f"  .venv/bin/python make_deck.py register new data/reviews.xlsx          # for {DEFAULT_DATA}",
        "exit status:\n  0    the workbook was written\n  2    FILE exists, or the data has a problem to fix\n"
        "  130  stopped by Ctrl-C")
    register_new.add_argument("file", type=Path, metavar="FILE", help="the workbook to write (ending in .xlsx)")
    register_new.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, metavar="DATA",
                              help=f"the data file whose types and areas it lists (default: {DEFAULT_DATA})")
    check_template.add_argument("files", nargs="+", type=Path, metavar="FILE", help="the templates to check")
    check_template.add_argument("--data", type=Path, metavar="DATA",
                                help="use the layout and style names this data file's theme asks for")
    return parser


# Commands.

def data_files(given: list[Path]) -> list[Path]:
    """Return the data files named (a folder gives its events), or the default; raise InputError if none."""
    if not given:
        if not DEFAULT_DATA.exists():
            raise InputError([Problem(f"no data file given, and {DEFAULT_DATA} is not in this folder; "
                                      "name a data file: make_deck.py build DATA", category="input")])
        return [DEFAULT_DATA]
    paths: list[Path] = []
    for path in given:
        if path.is_dir():
            found = events_in(path)
            if not found:
                raise InputError([Problem("the folder holds no .yaml data files", file=str(path),
                                          category="input")])
            paths.extend(found)
        else:
            paths.append(path)
    return paths


def events_in(folder: Path) -> list[Path]:
    """Return the event data files of a folder: its YAML files except shared parts and the exported example theme."""
    from .templates.export import THEME_NAME

    # Files named _like-this.yaml hold shared parts that events include, not events.
    return sorted(path for path in folder.iterdir()
                  if path.suffix in DATA_SUFFIXES and not path.name.startswith("_") and path.name != THEME_NAME
                  and path.is_file())


def _validate(paths: list[Path], strict: bool) -> int:
    from .data_source import load_event
    from .data_source.loader import display_path

    failed = False
    for path in paths:
        try:
            loaded = load_event(path)
        except InputError as error:
            _print_problems(error.problems)
            _print_problem_count(error.problems)
            failed = True
            continue
        _print_warnings(loaded.warnings)
        failed |= strict and any(w.severity == "warning" for w in loaded.warnings)
        review_types = loaded.event.review_types.values()
        reviews = sum(r.count or 0 for r in review_types)
        print(f"{display_path(path)}: valid; {len(review_types)} review type{'s' if len(review_types) != 1 else ''}, "
              f"{reviews} review{'s' if reviews != 1 else ''}")
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _build_options(args: argparse.Namespace) -> BuildOptions:
    from .build import BuildOptions

    return BuildOptions(out_dir=args.out, strict=args.strict, pdf=args.pdf, deck_template=args.pptx_template,
                        docx_template=args.docx_template, allow_outside=args.allow_outside,
                        suppress_below=args.suppress_below, progress=_say if args.pdf else None)


def _say(line: str) -> None:
    """Print a progress line on stderr, so stdout stays the list of files."""
    print(line, file=sys.stderr, flush=True)


class _Batch:
    """What a batch of builds did so far: the files of the events built, and the events that had problems."""

    def __init__(self) -> None:
        self.files: list[tuple[str, Path, str]] = []
        self.failed: list[tuple[Path, list[Problem]]] = []
        self.warnings: list[str] = []  # every warning and note of the events built, as printed


def _build(paths: list[Path], args: argparse.Namespace) -> int:
    batch = _run_builds(paths, _build_options(args), list_files=True)
    _print_batch_summary(batch, len(paths))
    return EXIT_BAD_INPUT if batch.failed else EXIT_OK


def _run_builds(paths: list[Path], options: BuildOptions, list_files: bool,
                said_before: frozenset[str] = frozenset()) -> _Batch:
    """Build every event, saying per event what happened; return what was built and what failed.

    Warnings in ``said_before`` (those of the last rebuild, when watching) are not printed again.
    """
    from .build import build_batch

    batch = _Batch()
    for outcome in build_batch(paths, options):
        if outcome.problems:
            _print_problems(outcome.problems)
            if len(paths) > 1:
                print(f"{_shown(outcome.source)}: {_problem_count(outcome.problems)}; its outputs were not "
                      "written or changed.", file=sys.stderr)
            batch.failed.append((outcome.source, outcome.problems))
            continue
        batch.warnings.extend(str(w) for w in outcome.warnings)
        _print_warnings([w for w in outcome.warnings if str(w) not in said_before])
        if list_files:
            for state, path, summary in outcome.files:
                print(f"{state} {_shown(path)}" + (f" ({summary})" if summary else ""))
        batch.files.extend(outcome.files)
    return batch


def _print_batch_summary(batch: _Batch, events: int) -> None:
    if not batch.files:
        problems = [problem for _, found in batch.failed for problem in found]
        where = f" in {len(batch.failed)} data files" if len(batch.failed) > 1 else ""
        print(f"{_problem_count(problems)}{where}; no output was written or changed.", file=sys.stderr)
        return
    not_built = ""
    if batch.failed:
        names = _joined([_shown(source) for source, _ in batch.failed])
        not_built = f"; not built, because of the problems above: {names} ({len(batch.failed)} of {events} data files)"
    print(f"{_built(batch.files)}{not_built}.")


def build_summary(files: list[tuple[str, Path, str]]) -> str:
    """Return the line that ends a build: 'Built 1 deck and 3 briefings into decks/ and briefings/ (2 written, ...).'"""
    return _built(files) + "."


def _built(files: list[tuple[str, Path, str]]) -> str:
    counts: dict[tuple[str, str], int] = {}
    folders: dict[str, None] = {}  # in order of first appearance
    for _, path, _ in files:
        kind = _kind(path)
        counts[kind] = counts.get(kind, 0) + 1
        folders[_shown(path.parent) + "/"] = None
    made = _joined([_counted(n, *kind) for kind, n in counts.items()])
    written = sum(1 for state, _, _ in files if state == WROTE)
    states = [f"{n} {state}" for n, state in ((written, "written"), (len(files) - written, UNCHANGED)) if n]
    return f"Built {made} into {_joined(list(folders))} ({', '.join(states)})"


def outputs_changed(files: list[tuple[str, Path, str]]) -> str:
    """Return what a rebuild did to the outputs: 'deck written, 3 briefings unchanged'."""
    kinds = list(OUTPUT_KINDS.values())
    counts: dict[tuple[tuple[str, str], str], int] = {}
    for state, path, _ in files:
        key = (_kind(path), "written" if state == WROTE else UNCHANGED)
        counts[key] = counts.get(key, 0) + 1
    order = sorted(counts, key=lambda key: (kinds.index(key[0]) if key[0] in kinds else len(kinds), key[1] != "written"))
    return ", ".join(f"{kind[0] if counts[kind, state] == 1 else f'{counts[kind, state]} {kind[1]}'} {state}"
                     for kind, state in order)


def _kind(path: Path) -> tuple[str, str]:
    return OUTPUT_KINDS.get(path.suffix.lower(), ("file", "files"))


def _build_and_check(paths: list[Path], args: argparse.Namespace) -> int:
    from .build import BuildOptions

    batch = _run_builds(paths, BuildOptions(out_dir=args.out, deck_template=args.pptx_template), list_files=False)
    if batch.failed:
        _print_batch_summary(batch, len(paths))
        return EXIT_BAD_INPUT
    return _check([path for _, path, _ in batch.files])


def _check(files: list[Path]) -> int:
    from .checks.report import check_files, refuse_unreadable

    refuse_unreadable(files)
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
    print(f"{_counted(problems, 'problem', 'problems')} found in {_counted(len(files), 'file', 'files')}.")
    return EXIT_FAILED if problems else EXIT_OK


def _export_templates(folder: Path) -> int:
    from .templates.export import export_templates

    for output in export_templates(folder):
        print(f"wrote {_shown(output.path)} ({output.summary})")
    return EXIT_OK


def _check_templates(files: list[Path], data: Path | None) -> int:
    from .templates.inspect import inspect_template

    layouts: dict[str, str] = {}
    styles: dict[str, str] = {}
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
        for item in report.dropped:
            print(f"  will drop: {item}")
        for gap in report.gaps:
            print(f"  missing: {gap}")
        if not report.unusable and not report.gaps:
            print("  nothing missing")
        unusable |= bool(report.unusable)
        gaps += len(report.gaps)
    verdict = "some templates cannot be used" if unusable else "the build can use every template"
    print(f"{_counted(gaps, 'gap', 'gaps')} found; {verdict}.")
    return EXIT_BAD_INPUT if unusable else EXIT_OK


def _register_new(target: Path, data: Path) -> int:
    """Write a blank register for the data file's review types and areas; never overwrite a file.

    Only the data's review types and areas are read: the register the data
    names may not exist yet (it may be this very one), and the counts and the
    figures placeholders cite come from the register, so none of that may stop it.
    """
    from .data_source.outline import read_register_choices
    from .register_workbook import write_blank_register

    if target.suffix.lower() != ".xlsx":
        raise InputError([Problem("expected a workbook name ending in .xlsx", file=_shown(target),
                                  category="input")])
    if target.exists():
        raise InputError([Problem("the file already exists and is not overwritten; choose another name, or move "
                                  "it away first", file=_shown(target), category="input")])
    choices = read_register_choices(data)
    write_blank_register(target, choices.review_types, choices.areas)
    # What to do next: name it in the data file (unless the data names it already), and fill it in.
    folder = data.resolve().parent
    name = Path(os.path.relpath(target.resolve(), folder)).as_posix()
    named = choices.register_named
    fill_in = "add one row per review, and build."
    if named is not None and (folder / named).resolve() == target.resolve():
        next_step = f"{_shown(data)} names it already (register: {_quoted(named)}): {fill_in}"
    elif name.startswith("../"):
        next_step = (f"Move it beside {_shown(data)} (a data file uses only files in its own folder and the "
                     f"folders inside it), name it in {_shown(data)} (register: {target.name}), {fill_in}")
    else:
        instead = f", in place of {_quoted(named)}" if named is not None else ""
        next_step = f"Name it in {_shown(data)} (register: {name}{instead}), {fill_in}"
    print(f"wrote {_shown(target)}: a blank register for {_joined(choices.review_types)} in "
          f"{_joined(choices.areas)}. {next_step}")
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from . import new_event

    source = new_event.source_for(args.event, args.source, DEFAULT_DATA)
    title, date = args.title, args.date
    if (title is None or date is None) and sys.stdin.isatty():
        current_title, current_date = new_event.current_title_and_date(source)
        if title is None:
            title = _ask("Title of the event", _quoted(current_title)) or None
        if date is None:
            date = _ask_date(_quoted(current_date))
    created = new_event.start_event(args.event, source, title, date)
    for field, value in created.kept:
        print(f"kept the {field} from {_shown(source)}: {_quoted(value)} (give --{field} to change it)")
    _print_problems(created.warnings)  # a register not in the new folder yet, and how to make it
    first = "Make its register (above), edit it" if created.warnings else "Edit it"
    print(f"wrote {_shown(created.path)} from {_shown(source)}: '{_quoted(created.title)}', {created.date}. "
          f"{first}, then build it: make_deck.py build {_shown(created.path)}")
    return EXIT_OK


def _ask(question: str, current: str) -> str:
    """Return the answer typed, or '' for Enter (keep the current value) or the end of input."""
    try:
        return input(f"{question} [{current}]: ").strip()
    except EOFError:
        return ""


def _ask_date(current: str) -> dt.date | None:
    while True:
        answer = _ask("Date of the event, as YYYY-MM-DD", current)
        if not answer:
            return None
        try:
            return _date(answer)
        except argparse.ArgumentTypeError as error:
            print(str(error), file=sys.stderr)


def _watch(args: argparse.Namespace) -> int:
    from .watch import watch

    options = _build_options(args)
    templates = [path for path in (args.pptx_template, args.docx_template) if path is not None]
    last_found: list[Path] = data_files(args.data)  # a bad command line stops here, before watching starts

    def find_data() -> list[Path]:
        nonlocal last_found
        try:
            last_found = data_files(args.data)
        except InputError:
            pass  # the folder emptied for a moment (an editor saving): keep watching what was there
        return last_found

    said: frozenset[str] = frozenset()

    def rebuild(first: bool) -> None:
        nonlocal said
        batch = _run_builds(find_data(), options, list_files=False, said_before=said)
        repeated = sum(1 for warning in batch.warnings if warning in said)
        said = frozenset(batch.warnings)
        done = "built" if first else "rebuilt"
        if repeated:  # said in full at the last build: one line per rebuild stays one line
            done += f" ({repeated} message{'s' if repeated != 1 else ''} as before)"
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        if batch.failed:
            problems = [problem for _, found in batch.failed for problem in found]
            names = _joined([_shown(source) for source, _ in batch.failed])
            print(f"{stamp} not {done}: {_problem_count(problems)} in {names} (above); the outputs are as they were",
                  flush=True)
        else:
            print(f"{stamp} {done}: {outputs_changed(batch.files)}", flush=True)

    try:
        watch(find_data, rebuild, templates, allow_outside=args.allow_outside, max_builds=args.max_builds,
              say=lambda line: print(line, flush=True))
    except KeyboardInterrupt:
        print(STOPPED_WATCHING, flush=True)
    return EXIT_OK


# Messages.

def _shown(path: Path) -> str:
    from .data_source.loader import display_path

    return display_path(path)


def _quoted(text: str) -> str:
    """Return text from the data or the command line as a message may show it: short, and no terminal controls."""
    return escape_control(shorten(text))


def _joined(items: Iterable[str]) -> str:
    """Return 'a', 'a and b' or 'a, b and c'."""
    names = list(items)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _counted(n: int, one: str, several: str) -> str:
    return f"{n} {one if n == 1 else several}"


def _problem_count(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    return f"{_counted(errors, 'problem', 'problems')} found"


def _print_warnings(warnings: list[Problem]) -> None:
    for warning in warnings:
        print(f"{warning.severity}: {warning}", file=sys.stderr)


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems[:MAX_REPORTED]:
        print(f"{problem.severity}: {problem}", file=sys.stderr)
    if len(problems) > MAX_REPORTED:
        print(f"... and {len(problems) - MAX_REPORTED} more", file=sys.stderr)


def _print_problem_count(problems: list[Problem]) -> None:
    print(f"{_problem_count(problems)}; no output was written or changed.", file=sys.stderr)
