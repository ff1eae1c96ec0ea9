"""Checks that the numbers and names in a valid data file agree with each other.

Numbers that do not add up are warnings (errors under ``--strict``): real
review data is sometimes incomplete, and a trainer must still be able to
build. Numbers that cannot be (a theme in more reviews than there are, an
area counted both alone and in its grouping), references to names that do
not exist, and links that are not http(s)/mailto, are errors.
"""

from __future__ import annotations

from ..model import EventData, ReviewType
from ..categories import is_unknown, own_unknown_words
from ..problems import ERROR, NOTE, WARNING, Problem, listing, shorten
from .language_tags import MAX_LANGUAGE_TAG, is_language_tag
from .schema import Locations

REQUIRED_BRIEFING_SECTIONS = 7
# The deck shows every review type's slides and every theme, and python-pptx's cost of adding a slide grows with
# the slides already made: 10,000 themes took 31 s, 300 themes of 5,000 characters 38 s and 400 MB, and 20 types
# of 100 themes of 250 characters (412 slides) 37 s. At these limits a build takes seconds (README, Limits).
MAX_REVIEW_TYPES = 10
"""An event may have at most this many review types (the most in any partnership seen is five)."""
MAX_THEMES = 50
"""A review type may list at most this many themes (the most seen is 22)."""
MAX_THEME_CHARACTERS = 200
"""A theme may be at most this many characters long (the longest seen is 76)."""
BRIEFING_INSERTS = ("figures", "themes")
ALLOWED_LINK_SCHEMES = ("https://", "http://", "mailto:")


class _Reporter:
    def __init__(self, locations: Locations):
        self.locations = locations
        self.found: list[Problem] = []

    def add(self, path: str, message: str, severity: str = WARNING) -> None:
        self.found.append(self.locations.problem(path, message, severity))


def check(event: EventData, locations: Locations) -> list[Problem]:
    """Return every inconsistency in ``event``, errors and warnings, in file order."""
    report = _Reporter(locations)
    if not event.review_types:
        report.add("review_types", "expected at least one review type", ERROR)
    if len(event.review_types) > MAX_REVIEW_TYPES:
        report.add("review_types", f"the data has {len(event.review_types):,} review types; an event may have at most "
                                   f"{MAX_REVIEW_TYPES}", ERROR)
    if not is_language_tag(event.event.language):
        report.add("event.language", f"expected a language tag such as en-GB, cy or gd (BCP 47, at most "
                                     f"{MAX_LANGUAGE_TAG} characters), got '{shorten(event.event.language)}'", ERROR)
    for group, members in event.groupings.items():
        for i, member in enumerate(members):
            if member not in event.areas:
                report.add(f"groupings.{group}[{i}]",
                           f"'{shorten(member)}' is not one of the areas ({listing(event.areas)})", ERROR)
    for key, review_type in event.review_types.items():
        _check_review_type(report, event, f"review_types.{key}", review_type)
    report.found.sort(key=lambda p: (p.file, p.line or 0))
    return report.found


def _check_review_type(report: _Reporter, event: EventData, path: str, review: ReviewType) -> None:
    if not _check_theme_names(report, path, review):
        return  # its other checks would only repeat the count
    _check_themes_listed_once(report, path, review)
    if event.register is not None and f"{path}.count" not in report.locations.lines:
        _check_briefing(report, path, review)  # counted from the register: its numbers agree by construction
        return
    count = review.count or 0
    _check_area_counts(report, event, path, review, count)
    _check_demographics(report, path, review, count)
    _note_unknown_categories(report, event, f"{path}.demographics", review)
    for i, theme in enumerate(review.theme_list):
        if theme.count is not None and theme.count > count:  # a theme features in a review at most once
            report.add(f"{path}.themes[{i}].count",
                       f"'{shorten(theme.name)}' is counted in {theme.count} reviews but there are {count}; a "
                       "theme can feature in each review at most once", ERROR)

    _check_briefing(report, path, review)


def _check_theme_names(report: _Reporter, path: str, review: ReviewType) -> bool:
    """Report too many themes (and return False: nothing else is worth checking), or the first too long."""
    if len(review.theme_list) > MAX_THEMES:
        report.add(f"{path}.themes", f"lists {len(review.theme_list):,} themes; a review type may list at most "
                                     f"{MAX_THEMES} (keep the main ones: the deck shows every theme)", ERROR)
        return False
    too_long = [index for index, theme in enumerate(review.theme_list) if len(theme.name) > MAX_THEME_CHARACTERS]
    if too_long:
        first = too_long[0]
        report.add(f"{path}.themes[{first}]", f"the theme is {len(review.theme_list[first].name):,} characters long; a "
                                              f"theme may be at most {MAX_THEME_CHARACTERS} (shorten it to its main "
                                              "words)", ERROR)
    return True


