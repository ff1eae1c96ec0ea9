"""What is published of a type's figures: small groups not broken down, small numbers hidden (and the values
free text may cite print exactly what the tables print)."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from generator.figures import event_figures, hide_small, placeholder_values, publish_threshold, review_figures
from generator.loading import load_event
from generator.model import DemographicTable, Demographics, EventData, Publish, ReviewType
from generator.suppression import PRIMARY
from tests.conftest import DEFAULT_DATA, ROOT


HIDING = ROOT / "tests" / "fixtures" / "hiding" / "small-numbers.yaml"


@pytest.fixture(scope="module")
def hidden():
    return event_figures(load_event(HIDING, suppress_below=5).event)


def test_a_type_of_one_review_is_not_profiled_and_says_so_once():
    found = event_figures(load_event(HIDING).event)["plr"]
    assert found.areas is None and found.demographics == () and found.tables == ()
    assert found.headline == "1 Partnership Learning Review"
    assert found.not_shown == ("With 1 Partnership Learning Review, no figures by area or about the people "
                               "concerned are given: they would identify the person.",)


def test_a_number_of_reviews_below_the_threshold_is_itself_hidden(hidden):
    found = hidden["plr"]
    assert found.headline == "fewer than 5 Partnership Learning Reviews"
    assert found.tables == ()
    assert found.not_shown == ("With fewer than 5 Partnership Learning Reviews, no figures by area or about the "
                               "people concerned are given: they would identify them.",)


def test_area_counts_the_headline_would_give_away_are_withheld_whole(hidden):
    # '8 Safeguarding Adult Reviews' beside 'NBC <5, EMC <5, WDC 0' would make both 4.
    found = hidden["sar"]
    assert found.headline == "8 Safeguarding Adult Reviews"
    assert found.areas is None
    assert "Reviews by area is not shown: its small numbers could otherwise be worked out from the other " \
           "figures." in found.not_shown


def test_a_table_with_every_count_hidden_draws_no_chart_and_says_why(hidden):
    age = hidden["sar"].demographics[0]
    assert age.display_rows == (("18-39", "<5"), ("40-64", "<5"), ("65+", "0"))
    assert not age.chartable
    assert age.suppression_note == "2 categories with fewer than 5 people are not shown, so nothing is left to chart"


def test_the_number_not_known_is_hidden_with_the_number_known(hidden):
    ethnicity = next(t for t in hidden["cspr"].demographics if t.name == "Ethnicity")
    assert ethnicity.coverage_note == "not known for fewer than 5 of the 15 reviews"
    assert ethnicity.display_rows == (("White British", "[c]"), ("Asian British", "[c]"))


def test_placeholders_print_exactly_what_the_tables_print_under_hiding(hidden):
    values = placeholder_values(hidden, "")
    for key, found in hidden.items():
        assert values[f"{key}.count"] == found.count_text
        for table in found.tables:
            prefix = "area" if table is found.areas else table.name.lower()
            for (label, shown), cell in zip(table.display_rows, table.suppression.cells):
                printed = {"<5": "fewer than 5", "[c]": "an undisclosed number"}.get(shown, shown)
                assert values[f"{key}.{prefix}.{label}"] == printed
        for table in found.withheld:
            assert {values[f"{key}.{'area' if table.name == 'Reviews by area' else table.name.lower()}.{label}"]
                    for label, _ in table.rows} == {"an undisclosed number"}
    assert values["plr.count"] == "fewer than 5"
    assert values["sar.area.NBC"] == "an undisclosed number"


@pytest.mark.parametrize("publish, briefings, deck", [
    (Publish(), 0, 0), (Publish(suppress_below=5), 5, 0), (Publish(suppress_below=5, deck=True), 5, 5),
    (Publish(deck=True), 0, 0)])
def test_the_deck_hides_small_numbers_only_when_the_data_asks(tees, publish, briefings, deck):
    event = copy.copy(tees)
    event.publish = publish
    assert (publish_threshold(event, for_deck=False), publish_threshold(event, for_deck=True)) == (briefings, deck)


def _adults(tees: EventData, **given) -> ReviewType:
    return dataclasses.replace(tees.review_types["adults"], **given)


@pytest.mark.parametrize("count, threshold, said", [
    (0, 0, "With 0 Adult Reviews, no figures by area or about the people concerned are given: they would identify "
           "them."),
    (1, 0, "With 1 Adult Review, no figures by area or about the people concerned are given: they would identify "
           "the adult."),
    (1, 5, "With fewer than 5 Adult Reviews, no figures by area or about the people concerned are given: they would "
           "identify them."),
    (4, 5, "With fewer than 5 Adult Reviews, no figures by area or about the people concerned are given: they would "
           "identify them.")])
def test_too_few_reviews_are_not_broken_down_at_all(tees, count, threshold, said):
    review = _adults(tees, count=count, criteria=["Adult practice"], counts_by_criterion={"Adult practice": count})
    found = review_figures("adults", review, threshold=threshold)
    assert (found.areas, found.criteria, found.demographics, found.not_shown) == (None, None, (), (said,))
    assert [table.name for table in found.withheld] == ["Reviews by area", "Reviews by criterion", "Ethnicity", "Age"]


def test_two_reviews_are_broken_down_when_nothing_is_hidden(tees):
    found = review_figures("adults", _adults(tees, count=2, counts_by_area={"MBC": 2}))
    assert found.not_shown == ()
    assert [table.name for table in found.tables] == ["Reviews by area", "Ethnicity", "Age"]


VICTIMS_AND_PERPETRATOR = Demographics(tables=[
    DemographicTable("Ethnicity of victims", {"White": 6, "Asian": 2}, None, "victim"),
    DemographicTable("Ethnicity of perpetrators", {"White": 1}, None, "perpetrator")])


def test_a_role_of_too_few_people_is_not_described_and_said_so(tees):
    review = _adults(tees, count=8, demographics=VICTIMS_AND_PERPETRATOR)
    shown = review_figures("adults", review)
    assert shown.not_shown == ("Perpetrators (1) are too few to describe by ethnicity, age or other details without "
                               "identifying them.",)
    assert [table.name for table in shown.demographics] == ["Ethnicity of victims"]
    assert [table.name for table in shown.withheld] == ["Ethnicity of perpetrators"]
    assert shown.demographics[0].display_rows == (("White", "6"), ("Asian", "2"))
    hidden = review_figures("adults", review, threshold=5)
    assert hidden.not_shown == ("Perpetrators (fewer than 5) are too few to describe by ethnicity, age or other "
                                "details without identifying them.",)
    # The 8 victims are printed: the Asian '<5' beside a White 6 would be 2.
    assert hidden.demographics[0].display_rows == (("White", "[c]"), ("Asian", "<5"))


def test_each_roles_people_are_the_most_any_of_its_tables_covers(tees):
    demographics = Demographics(tables=[
        DemographicTable("Ethnicity of victims", {"White": 6, "Asian": 2}, 7, "victim"),
        DemographicTable("Age of victims", {"18-39": 5, "40-64": 4}, 8, "victim"),
        DemographicTable("Ethnicity of perpetrators", {"White": 7}, 7, "perpetrator")],
        people_known={"Ethnicity of victims": (8, 9)}, people=16)
    review = _adults(tees, count=8, demographics=demographics)
    shown = review_figures("adults", review)
    assert shown.people_by_unit == {"victims": 9, "perpetrators": 7}
    assert [table.coverage_note for table in shown.demographics] == [
        "where known: 8 of 9 victims; 1 not known", "", "where known: 7 of 8; 1 not known"]
    hidden = review_figures("adults", review, threshold=5)
    assert [(table.name, table.display_rows, table.coverage_note, table.unknown_hidden)
            for table in hidden.tables] == [
        ("Reviews by area", (("MBC", "5"), ("RCBC", "<5"), ("HBC", "0"), ("SBC", "<5")), "", ""),
        ("Ethnicity of victims", (("White", "6"), ("Asian", "<5")), "not known for fewer than 5 of the 9 victims",
         PRIMARY),
        ("Age of victims", (("18-39", "[c]"), ("40-64", "<5")), "", "")]
    # The one review of 8 whose perpetrator is not known would be 8 less the 7 shown.
    assert hidden.not_shown == ("Ethnicity of perpetrators is not shown: its small numbers could otherwise be "
                                "worked out from the other figures.",)
    assert [table.name for table in hidden.withheld] == ["Ethnicity of perpetrators"]


def test_the_people_a_table_does_not_cover_count_towards_what_a_reader_can_work_out(tees):
    demographics = Demographics(ethnicity={"White British": 6, "Asian": 3}, age={"18-39": 4, "40-64": 5},
                                known_for=9, people=10)
    found = review_figures("adults", _adults(tees, count=9, demographics=demographics), threshold=5)
    assert [(table.name, table.display_rows) for table in found.tables] == [
        ("Reviews by area", (("MBC", "5"), ("RCBC", "<5"), ("HBC", "0"), ("SBC", "<5"))),
        ("Ethnicity", (("White British", "6"), ("Asian", "<5"))), ("Age", (("18-39", "<5"), ("40-64", "5")))]
    assert found.not_shown == ()


def test_without_a_threshold_nothing_is_hidden(tees):
    found = review_figures("adults", tees.review_types["adults"])
    assert hide_small(found, {"adults": 7}) is found
    assert [table.suppression for table in found.tables] == [None, None, None]


def test_the_criteria_table_and_a_typed_tables_reviews_not_known_are_hidden_too(tees):
    review = _adults(tees, count=10, counts_by_area={"MBC": 6, "RCBC": 4},
                     demographics=Demographics(ethnicity={"White British": 6, "Asian": 4}, known_for=8, people=10),
                     criteria=["Adult practice", "Domestic homicide"],
                     counts_by_criterion={"Adult practice": 8, "Domestic homicide": 3})
    found = review_figures("adults", review, threshold=5)
    assert [(table.name, table.display_rows, table.coverage_note, table.unknown_hidden) for table in found.tables] == [
        ("Reviews by area", (("MBC", "[c]"), ("RCBC", "<5")), "", ""),
        ("Reviews by criterion", (("Adult practice", "8"), ("Domestic homicide", "<5")), "", ""),
        # 2 of the 10 reviews give no ethnicity: as few as that is hidden, and with it the 8 known.
        ("Ethnicity", (("White British", "[c]"), ("Asian", "<5")), "not known for fewer than 5 of the 10 reviews",
         PRIMARY)]
    assert found.criteria is not None and found.criteria.hidden_labels == ("Domestic homicide",)


def test_a_roles_people_counted_person_by_person_are_those_its_tables_cover_not_their_bars():
    # One victim's ethnicity known of 9 victims: 9 people, enough to describe (the bars alone add up to 1).
    tees = load_event(DEFAULT_DATA).event
    demographics = Demographics(tables=[DemographicTable("Ethnicity of victims", {"White": 1}, 1, "victim")],
                                people_known={"Ethnicity of victims": (1, 9)})
    found = review_figures("adults", _adults(tees, count=8, demographics=demographics))
    assert ([table.name for table in found.demographics], found.withheld, found.not_shown) == (
        ["Ethnicity of victims"], (), ())


@pytest.mark.parametrize("perpetrators, threshold, said", [
    ({"White": 1, "Asian": 1}, 0, ()),
    ({"White": 0}, 5, ("Perpetrators (0) are too few to describe by ethnicity, age or other details without "
                       "identifying them.",))])
def test_two_people_of_a_role_are_described_and_none_are_too_few(tees, perpetrators, threshold, said):
    victims = DemographicTable("Ethnicity of victims", {"White": 6, "Asian": 5}, None, "victim")
    demographics = Demographics(tables=[victims, DemographicTable("Ethnicity of perpetrators", perpetrators, None,
                                                                  "perpetrator")])
    found = review_figures("adults", _adults(tees, count=11, counts_by_area={"MBC": 11}, demographics=demographics),
                           threshold=threshold)
    assert found.not_shown == said
