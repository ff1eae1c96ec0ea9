"""Restyling: the comms team's own templates (.potx/.dotx), the data's theme, logo, and check-template."""

from __future__ import annotations

import io

import pytest
import yaml
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import RGBColor
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from generator.branding import scheme_colours, theme_fonts
from generator.checks.rendered import words_outside_shapes
from generator.cli import main
from generator.templates.opening import as_template
from tests.conftest import DEFAULT_DATA, line_of, needs_libreoffice
from tests.render import read_pages, render

BRAND_LAYOUTS = {"Title Slide": "Brand Cover", "Title and Content": "Brand Text", "Section Header": "Brand Divider",
                 "Title Only": "Brand Title"}
BRAND_ACCENT = "8B1E3F"
BRAND_FONT = "DejaVu Sans"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _save(obj) -> bytes:
    buffer = io.BytesIO()
    obj.save(buffer)
    return buffer.getvalue()


def _brand_potx() -> bytes:
    prs = Presentation()
    for layout in prs.slide_layouts:
        layout.name = BRAND_LAYOUTS.get(layout.name, layout.name)
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    accent = root.find(f".//{{{A}}}accent1")
    accent[0].set("val", BRAND_ACCENT)
    for kind in ("majorFont", "minorFont"):
        root.find(f".//{{{A}}}{kind}/{{{A}}}latin").set("typeface", BRAND_FONT)
    theme.blob = etree.tostring(root)
    sample = prs.slides.add_slide(prs.slide_layouts[0])
    sample.shapes.title.text = "SAMPLE SLIDE"
    return as_template(_save(prs), "pptx")


def _brand_dotx() -> bytes:
    doc = Document()
    doc.add_paragraph("SAMPLE CONTENT")
    heading = doc.styles.add_style("Brand Heading", WD_STYLE_TYPE.PARAGRAPH)
    heading.font.color.rgb = RGBColor.from_string(BRAND_ACCENT)
    heading.font.bold = True
    doc.styles["Normal"].font.name = BRAND_FONT
    return as_template(_save(doc), "docx")


@pytest.fixture(scope="module")
def branded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("branded")
    (folder / "brand.potx").write_bytes(_brand_potx())
    (folder / "brand.dotx").write_bytes(_brand_dotx())
    Image.new("RGB", (300, 120), "#8B1E3F").save(folder / "logo.png")
    data = yaml.safe_load(DEFAULT_DATA.read_text(encoding="utf-8"))
    data["theme"] = {"pptx_template": "brand.potx", "docx_template": "brand.dotx", "logo": "logo.png",
                     "logo_alt_text": "Logo of the Tees partnerships",
                     "layouts": {"title": "Brand Cover", "content": "Brand Text", "section": "Brand Divider",
                                 "charts": "Brand Title", "figures": "Brand Title", "themes": "Brand Title",
                                 "closing": "Brand Cover"},
                     "styles": {"heading": "Brand Heading"}}
    source = folder / "branded.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["build", str(source), "--out", str(folder)]) == 0
    deck = next((folder / "decks").glob("*.pptx"))
    return folder, deck, sorted((folder / "briefings").glob("*.docx"))


def test_deck_uses_the_templates_master_layouts_fonts_and_colours(branded, deck_path):
    _, deck, _ = branded
    prs = Presentation(str(deck))
    default_titles = [slide.shapes.title.text for slide in Presentation(str(deck_path)).slides]
    assert [slide.shapes.title.text for slide in prs.slides] == default_titles
    used = {slide.slide_layout.name for slide in prs.slides}
    assert used <= set(BRAND_LAYOUTS.values())
    by_title = {slide.shapes.title.text: slide.slide_layout.name for slide in prs.slides}
    assert by_title["Main Themes: Children Reviews"] == "Brand Title"  # the data's layout for themes slides
    assert by_title["Aims and Objectives"] == "Brand Text"
    assert "SAMPLE SLIDE" not in [slide.shapes.title.text for slide in prs.slides]
    assert theme_fonts(prs) == (BRAND_FONT, BRAND_FONT)
    theme = prs.slide_master.part.part_related_by(RT.THEME).blob
    assert scheme_colours(theme)["accent1"] == BRAND_ACCENT
    assert prs.slide_width == Presentation().slide_width  # the template's own 4:3 master


def test_logo_on_the_title_slide_with_alt_text(branded):
    _, deck, _ = branded
    first = Presentation(str(deck)).slides[0]
    logos = [shape for shape in first.shapes if shape.name == "Logo"]
    assert len(logos) == 1
    assert logos[0].element.xpath("./p:nvPicPr/p:cNvPr/@descr") == ["Logo of the Tees partnerships"]


def test_briefings_use_the_templates_styles_and_deck_colours(branded):
    _, _, briefings = branded
    for path in briefings:
        doc = Document(str(path))
        texts = [p.text for p in doc.paragraphs]
        assert "SAMPLE CONTENT" not in texts
        headings = [p for p in doc.paragraphs if p.style.name == "Brand Heading"]
        assert len(headings) == 7
        assert doc.styles["Normal"].font.name == BRAND_FONT


@needs_libreoffice
def test_branded_deck_renders_with_no_text_outside_its_frame(branded, tmp_path):
    _, deck, _ = branded
    prs = Presentation(str(deck))
    for slide, page in zip(prs.slides, read_pages(render(deck, tmp_path))):
        assert words_outside_shapes(slide, page) == [], slide.shapes.title.text


