"""`make_deck.py new`: start a new event's data file from an earlier one, with a new title and date, and the
reporting period rolled forward.

The copy is the earlier file's text with only those values replaced, where
the YAML parser says they are: comments, quoting and layout stay as the
trainer left them (a re-dump of the parsed data would lose them all). The
comments that name the earlier event's date or period name the new ones.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from .data_source import yaml_reader
from .data_source.outline import read_structure
from .data_source.schema import Locations
from .i18n import day_month_year, known_languages, long_date, speaking
from .loading import load_event
from .model import RegisterSource
from .paths import DATA_SUFFIXES, PROG, display_path, events_in
from .problems import WARNING, InputError, Problem

EDITED_KEYS = ("title", "date")  # under event:
PERIOD_KEYS = ("from", "to")  # under period:
ALREADY_THERE = "the file already exists; choose another name (new never overwrites a file)"
Title = str | dict[str, str]  # one title, or a bilingual file's title per language ({'cy': ..., 'en': ...})


@dataclass
class NewEvent:
    """The data file written, where it came from, its title and date, and the values kept from the source."""

    path: Path
    source: Path
    title: str
    date: str
    kept: list[tuple[str, str]] = field(default_factory=list)  # (key, value) not given, so kept as they were
    warnings: list[Problem] = field(default_factory=list)  # about the new file: a register not in its folder yet
    period: tuple[dt.date, dt.date] | None = None  # the reporting period written, when the data has one
    earlier_period: tuple[dt.date, dt.date] | None = None


def next_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """Return the period after ``start`` to ``end``: as long, starting the day after it ended. A period of whole
    months (1 April 2021 to 31 March 2024) is followed by as many months (1 April 2024 to 31 March 2027)."""
    following = end + dt.timedelta(days=1)
    months = (following.year - start.year) * 12 + following.month - start.month
    if months > 0 and following.day == start.day and _months_after(start, months) == following:
        return following, _months_after(following, months) - dt.timedelta(days=1)
    return following, following + (end - start)


def _months_after(day: dt.date, months: int) -> dt.date:
    """Return the same day ``months`` later (the month's last day when it has no such day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def period_of(source: Path) -> tuple[dt.date, dt.date] | None:
    """Return the source's reporting period as written, or None when it sets none itself."""
    nodes = _read(source)[2]
    return (_as_date(nodes["from"]), _as_date(nodes["to"])) if nodes else None


def source_for(target: Path, given: Path | None, example: Path) -> Path:
    """Return the data file to start from: ``given``, else the newest event in the target's folder, else ``example``."""
    if given is not None:
        return given
    folder = target.parent
    events = [path for path in events_in(folder) if path != target] if folder.is_dir() else []
    if events:
        return max(events, key=lambda path: (path.stat().st_mtime_ns, path.name))
    if example.is_file():
        return example
    raise InputError([Problem(f"there is no data file to start from: {display_path(folder)}/ holds none, and "
                              f"{example} is not in this folder; name one with --from DATA")])


def current_title_and_date(source: Path) -> tuple[Title, str]:
    """Return the source's event title (per language, when it is given so) and date as written (for the questions'
    defaults)."""
    _, values, _ = _read(source)
    return _title_of(values["title"]), _scalar_node(values["date"]).value


def _title_of(node: Node) -> Title:
    if isinstance(node, MappingNode):
        return {key.value: value.value for key, value in node.value if isinstance(value, ScalarNode)}
    return _scalar_node(node).value


def _scalar_node(node: Node) -> ScalarNode:
    assert isinstance(node, ScalarNode)  # _read has refused any other
    return node


def title_text(title: Title) -> str:
    """Return a title as a message shows it: one text, or each language's ('Dysgu o Adolygiadau / Learning from
    Reviews')."""
    return title if isinstance(title, str) else " / ".join(title.values())


def _title_replacements(node: Node, title: Title | None, label: str) -> tuple[list[tuple[ScalarNode, str]],
                                                                              list[tuple[str, str]]]:
    """Return the source's title nodes to replace, with their new text, and the titles kept: a title per language
    has each language given replaced (one text given serves each), and the others kept."""
    if title is None:
        return [], [("title", title_text(_title_of(node)))]
    if isinstance(node, ScalarNode):
        if isinstance(title, dict):
            raise InputError([Problem(
                "this file gives the event's title as one text, so new takes one --title TEXT (a title per language "
                "needs the languages listed in event.languages)", file=label, line=node.start_mark.line + 1,
                key_path="event.title")])
        return [(node, _scalar(title))], []
    assert isinstance(node, MappingNode)
    languages = {key.value: value for key, value in node.value if isinstance(value, ScalarNode)}
    given = dict.fromkeys(languages, title) if isinstance(title, str) else title
    unknown = [language for language in given if language not in languages]
    if unknown:
        raise InputError([Problem(
            f"the event's title is given in {', '.join(languages)}, not in {', '.join(unknown)}; give the title as "
            f"{' '.join(f'--title {language}=TITLE' for language in languages)}", file=label,
            line=node.start_mark.line + 1, key_path="event.title")])
    kept = [("title", f"{language}: {value.value}") for language, value in languages.items() if language not in given]
    return [(languages[language], _scalar(text)) for language, text in given.items()], kept


def start_event(target: Path, source: Path, title: Title | None, date: dt.date | None,
                period: tuple[dt.date, dt.date] | None = None) -> NewEvent:
    """Write ``target``: ``source`` with a new event title and date (None keeps the source's) and, when the source
    sets a reporting period, ``period`` (None: the next one); return what was done.

    Raise InputError, writing nothing, when the target exists or the result would not be a valid event.
    """
    label = display_path(target)
    if target.suffix.lower() not in DATA_SUFFIXES:
        raise InputError([Problem(f"the new event's file name must end in .yaml, e.g. {target.stem}.yaml",
                                  file=label)])
    if target.exists():
        raise InputError([Problem(ALREADY_THERE, file=label)])
    if not target.parent.is_dir():
        raise InputError([Problem(f"the folder {display_path(target.parent)} does not exist; create it first",
                                  file=label)])
    text, values, period_nodes = _read(source)
    date_node = _scalar_node(values["date"])
    replacements, kept = _title_replacements(values["title"], title, label)
    # A date is written plain (2023-05-11), as the example writes it; the schema reads it as a date.
    if date is not None:
        replacements.append((date_node, date.isoformat()))
    else:
        kept.append(("date", date_node.value))
    earlier = None
    if period_nodes:
        earlier = (_as_date(period_nodes["from"]), _as_date(period_nodes["to"]))
        period = period or next_period(*earlier)
        replacements += [(period_nodes["from"], period[0].isoformat()), (period_nodes["to"], period[1].isoformat())]
    # Replace from the end of the text backwards, so that each earlier node's position still holds.
    for node, new_value in sorted(replacements, key=lambda pair: pair[0].start_mark.index, reverse=True):
        text = _replaced(text, node, new_value)
    text = _comments_renewed(text, date_node.value, date, earlier, period if period_nodes else None)
    _write_new(target, text)
    try:
        warnings = _checked(target, source)
    except InputError:
        target.unlink()
        raise
    before = _title_of(values["title"])
    new_title = before if title is None else title
    if isinstance(before, dict) and title is not None:
        new_title = {**before, **(dict.fromkeys(before, title) if isinstance(title, str) else title)}
    return NewEvent(target, source, title_text(new_title), date.isoformat() if date else date_node.value, kept,
                    warnings, period if period_nodes else None, earlier)


def _as_date(node: ScalarNode) -> dt.date:
    return dt.date.fromisoformat(node.value.strip())


def _date_forms(day: dt.date) -> list[str]:
    """Return the ways a comment may write a date, in each language the generator writes, longest first in each:
    'Thursday 13 June 2024', '13 June 2024', '2024-06-13', 'Dydd Iau 13 Mehefin 2024', '13 Mehefin 2024'."""
    forms = []
    for language in known_languages():
        with speaking(language):
            forms += [long_date(day), day_month_year(day), day.isoformat()]
    return forms


def _comments_renewed(text: str, old_date: str, new_date: dt.date | None,
                      earlier: tuple[dt.date, dt.date] | None, period: tuple[dt.date, dt.date] | None) -> str:
    """Return ``text`` with each comment's mention of the earlier event's date, or of the earlier period's dates,
    written for the new ones (in the same form): a comment saying 'the event of Thursday 13 June 2024' is
    otherwise wrong from the first day."""
    changes: list[tuple[str, str]] = []
    try:
        old_day = dt.date.fromisoformat(old_date.strip())
    except ValueError:
        old_day = None
    if old_day is not None and new_date is not None:
        changes += list(zip(_date_forms(old_day), _date_forms(new_date)))
    if earlier is not None and period is not None:
        for before, after in zip(earlier, period):
            changes += list(zip(_date_forms(before), _date_forms(after)))
    if not changes:
        return text
    pattern = re.compile("|".join(re.escape(old) for old, _ in sorted(changes, key=lambda c: -len(c[0]))))
    replacement = dict(changes)
    lines = text.split("\n")
    for index, line in enumerate(lines):
        comment = _comment_start(line)
        if comment is not None:
            lines[index] = line[:comment] + pattern.sub(lambda m: replacement[m.group()], line[comment:])
    return "\n".join(lines)


def _comment_start(line: str) -> int | None:
    """Return where a line's comment starts (a '#' at the start or after a space, outside quotes), or None."""
    quote = ""
    for index, character in enumerate(line):
        if quote:
            quote = "" if character == quote else quote
        elif character in "'\"":
            quote = character
        elif character == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
    return None


def _checked(path: Path, source: Path) -> list[Problem]:
    """Check the data file ``path`` as a build would; return a warning for each register file it names that is
    not there (yet), in which case only the file's shape is checked (its figures need the register).

    ``source`` is where the data came from: the register there is the one to copy. Raise InputError for any
    other problem.
    """
    event, locations = read_structure(path)
    missing = _missing_register(event.register, locations, path, source)
    if not missing:
        load_event(path)
    return missing


def _missing_register(register: str | RegisterSource | None, locations: Locations, path: Path,
                      source: Path) -> list[Problem]:
    """Return a warning for each file or folder the register names that is not in ``path``'s folder."""
    if register is None:
        return []
    if isinstance(register, str):
        named = [("register", register)]
    else:
        named = [(f"register.{key}", value) for key, value in (("reviews", register.reviews),
                                                               ("people", register.people))
                 if isinstance(value, str)]  # rows written in the data itself need no file
    warnings = []
    for key_path, name in named:
        wanted = path.parent / name
        if wanted.exists():
            continue
        earlier = source.parent / name
        ways = []  # the command last, so that it can be copied whole
        if earlier.exists() and earlier.resolve() != wanted.resolve():
            ways.append(f"copy {display_path(earlier)} to {display_path(wanted)}")
        if Path(name).suffix.lower() == ".xlsx":
            ways.append(f"write a blank one: {PROG} register new {display_path(wanted)} {display_path(path)}")
        how = f"; {', or '.join(ways)}" if ways else ""
        warnings.append(locations.problem(key_path, f"the register {display_path(wanted)} does not exist yet{how}",
                                          severity=WARNING))
    return warnings


def _read(source: Path) -> tuple[str, dict[str, Node], dict[str, ScalarNode]]:
    """Return the source's text, the nodes of its event title (a scalar, or a mapping of a title per language) and
    date, and those of its period's from and to (empty when it sets no period itself); raise InputError if it is
    not valid."""
    _checked(source, source)  # every problem of the source, located, before anything is copied from it
    label = display_path(source)
    text = yaml_reader.read_text(source, label)
    root = yaml_reader.compose(text, label)
    event = _child(root, "event")
    values = {key: _child(event, key) for key in EDITED_KEYS}
    missing = [key for key, node in values.items()
               if not isinstance(node, ScalarNode) and not (key == "title" and isinstance(node, MappingNode))]
    if missing:
        raise InputError([Problem(f"this file does not set the event's {' and '.join(missing)} itself (an included "
                                  "file may); start from one that does, with --from DATA", file=label)])
    period = {key: _child(_child(root, "period"), key) for key in PERIOD_KEYS}
    period_nodes = {key: node for key, node in period.items() if isinstance(node, ScalarNode)}
    return (text, {key: node for key, node in values.items() if node is not None},
            period_nodes if len(period_nodes) == len(PERIOD_KEYS) else {})


def _child(node: Node | None, key: str) -> Node | None:
    if not isinstance(node, MappingNode):
        return None
    return next((value for name, value in node.value if isinstance(name, ScalarNode) and name.value == key), None)


def _replaced(text: str, node: ScalarNode, value: str) -> str:
    """Return ``text`` with ``node``'s value (any style, over any number of lines) replaced by ``value``."""
    start, end = node.start_mark.index, node.end_mark.index
    old = text[start:end]
    line_ends = old[len(old.rstrip("\r\n")):]  # a block scalar (>- or |) owns the line breaks after it
    return text[:start] + value + line_ends + text[end:]


def _scalar(value: str) -> str:
    """Return ``value`` as a one-line YAML scalar: plain when it reads back as the same text, else double-quoted."""
    try:
        plain = value == value.strip() and "\n" not in value and \
            yaml.safe_load(f"key: {value}\n") == {"key": value}
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)


def _write_new(target: Path, text: str) -> None:
    """Create ``target`` with ``text``; refuse (InputError) if it appeared meanwhile: never overwrite."""
    try:
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise InputError([Problem(ALREADY_THERE, file=display_path(target))]) from None
    with os.fdopen(handle, "wb") as file:
        file.write(text.encode("utf-8"))
