"""The deck's slides of the story over time, for each type counted from a register with a ``timeline:``: reviews
per year, timeliness against the timescales, and whether the recommendations were acted on.

They are ordinary chart and content slides (the writer draws them as it draws
the others); their figures come from :mod:`generator.timeline`.
"""

from __future__ import annotations

from ..figures import CountTable
from ..i18n import _, day_month_year
from ..model import EventData
from ..timescales import FINANCIAL, stage_date_words
from ..timeline import TimelineFigures, event_timelines, partial_mark, year_kind_words
from .plan import table_chart
from .slides import Para, SlideSpec


def timeline_slides(event: EventData) -> list[SlideSpec]:
    """Return the slides over time of every type that has them, type by type (none without a ``timeline:``)."""
    slides = []
    for found in event_timelines(event, for_deck=True).values():
        if found.per_year is not None:  # withheld when hiding cannot keep its small counts hidden
            slides.append(_per_year_slide(found, found.per_year))
        timeliness = _timeliness_slide(found)
        if timeliness is not None:
            slides.append(timeliness)
        if found.by_status is not None:
            slides.append(_acted_on_slide(found))
    return slides


def _per_year_slide(found: TimelineFigures, per_year: CountTable) -> SlideSpec:
    name = found.review.name
    chart = table_chart(per_year, name)
    counted_by = _("Reviews counted by the {kind} year of their {basis}", kind=year_kind_words(found.year_kind),
                   basis=stage_date_words(found.basis))
    footnotes = [counted_by + (_(" (April to March).") if found.year_kind == FINANCIAL else ".")]
    if found.partial_years:
        years = _(" and ").join(y.removesuffix(partial_mark()) for y in found.partial_years)
        footnotes.append(_("{years}: part of the year only, to {day}.", years=years,
                           day=day_month_year(found.as_at)))
    return SlideSpec("charts", _("Reviews over time: {name}", name=name), found.trend_sentence, charts=[chart],
                     footnotes=footnotes)


def _timeliness_slide(found: TimelineFigures) -> SlideSpec | None:
    body = []
    for item in found.timeliness:
        figures = "; ".join(filter(None, [item.share_text and _("{share} within the timescale",
                                                                share=item.share_text),
                                          item.median_text]))
        if figures:
            coverage = item.table.coverage_note
            body.append(Para(f"{item.what[:1].upper()}{item.what[1:]}: {figures}"
                             + (f" ({coverage})" if coverage else "")))
    if found.ongoing is not None:
        start, end = (day_month_year(day) for day in (found.period_start, found.period_end))
        concluded = found.count_text(found.concluded or 0)
        body.append(Para(_("{concluded} concluded from {start} to {end}; {ongoing} still ongoing at {end}",
                           concluded=f"{concluded[:1].upper()}{concluded[1:]}", start=start, end=end,
                           ongoing=found.count_text(found.ongoing))))
    if not body:
        return None
    notes = found.timeliness_sentence
    return SlideSpec("content", _("Timeliness: {name}", name=found.review.name), notes, body=body)


def _acted_on_slide(found: TimelineFigures) -> SlideSpec:
    name = found.review.name
    tables = [t for t in (found.by_status, found.overdue_by_agency) if t is not None]
    charts = [table_chart(table, _("the recommendations of {name}", name=name)) for table in tables]
    lines = [found.recommendations_sentence]
    if found.not_implemented:
        # For the board (the Care Act asks it to report them); the briefings print them only when the data says so.
        lines.append(_("Not implemented, and why:"))
        lines.extend(_("{reference}, {agency}: {text} (reason: {reason})", reference=r.reference, agency=r.agency,
                       text=r.text, reason=r.reason) for r in found.not_implemented)
    footnotes = [_("Overdue: due before {day} and neither completed nor set aside (not implemented, with a reason).",
                   day=day_month_year(found.as_at))]
    return SlideSpec("charts", _("Was the learning acted on? {name}", name=name), "\n".join(lines), charts=charts,
                     footnotes=footnotes)
