"""Open the comms team's templates: .pptx/.potx and .docx/.dotx, never macro-enabled ones.

A template is untrusted input. It is read only if it is a regular file within
the size limits, and only what the build means to take from it is kept (see
:mod:`.sanitise`): the package the build opens is a new one, its main part
labelled as a document, since python-pptx and python-docx refuse template
labels (.potx, .dotx).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .package_rules import KINDS, MACRO_SUFFIXES
from .package_writing import zip_members
from .reading import read_regular_file, refusal
from .sanitise import Sanitised, sanitise

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from pptx.presentation import Presentation as PowerPointPresentation

Opened = TypeVar("Opened")


def read_template(path: Path, kind: str) -> Sanitised:
    """Return what the build takes from a template, and what it drops; raise InputError if it cannot be used.

    ``kind`` is "pptx" (for .pptx and .potx) or "docx" (for .docx and .dotx).
    """
    _check_suffix(path, kind)
    taken = _sanitised(read_regular_file(path), kind, path)
    return Sanitised(taken.package, list(taken.dropped))


def sanitised_template(data: bytes, path: Path, kind: str) -> bytes:
    """Return the package of a template already read from ``path`` (``data``), cut down to what the build takes;
    raise InputError if it cannot be used."""
    _check_suffix(path, kind)
    return _sanitised(data, kind, path).package


@lru_cache(maxsize=4)
def _sanitised(data: bytes, kind: str, path: Path) -> Sanitised:
    """Return :func:`sanitise` of ``data``, worked out once per process for the same bytes: a command building
    many events reads each template for every event (so an edited template is seen), but cleans it only once."""
    return sanitise(data, KINDS[kind], path)


def _check_suffix(path: Path, kind: str) -> None:
    spec = KINDS[kind]
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise refusal(path, "macro-enabled templates are refused; save it as "
                            f"{' or '.join(spec.suffixes)} without macros")
    if suffix not in spec.suffixes:
        raise refusal(path, f"expected a {spec.name} template")


def read_package(path: Path, kind: str) -> bytes:
    """Return the template's package cut down to what the build takes; raise InputError if it cannot be used."""
    return read_template(path, kind).package


def open_presentation(path: Path) -> PowerPointPresentation:
    """Return a python-pptx Presentation opened from a .pptx or .potx template."""
    from pptx import Presentation

    return _open(path, "pptx", Presentation)


def open_document(path: Path | None) -> WordDocument:
    """Return a python-docx Document from a .docx or .dotx template, or the built-in one when ``path`` is None."""
    from docx import Document

    return builtin_document() if path is None else _open(path, "docx", Document)


def open_document_package(package: bytes | None, path: Path | None) -> WordDocument:
    """Return a python-docx Document from template bytes already read by :func:`read_package` (``path`` names them)."""
    from docx import Document

    if package is None:
        return builtin_document()
    return open_package(package, path if path is not None else Path("the Word template"), "docx", Document)


def builtin_document() -> WordDocument:
    """Return a new python-docx Document on the built-in template (made by :mod:`.make_builtin`)."""
    from docx import Document

    from . import BUILTIN_BRIEFING_TEMPLATE

    return Document(str(BUILTIN_BRIEFING_TEMPLATE))


def open_package(package: bytes, path: Path, kind: str, opener: Callable[[io.BytesIO], Opened]) -> Opened:
    """Return ``opener`` applied to a sanitised ``package``, refusing the template if the library cannot open it."""
    try:
        return opener(io.BytesIO(package))
    except Exception as error:  # noqa: BLE001 - python-pptx/-docx raise many kinds on a broken package
        raise refusal(path, f"{KINDS[kind].name} template cannot be opened ({error})") from None


def _open(path: Path, kind: str, opener: Callable[[io.BytesIO], Opened], package: bytes | None = None) -> Opened:
    return open_package(package if package is not None else read_package(path, kind), path, kind, opener)


def as_template(data: bytes, kind: str) -> bytes:
    """Return document bytes re-labelled as a template (.potx/.dotx), deterministically, for exporting."""
    spec = KINDS[kind]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = {entry.filename: package.read(entry) for entry in package.infolist() if not entry.is_dir()}
    content_types = members["[Content_Types].xml"]
    members["[Content_Types].xml"] = content_types.replace(spec.document_type.encode(), spec.template_type.encode())
    return zip_members(members)
