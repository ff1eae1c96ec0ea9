"""Measure how a briefing's seven parts flow down the page's two columns, before the document is written.

The page is the document's own (:class:`~.type_scale.PrintedPage`): the
built-in A4 one and type scale, or a comms team's template's size, margins
and styles' sizes.

The parts are measured with real font metrics (:mod:`generator.text_fit`) in
the page's type scale, and flowed as LibreOffice flows them: a
heading stays with the first lines of what follows it, a lead-in with its
list, a short list stays whole and a long one keeps three items each side of
a column break, a table or chart is never split (a table's rows as tall as
their wrapped labels, a chart as tall as the Word briefing draws it), and a
paragraph leaves at least two lines on each side of a column break. When the
parts overfill one page, the chart of the main themes may show fewer bars;
failing that, the parts flow on to a second page, a part going on in the next
column (only a heading with fewer than two lines after it moves), so no column
before the last is left blank but for a kept group that did not fit. When two
pages are not enough, the chart shows fewer bars again; failing that, the
tables are set more compactly (one size down, half the cells' margins), with as
many bars as then keep to two pages; failing that, the longest parts are named
so the author knows what to shorten. A second page that would hold only the
end of the last part (less than ``MIN_LAST_PAGE_FILL`` of its first column) is
not printed either when compact tables keep the parts to one page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from .. import i18n, text_fit
from ..charts import ChartSpec, bar_layout
from ..figures import CountTable
from ..ooxml import EMU_PER_POINT
from .line_breaks import trailing_note
from .plan import BriefingPlan, SectionPlan, table_header
from .type_scale import (BUILTIN_PAGE, BULLET_INDENT, CHART_LABEL_SIZE, CHART_NOTE_GAP, COLUMNS, COMPACT_TABLES,
                         FIGURE_TABLE_WIDTH, NUMBER_COLUMN_MIN, TABLES, TITLE_RULE, PrintedPage,
                         TableSetting, TextStyle, chart_height)

# Measured against LibreOffice on the gallery, a column's content comes within about 3 pt, erring long (the
# figures tables). Nothing is allowed beyond the column: a line the measure squeezed in where LibreOffice has no
# room would move the rest on by a line, and could put the last lines of a part on a page of their own.
COLUMN_ALLOWANCE = 0.0  # points
MIN_LINES_EACH_SIDE = 2  # widow and orphan control: no single line alone at a column's foot or head
# A list no taller than this share of a column moves whole when it does not fit: moving it leaves at most that
# much blank at the column's foot. A longer list may break, but keeps this many items on each side of the break,
# so one or two items are never left on their own.
WHOLE_LIST_SHARE = 1 / 3
MIN_ITEMS_EACH_SIDE = 3
MAX_PAGES = 2  # a seven-minute briefing is read in one sitting: past two pages the author is asked to shorten it
# A column the text goes on from may be left at most this share empty (a kept group that did not fit below it);
# check reports a rendered column emptier than this.
MAX_EMPTY_COLUMN_SHARE = 0.25
# A last page whose first column the text fills less than this share of holds a few lines a reader turns the page
# for (LibreOffice, setting a little tighter or looser than measured, may leave one or two): the tables are set
# compactly when that saves the page.
MIN_LAST_PAGE_FILL = 0.25


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
    """Where the parts fall: the number of pages, and the parts to shorten when more than two are needed."""

    pages: int
    to_shorten: tuple[int, ...] = ()  # part numbers, longest first, when more than two pages are needed
    loose_columns: tuple[int, ...] = ()  # columns (the first page's first is 1) left more than a quarter empty
    part_heights: tuple[float, ...] = ()
    whole_lists: bool = True  # short lists are kept whole (see ``list_keeps``); False when that would cost a page
    tables: TableSetting = TABLES  # COMPACT_TABLES when the regular ones would need a third page
    last_page_fill: float = 1.0  # the share of the last page's first column the text fills (1 when it goes on)
    page: PrintedPage = BUILTIN_PAGE  # the page measured, which the Word briefing is drawn on


def points(emu: int) -> float:
    return emu / EMU_PER_POINT


@lru_cache(maxsize=64)
def printed_chart_height(spec: ChartSpec, font: str, column_width: int = BUILTIN_PAGE.column_width) -> float:
    """Return the height, in points, of the chart as the Word briefing draws it in a column ``column_width`` EMU
    wide: ``chart_height``, or for a bar chart as tall as its labels need, as
    :func:`~.word_chart.word_chart_drawing` makes it."""
    height = points(chart_height(spec))
    if spec.kind != "bar":
        return height
    return bar_layout(spec, points(column_width), CHART_LABEL_SIZE, font, at_least=height).height


# The built-in A4 page's measures, in points.
COLUMN_WIDTH = BUILTIN_PAGE.column_width_points
FULL_WIDTH = BUILTIN_PAGE.full_width_points
BODY_HEIGHT = BUILTIN_PAGE.body_height_points


def _text(text: str, style: TextStyle, width: float, family: str, keep_with_next: bool = False) -> Block:
    pitch = text_fit.face(style.bold, family).line_height(style.size) * style.line_spacing
    # Measured as LibreOffice sets the text: without the few per cent text_fit keeps in hand for PowerPoint.
    lines = len(text_fit.wrap(text, width * text_fit.SAFETY, style.size, style.bold, family))
    return Block(pitch, lines, style.before, style.after, keep_with_next, splittable=True)


def part_blocks(section: SectionPlan, heading_font: str, body_font: str, whole_lists: bool = True,
                tables: TableSetting = TABLES, page: PrintedPage = BUILTIN_PAGE) -> list[Block]:
    """Return the blocks of one part in the order the Word briefing writes them (see ``WordBriefing._section``),
    its figures tables set as ``tables`` says, in ``page``'s columns."""
    width, scale = page.column_width_points, page.type_scale
    blocks = [_text(f"{section.number}. {section.heading}", scale.heading, width, heading_font, keep_with_next=True)]
    lists = bool(section.bullets or section.themes or section.tables)
    for index, text in enumerate(section.paragraphs):
        blocks.append(_text(text, scale.body, width, body_font, index == len(section.paragraphs) - 1 and lists))
    for table in section.tables:
        caption = _text(caption_text(table.title, body_font, page), scale.body.bold_version(), width, body_font,
                        keep_with_next=True)
        blocks.append(replace(caption, after=tables.caption_gap))
        blocks.append(Block(table_height(table, table_columns(section.tables, body_font, tables), body_font, tables),
                            before=tables.caption_gap))
    blocks.extend(_text(note, scale.body, width, body_font) for note in section.figures_note)
    blocks.extend(_list(section.themes, body_font, whole_lists, page))
    if section.themes_note:
        blocks.append(_text(section.themes_note, scale.body, width, body_font))
    if section.chart is not None:
        blocks.append(Block(printed_chart_height(section.chart, body_font, page.column_width) + CHART_NOTE_GAP,
                            after=scale.body.after))
        if section.chart.note:
            blocks.append(_text(section.chart.note, scale.body, width, body_font))
    blocks.extend(_list(section.bullets, body_font, whole_lists, page))
    blocks.extend(_text(i18n._("Find out more: {link}", link=link.text), scale.body, width, body_font)
                  for link in section.links)
    return blocks


