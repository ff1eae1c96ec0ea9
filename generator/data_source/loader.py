"""Load one data file: read, compose, convert to the model, check its numbers."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..model import EventData
from ..problems import InputError, Problem
from . import branding_checks, consistency, schema, yaml_reader


IMAGE_KINDS = {"PNG": (b"\x89PNG\r\n\x1a\n",), "JPEG": (b"\xff\xd8\xff",)}
TEMPLATE_KINDS = {"Office (zip)": (b"PK\x03\x04",)}


@dataclass
class LoadedData:
    """A validated event, where it came from, the files its theme names, and the warnings raised."""

    event: EventData
    path: Path
    warnings: list[Problem]
    text: str
    logo: Path | None = None
    pptx_template: Path | None = None
    docx_template: Path | None = None


def display_path(path: Path) -> str:
    """Return the path as the user would recognise it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def load_event(path: Path, allow_outside: bool = False) -> LoadedData:
    """Return the validated event in ``path``; raise InputError listing every error found.

    Files the theme names (logo, templates) are found relative to the data
    file, and must lie in its folder unless ``allow_outside`` is set.
    """
    label = display_path(path)
    text = yaml_reader.read_text(path, label)
    root = yaml_reader.compose(text, label)
    conversion = schema.convert(root, EventData, label)
    if conversion.value is schema.INVALID or conversion.problems:
        raise InputError(conversion.problems)
    event, lines = conversion.value, conversion.lines
    found = consistency.check(event, lines, label) + branding_checks.check_branding(event.theme, lines, label)
    files = {}
    for key, kinds in (("logo", IMAGE_KINDS), ("pptx_template", TEMPLATE_KINDS), ("docx_template", TEMPLATE_KINDS)):
        value = getattr(event.theme, key)
        if value:
            files[key], problems = branding_checks.resolve_file(path, value, f"theme.{key}", lines, label,
                                                                allow_outside, kinds)
            found.extend(problems)
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise InputError(sorted(errors, key=lambda p: p.line or 0))
    return LoadedData(event, path, found, text, **files)
