"""Plan the deck: turn the model into an ordered list of slide specifications.

The plan knows what each slide says, not how it is drawn: the writer turns
each :class:`SlideSpec` into one slide (or several, when text has to continue).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..categories.ethnicity import find_group
from ..charts import NO_BREAK_SPACE, ChartSpec
from ..figures.tables import shown_category
from ..figures import CountTable, ReviewFigures, event_figures, total_reviews
from ..i18n import N_, _, available_in
from ..model import Bullet, EventData
from ..wording import (findings_heading, in_sentence, joined, not_found_line, people_counted, reviews_counted,
                       themes_chart, themes_not_counted)
from .kinds import with_added_kinds
from .slides import Figure, Para, SlideSpec, bullet_paras


LONG_CHART_LABEL = 30  # characters: a longer label wraps over lines beside its bar, crowding the chart
UK_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?) ([0-9][A-Z]{2})\b")
# A presenter needs a word at every slide; the questions slide's own notes are optional in the data.
QUESTIONS_NOTES = N_("Give people a few minutes to talk the questions through in pairs, then take one answer from "
                     "each table.")


def chart_labels(labels: tuple[str, ...]) -> tuple[str, ...]:
    """Return a chart's category labels (``labels`` as counted) as the version being written shows them, the ONS's
    long ethnic group labels as its standard short ones ('White: English, Welsh, Scottish, Northern Irish or
    British' as 'White British') when any label is too long to sit beside a bar on a slide; the alt text and notes
    keep the full labels."""
    shown = tuple(shown_category(label) for label in labels)
    if max((len(text) for text in shown), default=0) <= LONG_CHART_LABEL:
        return shown
    groups = [find_group(label) for label in labels]
    return tuple(shown_category(group.short) if group is not None and group.name and group.label == label else text
                 for label, text, group in zip(labels, shown, groups))


def table_chart(table: CountTable, subject: str) -> ChartSpec:
    """Return the chart of one table: horizontal bars, or columns for a few short ordered labels (age bands)."""
    labels, values = chart_labels(tuple(label for label, _count in table.shown_rows)), table.values
    columns = table.ordered or (len(labels) <= 4 and max((len(x) for x in labels), default=0) <= 12)
    kind = "column" if columns else "bar"
    coverage = f" ({table.coverage_note})" if table.coverage_note else ""
    values_text = table.as_text()
    name = in_sentence(table.shown_name)
    alt = (_("Column chart of {table} of {subject}{coverage}: {values}.", table=name, subject=subject,
             coverage=coverage, values=values_text) if columns else
           _("Bar chart of {table} of {subject}{coverage}: {values}.", table=name, subject=subject, coverage=coverage,
             values=values_text))
    return ChartSpec(kind, table.title, labels, values, alt, table.suppression_note)


def review_charts(figures: ReviewFigures) -> list[ChartSpec]:
    """Return the area chart and the demographic charts of one review type."""
    review = figures.review
    charts = [table_chart(figures.areas, review.name)] if figures.areas is not None else []
    charts.extend(table_chart(table, review.name) for table in figures.criteria_tables)
    charts.extend(table_chart(table, _("{people} in {reviews}", people=figures.people_phrase, reviews=review.name))
                  for table in figures.demographics)
    return charts


def _chart_notes(figures: ReviewFigures) -> str:
    """Return what a type's charts slides say in their notes before the charts' alt texts."""
    review = figures.review
    lines = [review.scene_notes] if review.scene_notes else []
    if review.demographics.note:
        lines.append(review.demographics.note)
    lines.extend(review.caveats)
    return "\n".join(lines)


def chart_footnotes(figures: ReviewFigures) -> list[str]:
    """Return the lines under a type's charts: who the demographic charts count (they may add up to more
    than the reviews), and the type's caveats."""
    lines = [people_counted(figures)] if figures.demographics or not figures.withheld else []
    return [*lines, *figures.not_shown, *figures.review.caveats]


def area_names(event: EventData, labels: list[str]) -> str:
    """Return the full names behind area labels ('MBC/RCBC: Middlesbrough Borough Council and Redcar &
    Cleveland Borough Council'), or '' when every label is already the full name."""
    explained = []
    for label in labels:
        members = event.groupings.get(label, [label])
        full = joined([event.areas.get(member, member) for member in members])
        if full != label:
            explained.append(f"{label}: {full}")
    return _("Areas: {areas}.", areas="; ".join(explained)) if explained else ""


