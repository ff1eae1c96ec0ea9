"""A template's theme colours and fonts, the data's theme laid over them, and the briefing's colours on paper."""

from __future__ import annotations

import io

from pptx import Presentation

from generator.branding import (FALLBACK, PAPER_FALLBACK_TEXT, apply_to_presentation,
                                overrides, palette, paper_colours, scheme_colours, template_colours,
                                template_fonts, theme_fonts)
from generator.model import Branding, Colours
from generator.ooxml import DRAWING
from generator.templates import BUILTIN_DECK_TEMPLATE
from generator.templates.opening import read_package

THEME = (f'<a:theme xmlns:a="{DRAWING}"><a:themeElements><a:clrScheme name="x">'
         '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:accent1><a:srgbClr val="ab12cd"/></a:accent1>'
         '<a:accent2><a:srgbClr val="not-hex"/></a:accent2><a:folHlink><a:srgbClr val="123456"/></a:folHlink>'
         '</a:clrScheme></a:themeElements></a:theme>').encode()


def test_scheme_colours_are_read_upper_case_with_the_builtin_for_a_slot_missing_or_unreadable():
    colours = scheme_colours(THEME)
    assert colours["dk1"] == "000000" and colours["accent1"] == "AB12CD"
    assert colours["accent2"] == FALLBACK["accent2"] and colours["lt1"] == FALLBACK["lt1"]
    assert "folHlink" not in colours


def test_the_data_theme_sets_text_background_heading_link_and_cycles_its_accents():
    branding = Branding(colours=Colours(text="111111", background="FFFFFF", heading="222222", link="333333",
                                        accents=["AAAAAA", "BBBBBB"]))
    slots = overrides(branding)
    assert [slots[f"accent{n}"] for n in range(1, 7)] == ["AAAAAA", "BBBBBB"] * 3
    assert (slots["dk1"], slots["lt1"], slots["dk2"], slots["hlink"]) == ("111111", "FFFFFF", "222222", "333333")
    assert overrides(Branding()) == {}
    package = read_package(BUILTIN_DECK_TEMPLATE, "pptx")
    assert palette(package, branding) == {**template_colours(package), **slots}


def test_pale_colours_are_replaced_on_paper_and_each_replacement_warned_once():
    colours = paper_colours({"dk1": "FFFFFF", "dk2": "FFFFFF", "hlink": "0000EE", "accent1": "FAFAFA"})
    assert (colours.text, colours.heading, colours.link, colours.bar) == (
        PAPER_FALLBACK_TEXT, PAPER_FALLBACK_TEXT, "0000EE", PAPER_FALLBACK_TEXT)
    warnings = colours.warnings()
    assert len(warnings) == 2
    assert warnings[0].startswith("the theme colour #FFFFFF has a contrast of only 1.0:1 on white paper (at least "
                                  "4.5:1 is needed), so the briefings do not use it for text (printed in #1A1A1A "
                                  "instead) and headings")
    assert "#FAFAFA" in warnings[1] and "at least 3:1" in warnings[1]


def test_legible_colours_are_kept():
    colours = paper_colours({"dk1": "000000", "dk2": "003366", "hlink": "0645AD", "accent1": "A8431A"})
    assert (colours.text, colours.heading, colours.link, colours.bar, colours.replaced) == (
        "000000", "003366", "0645AD", "A8431A", ())


def test_the_data_theme_is_written_into_the_presentation_theme():
    prs = Presentation(io.BytesIO(read_package(BUILTIN_DECK_TEMPLATE, "pptx")))
    apply_to_presentation(prs, Branding(colours=Colours(accents=["ABCDEF"]), heading_font="Georgia"))
    saved = io.BytesIO()
    prs.save(saved)
    reopened = Presentation(saved)
    assert theme_fonts(reopened)[0] == "Georgia"
    assert template_colours(saved.getvalue())["accent3"] == "ABCDEF"
    assert template_fonts(saved.getvalue())[0] == "Georgia"
