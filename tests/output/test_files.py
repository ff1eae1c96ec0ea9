"""Same input, same bytes; all-or-nothing writes."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

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


# -- each step on its own (fast, so a mutation of any of them is caught without a build) --------------------------


def test_a_property_keeps_up_to_255_characters_and_ends_a_longer_one_with_an_ellipsis():
    from generator.output.files import MAX_PROPERTY_LENGTH, property_text

    assert MAX_PROPERTY_LENGTH == 255
    assert property_text("x" * 255) == "x" * 255
    assert property_text("x" * 256) == "x" * 254 + "…"


@pytest.mark.parametrize("epoch, expected", [
    (None, dt.datetime(2022, 5, 12, 9, 0, 0)), ("", dt.datetime(2022, 5, 12, 9, 0, 0)),
    ("not a number", dt.datetime(2022, 5, 12, 9, 0, 0)), ("-5", dt.datetime(2022, 5, 12, 9, 0, 0)),
    ("86400", dt.datetime(1970, 1, 2, 0, 0, 0)), (" 90061 ", dt.datetime(1970, 1, 2, 1, 1, 1)),
])
def test_the_document_time_is_source_date_epoch_in_utc_else_nine_on_the_event_day(monkeypatch, epoch, expected):
    import time

    from generator.output.files import document_time

    monkeypatch.setenv("TZ", "America/New_York")  # the epoch is read in UTC, not in the local time zone
    time.tzset()

    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    try:
        assert document_time(dt.date(2022, 5, 12)) == expected
    finally:
        monkeypatch.undo()  # the environment as it was, and the time zone read from it again
        time.tzset()


def test_a_package_is_zipped_content_types_first_then_by_name_with_fixed_entry_details():
    from generator.output.files import FILE_ATTRIBUTES, UNIX_SYSTEM, ZIP_EPOCH, zip_package

    data = zip_package({"b.xml": b"<b/>", "[Content_Types].xml": b"<t/>", "Z.xml": b"<z/>", "a.xml": b"<a/>"},
                       dt.datetime(2022, 1, 1))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = package.infolist()
        assert [entry.filename for entry in entries] == ["[Content_Types].xml", "Z.xml", "a.xml", "b.xml"]
        assert {(entry.date_time, entry.external_attr, entry.create_system, entry.compress_type)
                for entry in entries} == {(ZIP_EPOCH, FILE_ATTRIBUTES, UNIX_SYSTEM, zipfile.ZIP_DEFLATED)}
        assert package.read("a.xml") == b"<a/>"


@pytest.mark.parametrize("embedded", ["ppt/embeddings/book.xlsx", "word/embeddings/doc.docx",
                                      "ppt/embeddings/deck.pptx"])
def test_an_embedded_package_is_normalised_and_its_own_times_become_the_stamp(embedded):
    from generator.output.files import ZIP_EPOCH, zip_package

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as workbook:
        workbook.writestr(zipfile.ZipInfo("docProps/core.xml", date_time=(2030, 1, 1, 0, 0, 0)),
                          '<cp><dcterms:created x="1">2030-01-01T00:00:00Z</dcterms:created>'
                          '<dcterms:modified>2030-01-01T00:00:00Z</dcterms:modified></cp>')
    outer = zip_package({"docProps/core.xml": b"<dcterms:created>kept</dcterms:created>",
                         embedded: inner.getvalue()}, dt.datetime(2022, 5, 12, 9, 0, 0))
    with zipfile.ZipFile(io.BytesIO(outer)) as package:
        assert package.read("docProps/core.xml") == b"<dcterms:created>kept</dcterms:created>"  # the outer's own
        with zipfile.ZipFile(io.BytesIO(package.read(embedded))) as workbook:
            assert workbook.getinfo("docProps/core.xml").date_time == ZIP_EPOCH
            assert workbook.read("docProps/core.xml").decode() == (
                '<cp><dcterms:created x="1">2022-05-12T09:00:00Z</dcterms:created>'
                "<dcterms:modified>2022-05-12T09:00:00Z</dcterms:modified></cp>")


def test_written_outputs_are_readable_by_all_and_only_changed_ones_are_returned(tmp_path, monkeypatch):
    import os

    first, second = Output(tmp_path / "a" / "b" / "one.txt", b"1"), Output(tmp_path / "two.txt", b"2")
    replaced = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda source, target: (replaced.append((source, target)),
                                                               real_replace(source, target)))
    assert write_outputs([first, second]) == [first, second]
    assert (first.path.stat().st_mode & 0o777, second.path.stat().st_mode & 0o777) == (0o644, 0o644)
    # Each was written to a hidden temporary file beside it (which a killed build's successor tidies), then renamed.
    source, target = map(Path, replaced[0])
    assert target == first.path and source.parent == first.path.parent
    assert source.name.startswith(".one.txt.") and source.name.endswith(".tmp")
    again = Output(second.path, b"changed")
    assert write_outputs([Output(first.path, b"1"), again]) == [again]  # the unchanged one first
    assert second.path.read_bytes() == b"changed" and list(tmp_path.glob("**/*.tmp")) == []
