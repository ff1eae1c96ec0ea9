"""No output can go stale: a rebuild into a used folder gives, byte for byte, the files of a cold build.

Random sequences of edits (notes, bullets, counts, themes, titles, theme
colours, and going back to an earlier state) are built one after another into
one output folder; after each build its files are compared with those of a
cold build of the same data into an empty folder.
"""

from __future__ import annotations

import copy
import random
import tempfile
from pathlib import Path
from typing import Callable

import pytest
import yaml

from generator.build import BuildOptions, build_event
from generator.output.manifest import FOLDER
from tests.conftest import default_text, replace_once

SEED = 20261127
BUILDS = 200
RESTORE_CHANCE = 0.3  # of going back to an earlier state instead of making a new edit
DARK_COLOURS = ["1B365D", "8B1E3F", "2C4A1E", "4A2C6B", "5C3A00", "003B46", "222222"]

Files = dict[str, bytes]


def built_files(out: Path) -> Files:
    """Return every output under ``out`` (path from ``out`` -> bytes), the build's own record aside."""
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and FOLDER not in path.relative_to(out).parts}


def build(data_file: Path, out: Path) -> list[str]:
    """Build ``data_file`` into ``out`` in this process; return the outputs it made (path from ``out``)."""
    report = build_event(data_file, BuildOptions(out_dir=out))
    return sorted(output.path.relative_to(out).as_posix() for output in report.outputs)


class ColdBuilds:
    """Cold builds (each into an empty folder), kept by data text: going back to a state costs nothing."""

    def __init__(self, work: Path):
        self.work = work
        self.by_text: dict[str, Files] = {}

    def files(self, text: str) -> Files:
        if text not in self.by_text:
            folder = Path(tempfile.mkdtemp(dir=self.work, prefix="cold-"))
            data_file = folder / "event.yaml"
            data_file.write_text(text, encoding="utf-8")
            out = folder / "out"
            build(data_file, out)
            self.by_text[text] = built_files(out)
        return self.by_text[text]


# -- the edits: each changes one thing a user might change, and says what ------------------------------------

def edit_notes(data: dict, rng: random.Random, step: int) -> str:
    review = rng.choice(list(data["review_types"].values()))
    places: list[tuple[dict, str]] = [(data["event"], "notes"), (data["aims"], "notes"),
                                      (data["learning_reviews"]["are"], "notes"), (data["scene"], "notes"),
                                      (data["closing"], "notes"), (review, "scene_notes"), (review, "themes_notes")]
    holder, key = rng.choice(places)
    holder[key] = rng.choice([f"Temporary notes {step}.", f"{holder.get(key, '')} Edited at step {step}."])
    return f"notes: {key}"


def edit_bullet(data: dict, rng: random.Random, step: int) -> str:
    section = rng.choice([data["aims"], data["learning_reviews"]["are_not"], data["cross_over_themes"],
                          data["reflective_questions"]])
    items = section["items"]
    index = rng.randrange(len(items))
    choice = rng.random()
    if choice < 0.6 and isinstance(items[index], str):
        items[index] = f"{items[index]} (step {step})"
    elif choice < 0.8:
        items.insert(index, f"A new bullet from step {step}")
    elif len(items) > 1:
        del items[index]
    return f"bullet in {section['title']}"


def edit_count(data: dict, rng: random.Random, step: int) -> str:
    """Move one area's count (and the type's total with it), so the data stays consistent."""
    review = rng.choice(list(data["review_types"].values()))
    area = rng.choice(list(review["counts_by_area"]))
    change = rng.choice([-2, -1, 1, 2, 3])
    change = max(change, -review["counts_by_area"][area])
    review["counts_by_area"][area] += change
    review["count"] += change
    return f"count of {review['name']} in {area} by {change}"


