"""How much of a template the build will read: each limit bounds the time and memory a hostile file can cost.

A template is a zip package. Its size on disk says little about what it
unpacks to (a 1 MB file can hold a 1 GiB part), so every part is checked
twice: by the size its zip entry declares, before reading, and by the bytes
actually unpacked, counted as they are read in chunks and stopped at the limit.
"""

from __future__ import annotations

MEGABYTE = 1024 * 1024

MAX_TEMPLATE_BYTES = 50 * MEGABYTE
"""A template file may be at most 50 MB on disk (checked with ``os.stat`` before it is opened)."""

MAX_PARTS = 2000
"""A template package may hold at most 2,000 zip entries (parts, relationships and folders)."""

MAX_PART_BYTES = 20 * MEGABYTE
"""Each part the build reads may unpack to at most 20 MB, as declared by its zip entry and as actually unpacked."""

MAX_TOTAL_BYTES = 40 * MEGABYTE
"""All the parts the build reads from one template may unpack to at most 40 MB together: each is held while it is
cleaned, the cleaned package again while a builder opens it, so a build peaks at about three and a half times
this (a 214 KB Word template of nine one-colour 20 MB BMP pictures, 180 MB unpacked, peaked at 622 MB)."""

MAX_XML_PART_BYTES = 4 * MEGABYTE
"""Each XML part the build parses may be at most 4 MB: parsed, XML takes about fifteen times its size in memory (a
template of 352 KB holding a 17.6 MB layout made a build peak at 327 MB, past the 250 MB target). Real templates'
parts are well under 1 MB; pictures, which are not parsed as XML, keep the 20 MB part limit."""

MAX_XML_TOTAL_BYTES = 8 * MEGABYTE
"""All the XML parts the build parses from one template may be at most 8 MB together."""

MAX_PICTURE_PIXELS = 40_000_000
"""A template's raster picture may have at most 40 megapixels (checked before it is decoded), as a logo may."""

MAX_TEMPLATE_PICTURE_PIXELS = 80_000_000
"""A template's raster pictures together may have at most 80 megapixels (each is decoded and drawn again, about
0.8 s for 40 megapixels: a template of a thousand small files, each a 40-megapixel picture of one colour, would
otherwise take a quarter of an hour)."""

READ_CHUNK_BYTES = 64 * 1024
"""Parts are unpacked this many bytes at a time, so reading stops soon after a part passes its limit."""

SHOWN_TARGET_CHARACTERS = 120
"""A link's target is shown in a message cut to this many characters (a content type fits), so that a hostile one
cannot flood the screen."""


def in_megabytes(size: int) -> str:
    """Return ``size`` (bytes) as a user reads it: "1,024 MB"."""
    return f"{size / MEGABYTE:,.0f} MB" if size >= MEGABYTE else f"{size / MEGABYTE:.1f} MB"
