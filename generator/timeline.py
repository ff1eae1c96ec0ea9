"""The story over time a register tells, for each review type: reviews per year, how long the stages took against
their timescales, the reviews still ongoing, and whether the recommendations were acted on.

Counted once here from the register's rows (every year of them, not only the
period's), as :mod:`generator.figures` counts the period's; every count a
reader sees is a :class:`generator.figures.CountTable`, so publishing hides
small numbers in these tables by the same rules as in every other.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .figures import CountTable, publish_threshold
from .wording import in_sentence
from .i18n import N_, _, day_month_year, ngettext
from .audit import Relation
from .suppression import PRIMARY, SECONDARY, SECONDARY_TEXT, Hiding, SuppressedTable, cell_name, fewer_than_text, hide, suppress_or_withhold
from .model import COMPLETED, NOT_IMPLEMENTED, EventData, ReviewType, Timeline, Timescale, shown_status, status_key
from .register_records import Recommendation, ResolvedReview
from .timescales import (DEFAULT_TIMESCALES, FINANCIAL, FINANCIAL_YEAR_START, STAGES, WORKING_DAYS, DAYS, Span,
                         elapsed, parse_span, stage_key, stage_words, within, year_end, year_label, year_of)

PARTIAL_MARK = N_(" (part)")  # after a year the register cannot yet hold whole; translated where used: partial_mark()
YEARS_COMPARED = 2  # the briefing's sentence sets this year against the two before it


@dataclass(frozen=True)
class Timeliness:
    """How soon one stage followed another, for the reviews where both dates are known."""

    timescale: Timescale
    span: Span
    table: CountTable  # reviews within the timescale and later: hidden as any table is
    median: float | None  # in working days or days; None when no review has both dates
    median_unit: str

    @property
    def what(self) -> str:
        """Return 'notification within 5 working days of the incident'."""
        return _("{stage} within {span} of {start}", stage=stage_words(self.timescale.stage), span=self.span.text,
                 start=stage_words(self.timescale.start))

    @property
    def known(self) -> int:
        return self.table.known_for

    @property
    def share_text(self) -> str:
        """Return '11 of 14 (79%)', hidden counts as their words, or '' when none is known."""
        hidden = self.table.suppression
        if not self.known or self.table.unknown_hidden:  # the reviews known would give away those not known
            return ""
        on_time_label, on_time = self.table.rows[0]  # the reviews within the timescale, then those later
        if hidden is not None and on_time_label in hidden.hidden:
            return _("{part} of {whole}", part=hidden.text(on_time_label),
                     whole=count_text(self.known, self.table.threshold))
        if self.table.threshold and self.known < self.table.threshold:
            return _("{part} of {whole}", part=on_time, whole=self.known) if hidden is None else ""
        return _("{part} of {whole} ({percent}%)", part=on_time, whole=self.known,
                 percent=round(100 * on_time / self.known))

    @property
    def median_text(self) -> str:
        """Return 'a median of 4 working days', or '' when not known or when so few reviews that it is withheld."""
        if self.median is None or (self.table.threshold and self.known < self.table.threshold) or \
                self.table.unknown_hidden:
            return ""
        number = f"{self.median:g}" if self.median == int(self.median) else f"{self.median:.1f}"
        if self.median_unit == WORKING_DAYS:
            return _("a median of {number} working days", number=number)
        return _("a median of {number} days", number=number)


ON_TIME = N_("Within timescale")
LATE = N_("Later")
NOT_KNOWN_CELL = "not known"  # the hiding's name for the reviews a timeliness table leaves out (printed in its note)
# How the notes name each kind of year, in the language being written (year_kind_words).
YEAR_KINDS = {FINANCIAL: N_("financial"), "calendar": N_("calendar")}


def year_kind_words(kind: str) -> str:
    """Return 'financial' or 'calendar' in the language being written."""
    return _(YEAR_KINDS.get(kind, kind))


def partial_mark() -> str:
    """Return the mark after a year the register cannot yet hold whole, in the language being written."""
    return _(PARTIAL_MARK)


@dataclass(frozen=True)
class TimelineFigures:
    """Everything counted over time about one review type."""

    key: str
    review: ReviewType
    year_kind: str
    basis: str  # the date each review is counted by: 'date notified' (or 'date published', as the period's)
    per_year: CountTable | None  # reviews per year, every year of the register, oldest first; None: withheld
    years: tuple[str, ...]  # the years' labels (free text may cite each, even when the table is withheld)
    this_year: str  # the label of the year the figures lead with (the period's last)
    timeliness: tuple[Timeliness, ...]
    concluded: int | None  # completed in the period; None when the register gives no completion dates
    ongoing: int | None  # notified by the period's end, not completed by then
    by_status: CountTable | None  # recommendations; None when the register keeps none for this type
    by_agency: CountTable | None
    overdue_by_agency: CountTable | None
    overdue: int
    not_implemented: tuple[Recommendation, ...]
    statuses: tuple[str, ...]  # the recommendations' statuses as the data names them, in by_status's order
    as_at: dt.date
    period_start: dt.date
    period_end: dt.date
    recommendation_count: int = 0  # all the type's recommendations, printed even when their tables are withheld
    # The stages whose timeliness is withheld: small counts no choice of cells keeps hidden (free text citing one
    # reads 'an undisclosed number').
    withheld_stages: tuple[str, ...] = ()
    withheld_tables: tuple[str, ...] = ()  # the names of the tables over time not published, to say so
    threshold: int = 0  # published with counts from 1 to threshold - 1 hidden; 0 when nothing is hidden

    @property
    def tables(self) -> tuple[CountTable, ...]:
        """Return every table published: per year, timeliness, recommendations."""
        tables = [*(t for t in (self.per_year,) if t is not None), *(t.table for t in self.timeliness)]
        tables.extend(t for t in (self.by_status, self.by_agency, self.overdue_by_agency) if t is not None)
        return tuple(tables)

    @property
    def hidden_counts(self) -> tuple[int, int, int]:
        """Return how many counts over time are hidden as below the threshold (in tables and in sentences), how many
        more so that those cannot be worked out, and how many tables are not shown at all."""
        cells = [cell.hidden for table in self.tables if table.suppression for cell in table.suppression.cells]
        cells += [item.table.unknown_hidden for item in self.timeliness]
        in_words = [self.concluded or 0, self.ongoing or 0]
        if self.statuses:
            in_words += [self.recommendation_count, self.overdue]
        primary = cells.count(PRIMARY) + sum(1 for count in in_words if 0 < count < self.threshold)
        return primary, cells.count(SECONDARY), len(self.withheld_tables)

    @property
    def partial_years(self) -> tuple[str, ...]:
        return tuple(label for label in self.years if label.endswith(partial_mark()))

    def count_text(self, count: int) -> str:
        """Return a count as running text prints it: 'fewer than 5' when published with it hidden."""
        return count_text(count, self.threshold)

    def year_text(self, label: str) -> str:
        """Return a year's count as running text gives it: '12', 'fewer than 5' when hidden, or 'an undisclosed
        number' when the table is withheld."""
        if self.per_year is None:
            return _(SECONDARY_TEXT)
        hidden = self.per_year.suppression
        return hidden.text(label) if hidden else str(dict(self.per_year.rows)[label])

    @property
    def trend_sentence(self) -> str:
        """Return '12 reviews in 2023/24, against 9 and 8 in the two years before.' (hidden counts in words), or ''
        when the table is withheld."""
        labels = list(self.years)
        if self.per_year is None or self.this_year not in labels:
            return ""
        index = labels.index(self.this_year)
        before = labels[max(0, index - YEARS_COMPARED):index][::-1]
        year = self.this_year.removesuffix(partial_mark())
        shown = _capital(self.year_text(self.this_year))
        count = dict(self.per_year.rows)[self.this_year]
        if self.year_kind == FINANCIAL:
            lead = ngettext("{shown} review in the financial year {year}", "{shown} reviews in the financial year {year}",
                            count, shown=shown, year=year)
        else:
            lead = ngettext("{shown} review in the calendar year {year}", "{shown} reviews in the calendar year {year}",
                            count, shown=shown, year=year)
        if not before:
            return f"{lead}."
        if len(before) == 1:
            return _("{lead}, against {count} in the year before.", lead=lead, count=self.year_text(before[0]))
        return _("{lead}, against {first} and {second} in the two years before.", lead=lead,
                 first=self.year_text(before[0]), second=self.year_text(before[1]))

    @property
    def timeliness_sentence(self) -> str:
        """Return 'Notification within 5 working days of the incident: 11 of 14 (79%), a median of 4 working days
        (where known: 14 of 17).' for each timescale, and the reviews ongoing."""
        parts = []
        for item in self.timeliness:
            figures = ", ".join(filter(None, [item.share_text, item.median_text]))
            if figures:
                coverage = item.table.coverage_note
                parts.append(f"{_capital(item.what)}: {figures}{f' ({coverage})' if coverage else ''}.")
        if self.ongoing is not None:
            parts.append(_("{concluded} concluded in the period and {ongoing} still ongoing at its end ({end}).",
                           concluded=_capital(self.count_text(self.concluded or 0)),
                           ongoing=self.count_text(self.ongoing), end=day_month_year(self.period_end)))
        return " ".join(parts)

    @property
    def recommendations_sentence(self) -> str:
        """Return 'Of 24 recommendations, 15 completed, 6 in progress...; 3 overdue at 12 June 2025.'"""
        table = self.by_status
        if table is None:
            return ""
        hidden = table.suppression
        counts = ", ".join(f"{hidden.text(label) if hidden else value} {in_sentence(label)}"
                           for label, value in table.rows)
        return _("Of {total} recommendations: {counts}; {overdue} overdue at {day}.", total=self.count_text(table.total),
                 counts=counts, overdue=self.count_text(self.overdue), day=day_month_year(self.as_at))


