"""The figures' wording, made once for the deck and the briefings: singulars, themes found and not, who is counted."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.briefing.plan import plan_briefing
from generator.loading import load_event
from generator.deck.plan import plan_deck
from generator.figures import event_figures, review_figures
from generator.model import Theme
from generator.wording import (counted, not_found_line, people_counted, plural_word, singular_name, singular_word,
                               themes_chart, themes_not_counted)
from generator.briefing.line_breaks import MAX_UNBROKEN_ADDRESS
from generator.checks.rendered import have_pdftotext, read_pages
from generator.output.pdf import find_soffice
from tests.briefing.test_html_in_browser import BROWSER_TIMEOUT, CHROMIUM, CHROMIUM_FLAGS
from tests.conftest import DEFAULT_DATA

RIVERSIDE = DEFAULT_DATA.parent / "riverside-2024.yaml"


@pytest.mark.parametrize(("plural", "one"), [("Reviews", "Review"), ("Inquiries", "Inquiry"), ("Children", "Child"),
                                             ("Practices", "Practice"), ("Witnesses", "Witness"),
                                             ("Analysis", "Analysis"), ("Learning", "Learning")])
def test_a_plural_word_is_made_singular(plural: str, one: str) -> None:
    assert singular_word(plural) == one


def test_the_name_of_one_review_is_derived_from_its_last_word() -> None:
    assert singular_name("Multi-agency Learning Reviews") == "Multi-agency Learning Review"
    assert singular_name("Reviews") == "Review"


@pytest.mark.parametrize(("one", "many"), [("victim", "victims"), ("child", "children"), ("inquiry", "inquiries"),
                                           ("Child", "Children"), ("witness", "witnesses")])
def test_a_word_is_made_plural(one: str, many: str) -> None:
    assert plural_word(one) == many


def test_a_count_of_one_is_singular() -> None:
    assert counted(1, "review") == "1 review"
    assert counted(12, "review") == "12 reviews"
    assert counted(3, "person", "people") == "3 people"


def _adults(**changes):
    review = load_event(DEFAULT_DATA).event.review_types["adults"]
    return dataclasses.replace(review, **changes)


def test_a_type_of_one_review_without_a_singular_is_named_in_the_singular_everywhere() -> None:
    event = load_event(DEFAULT_DATA).event
    review = event.review_types["adults"]
    review.name, review.singular, review.count = "Multi-agency Learning Reviews", "", 1
    review.counts_by_area = {"MBC": 1, "RCBC": 0, "HBC": 0, "SBC": 0}
    figures = review_figures("adults", review)
    assert figures.headline == "1 Multi-agency Learning Review"
    slides = {spec.title: spec for spec in plan_deck(event)}
    themes = slides["Main Themes: Multi-agency Learning Reviews"]
    assert themes.body[0].text == "What the 1 Multi-agency Learning Review found:"
    glance = next(spec for spec in plan_deck(event) if spec.kind == "figures")
    assert [(f.number, f.label) for f in glance.figures][1] == ("1", "Multi-agency Learning Review")
    words = "\n".join(line for section in plan_briefing(event, figures).sections for line in section.text)
    assert "1 reviews" not in words and "the 1 Multi-agency Learning Review" not in words.replace(
        "the 1 Multi-agency Learning Review found", "")


def test_a_single_review_gets_no_themes_chart_of_ones() -> None:
    review = _adults(count=1, themes=[Theme("Neglect", 1), Theme("Housing", 1), Theme("Carers", 0)])
    assert themes_chart(review_figures("adults", review)) is None


def test_themes_no_review_featured_in_are_not_findings_but_said_to_be_looked_for() -> None:
    review = _adults(themes=[Theme("Self-Neglect", 4), Theme("Transition to adult services", 0),
                             Theme("Housing", 2), Theme("Hoarding", 0)])
    figures = review_figures("adults", review)
    assert figures.theme_labels == ("Self-Neglect (4)", "Housing (2)")
    assert not_found_line(figures) == "Also looked for, not found this period: Transition to adult services; Hoarding."
    chart = themes_chart(figures)
    assert chart is not None and chart.categories == ("Self-Neglect", "Housing")


def test_the_deck_and_the_briefing_list_found_themes_and_say_which_were_looked_for() -> None:
    event = load_event(DEFAULT_DATA).event
    event.review_types["adults"].themes = [Theme("Self-Neglect", 4), Theme("Housing", 3),
                                           Theme("Transition to adult services", 0)]
    themes = next(spec for spec in plan_deck(event) if spec.title == "Main Themes: Adult Reviews")
    texts = [para.text for para in themes.body]
    assert texts == ["What the 7 Adult Reviews found:", "Self-Neglect (4)", "Housing (3)",
                     "Also looked for, not found this period: Transition to adult services."]
    assert themes.charts[0].categories == ("Self-Neglect", "Housing")
    figures = event_figures(event)["adults"]
    section = next(s for s in plan_briefing(event, figures).sections if s.themes)
    assert section.themes == ("Self-Neglect (4)", "Housing (3)")
    assert section.themes_note == "Also looked for, not found this period: Transition to adult services."


def test_themes_not_counted_are_worded_once_for_one_and_for_several() -> None:
    one = review_figures("adults", _adults(themes=[Theme("Neglect", 4), Theme("Housing", 2), Theme("Carers")]))
    assert themes_not_counted(one) == ("The number after a theme is how many of the 7 reviews it featured in; "
                                       "the 1 theme with no number was not counted.")
    event = load_event(DEFAULT_DATA).event
    event.review_types["adults"].themes = [Theme("Neglect", 4), Theme("Housing", 2), Theme("Carers")]
    section = next(s for s in plan_briefing(event, event_figures(event)["adults"]).sections if s.themes)
    assert section.themes_note == themes_not_counted(one)  # the briefing says it as the deck does


def test_the_themes_chart_is_the_same_in_the_deck_and_the_briefing() -> None:
    event = load_event(DEFAULT_DATA).event
    figures = event_figures(event)["adults"]
    deck_chart = next(spec for spec in plan_deck(event) if spec.title == "Main Themes: Adult Reviews").charts[0]
    briefing_chart = next(s.chart for s in plan_briefing(event, figures).sections if s.chart is not None)
    assert deck_chart == briefing_chart
    assert deck_chart.title == "Reviews featuring each theme (of 7)"


def test_the_people_counted_are_named_once_each() -> None:
    event = load_event(Path(RIVERSIDE)).event
    figures = event_figures(event)
    assert people_counted(figures["dhr"]) == "These figures count the 10 victims and 10 perpetrators recorded in 10 reviews."
    assert people_counted(figures["cspr"]) == "These figures count the 21 children recorded in 17 reviews."


def test_one_person_is_not_described_at_all() -> None:
    # Figures about one person would describe that person (issue 20): the type is not broken down.
    review = _adults(count=1, counts_by_area={"MBC": 1}, demographics=dataclasses.replace(
        load_event(DEFAULT_DATA).event.review_types["adults"].demographics, people=1))
    figures = review_figures("adults", review)
    assert figures.demographics == () and figures.areas is None
    assert people_counted(figures) == "No figures about the people reviewed are given for the Adult Reviews."


@pytest.mark.parametrize(("name", "inside"), [("Reviews by area", "reviews by area"),
                                              ("Overdue at 15 June 2025, by agency", "overdue at 15 June 2025, by agency"),
                                              ("Hwyr ar 15 Mehefin 2025", "hwyr ar 15 Mehefin 2025"),
                                              ("SUSR criteria", "SUSR criteria"), ("", "")])
def test_a_name_inside_a_sentence_keeps_every_capital_but_its_first(name: str, inside: str) -> None:
    from generator.wording import in_sentence

    assert in_sentence(name) == inside


# ------------------------------------------------------------------------------ as a reader sees it, rendered
# The deck and the Word briefings drawn by LibreOffice, the web pages printed by Chromium, read back with poppler.

WORDS_FIXTURE = DEFAULT_DATA.parent.parent / "tests" / "fixtures" / "rendered-words.yaml"
HARBOUR = DEFAULT_DATA.parent / "harbour-2025.yaml"  # a register whose people are victims and perpetrators
# Wider than a briefing column's line (244 pt) at 10 pt, as measured with its 4% in hand: 288 and 245 pt.
WIDER_THAN_A_COLUMN = {"learning-and-development@fenmarsh-safeguarding.example.org.uk",
                       "transitions-team@fenmarsh-safeguarding.example.org.uk"}
ADDRESSES = ("learning-and-development@fenmarsh-safeguarding.example.org.uk",
             "learning-team@fenmarsh-safeguarding.example.org.uk",
             "transitions-team@fenmarsh-safeguarding.example.org.uk",
             "www.fenmarsh-safeguarding.example.org.uk/learning-from-reviews",
             "www.fenmarsh-safeguarding.example.org.uk/learning",
             "https://www.fenmarsh-safeguarding.example.org.uk/professionals/"
             "escalation-and-resolution-protocol-for-all-agencies-and-the-public")
URL_BREAKS_AFTER = ("/", ".")  # the printed web page may break a web address after these, and only there
ZERO_WIDTH_SPACE = "\u200b"
ADDRESS_PUNCTUATION = "().,;:"  # around an address in a sentence or in brackets


@dataclass(frozen=True)
class Drawn:
    """An output as drawn: its text (whitespace made single spaces), each page's text, and its words."""

    text: str
    pages: tuple[str, ...]
    words: tuple[str, ...]


