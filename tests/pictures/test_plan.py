"""Which charts become pictures: every chart of the deck and the briefings, hidden as the published briefings hide."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.loading import load_event
from generator.figures import event_figures
from generator.model import Publish
from generator.pictures.plan import plan_pictures
from generator.plan import EventPlan, plan_event
from tests.conftest import DEFAULT_DATA, ROOT

EXAMPLES = sorted((ROOT / "data").glob("*.yaml")) + sorted((ROOT / "tests" / "fixtures" / "gallery").glob("*.yaml"))


def _plan(path: Path, threshold: int | None = None, deck: bool = False) -> EventPlan:
    event = load_event(path, suppress_below=threshold).event
    if deck:
        event.publish = dataclasses.replace(event.publish, deck=True)
    return plan_event(event)


def test_the_default_event_has_a_picture_of_each_table_and_each_counted_themes_chart():
    pictures = plan_pictures(_plan(DEFAULT_DATA))
    assert [p.stem for p in pictures] == [
        "cspr-reviews-by-area", "cspr-ethnicity", "cspr-age",
        "sar-reviews-by-area", "sar-ethnicity", "sar-age", "sar-themes",
        "dhr-reviews-by-area", "dhr-ethnicity", "dhr-age"]
    themes = pictures[6].chart
    assert themes.categories[:2] == ("Homelessness/Housing Issues", "Self-Neglect")  # most frequent first
    assert pictures[0].review_name == "Child Safeguarding Practice Reviews"


def test_every_chart_of_the_deck_and_the_briefings_has_a_picture_with_its_labels_and_values():
    for path in EXAMPLES:
        plan = _plan(path)
        drawn = {(p.chart.categories, p.chart.values) for p in plan_pictures(plan)}
        deck = [chart for slide in plan.slides for chart in slide.charts]
        briefings = [section.chart for briefing in plan.briefings for section in briefing.sections if section.chart]
        for chart in deck + briefings:
            assert (chart.categories, chart.values) in drawn or not chart.categories, (path.name, chart.title)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_pictures_show_only_what_the_published_briefing_shows_even_when_the_deck_is_not_hidden(path):
    plan = _plan(path, threshold=5)
    published = event_figures(plan.event)
    for picture in plan_pictures(plan):
        figures, chart = published[picture.review_key], picture.chart
        if picture.stem.endswith("-themes"):
            assert not set(figures.hidden_themes) & set(chart.categories), picture.stem
            assert {(t.name, t.count) for t in figures.themes_counted} >= set(zip(chart.categories, chart.values))
        else:  # the table's shown rows: the same CountTable the briefing's tables and chart read
            assert (chart.categories, chart.values) in {(t.labels, t.values) for t in figures.tables}, picture.stem
            assert not {label for t in figures.tables for label in t.hidden_labels
                        if t.title == chart.title} & set(chart.categories)


def test_a_hidden_count_never_reaches_a_picture_though_the_deck_shows_it():
    plan = _plan(ROOT / "tests" / "fixtures" / "gallery" / "welsh-regional-board.yaml", threshold=5)
    in_deck = next(chart for slide in plan.slides for chart in slide.charts if chart.title.startswith("Ethnicity"))
    pictured = next(p.chart for p in plan_pictures(plan) if p.chart.title.startswith("Ethnicity"))
    assert len(pictured.categories) < len(in_deck.categories)  # the deck is hidden only when publish.deck says so
    assert set(pictured.categories) < set(in_deck.categories)
    assert pictured.note.endswith("are not shown")


def test_publish_pictures_defaults_to_off():
    assert Publish().pictures is False
