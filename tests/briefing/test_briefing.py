"""The seven-minute briefings reopened with python-docx, and rendered by LibreOffice."""

from __future__ import annotations

import re

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from pptx import Presentation

from generator.loading import load_event
from tests.conftest import DEFAULT_DATA, needs_libreoffice, word_template_with_header_and_footer
from tests.render import read_pages, render
from tests.seed import seed_review_types, seed_themes

MODEL = load_event(DEFAULT_DATA).event
SEEDS = {seed.name: seed for seed in seed_review_types()}
REVIEWS = list(MODEL.review_types.values())


@pytest.fixture(scope="module")
def briefings(briefing_paths):
    """Return each review type's name with its reopened briefing."""
    by_abbreviation = {p.stem.rsplit("-", 1)[1]: p for p in briefing_paths}
    return {r.name: (by_abbreviation[r.abbreviation.lower()], Document(str(by_abbreviation[r.abbreviation.lower()])))
            for r in REVIEWS}


def _text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_one_briefing_per_review_type(briefing_paths):
    assert len(briefing_paths) == len(REVIEWS) == 3


@pytest.mark.parametrize("review", REVIEWS, ids=lambda r: r.abbreviation)
def test_seven_numbered_sections_in_heading_styles(briefings, review):
    _, doc = briefings[review.name]
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"{n}. {s.heading}" for n, s in enumerate(review.briefing.sections, start=1)]
    assert len(headings) == 7
    assert doc.paragraphs[0].style.name == "Title"


def _tables(doc) -> dict[str, dict[str, int]]:
    """Return each figures table as {category: count}, by its caption (the paragraph before it)."""
    found = {}
    body = doc.element.body
    for table in body.iter(qn("w:tbl")):
        caption = table.getprevious().xpath("string(.)")
        rows = [[cell.xpath("string(.)") for cell in row.iter(qn("w:tc"))] for row in table.iter(qn("w:tr"))]
        if rows and rows[0][-1].startswith("Number of"):
            found[caption] = {label: int(value) for label, value in rows[1:]}
    return found


