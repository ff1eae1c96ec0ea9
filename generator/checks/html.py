"""Check an HTML briefing for what a publisher needs: language, title, headings in order, text alternatives."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .report import FileReport


class _Outline(HTMLParser):
    """Collects the page's language, title, heading levels, charts without a title, and external requests."""

    def __init__(self) -> None:
        super().__init__()
        self.language = ""
        self.title = ""
        self.headings: list[int] = []
        self.untitled_charts = 0
        self.external: list[str] = []
        self._in_title = False
        self._svg_titled: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.language = values.get("lang") or ""
        elif tag == "title":
            self._in_title = True
            if self._svg_titled:
                self._svg_titled[-1] = True
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        elif tag == "svg":
            self._svg_titled.append(False)
        for name in ("src", "href"):
            value = values.get(name) or ""
            if value and tag != "a" and not value.startswith(("data:", "#")):
                self.external.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "svg" and self._svg_titled:
            self.untitled_charts += not self._svg_titled.pop()

    def handle_data(self, data: str) -> None:
        if self._in_title and not self._svg_titled:
            self.title += data


def check_html(path: Path, report: FileReport) -> None:
    """Add the page's facts and problems to ``report``."""
    outline = _Outline()
    outline.feed(path.read_text(encoding="utf-8"))
    report.facts.append(f"web page, {len(outline.headings)} headings")
    if not outline.language:
        report.problems.append("no language (lang) on the page")
    if not outline.title.strip():
        report.problems.append("no title")
    if outline.headings[:1] != [1] or outline.headings.count(1) != 1:
        report.problems.append("the page should have exactly one main heading (h1), first")
    if any(later > earlier + 1 for earlier, later in zip(outline.headings, outline.headings[1:])):
        report.problems.append("a heading level is skipped")
    if outline.untitled_charts:
        report.problems.append(f"{outline.untitled_charts} chart(s) without a title stating what they show")
    for address in outline.external:
        report.problems.append(f"loads {address} from elsewhere; the page should be self-contained")
