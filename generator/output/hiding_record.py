"""Each output records the threshold its small numbers were hidden below, so a later build or `check` can tell.

A Word briefing and a deck say it in their content status (a core document
property: File > Info in Office), a web page in a ``<meta>`` element:

    small numbers hidden below 5        <meta name="small-numbers-hidden-below" content="5">
    small numbers not hidden            <meta name="small-numbers-hidden-below" content="0">

A file that records nothing (built by an older version, or not by this tool)
reads as None: unknown.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

HIDDEN_BELOW = "small numbers hidden below {threshold}"
NOT_HIDDEN = "small numbers not hidden"
META_NAME = "small-numbers-hidden-below"
CORE_PROPERTIES = "docProps/core.xml"
READ_LIMIT = 64 * 1024  # a core.xml, or a web page's head, is far shorter; a hostile file is not read whole
_STATUS = re.compile(rb"<cp:contentStatus>small numbers (?:hidden below (\d{1,6})|not hidden)</cp:contentStatus>")
_META = re.compile(rb'<meta name="' + META_NAME.encode() + rb'" content="(\d{1,6})">')


def status_text(threshold: int) -> str:
    """Return the content status that records ``threshold`` (0: nothing hidden)."""
    return HIDDEN_BELOW.format(threshold=threshold) if threshold else NOT_HIDDEN


def html_meta(threshold: int) -> str:
    """Return the web page's element that records ``threshold`` (0: nothing hidden)."""
    return f'<meta name="{META_NAME}" content="{threshold}">'


def recorded_in(name: str, data: bytes) -> int | None:
    """Return the threshold the output ``name`` (its content ``data``) records: 0 when nothing was hidden, None
    when it records nothing."""
    if name.endswith((".html", ".htm")):
        return _number(_META.search(data[:READ_LIMIT]))
    if name.endswith((".docx", ".pptx")):
        return _recorded_in_package(io.BytesIO(data))
    return None


def recorded_at(path: Path) -> int | None:
    """Return the threshold the built file at ``path`` records (None when it records nothing or cannot be read)."""
    try:
        if path.suffix in (".html", ".htm"):
            with path.open("rb") as page:
                return _number(_META.search(page.read(READ_LIMIT)))
        if path.suffix in (".docx", ".pptx"):
            return _recorded_in_package(path)
    except OSError:
        return None
    return None


def _recorded_in_package(source) -> int | None:
    try:
        with zipfile.ZipFile(source) as package, package.open(CORE_PROPERTIES) as core:
            return _number(_STATUS.search(core.read(READ_LIMIT)))
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError):
        return None


def _number(found: re.Match[bytes] | None) -> int | None:
    if found is None:
        return None
    return int(found[1]) if found[1] else 0
