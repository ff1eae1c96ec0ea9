"""How each built-in slide kind is drawn: one function per kind, registered with :func:`generator.slide_kinds.draws`.

The kinds are declared in :mod:`generator.slide_kinds` (their layouts, body,
cover); the plan (:mod:`.plan`) makes their specifications; the writer
(:mod:`.writer`) gives these functions its slides, text fitting and footnotes.
Importing this module registers the drawings (the writer does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..charts import MIN_LABEL_SIZE, ChartSpec
from ..i18n import _
from ..ooxml import EMU_PER_POINT
from ..problems import shorten
from ..slide_kinds import draws
from ..wording import counts_text
from . import body_text, chart_layout, charts
from .body_text import BODY_FIT, FitRange
from .layouts import COLUMN_GAP, Box, drop_body
from .chart_layout import says_something
from .slides import Para, SlideSpec, charts_notes

if TYPE_CHECKING:
    from .writer import DeckWriter

SUBTITLE_FIT = FitRange(28, 14)
# Breakdown lines are set at 0.9 of a figure's size, so the smallest keeps them at 12 pt or more.
FIGURE_FIT = FitRange(24, 14)
THEMES_TEXT_SHARE = 0.45  # of the width, beside the themes chart
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


def fact_paras(chart: ChartSpec) -> list[Para]:
    """Return a chart that says nothing as its heading (its title) and one plain sentence: 'Gender' and 'All 12
    Female.', 'Reviews by area' and 'Bro Morgannwg 1, Cardiff 0.' (a big number beside the other charts' titles
    would shout)."""
    return [Para(chart.title, bullet=False, bold=True), Para(fact_sentence(chart), bullet=False)]


def fact_sentence(chart: ChartSpec) -> str:
    """Return what a chart of one category (or none) says, as a sentence with its note in brackets."""
    shown = [(category, value) for category, value in zip(chart.categories, chart.values) if value]
    if len(shown) == 1 and len(chart.categories) == 1 and shown[0][1] > 1:
        # TRANSLATORS: a chart of one category, said as a sentence: "All 12 Female."
        said = _("all {count} {category}", count=shown[0][1], category=shown[0][0])
    elif shown or not chart.note:  # with a note and no count, every category was hidden, which the note says
        said = counts_text(chart.categories, chart.values) if chart.categories else _("none recorded")
    else:
        said = ""
    sentence = " ".join(filter(None, [said, f"({chart.note})" if chart.note else ""]))
    return f"{sentence[:1].upper()}{sentence[1:]}."


@draws("charts")
def draw_charts(writer: DeckWriter, spec: SlideSpec) -> None:
    """Native charts side by side, laid out from their measured labels over as few slides as give each the room
    it needs, dealt evenly (:mod:`.chart_layout`); a chart that says nothing is said as a sentence under its
    heading; the footnotes at the foot of every slide, and each slide's notes give the alt text of its charts."""
    slide = writer.new_slide("charts", spec.title, spec.notes)
    area, notes_box, notes_size = writer.footnote_area(writer.content_area(slide), spec.footnotes)
    laid_out = chart_layout.chart_slides(spec.charts, area, COLUMN_GAP, writer.body_font, writer.chart_room,
                                         fact_sentence)
    for title in laid_out.crowded:
        _warn_crowded(writer, title, spec.title)
    for number, placed in enumerate(laid_out.slides):
        if number:
            slide = writer.new_slide("charts", spec.title, "")
        writer.set_notes(slide, charts_notes(spec, [chart.chart for chart in placed]))
        drop_body(slide)
        for chart in placed:
            if chart.label_size:
                _chart_with_note(writer, slide, chart.chart, chart.box, chart.label_size)
            else:
                _said_as_a_sentence(writer, slide, spec.title, chart.chart, chart.box)
        if notes_box is not None:
            writer.write_box(slide, None, notes_box, [Para(line, bullet=False) for line in spec.footnotes],
                             notes_size)


def _said_as_a_sentence(writer: DeckWriter, slide, title: str, chart: ChartSpec, box: Box) -> None:
    """Write a chart that says nothing in its column: its heading at the charts' title size, and its sentence
    under it at the body size (set no larger than the deck's one body size)."""
    heading, sentence = fact_paras(chart)
    heading_height = int(body_text.paragraphs_height([heading], box.width, chart_layout.CHART_TITLE_SIZE,
                                                     writer.body_font) * EMU_PER_POINT) + 1
    writer.write_box(slide, None, Box(box.left, box.top, box.width, heading_height), [heading],
                     chart_layout.CHART_TITLE_SIZE)
    below = Box(box.left, box.top + heading_height, box.width, box.height - heading_height)
    size = writer.fit_or_smallest([sentence], below, BODY_FIT, title)
    writer.body(slide, None, below, [sentence], size, sets_deck_size=False)


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
    room = writer.chart_room(chart_box, chart)
    size = chart_layout.bar_label_size(chart, room, writer.body_font, chart_layout.THEMES_LABEL_SIZES)
    if size is None and chart_layout.labels_touch(chart, room, writer.body_font, MIN_LABEL_SIZE):
        _warn_crowded(writer, chart.title, spec.title)
    _chart_with_note(writer, slide, chart, chart_box, size or MIN_LABEL_SIZE)
    writer.footnotes(slide, content, spec.footnotes)
    for page in pages[1:]:
        slide = writer.new_slide("themes", spec.title, spec.notes, continued=True)
        drop_body(slide)
        if not writer.try_two_columns(slide, None, area, page.paras, sets_deck_size=False):
            writer.body(slide, None, area, page.paras, page.size, sets_deck_size=False)
        writer.footnotes(slide, content, spec.footnotes)


def _warn_crowded(writer: DeckWriter, chart_title: str, slide_title: str) -> None:
    """Warn that a chart's labels, at the smallest size and with all the room a slide gives, may overlap."""
    writer.warnings.append(f"the chart '{shorten(chart_title)}' on '{shorten(slide_title)}' has too many labels to "
                           f"give each a line at {MIN_LABEL_SIZE:g} pt, so they may overlap; shorten its labels or "
                           "group its categories")


def _chart_with_note(writer: DeckWriter, slide, chart: ChartSpec, box: Box, font_size: float) -> None:
    """Draw a chart in ``box`` with its labels at ``font_size``, with its note (what it leaves out, and why) as a
    line under it."""
    charted, note_box, note_size = writer.footnote_area(box, [chart.note] if chart.note else [])
    charts.add_chart(slide, chart, charted, font_size, chart_layout.CHART_TITLE_SIZE, writer.body_font)
    if note_box is not None:
        writer.write_box(slide, None, note_box, [Para(chart.note, bullet=False)], note_size)
