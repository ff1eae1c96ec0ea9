"""The plan of one event: every output's content, decided once from the model before anything is drawn."""

from __future__ import annotations

from dataclasses import dataclass

from .briefing.plan import BriefingPlan, plan_briefings
from .deck.plan import plan_deck
from .deck.slides import SlideSpec
from .deck.timeline_slides import timeline_slides
from .model import EventData


@dataclass(frozen=True)
class EventPlan:
    """The deck's slides and each review type's briefing, with the model they came from."""

    event: EventData
    slides: tuple[SlideSpec, ...]
    briefings: tuple[BriefingPlan, ...]


def plan_event(event: EventData) -> EventPlan:
    """Return the plan of every output of ``event``."""
    return EventPlan(event, tuple(plan_deck(event, timeline_slides(event))), tuple(plan_briefings(event)))
