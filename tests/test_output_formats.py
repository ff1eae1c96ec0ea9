"""One record per output format: its suffix, what a summary calls it, and whether LibreOffice makes a PDF of it."""

from __future__ import annotations

from generator.output_formats import (BY_SUFFIX, DECK, HTML, OFFICE_SUFFIXES, OUTPUT_FORMATS, PDF, SUFFIXES, WORD,
                                      format_of)


def test_the_formats_in_summary_order_each_suffix_once():
    assert [f.suffix for f in OUTPUT_FORMATS][:3] == [".pptx", ".docx", ".html"]
    assert SUFFIXES == tuple(f.suffix for f in OUTPUT_FORMATS) and len(set(SUFFIXES)) == len(SUFFIXES)
    assert [(f.one, f.several) for f in (DECK, WORD, HTML, PDF)] == [("deck", "decks"), ("briefing", "briefings"),
                                                                    ("web page", "web pages"), ("PDF", "PDFs")]


def test_libreoffice_makes_pdfs_of_the_office_files_only():
    assert OFFICE_SUFFIXES == (".pptx", ".docx")
    assert not HTML.makes_pdf and not PDF.makes_pdf


def test_a_suffix_names_its_format_in_any_case():
    assert format_of(".PPTX") is DECK and format_of(".docx") is WORD
    assert format_of(".yaml") is None
    assert BY_SUFFIX[".html"] is HTML
