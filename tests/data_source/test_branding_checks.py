"""The theme's logo as untrusted input: size checked before reading, pixels before decoding, then decoded whole."""

from __future__ import annotations

import os
import struct
import zlib

import pytest
from PIL import Image

from generator.data_source.branding_checks import MAX_LOGO_BYTES, MAX_LOGO_PIXELS, UNREADABLE_IMAGE
from tests.conftest import default_text, line_of

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_header_only(width: int, height: int) -> bytes:
    """Return a PNG that declares its size but holds no pixels: reading its header is all a check may do."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IEND", b"")


def _with_logo(folder, logo_bytes: bytes, name: str = "logo.png") -> str:
    (folder / name).write_bytes(logo_bytes)
    return default_text() + f"\ntheme:\n  logo: {name}\n"


def _logo_problem(text: str, message: str) -> str:
    return f"event.yaml, line {line_of(text, '  logo:')}, theme.logo: {message}"


def test_image_magic_with_no_image_is_unreadable_not_an_internal_error(folder, problems_of):
    text = _with_logo(folder, PNG_SIGNATURE + b"not really an image")
    assert problems_of(text) == [_logo_problem(text, UNREADABLE_IMAGE)]
    assert UNREADABLE_IMAGE == "the file is not a readable PNG or JPEG image"


def test_a_truncated_picture_is_unreadable(folder, problems_of, tmp_path):
    Image.new("RGB", (300, 120), "#8B1E3F").save(tmp_path / "whole.png")
    whole = (tmp_path / "whole.png").read_bytes()
    text = _with_logo(folder, whole[: len(whole) // 2])
    assert problems_of(text) == [_logo_problem(text, UNREADABLE_IMAGE)]


def test_too_many_pixels_is_refused_from_the_header(folder, problems_of):
    width, height = 8000, 6000  # 48 megapixels: under Pillow's own limit, over ours
    text = _with_logo(folder, _png_header_only(width, height))
    assert problems_of(text) == [_logo_problem(
        text, f"the image is 8,000 x 6,000 pixels (48,000,000); a logo may have at most {MAX_LOGO_PIXELS:,} pixels")]


def test_a_20000_by_20000_png_is_refused_without_decoding(folder, problems_of):
    text = _with_logo(folder, _png_header_only(20_000, 20_000))
    assert problems_of(text) == [_logo_problem(
        text, f"the image has far more pixels than a logo may have (at most {MAX_LOGO_PIXELS:,})")]


def test_a_logo_too_large_is_refused_from_its_size(folder, problems_of):
    with open(folder / "logo.png", "wb") as file:
        file.write(PNG_SIGNATURE)
        file.truncate(MAX_LOGO_BYTES + 1)  # sparse: only the size is ever looked at
    text = default_text() + "\ntheme:\n  logo: logo.png\n"
    assert problems_of(text) == [_logo_problem(
        text, f"the file is {MAX_LOGO_BYTES + 1:,} bytes; a logo may be at most {MAX_LOGO_BYTES:,} bytes")]


def test_a_folder_named_as_the_logo(folder, problems_of):
    (folder / "logo.png").mkdir()
    text = default_text() + "\ntheme:\n  logo: logo.png\n"
    assert problems_of(text) == [_logo_problem(
        text, "'logo.png': this is a folder, not a file; it must be an ordinary file")]


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_a_real_logo_is_accepted(folder, loaded, kind):
    Image.new("RGB", (300, 120), "#8B1E3F").save(folder / "logo.img", kind)
    loaded_data = loaded(default_text() + "\ntheme:\n  logo: logo.img\n")
    assert loaded_data.logo == (folder / "logo.img").resolve()


def test_validate_calls_an_undecodable_logo_invalid(folder, run_cli):
    text = _with_logo(folder, PNG_SIGNATURE + b"\x00" * 100)
    (folder / "event.yaml").write_text(text)
    status, out, err = run_cli(["validate", "event.yaml"], folder)
    assert status == 2
    assert out == ""
    assert err == (f"error: {_logo_problem(text, UNREADABLE_IMAGE)}\n"
                   "1 problem found; no output was written or changed.\n")
    assert "BytesIO" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no FIFOs")
def test_a_template_named_in_the_theme_that_is_a_fifo_is_refused_at_once(folder, problems_of):
    os.mkfifo(folder / "brand.potx")
    text = default_text() + "\ntheme:\n  pptx_template: brand.potx\n"
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, '  pptx_template:')}, theme.pptx_template: 'brand.potx': this is a pipe "
        "(FIFO), not a file; it must be an ordinary file"]


def test_a_template_named_in_the_theme_must_be_an_office_file(folder, problems_of):
    (folder / "brand.potx").write_text("not a zip")
    text = default_text() + "\ntheme:\n  pptx_template: brand.potx\n"
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, '  pptx_template:')}, theme.pptx_template: 'brand.potx' is not a "
        "PowerPoint or Word file"]


def test_a_template_that_cannot_be_read_when_its_kind_is_checked_is_a_located_problem(tmp_path):
    from generator.data_source.branding_checks import check_kind
    from generator.data_source.schema import Locations

    (tmp_path / "brand.potx").mkdir()  # replaced by a folder after it was found
    where = Locations("event.yaml", {"theme.pptx_template": 7})
    assert [str(problem) for problem in check_kind(tmp_path / "brand.potx", "brand.potx", "theme.pptx_template",
                                                   where, {"PowerPoint": (b"PK\x03\x04",)})] == [
        "event.yaml, line 7, theme.pptx_template: 'brand.potx': this is a folder, not a file; it must be an "
        "ordinary file"]


def test_colours_of_too_little_contrast_are_located_warnings_not_errors(loaded):
    text = default_text() + ("theme:\n  colours:\n    text: '999999'\n    background: FFFFFF\n    heading: '000000'\n"
                             "    link: '000000'\n    accents: [EEEEEE]\n")
    warnings = loaded(text).warnings
    assert [str(warning) for warning in warnings] == [
        f"event.yaml, line {line_of(text, '    text:')}, theme.colours.text: text #999999 on background #FFFFFF has "
        "contrast 2.8:1; text needs at least 4.5:1",
        f"event.yaml, line {line_of(text, '    accents:')}, theme.colours.accents[0]: accent #EEEEEE on background "
        "#FFFFFF has contrast 1.2:1; chart bars need at least 3.0:1"]
    assert {warning.severity for warning in warnings} == {"warning"}


def test_every_mistake_in_the_theme_is_reported_at_its_own_key(problems_of):
    text = default_text() + ("\ntheme:\n  layouts:\n    bogus: Title Slide\n  styles:\n    wrong_role: Heading 1\n"
                             "  colours:\n    background: 12345G\n    accents: []\n")
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, 'bogus:')}, theme.layouts.bogus: unknown slide kind 'bogus'; expected one "
        "of: title, closing, section, content, figures, charts, themes",
        f"event.yaml, line {line_of(text, 'wrong_role:')}, theme.styles.wrong_role: unknown style role 'wrong_role'; "
        "expected one of: body, title, subtitle, heading, bullet, footer",
        f"event.yaml, line {line_of(text, '12345G')}, theme.colours.background: expected a colour like 1D5A8E, got "
        "'12345G'",
        f"event.yaml, line {line_of(text, 'accents: []')}, theme.colours.accents: expected at least one accent colour"]


def test_an_accent_that_is_not_a_colour_is_named_by_its_place_in_the_list(problems_of):
    text = default_text() + "\ntheme:\n  colours:\n    accents:\n      - 1D5A8E\n      - red\n"
    assert problems_of(text) == [
        f"event.yaml, line {line_of(text, '- red')}, theme.colours.accents[1]: expected a colour like 1D5A8E, got "
        "'red'"]


def test_a_logo_outside_the_data_file_s_folder_is_refused_unless_allowed(problems_of):
    text = default_text() + "\ntheme:\n  logo: ../outside.png\n"
    assert problems_of(text) == [_logo_problem(
        text, "'../outside.png' is outside the data file's folder; move it there, or build with --allow-outside")]


def test_a_logo_of_exactly_the_most_pixels_is_not_refused_for_its_size(folder, problems_of):
    text = _with_logo(folder, _png_header_only(8000, MAX_LOGO_PIXELS // 8000))  # no pixels to decode, though
    assert problems_of(text) == [_logo_problem(text, UNREADABLE_IMAGE)]


def test_a_logo_that_is_not_an_image_at_all_says_which_kinds_it_may_be(folder, problems_of):
    text = _with_logo(folder, b"hello, not a picture")
    assert problems_of(text) == [_logo_problem(text, "'logo.png' is not a PNG or JPEG file")]
