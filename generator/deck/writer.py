"""Draw planned slides into a PowerPoint presentation, fitting every text."""

from __future__ import annotations

from pathlib import Path

from pptx.util import Emu, Inches

from pptx.presentation import Presentation

from ..branding import theme_fonts
from . import body_text, charts, layouts
from .body_text import BODY_FIT, COVER_TITLE_FIT, TITLE_FIT, FitRange
from .kinds import SLIDE_KINDS, slide_kind
from .layouts import Box
from .plan import Para, SlideSpec, unique_title

CONTINUED_SIZE = 20.0
SUBTITLE_FIT = FitRange(28, 14)
FIGURE_FIT = FitRange(24, 12)
COLUMN_GAP = Emu(228600)
TWO_COLUMNS_BELOW = 20
MIN_BULLETS_PER_COLUMN = 3
LOGO_HEIGHT = Inches(0.9)
LOGO_MARGIN = Inches(0.3)
CONTINUED_NOTES_PREFIX = "(Continued from the previous slide.) "


class DeckWriter:
    """Collects slides into a presentation opened from a template, whose own slides are removed first."""

    def __init__(self, prs: Presentation, footer_text: str, layout_names: dict[str, str] | None = None,
                 logo: Path | None = None, logo_alt_text: str = "", language: str = "en-GB"):
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

    def add(self, spec: SlideSpec) -> None:
        """Add the slide (and any continuation slides) for ``spec``, drawn as its kind declares."""
        SLIDE_KINDS[spec.kind].draw(self, spec)

    def draw_text_slide(self, spec: SlideSpec, kind: str) -> None:
        """Draw text and bullets on slides of ``kind``, in two columns or continued when long."""
        slide = self.new_slide(kind, spec.title, spec.notes)
        target = layouts.placeholder(slide, layouts.BODY_TYPES)
        box = self._box(slide, target) if target is not None else self.content_area(slide)
        if self._try_two_columns(slide, target, box, spec.body):
            return
        pages = self.pages(spec.title, spec.body, box, BODY_FIT)
        self.write_box(slide, target, box, pages[0].paras, pages[0].size)
        for page in pages[1:]:
            slide = self.new_slide(kind, spec.title, spec.notes, continued=True)
            target = layouts.placeholder(slide, layouts.BODY_TYPES)
            self.write_box(slide, target, box, page.paras, page.size)

    def _try_two_columns(self, slide, target, box: Box, paras: list[Para]) -> bool:
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
        top = box.top
        if header:
            header_height = int(body_text.paragraphs_height(header, box.width, size, self.body_font)
                                * body_text.EMU_PER_PT) + 1
            self.write_box(slide, None, Box(box.left, top, box.width, header_height), header, size)
            top += header_height
        columns = Box(box.left, top, box.width, box.bottom - top).columns(2, COLUMN_GAP)
        for column, column_paras in zip(columns, (left, right)):
            self.write_box(slide, None, column, column_paras, size)
        return True

    # -- helpers -------------------------------------------------------------------

    def add_logo(self, slide) -> None:
        picture = slide.shapes.add_picture(str(self.logo), 0, LOGO_MARGIN, height=LOGO_HEIGHT)
        picture.left = self.prs.slide_width - picture.width - LOGO_MARGIN
        picture.name = "Logo"
        charts.set_alt_text(picture, self.logo_alt_text)

    def new_slide(self, kind: str, title: str, notes: str, continued: bool = False):
        layout = self._layout(kind)
        slide = self.prs.slides.add_slide(layout.layout)
        unique = self._unique_title(title)
        title_shape = layouts.placeholder(slide, layouts.TITLE_TYPES)
        if title_shape is not None:
            title_para = [Para(unique, bullet=False, bold=True)]
            if layout.title_caps is None:
                layout.title_caps = layouts.shows_all_caps(slide, title_shape)
            measured = [Para(unique.upper(), bullet=False, bold=True)] if layout.title_caps else title_para
            box = self._box(slide, title_shape)
            fit = COVER_TITLE_FIT if kind in ("title", "closing") else TITLE_FIT
            size = self.fit_or_smallest(measured, box, fit, None, self.heading_font)
            body_text.write_paragraphs(title_shape, title_para, size)
        else:
            self.warnings.append(f"the layout for '{unique}' has no title placeholder")
        notes_frame = slide.notes_slide.notes_text_frame
        if notes_frame is not None:
            notes_frame.text = (CONTINUED_NOTES_PREFIX if continued else "") + notes
        layouts.add_footer(slide, layout.footer_sources, self.footer_text, len(self.prs.slides))
        return slide

    def _layout(self, kind: str) -> "_Layout":
        """Return the layout for a slide kind, with what every slide on it needs, looked up once per deck."""
        if kind not in self._layouts:
            layout = layouts.find_layout(self.prs, SLIDE_KINDS[kind].layouts, self.layout_names.get(kind))
            self._layouts[kind] = _Layout(layout, layouts.footer_sources(layout))
        return self._layouts[kind]

    def _box(self, slide, shape) -> Box:
        """Return a shape's box (a placeholder's is inherited from its layout when the slide does not set it)."""
        return layouts.box_of(shape)

    def content_area(self, slide) -> Box:
        """Return the area between the slide's title and its footer."""
        return layouts.content_area(self.prs, slide)

    def _unique_title(self, title: str) -> str:
        unique = unique_title(title, self.titles)
        self.titles.add(unique)
        return unique

    def fill_placeholder(self, slide, title: str, paras: list[Para], fit: FitRange) -> None:
        target = layouts.placeholder(slide, layouts.BODY_TYPES)
        if target is None:
            return
        if not paras:
            layouts.remove_shape(target)
            return
        box = self._box(slide, target)
        self.write_box(slide, target, box, paras, self.fit_or_smallest(paras, box, fit, title))

    def fit_or_smallest(self, paras: list[Para], box: Box, fit: FitRange, where, family: str = "") -> float:
        size = body_text.best_size(paras, box.width, box.height, fit, family or self.body_font)
        if size is None:
            subject = f"text on '{where}'" if where else f"'{paras[0].text[:50]}'"
            self.warnings.append(f"{subject} does not fit its box even at {fit.smallest:g} pt and may overflow; "
                                 "shorten it")
            return fit.smallest
        return size

    def pages(self, title: str, paras: list[Para], box: Box, fit: FitRange) -> list["_Page"]:
        size = body_text.best_size(paras, box.width, box.height, fit, self.body_font)
        if size is not None:
            return [_Page(paras, size)]
        split = body_text.split_into_pages(paras, box.width, box.height, CONTINUED_SIZE, self.body_font)
        self.warnings.append(f"'{title}' is too long for one slide at {fit.smallest:g} pt; it continues over "
                             f"{len(split)} slides")
        page_fit = FitRange(CONTINUED_SIZE, fit.smallest)
        return [_Page(page, self.fit_or_smallest(page, box, page_fit, None)) for page in split]

    def write_box(self, slide, target, box: Box, paras: list[Para], size: float) -> None:
        if target is None:
            target = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
        body_text.write_paragraphs(target, paras, size)


