"""Write an office package deterministically: the same parts always give the same bytes.

Members are stored in sorted order (``[Content_Types].xml`` first, as office
programs write it), each with a fixed date and fixed attributes, so neither
the clock, the time zone nor the platform changes a byte.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

CONTENT_TYPES_PART = "[Content_Types].xml"
CONTENT_TYPES_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/content-types"
RELATIONSHIPS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
XML_TYPE = "application/xml"
FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
FILE_ATTRIBUTES = 0o100644 << 16  # a regular file, readable by all (stored in the entry's upper 16 bits)
UNIX_SYSTEM = 3  # the "made by" system: fixed, where zipfile would otherwise record the platform


def write_package(files: dict[str, bytes], content_types: dict[str, str]) -> bytes:
    """Return a zip package of ``files`` (name -> bytes) with a ``[Content_Types].xml`` for ``content_types``.

    ``content_types`` gives each part's content type; relationship parts need none.
    """
    members = {CONTENT_TYPES_PART: content_types_xml(content_types), **files}
    return zip_members(members)


def zip_members(members: dict[str, bytes]) -> bytes:
    """Return the zip of ``members`` (name -> bytes), deterministic: sorted, fixed dates and attributes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name in sorted(members, key=lambda name: (name != CONTENT_TYPES_PART, name)):
            entry = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = FILE_ATTRIBUTES
            entry.create_system = UNIX_SYSTEM
            package.writestr(entry, members[name])
    return buffer.getvalue()


def content_types_xml(content_types: dict[str, str]) -> bytes:
    """Return ``[Content_Types].xml`` for parts named with their content types.

    An extension whose parts all share one content type gets a Default; any
    other part gets an Override, so the file lists exactly the parts given.
    """
    by_extension: dict[str, set[str]] = {}
    for name, content_type in content_types.items():
        by_extension.setdefault(_extension(name), set()).add(content_type)
    defaults = {"rels": RELATIONSHIPS_TYPE, "xml": XML_TYPE}
    for extension, types in by_extension.items():
        if extension and extension not in defaults and len(types) == 1:
            defaults[extension] = next(iter(types))
    root = etree.Element(f"{{{CONTENT_TYPES_NAMESPACE}}}Types", nsmap={None: CONTENT_TYPES_NAMESPACE})
    for extension in sorted(defaults):
        etree.SubElement(root, f"{{{CONTENT_TYPES_NAMESPACE}}}Default", Extension=extension,
                         ContentType=defaults[extension])
    for name in sorted(content_types):
        if defaults.get(_extension(name)) != content_types[name]:
            etree.SubElement(root, f"{{{CONTENT_TYPES_NAMESPACE}}}Override", PartName=f"/{name}",
                             ContentType=content_types[name])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _extension(name: str) -> str:
    return posixpath.splitext(name)[1].lstrip(".").lower()