def _themes_slide(figures: ReviewFigures) -> SlideSpec:
    review = figures.review
    body = [Para(findings_heading(figures), bullet=False, bold=True)]
    body.extend(Para(label) for label in figures.theme_labels)
    not_found = not_found_line(figures)
    chart = themes_chart(figures)
    listing = "; ".join(p.text for p in body[1:])
    notes = "\n".join(filter(None, [review.themes_notes, *review.caveats,
                                    _("Main themes of the {headline}: {themes}.", headline=figures.headline,
                                      themes=listing), not_found]))
    if not_found:
        body.append(Para(not_found, bullet=False, italic=True))
    return SlideSpec("themes", _("Main Themes: {reviews}", reviews=review.name), notes, body=body,
                     charts=[chart] if chart is not None else [], footnotes=uncounted_footnote(figures))


def uncounted_footnote(figures: ReviewFigures) -> list[str]:
    """Return the line saying which themes were not counted, when only some were: it stands at the foot of
    every slide of the list, so a continued slide (without the chart) still says why a theme has no number."""
    line = themes_not_counted(figures)
    return [line] if line else []


def area_breakdown(figures: ReviewFigures) -> list[str]:
    """Return the seed's breakdown lines: '10 MBC/RCBC', '13 HBC/SBC'."""
    return [f"{count} {name}" for name, count in figures.areas.display_rows] if figures.areas is not None else []


def _legal_slides(event: EventData) -> list[SlideSpec]:
    slides = []
    for review in event.review_types.values():
        for legal in review.legal_framework:
            body = []
            for block in legal.blocks:
                if block.text:
                    body.append(Para(block.text, bullet=False))
                if block.connector:
                    body.append(Para(block.connector, bullet=False, bold=True))
                if block.quote:
                    body.append(Para(block.quote, bullet=False, italic=True))
                body.extend(bullet_paras(block.bullets))
            slides.append(SlideSpec("content", _("The Legal Framework: {heading}", heading=legal.heading), legal.notes,
                                    body=body))
    return slides


def _bullet_slide(slide, kind: str = "content") -> SlideSpec:
    body = []
    if slide.intro:
        body.append(Para(slide.intro, bullet=False, bold=True))
    if slide.heading:
        body.append(Para(slide.heading, bullet=False, bold=True))
    body.extend(bullet_paras(slide.items))
    return SlideSpec(kind, slide.title, slide.notes, body=body)


def cross_over_adds_something(event: EventData) -> bool:
    """Return whether the cross-over themes slide belongs in the deck: it has items, and with one review type
    (where nothing can cross over between types) it says more than that type's own themes slide already does.

    The data must give the cross-over slide even for a partnership with one type of review; a slide of
    "themes that cross over" repeating that one type's themes would puzzle the room, but words the author
    added beyond those themes are kept.
    """
    cross = event.cross_over_themes
    if not cross.items:
        return False
    if len(event.review_types) > 1:
        return True
    themes = {theme.name.strip().casefold() for review in event.review_types.values() for theme in review.theme_list}
    return any(isinstance(item, Bullet) and item.items
               or (item.text if isinstance(item, Bullet) else item).strip().casefold() not in themes
               for item in cross.items)


def unbroken_postcodes(text: str) -> str:
    """Return ``text`` with a no-break space inside each UK postcode, so 'TS1 2AB' never splits over two lines."""
    return UK_POSTCODE.sub(rf"\1{NO_BREAK_SPACE}\2", text)


def plan_deck(event: EventData, over_time: Sequence[SlideSpec] = ()) -> list[SlideSpec]:
    """Return every slide of the deck, in order; ``over_time`` are the slides of the story over time
    (:mod:`.timeline_slides`), which come after the figures and before the themes.

    The parts are named as the data's keys name them; a slide kind added in
    :mod:`.kinds` places its slides after one of them."""
    every = list(event_figures(event, for_deck=True).values())
    return with_added_kinds(event, {
        "event": [_title_slide(event)], "aims": [_bullet_slide(event.aims)],
        "learning_reviews.are": [_bullet_slide(event.learning_reviews.are)],
        "learning_reviews.are_not": [_bullet_slide(event.learning_reviews.are_not)],
        "legal_framework": _legal_section(event), "scene": _scene_section(event, every), "timeline": over_time,
        "themes": _themes_section(event, every), "closing": _closing_slides(event)})


def _title_slide(event: EventData) -> SlideSpec:
    info = event.event
    subtitle = [f"{info.long_date} · {unbroken_postcodes(info.venue)}" if info.venue else info.long_date]
    if info.strapline:
        subtitle.append(info.strapline)
    if info.hosts:
        subtitle.append(_("Hosted by {hosts}", hosts=joined(info.hosts)))
    if info.in_conjunction_with:
        subtitle.append(info.in_conjunction_with)
    if available_in(info.languages):
        subtitle.append(available_in(info.languages))
    return SlideSpec("title", info.title, info.notes or _("Welcome to {title}, {date}.", title=info.title,
                                                          date=info.long_date),
                     subtitle=subtitle)


