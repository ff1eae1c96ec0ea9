"""The briefing's plan: its page furniture, each part's lines in reading order, the chart it shows, and the words a
reader reads."""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import SimpleNamespace

import pytest

from generator.briefing import plan as briefing_plan
from generator.briefing.plan import (
    BriefingPlan, SectionPlan, addresses, briefing_chart, plan_briefing, plan_briefings, printed_names,
    record_request, table_header, timeline_paragraphs, word_count,
)
from generator.charts import ChartSpec
from generator.figures import CountTable, review_figures
from generator.loading import load_event
from generator.model import BriefingOptions, EventData, Link, Theme
from tests.conftest import ROOT

GALLERY_DIR = ROOT / "tests" / "fixtures" / "gallery"
AREAS = CountTable("Reviews by area", "Area", (("MBC/RCBC", 10), ("HBC/SBC", 13)), "reviews", 23, 23)
CHART = ChartSpec("bar", "Themes", ("A", "B"), (2, 1), "Bar chart of themes: A 2, B 1.")


def children(event: EventData, over_time=None) -> BriefingPlan:
    return plan_briefing(event, review_figures("children", event.review_types["children"]), over_time)


def test_a_briefings_page_furniture_comes_from_the_event_and_its_review_type(tees_as_loaded):
    plan = children(tees_as_loaded)
    assert (plan.key, plan.file_stem, plan.title, plan.subtitle) == (
        "children", "learning-from-reviews-2022-05-12-cspr",
        "Child Safeguarding Practice Reviews: seven-minute briefing", "Learning from Reviews · Thursday 12 May 2022")
    assert (plan.partnership, plan.footer, plan.language, plan.author, plan.subject, plan.keywords) == (
        "Tees Safeguarding Partnerships", "Published 12 May 2022", "en-GB", "Tees Safeguarding Partnerships",
        "Learning from Reviews, Thursday 12 May 2022",
        "safeguarding; Child Safeguarding Practice Reviews; seven-minute briefing")
    assert (plan.date, plan.review_name, plan.action_plan, plan.logo_alt_text, plan.hidden_below) == (
        dt.date(2022, 5, 12), "Child Safeguarding Practice Reviews", False, "Logo of Tees Safeguarding Partnerships", 0)
    assert plan.names == ("Stockton-on-Tees",)


def test_the_datas_own_title_author_logo_text_contact_version_and_team_record_are_used(tees):
    tees.review_types["children"].briefing.title = "Children: what we learned"
    tees.event.author = "Jo Bloggs"
    tees.theme.logo_alt_text = "Tees crest"
    tees.briefing = BriefingOptions(action_plan=True, version="Version 2", contact="learning@tees.example")
    plan = children(tees)
    assert (plan.title, plan.author, plan.logo_alt_text, plan.action_plan) == (
        "Children: what we learned", "Jo Bloggs", "Tees crest", True)
    assert plan.footer == "Published 12 May 2022 · Version 2 · Contact: learning@tees.example"


def test_without_a_briefing_contact_the_first_closing_contact_is_the_footers(tees):
    tees.closing.contacts = ["first@tees.example", "second@tees.example"]
    assert children(tees).footer == "Published 12 May 2022 · Contact: first@tees.example"


def test_the_file_is_named_by_the_types_key_when_it_has_no_abbreviation(tees):
    tees.review_types["children"].abbreviation = ""
    assert children(tees).file_stem == "learning-from-reviews-2022-05-12-children"


def test_the_figures_part_says_the_headline_and_whom_the_tables_count_and_charts_the_age_bands(tees_as_loaded):
    part = children(tees_as_loaded).sections[2]
    assert (part.number, part.heading, part.paragraphs) == (3, "The reviews across Tees", ("23 Children Reviews.",))
    assert [table.name for table in part.tables] == ["Reviews by area", "Ethnicity", "Age"]
    assert part.figures_note == ("A review concerned more than one child, so the tables count 24 children.",)
    assert part.chart == ChartSpec(
        "column", "Age of the 24 children, by band", ("0-4", "5-9", "10-14", "15-17"), (14, 4, 2, 4),
        "Column chart of the age of the 24 children in Children Reviews: 0-4 14, 5-9 4, 10-14 2, 15-17 4.")
    assert [section.chart for number, section in enumerate(children(tees_as_loaded).sections) if number != 2] == [None] * 6


