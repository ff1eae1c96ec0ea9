"""The output formats: each one's file suffix, what a person calls it, whether LibreOffice makes a PDF of it, and
the builder that writes it.

Beneath everything (the standard library only): the command line's summary,
the build's PDF step and ``check`` all read this one record.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutputFormat:
    """One kind of file the generator writes."""

    suffix: str  # lower case, with the dot
    one: str  # what one file is called in a summary: 'deck'
    several: str  # and several: 'decks'
    makes_pdf: bool  # whether LibreOffice converts it to a PDF (``--pdf``, and ``check``'s rendering)
    # The builder that writes it, as 'module:Class' (the build imports it and calls Class.for_build(setup)); '' for a
    # file another step or format writes (a PDF, a picture's SVG beside its PNG).
    builder: str = ""


DECK = OutputFormat(".pptx", "deck", "decks", makes_pdf=True, builder="generator.deck.builder:DeckBuilder")
WORD = OutputFormat(".docx", "briefing", "briefings", makes_pdf=True,
                    builder="generator.briefing.word_builder:WordBriefingBuilder")
HTML = OutputFormat(".html", "web page", "web pages", makes_pdf=False,
                    builder="generator.briefing.html:HtmlBriefingBuilder")
PDF = OutputFormat(".pdf", "PDF", "PDFs", makes_pdf=False)
XLSX = OutputFormat(".xlsx", "figures workbook", "figures workbooks", makes_pdf=False,  # for the annual report
                    builder="generator.figures_workbook:FiguresWorkbookBuilder")
PNG = OutputFormat(".png", "picture", "pictures", makes_pdf=False,  # a chart's picture (build --pictures)
                   builder="generator.pictures.builder:PicturesBuilder")
SVG = OutputFormat(".svg", "picture", "pictures", makes_pdf=False)
OUTPUT_FORMATS = (DECK, WORD, HTML, XLSX, PDF, PNG, SVG)
"""In the order a summary names them, and the build makes them."""

BY_SUFFIX = {output_format.suffix: output_format for output_format in OUTPUT_FORMATS}
OFFICE_SUFFIXES = tuple(output_format.suffix for output_format in OUTPUT_FORMATS if output_format.makes_pdf)
"""The outputs LibreOffice makes PDFs of."""
SUFFIXES = tuple(BY_SUFFIX)


def format_of(path_suffix: str) -> OutputFormat | None:
    """Return the output format a file's suffix (any case) names, or None."""
    return BY_SUFFIX.get(path_suffix.lower())
