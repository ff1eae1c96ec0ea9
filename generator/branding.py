"""The look shared by deck and briefings: scheme colours and fonts, from a template and the data's theme."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .colour import MINIMUM_GRAPHIC_CONTRAST, MINIMUM_TEXT_CONTRAST, contrast_ratio
from .model import Branding
from .palette import BUILTIN_SCHEME

from .ooxml import DRAWING as A
FALLBACK = {slot: colour for slot, colour in BUILTIN_SCHEME.items() if slot != "folHlink"}
_SLOTS = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink")


def scheme_colours(theme_xml: bytes) -> dict[str, str]:
    """Return a theme part's scheme colours as 'RRGGBB', falling back slot by slot."""
    from lxml import etree  # here, as in each function below that parses: a build that draws nothing parses none

    colours = dict(FALLBACK)
    scheme = etree.fromstring(theme_xml).find(f".//{{{A}}}clrScheme")
    if scheme is None:
        return colours
    for slot in scheme:
        name = etree.QName(slot).localname
        if name in _SLOTS and len(slot):
            value = slot[0].get("lastClr") or slot[0].get("val")
            if value and re.fullmatch(r"[0-9A-Fa-f]{6}", value):
                colours[name] = value.upper()
    return colours


@lru_cache(maxsize=8)
def _first_theme(package: bytes) -> bytes | None:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        themes = sorted(n for n in archive.namelist() if re.fullmatch(r"ppt/theme/theme\d+\.xml", n))
        return archive.read(themes[0]) if themes else None


def template_colours(package: bytes) -> dict[str, str]:
    """Return the scheme colours of a PowerPoint package's first theme."""
    theme = _first_theme(package)
    return scheme_colours(theme) if theme else dict(FALLBACK)


def template_fonts(package: bytes) -> tuple[str, str]:
    """Return the heading and body fonts of a PowerPoint package's first theme."""
    from lxml import etree

    theme = _first_theme(package)
    return _fonts(etree.fromstring(theme)) if theme else ("Calibri", "Calibri")


PAPER = "FFFFFF"
PAPER_FALLBACK_TEXT = "1A1A1A"
PAPER_FALLBACK_LINK = "0B5CAD"


@dataclass(frozen=True)
class Replacement:
    """A scheme colour the briefing does not print: the role it would have had, its contrast on paper, and what
    is printed instead."""

    role: str
    colour: str
    ratio: float
    needed: float
    instead: str


@dataclass(frozen=True)
class PaperColours:
    """The briefing's colours on white paper: taken from the scheme only where they are legible on it."""

    text: str
    heading: str
    link: str
    bar: str
    replaced: tuple[Replacement, ...] = ()

    def warnings(self) -> list[str]:
        """Return one warning per scheme colour replaced, naming every role it would have had."""
        by_colour: dict[str, list[Replacement]] = {}
        for replacement in self.replaced:
            by_colour.setdefault(replacement.colour, []).append(replacement)
        messages = []
        for colour, replacements in by_colour.items():
            first = replacements[0]
            roles = " and ".join(f"{r.role} (printed in #{r.instead} instead)" for r in replacements)
            messages.append(f"the theme colour #{colour} has a contrast of only {first.ratio:.1f}:1 on white paper "
                            f"(at least {first.needed:g}:1 is needed), so the briefings do not use it for {roles}")
        return messages


def paper_colours(palette: dict[str, str]) -> PaperColours:
    """Return the briefing's colours: slide colours never reach white paper unless they read well on it.

    A dark slide theme's white text, or a pale accent, would vanish on paper;
    such a colour is replaced by a dark one (reported once per colour by
    :meth:`PaperColours.warnings`). The subtitle, table text and footer are
    printed in the text colour, so every text colour is one of these.
    """
    replaced = []

    def legible(role: str, colour: str, fallback: str, minimum: float = MINIMUM_TEXT_CONTRAST) -> str:
        ratio = contrast_ratio(colour, PAPER)
        if ratio >= minimum:
            return colour
        replaced.append(Replacement(role, colour, ratio, minimum, fallback))
        return fallback

    text = legible("text", palette["dk1"], PAPER_FALLBACK_TEXT)
    heading = legible("headings", palette["dk2"], text)
    link = legible("links", palette["hlink"], PAPER_FALLBACK_LINK)
    bar = legible("chart bars", palette["accent1"], heading, MINIMUM_GRAPHIC_CONTRAST)
    return PaperColours(text, heading, link, bar, tuple(replaced))


def overrides(branding: Branding) -> dict[str, str]:
    """Return the scheme slots the data's theme sets."""
    colours = branding.colours
    if colours is None:
        return {}
    slots = {"dk1": colours.text, "lt1": colours.background, "dk2": colours.heading, "hlink": colours.link}
    for i in range(6):
        slots[f"accent{i + 1}"] = colours.accents[i % len(colours.accents)]
    return slots


def palette(template_package: bytes, branding: Branding) -> dict[str, str]:
    """Return the colours both outputs use: the deck template's scheme with the data's theme on top."""
    return {**template_colours(template_package), **overrides(branding)}


def apply_to_presentation(prs, branding: Branding) -> None:
    """Write the data's colours and fonts into the presentation's theme, so every slide and chart follows."""
    from lxml import etree

    from .library_internals import replace_theme_xml, theme_xml

    slots = overrides(branding)
    if not slots and not branding.heading_font and not branding.body_font:
        return
    root = etree.fromstring(theme_xml(prs.slide_master))
    scheme = root.find(f".//{{{A}}}clrScheme")
    for name, value in slots.items():
        slot = scheme.find(f"{{{A}}}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=value)
    for font_kind, family in (("majorFont", branding.heading_font), ("minorFont", branding.body_font)):
        if family:
            root.find(f".//{{{A}}}fontScheme/{{{A}}}{font_kind}/{{{A}}}latin").set("typeface", family)
    replace_theme_xml(prs.slide_master, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def theme_fonts(prs) -> tuple[str, str]:
    """Return the presentation theme's heading and body font families."""
    from lxml import etree

    from .library_internals import theme_xml

    return _fonts(etree.fromstring(theme_xml(prs.slide_master)))


def _fonts(root) -> tuple[str, str]:
    fonts = []
    for font_kind in ("majorFont", "minorFont"):
        latin = root.find(f".//{{{A}}}fontScheme/{{{A}}}{font_kind}/{{{A}}}latin")
        fonts.append(latin.get("typeface") if latin is not None else "Calibri")
    return fonts[0], fonts[1]


def read_template(path: Path | None, builtin: Path) -> bytes:
    """Return the deck template package (the built-in one when ``path`` is None)."""
    from .templates.opening import read_package

    return read_package(path or builtin, "pptx")
