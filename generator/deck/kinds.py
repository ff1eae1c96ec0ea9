"""The kinds of slide, each declared once: the layouts that can serve it, whether it needs a body, how it is drawn.

A kind is declared where it is drawn, with the :func:`slide_kind` decorator
on its drawing function in :mod:`generator.deck.writer`; the plan names kinds,
and everything else (layout lookup, ``check-template``, the theme's
``layouts:`` names) reads this registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .plan import SlideSpec
    from .writer import DeckWriter

Draw = Callable[["DeckWriter", "SlideSpec"], None]


@dataclass(frozen=True)
class SlideKind:
    """One kind of slide: its name, the layout names that can serve it (best first), and its drawing function."""

    name: str
    layouts: tuple[str, ...]
    needs_body: bool
    draw: Draw


SLIDE_KINDS: dict[str, SlideKind] = {}


def slide_kind(name: str, layouts: tuple[str, ...], needs_body: bool) -> Callable[[Draw], Draw]:
    """Declare a slide kind drawn by the decorated function."""

    def register(draw: Draw) -> Draw:
        SLIDE_KINDS[name] = SlideKind(name, layouts, needs_body, draw)
        return draw

    return register


def all_kinds() -> dict[str, SlideKind]:
    """Return every slide kind (importing the writer, where they are declared)."""
    from . import writer  # noqa: F401 - declares the kinds

    return SLIDE_KINDS
