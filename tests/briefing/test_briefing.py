"""The seven-minute briefings reopened with python-docx, and rendered by LibreOffice."""

from __future__ import annotations

import re

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from pptx import Presentation

from generator.data_source import load_event
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


@pytest.mark.parametrize("name", list(SEEDS))
def test_figures_and_themes_match_the_seed(briefings, name):
    _, doc = briefings[name]
    seed = SEEDS[name]
    text = _text(doc)
    assert f"{seed.count} {name}: " + ", ".join(f"{v} {k}" for k, v in seed.areas.items()) + "." in text
    for label, value in [*seed.ethnicity.items(), *seed.age.items()]:
        assert f"{label} {value}" in text
    if seed.starred:
        assert f"where known: {sum(seed.age.values())} of {seed.count}" in text
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert all(theme in bullets for theme in seed_themes()[name])


@pytest.mark.parametrize("name", list(SEEDS))
def test_numbers_match_the_deck(briefings, deck_path, name):
    _, doc = briefings[name]
    prs = Presentation(str(deck_path))
    slide = next(s for s in prs.slides if s.shapes.title.text == f"Setting the Scene: {name}")
    text = _text(doc)
    for shape in slide.shapes:
        if shape.has_chart:
            plot = shape.chart.plots[0]
            for label, value in zip(plot.categories, plot.series[0].values):
                count = int(value)
                assert f"{count} {label}" in text or f"{label} {count}" in text, (label, count)


@pytest.mark.parametrize("review", REVIEWS, ids=lambda r: r.abbreviation)
def test_chart_has_alt_text_stating_its_data(briefings, review):
    _, doc = briefings[review.name]
    assert len(doc.inline_shapes) == 1
    descr = doc.inline_shapes[0]._inline.docPr.get("descr")
    if review.themes_have_counts:
        expected = [f"{t.name} {t.count}" for t in review.theme_list]
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
    assert normal.font.name == "Calibri" and normal.font.size.pt >= 11
    footer = doc.sections[0].footer.paragraphs[0].text
    assert MODEL.event.partnership in footer and MODEL.event.long_date in footer
    assert abs(doc.sections[0].page_width.cm - 21.0) < 0.01 and abs(doc.sections[0].page_height.cm - 29.7) < 0.01
    links = [rel.target_ref for rel in doc.part.rels.values() if rel.reltype == RT.HYPERLINK]
    assert links and all(link.startswith("https://") for link in links)


@pytest.mark.parametrize("review", REVIEWS, ids=lambda r: r.abbreviation)
def test_readable_in_seven_minutes(briefings, review):
    _, doc = briefings[review.name]
    assert len(re.findall(r"\S+", _text(doc))) <= 1400


@needs_libreoffice
def test_each_briefing_is_at_most_two_pages_in_libreoffice(briefing_paths, tmp_path):
    for path in briefing_paths:
        rendered = read_pages(render(path, tmp_path))
        assert 1 <= len(rendered) <= 2, path.name
        words = " ".join(w.text for page in rendered for w in page.words)
        assert "Background" in words and "What to do" in words.replace("\n", " ")


def test_a_long_briefing_is_warned_about_with_the_excess(tmp_path):
    from generator.briefing import BriefingBuilder
    from generator.templates import BUILTIN_DECK_TEMPLATE

    event = load_event(DEFAULT_DATA).event
    review = event.review_types["adults"]
    review.briefing.sections[0].paragraphs = ["word " * 1500]
    event.review_types = {"adults": review}
    (target,) = BriefingBuilder(BUILTIN_DECK_TEMPLATE.read_bytes()).targets(event, tmp_path)
    rendered = target.render()
    summary, warnings = rendered.summary, rendered.warnings
    words = int(summary.split(", ")[1].split()[0])
    assert words > 1500
    assert warnings == [f"the Safeguarding Adult Reviews briefing has {words} words, {words - 1400} more than the "
                        "1400 readable in seven minutes"]


def test_pdf_without_libreoffice_says_so_and_builds_the_rest(run_cli, tmp_path, monkeypatch):
    import generator.output.pdf as pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    status, out, err = run_cli(["build", DEFAULT_DATA, "--out", tmp_path, "--pdf"], tmp_path)
    assert status == 0
    assert err == ("warning: LibreOffice is not installed, so no PDFs were written; install it (Debian/Ubuntu: "
                   "apt-get install libreoffice-impress libreoffice-writer) and build again\n")
    assert len(out.splitlines()) == 4 and not list(tmp_path.rglob("*.pdf"))


