"""Measure how a briefing's seven parts flow down the A4 page's two columns, before the document is written.

The parts are measured with real font metrics (:mod:`generator.text_fit`) in
the type scale of :mod:`.blank`, and flowed as LibreOffice flows them: a
heading stays with the first lines of what follows it, a lead-in with its
list, a table or chart is never split, and a paragraph leaves at least two
lines on each side of a column break. When the parts cannot fit one page the
second page begins at a part, never with a stray line; past two pages the
longest parts are named so the author knows what to shorten.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import text_fit
from .plan import SectionPlan
from .type_scale import (BODY, BULLET, BULLET_INDENT, CHART_NOTE_GAP, COLUMN_GAP, COLUMNS, HEADING, LINE_SPACING,
                         PAGE_HEIGHT, PAGE_MARGIN, PAGE_WIDTH, SUBTITLE, TABLE_CAPTION_GAP, TABLE_HEADER_ROW, TABLE_ROW,
                         TABLE_TRAILER, TITLE, TITLE_RULE, TextStyle, chart_height)

EMU_PER_POINT = 12700
# The measure errs long by up to two lines a column against LibreOffice on the gallery (rounding in its
# line pitch and chart frames); it allows for that much, so that a page that does fit is never broken.
COLUMN_ALLOWANCE = 24.0  # points
MIN_LINES_EACH_SIDE = 2  # widow and orphan control: no single line alone at a column's foot or head


@dataclass(frozen=True)
class Block:
    """One paragraph, table or chart of a part as it flows: its line pitch and lines, or a fixed height."""

    line: float  # line pitch in points (for a fixed block, its whole height)
    lines: int = 1
    before: float = 0.0
    after: float = 0.0
    keep_with_next: bool = False
    splittable: bool = False

    @property
    def height(self) -> float:
        return self.line * self.lines


@dataclass(frozen=True)
class Fit:
    """Where the parts fall: the number of pages, the part the second page begins at, and the parts to shorten."""

    pages: int
    break_before: int | None = None  # the part number whose heading begins page two
    to_shorten: tuple[int, ...] = ()  # part numbers, longest first, when more than two pages are needed
    part_heights: tuple[float, ...] = ()


def points(emu: int) -> float:
    return emu / EMU_PER_POINT


COLUMN_WIDTH = (points(PAGE_WIDTH) - 2 * points(PAGE_MARGIN) - points(COLUMN_GAP)) / COLUMNS
FULL_WIDTH = points(PAGE_WIDTH) - 2 * points(PAGE_MARGIN)
BODY_HEIGHT = points(PAGE_HEIGHT) - 2 * points(PAGE_MARGIN)


def _text(text: str, style: TextStyle, width: float, family: str, keep_with_next: bool = False) -> Block:
    pitch = text_fit.face(style.bold, family).line_height(style.size) * LINE_SPACING
    # Measured as LibreOffice sets the text: without the few per cent text_fit keeps in hand for PowerPoint.
    lines = len(text_fit.wrap(text, width * text_fit.SAFETY, style.size, style.bold, family))
    return Block(pitch, lines, style.before, style.after, keep_with_next, splittable=True)


def part_blocks(section: SectionPlan, heading_font: str, body_font: str) -> list[Block]:
    """Return the blocks of one part in the order the Word briefing writes them (see ``WordBriefing._section``)."""
    width = COLUMN_WIDTH
    blocks = [_text(f"{section.number}. {section.heading}", HEADING, width, heading_font, keep_with_next=True)]
    lists = bool(section.bullets or section.themes or section.tables)
    for index, text in enumerate(section.paragraphs):
        blocks.append(_text(text, BODY, width, body_font, index == len(section.paragraphs) - 1 and lists))
    for table in section.tables:
        blocks.append(_text(table.title, BODY.bold_version(), width, body_font, keep_with_next=True))
        blocks.append(Block(TABLE_HEADER_ROW + TABLE_ROW * len(table.rows) + TABLE_TRAILER, before=TABLE_CAPTION_GAP))
    blocks.extend(_text(note, BODY, width, body_font) for note in section.figures_note)
    blocks.extend(_list(section.themes, body_font))
    if section.themes_note:
        blocks.append(_text(section.themes_note, BODY, width, body_font))
    if section.chart is not None:
        blocks.append(Block(points(chart_height(section.chart)) + CHART_NOTE_GAP, after=BODY.after))
        if section.chart.note:
            blocks.append(_text(section.chart.note, BODY, width, body_font))
    blocks.extend(_list(section.bullets, body_font))
    blocks.extend(_text(f"Find out more: {link.text}", BODY, width, body_font) for link in section.links)
    return blocks


def _list(items: tuple[str, ...], family: str) -> list[Block]:
    """Return a list's items (the paragraph before a list is kept with its first item)."""
    return [_text(item, BULLET, COLUMN_WIDTH - BULLET_INDENT, family) for item in items]


