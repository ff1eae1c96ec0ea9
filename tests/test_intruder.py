"""A motivated intruder on the published files themselves (DISCLOSURE.md): build partnerships with small numbers
hidden, read every number as a reader can from the files a partnership publishes (the web pages' text, tables,
attributes, comments and inline SVG; the Word briefings' parts; the deck's slides, notes and charts when the deck
is hidden; each chart's cached values and its embedded workbook; the figures workbook; the chart pictures' SVG,
alt text and PNG text chunks; every document property), and check that:

- no hidden count appears anywhere in plain: no category printed beside a number the tables hide (a chart's cache,
  its workbook, an alt text, a picture's label);
- every table the files print is a table the plan audits, cell for cell, so the LP below reads what the files say;
- the LP (tests/lp_audit.py, scipy's HiGHS) over everything printed finds no hidden count pinned to one value.

What a picture draws as pixels (a PNG's bars and labels) is not read; its SVG twin and alt text are.
"""

from __future__ import annotations

import base64
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest
from lxml import etree, html
from PIL import Image

from generator.cli import main
from generator.figures import ReviewFigures, event_figures
from generator.i18n import speaking
from generator.loading import load_event
from generator.model import EventData
from generator.suppression import fewer_than_table
from generator.timeline import TimelineFigures, event_timelines
from tests.lp_audit import Reader, read_figures, read_timeline
from tests.test_audit import thinned_harbour

ROOT = Path(__file__).resolve().parent.parent
GALLERY = ROOT / "tests" / "fixtures" / "gallery"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DATA_SVG = "data:image/svg+xml;base64,"
NUMBER = re.compile(r"^\d+$")
COUNT = re.compile(r"^(\d+|<\d+|\[c\])$")  # a table's count as printed: shown, '<5' or '[c]'


@dataclass
class Printed:
    """Everything a reader can read in the published files: each text (with where), each pair of a category and
    the number beside it (table rows, chart caches, chart workbooks, picture labels), and each table's rows."""

    texts: list[tuple[str, str]] = field(default_factory=list)
    pairs: list[tuple[str, str, str]] = field(default_factory=list)  # where, category, number as printed
    tables: list[tuple[str, tuple[tuple[str, str], ...]]] = field(default_factory=list)

    def text(self, where: str, value: object) -> None:
        if value is not None and str(value).strip():
            self.texts.append((where, " ".join(str(value).split())))


def read_xml(printed: Printed, where: str, data: bytes) -> None:
    """Read every text, attribute value and comment of an XML part; a chart part's cached categories and values as
    pairs; a Word or slide table's rows as a table."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))
    for hyphen in root.iter(f"{WORD}noBreakHyphen"):  # Word's hyphen that keeps 'Pen-y-bont' on one line
        hyphen.text = "-"
    for element in root.iter():
        if isinstance(element, etree._Comment):  # noqa: SLF001 (lxml's documented comment class)
            printed.text(f"{where} comment", element.text)
            continue
        printed.text(where, element.text)
        printed.text(where, element.tail)
        for name, value in element.attrib.items():
            printed.text(f"{where} @{etree.QName(name).localname}", value)
    for series in root.iter(f"{C}ser"):
        categories = {pt.get("idx"): pt.findtext(f"{C}v") for cat in series.iter(f"{C}cat") for pt in cat.iter(f"{C}pt")}
        for val in series.iter(f"{C}val"):
            for pt in val.iter(f"{C}pt"):
                number = (pt.findtext(f"{C}v") or "").removesuffix(".0")
                printed.pairs.append((f"{where} cache", categories.get(pt.get("idx")) or "", number))
    for table, row_tag, cell_tag in [*((t, f"{WORD}tr", f"{WORD}tc") for t in root.iter(f"{WORD}tbl")),
                                     *((t, f"{DRAWING}tr", f"{DRAWING}tc") for t in root.iter(f"{DRAWING}tbl"))]:
        rows = tuple(tuple("".join(cell.itertext()).strip() for cell in row.iter(cell_tag)) for row in table.iter(row_tag))
        add_table(printed, f"{where} table", rows)


def add_table(printed: Printed, where: str, rows: tuple[tuple[str, ...], ...]) -> None:
    pairs = tuple((row[0], row[1]) for row in rows if len(row) == 2 and COUNT.match(row[1]))
    printed.tables.append((where, pairs))
    printed.pairs.extend((where, label, text) for label, text in pairs)


def read_workbook(printed: Printed, where: str, data: bytes) -> None:
    """Read a workbook's cells: each row's first cell beside every later one as pairs, every cell as text."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                printed.text(f"{where} {sheet.title}", value)
            label = row[0] if row else None
            for value in row[1:]:
                if label is not None and value is not None:
                    printed.pairs.append((f"{where} {sheet.title}", str(label), str(value).removesuffix(".0")))
    read_package(printed, where, data, skip_sheets=True)


