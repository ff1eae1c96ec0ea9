"""`--pdf`: tagged PDFs, all in one LibreOffice launch, remade only when their source changed.

Most tests point the LibreOffice command ($LFR_SOFFICE) at a stub that
records each launch and writes a PDF-like file naming its source, with a
conversion time and ID that change on every launch, as LibreOffice's do.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from docx import Document
from PIL import Image
from pptx import Presentation
from pptx.util import Inches

from generator.output.pdf import NOT_INSTALLED, SOFFICE_VARIABLE, convert_to_pdf, make_pdfs
from generator.output.hiding_record import recorded_at, status_text
from tests.conftest import needs_libreoffice

STUB = """#!{python}
import hashlib, json, os, pathlib, sys, time, urllib.parse, urllib.request
log = pathlib.Path({log!r})
args = sys.argv[1:]
profile = next(a.split("=", 1)[1] for a in args if a.startswith("-env:UserInstallation="))
settings = pathlib.Path(urllib.request.url2pathname(urllib.parse.urlparse(profile).path), "user",
                        "registrymodifications.xcu")
launches = len(log.read_text().splitlines()) if log.exists() else 0
with log.open("a") as out:
    out.write(json.dumps({{"args": args, "settings": settings.read_text(), "locale": os.environ.get("LC_ALL")}})
              + "\\n")
{behaviour}
outdir = pathlib.Path(args[args.index("--outdir") + 1])
outdir.mkdir(parents=True, exist_ok=True)
for name in args[args.index("--outdir") + 2:]:
    source = pathlib.Path(name)
    made = "2026112717%04d" % launches
    ident = hashlib.md5(str(time.time_ns()).encode() + name.encode()).hexdigest().upper()
    (outdir / (source.stem + ".pdf")).write_bytes(
        b"%PDF-1.4\\n% source " + hashlib.sha256(source.read_bytes()).hexdigest().encode() + b"\\n"
        + ("1 0 obj <</CreationDate(D:%sZ')>> endobj\\n" % made).encode()
        + ("<xmp:CreateDate>%s-%s-%sT%s:%s:%sZ</xmp:CreateDate>\\n"
           % (made[:4], made[4:6], made[6:8], made[8:10], made[10:12], made[12:])).encode()
        + ("trailer <</ID [ <%s>\\n<%s> ]\\n/DocChecksum /%s>>\\n" % (ident, ident, ident)).encode())
"""
Outputs = tuple[Path, list[Path]]  # an output folder and the sources in it
TAGGED_SETTING = '<prop oor:name="UseTaggedPDF" oor:op="fuse"><value>true</value></prop>'


def stub_soffice(folder: Path, behaviour: str = "") -> tuple[Path, Path]:
    """Write a stub LibreOffice; return it and the log of its launches (one JSON line each)."""
    log = folder / "launches.jsonl"
    stub = folder / "soffice-stub"
    stub.write_text(STUB.format(python=sys.executable, log=str(log), behaviour=behaviour), encoding="utf-8")
    stub.chmod(0o755)
    return stub, log


def launches(log: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def write_source(path: Path, text: str, language: str = "en-GB") -> Path:
    """Write a small OOXML-like package in ``language``, whose core properties say it was modified on 12 May 2022
    at 09:00."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("docProps/core.xml", '<cp:coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/" '
                         'xmlns:dcterms="http://purl.org/dc/terms/">'
                         f"<dc:language>{language}</dc:language>"
                         "<dcterms:modified>2022-05-12T09:00:00Z</dcterms:modified></cp:coreProperties>")
        package.writestr("content.txt", text)
    return path


def made_from(pdf: Path) -> str:
    """Return the sha256 of the source the stub made ``pdf`` from."""
    found = re.search(rb"% source ([0-9a-f]{64})", pdf.read_bytes())
    assert found, pdf
    return found[1].decode()


@pytest.fixture
def stub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    soffice, log = stub_soffice(tmp_path)
    monkeypatch.setenv(SOFFICE_VARIABLE, str(soffice))
    return log


