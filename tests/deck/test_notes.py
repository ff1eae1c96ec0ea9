"""Speaker-notes edits rewrite the built deck's notes in place, and give the same file as a full build."""

from __future__ import annotations

import yaml
from pptx import Presentation

from generator.deck import builder as deck_builder
from tests.conftest import DEFAULT_DATA

LONG_AIMS = [f"Aim number {n}: understand how agencies share what they know about risk" for n in range(1, 31)]


def _event(tmp_path, **changes):
    data = yaml.safe_load(DEFAULT_DATA.read_text(encoding="utf-8"))
    data["aims"]["items"] = LONG_AIMS  # long enough to continue over several slides
    for key, value in changes.items():
        section, field = key.split("__")
        data[section][field] = value
    path = tmp_path / "event.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _deck(out):
    return next((out / "decks").glob("*.pptx"))


def _refuse_to_render(monkeypatch):
    def render(self, *args):
        raise AssertionError("the deck was drawn again")

    monkeypatch.setattr(deck_builder.DeckBuilder, "_render", render)


def test_a_notes_only_edit_rewrites_the_notes_without_drawing_the_deck(run_cli, tmp_path, monkeypatch):
    path = _event(tmp_path)
    assert run_cli(["build", path, "--out", "out"], tmp_path)[0] == 0
    _event(tmp_path, aims__notes="Go through the aims\nslowly, & ask <questions>.")
    with monkeypatch.context() as patched:
        _refuse_to_render(patched)
        status, out, _ = run_cli(["build", path, "--out", "out"], tmp_path)
    assert status == 0
    assert out.splitlines()[0].startswith("wrote out/decks/")
    assert all(line.startswith("unchanged out/briefings/") for line in out.splitlines()[1:])
    assert run_cli(["build", path, "--out", "fresh"], tmp_path)[0] == 0
    assert _deck(tmp_path / "out").read_bytes() == _deck(tmp_path / "fresh").read_bytes()
    slides = list(Presentation(str(_deck(tmp_path / "out"))).slides)
    aims = [s for s in slides if s.shapes.title.text.startswith("Aims and Objectives")]
    assert len(aims) > 1
    assert aims[0].notes_slide.notes_text_frame.text == "Go through the aims\nslowly, & ask <questions>."
    assert all(s.notes_slide.notes_text_frame.text.startswith("(Continued from the previous slide.) Go through")
               for s in aims[1:])


def test_a_deck_changed_by_hand_is_drawn_again_not_patched(run_cli, tmp_path, monkeypatch):
    path = _event(tmp_path)
    assert run_cli(["build", path, "--out", "out"], tmp_path)[0] == 0
    _deck(tmp_path / "out").write_bytes(b"edited in PowerPoint")
    _event(tmp_path, aims__notes="New notes")
    calls = []
    original = deck_builder.DeckBuilder._render
    monkeypatch.setattr(deck_builder.DeckBuilder, "_render", lambda self, *args: calls.append(1) or original(self, *args))
    assert run_cli(["build", path, "--out", "out"], tmp_path)[0] == 0
    assert calls == [1]
    assert Presentation(str(_deck(tmp_path / "out"))).slides[1].notes_slide.notes_text_frame.text == "New notes"
