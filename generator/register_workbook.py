"""A blank review register to fill in: the workbook ``make_deck.py register new`` writes for a data file.

Sheets Reviews and People have the headings :mod:`generator.data_source.register_rows`
reads, a frozen heading row, drop-down lists for review type, area, status,
role, ethnicity and gender, columns wide enough for the longest choice, checks
on dates and ages as they are typed, and an About sheet
that explains every column. A third sheet, Recommendations, has the headings
:mod:`generator.data_source.register_recommendations` reads, its Status a
drop-down of the recommendation statuses. The lists live on a hidden Lists sheet (a list
typed into the validation itself may not hold commas, which the ONS names do).
The same arguments always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.properties import CalcProperties
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from .data_source.register_reading import PEOPLE_SHEET, REVIEWS_SHEET
from .data_source.register_recommendations import RECOMMENDATION_COLUMNS, RECOMMENDATIONS_SHEET
from .model import DEFAULT_REVIEW_STATUSES, Timeline
from .data_source.register_rows import MAX_AGE, PEOPLE_COLUMNS, REVIEW_COLUMNS, Column
from .categories import DEFAULT_GENDERS
from .categories.ethnicity import ons_groups
from .templates.package_writing import zip_members

# The ethnic groups of the 2021 Census of England and Wales (Office for National Statistics), high-level group
# and group, as the ONS writes them.
ONS_2021_ETHNICITIES = tuple(group.label for group in ons_groups())
STRICT_LISTS = ("Review type", "Area", "Role")  # a value off these lists is refused as it is typed
CRITERIA = "Criteria"
MIN_COLUMN_WIDTH = 14  # characters
LISTS_SHEET = "Lists"
RECOMMENDATION_STATUS_LIST = "Recommendation status"  # the Lists sheet's column for the Recommendations sheet
ABOUT_SHEET = "About"
ROWS_CHECKED = 5000  # the drop-downs and checks cover this many rows below the headings
FIXED_DATE = dt.datetime(2024, 1, 1)  # the workbook's created and modified dates, so its bytes never change
DATE_FORMAT = "dd/mm/yyyy"
EARLIEST_DATE = "DATE(1980,1,1)"
HEADING_FONT = Font(bold=True)
STYLES_PART = "xl/styles.xml"
SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
FONT_CHILD_ORDER = ("b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color",
                    "name", "family", "charset", "scheme")  # CT_Font in ECMA-376 part 1, as the SDK checks it
EXAMPLE_TYPES = 3  # the About sheet names the partnership's first review types as examples, at most this many
# What to write in each column, for the About sheet, by sheet and heading. The examples are the partnership's own:
# {types} its first review types' abbreviations, {area} its first area, {reference} a reference of its first type.
ABOUT_COLUMNS = {
    (REVIEWS_SHEET, "Reference"): "The review's own reference, unique in the register (for example {reference}).",
    (REVIEWS_SHEET, "Review type"): "The type of review: its abbreviation{types} or its name.",
    (REVIEWS_SHEET, "Area"): "The area the review belongs to: its short name{area} or its full name.",
    (REVIEWS_SHEET, "Status"): "Where the review is: for example in progress, completed, published.",
    (REVIEWS_SHEET, "Date notified"): "The date the case was notified, as dd/mm/yyyy (or a date chosen in Excel).",
    (REVIEWS_SHEET, "Date published"): "The date the review was published; blank while it is not.",
    (REVIEWS_SHEET, "Themes"): "The review's themes, from the type's list, separated by semicolons (;).",
    (REVIEWS_SHEET, "Criteria"): "For a type that declares criteria (a Single Unified Safeguarding Review): each "
                                 "criterion the review meets, separated by semicolons (;); blank for other types.",
    (REVIEWS_SHEET, "Date of incident"): "The date of the serious incident (or death); blank when not known.",
    (REVIEWS_SHEET, "Rapid review date"): "The date the rapid review was held; blank when there was none.",
    (REVIEWS_SHEET, "Decision date"): "The date the partnership decided to hold the review.",
    (REVIEWS_SHEET, "Date completed"): "The date the review was completed (its report signed off); blank while open.",
    (PEOPLE_SHEET, "Reference"): "The reference of the review this person was part of, as on the Reviews sheet.",
    (PEOPLE_SHEET, "Role"): "The person's part in the review{roles}; blank when the type declares no roles.",
    (PEOPLE_SHEET, "Age"): "Age in whole years (0 to {max_age}) at the time of the incident; blank when not known.",
    (PEOPLE_SHEET, "Ethnicity"): "Ethnicity as the person would describe it; blank when not known.",
    (PEOPLE_SHEET, "Gender"): "Gender as the person would describe it; blank when not known.",
    (RECOMMENDATIONS_SHEET, "Reference"): "The reference of the review that made the recommendation.",
    (RECOMMENDATIONS_SHEET, "Recommendation"): "The recommendation, in short.",
    (RECOMMENDATIONS_SHEET, "Agency"): "The agency (or the partnership) that is to act on it.",
    (RECOMMENDATIONS_SHEET, "Date agreed"): "The date the action was agreed.",
    (RECOMMENDATIONS_SHEET, "Due"): "The date it is due; after it, a recommendation not completed is overdue.",
    (RECOMMENDATIONS_SHEET, "Status"): "Where it is: not started, in progress, completed or not implemented.",
    (RECOMMENDATIONS_SHEET, "Date completed"): "The date it was completed.",
    (RECOMMENDATIONS_SHEET, "Reason"): "Why it was not implemented (needed when it was not; the board reports it).",
}
ABOUT_INTRODUCTION_HEIGHT = 32  # points: the About sheet's introduction, two lines of the default 11 pt text
REFERENCE_EXAMPLE = "{type}-2023-04"  # a reference of the partnership's first review type


def write_blank_register(path: Path, review_types: Sequence[str], areas: Sequence[str],
                         ethnicities: Sequence[str] | None = None, genders: Sequence[str] | None = None,
                         roles: Sequence[str] = (), themes: Sequence[str] = (), criteria: Sequence[str] = (),
                         statuses: Sequence[str] = DEFAULT_REVIEW_STATUSES) -> None:
    """Write a blank register to ``path`` (replacing it whole, never leaving half a file).

    ``review_types``, ``areas`` and ``roles`` are the names the drop-downs
    offer (a type's abbreviation, an area's short or full name, the types'
    declared roles); ethnicity defaults to the ONS 2021 groups and gender to
    Female, Male, Other. ``themes`` only widen the Themes column to show them. ``criteria`` (the types'
    declared criteria) are the Criteria column's drop-down; several are typed with semicolons between them.
    ``statuses`` (the data's timeline.review_statuses, or the default) are the Status column's drop-down.
    """
    data = blank_register_bytes(review_types, areas, ethnicities, genders, roles, themes, criteria, statuses)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def blank_register_bytes(review_types: Sequence[str], areas: Sequence[str],
                         ethnicities: Sequence[str] | None = None, genders: Sequence[str] | None = None,
                         roles: Sequence[str] = (), themes: Sequence[str] = (), criteria: Sequence[str] = (),
                         statuses: Sequence[str] = DEFAULT_REVIEW_STATUSES) -> bytes:
    """Return the bytes of a blank register (see :func:`write_blank_register`)."""
    workbook = blank_register(review_types, areas, ethnicities, genders, roles, themes, criteria, statuses)
    return workbook_bytes(workbook)


def blank_register(review_types: Sequence[str], areas: Sequence[str], ethnicities: Sequence[str] | None = None,
                   genders: Sequence[str] | None = None, roles: Sequence[str] = (), themes: Sequence[str] = (),
                   criteria: Sequence[str] = (), statuses: Sequence[str] = DEFAULT_REVIEW_STATUSES) -> Workbook:
    """Return a blank register as an openpyxl workbook (to fill in before saving, as the example's script does)."""
    choices = {
        "Review type": list(review_types),
        "Area": list(areas),
        "Status": list(statuses),
        "Role": list(roles),
        "Ethnicity": list(ONS_2021_ETHNICITIES if ethnicities is None else ethnicities),
        "Gender": list(DEFAULT_GENDERS if genders is None else genders),
        "Criteria": list(criteria),
        RECOMMENDATION_STATUS_LIST: list(Timeline().recommendation_statuses),
    }
    choices = {heading: values for heading, values in choices.items() if values}
    widest = {heading: max(len(value) for value in values) for heading, values in choices.items()}
    if themes:
        widest["Themes"] = max(len(theme) for theme in themes)
    workbook = Workbook()
    reviews = workbook.active
    assert isinstance(reviews, Worksheet)
    reviews.title = REVIEWS_SHEET
    people = workbook.create_sheet(PEOPLE_SHEET)
    recommendations = workbook.create_sheet(RECOMMENDATIONS_SHEET)
    about = workbook.create_sheet(ABOUT_SHEET)
    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    ranges = _write_lists(lists, choices)
    for sheet, columns in ((reviews, REVIEW_COLUMNS), (people, PEOPLE_COLUMNS),
                           (recommendations, RECOMMENDATION_COLUMNS)):
        _write_headings(sheet, columns, widest)
        for index, column in enumerate(columns, start=1):
            validation = _validation(column, ranges, _list_name(sheet.title, column))
            if validation is not None:
                letter = get_column_letter(index)
                validation.add(f"{letter}2:{letter}{ROWS_CHECKED + 1}")
                sheet.add_data_validation(validation)
            if _is_date(column):
                sheet.column_dimensions[get_column_letter(index)].number_format = DATE_FORMAT
    _write_about(about, choices, roles)
    workbook.properties.creator = "Learning from Reviews"
    workbook.properties.created = FIXED_DATE
    workbook.properties.modified = FIXED_DATE
    workbook.calculation = CalcProperties(fullCalcOnLoad=False)
    return workbook


def workbook_bytes(workbook: Workbook) -> bytes:
    """Return the workbook's bytes with fixed member dates and its own created/modified dates kept.

    openpyxl's ``save`` stamps the time of saving on the workbook and on each
    zip member; its writer is used directly, and the members repacked.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return zip_members({name: _fonts_in_schema_order(data) if name == STYLES_PART else data
                        for name, data in members})


def _fonts_in_schema_order(styles: bytes) -> bytes:
    """Return the stylesheet with each font's settings in the order the Open XML schema gives them.

    openpyxl writes a font's name and colour before its size, which Excel
    accepts but the Open XML SDK's validator reports as a schema error.
    """
    root = etree.fromstring(styles, etree.XMLParser(resolve_entities=False))
    rank = {f"{{{SPREADSHEET_NS}}}{tag}": index for index, tag in enumerate(FONT_CHILD_ORDER)}
    for font in root.iter(f"{{{SPREADSHEET_NS}}}font"):
        font[:] = sorted(font, key=lambda child: rank.get(child.tag, len(rank)))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _write_headings(sheet: Worksheet, columns: Sequence[Column], widest: dict[str, int]) -> None:
    """Write the heading row, each column wide enough for its heading and for the longest value it offers."""
    sheet.append([column.heading for column in columns])
    for index, column in enumerate(columns, start=1):
        sheet.cell(row=1, column=index).font = HEADING_FONT
        width = max(MIN_COLUMN_WIDTH, len(column.heading) + 4, widest.get(column.heading, 0) + 2)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _write_lists(sheet: Worksheet, choices: dict[str, list[str]]) -> dict[str, str]:
    """Write each list of choices in a column of the Lists sheet; return the range each drop-down refers to."""
    ranges = {}
    for index, (heading, values) in enumerate(choices.items(), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=heading).font = HEADING_FONT
        for row, value in enumerate(values, start=2):
            # Text, never a formula: openpyxl makes a value starting with "=" one (an area named "=HYPERLINK(...)").
            sheet.cell(row=row, column=index, value=value).data_type = "s"
        last = max(2, len(values) + 1)
        ranges[heading] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${last}"
    return ranges


def _list_name(sheet_name: str, column: Column) -> str:
    """Return the name of the list a column's drop-down offers: its heading, but a recommendation's Status has a
    list of its own."""
    return RECOMMENDATION_STATUS_LIST if (sheet_name, column.heading) == (RECOMMENDATIONS_SHEET, "Status") \
        else column.heading


def _validation(column: Column, ranges: dict[str, str], list_name: str) -> DataValidation | None:
    """Return the check Excel makes as a column's cell is typed, or None for free text."""
    if column.heading == CRITERIA and list_name in ranges:
        # A review may meet several criteria: the drop-down offers one, and a typed list of several is allowed.
        return DataValidation(type="list", formula1=ranges[column.heading], allow_blank=True, showErrorMessage=True,
                              errorStyle="information", errorTitle=CRITERIA,
                              error="Choose a criterion from the list; for several, type them separated by "
                                    "semicolons (;).")
    if list_name in ranges:
        strict = column.heading in STRICT_LISTS
        what = column.heading.lower()
        return DataValidation(
            type="list", formula1=ranges[list_name], allow_blank=True, showErrorMessage=True,
            errorStyle="stop" if strict else "warning", errorTitle=column.heading,
            error=f"Choose {_article(what)} {what} from the list." if strict else
            f"This {what} is not on the list; keep it only if it is right.")
    if _is_date(column):
        return DataValidation(type="date", operator="greaterThan", formula1=EARLIEST_DATE, allow_blank=True,
                              showErrorMessage=True, errorTitle=column.heading,
                              error="Type a date as dd/mm/yyyy, for example 31/03/2024.")
    if column.heading == "Age":
        return DataValidation(type="whole", operator="between", formula1="0", formula2=str(MAX_AGE),
                              allow_blank=True, showErrorMessage=True, errorTitle="Age",
                              error=f"Type the age in whole years, from 0 to {MAX_AGE}, or leave it blank "
                                    "when it is not known.")
    return None


def _article(word: str) -> str:
    """Return 'an' before a word that starts with a vowel ('an area'), else 'a' ('a review type')."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def _is_date(column: Column) -> bool:
    """Return whether a column holds dates: Date notified, Rapid review date, Due..."""
    heading = column.heading.lower()
    return heading.startswith("date") or heading.endswith(" date") or heading == "due"


def _write_about(sheet: Worksheet, choices: dict[str, list[str]], roles: Sequence[str]) -> None:
    """Write the About sheet: how the register is used, then each column of each sheet and what it holds."""
    sheet.append(["The review register"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["One row on the Reviews sheet for each review, and one row on the People sheet for each person "
                  "a review concerned (a review may concern more than one person). The deck and the briefings "
                  "count their figures from these rows. Extra columns are ignored."])
    sheet.append([])
    sheet.append(["Sheet", "Column", "What to write"])
    for cell in sheet[4]:
        cell.font = HEADING_FONT
    examples = _examples(choices.get("Review type", []), choices.get("Area", []), roles)
    for sheet_name, columns in ((REVIEWS_SHEET, REVIEW_COLUMNS), (PEOPLE_SHEET, PEOPLE_COLUMNS),
                                (RECOMMENDATIONS_SHEET, RECOMMENDATION_COLUMNS)):
        for column in columns:
            about = ABOUT_COLUMNS[sheet_name, column.heading].format(**examples)
            if _list_name(sheet_name, column) in choices:
                about += " A drop-down offers the choices."
            sheet.append([sheet_name, column.heading, about])
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 16
    sheet.column_dimensions["C"].width = 100
    for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    # The introduction spans the three columns, two lines tall (a merged cell is not made taller to fit its text),
    # instead of wrapping word by word in the narrow first column; printed, the sheet is one page wide.
    sheet.merge_cells("A2:C2")
    sheet.row_dimensions[2].height = ABOUT_INTRODUCTION_HEIGHT
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _examples(review_types: Sequence[str], areas: Sequence[str], roles: Sequence[str]) -> dict[str, str]:
    """Return the About sheet's examples, from the partnership's own review types and areas (none when it has none)."""
    shown_types = ", ".join(review_types[:EXAMPLE_TYPES])
    return {
        "types": f" ({shown_types})" if shown_types else "",
        "area": f" ({areas[0]})" if areas else "",
        "reference": REFERENCE_EXAMPLE.format(type=review_types[0]) if review_types else "2023-04",
        "max_age": str(MAX_AGE),
        "roles": f", as its type declares ({', '.join(roles)})" if roles else "",
    }
