"""Regenerate metrics.json from the Carlito fonts (metric-compatible with Calibri).

Run once by a developer when the covered characters change:
``python -m generator.fonts.make_metrics /usr/share/fonts/truetype/crosextra``.
The build itself reads only the JSON, so it needs neither fontTools nor the fonts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

COVERED = [*range(0x20, 0x250), *range(0x2000, 0x2070), 0x20AC, 0x2122, *range(0x2190, 0x2194), 0x2212, 0x2713]


def _widths(font_path: Path) -> dict:
    font = TTFont(font_path)
    cmap = font.getBestCmap()
    advances = font["hmtx"].metrics
    hhea, os2 = font["hhea"], font["OS/2"]
    return {
        "units_per_em": font["head"].unitsPerEm,
        "line_height": max(hhea.ascent - hhea.descent + hhea.lineGap,
                           os2.sTypoAscender - os2.sTypoDescender + os2.sTypoLineGap,
                           os2.usWinAscent + os2.usWinDescent),
        "ascent": hhea.ascent,
        "widths": {chr(c): advances[cmap[c]][0] for c in COVERED if c in cmap},
    }


def main(folder: str) -> None:
    root = Path(folder)
    metrics = {"family": "Carlito", "regular": _widths(root / "Carlito-Regular.ttf"),
               "bold": _widths(root / "Carlito-Bold.ttf")}
    out = Path(__file__).with_name("metrics.json")
    out.write_text(json.dumps(metrics, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
