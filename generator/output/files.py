"""Write outputs all-or-nothing, with the same bytes for the same input.

Every output is rendered to memory first. Only when the whole build has
succeeded is each one written to a temporary file beside its target and
renamed into place, so a failed build leaves the previous outputs untouched.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold: no build time leaks into the file
FILE_ATTRIBUTES = 0o100644 << 16  # a regular file, readable by all (stored in the entry's upper 16 bits)
UNIX_SYSTEM = 3  # the "made by" system: fixed, where zipfile would otherwise record the platform
CONTENT_TYPES_PART = "[Content_Types].xml"  # first in the zip, as office programs write it
_CORE_TIMES = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


WROTE, UNCHANGED = "wrote", "unchanged"  # a built file's state, as a build reports it (see build.BuildOutcome)

@dataclass
class Output:
    """One rendered file: where it goes, its bytes, and a line for the build summary."""

    path: Path
    data: bytes
    summary: str = ""


@dataclass
class Rendered:
    """A rendered output: its bytes (the same content always gives the same bytes), a line for the build
    summary, and warnings."""

    data: bytes
    summary: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class Target:
    """An output a builder can make: where it goes, what it shows (for its fingerprint), and how to render it."""

    path: Path
    inputs: tuple
    render: Callable[[], Rendered]


MAX_PROPERTY_LENGTH = 255


def property_text(text: str) -> str:
    """Return text short enough for a document property (Office allows 255 characters)."""
    return text if len(text) <= MAX_PROPERTY_LENGTH else text[: MAX_PROPERTY_LENGTH - 1] + "…"


def document_time(date: dt.date) -> dt.datetime:
    """Return the documents' created/modified time: SOURCE_DATE_EPOCH when set, else the event's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
    return dt.datetime(date.year, date.month, date.day, 9, 0, 0)


def normalise_zip(data: bytes, stamp: dt.datetime, nested: bool = False) -> bytes:
    """Return an OOXML package rewritten with fixed entry times and order, so equal content gives equal bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return zip_package({name: source.read(name) for name in source.namelist()}, stamp, nested)


def zip_package(entries: dict[str, bytes], stamp: dt.datetime, nested: bool = False) -> bytes:
    """Return a package's entries zipped with fixed times and order, so equal content gives equal bytes.

    Embedded packages (a chart's workbook) are normalised too, and their own
    created/modified times, which their writer sets to 'now', become ``stamp``.
    """
    members = {}
    for name, content in entries.items():
        if name.endswith((".xlsx", ".docx", ".pptx")):
            content = normalise_zip(content, stamp, nested=True)
        elif nested and name == "docProps/core.xml":
            content = _CORE_TIMES.sub(rf"\g<1>{stamp:%Y-%m-%dT%H:%M:%SZ}\g<2>",
                                      content.decode("utf-8")).encode("utf-8")
        members[name] = content
    return zip_members(members)


def zip_members(members: dict[str, bytes]) -> bytes:
    """Return the zip of ``members`` (name -> bytes), deterministic: sorted (``[Content_Types].xml`` first),
    with fixed dates and attributes, so neither the clock, the time zone nor the platform changes a byte.

    Every package the generator writes (outputs, cleaned templates, the register workbook) is zipped here.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name in sorted(members, key=lambda name: (name != CONTENT_TYPES_PART, name)):
            entry = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = FILE_ATTRIBUTES
            entry.create_system = UNIX_SYSTEM
            package.writestr(entry, members[name])
    return buffer.getvalue()


def package_bytes(document, stamp: dt.datetime) -> bytes:
    """Return a python-pptx Presentation or python-docx Document saved as normalised package bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue(), stamp)


def write_outputs(outputs: list[Output]) -> list[Output]:
    """Write every output atomically; return those whose bytes changed (unchanged files are left alone)."""
    staged: list[tuple[Output, str]] = []
    try:
        for output in outputs:
            output.path.parent.mkdir(parents=True, exist_ok=True)
            for stale in output.path.parent.glob(f".{output.path.name}.*.tmp"):
                stale.unlink()  # left by a build that was killed before it could tidy up
            if output.path.exists() and output.path.read_bytes() == output.data:
                continue
            handle, temp_name = tempfile.mkstemp(prefix=f".{output.path.name}.", suffix=".tmp",
                                                 dir=output.path.parent)
            staged.append((output, temp_name))
            with os.fdopen(handle, "wb") as temp:
                temp.write(output.data)
    except BaseException:
        for _, temp_name in staged:
            os.unlink(temp_name)
        raise
    for output, temp_name in staged:
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, output.path)
    return [output for output, _ in staged]
