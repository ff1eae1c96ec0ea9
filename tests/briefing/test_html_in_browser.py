"""The HTML briefings in a real browser: Debian's headless Chromium runs axe-core on every default and gallery page.

Each page is copied with axe-core's script (and a few lines that run it) added
inline before ``</body>``, opened from disk with name lookups refused, and read
back with ``--dump-dom``: the script writes axe's violations and every resource
the page fetched into an element of its own, which axe is told to leave out.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.build import BuildOptions, build_event
from tests.conftest import DEFAULT_DATA, ROOT, runs_outside_tool

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
GALLERY = sorted((ROOT / "tests" / "fixtures" / "gallery").glob("*.yaml"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND"]
BROWSER_TIMEOUT = 120  # seconds: a cold Chromium on two busy cores; a hang fails instead of stalling the suite

needs_browser = runs_outside_tool(
    Path(CHROMIUM).is_file() and AXE.is_file(),
    "Chromium (Debian package chromium) or axe-core (npm install --no-save axe-core) is not installed")

RUN_AXE = """<script>
axe.run(document, {exclude: [["#axe-result"]]}).then(function (results) {
  var report = document.createElement("pre");
  report.id = "axe-result";
  report.textContent = JSON.stringify({
    violations: results.violations.map(function (v) {
      return {id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(function (n) { return n.target.join(" "); })};
    }),
    passes: results.passes.length,
    fetched: performance.getEntriesByType("resource").map(function (r) { return r.name; })
  });
  document.body.appendChild(report);
});
</script>"""


def _in_browser(page: Path, work: Path) -> dict:
    """Return axe-core's findings on ``page`` as Chromium draws it, and the resources the page fetched."""
    html = page.read_text(encoding="utf-8")
    axe = AXE.read_text(encoding="utf-8").replace("</script", "<\\/script")
    probe = work / page.name
    probe.write_text(html.replace("</body>", f"<script>{axe}</script>{RUN_AXE}</body>"), encoding="utf-8")
    result = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={work / 'profile'}",
                             "--virtual-time-budget=30000", "--dump-dom", probe.as_uri()],
                            capture_output=True, text=True, timeout=BROWSER_TIMEOUT)
    found = re.search(r'<pre id="axe-result">(.*?)</pre>', result.stdout, re.S)
    assert found, f"axe-core did not report on {page.name}: {result.stderr[-2000:]}"
    return json.loads(found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
                      .replace("&amp;", "&"))


@pytest.fixture(scope="module")
def web_pages(tmp_path_factory) -> list[Path]:
    """Return every HTML briefing of the default data and the gallery, built afresh."""
    pages = []
    for number, data in enumerate([DEFAULT_DATA, *GALLERY]):
        out = tmp_path_factory.mktemp(f"pages{number}")
        build_event(data, BuildOptions(out_dir=out))
        pages.extend(sorted((out / "briefings").glob("*.html")))
    return pages


@needs_browser
def test_every_web_briefing_passes_axe_in_chromium_and_fetches_nothing(web_pages, tmp_path):
    assert len(web_pages) >= 3 + len(GALLERY)
    failures = {}
    for page in web_pages:
        findings = _in_browser(page, tmp_path)
        assert findings["passes"] > 10, page.name  # axe really ran its rules
        if findings["violations"] or findings["fetched"]:
            failures[page.name] = (findings["violations"], findings["fetched"])
    assert failures == {}


