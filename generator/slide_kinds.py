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
    # The layout types (a sldLayout's own type, kept when a layout is renamed) that can serve it, best first: a
    # template without the layouts' names is matched by these ('obj' is Title and Content, 'secHead' Section Header).
    layout_types: tuple[str, ...] = ()


SLIDE_KINDS: dict[str, SlideKind] = {kind.name: kind for kind in (
    SlideKind("title", ("Title Slide",), needs_body=True, cover=True, layout_types=("title",)),
    SlideKind("closing", ("Title Slide", "Section Header", "Title Only"), needs_body=True, cover=True,
              layout_types=("title", "secHead", "titleOnly")),
    SlideKind("section", ("Section Header", "Title Only", "Title Slide"), needs_body=True,
              layout_types=("secHead", "titleOnly", "title")),
    SlideKind("content", ("Title and Content", "Title Only"), needs_body=True,
              layout_types=("obj", "tx", "titleOnly")),
    SlideKind("figures", ("Title Only", "Title and Content"), needs_body=False,
              layout_types=("titleOnly", "obj", "tx")),
    SlideKind("charts", ("Title Only", "Title and Content"), needs_body=False,
              layout_types=("titleOnly", "obj", "tx")),
    SlideKind("themes", ("Title and Content", "Title Only"), needs_body=False,
              layout_types=("obj", "tx", "titleOnly")),
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
