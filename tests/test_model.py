"""The default data's model against the seed deck's figures, one test per review type."""

from __future__ import annotations

import pytest

from generator.data_source import load_event
from generator.figures import theme_label
from tests.conftest import DEFAULT_DATA
from tests.seed import seed_review_types, seed_themes

SEED_TYPES = {seed.name: seed for seed in seed_review_types()}


@pytest.fixture(scope="module")
def model():
    return load_event(DEFAULT_DATA)


def test_default_data_loads_without_warnings(model):
    assert model.warnings == []
    assert [r.name for r in model.event.review_types.values()] == list(SEED_TYPES)


@pytest.mark.parametrize("name", list(SEED_TYPES))
def test_review_type_figures_match_the_seed(model, name):
    review = next(r for r in model.event.review_types.values() if r.name == name)
    seed = SEED_TYPES[name]
    assert review.count == seed.count
    assert review.counts_by_area == seed.areas
    assert review.demographics.ethnicity == seed.ethnicity
    assert review.demographics.age == seed.age
    assert [theme_label(t.name, t.count) for t in review.theme_list] == seed_themes()[name]
    # The seed's asterisk: demographics known only for some reviews, stated as "where known".
    people = sum(seed.age.values())
    if seed.starred:
        assert review.coverage_note == f"where known: {people} of {seed.count}"
    else:
        assert review.coverage_note == ""
    assert review.people_in_demographics == people


def test_a_review_can_concern_more_than_one_person(model):
    children = model.event.review_types["children"]
    assert children.count == 23
    assert children.people_in_demographics == sum(children.demographics.age.values()) == 24


def test_themes_with_and_without_counts(model):
    types = model.event.review_types
    assert types["adults"].themes_have_counts
    assert not types["children"].themes_have_counts
    assert all(t.count is None for t in types["domestic_homicide"].theme_list)


def test_event_date_reads_as_the_seed_writes_it(model):
    assert model.event.event.long_date == "Thursday 12 May 2022"
