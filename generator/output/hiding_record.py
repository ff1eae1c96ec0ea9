"""Each output records the threshold its small numbers were hidden below, so a later build or `check` can tell.

A Word briefing and a deck say it in their content status (a core document
property: File > Info in Office), a web page in a ``<meta>`` element:

    small numbers hidden below 5        <meta name="small-numbers-hidden-below" content="5">
    small numbers not hidden            <meta name="small-numbers-hidden-below" content="0">

and the others under the same name, 0 when nothing is hidden: a PDF in its
document information (File > Properties > Custom in a PDF reader), a PNG in a
text chunk, an SVG in an element of its ``<metadata>``.

A file that records nothing (built by an older version, or not by this tool)
reads as None: unknown.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path
from typing import BinaryIO

from ..i18n import N_, every_translation, shipped_words

# In the version's language, as the shipped catalogues word them, so that any version's record reads back.
HIDDEN_BELOW = N_("small numbers hidden below {threshold}")
NOT_HIDDEN = N_("small numbers not hidden")
META_NAME = "small-numbers-hidden-below"
CORE_PROPERTIES = "docProps/core.xml"
READ_LIMIT = 64 * 1024  # a core.xml, or a web page's head, is far shorter; a hostile file is not read whole
_STATUS = re.compile(rb"<cp:contentStatus>([^<]{1,200})</cp:contentStatus>")
_META = re.compile(rb'<meta name="' + META_NAME.encode() + rb'" content="(\d{1,6})">')
PDF_KEY = "/SmallNumbersHiddenBelow"  # a document information key of our own, as PDF allows
SVG_NAMESPACE = "urn:learning-from-reviews:publishing"
_SVG_RECORD = re.compile(rb"<lfr:" + META_NAME.encode() + rb' xmlns:lfr="' + SVG_NAMESPACE.encode()
                         + rb'">(\d{1,6})</lfr:')
_NUMBER = re.compile(r"\d{1,6}")


def status_text(threshold: int) -> str:
    """Return the content status that records ``threshold`` (0: nothing hidden), in the language being written."""
    return shipped_words(HIDDEN_BELOW).format(threshold=threshold) if threshold else shipped_words(NOT_HIDDEN)


def _status_threshold(status: str) -> int | None:
    """Return the threshold a content status records, in any shipped language; None when it records none.

    Language by language, English first: an English status is read without reading any catalogue.
    """
    for not_hidden, hidden_below in zip(every_translation(NOT_HIDDEN), every_translation(HIDDEN_BELOW)):
        if status == not_hidden:
            return 0
        before, _placeholder, after = hidden_below.partition("{threshold}")
        number = status[len(before):len(status) - len(after)]
        if status.startswith(before) and status.endswith(after) and _NUMBER.fullmatch(number):
            return int(number)
    return None


def html_meta(threshold: int) -> str:
    """Return the web page's element that records ``threshold`` (0: nothing hidden)."""
    return f'<meta name="{META_NAME}" content="{threshold}">'


def png_text(threshold: int) -> dict[str, str]:
    """Return the PNG text chunk (keyword: text) that records ``threshold`` (0: nothing hidden)."""
    return {META_NAME: str(threshold)}


def svg_recorded(svg: bytes, threshold: int) -> bytes:
    """Return ``svg`` with ``threshold`` (0: nothing hidden) recorded in its ``<metadata>`` (one made, if it has
    none)."""
    from lxml import etree  # here, as Pillow below: a build that draws nothing reads no picture

    svg_tag = "{http://www.w3.org/2000/svg}"
    root = etree.fromstring(svg, etree.XMLParser(resolve_entities=False, no_network=True))
    metadata = root.find(f"{svg_tag}metadata")
    if metadata is None:
        metadata = etree.SubElement(root, f"{svg_tag}metadata")
    record = etree.SubElement(metadata, f"{{{SVG_NAMESPACE}}}{META_NAME}", nsmap={"lfr": SVG_NAMESPACE})
    record.text = str(threshold)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def pdf_recorded(pdf: bytes, threshold: int) -> bytes:
    """Return ``pdf`` with ``threshold`` (0: nothing hidden) recorded in its document information (``pdf``
    unchanged when pikepdf cannot read it)."""
    import pikepdf  # only when a PDF is made or read: most builds make none

    try:
        with pikepdf.open(io.BytesIO(pdf)) as document:
            document.docinfo[PDF_KEY] = pikepdf.String(str(threshold))
            out = io.BytesIO()
            # Objects left out of object streams, as LibreOffice writes them, so its tags stay readable as they are.
            document.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable, deterministic_id=True)
            return out.getvalue()
    except pikepdf.PdfError:  # a PDF pikepdf cannot read is left as it is, and records nothing
        return pdf


def recorded_in(name: str, data: bytes) -> int | None:
    """Return the threshold the output ``name`` (its content ``data``) records: 0 when nothing was hidden, None
    when it records nothing."""
    return _recorded(Path(name).suffix.lower(), io.BytesIO(data))


def recorded_at(path: Path) -> int | None:
    """Return the threshold the built file at ``path`` records (None when it records nothing or cannot be read)."""
    try:
        with path.open("rb") as built:
            return _recorded(path.suffix.lower(), built)
    except OSError:
        return None


def _recorded(suffix: str, source: BinaryIO) -> int | None:
    try:
        if suffix in (".html", ".htm"):
            return _number(_META.search(source.read(READ_LIMIT)))
        if suffix == ".svg":  # matplotlib writes its metadata at the top, after the title and description
            return _number(_SVG_RECORD.search(source.read(READ_LIMIT)))
        if suffix in (".docx", ".pptx"):
            return _recorded_in_package(source)
        if suffix == ".pdf":
            return _recorded_in_pdf(source)
        if suffix == ".png":
            return _recorded_in_png(source)
    except (OSError, ValueError):
        return None
    return None


def _recorded_in_png(source: BinaryIO) -> int | None:
    from PIL import Image

    try:
        with Image.open(source, formats=["PNG"]) as picture:
            return _text_number(picture.info.get(META_NAME))
    except (OSError, Image.DecompressionBombError, SyntaxError, ValueError):
        # OSError: not a PNG (Pillow's UnidentifiedImageError); SyntaxError: a PNG Pillow finds broken
        return None


def _recorded_in_pdf(source: BinaryIO) -> int | None:
    import pikepdf

    try:
        with pikepdf.open(source) as document:
            return _text_number(document.docinfo.get(PDF_KEY))
    except pikepdf.PdfError:
        return None


def _recorded_in_package(source: BinaryIO) -> int | None:
    try:
        with zipfile.ZipFile(source) as package, package.open(CORE_PROPERTIES) as core:
            found = _STATUS.search(core.read(READ_LIMIT))
            return None if found is None else _status_threshold(html.unescape(found[1].decode("utf-8")))
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError):
        return None


def _text_number(value: object) -> int | None:
    text = str(value) if value is not None else ""
    return int(text) if _NUMBER.fullmatch(text) else None


def _number(found: re.Match[bytes] | None) -> int | None:
    if found is None:
        return None
    return int(found[1]) if found[1] else 0