@pytest.fixture
def outputs(tmp_path: Path) -> Outputs:
    """Return a build's output folder and its deck and briefings (two briefings share a name in two folders)."""
    out = tmp_path / "out"
    paths = [write_source(out / "decks" / "event.pptx", "deck"),
             write_source(out / "briefings" / "event-sar.docx", "sar"),
             write_source(out / "other" / "event-sar.docx", "another sar")]
    return out, paths


def test_one_launch_converts_every_file_with_tagged_pdf_settings(stub: Path, outputs: Outputs) -> None:
    out, paths = outputs
    made, problem = convert_to_pdf(paths, record_dir=out / ".learning-from-reviews")
    assert problem == ""
    assert made == [p.with_suffix(".pdf") for p in paths]
    [launch] = launches(stub)
    assert launch["args"].count("--convert-to") == 1
    assert launch["args"][launch["args"].index("--convert-to") + 1] == "pdf"  # each file keeps its own filter
    assert [Path(a).name for a in launch["args"][-3:]] == ["0-event.pptx", "1-event-sar.docx", "2-event-sar.docx"]
    assert TAGGED_SETTING in launch["settings"]
    assert launch["locale"] == "en_GB.UTF-8"  # Impress gives a deck's PDF the language LibreOffice runs in
    assert "PDFUACompliance" not in launch["settings"]  # LibreOffice 7.4 cannot keep that promise (charts)
    for path in paths:  # same-named sources in two folders each get their own PDF
        assert made_from(path.with_suffix(".pdf")) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_sources_in_two_languages_take_a_launch_each(stub: Path, tmp_path: Path) -> None:
    paths = [write_source(tmp_path / "deck.pptx", "deck"), write_source(tmp_path / "dec.pptx", "dec", "cy-GB"),
             write_source(tmp_path / "briefing.docx", "briefing")]
    said: list[str] = []
    made, problem = convert_to_pdf(paths, said.append)
    assert (made, problem) == ([p.with_suffix(".pdf") for p in paths], "")
    assert [(launch["locale"], [Path(a).name for a in launch["args"] if Path(a).parent.name == "in"])
            for launch in launches(stub)] == [("en_GB.UTF-8", ["0-deck.pptx", "1-briefing.docx"]),
                                              ("cy_GB.UTF-8", ["0-dec.pptx"])]
    assert said == ["Making PDFs of 3 files with LibreOffice (this can take a few seconds)...", "Made 3 PDFs"]


def test_a_rebuild_with_nothing_changed_launches_no_libreoffice(stub: Path, outputs: Outputs) -> None:
    out, paths = outputs
    said: list[str] = []
    first = make_pdfs(paths, said.append, out / ".learning-from-reviews")
    again = make_pdfs(paths, said.append, out / ".learning-from-reviews")
    assert len(launches(stub)) == 1
    assert (first.made, first.kept, again.made, again.kept) == ([p.with_suffix(".pdf") for p in paths], [], [],
                                                                [p.with_suffix(".pdf") for p in paths])
    assert said == ["Making PDFs of 3 files with LibreOffice (this can take a few seconds)...", "Made 3 PDFs",
                    "3 PDFs up to date: LibreOffice is not needed"]


def test_only_the_changed_source_is_converted_again(stub: Path, outputs: Outputs) -> None:
    out, paths = outputs
    make_pdfs(paths, record_dir=out / ".learning-from-reviews")
    write_source(paths[1], "sar, changed")
    said: list[str] = []
    outcome = make_pdfs(paths, said.append, out / ".learning-from-reviews")
    assert [Path(a).name for a in launches(stub)[1]["args"][-1:]] == ["0-event-sar.docx"]
    assert outcome.made == [paths[1].with_suffix(".pdf")]
    assert made_from(paths[1].with_suffix(".pdf")) == hashlib.sha256(paths[1].read_bytes()).hexdigest()
    assert said == ["Making PDFs of 1 file with LibreOffice (this can take a few seconds)...",
                    "Made 1 PDF; 2 others up to date"]


