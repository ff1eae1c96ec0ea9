"""The Word briefing's native chart: every category's label drawn whole, as LibreOffice renders it."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

from generator.briefing.word_chart import word_chart_drawing
from generator.charts import ChartSpec
from generator.checks.rendered import Page
from tests.conftest import needs_libreoffice
from tests.render import read_pages, render
from tests.test_charts import LONG, SHORT

COLUMN = Cm((21 - 2 * 1.5 - 0.8) / 2)  # one of an A4 briefing's two columns
LABEL_SIZE = 9  # what the briefing asks for; the chart sets it at no less than 10 pt
LINE_TOLERANCE_PT = 2.0  # words whose tops are this close sit on one line


def _document_of(specs: list[ChartSpec], folder: Path) -> Path:
    """Return a document holding each chart on a page of its own, given the height the briefing once gave a bar
    chart (1.4 cm and 0.62 cm a bar: a line for each label)."""
    document = docx.Document()
    for spec in specs:
        run = etree.SubElement(document.add_paragraph()._p, qn("w:r"))
        run.append(word_chart_drawing(document, spec, COLUMN, Cm(1.4 + 0.62 * len(spec.categories)), LABEL_SIZE,
                                      "1D5A8E", "Calibri"))
        document.add_page_break()
    path = folder / "charts.docx"
    document.save(str(path))
    return path


def _label_blocks(spec: ChartSpec, page: Page) -> list[tuple[str, float, float]]:
    """Return the title and each category label as drawn: its words in reading order and the top and bottom of
    its lines.

    The page's lines are read top to bottom (values, digits only, left out) and given to the labels in turn,
    each taking lines until it has as many words as it should.
    """
    lines: list[list] = []
    for word in sorted((w for w in page.words if not w.text.isdigit()), key=lambda w: (w.top, w.left)):
        if lines and abs(lines[-1][0].top - word.top) <= LINE_TOLERANCE_PT:
            lines[-1].append(word)
        else:
            lines.append([word])
    first_word = spec.categories[0].split()[0]
    title: list[list] = []
    while lines and lines[0][0].text != first_word:
        title.append(lines.pop(0))
    blocks = [(" ".join(w.text for line in title for w in line), title[0][0].top,
               max(w.bottom for w in title[-1]))]
    for label in spec.categories:
        words: list[str] = []
        top = bottom = 0.0
        while lines and len(words) < len(label.split()):
            line = lines.pop(0)
            top = top or line[0].top
            bottom = max(w.bottom for w in line)
            words += [w.text for w in sorted(line, key=lambda w: w.left)]
        blocks.append((" ".join(words), top, bottom))
    return blocks


@needs_libreoffice
def test_every_label_of_a_crowded_bar_chart_is_drawn_whole_and_clear_of_the_next(tmp_path):
    # Long Welsh theme names wrap onto two or three lines: in a frame with a line for each, LibreOffice left
    # every other label out.
    pages = read_pages(render(_document_of([LONG, SHORT], tmp_path)))
    for spec, page in zip((LONG, SHORT), pages):
        blocks = _label_blocks(spec, page)
        title = " ".join(word for word in spec.title.split() if not word.isdigit())  # numbers are read as values
        assert [text for text, _, _ in blocks] == [title, *spec.categories]
        for (_, _, bottom), (_, top, _) in zip(blocks, blocks[1:]):
            assert bottom <= top + LINE_TOLERANCE_PT  # the title, then each label, ends before the next begins
