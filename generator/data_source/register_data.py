"""The register a data file names, read and matched to its review types, areas and themes.

The loader calls :func:`apply_register` once the data file is converted: it
checks the data's register settings, reads the register (workbook, CSV folder
or pair, or YAML lists), matches its rows to the data file's types, areas and
themes, and leaves the period's rows in ``event.register_reviews`` for the
counting (:func:`generator.figures.count_register`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..age_bands import count_ages, parse_bands
from ..categories import own_unknown_words
from ..categories.ethnicity import LEVELS
from ..i18n import SOURCE_LANGUAGE, speaking
from ..model import EventData, RegisterSource, ReviewType
from ..problems import ERROR, WARNING, InputError, Problem, shorten
from ..register_records import PERIOD_BASES, Recommendation, ResolvedReview, ReviewRow, name_key, select_period
from ..suppression import MIN_THRESHOLD
from ..wording import in_sentence
from .bounded_files import not_found
from .schema import Locations

if TYPE_CHECKING:
    from .register_rows import Register


def apply_register(event: EventData, locations: Locations, data_path: Path, allow_outside: bool,
                   suppress_below: int | None, names_in_first_language: Mapping[str, str] | None = None
                   ) -> list[Problem]:
    """Read the event's register and keep its rows in the period for counting; return the problems (errors and
    notes). ``names_in_first_language`` maps a bilingual file's type, theme and criterion names in its first language
    (compared as :func:`name_key` compares) to this version's, so one register serves every version."""
    if suppress_below is not None:
        event.publish = dataclasses.replace(event.publish, suppress_below=suppress_below)
    counted = {key for key, review in event.review_types.items()
               if event.register is not None and review.count is None}
    found = _settings_problems(event, locations, counted)
    if event.register is None or any(p.severity == ERROR for p in found):
        return found
    # The register's readers are imported only for a data file that names a register: most builds read none.
    from .register_categories import categorise
    from .register_period import account
    from .register_recommendations import read_timeline_rows

    register = _read(event, locations, data_path, allow_outside)
    if names_in_first_language:
        register.reviews = [_in_this_language(row, names_in_first_language) for row in register.reviews]
    found.extend(register.notes)
    resolved, problems = _matched_rows(event, register, counted)
    resolved, category_problems = categorise(resolved, event.categories, event.review_types)
    problems.extend(p for p in category_problems if p.severity == ERROR)
    found.extend(p for p in category_problems if p.severity != ERROR)
    problems.extend(_age_problems(event, resolved, locations))
    recommendations, timeline_problems, timeline_notes = read_timeline_rows(
        event, resolved, _register_path(event, data_path, locations, allow_outside),
        lambda value, key_path: _inside(data_path, value, key_path, locations, allow_outside), locations)
    problems.extend(timeline_problems)
    found.extend(timeline_notes)
    # Every problem at once: the rows that could not be read, then those whose names the data does not know.
    problems = register.problems + problems
    if problems:
        raise InputError(found + problems)
    found.extend(account(resolved, event.period, event.review_types, counted))
    found.extend(_keep_rows(event, resolved, recommendations, counted, locations))
    return found


def _matched_rows(event: EventData, register: Register, counted: set[str]) -> tuple[list[ResolvedReview],
                                                                                     list[Problem]]:
    """Return the register's reviews matched to the data's types, areas, themes and criteria, and the problems: a
    name the data does not know, or a row of a type whose figures the data file types itself."""
    names = {key: tuple(dict.fromkeys(n for n in (r.abbreviation, r.full_name, r.name, r.singular) if n))
             for key, r in event.review_types.items()}
    themes = {key: tuple(t.name for t in r.theme_list) for key, r in event.review_types.items()}
    criteria = {key: tuple(r.criteria) for key, r in event.review_types.items() if r.criteria}
    from .register_names import resolve_register

    resolved, problems = resolve_register(register, names, event.areas, themes, event.allow_new_themes, criteria)
    for row in resolved:
        if row.type_key not in counted:
            problems.append(row.place.problem(
                "Review type", f"{event.review_types[row.type_key].abbreviation or row.type_key} is typed as "
                               f"figures in the data file (review_types.{row.type_key}.count); give its figures "
                               "either in the register or in the data file, not both"))
    return resolved, problems


