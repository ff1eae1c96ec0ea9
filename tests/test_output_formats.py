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


def test_each_format_with_a_builder_names_a_builder_class_in_the_builders_layer():
    from generator.build import builder_class
    from tests.test_layers import LAYERS, layer_of

    named = {f.suffix: f.builder for f in OUTPUT_FORMATS if f.builder}
    assert list(named) == [".pptx", ".docx", ".html", ".xlsx", ".png"]
    for reference in named.values():
        found = builder_class(reference)
        assert callable(found.for_build)
        assert LAYERS[layer_of(found.__module__)][0] == "builders"


def test_the_build_makes_its_builders_in_the_formats_order_and_pictures_only_when_asked(tmp_path):
    from generator.build import BuildOptions, builders
    from generator.loading import load_event
    from tests.conftest import DEFAULT_DATA

    loaded = load_event(DEFAULT_DATA)
    assert [b.name for b in builders(loaded, BuildOptions(out_dir=tmp_path))] == [
        "deck", "Word briefings", "HTML briefings", "figures workbook"]
    assert [b.name for b in builders(loaded, BuildOptions(out_dir=tmp_path, pictures=True))][-1] == "pictures"
