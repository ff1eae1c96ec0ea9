"""Turn a python-pptx presentation or python-docx document into package bytes, compressed once.

Saving through the libraries and then normalising the zip would compress
every part twice; here the libraries' own package writers hand their parts
to a collector instead of a zip file.
"""

from __future__ import annotations

import datetime as dt
import io

from .files import normalise_zip, zip_package


class _Collector:
    """Stands in for the libraries' zip writer: keeps each member's bytes."""

    def __init__(self):
        self.entries: dict[str, bytes] = {}

    def write(self, pack_uri, blob) -> None:
        self.entries[pack_uri.membername] = blob if isinstance(blob, bytes) else blob.encode("utf-8")


def package_bytes(document, stamp: dt.datetime) -> bytes:
    """Return a python-pptx Presentation or python-docx Document as normalised package bytes."""
    try:
        entries = package_entries(document)
    except AttributeError:  # a library release whose writer internals differ: save, then normalise
        buffer = io.BytesIO()
        document.save(buffer)
        return normalise_zip(buffer.getvalue(), stamp)  # embedded workbooks then carry ``stamp`` instead
    # Embedded workbooks are the charts', normalised as they were made (generator.charts).
    return zip_package(entries, stamp, embedded_normalised=True)


def package_entries(document) -> dict[str, bytes]:
    """Return the zip entries (name to bytes) of a python-pptx Presentation or python-docx Document, unzipped."""
    return _docx_entries(document) if hasattr(document, "inline_shapes") else _pptx_entries(document)


def _pptx_entries(presentation) -> dict[str, bytes]:
    from pptx.opc.serialized import PackageWriter

    package = presentation.part.package
    writer = PackageWriter(None, package._rels, tuple(package.iter_parts()))
    collector = _Collector()
    writer._write_content_types_stream(collector)
    writer._write_pkg_rels(collector)
    writer._write_parts(collector)
    return collector.entries


def _docx_entries(document) -> dict[str, bytes]:
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    collector = _Collector()
    PackageWriter._write_content_types_stream(collector, parts)
    PackageWriter._write_pkg_rels(collector, package.rels)
    PackageWriter._write_parts(collector, parts)
    return collector.entries
