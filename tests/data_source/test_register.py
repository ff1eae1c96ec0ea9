"""The review register: reading workbooks, CSV files and YAML rows, every problem located, and counting."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from generator.data_source import register
from generator.data_source.register import (
    BY_PUBLISHED, KnownFor, PersonRow, ResolvedReview, ReviewRow, RowPlace, build_register, count_by,
    count_each, known_for, people_of, read_csv_register, read_register, resolve_register, rows_from_records,
    select_period,
)
from generator.problems import WARNING, InputError

REVIEW_HEADINGS = ["Reference", "Review type", "Area", "Status", "Date notified", "Date published", "Themes"]
PEOPLE_HEADINGS = ["Reference", "Role", "Age", "Ethnicity", "Gender"]
REVIEWS: list[list[object]] = [
    ["C-1", "CSPR", "MBC", "Published", dt.datetime(2021, 5, 4), "01/02/2022", "Neglect; Domestic abuse"],
    ["C-2", "Child Safeguarding Practice Reviews", "Hartlepool Borough Council", "In progress", "2021-07-10", None,
     "neglect"],
    ["S-1", "sar", "hbc", "Published", "15/09/2022", dt.datetime(2023, 3, 1), None],
]
PEOPLE: list[list[object]] = [
    ["C-1", None, 0, "White British", "Female"],
    ["C-1", None, 3, "White British", "Male"],
    ["C-2", None, None, None, None],
    ["S-1", "adult", "67", "Asian British", "Female"],
]
TYPES = {"cspr": ("CSPR", "Child Safeguarding Practice Reviews", "Children Reviews",
                  "Child Safeguarding Practice Review"),
         "sar": ("SAR", "Safeguarding Adult Reviews")}
AREAS = {"MBC": "Middlesbrough Borough Council", "HBC": "Hartlepool Borough Council"}
THEMES = {"cspr": ("Neglect", "Domestic Abuse"), "sar": ("Self-neglect",)}


def workbook(path: Path, reviews: Sequence[Sequence[object]] | None = None,
             people: Sequence[Sequence[object]] | None = None, *, review_headings: Sequence[str] = REVIEW_HEADINGS,
             people_headings: Sequence[str] = PEOPLE_HEADINGS, sheets: Sequence[str] = ("Reviews", "People")
             ) -> Path:
    """Write a register workbook with the given rows (the example rows when none are given)."""
    book = openpyxl.Workbook()
    for unwanted in book.worksheets:
        book.remove(unwanted)
    contents: dict[str, tuple[Sequence[str], Sequence[Sequence[object]]]] = {
        "Reviews": (review_headings, REVIEWS if reviews is None else reviews),
                "People": (people_headings, PEOPLE if people is None else people)}
    for name in sheets:
        sheet = book.create_sheet(name)
        headings, rows = contents.get(name.capitalize(), ([], []))
        if headings:
            sheet.append(list(headings))
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def problems_of(path: Path, label: str = "reviews.xlsx") -> list[str]:
    with pytest.raises(InputError) as caught:
        read_register(path, label)
    return [str(p) for p in caught.value.problems]


def rewrite_member(path: Path, member: str, change) -> None:
    """Rewrite one part of a workbook's zip package with ``change(text) -> text``."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[member] = change(parts[member].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


# Reading a good register --------------------------------------------------------------------------------------------


def test_a_workbook_reads_into_typed_rows(tmp_path):
    result = read_register(workbook(tmp_path / "r.xlsx"), "reviews.xlsx")
    assert result.reviews[0] == ReviewRow("C-1", "CSPR", "MBC", "Published", dt.date(2021, 5, 4), dt.date(2022, 2, 1),
                                          ("Neglect", "Domestic abuse"), RowPlace("reviews.xlsx", "Reviews", 2))
    assert [r.notified for r in result.reviews] == [dt.date(2021, 5, 4), dt.date(2021, 7, 10), dt.date(2022, 9, 15)]
    assert [r.published for r in result.reviews] == [dt.date(2022, 2, 1), None, dt.date(2023, 3, 1)]
    assert result.reviews[2].themes == ()
    assert [p.age for p in result.people] == [0, 3, None, 67]
    assert result.people[2] == PersonRow("C-2", "", None, "", "", RowPlace("reviews.xlsx", "People", 4))
    assert result.notes == []


