"""Reading back what LibreOffice drew: pdftotext's words, whatever characters they hold."""

from __future__ import annotations

import os
import stat

from generator.checks.rendered import Word, read_pages

BBOX = ('<html><body><doc><page width="842.0" height="595.0">'
        '<word xMin="10.0" yMin="20.0" xMax="30.0" yMax="40.0">Dysgu \U0001f600</word>'
        '<word xMin="31.0" yMin="20.0" xMax="50.0" yMax="40.0">bad\udcff</word>'
        '</page></doc></body></html>')


def test_words_in_any_characters_are_read_and_bytes_that_are_not_utf8_replaced(tmp_path, monkeypatch):
    tools = tmp_path / "bin"
    tools.mkdir()
    output = tmp_path / "bbox.html"
    output.write_bytes(BBOX.encode("utf-8", errors="surrogateescape"))
    fake = tools / "pdftotext"
    fake.write_text(f"#!/bin/sh\ncat '{output}'\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("LC_ALL", "C")
    (page,) = read_pages(tmp_path / "any.pdf")
    assert page.words == [Word("Dysgu \U0001f600", 10.0, 20.0, 30.0, 40.0), Word("bad\ufffd", 31.0, 20.0, 50.0, 40.0)]


def test_words_drawn_over_each_other_are_found_and_touching_lines_are_not():
    from generator.checks.rendered import Page, overlap_problem, overlapping_words

    label, neighbour = Word("Pakistani", 100, 200, 150, 212), Word("Indian", 140, 205, 180, 217)
    next_line = Word("British", 100, 211.5, 140, 223.5)  # pdftotext's line boxes touch, a hair deep
    beside = Word("White", 185, 200, 215, 212)
    page = Page(595, 842, [label, neighbour, next_line, beside])
    assert overlapping_words(page) == [(label, neighbour)]
    assert overlap_problem(page, "slide 3") == "slide 3: text drawn over other text ('Pakistani' over 'Indian')"
    assert overlap_problem(Page(595, 842, [label, beside, next_line]), "slide 3") == ""
