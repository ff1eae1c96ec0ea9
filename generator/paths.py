"""Names of files and folders, as every layer shows, finds and makes them.

Beneath everything (the standard library only), so that the command line,
the readers, the plan and the builders share one answer without importing
each other.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

PROG = "make_deck.py"
"""The command, as messages name it."""
DATA_SUFFIXES = (".yaml", ".yml")
"""A data file's name ends in one of these."""
EXAMPLE_THEME_NAME = "theme-example.yaml"
"""The example theme `templates export` writes: it sits among data files but is not an event."""
SLUG_LENGTH = 60  # characters of a file name part: a name stays readable and well within every disk's limit


def display_path(path: Path) -> str:
    """Return the path as the user would recognise it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def events_in(folder: Path) -> list[Path]:
    """Return the event data files of a folder: its YAML files except shared parts and the exported example theme."""
    # Files named _like-this.yaml hold shared parts that events include, not events.
    return sorted(path for path in folder.iterdir()
                  if path.suffix in DATA_SUFFIXES and not path.name.startswith("_")
                  and path.name != EXAMPLE_THEME_NAME and path.is_file())


def slug(text: str) -> str:
    """Return ``text`` as a lower-case file name part: 'Learning from Reviews' -> 'learning-from-reviews'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:SLUG_LENGTH].strip("-") or "output"


def event_stem(title: str, date: dt.date) -> str:
    """Return the start of every file name of an event: its title and date, the date (or its year) once, even
    when the title holds it ('Learning from Reviews 2026', 2026-03-19 -> 'learning-from-reviews-2026-03-19')."""
    named = re.sub(rf"(?:^|-){date.isoformat()}(?=-|$)", "", slug(title))
    # The year alone, unless it ends a range of years ("2019-2024"), which says something the date does not.
    named = re.sub(rf"(?:^|(?<![0-9]{{4}})-){date.year}(?=-|$)", "", named).strip("-")
    return f"{named}-{date.isoformat()}" if named else date.isoformat()