def per_year_hidden(rows: tuple[tuple[str, int], ...], this_year: str, threshold: int) -> Hiding:
    """Return which of the reviews per year publishing hides (``threshold`` above 0), their total printed; the
    table is in ``withheld`` when no choice of cells keeps its small counts hidden (a small year among zeros). The
    year the headline counts (``this_year``), when not small, is never hidden to keep another hidden: the headline
    prints it when the period is that year, so a reader could subtract with it."""
    counts = dict(rows)
    dated = "reviews dated"
    if counts.get(this_year, 0) < threshold:
        relation = Relation(dated, tuple(cell_name(PER_YEAR, label) for label in counts))
        return hide({PER_YEAR: counts}, {dated: (sum(counts.values()), True)}, [relation], threshold)
    headline = counts.pop(this_year)
    relation = Relation(dated, (*(cell_name(PER_YEAR, label) for label in counts), this_year))
    return hide({PER_YEAR: counts}, {dated: (sum(counts.values()) + headline, True), this_year: (headline, True)},
                [relation], threshold)


def count_text(count: int, threshold: int) -> str:
    """Return a count for running text: 'fewer than 5' when it is from 1 to threshold - 1 and so hidden."""
    return fewer_than_text(threshold) if threshold and 0 < count < threshold else str(count)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def timescales_of(timeline: Timeline, key: str) -> tuple[Timescale, ...]:
    """Return a type's timescales: its own, when the data declares them, else the statutory defaults."""
    return tuple(timeline.timescales[key]) if key in timeline.timescales else DEFAULT_TIMESCALES


