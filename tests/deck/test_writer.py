"""The deck writer on the built-in template: fonts it cannot measure, layouts without a body, footers too long
for their box, slide titles at one size, body text at one size."""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from generator.ooxml import EMU_PER_POINT
from generator import text_fit
from generator.deck import layouts, writer as writer_module
from generator.deck.slides import Para, SlideSpec, bullet_paras
from generator.deck.writer import DeckWriter
from generator.templates import BUILTIN_DECK_TEMPLATE

MISSING_FONT = "No Such Display Face"


def _writer(footer: str = "Learning from Reviews · 12 May 2022") -> DeckWriter:
    return DeckWriter(Presentation(str(BUILTIN_DECK_TEMPLATE)), footer)


def _footer(slide):
    return next(s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.FOOTER)


def test_a_font_that_is_not_installed_is_named_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer_module, "theme_fonts", lambda prs: (MISSING_FONT, MISSING_FONT))
    if text_fit.is_installed(MISSING_FONT):
        pytest.skip("fontconfig claims to have the made-up font")
    writer = _writer()
    for number in range(3):
        writer.add(SlideSpec("content", f"Slide {number}", "Notes.", body=bullet_paras(["One"])))
    writer.finish()
    assert writer.warnings == [f"the template's font '{MISSING_FONT}' is not installed here, so text is measured "
                               "with a wider stand-in and may sit loosely in its boxes; install the font for an "
                               "exact fit"]


def test_a_section_layout_without_a_body_keeps_its_subtitle_in_a_text_box() -> None:
    writer = _writer()
    section = next(layout for layout in writer.prs.slide_layouts if layout.name == "Section Header")
    body = layouts.placeholder(section, (PP_PLACEHOLDER.BODY,))
    layouts.remove_shape(body)
    writer.add(SlideSpec("section", "Main Themes", "Notes.", subtitle=["What the reviews found"]))
    texts = [shape.text_frame.text for shape in writer.prs.slides[0].shapes
             if shape.has_text_frame and not shape.is_placeholder]
    assert texts == ["What the reviews found"]


def test_a_footer_too_wide_for_its_box_is_widened_to_one_line() -> None:
    footer = "Dysgu o Adolygiadau – Learning from Reviews · 16 November 2023"
    writer = _writer(footer)
    writer.add(SlideSpec("content", "Aims", "Notes.", body=bullet_paras(["One"])))
    shape = _footer(writer.prs.slides[0])
    layout_width = layouts.placeholder(writer.prs.slides[0].slide_layout, (PP_PLACEHOLDER.FOOTER,)).width
    assert shape.text_frame.text == footer
    assert shape.width > layout_width
    width = text_fit.face(False, writer.body_font).width(footer, layouts.FOOTER_SIZE)
    assert width <= (shape.width - 2 * layouts.FOOTER_INSET) / EMU_PER_POINT
    assert writer.warnings == []


def test_a_footer_too_long_for_any_box_is_shortened_with_a_warning() -> None:
    footer = "A very long partnership name " * 8
    writer = _writer(footer)
    writer.add(SlideSpec("content", "Aims", "Notes.", body=bullet_paras(["One"])))
    writer.add(SlideSpec("content", "More", "Notes.", body=bullet_paras(["Two"])))
    shown = _footer(writer.prs.slides[0]).text_frame.text
    assert shown.endswith("\u2026") and footer.startswith(shown[:-1])
    assert writer.warnings == [f"the slide footer '{footer}' is too long for one line; it is shortened to "
                               f"'{shown}'"]


def test_every_slide_title_takes_the_size_the_longest_needs() -> None:
    writer = _writer()
    writer.add(SlideSpec("content", "Aims", "Notes.", body=bullet_paras(["One"])))
    writer.add(SlideSpec("content", "Setting the Scene: Child Safeguarding Practice Reviews in the Partnership",
                         "Notes.", body=bullet_paras(["Two"])))
    writer.finish()
    sizes = {run.font.size.pt for slide in writer.prs.slides
             for paragraph in slide.shapes.title.text_frame.paragraphs for run in paragraph.runs}
    assert sizes == {32.0}