def test_a_pdf_changed_on_disk_is_made_again(stub: Path, outputs: Outputs) -> None:
    out, paths = outputs
    make_pdfs(paths, record_dir=out / ".learning-from-reviews")
    paths[0].with_suffix(".pdf").write_bytes(b"%PDF-1.4 edited by hand")
    outcome = make_pdfs(paths, record_dir=out / ".learning-from-reviews")
    assert outcome.made == [paths[0].with_suffix(".pdf")]
    assert len(launches(stub)) == 2


def test_the_record_is_kept_beside_the_build_record(stub: Path, outputs: Outputs) -> None:
    out, paths = outputs
    make_pdfs(paths, record_dir=out / ".learning-from-reviews")
    record = json.loads((out / ".learning-from-reviews" / "pdf.json").read_text(encoding="utf-8"))
    deck_pdf = paths[0].with_suffix(".pdf")
    assert record["pdfs"]["decks/event.pdf"] == {
        "source_sha256": hashlib.sha256(paths[0].read_bytes()).hexdigest(),
        "pdf_sha256": hashlib.sha256(deck_pdf.read_bytes()).hexdigest()}
    assert sorted(record["pdfs"]) == ["briefings/event-sar.pdf", "decks/event.pdf", "other/event-sar.pdf"]
    assert list(out.glob(".learning-from-reviews/*.tmp")) == []


def test_the_record_forgets_pdfs_that_are_gone(stub: Path, outputs: Outputs) -> None:
    out, paths = outputs
    make_pdfs(paths, record_dir=out / ".learning-from-reviews")
    paths[2].with_suffix(".pdf").unlink()
    write_source(paths[0], "deck, changed")
    make_pdfs(paths[:2], record_dir=out / ".learning-from-reviews")
    record = json.loads((out / ".learning-from-reviews" / "pdf.json").read_text(encoding="utf-8"))
    assert sorted(record["pdfs"]) == ["briefings/event-sar.pdf", "decks/event.pdf"]


def test_a_temporary_file_left_by_a_killed_build_is_tidied_away(stub: Path, outputs: Outputs) -> None:
    _, paths = outputs
    left = paths[0].parent / ".event.pdf.k1ll3d.tmp"
    left.write_bytes(b"half a PDF")
    make_pdfs(paths[:1])
    assert not left.exists() and paths[0].with_suffix(".pdf").is_file()


def test_without_a_record_every_pdf_is_made(stub: Path, outputs: Outputs) -> None:
    _, paths = outputs
    make_pdfs(paths)
    make_pdfs(paths)
    assert len(launches(stub)) == 2


def test_the_same_source_gives_the_same_pdf_bytes(stub: Path, tmp_path: Path) -> None:
    """The conversion time becomes the source's own modified time, and the ID is drawn from the content."""
    first = write_source(tmp_path / "a" / "event.docx", "same")
    second = tmp_path / "b" / "event.docx"
    second.parent.mkdir()
    second.write_bytes(first.read_bytes())
    make_pdfs([first])
    make_pdfs([second])
    data = first.with_suffix(".pdf").read_bytes()
    assert data == second.with_suffix(".pdf").read_bytes()
    assert b"/CreationDate(D:20220512090000Z')" in data
    assert b"<xmp:CreateDate>2022-05-12T09:00:00Z</xmp:CreateDate>" in data


def test_pdfs_are_readable_by_everyone_like_the_other_outputs(stub: Path, outputs: Outputs) -> None:
    _, paths = outputs
    make_pdfs(paths[:1])
    assert paths[0].with_suffix(".pdf").stat().st_mode & 0o777 == 0o644


