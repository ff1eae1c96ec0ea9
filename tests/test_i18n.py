"""The message catalogues: every word the generator writes is in the template, Welsh dates and plural forms,
a translator's catalogue beside the data, and what check reports as unconfirmed."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from generator import i18n
from generator.i18n import _, long_date, ngettext, speaking, unconfirmed
from generator.model import Period
from generator.problems import InputError

GENERATOR = Path(i18n.__file__).parent


def extracted_messages() -> set[str]:
    """Return every message the code marks (and the ONS labels), as `pybabel extract -F babel.cfg -k N_` finds
    them."""
    keywords = {"_": None, "ngettext": (1, 2), "N_": None}
    with open(GENERATOR.parent / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    for _filename, _line, message, _comments, _context in extract_from_dir(
            str(GENERATOR), method_map=method_map, options_map=options_map, keywords=keywords):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_the_template_catalogue_holds_every_message_the_code_marks() -> None:
    assert extracted_messages() == set(i18n.source_messages()), (
        "run: pybabel extract -F babel.cfg -k N_ -c TRANSLATORS: --no-location --sort-output --omit-header "
        "-o generator/locale/messages.pot generator && pybabel update -i generator/locale/messages.pot "
        "-d generator/locale -w 120 --no-fuzzy-matching")


def test_every_welsh_entry_is_translated_and_none_is_yet_confirmed() -> None:
    untranslated, fuzzy = unconfirmed("cy")
    assert untranslated == []
    assert fuzzy == list(i18n.source_messages())
    assert unconfirmed("en") == ([], [])


def test_welsh_dates_and_periods_use_welsh_day_and_month_names() -> None:
    period = Period(dt.date(2021, 4, 1), dt.date(2024, 3, 31))
    with speaking("cy"):
        assert long_date(dt.date(2022, 5, 12)) == "Dydd Iau 12 Mai 2022"
        assert period.text == "Adolygiadau a hysbyswyd 1 Ebrill 2021 i 31 Mawrth 2024"
    assert long_date(dt.date(2022, 5, 12)) == "Thursday 12 May 2022"
    assert period.text == "Reviews notified 1 April 2021 to 31 March 2024"


def test_english_dates_are_written_as_babels_british_english_without_importing_babel() -> None:
    from babel.dates import format_date

    days = [dt.date(2019, 1, 1) + dt.timedelta(days=n) for n in range(0, 3 * 366, 7)] + [dt.date(4, 2, 29)]
    assert [long_date(day) for day in days] == [format_date(day, "EEEE d MMMM y", locale="en_GB") for day in days]
    assert [i18n.day_month_year(day) for day in days] == [format_date(day, "d MMMM y", locale="en_GB")
                                                          for day in days]
    with speaking("cy"):  # a problem's words are English in any version
        assert [i18n.problem_date(day, month_only=True) for day in days] == [
            format_date(day, "MMMM y", locale="en_GB") for day in days]
    loaded = subprocess.run([sys.executable, "-c", "import sys, datetime; from generator import i18n; "
                             "print(i18n.long_date(datetime.date(2022, 5, 12)), 'babel' in sys.modules)"],
                            capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parent.parent)
    assert loaded.stdout == "Thursday 12 May 2022 False\n"


def test_a_language_without_a_catalogue_is_written_wholly_in_english() -> None:
    with speaking("gd"):
        assert long_date(dt.date(2022, 5, 12)) == "Thursday 12 May 2022"
        assert _("Main Themes") == "Main Themes"


TRANSLATOR_PO = r'''msgid ""
msgstr ""
"Language: cy\n"
"Plural-Forms: nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n == 3 ? 3 : n == 6 ? 4 : 5);\n"
"Content-Type: text/plain; charset=utf-8\n"

msgid "{count} review"
msgid_plural "{count} reviews"
msgstr[0] "{count} zero"
msgstr[1] "{count} one"
msgstr[2] "{count} two"
msgstr[3] "{count} few"
msgstr[4] "{count} many"
msgstr[5] "{count} other"

msgid "Main Themes"
msgstr "Y Prif Themâu"

msgid "Hosted by {hosts}"
msgstr "Cynhelir gan {gwesteiwyr}"
'''


def test_a_translators_catalogue_replaces_the_shipped_entries_it_has(tmp_path: Path) -> None:
    translator = tmp_path / "event.cy.po"
    translator.write_text(TRANSLATOR_PO, encoding="utf-8")
    with speaking("cy", translator):
        forms = [ngettext("{count} review", "{count} reviews", n) for n in (0, 1, 2, 3, 6, 7)]
        assert forms == ["0 zero", "1 one", "2 two", "3 few", "6 many", "7 other"]
        assert _("Main Themes") == "Y Prif Themâu"
        assert _("Thank you") == "Diolch"  # the shipped entry, which the translator's file does not have
        # A translation whose placeholders are not the message's falls back to the source, never stops the build.
        assert _("Hosted by {hosts}", hosts="Bwrdd") == "Hosted by Bwrdd"
    untranslated, fuzzy = unconfirmed("cy", translator)
    assert "Main Themes" not in fuzzy and "{count} review" not in fuzzy and "Thank you" in fuzzy


def test_an_unreadable_translators_catalogue_is_a_located_problem(tmp_path: Path) -> None:
    translator = tmp_path / "event.cy.po"
    translator.write_text('msgid "Main Themes"\nthis line is no part of a catalogue\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        with speaking("cy", translator):
            pass
    problem = raised.value.problems[0]
    assert problem.file == str(translator)
    assert problem.message.startswith("the translations are not a readable gettext .po file")


def test_the_translators_catalogue_goes_beside_the_data_file_named_after_it() -> None:
    assert i18n.translator_catalogue_path(Path("events/cwm-taf-2024.yaml"), "cy") == Path("events/cwm-taf-2024.cy.po")


def test_each_version_names_the_others_in_its_own_language() -> None:
    with speaking("cy"):
        assert i18n.available_in(["cy", "en"]) == "Mae'r ddogfen hon ar gael yn Saesneg"
    with speaking("en"):
        assert i18n.available_in(["cy", "en"]) == "This document is available in Welsh"
        assert i18n.available_in(["en"]) == ""
