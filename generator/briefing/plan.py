"""Plan a seven-minute briefing: what it says, in order, before any format is chosen.

The Word and HTML briefings are drawn from the same :class:`BriefingPlan`, so
both say the same, and both say what the deck says: the figures come from
:mod:`generator.figures`, as the deck's do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from .. import text_fit
from ..charts import ChartSpec
from ..figures import CountTable, ReviewFigures, event_figures
from ..i18n import N_, _, available_in, day_month_year
from ..model import EventData, Link
from ..paths import event_stem, slug
from ..timeline import TimelineFigures, event_timelines
from ..wording import not_found_line, themes_chart, themes_not_counted
from .line_breaks import hyphenated_names

WORDS_PER_MINUTE = 200  # a steady reading pace for plain prose
MAX_WORDS = 7 * WORDS_PER_MINUTE  # readable in seven minutes
# A full printed page may chart fewer of the main themes, most frequent first, but not fewer than this: the list
# beside the chart names every theme with its count, and a chart of fewer bars would add little to it.
MIN_CHARTED_THEMES = 5
# The team record's columns (translated where they are drawn).
ACTION_PLAN_COLUMNS = (N_("Date"), N_("Who discussed it"), N_("What we will do"), N_("By when"))


@dataclass(frozen=True)
class SectionPlan:
    """One of the seven numbered parts: heading, text, and where the figures, themes and chart go."""

    number: int
    heading: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[CountTable, ...] = ()
    figures_note: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    themes_note: str = ""
    chart: ChartSpec | None = None
    bullets: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()

    @property
    def text(self) -> list[str]:
        """Return every line a reader reads in this part, in order."""
        lines = [f"{self.number}. {self.heading}", *self.paragraphs]
        for table in self.tables:
            lines.append(table.title)
            lines.extend(f"{label} {value}" for label, value in table.display_rows)
        lines.extend(self.figures_note)
        lines.extend(self.themes)
        if self.themes_note:
            lines.append(self.themes_note)
        lines.extend(self.bullets)
        lines.extend(_("Find out more: {link}", link=link.text) for link in self.links)
        return lines


@dataclass(frozen=True)
class BriefingPlan:
    """A whole briefing: its file name, title, page furniture and seven parts."""

    key: str
    file_stem: str
    title: str
    subtitle: str
    partnership: str
    footer: str
    language: str
    author: str
    subject: str
    keywords: str
    date: dt.date
    review_name: str
    sections: tuple[SectionPlan, ...] = field(default=())
    action_plan: bool = False  # add the team record page
    logo_alt_text: str = ""
    # The chart of the main themes with fewer bars, largest first, for a printed page the full chart overfills.
    smaller_charts: tuple[ChartSpec, ...] = ()
    names: tuple[str, ...] = ()  # hyphenated names ("Pen-y-bont") that are not broken at a line's end
    hidden_below: int = 0  # counts from 1 to hidden_below - 1 are hidden; 0 when none are (recorded in the file)

    def with_chart(self, chart: ChartSpec) -> BriefingPlan:
        """Return this briefing with ``chart`` in place of the chart it shows."""
        sections = tuple(dataclasses.replace(section, chart=chart) if section.chart is not None else section
                         for section in self.sections)
        return dataclasses.replace(self, sections=sections)

    @property
    def words(self) -> int:
        """Return the number of words a reader reads."""
        text = [self.title, self.subtitle] + [line for section in self.sections for line in section.text]
        return sum(word_count(line) for line in text)

    @property
    def reading_minutes(self) -> int:
        """Return the reading time in whole minutes (at least one)."""
        return max(1, round(self.words / WORDS_PER_MINUTE))


def word_count(text: str) -> int:
    """Return the words of ``text`` as the reading time counts them: runs of anything but spaces."""
    return len(re.findall(r"\S+", text))


def table_header(table: CountTable) -> tuple[str, str]:
    """Return the headings of a figures table's two columns: what it counts by, and the number."""
    return _(table.category), _("Number of {unit}", unit=table.unit)


def record_request(plan: BriefingPlan) -> str:
    """Return the line above the team record's table."""
    return _("Record who discussed the {review} briefing, when, and what the team will do.", review=plan.review_name)


def addresses(lines: list[str]) -> list[str]:
    """Return the email and web addresses in ``lines``: kept whole at their hyphens, like a hyphenated name, so
    'safeguarding-team@example.gov.uk' never breaks after 'safeguarding-'."""
    return [found for line in lines for found in text_fit.ADDRESS.findall(line)]


def printed_names(event: EventData) -> list[str]:
    """Return the names of the partnership, its hosts, areas and groupings, and the review types."""
    info = event.event
    reviews = event.review_types.values()
    return [info.partnership, info.in_conjunction_with, info.venue, *info.hosts, *event.areas,
            *event.areas.values(), *event.groupings,
            *(name for review in reviews for name in (review.name, review.full_name, review.singular))]


def briefing_chart(figures: ReviewFigures, most: int | None = None) -> tuple[ChartSpec | None, str]:
    """Return the chart a briefing shows and the part it belongs to: counted themes (the ``most`` frequent, when
    given), else age bands, else none."""
    review = figures.review
    themes = themes_chart(figures, most)
    if themes is not None:
        return themes, "themes"
    age = next((t for t in figures.demographics if t.name == "Age"), None)
    if age is not None and len(age.labels) > 1 and age.chartable:  # hidden bands are not drawn
        alt = _("Column chart of the age of {people} in {reviews}{coverage}: {values}.", people=figures.people_phrase,
                reviews=review.name, coverage=f" ({age.coverage_note})" if age.coverage_note else "",
                values=age.as_text())
        title = _("Age of {people}, by band", people=figures.people_phrase)
        return ChartSpec("column", title, age.labels, age.values, alt), "figures"
    return None, ""