def read_package(printed: Printed, where: str, data: bytes, skip_sheets: bool = False) -> None:
    """Read every part of an Office file: XML parts, embedded workbooks (a chart's data), pictures' text."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            part = package.read(name)
            if name.endswith((".xml", ".rels", ".vml")):
                if not (skip_sheets and name.startswith("xl/")):
                    read_xml(printed, f"{where}:{name}", part)
            elif name.endswith(".xlsx"):
                read_workbook(printed, f"{where}:{name}", part)
            elif name.endswith(".svg"):
                read_svg(printed, f"{where}:{name}", part)
            elif name.endswith(".png"):
                read_png(printed, f"{where}:{name}", part)
            elif name.endswith((".bin", ".docx", ".pptx")):
                raise AssertionError(f"{where}:{name}: an embedded object no reader here opens")


def read_svg(printed: Printed, where: str, data: bytes) -> None:
    """Read an SVG's text and metadata, and each category beside its value label (matplotlib's ids)."""
    read_xml(printed, where, data)
    root = etree.fromstring(data)
    by_id = {element.get("id"): " ".join("".join(element.itertext()).split()) for element in root.iter()
             if element.get("id")}
    for name, label in by_id.items():
        if name.startswith("category-") and f"value-{name.removeprefix('category-')}" in by_id:
            printed.pairs.append((f"{where} label", label, by_id[f"value-{name.removeprefix('category-')}"]))


def read_png(printed: Printed, where: str, data: bytes) -> None:
    for key, value in Image.open(io.BytesIO(data)).text.items():
        printed.text(f"{where} {key}", value)


def read_html(printed: Printed, where: str, data: bytes) -> None:
    """Read a web page: text, attributes, comments, <title> and meta, tables by rows, and inline SVG pictures."""
    page = html.fromstring(data)
    for element in page.iter():
        if isinstance(element, html.HtmlComment):
            printed.text(f"{where} comment", element.text)
            continue
        printed.text(where, element.text)
        printed.text(where, element.tail)
        for name, value in element.attrib.items():
            if value.startswith(DATA_SVG):
                read_svg(printed, f"{where} inline picture", base64.b64decode(value.removeprefix(DATA_SVG)))
            else:
                printed.text(f"{where} @{name}", value)
    for svg in page.iter("svg"):
        read_svg(printed, f"{where} svg", etree.tostring(svg))
    for table in page.iter("table"):
        rows = tuple(tuple(cell.text_content().strip() for cell in row if cell.tag in ("th", "td"))
                     for row in table.iter("tr"))
        add_table(printed, f"{where} table", rows[1:])  # after the heading row


def read_published(paths: list[Path]) -> Printed:
    printed = Printed()
    for path in paths:
        data = path.read_bytes()
        if path.suffix in (".docx", ".pptx"):
            read_package(printed, path.name, data)
        elif path.suffix == ".xlsx":
            read_workbook(printed, path.name, data)
        elif path.suffix == ".html":
            read_html(printed, path.name, data)
        elif path.suffix == ".svg":
            read_svg(printed, path.name, data)
        elif path.suffix == ".png":
            read_png(printed, path.name, data)
        else:
            raise AssertionError(f"{path}: a published file no reader here opens")
    return printed


@dataclass(frozen=True)
class Case:
    data: Path
    threshold: int = 5
    pictures: bool = False
    deck: bool = False  # the data asks for the deck to be hidden too: it is published
    thinned: tuple[int, int] | None = None  # the harbour register thinned (tests.test_audit.thinned_harbour)

    @property
    def id(self) -> str:
        return f"{self.data.stem}-{self.threshold}{'-pictures' if self.pictures else ''}{'-deck' if self.deck else ''}" \
            + (f"-thinned-{self.thinned[0]}-{self.thinned[1]}" if self.thinned else "")


CASES = [
    Case(ROOT / "data" / "riverside-2024.yaml"),  # a register
    Case(ROOT / "data" / "harbour-2025.yaml", pictures=True),  # a register with its story over time
    Case(ROOT / "data" / "harbour-2025.yaml", threshold=3, deck=True),
    Case(ROOT / "data" / "harbour-2025.yaml", threshold=10),
    Case(ROOT / "data" / "tees-2022.yaml", deck=True),  # areas grouped (MBC/RCBC, HBC/SBC), 'where known: 3 of 9'
    Case(GALLERY / "bilingual-susr.yaml", pictures=True),  # Welsh and English, reviews by criterion
    Case(GALLERY / "welsh-regional-board.yaml"),
    Case(GALLERY / "tiny-single-type.yaml"),
    # A small register: reviews per year, timeliness and recommendation tables withheld
    Case(ROOT / "data" / "harbour-2025.yaml", deck=True, pictures=True, thinned=(15, 9)),
]


def built(case: Case, folder: Path) -> tuple[Path, list[Path]]:
    """Build the case into ``folder``; return its data file (a copy asking for the deck to be hidden, when the
    case says) and the files a partnership publishes."""
    data = case.data
    if case.thinned:
        data = thinned_harbour(folder, *case.thinned)
    elif case.deck:
        data = folder / case.data.name
        data.write_text(case.data.read_text(encoding="utf-8"), encoding="utf-8")
        for sibling in case.data.parent.glob("*.xlsx"):
            (folder / sibling.name).write_bytes(sibling.read_bytes())
    if case.deck:
        text = data.read_text(encoding="utf-8")
        data.write_text(f"{text}\npublish: {{suppress_below: {case.threshold}, deck: true}}\n", encoding="utf-8")
    out = folder / "out"
    args = ["build", str(data), "--out", str(out), "--suppress-below", str(case.threshold)]
    assert main([*args, *(["--pictures"] if case.pictures else [])]) == 0
    published = sorted((out / "briefings").glob("*.docx")) + sorted((out / "briefings").glob("*.html")) \
        + sorted((out / "decks").glob("*.xlsx")) + sorted((out / "pictures").rglob("*.svg")) \
        + sorted((out / "pictures").rglob("*.png")) + sorted((out / "pictures").rglob("*.html"))
    if case.deck:
        published += sorted((out / "decks").glob("*.pptx"))
    return data, published


def versions(data: Path, threshold: int) -> Iterator[tuple[EventData, dict[str, ReviewFigures],
                                                          dict[str, TimelineFigures]]]:
    """Yield each language version's event, figures and figures over time, counted in its language."""
    languages = load_event(data, suppress_below=threshold).event.event.languages or [None]
    for language in languages:
        loaded = load_event(data, suppress_below=threshold, language=language)
        with speaking(loaded.language, loaded.translator):
            yield loaded.event, event_figures(loaded.event), event_timelines(loaded.event)


