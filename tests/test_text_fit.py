"""Text fitting: lines never wider than their box, heights that grow with the size, words broken only when
they must be, and sizes and pages that always fit."""

from __future__ import annotations

import pytest

from generator import text_fit
from generator.ooxml import EMU_PER_POINT
from generator.deck.body_text import (BODY_FIT, FitRange, best_size, paragraphs_height,
                                      split_into_pages)
from generator.deck.slides import Para

SENTENCE = ("Multi-agency communication and information sharing, professional curiosity and the voice of the "
            "child ran through every review")
WIDTHS = [60.0, 150.0, 400.0]
SIZES = [10.0, 14.0, 20.0, 28.0]


def _widest(lines: list[str], size: float, bold: bool = False) -> float:
    return max(text_fit.face(bold).width(line, size) for line in lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("size", SIZES)
def test_wrapped_lines_fit_and_keep_every_word_in_order(width, size):
    lines = text_fit.wrap(SENTENCE, width, size)
    assert _widest(lines, size) <= width
    assert "".join(lines).replace(" ", "") == SENTENCE.replace(" ", "")  # nothing lost or reordered
    if _widest(SENTENCE.split(" "), size) <= width:
        assert " ".join(lines) == SENTENCE  # and no word broken when each fits a line


def test_words_are_broken_only_when_they_must_be():
    lines = text_fit.wrap(SENTENCE, 60, 14)
    broken = [word for word in SENTENCE.split(" ") if word not in " ".join(lines).split(" ")]
    assert broken and all(text_fit.face().width(word, 14) > 60 for word in broken)


def test_hard_line_breaks_are_kept():
    assert text_fit.wrap("one\ntwo", 1000, 12) == ["one", "two"]


def test_empty_text_is_one_empty_line():
    assert text_fit.wrap("", 100, 12) == [""]


@pytest.mark.parametrize("length", [200, 100_000])
def test_a_word_wider_than_the_line_is_cut_into_pieces_that_fit(length):
    word = "abcdefghij" * (length // 10)
    lines = text_fit.wrap(f"Before {word} after", 100, 12)
    assert lines[0] == "Before"
    assert lines[-1].endswith(" after")
    assert "".join(lines[1:])[: -len(" after")] == word
    assert _widest(lines, 12) <= 100
    assert all(len(line) > 1 for line in lines)  # each piece takes as much of the word as fits, not a letter


def test_a_word_of_one_character_too_wide_still_takes_a_line():
    assert text_fit.wrap("W", 1, 72) == ["W"]


@pytest.mark.parametrize("bold", [False, True])
def test_text_height_grows_with_the_size_and_shrinks_with_the_width(bold):
    heights = [text_fit.text_height(SENTENCE, 200, size, bold) for size in SIZES]
    assert heights == sorted(heights) and len(set(heights)) == len(heights)
    by_width = [text_fit.text_height(SENTENCE, width, 14, bold) for width in WIDTHS]
    assert by_width == sorted(by_width, reverse=True)


def test_text_height_is_lines_times_line_height():
    lines = text_fit.wrap(SENTENCE, 150, 14)
    assert text_fit.text_height(SENTENCE, 150, 14) == len(lines) * text_fit.face().line_height(14)


def test_bold_is_measured_wider():
    assert text_fit.face(True).width(SENTENCE, 12) > text_fit.face(False).width(SENTENCE, 12)


def test_an_unknown_font_is_measured_wide():
    assert not text_fit.is_installed("No Such Font Family 12345")
    unknown = text_fit.face(False, "No Such Font Family 12345")
    assert unknown.width(SENTENCE, 12) == pytest.approx(text_fit.face().width(SENTENCE, 12) *
                                                        text_fit.UNKNOWN_FONT_SCALE)


def _paras(count: int, sub_bullets: int = 0) -> list[Para]:
    paras = [Para("What the reviews found:", bullet=False, bold=True)]
    for n in range(count):
        paras.append(Para(f"Theme {n}: {SENTENCE}"))
        paras.extend(Para(f"Detail {n}.{m}", level=1) for m in range(sub_bullets))
    return paras


BOX_WIDTH = 8_000_000  # EMU, about a slide's content width
HEIGHTS = [1_000_000, 2_000_000, 3_000_000, 4_500_000, 6_000_000]


@pytest.mark.parametrize("count", [1, 3, 6, 12])
def test_best_size_fits_the_box_and_is_the_largest_that_does(count):
    paras = _paras(count)
    for height in HEIGHTS:
        size = best_size(paras, BOX_WIDTH, height, BODY_FIT)
        if size is None:
            assert paragraphs_height(paras, BOX_WIDTH, BODY_FIT.smallest) > height / EMU_PER_POINT
            continue
        assert size in list(BODY_FIT.sizes())
        assert paragraphs_height(paras, BOX_WIDTH, size) <= height / EMU_PER_POINT  # never above the box
        larger = [s for s in BODY_FIT.sizes() if s > size]
        assert all(paragraphs_height(paras, BOX_WIDTH, s) > height / EMU_PER_POINT for s in larger)


@pytest.mark.parametrize("count", [1, 3, 6, 12])
def test_a_taller_box_never_gives_a_smaller_size(count):
    sizes = [best_size(_paras(count), BOX_WIDTH, height, BODY_FIT) or 0.0 for height in HEIGHTS]
    assert sizes == sorted(sizes)


def test_more_text_never_gives_a_larger_size():
    sizes = [best_size(_paras(count), BOX_WIDTH, 4_500_000, BODY_FIT) or 0.0 for count in range(1, 15)]
    assert sizes == sorted(sizes, reverse=True)


def test_fit_range_steps_down_from_largest_to_smallest():
    assert list(FitRange(28, 16).sizes()) == [28, 26, 24, 22, 20, 18, 16]
    assert list(FitRange(54, 28, 4).sizes()) == [54, 50, 46, 42, 38, 34, 30]


@pytest.mark.parametrize("sub_bullets", [0, 2])
@pytest.mark.parametrize("height", [1_500_000, 3_000_000, 4_500_000])
def test_pages_keep_every_paragraph_in_order_and_each_fits(sub_bullets, height):
    paras = _paras(20, sub_bullets)
    pages = split_into_pages(paras, BOX_WIDTH, height, BODY_FIT.smallest)
    assert [para for page in pages for para in page] == paras
    assert all(page for page in pages)
    for page in pages:
        assert paragraphs_height(page, BOX_WIDTH, BODY_FIT.smallest) <= height / EMU_PER_POINT
        assert page[0].level == 0  # a sub-bullet stays with its parent


def test_a_taller_box_never_needs_more_pages():
    counts = [len(split_into_pages(_paras(20, 1), BOX_WIDTH, height, 18)) for height in HEIGHTS]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1]


def test_a_paragraph_taller_than_the_box_gets_a_page_of_its_own():
    tall = Para(" ".join([SENTENCE] * 30))
    pages = split_into_pages([Para("Short"), tall, Para("Also short")], BOX_WIDTH, 1_000_000, 16)
    assert pages == [[Para("Short")], [tall], [Para("Also short")]]


def test_arial_is_measured_from_shipped_metrics_without_any_font_tool(monkeypatch):
    """The web page's fallback font is measured exactly on a machine with no fontconfig and no Arial."""
    text_fit.face.cache_clear()
    text_fit.is_installed.cache_clear()
    monkeypatch.setattr(text_fit.shutil, "which", lambda name: None)
    try:
        assert text_fit.is_installed("Arial")
        arial = text_fit.face(False, "Arial")
        assert arial.scale == 1.0
        assert arial is text_fit.face(False, "Liberation Sans") is text_fit.face(False, "helvetica")
        assert arial.width(SENTENCE, 12) != pytest.approx(text_fit.face().width(SENTENCE, 12))
        assert text_fit.face(True, "Arial").width(SENTENCE, 12) > arial.width(SENTENCE, 12)
    finally:
        text_fit.face.cache_clear()
        text_fit.is_installed.cache_clear()


def test_a_word_wider_than_the_line_breaks_badly() -> None:
    width = text_fit.face(True).width("perpetrators", 36) - 1
    assert text_fit.breaks_badly("Ages of perpetrators", width, 36, True)
    assert not text_fit.breaks_badly("Ages of perpetrators", width + 2, 36, True)


def _font_tables(hhea: tuple[int, int, int], win: tuple[int, int], typo: tuple[int, int, int], use_typo: bool):
    from types import SimpleNamespace

    return {"hhea": SimpleNamespace(ascent=hhea[0], descent=hhea[1], lineGap=hhea[2]),
            "OS/2": SimpleNamespace(usWinAscent=win[0], usWinDescent=win[1], sTypoAscender=typo[0],
                                    sTypoDescender=typo[1], sTypoLineGap=typo[2],
                                    fsSelection=text_fit.USE_TYPO_METRICS if use_typo else 0)}


def test_a_line_is_as_tall_as_the_hhea_or_windows_metrics_and_the_typographic_ones_only_when_asked_for():
    # DejaVu Sans's own tables: LibreOffice and Word set its lines 1.164 em apart, not its typographic 1.2 em.
    dejavu = {"hhea": (1901, -483, 0), "win": (1901, 483), "typo": (1556, -492, 410)}
    assert text_fit.line_height_units(_font_tables(**dejavu, use_typo=False)) == 2384
    assert text_fit.line_height_units(_font_tables(**dejavu, use_typo=True)) == 2458
    assert text_fit.line_height_units(_font_tables((1854, -434, 67), (1900, 500), (1491, -431, 307), False)) == 2400


@pytest.mark.skipif(not text_fit.is_installed("DejaVu Sans"), reason="DejaVu Sans (fonts-dejavu-core) is not installed")
def test_dejavu_sans_is_measured_at_the_line_height_libreoffice_sets_it():
    assert text_fit.face(False, "DejaVu Sans").line_height(10) == pytest.approx(11.640625)


ADDRESS = "learning-and-development@fenmarsh-safeguarding.example.org.uk"


@pytest.mark.parametrize("text, kept", [
    # fits the rest of the line, or begins it: left as it is
    (f"Write to {ADDRESS}", f"Write to {ADDRESS}"),
    (f"{ADDRESS} and more words after it", f"{ADDRESS} and more words after it"),
    # would break at a hyphen: begins the next line, and a second address is judged on the line it is then on
    (f"Questions after the session to the team: {ADDRESS} or {ADDRESS}",
     f"Questions after the session to the team:\n{ADDRESS} or\n{ADDRESS}"),
    (f"See www.fenmarsh-safeguarding.example.org.uk/learning or the long {ADDRESS}",
     f"See www.fenmarsh-safeguarding.example.org.uk/learning or the long\n{ADDRESS}"),
])
def test_an_address_that_does_not_fit_the_rest_of_its_line_begins_the_next(text, kept):
    width = text_fit.face().width(f"Write to {ADDRESS}", 20) + 1
    assert text_fit.addresses_on_lines_of_their_own(text, width, 20) == kept
    assert len(text_fit.wrap(kept, width, 20)) == len(text_fit.wrap(text, width, 20))


def test_an_address_no_renderer_would_break_is_left_to_move_of_itself():
    text = "Questions after the session to the team: development@example.org.uk"
    assert text_fit.addresses_on_lines_of_their_own(text, text_fit.face().width(text, 20) - 1, 20) == text


@pytest.mark.parametrize("text", ["a" * 100_000, "a" * 100_000 + "@", "a@" + "b" * 100_000, "www." * 25_000,
                                  "a." * 50_000 + "@x"])
def test_addresses_are_found_in_a_100000_character_word_in_a_moment(text):
    """A search that backtracked took about two minutes on 100,000 letters (time growing with their square)."""
    import time

    started = time.perf_counter()
    text_fit.ADDRESS.findall(text)
    text_fit.addresses_on_lines_of_their_own(f"Write to {text}", 300, 20)
    assert time.perf_counter() - started < 2.0
