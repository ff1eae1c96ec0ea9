"""Write a zip archive in one pass, compressing each distinct member only once per process.

A deck or briefing repeats its template's parts (layouts, masters, styles)
build after build, and a batch of events repeats them event after event;
their compressed form is kept and reused, and when a built file is updated
the compressed form of its unchanged members is taken from it. Every member
gets the same fixed date and permissions, so equal members give equal bytes.
"""

from __future__ import annotations

import io
import struct
import zlib

_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00, the earliest date a zip can hold
_VERSION = 20  # deflate
_MADE_BY = (3 << 8) | _VERSION  # Unix, so the permissions below are read
_PERMISSIONS = 0o600 << 16
_LEVEL = 6
_KEPT_BYTES = 64 * 1024 * 1024


class _Deflated:
    """Members' compressed form, (CRC-32, deflated bytes), by their content; up to a bound on what is kept."""

    def __init__(self, limit: int):
        self.limit, self.kept = limit, 0
        self.by_content: dict[bytes, tuple[int, bytes]] = {}

    def get(self, content: bytes) -> tuple[int, bytes] | None:
        return self.by_content.get(content)

    def keep(self, content: bytes, result: tuple[int, bytes]) -> None:
        if self.kept > self.limit:
            self.clear()
        self.by_content[content] = result
        self.kept += len(content)

    def clear(self) -> None:
        self.by_content.clear()
        self.kept = 0


_DEFLATED = _Deflated(_KEPT_BYTES)


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


def read_zip(data: bytes) -> dict[str, bytes]:
    """Return an archive's members by name, and remember their compressed form (for writing them again)."""
    import zipfile

    members = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            content = archive.read(info)
            members[info.filename] = content
            if info.compress_type == zipfile.ZIP_DEFLATED:
                # The member's data follows its local header, whose name and extra field lengths may differ
                # from the central directory's.
                name_and_extra = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
                start = info.header_offset + 30 + sum(name_and_extra)
                _DEFLATED.keep(content, (info.CRC, data[start:start + info.compress_size]))
    return members


def _deflate(content: bytes) -> tuple[int, bytes]:
    known = _DEFLATED.get(content)
    if known is None:
        compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
        known = (zlib.crc32(content), compressor.compress(content) + compressor.flush())
        _DEFLATED.keep(content, known)
    return known