def _drawn(pdf: Path) -> Drawn:
    pages = read_pages(pdf)
    page_texts = tuple(" ".join(word.text for word in page.words) for page in pages)
    return Drawn(" ".join(page_texts), page_texts, tuple(word.text for page in pages for word in page.words))


def _printed_by_chromium(page: Path, folder: Path) -> Path:
    pdf = folder / f"{page.stem}-printed.pdf"
    subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={folder / 'profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=BROWSER_TIMEOUT, check=True)
    return pdf


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Drawn]:
    """Return the fixture's and the harbour example's outputs as drawn, by name: 'deck', 'cspr.docx',
    'malr.html', 'harbour deck', 'harbour dhr.docx'."""
    from generator.cli import main
    from generator.output.pdf import convert_to_pdf

    folder = tmp_path_factory.mktemp("rendered-words")
    outputs: dict[str, Path] = {}
    for prefix, data in (("", WORDS_FIXTURE), ("harbour ", HARBOUR)):
        out = folder / (prefix.strip() or "words")
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(["build", str(data), "--out", str(out)]) == 0
        outputs[f"{prefix}deck"] = next((out / "decks").glob("*.pptx"))
        for briefing in sorted((out / "briefings").iterdir()):
            outputs[prefix + briefing.name.rpartition("-")[2]] = briefing
    del outputs["harbour cspr.html"], outputs["harbour sar.html"], outputs["harbour dhr.html"]
    office = {name: path for name, path in outputs.items() if path.suffix != ".html"}
    pdfs, problem = convert_to_pdf(list(office.values()))
    assert not problem, problem
    found = {name: _drawn(pdf) for name, pdf in zip(office, pdfs)}
    found.update({name: _drawn(_printed_by_chromium(path, folder)) for name, path in outputs.items()
                  if path.suffix == ".html"})
    return found