def test_without_libreoffice_the_build_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              outputs: Outputs) -> None:
    monkeypatch.delenv(SOFFICE_VARIABLE, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-installed"))
    _, paths = outputs
    assert convert_to_pdf(paths) == ([], NOT_INSTALLED)
    assert not paths[0].with_suffix(".pdf").exists()


def test_a_libreoffice_command_that_is_not_there_is_named(monkeypatch: pytest.MonkeyPatch, outputs: Outputs) -> None:
    monkeypatch.setenv(SOFFICE_VARIABLE, "/opt/no-such-libreoffice/soffice")
    _, paths = outputs
    assert convert_to_pdf(paths) == ([], "LFR_SOFFICE is set to '/opt/no-such-libreoffice/soffice', which is not a "
                                         "command that can be run, so no PDFs were written; correct it or unset it")


def test_a_pdf_that_cannot_be_written_is_named_and_the_rest_are_written(stub: Path, outputs: Outputs) -> None:
    _, paths = outputs
    paths[0].with_suffix(".pdf").mkdir()  # a folder where the deck's PDF should go
    assert convert_to_pdf(paths) == ([p.with_suffix(".pdf") for p in paths[1:]],
                                     "could not write event.pdf (Is a directory)")


def test_a_failing_libreoffice_is_reported_with_its_last_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               outputs: Outputs) -> None:
    soffice, _ = stub_soffice(tmp_path, 'sys.stderr.write("Error: source file could not be loaded\\n"); sys.exit(3)')
    monkeypatch.setenv(SOFFICE_VARIABLE, str(soffice))
    _, paths = outputs
    assert convert_to_pdf(paths) == ([], "LibreOffice could not convert the outputs to PDF (exit status 3: "
                                         "Error: source file could not be loaded)")


def test_a_pdf_libreoffice_did_not_make_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 outputs: Outputs) -> None:
    soffice, _ = stub_soffice(tmp_path, "args = args[:-1]  # as if it could not open the last file")
    monkeypatch.setenv(SOFFICE_VARIABLE, str(soffice))
    _, paths = outputs
    assert convert_to_pdf(paths) == ([p.with_suffix(".pdf") for p in paths[:2]],
                                     "LibreOffice did not produce a PDF of event-sar.docx")


def test_a_libreoffice_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             outputs: Outputs) -> None:
    soffice, _ = stub_soffice(tmp_path, "time.sleep(600)")
    monkeypatch.setenv(SOFFICE_VARIABLE, str(soffice))
    _, paths = outputs
    assert convert_to_pdf(paths, timeout=1) == ([], "LibreOffice did not finish the PDFs within 1 s, so it was "
                                                    "stopped")


@pytest.fixture(scope="module")
def real_pdfs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Return LibreOffice's PDFs (one launch) of a briefing with a heading and a picture, and of a deck."""
    folder = tmp_path_factory.mktemp("real")
    png = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(png, format="PNG")
    document = Document()
    document.core_properties.title = "A briefing"
    document.core_properties.content_status = status_text(5)
    document.add_heading("Heading one", 1)
    document.add_paragraph("Some text.")
    document.add_picture(io.BytesIO(png.getvalue()))
    # python-docx has no alt-text setter; this writes wp:docPr as Word's Alt Text pane does.
    [properties] = document.element.xpath(".//wp:docPr")
    properties.set("title", "Red rectangle")
    properties.set("descr", "A red rectangle standing for a chart")
    document.save(str(folder / "briefing.docx"))
    deck = Presentation()
    deck.core_properties.title = "A deck"
    deck.core_properties.language = "en-GB"
    deck.core_properties.content_status = status_text(0)
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "A slide"
    shape = slide.shapes.add_picture(io.BytesIO(png.getvalue()), Inches(1), Inches(2))
    shape.element.xpath("./p:nvPicPr/p:cNvPr")[0].set("descr", "A red rectangle on a slide")
    deck.save(str(folder / "deck.pptx"))
    made, problem = convert_to_pdf([folder / "briefing.docx", folder / "deck.pptx"])
    assert problem == ""
    return made[0], made[1]


