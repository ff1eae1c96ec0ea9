"""The printed briefing's page, type scale and spacing, defined once for the Word builder and the fit measure.

A4 with 1.5 cm margins and two columns under the title. The type scale is
chosen for print: 10 pt body (the smallest comfortable reading size on paper),
9 pt tables and chart labels (the least that stays legible), 12.5 pt part
headings and a 20 pt title, on a 1.08 line pitch. The spacing figures after
``LINE_SPACING`` were measured on LibreOffice's rendering of the built-in look.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..charts import ChartSpec
from ..ooxml import EMU_PER_POINT

EMU_PER_CM = 360_000  # Office's unit, as python-docx's Cm counts it (here without importing python-docx)


def Cm(centimetres: float) -> int:  # noqa: N802 - named as python-docx's, which these lengths were written with
    """Return a length in centimetres in EMU, as python-docx's ``Cm`` gives it."""
    return int(centimetres * EMU_PER_CM)


PAGE_WIDTH, PAGE_HEIGHT = Cm(21), Cm(29.7)  # A4
PAGE_MARGIN = Cm(1.5)
HEADER_FOOTER_DISTANCE = Cm(0.7)
COLUMNS = 2
COLUMN_GAP = Cm(0.8)
COLUMN_WIDTH = int((PAGE_WIDTH - 2 * PAGE_MARGIN - COLUMN_GAP) / COLUMNS)
LINE_SPACING = 1.08


@dataclass(frozen=True)
class TextStyle:
    """A paragraph role's size, weight and spacing before and after, in points, and its line spacing."""

    size: float
    bold: bool = False
    before: float = 0.0
    after: float = 0.0
    line_spacing: float = LINE_SPACING  # lines are this many times the font's own line height apart

    def bold_version(self) -> TextStyle:
        return replace(self, bold=True)


TITLE = TextStyle(20, bold=True, after=2)
SUBTITLE = TextStyle(11, after=6)
HEADING = TextStyle(12.5, bold=True, before=7, after=2)
BODY = TextStyle(10, after=3)
BULLET = TextStyle(10, after=1)
FOOTER_SIZE = 8.5


@dataclass(frozen=True)
class TypeScale:
    """How the briefing's paragraph roles are set: the built-in look's sizes, or a template's styles' own."""

    title: TextStyle
    subtitle: TextStyle
    heading: TextStyle
    body: TextStyle
    bullet: TextStyle


BUILTIN_TYPE_SCALE = TypeScale(TITLE, SUBTITLE, HEADING, BODY, BULLET)


@dataclass(frozen=True)
class PrintedPage:
    """The page a briefing is printed on, as its document sets it: its size and margins, in EMU, and the type
    scale of its styles (the built-in A4 page and look, or a comms team's template's own, such as US Letter with
    1-inch margins and 11 pt text). The columns' gap and number are the briefing's."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    type_scale: TypeScale

    @property
    def full_width(self) -> int:
        """The width between the side margins, in EMU (the title's and the header's line)."""
        return self.width - self.left - self.right

    @property
    def column_width(self) -> int:
        """One column's width, in EMU (a chart's width)."""
        return int((self.full_width - COLUMN_GAP) / COLUMNS)

    # The measures in points are worked out from the points of each length, as the fit has always measured the
    # built-in page: the same sums give the same figures, and so the same briefings.
    @property
    def full_width_points(self) -> float:
        return self.width / EMU_PER_POINT - (self.left / EMU_PER_POINT + self.right / EMU_PER_POINT)

    @property
    def column_width_points(self) -> float:
        return (self.full_width_points - COLUMN_GAP / EMU_PER_POINT) / COLUMNS

    @property
    def body_height_points(self) -> float:
        """The height between the top and bottom margins, in points."""
        return self.height / EMU_PER_POINT - (self.top / EMU_PER_POINT + self.bottom / EMU_PER_POINT)


BUILTIN_PAGE = PrintedPage(PAGE_WIDTH, PAGE_HEIGHT, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN,
                           BUILTIN_TYPE_SCALE)


@dataclass(frozen=True)
class Rule:
    """A paragraph's bottom border: its width and its gap from the text, in points."""

    width: float
    gap: float

    @property
    def height(self) -> float:
        return self.width + self.gap


TITLE_RULE = Rule(1.5, 4)  # under the subtitle
CHART_LABEL_SIZE = 9.0  # legible in print

BULLET_INDENT = 18.0  # points: List Bullet's hanging indent


@dataclass(frozen=True)
class TableSetting:
    """How the figures tables are set, in points: their text size, the margin either side of a cell's text, the
    header row and each further row of one line as LibreOffice draws them, the gap under the caption, and the
    thin paragraph after a table."""

    text_size: float
    cell_margin: float
    header_row: float
    row: float
    caption_gap: float
    trailer: float


# Table Grid's margins (0.19 cm), rows measured on LibreOffice's rendering of the built-in look.
TABLES = TableSetting(text_size=9.0, cell_margin=5.4, header_row=12.5, row=12.4, caption_gap=3.0, trailer=6.0)
# When a briefing would need a third page even with fewer themes charted: one size down (the footer's), half the
# cells' margins, no gap under a caption and half the space after a table; rows measured as for ``TABLES``.
COMPACT_TABLES = TableSetting(text_size=FOOTER_SIZE, cell_margin=2.7, header_row=11.8, row=11.8, caption_gap=0.0,
                              trailer=3.0)
# A figures table's width inside the 8.6 cm column, and the least its number column is given. The columns' widths
# are worked out from the table's text (fit.py).
FIGURE_TABLE_WIDTH = int(Cm(8.2))
NUMBER_COLUMN_MIN = int(Cm(3.0))
CHART_NOTE_GAP = 3.0


def chart_height(spec: ChartSpec) -> int:
    """Return a chart's height in EMU: a bar chart grows with its bars so each label keeps its line."""
    return int(Cm(1.4 + 0.62 * len(spec.values)) if spec.kind == "bar" else Cm(5))