class _Layout:
    def __init__(self, layout, footer_sources: list):
        self.layout = layout
        self.footer_sources = footer_sources
        self.title_caps: bool | None = None  # known once a slide on it has a title


class _Page:
    def __init__(self, paras: list[Para], size: float):
        self.paras = paras
        self.size = size


def remove_all_slides(prs: Presentation) -> None:
    """Remove the template's own slides (samples, or a deck saved as a template), keeping its layouts."""
    slide_ids = prs.slides.element
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


def drop_body(slide) -> None:
    """Remove the slide's body placeholder, for slides whose content is drawn in boxes of their own."""
    target = layouts.placeholder(slide, layouts.BODY_TYPES)
    if target is not None:
        layouts.remove_shape(target)


# -- the slide kinds: each declared once, with its layouts, whether it needs a body, and how it is drawn --------


@slide_kind("title", layouts=("Title Slide",), needs_body=True)
def draw_title(writer: DeckWriter, spec: SlideSpec) -> None:
    """A cover: the event's title, its date and hosts, and the logo."""
    _draw_cover(writer, spec, "title")


@slide_kind("closing", layouts=("Title Slide", "Section Header", "Title Only"), needs_body=True)
def draw_closing(writer: DeckWriter, spec: SlideSpec) -> None:
    """The last slide: thanks and contacts, and the logo."""
    _draw_cover(writer, spec, "closing")


