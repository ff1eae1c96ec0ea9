"""The command's own messages in the user's language: English without loading a catalogue, Welsh from the
shipped one."""

from __future__ import annotations

import subprocess
import sys

from generator.user_messages import _, ngettext
from tests.conftest import ROOT


def test_a_welsh_user_reads_the_commands_messages_in_welsh(user_reads) -> None:
    user_reads({"LANG": "cy_GB.UTF-8"})
    assert _("skipped: {reason}", reason="no LibreOffice") == "hepgorwyd: no LibreOffice"
    assert ngettext("{count} deck", "{count} decks", 2) == "2 dec"


def test_an_english_user_reads_english_and_no_catalogue_is_loaded() -> None:
    # A fresh interpreter: say a message as an English user, and see that neither Babel nor the catalogues loaded.
    code = ("import sys; from generator.user_messages import _, ngettext; "
            "print(_('skipped: {reason}', reason='x'), ngettext('{count} deck', '{count} decks', 2)); "
            "print('babel' in sys.modules, 'generator.i18n' in sys.modules)")
    said = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          env={"LANG": "en_GB.UTF-8", "PYTHONPATH": str(ROOT)}).stdout
    assert said == "skipped: x 2 decks\nFalse False\n"
