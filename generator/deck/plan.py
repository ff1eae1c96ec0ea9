"""Plan the deck: turn the model into an ordered list of slide specifications.

The plan knows what each slide says, not how it is drawn: the writer turns
each :class:`SlideSpec` into one slide (or several, when text has to continue).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..figures import area_breakdown, charted_themes, counts_text, theme_label
from ..model import Bullet, EventData, ReviewType


@dataclass
class Para:
    """One paragraph of slide text."""

    text: str
    level: int = 0
    bullet: bool = True
    bold: bool = False
    italic: bool = False
    scale: float = 1.0


@dataclass
class ChartSpec:
    """A native chart: its kind, title, categories and values, and its alt text."""

    kind: str  # "bar" (horizontal) or "column"
    title: str
    categories: list[str]
    values: list[int]
    alt_text: str


@dataclass
class Figure:
    """A large headline figure with its label and breakdown lines."""

    number: str
    label: str
    lines: list[str]


@dataclass
class SlideSpec:
    """One slide (before continuation): kind, title, notes and content."""

    kind: str  # title, section, content, figures, charts, themes, closing
    title: str
    notes: str
    subtitle: list[str] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    charts: list[ChartSpec] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


def bullet_paras(items: list[str | Bullet]) -> list[Para]:
    """Return bullets (with their sub-bullets) as paragraphs."""
    paras = []
    for item in items:
        if isinstance(item, Bullet):
            paras.append(Para(item.text))
            paras.extend(Para(sub, level=1) for sub in item.items)
        else:
            paras.append(Para(item))
    return paras


def review_charts(review: ReviewType) -> list[ChartSpec]:
    """Return the area, ethnicity and age charts of one review type."""
    charts = []
    areas = list(review.counts_by_area)
    area_values = list(review.counts_by_area.values())
    charts.append(ChartSpec("column", "Reviews by area", areas, area_values,
                            f"Column chart of {review.name} by area: {counts_text(areas, area_values)}."))
    where = f" ({review.coverage_note})" if review.coverage_note else ""
    people = review.people_in_demographics
    demo = review.demographics
    if demo.ethnicity:
        labels, values = list(demo.ethnicity), list(demo.ethnicity.values())
        charts.append(ChartSpec("bar", f"Ethnicity{where}", labels, values,
                                f"Bar chart of the ethnicity of the {people} people in {review.name}{where}: "
                                f"{counts_text(labels, values)}."))
    if demo.age:
        labels, values = list(demo.age), list(demo.age.values())
        charts.append(ChartSpec("column", f"Age{where}", labels, values,
                                f"Column chart of the ages of the {people} people in {review.name}{where}, "
                                f"by age band: {counts_text(labels, values)}."))
    return charts


def _chart_notes(review: ReviewType, charts: list[ChartSpec]) -> str:
    lines = [review.scene_notes] if review.scene_notes else []
    if review.demographics.note:
        lines.append(review.demographics.note)
    lines.extend(chart.alt_text for chart in charts)
    return "\n".join(lines)


def _themes_slide(review: ReviewType) -> SlideSpec:
    themes = review.theme_list
    body = [Para(f"{review.headline}: " + ", ".join(area_breakdown(review)), bullet=False, bold=True),
            Para("Main Themes:", bullet=False, bold=True)]
    body.extend(Para(theme_label(t.name, t.count)) for t in themes)
    charts = []
    if review.themes_have_counts:
        shown, cut = charted_themes(review)
        names, counts = [t.name for t in shown], [t.count for t in shown]
        title = f"Reviews featuring each theme (of {review.count})" + (f": {cut}" if cut else "")
        charts.append(ChartSpec("bar", title, names, counts,
                                f"Bar chart of the main themes of {review.name}{f' ({cut})' if cut else ''}, with "
                                f"the number of the {review.count} reviews each featured in: "
                                f"{counts_text(names, counts)}."))
    listing = "; ".join(p.text for p in body[2:])
    notes = "\n".join(filter(None, [review.themes_notes, f"Main themes of the {review.headline}: {listing}."]))
    return SlideSpec("themes", f"Main Themes: {review.name}", notes, body=body, charts=charts)


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
            slides.append(SlideSpec("content", f"The Legal Framework: {legal.heading}", legal.notes, body=body))
    return slides


def _bullet_slide(slide, kind: str = "content") -> SlideSpec:
    body = []
    if slide.intro:
        body.append(Para(slide.intro, bullet=False, bold=True))
    if slide.heading:
        body.append(Para(slide.heading, bullet=False, bold=True))
    body.extend(bullet_paras(slide.items))
    return SlideSpec(kind, slide.title, slide.notes, body=body)


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def plan_deck(event: EventData) -> list[SlideSpec]:
    """Return every slide of the deck, in order."""
    info = event.event
    reviews = list(event.review_types.values())
    subtitle = [f"{info.long_date} · {info.venue}" if info.venue else info.long_date]
    if info.strapline:
        subtitle.append(info.strapline)
    if info.hosts:
        subtitle.append("Hosted by " + _joined(info.hosts))
    if info.in_conjunction_with:
        subtitle.append(info.in_conjunction_with)
    title_notes = info.notes or f"Welcome to {info.title}, {info.long_date}."
    slides = [SlideSpec("title", info.title, title_notes, subtitle=subtitle),
              _bullet_slide(event.aims),
              _bullet_slide(event.learning_reviews.are),
              _bullet_slide(event.learning_reviews.are_not)]

    legal = _legal_slides(event)
    if legal:
        names = ", ".join(r.full_name for r in reviews if r.legal_framework)
        slides.append(SlideSpec("section", event.legal_framework_title,
                                f"The next slides set out the legal framework for {names}.",
                                subtitle=["The criteria and duties behind each type of review"]))
        slides.extend(legal)

    scene = event.scene
    total = sum(r.count for r in reviews)
    slides.append(SlideSpec("section", scene.title,
                            f"{total} reviews across the area: " + ", ".join(r.headline for r in reviews) + ".",
                            subtitle=[f"{total} reviews in numbers"]))
    figures = [Figure(str(r.count), r.name, area_breakdown(r)) for r in reviews]
    slides.append(SlideSpec("figures", f"{scene.title}: the reviews at a glance",
                            scene.notes or "; ".join(r.headline for r in reviews), figures=figures))
    for review in reviews:
        charts = review_charts(review)
        slides.append(SlideSpec("charts", f"{scene.title}: {review.name}", _chart_notes(review, charts),
                                charts=charts))

    slides.append(SlideSpec("section", "Main Themes",
                            "The main themes from each type of review, then the themes they share.",
                            subtitle=["What the reviews found"]))
    slides.extend(_themes_slide(review) for review in reviews)
    cross = _bullet_slide(event.cross_over_themes)
    slides.append(cross)
    if event.reflective_questions:
        slides.append(_bullet_slide(event.reflective_questions))
    closing = event.closing
    closing_lines = [line for line in [closing.text, *closing.contacts] if line]
    slides.append(SlideSpec("closing", closing.title, closing.notes or "Thank everyone for coming.",
                            subtitle=closing_lines or [info.title]))
    return slides


def unique_title(title: str, taken: set[str]) -> str:
    """Return ``title``, or 'title (continued)', '(continued 2)', ..., whichever ``taken`` does not hold."""
    candidate, n = title, 1
    while candidate in taken:
        candidate = f"{title} (continued)" if n == 1 else f"{title} (continued {n})"
        n += 1
    return candidate
