"""`new`: start a new event's data file from the last one (or the example)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import DEFAULT_DATA, EXIT_OK, UsageError, add_command, typed_text
from .messages import print_problems, quoted, shown

if TYPE_CHECKING:
    from ..new_event import Title

LANGUAGE_GIVEN = re.compile(r"([a-z]{2,3})=(.+)", re.DOTALL)  # a title given per language: 'cy=Dysgu o Adolygiadau'


def add_command_to(commands: Any) -> None:
    parser = add_command(
        commands, "new", "start a new event's data file from the last one (or the example)",
        "Copy an event's data file to EVENT, with a new title and date (asked for when not given), and its "
        "reporting period rolled forward (as long as the last, starting the day after it ended). "
        "It starts from --from DATA, or the newest data file in EVENT's folder, or "
        f"{DEFAULT_DATA}. Comments and everything else are kept (those naming the last event's date or "
        "period name the new ones); an existing file is never overwritten.",
        "examples:\n"
        "  .venv/bin/python make_deck.py new data/tees-2023.yaml\n"
        "  .venv/bin/python make_deck.py new data/tees-2023.yaml --title 'Learning from Reviews 2023' "
        "--date 2023-05-11\n"
        "  .venv/bin/python make_deck.py new data/riverside.yaml --from data/tees-2022.yaml\n"
        "  .venv/bin/python make_deck.py new data/cwm-taf-2026.yaml --title 'cy=Dysgu o Adolygiadau 2026' "
        "--title 'en=Learning from Reviews 2026'\n"
        "  .venv/bin/python make_deck.py new data/tees-2024.yaml --period 2023-04-01..2024-03-31")
    parser.add_argument("event", type=Path, metavar="EVENT", help="the new data file to write (ending in .yaml)")
    parser.add_argument("--from", dest="source", type=Path, metavar="DATA", help="the data file to start from")
    parser.add_argument("--title", action="append", metavar="TITLE",
                        help="the new event's title (default: asked for, or kept); for a data file whose title is "
                             "given per language, once per language as LANGUAGE=TITLE ('cy=Dysgu o Adolygiadau "
                             "2026'), or once for all")
    parser.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the new event's date (default: asked for, "
                                                                         "or kept)")
    parser.add_argument("--period", type=_period, metavar="FROM..TO",
                        help="the new reporting period, as YYYY-MM-DD..YYYY-MM-DD (default: asked for, or the last "
                             "one rolled forward)")
    parser.set_defaults(run=run)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, e.g. 2023-05-11, got '{text}'") from None


def _period(text: str) -> tuple[dt.date, dt.date]:
    """Return a period written 'YYYY-MM-DD..YYYY-MM-DD' (or, as asked for, 'YYYY-MM-DD to YYYY-MM-DD')."""
    parts = [part.strip() for part in text.replace(" to ", "..").split("..")]
    example = "2023-04-01..2024-03-31"
    try:
        start, end = (dt.date.fromisoformat(part) for part in parts) if len(parts) == 2 else (None, None)
    except ValueError:
        start = end = None
    if start is None or end is None:
        raise argparse.ArgumentTypeError(f"expected a period as YYYY-MM-DD..YYYY-MM-DD, e.g. {example}, got "
                                         f"'{text}'")
    if end < start:
        raise argparse.ArgumentTypeError(f"the period ends ({end.isoformat()}) before it starts "
                                         f"({start.isoformat()}), in '{text}'")
    return start, end


def run(args: argparse.Namespace) -> int:
    from .. import new_event

    source = new_event.source_for(args.event, args.source, DEFAULT_DATA)
    title, date = _titles(args.title), args.date
    if (title is None or date is None) and sys.stdin.isatty():
        current_title, current_date = new_event.current_title_and_date(source)
        if title is None:
            title = _ask_title(current_title)
        if date is None:
            date = _ask_date(quoted(current_date))
    period = args.period
    earlier = new_event.period_of(source) if period is not None or sys.stdin.isatty() else None
    if period is not None and earlier is None:
        raise UsageError(f"--period: {shown(source)} sets no reporting period of its own (period: from, to) for "
                         "new to change")
    if period is None and earlier is not None and sys.stdin.isatty():
        period = _ask_period(new_event.next_period(*earlier))
    created = new_event.start_event(args.event, source, title, date, period)
    for field, value in created.kept:
        print(f"kept the {field} from {shown(source)}: {quoted(value)} (give --{field} to change it)")
    if created.period is not None and created.earlier_period is not None:
        print(f"the period is {_dates(created.period)}, after {_dates(created.earlier_period)} (change it in "
              f"{shown(created.path)}: period:)")
    print_problems(created.warnings)  # a register not in the new folder yet, and how to make it
    first = "Make its register (above), edit it" if created.warnings else "Edit it"
    print(f"wrote {shown(created.path)} from {shown(source)}: '{quoted(created.title)}', {created.date}. "
          f"{first}, then build it: make_deck.py build {shown(created.path)}")
    return EXIT_OK


def _titles(given: list[str] | None) -> Title | None:
    """Return the title given with --title: one text, or a text per language ('cy=...', given once each)."""
    if not given:
        return None
    texts = [typed_text(text) or "" for text in given]
    per_language = [LANGUAGE_GIVEN.match(text) for text in texts]
    if len(texts) == 1 and per_language[0] is None:
        return texts[0]
    if any(found is None for found in per_language):
        raise UsageError("--title: give one title, or one per language as LANGUAGE=TITLE (--title 'cy=Dysgu o "
                         "Adolygiadau 2026' --title 'en=Learning from Reviews 2026')")
    titles = {found[1]: found[2] for found in per_language if found is not None}
    if len(titles) < len(texts):
        raise UsageError("--title: a language's title is given twice; give each language's once")
    return titles


def _ask_title(current: Title) -> Title | None:
    """Ask for the title, per language when the data file gives it so; None keeps it."""
    if isinstance(current, str):
        return typed_text(_ask("Title of the event", quoted(current))) or None
    answers = {language: typed_text(_ask(f"Title of the event ({language})", quoted(text))) or ""
               for language, text in current.items()}
    return {language: text for language, text in answers.items() if text} or None


def _ask(question: str, current: str) -> str:
    """Return the answer typed, or '' for Enter (keep the current value) or the end of input."""
    try:
        return input(f"{question} [{current}]: ").strip()
    except EOFError:
        return ""


def _dates(period: tuple[dt.date, dt.date]) -> str:
    return f"{period[0].isoformat()} to {period[1].isoformat()}"


def _ask_period(offered: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """Return the reporting period typed as 'YYYY-MM-DD to YYYY-MM-DD' (or as --period takes it), or ``offered``
    for Enter."""
    while True:
        answer = _ask("Reporting period", _dates(offered))
        if not answer:
            return offered
        try:
            return _period(answer)
        except argparse.ArgumentTypeError as error:
            print(str(error), file=sys.stderr)


def _ask_date(current: str) -> dt.date | None:
    while True:
        answer = _ask("Date of the event, as YYYY-MM-DD", current)
        if not answer:
            return None
        try:
            return _date(answer)
        except argparse.ArgumentTypeError as error:
            print(str(error), file=sys.stderr)