needs_renderers = pytest.mark.skipif(
    not (have_pdftotext() and find_soffice() and Path(CHROMIUM).is_file()),
    reason="LibreOffice, poppler (pdftotext) and Chromium are needed to draw the outputs")
FIXTURE_OUTPUTS = ["deck", "cspr.docx", "malr.docx", "cspr.html", "malr.html"]


@needs_renderers
@pytest.mark.slow
@pytest.mark.parametrize("name", FIXTURE_OUTPUTS)
def test_one_review_is_named_in_the_singular_as_drawn(drawn: dict[str, Drawn], name: str) -> None:
    text = drawn[name].text
    assert not re.search(r"\b1 reviews\b|\b1 Multi-agency Learning Reviews\b", text)
    if name == "deck" or name.startswith("malr"):
        assert "1 Multi-agency Learning Review" in text


@needs_renderers
@pytest.mark.slow
@pytest.mark.parametrize("name, not_found", [("deck", "Transition to adult services"), ("deck", "Self-neglect"),
                                             ("cspr.docx", "Transition to adult services"),
                                             ("cspr.html", "Transition to adult services"),
                                             ("malr.docx", "Self-neglect"), ("malr.html", "Self-neglect")])
def test_a_theme_found_in_no_review_is_drawn_only_under_also_looked_for(drawn: dict[str, Drawn], name: str,
                                                                          not_found: str) -> None:
    """The page that says the theme was looked for names it nowhere else: not in the list of findings, nor as a
    bar of the chart."""
    looked_for = f"Also looked for, not found this period: {not_found}."
    pages = [page for page in drawn[name].pages if looked_for in page]
    assert len(pages) == 1, f"'{looked_for}' is drawn on {len(pages)} pages of {name}"
    assert not_found not in pages[0].replace(looked_for, "")


