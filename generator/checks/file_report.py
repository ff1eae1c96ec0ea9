"""What ``check`` finds in one file: each file's checker fills one; beneath them all, so none imports another."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class FileReport:
    """One file's facts (slides, pages, words) and problems, and what could not be checked."""

    path: Path
    facts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
