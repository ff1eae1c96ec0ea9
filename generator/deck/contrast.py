"""The deck's contrast guard: every text colour on its actual background, and chart bars on theirs, at build time.

A brand's colours meet a template's layouts only in the deck: white text from a
dark theme lands on a divider layout's pale background, a pale accent colours
every chart on white. After the slides are drawn, each slide's text is read in
the colour PowerPoint will draw it (:class:`DeckColours` follows the same chain
as ``check``) against the slide's background. A slide whose text would read at
under 4.5:1 is given the scheme colour it reads best on as its background; chart
bars under 3:1 on that background take the first scheme colour that reads. Each
replacement is a warning naming the slide kind and the theme key, once per kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import PP_PLACEHOLDER

from .colours import DeckColours
from ..colour import MINIMUM_GRAPHIC_CONTRAST, MINIMUM_TEXT_CONTRAST, contrast_ratio
from ..ooxml import DRAWING, tag

# What the data's `theme.colours` calls each scheme slot it sets; other slots are the template's own.
THEME_KEYS = {"dk1": "theme.colours.text", "lt1": "theme.colours.background", "dk2": "theme.colours.heading",
              "hlink": "theme.colours.link", **{f"accent{i}": f"theme.colours.accents[{i - 1}]" for i in range(1, 7)}}
# Backgrounds a slide may be given instead, best first when several read equally well.
BACKGROUND_SLOTS = ("lt1", "dk2", "dk1", "lt2")
BAR_SLOTS = ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "dk2", "dk1")
# A replacement is set as the scheme colour, not its value, so a template restyled later still recolours it.
SCHEME_SLOTS = {"dk1": MSO_THEME_COLOR.DARK_1, "lt1": MSO_THEME_COLOR.LIGHT_1, "dk2": MSO_THEME_COLOR.DARK_2,
                "lt2": MSO_THEME_COLOR.LIGHT_2,
                **{f"accent{i}": getattr(MSO_THEME_COLOR, f"ACCENT_{i}") for i in range(1, 7)}}
_NOT_TEXT = (PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)


@dataclass(frozen=True)
class _SlideText:
    """The colours of a slide's text that sits on the slide's own background (not on a filled shape)."""

    colours: frozenset[str]
    background: str


def guard_contrast(prs, kinds: Sequence[str]) -> list[str]:
    """Make every slide's text and chart bars read on their background; return a warning per change, once per
    slide kind (``kinds`` gives each slide's kind, in order)."""
    colours = DeckColours(prs)
    warnings: list[str] = []
    for slide, kind in zip(prs.slides, kinds):
        shapes = list(slide.shapes)  # iterated once: python-pptx searches each shape's XML as it makes it
        text = _slide_text(colours, slide, shapes)
        if text is not None:
            message = _guard_background(colours, slide, kind, text)
            if message and message not in warnings:
                warnings.append(message)
        background = colours.slide_background(slide)
        for frame in (shape for shape in shapes if getattr(shape, "has_chart", False) and shape.has_chart):
            message = _guard_bars(colours, frame.chart, kind, background)
            if message and message not in warnings:
                warnings.append(message)
    return warnings


def _slide_text(colours: DeckColours, slide, shapes: list) -> _SlideText | None:
    found: set[str] = set()
    background = colours.slide_background(slide)
    for shape in shapes:
        if not shape.has_text_frame or not shape.text_frame.text.strip():
            continue
        if shape.is_placeholder and shape.placeholder_format.type in _NOT_TEXT:
            continue
        if colours.background(slide, shape) != background:  # on a fill of its own, which the template chose
            continue
        for paragraph in shape.element.iter(tag(DRAWING, "p")):
            for run in paragraph.iter(tag(DRAWING, "r")):
                if "".join(run.itertext()).strip():
                    found.add(colours.text_colour(shape, paragraph, run))
    return _SlideText(frozenset(found), background) if found else None


def _worst(text: frozenset[str], background: str) -> tuple[float, str]:
    return min((contrast_ratio(colour, background), colour) for colour in text)


def _guard_background(colours: DeckColours, slide, kind: str, text: _SlideText) -> str:
    ratio, colour = _worst(text.colours, text.background)
    if ratio >= MINIMUM_TEXT_CONTRAST:
        return ""
    candidates = [(slot, colours.scheme_colour(slot)) for slot in BACKGROUND_SLOTS]
    slot, best = max(((slot, value) for slot, value in candidates if value),
                     key=lambda pair: _worst(text.colours, pair[1])[0])
    best_ratio = _worst(text.colours, best)[0]
    said = (f"the {kind} slides' background #{text.background} makes text in #{colour} "
            f"({_key_of(colours, colour)}) read at only {ratio:.1f}:1 (at least {MINIMUM_TEXT_CONTRAST:g}:1 is needed)")
    if best_ratio < MINIMUM_TEXT_CONTRAST:
        return (f"{said}, and no colour of the theme reads better; set {_key_of(colours, colour)} or the layout's "
                "background")
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.theme_color = SCHEME_SLOTS[slot]
    return f"{said}, so they are drawn on #{best} ({_key_of(colours, best, slot)}) instead"


def _guard_bars(colours: DeckColours, chart, kind: str, background: str) -> str:
    series = chart.plots[0].series[0] if chart.plots and chart.plots[0].series else None
    if series is None:
        return ""
    own = chart.element.xpath("./c:chart//c:ser/c:spPr/a:solidFill")
    bar = colours.resolve(own[0]) if own else colours.scheme_colour("accent1")  # unset: the theme's first accent
    if not bar:
        return ""
    ratio = contrast_ratio(bar, background)
    if ratio >= MINIMUM_GRAPHIC_CONTRAST:
        return ""
    slot, instead = next(((slot, value) for slot in BAR_SLOTS if (value := colours.scheme_colour(slot))
                          and contrast_ratio(value, background) >= MINIMUM_GRAPHIC_CONTRAST), ("", ""))
    said = (f"the chart bars on the {kind} slides, in #{bar} ({_key_of(colours, bar, 'accent1')}), read at only "
            f"{ratio:.1f}:1 on #{background} (at least {MINIMUM_GRAPHIC_CONTRAST:g}:1 is needed)")
    if not instead:
        return f"{said}, and no colour of the theme reads better; set {THEME_KEYS['accent1']}"
    fill = series.format.fill
    fill.solid()
    fill.fore_color.theme_color = SCHEME_SLOTS[slot]
    return f"{said}, so they are drawn in #{instead} ({_key_of(colours, instead, slot)}) instead"


def _key_of(colours: DeckColours, colour: str, slot: str = "") -> str:
    """Return the theme key that sets ``colour`` ('theme.colours.text'), or the template's scheme slot."""
    slot = slot or next((name for name in THEME_KEYS if colours.scheme_colour(name) == colour), "")
    if not slot:
        return "a colour the template sets"
    return THEME_KEYS.get(slot, f"the template's colour {slot}")