def event_timelines(event: EventData, for_deck: bool = False) -> dict[str, TimelineFigures]:
    """Return each register type's figures over time, by key, in the data's order; empty when the data declares no
    ``timeline:`` or keeps no register. The deck's hide small numbers only when the data asks, as its other
    figures do."""
    timeline = event.timeline
    if timeline is None or event.register is None:
        return {}
    every: Sequence[ResolvedReview] = event.register_every_review
    threshold = publish_threshold(event, for_deck)
    as_at = timeline.as_at or event.event.date
    period_end = event.period.to if event.period else as_at
    # Without a period, the year the as-at date falls in: 'concluded' and timeliness need a span to count within.
    period_start = event.period.start if event.period else period_start_of(period_end, timeline.years)
    basis = event.period.by if event.period else "date notified"
    result = {}
    for key, review in event.review_types.items():
        reviews = [r for r in every if r.type_key == key]
        if not reviews:
            continue
        recommendations = [r for r in event.register_recommendations if r.type_key == key]
        result[key] = type_timeline(key, review, reviews, every, recommendations, timeline, basis, as_at,
                                    (period_start, period_end), threshold)
    return result


def type_timeline(key: str, review: ReviewType, reviews: Sequence[ResolvedReview],
                  every: Sequence[ResolvedReview], recommendations: Sequence[Recommendation], timeline: Timeline,
                  basis: str, as_at: dt.date, period: tuple[dt.date, dt.date], threshold: int) -> TimelineFigures:
    """Return one type's figures over time (``every`` is all the register's reviews: the years span all of them).

    Timeliness counts the stages reached in the ``period`` (both days included); the reviews concluded are those
    completed in it, and those ongoing were notified by its end but not completed by then."""
    period_start, period_end = period
    kind = timeline.years
    date_of = STAGES[stage_key(basis)]
    per_year, years, this_label = _per_year_table(reviews, every, date_of, kind, as_at, period_end, threshold)
    timeliness = [(scale, _timeliness(reviews, scale, timeline.bank_holidays, threshold, period))
                  for scale in timescales_of(timeline, key) if _has_both(reviews, scale)]
    recommendation_tables = _recommendation_tables(recommendations, timeline, as_at, threshold)
    concluded, ongoing = _concluded_and_ongoing(reviews, date_of, period)
    return TimelineFigures(
        key, review, kind, basis, per_year, years, this_label,
        tuple(item for _scale, item in timeliness if item is not None and item.table.of),
        concluded, ongoing, *recommendation_tables, as_at, period_start,
        period_end, len(recommendations), tuple(scale.stage for scale, item in timeliness if item is None),
        (*((per_year_name(kind),) if per_year is None else ()),
         *(timeliness_name(scale) for scale, item in timeliness if item is None),
         *(name for name, shown in zip(recommendation_table_names(as_at), recommendation_tables[:3])
           if recommendations and shown is None)), threshold)


