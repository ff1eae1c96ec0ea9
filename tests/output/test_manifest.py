"""The build's record: a fingerprint changes with any input; a damaged record is ignored and rewritten; an output
changed or removed on disk is drawn again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import BuildOptions, build_event
from generator.output import manifest
from generator.output.files import Rendered
from tests.conftest import DEFAULT_DATA, default_text, replace_once
from tests.test_rebuild import built_files

PARTS = ("model text", b"template bytes", ("slides", 1), None)


@pytest.mark.parametrize("changed", [
    ("model text!", b"template bytes", ("slides", 1), None),
    ("model text", b"template bytes.", ("slides", 1), None),
    ("model text", b"template bytes", ("slides", 2), None),
    ("model text", b"template bytes", ("slides", 1), ""),
    ("model text", b"template bytes", ("slides", 1)),
    (b"template bytes", "model text", ("slides", 1), None),
], ids=["text", "bytes", "tuple", "None to empty", "one part fewer", "order"])
def test_the_fingerprint_changes_with_any_input(changed):
    assert manifest.fingerprint(*changed) != manifest.fingerprint(*PARTS)


def test_the_fingerprint_is_the_same_for_the_same_inputs():
    assert manifest.fingerprint(*PARTS) == manifest.fingerprint(*PARTS)


def test_parts_cannot_run_together():
    assert manifest.fingerprint(b"a\0", b"") != manifest.fingerprint(b"a", b"\0")
    assert manifest.fingerprint(b"'x'") != manifest.fingerprint("x")  # bytes, and a text whose repr they spell


def test_the_fingerprint_changes_with_the_generator_and_the_documents_date(monkeypatch):
    before = manifest.fingerprint(*PARTS)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert manifest.fingerprint(*PARTS) != before
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    monkeypatch.setattr(manifest, "generator_stamp", lambda: "another version of the generator")
    assert manifest.fingerprint(*PARTS) != before


def _record_files(out: Path) -> list[Path]:
    return sorted((out / manifest.FOLDER).glob("*.json"))


@pytest.fixture
def built(tmp_path) -> Path:
    out = tmp_path / "out"
    build_event(DEFAULT_DATA, BuildOptions(out_dir=out))
    return out


@pytest.mark.parametrize("damage", ["{not json", "[1, 2]", '{"decks/x.pptx": 3}', "", "\0\0\0"],
                         ids=["not JSON", "a list", "an entry of the wrong kind", "empty", "NUL bytes"])
def test_a_damaged_record_is_ignored_and_rewritten(built, damage):
    expected = built_files(built)
    [record] = _record_files(built)
    record.write_text(damage, encoding="utf-8")
    report = build_event(DEFAULT_DATA, BuildOptions(out_dir=built))
    assert built_files(built) == expected
    assert report.written == []  # the files on disk are still what this data gives: none is replaced
    stored = json.loads(record.read_text(encoding="utf-8"))
    assert stored.pop(manifest.SOURCE_KEY) == str(DEFAULT_DATA.resolve())  # whose outputs these are
    assert sorted(stored) == sorted(str(output.path) for output in report.outputs)
    assert all(set(entry) == {"fingerprint", "sha256", "summary", "warnings"} for entry in stored.values())


def test_a_record_entry_missing_a_field_is_drawn_again(built):
    [record] = _record_files(built)
    stored = json.loads(record.read_text(encoding="utf-8"))
    deck = next(path for path in stored if path.endswith(".pptx"))
    del stored[deck]["sha256"]
    record.write_text(json.dumps(stored), encoding="utf-8")
    expected = built_files(built)
    assert manifest.load(built, DEFAULT_DATA).keys() == set(stored) - {deck, manifest.SOURCE_KEY}
    build_event(DEFAULT_DATA, BuildOptions(out_dir=built))
    assert built_files(built) == expected
    assert "sha256" in json.loads(record.read_text(encoding="utf-8"))[deck]


@pytest.mark.parametrize("change", ["edited", "removed"])
def test_an_output_changed_on_disk_is_drawn_again(built, change):
    expected = built_files(built)
    deck = next((built / "decks").glob("*.pptx"))
    if change == "edited":
        deck.write_bytes(b"someone saved over the deck")
    else:
        deck.unlink()
    report = build_event(DEFAULT_DATA, BuildOptions(out_dir=built))
    assert [output.path for output in report.written] == [deck]
    assert built_files(built) == expected


def test_an_unchanged_rebuild_renders_nothing(built, monkeypatch):
    from generator.briefing.html import HtmlBriefingBuilder
    from generator.briefing.word_builder import WordBriefingBuilder
    from generator.deck.builder import DeckBuilder

    def must_not_render(*_args: object) -> Rendered:
        raise AssertionError("an output whose inputs and file are unchanged was drawn again")

    for builder in (DeckBuilder, WordBriefingBuilder, HtmlBriefingBuilder):
        monkeypatch.setattr(builder, "render", must_not_render)
    report = build_event(DEFAULT_DATA, BuildOptions(out_dir=built))
    assert report.written == []


def test_an_edit_redraws_only_the_outputs_that_show_it(built, tmp_path):
    """The title slide's speaker notes are in the deck alone: the briefings are left as they are."""
    data_file = tmp_path / "event.yaml"
    data_file.write_text(default_text(), encoding="utf-8")
    build_event(data_file, BuildOptions(out_dir=built))
    data_file.write_text(replace_once(default_text(), "    Welcome everyone.", "    Welcome, everyone."),
                         encoding="utf-8")
    report = build_event(data_file, BuildOptions(out_dir=built))
    assert [output.path.suffix for output in report.written] == [".pptx"]
