"""The language of the person running a command, as gettext finds it."""

from __future__ import annotations

import pytest

from generator.locale_files import known_languages, user_language


@pytest.mark.parametrize(("settings", "language"), [
    ({}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "cy_GB.UTF-8"}, "cy"),
    ({"LANG": "en_GB.UTF-8", "LC_ALL": "cy_GB.UTF-8"}, "cy"),  # LC_ALL wins over LANG
    ({"LANG": "cy_GB.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
    ({"LANGUAGE": "gd:cy:en", "LANG": "en_GB.UTF-8"}, "cy"),  # the first of LANGUAGE's list the generator writes
    ({"LANG": "gd_GB.UTF-8"}, "en"),  # a language without a catalogue reads English
    ({"LANG": "cy_GB@euro"}, "cy"),
])
def test_the_users_language_is_found_as_gettext_finds_it(user_reads, settings: dict[str, str],
                                                         language: str) -> None:
    user_reads(settings)
    assert user_language() == language


def test_the_languages_known_are_english_and_each_shipped_catalogues() -> None:
    assert known_languages() == ("en", "cy")
