"""`watch`: build, then rebuild whenever the data, a register or a template changes."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from ..problems import InputError
from .build import add_build_options, build_options, run_builds
from .common import CTRL_C_PRESSED, EXIT_OK, add_command, data_files
from .messages import joined, outputs_changed, problem_count, shown

STOPPED_WATCHING = "stopped watching"


def add_command_to(commands: Any) -> None:
    parser = add_command(commands, "watch", "rebuild whenever the data, a register or a template changes",
                         "Build, then watch the data file(s), the files in their folders (included files, registers) "
                         "and the templates and logo the data names; rebuild after every change, printing one line "
                         "of what changed in the outputs. Press Ctrl-C to stop.",
                         "examples:\n"
                         "  .venv/bin/python make_deck.py watch\n"
                         "  .venv/bin/python make_deck.py watch data/tees-2023.yaml --out ~/Desktop",
                         "exit status:\n  0    stopped with Ctrl-C\n  2    the command has a problem to fix")
    add_build_options(parser)
    parser.add_argument("--max-builds", type=int, metavar="N", help=argparse.SUPPRESS)  # lets the tests stop it
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..watch import watch

    options = build_options(args)
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
        batch = run_builds(find_data(), options, list_files=False, said_before=said, verbose=args.verbose)
        repeated = sum(1 for warning in batch.warnings if warning in said)
        said = frozenset(batch.warnings)
        done = "built" if first else "rebuilt"
        if repeated:  # said in full at the last build: one line per rebuild stays one line
            done += f" ({repeated} message{'s' if repeated != 1 else ''} as before)"
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        if batch.failed:
            problems = [problem for _, found in batch.failed for problem in found]
            names = joined([shown(source) for source, _ in batch.failed])
            print(f"{stamp} not {done}: {problem_count(problems)} in {names} (above); the outputs are as they were",
                  flush=True)
        else:
            print(f"{stamp} {done}: {outputs_changed(batch.files)}", flush=True)

    try:
        watch(find_data, rebuild, templates, allow_outside=args.allow_outside, max_builds=args.max_builds,
              say=lambda line: print(line, flush=True))
    except KeyboardInterrupt:
        CTRL_C_PRESSED.clear()  # Ctrl-C is how watching ends: a clean stop, not an interrupted command
        print(STOPPED_WATCHING, flush=True)
    return EXIT_OK