def _legal_section(event: EventData) -> list[SlideSpec]:
    legal = _legal_slides(event)
    if not legal:
        return []
    names = joined([r.full_name for r in event.review_types.values() if r.legal_framework])
    divider = SlideSpec("section", event.legal_framework_title,
                        _("The next slides set out the legal framework for {reviews}.", reviews=names),
                        subtitle=[_("The criteria and duties behind each type of review")])
    return [divider, *legal]


def _scene_section(event: EventData, every: list[ReviewFigures]) -> list[SlideSpec]:
    """Return the divider, the reviews-at-a-glance slide and each type's charts slides."""
    scene = event.scene
    reviews = [f.review for f in every]
    # The reviews of all types together would give away a type's number hidden as too small.
    total = _("Reviews") if any(f.count_hidden for f in every) else reviews_counted(total_reviews(reviews))
    slides = [SlideSpec("section", scene.title, _("{total} across the area: {reviews}.", total=total,
                                                  reviews=joined([f.headline for f in every])),
                        subtitle=[line for line in (_("{total} in numbers", total=total), event.period_text) if line])]
    figures = [Figure(f.count_table_text, f.review.name if f.count_hidden else f.review.display_name,
                      area_breakdown(f)) for f in every]
    glance_notes = scene.notes or "; ".join(f.headline for f in every)
    # The breakdowns under each figure show hidden counts as '<5' and '[c]': the slide says what those mean.
    area_keys = [f.area_suppression_key for f in every if f.area_suppression_key]
    slides.append(SlideSpec("figures", _("{title}: the reviews at a glance", title=scene.title),
                            "\n".join(line for line in (event.period_text, glance_notes) if line), figures=figures,
                            footnotes=([max(area_keys, key=len)] if area_keys else [])  # the fullest: with [c], if any
                            + [line for f in every if f.areas is None for line in f.not_shown]))
    for review_figures in every:
        slides.extend(_charts_slides(event, review_figures))
    return slides


def _charts_slides(event: EventData, figures: ReviewFigures) -> list[SlideSpec]:
    """Return a type's charts slide: the writer continues it on more slides when its charts need the room (a
    DHR's victim and perpetrator tables, long labels)."""
    every_chart = review_charts(figures)  # none for a type too small to break down: the glance slide says so
    if not every_chart:
        return []
    areas = area_names(event, [label for label, _ in figures.areas.rows] if figures.areas is not None else [])
    footnotes = [*chart_footnotes(figures), *filter(None, [figures.suppression_footnote])]
    return [SlideSpec("charts", f"{event.scene.title}: {figures.review.name}", _chart_notes(figures),
                      charts=every_chart, footnotes=footnotes, notes_end=areas)]


def _themes_section(event: EventData, every: list[ReviewFigures]) -> list[SlideSpec]:
    """Return the divider, each type's themes slide and the themes the types share."""
    crosses_over = cross_over_adds_something(event)
    divider = SlideSpec("section", _("Main Themes"),
                        _("The main themes from each type of review, then the themes they share.")
                        if crosses_over else _("The main themes the reviews found."),
                        subtitle=[_("What the reviews found")])
    slides = [divider, *(_themes_slide(review_figures) for review_figures in every)]
    if crosses_over:
        slides.append(_bullet_slide(event.cross_over_themes))
    return slides


def _closing_slides(event: EventData) -> list[SlideSpec]:
    """Return the reflective questions, when the data has them, and the closing slide."""
    slides = []
    if event.reflective_questions:
        questions = _bullet_slide(event.reflective_questions)
        questions.notes = questions.notes or _(QUESTIONS_NOTES)
        slides.append(questions)
    closing = event.closing
    closing_lines = [line for line in [closing.text, *closing.contacts] if line]
    slides.append(SlideSpec("closing", closing.title, closing.notes or _("Thank everyone for coming."),
                            subtitle=closing_lines or [event.event.title]))
    return slides


def unique_title(title: str, taken: set[str]) -> str:
    """Return ``title``, or 'title (continued)', '(continued 2)', ..., whichever ``taken`` does not hold."""
    candidate, n = title, 1
    while candidate in taken:
        candidate = _("{title} (continued)", title=title) if n == 1 else _("{title} (continued {n})", title=title, n=n)
        n += 1
    return candidate
