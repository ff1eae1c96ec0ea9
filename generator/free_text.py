"""Free text's figures filled in: ``{cspr.count}`` and the like, in every free-text field, from the counted figures.

Runs once the register is counted (:func:`generator.figures.count_register`),
so every placeholder cites a figure as each output publishes it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from . import figures as figures_module
from . import timeline
from .data_source.schema import Locations
from .model import EventData, is_free_text, yaml_key
from .placeholders import contradicted_numbers, fill, suggestion
from .problems import WARNING, Problem, shorten


def fill_placeholders(event: EventData, locations: Locations) -> list[Problem]:
    """Fill every free-text field's placeholders with the figures; return unknown ones (errors) and numbers typed
    that contradict the figure beside them (warnings).

    A briefing's text gets the figures as the briefings publish them (small
    numbers hidden when asked); the rest as the deck does.
    """
    deck_figures = figures_module.event_figures(event, for_deck=True)
    period = event.period.dates_text if event.period else ""
    deck_values = figures_module.placeholder_values(deck_figures, period)
    briefing_values = figures_module.placeholder_values(figures_module.event_figures(event), period)
    deck_values.update(timeline.placeholder_values(timeline.event_timelines(event, for_deck=True)))
    briefing_values.update(timeline.placeholder_values(timeline.event_timelines(event)))
    nouns = _nouns(event)
    found: list[Problem] = []

    def visit(value: Any, path: str, values: dict[str, str]) -> Any:
        if isinstance(value, str):
            filled, unknown = fill(value, values)
            for name in unknown:
                close = suggestion(name, values)
                hint = f" (did you mean {{{close}}}?)" if close else ""
                found.append(locations.problem(path, f"{{{shorten(name)}}} is not a figure the data has{hint}"))
            found.extend(locations.problem(path, message, WARNING)
                         for message in contradicted_numbers(value, values, nouns))
            return filled
        if isinstance(value, list):
            return [visit(item, f"{path}[{index}]", values) for index, item in enumerate(value)]
        if isinstance(value, dict):
            return {key: visit(item, f"{path}.{key}" if path else key, values) for key, item in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {}
            for spec in dataclasses.fields(value):
                if not is_free_text(spec):
                    continue
                key = yaml_key(spec)
                child_path = f"{path}.{key}" if path else key
                chosen = briefing_values if spec.name == "briefing" and path.startswith("review_types") else values
                changes[spec.name] = visit(getattr(value, spec.name), child_path, chosen)
            return dataclasses.replace(value, **changes)
        return value

    filled: EventData = visit(event, "", deck_values)
    for spec in dataclasses.fields(EventData):
        if spec.init:  # the fields the reader sets (init=False: the register's rows) are kept as they are
            setattr(event, spec.name, getattr(filled, spec.name))
    return found


def _nouns(event: EventData) -> dict[str, str]:
    """Return the words a typed figure stands before, each with its placeholder: '23 children's reviews'."""
    nouns: dict[str, str] = {}
    for key, review in event.review_types.items():
        for noun in (review.name, review.full_name, f"{review.abbreviation}s"):
            nouns.setdefault(noun.lower(), f"{key}.count")
        nouns.setdefault(review.people_noun.lower(), f"{key}.people") if review.people_noun != "people" else None
    return nouns
