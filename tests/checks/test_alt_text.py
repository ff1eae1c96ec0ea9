"""Alt text that says nothing, as the deck's and the pictures' checks judge it."""

from __future__ import annotations

import pytest

from generator.checks.alt_text import is_generic


@pytest.mark.parametrize("text", ["Chart 3", "picture", "Content Placeholder 2", "logo.png", "Age chart"])
def test_placeholders_file_names_and_short_texts_are_generic(text):
    assert is_generic(text)


@pytest.mark.parametrize("text", ["Bar chart of reviews by area: North 3, South 4.", "Logo of the partnership"])
def test_text_that_says_what_is_shown_is_not(text):
    assert not is_generic(text)
