"""Bring the last build's deck up to date without drawing all of it again.

A trainer edits a few words and rebuilds. If only speaker notes changed, the
notes are rewritten in the deck on disk (no python-pptx at all). If only some
slides' own content changed, only their specs are drawn, on a fresh copy of
the template, and their slides put in place of the old ones. Each way gives
the same file a full build would, and anything less certain (a chart or a
picture, a slide count that changes, titles that would be numbered anew)
falls back to drawing the whole deck.

What this needs from the last build is kept in its manifest record: the
fingerprints below, and for each spec its slides' titles and warnings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..output.files import zip_package
from ..output.manifest import fingerprint
from . import built
from .notes import CONTINUED_PREFIX, rewrite_notes, without_notes
from .plan import unique_title


@dataclass(frozen=True)
class DeckKeys:
    """Fingerprints of what the slides show (notes left out), and of what every slide depends on."""

    notes_free: str
    deck: str

    @classmethod
    def of(cls, template: bytes, logo: bytes, shown) -> "DeckKeys":
        """Return the keys of a deck showing the event ``shown`` on ``template`` with ``logo``."""
        everywhere = (shown.event, shown.theme, [review.full_name for review in shown.review_types.values()])
        return cls(fingerprint(template, logo, without_notes(shown)), fingerprint(template, logo, *everywhere))


def pictured(spec, has_logo: bool) -> bool:
    """Return whether the spec's slides carry parts of their own (a chart, the logo): those are always redrawn."""
    return bool(spec.charts) or (has_logo and spec.kind in ("title", "closing"))


def full_record(writer, keys: DeckKeys, specs, logo: bool) -> dict:
    """Return what the next build needs to know of a deck just drawn in full."""
    return {"notes_free": keys.notes_free, "deck": keys.deck, "notes_sources": writer.notes_sources,
            "specs": [_spec_entry(writer, drawn, fingerprint(specs[drawn.index]), pictured(specs[drawn.index], logo))
                      for drawn in writer.drawn]}


def _spec_entry(writer, drawn, key: str, has_parts: bool) -> dict:
    return {"key": key, "slides": drawn.end - drawn.start, "planned": writer.planned_titles[drawn.start:drawn.end],
            "shown": writer.shown_titles[drawn.start:drawn.end], "warnings": drawn.warnings, "pictured": has_parts}


def warnings_of(record: dict) -> list[str]:
    """Return a deck's warnings, spec by spec."""
    return [warning for entry in record["specs"] for warning in entry["warnings"]]


def with_new_notes(previous: bytes, record: dict, specs, language: str, stamp: dt.datetime) -> bytes | None:
    """Return the last build's deck with the specs' notes (only notes have changed), or None."""
    sources = record.get("notes_sources")
    if not sources or any(index >= len(specs) for index, _ in sources):
        return None
    notes = [(CONTINUED_PREFIX if continued else "") + specs[index].notes for index, continued in sources]
    return rewrite_notes(previous, notes, language, stamp)


@dataclass
class Changes:
    """The specs to draw again, as (index, first slide number), and the last build's record of every spec."""

    drawn: list[tuple[int, int]]
    old: list[dict]
    keys: list[str]

    def titles_before(self, index: int, writer) -> set[str]:
        """Return the titles shown on the slides before spec ``index`` (those drawn again are in ``writer``)."""
        again = {i for i, _ in self.drawn}
        return {title for i, entry in enumerate(self.old[:index]) if i not in again for title in entry["shown"]} | \
            set(writer.shown_titles)


def changed_slides(record: dict, keys: DeckKeys, specs, logo: bool) -> Changes | None:
    """Return which specs changed since the last build, if only they need drawing; else None."""
    old = record.get("specs")
    if record.get("deck") != keys.deck or not old or len(old) != len(specs):
        return None
    new_keys = [fingerprint(spec) for spec in specs]
    drawn, number = [], 1
    for index, (entry, spec, key) in enumerate(zip(old, specs, new_keys)):
        if entry["key"] != key:
            if entry["pictured"] or pictured(spec, logo):
                return None
            drawn.append((index, number))
        number += entry["slides"]
    if not drawn or len(drawn) * 2 > len(specs):  # most of the deck changed: drawing it all is as quick
        return None
    return Changes(drawn, old, new_keys)


def merged_record(record: dict, keys: DeckKeys, changes: Changes, writer) -> dict | None:
    """Return the record of the deck with the specs just drawn in place, or None if their slides do not fit it.

    They fit if each spec drew as many slides as before, and every title is
    what a full build would show (a changed title can renumber later ones).
    """
    specs = list(changes.old)
    for drawn in writer.drawn:
        entry = _spec_entry(writer, drawn, changes.keys[drawn.index], False)
        if entry["slides"] != specs[drawn.index]["slides"]:
            return None
        specs[drawn.index] = entry
    taken: set[str] = set()
    for entry in specs:
        for planned, shown in zip(entry["planned"], entry["shown"]):
            if unique_title(planned, taken) != shown:
                return None
            taken.add(shown)
    return {**record, "notes_free": keys.notes_free, "deck": keys.deck, "specs": specs}


def with_new_slides(previous: bytes, writer, changes: Changes, stamp: dt.datetime) -> bytes | None:
    """Return the last build's deck with the slides ``writer`` drew in place of the ones they replace, or None."""
    from ..output.packages import package_entries

    entries = built.read_entries(previous)
    places = {}
    for drawn, (_, first_number) in zip(writer.drawn, changes.drawn):
        for offset in range(drawn.end - drawn.start):
            places[first_number - 1 + offset] = drawn.start + offset
    if not built.replace_slides(entries, package_entries(writer.prs), places):
        return None
    return zip_package(entries, stamp, embedded_normalised=True)