def test_the_parts_keep_the_datas_paragraphs_bullets_and_links_in_order(tees_as_loaded):
    sections = children(tees_as_loaded).sections
    assert [(s.number, s.heading) for s in sections] == [
        (1, "Background"), (2, "Why it matters"), (3, "The reviews across Tees"), (4, "The themes"),
        (5, "The learning"), (6, "Questions to reflect on"), (7, "What to do")]
    assert sections[3].paragraphs == ("The main themes from the children's reviews were:",)
    assert sections[3].themes[:3] == ("Understanding the child's world",
                                      "Understanding parents own history and vulnerabilities",
                                      "Engaging the whole family")
    assert sections[5].bullets[0] == (
        "How do you make sure the child's own world and voice are understood in your work?")
    assert sections[6].links == (Link("Working Together to Safeguard Children (GOV.UK)",
                                      "https://www.gov.uk/government/publications/"
                                      "working-together-to-safeguard-children--2"),)


def test_the_figures_note_gives_the_datas_note_the_suppression_key_and_the_caveats_in_that_order(tees):
    review = tees.review_types["children"]
    review.demographics.note = "Age is known for every child."
    review.caveats = ["Two reviews are still open."]
    figures = review_figures("children", review, threshold=5)
    part = plan_briefing(tees, figures).sections[2]
    assert part.figures_note == (figures.suppression_key, "Age is known for every child.",
                                 "Two reviews are still open.")
    assert figures.suppression_key
    assert plan_briefing(tees, figures).hidden_below == 5


def test_the_figures_part_opens_each_sentence_with_a_capital_and_ends_it_with_a_full_stop(tees):
    figures = review_figures("children", tees.review_types["children"], threshold=50)
    assert plan_briefing(tees, figures).sections[2].paragraphs == ("Fewer than 50 Children Reviews.",)


def test_the_themes_part_lists_the_themes_and_says_what_was_not_counted_or_found():
    event = load_event(GALLERY_DIR / "welsh-regional-board.yaml").event
    plans = {plan.key: plan for plan in plan_briefings(event)}
    themes = plans["adult_practice"].sections[3]
    assert themes.themes_note == ("The number after a theme is how many of the 12 reviews it featured in; "
                                  "the 7 themes with no number were not counted.")
    assert themes.chart is not None and themes.chart.title == "Reviews featuring each theme (of 12)"
    assert len(plans["adult_practice"].smaller_charts) == 2
    long = {plan.key: plan for plan in plan_briefings(load_event(GALLERY_DIR / "long-labels-seven-areas.yaml").event)}
    assert long["learning"].sections[3].themes_note == (
        "Also looked for, not found this period: Self-neglect and hoarding in people who decline support.")


def test_a_full_page_has_smaller_themes_charts_of_one_bar_fewer_each_down_to_five(tees):
    figures = review_figures("adults", tees.review_types["adults"])
    plan = plan_briefing(tees, figures)
    chart = next(section.chart for section in plan.sections if section.chart is not None)
    assert len(chart.values) == 8
    assert [len(smaller.values) for smaller in plan.smaller_charts] == [7, 6, 5]
    assert [smaller.values for smaller in plan.smaller_charts] == [chart.values[:n] for n in (7, 6, 5)]


def test_a_briefing_charts_counted_themes_then_age_bands_then_nothing(tees):
    adults = review_figures("adults", tees.review_types["adults"])
    assert briefing_chart(adults)[1] == "themes"
    assert briefing_chart(adults, 5)[0].values == briefing_chart(adults)[0].values[:5]
    assert briefing_chart(review_figures("children", tees.review_types["children"]))[1] == "figures"
    review = tees.review_types["children"]
    review.demographics = dataclasses.replace(review.demographics, age={"0-4": 23})
    assert briefing_chart(review_figures("children", review)) == (None, "")


def test_a_suppressed_age_band_is_not_charted(tees):
    review = tees.review_types["children"]
    assert briefing_chart(review_figures("children", review, threshold=5)) == (None, "")


