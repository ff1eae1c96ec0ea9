"""Draw a :class:`~generator.charts.ChartSpec` as a picture with matplotlib: a PNG or an SVG of a given size.

This is the only module that imports matplotlib, and only the pictures
builder imports it, when a picture is drawn: importing matplotlib costs more
than a whole build, so a build without pictures never pays for it.

The picture shows what the chart does and nothing more: its title, its
categories in its order, each bar's value printed at its end, and its note
(which categories were left out, and why). The value axis is not drawn (the
values are printed), as in the deck's and the briefings' charts. Every text is
drawn as text (``svg.fonttype: none``): an SVG's labels and values can be read,
searched and checked. Each text carries an id (``title``, ``category-0``,
``value-0``..., ``note``), so a reader of the SVG can tell them apart.
"""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from dataclasses import dataclass
from functools import lru_cache

import matplotlib
from lxml import etree
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from ..charts import ChartSpec
from ..output.hiding_record import png_text, svg_recorded
from ..text_fit import METRIC_COMPATIBLE

# A theme's font that is not installed is expected (its stand-in, or DejaVu Sans, draws the text): matplotlib's
# warning each time it looks for it would only alarm the user.
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
_TEXT_TO_PATH = TextToPath()

POINTS_PER_INCH = 72.0
FALLBACK_FONT = "DejaVu Sans"  # ships with matplotlib, so a picture always has a font
TITLE_SCALE = 1.2  # the title's size, of the labels'
NOTE_SCALE = 0.9  # the note's size, of the labels'
LINE_PITCH = 1.2  # of the font size: from one line of a wrapped text to the next
MARGIN = 0.8  # of the label size: clear around the picture's edge
LABEL_GAP = 0.5  # of the label size: between a category's label and its bar, and a bar and its value
SLOT_GAP = 0.6  # of the label size: between one bar's label and the next
BAR_SHARE = 0.7  # of a category's slot: the bar (or column) itself
FEW_BARS_SHARE = {1: 0.35, 2: 0.5}  # one or two bars as wide as that would fill the chart like a block
LABEL_SHARE = 0.45  # of the width: the most a bar chart's label column takes
COLUMN_HEIGHT_SHARE = 0.45  # of the width: a column chart's columns at their tallest, when the picture's height is free
MAX_COLUMN_LABEL_LINES = 2  # a column chart whose labels need more lines under their columns is drawn as bars
SMALLEST_LABEL = 6.0  # points: a picture of fixed size never sets its labels smaller
SIZE_STEP = 0.5  # points: a picture of fixed size tries its label sizes this far apart
BALANCE_STEP = 0.5  # of the label size: a wrapped label's lines are evened out by narrowing its width this much


@dataclass(frozen=True)
class PictureStyle:
    """The theme's look on white paper: the font families asked for (the title's, when it differs from the
    rest's), and the colours (hex, without '#')."""

    font: str
    text: str
    heading: str
    bar: str
    heading_font: str = ""


@dataclass(frozen=True)
class Canvas:
    """A picture's size: ``width`` and ``height`` in points (height 0: as tall as the chart needs), at ``dpi``
    pixels an inch, with labels at ``label_size`` points (the most, for a picture of fixed height)."""

    width: float
    height: float
    dpi: int
    label_size: float


def font_families(wanted: str) -> tuple[str, ...]:
    """Return the families a picture's text is set in, first found first: the theme's font, its metric-compatible
    stand-in (Carlito for Calibri), then matplotlib's own DejaVu Sans, which is always there. An SVG names them all,
    so a reader who has the theme's font sees it."""
    # The name goes into the SVG's style attributes: only the characters fonts' names use, so that no theme's
    # font can end the font-family and add a style of its own (a url() to fetch, say).
    name = "".join(character for character in wanted if character.isalnum() or character in " -_").strip()
    stand_in = METRIC_COMPATIBLE.get(name.lower(), "")
    return tuple(dict.fromkeys(family for family in (name, stand_in, FALLBACK_FONT) if family))


@lru_cache(maxsize=4096)
def _measure(text: str, size: float, family: tuple[str, ...], bold: bool = False) -> float:
    """Return the width of ``text`` in points, as matplotlib draws it."""
    prop = FontProperties(family=list(family), size=size, weight="bold" if bold else "normal")
    width, _, _ = _TEXT_TO_PATH.get_text_width_height_descent(text, prop, ismath=False)
    return float(width)


