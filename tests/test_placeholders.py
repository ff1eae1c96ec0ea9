"""Placeholders in free text, and numbers typed beside a figure that disagree with it."""

from __future__ import annotations

from generator.placeholders import contradicted_numbers, fill, names_in, suggestion

VALUES = {"cspr.count": "25", "cspr.people": "26", "cspr.area.MBC": "10", "cspr.theme.Parental mental health": "7",
          "period": "1 April 2021 to 31 March 2024", "dhr.count": "1,204"}
NOUNS = {"children's reviews": "cspr.count", "Children Reviews": "cspr.count", "children": "cspr.people",
         "domestic homicide reviews": "dhr.count"}


def test_placeholders_are_filled_from_the_values():
    text = "{cspr.count} reviews of {cspr.people} children, {cspr.area.MBC} in Middlesbrough ({period})."
    assert fill(text, VALUES) == ("25 reviews of 26 children, 10 in Middlesbrough (1 April 2021 to 31 March 2024).",
                                  [])


def test_names_may_hold_spaces_and_ignore_case_and_surrounding_spaces():
    assert fill("{ cspr.theme.Parental mental health } and {CSPR.Count}", VALUES) == ("7 and 25", [])


def test_unknown_placeholders_are_named_once_in_order_and_left_as_typed():
    text = "{cspr.cuont} then {sar.count}, {cspr.cuont} again and {cspr.count}"
    assert fill(text, VALUES) == ("{cspr.cuont} then {sar.count}, {cspr.cuont} again and 25",
                                  ["cspr.cuont", "sar.count"])
    assert suggestion("cspr.cuont", VALUES) == "cspr.count"
    assert suggestion("nothing.like.it", VALUES) is None


def test_double_braces_stand_for_a_brace_and_a_lone_brace_is_kept():
    assert fill("{{cspr.count}} is {cspr.count}; a lone { brace, {} and {{ }}", VALUES) == (
        "{cspr.count} is 25; a lone { brace, {} and { }", [])


def test_names_in_lists_the_placeholders_cited():
    assert names_in("{a} {{b}} { c } {a}") == ["a", "c"]


def test_a_typed_number_that_contradicts_the_figure_beside_it_is_reported():
    text = ("There were 23 children's reviews about 26 children; 24 Children Reviews in all, and 1,204 "
            "domestic homicide reviews.")
    assert contradicted_numbers(text, VALUES, NOUNS) == [
        "'23 children's reviews': the figure {cspr.count} is 25; write {cspr.count} instead of the number so it "
        "stays right",
        "'24 Children Reviews': the figure {cspr.count} is 25; write {cspr.count} instead of the number so it stays "
        "right",
    ]


def test_no_false_alarms_on_dates_years_ages_ranges_placeholders_or_other_words():
    text = ("On 12/05 2022 children met; in 2021 children's reviews began. Aged 5-9 children; a 3 year old; "
            "{cspr.count} children's reviews; 3.5 children; 10:30 children; 7 children's services; 26 children.")
    assert contradicted_numbers(text, VALUES, NOUNS) == []


def test_nouns_whose_figure_is_unknown_are_not_checked():
    assert contradicted_numbers("9 adult reviews", VALUES, {"adult reviews": "sar.count"}) == []


def test_a_suggestion_must_be_close():
    assert suggestion("peri", VALUES) == "period"
    assert suggestion("per", VALUES) is None  # two thirds alike is not close enough


def test_case_does_not_hide_a_contradiction():
    assert contradicted_numbers("23 CHILDREN'S REVIEWS", VALUES, NOUNS) == [
        "'23 CHILDREN'S REVIEWS': the figure {cspr.count} is 25; write {cspr.count} instead of the number so it "
        "stays right"]


def test_a_figure_written_with_thousands_commas_is_compared_as_a_number():
    assert contradicted_numbers("1,203 domestic homicide reviews", VALUES, NOUNS) == [
        "'1,203 domestic homicide reviews': the figure {dhr.count} is 1,204; write {dhr.count} instead of the "
        "number so it stays right"]


def test_years_from_1900_to_2100_are_years_and_a_year_does_not_stop_the_search():
    assert contradicted_numbers("in 1900 children; by 2100 children", VALUES, NOUNS) == []
    assert contradicted_numbers("in 1899 children", VALUES, NOUNS) != []
    assert len(contradicted_numbers("in 2021 children's reviews began; then 23 children's reviews", VALUES,
                                    NOUNS)) == 1


def test_numbers_are_read_around_placeholders_never_into_or_across_them():
    assert contradicted_numbers("1{cspr.count}5 children", VALUES, NOUNS) == [
        "'5 children': the figure {cspr.people} is 26; write {cspr.people} instead of the number so it stays right"]


def test_a_blank_noun_is_never_matched():
    assert contradicted_numbers("5  .", VALUES, {" ": "cspr.count"}) == []
