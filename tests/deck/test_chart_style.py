"""The charts made for Word on the one scratch presentation of a process are those a presentation of their own
would give, byte for byte."""

from __future__ import annotations

import dataclasses
import datetime as dt

from lxml import etree
from pptx import Presentation

from generator.charts import ChartSpec
from generator.deck import chart_style
from generator.deck.chart_style import ChartParts, add_native_chart, standalone_chart, style_chart
from generator.library_internals import chart_workbook_bytes
from generator.output.files import normalise_zip

STAMP = dt.datetime(2022, 5, 12, 9, 0)

AGES = ChartSpec("column", "Age", ("0-4", "5-9"), (14, 5), "Column chart of age: 0-4 14, 5-9 5.")
THEMES = ChartSpec("bar", "Themes", ("Neglect", "Domestic abuse", "Escalation"), (9, 4, 1), "Bar chart of themes.")


def _on_a_presentation_of_its_own(spec: ChartSpec, font_size: float, colour: str, font: str) -> ChartParts:
    prs = Presentation()
    frame = add_native_chart(prs.slides.add_slide(prs.slide_layouts[6]).shapes, spec, 0, 0, 4_000_000, 3_000_000)
    style_chart(frame.chart, spec, font_size, colour, font)
    return ChartParts(etree.tostring(frame.chart.element, encoding="UTF-8", standalone=True),
                      chart_workbook_bytes(frame))


def _as_saved(parts: ChartParts) -> ChartParts:
    """Return a chart's parts as a saved output holds them: XlsxWriter stamps each workbook with the second it was
    made, which the output's normalising replaces (so comparing raw blobs failed whenever a second ticked over)."""
    return dataclasses.replace(parts, workbook=normalise_zip(parts.workbook, STAMP, nested=True))


def test_each_chart_for_word_is_the_one_a_presentation_of_its_own_gives():
    first = _as_saved(standalone_chart(AGES, 9, "A8431A", "Arial"))
    standalone_chart(THEMES, 11, "1F4E79", "Calibri")
    again = _as_saved(standalone_chart(AGES, 9, "A8431A", "Arial"))
    assert first == again == _as_saved(_on_a_presentation_of_its_own(AGES, 9, "A8431A", "Arial"))
    assert _as_saved(standalone_chart(THEMES, 11, "1F4E79", "Calibri")) == _as_saved(_on_a_presentation_of_its_own(
        THEMES, 11, "1F4E79", "Calibri"))


def test_the_scratch_presentation_keeps_no_slide_after_a_chart():
    for _ in range(3):
        standalone_chart(AGES, 9, "A8431A", "Arial")
    assert len(chart_style._scratch_presentation().slides) == 0
