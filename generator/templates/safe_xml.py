"""Parsing a template's XML parts safely: malformed XML, and any DOCTYPE or entity declaration, refused."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .reading import refusal

_DOCTYPE_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
_DOCTYPE_REFUSAL = ("the part declares a DOCTYPE or XML entities, which office programs never write (the file may "
                    "have been tampered with); {save_again}")
_SAFE_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "huge_tree": False, "load_dtd": False}


def parse_xml(data: bytes, path: Path | str, part: str, save_again: str) -> etree._Element:
    """Return the root of an XML part, refusing malformed XML and any DOCTYPE or entity declaration."""
    # Looked for before parsing too: libxml2 would otherwise stop a billion-laughs part with a less telling error.
    if any(declaration in data for declaration in _DOCTYPE_DECLARATIONS) or declares_in_utf16(data):
        raise refusal(path, _DOCTYPE_REFUSAL.format(save_again=save_again), part)
    parser = etree.XMLParser(**_SAFE_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise refusal(path, f"the part is not well-formed XML ({error.msg}); {save_again}", part) from None
    if declares_doctype(root):
        raise refusal(path, _DOCTYPE_REFUSAL.format(save_again=save_again), part)
    return root


def declares_in_utf16(data: bytes) -> bool:
    """Return whether ``data`` holds a DOCTYPE in UTF-16, which a byte search for the UTF-8 spelling misses."""
    return any(("<!DOCTYPE".encode(encoding)) in data for encoding in ("utf-16-le", "utf-16-be"))


def declares_doctype(root: etree._Element) -> bool:
    """Return whether a parsed part declared a DOCTYPE (an internal subset is where entities are declared)."""
    docinfo = root.getroottree().docinfo
    return bool(docinfo.doctype) or docinfo.internalDTD is not None
