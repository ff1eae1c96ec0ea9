"""Read a template file and its zip entries with every size bounded before and while reading.

Only regular files are read: a folder, a pipe (FIFO) or a device is refused
from ``os.stat`` before anything is opened, so nothing can hang waiting for a
writer or stream for ever. Zip entries are unpacked in chunks and stopped as
soon as they pass their limit, so memory stays near the limit whatever the
entry declares.
"""

from __future__ import annotations

import io
import lzma
import os
import stat
import struct
import zipfile
import zlib
from pathlib import Path

from ..problems import InputError, Problem
from .limits import MAX_PART_BYTES, MAX_PARTS, MAX_TEMPLATE_BYTES, MAX_TOTAL_BYTES, READ_CHUNK_BYTES, in_megabytes

SAVE_AGAIN = "open it in {app} and save it again"
# What zipfile and its decompressors raise on a damaged or unsupported entry.
_DAMAGED_ZIP = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, struct.error, NotImplementedError,
                ValueError, OSError)
_ENCRYPTED_FLAG = 0x1


def refusal(path: Path | str, message: str, part: str = "") -> InputError:
    """Return the InputError for one located reason a template cannot be used (``part`` names the zip entry)."""
    return InputError([Problem(message, file=str(path), key_path=f"part {part}" if part else "",
                               category="template")])


def read_regular_file(path: Path) -> bytes:
    """Return the bytes of ``path`` if it is a regular file within the template size limit, else refuse it."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise refusal(path, "file not found") from None
    except OSError as error:
        raise refusal(path, f"cannot be read ({error.strerror})") from None
    if stat.S_ISDIR(status.st_mode):
        raise refusal(path, "is a folder, not a template file; give the template file inside it")
    if not stat.S_ISREG(status.st_mode):
        raise refusal(path, "is not a file saved by an office program (it is a pipe, socket or device); "
                            "give a template file")
    if status.st_size > MAX_TEMPLATE_BYTES:
        raise refusal(path, f"the file is {in_megabytes(status.st_size)}, more than the "
                            f"{in_megabytes(MAX_TEMPLATE_BYTES)} a template may be; remove large pictures or "
                            f"embedded files and save it again")
    try:
        # O_NONBLOCK: should the path be swapped for a pipe after the check, opening it still cannot hang.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise refusal(path, f"cannot be read ({error.strerror})") from None
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise refusal(path, "changed into something other than a file while it was being read; try again")
        # Read in chunks, not read(limit): that would reserve the whole limit in memory whatever the file's size.
        chunks = []
        size = 0
        while size <= MAX_TEMPLATE_BYTES and (chunk := stream.read(READ_CHUNK_BYTES)):
            chunks.append(chunk)
            size += len(chunk)
    data = b"".join(chunks)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise refusal(path, f"the file is more than the {in_megabytes(MAX_TEMPLATE_BYTES)} a template may be; "
                            f"remove large pictures or embedded files and save it again")
    return data


class PackageReader:
    """The entries of one template's zip package, each read at most once and within the size limits."""

    def __init__(self, data: bytes, path: Path | str, app: str, not_a_package: str):
        self.path = path
        self.app = app
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            entries = self._zip.infolist()
        except _DAMAGED_ZIP:
            raise refusal(path, not_a_package) from None
        if len(entries) > MAX_PARTS:
            raise refusal(path, f"the package holds {len(entries):,} parts, more than the {MAX_PARTS:,} a template "
                                f"may have; {self.save_again}")
        self.entries: dict[str, zipfile.ZipInfo] = {}  # part name, lower case (OPC names ignore case) -> entry
        for entry in entries:
            if entry.is_dir():
                continue
            key = entry.filename.lower()
            if key in self.entries:
                raise refusal(path, f"the package holds this part twice; {self.save_again}", entry.filename)
            self.entries[key] = entry
        self.total_read = 0

    @property
    def save_again(self) -> str:
        return SAVE_AGAIN.format(app=self.app)

    def name_of(self, part: str) -> str | None:
        """Return the stored spelling of ``part`` (matched ignoring case), or None if the package lacks it."""
        entry = self.entries.get(part.lower())
        return entry.filename if entry is not None else None

    def read(self, part: str) -> bytes:
        """Return the unpacked bytes of ``part``, refusing it if it is damaged, encrypted or too large."""
        entry = self.entries[part.lower()]
        name = entry.filename
        if entry.flag_bits & _ENCRYPTED_FLAG:
            raise refusal(self.path, "the part is encrypted; save the template without a password", name)
        too_large = (f"the part unpacks to more than the {in_megabytes(MAX_PART_BYTES)} a template part may be; "
                     f"remove large pictures or embedded files and save it again")
        if entry.file_size > MAX_PART_BYTES:
            raise refusal(self.path, f"the part would unpack to {in_megabytes(entry.file_size)}, more than the "
                                     f"{in_megabytes(MAX_PART_BYTES)} a template part may be; remove large "
                                     f"pictures or embedded files and save it again", name)
        self._check_total(self.total_read + entry.file_size, name)
        chunks = []
        size = 0
        try:
            with self._zip.open(entry) as stream:
                while chunk := stream.read(READ_CHUNK_BYTES):
                    size += len(chunk)
                    if size > MAX_PART_BYTES:
                        raise refusal(self.path, too_large, name)
                    self._check_total(self.total_read + size, name)
                    chunks.append(chunk)
        except _DAMAGED_ZIP:
            raise refusal(self.path, f"the part is damaged (it cannot be unpacked, or its checksum does not "
                                     f"match); {self.save_again}", name) from None
        self.total_read += size
        return b"".join(chunks)

    def _check_total(self, total: int, name: str) -> None:
        if total > MAX_TOTAL_BYTES:
            raise refusal(self.path, f"the template's parts unpack to more than the {in_megabytes(MAX_TOTAL_BYTES)} "
                                     f"a template may hold; remove large pictures or embedded files and save it "
                                     f"again", name)
