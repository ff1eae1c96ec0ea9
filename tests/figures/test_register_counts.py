"""A review type's aggregates counted from register rows: in the shape a data file types them, one table per role
when people have roles, and nothing counted for a type the data file already counts."""

from __future__ import annotations


import pytest

from generator.figures import count_register, counted_aggregates, report_labels
from generator.model import Demographics, EventData, Theme
from generator.register_records import PersonRow, ResolvedReview, RowPlace

PLACE = RowPlace("register.xlsx", "Reviews", 2)


def _person(role: str = "", age: int | None = None, ethnicity: str = "", gender: str = "") -> PersonRow:
    return PersonRow("R", role, age, ethnicity, gender, PLACE)


def _review(area: str, *people: PersonRow, themes: tuple[str, ...] = (), criteria: tuple[str, ...] = (),
            type_key: str = "adults") -> ResolvedReview:
    return ResolvedReview("R", type_key, area, "Completed", None, None, themes, people, PLACE, criteria)


@pytest.fixture
def tees(tees: EventData) -> EventData:
    """The default event (a copy) whose adult reviews are counted in three age bands."""
    tees.review_types["adults"].age_bands = ["18-39", "40-64", "65+"]
    return tees


def test_a_type_is_counted_by_its_report_by_labels_else_by_every_area(tees):
    tees.review_types["children"].report_by = ["MBC/RCBC", "HBC/SBC"]
    assert report_labels(tees, tees.review_types["children"]) == {"MBC/RCBC": ["MBC", "RCBC"],
                                                                  "HBC/SBC": ["HBC", "SBC"]}
    assert report_labels(tees, tees.review_types["adults"]) == {"MBC": ["MBC"], "RCBC": ["RCBC"], "HBC": ["HBC"],
                                                                "SBC": ["SBC"]}


def test_people_without_roles_are_counted_into_the_built_in_tables(tees):
    reviews = [_review("MBC", _person(age=20, ethnicity="White British", gender="Female"),
                       _person(age=70, ethnicity="Asian")),
               _review("MBC", _person(age=45, gender="Male"), themes=("Self-Neglect", "Trauma", "Self-Neglect")),
               _review("SBC", _person(), themes=("Self-Neglect", "Hoarding"))]
    found = counted_aggregates(tees, "adults", reviews)
    assert found["count"] == 3
    assert found["counts_by_area"] == {"MBC": 2, "RCBC": 0, "HBC": 0, "SBC": 1}
    demographics = found["demographics"]
    assert (demographics.people, demographics.tables) == (4, [])
    assert demographics.ethnicity == {"White British": 1, "Asian": 1}
    assert list(demographics.age.items()) == [("18-39", 1), ("40-64", 1), ("65+", 1)]
    assert demographics.gender == {"Female": 1, "Male": 1}
    assert demographics.known_for_each == {"Ethnicity": 1, "Age": 2, "Gender": 2}
    assert demographics.people_known == {"Ethnicity": (2, 4), "Age": (3, 4), "Gender": (2, 4)}
    themes = found["themes"]
    names = [theme.name for theme in tees.review_types["adults"].theme_list]
    assert themes[:len(names)] == [Theme(name, 2 if name == "Self-Neglect" else 0) for name in names]
    assert themes[len(names):] == [Theme("Hoarding", 1), Theme("Trauma", 1)]  # outside the list: most first, by name
    assert found["counts_by_criterion"] is None


def test_people_with_roles_are_described_in_a_table_for_each_role(tees):
    reviews = [_review("MBC", _person("Victim", 30, "White British", "Female"), _person("Perpetrator", 41, "", "Male")),
               _review("RCBC", _person("victim", 70, "Asian", "")),
               _review("HBC", _person("Perpetrator", None, "White British", "Male"))]
    demographics = counted_aggregates(tees, "adults", reviews)["demographics"]
    assert demographics.people == 4
    assert (demographics.ethnicity, demographics.age, demographics.gender) == ({}, {}, {})
    assert [(t.name, t.counts, t.known_for, t.role) for t in demographics.tables] == [
        ("Ethnicity of victims", {"White British": 1, "Asian": 1}, 2, "victim"),
        ("Age of victims", {"18-39": 1, "40-64": 0, "65+": 1}, 2, "victim"),
        ("Gender of victims", {"Female": 1}, 1, "victim"),
        ("Ethnicity of perpetrators", {"White British": 1}, 1, "perpetrator"),
        ("Age of perpetrators", {"18-39": 0, "40-64": 1, "65+": 0}, 1, "perpetrator"),
        ("Gender of perpetrators", {"Male": 2}, 2, "perpetrator")]
    assert demographics.people_known == {
        "Ethnicity of victims": (2, 2), "Age of victims": (2, 2), "Gender of victims": (1, 2),
        "Ethnicity of perpetrators": (1, 2), "Age of perpetrators": (1, 2), "Gender of perpetrators": (2, 2)}


def test_ages_are_counted_only_with_bands_and_a_known_age_and_outside_every_band_not_at_all(tees):
    reviews = [_review("MBC", _person(age=12), _person(age=30)), _review("MBC", _person(age=39), _person(age=65))]
    assert counted_aggregates(tees, "adults", reviews)["demographics"].age == {"18-39": 2, "40-64": 0, "65+": 1}
    assert counted_aggregates(tees, "adults", [_review("MBC", _person())])["demographics"].age == {}
    tees.review_types["adults"].age_bands = []
    assert counted_aggregates(tees, "adults", reviews)["demographics"].age == {}


def test_a_type_with_criteria_counts_its_reviews_by_each_in_the_declared_order(tees):
    tees.review_types["adults"].criteria = ["Child practice", "Adult practice", "Domestic homicide"]
    reviews = [_review("MBC", criteria=("Domestic homicide", "Adult practice")),
               _review("MBC", criteria=("Adult practice",))]
    assert list(counted_aggregates(tees, "adults", reviews)["counts_by_criterion"].items()) == [
        ("Child practice", 0), ("Adult practice", 2), ("Domestic homicide", 1)]


def test_the_register_counts_only_the_types_the_data_file_does_not(tees):
    tees.register = "register.xlsx"
    tees.review_types["adults"].count = None
    tees.register_reviews = [_review("MBC", _person(age=20)), _review("RCBC", type_key="children")]
    count_register(tees)
    adults = tees.review_types["adults"]
    assert (adults.count, adults.counts_by_area) == (1, {"MBC": 1, "RCBC": 0, "HBC": 0, "SBC": 0})
    assert adults.demographics == Demographics(age={"18-39": 1, "40-64": 0, "65+": 0}, known_for_each={"Age": 1},
                                               people=1)
    assert tees.review_types["children"].count == 23  # typed in the data file


def test_without_a_register_nothing_is_counted(tees):
    tees.review_types["adults"].count = None
    tees.register_reviews = [_review("MBC")]
    count_register(tees)
    assert tees.review_types["adults"].count is None


def test_a_role_table_is_known_for_the_reviews_giving_the_field_for_someone_of_that_role(tees):
    reviews = [_review("MBC", _person("Victim", ethnicity=""), _person("Perpetrator", ethnicity="Asian")),
               _review("MBC", _person("Victim", ethnicity="White British"))]
    tables = counted_aggregates(tees, "adults", reviews)["demographics"].tables
    assert [(t.name, t.known_for) for t in tables if t.name.startswith("Ethnicity")] == [
        ("Ethnicity of victims", 1), ("Ethnicity of perpetrators", 1)]
