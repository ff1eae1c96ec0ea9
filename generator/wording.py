"""How the figures are worded, once, for every output: the deck's plan and the briefing's plan both read this.

A phrase a reader sees in more than one place ("1 theme was not counted", "These
figures count the 12 victims and 9 perpetrators recorded in 12 reviews", the main themes'
chart) is made here, so the deck and the briefings never word one figure two ways,
and a count of one is always singular ("1 review", "1 Multi-agency Learning Review").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .charts import ChartSpec
from .i18n import _, ngettext

if TYPE_CHECKING:
    from .counting import KnownFor
    from .figures import ReviewFigures

IRREGULAR_PLURALS = {"child": "children", "person": "people", "man": "men", "woman": "women",
                     "grandchild": "grandchildren"}
IRREGULAR_SINGULARS = {plural: one for one, plural in IRREGULAR_PLURALS.items()}


def plural_word(word: str) -> str:
    """Return one word made plural: 'victim' -> 'victims', 'child' -> 'children', 'inquiry' -> 'inquiries'."""
    lower = word.casefold()
    if lower in IRREGULAR_PLURALS:
        return _same_case(IRREGULAR_PLURALS[lower], word)
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if lower.endswith("y") and lower[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    return word + "s"


def singular_word(word: str) -> str:
    """Return one plural word made singular: 'Reviews' -> 'Review', 'Inquiries' -> 'Inquiry', 'Children' ->
    'Child'; a word that is not plural is returned as it is."""
    lower = word.casefold()
    if lower in IRREGULAR_SINGULARS:
        return _same_case(IRREGULAR_SINGULARS[lower], word)
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word[-3:].isupper() else "y")
    if lower.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def singular_name(name: str) -> str:
    """Return the name of one review, derived from the name of several: 'Multi-agency Learning Reviews' ->
    'Multi-agency Learning Review' (the last word is the one that counts)."""
    head, _space, last = name.rstrip().rpartition(" ")
    return f"{head} {singular_word(last)}" if head else singular_word(last)


def _same_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def in_sentence(name: str) -> str:
    """Return a name as it reads inside a sentence: its first letter lowered ('Overdue at 15 June 2025, by agency'
    -> 'overdue at 15 June 2025, by agency'), the rest as it is, so dates, months and other names keep their
    capitals; a name that starts with an abbreviation ('SUSR criteria') is kept whole."""
    first_word = name.split(" ", 1)[0]
    if first_word[1:2].isupper():
        return name
    return name[:1].lower() + name[1:]


def counted(count: int, one: str, many: str = "") -> str:
    """Return a count with its noun, singular for one: '1 review', '12 reviews', '1 theme', '3 children'."""
    return f"{count} {one if count == 1 else many or plural_word(one)}"


def reviews_counted(count: int) -> str:
    """Return a number of reviews in the language being written: '1 review', '12 reviews', '12 adolygiad'."""
    return ngettext("{count} review", "{count} reviews", count)


def joined(names: Sequence[str]) -> str:
    """Return names as a list in a sentence: 'A', 'A and B', 'A, B and C' ('A, B a C' in Welsh)."""
    if len(names) == 1:
        return names[0]
    return _("{first} and {last}", first=", ".join(names[:-1]), last=names[-1])


def counts_text(labels: Iterable[str], values: Iterable[object]) -> str:
    """Return labels and their counts as 'MBC 5, RCBC 1, HBC 0'."""
    return ", ".join(f"{label} {value}" for label, value in zip(labels, values))


def coverage_note(coverage: KnownFor, unknown_hidden_as: str = "") -> str:
    """Return what a table says about those it does not cover, or '' when it covers all: 'where known: 19 of 21
    children; 2 not known' ('where known: 3 of 9; 6 not known' of reviews). When publishing hides the number not
    known (``unknown_hidden_as``: 'fewer than 5', or the words of a count hidden so that another cannot be worked
    out), the number known is not printed either, or the one would give the other: 'not known for fewer than 5 of
    the 21 children'."""
    if coverage.known >= coverage.total:
        return ""
    unit = coverage.unit or _("reviews")
    if unknown_hidden_as:
        return _("not known for {unknown} of the {total} {unit}", unknown=unknown_hidden_as, total=coverage.total,
                 unit=unit)
    unknown = coverage.total - coverage.known
    if coverage.unit:
        return _("where known: {known} of {total} {unit}; {unknown} not known", known=coverage.known,
                 total=coverage.total, unit=coverage.unit, unknown=unknown)
    return _("where known: {known} of {total}; {unknown} not known", known=coverage.known, total=coverage.total,
             unknown=unknown)


