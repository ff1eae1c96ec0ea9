"""Words for the figures, shared by the deck and the briefings so both say the same."""

from __future__ import annotations

from .model import ReviewType, Theme

MAX_CHARTED_THEMES = 12


def counts_text(labels, values) -> str:
    """Return labels and their counts as 'MBC 5, RCBC 1, HBC 0'."""
    return ", ".join(f"{label} {value}" for label, value in zip(labels, values))


def area_breakdown(review: ReviewType) -> list[str]:
    """Return the seed's breakdown lines: '10 MBC/RCBC', '13 HBC/SBC'."""
    return [f"{count} {name}" for name, count in review.counts_by_area.items()]


def people_phrase(review: ReviewType) -> str:
    """Return who the demographic tables describe: 'the 24 people' plus 'where known: 3 of 9'."""
    where = f" ({review.coverage_note})" if review.coverage_note else ""
    return f"the {review.people_in_demographics} people{where}"


def demographic_lines(review: ReviewType) -> list[str]:
    """Return one sentence per demographic table: 'Ethnicity of the 24 people: White British 21, ...'."""
    lines = []
    demo = review.demographics
    if demo.ethnicity:
        lines.append(f"Ethnicity of {people_phrase(review)}: {counts_text(demo.ethnicity, demo.ethnicity.values())}.")
    if demo.age:
        lines.append(f"Age of {people_phrase(review)}, by band: {counts_text(demo.age, demo.age.values())}.")
    return lines


def theme_label(name: str, count: int | None) -> str:
    """Return a theme as the seed writes it: 'Self-Neglect (6)', or the name alone."""
    return f"{name} ({count})" if count is not None else name


def charted_themes(review: ReviewType) -> tuple[list[Theme], str]:
    """Return the counted themes a chart can show legibly (the most frequent), and words saying so if cut."""
    themes = review.theme_list
    if len(themes) <= MAX_CHARTED_THEMES:
        return themes, ""
    ranked = sorted(themes, key=lambda t: -(t.count or 0))[:MAX_CHARTED_THEMES]
    return ranked, f"the {MAX_CHARTED_THEMES} most frequent of {len(themes)} themes"
