"""How each built-in slide kind is drawn: one function per kind, registered with :func:`generator.slide_kinds.draws`.

The kinds are declared in :mod:`generator.slide_kinds` (their layouts, body,
cover); the plan (:mod:`.plan`) makes their specifications; the writer
(:mod:`.writer`) gives these functions its slides, text fitting and footnotes.
Importing this module registers the drawings (the writer does).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .. import text_fit
from ..charts import MIN_LABEL_SIZE, ChartSpec
from ..problems import shorten
from ..slide_kinds import draws
from ..wording import counts_text
from . import body_text, charts
from .body_text import BODY_FIT, FitRange
from .layouts import COLUMN_GAP, Box, drop_body
from .plan import Para, SlideSpec

if TYPE_CHECKING:
    from .writer import DeckWriter

SUBTITLE_FIT = FitRange(28, 14)
# Breakdown lines are set at 0.9 of a figure's size, so the smallest keeps them at 12 pt or more.
FIGURE_FIT = FitRange(24, 14)
THEMES_TEXT_SHARE = 0.45  # of the width, beside the themes chart
# Shares of a scene slide's width: a big-number panel 3, a column chart one per band (4 to 6), a bar chart 4
# and one more for every 10 characters of its longest label (up to 30 characters; longer labels wrap).
PANEL_WEIGHT = 3.0
MIN_COLUMN_WEIGHT = 4
MAX_COLUMN_WEIGHT = 6
LONG_LABEL = 30
LABEL_CHARACTERS_PER_WEIGHT = 10
COLUMN_LABEL_SHARE = 0.9  # of a column's slot a label's longest word may take before the chart turns to bars
THEMES_CHART_FONT_SIZE = 12.0  # long theme names: a little smaller than other charts' 14 pt, still over 10 pt
BIG_NUMBER_SCALE = 3.0


@draws("title")
def draw_title(writer: DeckWriter, spec: SlideSpec) -> None:
    """A cover: the event's title, its date and hosts, and the logo."""
    _draw_cover(writer, spec, "title")


@draws("closing")
def draw_closing(writer: DeckWriter, spec: SlideSpec) -> None:
    """The last slide: thanks and contacts, and the logo."""
    _draw_cover(writer, spec, "closing")


def _draw_cover(writer: DeckWriter, spec: SlideSpec, kind: str) -> None:
    slide = writer.new_slide(kind, spec.title, spec.notes)
    writer.fill_placeholder(slide, spec.title, [Para(line, bullet=False) for line in spec.subtitle], SUBTITLE_FIT)
    if writer.logo:
        writer.add_logo(slide)


@draws("section")
def draw_section(writer: DeckWriter, spec: SlideSpec) -> None:
    """A divider between the deck's parts: a title and a line saying what comes."""
    slide = writer.new_slide("section", spec.title, spec.notes)
    writer.fill_placeholder(slide, spec.title, [Para(line, bullet=False) for line in spec.subtitle], SUBTITLE_FIT)


@draws("content")
def draw_content(writer: DeckWriter, spec: SlideSpec) -> None:
    """Text and bullets, continued over more slides when they cannot fit one."""
    writer.draw_text_slide(spec, "content")


@draws("figures")
def draw_figures(writer: DeckWriter, spec: SlideSpec) -> None:
    """Headline figures side by side, each with its label and breakdown, all at one size."""
    slide = writer.new_slide("figures", spec.title, spec.notes)
    drop_body(slide)
    area = writer.content_area(slide)
    area = writer.footnotes(slide, area, spec.footnotes)
    panels = []
    for figure, column in zip(spec.figures, area.columns(len(spec.figures), COLUMN_GAP)):
        paras = [Para(figure.number, bullet=False, bold=True, scale=BIG_NUMBER_SCALE),
                 Para(figure.label, bullet=False, bold=True, scale=1.1)]
        paras += [Para(line, bullet=False, scale=0.9) for line in figure.lines]
        panels.append((column, paras))
    _write_panels(writer, slide, spec.title, panels)


