"""Alt text that says nothing: one rule for the checks of decks and of pictures (beneath both)."""

from __future__ import annotations

import re

_GENERIC = re.compile(r"^(chart|picture|image|graphic|content placeholder|object)\s*\d*$|"
                      r"\.(png|jpe?g|gif|svg|emf|wmf|bmp)$", re.I)
MIN_LENGTH = 10  # characters: anything shorter cannot say what a chart or a picture shows


def is_generic(text: str) -> bool:
    """Return whether alt text is a placeholder ('Chart 3', 'logo.png') or too short to say anything."""
    return bool(_GENERIC.match(text)) or len(text) < MIN_LENGTH
