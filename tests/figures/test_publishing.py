"""What is published of a type's figures: small groups not broken down, small numbers hidden (and the values
free text may cite print exactly what the tables print)."""

from __future__ import annotations

import pytest

from generator.figures import event_figures, placeholder_values
from generator.loading import load_event
from tests.conftest import ROOT


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
