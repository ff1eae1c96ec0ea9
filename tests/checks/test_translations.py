"""check's report of a data file's translations: untranslated entries are problems, unconfirmed ones counted."""

from __future__ import annotations

from pathlib import Path

from generator import i18n
from generator.checks.translations import translation_report

CONFIRMED = '''msgid ""
msgstr ""
"Language: cy\\n"

msgid "Main Themes"
msgstr "Prif Themâu"
'''


def test_each_language_built_but_english_is_reported_with_the_translators_confirmed_entries(tmp_path: Path) -> None:
    data = tmp_path / "event.yaml"
    data.write_text("event:\n  languages: [cy, en]\n", encoding="utf-8")
    (tmp_path / "event.cy.po").write_text(CONFIRMED, encoding="utf-8")
    report = translation_report(data)
    total = len(i18n.source_messages())
    assert len(report.lines) == 1 and report.problems == []
    # The first unconfirmed entries named are the catalogue's first in sorted order (which entries those are
    # changes whenever a phrase is added, so the line is checked up to them).
    assert f"cy words from the shipped catalogue with {tmp_path / 'event.cy.po'}: 0 untranslated, {total - 1} not " \
           "yet confirmed by a translator (fuzzy: '" in report.lines[0]
    assert report.lines[0].endswith(f" and {total - 4} more)")


def test_an_english_build_has_nothing_to_report(tmp_path: Path) -> None:
    data = tmp_path / "event.yaml"
    data.write_text("event:\n  language: en-GB\n", encoding="utf-8")
    assert translation_report(data).lines == []


def test_an_entry_without_a_translation_is_a_problem(tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "event.yaml"
    data.write_text("event:\n  language: cy-GB\n", encoding="utf-8")
    monkeypatch.setattr(i18n, "source_messages", lambda: ("A phrase nobody translated",))
    report = translation_report(data)
    assert report.problems == [f"{data}: the cy catalogue has no translation of 'A phrase nobody translated', so "
                                "the cy version shows it in English"]
