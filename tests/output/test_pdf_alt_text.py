"""A deck's and a briefing's PDF keep their charts' alt text, which LibreOffice drops from the tags."""

from __future__ import annotations

import pikepdf
import pytest

from generator.build import BuildOptions, build_event
from generator.output.pdf import convert_to_pdf
from generator.output.pdf_alt_text import document_figure_descriptions, slide_figure_descriptions
from tests.conftest import DEFAULT_DATA, needs_libreoffice


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("alt-text")
    build_event(DEFAULT_DATA, BuildOptions(out_dir=out))
    return out


def test_each_slide_s_chart_descriptions_are_read_in_drawing_order(built):
    deck = next((built / "decks").glob("*.pptx")).read_bytes()
    slides = slide_figure_descriptions(deck)
    children = slides[11]  # Setting the Scene: Children Reviews
    assert [text.split(":")[0] for text in children] == [
        "Column chart of reviews by area of Children Reviews", "Bar chart of ethnicity of the 24 children in Children "
        "Reviews", "Column chart of age of the 24 children in Children Reviews"]
    assert slides[0] == []


def test_a_briefing_s_chart_description_is_read(built):
    briefing = next((built / "briefings").glob("*-sar.docx")).read_bytes()
    assert [text[:40] for text in document_figure_descriptions(briefing)] == [
        "Bar chart of the main themes of the 7 Ad"]


def _figures(pdf) -> list:
    with pikepdf.open(pdf) as document:
        found = []

        def walk(node):
            if isinstance(node, pikepdf.Array):
                for child in node:
                    walk(child)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                if node.S == "/Figure":
                    found.append(str(node.get("/Alt", "")))
                walk(node.get("/K"))

        walk(document.Root.StructTreeRoot.get("/K"))
        return found


@pytest.mark.slow
@needs_libreoffice
def test_the_pdfs_figures_carry_the_charts_alt_text(built):
    deck = next((built / "decks").glob("*.pptx"))
    briefing = next((built / "briefings").glob("*-sar.docx"))
    pdfs, problem = convert_to_pdf([deck, briefing])
    assert problem == ""
    expected = [text for slide in slide_figure_descriptions(deck.read_bytes()) for text in slide]
    assert _figures(pdfs[0]) == expected and len(expected) == 8
    assert _figures(pdfs[1]) == document_figure_descriptions(briefing.read_bytes())
