"""The built-in colour scheme, defined once: the built-in template is made with it, and it fills any slot a
template or a theme leaves out.

Accents 2 to 6 are colour-blind-safe hues darkened to at least 4.5:1 on white, so chart labels and bars read
in print; the first accent is the house blue.
"""

from __future__ import annotations

BUILTIN_SCHEME = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "1B365D", "lt2": "EEF2F7", "accent1": "1D5A8E",
                  "accent2": "A05A00", "accent3": "00735A", "accent4": "B03A00", "accent5": "8E3B73",
                  "accent6": "7A6500", "hlink": "0B5CAD", "folHlink": "8E3B73"}
BUILTIN_ACCENTS = [BUILTIN_SCHEME[f"accent{n}"] for n in range(1, 7)]
