"""The blank register: its sheets, drop-downs and About sheet, the same bytes every time, and a round trip
through LibreOffice Calc that reads back the same."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import openpyxl
import pytest

from generator.data_source.register import PEOPLE_COLUMNS, REVIEW_COLUMNS, InputError, read_register
from generator.output.pdf import find_soffice
from generator.register_workbook import (
    DEFAULT_GENDERS, ONS_2021_ETHNICITIES, blank_register, workbook_bytes, write_blank_register,
)
from tests.output.test_validity import needs_validator, validation_errors

TYPES = ["CSPR", "SAR", "DHR"]
AREAS = ["North/East", "Westbrook"]


def _calc_installed() -> bool:
    soffice = find_soffice()
    return soffice is not None and bool(list(Path(soffice).resolve().parent.glob("libsclo.*")))


def test_the_same_arguments_give_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_blank_register(first, TYPES, AREAS)
    write_blank_register(second, TYPES, AREAS)
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "b.xlsx"]  # no partial file left behind


def test_sheets_headings_frozen_row_and_drop_downs(tmp_path):
    path = tmp_path / "register.xlsx"
    write_blank_register(path, TYPES, AREAS)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Reviews", "People", "About", "Lists"]
    assert book["Lists"].sheet_state == "hidden"
    assert book.properties.created == book.properties.modified == dt.datetime(2024, 1, 1)
    for name, columns in (("Reviews", REVIEW_COLUMNS), ("People", PEOPLE_COLUMNS)):
        sheet = book[name]
        assert [cell.value for cell in sheet[1]] == [c.heading for c in columns]
        assert sheet.freeze_panes == "A2"
    lists = {str(v.sqref): (v.type, v.formula1) for v in book["Reviews"].data_validations.dataValidation}
    assert lists["B2:B5001"] == ("list", "'Lists'!$A$2:$A$4")
    assert lists["C2:C5001"] == ("list", "'Lists'!$B$2:$B$3")
    assert lists["E2:E5001"][0] == "date"
    people = {str(v.sqref): (v.type, v.formula1) for v in book["People"].data_validations.dataValidation}
    assert people["C2:C5001"] == ("whole", "0")
    assert people["D2:D5001"] == ("list", f"'Lists'!$C$2:$C${len(ONS_2021_ETHNICITIES) + 1}")
    assert people["E2:E5001"] == ("list", f"'Lists'!$D$2:$D${len(DEFAULT_GENDERS) + 1}")
    columns = [[cell.value for cell in column] for column in book["Lists"].iter_cols()]
    assert columns[0] == ["Review type", *TYPES] + [None] * (len(columns[0]) - 4)
    assert [v for v in columns[2][1:] if v] == list(ONS_2021_ETHNICITIES)


def test_the_about_sheet_explains_every_column(tmp_path):
    path = tmp_path / "register.xlsx"
    write_blank_register(path, TYPES, AREAS, ethnicities=["White British", "Asian British"], genders=["F", "M"])
    book = openpyxl.load_workbook(path)
    rows = [tuple(cell.value for cell in row) for row in book["About"].iter_rows(min_row=5)]
    assert [(sheet, column) for sheet, column, _ in rows] == (
        [("Reviews", c.heading) for c in REVIEW_COLUMNS] + [("People", c.heading) for c in PEOPLE_COLUMNS])
    assert rows[2][2] == ("The area the review belongs to: its short name (MBC) or its full name. A drop-down offers "
                          "the choices.")
    lists = [[cell.value for cell in column] for column in book["Lists"].iter_cols()]
    assert lists[2][:3] == ["Ethnicity", "White British", "Asian British"]
    assert lists[3][:3] == ["Gender", "F", "M"]


def test_a_blank_register_reads_as_one_without_reviews(tmp_path):
    path = tmp_path / "register.xlsx"
    write_blank_register(path, TYPES, AREAS)
    with pytest.raises(InputError) as caught:
        read_register(path, "register.xlsx")
    assert [str(p) for p in caught.value.problems] == [
        "register.xlsx: the sheet Reviews has headings but no reviews; add one row for each review"]


@needs_validator
def test_the_blank_register_is_valid_ooxml(tmp_path):
    path = tmp_path / "register.xlsx"
    write_blank_register(path, TYPES, AREAS)
    assert validation_errors(path) == []


def filled_register(path: Path) -> None:
    book = blank_register(TYPES, AREAS)
    reviews, people = book["Reviews"], book["People"]
    reviews.append(["CSPR-2021-01", "CSPR", "North/East", "Published", dt.datetime(2021, 4, 12),
                    dt.datetime(2022, 1, 31), "Neglect; Parental mental health"])
    reviews.append(["DHR-2022-03", "DHR", "Westbrook", "In progress", "03/11/2022", None, "Coercive control"])
    reviews.append([2023004, "SAR", "Westbrook", "", "2023-02-01", None, None])
    people.append(["CSPR-2021-01", None, 0, ONS_2021_ETHNICITIES[12], "Male"])
    people.append(["DHR-2022-03", "victim", 34, None, "Female"])
    people.append(["DHR-2022-03", "perpetrator", None, "White: Irish", None])
    people.append([2023004, None, 88, ONS_2021_ETHNICITIES[0], "Female"])
    path.write_bytes(workbook_bytes(book))


needs_calc = pytest.mark.skipif(not _calc_installed(),
                                reason="LibreOffice Calc is not installed (apt-get install libreoffice-calc)")


@needs_calc
def test_a_register_saved_by_libreoffice_calc_reads_back_the_same(tmp_path):
    source = tmp_path / "register.xlsx"
    filled_register(source)
    out = tmp_path / "calc"
    profile = tmp_path / f"lo-{os.getpid()}"
    subprocess.run([find_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "xlsx", "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=180)
    before = read_register(source, "register.xlsx")
    after = read_register(out / "register.xlsx", "register.xlsx")
    assert after.reviews == before.reviews
    assert after.people == before.people
    assert [r.reference for r in after.reviews] == ["CSPR-2021-01", "DHR-2022-03", "2023004"]
    assert after.reviews[1].notified == dt.date(2022, 11, 3)
    kept = openpyxl.load_workbook(out / "register.xlsx")
    checked_columns = {str(v.sqref).split(":")[0] for v in kept["Reviews"].data_validations.dataValidation}
    assert {"B2", "C2", "E2", "F2"} <= checked_columns


def test_the_example_register_is_what_its_script_writes_and_matches_its_data_file(tmp_path, monkeypatch):
    import yaml

    from data import make_riverside_register as script
    from generator.data_source.register import resolve_register

    shipped = script.OUTPUT.read_bytes()
    monkeypatch.setattr(script, "OUTPUT", tmp_path / "register.xlsx")
    script.main()
    assert (tmp_path / "register.xlsx").read_bytes() == shipped, "run python data/make_riverside_register.py"
    data = yaml.safe_load((Path(script.__file__).parent / "riverside-2024.yaml").read_text(encoding="utf-8"))
    found = read_register(tmp_path / "register.xlsx", "riverside-2024-register.xlsx")
    types = {key: (t["abbreviation"], t["full_name"], t["name"], t["singular"])
             for key, t in data["review_types"].items()}
    themes = {key: tuple(t["themes"]) for key, t in data["review_types"].items()}
    reviews, problems = resolve_register(found, types, data["areas"], themes, allow_new_themes=False)
    assert problems == []
    assert {r.type_key for r in reviews} == {"cspr", "sar", "dhr"}
    assert 38 <= len(reviews) <= 45
    assert {p.role for r in reviews if r.type_key == "dhr" for p in r.people} == {"victim", "perpetrator"}
