"""The figures of every review type of an event: the default data's against the seed deck's, typed and counted."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from generator.counting import KnownFor
from generator.figures import CountTable, event_figures, placeholder_values, review_figures, theme_label
from generator.loading import load_event
from generator.model import DemographicTable, Demographics, Period, Publish, Theme
from generator.register_records import ResolvedReview, RowPlace
from tests.conftest import DEFAULT_DATA, ROOT
from tests.seed import seed_review_types, seed_themes

SEED_TYPES = {seed.name: seed for seed in seed_review_types()}


@pytest.fixture(scope="module")
def loaded():
    return load_event(DEFAULT_DATA)


@pytest.fixture(scope="module")
def figures(loaded):
    return {f.review.name: f for f in event_figures(loaded.event).values()}


def test_default_data_loads_without_warnings(loaded):
    assert loaded.warnings == []
    assert [r.name for r in loaded.event.review_types.values()] == list(SEED_TYPES)


@pytest.mark.parametrize("name", list(SEED_TYPES))
def test_review_type_figures_match_the_seed(figures, name):
    found = figures[name]
    seed = SEED_TYPES[name]
    tables = {table.name: table for table in found.demographics}
    assert found.count == seed.count
    assert dict(found.areas.rows) == seed.areas
    assert dict(tables["Ethnicity"].rows) == seed.ethnicity
    assert dict(tables["Age"].rows) == seed.age
    assert [theme_label(t) for t in found.themes] == seed_themes()[name]
    # The seed's asterisk: demographics known only for some reviews, stated as "where known".
    people = sum(seed.age.values())
    expected_note = f"where known: {people} of {seed.count}; {seed.count - people} not known" if seed.starred else ""
    assert tables["Ethnicity"].coverage_note == tables["Age"].coverage_note == expected_note
    assert found.areas.coverage_note == ""
    assert found.people == people


def test_a_review_can_concern_more_than_one_person(figures):
    children = figures["Children Reviews"]
    assert children.count == 23
    assert children.people == 24
    assert children.people_phrase == "the 24 children"


def test_themes_with_and_without_counts(figures):
    assert len(figures["Adult Reviews"].themes_counted) == len(figures["Adult Reviews"].themes)
    assert figures["Children Reviews"].themes_counted == ()
    assert figures["Domestic Homicide Reviews"].themes_uncounted == figures["Domestic Homicide Reviews"].themes


def test_one_review_takes_the_singular_name():
    review = load_event(DEFAULT_DATA).event.review_types["adults"]
    review.count = 1
    assert review.headline == "1 Adult Review"


def test_a_table_known_for_fewer_reviews_says_so():
    from generator.figures import review_figures

    review = load_event(DEFAULT_DATA).event.review_types["adults"]
    review.demographics.known_for_each = {"Age": 2}
    tables = {t.name: t for t in review_figures("adults", review).demographics}
    assert tables["Age"].title == f"Age (where known: 2 of {review.count}; {review.count - 2} not known)"
    assert tables["Ethnicity"].coverage_note == ""


def test_event_date_reads_as_the_seed_writes_it(loaded):
    assert loaded.event.event.long_date == "Thursday 12 May 2022"


BILINGUAL_GALLERY = ROOT / "tests" / "fixtures" / "gallery" / "bilingual-susr.yaml"


@pytest.mark.parametrize("language,rows", [
    ("en", (("Adult practice", 2), ("Child practice", 1), ("Domestic homicide", 2), ("Mental health homicide", 1),
            ("Offensive weapons homicide", 1))),
    ("cy", (("Ymarfer oedolion", 2), ("Ymarfer plant", 1), ("Dynladdiad domestig", 2),
            ("Dynladdiad iechyd meddwl", 1), ("Dynladdiad ag arf ymosodol", 1)))])
def test_a_type_declaring_criteria_counts_its_reviews_by_criterion(language: str, rows: tuple) -> None:
    from generator.figures import event_figures
    from generator.i18n import speaking
    from generator.loading import load_event

    loaded = load_event(BILINGUAL_GALLERY, language=language)
    with speaking(loaded.language):
        figures = event_figures(loaded.event)
        susr = figures["susr"]
        assert susr.count == 4
        assert susr.criteria is not None and susr.criteria.rows == rows  # several each: 7 for 4 reviews
        assert susr.criteria in susr.tables
        assert figures["cpr"].criteria is None and figures["cpr"].criteria not in figures["cpr"].tables
        assert susr.criteria.title == ("Reviews by criterion" if language == "en" else "Adolygiadau fesul maen prawf")


def test_a_typed_word_for_not_known_is_counted_as_not_known_not_as_a_category(tmp_path):
    # 'Not known' is a built-in word, 'Awaiting data' the data's own (categories.unknown); both leave the bars.
    text = DEFAULT_DATA.read_text(encoding="utf-8").replace("        Asian: 1\n        Other White British: 1\n",
                                                            "        Not known: 1\n        Awaiting data: 1\n", 1)
    data = tmp_path / "event.yaml"
    data.write_text(text + "\ncategories: {unknown: [Awaiting data]}\n", encoding="utf-8")
    loaded = load_event(data)
    ethnicity = next(t for t in event_figures(loaded.event)["children"].demographics if t.name == "Ethnicity")
    assert ethnicity.rows == (("White British", 21), ("Asian British", 1))
    assert ethnicity.title == "Ethnicity (where known: 22 of 24 children; 2 not known)"
    line = text.splitlines().index("        Not known: 1") + 1
    assert [str(p) for p in loaded.warnings if "a word for not known" in str(p)] == [
        f"{data}, line {line}, review_types.children.demographics.ethnicity.Not known: 'Not known' is a word for not "
        "known: its 1 counted as not known (in the table's 'where known'), not as a category",
        f"{data}, line {line + 1}, review_types.children.demographics.ethnicity.Awaiting data: 'Awaiting data' is a "
        "word for not known: its 1 counted as not known (in the table's 'where known'), not as a category"]


def test_a_typed_number_not_known_below_the_threshold_is_hidden_with_the_number_known(tmp_path):
    text = DEFAULT_DATA.read_text(encoding="utf-8").replace("        Asian: 1\n", "        Not recorded: 1\n", 1)
    data = tmp_path / "event.yaml"
    data.write_text(text, encoding="utf-8")
    loaded = load_event(data, suppress_below=5)
    ethnicity = next(t for t in event_figures(loaded.event)["children"].demographics if t.name == "Ethnicity")
    assert ethnicity.coverage_note == "not known for fewer than 5 of the 24 children"
    assert "Not recorded" not in dict(ethnicity.rows)


def _adults_with_every_table():
    review = load_event(DEFAULT_DATA).event.review_types["adults"]
    demographics = Demographics(
        ethnicity={"White British": 5, "Not known": 2}, gender={"Female": 3, "Male": 4}, age={"18-39": 3, "40-64": 4},
        tables=[DemographicTable("Disability", {"Yes": 2, "No": 3}, 5),
                DemographicTable("Age of victims", {"18-39": 3}, None, "victim")],
        known_for_each={"Gender": 6})
    return dataclasses.replace(review, demographics=demographics, themes=[Theme("Neglect", 2), Theme("Trauma")],
                               counts_by_area={"MBC": 5, "RCBC": 2})


def test_a_types_tables_are_the_built_in_ones_then_its_own_each_known_for_its_reviews():
    found = review_figures("adults", _adults_with_every_table(), "Reviews notified 1 April 2021 to 31 March 2022")
    assert (found.key, found.count, found.people, found.period) == (
        "adults", 7, 7, "Reviews notified 1 April 2021 to 31 March 2022")
    assert found.tables == (
        CountTable("Reviews by area", "Area", (("MBC", 5), ("RCBC", 2)), "reviews", 7, 7),
        CountTable("Ethnicity", "Ethnicity", (("White British", 5),), "adults", 7, 7,
                   people_coverage=KnownFor(5, 7, "adults")),
        CountTable("Age", "Age band", (("18-39", 3), ("40-64", 4)), "adults", 7, 7, ordered=True),
        CountTable("Gender", "Gender", (("Female", 3), ("Male", 4)), "adults", 6, 7),
        CountTable("Disability", "Disability", (("Yes", 2), ("No", 3)), "adults", 5, 7),
        CountTable("Age of victims", "Age of victims", (("18-39", 3),), "victims", 7, 7, ordered=True))


def test_the_people_are_the_most_any_table_of_the_types_own_people_covers():
    review = _adults_with_every_table()
    assert review_figures("adults", review).people == 7
    review = dataclasses.replace(review, demographics=dataclasses.replace(review.demographics, people=9))
    assert review_figures("adults", review).people == 9
    review = dataclasses.replace(review, demographics=Demographics())
    assert review_figures("adults", review).people == 7  # no tables: as many as the reviews
    victims = DemographicTable("Age of victims", {"18-39": 12}, None, "victim")
    review = dataclasses.replace(review, demographics=Demographics(age={"18-39": 9}, tables=[victims]))
    assert review_figures("adults", review).people == 9  # the victims are counted apart


def test_placeholders_give_each_count_as_printed():

    found = review_figures("adults", _adults_with_every_table())
    assert found.period == ""
    assert placeholder_values({"adults": found}, "1 April 2021 to 31 March 2022") == {
        "period": "1 April 2021 to 31 March 2022", "adults.count": "7", "adults.people": "7",
        "adults.headline": "7 Adult Reviews", "adults.known_for.Reviews by area": "7", "adults.area.MBC": "5",
        "adults.area.RCBC": "2", "adults.known_for.Ethnicity": "7", "adults.ethnicity.White British": "5",
        "adults.known_for.Age": "7", "adults.age.18-39": "3", "adults.age.40-64": "4", "adults.known_for.Gender": "6",
        "adults.gender.Female": "3", "adults.gender.Male": "4", "adults.known_for.Disability": "5",
        "adults.disability.Yes": "2", "adults.disability.No": "3", "adults.known_for.Age of victims": "7",
        "adults.age of victims.18-39": "3", "adults.theme.Neglect": "2"}


def test_placeholders_give_a_hidden_count_in_words_and_a_withheld_tables_as_undisclosed():

    found = review_figures("adults", _adults_with_every_table(), threshold=5)
    values = placeholder_values({"adults": found}, "")
    assert [values[f"adults.{name}"] for name in ("area.MBC", "area.RCBC", "age.18-39", "theme.Neglect")] == [
        "an undisclosed number", "fewer than 5", "fewer than 5", "fewer than 5"]
    assert [table.name for table in found.withheld] == ["Age of victims"]  # 3 victims
    assert values["adults.age of victims.18-39"] == "an undisclosed number"
    assert "adults.theme.Trauma" not in values


def test_a_type_with_register_rows_is_counted_from_them():
    event = load_event(DEFAULT_DATA).event
    place = RowPlace("register.xlsx", "Reviews", 2)
    rows = [ResolvedReview(f"R{n}", "adults", area, "Completed", None, None, (), (), place)
            for n, area in enumerate(["MBC", "MBC", "SBC"])]
    rows.append(ResolvedReview("X", "not a type", "MBC", "Completed", None, None, (), (), place))
    found = event_figures(event, rows)
    assert list(found) == ["children", "adults", "domestic_homicide"]
    assert found["adults"].count == 3
    assert found["adults"].areas is not None and found["adults"].areas.rows == (
        ("MBC", 2), ("RCBC", 0), ("HBC", 0), ("SBC", 1))
    assert found["children"].count == 23  # no rows: as the data file types it


def test_the_deck_and_the_briefings_hide_by_the_datas_threshold():
    event = load_event(DEFAULT_DATA).event
    event.publish = Publish(suppress_below=8)
    assert event_figures(event)["adults"].headline == "fewer than 8 Adult Reviews"
    assert event_figures(event, for_deck=True)["adults"].headline == "7 Adult Reviews"


def test_a_tables_coverage_is_the_datas_for_that_table_else_for_every_table_else_every_review():
    review = _adults_with_every_table()
    demographics = Demographics(age={"18-39": 3}, gender={"Male": 2}, ethnicity={"White British": 4},
                                tables=[DemographicTable("Disability", {"Yes": 1}),
                                        DemographicTable("Faith", {"None": 1}, 1)],
                                known_for=5, known_for_each={"Gender": 2, "Disability": 4},
                                people_known={"Ethnicity": (4, 6)})
    found = review_figures("adults", dataclasses.replace(review, demographics=demographics))
    assert [(table.name, table.known_for, table.people_coverage) for table in found.demographics] == [
        ("Ethnicity", 5, KnownFor(4, 6, "adults")), ("Age", 5, None), ("Gender", 2, None), ("Disability", 4, None),
        ("Faith", 1, None)]
    assert found.people == 6  # the people the ethnicity table covers, not the 4 its bars add up to


def test_each_types_figures_carry_its_key_and_the_events_period():
    event = load_event(DEFAULT_DATA).event
    event.period = Period(dt.date(2021, 4, 1), dt.date(2022, 3, 31))
    found = event_figures(event)
    assert [(key, figures.key, figures.period) for key, figures in found.items()] == [
        (key, key, "Reviews notified 1 April 2021 to 31 March 2022") for key in ("children", "adults",
                                                                                "domestic_homicide")]


def test_a_criteria_table_counts_reviews_by_each_declared_criterion_and_hides_like_the_rest():
    review = dataclasses.replace(_adults_with_every_table(), criteria=["Adult practice", "Child practice"],
                                 counts_by_criterion={"Adult practice": 7})
    assert review_figures("adults", review).criteria == CountTable(
        "Reviews by criterion", "Criterion", (("Adult practice", 7), ("Child practice", 0)), "reviews", 7, 7)
    hidden = review_figures("adults", dataclasses.replace(review, count=12, counts_by_area={"MBC": 12}), threshold=5)
    assert (hidden.areas.threshold, hidden.criteria.threshold) == (5, 5)


def test_placeholders_name_a_criterion_as_criterion():
    review = dataclasses.replace(_adults_with_every_table(), criteria=["Adult practice"],
                                 counts_by_criterion={"Adult practice": 7})
    values = placeholder_values({"adults": review_figures("adults", review)}, "")
    assert (values["adults.criterion.Adult practice"], values["adults.known_for.Reviews by criterion"]) == ("7", "7")
