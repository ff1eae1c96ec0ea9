"""The blank a briefing is written on is made ready once per process: each briefing gets a document of its own,
the same, byte for byte, as one made ready for it alone."""

from __future__ import annotations

import datetime as dt

from generator.briefing.blank import _clear_body, blank_document, prepare_document
from generator.output import package_bytes
from generator.templates.opening import open_document_package

PALETTE = {"dk1": "1A1A1A", "lt1": "FFFFFF", "dk2": "1F4E79", "lt2": "E7E6E6", "accent1": "A8431A",
           "accent2": "2E75B6", "accent3": "70AD47", "accent4": "FFC000", "accent5": "5B9BD5", "accent6": "7030A0",
           "hlink": "0B5CAD"}
FONTS = ("Georgia", "Verdana")
STAMP = dt.datetime(2024, 6, 13)


def _made_ready_alone(language: str) -> bytes:
    doc = open_document_package(None, None)
    _clear_body(doc)
    prepare_document(doc, PALETTE, FONTS, language, {})
    return package_bytes(doc, STAMP)


def test_every_blank_is_the_document_made_ready_for_it_alone():
    first, styles = blank_document(None, None, PALETTE, FONTS, "en-GB", {})
    first.add_paragraph("Written on the first briefing only")
    second, again = blank_document(None, None, PALETTE, FONTS, "en-GB", {})
    assert again == styles and again is not styles
    assert [paragraph.text for paragraph in second.paragraphs] == []
    assert package_bytes(second, STAMP) == _made_ready_alone("en-GB")


def test_a_blank_of_another_language_is_made_ready_for_it():
    welsh, _ = blank_document(None, None, PALETTE, FONTS, "cy-GB", {})
    english, _ = blank_document(None, None, PALETTE, FONTS, "en-GB", {})
    assert package_bytes(welsh, STAMP) == _made_ready_alone("cy-GB") != package_bytes(english, STAMP)
