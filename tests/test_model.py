"""The model's field metadata: each field's YAML key, whether a data file sets it, whether it is free text."""

from __future__ import annotations

import dataclasses

from generator.model import Demographics, EventData, Period, ReviewType, data_fields, is_free_text, yaml_key


def _field(kind: type, name: str) -> dataclasses.Field:
    return next(spec for spec in dataclasses.fields(kind) if spec.name == name)


def test_a_fields_yaml_key_is_its_name_unless_its_metadata_gives_one():
    assert yaml_key(_field(Period, "start")) == "from"
    assert yaml_key(_field(Period, "to")) == "to"


def test_a_data_file_sets_the_fields_by_their_yaml_keys_not_those_the_loader_fills():
    assert list(data_fields(Period)) == ["from", "to", "by"]
    assert "register_reviews" not in data_fields(EventData)
    assert "people_known" not in data_fields(Demographics)  # counted from a register
    assert set(data_fields(EventData)) == {spec.name for spec in dataclasses.fields(EventData) if spec.init}


def test_names_are_not_free_text_and_words_are():
    assert not is_free_text(_field(ReviewType, "name"))
    assert not is_free_text(_field(ReviewType, "themes"))
    assert not is_free_text(_field(EventData, "areas"))
    assert not is_free_text(_field(EventData, "register_reviews"))  # filled by the loader, not written
    assert is_free_text(_field(ReviewType, "scene_notes"))
    assert is_free_text(_field(ReviewType, "caveats"))
