"""Layouts found by name, placeholders by type, and the boxes content is placed in."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from generator.templates.opening import read_package
from generator.deck.layouts import (BODY_TYPES, FOOTER_TYPES, TITLE_TYPES, Box, box_of, choose_layout, content_area,
                                    find_layout, placeholder, proposed_layouts)
from generator.templates import BUILTIN_DECK_TEMPLATE


@pytest.fixture
def prs():
    return Presentation(io.BytesIO(read_package(BUILTIN_DECK_TEMPLATE, "pptx")))


def _layout(prs, name: str):
    return next(layout for layout in prs.slide_layouts if layout.name == name)


def test_find_layout_takes_the_first_name_the_template_has(prs):
    assert find_layout(prs, ("No Such Layout", "Title Only", "Title and Content")).name == "Title Only"


def test_find_layout_takes_the_chosen_name_first(prs):
    assert find_layout(prs, ("Title Only",), "Blank").name == "Blank"


def test_a_chosen_name_the_template_lacks_falls_back_to_the_kinds_names(prs):
    assert find_layout(prs, ("Title Only",), "Brand Cover").name == "Title Only"


def test_a_template_with_none_of_the_names_gives_its_first_layout(prs):
    assert find_layout(prs, ("Brand Cover", "Brand Text")) == prs.slide_layouts[0]


def test_layouts_are_found_by_name_not_position(prs):
    title_only, title_and_content = _layout(prs, "Title Only"), _layout(prs, "Title and Content")
    title_only.name, title_and_content.name = "Title and Content", "Title Only"  # a template that orders them otherwise
    assert find_layout(prs, ("Title Only",)) == title_and_content
    assert find_layout(prs, ("Title and Content",)) == title_only


def test_placeholder_is_found_by_type(prs):
    layout = _layout(prs, "Title and Content")
    assert placeholder(layout, TITLE_TYPES).placeholder_format.type == PP_PLACEHOLDER.TITLE
    assert placeholder(layout, BODY_TYPES).placeholder_format.type == PP_PLACEHOLDER.OBJECT
    assert placeholder(layout, FOOTER_TYPES).placeholder_format.type == PP_PLACEHOLDER.FOOTER
    assert placeholder(_layout(prs, "Blank"), TITLE_TYPES) is None


def test_box_columns_fill_the_box_with_the_gaps_between():
    box = Box(1000, 2000, 10000, 500)
    columns = box.columns(3, 500)
    assert [(c.top, c.height) for c in columns] == [(2000, 500)] * 3
    assert columns[0].left == 1000
    assert [b.left - (a.left + a.width) for a, b in zip(columns, columns[1:])] == [500, 500]
    assert columns[-1].left + columns[-1].width <= box.left + box.width
    assert box.left + box.width - (columns[-1].left + columns[-1].width) < 3  # only rounding is lost
    assert len({c.width for c in columns}) == 1


def test_box_columns_follow_their_weights():
    first, second = Box(0, 0, 10100, 10).columns(2, 100, [3.0, 1.0])
    assert (first.width, second.width) == (7500, 2500)
    assert second.left == 7600


def test_box_split_gives_the_fraction_and_the_rest():
    left, right = Box(0, 10, 1100, 20).split(0.5, 100)
    assert (left, right) == (Box(0, 10, 500, 20), Box(600, 10, 500, 20))
    assert Box(0, 10, 1100, 20).bottom == 30


def test_content_area_lies_between_the_title_and_the_footer(prs):
    slide = prs.slides.add_slide(_layout(prs, "Title and Content"))
    title = box_of(placeholder(slide, TITLE_TYPES))
    footer = box_of(placeholder(slide.slide_layout, FOOTER_TYPES))
    area = content_area(prs, slide)
    assert title.bottom < area.top < area.bottom < footer.top
    assert (area.left, area.width) == (title.left, title.width)


def test_content_area_of_a_slide_without_a_title_or_footer_keeps_a_margin(prs):
    slide = prs.slides.add_slide(_layout(prs, "Blank"))
    for shape in list(slide.placeholders):
        shape.element.getparent().remove(shape.element)
    for shape in list(slide.slide_layout.placeholders):
        shape.element.getparent().remove(shape.element)
    for shape in list(slide.slide_layout.slide_master.placeholders):
        if shape.placeholder_format.type in FOOTER_TYPES:
            shape.element.getparent().remove(shape.element)
    area = content_area(prs, slide)
    margin = Emu(457200 // 2)
    assert area == Box(margin, margin, prs.slide_width - 2 * margin, prs.slide_height - 2 * margin)


def _rename_every_layout(prs) -> None:
    """Rename the layouts as a comms team might ('Brand Title Slide'...): their types stay as they were."""
    for layout in prs.slide_layouts:
        layout.name = f"Brand {layout.name}"


def test_a_renamed_layout_is_found_by_its_type_and_the_fallback_says_which_key_to_set(prs):
    _rename_every_layout(prs)
    choice = choose_layout(prs, ("Section Header", "Title Only", "Title Slide"), None, "section")
    assert choice.layout.name == "Brand Section Header"
    assert choice.fallback == (
        "the template has no layout named 'Section Header' for section slides, so they are drawn on 'Brand Section "
        "Header', which suits them by its type and placeholders; to choose, set theme.layouts.section to one of the "
        "template's layout names")
    assert choose_layout(prs, ("Brand Title Only",), None, "charts").fallback == ""


def test_a_layout_found_by_name_is_no_fallback(prs):
    assert choose_layout(prs, ("Section Header", "Title Only"), None, "section") == choose_layout(
        prs, ("Section Header",), None, "section")
    assert choose_layout(prs, ("Section Header",), None, "section").fallback == ""


def test_the_proposed_mapping_names_a_layout_of_the_right_type_for_each_kind(prs):
    _rename_every_layout(prs)
    assert proposed_layouts(prs) == {
        "title": "Brand Title Slide", "closing": "Brand Title Slide", "section": "Brand Section Header",
        "content": "Brand Title and Content", "figures": "Brand Title Only", "charts": "Brand Title Only",
        "themes": "Brand Title and Content"}


def test_a_custom_layout_named_as_a_divider_serves_the_section_slides(prs):
    section = _layout(prs, "Section Header")
    section.element.set("type", "cust")
    section.name = "Our Divider"
    assert choose_layout(prs, ("Section Header",), None, "section").layout == section
