"""The kinds of slide, each declared once: the layouts that can serve it, whether it needs a body, whether it is
a cover.

Beneath the readers and the deck (the standard library only), so that
validating a theme's ``layouts:`` names and ``check-template`` read the
declarations without loading the writer or python-pptx. Each kind is drawn by
one function registered with the :func:`draws` decorator: a built-in kind's in
:mod:`generator.deck.drawings`, an added kind's in its own module of
:mod:`generator.deck.kinds`, beside its planner.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .deck.slides import SlideSpec
    from .deck.writer import DeckWriter

Draw = Callable[["DeckWriter", "SlideSpec"], None]


@dataclass(frozen=True)
class SlideKind:
    """One kind of slide: its name, the layout names that can serve it (best first), and what it needs."""

    name: str
    layouts: tuple[str, ...]
    needs_body: bool
    cover: bool = False  # the deck's first or last slide: its title is sized on its own, not with the others'


SLIDE_KINDS: dict[str, SlideKind] = {kind.name: kind for kind in (
    SlideKind("title", ("Title Slide",), needs_body=True, cover=True),
    SlideKind("closing", ("Title Slide", "Section Header", "Title Only"), needs_body=True, cover=True),
    SlideKind("section", ("Section Header", "Title Only", "Title Slide"), needs_body=True),
    SlideKind("content", ("Title and Content", "Title Only"), needs_body=True),
    SlideKind("figures", ("Title Only", "Title and Content"), needs_body=False),
    SlideKind("charts", ("Title Only", "Title and Content"), needs_body=False),
    SlideKind("themes", ("Title and Content", "Title Only"), needs_body=False),
)}

DRAWINGS: dict[str, Draw] = {}
"""Each kind's drawing function, by kind: registered by :func:`draws` as the writer is imported."""


def draws(name: str) -> Callable[[Draw], Draw]:
    """Register the decorated function as the drawing of the slide kind ``name`` (declared in SLIDE_KINDS)."""
    if name not in SLIDE_KINDS:
        raise KeyError(f"slide kind '{name}' is drawn but not declared in SLIDE_KINDS")

    def register(draw: Draw) -> Draw:
        DRAWINGS[name] = draw
        return draw

    return register
