"""Drawing one chart with matplotlib: the picture shows the chart's labels and values, and carries its alt text."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from generator.charts import ChartSpec
from generator.pictures.builder import PRINT, SOCIAL, VECTOR
from generator.pictures.draw import (FALLBACK_FONT, Canvas, PictureStyle, balanced, font_families, png, png_and_svg,
                                     svg, titled_svg, wrap)
from tests.pictures.svg_text import alt_texts, every_text, svg_texts

STYLE = PictureStyle("Calibri", "0B0C0C", "1B365D", "1D5A8E")
DATE = "2022-05-12T09:00:00"
THEMES = ChartSpec("bar", "Main themes: number of the 7 reviews each featured in",
                   ("Homelessness/Housing Issues", "Self-Neglect", "Trauma / Traumatic Event (s) and their long "
                    "shadow over a life", "Ŵyr a wyresau: Gwasanaethau Cymdeithasol"),
                   (6, 5, 4, 12), "Bar chart of the main themes of the 7 Adult Reviews: Homelessness/Housing "
                   "Issues 6, Self-Neglect 5, Trauma 4, Ŵyr 12.", "2 categories with fewer than 5 people are not shown")
AGES = ChartSpec("column", "Age", ("0-4", "5-9", "10-14", "15-17"), (14, 4, 0, 9),
                 "Column chart of age of the 24 children: 0-4 14, 5-9 4, 10-14 0, 15-17 9.")


def _canvas(form) -> Canvas:
    return Canvas(form.width, form.height, form.dpi, form.label_size)


@pytest.mark.parametrize("spec", [THEMES, AGES], ids=["bars", "columns"])
@pytest.mark.parametrize("form", [VECTOR, SOCIAL], ids=["print", "social"])
def test_the_svg_draws_the_chart_s_title_labels_values_and_note_as_text(spec, form):
    texts = svg_texts(svg(spec, _canvas(form), STYLE, DATE, 0).data)
    assert texts.pop("title") == spec.title
    assert texts.pop("note", "") == spec.note
    assert texts == {**{f"category-{n}": label for n, label in enumerate(spec.categories)},
                     **{f"value-{n}": str(value) for n, value in enumerate(spec.values)}}


def test_the_svg_draws_no_other_text_than_the_chart_s():
    """No axis numbers, no tick labels of its own: every text is the title, a label, a value or the note."""
    drawn = every_text(svg(AGES, _canvas(VECTOR), STYLE, DATE, 0).data)
    assert sorted(drawn) == sorted([AGES.title, *AGES.categories, *map(str, AGES.values)])


def test_the_alt_text_is_the_svg_s_title_and_description_and_the_png_s_description():
    assert alt_texts(svg(THEMES, _canvas(VECTOR), STYLE, DATE, 0).data) == (THEMES.alt_text, THEMES.alt_text)
    for form in (PRINT, SOCIAL):
        with Image.open(io.BytesIO(png(THEMES, _canvas(form), STYLE, 0).data)) as image:
            assert image.info["Description"] == THEMES.alt_text
            assert image.info["Title"] == THEMES.title


def test_titled_svg_replaces_a_title_already_there():
    data = b'<svg xmlns="http://www.w3.org/2000/svg"><title>old</title><rect width="1" height="1"/></svg>'
    assert alt_texts(titled_svg(data, "Bar chart of reviews: A 3, B 4.")) == ("Bar chart of reviews: A 3, B 4.",) * 2


def test_the_social_card_is_1200_by_675_pixels_and_the_print_picture_300_dpi_one_column_wide():
    with Image.open(io.BytesIO(png(THEMES, _canvas(SOCIAL), STYLE, 0).data)) as image:
        assert image.size == (1200, 675)
    with Image.open(io.BytesIO(png(THEMES, _canvas(PRINT), STYLE, 0).data)) as image:
        assert image.size[0] == round(PRINT.width / 72 * 300)  # 86 mm: a column of the A4 briefing
        assert round(image.info["dpi"][0]) == 300
        assert image.size[1] > 300  # as tall as its four bars and wrapped labels need


def test_a_crowded_social_card_sets_its_labels_smaller_so_that_every_bar_keeps_its_label():
    many = ChartSpec("bar", "Ethnicity", tuple(f"Category number {n} of many" for n in range(20)),
                     tuple(range(1, 21)), "Bar chart of ethnicity of many people.")
    texts = svg_texts(svg(many, _canvas(SOCIAL), STYLE, DATE, 0).data)
    assert [texts[f"category-{n}"] for n in range(20)] == list(many.categories)


def test_the_same_chart_gives_the_same_bytes():
    assert svg(THEMES, _canvas(VECTOR), STYLE, DATE, 0).data == svg(THEMES, _canvas(VECTOR), STYLE, DATE, 0).data
    assert png(THEMES, _canvas(PRINT), STYLE, 0).data == png(THEMES, _canvas(PRINT), STYLE, 0).data


def test_the_print_png_and_the_svg_saved_from_one_drawing_are_those_drawn_apart():
    # The SVG is the print picture's size (one column, 243.84 pt), not that size rounded to whole points.
    for spec in (THEMES, AGES):
        picture, vector = png_and_svg(spec, _canvas(PRINT), STYLE, DATE, 3)
        assert picture == png(spec, _canvas(PRINT), STYLE, 3)
        assert vector == svg(spec, _canvas(PRINT), STYLE, DATE, 3)
        assert b'width="243.84pt"' in vector.data


def test_the_svg_is_dated_as_given_not_by_the_clock():
    assert b"<dc:date>2022-05-12T09:00:00</dc:date>" in svg(AGES, _canvas(VECTOR), STYLE, DATE, 0).data


def test_a_theme_font_is_named_first_then_its_stand_in_then_matplotlib_s_own():
    assert font_families("Calibri") == ("Calibri", "carlito", FALLBACK_FONT)
    assert font_families("Brand Sans") == ("Brand Sans", FALLBACK_FONT)
    assert font_families("") == (FALLBACK_FONT,)
    assert font_families("Evil\"; fill: url(http://x/y)") == ("Evil fill urlhttpxy", FALLBACK_FONT)
    assert b"font-family: 'Brand Sans', 'DejaVu Sans'" in svg(AGES, _canvas(VECTOR),
                                                              PictureStyle("Brand Sans", "000000", "000000",
                                                                           "1D5A8E"), DATE, 0).data


def test_wrap_breaks_at_spaces_within_the_width_and_keeps_a_long_word_whole():
    family = font_families("")
    assert wrap("Trauma / Traumatic Event (s)", 60, 9, family) == ["Trauma /", "Traumatic", "Event (s)"]
    assert wrap("Supercalifragilistic", 10, 9, family) == ["Supercalifragilistic"]


def test_the_title_is_set_in_the_heading_font_and_the_rest_in_the_body_font():
    style = PictureStyle("Brand Sans", "000000", "000000", "1D5A8E", heading_font="Brand Serif")
    data = svg(AGES, _canvas(VECTOR), style, DATE, 0).data.decode("utf-8")
    title = data[data.index('<g id="title">'):]
    assert "font-family: 'Brand Serif', 'DejaVu Sans'" in title[:title.index("</g>")]
    label = data[data.index('<g id="category-0">'):]
    assert "font-family: 'Brand Sans', 'DejaVu Sans'" in label[:label.index("</g>")]


def test_a_dollar_in_a_label_is_a_dollar_not_mathematics():
    money = ChartSpec("bar", "Cost $5 to $10", ("$x$ and \\alpha", "B"), (3, 4), "Bar chart of costs: $x$ 3, B 4.")
    texts = svg_texts(svg(money, _canvas(VECTOR), STYLE, DATE, 0).data)
    assert (texts["title"], texts["category-0"]) == ("Cost $5 to $10", "$x$ and \\alpha")


def test_a_character_no_font_has_is_told_as_a_warning_not_printed():
    chinese = ChartSpec("bar", "Themes", ("Wellbeing 中文", "B"), (3, 4), "Bar chart of themes: A 3, B 4.")
    drawn = png(chinese, _canvas(PRINT), STYLE, 0)
    assert drawn.warnings and all("missing from font" in warning for warning in drawn.warnings)
    assert png(AGES, _canvas(PRINT), STYLE, 0).warnings == ()


def test_a_wrapped_label_s_lines_are_evened_out_in_as_few_lines():
    family = font_families("")
    assert wrap("Trauma / Traumatic Event (s)", 120, 9, family) == ["Trauma / Traumatic Event", "(s)"]
    assert balanced("Trauma / Traumatic Event (s)", 120, 9, family) == ["Trauma / Traumatic", "Event (s)"]
    assert balanced("Self-Neglect", 110, 9, family) == ["Self-Neglect"]
    # Words each wider than the width keep a line each, however narrow it is tried (and the trying ends).
    assert balanced("Supercalifragilistic Expialidocious", 20, 9, family) == ["Supercalifragilistic", "Expialidocious"]
