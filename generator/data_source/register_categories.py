"""A register's people put in the categories the data file declares: ethnicity in the ONS 2021 groups (or the
data's own list), gender from a short list, and each review type's declared roles.

A value written another way ("White British", "F") is read as its category,
and a note names each such reading once; a value that names no category is an
error with a "did you mean". Values that mean "not known" were already made
blank when the rows were read (:mod:`.register_rows`).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..categories import DEFAULT_GENDERS, GENDER_FORMS, match_key
from ..categories.ethnicity import find_group, written_forms
from ..i18n import every_translation
from ..model import Categories, ReviewType
from ..problems import NOTE, Problem
from ..register_records import PersonRow, ResolvedReview

SIMILARITY_CUTOFF = 0.75


@dataclass
class _Readings:
    """Each written value read as another, with the first row it was read on and how many rows."""

    first: dict[tuple[str, str], PersonRow] = field(default_factory=dict)
    rows: dict[tuple[str, str], int] = field(default_factory=dict)
    meaning: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, heading: str, written: str, meaning: str, person: PersonRow) -> None:
        key = (heading, written)
        self.first.setdefault(key, person)
        self.rows[key] = self.rows.get(key, 0) + 1
        self.meaning[key] = meaning

    def notes(self) -> list[Problem]:
        return [self.first[key].place.problem(
                    key[0], f"'{key[1]}' is read as {self.meaning[key]} ({_rows(self.rows[key])})", NOTE)
                for key in self.first]


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def categorise(reviews: Sequence[ResolvedReview], categories: Categories, review_types: Mapping[str, ReviewType]
               ) -> tuple[list[ResolvedReview], list[Problem]]:
    """Return the reviews with each person's ethnicity, gender and role as the data's categories name them, and
    the problems: an error for each value that names none, a note for each value read as another."""
    problems: list[Problem] = []
    readings = _Readings()
    ethnicity = _remembering(_ethnicity_reader(categories))
    gender = _remembering(_list_reader(categories.genders, GENDER_FORMS, "one of the genders the register counts",
                                       "list the register's genders as categories.genders in the data file",
                                       translated=_translated_genders(categories.genders)))
    roles = {key: _remembering(_role_reader(key, review)) for key, review in review_types.items()}
    result = []
    for review in reviews:
        people = []
        for person in review.people:
            changes: dict[str, Any] = {}
            for heading, field_name, read in (("Ethnicity", "ethnicity", ethnicity), ("Gender", "gender", gender),
                                              ("Role", "role", roles[review.type_key])):
                written = getattr(person, field_name)
                if not written:
                    continue
                meaning, reading, problem = read(written)
                if problem:
                    problems.append(person.place.problem(heading, problem))
                    continue
                if meaning != written:  # most registers write the categories' own names: nothing to change
                    changes[field_name] = meaning
                if reading:
                    readings.add(heading, written, reading, person)
            people.append(dataclasses.replace(person, **changes) if changes else person)
        changed = any(new is not old for new, old in zip(people, review.people))
        result.append(dataclasses.replace(review, people=tuple(people)) if changed else review)
    return result, problems + readings.notes()


# A reader takes a written value and returns its category, how it was read when that is worth a note (else ''),
# and a problem ('' when there is none).
Reader = Callable[[str], tuple[str, str, str]]


def _remembering(read: Reader) -> Reader:
    """Return ``read``, reading each written value once: a register writes the same few in row after row."""
    return lru_cache(maxsize=None)(read)


def _ethnicity_reader(categories: Categories) -> Reader:
    if categories.ethnicities:
        return _list_reader(categories.ethnicities, {}, "one of the ethnicities the data file lists",
                            "add it to categories.ethnicities in the data file")
    level = categories.ethnicity
    forms = written_forms()

    def read(written: str) -> tuple[str, str, str]:
        group = find_group(written)
        if group is None:
            close = difflib.get_close_matches(match_key(written), forms, n=1, cutoff=SIMILARITY_CUTOFF)
            hint = (f" (did you mean {forms[close[0]].label}?)" if close else
                    "; choose one from the register's drop-down")
            return "", "", (f"'{written}' is not an ONS 2021 ethnic group{hint}; to count the register's own "
                            "groups instead, list them as categories.ethnicities in the data file")
        reading = "" if match_key(written) == match_key(group.label) else f"the ONS 2021 group {group.label}"
        return group.shown(level), reading, ""

    return read


def _translated_genders(genders: Sequence[str]) -> dict[str, str]:
    """Return each default gender the data counts as a shipped language writes it ('benyw': 'Female'), so a
    register kept in Welsh counts in the same categories."""
    return {match_key(written): gender for gender in genders if gender in DEFAULT_GENDERS
            for written in every_translation(gender)}


def _list_reader(names: Sequence[str], forms: Mapping[str, str], what: str, remedy: str, suggest: bool = True,
                 translated: Mapping[str, str] | None = None) -> Reader:
    """Return a reader of values from a declared list, any case; ``forms`` are other ways of writing its names
    (said in a note), ``translated`` its names in another language (as good as the names themselves). An unknown
    value's problem suggests the nearest name (or lists them) when ``suggest``."""
    by_key = {match_key(name): name for name in names}
    declared = {match_key(name) for name in names} | set(translated or {})
    by_key.update({key: name for key, name in (translated or {}).items() if key not in by_key})
    by_key.update({form: name for form, name in forms.items() if match_key(name) in by_key and form not in by_key})

    def read(written: str) -> tuple[str, str, str]:
        key = match_key(written)
        if key in by_key:
            name = by_key[key]
            return name, ("" if key in declared else name), ""
        hint = _suggestion(written, names) if suggest else ""
        return "", "", f"'{written}' is not {what}{hint}; {remedy}"

    return read


def _role_reader(key: str, review: ReviewType) -> Reader:
    names = list(review.roles) or []
    if review.person_noun and match_key(review.person_noun) not in {match_key(n) for n in names}:
        names.append(review.person_noun)  # the type's own word for one person is always a role ('child')
    label = review.abbreviation or key
    if not review.roles:
        remedy = (f"the data file declares none: declare each role with its people noun in review_types.{key}.roles "
                  "(for example {victim: victims}), or leave Role blank")
    else:
        remedy = f"declare each role with its people noun in review_types.{key}.roles"
    return _list_reader(names, {}, f"a {label} role", remedy, suggest=bool(review.roles))


def _suggestion(written: str, names: Sequence[str]) -> str:
    """Return ' (did you mean X?)' for the declared name nearest ``written`` (or one it starts or ends), or
    ' (expected one of: A, B, C)'."""
    typed = match_key(written)
    best, best_score = None, SIMILARITY_CUTOFF
    for name in names:
        key = match_key(name)
        score = 1.0 if key and (typed.endswith(" " + key) or typed.startswith(key + " ")) else \
            difflib.SequenceMatcher(None, typed, key).ratio()
        if score >= best_score:
            best, best_score = name, score
    if best is not None:
        return f" (did you mean {best}?)"
    return f" (expected one of: {', '.join(names)})" if names else ""