@needs_browser
def test_axe_finds_a_violation_it_is_given(tmp_path):
    """The harness can fail: a page with an image lacking alt text and a skipped heading level is reported."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><title>Bad</title></head><body><h1>Bad</h1>'
                    '<img src="data:image/png;base64,iVBORw0KGgo="></body></html>', encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    ids = {v["id"] for v in _in_browser(page, work)["violations"]}
    assert {"html-has-lang", "image-alt"} <= ids


@needs_browser
def test_a_screenshot_of_the_web_briefing_is_drawn(web_pages, tmp_path):
    page = next(p for p in web_pages if p.name.endswith("-cspr.html"))
    shot = tmp_path / "briefing.png"
    subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1100,1600",
                    f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=BROWSER_TIMEOUT)
    from PIL import Image

    with Image.open(shot) as image:
        assert image.size == (1100, 1600)
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
        assert len(colours) > 50  # text and a chart were drawn, not a blank page


def test_the_web_briefings_are_byte_reproducible(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        build_event(DEFAULT_DATA, BuildOptions(out_dir=out))
    pages = sorted(p.name for p in (first / "briefings").glob("*.html"))
    assert len(pages) == 3
    for name in pages:
        assert (first / "briefings" / name).read_bytes() == (second / "briefings" / name).read_bytes(), name


@needs_browser
@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler (pdfinfo) is not installed")
def test_each_default_web_briefing_prints_on_one_a4_page(tmp_path):
    build_event(DEFAULT_DATA, BuildOptions(out_dir=tmp_path / "out"))
    pages = sorted((tmp_path / "out" / "briefings").glob("*.html"))
    assert len(pages) == 3
    for page in pages:
        printed = tmp_path / f"{page.stem}.pdf"
        subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                        f"--print-to-pdf={printed}", page.as_uri()], capture_output=True, timeout=BROWSER_TIMEOUT)
        info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, timeout=60).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), (page.name, info)
        assert re.search(r"^Page size:.*\(A4\)$", info, re.M), (page.name, info)


MEASURE_LINES = """<script>
function linesOf(element, text) {
  // The number of lines ``text`` (a stretch of ``element``'s words) is drawn on: its range's distinct line tops.
  var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT), nodes = [], all = "", node;
  while ((node = walker.nextNode())) { nodes.push([node, all.length]); all += node.data; }
  var start = all.indexOf(text), end = start + text.length, range = document.createRange();
  nodes.forEach(function (pair) {
    var from = pair[1], to = from + pair[0].data.length;
    if (start >= from && start <= to) range.setStart(pair[0], start - from);
    if (end >= from && end <= to) range.setEnd(pair[0], end - from);
  });
  var tops = {};
  Array.prototype.forEach.call(range.getClientRects(), function (r) { if (r.width > 0) tops[Math.round(r.top)] = 1; });
  return Object.keys(tops).length;
}
var found = [];
document.querySelectorAll("caption").forEach(function (caption) {
  var note = caption.textContent.match(/\\(where known[^)]*\\)/);
  // A note may break between its clauses ('(where known: 6 of 10 victims;' '4 not known)'), never inside one.
  if (note) note[0].replace(/; /g, ";\\n").split("\\n").forEach(function (clause) {
    found.push([clause, linesOf(caption, clause)]);
  });
});
document.querySelectorAll("th").forEach(function (cell) {
  var text = cell.textContent;
  if (text.length <= 20) found.push([text, linesOf(cell, text)]);
});
var report = document.createElement("pre");
report.id = "lines-result";
report.textContent = JSON.stringify(found);
document.body.appendChild(report);
</script>"""


@needs_browser
def test_on_a_phone_short_labels_and_a_captions_note_are_each_drawn_on_one_line(tmp_path):
    build_event(ROOT / "data" / "riverside-2024.yaml", BuildOptions(out_dir=tmp_path / "out"))
    page = next((tmp_path / "out" / "briefings").glob("*-dhr.html"))
    probe = tmp_path / page.name
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", f"{MEASURE_LINES}</body>"), encoding="utf-8")
    result = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                             "--window-size=360,3000", "--dump-dom", probe.as_uri()],
                            capture_output=True, text=True, timeout=BROWSER_TIMEOUT)
    found = re.search(r'<pre id="lines-result">(.*?)</pre>', result.stdout, re.S)
    assert found, result.stderr[-2000:]
    measured = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert any(text.startswith("(where known") for text, _ in measured)
    assert {text: lines for text, lines in measured if lines != 1} == {}


LONG_URL = ("https://www.gov.uk/government/publications/safeguarding-practice-review-panel-report/"
            "working-together-to-safeguard-children--2/multi-agency-learning-from-serious-incidents.pdf")


@needs_browser
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler (pdftotext) is not installed")
def test_a_printed_web_address_breaks_only_after_a_slash_or_a_dot(tmp_path):
    data = tmp_path / "event.yaml"
    data.write_text(DEFAULT_DATA.read_text(encoding="utf-8").replace(
        "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2", LONG_URL),
        encoding="utf-8")
    build_event(data, BuildOptions(out_dir=tmp_path / "out"))
    page = next((tmp_path / "out" / "briefings").glob("*-cspr.html"))
    printed = tmp_path / "printed.pdf"
    subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={printed}", page.as_uri()], capture_output=True, timeout=BROWSER_TIMEOUT)
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, timeout=60).stdout
    start = text.index("(https://")
    lines = text[start:text.index(")", start)].splitlines()
    assert "".join(lines) == f"({LONG_URL}"  # printed whole, after its link's words
    assert len(lines) > 1  # long enough to need breaking in a column
    assert all(line[-1] in "/." for line in lines[:-1]), lines
