"""What sanitising a template takes and drops, told part by part: each hostile case's lines in the list of what was
dropped (what check-template shows a user), parts that need no change kept byte for byte, click actions and links
that run or reach nothing the rules allow, and a main part of another program or of no known kind refused; the
refusals of a damaged package compared whole, links written only to parts written, and the XML and picture limits
at and just past them."""

from __future__ import annotations

import importlib
import io
import posixpath
import zipfile

import pytest
from lxml import etree

from generator.problems import InputError
from generator.templates.package_rules import KINDS
from generator.templates.limits import SHOWN_TARGET_CHARACTERS, in_megabytes
from generator.templates.sanitise import sanitise, shown_target
from tests.templates.hostile import (BUILT_IN_DECK_DROPS, CONTENT_TYPES, MASTER, PRESENTATION, A, Package, build,
                                     changed, gallery, picture_on, png_bytes, powerpoint_base, word_base)

SANITISE = importlib.import_module("generator.templates.sanitise")
PICTURES = importlib.import_module("generator.templates.pictures")

PATHS = {"pptx": "brand.potx", "docx": "brand.dotx"}
LAYOUT_2 = "ppt/slideLayouts/slideLayout2.xml"
HEADER = "word/header1.xml"
SETTINGS = "word/settings.xml"
WORD_BASE_DROPS = ["customXml/item1.xml (custom XML data)", "customXml/itemProps1.xml (custom XML data)",
                   "docProps/app.xml (the template's application properties; the build sets its own)",
                   "docProps/core.xml (the template's document properties; the build sets its own)",
                   "docProps/thumbnail.jpeg (a thumbnail picture)"]
BASE_DROPS = {"pptx": BUILT_IN_DECK_DROPS, "docx": WORD_BASE_DROPS}


def _pictures_dropped(part: str) -> list[str]:
    return [f"{part.split('/')[0]}/media/{name} (a picture on {part}, dropped: its bytes are not {kind} picture data)"
            for name, kind in (("image9.png", "PNG"), ("program.jpeg", "JPEG"), ("page.png", "PNG"),
                               ("workbook.png", "PNG"), ("junk.emf", "EMF"), ("junk.wmf", "WMF"),
                               ("png-named.gif", "GIF"))]


# What each case of the gallery adds to what its base template's sanitising drops, in the order it is listed.
CASE_DROPS = {
    ("pptx", "sample slide with links"): ["ppt/media/image1.png (a picture)", "ppt/slides/slide1.xml (a sample slide)"],
    ("pptx", "vba project under a harmless name"): ["ppt/evil.bin (a macro project)"],
    ("pptx", "unreferenced macro project"): ["ppt/vbaProject.bin (a macro project)"],
    ("pptx", "external links on the master"): [f"external link javascript:alert(document.cookie) on {MASTER}",
                                               "external link file:///C:/Windows/System32/calc.exe on "
                                               "ppt/slideLayouts/slideLayout1.xml"],
    ("pptx", "click actions that run things"): [f"click action ppaction://program on {LAYOUT_2}",
                                                "external link file:///C:/Windows/System32/cmd.exe on "
                                                f"{LAYOUT_2}",
                                                "click action ppaction://macro?name=AutoOpen on "
                                                "ppt/slideLayouts/slideLayout3.xml"],
    ("pptx", "external picture on a layout"): ["external link http://tracker.example/pixel.png on "
                                               "ppt/slideLayouts/slideLayout1.xml"],
    ("pptx", "activex control on the master"): ["ppt/activeX/activeX1.xml (an ActiveX control)"],
    ("pptx", "ole object on a layout"): ["ppt/embeddings/oleObject1.bin (an embedded OLE object)"],
    ("pptx", "custom xml and comment authors"): ["customXml/item1.xml (custom XML data)",
                                                 "ppt/commentAuthors.xml (comments)"],
    ("pptx", "broken optional link"): [f"broken link to missing part ppt/media/missing.png (picture) on {MASTER}"],
    ("pptx", "files pretending to be pictures on a layout"): _pictures_dropped("ppt/slideLayouts/slideLayout1.xml"),
    ("pptx", "picture with metadata on the master"): [],
    ("pptx", "vba bytes as an embedded font"): ["ppt/fonts/font1.fntdata (an embedded font; the build never takes "
                                                "fonts from a template)"],
    ("pptx", "properties of its own"): [],
    ("docx", "body content with a picture and an imported file"): ["word/afchunk.mht (an imported file)",
                                                                   "word/media/image1.png (a picture)"],
    ("docx", "files pretending to be pictures in the header"): _pictures_dropped(HEADER),
    ("docx", "vba project under a harmless name"): ["word/customizations.xml (macro key settings)",
                                                    "word/evil.bin (a macro project)",
                                                    "word/vbaData.xml (a macro project)"],
    ("docx", "remote attached template"): ["attached template http://evil.example/payload.dotm"],
    ("docx", "mail merge from an outside source"): [f"mail merge settings (a data source outside the template) on "
                                                    f"{SETTINGS}",
                                                    f"external link file:///C:/Users/Public/data.xlsx on {SETTINGS}"],
    ("docx", "external links in the header"): [f"external link javascript:alert(1) on {HEADER}",
                                               f"external link file:///C:/secret.docx on {HEADER}"],
    ("docx", "fields that run commands in the header"): [
        f'field DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe" on {HEADER}',
        f'field INCLUDEPICTURE "http://tracker.example/pixel.png" \\d on {HEADER}'],
    ("docx", "ole object in the header"): ["word/embeddings/oleObject1.bin (an embedded OLE object)"],
    ("docx", "glossary and comments"): ["word/comments.xml (comments)", "word/glossary/document.xml (building blocks)"],
    ("docx", "hyperlink fields in the header"): [f'field HYPERLINK "http://evil.example/simple" on {HEADER}',
                                                 f'field HYPERLINK "file:///C:/Users/secret.docx" on {HEADER}',
                                                 f'field HYPERLINK "javascript:alert(2)" on {HEADER}',
                                                 f'field HYPERLINK "http://evil.example/field" \\o "tip" on {HEADER}'],
    ("docx", "document variables in the settings"): [f"document variables (the template's own data) on {SETTINGS}"],
    ("docx", "properties of its own"): [],
}