def test_headings_match_regardless_of_case_spaces_and_underscores_and_extra_columns_are_noted(tmp_path):
    headings = ["REFERENCE", "review_type", "Area ", "status", "Date_Notified", "DATE PUBLISHED", "Themes", "Lead"]
    rows = [row + ["Jo"] for row in REVIEWS]
    result = read_register(workbook(tmp_path / "r.xlsx", rows, review_headings=headings), "reviews.xlsx")
    assert [r.reference for r in result.reviews] == ["C-1", "C-2", "S-1"]
    assert [str(n) for n in result.notes] == [
        "reviews.xlsx, sheet Reviews, row 1: column Lead is not used and was ignored"]
    assert result.notes[0].severity == WARNING


def test_sheet_names_match_regardless_of_case_and_other_sheets_are_left_alone(tmp_path):
    path = workbook(tmp_path / "r.xlsx", sheets=("Notes", "reviews", "PEOPLE"))
    assert len(read_register(path, "reviews.xlsx").people) == 4


def test_blank_rows_are_skipped_and_rows_keep_their_sheet_numbers(tmp_path):
    rows = [REVIEWS[0], [None] * 7, ["", " ", None, None, None, None, None], REVIEWS[1]]
    result = read_register(workbook(tmp_path / "r.xlsx", rows, PEOPLE[:3]), "reviews.xlsx")
    assert [r.place.row for r in result.reviews] == [2, 5]


def test_a_whole_number_reference_reads_without_a_decimal_point(tmp_path):
    rows = [[2021001.0, "CSPR", "MBC", "", "2021-01-01", None, None]]
    result = read_register(workbook(tmp_path / "r.xlsx", rows, [[2021001, None, 4, "", ""]]), "reviews.xlsx")
    assert result.reviews[0].reference == "2021001"
    assert result.people[0].reference == "2021001"


def test_a_formula_reads_as_the_value_excel_saved(tmp_path):
    path = workbook(tmp_path / "r.xlsx")
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        '<c r="D2" t="inlineStr"><is><t>Published</t></is></c>',
        '<c r="D2" t="str"><f>"Publ"&amp;"ished"</f><v>Published by formula</v></c>'))
    assert read_register(path, "reviews.xlsx").reviews[0].status == "Published by formula"


# Problems, every one located and all at once ------------------------------------------------------------------------


def test_a_date_that_is_not_a_date(tmp_path):
    rows = [REVIEWS[0][:4] + ["31/02/2021"] + REVIEWS[0][5:], REVIEWS[1][:5] + ["soon", None], REVIEWS[2]]
    assert problems_of(workbook(tmp_path / "r.xlsx", rows)) == [
        "reviews.xlsx, sheet Reviews, row 2, Date notified: '31/02/2021' is not a date (February 2021 has no day 31)",
        "reviews.xlsx, sheet Reviews, row 3, Date published: 'soon' is not a date (expected dd/mm/yyyy or "
        "yyyy-mm-dd)",
    ]


def test_a_blank_required_cell(tmp_path):
    rows = [REVIEWS[0][:2] + [None] + REVIEWS[0][3:4] + [None] + REVIEWS[0][5:]] + REVIEWS[1:]
    assert problems_of(workbook(tmp_path / "r.xlsx", rows)) == [
        "reviews.xlsx, sheet Reviews, row 2, Area: is blank; every row needs one",
        "reviews.xlsx, sheet Reviews, row 2, Date notified: is blank; every row needs one",
    ]


def test_a_duplicate_reference_names_the_first_row(tmp_path):
    rows = REVIEWS + [["c-1"] + REVIEWS[1][1:]]
    assert problems_of(workbook(tmp_path / "r.xlsx", rows)) == [
        "reviews.xlsx, sheet Reviews, row 5, Reference: 'c-1' is already the reference of row 2; each review "
        "needs its own"]


def test_a_person_whose_reference_has_no_review(tmp_path):
    people = PEOPLE + [["D-9", "victim", 30, "", ""]]
    assert problems_of(workbook(tmp_path / "r.xlsx", people=people)) == [
        "reviews.xlsx, sheet People, row 6, Reference: 'D-9' is not the reference of any review on the Reviews "
        "sheet"]


