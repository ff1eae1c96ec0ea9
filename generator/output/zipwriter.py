"""Write a zip archive in one pass, compressing each distinct member only once per process.

A deck or briefing repeats its template's parts (layouts, masters, styles)
build after build, and a batch of events repeats them event after event;
their compressed form is kept and reused. Every member gets the same fixed
date and permissions, so equal members give equal bytes.
"""

from __future__ import annotations

import struct
import zlib

_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00, the earliest date a zip can hold
_VERSION = 20  # deflate
_MADE_BY = (3 << 8) | _VERSION  # Unix, so the permissions below are read
_PERMISSIONS = 0o600 << 16
_LEVEL = 6
_KEPT_BYTES = 64 * 1024 * 1024

_compressed: dict[bytes, tuple[int, bytes]] = {}  # member content -> (CRC-32, deflated)
_kept = 0


def write_zip(members: list[tuple[str, bytes]]) -> bytes:
    """Return a zip archive holding ``members`` (name, content) in the order given, deflated."""
    local, central = [], []
    offset = 0
    for name, content in members:
        crc, packed = _deflate(content)
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else 0x800  # names are UTF-8
        fields = (_VERSION, flags, 8, _DOS_TIME, _DOS_DATE, crc, len(packed), len(content), len(encoded))
        local.append(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + encoded)
        local.append(packed)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, _MADE_BY, *fields, 0, 0, 0, 0, _PERMISSIONS,
                                   offset) + encoded)
        offset += len(local[-2]) + len(packed)
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(local) + directory + end


def _deflate(content: bytes) -> tuple[int, bytes]:
    global _kept
    known = _compressed.get(content)
    if known is not None:
        return known
    compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
    result = (zlib.crc32(content), compressor.compress(content) + compressor.flush())
    if _kept > _KEPT_BYTES:
        _compressed.clear()
        _kept = 0
    _compressed[content] = result
    _kept += len(content)
    return result
