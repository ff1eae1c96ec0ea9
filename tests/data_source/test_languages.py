"""A bilingual data file read for one language: each text given per language becomes that language's."""

from __future__ import annotations

import yaml

from generator.data_source.languages import (
    declared_languages, document_language, in_language, language_problems, names_in_first_language,
)
from generator.problems import WARNING, Problem

TEXT = """\
event:
  languages: [cy, en]
  title: {cy: Dysgu o Adolygiadau, en: Learning from Reviews}
  partnership: Bwrdd Diogelu
  notes: {en: Welcome.}
areas:
  en: English Area Name
"""


def read(language: str):
    root = yaml.compose(TEXT)
    return in_language(root, language, declared_languages(root), {}, "event.yaml")


def test_each_text_given_per_language_becomes_that_languages_and_a_plain_text_serves_both() -> None:
    for language, title in (("cy", "Dysgu o Adolygiadau"), ("en", "Learning from Reviews")):
        root, _problems = read(language)
        event = yaml.safe_load(yaml.serialize(root))["event"]
        assert event["title"] == title
        assert event["partnership"] == "Bwrdd Diogelu"


def test_a_missing_translation_is_a_warning_naming_the_key_and_the_text_used() -> None:
    root, problems = read("cy")
    assert yaml.safe_load(yaml.serialize(root))["event"]["notes"] == "Welcome."
    assert [(p.key_path, p.line, p.severity, p.message) for p in problems] == [
        ("event.notes", 5, "warning", "no cy text; the en text is used (give it as {cy: ..., en: ...})"),
        ("areas", 7, "warning", "no cy text; the en text is used (give it as {cy: ..., en: ...})")]


def test_a_language_no_catalogue_writes_is_an_error_at_its_line() -> None:
    root = yaml.compose("event:\n  languages: [cy, fr, cy]\n")
    problems = language_problems(root, "event.yaml")
    assert [(p.file, p.line, p.key_path, p.message) for p in problems] == [
        ("event.yaml", 2, "event.languages", "expected a language the generator writes (en, cy), got 'fr'"),
        ("event.yaml", 2, "event.languages", "a language is listed twice; list each once, the one to build first "
                                             "first")]


def test_a_missing_translation_names_the_included_file_it_is_in_and_the_path_through_lists() -> None:
    root = yaml.compose("event:\n  languages: [cy, en]\nareas:\n  - North\n  - {en: South}\n")
    south = root.value[1][1].value[1]
    _root, problems = in_language(root, "cy", ["cy", "en"], {id(south): "areas.yaml"}, "event.yaml")
    assert problems == [Problem("no cy text; the en text is used (give it as {cy: ..., en: ...})", "areas.yaml", 5,
                                "areas[1]", WARNING, "translation")]


def test_a_translation_at_the_root_is_warned_of_with_no_key_path_in_the_main_file() -> None:
    root = yaml.compose("{en: text}\n")
    chosen, problems = in_language(root, "cy", ["cy", "en"], {}, "event.yaml")
    assert chosen.value == "text"
    assert problems == [Problem("no cy text; the en text is used (give it as {cy: ..., en: ...})", "event.yaml", 1,
                                "", WARNING, "translation")]


def test_a_mapping_of_other_keys_or_of_lists_is_not_a_translation() -> None:
    root = yaml.compose("event:\n  languages: [cy, en]\nnotes: {cy: [a], en: [b]}\nother: {cy: a, fr: b}\n"
                        "empty: {}\n")
    chosen, problems = in_language(root, "cy", ["cy", "en"], {}, "event.yaml")
    assert problems == []
    assert yaml.safe_load(yaml.serialize(chosen))["notes"] == {"cy": ["a"], "en": ["b"]}


def test_the_languages_are_read_trimmed_in_lower_case_and_the_document_language_defaults_to_english() -> None:
    root = yaml.compose("event:\n  language: cy\n  languages: [' CY ', En, [x]]\n")
    assert declared_languages(root) == ["cy", "en"]
    assert document_language(root) == "cy"
    assert document_language(yaml.compose("event:\n  language: [cy]\n")) == "en"
    assert document_language(yaml.compose("- event\n")) == "en"
    assert declared_languages(yaml.compose("event:\n  languages: cy\n")) == []
    assert language_problems(yaml.compose("event:\n  title: x\n"), "event.yaml") == []


def test_the_register_names_a_version_gives_otherwise_are_mapped_from_the_first_languages_names() -> None:
    first = yaml.compose("review_types:\n  csp:\n    name: Practice Review\n    abbreviation: CSPR\n"
                         "    themes: [{name: Neglect & Care}, Housing]\n    criteria: [Death]\n"
                         "    description: Told in English\nevent:\n  title: Learning\n")
    this = yaml.compose("review_types:\n  csp:\n    name: Adolygiad Ymarfer\n    abbreviation: CSPR\n"
                        "    themes: [{name: Esgeulustod}, Tai]\n    criteria: [Marwolaeth]\n"
                        "    description: Yn Gymraeg\nevent:\n  title: Dysgu\n")
    assert names_in_first_language(this, first) == {
        "practice review": "Adolygiad Ymarfer", "neglect and care": "Esgeulustod", "housing": "Tai",
        "death": "Marwolaeth"}


def test_names_of_differing_shapes_are_not_compared() -> None:
    first = yaml.compose("review_types:\n  csp:\n    name: Practice Review\n    themes: [Housing]\n")
    this = yaml.compose("review_types:\n  csp:\n    name: [Adolygiad]\n    themes: {a: Tai}\n")
    assert names_in_first_language(this, first) == {}