def _per_year_table(reviews: Sequence[ResolvedReview], every: Sequence[ResolvedReview],
                    date_of: Callable[[ResolvedReview], dt.date | None], kind: str, as_at: dt.date,
                    period_end: dt.date, threshold: int) -> tuple[CountTable | None, tuple[str, ...], str]:
    """Return the type's reviews per year (the years span all the register's reviews, to the period's end; a year
    not over by ``as_at`` is marked as part of one), or None when hiding cannot keep its small counts hidden (it is
    withheld); the years' labels; and the label of the period's own year."""
    dated = [d for d in (date_of(r) for r in every) if d is not None]
    years = list(range(min(year_of(d, kind) for d in dated), year_of(max([*dated, period_end]), kind) + 1)) \
        if dated else []
    counts = dict.fromkeys(years, 0)
    known = 0
    for row in reviews:
        day = date_of(row)
        if day is not None:
            counts[year_of(day, kind)] += 1
            known += 1
    rows = tuple((year_label(year, kind) + (partial_mark() if year_end(year, kind) > as_at else ""), count)
                 for year, count in counts.items())
    this = year_of(period_end, kind)
    this_label = next((label for (year, _count), (label, _shown) in zip(counts.items(), rows) if year == this), "")
    labels = tuple(label for label, _count in rows)
    hiding = per_year_hidden(rows, this_label, threshold) if threshold else None
    if hiding is not None and hiding.withheld:
        return None, labels, this_label
    table = CountTable(per_year_name(kind), _("Year"), rows, _("reviews"), known, len(reviews), ordered=True,
                       threshold=threshold, suppression=hiding.table(PER_YEAR, rows) if hiding is not None else None)
    return table, labels, this_label


def per_year_name(kind: str) -> str:
    """Return the name of the table of reviews per year: 'Reviews per financial year'."""
    return _("Reviews per financial year") if kind == FINANCIAL else _("Reviews per calendar year")


def _concluded_and_ongoing(reviews: Sequence[ResolvedReview], date_of: Callable[[ResolvedReview], dt.date | None],
                           period: tuple[dt.date, dt.date]) -> tuple[int | None, int | None]:
    """Return how many reviews were completed in the period, and how many notified by its end were not completed by
    then; None for both when the register dates no completion at all."""
    period_start, period_end = period
    completions = [r.stages.completed for r in reviews]
    if not any(completions):
        return None, None
    in_period = [r for r in reviews if (d := date_of(r)) is not None and d <= period_end]
    concluded = sum(1 for d in completions if d is not None and period_start <= d <= period_end)
    ongoing = sum(1 for r in in_period if r.stages.completed is None or r.stages.completed > period_end)
    return concluded, ongoing


def period_start_of(period_end: dt.date, kind: str) -> dt.date:
    """Return the first day of the year ``period_end`` falls in (the reviews concluded are those of that year)."""
    year = year_of(period_end, kind)
    return dt.date(year, FINANCIAL_YEAR_START, 1) if kind == FINANCIAL else dt.date(year, 1, 1)


def _has_both(reviews: Iterable[ResolvedReview], scale: Timescale) -> bool:
    start, end = STAGES[stage_key(scale.start)], STAGES[stage_key(scale.stage)]
    return any(start(r) is not None for r in reviews) and any(end(r) is not None for r in reviews)