def _check_area_counts(report: _Reporter, event: EventData, path: str, review: ReviewType, count: int) -> None:
    """Report counts by area naming no area or grouping, an area counted twice, and a total other than ``count``."""
    known_names = list(event.areas) + list(event.groupings)
    for name in review.area_counts:
        if name not in known_names:
            report.add(f"{path}.counts_by_area.{name}",
                       f"'{shorten(name)}' is not an area or grouping (expected one of: {listing(known_names)})", ERROR)
    for name, members in event.groupings.items():
        if name in review.area_counts:
            for member in members:
                if member in review.area_counts:
                    report.add(f"{path}.counts_by_area.{member}",
                               f"{member} is counted twice: on its own and in {name}, a grouping of "
                               f"{listing(members)}; give either the grouping or its areas", ERROR)
    area_total = sum(review.area_counts.values())
    if area_total != count:
        report.add(f"{path}.counts_by_area",
                   f"the area counts add up to {area_total} but there are {count} reviews")


def _check_demographics(report: _Reporter, path: str, review: ReviewType, count: int) -> None:
    """Report demographic tables that do not add up to the reviews (or people) they are said to cover."""
    demo = review.demographics
    demo_path = f"{path}.demographics"
    known = demo.known_for if demo.known_for is not None else count
    if known > count:
        report.add(f"{demo_path}.known_for",
                   f"demographics are known for {known} reviews but there are only {count}", ERROR)
    for table in ("ethnicity", "age", "gender"):
        values = getattr(demo, table)
        total = sum(values.values())
        if not values:
            continue
        known = demo.known_for_each.get(table.capitalize(), known)
        if demo.people is not None:
            if total != demo.people:
                report.add(f"{demo_path}.{table}",
                           f"the {table} figures add up to {total} but people says {demo.people}")
        elif total > known:
            report.add(f"{demo_path}.{table}",
                       f"the {table} figures add up to {total} but there are {known} reviews; if a review "
                       f"concerned more than one person, say so with 'people: {total}'")
        elif total < known:
            report.add(f"{demo_path}.{table}",
                       f"the {table} figures add up to {total} but there are {known} reviews; if some are "
                       f"not known, say so with 'known_for: {total}'")
    if demo.people is not None and demo.people < known:
        report.add(f"{demo_path}.people",
                   f"people is {demo.people} but demographics cover {known} reviews; each review concerns at "
                   "least one person")


def _note_unknown_categories(report: _Reporter, event: EventData, demo_path: str, review: ReviewType) -> None:
    """A typed category that is a word for "not known" ('Not recorded: 7') is counted as not known, never shown as a
    category; say so where it was typed, so the data's author sees where the table's "where known" comes from."""
    unknown = own_unknown_words(event.categories.unknown)
    demo = review.demographics
    typed = [(f"{demo_path}.{name}", getattr(demo, name)) for name in ("ethnicity", "age", "gender")]
    typed += [(f"{demo_path}.tables[{i}].counts", table.counts) for i, table in enumerate(demo.tables)]
    for path, counts in typed:
        for label, number in counts.items():
            if is_unknown(label, unknown):
                report.add(f"{path}.{label}" if f"{path}.{label}" in report.locations.lines else path,
                           f"'{shorten(label)}' is a word for not known: its {number} counted as not known (in the "
                           "table's 'where known'), not as a category", NOTE)


def _check_themes_listed_once(report: _Reporter, path: str, review: ReviewType) -> None:
    """A theme listed twice would show twice on the slide and in the briefing (and a register row could match
    either); names are compared as the register compares them, regardless of case and spacing."""
    first: dict[str, int] = {}
    for i, theme in enumerate(review.theme_list):
        key = " ".join(theme.name.casefold().split())
        if key in first:
            report.add(f"{path}.themes[{i}]", f"'{shorten(theme.name)}' is listed twice (first as themes["
                                              f"{first[key]}]); list each theme once", ERROR)
        first.setdefault(key, i)


def _check_briefing(report: _Reporter, path: str, review: ReviewType) -> None:
    sections = review.briefing.sections
    if len(sections) != REQUIRED_BRIEFING_SECTIONS:
        report.add(f"{path}.briefing.sections",
                   f"a seven-minute briefing has {REQUIRED_BRIEFING_SECTIONS} sections; found {len(sections)}",
                   ERROR)
    for s, section in enumerate(sections):
        if section.show and section.show not in BRIEFING_INSERTS:
            report.add(f"{path}.briefing.sections[{s}].show",
                       f"expected one of: {', '.join(BRIEFING_INSERTS)}; got '{shorten(section.show)}'", ERROR)
        for j, link in enumerate(section.links):
            if not link.url.lower().startswith(ALLOWED_LINK_SCHEMES):
                report.add(f"{path}.briefing.sections[{s}].links[{j}].url",
                           f"links must start with https://, http:// or mailto:, got '{shorten(link.url)}'", ERROR)
