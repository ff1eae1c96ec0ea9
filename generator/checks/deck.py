"""Checks of a deck: titles, notes, alt text, contrast, properties, and (rendered) text fit."""

from __future__ import annotations

from collections import Counter

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from ..colour import MINIMUM_TEXT_CONTRAST, contrast_ratio
from ..ooxml import DRAWING, tag
from ..user_messages import ngettext
from ..deck.colours import DeckColours
from .alt_text import is_generic
from .rendered import overlap_problem, words_not_drawn, words_outside_shapes

_SKIP_CONTRAST = (PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)


def check_deck(path, pages, report) -> None:
    """Fill ``report`` with the deck's facts and problems; ``pages`` is its LibreOffice rendering or None."""
    prs = Presentation(str(path))
    report.facts.append(ngettext("{count} slide", "{count} slides", len(prs.slides)))
    props = prs.core_properties
    if not (props.title or "").strip():
        report.problems.append("no document title (File > Info > Title)")
    if not (props.language or "").strip():
        report.problems.append("no document language")
    colours = DeckColours(prs)
    titles = []
    for number, slide in enumerate(prs.slides, start=1):
        where = f"slide {number}"
        title = slide.shapes.title.text.strip() if slide.shapes.title is not None else ""
        if not title:
            report.problems.append(f"{where}: no title")
        titles.append(title)
        notes = slide.notes_slide.notes_text_frame.text.strip() if slide.has_notes_slide else ""
        if not notes:
            report.problems.append(f"{where}: no speaker notes")
        for shape in slide.shapes:
            _check_alt_text(shape, where, report)
            _check_contrast(colours, slide, shape, where, report)
        if pages is not None and number <= len(pages):
            outside = words_outside_shapes(slide, pages[number - 1])
            if outside:
                report.problems.append(f"{where}: text outside its frame ({' '.join(outside[:8])})")
            overlap = overlap_problem(pages[number - 1], where)
            if overlap:
                report.problems.append(overlap)
            missing = words_not_drawn(slide, pages[number - 1])
            if missing:
                report.problems.append(f"{where}: words not drawn ({' '.join(missing[:8])})")
    for title, count in Counter(t for t in titles if t).items():
        if count > 1:
            report.problems.append(f"the title '{title}' is used on {count} slides")


def _check_alt_text(shape, where, report) -> None:
    if not (shape.has_chart or shape.shape_type == MSO_SHAPE_TYPE.PICTURE):
        return
    described = shape.element.xpath("./*[1]/p:cNvPr/@descr")
    text = described[0].strip() if described else ""
    if not text:
        report.problems.append(f"{where}: '{shape.name}' has no alt text")
    elif is_generic(text) or text == shape.name:
        report.problems.append(f"{where}: '{shape.name}' has generic alt text ('{text}')")


def _check_contrast(colours, slide, shape, where, report) -> None:
    if not shape.has_text_frame or not shape.text_frame.text.strip():
        return
    if shape.is_placeholder and shape.placeholder_format.type in _SKIP_CONTRAST:
        return
    background = colours.background(slide, shape)
    if background is None:
        return
    for paragraph in shape.element.iter(tag(DRAWING, "p")):
        for run in paragraph.iter(tag(DRAWING, "r")):
            text = "".join(run.itertext())
            if not text.strip():
                continue
            foreground = colours.text_colour(shape, paragraph, run)
            ratio = contrast_ratio(foreground, background)
            if ratio < MINIMUM_TEXT_CONTRAST:
                report.problems.append(f"{where}: text '{text[:30]}' is #{foreground} on #{background}, "
                                       f"contrast {ratio:.1f}:1 (needs {MINIMUM_TEXT_CONTRAST}:1)")
                return