@needs_libreoffice
def test_pdf_option_writes_a_pdf_beside_every_output(run_cli, tmp_path):
    status, out, _ = run_cli(["build", DEFAULT_DATA, "--out", tmp_path, "--pdf"], tmp_path)
    assert status == 0
    assert sorted(p.stem for p in tmp_path.rglob("*.pdf")) == sorted(
        p.stem for p in [*tmp_path.rglob("*.pptx"), *tmp_path.rglob("*.docx")])
    assert sum(line.endswith("page)") or line.endswith("pages)") for line in out.splitlines()) == 4


def test_long_theme_lists_sit_in_two_columns(briefings):
    _, children = briefings["Children Reviews"]
    assert children.element.body.xpath("./w:p/w:pPr/w:sectPr/w:cols/@w:num") == ["1", "2"]
    last_in_columns = children.element.body.xpath("./w:p[w:pPr/w:sectPr/w:cols/@w:num='2']")[0]
    assert last_in_columns.xpath("string(.)").endswith(seed_themes()["Children Reviews"][-1])
    _, homicide = briefings["Domestic Homicide Reviews"]  # five themes: one column
    assert homicide.element.body.xpath("./w:p/w:pPr/w:sectPr") == []


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
    if review.themes_have_counts:
        assert chart.xpath(".//c:barDir/@val", namespaces=namespaces) == ["bar"]
        expected = {t.name: t.count for t in review.theme_list[:len(labels)]}
    else:
        expected = review.demographics.age
    assert dict(zip(labels, values)) == expected
    # The data sits in a real workbook beside the chart, so Word's "Edit Data" works.
    with zipfile.ZipFile(io.BytesIO(workbook)) as sheet:
        cells = sheet.read("xl/worksheets/sheet1.xml").decode()
    assert all(label.replace("&", "&amp;") in cells for label in labels)
    assert not [shape for shape in doc.inline_shapes if shape._inline.xpath(".//pic:pic")]


def test_briefing_chart_picture_draws_a_png_instead(tmp_path):
    from generator.briefing import BriefingBuilder
    from generator.templates import BUILTIN_DECK_TEMPLATE

    event = load_event(DEFAULT_DATA).event
    event.theme.briefing_chart = "picture"
    event.review_types = {"adults": event.review_types["adults"]}
    (target,) = BriefingBuilder(BUILTIN_DECK_TEMPLATE.read_bytes()).targets(event, tmp_path)
    data = target.render().data
    path = tmp_path / "picture.docx"
    path.write_bytes(data)
    doc = Document(str(path))
    (shape,) = doc.inline_shapes
    assert shape._inline.xpath(".//pic:pic") and not _chart_xml(path)
    blob = doc.part.related_parts[shape._inline.xpath(".//a:blip/@r:embed")[0]].blob
    assert blob.startswith(b"\x89PNG")
    assert "Homelessness/Housing Issues 6" in shape._inline.docPr.get("descr")


@pytest.mark.parametrize("text", ["plain", " leading and trailing ", "tab\there", "two\nlines\r", "", "<&>"])
def test_paragraphs_are_written_as_python_docx_writes_them(text):
    from generator.briefing.blank import blank_document
    from generator.briefing.document import BriefingDocument
    from generator.templates import BUILTIN_DECK_TEMPLATE
    from generator.branding import palette, template_fonts

    event = load_event(DEFAULT_DATA).event
    template = BUILTIN_DECK_TEMPLATE.read_bytes()
    blank = blank_document(None, None, palette(template, event.theme), template_fonts(template), "en-GB", {})
    document = BriefingDocument(event, REVIEWS[0], blank, "Calibri")
    ours = document._para(text, "body")
    theirs = document.doc.add_paragraph(text)
    theirs._p.style = blank.style_ids["body"]
    assert ours._p.xml == theirs._p.xml
    assert document.doc.paragraphs[-2].text == document.doc.paragraphs[-1].text


def test_a_templates_own_header_is_on_every_section_and_the_footer_is_ours(run_cli, tmp_path):
    word_template_with_header_and_footer(tmp_path / "ours.docx", "OUR OWN HEADER", "OUR OWN FOOTER")
    assert run_cli(["build", DEFAULT_DATA, "--out", "out", "--docx-template", "ours.docx"], tmp_path)[0] == 0
    path = next((tmp_path / "out" / "briefings").glob("*-cspr.docx"))  # ten themes: two-column sections
    doc = Document(str(path))
    assert len(doc.sections) == 3
    assert {s.header.paragraphs[0].text for s in doc.sections} == {"OUR OWN HEADER"}
    assert {s.footer.paragraphs[0].text for s in doc.sections} == {
        f"{MODEL.event.partnership} · {MODEL.review_types['children'].full_name} seven-minute briefing · "
        f"{MODEL.event.long_date}"}
    assert all(not s.header.is_linked_to_previous and not s.footer.is_linked_to_previous for s in doc.sections)
