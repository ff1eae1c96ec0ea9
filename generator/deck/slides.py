"""What a planned slide says: its kind, title, notes and content (paragraphs, charts, headline figures).

Shared by the plan, which makes :class:`SlideSpec`s, and the writer, which
draws each as one slide or more; imports no drawing library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..charts import ChartSpec
from ..model import Bullet


@dataclass
class Para:
    """One paragraph of slide text."""

    text: str
    level: int = 0
    bullet: bool = True
    bold: bool = False
    italic: bool = False
    scale: float = 1.0


@dataclass
class Figure:
    """A large headline figure with its label and breakdown lines."""

    number: str
    label: str
    lines: list[str]


@dataclass
class SlideSpec:
    """One slide (before continuation): kind, title, notes and content."""

    kind: str  # title, section, content, figures, charts, themes, closing
    title: str
    notes: str
    subtitle: list[str] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    charts: list[ChartSpec] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    # Lines shown under the content, at the foot of the slide: who is counted, caveats.
    footnotes: list[str] = field(default_factory=list)
    # A charts slide's notes are ``notes``, the alt text of each chart drawn on it, then ``notes_end``: the writer
    # decides how many slides the charts take (see charts_notes).
    notes_end: str = ""


def charts_notes(spec: SlideSpec, charts: Sequence[ChartSpec]) -> str:
    """Return the notes of a slide drawing ``charts`` of ``spec``: its notes, their alt texts, its closing notes."""
    return "\n".join(filter(None, [spec.notes, *(chart.alt_text for chart in charts), spec.notes_end]))


def bullet_paras(items: list[str | Bullet]) -> list[Para]:
    """Return bullets (with their sub-bullets) as paragraphs."""
    paras = []
    for item in items:
        if isinstance(item, Bullet):
            paras.append(Para(item.text))
            paras.extend(Para(sub, level=1) for sub in item.items)
        else:
            paras.append(Para(item))
    return paras
