"""The Word briefing's line and column breaks: lists kept together, table headings and captions, names whole.

The LibreOffice tests draw a few briefings of the gallery and the examples (one LibreOffice launch for all) and
read back where each word landed.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.branding import template_fonts
from generator.briefing.fit import COLUMN_WIDTH, MIN_ITEMS_EACH_SIDE, caption_text, list_keeps, points, table_columns
from generator.briefing.plan import BriefingPlan, plan_briefings
from generator.briefing.type_scale import BULLET_INDENT, COLUMN_GAP, PAGE_MARGIN
from generator.briefing import word
from generator.briefing.fit import Fit
from generator.briefing.type_scale import COMPACT_TABLES, TABLES
from generator.briefing.word_builder import WordBriefingBuilder
from generator.checks.rendered import Page, Word, read_pages
from generator.loading import load_event
from generator.look import Look
from generator.output.pdf import convert_to_pdf
from generator.templates import BUILTIN_DECK_TEMPLATE
from tests.conftest import (DEFAULT_DATA, RENAMED_BULLETS, RENAMED_HEADING, ROOT, needs_libreoffice,
                            word_template_with_renamed_styles)

TEMPLATE = BUILTIN_DECK_TEMPLATE.read_bytes()
FONTS = template_fonts(TEMPLATE)
WELSH = ROOT / "tests" / "fixtures" / "gallery" / "welsh-regional-board.yaml"
RIVERSIDE = ROOT / "data" / "riverside-2024.yaml"
SAME_LINE_PT = 4  # words whose tops differ by less than this are on one line
TWIP = 635  # EMU: Word keeps widths in twentieths of a point
# A paragraph of part 1 that mentions Stockton-on-Tees at many offsets along a line: with ordinary hyphens,
# LibreOffice breaks six of its lines inside the name.
MENTIONS = 40
STOCKTON = " ".join(f"Review {n} was held in Stockton-on-Tees." for n in range(1, MENTIONS + 1))


def _plan(data: Path, key: str) -> BriefingPlan:
    return next(plan for plan in plan_briefings(load_event(data).event) if plan.key == key)


def _docx(plan: BriefingPlan) -> bytes:
    return WordBriefingBuilder(Look(load_event(DEFAULT_DATA).event.theme)) \
        .render(plan).data


def _with_stockton(plan: BriefingPlan) -> BriefingPlan:
    first = dataclasses.replace(plan.sections[0], paragraphs=(STOCKTON,))
    return dataclasses.replace(plan, sections=(first, *plan.sections[1:]))


def _bullets(doc) -> list:
    return [p for p in doc.element.body.iter(qn("w:p")) if p.xpath("string(./w:pPr/w:pStyle/@w:val)") == "ListBullet"]


# ------------------------------------------------------------------------------------------- the document


def test_a_short_theme_list_is_kept_together_item_by_item():
    plan = _plan(WELSH, "child_practice")
    themes = next(section.themes for section in plan.sections if section.themes)
    assert list_keeps(themes, FONTS[1]) == [True] * (len(themes) - 1) + [False]
    doc = Document(io.BytesIO(_docx(plan)))
    kept = [p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None for p in _bullets(doc)][:len(themes)]
    assert kept == [True] * (len(themes) - 1) + [False]


def test_a_long_list_keeps_three_items_each_side_of_a_break():
    items = tuple(f"Theme number {n}, which takes a whole line of the column to say" for n in range(30))
    keeps = list_keeps(items, FONTS[1])
    assert keeps[:MIN_ITEMS_EACH_SIDE] == [True, True, False] and keeps[-MIN_ITEMS_EACH_SIDE:] == [True, True, False]
    assert not any(keeps[MIN_ITEMS_EACH_SIDE:-MIN_ITEMS_EACH_SIDE])


def test_a_parts_tables_share_a_number_column_as_wide_as_its_longest_heading_needs():
    plan = _plan(RIVERSIDE, "dhr")
    tables = next(section.tables for section in plan.sections if section.tables)
    label_width, number_width = table_columns(tables, FONTS[1])
    assert number_width > label_width / 2  # wider than the 3 cm it had, which broke "Number of perpetrators" in two
    doc = Document(io.BytesIO(_docx(plan)))
    widths = {tuple(round(cell.width / TWIP) for cell in table.rows[0].cells) for table in doc.tables}
    assert widths == {(round(label_width / TWIP), round(number_width / TWIP))}


def test_a_caption_too_long_for_its_line_breaks_before_its_note():
    assert caption_text("Age (where known: 3 of 9; 6 not known)", FONTS[1]) == "Age (where known: 3 of 9; 6 not known)"
    long = "Ethnicity of the perpetrators and their associates (where known: 6 of 10 perpetrators; 4 not known)"
    assert caption_text(long, FONTS[1]) == ("Ethnicity of the perpetrators and their associates\n"
                                            "(where known: 6 of 10 perpetrators; 4 not known)")


def test_a_hyphenated_place_name_gets_words_non_breaking_hyphens_and_reads_back_as_typed():
    doc = Document(io.BytesIO(_docx(_with_stockton(_plan(DEFAULT_DATA, "adults")))))
    assert [p.text for p in doc.paragraphs if "Stockton" in p.text] == [STOCKTON]  # Word's non-breaking hyphen
    assert len(doc.element.body.findall(f".//{qn('w:noBreakHyphen')}")) == 2 * MENTIONS  # two a mention
    area = next(t for t in doc.tables if t.cell(0, 0).text == "Area")
    assert [row.cells[0].text for row in area.rows][1:] == ["MBC", "RCBC", "HBC", "SBC"]


def test_only_an_email_address_wider_than_a_column_may_break_after_its_at():
    wide, narrow = ("learning-and-development@fenmarsh-safeguarding.example.org.uk",
                    "learning-team@fenmarsh-safeguarding.example.org.uk")  # 288 and 235 pt at 10 pt; the column 244
    plan = _plan(DEFAULT_DATA, "adults")
    first = dataclasses.replace(plan.sections[0], paragraphs=(f"Write to {wide} or {narrow}",))
    doc = Document(io.BytesIO(_docx(dataclasses.replace(plan, sections=(first, *plan.sections[1:])))))
    written = next(p.text for p in doc.paragraphs if p.text.startswith("Write to"))
    breakable = wide.replace("@", "@\u200b")  # a zero-width space
    assert written == f"Write to {breakable} or {narrow}"


@pytest.mark.parametrize("tables", [TABLES, COMPACT_TABLES])
def test_tables_are_set_as_the_fit_chose(tables, monkeypatch):
    """Compact tables: one size down, half the cells' side margins, no gap under the caption, half the space after."""
    plan = _plan(DEFAULT_DATA, "domestic_homicide")
    monkeypatch.setattr(word, "fit_briefing", lambda plan, fonts, page: (plan, Fit(2, tables=tables)))
    body = Document(io.BytesIO(_docx(plan))).element.body
    first = body.find(qn("w:tbl"))
    caption, after = first.getprevious(), first.getnext()
    assert {size.get(qn("w:val")) for size in first.iter(qn("w:sz"))} == {str(round(tables.text_size * 2))}
    margins = first.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    assert (margins is None) == (tables is TABLES)
    if margins is not None:
        assert [(m.tag, m.get(qn("w:w"))) for m in margins] == [(qn("w:left"), "54"), (qn("w:right"), "54")]
    assert caption.xpath("string(./w:pPr/w:spacing/@w:after)") == ("" if tables is TABLES else "0")
    assert after.xpath("string(./w:pPr/w:spacing/@w:line)") == str(round(tables.trailer * 20))