def test_a_person_of_a_review_with_other_problems_is_still_matched_to_it(tmp_path):
    rows = [REVIEWS[0][:4] + ["never"] + REVIEWS[0][5:]] + REVIEWS[1:]
    assert problems_of(workbook(tmp_path / "r.xlsx", rows)) == [
        "reviews.xlsx, sheet Reviews, row 2, Date notified: 'never' is not a date (expected dd/mm/yyyy or "
        "yyyy-mm-dd)"]


@pytest.mark.parametrize("age, shown", [(4.5, "4.5"), (121, "121"), (-1, "-1"), ("four", "four"),
                                        ("3 months", "3 months"), (dt.datetime(2020, 1, 1), "2020-01-01 00:00:00")])
def test_an_age_that_is_not_a_whole_number_from_0_to_120(tmp_path, age, shown):
    people = [PEOPLE[0][:2] + [age] + PEOPLE[0][3:]] + PEOPLE[1:]
    assert problems_of(workbook(tmp_path / "r.xlsx", people=people)) == [
        f"reviews.xlsx, sheet People, row 2, Age: '{shown}' is not an age (expected a whole number of years from 0 "
        "to 120, or blank when not known)"]


def test_every_problem_in_both_sheets_is_listed_at_once(tmp_path):
    rows = [REVIEWS[0][:4] + ["2021-13-01"] + REVIEWS[0][5:], REVIEWS[1], REVIEWS[1]]
    people = PEOPLE + [["X", None, 200, None, None]]
    assert problems_of(workbook(tmp_path / "r.xlsx", rows, people)) == [
        "reviews.xlsx, sheet Reviews, row 2, Date notified: '2021-13-01' is not a date (there is no month 13)",
        "reviews.xlsx, sheet Reviews, row 4, Reference: 'C-2' is already the reference of row 3; each review needs "
        "its own",
        "reviews.xlsx, sheet People, row 5, Reference: 'S-1' is not the reference of any review on the Reviews sheet",
        "reviews.xlsx, sheet People, row 6, Reference: 'X' is not the reference of any review on the Reviews sheet",
        "reviews.xlsx, sheet People, row 6, Age: '200' is not an age (expected a whole number of years from 0 to "
        "120, or blank when not known)",
    ]


def test_an_empty_workbook(tmp_path):
    path = workbook(tmp_path / "r.xlsx", [], [], review_headings=[], people_headings=[])
    assert problems_of(path) == [
        "reviews.xlsx: the sheet Reviews is empty; expected a heading row (Reference, Review type, Area, Status, "
        "Date notified, Date published, Themes) and one row for each of the reviews",
        "reviews.xlsx: the sheet People is empty; expected a heading row (Reference, Role, Age, Ethnicity, Gender) "
        "and one row for each of the people",
    ]


def test_headings_without_reviews_is_the_one_problem_even_with_people(tmp_path):
    assert problems_of(workbook(tmp_path / "r.xlsx", [], PEOPLE)) == [
        "reviews.xlsx: the sheet Reviews has headings but no reviews; add one row for each review"]


def test_a_missing_sheet(tmp_path):
    assert problems_of(workbook(tmp_path / "r.xlsx", sheets=("Reviews", "Sheet2"))) == [
        "reviews.xlsx: the workbook has no sheet named People (its sheets: Reviews, Sheet2)"]


def test_a_missing_column(tmp_path):
    headings = ["Reference", "Type", "Area", "Status", "Date notified", "Date published", "Themes"]
    assert problems_of(workbook(tmp_path / "r.xlsx", review_headings=headings)) == [
        "reviews.xlsx, sheet Reviews, row 1: no column Review type; the headings are: Reference, Type, Area, Status, "
        "Date notified, Date published, Themes"]


def test_a_misspelt_column_is_named_as_the_one_meant(tmp_path):
    headings = ["Reference", "Review type", "Area", "Status", "Date notifed", "Date published", "Themes"]
    assert problems_of(workbook(tmp_path / "r.xlsx", review_headings=headings)) == [
        "reviews.xlsx, sheet Reviews, row 1: no column Date notified; the headings are: Reference, Review type, Area, "
        "Status, Date notifed, Date published, Themes (did you mean 'Date notifed' for Date notified?)"]


