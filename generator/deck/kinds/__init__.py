"""Slide kinds added beside the built-in ones: one module each in this package, holding the kind's planner and its
drawing, so that a new kind touches two files, its declaration in :mod:`generator.slide_kinds` and its module here
(docs/extending.md shows one).

A kind's module plans its slides with :func:`planned_after` (they go after
that part of the deck, a name :func:`generator.deck.plan.plan_deck` gives its
parts) and draws each with :func:`generator.slide_kinds.draws`, through the
writer it is given. It imports no drawing library: the plan imports it.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping, Sequence

from ...model import EventData
from ..slides import SlideSpec

Planner = Callable[[EventData], list[SlideSpec]]

PLANNED_AFTER: dict[str, list[Planner]] = {}
"""The added kinds' planners, by the part of the deck their slides follow: registered by :func:`planned_after`."""


def planned_after(part: str) -> Callable[[Planner], Planner]:
    """Register the decorated function as planning slides that go after the deck's part ``part``."""

    def register(planner: Planner) -> Planner:
        PLANNED_AFTER.setdefault(part, []).append(planner)
        return planner

    return register


def load_added_kinds() -> None:
    """Import every module of this package, so that each registers its planner and its drawing."""
    for module in sorted(info.name for info in pkgutil.iter_modules(__path__)):
        importlib.import_module(f"{__name__}.{module}")


def with_added_kinds(event: EventData, parts: Mapping[str, Sequence[SlideSpec]]) -> list[SlideSpec]:
    """Return the deck's ``parts`` in order, each followed by the slides the added kinds plan after it."""
    load_added_kinds()
    unknown = sorted(set(PLANNED_AFTER) - set(parts))
    if unknown:
        raise KeyError(f"a slide kind is planned after '{unknown[0]}', which is not a part of the deck (expected one "
                       f"of: {', '.join(parts)})")
    return [slide for name, slides in parts.items()
            for slide in (*slides, *(added for planner in PLANNED_AFTER.get(name, ()) for added in planner(event)))]