# ------------------------------------------------------------------------------------------- in LibreOffice


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> dict[str, list[Page]]:
    """Return the pages LibreOffice draws of a few briefings, by name."""
    folder = tmp_path_factory.mktemp("drawn")
    briefings = {"welsh child practice": _plan(WELSH, "child_practice"),
                 "welsh adult practice": _plan(WELSH, "adult_practice"),
                 "riverside domestic homicide": _plan(RIVERSIDE, "dhr"),
                 "tees adults with Stockton": _with_stockton(_plan(DEFAULT_DATA, "adults"))}
    paths = []
    for name, plan in briefings.items():
        path = folder / f"{name.replace(' ', '-')}.docx"
        path.write_bytes(_docx(plan))
        paths.append(path)
    pdfs, problem = convert_to_pdf(paths)
    assert not problem, problem
    return {name: read_pages(pdf) for name, pdf in zip(briefings, pdfs)}


def _lines(words: list[Word]) -> list[list[Word]]:
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.left)):
        if lines and abs(lines[-1][0].top - word.top) < SAME_LINE_PT:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.left) for line in lines]


def _columns_of(pages: list[Page], items: list[str]) -> list[tuple[int, int]]:
    """Return the (page, column) each list item begins in: the drawn line, set at the list's indent from its
    column's left edge, that begins with the item's first words."""
    starts: dict[str, tuple[int, int]] = {}
    for number, page in enumerate(pages):
        for column in (0, 1):
            # The bullets themselves are drawn as words of their own (empty, or a symbol font's private character).
            in_column = _lines([w for w in page.words if w.top > 40 and (w.left > page.width / 2) == bool(column)
                                and any(ch.isalnum() for ch in w.text)])
            left = points(PAGE_MARGIN) + column * (COLUMN_WIDTH + points(COLUMN_GAP))
            for line in in_column:
                if abs(line[0].left - left - BULLET_INDENT) < 2:
                    starts.setdefault(" ".join(w.text for w in line), (number, column))
    return [next(where for text, where in starts.items() if text.startswith(" ".join(item.split()[:3])))
            for item in items]