@pytest.mark.parametrize("name", list(SEEDS))
def test_figures_and_themes_match_the_seed(briefings, name):
    _, doc = briefings[name]
    seed = SEEDS[name]
    text = _text(doc)
    assert f"{seed.count} {name}." in text
    tables = _tables(doc)
    known = sum(seed.age.values())
    where = f" (where known: {known} of {seed.count}; {seed.count - known} not known)" if seed.starred else ""
    assert tables["Reviews by area"] == seed.areas
    assert tables[f"Ethnicity{where}"] == seed.ethnicity
    assert tables[f"Age{where}"] == seed.age
    bullets = [p.text.removeprefix("• ") for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert all(theme in bullets for theme in seed_themes()[name])


def test_figures_tables_have_a_header_row_and_a_description(briefings):
    _, doc = briefings["Children Reviews"]
    for table in doc.element.body.iter(qn("w:tbl")):
        first_row = table.find(qn("w:tr"))
        assert first_row.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        assert table.find(qn("w:tblPr")).find(qn("w:tblDescription")).get(qn("w:val"))


@pytest.mark.parametrize("name", list(SEEDS))
def test_numbers_match_the_deck(briefings, deck_path, name):
    _, doc = briefings[name]
    prs = Presentation(str(deck_path))
    slide = next(s for s in prs.slides if s.shapes.title.text == f"Setting the Scene: {name}")
    tables = _tables(doc)
    for shape in slide.shapes:
        if shape.has_chart:
            chart = shape.chart
            plot = chart.plots[0]
            table = tables[chart.chart_title.text_frame.text]
            assert {label: int(value) for label, value in zip(plot.categories, plot.series[0].values)} == table


def _chart_descriptions(doc) -> list[str]:
    return [d.get("descr") for d in doc.element.body.iter(qn("wp:docPr"))]


@pytest.mark.parametrize("review", REVIEWS, ids=lambda r: r.abbreviation)
def test_chart_has_alt_text_stating_its_data(briefings, review):
    _, doc = briefings[review.name]
    (descr,) = _chart_descriptions(doc)
    counted = [t for t in review.theme_list if t.count is not None]
    if counted:
        expected = [f"{t.name} {t.count}" for t in counted]
    else:
        expected = [f"{band} {n}" for band, n in review.demographics.age.items()]
    assert all(item in descr for item in expected), descr


@pytest.mark.parametrize("review", REVIEWS, ids=lambda r: r.abbreviation)
def test_accessible_properties(briefings, review):
    _, doc = briefings[review.name]
    assert doc.core_properties.title == review.briefing.title
    assert doc.core_properties.language == "en-GB"
    lang = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"
    normal = doc.styles["Normal"]
    assert normal.font.name == "Calibri" and normal.font.size.pt >= 10
    footer = doc.sections[0].footer.part.element
    assert footer.xpath("string(./w:p[1])") == "Published 12 May 2022 · Page 1 of 1"
    assert [f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple"))] == [" PAGE ", " NUMPAGES "]
    assert doc.sections[0].header.paragraphs[0].text == f"{MODEL.event.partnership} · Seven-minute briefing"
    assert abs(doc.sections[0].page_width.cm - 21.0) < 0.01 and abs(doc.sections[0].page_height.cm - 29.7) < 0.01
    links = [rel.target_ref for rel in doc.part.rels.values() if rel.reltype == RT.HYPERLINK]
    assert links and all(link.startswith("https://") for link in links)


@pytest.mark.parametrize("review", REVIEWS, ids=lambda r: r.abbreviation)
def test_readable_in_seven_minutes(briefings, review):
    _, doc = briefings[review.name]
    assert len(re.findall(r"\S+", _text(doc))) <= 1400


@needs_libreoffice
def test_each_default_briefing_is_one_page_in_libreoffice(briefing_paths, tmp_path):
    for path in briefing_paths:
        rendered = read_pages(render(path, tmp_path))
        assert len(rendered) == 1, path.name
        words = " ".join(w.text for page in rendered for w in page.words)
        assert "Background" in words and "What to do" in words.replace("\n", " ")


def test_a_long_briefing_is_warned_about_with_the_excess():
    from generator.briefing.plan import plan_briefing
    from generator.briefing.word_builder import WordBriefingBuilder
    from generator.figures import review_figures
    from generator.look import Look

    event = load_event(DEFAULT_DATA).event
    review = event.review_types["adults"]
    review.briefing.sections[0].paragraphs = ["word " * 1500]
    builder = WordBriefingBuilder(Look(event.theme))
    rendered = builder.render(plan_briefing(event, review_figures("adults", review)))
    words = int(rendered.summary.split(", ")[1].split()[0])
    assert words > 1500
    assert rendered.warnings == [f"the Safeguarding Adult Reviews briefing has {words} words, {words - 1400} more "
                                 "than the 1400 readable in seven minutes",
                                 "the Safeguarding Adult Reviews briefing needs about 3 pages; a seven-minute briefing "
                                 "fits on two at most: shorten its longest parts (1. 'Background')"]


def test_pdf_without_libreoffice_says_so_and_builds_the_rest(run_cli, tmp_path, monkeypatch):
    import generator.output.pdf as pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    status, out, err = run_cli(["build", DEFAULT_DATA, "--out", tmp_path, "--pdf"], tmp_path)
    assert status == 0
    assert "warning: LibreOffice is not installed, so no PDFs were written" in err
    assert not list(tmp_path.rglob("*.pdf"))
    assert len(list(tmp_path.rglob("*.docx"))) == 3


@needs_libreoffice
def test_pdf_option_writes_a_pdf_beside_every_office_output(run_cli, tmp_path):
    status, out, _ = run_cli(["build", DEFAULT_DATA, "--out", tmp_path, "--pdf"], tmp_path)
    assert status == 0
    assert sorted(p.stem for p in tmp_path.rglob("*.pdf")) == sorted(
        p.stem for p in [*tmp_path.rglob("*.pptx"), *tmp_path.rglob("*.docx")])


def test_the_seven_parts_flow_in_two_columns_below_the_title(briefings):
    _, children = briefings["Children Reviews"]
    assert children.element.body.xpath("./w:p/w:pPr/w:sectPr/w:cols/@w:num") == ["1"]
    assert children.element.body.xpath("./w:sectPr/w:cols/@w:num") == ["2"]
    first_section_end = children.element.body.xpath("./w:p[w:pPr/w:sectPr]")[0]
    assert first_section_end.xpath("string(.)") == f"{MODEL.event.title} · {MODEL.event.long_date}"


def _chart_xml(path):
    """Return each chart part of a .docx (parsed) with its embedded workbook's bytes."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        charts = sorted(n for n in names if n.startswith("word/charts/chart"))
        return [(etree.fromstring(package.read(n)), package.read(
            next(e for e in names if e.startswith("word/embeddings/")))) for n in charts]


@pytest.mark.parametrize("review", REVIEWS, ids=lambda r: r.abbreviation)
def test_chart_is_an_editable_word_chart_of_the_same_numbers(briefings, review):
    import io
    import zipfile

    path, doc = briefings[review.name]
    ((chart, workbook),) = _chart_xml(path)
    namespaces = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    labels = chart.xpath(".//c:cat//c:pt/c:v/text()", namespaces=namespaces)
    values = [int(float(v)) for v in chart.xpath(".//c:val//c:pt/c:v/text()", namespaces=namespaces)]
    counted = [t for t in review.theme_list if t.count is not None]
    if counted:
        assert chart.xpath(".//c:barDir/@val", namespaces=namespaces) == ["bar"]
        expected = {t.name: t.count for t in counted}
    else:
        expected = review.demographics.age
    assert dict(zip(labels, values)) == expected
    sizes = [int(s) for s in chart.xpath(".//a:defRPr/@sz", namespaces={"a": "http://schemas.openxmlformats.org/drawingml/2006/main"})]
    assert sizes and min(sizes) >= 900  # legible in print
    # The data sits in a real workbook beside the chart, so Word's "Edit Data" works.
    with zipfile.ZipFile(io.BytesIO(workbook)) as sheet:
        cells = sheet.read("xl/worksheets/sheet1.xml").decode() + sheet.read("xl/sharedStrings.xml").decode()
    assert all(label.replace("&", "&amp;") in cells for label in labels)


def test_a_templates_own_header_is_kept_and_the_footer_is_ours(run_cli, tmp_path):
    word_template_with_header_and_footer(tmp_path / "ours.docx", "OUR OWN HEADER", "OUR OWN FOOTER")
    assert run_cli(["build", DEFAULT_DATA, "--out", "out", "--docx-template", "ours.docx"], tmp_path)[0] == 0
    path = next((tmp_path / "out" / "briefings").glob("*-cspr.docx"))
    doc = Document(str(path))
    assert len(doc.sections) == 2
    assert {s.header.paragraphs[0].text for s in doc.sections} == {"OUR OWN HEADER"}
    assert {s.footer.part.element.xpath("string(./w:p[1])") for s in doc.sections} == {
        "Published 12 May 2022 · Page 1 of 1"}


def test_an_email_address_is_never_broken_at_its_hyphen(tmp_path):
    from generator.build import BuildOptions, build_event
    from generator.briefing.plan import plan_briefings

    event = load_event(DEFAULT_DATA).event
    event.briefing.contact = "safeguarding-team@tees.example.gov.uk"
    assert "safeguarding-team" in plan_briefings(event)[0].names
    data = tmp_path / "event.yaml"
    data.write_text(DEFAULT_DATA.read_text(encoding="utf-8") + "\nbriefing:\n  contact: safeguarding-team@tees.example"
                    ".gov.uk\n", encoding="utf-8")
    build_event(data, BuildOptions(out_dir=tmp_path / "out"))
    doc = Document(str(next((tmp_path / "out" / "briefings").glob("*-cspr.docx"))))
    footer = doc.sections[0].footer.part.element
    runs = [run for run in footer.iter(qn("w:r")) if "safeguarding" in "".join(run.itertext())]
    assert runs and any(run.find(qn("w:noBreakHyphen")) is not None for run in runs)