def test_check_template_lists_every_gap_at_once(run_cli, tmp_path):
    prs = Presentation()
    keep = {"Title Only", "Blank"}
    for layout in list(prs.slide_layouts):
        if layout.name not in keep:
            prs.slide_layouts.remove(layout)
    (tmp_path / "thin.pptx").write_bytes(_save(prs))
    status, out, _ = run_cli(["check-template", "thin.pptx"], tmp_path)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "thin.pptx: PowerPoint template with 2 layouts; heading font Calibri, body font Calibri"
    assert ("  missing: title slides: the template has no layout named 'Title Slide' for title slides, so they are "
            "drawn on 'Title Only', which is the template's first layout; to choose, set theme.layouts.title "
            "to one of the template's layout names") in lines
    assert ("  missing: section slides: the template has no layout named 'Section Header' for section slides, so "
            "they are drawn on 'Title Only', which suits them by its type and placeholders; to choose, set "
            "theme.layouts.section to one of the template's layout names") in lines
    assert ("  missing: content slides: layout 'Title Only' has no body placeholder; text goes in a text box"
            in lines)
    assert lines[-1].endswith("gaps found; the build can use every template.")
    assert int(lines[-1].split()[0]) == len([line for line in lines if line.startswith("  missing: ")]) >= 8


def test_check_template_reports_missing_word_styles(run_cli, tmp_path):
    doc = Document()
    for style in list(doc.styles):
        if style.name in ("Heading 1", "List Bullet"):
            style.element.getparent().remove(style.element)
    (tmp_path / "plain.dotx").write_bytes(as_template(_save(doc), "docx"))
    status, out, _ = run_cli(["check-template", "plain.dotx"], tmp_path)
    assert status == 0
    assert ("  missing: heading text: no paragraph style named 'Heading 1'; 'Heading 1' is created from a plain "
            "definition") in out.splitlines()
    # Another style that draws bullets stands in, rather than a plain one with a typed bullet.
    assert ("  missing: bullet text: no paragraph style named 'List Bullet'; uses 'List Bullet 2', the first "
            "paragraph style that draws bullets") in out.splitlines()
    status, _, _ = run_cli(["build", DEFAULT_DATA, "--docx-template", "plain.dotx", "--out", "out"], tmp_path)
    assert status == 0
    built = Document(str(next((tmp_path / "out" / "briefings").glob("*sar.docx"))))
    assert [p.text for p in built.paragraphs if p.style.name == "Heading 1"][0] == "1. Background"
    assert any(p.style.name == "List Bullet 2" for p in built.paragraphs)
    assert not any(p.text.startswith("• ") for p in built.paragraphs)


def test_macro_templates_are_refused(run_cli, tmp_path):
    (tmp_path / "brand.pptm").write_bytes(_save(Presentation()))
    status, _, err = run_cli(["build", DEFAULT_DATA, "--pptx-template", "brand.pptm", "--out", "out"], tmp_path)
    assert status == 2
    assert err.splitlines()[0] == ("error: brand.pptm: macro-enabled templates are refused; save it as .pptx or "
                                   ".potx without macros")
    assert not (tmp_path / "out").exists()


def test_template_that_cannot_serve_exits_2(run_cli, tmp_path):
    (tmp_path / "broken.potx").write_bytes(b"not a zip at all")
    status, out, _ = run_cli(["check-template", "broken.potx"], tmp_path)
    assert status == 2
    assert "  cannot be used: not a PowerPoint (.pptx or .potx) file (it may be damaged or in an old format)" in \
        out.splitlines()


def test_templates_export_round_trips(run_cli, tmp_path):
    status, out, _ = run_cli(["templates", "export", "kit"], tmp_path)
    assert status == 0
    names = sorted(p.name for p in (tmp_path / "kit").iterdir())
    assert names == ["learning-from-reviews-briefing.dotx", "learning-from-reviews-deck.potx", "theme-example.yaml"]
    status, out, _ = run_cli(["check-template", "kit/learning-from-reviews-deck.potx",
                              "kit/learning-from-reviews-briefing.dotx"], tmp_path)
    assert (status, out.splitlines()[-1]) == (0, "0 gaps found; the build can use every template.")
    theme = yaml.safe_load((tmp_path / "kit" / "theme-example.yaml").read_text())["theme"]
    assert theme["colours"]["accents"][0] == "1D5A8E"


def test_low_contrast_theme_is_named_in_a_warning(run_cli, tmp_path):
    text = DEFAULT_DATA.read_text(encoding="utf-8") + "\ntheme:\n  colours:\n    heading: \"AAAAAA\"\n"
    (tmp_path / "pale.yaml").write_text(text, encoding="utf-8")
    status, _, err = run_cli(["validate", "pale.yaml"], tmp_path)
    assert status == 0
    line = line_of(text, 'heading: "AAAAAA"')
    assert err == (f"warning: pale.yaml, line {line}, theme.colours.heading: heading #AAAAAA on background #FFFFFF "
                   "has contrast 2.3:1; text needs at least 4.5:1\n")


@pytest.mark.parametrize("setup, message", [
    ("outside", "'../logo.png' is outside the data file's folder; move it there, or build with --allow-outside"),
    ("fake", "'logo.png' is not a PNG or JPEG file"),
])
def test_logo_must_be_a_real_image_in_the_data_folder(run_cli, tmp_path, setup, message):
    folder = tmp_path / "event"
    folder.mkdir()
    if setup == "outside":
        Image.new("RGB", (10, 10)).save(tmp_path / "logo.png")
        logo = "../logo.png"
    else:
        (folder / "logo.png").write_text("<script>not an image</script>")
        logo = "logo.png"
    text = DEFAULT_DATA.read_text(encoding="utf-8") + f"\ntheme:\n  logo: {logo}\n"
    (folder / "event.yaml").write_text(text, encoding="utf-8")
    status, _, err = run_cli(["build", "event.yaml", "--out", "out"], folder)
    assert status == 2
    assert err.splitlines()[0] == f"error: event.yaml, line {line_of(text, '  logo:')}, theme.logo: {message}"


