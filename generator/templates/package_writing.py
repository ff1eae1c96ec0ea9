"""Write an office package deterministically: the same parts always give the same bytes.

The zip itself is written by :func:`generator.output.files.zip_members`, the
one deterministic zip writer; this module adds the ``[Content_Types].xml``
a package of chosen parts needs.
"""

from __future__ import annotations

import posixpath

from lxml import etree

from ..output.files import CONTENT_TYPES_PART, zip_members

__all__ = ["CONTENT_TYPES_NAMESPACE", "CONTENT_TYPES_PART", "content_types_xml", "write_package", "zip_members"]

CONTENT_TYPES_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/content-types"
RELATIONSHIPS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
XML_TYPE = "application/xml"


def write_package(files: dict[str, bytes], content_types: dict[str, str]) -> bytes:
    """Return a zip package of ``files`` (name -> bytes) with a ``[Content_Types].xml`` for ``content_types``.

    ``content_types`` gives each part's content type; relationship parts need none.
    """
    members = {CONTENT_TYPES_PART: content_types_xml(content_types), **files}
    return zip_members(members)


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
