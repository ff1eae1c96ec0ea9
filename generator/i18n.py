"""The words the generator writes itself, in the language of the version being built.

Every phrase is a message of the gettext catalogue ``generator/locale/messages.pot`` (English, the source),
translated in ``generator/locale/<language>/LC_MESSAGES/messages.po`` (Welsh ships, every entry fuzzy until a
translator confirms it). The catalogues are read as .po files through Babel when first needed, so nothing is
compiled at install time. A partnership's translator's corrected catalogue, ``<data file stem>.<language>.po``
beside the data file, replaces the shipped entries it has.

A build speaks one language at a time (``with speaking("cy", ...):``); ``_`` and ``ngettext`` translate and fill
a message in it, and the dates are written with Babel's CLDR data ("Dydd Iau 12 Mai 2022").
"""

from __future__ import annotations

import datetime as dt
import gettext
import hashlib
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .problems import InputError, Problem
from .locale_files import DOMAIN, LOCALE_DIR, SOURCE_LANGUAGE, known_languages, language_of

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

# Babel is imported only where a catalogue is read or a date written in a language other than English: an English
# build needs neither CLDR data nor catalogues, and importing Babel costs a build about as much as its figures.

REGION = "GB"  # a version's document language tag is its language in the United Kingdom: cy-GB, en-GB
MAX_TRANSLATOR_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Speech:
    """The language a version is written in: its code ('cy'), its translations and its CLDR locale."""

    language: str
    translations: gettext.NullTranslations
    locale: str  # its CLDR locale's name: 'cy', 'en_GB'


def document_tag(language: str) -> str:
    """Return the document language tag of a version: 'cy' -> 'cy-GB'; a tag with its region is kept."""
    return language if "-" in language else f"{language}-{REGION}"


