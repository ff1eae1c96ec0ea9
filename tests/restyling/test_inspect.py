"""`check-template` says what the build would drop from a template, and why a template cannot be used at all."""

from __future__ import annotations

import os

import pytest

from generator.restyling.inspect import inspect_template
from tests.conftest import (DEFAULT_DATA, RENAMED_BULLETS, renamed_deck_template,
                            word_template_with_renamed_styles)
from tests.templates.hostile import (BUILT_IN_DECK_DROPS, LAYOUT, MASTER, MASTER_RELS, PAYLOAD_TEMPLATE, Package, changed,
                                     hostile, powerpoint_base, without_relationship)


def test_what_a_hostile_powerpoint_template_loses_is_listed_and_it_stays_usable(tmp_path):
    (tmp_path / "brand.potx").write_bytes(hostile("pptx"))
    report = inspect_template(tmp_path / "brand.potx")
    assert report.unusable == []
    assert report.facts == ["PowerPoint template with 11 layouts; heading font Calibri, body font Calibri"]
    for line in ("ppt/evil.bin (a macro project)",
                 "ppt/vbaProject.bin (a macro project)",
                 f"external link javascript:alert(document.cookie) on {MASTER}",
                 "external link file:///C:/Windows/System32/calc.exe on ppt/slideLayouts/slideLayout1.xml",
                 "external link http://tracker.example/pixel.png on ppt/slideLayouts/slideLayout1.xml",
                 "click action ppaction://program on ppt/slideLayouts/slideLayout2.xml",
                 "click action ppaction://macro?name=AutoOpen on ppt/slideLayouts/slideLayout3.xml",
                 "ppt/activeX/activeX1.xml (an ActiveX control)",
                 "ppt/embeddings/oleObject1.bin (an embedded OLE object)",
                 "customXml/item1.xml (custom XML data)",
                 "ppt/commentAuthors.xml (comments)",
                 "ppt/slides/slide1.xml (a sample slide)",
                 f"broken link to missing part ppt/media/missing.png (picture) on {MASTER}",
                 "ppt/printerSettings/printerSettings1.bin (printer settings)",
                 f"ppt/media/image9.png (a picture on {LAYOUT}, dropped: its bytes are not PNG picture data)",
                 f"ppt/media/program.jpeg (a picture on {LAYOUT}, dropped: its bytes are not JPEG picture data)",
                 f"ppt/media/junk.wmf (a picture on {LAYOUT}, dropped: its bytes are not WMF picture data)",
                 "ppt/fonts/font1.fntdata (an embedded font; the build never takes fonts from a template)",
                 "docProps/core.xml (the template's document properties; the build sets its own)"):
        assert line in report.dropped


def test_what_a_hostile_word_template_loses_is_listed_and_it_stays_usable(tmp_path):
    (tmp_path / "brand.dotx").write_bytes(hostile("docx"))
    report = inspect_template(tmp_path / "brand.dotx")
    assert report.unusable == []
    for line in (f"attached template {PAYLOAD_TEMPLATE}",
                 "mail merge settings (a data source outside the template) on word/settings.xml",
                 "external link file:///C:/Users/Public/data.xlsx on word/settings.xml",
                 'field DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe" on word/header1.xml',
                 'field INCLUDEPICTURE "http://tracker.example/pixel.png" \\d on word/header1.xml',
                 "external link javascript:alert(1) on word/header1.xml",
                 "word/evil.bin (a macro project)",
                 "word/vbaData.xml (a macro project)",
                 "word/customizations.xml (macro key settings)",
                 "word/embeddings/oleObject1.bin (an embedded OLE object)",
                 "word/afchunk.mht (an imported file)",
                 "word/glossary/document.xml (building blocks)",
                 "word/comments.xml (comments)",
                 'field HYPERLINK "file:///C:/Users/secret.docx" on word/header1.xml',
                 'field HYPERLINK "javascript:alert(2)" on word/header1.xml',
                 'field HYPERLINK "http://evil.example/simple" on word/header1.xml',
                 "document variables (the template's own data) on word/settings.xml",
                 "word/media/page.png (a picture on word/header1.xml, dropped: its bytes are not PNG picture data)",
                 "word/media/junk.emf (a picture on word/header1.xml, dropped: its bytes are not EMF picture data)",
                 "docProps/app.xml (the template's application properties; the build sets its own)"):
        assert line in report.dropped


def test_the_built_in_template_loses_only_its_properties_thumbnail_and_printer_settings(tmp_path):
    (tmp_path / "deck.pptx").write_bytes(powerpoint_base())
    report = inspect_template(tmp_path / "deck.pptx")
    assert (report.unusable, report.dropped) == ([], BUILT_IN_DECK_DROPS)


def test_an_unusable_template_gives_its_located_reason(tmp_path):
    (tmp_path / "thin.potx").write_bytes(changed(without_relationship(MASTER_RELS, "/slideLayout")))
    report = inspect_template(tmp_path / "thin.potx")
    assert report.unusable == [f"part {MASTER}: the slide master has no layouts; add at least one layout in "
                               "PowerPoint's Slide Master view"]


