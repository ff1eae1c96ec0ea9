"""Where the message catalogues are, which languages they write, and the language of the person running a
command, as gettext finds it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: 'cy_GB.UTF-8' reads Welsh).

The standard library only, so that knowing the user reads English (and so loading no catalogue, nor Babel) costs
a command nothing; :mod:`generator.i18n` and :mod:`generator.user_messages` read the catalogues themselves.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"
# Where gettext looks for the language a person reads, in its order: LANGUAGE may list several ('cy:en').
USER_LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def language_of(tag: str) -> str:
    """Return the language of a BCP 47 tag, in lower case: 'cy-GB' -> 'cy', 'en' -> 'en'."""
    return tag.replace("_", "-").split("-")[0].casefold() or SOURCE_LANGUAGE


@lru_cache(maxsize=1)
def known_languages() -> tuple[str, ...]:
    """Return the languages a version can be written in: English and each shipped catalogue's."""
    shipped = sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *shipped)


def user_language() -> str:
    """Return the language the person running a command reads, as gettext finds it (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG: 'cy_GB.UTF-8' -> 'cy'): the first one the generator writes, else English."""
    for variable in USER_LANGUAGE_VARIABLES:
        value = os.environ.get(variable, "")
        if not value:
            continue
        for setting in value.split(":"):
            language = language_of(setting.split(".")[0].split("@")[0])
            if language in known_languages():
                return language
        if variable != "LANGUAGE":  # the locale's language is the last word: one it does not write is English
            break
    return SOURCE_LANGUAGE