def shipped_catalogue_path(language: str) -> Path:
    """Return where the shipped catalogue of ``language`` lives (it may not exist)."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def translator_catalogue_path(data_file: Path, language: str) -> Path:
    """Return where a partnership's translator's catalogue for ``language`` goes: beside the data file, named
    after it ('events/cwm-taf-2024.yaml' -> 'events/cwm-taf-2024.cy.po')."""
    return data_file.with_name(f"{data_file.stem}.{language}.po")


def read_catalogue(path: Path, language: str) -> Catalog:
    """Return the catalogue in ``path``; raise InputError naming the file and line when it cannot be read."""
    try:
        data = path.read_bytes()[:MAX_TRANSLATOR_BYTES + 1]
    except OSError as error:
        raise InputError([Problem(f"the translations cannot be read: {error.strerror}", file=str(path),
                                  category="translations")]) from None
    if len(data) > MAX_TRANSLATOR_BYTES:
        raise InputError([Problem(f"the translations file is larger than {MAX_TRANSLATOR_BYTES // 1024 // 1024} MB;"
                                  " a catalogue of this generator's messages is far smaller", file=str(path),
                                  category="translations")])
    from babel.messages.pofile import PoFileError, read_po

    try:
        return read_po(io.BytesIO(data), locale=language, abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError) as error:
        raise InputError([Problem(f"the translations are not a readable gettext .po file: {error}", file=str(path),
                                  category="translations")]) from None


def catalogue(language: str, translator: Path | None = None) -> Catalog:
    """Return the catalogue of ``language``: the shipped one, with the translator's entries (from ``translator``,
    when given and present) replacing those it has. English, the source, has no entries of its own."""
    from babel.messages.catalog import Catalog

    shipped = shipped_catalogue_path(language)
    merged = read_catalogue(shipped, language) if shipped.exists() else Catalog(locale=_locale_name(language))
    if translator is not None and translator.exists():
        for message in read_catalogue(translator, language):
            if message.id and _has_translation(message):
                if message.id in merged:
                    del merged[message.id]  # setting an entry Babel already has would keep its string and flags
                merged[message.id] = message
    return merged


def unconfirmed(language: str, translator: Path | None = None) -> tuple[list[str], list[str]]:
    """Return the source messages of ``language``'s catalogue that have no translation, and those whose
    translation no translator has confirmed (marked fuzzy), in catalogue order. English has neither."""
    if language == SOURCE_LANGUAGE:
        return [], []
    merged = catalogue(language, translator)
    known = {_source_text(message.id): message for message in merged if message.id}
    untranslated, fuzzy = [], []
    for source in source_messages():
        message = known.get(source)
        if message is None or not _has_translation(message):
            untranslated.append(source)
        elif message.fuzzy:
            fuzzy.append(source)
    return untranslated, fuzzy


@lru_cache(maxsize=1)
def source_messages() -> tuple[str, ...]:
    """Return every message the generator writes (the template catalogue's; a plural by its singular), in order."""
    from babel.messages.pofile import read_po

    with open(LOCALE_DIR / f"{DOMAIN}.pot", "rb") as template:
        return tuple(_source_text(message.id) for message in read_po(template) if message.id)


def _has_translation(message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
    return all(strings)


def _source_text(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def _locale_name(language: str) -> str:
    return "en_GB" if language == SOURCE_LANGUAGE else language.replace("-", "_")


def _translations(merged: Catalog) -> gettext.NullTranslations:
    """Return gettext translations of a catalogue. Its fuzzy entries are used: an unconfirmed Welsh phrase is
    better than English in a Welsh document, and ``check`` says which they are."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, merged, use_fuzzy=True)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


ENGLISH_LOCALE = "en_GB"
ENGLISH = Speech(SOURCE_LANGUAGE, gettext.NullTranslations(), ENGLISH_LOCALE)


def speech(language: str, translator: Path | None = None) -> Speech:
    """Return the speech of ``language``, with the translator's catalogue when given."""
    if translator is None or not translator.exists():
        return _shipped_speech(language)
    return _speech(language, translator)


@lru_cache(maxsize=8)
def _shipped_speech(language: str) -> Speech:
    return _speech(language, None)


def _speech(language: str, translator: Path | None) -> Speech:
    if language == SOURCE_LANGUAGE or not shipped_catalogue_path(language).exists():
        # A language without a catalogue (Gaelic, say) is written in English, dates and all, not in a mixture.
        return Speech(language, ENGLISH.translations, ENGLISH.locale)
    from babel import Locale, UnknownLocaleError

    try:
        locale = str(Locale.parse(_locale_name(language)))
    except (UnknownLocaleError, ValueError):
        locale = ENGLISH.locale
    return Speech(language, _translations(catalogue(language, translator)), locale)


_speaking: ContextVar[Speech] = ContextVar("speaking", default=ENGLISH)


@contextmanager
def speaking(language: str, translator: Path | None = None) -> Iterator[Speech]:
    """Write in ``language`` inside the block (with the translator's catalogue, when given)."""
    token = _speaking.set(speech(language, translator))
    try:
        yield _speaking.get()
    finally:
        _speaking.reset(token)


def current_language() -> str:
    """Return the language being written: 'cy' or 'en'."""
    return _speaking.get().language


def _(message: str, /, **values: object) -> str:
    """Return ``message`` in the language being written, its {placeholders} filled from ``values``."""
    return _filled(_speaking.get().translations.gettext(message), message, values)


def ngettext(one: str, many: str, count: int, /, **values: object) -> str:
    """Return the form of a message for ``count`` in the language being written (Welsh has six), its
    {placeholders} filled from ``values`` and {count}."""
    source = one if count == 1 else many
    return _filled(_speaking.get().translations.ngettext(one, many, count), source, {"count": count, **values})


def _filled(translated: str, source: str, values: dict[str, object]) -> str:
    """Return the translation filled; a translation whose placeholders are not the message's (a translator's
    slip) falls back to the source message rather than stopping the build."""
    if not values:
        return translated
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError):
        return source.format(**values)


# British English's names (CLDR's en_GB, as Babel writes them): an English date needs no CLDR data.
ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")


def long_date(day: dt.date) -> str:
    """Return a date with its weekday: 'Thursday 12 May 2022', 'Dydd Iau 12 Mai 2022'."""
    if _speaking.get().locale == ENGLISH_LOCALE:
        return _english_date(day, weekday=True)
    return _cldr_date(day, "EEEE d MMMM y")


def day_month_year(day: dt.date) -> str:
    """Return a date: '1 April 2021', '1 Ebrill 2021'."""
    if _speaking.get().locale == ENGLISH_LOCALE:
        return _english_date(day)
    return _cldr_date(day, "d MMMM y")


def problem_date(day: dt.date, month_only: bool = False) -> str:
    """Return a date as a problem message writes it: in English, the language of its words, whatever the version
    being read ('1 April 2021'; 'April 2021' with ``month_only``)."""
    return _english_date(day, month_only=month_only)


def _english_date(day: dt.date, weekday: bool = False, month_only: bool = False) -> str:
    """Return a date in British English, word for word as Babel writes CLDR's en_GB ('EEEE d MMMM y')."""
    words = f"{ENGLISH_MONTHS[day.month - 1]} {day.year}"
    if not month_only:
        words = f"{day.day} {words}"
    return f"{ENGLISH_WEEKDAYS[day.weekday()]} {words}" if weekday else words


def _cldr_date(day: dt.date, pattern: str) -> str:
    from babel.dates import format_date

    return format_date(day, pattern, locale=_speaking.get().locale)


def same_words(first: str, second: str) -> bool:
    """Return whether two texts are the same words in any case or spacing."""
    return " ".join(first.casefold().split()) == " ".join(second.casefold().split())


def message_written_as(text: str, messages: tuple[str, ...]) -> str | None:
    """Return the message of ``messages`` that ``text`` writes, in English or in any shipped language's catalogue
    (any case or spacing): 'Wedi'i gwblhau' -> 'Completed'; None when it writes none of them."""
    for message in messages:
        if any(same_words(text, written) for written in every_translation(message)):
            return message
    return None


def every_translation(message: str) -> Iterator[str]:
    """Yield a message in English, then in each shipped catalogue's language (a translator's aside): a caller that
    finds it in English reads no catalogue (reading one takes as long as planning a deck)."""
    yield message
    yield from _shipped_translations(message)


@lru_cache(maxsize=256)
def _shipped_translations(message: str) -> tuple[str, ...]:
    return tuple(speech(language).translations.gettext(message) for language in known_languages()
                 if language != SOURCE_LANGUAGE)


def shipped_words(message: str) -> str:
    """Return ``message`` in the language being written as the shipped catalogue words it, never a translator's:
    for words a later build reads back (see :func:`every_translation`)."""
    return _shipped_speech(current_language()).translations.gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue where it is defined, to be translated (with ``_``) where it is shown."""
    return message


# What a version says of each other version, in its own language ("Mae'r ddogfen hon ar gael yn Saesneg").
AVAILABLE_IN = {"cy": N_("This document is available in Welsh"), "en": N_("This document is available in English")}


def available_in(languages: list[str]) -> str:
    """Return what the version being written says of the others among ``languages`` ('' when there are none)."""
    return "; ".join(_(AVAILABLE_IN[language]) for language in languages
                     if language != current_language() and language in AVAILABLE_IN)


def catalogue_fingerprint(language: str, translator: Path | None) -> str:
    """Return what an output's fingerprint needs of the words it is written in: the shipped catalogue's and the
    translator's bytes (a corrected translation draws the output again)."""
    digest = hashlib.sha256()
    for path in (shipped_catalogue_path(language), translator):
        if path is not None and path.is_file():
            digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