@needs_libreoffice
@pytest.mark.parametrize("name, key", [("welsh child practice", "child_practice"),
                                       ("welsh adult practice", "adult_practice")])
def test_no_theme_list_leaves_one_or_two_items_alone_in_a_column(drawn, name, key):
    themes = next(section.themes for section in _plan(WELSH, key).sections if section.themes)
    where = _columns_of(drawn[name], list(themes))
    runs = [where.count(column) for column in dict.fromkeys(where)]
    assert len(runs) == 1 or min(runs) >= MIN_ITEMS_EACH_SIDE, (where, runs)


@needs_libreoffice
def test_number_headings_are_drawn_on_one_line(drawn):
    pages = drawn["riverside domestic homicide"]
    lines = [" ".join(w.text for w in line) for page in pages for line in _lines(page.words)]
    assert any(line.endswith("Number of perpetrators") for line in lines), lines
    assert not any(line.endswith("Number of") for line in lines)


@needs_libreoffice
def test_no_line_breaks_inside_a_hyphenated_place_name(drawn):
    pages = drawn["tees adults with Stockton"]
    ends = [line[-1].text for page in pages for line in _lines(page.words)]
    assert sum(1 for page in pages for word in page.words if "Stockton" in word.text) >= MENTIONS
    assert not [end for end in ends if end.endswith(("Stockton-", "Stockton-on-"))]


# -- a Word template whose list and heading styles were renamed -------------------------------------------------

BULLET_GLYPHS = {"•", "\uf0b7"}  # a typed bullet; Word's Symbol-font one as LibreOffice draws it
PART_HEADINGS = ["1. Background", "2. Why it matters", "3. The reviews across Tees", "4. The themes",
                 "5. The learning", "6. Questions to reflect on", "7. What to do"]
# Each kind of link between the renamed bullet style and its numbering, and the theme's styles: mapping, if any
# (the style linked only from a numbering level is named, as a comms team would, with a heading style that has
# no outline level of its own).
RENAMED_BUILDS = {"numPr": {}, "numStyleLink": {}, "pStyle only": {"bullet": RENAMED_BULLETS, "heading": "Quote"}}


