"""Office Open XML names used across the generator, each defined once."""

from __future__ import annotations

DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
PRESENTATION = "http://schemas.openxmlformats.org/presentationml/2006/main"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WORD_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"  # r:id, r:embed...
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"  # a part's .rels

EMU_PER_POINT = 12700  # OOXML measures lengths in English Metric Units: 914,400 to the inch, 72 points to it


def tag(namespace: str, name: str) -> str:
    """Return the Clark-notation name lxml uses: '{namespace}name'."""
    return f"{{{namespace}}}{name}"