def edit_theme(data: dict, rng: random.Random, step: int) -> str:
    review = rng.choice(list(data["review_types"].values()))
    themes = review["themes"]
    index = rng.randrange(len(themes))
    counted = isinstance(themes[index], dict)
    choice = rng.random()
    if choice < 0.5:
        if counted:
            themes[index]["name"] = f"{themes[index]['name']} {step}"
        else:
            themes[index] = f"{themes[index]} {step}"
    elif choice < 0.75:
        themes.insert(index, {"name": f"New theme {step}", "count": 1} if counted else f"New theme {step}")
    elif len(themes) > 1:
        del themes[index]
    return f"themes of {review['name']}"


def edit_title(data: dict, rng: random.Random, step: int) -> str:
    holder = rng.choice([data["event"], data["aims"], data["scene"], data["closing"], data["cross_over_themes"],
                         rng.choice(list(data["review_types"].values()))])
    key = "name" if "count" in holder else "title"
    holder[key] = f"{holder[key]} {step}"
    return f"title: {key}"


def edit_colours(data: dict, rng: random.Random, step: int) -> str:
    colours = data.setdefault("theme", {}).setdefault("colours", {})
    if rng.random() < 0.5:
        colours["heading"] = rng.choice(DARK_COLOURS)
    else:
        colours["accents"] = rng.sample(DARK_COLOURS, 3)
    return "theme colours"


EDITS: list[Callable[[dict, random.Random, int], str]] = [edit_notes, edit_bullet, edit_count, edit_theme,
                                                         edit_title, edit_colours]


def as_text(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


@pytest.mark.slow  # 200 random rebuilds, each checked against a cold build
def test_every_rebuild_gives_the_bytes_of_a_cold_build(tmp_path):
    rng = random.Random(SEED)
    cold = ColdBuilds(tmp_path)
    data_file = tmp_path / "event.yaml"
    out = tmp_path / "out"
    state = yaml.safe_load(default_text())
    history = [as_text(state)]
    kinds_done: dict[str, int] = {}
    for step in range(BUILDS):
        if step and rng.random() < RESTORE_CHANCE:
            text = rng.choice(history)
            state, kind, what = yaml.safe_load(text), "restore", "back to an earlier state"
        else:
            edit = rng.choice(EDITS) if step else None
            kind, what = (edit.__name__, edit(state, rng, step)) if edit else ("first", "the default")
            text = as_text(state)
            history.append(text)
        kinds_done[kind] = kinds_done.get(kind, 0) + 1
        data_file.write_text(text, encoding="utf-8")
        made = build(data_file, out)
        expected = cold.files(text)
        assert made == sorted(expected), f"build {step} ({what}) made other files than a cold build"
        files = built_files(out)
        differing = [name for name in expected if files.get(name) != expected[name]]
        assert not differing, f"build {step} ({what}): {differing} differ from a cold build"
    # The sequence did what it says: every kind of edit, and going back, happened many times.
    assert set(kinds_done) == {"first", "restore", *(edit.__name__ for edit in EDITS)}
    assert min(count for kind, count in kinds_done.items() if kind != "first") >= 10, kinds_done


def notes_of_first_slide(deck: Path) -> str:
    from pptx import Presentation

    return Presentation(str(deck)).slides[0].notes_slide.notes_text_frame.text


def test_notes_restored_after_another_edit_reach_the_deck_again(tmp_path):
    """The sequence that kept 'Temporary title-slide notes.' in the deck for good (issue 12.1)."""
    original = default_text()
    notes = "  notes: >-\n    Welcome everyone."
    temporary = replace_once(original, notes, "  notes: >-\n    Temporary title-slide notes. Welcome everyone.")
    question = "    - Which of today's themes do you recognise in your own work?"
    other_edit = replace_once(original, question, question + " Changed.")
    data_file = tmp_path / "event.yaml"
    out = tmp_path / "out"
    cold = ColdBuilds(tmp_path)
    for text in (original, temporary, other_edit, original, original):
        data_file.write_text(text, encoding="utf-8")
        build(data_file, out)
        assert built_files(out) == cold.files(text)
    deck = next((out / "decks").glob("*.pptx"))
    assert notes_of_first_slide(deck).startswith("Welcome everyone.")
