"""Same input, same bytes; all-or-nothing writes."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest

from generator.cli import main
from generator.output import Output, write_outputs
from generator.output.files import normalise_zip
from tests.conftest import DEFAULT_DATA


def _tree(folder):
    """Return the office files below ``folder`` (other tests may have rendered PDFs beside them)."""
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.suffix in (".pptx", ".docx")}


def test_two_builds_give_identical_bytes(tmp_path, built_default):
    assert main(["build", str(DEFAULT_DATA), "--out", str(tmp_path)]) == 0
    assert _tree(tmp_path) == _tree(built_default)


def test_source_date_epoch_sets_the_documents_date(tmp_path, monkeypatch, built_default):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert main(["build", str(DEFAULT_DATA), "--out", str(tmp_path)]) == 0
    from pptx import Presentation

    deck = next((tmp_path / "decks").glob("*.pptx"))
    assert Presentation(str(deck)).core_properties.created == dt.datetime(2023, 11, 14, 22, 13, 20)
    assert _tree(tmp_path) != _tree(built_default)


def test_embedded_workbooks_carry_no_time(built_default):
    for path in [*(built_default / "decks").glob("*.pptx"), *(built_default / "briefings").glob("*.docx")]:
        with zipfile.ZipFile(path) as package:
            embedded = [n for n in package.namelist() if n.endswith(".xlsx")]
            assert embedded, path.name
            for name in embedded:
                inner = zipfile.ZipFile(io.BytesIO(package.read(name)))
                assert {info.date_time for info in inner.infolist()} == {(1980, 1, 1, 0, 0, 0)}
                core = inner.read("docProps/core.xml").decode()
                assert re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core) == [
                    "2022-05-12T09:00:00Z", "2022-05-12T09:00:00Z"]


def test_normalise_zip_is_independent_of_entry_order_and_time():
    def package(order, when):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            for name in order:
                z.writestr(zipfile.ZipInfo(name, date_time=when), name.encode())
        return buffer.getvalue()

    stamp = dt.datetime(2022, 5, 12)
    first = package(["b.xml", "[Content_Types].xml", "a.xml"], (2020, 1, 1, 0, 0, 0))
    second = package(["a.xml", "b.xml", "[Content_Types].xml"], (2024, 6, 6, 6, 6, 6))
    assert first != second
    assert normalise_zip(first, stamp) == normalise_zip(second, stamp)
    assert zipfile.ZipFile(io.BytesIO(normalise_zip(first, stamp))).namelist()[0] == "[Content_Types].xml"


def test_write_outputs_skips_unchanged_files(tmp_path):
    target = tmp_path / "a" / "deck.pptx"
    assert write_outputs([Output(target, b"one")]) != []
    assert write_outputs([Output(target, b"one")]) == []
    assert write_outputs([Output(target, b"two")])[0].path == target
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["deck.pptx"]


def test_a_write_that_fails_midway_leaves_every_earlier_output(tmp_path, monkeypatch):
    first, second = tmp_path / "one.docx", tmp_path / "two.docx"
    first.write_bytes(b"old one")
    second.write_bytes(b"old two")
    import generator.output.files as files

    real_fdopen = files.os.fdopen
    calls = {"n": 0}

    def failing_fdopen(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return real_fdopen(*args, **kwargs)

    monkeypatch.setattr(files.os, "fdopen", failing_fdopen)
    with pytest.raises(OSError):
        write_outputs([Output(first, b"new one"), Output(second, b"new two")])
    assert first.read_bytes() == b"old one" and second.read_bytes() == b"old two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.docx", "two.docx"]


def test_temporary_files_of_a_killed_build_are_tidied(tmp_path):
    target = tmp_path / "deck.pptx"
    (tmp_path / ".deck.pptx.abc123.tmp").write_bytes(b"half a deck")
    write_outputs([Output(target, b"whole deck")])
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_package_bytes_are_a_normalised_save():
    import datetime as dt
    import io

    from docx import Document
    from pptx import Presentation

    from generator.output.files import normalise_zip, package_bytes

    stamp = dt.datetime(2022, 5, 12, 9)
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Härtlepool & Stockton"
    doc = Document()
    doc.add_paragraph("Redcar <and> Cleveland")
    for document in (prs, doc):
        saved = io.BytesIO()
        document.save(saved)
        assert package_bytes(document, stamp) == normalise_zip(saved.getvalue(), stamp)
        assert package_bytes(document, stamp) == package_bytes(document, stamp)
