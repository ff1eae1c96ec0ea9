"""Draw planned slides into a PowerPoint presentation, fitting every text.

The writer holds what every kind of slide shares: the template's layouts, titles at one size, body text that
fits or continues, footers, footnotes and the logo. Each kind's own drawing is in :mod:`.drawings`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pptx.presentation import Presentation
from pptx.util import Emu, Inches

from .. import i18n
from .. import text_fit
from ..branding import theme_fonts
from ..charts import ChartSpec
from ..library_internals import drop_slide
from ..ooxml import DRAWING, EMU_PER_POINT, PRESENTATION
from ..problems import shorten
from ..slide_kinds import DRAWINGS, SLIDE_KINDS
from . import body_text, charts, drawings, layouts  # drawings: registers each built-in kind's drawing
from .kinds import load_added_kinds
from .contrast import guard_contrast
from .body_text import BODY_FIT, COVER_TITLE_FIT, DECK_BODY_FLOOR, TITLE_FIT, FitRange
from .layouts import COLUMN_GAP, Box
from .plan import unique_title
from .slides import Para, SlideSpec

CONTINUED_SIZE = 20.0
FOOTNOTE_FIT = FitRange(16, 12)
TWO_COLUMNS_BELOW = 20
MIN_BULLETS_PER_COLUMN = 3
LOGO_HEIGHT = Inches(0.9)
LOGO_MARGIN = Inches(0.3)
CONTINUED_NOTES_PREFIX = i18n.N_("(Continued from the previous slide.) ")
ELLIPSIS = "\u2026"
class DeckWriter:
    """Collects slides into a presentation opened from a template, whose own slides are removed first.

    Call :meth:`add` for each planned slide, then :meth:`finish` once: it sets every slide title at the one
    size the longest title needs, and the body text of the text slides at one size, so neighbouring slides
    do not differ.
    """

    def __init__(self, prs: Presentation, footer_text: str, layout_names: dict[str, str] | None = None,
                 logo: bytes = b"", logo_alt_text: str = "", language: str = "en-GB"):
        load_added_kinds()  # their drawings, as the built-in kinds' are (drawings, imported above)
        self.prs = prs
        remove_all_slides(prs)
        self.footer_text = footer_text
        self.layout_names = layout_names or {}
        self.logo, self.logo_alt_text = logo, logo_alt_text
        self.heading_font, self.body_font = theme_fonts(prs)
        self.language = language
        self.titles: set[str] = set()
        self.warnings: list[str] = []
        self._layouts: dict[str, _Layout] = {}
        self._inherited_boxes: dict[tuple[str, int], Box] = {}
        self._content_areas: dict[str, Box] = {}
        self._slide_titles: list[_Title] = []
        self.slide_kinds: list[str] = []  # each slide's kind, in order
        self._body_texts: list[_BodyText] = []
        for family in dict.fromkeys((self.heading_font, self.body_font)):
            if not text_fit.is_installed(family):
                self.warnings.append(f"the template's font '{family}' is not installed here, so text is measured "
                                     "with a wider stand-in and may sit loosely in its boxes; install the font for "
                                     "an exact fit")

    def add(self, spec: SlideSpec) -> None:
        """Add the slide (and any continuation slides) for ``spec``, drawn as its kind declares."""
        DRAWINGS[spec.kind](self, spec)

    def finish(self) -> None:
        """Set every slide title (not the cover's or the closing slide's) at one size: the largest at which
        each fits its frame; a title that fits at none is named in a warning."""
        sizes = [title.best for title in self._slide_titles]
        for title in self._slide_titles:
            if title.best is None:
                self.warnings.append(f"the title '{shorten(title.text)}' (slide {title.number}) does not fit "
                                     f"its frame even at {TITLE_FIT.smallest:g} pt and may overflow; shorten it")
        size = min((s for s in sizes if s is not None), default=TITLE_FIT.smallest)
        if any(s is None for s in sizes):
            size = TITLE_FIT.smallest
        # A smaller size is taken if it spares a title breaking inside a hyphenated word or a parenthesis.
        size = next((smaller for smaller in TITLE_FIT.sizes() if smaller <= size
                     and not any(title.breaks_badly(smaller, self.heading_font) for title in self._slide_titles)),
                    size)
        for title in self._slide_titles:
            body_text.write_paragraphs(title.shape, [Para(title.text, bullet=False, bold=True)], size)
        self._set_deck_body_size()
        self.warnings.extend(guard_contrast(self.prs, self.slide_kinds))

    def _set_deck_body_size(self) -> None:
        """Set every slide's body text no larger than the deck's one body size: the smallest at which a
        full-width text slide fits on its own, leaving out slides denser than :data:`DECK_BODY_FLOOR` (they
        keep their own smaller size)."""
        deciding = [text.size for text in self._body_texts if text.sets_deck_size and text.size >= DECK_BODY_FLOOR]
        if not deciding:
            return
        deck_size = min(deciding)
        for text in self._body_texts:
            if text.size > deck_size:
                text.rewrite(deck_size)

    def body(self, slide, target, box: Box, paras: list[Para], size: float, sets_deck_size: bool) -> None:
        """Write a slide's body text at ``size`` (the largest at which it fits), to be set at the deck's one
        body size by :meth:`finish` if that is smaller; ``sets_deck_size``: whether the deck's size is
        decided by it (a full-width text slide that fits on its own)."""
        if target is None:
            target = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
        body_text.write_paragraphs(target, paras, size, self.body_font)
        self._body_texts.append(_BodyText(
            size, sets_deck_size, lambda smaller: body_text.write_paragraphs(target, paras, smaller, self.body_font)))

    def draw_text_slide(self, spec: SlideSpec, kind: str) -> None:
        """Draw text and bullets on slides of ``kind``, in two columns or continued when long, with the
        spec's footnotes at the foot of each slide."""
        slide = self.new_slide(kind, spec.title, spec.notes)
        target, box = self._text_frame(slide, spec.footnotes)
        if self.try_two_columns(slide, target, box, spec.body, sets_deck_size=True):
            return
        pages = self.pages(spec.title, spec.body, box, BODY_FIT)
        self.body(slide, target, box, pages[0].paras, pages[0].size, sets_deck_size=len(pages) == 1)
        for page in pages[1:]:
            slide = self.new_slide(kind, spec.title, spec.notes, continued=True)
            target, _ = self._text_frame(slide, spec.footnotes)
            if self.try_two_columns(slide, target, box, page.paras, sets_deck_size=False):
                continue
            self.body(slide, target, box, page.paras, page.size, sets_deck_size=False)

    def _text_frame(self, slide, footnotes: list[str]) -> tuple[Any, Box]:
        """Return the slide's body placeholder (None when it has none) and the box its text may fill; with
        footnotes, they are written at the foot of that box and the text goes in a box of its own above them."""
        target = layouts.placeholder(slide, layouts.BODY_TYPES)
        box = self._box(slide, target) if target is not None else self.content_area(slide)
        if not footnotes:
            return target, box
        if target is not None:
            layouts.remove_shape(target)
        return None, self.footnotes(slide, box, footnotes)

    def footnotes(self, slide, area: Box, lines: list[str]) -> Box:
        """Write ``lines`` at the foot of ``area`` (sized as :meth:`footnote_area` leaves room for them); return
        the area left above them."""
        above, notes_box, notes_size = self.footnote_area(area, lines)
        if notes_box is not None:
            self.write_box(slide, None, notes_box, [Para(line, bullet=False) for line in lines], notes_size)
        return above

    def try_two_columns(self, slide, target, box: Box, paras: list[Para], sets_deck_size: bool) -> bool:
        """Set a long list of short bullets in two columns, when that makes the text clearly larger."""
        single = body_text.best_size(paras, box.width, box.height, BODY_FIT, self.body_font)
        header, left, right = body_text.split_columns(paras)
        if (single is not None and single >= TWO_COLUMNS_BELOW) or len(right) < MIN_BULLETS_PER_COLUMN:
            return False
        size = body_text.two_column_size(header, left, right, box.width, box.height, COLUMN_GAP, BODY_FIT,
                                         self.body_font)
        if size is None or (single is not None and size < single + 4):
            return False
        if target is not None:
            layouts.remove_shape(target)
        header_shape = slide.shapes.add_textbox(box.left, box.top, box.width, 0) if header else None
        column_shapes = [slide.shapes.add_textbox(column.left, column.top, column.width, column.height)
                         for column in box.columns(2, COLUMN_GAP)]

        def write(at: float) -> None:
            """Write the header and the columns at ``at``, the columns starting under the header."""
            top = box.top
            if header_shape is not None:
                header_height = int(body_text.paragraphs_height(header, box.width, at, self.body_font)
                                    * EMU_PER_POINT) + 1
                header_shape.height = Emu(header_height)
                body_text.write_paragraphs(header_shape, header, at, self.body_font)
                top += header_height
            for shape, column_paras in zip(column_shapes, (left, right)):
                shape.top, shape.height = Emu(top), Emu(box.bottom - top)
                body_text.write_paragraphs(shape, column_paras, at, self.body_font)

        write(size)
        self._body_texts.append(_BodyText(size, sets_deck_size, write))
        return True

    # -- helpers -------------------------------------------------------------------

    def add_logo(self, slide) -> None:
        picture = slide.shapes.add_picture(io.BytesIO(self.logo), 0, LOGO_MARGIN, height=LOGO_HEIGHT)
        picture.left = self.prs.slide_width - picture.width - LOGO_MARGIN
        picture.name = "Logo"
        charts.set_alt_text(picture, self.logo_alt_text)

    def new_slide(self, kind: str, title: str, notes: str, continued: bool = False):
        layout = self._layout(kind)
        slide = self.prs.slides.add_slide(layout.layout)
        self.slide_kinds.append(kind)
        unique = self._unique_title(title)
        title_shape = layouts.placeholder(slide, layouts.TITLE_TYPES)
        if title_shape is not None:
            title_para = [Para(unique, bullet=False, bold=True)]
            if layout.title_caps is None:
                layout.title_caps = layouts.shows_all_caps(slide, title_shape)
            measured = [Para(unique.upper(), bullet=False, bold=True)] if layout.title_caps else title_para
            box = self._box(slide, title_shape)
            if SLIDE_KINDS[kind].cover:
                size = self.fit_or_smallest(measured, box, COVER_TITLE_FIT, None, self.heading_font)
            else:
                best = body_text.best_size(measured, box.width, box.height, TITLE_FIT, self.heading_font)
                self._slide_titles.append(_Title(title_shape, unique, measured[0].text, box, best,
                                                 len(self.prs.slides)))
                size = best or TITLE_FIT.smallest  # until finish() sets the deck's one size
            body_text.write_paragraphs(title_shape, title_para, size)
        else:
            self.warnings.append(f"the layout for '{unique}' has no title placeholder")
        notes_frame = slide.notes_slide.notes_text_frame
        if notes_frame is not None:
            notes_frame.text = (i18n._(CONTINUED_NOTES_PREFIX) if continued else "") + notes
        layouts.add_footer(slide, layout.footer_sources, layout.footer_text, len(self.prs.slides),
                           layout.footer_at)
        return slide

    def _layout(self, kind: str) -> "_Layout":
        """Return the layout for a slide kind, with what every slide on it needs, looked up once per deck."""
        if kind not in self._layouts:
            choice = layouts.choose_layout(self.prs, SLIDE_KINDS[kind].layouts, self.layout_names.get(kind), kind)
            if choice.fallback:
                self.warnings.append(choice.fallback)
            # Kinds drawn on the same layout share what is measured of it (its footer's inherited position is
            # looked up through the master, which takes a while).
            known = next((drawn for drawn in self._layouts.values() if drawn.layout.element is choice.layout.element),
                         None)
            self._layouts[kind] = known or self._measured_layout(choice.layout)
        return self._layouts[kind]

    def _measured_layout(self, layout) -> "_Layout":
        sources = layouts.footer_sources(layout)
        text, footer_at = self._fitted_footer(sources)
        return _Layout(layout, sources, text, footer_at)

    def _fitted_footer(self, sources: list[layouts.FooterSource]) -> tuple[str, Box | None]:
        """Return the footer text and, when it would wrap in the layout's box, a wider box; text too long even
        for that is shortened (with a warning, once), so the footer is always one line."""
        width = text_fit.face(False, self.body_font).width(self.footer_text, layouts.FOOTER_SIZE)
        footer_at = layouts.footer_box(sources, self.prs.slide_width, width)
        if footer_at is None:
            return self.footer_text, None
        room = (footer_at.width - 2 * layouts.FOOTER_INSET) / EMU_PER_POINT
        if width <= room:
            return self.footer_text, footer_at
        line = text_fit.wrap(self.footer_text, room - text_fit.face(False, self.body_font).width(
            ELLIPSIS, layouts.FOOTER_SIZE), layouts.FOOTER_SIZE, False, self.body_font)[0]
        shortened = line.rstrip(" ,·–-") + ELLIPSIS
        message = f"the slide footer '{self.footer_text}' is too long for one line; it is shortened to '{shortened}'"
        if message not in self.warnings:
            self.warnings.append(message)
        return shortened, footer_at

    def _box(self, slide, shape) -> Box:
        """Return a shape's box (a placeholder's is inherited from its layout when the slide does not set it).

        Working out an inherited position walks the layout and master each time, so a placeholder that
        only inherits is measured once per layout: every new slide on the layout puts it in the same place.
        """
        if not shape.is_placeholder or shape.element.find(f"{{{PRESENTATION}}}spPr/{{{DRAWING}}}xfrm") is not None:
            return layouts.box_of(shape)
        key = (slide.slide_layout.name, shape.placeholder_format.idx)
        if key not in self._inherited_boxes:
            self._inherited_boxes[key] = layouts.box_of(shape)
        return self._inherited_boxes[key]

    def content_area(self, slide) -> Box:
        """Return the area between the slide's title and its footer (the same for every new slide on a layout)."""
        name = slide.slide_layout.name
        if name not in self._content_areas:
            self._content_areas[name] = layouts.content_area(self.prs, slide)
        return self._content_areas[name]

    def _unique_title(self, title: str) -> str:
        unique = unique_title(title, self.titles)
        self.titles.add(unique)
        return unique

    def fill_placeholder(self, slide, title: str, paras: list[Para], fit: FitRange) -> None:
        """Write ``paras`` into the slide's body placeholder, or a text box in its place when the layout has
        none (so a renamed or missing layout never loses text)."""
        target = layouts.placeholder(slide, layouts.BODY_TYPES)
        if not paras:
            if target is not None:
                layouts.remove_shape(target)
            return
        box = self._box(slide, target) if target is not None else self.content_area(slide)
        size = self.fit_or_smallest(paras, box, fit, title)
        # An email or web address on a line of its own (a contact) is set small enough not to break at a hyphen.
        width = (box.width - 2 * body_text.INSET_X) / EMU_PER_POINT
        addresses = [para.text for para in paras if text_fit.ADDRESS.search(para.text)]
        size = next((smaller for smaller in fit.sizes() if smaller <= size and not any(
            text_fit.breaks_badly(text, width, smaller, False, self.body_font) for text in addresses)), size)
        self.write_box(slide, target, box, paras, size)

    def fit_or_smallest(self, paras: list[Para], box: Box, fit: FitRange, where, family: str = "") -> float:
        size = body_text.best_size(paras, box.width, box.height, fit, family or self.body_font)
        if size is None:
            subject = f"text on '{shorten(where)}'" if where else f"'{shorten(paras[0].text)}'"
            self.warnings.append(f"{subject} (slide {len(self.prs.slides)}) does not fit its box even at "
                                 f"{fit.smallest:g} pt and may overflow; shorten it")
            return fit.smallest
        return size

    def pages(self, title: str, paras: list[Para], box: Box, fit: FitRange, later: Box | None = None) -> list["_Page"]:
        """Return ``paras`` as one page, or split evenly over as few pages as hold them (sub-bullets kept with
        their bullet, leading unbulleted lines on the first page), all set at one size; the first page is
        ``box``, the pages after it ``later`` (by default ``box`` too; when they differ, the later pages share
        a size of their own, and the first takes as much of the list as fills it as nearly as they are filled:
        see :meth:`_shared_by_fill`)."""
        later = later or box
        size = body_text.best_size(paras, box.width, box.height, fit, self.body_font)
        if size is not None:
            return [_Page(paras, size)]
        lead, groups = body_text.lead_and_groups(paras)
        page_fit = FitRange(CONTINUED_SIZE, fit.smallest)
        needed = body_text.paragraphs_height(paras, box.width, fit.smallest, self.body_font)
        first_try = max(2, int(needed / (box.height / EMU_PER_POINT)))
        for count in range(first_try, len(groups) + 1):
            if later is box:
                chunks = body_text.even_chunks(groups, count)
                split = [lead + chunks[0], *chunks[1:]]
            elif (shared := self._shared_by_fill(lead, groups, box, later, count, fit.smallest)) is not None:
                split = shared
            else:
                continue
            sizes = [body_text.best_size(page, on.width, on.height, page_fit, self.body_font)
                     for page, on in zip(split, [box, *[later] * (len(split) - 1)])]
            if all(s is not None for s in sizes):
                self.warnings.append(f"'{shorten(title)}' is too long for one slide at {fit.smallest:g} pt; "
                                     f"it continues over {count} slides")
                fitted = [s for s in sizes if s is not None]
                if later is box:
                    return [_Page(page, min(fitted)) for page in split]
                # The later pages are laid out differently (wider): they share a size of their own.
                return [_Page(split[0], fitted[0]), *[_Page(page, min(fitted[1:])) for page in split[1:]]]
        # An item too long for a slide on its own: fill the slides in turn at the smallest size.
        split = body_text.split_into_pages(paras, box.width, box.height, fit.smallest, self.body_font)
        self.warnings.append(f"'{shorten(title)}' holds an item too long for a slide even on its own; it "
                             f"continues over {len(split)} slides and may overflow; shorten it")
        return [_Page(page, fit.smallest) for page in split]

    def _shared_by_fill(self, lead: list[Para], groups: list[list[Para]], box: Box, later: Box, count: int,
                        size: float) -> list[list[Para]] | None:
        """Return ``lead`` and ``groups`` over ``count`` pages: the first (``box``, narrower than the later ones:
        beside a chart) takes the groups that fill it most nearly as full as the later pages (``later``, the rest
        dealt evenly over them) are filled, measured at ``size``, so that no page is a stub; None when no share
        fits."""
        room = box.height / EMU_PER_POINT
        later_room = later.height / EMU_PER_POINT
        best: tuple[float, list[list[Para]]] | None = None
        for first in range(1, len(groups) - count + 2):
            head = lead + [para for group in groups[:first] for para in group]
            head_fill = body_text.paragraphs_height(head, box.width, size, self.body_font) / room
            if head_fill > 1:
                break
            rest = body_text.even_chunks(groups[first:], count - 1)
            rest_fill = max(body_text.paragraphs_height(page, later.width, size, self.body_font) / later_room
                            for page in rest)
            if rest_fill <= 1 and (best is None or abs(head_fill - rest_fill) < best[0]):
                best = abs(head_fill - rest_fill), [head, *rest]
        return best[1] if best is not None else None

    def write_box(self, slide, target, box: Box, paras: list[Para], size: float) -> None:
        if target is None:
            target = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
        body_text.write_paragraphs(target, paras, size, self.body_font)

    def footnote_area(self, area: Box, lines: list[str]) -> tuple[Box, Box | None, float]:
        """Return the content area less room for ``lines`` at its foot, the footnotes' box and their size."""
        if not lines:
            return area, None, 0.0
        paras = [Para(line, bullet=False) for line in lines]
        size = FOOTNOTE_FIT.smallest
        for candidate in FOOTNOTE_FIT.sizes():
            if body_text.paragraphs_height(paras, area.width, candidate, self.body_font) <= area.height / 4:
                size = candidate
                break
        height = int(body_text.paragraphs_height(paras, area.width, size, self.body_font) * EMU_PER_POINT) + 1
        return (Box(area.left, area.top, area.width, area.height - height - COLUMN_GAP // 2),
                Box(area.left, area.bottom - height, area.width, height), size)

    def chart_room(self, box: Box, chart: ChartSpec) -> Box:
        """Return the part of ``box`` a chart is drawn in: its note, when it has one, takes the foot."""
        return self.footnote_area(box, [chart.note] if chart.note else [])[0]

    def set_notes(self, slide, notes: str) -> None:
        """Replace the speaker notes of ``slide``."""
        notes_frame = slide.notes_slide.notes_text_frame
        if notes_frame is not None:
            notes_frame.text = notes


class _Layout:
    def __init__(self, layout, footer_sources: list, footer_text: str, footer_at: Box | None):
        self.layout = layout
        self.footer_sources = footer_sources
        self.footer_text = footer_text
        self.footer_at = footer_at  # a wider box for a footer that would wrap in the layout's
        self.title_caps: bool | None = None  # known once a slide on it has a title


class _Page:
    def __init__(self, paras: list[Para], size: float):
        self.paras = paras
        self.size = size


@dataclass
class _BodyText:
    """A slide's body text as drawn: the largest size at which it fits, whether that decides the deck's one
    body size, and how to write it again at a smaller size."""

    size: float
    sets_deck_size: bool
    rewrite: Callable[[float], None]


class _Title:
    """A slide title drawn before the deck's title size is known: its shape, text, and the largest size at
    which it fits (None: at none)."""

    def __init__(self, shape, text: str, measured: str, box: Box, best: float | None, number: int):
        self.shape, self.text, self.best, self.number = shape, text, best, number
        self.measured, self.box = measured, box  # the text as drawn (in capitals where the layout says so)

    def breaks_badly(self, size: float, family: str) -> bool:
        """Return whether the title, at ``size``, would break inside a hyphenated word or a parenthesis."""
        width = (self.box.width - 2 * body_text.INSET_X) / EMU_PER_POINT
        return text_fit.breaks_badly(self.measured, width, size, True, family)


def remove_all_slides(prs: Presentation) -> None:
    """Remove the template's own slides (samples, or a deck saved as a template), keeping its layouts."""
    slide_ids = prs.slides.element
    for slide_id in list(slide_ids):
        drop_slide(prs, slide_id)
        slide_ids.remove(slide_id)