def test_a_title_is_not_broken_inside_a_parenthesis() -> None:
    title = "The Legal Framework: Multi-agency Learning Review (non-statutory)"
    writer = _writer()
    writer.add(SlideSpec("content", title, "Notes.", body=bullet_paras(["One"])))
    # A longer title takes the deck to 32 pt, where this one would break as "(non-" / "statutory)".
    writer.add(SlideSpec("content", "Setting the Scene: Child Safeguarding Practice Reviews in the Partnership",
                         "Notes.", body=bullet_paras(["Two"])))
    writer.finish()
    shape = writer.prs.slides[0].shapes.title
    size = shape.text_frame.paragraphs[0].runs[0].font.size.pt
    width = (shape.width - 2 * writer_module.body_text.INSET_X) / EMU_PER_POINT
    assert size < 32
    assert not text_fit.breaks_badly(title, width, size, True, writer.heading_font)


def _body_sizes(writer: DeckWriter) -> list[set[float]]:
    """Return the sizes of each slide's text, leaving out its title and footer furniture."""
    furniture = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
    return [{run.font.size.pt for shape in slide.shapes if shape.has_text_frame
             and not (shape.is_placeholder and shape.placeholder_format.type in furniture)
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs}
            for slide in writer.prs.slides]


SENTENCE = "Agencies shared what they knew about the family late, and no one agency held the whole picture of the risks"


def test_text_slides_share_one_body_size_but_a_slide_denser_than_the_floor_keeps_its_own() -> None:
    writer = _writer()
    for title, bullets in (("Short", 2), ("Longer", 7), ("Dense", 9)):
        writer.add(SlideSpec("content", title, "Notes.", body=bullet_paras([SENTENCE] * bullets)))
    assert _body_sizes(writer) == [{28.0}, {22.0}, {16.0}]  # each at the largest size it fits at on its own
    writer.finish()
    assert writer_module.DECK_BODY_FLOOR == 20
    assert _body_sizes(writer) == [{22.0}, {22.0}, {16.0}]


def test_a_two_column_slide_set_at_the_deck_size_keeps_its_columns_right_under_its_heading() -> None:
    writer = _writer()
    heading = Para("Themes shared by every type of review", bullet=False, bold=True)
    writer.add(SlideSpec("content", "Cross Over Themes", "Notes.",
                         body=[heading, *bullet_paras([f"Short theme {n}" for n in range(14)])]))
    writer.add(SlideSpec("content", "Longer", "Notes.", body=bullet_paras([SENTENCE] * 7)))
    writer.finish()
    header, *columns = [shape for shape in writer.prs.slides[0].shapes
                        if shape.has_text_frame and not shape.is_placeholder]
    assert _body_sizes(writer)[0] == {22.0}  # two columns took 28 pt; the deck's size is the other slide's
    assert len(columns) == 2
    heading_height = writer_module.body_text.paragraphs_height([heading], header.width, 22.0, writer.body_font)
    assert header.height == int(heading_height * EMU_PER_POINT) + 1  # the heading's height at 22 pt
    assert {column.top for column in columns} == {header.top + header.height}


def test_a_contact_s_email_address_on_the_closing_slide_is_set_small_enough_not_to_break_at_a_hyphen() -> None:
    address = "safeguarding-partnership@fenmarsh-safeguarding.example.org.uk"
    writer = _writer()
    writer.add(SlideSpec("closing", "Thank you", "Notes.", subtitle=["Please complete the form.", address]))
    body = next(shape for shape in writer.prs.slides[0].placeholders if shape.has_text_frame
                and address in shape.text_frame.text)
    size = body.text_frame.paragraphs[-1].runs[0].font.size.pt
    width = (body.width - 2 * writer_module.body_text.INSET_X) / EMU_PER_POINT
    assert not text_fit.breaks_badly(address, width, size, False, writer.body_font)
    assert text_fit.breaks_badly(address, width, 28, False, writer.body_font)  # at the largest size it would