def _write_panels(writer: DeckWriter, slide, title: str, panels: list[tuple[Box, list[Para]]]) -> None:
    """Write side-by-side text panels at the one size the fullest needs, so their numbers match."""
    sizes = [body_text.best_size(paras, box.width, box.height, FIGURE_FIT, writer.body_font) for box, paras in panels]
    if any(size is None for size in sizes):
        writer.warnings.append(f"the figures on '{shorten(title)}' (slide {len(writer.prs.slides)}) do not fit "
                               f"even at {FIGURE_FIT.smallest:g} pt and may overflow; shorten their labels")
    size = min((s for s in sizes if s is not None), default=FIGURE_FIT.smallest)
    if any(s is None for s in sizes):
        size = FIGURE_FIT.smallest
    for box, paras in panels:
        writer.write_box(slide, None, box, paras, size)


def says_something(chart: ChartSpec) -> bool:
    """Return whether a chart compares at least two things: one non-zero bar (or none) says nothing a
    sentence cannot."""
    return sum(1 for value in chart.values if value) >= 2


def fact_paras(chart: ChartSpec) -> list[Para]:
    """Return a chart that says nothing as one plain sentence, at the slide's body size: 'Gender: all 12 Female.',
    'Reviews by area: Bro Morgannwg 1, Cardiff 0.' (a big number beside the other charts' titles would shout)."""
    return [Para(fact_sentence(chart), bullet=False)]


def fact_sentence(chart: ChartSpec) -> str:
    """Return what a chart of one category (or none) says, as a sentence with its note in brackets."""
    shown = [(category, value) for category, value in zip(chart.categories, chart.values) if value]
    if len(shown) == 1 and len(chart.categories) == 1 and shown[0][1] > 1:
        said = f"all {shown[0][1]} {shown[0][0]}"
    elif shown or not chart.note:  # with a note and no count, every category was hidden, which the note says
        said = counts_text(chart.categories, chart.values) if chart.categories else "none recorded"
    else:
        said = ""
    note = f"({chart.note})" if chart.note else ""
    return f"{chart.title}: {' '.join(filter(None, [said, note]))}."


@draws("charts")
def draw_charts(writer: DeckWriter, spec: SlideSpec) -> None:
    """Native charts side by side; a chart of one category becomes a big number; footnotes under them."""
    slide = writer.new_slide("charts", spec.title, spec.notes)
    drop_body(slide)
    area, notes_box, notes_size = writer.footnote_area(writer.content_area(slide), spec.footnotes)
    panels = []
    for chart, column in zip(spec.charts, area.columns(len(spec.charts), COLUMN_GAP, _chart_weights(spec.charts))):
        if says_something(chart):
            drawn = _bars_if_labels_are_long(writer, chart, column)
            _chart_with_note(writer, slide, drawn, column, _chart_font_size(drawn, column))
        else:
            panels.append((column, fact_paras(chart)))
    _write_panels(writer, slide, spec.title, panels)
    if notes_box is not None:
        writer.write_box(slide, None, notes_box, [Para(line, bullet=False) for line in spec.footnotes], notes_size)


