"""Matching a register's review types, areas and themes to the data file's, with a "did you mean"."""

from __future__ import annotations

import datetime as dt

from collections.abc import Sequence
from pathlib import Path

from generator.data_source.register_names import resolve_register
from generator.data_source.register_rows import read_register
from generator.register_records import ResolvedReview

from .register_helpers import AREAS, PEOPLE, REVIEWS, THEMES, TYPES, workbook


# Matching names to the data file ------------------------------------------------------------------------------------


def resolved(tmp_path: Path, rows: Sequence[Sequence[object]] = REVIEWS, allow_new_themes: bool = False
             ) -> tuple[list[ResolvedReview], list[str]]:
    references = {row[0] for row in rows}
    people = [row for row in PEOPLE if row[0] in references]
    found = read_register(workbook(tmp_path / "r.xlsx", rows, people), "reviews.xlsx")
    reviews, problems = resolve_register(found, TYPES, AREAS, THEMES, allow_new_themes)
    return reviews, [str(p) for p in problems]


def test_types_areas_and_themes_resolve_to_the_data_files_keys_and_names(tmp_path):
    reviews, problems = resolved(tmp_path)
    assert problems == []
    assert [(r.type_key, r.area, r.themes) for r in reviews] == [
        ("cspr", "MBC", ("Neglect", "Domestic Abuse")), ("cspr", "HBC", ("Neglect",)), ("sar", "HBC", ())]
    assert [len(r.people) for r in reviews] == [2, 1, 1]
    # The row's own facts pass through resolving unchanged.
    assert [(r.reference, r.status, r.notified, r.published) for r in reviews] == [
        ("C-1", "Published", dt.date(2021, 5, 4), dt.date(2022, 2, 1)),
        ("C-2", "In progress", dt.date(2021, 7, 10), None),
        ("S-1", "Published", dt.date(2022, 9, 15), dt.date(2023, 3, 1))]


def test_an_area_with_a_typo_gets_a_did_you_mean(tmp_path):
    rows = [REVIEWS[0][:2] + ["Midlesbrough"] + REVIEWS[0][3:], REVIEWS[1][:2] + ["Stockton"] + REVIEWS[1][3:]]
    assert resolved(tmp_path, rows)[1] == [
        "reviews.xlsx, sheet Reviews, row 2, Area: 'Midlesbrough' is not an area (did you mean MBC, Middlesbrough "
        "Borough Council?)",
        "reviews.xlsx, sheet Reviews, row 3, Area: 'Stockton' is not an area (expected one of: MBC, Middlesbrough "
        "Borough Council; HBC, Hartlepool Borough Council)",
    ]


def test_an_unknown_review_type(tmp_path):
    rows = [REVIEWS[0][:1] + ["CPSR"] + REVIEWS[0][2:], REVIEWS[1][:1] + ["LeDeR"] + REVIEWS[1][2:]]
    assert resolved(tmp_path, rows)[1] == [
        "reviews.xlsx, sheet Reviews, row 2, Review type: 'CPSR' is not a review type (did you mean CSPR, Child "
        "Safeguarding Practice Reviews?)",
        "reviews.xlsx, sheet Reviews, row 3, Review type: 'LeDeR' is not a review type (expected one of: CSPR, Child "
        "Safeguarding Practice Reviews; SAR, Safeguarding Adult Reviews)",
    ]


def test_a_theme_outside_the_types_list_is_an_error_unless_new_themes_are_allowed(tmp_path):
    rows = [REVIEWS[0][:6] + ["Neglet; Housing"]]
    assert resolved(tmp_path, rows)[1] == [
        "reviews.xlsx, sheet Reviews, row 2, Themes: 'Neglet' is not one of the CSPR themes (did you mean Neglect?)",
        "reviews.xlsx, sheet Reviews, row 2, Themes: 'Housing' is not one of the CSPR themes (expected one of: "
        "Neglect; Domestic Abuse)",
    ]
    reviews, problems = resolved(tmp_path, rows, allow_new_themes=True)
    assert problems == [] and reviews[0].themes == ("Neglet", "Housing")


