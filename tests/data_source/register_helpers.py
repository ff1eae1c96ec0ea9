"""A small register written as a workbook or CSV files, shared by the register's tests."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from generator.data_source.register_rows import read_register
from generator.problems import InputError

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

