"""A register's people put in the data's categories: ONS 2021 ethnic groups, genders and declared roles."""

from __future__ import annotations

import datetime as dt

from generator.data_source.register_categories import categorise
from generator.model import Briefing, Categories, ReviewType
from generator.register_records import PersonRow, ResolvedReview, RowPlace

WHITE_BRITISH = "White: English, Welsh, Scottish, Northern Irish or British"


def review_type(abbreviation: str, roles: dict[str, str] | None = None, person_noun: str = "person") -> ReviewType:
    return ReviewType(abbreviation, abbreviation, abbreviation, [], Briefing([]), roles=roles or {},
                      person_noun=person_noun)


TYPES = {"cspr": review_type("CSPR", person_noun="child"),
         "dhr": review_type("DHR", {"victim": "victims", "perpetrator": "perpetrators"}),
         "sar": review_type("SAR")}


def register(type_key: str, *people: tuple[str, str, str]) -> list[ResolvedReview]:
    """Return one review of ``type_key`` whose people have these (role, ethnicity, gender), on rows 2, 3..."""
    rows = tuple(PersonRow("R-1", role, None, ethnicity, gender, RowPlace("r.xlsx", "People", number))
                 for number, (role, ethnicity, gender) in enumerate(people, start=2))
    return [ResolvedReview("R-1", type_key, "MBC", "", dt.date(2022, 1, 1), None, (), rows,
                           RowPlace("r.xlsx", "Reviews", 2))]


def people(reviews: list[ResolvedReview]) -> list[tuple[str, str, str]]:
    return [(p.role, p.ethnicity, p.gender) for r in reviews for p in r.people]


def test_free_text_ethnicities_are_read_as_their_ons_group_high_level_by_default_with_a_note_for_each():
    reviews, problems = categorise(register("cspr", ("", "White British", "F"), ("", "white british", "female"),
                                            ("", "Asian British - Pakistani", "Male"),
                                            ("", "Mixed White and Black Caribbean", "m"), ("", WHITE_BRITISH, "")),
                                   Categories(), TYPES)
    assert people(reviews) == [("", "White", "Female"), ("", "White", "Female"), ("", "Asian", "Male"),
                               ("", "Mixed", "Male"), ("", "White", "")]
    assert [(str(p), p.severity) for p in problems] == [
        (f"r.xlsx, sheet People, row 2, Ethnicity: 'White British' is read as the ONS 2021 group {WHITE_BRITISH} "
         "(1 row)", "note"),
        ("r.xlsx, sheet People, row 2, Gender: 'F' is read as Female (1 row)", "note"),
        (f"r.xlsx, sheet People, row 3, Ethnicity: 'white british' is read as the ONS 2021 group {WHITE_BRITISH} "
         "(1 row)", "note"),
        ("r.xlsx, sheet People, row 4, Ethnicity: 'Asian British - Pakistani' is read as the ONS 2021 group Asian, "
         "Asian British or Asian Welsh: Pakistani (1 row)", "note"),
        ("r.xlsx, sheet People, row 5, Ethnicity: 'Mixed White and Black Caribbean' is read as the ONS 2021 group "
         "Mixed or Multiple ethnic groups: White and Black Caribbean (1 row)", "note"),
        ("r.xlsx, sheet People, row 5, Gender: 'm' is read as Male (1 row)", "note"),
    ]


def test_detailed_reporting_uses_the_ons_short_labels():
    reviews, _ = categorise(register("cspr", ("", "White British", ""), ("", "Black or Black British: African", ""),
                                     ("", "Asian", ""), ("", "White - Other", "")),
                            Categories(ethnicity="detailed"), TYPES)
    assert [p[1] for p in people(reviews)] == ["White British", "Black African", "Asian, group not known",
                                               "White other"]


def test_an_ethnicity_that_names_no_group_is_an_error_with_a_did_you_mean():
    _, problems = categorise(register("cspr", ("", "Whte Britsh", ""), ("", "Martian", "")), Categories(), TYPES)
    assert [str(p) for p in problems] == [
        f"r.xlsx, sheet People, row 2, Ethnicity: 'Whte Britsh' is not an ONS 2021 ethnic group (did you mean "
        f"{WHITE_BRITISH}?); to count the register's own groups instead, list them as categories.ethnicities in the "
        "data file",
        "r.xlsx, sheet People, row 3, Ethnicity: 'Martian' is not an ONS 2021 ethnic group; choose one from the "
        "register's drop-down; to count the register's own groups instead, list them as categories.ethnicities in "
        "the data file",
    ]


