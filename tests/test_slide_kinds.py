"""The slide kinds: every kind a plan makes is declared once, with layouts that the built-in template has, and is
drawn by its own function in deck/drawings.py."""

from __future__ import annotations

import inspect
import io

import pytest
from pptx import Presentation

from generator.templates.opening import read_package
from generator.loading import load_event
from generator.deck import drawings, writer
from generator.deck.layouts import BODY_TYPES, find_layout, layout_candidates, placeholder
from generator.deck.plan import plan_deck
from generator.slide_kinds import DRAWINGS, SLIDE_KINDS, draws
from generator.templates import BUILTIN_DECK_TEMPLATE
from tests.test_plan import EVERY_EVENT


@pytest.fixture(scope="module")
def builtin():
    return Presentation(io.BytesIO(read_package(BUILTIN_DECK_TEMPLATE, "pptx")))


@pytest.mark.parametrize("data", EVERY_EVENT, ids=lambda path: path.stem)
def test_every_kind_a_plan_makes_is_declared(data):
    made = {spec.kind for spec in plan_deck(load_event(data).event)}
    assert made <= set(SLIDE_KINDS), made - set(SLIDE_KINDS)


def test_the_default_deck_uses_every_kind():
    assert {spec.kind for spec in plan_deck(load_event(EVERY_EVENT[0]).event)} == set(SLIDE_KINDS)


def test_each_kind_is_drawn_by_its_own_function_in_the_drawings():
    assert writer.DeckWriter  # importing the writer registers the drawings
    assert set(DRAWINGS) == set(SLIDE_KINDS)
    draws_ = list(DRAWINGS.values())
    assert len(set(draws_)) == len(draws_)
    assert all(inspect.getmodule(draw) is drawings for draw in draws_)
    assert all(kind.layouts for kind in SLIDE_KINDS.values())


def test_the_covers_are_the_first_and_last_slides():
    assert [kind.name for kind in SLIDE_KINDS.values() if kind.cover] == ["title", "closing"]


@pytest.mark.parametrize("kind", sorted(SLIDE_KINDS))
def test_the_builtin_template_has_each_kinds_first_layout_and_a_body_where_one_is_needed(builtin, kind):
    declared = SLIDE_KINDS[kind]
    layout = find_layout(builtin, declared.layouts)
    assert layout.name == declared.layouts[0]
    if declared.needs_body:
        assert placeholder(layout, BODY_TYPES) is not None


def test_a_kinds_layouts_are_tried_in_order_and_the_themes_own_name_first(builtin):
    section = SLIDE_KINDS["section"].layouts
    assert section == ("Section Header", "Title Only", "Title Slide")
    assert layout_candidates("section") == list(section)
    assert layout_candidates("section", {"section": "Brand Divider", "content": "Brand Text"}) == [
        "Brand Divider", *section]
    assert layout_candidates("section", {"content": "Brand Text"}) == list(section)
    for layout in builtin.slide_layouts:
        if layout.name == "Section Header":
            layout.name = "Our Divider"
    assert find_layout(builtin, section).name == "Title Only"  # the next in order
    assert find_layout(builtin, section, "Our Divider").name == "Our Divider"  # the theme's own name first
    assert find_layout(builtin, section, "Blank").name == "Blank"  # even over a kind's own first choice


def test_a_drawing_registers_under_its_declared_kind(monkeypatch):
    drawings: dict = {}
    monkeypatch.setattr("generator.slide_kinds.DRAWINGS", drawings)

    @draws("themes")
    def draw_themes(deck_writer, spec):
        pass

    assert drawings == {"themes": draw_themes}


def test_a_kind_drawn_but_not_declared_is_refused():
    with pytest.raises(KeyError, match="slide kind 'quote' is drawn but not declared in SLIDE_KINDS"):
        draws("quote")