# A table as the plans print it: each category with its printed text, and its true count.
PlanTable = tuple[tuple[str, str, int], ...]


def plan_tables(data: Path, threshold: int) -> list[PlanTable]:
    """Return every table the plans print, in every language version (its words in that language), and the
    themes' counts as one more table per type."""
    tables = []
    for _event, figures, timelines in versions(data, threshold):
        counted = [*(table for found in figures.values() for table in found.tables),
                   *(table for timeline in timelines.values() for table in timeline.tables)]
        tables += [tuple((label, text, value) for (label, text), (_label, value) in zip(table.display_rows, table.rows))
                   for table in counted]
        tables += [tuple((theme.name, fewer_than_table(threshold) if theme.name in found.hidden_themes
                          else str(theme.count), theme.count) for theme in found.themes if theme.count is not None)
                   for found in figures.values()]
    return tables


def hidden_counts(tables: list[PlanTable]) -> set[tuple[str, str]]:
    """Return each category beside a number that the tables hide and never show (what must not be printed)."""
    shown = {(label, text) for table in tables for label, text, _value in table}
    return {(label, str(value)) for table in tables for label, text, value in table if not NUMBER.match(text)} - shown


def audit(data: Path, threshold: int) -> list[str]:
    """Return the hidden counts the LP pins to one value. It reads the English version's words (every version
    prints the same figures, hidden alike: the tables above compare each version's files with its own plan)."""
    languages = load_event(data, suppress_below=threshold).event.event.languages
    english = next((language for language in languages if language.startswith("en")), None)
    event = load_event(data, suppress_below=threshold, language=english).event
    timelines = event_timelines(event)
    pinned = []
    for key, found in event_figures(event).items():
        reader = Reader(threshold)
        read_figures(found, reader)
        if key in timelines:
            read_timeline(timelines[key], reader)
        pinned += reader.pinned()
    return pinned