def _dropped(kind: str, data: bytes) -> list[str]:
    return sanitise(data, KINDS[kind], PATHS[kind]).dropped


def _refusal(data: bytes, kind: str = "pptx") -> str:
    with pytest.raises(InputError) as raised:
        sanitise(data, KINDS[kind], PATHS[kind])
    return str(raised.value)


def test_every_case_of_the_gallery_says_what_it_drops() -> None:
    assert sorted(CASE_DROPS) == sorted(case for case in gallery() if case[1] != "all")


@pytest.mark.parametrize("kind, base", [("pptx", powerpoint_base), ("docx", word_base)])
def test_a_plain_template_drops_only_its_own_properties_and_keeps_its_parts_byte_for_byte(kind, base) -> None:
    data = base()
    taken = sanitise(data, KINDS[kind], PATHS[kind])
    assert taken.dropped == BASE_DROPS[kind]
    with zipfile.ZipFile(io.BytesIO(data)) as given, zipfile.ZipFile(io.BytesIO(taken.package)) as kept:
        rewritten = [name for name in kept.namelist() if kept.read(name) != given.read(name)]
    # Only the lists of parts and links are written anew; every part needing no change is the template's own.
    assert all(name == "[Content_Types].xml" or name.endswith(".rels") for name in rewritten)


@pytest.mark.parametrize("kind, name", sorted(CASE_DROPS))
def test_each_hostile_case_lists_what_it_dropped(kind: str, name: str) -> None:
    dropped = _dropped(kind, build(kind, name))
    assert [line for line in dropped if line not in BASE_DROPS[kind]] == CASE_DROPS[kind, name]
    assert set(BASE_DROPS[kind]) <= set(dropped)


def _click_without_a_link(action: str):
    def change(package: Package) -> None:
        root = package.xml(LAYOUT_2)
        shape = next(root.iter("{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr"))
        etree.SubElement(shape, f"{{{A}}}hlinkClick", action=action)
        package.put_xml(LAYOUT_2, root)
    return change


@pytest.mark.parametrize("action", ["ppaction://program", "PPACTION://MACRO?name=AutoOpen", "ppaction://ole?verb=0"])
def test_a_click_action_that_runs_something_is_dropped_even_with_no_link(action: str) -> None:
    taken = sanitise(changed(_click_without_a_link(action)), KINDS["pptx"], PATHS["pptx"])
    assert taken.dropped[0] == f"click action {action} on {LAYOUT_2}"
    with zipfile.ZipFile(io.BytesIO(taken.package)) as kept:
        assert b"hlinkClick" not in kept.read(LAYOUT_2)