@pytest.fixture(scope="module")
def renamed_briefings(tmp_path_factory) -> dict[str, Path]:
    """Build the default data's adult reviews' briefing on each renamed-styles template; return each .docx."""
    import yaml

    from generator.cli import main

    built = {}
    for index, (link, styles) in enumerate(RENAMED_BUILDS.items()):
        folder = tmp_path_factory.mktemp(f"renamed{index}")
        word_template_with_renamed_styles(folder / "brand.dotx", link)
        data = yaml.safe_load(DEFAULT_DATA.read_text(encoding="utf-8"))
        data["theme"] = {"docx_template": "brand.dotx", **({"styles": styles} if styles else {})}
        source = folder / "renamed.yaml"
        source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
        assert main(["build", str(source), "--out", str(folder)]) == 0
        built[link] = next((folder / "briefings").glob("*-sar.docx"))
    return built


@pytest.mark.parametrize("link", ["numPr", "numStyleLink"])
def test_a_renamed_bullet_style_draws_the_bullets_and_none_is_typed(renamed_briefings, link):
    doc = Document(str(renamed_briefings[link]))
    items = [p for p in doc.paragraphs if p.style.name == RENAMED_BULLETS]
    assert "Self-Neglect (6)" in [p.text for p in items]
    assert not any(p.text.startswith("•") for p in doc.paragraphs)
    headings = [p for p in doc.paragraphs if p.style.name == RENAMED_HEADING]
    assert [p.text for p in headings] == PART_HEADINGS


def test_a_bullet_is_typed_where_the_style_draws_none_and_numbering_is_switched_off(renamed_briefings):
    doc = Document(str(renamed_briefings["pStyle only"]))
    items = [p for p in doc.paragraphs if p.style.name == RENAMED_BULLETS]
    assert "• Self-Neglect (6)" in [p.text for p in items]
    for item in items:
        assert item.text.startswith("• ")
        assert item._p.pPr.numPr.find(qn("w:numId")).get(qn("w:val")) == "0"
    headings = [p for p in doc.paragraphs if p.style.name == "Quote"]
    assert [p.text for p in headings] == PART_HEADINGS
    for heading in headings:
        assert heading._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"


@pytest.mark.parametrize("link", RENAMED_BUILDS)
def test_check_finds_the_headings_of_a_renamed_styles_briefing(renamed_briefings, link):
    from generator.checks.briefing import check_briefing
    from generator.checks.file_report import FileReport

    report = FileReport(renamed_briefings[link])
    check_briefing(renamed_briefings[link], None, report)
    assert not [problem for problem in report.problems if "headings" in problem]


@pytest.mark.slow
@needs_libreoffice
def test_each_theme_line_of_a_renamed_styles_briefing_has_exactly_one_bullet_and_the_parts_stay_headings(
        renamed_briefings):
    import pikepdf

    pdfs, problem = convert_to_pdf(list(renamed_briefings.values()))
    assert not problem, problem
    for (link, docx), pdf in zip(renamed_briefings.items(), pdfs):
        items = [p.text for p in Document(str(docx)).paragraphs if p.style.name == RENAMED_BULLETS]
        pages = read_pages(pdf)
        bullets = [(page, word) for page in pages for word in page.words if word.text in BULLET_GLYPHS]
        assert len(bullets) == len(items), link
        for page, bullet in bullets:
            # LibreOffice draws a list's bullets before its text: the word after a bullet is found by position.
            after = min((word for word in page.words
                         if abs(word.top - bullet.top) < SAME_LINE_PT and word.left >= bullet.right),
                        key=lambda word: word.left)
            assert after.text not in BULLET_GLYPHS, (link, after)
        with pikepdf.open(pdf) as opened, opened.open_outline() as outline:
            assert [entry.title for entry in outline.root] == PART_HEADINGS, link
