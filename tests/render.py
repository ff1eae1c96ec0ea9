"""Render outputs through LibreOffice for the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.checks.rendered import read_pages
from generator.output.pdf import convert_to_pdf

__all__ = ["render", "read_pages"]


def render(path: Path, folder: Path | None = None) -> Path:
    """Return the PDF LibreOffice makes of ``path``, made from a copy in ``folder`` when given."""
    if folder is not None:
        path = Path(shutil.copy(path, folder))
    pdfs, problem = convert_to_pdf([path])
    assert not problem, problem
    return pdfs[0]