def findings_heading(figures: ReviewFigures) -> str:
    """Return the line above a type's themes: 'What the 14 Children Reviews found:' ('the 1 Rapid Review')."""
    return _("What the {headline} found:", headline=figures.headline)


def not_found_line(figures: ReviewFigures) -> str:
    """Return 'Also looked for, not found this period: A; B.' for the themes no review featured in, or ''.

    A theme counted in none of the period's reviews is not a finding; it stays out of the list of what the
    reviews found, and out of the chart, but a reader still learns that it was looked for."""
    names = [theme.name for theme in figures.themes_not_found]
    return _("Also looked for, not found this period: {themes}.", themes="; ".join(names)) if names else ""


def themes_not_counted(figures: ReviewFigures) -> str:
    """Return 'The number after a theme is how many of the 12 reviews it featured in; the 1 theme with no number
    was not counted.' when only some themes have a number, else '' (with none counted there is none to explain)."""
    uncounted = len(figures.themes_uncounted)
    if not uncounted or uncounted == len(figures.themes):
        return ""
    return ngettext("The number after a theme is how many of the {reviews} it featured in; the {count} theme with "
                    "no number was not counted.",
                    "The number after a theme is how many of the {reviews} it featured in; the {count} themes with "
                    "no number were not counted.", uncounted, reviews=figures.reviews_counted)


def people_counted(figures: ReviewFigures) -> str:
    """Return who the demographic figures count, each group of people named once: 'These figures count the 12
    victims and 9 perpetrators recorded in 12 reviews.'; for a type without them, a line saying so."""
    if not figures.demographics:
        return _("No figures about the people reviewed are given for the {name}.", name=figures.review.name)
    people = joined([f"{number} {unit}" for unit, number in figures.people_by_unit.items()])
    # 'recorded': in a register, a review may have no person rows, and '3 people in 9 reviews' would read as all
    return _("These figures count the {people} recorded in {reviews}.", people=people,
             reviews=figures.reviews_counted)


def themes_chart_title(figures: ReviewFigures, cut: str) -> str:
    """Return the main themes' chart title: 'Reviews featuring each theme (of 12)', and what was left out."""
    title = _("Reviews featuring each theme (of {count})", count=figures.count_text)
    return f"{title}: {cut}" if cut else title


def themes_chart(figures: ReviewFigures, most: int | None = None) -> ChartSpec | None:
    """Return the chart of the counted themes found in the period (the ``most`` frequent, when given), most
    frequent first, or None when it would say nothing: fewer than two bars to compare, or a single review (every
    bar 1). The deck and the briefings show this one chart."""
    shown, cut = figures.charted_themes(most)
    if len(shown) < 2 or figures.count == 1:
        return None
    names, counts = tuple(t.name for t in shown), tuple(t.count or 0 for t in shown)
    alt = _("Bar chart of the main themes of the {headline}{cut}, with the number of the {reviews} each featured in: "
            "{counts}.", headline=figures.headline, cut=f" ({cut})" if cut else "",
            reviews=figures.reviews_counted, counts=counts_text(names, counts))
    return ChartSpec("bar", themes_chart_title(figures, cut), names, counts, alt)