def _draw_cover(writer: DeckWriter, spec: SlideSpec, kind: str) -> None:
    slide = writer.new_slide(kind, spec.title, spec.notes)
    writer.fill_placeholder(slide, spec.title, [Para(line, bullet=False) for line in spec.subtitle], SUBTITLE_FIT)
    if writer.logo is not None:
        writer.add_logo(slide)


@slide_kind("section", layouts=("Section Header", "Title Only", "Title Slide"), needs_body=True)
def draw_section(writer: DeckWriter, spec: SlideSpec) -> None:
    """A divider between the deck's parts: a title and a line saying what comes."""
    slide = writer.new_slide("section", spec.title, spec.notes)
    writer.fill_placeholder(slide, spec.title, [Para(line, bullet=False) for line in spec.subtitle], SUBTITLE_FIT)


@slide_kind("content", layouts=("Title and Content", "Title Only"), needs_body=True)
def draw_content(writer: DeckWriter, spec: SlideSpec) -> None:
    """Text and bullets, continued over more slides when they cannot fit one."""
    writer.draw_text_slide(spec, "content")


@slide_kind("figures", layouts=("Title Only", "Title and Content"), needs_body=False)
def draw_figures(writer: DeckWriter, spec: SlideSpec) -> None:
    """Headline figures side by side, each with its label and breakdown."""
    slide = writer.new_slide("figures", spec.title, spec.notes)
    drop_body(slide)
    area = writer.content_area(slide)
    for figure, column in zip(spec.figures, area.columns(len(spec.figures), COLUMN_GAP)):
        paras = [Para(figure.number, bullet=False, bold=True, scale=3.0),
                 Para(figure.label, bullet=False, bold=True, scale=1.1)]
        paras += [Para(line, bullet=False, scale=0.9) for line in figure.lines]
        writer.write_box(slide, None, column, paras, writer.fit_or_smallest(paras, column, FIGURE_FIT, spec.title))


@slide_kind("charts", layouts=("Title Only", "Title and Content"), needs_body=False)
def draw_charts(writer: DeckWriter, spec: SlideSpec) -> None:
    """Native charts side by side."""
    slide = writer.new_slide("charts", spec.title, spec.notes)
    drop_body(slide)
    area = writer.content_area(slide)
    # Column charts with many bands (ages) get more room than a chart of two areas.
    weights = [max(3, len(c.categories)) if c.kind == "column" else 4 for c in spec.charts]
    for chart, column in zip(spec.charts, area.columns(len(spec.charts), COLUMN_GAP, weights)):
        charts.add_chart(slide, chart, column)


@slide_kind("themes", layouts=("Title and Content", "Title Only"), needs_body=False)
def draw_themes(writer: DeckWriter, spec: SlideSpec) -> None:
    """A type's main themes, with a chart of them when they are counted."""
    if not spec.charts:
        writer.draw_text_slide(spec, "themes")
        return
    slide = writer.new_slide("themes", spec.title, spec.notes)
    drop_body(slide)
    text_box, chart_box = writer.content_area(slide).split(0.45, COLUMN_GAP)
    pages = writer.pages(spec.title, spec.body, text_box, BODY_FIT)
    writer.write_box(slide, None, text_box, pages[0].paras, pages[0].size)
    charts.add_chart(slide, spec.charts[0], chart_box, font_size=12)
    for page in pages[1:]:
        slide = writer.new_slide("themes", spec.title, spec.notes, continued=True)
        drop_body(slide)
        writer.write_box(slide, None, text_box, page.paras, page.size)