def wrap(text: str, width: float, size: float, family: tuple[str, ...], bold: bool = False) -> list[str]:
    """Return ``text`` broken at spaces into lines no wider than ``width`` points (a word wider than that keeps a
    line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and _measure(f"{lines[-1]} {word}", size, family, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def balanced(text: str, width: float, size: float, family: tuple[str, ...]) -> list[str]:
    """Return ``text`` wrapped as :func:`wrap` does, in as few lines, made as even as they can be (no word left
    alone on the last line: 'Trauma / Traumatic' and 'Event (s)', not 'Trauma / Traumatic Event' and '(s)')."""
    lines = wrap(text, width, size, family)
    narrower = width - BALANCE_STEP * size
    while len(lines) > 1 and narrower > 0 and len(even := wrap(text, narrower, size, family)) == len(lines):
        lines, narrower = even, narrower - BALANCE_STEP * size
    return lines


@dataclass(frozen=True)
class _Layout:
    """Where the parts of one picture go, in points: the title's and note's lines, the plot's box and the
    categories' wrapped labels."""

    kind: str
    size: float
    height: float
    title: list[str]
    note: list[str]
    labels: list[list[str]]
    plot_left: float
    plot_bottom: float
    plot_width: float
    plot_height: float


def _layout(spec: ChartSpec, canvas: Canvas, family: tuple[str, ...], title_family: tuple[str, ...],
            size: float) -> _Layout:
    """Return the layout of ``spec`` with labels at ``size``; its height is the canvas's, or what it needs."""
    margin = MARGIN * size
    inner = canvas.width - 2 * margin
    title_size = size * TITLE_SCALE
    title = wrap(spec.title, inner, title_size, title_family, bold=True)
    note = wrap(spec.note, inner, size * NOTE_SCALE, family) if spec.note else []
    top = margin + len(title) * LINE_PITCH * title_size + size  # the plot begins a line under the title
    bottom = margin + (len(note) * LINE_PITCH * size * NOTE_SCALE + size if note else 0.0)
    value_room = _measure(str(max(spec.values, default=0)), size, family) + LABEL_GAP * size
    count = max(len(spec.categories), 1)
    kind = spec.kind
    if kind == "column":
        slot = inner / count - LABEL_GAP * size  # a label may be as wide as its column's slot, less a gap
        labels = [balanced(label, slot, size, family) for label in spec.categories]
        if max((len(lines) for lines in labels), default=1) > MAX_COLUMN_LABEL_LINES:
            kind = "bar"
    if kind == "column":
        under = max((len(lines) for lines in labels), default=1) * LINE_PITCH * size + LABEL_GAP * size
        above = LINE_PITCH * size  # the tallest column's value
        columns = canvas.height - top - bottom - under - above if canvas.height else inner * COLUMN_HEIGHT_SHARE
        height = canvas.height or top + above + columns + under + bottom
        return _Layout("column", size, height, title, note, labels, margin, bottom + under, inner, columns)
    widest = max((_measure(label, size, family) for label in spec.categories), default=0.0)
    label_width = min(widest, inner * LABEL_SHARE)
    labels = [balanced(label, label_width, size, family) for label in spec.categories]
    label_width = max((_measure(line, size, family) for lines in labels for line in lines), default=0.0)
    slot = max((len(lines) for lines in labels), default=1) * LINE_PITCH * size + SLOT_GAP * size
    plot_height = canvas.height - top - bottom if canvas.height else count * slot
    height = canvas.height or top + plot_height + bottom
    left = margin + label_width + LABEL_GAP * size
    return _Layout("bar", size, height, title, note, labels, left, bottom,
                   canvas.width - margin - left - value_room, plot_height)


def _fits(layout: _Layout, spec: ChartSpec) -> bool:
    """Return whether a layout of fixed height gives each category the room its label needs."""
    lines = max((len(each) for each in layout.labels), default=1)
    if layout.kind == "bar":
        return layout.plot_height >= len(spec.categories) * (lines * LINE_PITCH + SLOT_GAP) * layout.size
    return layout.plot_height >= 2 * layout.size


