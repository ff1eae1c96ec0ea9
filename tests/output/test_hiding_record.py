"""Each output records the threshold its small numbers were hidden below, readable from the file alone."""

from __future__ import annotations

from generator.output.hiding_record import html_meta, recorded_at, recorded_in, status_text


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
