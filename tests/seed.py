"""Read the original Tees deck's text (shared/seed) into facts the tests compare with."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tests.conftest import SEED

_HEADLINE = re.compile(r"^(\d+) (.+ Reviews)$")
_AREA = re.compile(r"^(\d+) ([A-Z/]+)$")
_PAIR = re.compile(r"^(.+?) = (\d+)$")


@dataclass
class SeedReviewType:
    """One review type's figures in the seed's first 'Setting the Scene' slide."""

    count: int
    name: str
    areas: dict[str, int] = field(default_factory=dict)
    ethnicity: dict[str, int] = field(default_factory=dict)
    age: dict[str, int] = field(default_factory=dict)
    starred: bool = False


def seed_lines() -> list[str]:
    """Return the seed's non-empty lines, markdown marks removed."""
    lines = []
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = raw.replace("**", "").replace("\\*", "*").strip()
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"^- ", "", line)
        if line:
            lines.append(line)
    return lines


def seed_review_types() -> list[SeedReviewType]:
    """Return the figures of each review type from the seed's first 'Setting the Scene' slide."""
    lines = seed_lines()
    start = lines.index("Setting the Scene")
    end = lines.index("Setting the Scene", start + 1)
    found: list[SeedReviewType] = []
    table = None
    rows = iter(lines[start + 1:end])
    for line in rows:
        if match := _HEADLINE.match(line):
            found.append(SeedReviewType(int(match.group(1)), match.group(2)))
        elif match := _AREA.match(line):
            found[-1].areas[match.group(2)] = int(match.group(1))
        elif line.startswith("Ethnicity"):
            table = "ethnicity"
            found[-1].starred |= line.endswith("*")
        elif line.startswith("Age"):
            header = next(rows).split()
            values = [int(v) for v in next(rows).split()]
            found[-1].age = dict(zip(header, values))
        elif (match := _PAIR.match(line)) and table == "ethnicity":
            found[-1].ethnicity[match.group(1)] = int(match.group(2))
    return found


def seed_themes() -> dict[str, list[str]]:
    """Return each review type's main themes as the seed lists them, keyed by the review type's name."""
    lines = seed_lines()
    themes: dict[str, list[str]] = {}
    current = None
    collecting = False
    for line in lines[lines.index("Setting the Scene", lines.index("Setting the Scene") + 1):]:
        if match := _HEADLINE.match(line):
            current, collecting = match.group(2), False
        elif line == "Main Themes:":
            collecting = True
            themes[current] = []
        elif line == "Cross Over Themes":
            break
        elif collecting and not _AREA.match(line):
            themes[current].append(line)
    return themes


def seed_cross_over_themes() -> list[str]:
    """Return the seed's cross-over themes."""
    lines = seed_lines()
    return lines[lines.index("Cross Over Themes") + 1:]