def layout_for(spec: ChartSpec, canvas: Canvas, family: tuple[str, ...], title_family: tuple[str, ...]) -> _Layout:
    """Return the layout of ``spec`` on ``canvas``: at its label size, or for a canvas of fixed height the
    largest size (down to :data:`SMALLEST_LABEL`) at which every label has its room."""
    size = canvas.label_size
    layout = _layout(spec, canvas, family, title_family, size)
    while canvas.height and not _fits(layout, spec) and size - SIZE_STEP >= SMALLEST_LABEL:
        size -= SIZE_STEP
        layout = _layout(spec, canvas, family, title_family, size)
    return layout


def draw(spec: ChartSpec, canvas: Canvas, style: PictureStyle) -> Figure:
    """Return the chart drawn on a matplotlib figure of the canvas's size (not yet saved)."""
    family = font_families(style.font)
    title_family = font_families(style.heading_font or style.font)
    layout = layout_for(spec, canvas, family, title_family)
    width, height, size = canvas.width, layout.height, layout.size
    # Whole pixels, rounded: matplotlib would cut a fraction of one off (a 1016-pixel column drawn 1015 wide).
    pixels = [round(points / POINTS_PER_INCH * canvas.dpi) for points in (width, height)]
    figure = Figure(figsize=(pixels[0] / canvas.dpi, pixels[1] / canvas.dpi), dpi=canvas.dpi, facecolor="white")
    fonts, ink = list(family), f"#{style.text}"
    margin = MARGIN * size
    figure.text(margin / width, 1 - margin / height, "\n".join(layout.title), ha="left", va="top",
                linespacing=LINE_PITCH, gid="title", family=list(title_family), color=f"#{style.heading}",
                fontsize=size * TITLE_SCALE, fontweight="bold")
    if layout.note:
        figure.text(margin / width, margin / height, "\n".join(layout.note), ha="left", va="bottom",
                    linespacing=LINE_PITCH, gid="note", family=fonts, color=ink, fontsize=size * NOTE_SCALE)
    axes = figure.add_axes((layout.plot_left / width, layout.plot_bottom / height,
                            layout.plot_width / width, layout.plot_height / height))
    axes.set_facecolor("none")
    most = max(max(spec.values, default=0), 1)
    positions = range(len(spec.categories))
    share = FEW_BARS_SHARE.get(len(spec.categories), BAR_SHARE)
    labels = ["\n".join(lines) for lines in layout.labels]
    if layout.kind == "bar":
        bars = axes.barh(positions, spec.values, height=share, color=f"#{style.bar}")
        axes.set_ylim(len(spec.categories) - 0.5, -0.5)  # the first category on top, as it is read
        axes.set_xlim(0, most)
        axes.set_yticks(list(positions), labels=labels)
        ticks = axes.get_yticklabels()
        axes.xaxis.set_visible(False)
        hidden_spines = ("top", "right", "bottom")
        axes.spines["left"].set_color(ink)
    else:
        bars = axes.bar(positions, spec.values, width=share, color=f"#{style.bar}")
        axes.set_xlim(-0.5, len(spec.categories) - 0.5)
        axes.set_ylim(0, most)
        axes.set_xticks(list(positions), labels=labels)
        ticks = axes.get_xticklabels()
        axes.yaxis.set_visible(False)
        hidden_spines = ("top", "right", "left")
        axes.spines["bottom"].set_color(ink)
    for name in hidden_spines:
        axes.spines[name].set_visible(False)
    axes.tick_params(length=0, pad=LABEL_GAP * size, labelsize=size, labelcolor=ink)
    for number, tick in enumerate(ticks):
        tick.set_fontfamily(fonts)
        tick.set_linespacing(LINE_PITCH)
        tick.set_gid(f"category-{number}")
    values = axes.bar_label(bars, labels=[str(value) for value in spec.values], padding=LABEL_GAP * size,
                            fontsize=size, color=ink, family=fonts, clip_on=False)
    for number, value in enumerate(values):
        value.set_gid(f"value-{number}")
        if layout.kind == "bar":  # level with its category's label, which sits on the same baseline
            value.set_verticalalignment("center_baseline")
    return figure


def _settings() -> contextlib.AbstractContextManager:
    """Return matplotlib's settings for reproducible pictures whose text stays text (and whose SVG ids are
    fixed), in force only while a picture is drawn and saved. A '$' in a label is a dollar, never mathematics."""
    return matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "learning-from-reviews",
                                  "font.family": [FALLBACK_FONT], "text.parse_math": False})


