"""Open the comms team's templates: .pptx/.potx and .docx/.dotx, never macro-enabled ones.

python-pptx and python-docx refuse template files (.potx, .dotx) because of
their main part's content type; the package is read into memory and that one
content type rewritten, so nobody has to convert anything by hand.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..problems import InputError, Problem

_KINDS = {
    "pptx": {"suffixes": (".pptx", ".potx"), "name": "PowerPoint (.pptx or .potx)",
             "template_type": b"presentationml.template.main+xml",
             "document_type": b"presentationml.presentation.main+xml"},
    "docx": {"suffixes": (".docx", ".dotx"), "name": "Word (.docx or .dotx)",
             "template_type": b"wordprocessingml.template.main+xml",
             "document_type": b"wordprocessingml.document.main+xml"},
}
MACRO_SUFFIXES = (".pptm", ".potm", ".docm", ".dotm")


def _refuse(path: Path, message: str) -> InputError:
    return InputError([Problem(message, file=str(path), category="template")])


def read_package(path: Path, kind: str) -> bytes:
    """Return the template's bytes as a document package, or raise InputError saying why it cannot be used."""
    spec = _KINDS[kind]
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise _refuse(path, "macro-enabled templates are refused; save it as "
                            f"{' or '.join(spec['suffixes'])} without macros")
    if suffix not in spec["suffixes"]:
        raise _refuse(path, f"expected a {spec['name']} template")
    try:
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            content_types = package.read("[Content_Types].xml")
    except FileNotFoundError:
        raise _refuse(path, "file not found") from None
    except (zipfile.BadZipFile, KeyError):
        raise _refuse(path, f"not a {spec['name']} file (it may be damaged or in an old format)") from None
    if any("vbaproject" in name.lower() for name in names) or b"macroEnabled" in content_types:
        raise _refuse(path, "the template carries macros (a vbaProject part); save a copy without macros")
    if spec["template_type"] in content_types:
        data = _replace_entry(data, "[Content_Types].xml",
                              content_types.replace(spec["template_type"], spec["document_type"]))
    return data


def _replace_entry(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info.filename))
    return buffer.getvalue()


def open_presentation(path: Path):
    """Return a python-pptx Presentation opened from a .pptx or .potx template."""
    from pptx import Presentation

    return _open(path, "pptx", Presentation)


def open_document(path: Path | None):
    """Return a python-docx Document from a .docx or .dotx template, or the built-in one when ``path`` is None."""
    from docx import Document

    return Document() if path is None else _open(path, "docx", Document)


def open_document_package(package: bytes | None, path: Path | None):
    """Return a python-docx Document from template bytes already read by :func:`read_package` (``path`` names them)."""
    from docx import Document

    return Document() if package is None else _open(path, "docx", Document, package)


def _open(path: Path, kind: str, opener, package: bytes | None = None):
    package = package if package is not None else read_package(path, kind)
    try:
        return opener(io.BytesIO(package))
    except Exception as error:  # noqa: BLE001 - python-pptx/-docx raise many kinds on a broken package
        raise _refuse(path, f"{_KINDS[kind]['name']} template cannot be opened ({error})") from None


def as_template(data: bytes, kind: str) -> bytes:
    """Return document bytes re-labelled as a template (.potx/.dotx), for exporting."""
    spec = _KINDS[kind]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        content_types = package.read("[Content_Types].xml")
    return _replace_entry(data, "[Content_Types].xml",
                          content_types.replace(spec["document_type"], spec["template_type"]))