def timeliness_name(scale: Timescale) -> str:
    """Return a timeliness table's name: 'Notification within 5 working days'."""
    span = parse_span(scale.within)
    assert span is not None, "the loader checks every timescale"
    return _capital(_("{stage} within {span}", stage=stage_words(scale.stage), span=span.text))


def recommendation_table_names(as_at: dt.date) -> tuple[str, str, str]:
    """Return the names of the recommendations' tables: by status, by agency, and overdue at ``as_at``."""
    return (_("Recommendations by status"), _("Recommendations by agency"),
            _("Overdue at {day}, by agency", day=day_month_year(as_at)))


def _timeliness(reviews: Sequence[ResolvedReview], scale: Timescale, region: str, threshold: int,
                period: tuple[dt.date, dt.date]) -> Timeliness | None:
    """Return how soon the stage followed its start in the reviews that reached it in the period; 'where known'
    counts those whose start is dated too (a stage dated before its start is a slip of the keyboard, not known).
    None when small numbers are hidden and the two counts cannot be: the reviews known are printed, so a small
    count beside a zero, or two small counts adding up to them, would be given away (its median too)."""
    span = parse_span(scale.within)
    assert span is not None, "the loader checks every timescale"
    start_of, end_of = STAGES[stage_key(scale.start)], STAGES[stage_key(scale.stage)]
    reached = [r for r in reviews if (end := end_of(r)) is not None and period[0] <= end <= period[1]]
    times, on_time = [], 0
    for row in reached:
        start, end = start_of(row), end_of(row)
        if start is None or end is None or end < start:
            continue
        times.append(elapsed(start, end, span, region))
        on_time += within(start, end, span, region)
    unit = WORKING_DAYS if span.unit == WORKING_DAYS else DAYS
    name = timeliness_name(scale)
    rows = ((_(ON_TIME), on_time), (_(LATE), len(times) - on_time))
    # The reviews not known are printed in the table's note ('1 not known'), so they are a cell of the hiding too.
    counts = {**dict(rows), NOT_KNOWN_CELL: len(reached) - len(times)}
    hidden = suppress_or_withhold(counts, threshold) if threshold else None
    if threshold and hidden is None:
        return None
    shown = None if hidden is None else SuppressedTable(
        tuple(cell for cell in hidden.cells if cell.category != NOT_KNOWN_CELL), threshold)
    unknown_hidden = "" if hidden is None else hidden.cell(NOT_KNOWN_CELL).hidden
    table = CountTable(name, _("Timeliness"), rows, _("reviews"), len(times), len(reached), ordered=True,
                       threshold=threshold, suppression=shown, unknown_hidden=unknown_hidden)
    return Timeliness(scale, span, table, statistics.median(times) if times else None, unit)


def _recommendation_tables(recommendations: Sequence[Recommendation], timeline: Timeline, as_at: dt.date,
                           threshold: int) -> tuple[CountTable | None, CountTable | None, CountTable | None, int,
                                                    tuple[Recommendation, ...], tuple[str, ...]]:
    if not recommendations:
        return None, None, None, 0, (), ()
    total = len(recommendations)
    statuses = {status: 0 for status in timeline.recommendation_statuses}
    for item in recommendations:
        statuses[item.status] += 1
    agencies = sorted({item.agency for item in recommendations}, key=str.casefold)
    by_agency = {agency: sum(1 for r in recommendations if r.agency == agency) for agency in agencies}
    late = [r for r in recommendations if is_overdue(r, as_at)]
    overdue = {agency: sum(1 for r in late if r.agency == agency) for agency in agencies}
    # A status is shown in the version's language (the default ones are in the catalogue; the data's own as typed).
    status_rows, agency_rows, overdue_rows = (tuple((shown_status(status), count) for status, count in statuses.items()),
                                              tuple(by_agency.items()),
                                              tuple(overdue.items()))
    hiding = _recommendations_hiding(status_rows, agency_rows, overdue_rows, threshold)
    unit = _("recommendations")

    def table(name: str, category: str, kind: str, rows: tuple[tuple[str, int], ...],
              ordered: bool = False) -> CountTable | None:
        if hiding is not None and kind in hiding.withheld:
            return None  # no choice of cells keeps its small counts hidden: not published
        return CountTable(name, category, rows, unit, total, total, ordered=ordered, threshold=threshold,
                          suppression=hiding.table(kind, rows) if hiding is not None else None)

    by_status_name, by_agency_name, overdue_name = recommendation_table_names(as_at)
    tables = (table(by_status_name, _("Status"), BY_STATUS, status_rows, ordered=True),
              table(by_agency_name, _("Agency"), BY_AGENCY, agency_rows),
              table(overdue_name, _("Agency"), OVERDUE, overdue_rows))
    not_done = tuple(r for r in recommendations if status_key(r.status) == NOT_IMPLEMENTED)
    return (*tables, len(late), not_done, tuple(statuses))


