"""Matching a register's names to the data file's: review types, areas and themes, with a "did you mean"."""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from ..problems import Problem
from ..register_records import PersonRow, ResolvedReview, name_key
from .register_rows import THEME_SEPARATOR, Register

SIMILARITY_CUTOFF = 0.7


def resolve_register(register: Register, review_types: Mapping[str, tuple[str, ...]], areas: Mapping[str, str],
                     themes: Mapping[str, tuple[str, ...]], allow_new_themes: bool,
                     criteria: Mapping[str, tuple[str, ...]] | None = None
                     ) -> tuple[list[ResolvedReview], list[Problem]]:
    """Return the reviews with the data file's keys for type and area and its names for themes, and the problems.

    ``review_types`` maps each type's key to the names a row may use for it,
    short name first and full name second (abbreviation, full name, name,
    singular); ``areas`` maps each area's short name to its full name;
    ``themes`` maps each type's key to its list of themes. A theme outside its
    type's list is an error unless ``allow_new_themes`` (then it is kept as typed). ``criteria`` maps each type
    that declares criteria to them; a row's criteria must be its type's.
    """
    problems: list[Problem] = []
    type_names = _NameIndex({key: (key,) + names for key, names in review_types.items()},
                            {key: _shown_names(names) for key, names in review_types.items()})
    area_names = _NameIndex({short: (short, full) for short, full in areas.items()},
                            {short: f"{short}, {full}" if full and full != short else short
                             for short, full in areas.items()})
    people_by_review: dict[str, list[PersonRow]] = {}
    for person in register.people:
        people_by_review.setdefault(person.reference.casefold(), []).append(person)
    theme_indexes = {key: _NameIndex({name: (name,) for name in names}, {name: name for name in names})
                     for key, names in themes.items()}
    resolved = []
    for review in register.reviews:
        type_key = type_names.find(review.review_type)
        area = area_names.find(review.area)
        if type_key is None:
            problems.append(review.place.problem("Review type", type_names.unknown(review.review_type,
                                                                                   "a review type")))
        if area is None:
            problems.append(review.place.problem("Area", area_names.unknown(review.area, "an area")))
        if type_key is None or area is None:
            continue
        theme_index = theme_indexes.get(type_key) or _NameIndex({}, {})
        label = next((n for n in review_types[type_key] if n), type_key)
        matched = _themes_matched(review, theme_index, label, allow_new_themes, problems)
        met, criteria_problems = _criteria_met(review, type_key, (criteria or {}).get(type_key, ()), label)
        problems.extend(criteria_problems)
        resolved.append(ResolvedReview(review.reference, type_key, area, review.status, review.notified,
                                       review.published, tuple(dict.fromkeys(matched)),
                                       tuple(people_by_review.get(review.reference.casefold(), ())), review.place,
                                       met, stages=review.stages))
    return resolved, problems


def _themes_matched(review, theme_index: _NameIndex, label: str, allow_new_themes: bool,
                    problems: list[Problem]) -> list[str]:
    """Return the row's themes as its type's list names them (a theme not in it kept as typed when new themes are
    allowed); record a problem for each other theme, saying so when commas joined themes of the list."""
    matched = []
    for theme in review.themes:
        name = theme_index.find(theme)
        if name is None and not allow_new_themes:
            parts = [part.strip() for part in theme.split(",")]
            if len(parts) > 1 and all(theme_index.find(part) for part in parts):
                message = (f"'{theme}' is not one of the {label} themes; separate themes with "
                           f"'{THEME_SEPARATOR}', not commas: {f'{THEME_SEPARATOR} '.join(parts)}")
            else:
                message = theme_index.unknown(theme, f"one of the {label} themes")
            problems.append(review.place.problem("Themes", message))
            continue
        matched.append(name or theme)
    return matched


def _criteria_met(review, type_key: str, declared: tuple[str, ...], label: str) -> tuple[tuple[str, ...],
                                                                                       list[Problem]]:
    """Return the criteria a row meets, as its type names them, and a problem for each it cannot meet."""
    if review.criteria and not declared:
        return (), [review.place.problem("Criteria", f"the {label} type declares no criteria; add criteria: to "
                                                     f"review_types.{type_key}, or leave the column blank")]
    index = _NameIndex({name: (name,) for name in declared}, {name: name for name in declared})
    met, problems = [], []
    for criterion in review.criteria:
        name = index.find(criterion)
        if name is None:
            problems.append(review.place.problem("Criteria", index.unknown(criterion, f"one of the {label} criteria")))
        else:
            met.append(name)
    return tuple(dict.fromkeys(met)), problems


def _shown_names(names: tuple[str, ...]) -> str:
    distinct = list(dict.fromkeys(n for n in names if n))
    return ", ".join(distinct[:2])



class _NameIndex:
    """Names a row may use for each key, found regardless of case and spacing, with a 'did you mean' for typos."""

    def __init__(self, names: Mapping[str, tuple[str, ...]], shown: Mapping[str, str]):
        self.by_name = {name_key(name): key for key, all_names in names.items() for name in all_names if name}
        self.names = names
        self.shown = shown

    def find(self, text: str) -> str | None:
        return self.by_name.get(name_key(text))

    def unknown(self, text: str, what: str) -> str:
        if not text:
            return f"is blank; expected {what}"
        close = self.closest(text)
        if close is not None:
            return f"'{text}' is not {what} (did you mean {self.shown[close]}?)"
        return f"'{text}' is not {what} (expected one of: {'; '.join(self.shown.values())})"

    def closest(self, text: str) -> str | None:
        """Return the key with a name (or the start of one, as 'Middlesbrough' of its council) nearest ``text``."""
        typed = name_key(text)
        best, best_score = None, SIMILARITY_CUTOFF
        for key, all_names in self.names.items():
            for name in all_names:
                words = name_key(name).split()
                for end in range(1, len(words) + 1):
                    score = difflib.SequenceMatcher(None, typed, " ".join(words[:end])).ratio()
                    if score >= best_score:
                        best, best_score = key, score
        return best

