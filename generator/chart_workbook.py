"""The workbook inside a chart: the data PowerPoint and Word open with "Edit Data".

One sheet, laid out as python-pptx's chart XML refers to it (Sheet1: the
series name in B1, categories from A2, values from B2). Written here rather
than by xlsxwriter, which takes longer to import than a whole chart takes to
draw; a test has the Open XML SDK and LibreOffice read it.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from .output.zipwriter import write_zip

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_CONTENT_TYPES = _XML + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '</Types>')
_PACKAGE_RELS = _XML + (
    f'<Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = _XML + (
    f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = _XML + (
    f'<Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOC_RELS}/styles" Target="styles.xml"/></Relationships>')
# The least a stylesheet may hold: one font, the two fills Excel expects, one border, one cell format.
_STYLES = _XML + (
    f'<styleSheet xmlns="{_MAIN}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def chart_workbook(series_name: str, categories, values) -> bytes:
    """Return an .xlsx holding one series: its name in B1, categories from A2 down, values from B2 down."""
    rows = [f'<row r="1"><c r="B1" t="inlineStr">{_inline(series_name)}</c></row>']
    for number, (category, value) in enumerate(zip(categories, values), start=2):
        rows.append(f'<row r="{number}"><c r="A{number}" t="inlineStr">{_inline(category)}</c>'
                    f'<c r="B{number}"><v>{int(value)}</v></c></row>')
    last = len(rows)
    sheet = _XML + (f'<worksheet xmlns="{_MAIN}"><dimension ref="A1:B{last}"/>'
                    f'<sheetData>{"".join(rows)}</sheetData></worksheet>')
    return write_zip([("[Content_Types].xml", _CONTENT_TYPES.encode()), ("_rels/.rels", _PACKAGE_RELS.encode()),
                      ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.encode()), ("xl/styles.xml", _STYLES.encode()),
                      ("xl/workbook.xml", _WORKBOOK.encode()), ("xl/worksheets/sheet1.xml", sheet.encode("utf-8"))])


def _inline(value) -> str:
    """Return a cell's text as an inline string (spaces at either end kept, as Excel would drop them)."""
    text = str(value)
    keep = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<is><t{keep}>{escape(text)}</t></is>"