# The tables, as hide names them.
PER_YEAR, BY_STATUS, BY_AGENCY, OVERDUE = "per year", "by status", "by agency", "overdue by agency"


def _recommendations_hiding(status_rows: tuple[tuple[str, int], ...], agency_rows: tuple[tuple[str, int], ...],
                            overdue_rows: tuple[tuple[str, int], ...], threshold: int) -> Hiding | None:
    """Return what to hide of the three recommendation tables together (None without a threshold): by status
    and by agency add up to the printed total, the overdue ones by agency to the printed overdue, and each
    agency's overdue ones are some of its own, so a reader can subtract across the tables as well as within."""
    if not threshold:
        return None
    total = sum(count for _label, count in status_rows)
    overdue = sum(count for _label, count in overdue_rows)
    tables = {BY_STATUS: dict(status_rows), BY_AGENCY: dict(agency_rows), OVERDUE: dict(overdue_rows)}
    # Printed in words when small ('fewer than 5'); taken as printed exactly, which hides at least enough.
    totals: dict[str, tuple[int, bool]] = {"recommendations": (total, True), "overdue": (overdue, True)}
    relations = [Relation("recommendations", tuple(cell_name(BY_STATUS, label) for label, _count in status_rows)),
                 Relation("recommendations", tuple(cell_name(BY_AGENCY, label) for label, _count in agency_rows)),
                 Relation("overdue", tuple(cell_name(OVERDUE, label) for label, _count in overdue_rows))]
    for (agency, count), (_agency, late) in zip(agency_rows, overdue_rows):
        rest = f"not overdue: {agency}"
        totals[rest] = (count - late, False)
        relations.append(Relation(cell_name(BY_AGENCY, agency), (cell_name(OVERDUE, agency), rest)))
    return hide(tables, totals, relations, threshold)


def is_overdue(recommendation: Recommendation, as_at: dt.date) -> bool:
    """Return whether a recommendation was due before ``as_at`` and is neither completed nor set aside."""
    return (recommendation.due is not None and recommendation.due < as_at
            and status_key(recommendation.status) not in (COMPLETED, NOT_IMPLEMENTED))


def placeholder_values(timelines: Mapping[str, TimelineFigures]) -> dict[str, str]:
    """Return the figures over time free text may cite, as published (a hidden count in words), for each type key
    ``k``: ``{k.year.2023/24}``, ``{k.this_year}``, ``{k.ongoing}``, ``{k.concluded}``,
    ``{k.within.<stage>}`` ('11 of 14 (79%)'), ``{k.recommendations}``, ``{k.recommendations.<status>}``
    (the status in lower case: ``{sar.recommendations.completed}``) and ``{k.recommendations.overdue}``."""
    values: dict[str, str] = {}
    for key, found in timelines.items():
        for label in found.years:
            values[f"{key}.year.{label.removesuffix(partial_mark())}"] = found.year_text(label)
        if found.this_year:
            values[f"{key}.this_year"] = found.year_text(found.this_year)
        if found.ongoing is not None:
            values[f"{key}.ongoing"] = found.count_text(found.ongoing)
            values[f"{key}.concluded"] = found.count_text(found.concluded or 0)
        for item in found.timeliness:
            values[f"{key}.within.{item.timescale.stage.lower()}"] = item.share_text
        for stage in found.withheld_stages:
            values[f"{key}.within.{stage.lower()}"] = _(SECONDARY_TEXT)
        table = found.by_status
        if found.statuses:  # the type keeps recommendations (their table by status perhaps withheld)
            hidden = table.suppression if table is not None else None
            values[f"{key}.recommendations"] = found.count_text(found.recommendation_count)
            for number, status in enumerate(found.statuses):
                if table is None:
                    shown = _(SECONDARY_TEXT)
                else:
                    label, value = table.rows[number]
                    shown = hidden.text(label) if hidden else str(value)
                values[f"{key}.recommendations.{status.lower()}"] = shown
            values[f"{key}.recommendations.overdue"] = found.count_text(found.overdue)
    return values
