"""The event's plan: every output's content decided once, from the model, the same in every process."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.briefing.plan import plan_briefings
from generator.loading import load_event
from generator.deck.plan import plan_deck
from generator.plan import EventPlan, plan_event
from tests.conftest import DEFAULT_DATA, ROOT

GALLERY = sorted((ROOT / "tests" / "fixtures" / "gallery").glob("*.yaml"))
EVERY_EVENT = [DEFAULT_DATA, *GALLERY]


@pytest.fixture(scope="module", params=EVERY_EVENT, ids=lambda path: path.stem)
def plan(request) -> EventPlan:
    return plan_event(load_event(request.param).event)


def test_the_plan_holds_the_deck_and_one_briefing_per_review_type_in_the_datas_order(plan):
    assert list(plan.slides) == plan_deck(plan.event)
    assert list(plan.briefings) == plan_briefings(plan.event)
    assert [briefing.key for briefing in plan.briefings] == list(plan.event.review_types)


def test_the_plan_cannot_be_changed_once_made(plan):
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.slides = ()  # type: ignore[misc]


def test_the_plan_is_the_same_however_often_it_is_made(plan):
    assert plan_event(plan.event) == plan
    assert repr(plan_event(plan.event)) == repr(plan)


PRINT_PLAN = """
import hashlib, sys
from pathlib import Path
from generator.loading import load_event
from generator.plan import plan_event
print(hashlib.sha256(repr(plan_event(load_event(Path(sys.argv[1])).event)).encode()).hexdigest())
"""


@pytest.mark.parametrize("data", EVERY_EVENT, ids=lambda path: path.stem)
def test_the_plans_text_is_the_same_in_every_process(data: Path):
    """Fingerprints are made from the plan's repr: a set's order (which changes with the hash seed) would make
    every build redraw everything."""
    digests = {subprocess.run([sys.executable, "-c", PRINT_PLAN, str(data)], cwd=ROOT, check=True, text=True,
                              capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(digests) == 1


def test_a_briefing_says_whom_the_tables_count_once():
    from generator.briefing.plan import plan_briefing
    from generator.loading import load_event
    from generator.figures import event_figures
    from tests.conftest import DEFAULT_DATA

    event = load_event(DEFAULT_DATA).event
    children = event_figures(event)["children"]
    figures_part = next(s for s in plan_briefing(event, children).sections if s.tables)
    assert figures_part.figures_note == (event.review_types["children"].demographics.note,)
    event.review_types["children"].demographics.note = ""
    figures_part = next(s for s in plan_briefing(event, event_figures(event)["children"]).sections if s.tables)
    assert figures_part.figures_note == ("The tables describe the 24 children.",)


def test_the_section_notes_list_the_review_types_as_a_sentence_does():
    slides = plan_deck(load_event(DEFAULT_DATA).event)
    notes = [slide.notes for slide in slides if slide.kind == "section"]
    assert ("The next slides set out the legal framework for Child Safeguarding Practice Reviews, Safeguarding Adult "
            "Reviews and Domestic Homicide Reviews.") in notes
    assert any(n.startswith("39 reviews across the area: ") and n.count(" and ") == 1 for n in notes)


def test_the_questions_slide_has_notes_for_the_presenter_even_when_the_data_gives_none():
    event = load_event(DEFAULT_DATA).event
    assert event.reflective_questions is not None
    event.reflective_questions = dataclasses.replace(event.reflective_questions, notes="")
    questions = next(s for s in plan_deck(event) if s.title == event.reflective_questions.title)
    assert questions.notes.startswith("Give people a few minutes")
