"""The web briefing's SVG chart: every label whole (wrapped, never cut), each bar as tall as its label."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from lxml import etree

from generator import text_fit
from generator.briefing.svg_chart import LABEL_SIZE, LINE_HEIGHT, WIDTH, chart_svg
from generator.charts import ChartSpec
from tests.briefing.test_html_in_browser import BROWSER_TIMEOUT, CHROMIUM, CHROMIUM_FLAGS, needs_browser
from tests.test_charts import LONG, LONG_LABELS, SHORT

SVG = "{http://www.w3.org/2000/svg}"
FEW = ChartSpec("bar", "Main themes", ("Neglect", "Escalation", "Unseen men"), (9, 4, 2), "Bar chart.")
AGES = ChartSpec("column", "Age of the 12 adults, by band",
                 ("18-24", "25-44", "45-64", "65-79", "80 and over, where their age was recorded"), (1, 3, 4, 2, 2),
                 "Column chart of age.")


def _labels(svg: str) -> list[etree._Element]:
    """Return the chart's category labels: the ``<text>`` elements drawn in lines (``<tspan>``)."""
    return [text for text in etree.fromstring(svg).iter(f"{SVG}text") if len(text)]


def _read(text: etree._Element) -> str:
    return "".join(text.itertext())


def test_a_long_label_wraps_whole_within_its_column_and_is_never_cut():
    svg = chart_svg(LONG, "chart-4", "1D5A8E", "000000")
    assert "…" not in svg
    labels = _labels(svg)
    assert [_read(label) for label in labels] == list(LONG_LABELS)  # each reads whole, its lines joined by spaces
    assert max(len(label) for label in labels) in (2, 3)  # two or three lines, not one cut short
    assert all(len(label[-1].text.split()) > 1 for label in labels)  # lines evened out: no last word alone
    bars = list(etree.fromstring(svg).iter(f"{SVG}rect"))
    for label, bar in zip(labels, bars):
        right = float(label[0].get("x"))  # the lines end here, right-aligned, left of the bar
        assert right < float(bar.get("x"))
        for line, family in ((line, family) for line in label for family in ("Calibri", "Arial")):
            # Nothing runs off the left, in the page's font or in Arial, where a reader has not got it.
            assert text_fit.face(False, family).width(line.text.strip(), LABEL_SIZE) <= right


def test_each_bar_is_as_tall_as_its_labels_lines_so_no_two_labels_meet():
    svg = chart_svg(LONG, "chart-4", "1D5A8E", "000000")
    pitch = LABEL_SIZE * LINE_HEIGHT
    extents = [(float(label[0].get("y")) - pitch / 2, float(label[-1].get("y")) + pitch / 2) for label in _labels(svg)]
    for (_, bottom), (top, _) in zip(extents, extents[1:]):
        assert bottom <= top
    height = float(etree.fromstring(svg).get("viewBox").split()[3])
    assert extents[-1][1] <= height
    assert height > float(etree.fromstring(chart_svg(SHORT, "c", "1D5A8E", "000000")).get("viewBox").split()[3])


def test_a_short_label_keeps_one_line_and_the_description_states_the_data():
    svg = chart_svg(FEW, "chart-2", "1D5A8E", "000000")
    assert [len(label) for label in _labels(svg)] == [1, 1, 1]
    assert f'<desc id="chart-2-desc">{FEW.alt_text}</desc>' in svg


def test_a_column_label_wraps_under_its_column_and_the_chart_grows_to_hold_it():
    svg = chart_svg(AGES, "chart-3", "1D5A8E", "000000")
    labels = _labels(svg)
    assert [_read(label) for label in labels] == list(AGES.categories)
    slot = WIDTH / len(AGES.categories)
    assert all(text_fit.face().width(line.text.strip(), LABEL_SIZE) <= slot for label in labels for line in label)
    height = float(etree.fromstring(svg).get("viewBox").split()[3])
    assert float(labels[-1][-1].get("y")) + LABEL_SIZE * LINE_HEIGHT / 2 <= height
    assert height > 200  # the one-line chart's height


MEASURE = """<script>
var found = [];
document.querySelectorAll("svg text").forEach(function (text) {
  if (!text.querySelector("tspan")) return;
  var box = text.getBBox();
  found.push({text: text.textContent, left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height});
});
var bars = Array.prototype.map.call(document.querySelectorAll("svg rect"), function (r) { return r.x.baseVal.value; });
var report = document.createElement("pre");
report.id = "measured";
report.textContent = JSON.stringify({labels: found, bars: bars});
document.body.appendChild(report);
</script>"""


def _measured_in_chromium(families: str, folder: Path) -> dict:
    """Return the boxes Chromium gives the chart's labels, and its bars' left edges, in ``families``."""
    page = folder / "chart.html"
    page.write_text(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Chart</title>'
                    f'<style>svg {{ width: {WIDTH}px; font-family: {families}; }}</style></head>'
                    f'<body>{chart_svg(LONG, "chart-4", "1D5A8E", "000000")}{MEASURE}</body></html>',
                    encoding="utf-8")
    result = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={folder / 'profile'}", "--dump-dom",
                             page.as_uri()], capture_output=True, text=True, timeout=BROWSER_TIMEOUT)
    found = re.search(r'<pre id="measured">(.*?)</pre>', result.stdout, re.S)
    assert found, result.stderr[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))


@needs_browser
def test_in_chromium_every_label_is_inside_the_chart_left_of_its_bar_and_clear_of_the_next(tmp_path: Path):
    # In the page's font, and in Arial, which a reader without it sees.
    for families in ("Calibri, Arial, sans-serif", "Arial, sans-serif"):
        measured = _measured_in_chromium(families, tmp_path)
        labels, bars = measured["labels"], measured["bars"]
        assert [label["text"] for label in labels] == list(LONG_LABELS)
        for label, bar_left in zip(labels, bars):
            assert 0 <= label["left"] and label["right"] <= bar_left, families
        for above, below in zip(labels, labels[1:]):
            assert above["bottom"] <= below["top"], families