@draws("themes")
def draw_themes(writer: DeckWriter, spec: SlideSpec) -> None:
    """A type's main themes with the chart of the counted ones beside them. A list that continues is split
    evenly; the chart is drawn once, on the first slide, and the slides after it give the list the whole
    width (at a size of their own, in two columns when that sets short themes clearly larger). The footnotes
    (which themes are not counted) stand at the foot of every slide."""
    chart = next((c for c in spec.charts if says_something(c)), None)
    if chart is None:
        writer.draw_text_slide(spec, "themes")
        return
    slide = writer.new_slide("themes", spec.title, spec.notes)
    drop_body(slide)
    content = writer.content_area(slide)
    area = writer.footnote_area(content, spec.footnotes)[0]
    text_box, chart_box = area.split(THEMES_TEXT_SHARE, COLUMN_GAP)
    pages = writer.pages(spec.title, spec.body, text_box, BODY_FIT, later=area)
    # Beside the chart the list is narrow, so it does not decide the deck's body size.
    writer.body(slide, None, text_box, pages[0].paras, pages[0].size, sets_deck_size=False)
    _chart_with_note(writer, slide, chart, chart_box, THEMES_CHART_FONT_SIZE)
    writer.footnotes(slide, content, spec.footnotes)
    for page in pages[1:]:
        slide = writer.new_slide("themes", spec.title, spec.notes, continued=True)
        drop_body(slide)
        if not writer.try_two_columns(slide, None, area, page.paras, sets_deck_size=False):
            writer.body(slide, None, area, page.paras, page.size, sets_deck_size=False)
        writer.footnotes(slide, content, spec.footnotes)


def _chart_weights(specs: list[ChartSpec]) -> list[float]:
    """Return each chart's share of the slide's width: bars with long labels need room for them beside the bars,
    columns need room for each band, and a big-number panel needs little."""
    weights: list[float] = []
    for chart in specs:
        if not says_something(chart):
            weights.append(PANEL_WEIGHT)
        elif chart.kind == "column":
            weights.append(min(max(MIN_COLUMN_WEIGHT, len(chart.categories)), MAX_COLUMN_WEIGHT))
        else:
            weights.append(4 + min(chart.longest_label, LONG_LABEL) / LABEL_CHARACTERS_PER_WEIGHT)
    return weights


def _chart_font_size(chart: ChartSpec, box: Box) -> float:
    """Return the size for a chart's text at which every bar's label has a line of its own (none is skipped),
    never under the smallest chart text."""
    if chart.kind != "bar" or not chart.categories:
        return charts.CHART_FONT_SIZE
    # The title and the plot's margins take about a quarter of the height; each label wants 1.5 lines.
    room = box.height / body_text.EMU_PER_PT * 0.75 / (len(chart.categories) * 1.5)
    return max(MIN_LABEL_SIZE, min(charts.CHART_FONT_SIZE, float(int(room))))


def _bars_if_labels_are_long(writer: DeckWriter, chart: ChartSpec, box: Box) -> ChartSpec:
    """Return a column chart as horizontal bars when a label is wider than its column (it would be rotated or
    wrapped into pieces); bars give every label a line of its own. One rule for the deck: categories once drawn
    as bars are bars on every slide (the perpetrators' age bands as the victims'), so like reads like."""
    if chart.kind != "column" or not chart.categories:
        return chart
    if chart.categories in writer.bar_categories:
        return replace(chart, kind="bar")
    slot = box.width / body_text.EMU_PER_PT / len(chart.categories) * COLUMN_LABEL_SHARE
    font = text_fit.face(False, writer.body_font)
    widest_word = max(font.width(word, charts.CHART_FONT_SIZE) for label in chart.categories for word in label.split())
    widest = max(font.width(label, charts.CHART_FONT_SIZE) for label in chart.categories)
    # A label may wrap onto two lines under its column, not more, and no word may be cut.
    if widest_word > slot or widest > 2 * slot:
        writer.bar_categories.add(chart.categories)
        return replace(chart, kind="bar")
    return chart


def _chart_with_note(writer: DeckWriter, slide, chart: ChartSpec, box: Box, font_size: float) -> None:
    """Draw a chart in ``box``, with its note (what it leaves out, and why) as a line under it."""
    charted, note_box, note_size = writer.footnote_area(box, [chart.note] if chart.note else [])
    charts.add_chart(slide, chart, charted, font_size=font_size)
    if note_box is not None:
        writer.write_box(slide, None, note_box, [Para(chart.note, bullet=False)], note_size)