def caption_text(title: str, family: str, page: PrintedPage = BUILTIN_PAGE) -> str:
    """Return a table's caption as set: when it does not fit the column on one line, its closing note in brackets
    ("(where known: 6 of 10)") begins a line of its own rather than break inside."""
    lead, note = trailing_note(title)
    style = page.type_scale.body.bold_version()
    if note and len(text_fit.wrap(title, page.column_width_points * text_fit.SAFETY, style.size, style.bold, family)) > 1:
        return f"{lead}\n{note}"
    return title


def table_columns(tables: tuple[CountTable, ...], family: str, setting: TableSetting = TABLES) -> tuple[int, int]:
    """Return the widths, in EMU, of the two columns of a part's figures tables, worked out from their text.

    The number column is as wide as the widest number heading ("Number of perpetrators") or number needs on one
    line, at least ``NUMBER_COLUMN_MIN`` and at most half the table; the label column has the rest. The part's
    tables share the widths, so that their columns line up down the page.
    """
    bold, regular = text_fit.face(True, family), text_fit.face(False, family)
    size = setting.text_size
    widest = max([bold.width(table_header(table)[1], size) for table in tables]
                 + [regular.width(value, size) for table in tables for _, value in table.display_rows])
    needed = int((widest + 2 * setting.cell_margin) * EMU_PER_POINT)
    number = min(max(needed, NUMBER_COLUMN_MIN), FIGURE_TABLE_WIDTH // 2)
    return FIGURE_TABLE_WIDTH - number, number


def table_height(table: CountTable, columns: tuple[int, int], family: str, setting: TableSetting = TABLES) -> float:
    """Return a figures table's height as LibreOffice draws it in ``columns`` (EMU), set as ``setting`` says: each
    row as tall as its most-wrapped cell."""
    widths = [points(width) - 2 * setting.cell_margin for width in columns]
    line = text_fit.face(False, family).line_height(setting.text_size)  # Table Grid sets single line spacing
    height = setting.trailer
    for index, row in enumerate([table_header(table), *table.display_rows]):
        lines = max(len(text_fit.wrap(text, width * text_fit.SAFETY, setting.text_size, index == 0, family))
                    for text, width in zip(row, widths))
        height += (setting.header_row if index == 0 else setting.row) + (lines - 1) * line
    return height


def _list(items: tuple[str, ...], family: str, whole_lists: bool, page: PrintedPage) -> list[Block]:
    """Return a list's items (the paragraph before a list is kept with its first item).

    List Bullet's space after applies only after the last item: Word and LibreOffice leave out the space between
    paragraphs of one style ("contextual spacing").
    """
    keeps = list_keeps(items, family, whole_lists, page)
    width = page.column_width_points - BULLET_INDENT
    blocks = [_text(item, page.type_scale.bullet, width, family, keep) for item, keep in zip(items, keeps)]
    return [replace(block, after=0.0) for block in blocks[:-1]] + blocks[-1:]


def list_keeps(items: tuple[str, ...], family: str, whole_lists: bool = True,
               page: PrintedPage = BUILTIN_PAGE) -> list[bool]:
    """Return, for each item of a list, whether it is kept with the next, so no column break strands one or two.

    A short list (up to ``WHOLE_LIST_SHARE`` of a column) is kept whole, unless ``whole_lists`` is False; any
    other list keeps its first and its last ``MIN_ITEMS_EACH_SIDE`` items together, and may break between them.
    """
    count = len(items)
    bullet = page.type_scale.bullet
    pitch = text_fit.face(bullet.bold, family).line_height(bullet.size) * bullet.line_spacing
    lines = sum(len(text_fit.wrap(item, (page.column_width_points - BULLET_INDENT) * text_fit.SAFETY, bullet.size,
                                  bullet.bold, family)) for item in items)
    if whole_lists and lines * pitch <= WHOLE_LIST_SHARE * page.body_height_points:
        return [index < count - 1 for index in range(count)]
    return [index < MIN_ITEMS_EACH_SIDE - 1 or count - MIN_ITEMS_EACH_SIDE <= index < count - 1
            for index in range(count)]


def title_height(title: str, subtitle: str, heading_font: str, page: PrintedPage = BUILTIN_PAGE) -> float:
    """Return the height the title and subtitle take above ``page``'s columns."""
    total = 0.0
    for text, style in ((title, page.type_scale.title), (subtitle, page.type_scale.subtitle)):
        block = _text(text, style, page.full_width_points, heading_font)
        total += block.height + style.after
    return total + TITLE_RULE.height


class _Flow:
    """Columns being filled, page after page: the first page's columns start below the title."""

    def __init__(self, first_column_height: float, column_height: float):
        self.first_column_height = first_column_height
        self.column_height = column_height
        self.column = 0
        self.used = 0.0
        self.last_after = 0.0
        self.fills: list[float] = []  # the share of each column left behind that the text fills

    @property
    def page(self) -> int:
        return self.column // COLUMNS + 1

    @property
    def capacity(self) -> float:
        return COLUMN_ALLOWANCE + (self.first_column_height if self.column < COLUMNS else self.column_height)

    @property
    def last_page_fill(self) -> float:
        """Return the share of the last page's first column the text fills; 1 when it goes on past it."""
        return self.used / self.capacity if self.column % COLUMNS == 0 else 1.0

    @property
    def room(self) -> float:
        return self.capacity - self.used

    def next_column(self) -> None:
        self.fills.append(self.used / self.capacity)
        self.column += 1
        self.used = 0.0
        self.last_after = 0.0

    def gap(self, block: Block) -> float:
        """Return the space between the last block and ``block`` (the larger of the two, as LibreOffice sets it).

        At the top of the first page's columns, which begin after the title's section break, LibreOffice leaves
        the space before a heading out; at the top of a later page it keeps it.
        """
        if self.used == 0 and self.column < COLUMNS:
            return 0.0
        return max(self.last_after, block.before)

    def place_group(self, group: list[Block]) -> None:
        """Place blocks kept together: the group moves to the next column only when its kept part does not fit
        (a heading moves when fewer than ``MIN_LINES_EACH_SIDE`` lines of what follows it fit below it).

        A paragraph within the group long enough to break keeps only its last lines with what follows, as keep-
        with-next and widow control do in Word and LibreOffice: its earlier lines may stay in this column.
        """
        breakable = [index for index, block in enumerate(group[:-1])
                     if block.splittable and block.lines >= 2 * MIN_LINES_EACH_SIDE]
        if breakable:
            index = breakable[-1]
            paragraph = group[index]
            self.place_group([*group[:index], replace(paragraph, lines=paragraph.lines - MIN_LINES_EACH_SIDE,
                                                      after=0.0, keep_with_next=False)])
            self._place_kept([replace(paragraph, lines=MIN_LINES_EACH_SIDE, before=0.0), *group[index + 1:]])
        else:
            self._place_kept(group)

    def _place_kept(self, group: list[Block]) -> None:
        last = group[-1]
        kept_lines = min(last.lines, MIN_LINES_EACH_SIDE) if last.splittable else last.lines
        needed = self.gap(group[0]) + sum(b.height + max(b.after, after.before) for b, after in zip(group, group[1:]))
        needed += last.line * kept_lines
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
            placed = 0
            if block.splittable and fits >= MIN_LINES_EACH_SIDE and lines_left - fits >= MIN_LINES_EACH_SIDE:
                placed = fits
            elif block.splittable and self.used == 0:
                placed = max(fits, 1)  # a paragraph taller than a column breaks where it must
            if placed:
                lines_left -= placed
                self.used += gap + block.line * placed
            self.next_column()
            gap = 0.0


def fit_briefing(plan: BriefingPlan, fonts: tuple[str, str],
                 page: PrintedPage = BUILTIN_PAGE) -> tuple[BriefingPlan, Fit]:
    """Return the briefing as it best fits the printed ``page``, and how it fits.

    When its parts overfill one page, the chart of the main themes shows fewer bars (the list beside it still
    names every theme with its count), as many as still let the parts fit one page; if none does, the full chart
    stays and the parts flow on to a second page. When they would need a third, the chart shows as many bars as
    keep them to two pages; if none does, the tables are set compactly (``COMPACT_TABLES``), with as many bars
    as then keep them to two; if that does not either, the full chart and the regular tables stay and the author
    is told which parts to shorten. A second page that would hold only a few lines (``MIN_LAST_PAGE_FILL``) is
    saved the same way, by compact tables, when they keep the parts to one page.
    """
    best, fit = _with_fewest_bars(plan, fonts, TABLES, page)
    if fit.pages > MAX_PAGES or (fit.pages > 1 and fit.last_page_fill < MIN_LAST_PAGE_FILL):
        compact, compact_fit = _with_fewest_bars(plan, fonts, COMPACT_TABLES, page)
        if compact_fit.pages < fit.pages and compact_fit.pages <= MAX_PAGES:
            return compact, compact_fit
    return best, fit


def _with_fewest_bars(plan: BriefingPlan, fonts: tuple[str, str], tables: TableSetting,
                      page: PrintedPage) -> tuple[BriefingPlan, Fit]:
    """Return the plan with the chart of the most bars that gives the least shortfall, and its fit."""
    best, fit = plan, fit_parts(plan.sections, plan.title, plan.subtitle, fonts, tables, page)
    for chart in plan.smaller_charts:
        if _shortfall(fit) == (1, False):
            break
        smaller = plan.with_chart(chart)
        smaller_fit = fit_parts(smaller.sections, smaller.title, smaller.subtitle, fonts, tables, page)
        if _shortfall(smaller_fit) < _shortfall(fit):
            best, fit = smaller, smaller_fit
    return best, fit


def _shortfall(fit: Fit) -> tuple[int, bool]:
    """Return what is wrong with a fit, least first: its pages, then whether it leaves a column loose."""
    return fit.pages, bool(fit.loose_columns)


def fit_parts(sections: tuple[SectionPlan, ...], title: str, subtitle: str,
              fonts: tuple[str, str], tables: TableSetting = TABLES, page: PrintedPage = BUILTIN_PAGE) -> Fit:
    """Return how the parts fit ``page``, their tables set as ``tables`` says: on how many pages, and past two,
    which parts to shorten.

    Short lists are kept whole unless that needs more pages than letting them break (three items each side).
    """
    whole = _fit_parts(sections, title, subtitle, fonts, True, tables, page)
    if _shortfall(whole) == (1, False):
        return whole
    broken = _fit_parts(sections, title, subtitle, fonts, False, tables, page)
    return broken if _shortfall(broken) < _shortfall(whole) else whole


def _fit_parts(sections: tuple[SectionPlan, ...], title: str, subtitle: str, fonts: tuple[str, str],
               whole_lists: bool, tables: TableSetting, page: PrintedPage) -> Fit:
    heading_font, body_font = fonts
    parts = [part_blocks(section, heading_font, body_font, whole_lists, tables, page) for section in sections]
    column = page.body_height_points
    first_column = column - title_height(title, subtitle, heading_font, page)
    heights = tuple(sum(b.height + max(b.before, b.after) for b in blocks) for blocks in parts)
    pages, fills, last_page_fill = _flow(parts, first_column, column)
    loose = tuple(column for column, fill in enumerate(fills, start=1) if 1 - fill > MAX_EMPTY_COLUMN_SHARE)
    to_shorten: tuple[int, ...] = ()
    if pages > MAX_PAGES:
        over = sum(heights) - MAX_PAGES * COLUMNS * column + (column - first_column) * COLUMNS
        by_height = sorted(range(len(sections)), key=lambda i: -heights[i])
        chosen, covered = [], 0.0
        for index in by_height:
            chosen.append(sections[index].number)
            covered += heights[index]
            if covered >= over:
                break
        to_shorten = tuple(chosen)
    return Fit(pages, to_shorten, loose, heights, whole_lists, tables, last_page_fill, page)


def _flow(parts: list[list[Block]], first_column: float,
          column: float = BODY_HEIGHT) -> tuple[int, list[float], float]:
    """Return the number of pages the parts fill, flowed one after another down the columns, the share of each
    column before the last that the text fills (a part goes on in the next column wherever its blocks allow), and
    the share of the last page's first column it fills."""
    flow = _Flow(first_column, column)
    for blocks in parts:
        group: list[Block] = []
        for block in blocks:
            group.append(block)
            if not block.keep_with_next:
                flow.place_group(group)
                group = []
        if group:
            flow.place_group(group)
    return flow.page, flow.fills, flow.last_page_fill
