"""Regenerate metrics.json from the fonts whose widths ship with the generator.

Carlito (metric-compatible with Calibri, the built-in templates' font) and
Liberation Sans (metric-compatible with Arial, the web page's fallback font).
Run once by a developer when the covered characters or fonts change:
``python -m generator.fonts.make_metrics /usr/share/fonts/truetype`` (Debian's
fonts-crosextra-carlito and fonts-liberation2). The build itself reads only the
JSON, so measuring these fonts needs neither fontTools, fontconfig nor the fonts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

from ..text_fit import line_height_units

COVERED = [*range(0x20, 0x250), *range(0x2000, 0x2070), 0x20AC, 0x2122, *range(0x2190, 0x2194), 0x2212, 0x2713]


def _widths(font_path: Path) -> dict:
    font = TTFont(font_path)
    cmap = font.getBestCmap()
    advances = font["hmtx"].metrics
    return {
        "units_per_em": font["head"].unitsPerEm,
        "line_height": line_height_units(font),
        "ascent": font["hhea"].ascent,
        "widths": {chr(c): advances[cmap[c]][0] for c in COVERED if c in cmap},
    }


# family (as fontconfig names it) -> its regular and bold files, below the fonts folder
SHIPPED = {"Carlito": ("crosextra/Carlito-Regular.ttf", "crosextra/Carlito-Bold.ttf"),
           "Liberation Sans": ("liberation2/LiberationSans-Regular.ttf", "liberation2/LiberationSans-Bold.ttf")}


def main(folder: str) -> None:
    root = Path(folder)
    metrics = {family.lower(): {"family": family, "regular": _widths(root / regular), "bold": _widths(root / bold)}
               for family, (regular, bold) in SHIPPED.items()}
    out = Path(__file__).with_name("metrics.json")
    out.write_text(json.dumps(metrics, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
