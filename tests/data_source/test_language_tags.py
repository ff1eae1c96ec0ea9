"""Language tags: well-formed BCP 47, and no longer than every reader of the outputs is bound to take."""

from __future__ import annotations

import pytest

from generator.data_source.language_tags import MAX_LANGUAGE_TAG, is_language_tag


@pytest.mark.parametrize("tag", ["cy", "en-GB", "cy-Latn-GB", "zh-yue-HK", "x-welsh", "en-GB-x-tees"])
def test_well_formed_tags_are_taken(tag):
    assert is_language_tag(tag)


@pytest.mark.parametrize("tag", ["", "en_GB", "Cymraeg!", "en-", "-GB", "e", "en-GB-", "cy GB"])
def test_what_is_not_a_tag_is_refused(tag):
    assert not is_language_tag(tag)


def test_a_tag_of_exactly_the_longest_length_is_taken_and_one_character_more_is_not():
    longest = "en-GB-x-abcdefgh-abcdefgh-abcdefg-a"
    assert len(longest) == MAX_LANGUAGE_TAG == 35
    assert is_language_tag(longest)
    assert not is_language_tag(longest + "a")  # well formed, but one character over
