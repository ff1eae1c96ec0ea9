"""Keep a template's picture only if its bytes are the picture its name and content type say, and re-encode it.

A part named ``image9.png`` may hold anything: a macro project, a program, a
web page, a workbook. A raster picture (PNG, JPEG, GIF; BMP, TIFF) is kept only if
Pillow reads it as that format within the pixel limit, and is then written
again by Pillow, so nothing but its pixels survives (no metadata, no bytes
appended after the image). A vector picture (EMF, WMF) cannot be re-encoded;
it is kept only if it starts with its format's header.
"""

from __future__ import annotations

import io
import posixpath
import struct
import warnings

from PIL import Image

from .limits import MAX_PICTURE_PIXELS, MAX_TEMPLATE_PICTURE_PIXELS

# Content type (lower case) -> the format its bytes must be in, and the file name extensions that format goes by.
RASTER_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG", "image/jpg": "JPEG", "image/gif": "GIF",
                  "image/bmp": "BMP", "image/tiff": "TIFF"}
VECTOR_FORMATS = {"image/x-emf": "EMF", "image/x-wmf": "WMF"}
EXTENSIONS = {"PNG": ("png",), "JPEG": ("jpeg", "jpg", "jpe", "jfif"), "GIF": ("gif",), "BMP": ("bmp", "dib"),
              "TIFF": ("tif", "tiff"), "EMF": ("emf",), "WMF": ("wmf",)}
# What a picture keeps of Pillow's information besides its pixels: which colour is transparent.
KEPT_INFORMATION = ("transparency",)
_EMF_HEADER_RECORD = 1
_EMF_SIGNATURE = b" EMF"
_EMF_SIGNATURE_OFFSET = 40
_PLACEABLE_WMF = b"\xd7\xcd\xc6\x9a"
_WMF_HEADER_WORDS = 9  # the size of a standard WMF header, in 16-bit words
_WMF_VERSIONS = (0x0100, 0x0300)


class UnusablePicture(Exception):
    """A template's picture that is not what its name and content type say (the message says what is wrong)."""


def clean_picture(data: bytes, name: str, content_type: str, pixels_taken: int = 0) -> tuple[bytes, int]:
    """Return picture ``data`` re-encoded (rasters) or as it is (EMF, WMF), and its pixels (0 for a vector one), or
    raise UnusablePicture saying why. ``pixels_taken`` is what the template's pictures kept so far have."""
    lowered = content_type.lower()
    picture_format = RASTER_FORMATS.get(lowered) or VECTOR_FORMATS.get(lowered)
    if picture_format is None:
        raise UnusablePicture(f"its content type {content_type} is not one of the pictures a template may hold "
                              f"(PNG, JPEG, GIF, BMP, TIFF, EMF or WMF)")
    extension = posixpath.splitext(name)[1].lstrip(".").lower()
    if extension not in EXTENSIONS[picture_format]:
        raise UnusablePicture(f"its name ends in .{extension} but its content type says {picture_format}")
    if picture_format in VECTOR_FORMATS.values():
        if not _has_vector_header(data, picture_format):
            raise UnusablePicture(f"its bytes are not {picture_format} picture data")
        return data, 0
    return _reencoded(data, picture_format, pixels_taken)


def _has_vector_header(data: bytes, picture_format: str) -> bool:
    if picture_format == "EMF":
        return (len(data) >= _EMF_SIGNATURE_OFFSET + len(_EMF_SIGNATURE)
                and struct.unpack_from("<I", data)[0] == _EMF_HEADER_RECORD
                and data[_EMF_SIGNATURE_OFFSET:_EMF_SIGNATURE_OFFSET + len(_EMF_SIGNATURE)] == _EMF_SIGNATURE)
    if data.startswith(_PLACEABLE_WMF):
        return True
    if len(data) < 6:
        return False
    file_type, header_words, version = struct.unpack_from("<HHH", data)
    return file_type in (1, 2) and header_words == _WMF_HEADER_WORDS and version in _WMF_VERSIONS


def _reencoded(data: bytes, picture_format: str, pixels_taken: int) -> tuple[bytes, int]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[picture_format])
            width, height = image.size
            if width * height > MAX_PICTURE_PIXELS:
                raise UnusablePicture(f"it is {width:,} x {height:,} pixels, more than the "
                                      f"{MAX_PICTURE_PIXELS:,} a template's picture may have")
            if pixels_taken + width * height > MAX_TEMPLATE_PICTURE_PIXELS:
                raise UnusablePicture(f"with it, the template's pictures would have more than the "
                                      f"{MAX_TEMPLATE_PICTURE_PIXELS:,} pixels a template's pictures may have "
                                      "together")
            image.load()
    except UnusablePicture:
        raise
    except Exception:  # noqa: BLE001 - Pillow raises many kinds on bytes that are not a picture of the format
        raise UnusablePicture(f"its bytes are not {picture_format} picture data") from None
    image.info = {key: image.info[key] for key in KEPT_INFORMATION if key in image.info}
    output = io.BytesIO()
    options = {"quality": "keep", "subsampling": "keep"} if picture_format == "JPEG" else {}
    image.save(output, picture_format, **options)
    return output.getvalue(), width * height
