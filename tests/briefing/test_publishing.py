"""Publishing-grade briefings: page furniture, the team record page, fit on the page, colours and fonts on paper."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from PIL import Image

from generator.briefing.html import HtmlBriefingBuilder
from generator.briefing.plan import plan_briefing
from generator.briefing.word_builder import WordBriefingBuilder
from generator.loading import load_event
from generator.look import Look
from generator.figures import review_figures
from generator.model import Branding, Colours, EventData
from generator.plan import plan_event
from tests.conftest import DEFAULT_DATA, needs_libreoffice
from tests.render import read_pages, render


def _event() -> EventData:
    return load_event(DEFAULT_DATA).event


def _word_builder(event: EventData, logo: bytes = b"") -> WordBriefingBuilder:
    return WordBriefingBuilder(Look(event.theme), logo)


def _briefing(event: EventData, key: str = "adults", logo: bytes = b""):
    """Return the rendered Word briefing of one review type and the document reopened."""
    plan = plan_briefing(event, review_figures(key, event.review_types[key]))
    rendered = _word_builder(event, logo).render(plan)
    return rendered, Document(io.BytesIO(rendered.data))


def _footer_text(doc) -> str:
    return doc.sections[-1].footer.part.element.xpath("string(./w:p[1])")


def test_footer_has_the_date_version_contact_and_page_numbers():
    event = _event()
    event.briefing.version = "Version 2, reviewed June 2022"
    event.briefing.contact = "safeguarding@example.org"
    _, doc = _briefing(event)
    assert _footer_text(doc) == ("Published 12 May 2022 · Version 2, reviewed June 2022 · "
                                 "Contact: safeguarding@example.org · Page 1 of 1")


def test_the_contact_falls_back_to_the_first_closing_contact():
    event = _event()
    event.closing.contacts = ["Partnership office, 01642 000000", "Second contact"]
    _, doc = _briefing(event)
    assert _footer_text(doc) == "Published 12 May 2022 · Contact: Partnership office, 01642 000000 · Page 1 of 1"


def test_no_team_record_page_unless_asked_for():
    _, doc = _briefing(_event())
    assert "Team record" not in [p.text for p in doc.paragraphs]
    assert b"Team record" not in HtmlBriefingBuilder(Look(_event().theme)).render(
        plan_briefing(_event(), review_figures("adults", _event().review_types["adults"]))).data


def test_action_plan_adds_the_team_record_page_in_word_and_html():
    event = _event()
    event.briefing.action_plan = True
    plan = plan_briefing(event, review_figures("adults", event.review_types["adults"]))
    assert plan.action_plan
    _, doc = _briefing(event)
    record = next(p for p in doc.paragraphs if p.text == "Team record")
    assert record.style.name == "Heading 1"
    table = doc.tables[-1]
    assert [cell.text for cell in table.rows[0].cells] == ["Date", "Who discussed it", "What we will do", "By when"]
    record_table = doc.element.body.findall(qn("w:tbl"))[-1]
    assert record_table.find(qn("w:tr")).find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    # The record is a section of its own that begins a new page, set in one column.
    body_section = doc.element.body.find(qn("w:sectPr"))
    assert body_section.find(qn("w:type")).get(qn("w:val")) == "nextPage"
    assert body_section.find(qn("w:cols")) is None or body_section.find(qn("w:cols")).get(qn("w:num")) in (None, "1")
    html = HtmlBriefingBuilder(Look(event.theme)).render(plan).data.decode()
    assert '<h2 id="record">Team record</h2>' in html


@needs_libreoffice
def test_the_team_record_is_a_second_page_in_libreoffice(tmp_path):
    event = _event()
    event.briefing.action_plan = True
    _, doc = _briefing(event)
    path = tmp_path / "record.docx"
    doc.save(str(path))
    pages = read_pages(render(path))
    assert len(pages) == 2
    assert " ".join(w.text for w in pages[1].words).count("Team record") == 1
    assert "Background" in " ".join(w.text for w in pages[0].words)


def _png(path: Path) -> Path:
    Image.new("RGB", (300, 100), (20, 60, 110)).save(path)
    return path


def test_the_logo_is_in_the_header_with_its_alt_text_and_in_the_web_page(tmp_path):
    event = _event()
    event.theme = Branding(logo="logo.png", logo_alt_text="Tees partnership logo")
    logo = _png(tmp_path / "logo.png").read_bytes()
    _, doc = _briefing(event, logo=logo)
    header = doc.sections[0].header
    assert header.paragraphs[0].text.startswith(f"{event.event.partnership} · Seven-minute briefing")
    (picture,) = header.part.element.iter(qn("wp:docPr"))
    assert picture.get("descr") == "Tees partnership logo"
    # Word needs each drawing's id unique across the body and the header (the chart is in the body).
    ids = [int(element.get("id")) for part in (doc.part, header.part) for element in part.element.iter(qn("wp:docPr"))]
    assert len(ids) >= 2 and len(set(ids)) == len(ids)
    plan = plan_briefing(event, review_figures("adults", event.review_types["adults"]))
    html = HtmlBriefingBuilder(Look(event.theme), logo).render(plan).data
    assert b'alt="Tees partnership logo"' in html and b'src="data:image/png;base64,' in html


def test_the_themes_heading_font_is_on_the_headings_and_title():
    event = _event()
    event.theme = Branding(heading_font="DejaVu Serif", body_font="DejaVu Sans")
    _, doc = _briefing(event)
    for name, family in (("Heading 1", "DejaVu Serif"), ("Title", "DejaVu Serif"), ("Normal", "DejaVu Sans")):
        fonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == family, name
        assert fonts.get(qn("w:asciiTheme")) is None, f"{name}: a theme font would override {family} in Word"


DARK_THEME = Branding(colours=Colours(text="FFFFFF", background="1B1B1B", heading="FFE600", link="FFE600",
                                      accents=["FFE600"]))


def test_slide_colours_that_vanish_on_paper_are_replaced_and_reported_once_per_colour(tmp_path):
    event = _event()
    event.theme = DARK_THEME
    targets = _word_builder(event).targets(plan_event(event), tmp_path)
    warnings = [w for target in targets for w in target.render().warnings]
    assert warnings == [
        "the theme colour #FFFFFF has a contrast of only 1.0:1 on white paper (at least 4.5:1 is needed), so the "
        "briefings do not use it for text (printed in #1A1A1A instead)",
        "the theme colour #FFE600 has a contrast of only 1.3:1 on white paper (at least 4.5:1 is needed), so the "
        "briefings do not use it for headings (printed in #1A1A1A instead) and links (printed in #0B5CAD instead) "
        "and chart bars (printed in #1A1A1A instead)"]
    doc = Document(io.BytesIO(targets[0].render().data))
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Footer", "Hyperlink"):
        colour = doc.styles[name].font.color.rgb
        assert str(colour) not in ("FFFFFF", "FFE600"), name


def test_a_part_that_does_not_fit_goes_on_in_the_next_column_with_a_warning():
    event = _event()
    review = event.review_types["adults"]
    review.briefing.sections[4].paragraphs = ["The learning from these reviews, said at length. " * 60]
    rendered, doc = _briefing(event)
    assert not doc.element.body.xpath(".//w:pageBreakBefore")
    assert rendered.warnings == ["the Safeguarding Adult Reviews briefing does not fit on one page; shorten its text "
                                 "to keep it to one"]


@needs_libreoffice
@pytest.mark.slow
def test_a_part_goes_on_from_page_one_to_page_two_in_libreoffice(tmp_path):
    event = _event()
    review = event.review_types["adults"]
    review.briefing.sections[4].paragraphs = ["The learning from these reviews, said at length. " * 60]
    _, doc = _briefing(event)
    path = tmp_path / "long.docx"
    doc.save(str(path))
    pages = read_pages(render(path))
    assert len(pages) == 2
    page_one = " ".join(w.text for w in sorted(pages[0].words, key=lambda w: (w.left > pages[0].width / 2,
                                                                               round(w.top), w.left)))
    assert f"5. {review.briefing.sections[4].heading} The learning from these reviews" in page_one
    first_words = [w.text for w in sorted(pages[1].words, key=lambda w: (round(w.top), w.left)) if w.top > 45]
    assert first_words[:1] != ["5."]


def test_no_page_break_in_the_default_briefings():
    event = _event()
    for key in event.review_types:
        rendered, doc = _briefing(event, key)
        assert not doc.element.body.xpath(".//w:pageBreakBefore"), key
        assert rendered.warnings == [], key


@pytest.mark.parametrize("version", ["", "Draft 3"])
def test_the_web_page_footer_matches_the_word_footer(version):
    event = _event()
    event.briefing.version = version
    plan = plan_briefing(event, review_figures("adults", event.review_types["adults"]))
    html = HtmlBriefingBuilder(Look(event.theme)).render(plan).data.decode()
    _, doc = _briefing(event)
    assert f"<footer>\n<p>{_footer_text(doc).removesuffix(' · Page 1 of 1')}</p>" in html


def test_a_word_templates_own_pale_text_colour_is_replaced_in_the_briefings_and_reported_once(run_cli, tmp_path):
    from docx.shared import RGBColor

    from generator.checks.briefing import colour_problems

    template = Document()
    template.styles["Normal"].font.color.rgb = RGBColor(0xDD, 0xDD, 0xDD)
    template.save(str(tmp_path / "pale.docx"))
    status, _, err = run_cli(["build", DEFAULT_DATA, "--out", "out", "--docx-template", "pale.docx"], tmp_path)
    assert status == 0
    pale = [line for line in err.splitlines() if "#DDDDDD" in line]
    assert len(pale) == 1, err
    assert ("the Word template's style 'Normal' colours its text #DDDDDD, which reads at only 1.4:1 on #FFFFFF (at "
            "least 4.5:1 is needed), so the briefing prints it in #") in pale[0]
    for path in sorted((tmp_path / "out").glob("*/*.docx")):
        assert colour_problems(Document(str(path))) == [], path.name
    assert Document(str(tmp_path / "pale.docx")).styles["Normal"].font.color.rgb == RGBColor(0xDD, 0xDD, 0xDD)


def test_the_web_charts_labels_print_at_nine_points_or_more():
    from generator.briefing.svg_chart import LABEL_SIZE, WIDTH

    # The print style: A4 (210 mm) with 15 mm margins, two columns 8 mm apart; the chart fills a column.
    print_column_width_pt = (210 - 2 * 15 - 8) / 2 / 25.4 * 72
    assert LABEL_SIZE * print_column_width_pt / WIDTH >= 9
    html = HtmlBriefingBuilder(Look(_event().theme)).page(
        plan_briefing(_event(), review_figures("adults", _event().review_types["adults"])))
    assert "@page { size: A4; margin: 15mm; }" in html and ".parts { columns: 2; column-gap: 8mm;" in html
    assert "max-height" not in html  # nothing may shrink the chart below its column's width
