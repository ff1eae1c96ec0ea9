"""Draw planned slides into a PowerPoint presentation, fitting every text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pptx.util import Emu, Inches

from ..branding import theme_fonts
from .. import pptx_speedups
from . import body_text, charts, layouts, pptx_package
from . import notes as notes_text
from .body_text import BODY_FIT, COVER_TITLE_FIT, TITLE_FIT, FitRange
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


@dataclass
class DrawnSpec:
    """What drawing one spec gave: its index among the deck's specs, its slides (start, end) and warnings."""

    index: int
    start: int
    end: int
    warnings: list[str]


class DeckWriter:
    """Collects slides into a presentation opened from a template (its sample slides removed)."""

    def __init__(self, prs, footer_text: str, layout_names: dict[str, str] | None = None,
                 logo: Path | None = None, logo_alt_text: str = "", language: str = "en-GB"):
        pptx_speedups.install()
        self.prs = prs
        pptx_package.empty_for_drawing(prs)
        self.footer_text = footer_text
        self.layout_names = layout_names or {}
        self.logo, self.logo_alt_text = logo, logo_alt_text
        self.heading_font, self.body_font = theme_fonts(prs)
        self.language = language
        self.titles: set[str] = set()
        # For each slide: the index of the spec it came from, and whether it continues that spec's slide.
        self.notes_sources: list[tuple[int, bool]] = []
        # For each slide: its title as planned, and as shown (made unique).
        self.planned_titles: list[str] = []
        self.shown_titles: list[str] = []
        self.drawn: list[DrawnSpec] = []
        self._spec_index = -1
        self._number_offset = 0  # slide numbers count from here (nonzero when drawing only part of a deck)
        self.warnings: list[str] = []
        self._boxes: dict = {}
        self._layouts: dict[str, _Layout] = {}
        self._slides = pptx_package.NewSlides(prs)
        self._notes_slides = pptx_package.NotesSlides()

    # -- one method per slide kind -------------------------------------------------

    def add(self, spec: SlideSpec, index: int | None = None, first_number: int | None = None) -> None:
        """Add the slide (and any continuation slides) for ``spec``.

        ``index`` (its place among the deck's specs) and ``first_number`` (its
        slide number) are for drawing only some slides of a deck.
        """
        self._spec_index = self._spec_index + 1 if index is None else index
        if first_number is not None:
            self._number_offset = first_number - 1 - len(self.prs.slides)
        slides_before, warnings_before = len(self.prs.slides), len(self.warnings)
        getattr(self, f"_add_{spec.kind}")(spec)
        self.drawn.append(DrawnSpec(self._spec_index, slides_before, len(self.prs.slides),
                                    self.warnings[warnings_before:]))

    def _add_title(self, spec: SlideSpec, kind: str = "title") -> None:
        slide = self._new_slide(kind, spec.title, spec.notes)
        self._fill_placeholder(slide, spec.title, [Para(line, bullet=False) for line in spec.subtitle],
                               SUBTITLE_FIT)
        if self.logo is not None:
            self._add_logo(slide)

    def _add_closing(self, spec: SlideSpec) -> None:
        self._add_title(spec, "closing")

    def _add_section(self, spec: SlideSpec) -> None:
        slide = self._new_slide("section", spec.title, spec.notes)
        self._fill_placeholder(slide, spec.title, [Para(line, bullet=False) for line in spec.subtitle],
                               SUBTITLE_FIT)

    def _add_content(self, spec: SlideSpec, kind: str = "content") -> None:
        slide = self._new_slide(kind, spec.title, spec.notes)
        target = layouts.placeholder(slide, layouts.BODY_TYPES)
        box = self._box(slide, target) if target is not None else self._content_area(slide)
        if self._try_two_columns(slide, target, box, spec.body):
            return
        pages = self._pages(spec.title, spec.body, box, BODY_FIT)
        self._write_box(slide, target, box, pages[0].paras, pages[0].size)
        for page in pages[1:]:
            slide = self._new_slide(kind, spec.title, spec.notes, continued=True)
            target = layouts.placeholder(slide, layouts.BODY_TYPES)
            self._write_box(slide, target, box, page.paras, page.size)

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
            self._write_box(slide, None, Box(box.left, top, box.width, header_height), header, size)
            top += header_height
        columns = Box(box.left, top, box.width, box.bottom - top).columns(2, COLUMN_GAP)
        for column, column_paras in zip(columns, (left, right)):
            self._write_box(slide, None, column, column_paras, size)
        return True

    def _add_figures(self, spec: SlideSpec) -> None:
        slide = self._new_slide("figures", spec.title, spec.notes)
        _drop_body(slide)
        area = self._content_area(slide)
        for figure, column in zip(spec.figures, area.columns(len(spec.figures), COLUMN_GAP)):
            paras = [Para(figure.number, bullet=False, bold=True, scale=3.0),
                     Para(figure.label, bullet=False, bold=True, scale=1.1)]
            paras += [Para(line, bullet=False, scale=0.9) for line in figure.lines]
            self._write_box(slide, None, column, paras, self._fit_or_smallest(paras, column, FIGURE_FIT, spec.title))

    def _add_charts(self, spec: SlideSpec) -> None:
        slide = self._new_slide("charts", spec.title, spec.notes)
        _drop_body(slide)
        area = self._content_area(slide)
        # Column charts with many bands (ages) get more room than a chart of two areas.
        weights = [max(3, len(c.categories)) if c.kind == "column" else 4 for c in spec.charts]
        for chart, column in zip(spec.charts, area.columns(len(spec.charts), COLUMN_GAP, weights)):
            charts.add_chart(slide, chart, column)

    def _add_themes(self, spec: SlideSpec) -> None:
        if not spec.charts:
            self._add_content(spec, "themes")
            return
        slide = self._new_slide("themes", spec.title, spec.notes)
        _drop_body(slide)
        text_box, chart_box = self._content_area(slide).split(0.45, COLUMN_GAP)
        pages = self._pages(spec.title, spec.body, text_box, BODY_FIT)
        self._write_box(slide, None, text_box, pages[0].paras, pages[0].size)
        charts.add_chart(slide, spec.charts[0], chart_box, font_size=12)
        for page in pages[1:]:
            slide = self._new_slide("themes", spec.title, spec.notes, continued=True)
            _drop_body(slide)
            self._write_box(slide, None, text_box, page.paras, page.size)

    # -- helpers -------------------------------------------------------------------

    def _add_logo(self, slide) -> None:
        picture = slide.shapes.add_picture(str(self.logo), 0, LOGO_MARGIN, height=LOGO_HEIGHT)
        picture.left = self.prs.slide_width - picture.width - LOGO_MARGIN
        picture.name = "Logo"
        charts.set_alt_text(picture, self.logo_alt_text)

    def _new_slide(self, kind: str, title: str, notes: str, continued: bool = False):
        layout = self._layout(kind)
        slide = self._slides.add(layout.layout)
        unique = self._unique_title(title)
        self.planned_titles.append(title)
        self.shown_titles.append(unique)
        title_shape = layouts.placeholder(slide, layouts.TITLE_TYPES)
        if title_shape is not None:
            title_para = [Para(unique, bullet=False, bold=True)]
            if layout.title_caps is None:
                layout.title_caps = layouts.shows_all_caps(slide, title_shape)
            measured = [Para(unique.upper(), bullet=False, bold=True)] if layout.title_caps else title_para
            box = self._box(slide, title_shape)
            fit = COVER_TITLE_FIT if kind in ("title", "closing") else TITLE_FIT
            size = self._fit_or_smallest(measured, box, fit, None, self.heading_font)
            body_text.write_paragraphs(title_shape.text_frame, title_para, size)
        else:
            self.warnings.append(f"the layout for '{unique}' has no title placeholder")
        prefix = notes_text.CONTINUED_PREFIX if continued else ""
        notes_text.fill_notes(notes_text.notes_text_body(self._notes_slides.add(slide)), prefix + notes, self.language)
        self.notes_sources.append((self._spec_index, continued))
        layouts.add_footer(slide, layout.footer_sources, self.footer_text, self._number_offset + len(self.prs.slides))
        return slide

    def _layout(self, kind: str) -> "_Layout":
        """Return the layout for a slide kind, with what every slide on it needs, looked up once per deck."""
        if kind not in self._layouts:
            layout = layouts.find_layout(self.prs, kind, self.layout_names)
            self._layouts[kind] = _Layout(layout, layouts.footer_sources(layout))
        return self._layouts[kind]

    def _box(self, slide, shape) -> Box:
        """Return a shape's box; a placeholder placed by its layout is measured once per layout."""
        if not shape.is_placeholder or shape._element.xpath("./p:spPr/a:xfrm"):
            return layouts.box_of(shape)
        key = (slide.slide_layout.name, shape.placeholder_format.idx)
        if key not in self._boxes:
            self._boxes[key] = layouts.box_of(shape)
        return self._boxes[key]

    def _content_area(self, slide) -> Box:
        key = (slide.slide_layout.name, "content area")
        if key not in self._boxes:
            self._boxes[key] = layouts.content_area(self.prs, slide)
        return self._boxes[key]

    def _unique_title(self, title: str) -> str:
        unique = unique_title(title, self.titles)
        self.titles.add(unique)
        return unique

    def _fill_placeholder(self, slide, title: str, paras: list[Para], fit: FitRange) -> None:
        target = layouts.placeholder(slide, layouts.BODY_TYPES)
        if target is None:
            return
        if not paras:
            layouts.remove_shape(target)
            return
        box = self._box(slide, target)
        self._write_box(slide, target, box, paras, self._fit_or_smallest(paras, box, fit, title))

    def _fit_or_smallest(self, paras: list[Para], box: Box, fit: FitRange, where, family: str = "") -> float:
        size = body_text.best_size(paras, box.width, box.height, fit, family or self.body_font)
        if size is None:
            subject = f"text on '{where}'" if where else f"'{paras[0].text[:50]}'"
            self.warnings.append(f"{subject} does not fit its box even at {fit.smallest:g} pt and may overflow; "
                                 "shorten it")
            return fit.smallest
        return size

    def _pages(self, title: str, paras: list[Para], box: Box, fit: FitRange) -> list["_Page"]:
        size = body_text.best_size(paras, box.width, box.height, fit, self.body_font)
        if size is not None:
            return [_Page(paras, size)]
        split = body_text.split_into_pages(paras, box.width, box.height, CONTINUED_SIZE, self.body_font)
        self.warnings.append(f"'{title}' is too long for one slide at {fit.smallest:g} pt; it continues over "
                             f"{len(split)} slides")
        page_fit = FitRange(CONTINUED_SIZE, fit.smallest)
        return [_Page(page, self._fit_or_smallest(page, box, page_fit, None)) for page in split]

    def _write_box(self, slide, target, box: Box, paras: list[Para], size: float) -> None:
        if target is None:
            target = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
        body_text.write_paragraphs(target.text_frame, paras, size)

    def to_bytes(self, stamp) -> bytes:
        """Return the presentation as .pptx bytes, its zip entries dated ``stamp``."""
        from ..output.packages import package_bytes

        return package_bytes(self.prs, stamp)


class _Layout:
    def __init__(self, layout, footer_sources: list):
        self.layout = layout
        self.footer_sources = footer_sources
        self.title_caps: bool | None = None  # known once a slide on it has a title


class _Page:
    def __init__(self, paras: list[Para], size: float):
        self.paras = paras
        self.size = size


def _drop_body(slide) -> None:
    target = layouts.placeholder(slide, layouts.BODY_TYPES)
    if target is not None:
        layouts.remove_shape(target)
