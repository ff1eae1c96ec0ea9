"""Each output records the threshold its small numbers were hidden below, readable from the file alone."""

from __future__ import annotations

from generator.output.hiding_record import (html_meta, pdf_recorded, png_text, recorded_at, recorded_in, status_text,
                                           svg_recorded)


def test_a_web_page_records_its_threshold_in_a_meta_element(tmp_path):
    page = tmp_path / "b.html"
    page.write_text(f"<!DOCTYPE html>\n<html><head>{html_meta(5)}</head></html>", encoding="utf-8")
    assert recorded_at(page) == 5
    assert recorded_in("b.html", html_meta(0).encode()) == 0
    assert recorded_in("b.html", b"<html></html>") is None


def test_the_status_reads_as_words():
    assert status_text(5) == "small numbers hidden below 5"
    assert status_text(0) == "small numbers not hidden"


def test_a_file_that_is_not_a_package_records_nothing(tmp_path):
    broken = tmp_path / "b.docx"
    broken.write_bytes(b"not a zip")
    assert recorded_at(broken) is None
    assert recorded_at(tmp_path / "missing.pptx") is None


def _pdf() -> bytes:
    import io

    import pikepdf

    document = pikepdf.new()
    document.add_blank_page()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_pdf_records_its_threshold_in_its_document_information(tmp_path):
    plain = _pdf()
    assert recorded_in("b.pdf", plain) is None
    assert recorded_in("b.pdf", pdf_recorded(plain, 5)) == 5
    assert recorded_in("b.pdf", pdf_recorded(plain, 0)) == 0
    built = tmp_path / "b.pdf"
    built.write_bytes(pdf_recorded(plain, 10))
    assert recorded_at(built) == 10
    assert pdf_recorded(b"not a pdf", 5) == b"not a pdf"
    assert recorded_in("b.pdf", b"not a pdf") is None


def test_a_png_records_its_threshold_in_a_text_chunk(tmp_path):
    import io

    from PIL import Image, PngImagePlugin

    def png(text: dict[str, str]) -> bytes:
        chunks = PngImagePlugin.PngInfo()
        for key, value in text.items():
            chunks.add_text(key, value)
        out = io.BytesIO()
        Image.new("RGB", (2, 2)).save(out, format="PNG", pnginfo=chunks)
        return out.getvalue()

    assert recorded_in("b.png", png(png_text(5))) == 5
    assert recorded_in("b.png", png(png_text(0))) == 0
    assert recorded_in("b.png", png({})) is None
    assert recorded_in("b.png", png({"small-numbers-hidden-below": "five"})) is None
    assert recorded_in("b.png", b"not a png") is None
    built = tmp_path / "b.png"
    built.write_bytes(png(png_text(3)))
    assert recorded_at(built) == 3


def test_an_svg_records_its_threshold_in_its_metadata(tmp_path):
    plain = b'<svg xmlns="http://www.w3.org/2000/svg"><metadata/><g/></svg>'
    recorded = svg_recorded(plain, 5)
    assert b'<metadata><lfr:small-numbers-hidden-below xmlns:lfr="urn:learning-from-reviews:publishing">5<' in recorded
    assert recorded_in("b.svg", recorded) == 5
    assert recorded_in("b.svg", svg_recorded(b'<svg xmlns="http://www.w3.org/2000/svg"/>', 0)) == 0
    assert recorded_in("b.svg", plain) is None
    built = tmp_path / "b.svg"
    built.write_bytes(recorded)
    assert recorded_at(built) == 5