def test_the_data_may_declare_its_own_ethnicities_and_genders():
    categories = Categories(ethnicities=["Welsh", "English", "Other"], genders=["Woman", "Man", "Non-binary"])
    reviews, problems = categorise(register("cspr", ("", "welsh", "non-binary"), ("", "Martian", "Wman")),
                                   categories, TYPES)
    assert people(reviews)[0] == ("", "Welsh", "Non-binary")
    assert [str(p) for p in problems] == [
        "r.xlsx, sheet People, row 3, Ethnicity: 'Martian' is not one of the ethnicities the data file lists "
        "(expected one of: Welsh, English, Other); add it to categories.ethnicities in the data file",
        "r.xlsx, sheet People, row 3, Gender: 'Wman' is not one of the genders the register counts (did you mean "
        "Woman?); list the register's genders as categories.genders in the data file",
    ]


def test_a_role_must_be_declared_for_its_type():
    reviews, problems = categorise(register("dhr", ("Victim", "", ""), ("alleged perpetrator", "", "")),
                                   Categories(), TYPES)
    assert people(reviews)[0] == ("victim", "", "")
    assert [str(p) for p in problems] == [
        "r.xlsx, sheet People, row 3, Role: 'alleged perpetrator' is not a DHR role (did you mean perpetrator?); "
        "declare each role with its people noun in review_types.dhr.roles"]


def test_a_type_without_roles_takes_only_its_own_word_for_one_person():
    assert categorise(register("cspr", ("Child", "", "")), Categories(), TYPES)[1] == []
    assert [str(p) for p in categorise(register("sar", ("adult", "", "")), Categories(), TYPES)[1]] == [
        "r.xlsx, sheet People, row 2, Role: 'adult' is not a SAR role; the data file declares none: declare each "
        "role with its people noun in review_types.sar.roles (for example {victim: victims}), or leave Role blank"]


def test_a_register_kept_in_welsh_writes_the_default_genders_in_welsh_and_counts_them_the_same():
    reviews, problems = categorise(register("cspr", ("", "", "Benyw"), ("", "", "gwryw"), ("", "", "Arall")),
                                   Categories(), TYPES)
    assert people(reviews) == [("", "", "Female"), ("", "", "Male"), ("", "", "Other")]
    assert problems == []  # the Welsh names are the categories' own, not other ways of writing them
    _reviews, problems = categorise(register("cspr", ("", "", "Benyw")), Categories(genders=["Woman", "Man"]), TYPES)
    assert [str(p) for p in problems] == [  # the data's own genders have no Welsh the generator knows
        "r.xlsx, sheet People, row 2, Gender: 'Benyw' is not one of the genders the register counts (expected one "
        "of: Woman, Man); list the register's genders as categories.genders in the data file"]


def test_a_value_read_as_another_on_several_rows_is_one_note_counting_its_rows():
    _reviews, problems = categorise(register("cspr", ("", "", "F"), ("", "", "F"), ("", "", "m")), Categories(),
                                    TYPES)
    assert [str(p) for p in problems] == ["r.xlsx, sheet People, row 2, Gender: 'F' is read as Female (2 rows)",
                                          "r.xlsx, sheet People, row 4, Gender: 'm' is read as Male (1 row)"]


def test_a_role_written_with_more_words_after_or_before_it_suggests_the_role():
    _reviews, problems = categorise(register("dhr", ("victim of abuse", "", ""), ("the perpetrator", "", "")),
                                    Categories(), TYPES)
    assert [p.message for p in problems] == [
        "'victim of abuse' is not a DHR role (did you mean victim?); declare each role with its people noun in "
        "review_types.dhr.roles",
        "'the perpetrator' is not a DHR role (did you mean perpetrator?); declare each role with its people noun in "
        "review_types.dhr.roles"]


def test_a_gender_as_near_as_the_cutoff_allows_is_still_suggested():
    # 'mail' and 'male' share three of their four letters each: a similarity of 0.75, the cutoff itself.
    _reviews, problems = categorise(register("cspr", ("", "", "Mail")), Categories(genders=["Woman", "Male"]), TYPES)
    assert [p.message for p in problems] == [
        "'Mail' is not one of the genders the register counts (did you mean Male?); list the register's genders as "
        "categories.genders in the data file"]


def test_with_no_genders_declared_a_gender_is_an_error_without_an_empty_list_of_choices():
    _reviews, problems = categorise(register("cspr", ("", "", "F")), Categories(genders=[]), TYPES)
    assert [p.message for p in problems] == [
        "'F' is not one of the genders the register counts; list the register's genders as categories.genders in "
        "the data file"]