def test_check_template_calls_a_hostile_template_usable_and_a_broken_one_not(run_cli, tmp_path):
    (tmp_path / "brand.potx").write_bytes(hostile("pptx"))
    package = Package(powerpoint_base())
    del package.members["ppt/theme/theme1.xml"]
    (tmp_path / "broken.potx").write_bytes(package.save())
    status, out, _ = run_cli(["check-template", "brand.potx"], tmp_path)
    assert (status, out.splitlines()[-1]) == (0, "0 gaps found; the build can use every template.")
    status, out, _ = run_cli(["check-template", "broken.potx"], tmp_path)
    assert status == 2
    assert out.splitlines()[:2] == ["broken.potx: cannot be opened",
                                    f"  cannot be used: part {MASTER}: names ppt/theme/theme1.xml as its theme, but "
                                    "the package has no such part; open it in PowerPoint and save it again"]


def test_a_folder_or_a_pipe_given_as_a_template_is_a_located_error(run_cli, tmp_path):
    (tmp_path / "folder.potx").mkdir()
    os.mkfifo(tmp_path / "pipe.dotx")
    status, _, err = run_cli(["build", DEFAULT_DATA, "--pptx-template", "folder.potx", "--out", "out"], tmp_path)
    assert (status, err.splitlines()[0]) == (2, "error: folder.potx: is a folder, not a template file; give the "
                                                "template file inside it")
    status, _, err = run_cli(["build", DEFAULT_DATA, "--docx-template", "pipe.dotx", "--out", "out"], tmp_path)
    assert (status, err.splitlines()[0]) == (2, "error: pipe.dotx: is not a file saved by an office program (it is "
                                                "a pipe, socket or device); give a template file")
    assert not (tmp_path / "out").exists()


def test_check_template_proposes_the_layouts_mapping_from_a_renamed_template_s_own_layouts(tmp_path):
    renamed_deck_template(tmp_path / "brand.pptx")
    report = inspect_template(tmp_path / "brand.pptx")
    assert report.unusable == []
    assert ('proposed for the data file, from the template\'s own layouts: theme: {layouts: {title: "Brand Title '
            'Slide", closing: "Brand Title Slide", section: "Brand Section Header", content: "Brand Title and Content", '
            'figures: "Brand Title Only", charts: "Brand Title Only", themes: "Brand Title and Content"}}') in report.facts
    assert ("section slides: the template has no layout named 'Section Header' for section slides, so they are drawn "
            "on 'Brand Section Header', which suits them by its type and placeholders; to choose, set "
            "theme.layouts.section to one of the template's layout names") in report.gaps


def test_a_renamed_template_s_fallbacks_are_build_warnings_and_the_build_draws_what_check_template_said(
        tmp_path, run_cli):
    from pptx import Presentation

    renamed_deck_template(tmp_path / "brand.pptx")
    status, _, err = run_cli(["build", DEFAULT_DATA, "--out", tmp_path / "out", "--pptx-template",
                              tmp_path / "brand.pptx"], tmp_path)
    assert status == 0
    assert "so they are drawn on 'Brand Section Header'" in err and "theme.layouts.section" in err
    deck = Presentation(str(next((tmp_path / "out" / "decks").glob("*.pptx"))))
    used = {slide.shapes.title.text: slide.slide_layout.name for slide in deck.slides}
    assert used["Main Themes"] == "Brand Section Header"
    assert used["Thank you"] == "Brand Title Slide"


USED_WHEN_RENAMED = ("styles used: body 'Normal', title 'Title', subtitle 'Subtitle', heading 'Section heading' "
                     "(outline level 1), bullet 'Bullets' (draws its own bullets), footer 'Footer'")


@pytest.mark.parametrize("link", ["numPr", "numStyleLink"])
def test_check_template_names_the_renamed_styles_it_uses_and_that_they_draw_their_own_bullets(tmp_path, link):
    report = inspect_template(word_template_with_renamed_styles(tmp_path / "brand.dotx", link))
    assert report.unusable == []
    assert report.facts[1] == USED_WHEN_RENAMED
    assert report.gaps == ["heading text: no paragraph style named 'Heading 1'; uses 'Section heading', the first "
                           "paragraph style at outline level 1",
                           "bullet text: no paragraph style named 'List Bullet'; uses 'Bullets', the first paragraph "
                           "style that draws bullets"]


def test_check_template_says_a_bullet_is_typed_where_the_style_draws_none(tmp_path):
    # Only a numbering level names the style (w:pStyle), with no w:numPr of its own: Word's rules give it no bullet.
    template = word_template_with_renamed_styles(tmp_path / "brand.dotx", "pStyle only")
    report = inspect_template(template, style_names={"bullet": RENAMED_BULLETS})
    assert "bullet 'Bullets' (draws no bullets; a '•' is typed before each item)" in report.facts[1]
    assert report.gaps[-1] == "bullet text: style 'Bullets' draws no bullets; a '•' is typed before each item"


def test_check_template_says_each_part_heading_is_set_at_level_one_when_the_style_is_not(tmp_path):
    template = word_template_with_renamed_styles(tmp_path / "brand.dotx", "numPr")
    report = inspect_template(template, style_names={"heading": "Heading 2"})
    assert report.gaps[0] == ("heading text: style 'Heading 2' is not at outline level 1; each part heading is set at "
                              "level 1, so the navigation pane and the PDF's tags list the parts")
