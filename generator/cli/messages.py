"""What the commands print: problems, counts, and the summary line that ends a build."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from ..output.files import UNCHANGED, WROTE
from ..output_formats import OUTPUT_FORMATS, format_of
from ..paths import display_path
from ..problems import Problem, escape_control, shorten
from ..user_messages import _, ngettext

MAX_REPORTED = 100
OTHER_FILES = ("file", "files")  # what a summary calls an output of no known format


def shown(path: Path) -> str:
    return display_path(path)


def quoted(text: str) -> str:
    """Return text from the data or the command line as a message may show it: short, and no terminal controls."""
    return escape_control(shorten(text))


def joined(items: Iterable[str]) -> str:
    """Return 'a', 'a and b' or 'a, b and c'."""
    names = list(items)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def counted(n: int, one: str, several: str) -> str:
    return f"{n} {one if n == 1 else several}"


def problem_count(problems: list[Problem]) -> str:
    """Return '3 problems found', in the user's language, counting the errors."""
    errors = sum(1 for p in problems if p.severity == "error")
    return ngettext("{count} problem found", "{count} problems found", errors)


def print_warnings(warnings: list[Problem], verbose: bool = False) -> None:
    """Print each warning and note; a register's rows left out of the period only when ``verbose`` (the line
    accounting for each type's rows says how many, and why), and that line as it stands."""
    from ..data_source.register_period import LEFT_OUT, RECONCILIATION

    for warning in warnings:
        if warning.category == RECONCILIATION:
            print(warning.message, file=sys.stderr)
        elif verbose or warning.category != LEFT_OUT:
            print(f"{warning.severity}: {warning}", file=sys.stderr)


def print_problems(problems: list[Problem]) -> None:
    for problem in problems[:MAX_REPORTED]:
        print(f"{problem.severity}: {problem}", file=sys.stderr)
    if len(problems) > MAX_REPORTED:
        print(f"... and {len(problems) - MAX_REPORTED} more", file=sys.stderr)


def print_problem_count(problems: list[Problem]) -> None:
    print(_("{problems}; no output was written or changed.", problems=problem_count(problems)), file=sys.stderr)


def build_summary(files: list[tuple[str, Path, str]]) -> str:
    """Return the line that ends a build: 'Built 1 deck and 3 briefings into decks/ and briefings/ (2 written, ...).'"""
    return built(files) + "."


def built(files: list[tuple[str, Path, str]]) -> str:
    """Return 'Built 1 deck and 3 briefings into decks/ and briefings/ (2 written, 2 unchanged)'."""
    counts: dict[tuple[str, str], int] = {}
    folders: dict[str, None] = {}  # in order of first appearance
    for _state, path, _summary in files:
        kind = _kind(path)
        counts[kind] = counts.get(kind, 0) + 1
        folders[shown(path.parent) + "/"] = None
    made = said_list([kind_counted(kind, n) for kind, n in counts.items()])
    written = sum(1 for state, _path, _summary in files if state == WROTE)
    states = [said for n, said in ((written, _("{count} written", count=written)),
                                   (len(files) - written, _("{count} unchanged", count=len(files) - written))) if n]
    return _("Built {made} into {folders} ({states})", made=made, folders=said_list(list(folders)),
             states=", ".join(states))


def file_line(state: str, path: Path, summary: str) -> str:
    """Return a build's line for one output: 'wrote decks/x.pptx (18 slides)', in the user's language."""
    line = _("wrote {path}", path=shown(path)) if state == WROTE else _("unchanged {path}", path=shown(path))
    return f"{line} ({summary})" if summary else line


def said_list(names: list[str]) -> str:
    """Return names as a list in the user's language: 'a', 'a and b', 'a, b and c'."""
    return names[0] if len(names) == 1 else _("{first} and {last}", first=", ".join(names[:-1]), last=names[-1])


def kind_counted(kind: tuple[str, str], count: int) -> str:
    """Return a number of outputs of one kind in the user's language: '1 deck', '3 briefings'."""
    said = {"deck": ngettext("{count} deck", "{count} decks", count),
            "briefing": ngettext("{count} briefing", "{count} briefings", count),
            "web page": ngettext("{count} web page", "{count} web pages", count),
            "figures workbook": ngettext("{count} figures workbook", "{count} figures workbooks", count),
            "PDF": ngettext("{count} PDF", "{count} PDFs", count),
            "picture": ngettext("{count} picture", "{count} pictures", count),
            "file": ngettext("{count} file", "{count} files", count)}
    return said.get(kind[0]) or counted(count, *kind)


def outputs_changed(files: list[tuple[str, Path, str]]) -> str:
    """Return what a rebuild did to the outputs: 'deck written, 3 briefings unchanged'."""
    kinds = [(output_format.one, output_format.several) for output_format in OUTPUT_FORMATS]
    counts: dict[tuple[tuple[str, str], str], int] = {}
    for state, path, _ in files:
        key = (_kind(path), "written" if state == WROTE else UNCHANGED)
        counts[key] = counts.get(key, 0) + 1
    order = sorted(counts, key=lambda key: (kinds.index(key[0]) if key[0] in kinds else len(kinds), key[1] != "written"))
    return ", ".join(f"{kind[0] if counts[kind, state] == 1 else f'{counts[kind, state]} {kind[1]}'} {state}"
                     for kind, state in order)


def _kind(path: Path) -> tuple[str, str]:
    output_format = format_of(path.suffix)
    return OTHER_FILES if output_format is None else (output_format.one, output_format.several)
