"""A template's picture is kept only if it is the picture its name and content type say, re-encoded to its pixels."""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image

from generator.templates.limits import MAX_PICTURE_PIXELS, MAX_TEMPLATE_PICTURE_PIXELS
from generator.templates.pictures import UnusablePicture, clean_picture
from tests.templates.hostile import PRETENDING_PICTURES, png_bytes

EMF = struct.pack("<II", 1, 108) + b"\x00" * 32 + b" EMF" + b"\x00" * 64
PLACEABLE_WMF = b"\xd7\xcd\xc6\x9a" + b"\x00" * 40
STANDARD_WMF = struct.pack("<HHH", 1, 9, 0x0300) + b"\x00" * 12


def _saved(image: Image.Image, picture_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, picture_format, **options)
    return buffer.getvalue()


def test_a_png_keeps_its_pixels_and_loses_its_metadata_and_anything_appended():
    data = png_bytes(metadata=True) + b"appended secret payload"
    cleaned, pixels = clean_picture(data, "ppt/media/photo.png", "image/png")
    assert b"secret" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image, Image.open(io.BytesIO(data)) as original:
        assert image.format == "PNG" and image.info == {}
        assert image.tobytes() == original.tobytes()
        assert pixels == image.width * image.height


def test_a_jpeg_loses_its_exif_and_comment():
    exif = Image.Exif()
    exif[0x010E] = "secret-exif description"
    data = _saved(Image.new("RGB", (8, 8), "teal"), "JPEG", exif=exif.tobytes(), comment=b"secret-comment")
    assert b"secret-exif" in data and b"secret-comment" in data
    cleaned, _ = clean_picture(data, "word/media/image1.jpeg", "image/jpeg")
    assert b"secret" not in cleaned
    assert Image.open(io.BytesIO(cleaned)).format == "JPEG"


def test_a_gif_keeps_its_transparent_colour():
    image = Image.new("P", (2, 1), 1)
    image.putpixel((1, 0), 2)
    cleaned, _ = clean_picture(_saved(image, "GIF", transparency=1), "ppt/media/image2.gif", "image/gif")
    rgba = Image.open(io.BytesIO(cleaned)).convert("RGBA")
    alphas = [rgba.getpixel((x, 0))[3] for x in range(2)]
    assert alphas == [0, 255]


@pytest.mark.parametrize("data, name, content_type", [(EMF, "image3.emf", "image/x-emf"),
                                                      (PLACEABLE_WMF, "image4.wmf", "image/x-wmf"),
                                                      (STANDARD_WMF, "image5.wmf", "image/x-wmf")])
def test_a_vector_picture_with_its_formats_header_is_kept_as_it_is(data, name, content_type):
    assert clean_picture(data, name, content_type) == (data, 0)


@pytest.mark.parametrize("name, data, content_type", PRETENDING_PICTURES)
def test_a_file_pretending_to_be_a_picture_is_refused(name, data, content_type):
    picture_format = {"image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/x-emf": "EMF",
                      "image/x-wmf": "WMF"}[content_type]
    with pytest.raises(UnusablePicture) as refused:
        clean_picture(data, name, content_type)
    assert str(refused.value) == f"its bytes are not {picture_format} picture data"


def test_a_name_that_disagrees_with_the_content_type_is_refused():
    with pytest.raises(UnusablePicture) as refused:
        clean_picture(png_bytes(), "image1.emf", "image/png")
    assert str(refused.value) == "its name ends in .emf but its content type says PNG"


def test_a_picture_over_the_pixel_limit_is_refused_before_it_is_decoded():
    side = int(MAX_PICTURE_PIXELS ** 0.5) + 1
    # A 1-bit PNG this large compresses to a few kilobytes: its header says its size.
    data = _saved(Image.new("1", (side, side)), "PNG")
    with pytest.raises(UnusablePicture) as refused:
        clean_picture(data, "image1.png", "image/png")
    assert str(refused.value) == (f"it is {side:,} x {side:,} pixels, more than the {MAX_PICTURE_PIXELS:,} a "
                                  "template's picture may have")


def test_pictures_past_the_templates_pixels_together_are_refused_before_they_are_decoded():
    data = png_bytes()
    with Image.open(io.BytesIO(data)) as image:
        own = image.width * image.height
    assert clean_picture(data, "image1.png", "image/png", MAX_TEMPLATE_PICTURE_PIXELS - own)[1] == own
    with pytest.raises(UnusablePicture) as refused:
        clean_picture(data, "image2.png", "image/png", MAX_TEMPLATE_PICTURE_PIXELS - own + 1)
    assert str(refused.value) == (f"with it, the template's pictures would have more than the "
                                  f"{MAX_TEMPLATE_PICTURE_PIXELS:,} pixels a template's pictures may have together")