def timeline_paragraphs(found: TimelineFigures | None, publish_reasons: bool) -> tuple[str, ...]:
    """Return the figures part's sentences over time: reviews per year, timeliness, recommendations acted on (and
    the reasons for not implementing any, only when the data publishes them)."""
    if found is None:
        return ()
    lines = [found.trend_sentence, found.timeliness_sentence, found.recommendations_sentence]
    lines.extend(_("{table} is not shown: its small numbers could otherwise be worked out from the other figures.",
                   table=name) for name in found.withheld_tables)
    if publish_reasons and found.not_implemented:
        lines.append(_("Not implemented: {items}.", items="; ".join(
            _("{text} ({agency}: {reason})", text=r.text, agency=r.agency, reason=r.reason)
            for r in found.not_implemented)))
    return tuple(line for line in lines if line)


def plan_briefing(event: EventData, figures: ReviewFigures, over_time: TimelineFigures | None = None
                  ) -> BriefingPlan:
    """Return the briefing of one review type (``over_time``: its figures over time, when the data has them)."""
    info = event.event
    review = figures.review
    chart, chart_part = briefing_chart(figures)
    bars = len(chart.values) if chart is not None and chart_part == "themes" else 0
    smaller_charts = [briefing_chart(figures, most)[0] for most in range(bars - 1, MIN_CHARTED_THEMES - 1, -1)]
    sections = []
    for number, section in enumerate(review.briefing.sections, start=1):
        content: dict = {"paragraphs": tuple(section.paragraphs), "bullets": tuple(section.bullets),
                         "links": tuple(section.links)}
        if section.show == "figures":
            content.update(_figures_content(event, figures, over_time, content["paragraphs"]))
        elif section.show == "themes":
            content["themes"] = figures.theme_labels
            content["themes_note"] = " ".join(filter(None, [themes_not_counted(figures), not_found_line(figures)]))
        if chart is not None and section.show == chart_part:
            content["chart"] = chart
        sections.append(SectionPlan(number, section.heading, **content))
    title = review.briefing.title or _("{review}: seven-minute briefing", review=review.full_name)
    options = event.briefing
    footer = _footer(event)
    return BriefingPlan(
        key=figures.key,
        file_stem=f"{event_stem(info.title, info.date)}-{slug(review.abbreviation or figures.key)}",
        title=title,
        subtitle=" · ".join(filter(None, [available_in(info.languages), info.title, info.long_date])),
        partnership=info.partnership,
        footer=footer,
        language=info.language,
        author=info.author or info.partnership,
        subject=f"{info.title}, {info.long_date}",
        keywords=_("safeguarding; {review}; seven-minute briefing", review=review.full_name),
        date=info.date,
        review_name=review.full_name,
        sections=tuple(sections),
        action_plan=options.action_plan,
        logo_alt_text=event.theme.logo_alt_text or _("Logo of {partnership}", partnership=info.partnership),
        smaller_charts=tuple(chart for chart in smaller_charts if chart is not None),
        names=hyphenated_names([*printed_names(event), *addresses([footer, *(line for section in sections
                                                                         for line in section.text)])]),
        hidden_below=figures.threshold,
    )


def _figures_content(event: EventData, figures: ReviewFigures, over_time: TimelineFigures | None,
                     paragraphs: tuple[str, ...]) -> dict:
    """Return what the part showing the figures holds beside its own ``paragraphs``: the headline and period as
    sentences, the sentences over time, the tables, and the notes under them."""
    review = figures.review
    paragraphs += tuple(f"{line[0].upper()}{line[1:]}." for line in (figures.headline, figures.period)
                        if line)  # 'Fewer than 5 ...' when the number is hidden
    paragraphs += timeline_paragraphs(over_time, bool(event.timeline and event.timeline.publish_reasons))
    # The data's own note, when it has one, already says whom the tables count.
    says_whom = bool(figures.demographics) and figures.people != figures.count and not review.demographics.note
    notes = [_("The tables describe {people}.", people=figures.people_phrase)] if says_whom else []
    notes.extend(figures.not_shown)
    if figures.suppression_key:
        notes.append(figures.suppression_key)
    if review.demographics.note:
        notes.append(review.demographics.note)
    notes.extend(review.caveats)
    return {"paragraphs": paragraphs, "tables": figures.tables, "figures_note": tuple(notes)}


def _footer(event: EventData) -> str:
    """Return the briefing's footer: 'Published 12 May 2022 · v2 · Contact: ...', each part only when known."""
    options = event.briefing
    contact = options.contact or (event.closing.contacts[0] if event.closing.contacts else "")
    footer_parts = [_("Published {date}", date=day_month_year(event.event.date)), options.version,
                    _("Contact: {contact}", contact=contact) if contact else ""]
    return " · ".join(part for part in footer_parts if part)


def plan_briefings(event: EventData) -> list[BriefingPlan]:
    """Return one briefing per review type, in the data's order."""
    over_time = event_timelines(event)
    return [plan_briefing(event, figures, over_time.get(key)) for key, figures in event_figures(event).items()]