def pdfinfo(*args: str) -> str:
    return subprocess.run(["pdfinfo", *args], capture_output=True, text=True, check=True).stdout


@needs_libreoffice
def test_libreoffice_pdfs_are_tagged_with_title_and_bookmarks(real_pdfs: tuple[Path, Path]) -> None:
    for pdf, title in zip(real_pdfs, ("A briefing", "A deck")):
        info = pdfinfo(str(pdf))
        assert re.search(r"^Tagged:\s+yes$", info, re.M), pdf.name
        assert re.search(rf"^Title:\s+{title}$", info, re.M), pdf.name
        assert "pdfuaid" not in pdfinfo("-meta", str(pdf))  # no PDF/UA claim
    briefing, deck = real_pdfs
    with pikepdf.open(briefing) as document, document.open_outline() as outline:
        assert [item.title for item in outline.root] == ["Heading one"]  # a bookmark for the heading
    with pikepdf.open(deck) as document:
        assert str(document.Root.Lang) == "en-GB"  # the language the deck declares, whatever the machine's locale


@needs_libreoffice
def test_libreoffice_pdfs_record_the_threshold_their_sources_hid_small_numbers_below(
        real_pdfs: tuple[Path, Path]) -> None:
    briefing, deck = real_pdfs
    assert recorded_at(briefing) == 5
    assert recorded_at(deck) == 0
    assert re.search(r"^SmallNumbersHiddenBelow:\s*5$", pdfinfo("-custom", str(briefing)), re.M)


@needs_libreoffice
def test_libreoffice_pdfs_carry_the_pictures_alt_text(real_pdfs: tuple[Path, Path]) -> None:
    briefing, deck = real_pdfs
    # LibreOffice 7.4's Writer joins a picture's title and description; charts get no alt text (see the README).
    assert alt_texts(briefing) == ["Red rectangle - A red rectangle standing for a chart"]
    assert alt_texts(deck) == ["A red rectangle on a slide"]


def alt_texts(pdf: Path) -> list[str]:
    """Return the alt text of every element of ``pdf`` that has one, as a reader decodes it (however it is
    written: LibreOffice writes UTF-16 in upper-case hex, pikepdf in lower case)."""
    with pikepdf.open(pdf) as document:
        return [str(item.Alt) for item in document.objects if isinstance(item, pikepdf.Dictionary) and "/Alt" in item]


BUSY_UNTIL_STOPPED = """
profile_folder = pathlib.Path(urllib.request.url2pathname(urllib.parse.urlparse(profile).path))
started = time.time()
while time.time() - started < 5:  # LibreOffice at work: writing into its profile (made again if gone) until stopped
    profile_folder.mkdir(parents=True, exist_ok=True)
    (profile_folder / ("busy-%d" % time.time_ns())).write_text("x")
    time.sleep(0.005)
"""


def test_ctrl_c_during_the_pdfs_stops_libreoffice_and_leaves_no_profile_folder(tmp_path, monkeypatch, outputs):
    import os
    import signal
    import tempfile
    import threading
    import time

    soffice, log = stub_soffice(tmp_path, BUSY_UNTIL_STOPPED)
    monkeypatch.setenv(SOFFICE_VARIABLE, str(soffice))
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    _, paths = outputs
    def interrupt_once_libreoffice_is_at_work() -> None:
        waited = time.monotonic()
        while not any(temporary.rglob("busy-*")) and time.monotonic() - waited < 30:
            time.sleep(0.01)
        os.kill(os.getpid(), signal.SIGINT)

    interrupt = threading.Thread(target=interrupt_once_libreoffice_is_at_work, daemon=True)
    interrupt.start()
    with pytest.raises(KeyboardInterrupt):
        convert_to_pdf(paths)
    interrupt.join()
    time.sleep(0.5)  # a LibreOffice left running would write its profile again by now
    assert len(launches(log)) == 1
    assert list(temporary.iterdir()) == []
