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
from ..user_messages import _

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
        source = (_("the shipped catalogue with {file}", file=display_path(translator)) if translator.exists()
                  else _("the shipped catalogue (no {file} beside the data)", file=display_path(translator)))
        report.lines.append(_("{data}: {language} words from {source}: {untranslated} untranslated, {fuzzy} not "
                              "yet confirmed by a translator", data=display_path(data), language=language,
                              source=source, untranslated=len(untranslated), fuzzy=len(fuzzy)) + _examples(fuzzy))
        report.problems.extend(_("{data}: the {language} catalogue has no translation of '{message}', so the "
                                 "{language} version shows it in English", data=display_path(data),
                                 language=language, message=shorten(message))
                               for message in untranslated)
    return report


def _examples(messages: list[str]) -> str:
    if not messages:
        return ""
    named = ", ".join(f"'{shorten(message)}'" for message in messages[:MAX_NAMED])
    if len(messages) > MAX_NAMED:
        return _(" (fuzzy: {named} and {more} more)", named=named, more=len(messages) - MAX_NAMED)
    return _(" (fuzzy: {named})", named=named)