def test_a_column_given_twice(tmp_path):
    headings = REVIEW_HEADINGS + ["date_notified"]
    rows = [row + [None] for row in REVIEWS]
    assert problems_of(workbook(tmp_path / "r.xlsx", rows, review_headings=headings)) == [
        "reviews.xlsx, sheet Reviews, row 1, date_notified: the column appears twice (column E and column H); "
        "keep one"]


def test_a_formula_without_a_saved_value(tmp_path):
    rows = [REVIEWS[0][:4] + ["=TODAY()"] + REVIEWS[0][5:]] + REVIEWS[1:]
    assert problems_of(workbook(tmp_path / "r.xlsx", rows)) == [
        "reviews.xlsx, sheet Reviews, row 2, Date notified: the formula =TODAY() has no saved value; open the "
        "workbook in Excel and save it, or type the value instead"]


def test_a_control_character_stored_by_excel_is_reported(tmp_path):
    path = workbook(tmp_path / "r.xlsx", [REVIEWS[0][:6] + ["Neglect_x0007_"]] + REVIEWS[1:])
    assert problems_of(path) == [
        "reviews.xlsx, sheet Reviews, row 2, Themes: the cell holds the control character U+0007, which documents "
        "cannot contain; remove it"]


# Hostile and unusual files ------------------------------------------------------------------------------------------

UNREADABLE = ("reviews.xlsx: the workbook cannot be read: it is damaged, or not an Excel workbook; open it in Excel "
              "and save it again as an Excel Workbook (.xlsx)")


def test_a_file_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "r.xlsx"
    path.write_text("Reference,Area\n", encoding="utf-8")
    assert problems_of(path) == [UNREADABLE]


def test_a_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "r.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    assert problems_of(path) == [UNREADABLE]


def test_a_workbook_with_macros_is_refused(tmp_path):
    assert problems_of(workbook(tmp_path / "r.xlsm"), "reviews.xlsm") == [
        "reviews.xlsm: a workbook with macros (.xlsm) is not read; save the register as an Excel Workbook (.xlsx)"]
    path = workbook(tmp_path / "r.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\0" * 16)
    assert problems_of(path) == [
        "reviews.xlsx: the workbook holds macros; save the register as an Excel Workbook (.xlsx) without them"]


def test_a_file_too_large_is_refused_before_it_is_opened(tmp_path, monkeypatch):
    path = workbook(tmp_path / "r.xlsx")
    monkeypatch.setattr(register, "MAX_REGISTER_BYTES", 100)
    size = path.stat().st_size
    assert problems_of(path) == [f"reviews.xlsx: the file is {size:,} bytes; a register may be at most 100 bytes"]


def test_a_workbook_that_unpacks_too_large_is_refused(tmp_path, monkeypatch):
    path = workbook(tmp_path / "r.xlsx")
    with zipfile.ZipFile(path) as archive:
        inflated = sum(info.file_size for info in archive.infolist())
    monkeypatch.setattr(register, "MAX_UNZIPPED_BYTES", 1000)
    assert problems_of(path) == [f"reviews.xlsx: the workbook unpacks to {inflated:,} bytes, more than the 1,000 "
                                 "allowed"]


LAUGHS = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))


def test_entity_expansion_in_a_sheet_is_an_error_not_a_hang(tmp_path):
    path = workbook(tmp_path / "r.xlsx")
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        "<worksheet", f"<!DOCTYPE worksheet [{LAUGHS}]><worksheet", 1).replace("<t>Published</t>", "<t>&a9;</t>", 1))
    assert problems_of(path) == [UNREADABLE]


def test_entity_expansion_in_the_workbook_part_is_an_error_not_a_hang(tmp_path):
    path = workbook(tmp_path / "r.xlsx")
    rewrite_member(path, "xl/workbook.xml", lambda xml: xml.replace(
        "<workbook", f"<!DOCTYPE workbook [{LAUGHS}]><workbook", 1).replace('name="Reviews"', 'name="&a9;"', 1))
    assert problems_of(path) == [UNREADABLE]


def test_rows_past_the_limit_are_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(register, "MAX_ROWS", 2)
    assert problems_of(workbook(tmp_path / "r.xlsx")) == [
        "reviews.xlsx, sheet Reviews: the sheet has more than 2 rows",
        "reviews.xlsx, sheet People: the sheet has more than 2 rows"]


