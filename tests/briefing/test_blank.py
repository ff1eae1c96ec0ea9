"""The blank briefing: prepared once per look, then reopened, with the same result."""

from __future__ import annotations

from generator.data_source import load_event
from tests.conftest import DEFAULT_DATA


def test_a_reopened_blank_document_gives_the_same_briefing_as_a_fresh_one(tmp_path):
    from generator.briefing import BriefingBuilder, blank
    from generator.templates import BUILTIN_DECK_TEMPLATE

    event = load_event(DEFAULT_DATA).event
    targets = BriefingBuilder(BUILTIN_DECK_TEMPLATE.read_bytes()).targets(event, tmp_path)
    fresh = []
    for target in targets:
        blank._BLANKS.clear()
        fresh.append(target.render().data)
    assert len(blank._BLANKS) == 1
    assert [target.render().data for target in targets] == fresh