def test_an_age_chart_says_whom_its_figures_are_known_for(tees):
    review = tees.review_types["children"]
    review.demographics.age = {"0-4": 10, "5-9": 4}
    review.demographics.known_for = 14
    chart, part = briefing_chart(review_figures("children", review))
    assert part == "figures"
    assert chart.alt_text == ("Column chart of the age of the 24 children in Children Reviews "
                              "(where known: 14 of 23; 9 not known): 0-4 10, 5-9 4.")


def test_a_parts_lines_are_read_in_order():
    part = SectionPlan(3, "The reviews", ("Intro.",), (AREAS,), ("Note.",), ("Neglect 4",), "Not counted.", None,
                       ("Ask.",), (Link("GOV.UK", "https://www.gov.uk"),))
    assert part.text == ["3. The reviews", "Intro.", "Reviews by area", "MBC/RCBC 10", "HBC/SBC 13", "Note.",
                         "Neglect 4", "Not counted.", "Ask.", "Find out more: GOV.UK"]
    assert SectionPlan(1, "Background").text == ["1. Background"]


def _plan(*sections: SectionPlan, title: str = "Title", subtitle: str = "Sub title") -> BriefingPlan:
    return BriefingPlan("k", "stem", title, subtitle, "P", "F", "en-GB", "A", "S", "K", dt.date(2024, 1, 1), "R",
                        sections)


def test_the_words_are_the_titles_and_every_line_of_every_part():
    plan = _plan(SectionPlan(1, "Background", ("Three words here.",)), SectionPlan(2, "Why", bullets=("One",)))
    assert plan.words == 1 + 2 + 2 + 3 + 2 + 1
    assert plan.reading_minutes == 1


@pytest.mark.parametrize("words, minutes", [(299, 1), (301, 2), (500, 2), (700, 4), (1400, 7)])
def test_reading_minutes_are_the_words_at_200_a_minute_rounded(words, minutes):
    plan = _plan(SectionPlan(1, "x", ("w " * (words - 2),)), title="", subtitle="")
    assert plan.words == words
    assert plan.reading_minutes == minutes


def test_with_chart_replaces_only_the_chart_a_part_shows():
    plan = _plan(SectionPlan(1, "Background"), SectionPlan(4, "Themes", chart=CHART))
    other = ChartSpec("bar", "Themes", ("A",), (2,), "Bar chart of themes: A 2.")
    assert [section.chart for section in plan.with_chart(other).sections] == [None, other]
    assert plan.with_chart(other).sections[1].heading == "Themes"


def test_word_count_counts_runs_of_anything_but_spaces():
    assert word_count("  Fewer than 5\u00a0reviews — in\tTees\n") == 7  # a no-break space parts words too
    assert word_count("") == 0


def test_a_table_is_headed_by_what_it_counts_by_and_the_number_of_its_unit():
    assert table_header(AREAS) == ("Area", "Number of reviews")


def test_the_team_record_asks_who_discussed_the_review_types_briefing():
    assert record_request(_plan()) == "Record who discussed the R briefing, when, and what the team will do."


def test_email_and_web_addresses_are_found_whole():
    assert addresses(["Contact safeguarding-team@tees.gov.uk or see https://tees-sp.org/learn, www.tees.example.",
                      "No address here; a@b is not one"]) == [
        "safeguarding-team@tees.gov.uk", "https://tees-sp.org/learn,", "www.tees.example."]


def test_the_printed_names_are_the_partnerships_places_and_review_types(tees_as_loaded):
    names = printed_names(tees_as_loaded)
    assert names[:3] == ["Tees Safeguarding Partnerships", tees_as_loaded.event.in_conjunction_with, tees_as_loaded.event.venue]
    assert "Stockton-on-Tees Borough Council" in names and "MBC/RCBC" in names and "SBC" in names
    assert names[-3:] == ["Domestic Homicide Reviews", "Domestic Homicide Reviews", "Domestic Homicide Review"]


def _over_time(**given) -> SimpleNamespace:
    found = dict(trend_sentence="5 reviews a year.", timeliness_sentence="", recommendations_sentence="All done.",
                 withheld_tables=(), not_implemented=())
    return SimpleNamespace(**{**found, **given})


def test_the_figures_over_time_are_said_in_order_leaving_out_empty_sentences():
    assert timeline_paragraphs(None, True) == ()
    assert timeline_paragraphs(_over_time(), True) == ("5 reviews a year.", "All done.")


