"""Check an HTML briefing for what a publisher needs: language, title, headings in order, text alternatives,
tables with header cells, and nothing fetched from elsewhere (including by its styles)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .file_report import FileReport

# What fetches something: an attribute naming an address (links are followed only when clicked, so <a> is not).
_FETCHING_ATTRIBUTES = ("src", "href", "srcset", "data", "poster", "action")
# A style's url(...) or @import "...": the address is its first group.
_STYLE_ADDRESS = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)


def _is_inline(address: str) -> bool:
    """Return whether an address is held in the page itself (a data URL or a fragment of this page)."""
    return address.strip().lower().startswith(("data:", "#"))


class _Outline(HTMLParser):
    """Collects the page's language, title, heading levels, charts without a title, and external requests."""

    def __init__(self) -> None:
        super().__init__()
        self.language = ""
        self.title = ""
        self.headings: list[int] = []
        self.untitled_charts = 0
        self.external: list[str] = []
        self.images_without_alt = 0
        self.tables = 0
        self.tables_without_headers = 0
        self._table_headers: list[bool] = []
        self._in_style = False
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
        elif tag == "img" and values.get("alt") is None:
            self.images_without_alt += 1
        elif tag == "table":
            self.tables += 1
            self._table_headers.append(False)
        elif tag == "th" and self._table_headers:
            self._table_headers[-1] = True
        elif tag == "style":
            self._in_style = True
        for name in _FETCHING_ATTRIBUTES:
            value = values.get(name) or ""
            if value and tag != "a" and not _is_inline(value):
                self.external.append(value)
        self._style_addresses(values.get("style") or "")

    def _style_addresses(self, css: str) -> None:
        for match in _STYLE_ADDRESS.finditer(css):
            address = match.group(1) or match.group(2)
            if not _is_inline(address):
                self.external.append(address)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "style":
            self._in_style = False
        elif tag == "table" and self._table_headers:
            self.tables_without_headers += not self._table_headers.pop()
        elif tag == "svg" and self._svg_titled:
            self.untitled_charts += not self._svg_titled.pop()

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._style_addresses(data)
        if self._in_title and not self._svg_titled:
            self.title += data


def check_html(path: Path, report: FileReport) -> None:
    """Add the page's facts and problems to ``report``."""
    outline = _Outline()
    outline.feed(path.read_text(encoding="utf-8"))
    report.facts.append(f"web page, {len(outline.headings)} headings, {outline.tables} "
                        f"table{'s' if outline.tables != 1 else ''}")
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
    if outline.images_without_alt:
        report.problems.append(f"{outline.images_without_alt} image(s) without alt text")
    if outline.tables_without_headers:
        report.problems.append(f"{outline.tables_without_headers} table(s) without header cells (th)")
    for address in outline.external:
        report.problems.append(f"loads {address} from elsewhere; the page should be self-contained")