def test_themes_separated_by_commas_are_told_to_use_semicolons(tmp_path):
    rows = [REVIEWS[0][:6] + ["Neglect, domestic abuse"]]
    assert resolved(tmp_path, rows)[1] == [
        "reviews.xlsx, sheet Reviews, row 2, Themes: 'Neglect, domestic abuse' is not one of the CSPR themes; "
        "separate themes with ';', not commas: Neglect; domestic abuse"]



# Criteria (a Single Unified Safeguarding Review's) ------------------------------------------------------------------


def test_a_rows_criteria_resolve_to_its_types_and_any_other_is_located(tmp_path):
    headings = ("Reference", "Review type", "Area", "Status", "Date notified", "Date published", "Themes", "Criteria")
    rows = [["C-1", "CSPR", "MBC", "", "2021-05-04", None, None, "child practice;  Domestic Homicide"],
            ["C-2", "CSPR", "MBC", "", "2021-05-04", None, None, "Domestic homicde"],
            ["S-1", "SAR", "HBC", "", "2021-05-04", None, None, "Adult practice"]]
    people = [[row[0], "", None, "", ""] for row in rows]
    found = read_register(workbook(tmp_path / "r.xlsx", rows, people, review_headings=headings), "reviews.xlsx")
    criteria = {"cspr": ("Child practice", "Domestic homicide")}
    reviews, problems = resolve_register(found, TYPES, AREAS, THEMES, False, criteria)
    assert [(r.reference, r.criteria) for r in reviews] == [
        ("C-1", ("Child practice", "Domestic homicide")), ("C-2", ()), ("S-1", ())]
    assert [str(p) for p in problems] == [
        "reviews.xlsx, sheet Reviews, row 3, Criteria: 'Domestic homicde' is not one of the CSPR criteria (did you "
        "mean Domestic homicide?)",
        "reviews.xlsx, sheet Reviews, row 4, Criteria: the SAR type declares no criteria; add criteria: to "
        "review_types.sar, or leave the column blank"]


def test_names_match_whatever_their_case_spacing_or_ampersands_and_a_long_names_typo_is_suggested(tmp_path):
    rows = [["C-1", "CSPR", "Hartlepool   borough council", "", "2021-05-04", None, "neglect AND care; Domestic  abuse"],
            ["C-2", "CSPR", "Hartlepol Borough Council", "", "2021-05-04", None, None],
            ["C-3", "CSPR", "Middlesbrough B C", "", "2021-05-04", None, None]]
    found = read_register(workbook(tmp_path / "r.xlsx", rows, [["C-1", "", None, "", ""]]), "reviews.xlsx")
    themes = {"cspr": ("Neglect & Care", "Domestic Abuse")}
    reviews, problems = resolve_register(found, TYPES, AREAS, themes, False)
    assert [(r.reference, r.area, r.themes) for r in reviews] == [("C-1", "HBC", ("Neglect & Care", "Domestic Abuse"))]
    assert [str(p) for p in problems] == [
        "reviews.xlsx, sheet Reviews, row 3, Area: 'Hartlepol Borough Council' is not an area (did you mean HBC, "
        "Hartlepool Borough Council?)",
        "reviews.xlsx, sheet Reviews, row 4, Area: 'Middlesbrough B C' is not an area (did you mean MBC, Middlesbrough "
        "Borough Council?)"]


def test_commas_joining_a_theme_of_the_list_and_one_not_in_it_are_not_taken_for_a_separator_slip(tmp_path):
    rows = [REVIEWS[0][:6] + ["Neglect, Housing"]]
    assert resolved(tmp_path, rows)[1] == [
        "reviews.xlsx, sheet Reviews, row 2, Themes: 'Neglect, Housing' is not one of the CSPR themes (expected one "
        "of: Neglect; Domestic Abuse)"]
