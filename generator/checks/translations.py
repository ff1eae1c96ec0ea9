"""What check says of a data file's translations: for each language built but English, the catalogue's entries
with no translation (a problem: the version would show English there) and those no translator has confirmed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..data_source import languages
from ..data_source.loader import compose_data
from ..i18n import SOURCE_LANGUAGE, language_of, translator_catalogue_path, unconfirmed
from ..paths import display_path
from ..problems import shorten

MAX_NAMED = 3  # a report names this many unconfirmed entries, then says how many more


@dataclass
class TranslationReport:
    """One data file's translations: a line per language built, and the problems (untranslated entries)."""

    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def translation_report(data: Path) -> TranslationReport:
    """Return what the catalogues of the languages ``data`` is built in lack: for each, the entries untranslated
    and those still fuzzy (unconfirmed), with the translator's catalogue beside the data taken into account."""
    root, _files = compose_data(data)
    built = languages.declared_languages(root) or [language_of(languages.document_language(root))]
    report = TranslationReport()
    for language in built:
        if language == SOURCE_LANGUAGE:
            continue
        translator = translator_catalogue_path(data, language)
        untranslated, fuzzy = unconfirmed(language, translator)
        source = (f"the shipped catalogue with {display_path(translator)}" if translator.exists()
                  else f"the shipped catalogue (no {display_path(translator)} beside the data)")
        report.lines.append(f"{display_path(data)}: {language} words from {source}: "
                            f"{len(untranslated)} untranslated, {len(fuzzy)} not yet confirmed by a translator"
                            f"{_examples(fuzzy)}")
        report.problems.extend(f"{display_path(data)}: the {language} catalogue has no translation of "
                               f"'{shorten(message)}', so the {language} version shows it in English"
                               for message in untranslated)
    return report


def _examples(messages: list[str]) -> str:
    if not messages:
        return ""
    named = ", ".join(f"'{shorten(message)}'" for message in messages[:MAX_NAMED])
    more = f" and {len(messages) - MAX_NAMED} more" if len(messages) > MAX_NAMED else ""
    return f" (fuzzy: {named}{more})"
