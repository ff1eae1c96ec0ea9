"""A bilingual data file read for one language: each text given per language becomes that language's."""

from __future__ import annotations

import yaml

from generator.data_source.languages import declared_languages, in_language, language_problems

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
    assert [(p.line, p.key_path, p.message) for p in problems] == [
        (2, "event.languages", "expected a language the generator writes (en, cy), got 'fr'"),
        (2, "event.languages", "a language is listed twice; list each once, the one to build first first")]