SVG_NAMESPACE = "http://www.w3.org/2000/svg"


@dataclass(frozen=True)
class Drawn:
    """A picture's bytes, and what matplotlib warned of as it drew them (a character no font has)."""

    data: bytes
    warnings: tuple[str, ...] = ()


def _saved(spec: ChartSpec, canvas: Canvas, style: PictureStyle, form: str, metadata: dict[str, str | None]) -> Drawn:
    with _settings(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure = draw(spec, canvas, style)
        return _figure_saved(figure, form, canvas.dpi, metadata, _said(caught))


def _figure_saved(figure: Figure, form: str, dpi: int, metadata: dict[str, str | None], drawing: tuple[str, ...]
                  ) -> Drawn:
    """Return ``figure`` saved as ``form`` with what matplotlib warned of, drawing it (``drawing``) and saving it."""
    buffer = io.BytesIO()
    with _settings(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(buffer, format=form, dpi=dpi, metadata=metadata)
    return Drawn(buffer.getvalue(), tuple(dict.fromkeys(drawing + _said(caught))))


def _said(caught: list[warnings.WarningMessage]) -> tuple[str, ...]:
    return tuple(str(warning.message) for warning in caught)


def _png_metadata(spec: ChartSpec, hidden_below: int) -> dict[str, str | None]:
    return {"Title": spec.title, "Description": spec.alt_text, "Software": None, **png_text(hidden_below)}


def _svg_metadata(spec: ChartSpec, date: str) -> dict[str, str | None]:
    return {"Title": spec.title, "Description": spec.alt_text, "Date": date, "Creator": None}


def png(spec: ChartSpec, canvas: Canvas, style: PictureStyle, hidden_below: int) -> Drawn:
    """Return the chart as a PNG, its alt text in the ``Description`` text chunk, its title in ``Title``, and the
    threshold its small numbers were hidden below (``hidden_below``, 0: none) in a chunk of its own."""
    return _saved(spec, canvas, style, "png", _png_metadata(spec, hidden_below))


def svg(spec: ChartSpec, canvas: Canvas, style: PictureStyle, date: str, hidden_below: int) -> Drawn:
    """Return the chart as SVG whose text stays text, dated ``date`` (ISO 8601) in its metadata with the
    threshold its small numbers were hidden below (``hidden_below``, 0: none), its alt text in its ``<title>``
    and ``<desc>``."""
    return _titled(spec, _saved(spec, canvas, style, "svg", _svg_metadata(spec, date)), hidden_below)


def png_and_svg(spec: ChartSpec, canvas: Canvas, style: PictureStyle, date: str, hidden_below: int
                ) -> tuple[Drawn, Drawn]:
    """Return the chart as :func:`png` on ``canvas`` and as :func:`svg` of the same size, saved from one drawing
    (the SVG at 72 dots an inch, as every SVG is): the figure is made once for both."""
    with _settings(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure = draw(spec, canvas, style)
    drawing = _said(caught)
    picture = _figure_saved(figure, "png", canvas.dpi, _png_metadata(spec, hidden_below), drawing)
    vector = _figure_saved(figure, "svg", int(POINTS_PER_INCH), _svg_metadata(spec, date), drawing)
    return picture, _titled(spec, vector, hidden_below)


def _titled(spec: ChartSpec, drawn: Drawn, hidden_below: int) -> Drawn:
    return Drawn(titled_svg(svg_recorded(drawn.data, hidden_below), spec.alt_text), drawn.warnings)


def titled_svg(data: bytes, alt_text: str) -> bytes:
    """Return an SVG with ``alt_text`` as its ``<title>`` and ``<desc>``, the root's first children, where screen
    readers and image viewers look for them (matplotlib puts its description in RDF metadata only). The title
    is what a screen reader announces first, so it states the data too, not the chart's heading alone."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    for old in root.findall(f"{{{SVG_NAMESPACE}}}title") + root.findall(f"{{{SVG_NAMESPACE}}}desc"):
        root.remove(old)
    for name in ("desc", "title"):
        element = etree.Element(f"{{{SVG_NAMESPACE}}}{name}")
        element.text = alt_text
        root.insert(0, element)
    root.set("role", "img")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