def test_a_row_far_down_the_sheet_is_reported_not_lost_nor_walked_to(tmp_path):
    path = workbook(tmp_path / "r.xlsx")
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        '<dimension ref="A1:G4"/>', '<dimension ref="A1:G1048576"/>').replace(
        "</sheetData>", '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>far</t></is></c></row></sheetData>'))
    assert problems_of(path) == [
        "reviews.xlsx, sheet Reviews: the sheet's used range reaches row 1,048,576, past the 100,001 rows read; "
        "delete the rows below the register (they may hold only formatting)"]


def test_a_register_that_is_not_a_regular_file(tmp_path):
    fifo = tmp_path / "r.xlsx"
    os.mkfifo(fifo)
    assert problems_of(fifo) == ["reviews.xlsx: expected a file, but this is a folder or a device"]


def test_a_missing_file_and_an_unknown_kind(tmp_path):
    assert problems_of(tmp_path / "none.xlsx") == ["reviews.xlsx: file not found"]
    other = tmp_path / "r.ods"
    other.write_bytes(b"x")
    assert problems_of(other, "r.ods") == [
        "r.ods: expected an Excel workbook (.xlsx), or a folder holding reviews.csv and people.csv"]


# CSV files ----------------------------------------------------------------------------------------------------------


def write_csv(path: Path, rows: Sequence[Sequence[object]], delimiter: str = ",") -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows([["" if v is None else v for v in row] for row in rows])
    return path


def csv_folder(folder: Path, reviews: Sequence[Sequence[object]], people: Sequence[Sequence[object]],
               delimiter: str = ",") -> Path:
    folder.mkdir()
    write_csv(folder / "reviews.csv", [REVIEW_HEADINGS] + list(reviews), delimiter)
    write_csv(folder / "people.csv", [PEOPLE_HEADINGS] + list(people), delimiter)
    return folder


@pytest.mark.parametrize("delimiter", [",", ";"], ids=["commas", "semicolons, as Excel in some languages saves"])
def test_a_folder_of_csv_files_reads_like_a_workbook(tmp_path, delimiter):
    text_rows = [[v.strftime("%d/%m/%Y") if isinstance(v, dt.datetime) else v for v in row] for row in REVIEWS]
    folder = csv_folder(tmp_path / "reg", text_rows, PEOPLE, delimiter)
    from_csv = read_register(folder, "reg")
    from_workbook = read_register(workbook(tmp_path / "r.xlsx"), "reg")
    assert [(r.reference, r.notified, r.published, r.themes) for r in from_csv.reviews] == [
        (r.reference, r.notified, r.published, r.themes) for r in from_workbook.reviews]
    assert [(p.reference, p.age, p.ethnicity) for p in from_csv.people] == [
        (p.reference, p.age, p.ethnicity) for p in from_workbook.people]
    assert from_csv.people[0].place == RowPlace("reg/people.csv", "people.csv", 2)


def test_csv_problems_name_the_file_and_row(tmp_path):
    folder = csv_folder(tmp_path / "reg", [["C-1", "CSPR", "MBC", "", "2021-02-30", "", "Neglect\x1b"]],
                        [["C-1", "", "x", "", ""]])
    with pytest.raises(InputError) as caught:
        read_register(folder, "reg")
    assert [str(p) for p in caught.value.problems] == [
        "reg/reviews.csv, row 2, Date notified: '2021-02-30' is not a date (February 2021 has no day 30)",
        "reg/reviews.csv, row 2, Themes: the cell holds the control character U+001B, which documents cannot "
        "contain; remove it",
        "reg/people.csv, row 2, Age: 'x' is not an age (expected a whole number of years from 0 to 120, or blank "
        "when not known)",
    ]


def test_a_control_character_in_a_heading_is_reported_without_echoing_it(tmp_path):
    folder = csv_folder(tmp_path / "reg", [["C-1", "CSPR", "MBC", "", "2021-01-01", "", ""]], [])
    write_csv(folder / "people.csv", [PEOPLE_HEADINGS + ["Notes\x07"]])
    with pytest.raises(InputError) as caught:
        read_register(folder, "reg")
    assert [str(p) for p in caught.value.problems] == [
        "reg/people.csv, row 1, column F: the heading holds the control character U+0007, which documents cannot "
        "contain; remove it"]


