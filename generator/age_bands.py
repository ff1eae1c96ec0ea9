"""Age bands as a data file declares them ("Under 1", "1-4", "65+"), and which band an age falls in."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .i18n import N_, _
from .problems import Problem
from .register_records import PersonRow

_UNDER = re.compile(r"^(?:under|less than|below)\s+([0-9]+)$", re.IGNORECASE)
_RANGE = re.compile(r"^([0-9]+)\s*(?:-|–|—|to)\s*([0-9]+)$", re.IGNORECASE)
_AND_OVER = re.compile(r"^([0-9]+)\s*(?:\+|(?:and|or)\s+(?:over|older|above))$", re.IGNORECASE)
_SINGLE = re.compile(r"^([0-9]+)$")
FORMS = "'Under 1', '0-4', '65+', '65 and over' or a single age such as '17'"
# The bands whose labels are words ('Under 1', '65 and over'): written so, each is shown in the version's language.
WORDED_BANDS = {N_("Under {age}"): re.compile(r"Under ([0-9]+)"), N_("{age} and over"): re.compile(r"([0-9]+) and over")}


@dataclass(frozen=True)
class AgeBand:
    """A band of ages, both ends included; ``highest`` is None for an open band such as '65+'."""

    label: str
    lowest: int
    highest: int | None

    def holds(self, age: int) -> bool:
        """Return whether ``age`` falls in this band."""
        return self.lowest <= age and (self.highest is None or age <= self.highest)


def parse_band(label: str) -> AgeBand | None:
    """Return the band a label describes, or None when it is not one of the recognised forms."""
    text = " ".join(label.split())
    if match := _UNDER.match(text):
        highest = int(match.group(1)) - 1
        return AgeBand(label, 0, highest) if highest >= 0 else None
    if match := _RANGE.match(text):
        lowest, highest = int(match.group(1)), int(match.group(2))
        return AgeBand(label, lowest, highest) if lowest <= highest else None
    if match := _AND_OVER.match(text):
        return AgeBand(label, int(match.group(1)), None)
    if match := _SINGLE.match(text):
        return AgeBand(label, int(match.group(1)), int(match.group(1)))
    return None


def parse_bands(labels: Sequence[str], file: str, line: int | None, key_path: str
                ) -> tuple[list[AgeBand], list[Problem]]:
    """Return the bands the labels describe and the problems: a label not understood, or two bands that overlap.

    The problems are located at ``file``, ``line`` and ``key_path`` (the data
    file's list of bands, such as ``review_types.cspr.age_bands``).
    """
    bands: list[AgeBand] = []
    problems: list[Problem] = []
    for index, label in enumerate(labels):
        band = parse_band(label)
        if band is None:
            problems.append(Problem(f"'{label}' is not an age band (expected a form such as {FORMS})",
                                    file=file, line=line, key_path=f"{key_path}[{index}]"))
            continue
        for earlier in bands:
            overlap = _overlap(earlier, band)
            if overlap:
                problems.append(Problem(f"the bands '{earlier.label}' and '{band.label}' overlap ({overlap}); "
                                        "each age must fall in one band only", file=file, line=line,
                                        key_path=key_path))
        bands.append(band)
    return bands, problems


def _overlap(first: AgeBand, second: AgeBand) -> str:
    """Return the ages two bands share, in words ('ages 1 to 4', 'age 65', 'ages 65 and over'), or ''."""
    lowest = max(first.lowest, second.lowest)
    ends = [band.highest for band in (first, second) if band.highest is not None]
    highest = min(ends) if ends else None
    if highest is not None and lowest > highest:
        return ""
    if highest is None:
        return f"ages {lowest} and over"
    return f"age {lowest}" if lowest == highest else f"ages {lowest} to {highest}"


def band_for(age: int, bands: Sequence[AgeBand]) -> str | None:
    """Return the label of the band ``age`` falls in, or None when it fits none."""
    for band in bands:
        if band.holds(age):
            return band.label
    return None


def shown_band(label: str) -> str | None:
    """Return an age band's label written in words ('Under 1', '65 and over') in the language being written
    ('Dan 1'), or None when the label is not written so ('1-4', '65+', or another wording)."""
    for message, written in WORDED_BANDS.items():
        if found := written.fullmatch(label):
            return _(message, age=found[1])
    return None


def describe(bands: Sequence[AgeBand]) -> str:
    """Return the bands' labels as a list for a message: 'Under 1, 1-4, 5-9'."""
    return ", ".join(band.label for band in bands)


def count_ages(people: Iterable[PersonRow], bands: Sequence[AgeBand], type_name: str
               ) -> tuple[dict[str, int], list[Problem]]:
    """Return how many people fall in each band (every band listed, in order), and a problem for each age that
    fits none, located at the person's row. People whose age is not known are not counted."""
    counts = dict.fromkeys((band.label for band in bands), 0)
    problems = []
    for person in people:
        if person.age is None:
            continue
        label = band_for(person.age, bands)
        if label is None:
            problems.append(person.place.problem(
                "Age", f"{person.age} fits none of the {type_name} age bands ({describe(bands)}); add a band for it "
                       "in the data file"))
        else:
            counts[label] += 1
    return counts, problems