def title_height(title: str, subtitle: str, heading_font: str) -> float:
    """Return the height the title and subtitle take above the columns."""
    total = 0.0
    for text, style in ((title, TITLE), (subtitle, SUBTITLE)):
        block = _text(text, style, FULL_WIDTH, heading_font)
        total += block.height + style.after
    return total + TITLE_RULE.height


class _Flow:
    """Columns being filled, page after page: the first page's columns start below the title."""

    def __init__(self, first_column_height: float):
        self.first_column_height = first_column_height
        self.column = 0
        self.used = 0.0
        self.last_after = 0.0

    @property
    def page(self) -> int:
        return self.column // COLUMNS + 1

    @property
    def capacity(self) -> float:
        return COLUMN_ALLOWANCE + (self.first_column_height if self.column < COLUMNS else BODY_HEIGHT)

    @property
    def room(self) -> float:
        return self.capacity - self.used

    def next_column(self) -> None:
        self.column += 1
        self.used = 0.0
        self.last_after = 0.0

    def next_page(self) -> None:
        while True:
            self.next_column()
            if self.column % COLUMNS == 0:
                return

    def gap(self, block: Block) -> float:
        """Return the space between the last block and ``block`` (the larger of the two, as LibreOffice sets it)."""
        return max(self.last_after, block.before)

    def place_group(self, group: list[Block]) -> None:
        """Place blocks kept together: the group moves to the next column when its kept part does not fit."""
        last = group[-1]
        kept_lines = min(last.lines, MIN_LINES_EACH_SIDE) if last.splittable else last.lines
        kept = sum(b.height + b.before for b in group[:-1])
        needed = self.gap(group[0]) + kept + last.before + last.line * kept_lines
        if needed > self.room and self.used > 0:
            self.next_column()
        for block in group:
            self._place(block)

    def _place(self, block: Block) -> None:
        lines_left = block.lines
        gap = self.gap(block)
        while True:
            fits = int((self.room - gap) // block.line) if block.splittable else (
                lines_left if block.height + gap <= self.room else 0)
            if fits >= lines_left or (self.used == 0 and not block.splittable):
                self.used += gap + block.line * lines_left
                self.last_after = block.after
                return
            if block.splittable and fits >= MIN_LINES_EACH_SIDE and lines_left - fits >= MIN_LINES_EACH_SIDE:
                lines_left -= fits
            elif block.splittable and self.used == 0:
                lines_left -= max(fits, 1)  # a paragraph taller than a column breaks where it must
            self.next_column()
            gap = 0.0


def fit_parts(sections: tuple[SectionPlan, ...], title: str, subtitle: str,
              fonts: tuple[str, str]) -> Fit:
    """Return how the parts fit the page: one page, or two beginning at a part, or more, with parts to shorten."""
    heading_font, body_font = fonts
    parts = [part_blocks(section, heading_font, body_font) for section in sections]
    first_column = BODY_HEIGHT - title_height(title, subtitle, heading_font)
    heights = tuple(sum(b.height + max(b.before, b.after) for b in blocks) for blocks in parts)
    ends, starts = _flow(parts, first_column, break_before=None)
    if not ends or ends[-1] == 1:
        return Fit(1, part_heights=heights)
    spilling = next(index for index, page in enumerate(ends) if page > 1)
    # Beginning page two at the part costs what is left of page one: worth it only when the part begins in the
    # page's last column (at most a column is left blank); a part beginning earlier is too long to move whole.
    moves = spilling > 0 and starts[spilling] == COLUMNS - 1
    break_before = sections[spilling].number if moves else None
    ends, _ = _flow(parts, first_column, break_before=spilling if moves else None)
    pages = ends[-1]
    to_shorten: tuple[int, ...] = ()
    if pages > 2:
        over = sum(heights) - 2 * COLUMNS * BODY_HEIGHT + (BODY_HEIGHT - first_column) * COLUMNS
        by_height = sorted(range(len(sections)), key=lambda i: -heights[i])
        chosen, covered = [], 0.0
        for index in by_height:
            chosen.append(sections[index].number)
            covered += heights[index]
            if covered >= over:
                break
        to_shorten = tuple(chosen)
    return Fit(pages, break_before, to_shorten, heights)


def _flow(parts: list[list[Block]], first_column: float, break_before: int | None) -> tuple[list[int], list[int]]:
    """Return the page each part ends on and the column (counted from the first page's first) it begins in."""
    flow = _Flow(first_column)
    ends, starts = [], []
    for index, blocks in enumerate(parts):
        if index == break_before and flow.page == 1:
            flow.next_page()
        starts.append(flow.column)
        group: list[Block] = []
        for block in blocks:
            group.append(block)
            if not block.keep_with_next:
                flow.place_group(group)
                group = []
        if group:
            flow.place_group(group)
        ends.append(flow.page)
    return ends, starts
