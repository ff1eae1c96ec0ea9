"""The blank register: its sheets, drop-downs and About sheet, the same bytes every time, and a round trip
through LibreOffice Calc that reads back the same."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import openpyxl
import pytest

from generator.data_source.register_rows import PEOPLE_COLUMNS, REVIEW_COLUMNS, read_register
from generator.data_source.register_recommendations import RECOMMENDATION_COLUMNS
from generator.problems import InputError
from generator.output.pdf import find_soffice
from generator.register_workbook import (
    DEFAULT_GENDERS, ONS_2021_ETHNICITIES, blank_register, workbook_bytes, write_blank_register,
)
from tests.conftest import runs_outside_tool
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
    assert book.sheetnames == ["Reviews", "People", "Recommendations", "About", "Lists"]
    assert book["Lists"].sheet_state == "hidden"
    assert book.properties.created == book.properties.modified == dt.datetime(2024, 1, 1)
    for name, columns in (("Reviews", REVIEW_COLUMNS), ("People", PEOPLE_COLUMNS),
                          ("Recommendations", RECOMMENDATION_COLUMNS)):
        sheet = book[name]
        assert [cell.value for cell in sheet[1]] == [c.heading for c in columns]
        assert sheet.freeze_panes == "A2"
    lists = {str(v.sqref): (v.type, v.formula1) for v in book["Reviews"].data_validations.dataValidation}
    assert lists["B2:B5001"] == ("list", "'Lists'!$A$2:$A$4")
    assert lists["C2:C5001"] == ("list", "'Lists'!$B$2:$B$3")
    assert lists["D2:D5001"] == ("list", "'Lists'!$C$2:$C$4")
    assert lists["E2:E5001"][0] == "date"
    people = {str(v.sqref): (v.type, v.formula1) for v in book["People"].data_validations.dataValidation}
    assert "B2:B5001" not in people  # no type declares roles: Role is free (and left blank)
    assert people["C2:C5001"] == ("whole", "0")
    assert people["D2:D5001"] == ("list", f"'Lists'!$D$2:$D${len(ONS_2021_ETHNICITIES) + 1}")
    assert people["E2:E5001"] == ("list", f"'Lists'!$E$2:$E${len(DEFAULT_GENDERS) + 1}")
    recommendations = {str(v.sqref): (v.type, v.formula1)
                       for v in book["Recommendations"].data_validations.dataValidation}
    assert recommendations["F2:F5001"] == ("list", "'Lists'!$F$2:$F$5")  # Status: the four default statuses
    assert recommendations["E2:E5001"][0] == recommendations["D2:D5001"][0] == "date"  # Due, Date agreed
    assert [lists[f"{letter}2:{letter}5001"][0] for letter in "IJKL"] == ["date"] * 4  # the stage dates
    columns = [[cell.value for cell in column] for column in book["Lists"].iter_cols()]
    assert [v for v in columns[5] if v] == ["Recommendation status", "Not started", "In progress", "Completed",
                                            "Not implemented"]
    assert columns[0] == ["Review type", *TYPES] + [None] * (len(columns[0]) - 4)
    assert [v for v in columns[2] if v] == ["Status", "In progress", "Completed", "Published"]
    assert [v for v in columns[3][1:] if v] == list(ONS_2021_ETHNICITIES)


def test_roles_and_statuses_are_drop_downs_and_columns_show_the_longest_choice(tmp_path):
    path = tmp_path / "register.xlsx"
    write_blank_register(path, TYPES, AREAS, roles=["victim", "perpetrator"],
                         themes=["Neglect", "Missed opportunities to ask"])
    book = openpyxl.load_workbook(path)
    checks = {(sheet, str(v.sqref)): v for sheet in ("Reviews", "People")
              for v in book[sheet].data_validations.dataValidation}
    role = checks["People", "B2:B5001"]
    assert (role.formula1, role.errorStyle, role.error) == ("'Lists'!$D$2:$D$3", "stop",
                                                             "Choose a role from the list.")
    assert checks["Reviews", "C2:C5001"].error == "Choose an area from the list."
    assert checks["Reviews", "B2:B5001"].error == "Choose a review type from the list."
    status = checks["Reviews", "D2:D5001"]
    assert (status.errorStyle, status.error) == ("warning", "This status is not on the list; keep it only if it is "
                                                            "right.")
    widths = {(sheet, cell.value): book[sheet].column_dimensions[cell.column_letter].width
              for sheet in ("Reviews", "People") for cell in book[sheet][1]}
    longest_ethnicity = max(len(name) for name in ONS_2021_ETHNICITIES)
    assert longest_ethnicity == len("Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups")
    assert widths["People", "Ethnicity"] == longest_ethnicity + 2
    assert widths["Reviews", "Themes"] == len("Missed opportunities to ask") + 2
    assert widths["People", "Role"] == widths["Reviews", "Reference"] == 14  # the narrowest column
    about = about_text(path)
    assert "The person's part in the review, as its type declares (victim, perpetrator); blank when the type " \
           "declares no roles. A drop-down offers the choices." in about


def test_a_choice_that_looks_like_a_formula_is_written_as_text(tmp_path):
    formula = '=HYPERLINK("http://evil.example/x","click")'
    path = tmp_path / "register.xlsx"
    write_blank_register(path, [formula], ["=1+1"])
    lists = openpyxl.load_workbook(path)["Lists"]
    assert (lists["A2"].value, lists["A2"].data_type) == (formula, "s")
    assert (lists["B2"].value, lists["B2"].data_type) == ("=1+1", "s")


def test_the_about_sheet_explains_every_column(tmp_path):
    path = tmp_path / "register.xlsx"
    write_blank_register(path, TYPES, AREAS, ethnicities=["White British", "Asian British"], genders=["F", "M"])
    book = openpyxl.load_workbook(path)
    rows = [tuple(cell.value for cell in row) for row in book["About"].iter_rows(min_row=5)]
    assert [(sheet, column) for sheet, column, _ in rows] == (
        [("Reviews", c.heading) for c in REVIEW_COLUMNS] + [("People", c.heading) for c in PEOPLE_COLUMNS]
        + [("Recommendations", c.heading) for c in RECOMMENDATION_COLUMNS])
    assert rows[0][2] == "The review's own reference, unique in the register (for example CSPR-2023-04)."
    assert rows[1][2] == ("The type of review: its abbreviation (CSPR, SAR, DHR) or its name. A drop-down offers the "
                          "choices.")
    assert rows[2][2] == ("The area the review belongs to: its short name (North/East) or its full name. A drop-down "
                          "offers the choices.")
    by_column = {(sheet, column): text for sheet, column, text in rows}
    assert by_column["People", "Age"] == "Age in whole years (0 to 120) at the time of the incident; blank when not known."
    assert by_column["Recommendations", "Status"] == ("Where it is: not started, in progress, completed or not "
                                                      "implemented. A drop-down offers the choices.")
    assert by_column["Reviews", "Decision date"] == "The date the partnership decided to hold the review."
    about = book["About"]
    # The introduction spans the sheet's width, not the narrow first column (where it showed 'One row on').
    assert [str(cells) for cells in about.merged_cells.ranges] == ["A2:C2"]
    assert about.row_dimensions[2].height == 32
    assert (about.page_setup.fitToWidth, about.sheet_properties.pageSetUpPr.fitToPage) == (1, True)
    lists = [[cell.value for cell in column] for column in book["Lists"].iter_cols()]
    assert lists[3][:3] == ["Ethnicity", "White British", "Asian British"]
    assert lists[4][:3] == ["Gender", "F", "M"]


def about_text(path: Path) -> str:
    return " ".join(str(cell.value) for row in openpyxl.load_workbook(path)["About"].iter_rows() for cell in row
                    if cell.value is not None)


def test_the_about_sheet_s_examples_are_the_partnership_s_own(tmp_path):
    # A partnership without domestic homicide reviews is not told about them, nor about another's areas.
    path = tmp_path / "register.xlsx"
    write_blank_register(path, ["SAR", "CSPR"], ["FDC", "HDC"])
    text = about_text(path)
    assert "its abbreviation (SAR, CSPR) or its name." in text
    assert "its short name (FDC) or its full name." in text
    assert "(for example SAR-2023-04)" in text
    assert "DHR" not in text and "MBC" not in text
    write_blank_register(path, ["CSPR", "SAR", "DHR", "MALR"], ["FDC"])
    assert "its abbreviation (CSPR, SAR, DHR) or its name." in about_text(path)  # the first three at most


def test_without_types_or_areas_the_about_sheet_gives_no_examples(tmp_path):
    path = tmp_path / "register.xlsx"
    write_blank_register(path, [], [])
    text = about_text(path)
    assert "The type of review: its abbreviation or its name." in text
    assert "The area the review belongs to: its short name or its full name." in text
    assert "(for example 2023-04)" in text


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


needs_calc = runs_outside_tool(_calc_installed(), "LibreOffice Calc is not installed (apt-get install libreoffice-calc)")


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
    from generator.data_source.register_names import resolve_register

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


# make_deck.py register new: only the data's review types and areas are needed ---------------------------------------


SUMMARY_ONE = "1 problem found; no output was written or changed.\n"


def test_register_new_writes_the_register_a_fresh_data_file_names(run_cli, tmp_path):
    from tests.data_source.test_outline import fresh_data

    (tmp_path / "fenland").mkdir()
    (tmp_path / "fenland" / "fenland-2025.yaml").write_text(fresh_data("register.xlsx"), encoding="utf-8")
    status, out, err = run_cli(["register", "new", "fenland/register.xlsx", "fenland/fenland-2025.yaml"], tmp_path)
    assert (status, err) == (0, "")
    assert out == ("wrote fenland/register.xlsx: a blank register for CSPR and SAR in FDC and HDC. "
                   "fenland/fenland-2025.yaml names it already (register: register.xlsx): add one row per review, "
                   "and build.\n")
    lists = [[cell.value for cell in column] for column in openpyxl.load_workbook(
        tmp_path / "fenland" / "register.xlsx")["Lists"].iter_cols()]
    assert [v for v in lists[0] if v] == ["Review type", "CSPR", "SAR"]
    assert [v for v in lists[1] if v] == ["Area", "FDC", "HDC"]


@pytest.mark.parametrize("register, target, next_step", [
    (None, "register.xlsx", "Name it in data.yaml (register: register.xlsx), add one row per review, and build."),
    (None, "registers/2025.xlsx",
     "Name it in data.yaml (register: registers/2025.xlsx), add one row per review, and build."),
    ("register", "register.xlsx",
     "Name it in data.yaml (register: register.xlsx, in place of register), add one row per review, and build."),
])
def test_register_new_says_how_to_name_the_register(run_cli, tmp_path, register, target, next_step):
    from tests.data_source.test_outline import fresh_data

    (tmp_path / "registers").mkdir()
    (tmp_path / "data.yaml").write_text(fresh_data(register), encoding="utf-8")
    status, out, _ = run_cli(["register", "new", target, "data.yaml"], tmp_path)
    assert status == 0
    assert out == f"wrote {target}: a blank register for CSPR and SAR in FDC and HDC. {next_step}\n"


def test_register_new_outside_the_data_s_folder_says_to_move_it(run_cli, tmp_path):
    from tests.data_source.test_outline import fresh_data

    (tmp_path / "fenland").mkdir()
    (tmp_path / "fenland" / "data.yaml").write_text(fresh_data(None), encoding="utf-8")
    status, out, _ = run_cli(["register", "new", "register.xlsx", "fenland/data.yaml"], tmp_path)
    assert status == 0
    assert out == ("wrote register.xlsx: a blank register for CSPR and SAR in FDC and HDC. Move it beside "
                   "fenland/data.yaml (a data file uses only files in its own folder and the folders inside it), "
                   "name it in fenland/data.yaml (register: register.xlsx), add one row per review, and build.\n")


def test_register_new_refuses_data_without_review_types_and_writes_nothing(run_cli, tmp_path):
    (tmp_path / "data.yaml").write_text("areas: {FDC: Fenland District Council}\nreview_types: {}\n",
                                        encoding="utf-8")
    status, out, err = run_cli(["register", "new", "register.xlsx", "data.yaml"], tmp_path)
    assert (status, out) == (2, "")
    assert err == ("error: data.yaml, line 2, review_types: the data file lists no review types; a register needs at "
                   "least one, for its drop-down list\n" + SUMMARY_ONE)
    assert not (tmp_path / "register.xlsx").exists()


def test_register_new_refuses_yaml_it_cannot_read_with_the_located_message(run_cli, tmp_path):
    (tmp_path / "data.yaml").write_text("areas:\n  FDC: Fenland District Council\n\treview_types: {}\n",
                                        encoding="utf-8")
    status, _, err = run_cli(["register", "new", "register.xlsx", "data.yaml"], tmp_path)
    assert status == 2
    assert err.startswith("error: data.yaml, line 3: this line is indented with a tab; YAML indents with spaces "
                          "only: replace the tab with spaces\n")
    assert not (tmp_path / "register.xlsx").exists()


def fill_two_reviews(path: Path) -> None:
    """Add a review of each type, and the person each concerned, as a business manager would in Excel."""
    book = openpyxl.load_workbook(path)
    book["Reviews"].append(["CSPR-2024-01", "CSPR", "FDC", "Published", dt.datetime(2024, 5, 3), None,
                            "Neglect"])
    book["Reviews"].append(["SAR-2024-02", "SAR", "HDC", "In progress", dt.datetime(2024, 9, 9), None,
                            "Self-neglect"])
    book["People"].append(["CSPR-2024-01", None, 1, ONS_2021_ETHNICITIES[13], "Male"])
    book["People"].append(["SAR-2024-02", None, 71, None, "Female"])
    book.save(path)


@needs_calc
def test_a_new_partnership_starts_its_register_fills_it_in_calc_and_builds(run_cli, tmp_path):
    # The README's loop for a new partnership: a data file naming a register not written yet, no counts typed.
    from generator.loading import load_event
    from tests.data_source.test_outline import fresh_data

    (tmp_path / "data.yaml").write_text(fresh_data("register.xlsx"), encoding="utf-8")
    status, _, err = run_cli(["register", "new", "register.xlsx", "data.yaml"], tmp_path)
    assert status == 0, err
    fill_two_reviews(tmp_path / "register.xlsx")
    profile = tmp_path / f"lo-{os.getpid()}"
    subprocess.run([find_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "xlsx", "--outdir", str(tmp_path / "calc"), str(tmp_path / "register.xlsx")], check=True,
                   capture_output=True, timeout=180)
    (tmp_path / "calc" / "register.xlsx").replace(tmp_path / "register.xlsx")  # saved by Calc, as the user would
    status, out, err = run_cli(["build", "data.yaml", "--out", "out"], tmp_path)
    assert status == 0, err
    assert out.endswith("Built 1 deck, 2 briefings and 2 web pages into out/decks/ and out/briefings/ "
                        "(5 written).\n")
    event = load_event(tmp_path / "data.yaml").event
    assert {key: (review.count, review.counts_by_area) for key, review in event.review_types.items()} == {
        "cspr": (1, {"FDC": 1, "HDC": 0}), "sar": (1, {"FDC": 0, "HDC": 1})}
    assert event.review_types["cspr"].themes_notes == "Neglect featured in 1 reviews."


def test_the_status_drop_down_offers_the_declared_statuses(tmp_path):
    path = tmp_path / "register.xlsx"
    write_blank_register(path, TYPES, AREAS, statuses=["Scoping", "Under review", "Published"])
    book = openpyxl.load_workbook(path)
    columns = [[cell.value for cell in column] for column in book["Lists"].iter_cols()]
    assert [v for v in columns[2] if v] == ["Status", "Scoping", "Under review", "Published"]
    reviews = {str(v.sqref): (v.type, v.formula1) for v in book["Reviews"].data_validations.dataValidation}
    assert reviews["D2:D5001"] == ("list", "'Lists'!$C$2:$C$4")
