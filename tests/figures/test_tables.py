"""A table's names: a role's people as a table names them."""

from __future__ import annotations

import dataclasses

import pytest

from generator.figures import role_plural
from generator.loading import load_event
from tests.conftest import DEFAULT_DATA


@pytest.fixture(scope="module")
def loaded():
    return load_event(DEFAULT_DATA)


@pytest.mark.parametrize(("role", "expected"), [
    ("victim", "victims"), ("perpetrator", "perpetrators"), ("child", "children"), ("Child", "children"),
    ("person", "people"), ("man", "men"), ("witness", "witnesses"), ("family member", "family members"),
    ("adult at risk", "adults at risk"), ("person of interest", "people of interest"), ("baby", "babies"),
    ("boy", "boys"), ("young person", "young people"),
])
def test_a_role_names_its_people_as_english_does(loaded, role, expected):
    first = next(iter(loaded.event.review_types.values()))
    children = dataclasses.replace(first, person_noun="child", people_noun="children")
    assert role_plural(role, children) == expected