def test_a_table_over_time_left_out_is_said_so():
    found = _over_time(withheld_tables=("Recommendations by status", "Timeliness"))
    assert timeline_paragraphs(found, False)[2:] == (
        "Recommendations by status is not shown: its small numbers could otherwise be worked out from the other "
        "figures.", "Timeliness is not shown: its small numbers could otherwise be worked out from the other figures.")


def test_the_reasons_a_recommendation_was_not_implemented_are_said_only_when_the_data_publishes_them():
    reasons = (SimpleNamespace(text="Train staff", agency="Police", reason="no budget"),
               SimpleNamespace(text="Audit", agency="NHS", reason="superseded"))
    found = _over_time(not_implemented=reasons)
    assert timeline_paragraphs(found, True)[-1] == ("Not implemented: Train staff (Police: no budget); "
                                                    "Audit (NHS: superseded).")
    assert timeline_paragraphs(found, False) == ("5 reviews a year.", "All done.")
    assert timeline_paragraphs(_over_time(), True) == ("5 reviews a year.", "All done.")


def test_every_review_type_has_a_briefing_in_the_datas_order(tees_as_loaded):
    assert [plan.key for plan in plan_briefings(tees_as_loaded)] == ["children", "adults", "domestic_homicide"]
    assert [plan.file_stem for plan in plan_briefings(tees_as_loaded)] == [
        "learning-from-reviews-2022-05-12-cspr", "learning-from-reviews-2022-05-12-sar",
        "learning-from-reviews-2022-05-12-dhr"]


def test_a_briefing_without_a_title_of_its_own_is_the_types_seven_minute_briefing(tees):
    tees.review_types["children"].briefing.title = ""
    assert children(tees).title == "Child Safeguarding Practice Reviews: seven-minute briefing"


def test_the_figures_part_keeps_the_datas_paragraphs_before_the_headline_and_the_figures_over_time(tees):
    figures_part = next(section for section in tees.review_types["children"].briefing.sections
                        if section.show == "figures")
    figures_part.paragraphs = ["In Tees:"]
    over_time = _over_time(not_implemented=(SimpleNamespace(text="Train staff", agency="Police", reason="no budget"),))
    assert children(tees, over_time).sections[2].paragraphs == (
        "In Tees:", "23 Children Reviews.", "5 reviews a year.", "All done.")
    tees.timeline = SimpleNamespace(publish_reasons=True)
    assert children(tees, over_time).sections[2].paragraphs[-1] == "Not implemented: Train staff (Police: no budget)."


def test_the_figures_note_says_whom_the_tables_describe_when_they_count_people_not_reviews(tees):
    tees.review_types["children"].demographics.note = ""
    assert children(tees).sections[2].figures_note == ("The tables describe the 24 children.",)
    adults = plan_briefing(tees, review_figures("adults", tees.review_types["adults"]))
    assert adults.sections[2].figures_note == ()  # 7 adults in 7 reviews


def test_the_themes_note_says_which_themes_were_not_counted_then_which_were_not_found(tees):
    tees.review_types["adults"].themes += [Theme("Radicalisation", 0), Theme("Housing")]
    adults = plan_briefing(tees, review_figures("adults", tees.review_types["adults"]))
    assert adults.sections[3].themes_note == (
        "The number after a theme is how many of the 7 reviews it featured in; the 1 theme with no number was not "
        "counted. Also looked for, not found this period: Radicalisation.")


def test_a_briefing_charting_age_bands_has_no_smaller_themes_charts(tees_as_loaded):
    plan = plan_briefing(tees_as_loaded, review_figures("domestic_homicide", tees_as_loaded.review_types["domestic_homicide"]))
    assert [section.chart.kind for section in plan.sections if section.chart is not None] == ["column"]
    assert plan.smaller_charts == ()


def test_each_briefing_has_its_own_types_figures_over_time(tees_as_loaded, monkeypatch):
    monkeypatch.setattr(briefing_plan, "event_timelines", lambda event: {"adults": _over_time()})
    paragraphs = [plan.sections[2].paragraphs for plan in plan_briefings(tees_as_loaded)]
    assert paragraphs == [("23 Children Reviews.",), ("7 Adult Reviews.", "5 reviews a year.", "All done."),
                          ("9 Domestic Homicide Reviews.",)]
