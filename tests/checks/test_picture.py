"""`check --files` on a chart picture: its alt text in a PNG's Description chunk, an SVG's <title> and <desc>."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from generator.checks.picture import check_picture
from generator.checks.report import FileReport, check_files, refuse_unreadable
from generator.problems import InputError

ALT = "Bar chart of reviews by area: North 3, South 4."
SVG_PAGE = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{title}{desc}'
            '<text x="1" y="1">North</text></svg>')


def _png(path: Path, description: str | None) -> Path:
    info = PngImagePlugin.PngInfo()
    if description is not None:
        info.add_text("Description", description)
    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), "white").save(buffer, "PNG", pnginfo=info)
    path.write_bytes(buffer.getvalue())
    return path


def _report(path: Path) -> FileReport:
    report = FileReport(path)
    check_picture(path, report)
    return report


def test_a_png_with_its_alt_text_has_no_problems(tmp_path):
    report = _report(_png(tmp_path / "chart.png", ALT))
    assert report.problems == []
    assert report.facts == ["picture, 12 × 8 pixels"]


@pytest.mark.parametrize("description", [None, "  "])
def test_a_png_without_alt_text_is_reported(tmp_path, description):
    assert _report(_png(tmp_path / "chart.png", description)).problems == [
        "no alt text (its Description text chunk is missing or empty)"]


def test_a_png_with_generic_alt_text_is_reported(tmp_path):
    assert _report(_png(tmp_path / "chart.png", "Chart 1")).problems == [
        "generic alt text in its Description text chunk ('Chart 1')"]


def test_an_svg_with_its_alt_text_in_title_and_desc_has_no_problems(tmp_path):
    path = tmp_path / "chart.svg"
    path.write_text(SVG_PAGE.format(title=f"<title>{ALT}</title>", desc=f"<desc>{ALT}</desc>"), encoding="utf-8")
    assert _report(path).problems == []


def test_an_svg_without_title_or_desc_is_reported(tmp_path):
    path = tmp_path / "chart.svg"
    path.write_text(SVG_PAGE.format(title="", desc="<desc></desc>"), encoding="utf-8")
    assert _report(path).problems == ["no alt text (its <title> is missing or empty)",
                                      "no alt text (its <desc> is missing or empty)"]


def test_a_hostile_svg_s_entities_are_not_expanded_and_a_broken_file_is_reported(tmp_path):
    bomb = tmp_path / "bomb.svg"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                    '<svg xmlns="http://www.w3.org/2000/svg"><title>&b;</title><desc>&b;</desc></svg>',
                    encoding="utf-8")
    assert _report(bomb).problems == ["no alt text (its <title> is missing or empty)",  # not 'aaaa...'
                                      "no alt text (its <desc> is missing or empty)"]
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    assert _report(broken).problems == ["cannot be read as a PNG picture"]
    not_svg = tmp_path / "page.svg"
    not_svg.write_text("<html><title>x</title></html>", encoding="utf-8")
    assert _report(not_svg).problems == ["is not an SVG picture (its root is not <svg>)"]


def test_check_files_takes_pictures_and_refuses_other_kinds_naming_them(tmp_path):
    picture = _png(tmp_path / "chart.png", None)
    [report] = check_files([picture], render=False)
    assert report.problems == ["no alt text (its Description text chunk is missing or empty)"]
    other = tmp_path / "chart.gif"
    other.write_bytes(b"GIF89a")
    with pytest.raises(InputError) as refused:
        refuse_unreadable([picture, other])
    assert [p.message for p in refused.value.problems] == ["expected a .pptx, .docx, .html, .xlsx, .pdf, .png or .svg file"]


def test_the_built_pictures_have_no_problems(tmp_path):
    from generator.build import BuildOptions, build_event
    from tests.conftest import DEFAULT_DATA

    build_event(DEFAULT_DATA, BuildOptions(out_dir=tmp_path, pictures=True))
    pictures = sorted((tmp_path / "pictures").rglob("*.png")) + sorted((tmp_path / "pictures").rglob("*.svg"))
    assert len(pictures) == 30
    for report in check_files(pictures, render=False):
        assert report.problems == [], report.path.name
