"""`check` on PDFs: an untagged PDF, a tagged one, a near-empty last page, and a PDF older than its source."""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from PIL import Image
from pptx import Presentation

from generator.checks.pdf import PdfReport, check_pdf, source_beside
from generator.checks.report import check_files
from generator.output.pdf import SOFFICE_VARIABLE, find_soffice, make_pdfs
from tests.conftest import needs_libreoffice
from tests.output.test_pdf import launches, stub_soffice

NOT_TAGGED = ("not tagged, so screen readers get no headings, reading order or alt text (build it with --pdf, "
              "which writes tagged PDFs)")
# A PDF with one page, no title, no language and no tags, as another program might write it.
BARE_PDF = (b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
            b"2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
            b"3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\n"
            b"trailer <</Root 1 0 R/Size 4>>\n%%EOF\n")


def compressed_pdf(catalog: bytes) -> bytes:
    """Return a one-page PDF 1.5 whose catalog sits in a compressed object stream, as many PDF writers do."""
    header = b"2 0 "  # object 2 (the catalog) starts at 0 in the stream
    stream = zlib.compress(header + catalog)
    parts = [b"%PDF-1.5\n"]
    offsets = {}
    for number, body in ((1, b"<</Type/ObjStm/N 1/First %d/Filter/FlateDecode/Length %d>>\nstream\n"
                          % (len(header), len(stream)) + stream + b"\nendstream"),
                         (3, b"<</Type/Pages/Kids[4 0 R]/Count 1>>"),
                         (4, b"<</Type/Page/Parent 3 0 R/MediaBox[0 0 595 842]>>")):
        offsets[number] = sum(map(len, parts))
        parts.append(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref_at = sum(map(len, parts))
    # Cross-reference stream rows (type, offset or stream, generation or index): the free head, the object
    # stream, the catalog (first in that stream), the pages, the page, and this stream itself.
    rows = [(0, 0, 65535), (1, offsets[1], 0), (2, 1, 0), (1, offsets[3], 0), (1, offsets[4], 0), (1, xref_at, 0)]
    table = b"".join(struct.pack(">BIH", *row) for row in rows)
    parts.append(b"5 0 obj\n<</Type/XRef/Size 6/W[1 4 2]/Root 2 0 R/Length %d>>\nstream\n%s\nendstream\nendobj\n"
                 b"startxref\n%d\n%%%%EOF\n" % (len(table), table, xref_at))
    return b"".join(parts)


def briefing(path: Path, title: str, paragraphs: int, after_break: int = 0, picture_alt: str | None = None) -> Path:
    """Write a British English briefing with a header, ``paragraphs`` on page 1 and ``after_break`` lines on page 2,
    and a picture when ``picture_alt`` is given ('' for none)."""
    document = Document()
    document.core_properties.title = title
    for language in document.styles.element.xpath("./w:docDefaults//w:lang"):
        language.set(qn("w:val"), "en-GB")
    document.sections[0].header.paragraphs[0].text = "Tees Safeguarding Partnerships"
    document.add_heading(title, 1)
    for number in range(paragraphs):
        document.add_paragraph(f"Paragraph {number} of the briefing, a line of text.")
    if picture_alt is not None:
        png = io.BytesIO()
        Image.new("RGB", (40, 30), "red").save(png, format="PNG")
        document.add_picture(png)
        # python-docx has no alt-text setter; Word's Alt Text pane writes these attributes of wp:docPr.
        [properties] = document.element.xpath(".//wp:docPr")
        for name in ("title", "descr"):  # LibreOffice 7.4's Writer reads alt text only with a title
            if picture_alt:
                properties.set(name, picture_alt)
            else:
                properties.attrib.pop(name, None)
    if after_break:
        document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        for number in range(after_break):
            document.add_paragraph(f"Stray line {number}.")
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder of PDFs: plain.pdf (untagged) and, made by --pdf, tagged.pdf (a picture with alt text),
    near-empty.pdf, slides.pdf (a short last slide), changed.pdf (whose source has since grown a page) and
    no-alt.pdf (a picture without alt text)."""
    folder = tmp_path_factory.mktemp("pdfs")
    if find_soffice() is None:
        return folder
    plain = briefing(folder / "plain.docx", "Plain", 3)
    profile = (folder / "profile").as_uri()
    subprocess.run([str(find_soffice()), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(plain)], check=True, capture_output=True, timeout=300)
    deck = Presentation()
    for title in ("Slides", "Thank you"):
        deck.slides.add_slide(deck.slide_layouts[5]).shapes.title.text = title
    deck.core_properties.title = "Slides"
    deck.save(str(folder / "slides.pptx"))
    sources = [briefing(folder / "tagged.docx", "Tagged", 3, picture_alt="A red rectangle standing for a chart"),
               briefing(folder / "near-empty.docx", "Near", 3, 2), folder / "slides.pptx",
               briefing(folder / "changed.docx", "Changed", 3), briefing(folder / "no-alt.docx", "No alt", 3, 0, "")]
    outcome = make_pdfs(sources, record_dir=folder / ".learning-from-reviews")
    assert outcome.problem == ""
    briefing(folder / "changed.docx", "Changed", 3, 8)
    return folder


@needs_libreoffice
def test_an_untagged_pdf_is_flagged(pdfs: Path) -> None:
    report = check_pdf(pdfs / "plain.pdf")
    assert report.problems == [NOT_TAGGED]
    assert report.facts == ["not tagged", "title 'Plain'", "language en-GB", "1 page"]
    assert (report.tagged, report.title, report.language, report.pages) == (False, "Plain", "en-GB", 1)


@needs_libreoffice
def test_a_tagged_pdf_made_from_its_source_as_it_is_has_no_problems(pdfs: Path) -> None:
    report = check_pdf(pdfs / "tagged.pdf", source_beside(pdfs / "tagged.pdf"))
    assert report.problems == []
    assert report.facts == ["tagged", "title 'Tagged'", "language en-GB", "1 page",
                            "made by --pdf from tagged.docx as it is now"]


@needs_libreoffice
def test_the_record_vouches_for_a_pdf_without_starting_libreoffice(pdfs: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    stub, log = stub_soffice(tmp_path, "sys.exit(1)")
    monkeypatch.setenv(SOFFICE_VARIABLE, str(stub))
    report = check_pdf(pdfs / "tagged.pdf", pdfs / "tagged.docx")
    assert (report.problems, report.source_pages) == ([], 1)
    assert launches(log) == []


@needs_libreoffice
def test_a_figure_without_alt_text_is_flagged(pdfs: Path) -> None:
    assert check_pdf(pdfs / "no-alt.pdf").problems == ["1 of 1 figure has no alt text, so screen readers skip it"]


@needs_libreoffice
def test_a_near_empty_last_page_is_flagged_not_counting_the_header(pdfs: Path) -> None:
    report = check_pdf(pdfs / "near-empty.pdf")
    assert report.problems == ["the last page (page 2) is nearly empty: 2 lines of text"]
    assert "2 pages" in report.facts


@needs_libreoffice
def test_a_pdf_whose_text_cannot_be_read_is_not_called_nearly_empty(pdfs: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    refusing = tmp_path / "bin" / "pdftotext"  # as poppler answers for a PDF that forbids copying its text
    refusing.parent.mkdir()
    refusing.write_text('#!/bin/sh\necho "Copying of text from this document is not allowed." >&2\nexit 3\n')
    refusing.chmod(0o755)
    monkeypatch.setenv("PATH", f"{refusing.parent}:{os.environ['PATH']}")
    report = check_pdf(pdfs / "near-empty.pdf")
    assert report.problems == []
    assert report.skipped == ["whether the last page is nearly empty, in a PDF whose text cannot be read "
                              "(pdftotext: Copying of text from this document is not allowed.)"]


@needs_libreoffice
def test_a_short_last_slide_is_not_a_near_empty_page(pdfs: Path) -> None:
    report = check_pdf(pdfs / "slides.pdf", pdfs / "slides.pptx")
    assert report.problems == []
    assert report.facts[-2:] == ["2 pages", "made by --pdf from slides.pptx as it is now"]


@needs_libreoffice
def test_a_pdf_older_than_its_source_is_flagged_by_its_page_count(pdfs: Path) -> None:
    report = check_pdf(pdfs / "changed.pdf", pdfs / "changed.docx")
    assert report.problems == ["1 page, but LibreOffice gives 2 for changed.docx now: the PDF is out of date "
                               "(build again with --pdf)"]
    assert report.source_pages == 2


@needs_libreoffice
def test_page_counts_already_known_save_a_launch(pdfs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stub, log = stub_soffice(tmp_path, "sys.exit(1)")
    monkeypatch.setenv(SOFFICE_VARIABLE, str(stub))
    report = check_pdf(pdfs / "changed.pdf", pdfs / "changed.docx", source_pages=2)
    assert report.problems == ["1 page, but LibreOffice gives 2 for changed.docx now: the PDF is out of date "
                               "(build again with --pdf)"]
    assert launches(log) == []


@needs_libreoffice
def test_check_files_sends_pdfs_to_the_pdf_check(pdfs: Path, tmp_path: Path) -> None:
    alone = Path(shutil.copy(pdfs / "plain.pdf", tmp_path))  # no source beside it to compare with
    [report] = check_files([alone], render=False)
    assert isinstance(report, PdfReport)
    assert report.problems == [NOT_TAGGED]


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler (pdfinfo) is not installed")
def test_a_pdf_without_title_or_language_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "bare.pdf"
    path.write_bytes(BARE_PDF)
    report = check_pdf(path)
    assert report.problems == [NOT_TAGGED, "no document title in the PDF's properties",
                               "no document language (the catalog's /Lang)"]
    assert report.facts == ["not tagged", "1 page"]


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler (pdfinfo) is not installed")
@pytest.mark.parametrize("language", [b"(cy-GB)", b"<FEFF00630079002D00470042>", b"<6379 2D4742>"])
def test_the_language_is_read_as_any_pdf_string(tmp_path: Path, language: bytes) -> None:
    path = tmp_path / "welsh.pdf"
    path.write_bytes(BARE_PDF.replace(b"/Pages 2 0 R>>", b"/Pages 2 0 R/Lang" + language + b">>", 1))
    report = check_pdf(path)
    assert report.language == "cy-GB"
    assert "language cy-GB" in report.facts


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler (pdfinfo) is not installed")
def test_what_a_compressed_pdf_hides_is_reported_as_not_checked(tmp_path: Path) -> None:
    path = tmp_path / "compressed.pdf"
    path.write_bytes(compressed_pdf(b"<</Type/Catalog/Pages 3 0 R/Lang(en-GB)/MarkInfo<</Marked true>>>>"))
    report = check_pdf(path)
    assert (report.facts, report.problems) == (["tagged", "1 page"], ["no document title in the PDF's properties"])
    assert report.skipped == ["the language of a PDF whose catalog is compressed",
                              "the alt text of figures in a PDF whose tags are compressed"]


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler (pdfinfo) is not installed")
def test_a_file_that_is_not_a_pdf_is_a_located_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"not a pdf")
    report = check_pdf(path)
    assert report.problems == ["not a PDF that can be read (pdfinfo: Syntax Error: Couldn't read xref table)"]


def test_the_source_beside_a_pdf_is_its_deck_or_briefing(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"")
    (tmp_path / "b.pptx").write_bytes(b"")
    assert [source_beside(tmp_path / f"{name}.pdf") for name in "abc"] == [tmp_path / "a.docx",
                                                                          tmp_path / "b.pptx", None]


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler (pdfinfo) is not installed")
def test_the_language_is_read_before_the_catalog_s_type_too(tmp_path: Path) -> None:
    path = tmp_path / "reordered.pdf"  # as pikepdf writes a catalog: its keys in order, /Lang before /Type
    path.write_bytes(BARE_PDF.replace(b"<</Type/Catalog/Pages 2 0 R>>",
                                      b"<< /Lang (en-GB) /Pages 2 0 R /Type /Catalog >>"))
    assert check_pdf(path).language == "en-GB"
