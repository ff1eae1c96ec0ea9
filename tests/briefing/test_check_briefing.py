"""`check` on a Word briefing: text colours against their background, and a near-empty last page."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn
from docx.shared import RGBColor

from generator.briefing.contrast import replace_illegible_style_colours
from generator.checks.briefing import colour_problems
from generator.checks.report import check_files
from tests.conftest import needs_libreoffice


def test_the_default_briefings_have_no_colour_problems(briefing_paths):
    for path in briefing_paths:
        assert colour_problems(Document(str(path))) == [], path.name


def test_white_on_white_is_flagged_once_per_colour(briefing_paths, tmp_path):
    doc = Document(str(briefing_paths[0]))
    for name in ("Normal", "Heading 1", "Title"):
        doc.styles[name].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    path = tmp_path / "white.docx"
    doc.save(str(path))
    problems = colour_problems(Document(str(path)))
    (white,) = [p for p in problems if p.startswith("text in #FFFFFF")]
    assert white.startswith("text in #FFFFFF on #FFFFFF reads at only 1.0:1 (at least 4.5:1 is needed), in ")
    assert white.endswith(f"places, first '{doc.paragraphs[0].text[:39]}…'")
    (report,) = check_files([path], render=False)
    assert white in report.problems


def test_a_pale_run_on_a_dark_cell_shading_is_read_against_the_shading(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = Document()
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    (cell_properties,) = doc.element.body.iter(qn("w:tcPr"))
    cell_properties.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="1B1B1B"/>'))
    run = cell.paragraphs[0].add_run("Light on dark")
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    doc.add_paragraph("Dark on white")
    assert colour_problems(doc) == []
    run.font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    assert colour_problems(doc) == ["text in #333333 on #1B1B1B reads at only 1.4:1 (at least 4.5:1 is needed), in "
                                    "1 place, first 'Light on dark'"]


def test_a_template_style_colour_that_would_not_read_is_replaced_in_the_briefing_and_said_so():
    doc = Document()  # python-docx's template: its Subtitle is #4F81BD (accent 1), 4.0:1 on white
    doc.add_paragraph("Learning from Reviews", style="Subtitle")
    doc.add_paragraph("Background", style="Heading 1")  # #365F91, 6.4:1: kept
    heading_id = doc.styles["Heading 1"].style_id
    replaced = replace_illegible_style_colours(doc, "1A1A1A", "1F4E79", {heading_id})
    assert replaced == ["style 'Subtitle' colours its text #4F81BD, which reads at only 4.0:1 on #FFFFFF (at least "
                        "4.5:1 is needed), so the briefing prints it in #1A1A1A"]
    assert doc.styles["Subtitle"].font.color.rgb == RGBColor.from_string("1A1A1A")
    assert doc.styles["Subtitle"].font.color.theme_color is None  # Word would draw the theme's accent otherwise
    assert doc.styles["Heading 1"].font.color.rgb == RGBColor.from_string("365F91")
    assert colour_problems(doc) == []


def _page_and_a_line(path) -> None:
    """Save a briefing whose second page holds one stray line."""
    doc = Document()
    doc.core_properties.title = "A long briefing"
    doc.add_heading("Background", level=1)
    for number in range(1, 15):
        doc.add_paragraph(f"Line {number} of the briefing.")
    doc.add_page_break()
    doc.add_paragraph("One stray line.")
    doc.save(str(path))


@needs_libreoffice
def test_a_near_empty_last_page_is_flagged(tmp_path):
    path = tmp_path / "stray.docx"
    _page_and_a_line(path)
    (report,) = check_files([path])
    pages = int(next(f for f in report.facts if f.endswith("in LibreOffice")).split()[0])
    assert pages == 2, report.facts
    (near_empty,) = [p for p in report.problems if "nearly empty" in p]
    assert near_empty == "the last page (page 2) is nearly empty: 1 line of text"


@needs_libreoffice
def test_a_team_record_page_is_not_near_empty(run_cli, tmp_path):
    from tests.conftest import DEFAULT_DATA

    data = tmp_path / "record.yaml"
    data.write_text(DEFAULT_DATA.read_text(encoding="utf-8") + "briefing:\n  action_plan: true\n", encoding="utf-8")
    assert run_cli(["build", data, "--out", tmp_path / "out"], tmp_path)[0] == 0
    path = next((tmp_path / "out" / "briefings").glob("*-sar.docx"))
    (report,) = check_files([path])
    assert "2 pages in LibreOffice" in report.facts
    assert report.problems == []
