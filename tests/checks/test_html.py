"""`check` on an HTML briefing: clean on the default build, and each problem found in a page that has it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.checks.html import check_html
from generator.checks.file_report import FileReport

GOOD = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>A briefing</title>
<style>body {{ color: #111; }}{style}</style></head>
<body><h1>A briefing</h1><h2>1. Background</h2><p>Text.</p>
<table><caption>Reviews</caption><tr><th scope="col">Area</th><th scope="col">Number</th></tr>
<tr><th scope="row">North</th><td>3</td></tr></table>
<svg role="img"><title>Chart of reviews</title><rect width="3" height="3"/></svg>
<img src="data:image/png;base64,AAAA" alt="Logo of the partnership">
<p><a href="https://www.gov.uk/">A link is not a request</a></p>
{extra}</body></html>
"""


def _check(tmp_path: Path, extra: str = "", style: str = "", page: str = GOOD) -> FileReport:
    path = tmp_path / "page.html"
    path.write_text(page.format(extra=extra, style=style), encoding="utf-8")
    report = FileReport(path)
    check_html(path, report)
    return report


def test_the_default_web_pages_have_no_problems(built_default):
    pages = sorted((built_default / "briefings").glob("*.html"))
    assert len(pages) == 3
    for path in pages:
        report = FileReport(path)
        check_html(path, report)
        assert report.problems == [], path.name
        assert report.facts == ["web page, 8 headings, 3 tables"], path.name


def test_a_good_page_has_no_problems(tmp_path):
    report = _check(tmp_path)
    assert report.problems == []
    assert report.facts == ["web page, 2 headings, 1 table"]


@pytest.mark.parametrize(("extra", "style", "problem"), [
    ('<img src="logo.png" alt="Logo">', "", "loads logo.png from elsewhere; the page should be self-contained"),
    ('<img src="data:image/png;base64,AAAA">', "", "1 image(s) without alt text"),
    ('<link rel="stylesheet" href="https://cdn.example.org/a.css">', "",
     "loads https://cdn.example.org/a.css from elsewhere; the page should be self-contained"),
    ("", "@font-face { src: url('https://fonts.example.org/f.woff2'); }",
     "loads https://fonts.example.org/f.woff2 from elsewhere; the page should be self-contained"),
    ("", '@import "theme.css";', "loads theme.css from elsewhere; the page should be self-contained"),
    ('<div style="background: url(bg.png)">x</div>', "",
     "loads bg.png from elsewhere; the page should be self-contained"),
    ("<table><tr><td>1</td></tr></table>", "", "1 table(s) without header cells (th)"),
    ("<svg><rect/></svg>", "", "1 chart(s) without a title stating what they show"),
    ("<h4>Too deep</h4>", "", "a heading level is skipped"),
    ("<h1>Another main heading</h1>", "", "the page should have exactly one main heading (h1), first"),
])
def test_each_problem_is_found(tmp_path, extra, style, problem):
    assert _check(tmp_path, extra, style).problems == [problem]


def test_no_language_and_no_title(tmp_path):
    page = GOOD.replace(' lang="en-GB"', "").replace("<title>A briefing</title>", "<title> </title>")
    assert _check(tmp_path, page=page).problems == ["no language (lang) on the page", "no title"]


def test_an_inline_style_url_to_a_data_address_is_not_a_request(tmp_path):
    assert _check(tmp_path, '<div style="background: url(data:image/png;base64,AAAA)">x</div>').problems == []