def plain_leaks(printed: Printed, hidden: set[tuple[str, str]]) -> list[str]:
    """Return where a hidden count is printed beside its category: as a pair, or in a text ('White 3', 'White: 3')."""
    leaks = [f"{where}: {label} {number}" for where, label, number in printed.pairs if (label, number) in hidden]
    patterns = [(label, number, re.compile(rf"(?<![\w/-]){re.escape(label)}(:? {number}(?![\w/%])| \({number}\))"))
                for label, number in hidden]
    for where, text in printed.texts:
        leaks += [f"{where}: {label} {number} in {text[:120]!r}" for label, number, pattern in patterns
                  if pattern.search(text)]
    return leaks


def audited(rows: tuple[tuple[str, str], ...], tables: list[PlanTable]) -> bool:
    """Return whether a table printed in the files is one the plans print: the same rows, or (a chart's figures)
    some of one table's shown rows."""
    return any(rows == tuple((label, text) for label, text, _value in table)
               or set(rows) <= {(label, text) for label, text, _value in table if NUMBER.match(text)} for table in tables)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_an_intruder_reading_the_published_files_recovers_no_hidden_count(case, tmp_path):
    data, published = built(case, tmp_path)
    tables = plan_tables(data, case.threshold)
    printed = read_published(published)
    assert printed.texts, "the published files were read"
    assert plain_leaks(printed, hidden_counts(tables)) == []
    not_audited = [(where, rows) for where, rows in printed.tables if rows and not audited(rows, tables)]
    assert not_audited == []
    assert audit(data, case.threshold) == []


def replaced_part(package: Path, name: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite one part of an Office file with ``change`` (a planted leak)."""
    with zipfile.ZipFile(package) as original:
        parts = {item: original.read(item) for item in original.namelist()}
    parts[name] = change(parts[name])
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for item, data in parts.items():
            rewritten.writestr(item, data)


def with_row(workbook: bytes, row: tuple[str, int]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    book.worksheets[0].append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.slow
def test_the_intruder_finds_a_hidden_count_planted_in_a_chart_workbook_a_comment_or_a_document_property(tmp_path):
    case = Case(ROOT / "data" / "tees-2022.yaml", deck=True)
    data, published = built(case, tmp_path)
    label, number = sorted(hidden_counts(plan_tables(data, case.threshold)))[0]
    deck = next(path for path in published if path.suffix == ".pptx")
    embedded = next(name for name in zipfile.ZipFile(deck).namelist() if name.endswith(".xlsx"))
    replaced_part(deck, embedded, lambda book: with_row(book, (label, int(number))))
    briefing = next(path for path in published if path.suffix == ".docx")
    replaced_part(briefing, "docProps/core.xml",
                  lambda xml: xml.replace(b"</cp:coreProperties>",
                                          f"<dc:subject>{label}: {number}</dc:subject></cp:coreProperties>".encode()))
    page = next(path for path in published if path.suffix == ".html")
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", f"<!-- {label} {number} --></body>"),
                    encoding="utf-8")
    leaks = plain_leaks(read_published(published), hidden_counts(plan_tables(data, case.threshold)))
    assert leaks == [f"{deck.name}:{embedded} Sheet1: {label} {number}",
                     f"{briefing.name}:docProps/core.xml: {label} {number} in '{label}: {number}'",
                     f"{page.name} comment: {label} {number} in '{label} {number}'"]
