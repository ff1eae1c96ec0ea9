"""Slide kinds added in generator/deck/kinds/: their planners place slides after a named part of the deck, and a
part the deck does not have is refused by name."""

from __future__ import annotations

import pytest

from generator.deck import kinds
from generator.deck.plan import plan_deck
from generator.deck.slides import SlideSpec
from generator.loading import load_event
from tests.conftest import DEFAULT_DATA


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> dict:
    planned: dict = {}
    monkeypatch.setattr(kinds, "PLANNED_AFTER", planned)
    return planned


def test_an_added_kinds_slides_follow_the_part_it_names(registry: dict) -> None:
    event = load_event(DEFAULT_DATA).event
    before = plan_deck(event)

    @kinds.planned_after("aims")
    def plan_aside(event):  # planned from the event, as a real kind is
        return [SlideSpec("content", f"Aside on {event.event.title}", "Notes.")]

    after = plan_deck(event)
    assert registry == {"aims": [plan_aside]}
    assert [spec.title for spec in after] == [before[0].title, before[1].title, f"Aside on {event.event.title}",
                                              *(spec.title for spec in before[2:])]


def test_a_part_the_deck_does_not_have_is_refused(registry: dict) -> None:
    kinds.planned_after("prologue")(lambda event: [])
    with pytest.raises(KeyError, match="a slide kind is planned after 'prologue', which is not a part of the deck "
                                       r"\(expected one of: event, aims, learning_reviews.are, "
                                       "learning_reviews.are_not, legal_framework, scene, timeline, themes, closing\\)"):
        plan_deck(load_event(DEFAULT_DATA).event)