@needs_renderers
@pytest.mark.slow
@pytest.mark.parametrize("name, counted_people", [
    ("deck", {"These figures count the 12 children recorded in 12 reviews."}),
    ("harbour deck", {"These figures count the 12 children recorded in 12 reviews.",
                      "These figures count the 6 adults recorded in 6 reviews.",
                      "These figures count the 5 victims and 5 perpetrators recorded in 5 reviews."})])
def test_a_footnote_names_the_people_counted_once_as_drawn(drawn: dict[str, Drawn], name: str,
                                                          counted_people: set[str]) -> None:
    text = drawn[name].text
    assert set(re.findall(r"These figures count [^.]*\.", text)) == counted_people
    assert not re.search(r"(ethnicity|age|gender) of (victims|perpetrators)[,;] ", text)


def _address_pieces(words: tuple[str, ...], break_after_at: set[str]) -> list[str]:
    """Return the drawn words that are part of an address but not the whole of it (a line broke inside it),
    except a web address's pieces broken after a '/' or a '.', and those of ``break_after_at`` after their '@'."""
    broken = []
    for drawn_word in words:
        # A full stop may be where a URL broke; the zero-width space where a long email address may break draws
        # nothing.
        word = drawn_word.strip(ADDRESS_PUNCTUATION.replace(".", "")).replace(ZERO_WIDTH_SPACE, "")
        if word.rstrip(".") in ADDRESSES:
            continue
        holding = [address for address in ADDRESSES if word in address]
        if holding and any(mark in word for mark in "@./-") and \
                not any(_may_break(word, address, break_after_at) for address in holding):
            broken.append(drawn_word)
    return broken


def _may_break(piece: str, address: str, break_after_at: set[str]) -> bool:
    """Return whether ``piece`` of ``address`` begins and ends where the address may break."""
    breaks_after = URL_BREAKS_AFTER if "@" not in address else ("@",) if address in break_after_at else ()
    start = address.index(piece)
    ends_well = start + len(piece) == len(address) or piece.endswith(breaks_after)
    return bool(breaks_after) and ends_well and (start == 0 or address[start - 1] in breaks_after)


@needs_renderers
@pytest.mark.slow
@pytest.mark.parametrize("name", FIXTURE_OUTPUTS)
def test_no_email_or_web_address_is_broken_across_lines_as_drawn(drawn: dict[str, Drawn], name: str) -> None:
    """An email address may break after its '@' only when it is wider than a column's line (Word; the deck never
    breaks one), or longer than a phone's line (the web page)."""
    words = drawn[name].words
    emails = {address for address in ADDRESSES if "@" in address}
    too_long = {address for address in emails if len(address) > MAX_UNBROKEN_ADDRESS} if name.endswith(".html") \
        else WIDER_THAN_A_COLUMN if name.endswith(".docx") else set()
    assert _address_pieces(words, too_long) == []
    whole = [address for address in ADDRESSES if any(address in word for word in words)]
    assert whole, f"no address of the fixture is drawn whole in {name}"