def test_a_click_action_that_only_moves_between_slides_is_kept() -> None:
    action = "ppaction://hlinkshowjump?jump=nextslide"
    taken = sanitise(changed(_click_without_a_link(action)), KINDS["pptx"], PATHS["pptx"])
    assert taken.dropped == BUILT_IN_DECK_DROPS
    with zipfile.ZipFile(io.BytesIO(taken.package)) as kept:
        assert action.encode() in kept.read(LAYOUT_2)


def _picture_link_to(target: str):
    def change(package: Package) -> None:
        picture_on(package, MASTER, target)
    return change


@pytest.mark.parametrize("target", ["#within", "../../.."])
def test_a_picture_link_naming_no_part_is_listed_as_broken_by_its_target(target: str) -> None:
    assert _dropped("pptx", changed(_picture_link_to(target)))[0] == \
        f"broken link to missing part {target} (picture) on {MASTER}"


def _main_part_typed(content_type: str):
    def change(package: Package) -> None:
        types = package.xml("[Content_Types].xml")
        for override in types:
            if override.get("PartName") == f"/{PRESENTATION}":
                override.set("ContentType", content_type)
        package.put_xml("[Content_Types].xml", types)
    return change


def test_an_excel_workbook_given_as_a_template_is_refused_as_one() -> None:
    data = changed(_main_part_typed("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))
    assert _refusal(data) == ("brand.potx: this is an Excel file, not a PowerPoint (.pptx or .potx) one; give a "
                              "PowerPoint template here (Excel files are not templates)")


def test_a_main_part_of_no_known_kind_is_refused_as_not_a_presentation() -> None:
    assert _refusal(changed(_main_part_typed("application/xml"))) == (
        "brand.potx, part ppt/presentation.xml: the part _rels/.rels names as its main document part is not one (its "
        "content type is application/xml); open it in PowerPoint and save it again")



def test_a_part_changed_is_written_as_office_writes_it_in_utf_8_with_its_standalone_declaration() -> None:
    def welsh_name_and_a_running_click(package: Package) -> None:
        _click_without_a_link("ppaction://program")(package)
        package.members[LAYOUT_2] = package.members[LAYOUT_2].replace(b'name="', 'name="Llŷn '.encode(), 1)

    with zipfile.ZipFile(io.BytesIO(sanitise(changed(welsh_name_and_a_running_click), KINDS["pptx"],
                                             PATHS["pptx"]).package)) as kept:
        layout = kept.read(LAYOUT_2)
    assert layout.startswith(b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>")
    assert 'name="Llŷn '.encode() in layout


def _part_left_behind(name: str, content_type: str, rel_type: str = "") -> bytes:
    def change(package: Package) -> None:
        package.add_part(name, b"\x00data", content_type)
        if rel_type:
            package.relate(PRESENTATION, rel_type, name.removeprefix("ppt/"))
    return changed(change)


def test_a_part_left_behind_is_named_for_what_links_to_it_when_nothing_else_tells() -> None:
    data = _part_left_behind("ppt/data.bin", "application/octet-stream",
                             "http://schemas.microsoft.com/office/2006/relationships/vbaProject")
    assert "ppt/data.bin (a macro project)" in _dropped("pptx", data)


def test_a_part_nothing_tells_about_is_listed_as_unused() -> None:
    assert "ppt/notes.txt (not used by the template's masters, layouts or styles)" in \
        _dropped("pptx", _part_left_behind("ppt/notes.txt", "application/octet-stream"))


def test_a_part_that_is_not_what_its_type_claims_is_refused_naming_what_it_should_be() -> None:
    def master_in_another_namespace(package: Package) -> None:
        root = package.xml(MASTER)
        moved = etree.Element(f"{{urn:elsewhere}}{etree.QName(root).localname}", nsmap={None: "urn:elsewhere"})
        moved[:] = list(root)
        package.put_xml(MASTER, moved)

    assert _refusal(changed(master_in_another_namespace)) == (
        f"brand.potx, part {MASTER}: its root element is {{urn:elsewhere}}sldMaster, where the slide master part has "
        "p:sldMaster in the namespace http://schemas.openxmlformats.org/presentationml/2006/main; open it in "
        "PowerPoint and save it again")


def test_a_template_s_main_part_is_labelled_as_a_presentation_so_python_pptx_opens_it() -> None:
    from pptx import Presentation
    from pptx.opc.constants import CONTENT_TYPE as CT

    taken = sanitise(changed(_main_part_typed(CT.PML_TEMPLATE_MAIN)), KINDS["pptx"], PATHS["pptx"]).package
    with zipfile.ZipFile(io.BytesIO(taken)) as kept:
        assert f'PartName="/{PRESENTATION}" ContentType="{CT.PML_PRESENTATION_MAIN}"'.encode() in \
            kept.read("[Content_Types].xml")
    assert len(Presentation(io.BytesIO(taken)).slide_layouts) > 0


def test_targets_are_shown_printable_and_cut_to_a_readable_length() -> None:
    assert shown_target("http://x.example/\x1b[2Ja\u202eb") == "http://x.example/\\x1b[2Ja\\u202eb"
    fits = "h" * SHOWN_TARGET_CHARACTERS
    assert shown_target(fits) == fits
    assert shown_target(fits + "h") == "h" * (SHOWN_TARGET_CHARACTERS - 1) + "…"


def test_links_are_written_as_office_writes_them_in_utf_8_in_the_relationships_namespace() -> None:
    with zipfile.ZipFile(io.BytesIO(sanitise(powerpoint_base(), KINDS["pptx"], PATHS["pptx"]).package)) as kept:
        written = {name: kept.read(name) for name in kept.namelist() if name.endswith(".rels")}
    assert "_rels/.rels" in written and "ppt/_rels/presentation.xml.rels" in written
    for name, data in written.items():
        assert data.startswith(b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<Relationships xmlns="
                               b'"http://schemas.openxmlformats.org/package/2006/relationships">'), name


# --- Refusals of a damaged package, each compared whole (file, part and message) -------------------------------

MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
SAVE_AGAIN = "open it in PowerPoint and save it again"


def _rels_changed(rels_name: str, change) -> bytes:
    def edit(package: Package) -> None:
        root = package.xml(rels_name)
        change(root)
        package.put_xml(rels_name, root)
    return changed(edit)


@pytest.mark.parametrize("attribute", ["Id", "Type", "Target"])
def test_a_relationship_lacking_its_id_type_or_target_is_refused(attribute: str) -> None:
    def strip(root: etree._Element) -> None:
        del root[0].attrib[attribute]
    assert _refusal(_rels_changed(MASTER_RELS, strip)) == (
        f"brand.potx, part {MASTER_RELS}: a relationship lacks its Id, Type or Target; {SAVE_AGAIN}")


def test_a_relationship_id_used_twice_is_refused_naming_it() -> None:
    def repeat(root: etree._Element) -> None:
        root[1].set("Id", root[0].get("Id"))
    assert _refusal(_rels_changed(MASTER_RELS, repeat)) == (
        f"brand.potx, part {MASTER_RELS}: relationship id rId1 is used twice; {SAVE_AGAIN}")


def test_a_package_naming_no_main_part_is_refused() -> None:
    def unlink(root: etree._Element) -> None:
        for relationship in list(root):
            if relationship.get("Type").endswith("/officeDocument"):
                root.remove(relationship)
    assert _refusal(_rels_changed("_rels/.rels", unlink)) == (
        f"brand.potx, part _rels/.rels: names no main document part; {SAVE_AGAIN}")


@pytest.mark.parametrize("name", ["[Content_Types].xml", MASTER_RELS])
def test_a_malformed_list_of_types_or_links_is_refused_naming_its_part(name: str) -> None:
    message = _refusal(changed(lambda package: package.members.__setitem__(name, b"<Types><unclosed></Types>")))
    assert message.startswith(f"brand.potx, part {name}: the part is not well-formed XML (")


def test_a_main_part_with_no_content_type_is_refused_saying_its_type_is_missing() -> None:
    def untyped(package: Package) -> None:
        types = package.xml("[Content_Types].xml")
        for element in list(types):
            if element.get("PartName") == f"/{PRESENTATION}" or element.get("Extension") == "xml":
                types.remove(element)
        package.put_xml("[Content_Types].xml", types)
    assert _refusal(changed(untyped)) == (
        f"brand.potx, part {PRESENTATION}: the part _rels/.rels names as its main document part is not one (its "
        f"content type is missing); {SAVE_AGAIN}")


def test_a_comment_in_the_list_of_types_hides_none_of_them() -> None:
    def commented(package: Package) -> None:
        types = package.xml("[Content_Types].xml")
        types.insert(0, etree.Comment(" saved by hand "))
        package.put_xml("[Content_Types].xml", types)
    assert _dropped("pptx", changed(commented)) == BUILT_IN_DECK_DROPS


def test_a_master_whose_theme_is_an_outside_link_is_refused_as_having_none() -> None:
    def outside_theme(root: etree._Element) -> None:
        for relationship in root:
            if relationship.get("Type").endswith("/theme"):
                relationship.set("TargetMode", "External")
                relationship.set("Target", "../slideLayouts/slideLayout1.xml")
    assert _refusal(_rels_changed(MASTER_RELS, outside_theme)) == (
        f"brand.potx, part {MASTER}: the slide master has no theme; {SAVE_AGAIN}")


# --- What is written: changes kept, links after a broken one followed --------------------------------------------

def test_a_presentation_that_loses_a_sample_slide_is_written_without_it() -> None:
    def sample_slide(package: Package) -> None:
        from pptx import Presentation

        prs = Presentation(io.BytesIO(package.save()))
        prs.slides.add_slide(prs.slide_layouts[1])
        buffer = io.BytesIO()
        prs.save(buffer)
        package.members = Package(buffer.getvalue()).members

    with zipfile.ZipFile(io.BytesIO(sanitise(changed(sample_slide), KINDS["pptx"], PATHS["pptx"]).package)) as kept:
        assert b"sldId " not in kept.read(PRESENTATION) and b"sldId>" not in kept.read(PRESENTATION)


def test_a_header_whose_only_change_is_an_emptied_field_is_written_without_it() -> None:
    taken = sanitise(build("docx", "fields that run commands in the header"), KINDS["docx"], PATHS["docx"])
    with zipfile.ZipFile(io.BytesIO(taken.package)) as kept:
        header = kept.read(HEADER)
    assert b"DDEAUTO" not in header and b"INCLUDEPICTURE" not in header


def test_links_after_a_broken_one_are_still_followed() -> None:
    def broken_first(package: Package) -> None:
        picture_on(package, MASTER, "../media/missing.png")
        root = package.xml(MASTER_RELS)
        root.insert(0, root[-1])
        package.put_xml(MASTER_RELS, root)
    taken = sanitise(changed(broken_first), KINDS["pptx"], PATHS["pptx"])
    assert taken.dropped == [f"broken link to missing part ppt/media/missing.png (picture) on {MASTER}",
                             *BUILT_IN_DECK_DROPS]
    with zipfile.ZipFile(io.BytesIO(taken.package)) as kept:
        assert LAYOUT_2 in kept.namelist()


def test_every_link_written_names_a_part_written() -> None:
    # A picture link to a part of another type, and one bad picture linked from the master and from a layout: the
    # parts are not taken, so neither may their links be.
    def links_to_parts_not_taken(package: Package) -> None:
        picture_on(package, LAYOUT_2, "../../docProps/app.xml")
        package.add_part("ppt/media/page.png", b"<html><script>alert(1)</script></html>", "image/png")
        picture_on(package, MASTER, "../media/page.png")
        picture_on(package, LAYOUT_2, "../media/page.png", shape_id=99)

    with zipfile.ZipFile(io.BytesIO(sanitise(changed(links_to_parts_not_taken), KINDS["pptx"],
                                             PATHS["pptx"]).package)) as kept:
        names = set(kept.namelist())
        for rels in (name for name in names if name.endswith(".rels")):
            source = rels.replace("_rels/", "").removesuffix(".rels")
            for relationship in etree.fromstring(kept.read(rels)):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(source), relationship.get("Target")))
                assert target in names, (rels, relationship.get("Target"))


def test_a_type_or_default_lacking_an_attribute_is_read_as_empty() -> None:
    def incomplete_types(package: Package) -> None:
        types = package.xml("[Content_Types].xml")
        for tag, attributes in (("Default", {"ContentType": "application/xml"}), ("Default", {"Extension": "odd"}),
                                ("Override", {"ContentType": "application/xml"}),
                                ("Override", {"PartName": "/ppt/odd.xml"})):
            etree.SubElement(types, f"{{{CONTENT_TYPES}}}{tag}", attributes)
        package.put_xml("[Content_Types].xml", types)
    assert _dropped("pptx", changed(incomplete_types)) == BUILT_IN_DECK_DROPS


# --- Limits, at and just past them -------------------------------------------------------------------------------

def _xml_parsed(monkeypatch) -> list[tuple[str, int]]:
    """Return each XML part sanitising the built-in deck parses, with its size, in the order parsed."""
    parsed: list[tuple[str, int]] = []
    real = SANITISE.parse_xml

    def recording(data, path, part, save_again):
        parsed.append((part, len(data)))
        return real(data, path, part, save_again)

    monkeypatch.setattr(SANITISE, "parse_xml", recording)
    sanitise(powerpoint_base(), KINDS["pptx"], PATHS["pptx"])
    monkeypatch.setattr(SANITISE, "parse_xml", real)
    return parsed


def test_xml_parts_of_exactly_the_limits_are_read_and_a_byte_more_refused(monkeypatch) -> None:
    parsed = _xml_parsed(monkeypatch)
    monkeypatch.setattr(SANITISE, "MAX_XML_PART_BYTES", max(size for _, size in parsed))
    monkeypatch.setattr(SANITISE, "MAX_XML_TOTAL_BYTES", sum(size for _, size in parsed))
    assert sanitise(powerpoint_base(), KINDS["pptx"], PATHS["pptx"]).dropped == BUILT_IN_DECK_DROPS

    monkeypatch.setattr(SANITISE, "MAX_XML_TOTAL_BYTES", sum(size for _, size in parsed) - 1)
    assert _refusal(powerpoint_base()) == (
        f"brand.potx, part {parsed[-1][0]}: the template's XML parts hold more than the "
        f"{in_megabytes(sum(size for _, size in parsed) - 1)} of XML a template may hold together; delete sample "
        "content and unused layouts, and save it again")

    first, size = parsed[0]
    monkeypatch.setattr(SANITISE, "MAX_XML_PART_BYTES", size - 1)
    assert _refusal(powerpoint_base()) == (
        f"brand.potx, part {first}: the part holds {in_megabytes(size)} of XML, more than the "
        f"{in_megabytes(size - 1)} a template's XML part may hold; delete sample content and unused layouts, and "
        "save it again")


@pytest.mark.parametrize("budget, dropped", [(48, 0), (47, 1)])
def test_the_pictures_of_a_template_share_one_pixel_budget(monkeypatch, budget: int, dropped: int) -> None:
    # Three 4 x 4 pictures, 16 pixels each: 48 fit, 47 leave the last out.
    def three_pictures(package: Package) -> None:
        for number, part in enumerate((MASTER, "ppt/slideLayouts/slideLayout1.xml", LAYOUT_2)):
            package.add_part(f"ppt/media/budget{number}.png", png_bytes(), "image/png")
            picture_on(package, part, f"../media/budget{number}.png")

    monkeypatch.setattr(PICTURES, "MAX_TEMPLATE_PICTURE_PIXELS", budget)
    lines = [line for line in _dropped("pptx", changed(three_pictures)) if line not in BUILT_IN_DECK_DROPS]
    assert len(lines) == dropped
    assert all(f"would have more than the {budget:,} pixels" in line for line in lines)


def test_part_names_and_extensions_beginning_with_a_capital_x_are_read_as_given() -> None:
    # The view properties moved to a folder Xview (typed by their Override), the presentation properties given the
    # extension .Xprops (typed by a Default): no office program names parts so, but nothing forbids it.
    def capital_x_parts(package: Package) -> None:
        moves = {"ppt/viewProps.xml": "Xview/viewProps.xml", "ppt/presProps.xml": "ppt/presProps.Xprops"}
        types = package.xml("[Content_Types].xml")
        for override in list(types):
            if override.get("PartName") == "/ppt/viewProps.xml":
                override.set("PartName", "/Xview/viewProps.xml")
            if override.get("PartName") == "/ppt/presProps.xml":
                types.insert(0, etree.Element(f"{{{CONTENT_TYPES}}}Default", Extension="Xprops",
                                              ContentType=override.get("ContentType")))
                types.remove(override)
        package.put_xml("[Content_Types].xml", types)
        package.members["ppt/_rels/presentation.xml.rels"] = package.members["ppt/_rels/presentation.xml.rels"] \
            .replace(b'"viewProps.xml"', b'"../Xview/viewProps.xml"').replace(b'"presProps.xml"', b'"presProps.Xprops"')
        for old, new in moves.items():
            package.members[new] = package.members.pop(old)

    taken = sanitise(changed(capital_x_parts), KINDS["pptx"], PATHS["pptx"])
    assert taken.dropped == BUILT_IN_DECK_DROPS
    with zipfile.ZipFile(io.BytesIO(taken.package)) as kept:
        assert {"Xview/viewProps.xml", "ppt/presProps.Xprops"} <= set(kept.namelist())
