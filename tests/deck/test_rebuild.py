"""A rebuild draws only the slides whose content changed, and writes the same file a full build would."""

from __future__ import annotations

import pytest
import yaml
from pptx import Presentation

from generator.deck import builder as deck_builder
from tests.conftest import DEFAULT_DATA


def _write(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _deck(out):
    return next((out / "decks").glob("*.pptx"))


def _count_full_drawings(monkeypatch) -> list:
    calls = []
    original = deck_builder.DeckBuilder._render
    monkeypatch.setattr(deck_builder.DeckBuilder, "_render",
                        lambda self, *args: calls.append(1) or original(self, *args))
    return calls


def _edit(data, change):
    if change == "a bullet":
        data["aims"]["items"][0] = "Understand which reviews took place across Tees, & why <now>"
    elif change == "a title a later slide has":  # that slide's title becomes '... (continued)'
        data["aims"]["title"] = data["cross_over_themes"]["title"]
    elif change == "a title an earlier slide has":
        data["cross_over_themes"]["title"] = data["aims"]["title"]
    elif change == "a list that no longer fits one slide":
        data["aims"]["items"] = [f"Aim {n}: understand how agencies share what they know" for n in range(40)]
    elif change == "a chart's figures":
        data["review_types"]["adults"]["counts_by_area"]["MBC"] += 1
        data["review_types"]["adults"]["count"] += 1
    elif change == "the event's date":
        data["event"]["date"] = "2022-05-19"
    return data


@pytest.mark.parametrize("change, drawn_in_full", [
    ("a bullet", False),
    ("a title an earlier slide has", False),
    ("a title a later slide has", True),
    ("a list that no longer fits one slide", True),
    ("a chart's figures", True),
    ("the event's date", True),
])
def test_a_rebuild_gives_the_file_a_full_build_gives(run_cli, tmp_path, monkeypatch, change, drawn_in_full):
    data = yaml.safe_load(DEFAULT_DATA.read_text(encoding="utf-8"))
    path = tmp_path / "event.yaml"
    _write(path, data)
    assert run_cli(["build", path, "--out", "out"], tmp_path)[0] == 0
    _write(path, _edit(data, change))
    with monkeypatch.context() as patched:
        full_drawings = _count_full_drawings(patched)
        status, out, err = run_cli(["build", path, "--out", "out"], tmp_path)
    assert status == 0, err
    assert bool(full_drawings) == drawn_in_full
    assert run_cli(["build", path, "--out", "fresh"], tmp_path)[0] == 0
    assert _deck(tmp_path / "out").read_bytes() == _deck(tmp_path / "fresh").read_bytes()


def test_slides_drawn_again_keep_their_numbers_and_unique_titles(run_cli, tmp_path):
    data = yaml.safe_load(DEFAULT_DATA.read_text(encoding="utf-8"))
    path = tmp_path / "event.yaml"
    _write(path, data)
    assert run_cli(["build", path, "--out", "out"], tmp_path)[0] == 0
    _write(path, _edit(data, "a title an earlier slide has"))
    assert run_cli(["build", path, "--out", "out"], tmp_path)[0] == 0
    slides = list(Presentation(str(_deck(tmp_path / "out"))).slides)
    titles = [slide.shapes.title.text for slide in slides]
    assert len(set(titles)) == len(titles)
    assert f"{data['aims']['title']} (continued)" in titles
    numbers = [next(shape.text for shape in slide.placeholders if shape.placeholder_format.type == 13)
               for slide in slides]
    assert numbers == [str(n) for n in range(1, len(slides) + 1)]
