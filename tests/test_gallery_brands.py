"""Any brand, checked where it is used: the Tees event built in a dark brand, a pale-accent brand, a template whose
layouts are renamed (and with it a Word template whose list and heading styles are renamed), and a wide brand font, each rendered through LibreOffice and checked as a person would look:
no word drawn over another or outside its frame, every text colour legible, no briefing past two pages."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from generator.cli import main
from tests.conftest import DEFAULT_DATA, needs_libreoffice, renamed_deck_template, word_template_with_renamed_styles

BRANDS = {
    "dark": '\ntheme:\n  colours: {text: "FFFFFF", background: "14213D", heading: "FFFFFF", link: "9CC9FF",\n'
            '            accents: ["4EA8DE", "F4A261", "2A9D8F"]}\n',
    "pale-accent": '\ntheme:\n  colours: {accents: ["F4D03F", "F4D03F", "F4D03F"]}\n',
    "renamed-layouts": "\ntheme:\n  pptx_template: brand.pptx\n",
    "renamed-styles": "\ntheme:\n  pptx_template: brand.pptx\n  docx_template: brand.docx\n",
    "wide-font": "\ntheme:\n  heading_font: DejaVu Sans\n  body_font: DejaVu Sans\n",
}
# What check says that a person would have to fix by hand.
# A deck's colour reports its "contrast", a briefing's that it "reads at only" so much.
BY_HAND = re.compile(r"text drawn over other text|text outside its frame|contrast|reads at only|"
                     r"pages; a seven-minute briefing")
EMPTY_COLUMN = "empty before the text goes on in the next column"
# Defects found and not yet fixed, each failing its test until fixed (strict): a brand named here is expected to fail.
BY_HAND_DEFECTS: dict[str, str] = {}
EMPTY_COLUMN_DEFECTS: dict[str, str] = {}


def _brands(defects: dict[str, str]) -> list:
    return [pytest.param(brand, id=brand, marks=[pytest.mark.xfail(strict=True, reason=defects[brand])]
                         if brand in defects else []) for brand in BRANDS]


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory):
    """Return a function giving the problems check reports on a brand's outputs (built and rendered once)."""
    found: dict[str, list[str]] = {}

    def check(brand: str) -> list[str]:
        if brand not in found:
            folder = tmp_path_factory.mktemp(brand)
            renamed_deck_template(folder / "brand.pptx")
            word_template_with_renamed_styles(folder / "brand.docx", "numPr")
            data = folder / "event.yaml"
            data.write_text(DEFAULT_DATA.read_text(encoding="utf-8") + BRANDS[brand], encoding="utf-8")
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                assert main(["build", str(data), "--out", str(folder / "out")]) == 0
            files = sorted((folder / "out").glob("*/*.pptx")) + sorted((folder / "out").glob("*/*.docx"))
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
                main(["check", "--files", *map(str, files)])
            found[brand] = [line for line in printed.getvalue().splitlines() if line.startswith("  problem:")]
        return found[brand]

    return check


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("brand", _brands(BY_HAND_DEFECTS))
def test_a_brand_gives_outputs_no_one_has_to_fix_by_hand(brand: str, checked) -> None:
    assert [line for line in checked(brand) if BY_HAND.search(line)] == []


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("brand", _brands(EMPTY_COLUMN_DEFECTS))
def test_a_brand_s_briefing_columns_fill_before_a_break(brand: str, checked) -> None:
    assert [line for line in checked(brand) if EMPTY_COLUMN in line] == []
