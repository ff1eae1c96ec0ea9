"""The slide-kind registry: every kind a plan makes is declared once, with layouts that the built-in template
has, and is drawn by its own function."""

from __future__ import annotations

import inspect
import io

import pytest
from pptx import Presentation

from generator.branding import read_template
from generator.loading import load_event
from generator.deck import writer
from generator.deck.kinds import SlideKind, all_kinds, slide_kind
from generator.deck.layouts import BODY_TYPES, find_layout, layout_candidates, placeholder
from generator.deck.plan import plan_deck
from generator.templates import BUILTIN_DECK_TEMPLATE
from tests.test_plan import EVERY_EVENT


@pytest.fixture(scope="module")
def builtin():
    return Presentation(io.BytesIO(read_template(None, BUILTIN_DECK_TEMPLATE)))


@pytest.mark.parametrize("data", EVERY_EVENT, ids=lambda path: path.stem)
def test_every_kind_a_plan_makes_is_declared(data):
    made = {spec.kind for spec in plan_deck(load_event(data).event)}
    assert made <= set(all_kinds()), made - set(all_kinds())


def test_the_default_deck_uses_every_kind():
    assert {spec.kind for spec in plan_deck(load_event(EVERY_EVENT[0]).event)} == set(all_kinds())


def test_each_kind_is_drawn_by_its_own_function_in_the_writer():
    kinds = all_kinds().values()
    draws = [kind.draw for kind in kinds]
    assert len(set(draws)) == len(draws)
    assert all(inspect.getmodule(draw) is writer for draw in draws)
    assert all(kind.layouts for kind in kinds)


@pytest.mark.parametrize("kind", sorted(all_kinds()))
def test_the_builtin_template_has_each_kinds_first_layout_and_a_body_where_one_is_needed(builtin, kind):
    declared = all_kinds()[kind]
    layout = find_layout(builtin, declared.layouts)
    assert layout.name == declared.layouts[0]
    if declared.needs_body:
        assert placeholder(layout, BODY_TYPES) is not None


def test_a_kinds_layouts_are_tried_in_order_and_the_themes_own_name_first(builtin):
    section = all_kinds()["section"].layouts
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


def test_a_kind_is_declared_with_the_decorator(monkeypatch):
    registry: dict[str, SlideKind] = {}
    monkeypatch.setattr("generator.deck.kinds.SLIDE_KINDS", registry)

    @slide_kind("quote", layouts=("Title Only",), needs_body=False)
    def draw_quote(deck_writer, spec):
        pass

    assert registry == {"quote": SlideKind("quote", ("Title Only",), False, draw_quote)}
