"""Checks of a briefing: headings, alt text, title and language, reading time, page count, a near-empty last
page, and text colours against what they are printed on."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn

from ..briefing.contrast import colour_problems
from ..briefing.fit import MAX_EMPTY_COLUMN_SHARE
from ..briefing.plan import MAX_WORDS, WORDS_PER_MINUTE, word_count
from ..briefing.styles import outline_level
from ..user_messages import ngettext
from .pdf import NEAR_EMPTY_LINES
from .rendered import Page, Word, overlap_problem

MAX_PAGES = 2


def check_briefing(path, pages, report) -> None:
    """Fill ``report`` with the briefing's facts and problems; ``pages`` is its LibreOffice rendering or None."""
    doc = Document(str(path))
    _check_reading_time(doc, report)
    if pages is not None:
        _check_pages(doc, pages, report)
    report.problems.extend(colour_problems(doc))
    _check_accessibility(doc, report)


def _check_reading_time(doc, report) -> None:
    """Say how many words the briefing has and how long it takes to read, and whether that is too long."""
    # Every paragraph of the page, those in the figures tables too: a reader reads them all.
    words = sum(word_count("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
                for paragraph in doc.element.body.iter(qn("w:p")))
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    report.facts.append(ngettext("{words} words, about {count} minute to read", "{words} words, about {count} "
                                 "minutes to read", minutes, words=words))
    if words > MAX_WORDS:
        report.problems.append(f"{words} words: {words - MAX_WORDS} more than the {MAX_WORDS} readable in seven "
                               "minutes")


def _check_pages(doc, pages: list[Page], report) -> None:
    """Say how many pages LibreOffice draws, and report too many, a nearly empty last page, columns left empty
    and text drawn over other text."""
    report.facts.append(ngettext("{count} page in LibreOffice", "{count} pages in LibreOffice", len(pages)))
    if len(pages) > MAX_PAGES:
        report.problems.append(f"{len(pages)} pages; a seven-minute briefing should fit on {MAX_PAGES}")
    lines = _body_lines(pages[-1]) if pages else 0
    if len(pages) > 1 and lines < NEAR_EMPTY_LINES and not _ends_with_a_form(doc):
        report.problems.append(f"the last page (page {len(pages)}) is nearly empty: {lines} "
                               f"line{'s' if lines != 1 else ''} of text")
    report.problems.extend(_empty_columns(pages[:-1] if _ends_with_a_form(doc) else pages, _margins(doc)))
    report.problems.extend(problem for number, page in enumerate(pages, start=1)
                           if (problem := overlap_problem(page, f"page {number}")))


def _check_accessibility(doc, report) -> None:
    """Report a missing title, language or headings, and pictures without meaningful alt text."""
    if not (doc.core_properties.title or "").strip():
        report.problems.append("no document title (File > Info > Title)")
    if not _style_language(doc):
        report.problems.append("no document language in the styles (w:lang)")
    if not _has_headings(doc):
        report.problems.append("no headings in Heading styles, so screen readers cannot navigate it")
    for number, picture in enumerate(doc.element.body.iter(qn("wp:docPr")), start=1):
        descr = (picture.get("descr") or "").strip()
        if len(descr) < 10:
            report.problems.append(f"picture {number} has no meaningful alt text")


def _has_headings(doc) -> bool:
    """Return whether a paragraph is a heading: in a style at an outline level ('Heading 1', or a comms team's
    'Section heading' still at Level 1), or at one itself. Screen readers and the PDF's tags navigate by the level,
    whatever the style's name."""
    names = {style.style_id: style.name for style in doc.styles}
    levelled: dict[str, bool] = {}
    for paragraph in doc.element.body.iter(qn("w:p")):
        properties = paragraph.find(qn("w:pPr"))
        if properties is None:
            continue
        if properties.find(qn("w:outlineLvl")) is not None:
            return True
        style = properties.find(qn("w:pStyle"))
        name = names.get(style.get(qn("w:val"))) if style is not None else None
        if name is not None and name not in levelled:
            levelled[name] = name.startswith("Heading") or outline_level(doc, name) is not None
        if name is not None and levelled[name]:
            return True
    return False


def _style_language(doc) -> str:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}") if defaults is not None else None
    return lang.get(qn("w:val"), "") if lang is not None else ""


PAGE_MARGIN_PT = 40.0  # text nearer the page's edge than this is the header or footer


def _margins(doc) -> tuple[float, float]:
    """Return the top and bottom margins of the briefing's text, in points (a template's may be wider than the
    built-in one's): a column's text runs between them, its header and footer outside."""
    section = doc.sections[0]
    top, bottom = section.top_margin, section.bottom_margin
    return (max(PAGE_MARGIN_PT, top.pt if top is not None else 0.0),
            max(PAGE_MARGIN_PT, bottom.pt if bottom is not None else 0.0))


def _empty_columns(pages: list[Page], margins: tuple[float, float] = (PAGE_MARGIN_PT, PAGE_MARGIN_PT)) -> list[str]:
    """Return a problem for each column (of the two on a page) that the text leaves more than a quarter empty
    before going on in the next column: every column but the last one that holds text. A column is measured down
    to the bottom ``margins[1]`` (points) above the page's foot; text outside the margins is header or footer."""
    columns = []
    top_margin, bottom_margin = margins
    for number, page in enumerate(pages, start=1):
        body = [w for w in page.words if top_margin < w.bottom and w.top < page.height - bottom_margin]
        middle = page.width / 2
        in_columns = [w for w in body if not _spans_the_page(w, body, middle)]
        left = [w for w in in_columns if w.right <= middle]
        right = [w for w in in_columns if w.left >= middle]
        for side, words in (("left", left), ("right", right)):
            if words:
                columns.append((number, side, min(w.top for w in words), max(w.bottom for w in words), page))
    problems = []
    for number, side, top, bottom, page in columns[:-1]:
        foot = page.height - bottom_margin
        empty = (foot - bottom) / (foot - top) if foot > top else 0.0
        if empty > MAX_EMPTY_COLUMN_SHARE:
            problems.append(f"page {number}: the {side} column is {empty:.0%} empty before the text goes on in the "
                            "next column")
    return problems


COLUMN_GAP_PT = 12.0  # words further apart than this across the page's middle are in different columns


def _spans_the_page(word: Word, body: list[Word], middle: float) -> bool:
    """Return whether ``word`` is on a line that runs across the page's middle (the title, a wide table): its
    line has a word over the middle, or words either side of it closer than columns are."""
    line = [w for w in body if abs(w.top - word.top) < 2]
    if any(w.left < middle < w.right for w in line):
        return True
    before = max((w.right for w in line if w.right <= middle), default=None)
    after = min((w.left for w in line if w.left >= middle), default=None)
    return before is not None and after is not None and after - before < COLUMN_GAP_PT


def _body_lines(page: Page) -> int:
    """Return the number of lines of text on a page between its header and its footer."""
    tops = {round(word.top) for word in page.words
            if PAGE_MARGIN_PT < word.top and word.bottom < page.height - PAGE_MARGIN_PT}
    return len(tops)


def _ends_with_a_form(doc) -> bool:
    """Return whether the document ends in a table (the team record: a form to fill in, empty on purpose)."""
    blocks = [child for child in doc.element.body if child.tag != qn("w:sectPr")]
    return bool(blocks) and (blocks[-1].tag == qn("w:tbl") or (
        len(blocks) > 1 and blocks[-2].tag == qn("w:tbl") and not "".join(blocks[-1].itertext()).strip()))
