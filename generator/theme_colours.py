"""Read a PowerPoint template's theme colours, so the briefings match the deck."""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path

FALLBACK = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "1B365D", "lt2": "EEF2F7", "accent1": "1D5A8E",
            "accent2": "A8431A", "accent3": "2C7046", "accent4": "6B3FA0", "accent5": "7A5F00",
            "accent6": "A23B72"}
_SLOT = re.compile(r"<a:(dk1|lt1|dk2|lt2|accent[1-6])>\s*<a:(?:srgbClr val|sysClr [^>]*lastClr)=\"([0-9A-Fa-f]{6})\"")


@lru_cache(maxsize=8)
def theme_colours(template: Path) -> dict[str, str]:
    """Return the template's scheme colours as hex ('accent1': '1D5A8E'), falling back slot by slot."""
    colours = dict(FALLBACK)
    with zipfile.ZipFile(template) as package:
        themes = sorted(n for n in package.namelist() if re.fullmatch(r"ppt/theme/theme\d+\.xml", n))
        if themes:
            xml = package.read(themes[0]).decode("utf-8", "replace")
            scheme = xml[xml.find("<a:clrScheme"): xml.find("</a:clrScheme>")]
            colours.update({slot: value.upper() for slot, value in _SLOT.findall(scheme)})
    return colours
