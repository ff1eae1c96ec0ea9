"""The deck's slides of the story over time, for each type counted from a register with a ``timeline:``: reviews
per year, timeliness against the timescales, and whether the recommendations were acted on.

They are ordinary chart and content slides (the writer draws them as it draws
the others); their figures come from :mod:`generator.timeline`.
"""

from __future__ import annotations

from ..model import EventData
from ..timeline import PARTIAL_MARK, TimelineFigures, event_timelines
from .plan import Para, SlideSpec, table_chart


def timeline_slides(event: EventData) -> list[SlideSpec]:
    """Return the slides over time of every type that has them, type by type (none without a ``timeline:``)."""
    slides = []
    for found in event_timelines(event, for_deck=True).values():
        slides.append(_per_year_slide(found))
        timeliness = _timeliness_slide(found)
        if timeliness is not None:
            slides.append(timeliness)
        if found.by_status is not None:
            slides.append(_acted_on_slide(found))
    return slides


def _per_year_slide(found: TimelineFigures) -> SlideSpec:
    name = found.review.name
    chart = table_chart(found.per_year, name)
    footnotes = [f"Reviews counted by the {found.year_kind} year of their {found.basis}"
                 + (" (April to March)." if found.year_kind == "financial" else ".")]
    if found.partial_years:
        footnotes.append(f"{' and '.join(y.removesuffix(PARTIAL_MARK) for y in found.partial_years)}: part of the "
                         f"year only, to {found.as_at.day} {found.as_at:%B %Y}.")
    notes = "\n".join(filter(None, [found.trend_sentence, chart.alt_text]))
    return SlideSpec("charts", f"Reviews over time: {name}", notes, charts=[chart], footnotes=footnotes)


def _timeliness_slide(found: TimelineFigures) -> SlideSpec | None:
    body = []
    for item in found.timeliness:
        figures = "; ".join(filter(None, [item.share_text and f"{item.share_text} within the timescale",
                                          item.median_text]))
        if figures:
            coverage = item.table.coverage_note
            body.append(Para(f"{item.what[:1].upper()}{item.what[1:]}: {figures}"
                             + (f" ({coverage})" if coverage else "")))
    if found.ongoing is not None:
        start, end = (f"{day.day} {day:%B %Y}" for day in (found.period_start, found.period_end))
        concluded = found.count_text(found.concluded or 0)
        body.append(Para(f"{concluded[:1].upper()}{concluded[1:]} concluded from {start} to {end}; "
                         f"{found.count_text(found.ongoing)} still ongoing at {end}"))
    if not body:
        return None
    notes = found.timeliness_sentence
    return SlideSpec("content", f"Timeliness: {found.review.name}", notes, body=body)


def _acted_on_slide(found: TimelineFigures) -> SlideSpec:
    name = found.review.name
    tables = [t for t in (found.by_status, found.overdue_by_agency) if t is not None]
    charts = [table_chart(table, f"the recommendations of {name}") for table in tables]
    lines = [found.recommendations_sentence]
    if found.not_implemented:
        # For the board (the Care Act asks it to report them); the briefings print them only when the data says so.
        lines.append("Not implemented, and why:")
        lines.extend(f"{r.reference}, {r.agency}: {r.text} (reason: {r.reason})" for r in found.not_implemented)
    lines.extend(chart.alt_text for chart in charts)
    footnotes = [f"Overdue: due before {found.as_at.day} {found.as_at:%B %Y} and neither completed nor set aside "
                 "(not implemented, with a reason)."]
    return SlideSpec("charts", f"Was the learning acted on? {name}", "\n".join(lines), charts=charts,
                     footnotes=footnotes)
