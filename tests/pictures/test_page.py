"""The pictures' index page: every picture with its alt text and its figures, accessible and self-contained."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from generator.build import BuildOptions, build_event
from generator.checks.html import check_html
from generator.checks.report import FileReport
from generator.loading import load_event
from generator.pictures.builder import INDEX
from generator.pictures.plan import plan_pictures
from generator.plan import plan_event
from tests.briefing.test_html_in_browser import _in_browser, needs_browser
from tests.conftest import DEFAULT_DATA, ROOT
from tests.pictures.svg_text import alt_texts

HIDING = ROOT / "data" / "riverside-2024.yaml"  # a build of the Welsh board with hiding fails on its Word chart


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """Return the index page of the default data, and of the Riverside example with counts under 5 hidden."""
    found = {}
    for name, data, threshold in (("default", DEFAULT_DATA, None), ("hidden", HIDING, 5)):
        out = tmp_path_factory.mktemp(name)
        build_event(data, BuildOptions(out_dir=out, pictures=True, suppress_below=threshold))
        [found[name]] = (out / "pictures").glob(f"*/{INDEX}")
    return found


def test_the_page_lists_every_picture_with_its_alt_text_files_and_figures(pages):
    html = pages["default"].read_text(encoding="utf-8")
    pictures = plan_pictures(plan_event(load_event(DEFAULT_DATA).event))
    assert html.count("<h3>") == len(pictures) == 10
    for picture in pictures:
        chart = picture.chart
        assert f'alt="{chart.alt_text}"' in html
        assert f"<strong>Alt text:</strong> {chart.alt_text}</p>" in html
        for name in (f"{picture.stem}.png", f"{picture.stem}-social.png", f"{picture.stem}.svg"):
            assert f'<a href="{name}">{name}</a>' in html
        rows = "".join(f'<tr><th scope="row">{label}</th><td class="number">{value}</td></tr>'
                       for label, value in zip(chart.categories, chart.values))
        assert rows in html, picture.stem
    assert '<html lang="en-GB">' in html
    assert "<h1>Chart pictures: Learning from Reviews, Thursday 12 May 2022</h1>" in html


def test_each_picture_on_the_page_is_its_svg_held_in_the_page(pages):
    html = pages["default"].read_text(encoding="utf-8")
    folder = pages["default"].parent
    held = [base64.b64decode(data) for data in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)]
    assert held == [path.read_bytes() for path in sorted(folder.glob("*.svg"), key=lambda p: html.index(p.name))]
    assert all(alt_texts(svg)[0] for svg in held)


def test_the_page_says_small_numbers_are_hidden_and_shows_no_hidden_category(pages):
    html = pages["hidden"].read_text(encoding="utf-8")
    assert "(small numbers hidden)" in html
    assert "are not shown" in html
    # Riverside's children's reviews by area, say: both counts hidden, so no picture, and the page says why.
    undrawn = [p for p in plan_pictures(plan_event(load_event(HIDING, suppress_below=5).event)) if not p.drawn]
    assert undrawn
    for picture in undrawn:
        assert f"<h3>{picture.chart.title}</h3>\n<p>No picture: {picture.chart.note}.</p>" in html
        assert not (pages["hidden"].parent / f"{picture.stem}.svg").exists()


@pytest.mark.parametrize("name", ["default", "hidden"])
def test_check_finds_no_problem_on_the_page(pages, name):
    report = FileReport(pages[name])
    check_html(pages[name], report)
    assert report.problems == []


@pytest.mark.slow
@needs_browser
def test_the_page_passes_axe_in_chromium_and_fetches_nothing(pages, tmp_path):
    for name, page in pages.items():
        work = tmp_path / name
        work.mkdir()
        findings = _in_browser(page, work)
        assert findings["passes"] > 10, name  # axe really ran its rules
        assert (findings["violations"], findings["fetched"]) == ([], []), name


def test_a_page_with_every_count_hidden_says_so():
    from generator.pictures.page import index_page

    event = load_event(ROOT / "tests" / "fixtures" / "gallery" / "tiny-single-type.yaml", suppress_below=5).event
    pictures = plan_pictures(plan_event(event))
    # 2 reviews, fewer than 5: not broken down at all (issue 20), so no chart is even planned
    assert not any(picture.drawn for picture in pictures)
    page = index_page(event, pictures, [b""] * len(pictures), [], 0)
    assert "<p>No chart of this event has a figure left to show once small numbers are hidden.</p>" in page
    assert "<img" not in page
    assert all(f"<h3>{p.chart.title}</h3>\n<p>No picture: {p.chart.note}.</p>" in page for p in pictures)
