"""The deck's native charts as LibreOffice draws them: crowded labels at the size they are set at, none left out."""

from __future__ import annotations

import statistics

import pytest
from pptx import Presentation
from pptx.util import Emu, Pt

from generator.charts import TITLE_STEP, ChartSpec
from generator.deck.charts import add_chart
from generator.deck.layouts import Box
from tests.conftest import needs_libreoffice
from tests.render import read_pages, render

# The huge metropolitan board's crowded charts: fourteen ethnicities at 12 pt, twelve themes at 12 pt (the
# deck's themes chart size), ten areas at 14 pt, each in the box the deck gives it.
ETHNICITIES = ("White British", "White Irish", "Gypsy or Irish Traveller", "Any other White background",
               "Mixed White and Black Caribbean", "Mixed White and Black African", "Mixed White and Asian",
               "Pakistani", "Bangladeshi", "Indian", "Black African", "Black Caribbean", "Any other ethnic group",
               "Not recorded")
THEMES = ("Domestic abuse", "Neglect", "Parental mental health", "Parental substance misuse",
          "Multi-agency information sharing", "The voice of the child", "Unseen men", "Safeguarding babies",
          "Professional curiosity", "Escalation", "Child criminal exploitation", "Child sexual exploitation")
AREAS = ("Ashcombe", "Brackenridge", "Calderholt", "Dunmere", "Eastfield", "Fernside", "Garrowby", "Hollins Cross",
         "Irwell Bank", "Kingsmoor")
CHARTS = [(ChartSpec("bar", "Ethnicity", ETHNICITIES, tuple(range(14, 0, -1)), "Bar chart."), 12.0,
           Box(Emu(Pt(330)), Emu(Pt(130)), Emu(Pt(317)), Emu(Pt(340)))),
          (ChartSpec("bar", "Reviews featuring each theme", THEMES, tuple(range(144, 0, -12)), "Bar chart."), 12.0,
           Box(Emu(Pt(330)), Emu(Pt(130)), Emu(Pt(465)), Emu(Pt(375)))),
          (ChartSpec("bar", "Reviews by area", AREAS, tuple(range(31, 21, -1)), "Bar chart."), 14.0,
           Box(Emu(Pt(60)), Emu(Pt(130)), Emu(Pt(240)), Emu(Pt(340))))]
REFERENCE = "Reference"  # a line of text at a known size on the same slide, in the same font


@needs_libreoffice
def test_crowded_chart_labels_are_drawn_whole_at_the_size_they_are_set(tmp_path):
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Pt(960), Pt(540)
    for spec, size, box in CHARTS:
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        add_chart(slide, spec, box, size, size + TITLE_STEP, "")
        reference = slide.shapes.add_textbox(Pt(20), Pt(20), Pt(200), Pt(40)).text_frame.paragraphs[0]
        reference.text = REFERENCE
        reference.runs[0].font.size = Pt(size)
    presentation.save(str(tmp_path / "charts.pptx"))
    pages = read_pages(render(tmp_path / "charts.pptx"))
    for (spec, size, _), page in zip(CHARTS, pages):
        drawn = [word for word in page.words if not word.text.isdigit()]
        expected = [word for label in spec.categories for word in label.split()]
        assert sorted(w.text for w in drawn if w.text != REFERENCE and w.text not in spec.title.split()) == sorted(
            expected), spec.title
        reference_height = next(w.bottom - w.top for w in drawn if w.text == REFERENCE)
        label_heights = [w.bottom - w.top for w in drawn if w.text in expected]
        # LibreOffice may scale a chart's text to fit; each label's line is as tall as the reference's.
        assert statistics.median(label_heights) == pytest.approx(reference_height, abs=0.05), spec.title
        assert min(label_heights) > 0.95 * reference_height, spec.title


def test_a_deck_charts_workbook_holds_a_label_like_a_formula_as_text():
    import io

    from openpyxl import load_workbook

    formula = '=HYPERLINK("http://evil.example/x","click")'
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    frame = add_chart(slide, ChartSpec("bar", "=1+1", (formula,), (3,), "alt"), Box(0, 0, Emu(Pt(300)), Emu(Pt(200))),
                      14.0, 16.0, "")
    sheet = load_workbook(io.BytesIO(frame.chart_part.chart_workbook.xlsx_part.blob)).active
    assert [(cell.value, cell.data_type) for cell in (sheet["B1"], sheet["A2"], sheet["B2"])] == [
        ("=1+1", "s"), (formula, "s"), (3, "n")]


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_bar_chart_s_title_ends_above_its_bars_however_tall_the_chart(tmp_path):
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Pt(960), Pt(540)
    heights = (150, 250, 350, 500)
    spec = ChartSpec("bar", "Ethnicity", ("Alpha", "Beta", "Gamma"), (3, 2, 1), "Bar chart.")
    plot_tops = []
    for height in heights:
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        frame = add_chart(slide, spec, Box(Emu(Pt(100)), Emu(Pt(20)), Emu(Pt(400)), Emu(Pt(height))), 12.0, 16.0,
                          "")
        y = float(frame.chart.element.xpath(".//c:plotArea/c:layout/c:manualLayout/c:y/@val")[0])
        plot_tops.append(20 + y * height)
    presentation.save(str(tmp_path / "titles.pptx"))
    pages = read_pages(render(tmp_path / "titles.pptx"))
    title_bottoms = [next(word.bottom for word in page.words if word.text == "Ethnicity") for page in pages]
    assert [round(top - bottom) >= 0 for top, bottom in zip(plot_tops, title_bottoms)] == [True] * len(heights)