def test_a_csv_pair_named_separately_and_problems_in_both_files_at_once(tmp_path):
    reviews = write_csv(tmp_path / "a.csv", [REVIEW_HEADINGS])
    (tmp_path / "b.csv").write_bytes("Reference\nC-1 caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_csv_register(reviews, tmp_path / "b.csv", "a.csv", "b.csv")
    assert [str(p) for p in caught.value.problems] == [
        "b.csv, row 2: the file is not UTF-8 text (byte 0xE9 cannot be read); in Excel, save it as 'CSV UTF-8 "
        "(Comma delimited)'"]


def test_a_csv_file_that_cannot_be_parsed(tmp_path):
    folder = csv_folder(tmp_path / "reg", [["C-1", "CSPR", "MBC", "", "2021-01-01", "", ""]], [])
    (folder / "people.csv").write_text('Reference,Age,Ethnicity,Gender\n"C-1,4,,\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_register(folder, "reg")
    assert [str(p) for p in caught.value.problems] == [
        "reg/people.csv, row 2: the CSV cannot be read (unexpected end of data)"]


def test_an_empty_csv_file(tmp_path):
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "reviews.csv").write_text("", encoding="utf-8")
    write_csv(folder / "people.csv", [PEOPLE_HEADINGS])
    with pytest.raises(InputError) as caught:
        read_register(folder, "reg")
    assert [str(p) for p in caught.value.problems] == [
        "reg/reviews.csv: the file is empty; expected a heading row (Reference, Review type, Area, Status, Date "
        "notified, Date published, Themes) and one row for each of the reviews"]


# YAML rows ----------------------------------------------------------------------------------------------------------


def test_yaml_records_share_the_checks_and_are_located_by_line_and_key():
    reviews = rows_from_records([(40, {"reference": "C-1", "review type": "CSPR", "area": "MBC",
                                       "date notified": "2021-05-04"}),
                                 (45, {"reference": "C-1", "review type": "CSPR", "area": "MBC",
                                       "date notified": "4 May"})], "data.yaml", "register.reviews")
    people = rows_from_records([(52, {"reference": "C-1", "age": "3", "ethnicity": "", "gender": ""}),
                                (53, {"reference": "C-7", "age": "old", "ethnicity": "", "gender": ""})],
                               "data.yaml", "register.people")
    with pytest.raises(InputError) as caught:
        build_register(reviews, people)
    assert [str(p) for p in caught.value.problems] == [
        "data.yaml, line 45, register.reviews[1].reference: 'C-1' is already the reference of item 0 (line 40); "
        "each review needs its own",
        "data.yaml, line 45, register.reviews[1].date notified: '4 May' is not a date (expected dd/mm/yyyy or "
        "yyyy-mm-dd)",
        "data.yaml, line 53, register.people[1].reference: 'C-7' is not the reference of any review on the "
        "register.reviews list",
        "data.yaml, line 53, register.people[1].age: 'old' is not an age (expected a whole number of years from 0 "
        "to 120, or blank when not known)",
    ]


def test_yaml_records_without_a_required_key():
    reviews = rows_from_records([(40, {"reference": "C-1", "area": "MBC", "date notified": "2021-05-04"})],
                                "data.yaml", "register.reviews")
    people = rows_from_records([], "data.yaml", "register.people", line=50)
    with pytest.raises(InputError) as caught:
        build_register(reviews, people)
    assert [str(p) for p in caught.value.problems] == [
        "data.yaml, line 40, register.reviews[0]: no column Review type; the headings are: reference, area, "
        "date notified",
        "data.yaml, line 50, register.people: the list is empty; expected a heading row (Reference, Role, Age, "
        "Ethnicity, Gender) and one row for each of the people",
    ]


# Matching names to the data file ------------------------------------------------------------------------------------


def resolved(tmp_path: Path, rows: Sequence[Sequence[object]] = REVIEWS, allow_new_themes: bool = False
             ) -> tuple[list[ResolvedReview], list[str]]:
    references = {row[0] for row in rows}
    people = [row for row in PEOPLE if row[0] in references]
    found = read_register(workbook(tmp_path / "r.xlsx", rows, people), "reviews.xlsx")
    reviews, problems = resolve_register(found, TYPES, AREAS, THEMES, allow_new_themes)
    return reviews, [str(p) for p in problems]


def test_types_areas_and_themes_resolve_to_the_data_files_keys_and_names(tmp_path):
    reviews, problems = resolved(tmp_path)
    assert problems == []
    assert [(r.type_key, r.area, r.themes) for r in reviews] == [
        ("cspr", "MBC", ("Neglect", "Domestic Abuse")), ("cspr", "HBC", ("Neglect",)), ("sar", "HBC", ())]
    assert [len(r.people) for r in reviews] == [2, 1, 1]


def test_an_area_with_a_typo_gets_a_did_you_mean(tmp_path):
    rows = [REVIEWS[0][:2] + ["Midlesbrough"] + REVIEWS[0][3:], REVIEWS[1][:2] + ["Stockton"] + REVIEWS[1][3:]]
    assert resolved(tmp_path, rows)[1] == [
        "reviews.xlsx, sheet Reviews, row 2, Area: 'Midlesbrough' is not an area (did you mean MBC, Middlesbrough "
        "Borough Council?)",
        "reviews.xlsx, sheet Reviews, row 3, Area: 'Stockton' is not an area (expected one of: MBC, Middlesbrough "
        "Borough Council; HBC, Hartlepool Borough Council)",
    ]


def test_an_unknown_review_type(tmp_path):
    rows = [REVIEWS[0][:1] + ["CPSR"] + REVIEWS[0][2:], REVIEWS[1][:1] + ["LeDeR"] + REVIEWS[1][2:]]
    assert resolved(tmp_path, rows)[1] == [
        "reviews.xlsx, sheet Reviews, row 2, Review type: 'CPSR' is not a review type (did you mean CSPR, Child "
        "Safeguarding Practice Reviews?)",
        "reviews.xlsx, sheet Reviews, row 3, Review type: 'LeDeR' is not a review type (expected one of: CSPR, Child "
        "Safeguarding Practice Reviews; SAR, Safeguarding Adult Reviews)",
    ]


def test_a_theme_outside_the_types_list_is_an_error_unless_new_themes_are_allowed(tmp_path):
    rows = [REVIEWS[0][:6] + ["Neglet; Housing"]]
    assert resolved(tmp_path, rows)[1] == [
        "reviews.xlsx, sheet Reviews, row 2, Themes: 'Neglet' is not one of the CSPR themes (did you mean Neglect?)",
        "reviews.xlsx, sheet Reviews, row 2, Themes: 'Housing' is not one of the CSPR themes (expected one of: "
        "Neglect; Domestic Abuse)",
    ]
    reviews, problems = resolved(tmp_path, rows, allow_new_themes=True)
    assert problems == [] and reviews[0].themes == ("Neglet", "Housing")


def test_themes_separated_by_commas_are_told_to_use_semicolons(tmp_path):
    rows = [REVIEWS[0][:6] + ["Neglect, domestic abuse"]]
    assert resolved(tmp_path, rows)[1] == [
        "reviews.xlsx, sheet Reviews, row 2, Themes: 'Neglect, domestic abuse' is not one of the CSPR themes; "
        "separate themes with ';', not commas: Neglect; domestic abuse"]


# Counting -----------------------------------------------------------------------------------------------------------


def review(reference: str, notified: dt.date, published: dt.date | None = None, area: str = "MBC",
           themes: tuple[str, ...] = (), people: tuple[PersonRow, ...] = ()) -> ResolvedReview:
    return ResolvedReview(reference, "cspr", area, "", notified, published, themes, people,
                          RowPlace("r.xlsx", "Reviews", 2))


def person(age: int | None = None, ethnicity: str = "", gender: str = "") -> PersonRow:
    return PersonRow("x", "", age, ethnicity, gender, RowPlace("r.xlsx", "People", 2))


def test_select_period_includes_both_ends_and_leaves_out_reviews_without_the_date():
    reviews = [review("a", dt.date(2021, 3, 31)), review("b", dt.date(2021, 4, 1), dt.date(2024, 4, 1)),
               review("c", dt.date(2024, 3, 31), dt.date(2024, 3, 31)), review("d", dt.date(2024, 4, 1))]
    start, end = dt.date(2021, 4, 1), dt.date(2024, 3, 31)
    assert [r.reference for r in select_period(reviews, start, end)] == ["b", "c"]
    assert [r.reference for r in select_period(reviews, start, end, BY_PUBLISHED)] == ["c"]
    with pytest.raises(ValueError):
        select_period(reviews, start, end, "date of incident")


def test_count_by_keeps_the_declared_order_then_the_most_frequent():
    reviews = [review("a", dt.date(2022, 1, 1), area="W"), review("b", dt.date(2022, 1, 1), area="Z"),
               review("c", dt.date(2022, 1, 1), area="Y"), review("d", dt.date(2022, 1, 1), area="Y")]
    assert list(count_by(reviews, lambda r: r.area, ["X", "W"]).items()) == [("X", 0), ("W", 1), ("Y", 2), ("Z", 1)]


def test_count_each_counts_a_theme_once_per_review():
    reviews = [review("a", dt.date(2022, 1, 1), themes=("Neglect", "Neglect", "Housing")),
               review("b", dt.date(2022, 1, 1), themes=("Neglect",))]
    assert count_each(reviews, lambda r: r.themes, ["Trauma"]) == {"Trauma": 0, "Neglect": 2, "Housing": 1}


def test_people_and_where_known_per_table():
    reviews = [review("a", dt.date(2022, 1, 1), people=(person(3, "White British"), person(None, "", "Female"))),
               review("b", dt.date(2022, 1, 1), people=(person(),)),
               review("c", dt.date(2022, 1, 1))]
    assert len(people_of(reviews)) == 3
    assert count_by(people_of(reviews), lambda p: p.ethnicity) == {"White British": 1}
    assert known_for(reviews, "age") == KnownFor(1, 3)
    assert known_for(reviews, "gender").note == "where known: 1 of 3"
    assert KnownFor(3, 3).note == ""



def test_people_of_one_role():
    victim = PersonRow("d", "Victim", 40, "", "Female", RowPlace("r.xlsx", "People", 2))
    perpetrator = PersonRow("d", "perpetrator", 41, "", "Male", RowPlace("r.xlsx", "People", 3))
    reviews = [review("d", dt.date(2022, 1, 1), people=(victim, perpetrator))]
    assert people_of(reviews, "victim") == [victim]
    assert people_of(reviews) == [victim, perpetrator]


# One spelling for each category -------------------------------------------------------------------------------------


def test_values_that_differ_only_in_capitals_or_spaces_are_one_category_with_a_note(tmp_path):
    people = [["C-1", None, 0, "White British", "Male"], ["C-1", None, 3, "white british", "male "],
              ["C-2", None, 4, "White British", "MALE"], ["S-1", "Adult", 67, "Asian British", "Male"],
              ["S-1", "adult", 70, "Asian British", "Female"]]
    found = read_register(workbook(tmp_path / "r.xlsx", REVIEWS, people), "reviews.xlsx")
    assert count_by(found.people, lambda p: p.gender) == {"Male": 4, "Female": 1}
    assert count_by(found.people, lambda p: p.ethnicity) == {"White British": 3, "Asian British": 2}
    assert [p.role for p in found.people] == ["", "", "", "Adult", "Adult"]  # a tie: the spelling written first
    assert [(str(p), p.severity) for p in found.notes] == [
        ("reviews.xlsx, sheet People, row 6, Role: 'adult' is counted with 'Adult' (values that differ only in "
         "capitals or spaces are one category)", "note"),
        ("reviews.xlsx, sheet People, row 3, Ethnicity: 'white british' is counted with 'White British' (values "
         "that differ only in capitals or spaces are one category)", "note"),
        ("reviews.xlsx, sheet People, row 3, Gender: 'male' is counted with 'Male' (values that differ only in "
         "capitals or spaces are one category)", "note"),
        ("reviews.xlsx, sheet People, row 4, Gender: 'MALE' is counted with 'Male' (values that differ only in "
         "capitals or spaces are one category)", "note"),
    ]


@pytest.mark.parametrize(("text", "why"), [
    ("31/02/2021", "February 2021 has no day 31"), ("2024-02-30", "February 2024 has no day 30"),
    ("29/02/2023", "February 2023 has no day 29"), ("2021-00-10", "there is no month 0"),
    ("0000-01-01", "there is no year 0"), ("4 May", ""), ("2021/05/04", ""),
])
def test_a_date_in_the_right_form_but_off_the_calendar_says_why(text, why):
    assert register.impossible_date(text) == why
