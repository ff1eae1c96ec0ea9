"""`templates export`: write the built-in templates and an example theme to restyle."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import EXIT_OK, add_command
from .messages import shown

EXAMPLES = "examples:\n  .venv/bin/python make_deck.py templates export data/brand/"


def add_command_to(commands: Any) -> None:
    parser = add_command(commands, "templates", "export the built-in templates to restyle",
                         "Work with the built-in templates.", EXAMPLES)
    actions = parser.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    export = add_command(
        actions, "export", "write the built-in .potx and .dotx templates and an example theme",
        "Write the built-in deck template (.potx), briefing template (.dotx) and an example theme "
        "(theme-example.yaml, which folder builds skip) into DIR, to open in PowerPoint and Word, restyle, and "
        "point the data's theme: at. Keep DIR beside (or inside) the data file's folder: a data file may use "
        "only files from its own folder.", EXAMPLES)
    export.add_argument("folder", type=Path, metavar="DIR", help="the folder to write the templates into")
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from ..restyling.export import export_templates

    for output in export_templates(args.folder):
        print(f"wrote {shown(output.path)} ({output.summary})")
    return EXIT_OK