def _keep_rows(event: EventData, resolved: list[ResolvedReview], recommendations: list[Recommendation],
               counted: set[str], locations: Locations) -> list[Problem]:
    """Keep every review and recommendation in the event, and the period's reviews for counting; return a note
    for each counted type with no review in the period."""
    event.register_every_review = resolved
    event.register_recommendations = recommendations
    if event.period is None:
        event.register_reviews = resolved
        return []
    in_period = select_period(resolved, event.period.start, event.period.to, event.period.by)
    event.register_reviews = in_period
    return _types_without_reviews(event, counted, resolved, in_period, locations)


def _settings_problems(event: EventData, locations: Locations, counted: set[str]) -> list[Problem]:
    """Return the problems of the data's publishing, period, categories and review types' register settings."""
    found: list[Problem] = []
    if event.publish.suppress_below is not None and event.publish.suppress_below < MIN_THRESHOLD:
        found.append(locations.problem("publish.suppress_below",
                                       f"expected a number from {MIN_THRESHOLD} up (with {event.publish.suppress_below}"
                                       f", a hidden count could only be 1), got {event.publish.suppress_below}"))
    if event.period is not None:
        if event.period.by not in PERIOD_BASES:
            found.append(locations.problem("period.by", f"expected {' or '.join(PERIOD_BASES)}, got "
                                                        f"'{shorten(event.period.by)}'"))
        if event.period.to < event.period.start:
            found.append(locations.problem("period.to", f"the period ends ({event.period.to}) before it starts "
                                                        f"({event.period.start})"))
    if event.categories.ethnicity not in LEVELS:
        found.append(locations.problem("categories.ethnicity", f"expected {' or '.join(LEVELS)}, got "
                                                               f"'{shorten(event.categories.ethnicity)}'"))
    for key, review in event.review_types.items():
        found.extend(_check_type(event, key, review, f"review_types.{key}", locations, counted))
    return found


def _in_this_language(row: ReviewRow, names: Mapping[str, str]) -> ReviewRow:
    """Return a register row with its review type, themes and criteria named as this version of the data names
    them."""
    def renamed(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(names.get(name_key(value), value) for value in values)

    return dataclasses.replace(row, review_type=names.get(name_key(row.review_type), row.review_type),
                               themes=renamed(row.themes), criteria=renamed(row.criteria))


def _check_type(event: EventData, key: str, review: ReviewType, path: str, locations: Locations,
                counted: set[str]) -> list[Problem]:
    """Return the problems of one type's register settings, and of figures given both ways or not at all."""
    found = []
    if key in counted:
        for field_name in ("counts_by_area", "counts_by_criterion"):
            if getattr(review, field_name) is not None:
                found.append(locations.problem(f"{path}.{field_name}", _both_message(key, field_name)))
        if f"{path}.demographics" in locations.lines:
            found.append(locations.problem(f"{path}.demographics", _both_message(key, "demographics")))
        for index, theme in enumerate(review.theme_list):
            if theme.count is not None:
                found.append(locations.problem(f"{path}.themes[{index}].count", _both_message(key, "themes' counts")))
        known = list(event.areas) + list(event.groupings)
        covered: dict[str, str] = {}
        for index, label in enumerate(review.report_by):
            if label not in known:
                found.append(locations.problem(f"{path}.report_by[{index}]",
                                               f"'{shorten(label)}' is not an area or grouping (expected one of: "
                                               f"{', '.join(known)})"))
                continue
            for area in event.groupings.get(label, [label]):
                if area in covered:
                    found.append(locations.problem(f"{path}.report_by[{index}]",
                                                   f"{area} is counted in both {covered[area]} and {label}; count "
                                                   "each area once"))
                covered[area] = label
        missing = [area for area in event.areas if review.report_by and area not in covered]
        if missing:
            found.append(locations.problem(f"{path}.report_by",
                                           f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} in no "
                                           f"area or grouping listed; {'its' if len(missing) == 1 else 'their'} "
                                           "reviews would not be counted"))
        _, band_problems = parse_bands(review.age_bands, locations.file(f"{path}.age_bands"),
                                       locations.lines.get(f"{path}.age_bands"), f"{path}.age_bands")
        found.extend(band_problems)
    else:
        if review.count is None:
            found.append(locations.problem(path, "missing required key 'count' (or name a register: for the data "
                                                 "file, and its reviews are counted)"))
        if review.counts_by_area is None:
            found.append(locations.problem(path, "missing required key 'counts_by_area'"))
    return found


def _both_message(key: str, what: str) -> str:
    return (f"{key}'s reviews are counted from the register, so its {what} cannot be typed as well; remove "
            f"them, or give the type's count: to type all its figures instead")


