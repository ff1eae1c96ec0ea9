"""Load one data file: read, compose, convert to the model, check its numbers."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..model import EventData
from ..problems import InputError, Problem
from . import consistency, schema, yaml_reader


@dataclass
class LoadedData:
    """A validated event, where it came from, and the warnings its numbers raised."""

    event: EventData
    path: Path
    warnings: list[Problem]
    text: str


def display_path(path: Path) -> str:
    """Return the path as the user would recognise it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def load_event(path: Path) -> LoadedData:
    """Return the validated event in ``path``; raise InputError listing every error found."""
    label = display_path(path)
    text = yaml_reader.read_text(path, label)
    root = yaml_reader.compose(text, label)
    conversion = schema.convert(root, EventData, label)
    if conversion.value is schema.INVALID or conversion.problems:
        raise InputError(conversion.problems)
    found = consistency.check(conversion.value, conversion.lines, label)
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return LoadedData(conversion.value, path, found, text)
