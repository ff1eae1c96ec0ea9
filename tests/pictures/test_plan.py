"""Which charts become pictures: every chart of the deck and the briefings, hidden as the published briefings hide."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.loading import load_event
from generator.deck.plan import review_charts
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


def test_the_default_event_has_a_picture_of_each_chart_numbered_in_order():
    pictures = plan_pictures(_plan(DEFAULT_DATA))
    assert [p.stem for p in pictures][:4] == ["01-reviews-by-area", "02-ethnicity", "03-age", "04-reviews-by-area"]
    assert len({p.stem for p in pictures}) == len(pictures)
    assert pictures[0].shown_in == "Setting the Scene: Children Reviews"
    themes = next(p.chart for p in pictures if p.chart.categories[:1] == ("Homelessness/Housing Issues",))
    assert themes.categories[:2] == ("Homelessness/Housing Issues", "Self-Neglect")  # most frequent first


def test_every_chart_of_the_deck_and_the_briefings_has_a_picture_with_its_labels_and_values():
    for path in EXAMPLES:  # (an example may hide small numbers itself: its deck is then planned hidden as well)
        plan = _plan(path)
        drawn = {(p.chart.categories, p.chart.values) for p in plan_pictures(plan)}
        deck = [chart for slide in _plan(path, deck=True).slides for chart in slide.charts]
        briefings = [section.chart for briefing in plan.briefings for section in briefing.sections if section.chart]
        for chart in deck + briefings:
            assert (chart.categories, chart.values) in drawn, (path.name, chart.title)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_pictures_show_only_what_the_published_briefing_shows_even_when_the_deck_is_not_hidden(path):
    """Each review type's table charts, from the briefings' CountTables (their shown rows), are pictured as they
    are, and no picture draws a category those tables hide."""
    plan = _plan(path, threshold=5)
    pictured = {(p.chart.title, p.chart.categories, p.chart.values) for p in plan_pictures(plan)}
    for figures in event_figures(plan.event).values():
        for table, chart in zip(figures.tables, review_charts(figures)):
            assert not set(table.hidden_labels) & set(chart.categories), chart.title
            assert (chart.title, chart.categories, chart.values) in pictured, chart.title


def test_a_hidden_count_never_reaches_a_picture_though_the_deck_shows_it():
    plan = _plan(ROOT / "tests" / "fixtures" / "gallery" / "welsh-regional-board.yaml", threshold=5)
    in_deck = next(chart for slide in plan.slides for chart in slide.charts if chart.title.startswith("Ethnicity"))
    pictured = next(p.chart for p in plan_pictures(plan) if p.chart.title.startswith("Ethnicity"))
    assert len(pictured.categories) < len(in_deck.categories)  # the deck is hidden only when publish.deck says so
    assert set(pictured.categories) < set(in_deck.categories)
    assert pictured.note.endswith("are not shown")


def test_publish_pictures_defaults_to_off():
    assert Publish().pictures is False