def _age_problems(event: EventData, resolved: list[ResolvedReview], locations: Locations) -> list[Problem]:
    """Return a problem for each age that fits none of its type's bands."""
    problems = []
    for key, review in event.review_types.items():
        bands, _ = parse_bands(review.age_bands, "", None, "")
        if not bands:
            continue
        people = [person for row in resolved if row.type_key == key for person in row.people]
        problems.extend(count_ages(people, bands, review.abbreviation or review.name)[1])
    return problems


def _types_without_reviews(event: EventData, counted: set[str], every: list[ResolvedReview],
                           in_period: list[ResolvedReview], locations: Locations
                           ) -> list[Problem]:
    """Return a warning for each counted type with reviews in the register but none in the period: a mistyped
    period, far more often than a real year without one, and the type's slides would all say 0."""
    assert event.period is not None
    warnings = []
    for key in (k for k in event.review_types if k in counted):
        in_register = sum(1 for r in every if r.type_key == key)
        if in_register and not any(r.type_key == key for r in in_period):
            name = event.review_types[key].abbreviation or key
            with speaking(SOURCE_LANGUAGE):  # the period in the message's English, whatever the version read
                period = in_sentence(event.period.text)
            warnings.append(locations.problem(
                "period", f"none of the register's {in_register} {name} reviews falls in the period ("
                          f"{period}), so every {name} figure is 0; "
                          "check the period's dates", severity=WARNING))
    return warnings


def _read(event: EventData, locations: Locations, data_path: Path, allow_outside: bool) -> Register:
    """Return the register the data names, read from its files or its YAML lists, with its rows' problems."""
    from ..paths import display_path
    from .register_reading import rows_from_records
    from .register_rows import build_register, read_csv_register, read_register

    source = event.register
    unknown = own_unknown_words(event.categories.unknown)
    if isinstance(source, str):
        path = _inside(data_path, source, "register", locations, allow_outside)
        return read_register(path, display_path(path), raise_problems=False, unknown=unknown)
    assert isinstance(source, RegisterSource)
    if isinstance(source.reviews, list):
        if not isinstance(source.people, list):
            raise InputError([locations.problem("register.people", "expected the people's rows, as the reviews are "
                                                                   "given as rows")])
        file = locations.file("register.reviews")
        tables = [rows_from_records(_records(rows, f"register.{name}", locations), file, f"register.{name}",
                                        locations.lines.get(f"register.{name}"))
                  for name, rows in (("reviews", source.reviews), ("people", source.people))]
        return build_register(tables[0], tables[1], raise_problems=False, unknown=unknown)
    if not isinstance(source.people, str):
        raise InputError([locations.problem("register.people", "expected the people CSV file's name, as the "
                                                               "reviews are given as a file")])
    reviews_path = _inside(data_path, source.reviews, "register.reviews", locations, allow_outside)
    people_path = _inside(data_path, source.people, "register.people", locations, allow_outside)
    return read_csv_register(reviews_path, people_path, display_path(reviews_path), display_path(people_path),
                             raise_problems=False, unknown=unknown)


def _register_path(event: EventData, data_path: Path, locations: Locations, allow_outside: bool) -> Path | None:
    """Return the register's workbook or folder, when the data names one (the rows may be in the data instead)."""
    if isinstance(event.register, str):
        return _inside(data_path, event.register, "register", locations, allow_outside)
    return None


def _records(rows: list[dict[str, str | None]], key_path: str, locations: Locations
             ) -> list[tuple[int, dict[str, Any]]]:
    return [(locations.lines.get(f"{key_path}[{index}]", 0), dict(row)) for index, row in enumerate(rows)]


def _inside(data_path: Path, value: str, key_path: str, locations: Locations, allow_outside: bool) -> Path:
    """Return the register file or folder named in the data, which must lie in the data file's folder."""
    folder = data_path.resolve().parent
    try:
        path = (folder / value).resolve()
    except (OSError, RuntimeError):
        raise InputError([locations.problem(key_path, f"'{shorten(value)}' cannot be followed: it is a link that "
                                                      "leads back to itself")]) from None
    if not allow_outside and folder != path and folder not in path.parents:
        raise InputError([locations.problem(key_path, f"'{shorten(value)}' is outside the data file's folder; move "
                                                      "it there, or build with --allow-outside")])
    if not path.exists():
        what = ("a register is an Excel workbook (.xlsx), or a folder holding reviews.csv and people.csv"
                if key_path == "register" else "the CSV file of the register's " + key_path.rsplit(".", 1)[-1])
        raise InputError([locations.problem(key_path, f"{not_found(folder, value)}; {what}")])
    return path
