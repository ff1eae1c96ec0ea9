"""Checking a register's tables into typed rows: columns, cells, references and spellings, every problem located."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.data_source import register_dates
from generator.data_source.register_reading import Table
from generator.data_source.register_rows import build_register, read_csv_register, read_register
from generator.problems import WARNING, InputError, Problem
from generator.register_records import PersonRow, ReviewRow, RowPlace, StageDates

from .register_helpers import (
    PEOPLE, PEOPLE_HEADINGS, REVIEW_HEADINGS, REVIEWS, csv_folder, problems_of, rewrite_member, workbook,
)


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
                                        ("3 months", "3 months"), (dt.datetime(2020, 1, 1), "2020-01-01 00:00:00"),
                                        ("\u0663", "\u0663"), ("\uff13", "\uff13")])  # Arabic-Indic, full-width 3
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
        "Date notified, Date published, Themes, Criteria, Date of incident, Rapid review date, Decision date, "
        "Date completed) and one row for each of the reviews",
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


def test_two_missing_columns_and_two_ignored_columns_are_named_in_the_plural():
    missing = build_register(_table("reviews.xlsx", "Reviews", ["Reference", "Area", "Status"], []), _people(),
                             raise_problems=False)
    assert [p.message for p in missing.problems] == [
        "no columns Review type, Date notified; the headings are: Reference, Area, Status"]
    rows = [["C-1", "CSPR", "MBC", "", "2021-01-01", None, None, "Jo", "x"]]
    extra = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS + ["Lead", "Notes"], rows), _people())
    assert [p.message for p in extra.notes] == ["columns Lead, Notes are not used and were ignored"]


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


# Not known ----------------------------------------------------------------------------------------------------------


def test_words_for_not_known_are_blank_and_the_data_may_add_its_own(tmp_path):
    reviews = [REVIEWS[0][:3] + ["Not known"] + REVIEWS[0][4:6] + ["Neglect; Unknown; n/k"]]
    people = [["C-1", "N/K", "not known", "Not Known", "Prefer not to say"],
              ["C-1", "Unknown", "Unknown", "NOT STATED", "n.k."],
              ["C-1", None, "-", "Declined to answer", "declined to answer"],
              ["C-1", None, 3, "Refused", "?"]]
    found = read_register(workbook(tmp_path / "r.xlsx", reviews, people), "reviews.xlsx",
                          unknown=frozenset({"declined to answer"}))
    assert (found.reviews[0].status, found.reviews[0].themes) == ("", ("Neglect",))
    assert [(p.role, p.age, p.ethnicity, p.gender) for p in found.people] == [
        ("", None, "", ""), ("", None, "", ""), ("", None, "", ""), ("", 3, "", "")]
    assert found.problems == []
    assert [n.message for n in found.notes] == [  # the one date left (the others settle the order)
        "'01/02/2022' could be 1 February 2022 or 2 January 2022; it is read day first, as 1 February 2022, as no "
        "other date in the register settles the order; type it as 2022-02-01 to be sure"]


def test_a_date_in_the_future_or_a_publication_before_notification_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(register_dates, "today", lambda: dt.date(2024, 6, 1))
    reviews = [REVIEWS[0][:4] + ["2024-06-02", None, None], REVIEWS[1][:4] + ["2022-03-15", "01/03/2022", None]]
    assert problems_of(workbook(tmp_path / "r.xlsx", reviews, PEOPLE[:3])) == [
        "reviews.xlsx, sheet Reviews, row 2, Date notified: 2 June 2024 is in the future",
        "reviews.xlsx, sheet Reviews, row 3, Date published: 1 March 2022 is before the date notified (15 March 2022)",
    ]


def test_an_age_too_large_for_a_number_is_not_an_age(tmp_path):
    path = workbook(tmp_path / "r.xlsx")
    # Excel saves what was typed as 1e400; it reads back as infinity.
    rewrite_member(path, "xl/worksheets/sheet2.xml", lambda xml: xml.replace(
        '<c r="C3" t="n"><v>3</v></c>', '<c r="C3" t="n"><v>1e400</v></c>'))
    assert problems_of(path) == [
        "reviews.xlsx, sheet People, row 3, Age: 'inf' is not an age (expected a whole number of years from 0 to "
        "120, or blank when not known)"]


@pytest.mark.parametrize("written", ["C\u200b-1", " C-1 ", "C -1", "\uff23-\uff11", "C\ufeff-1\u00ad"])
def test_references_differing_only_in_invisible_characters_spaces_or_width_are_one_review(tmp_path, written):
    people = [[written] + PEOPLE[0][1:]] + PEOPLE[1:]
    result = read_register(workbook(tmp_path / "r.xlsx", people=people), "reviews.xlsx")
    assert [person.reference for person in result.people] == ["C-1", "C-1", "C-2", "S-1"]
    duplicate = REVIEWS + [[written] + REVIEWS[1][1:]]
    assert problems_of(workbook(tmp_path / "d.xlsx", duplicate)) == [
        "reviews.xlsx, sheet Reviews, row 5, Reference: 'C-1' is already the reference of row 2; each review "
        "needs its own"]


# Tables checked directly (no workbook written), each problem compared whole -----------------------------------------


def _table(file: str, sheet: str, headings: list[str], rows: list[list[object]], *, line: int | None = None,
           from_yaml: bool = False) -> Table:
    places = [RowPlace(file, sheet, index if from_yaml else index + 2, None if line is None else line + index)
              for index in range(len(rows))]
    return Table(file, sheet, headings, list(zip(places, rows)),
                 RowPlace(file, sheet, 0 if from_yaml else 1, line), from_yaml)


def _people(file: str = "reviews.xlsx", sheet: str = "People") -> Table:
    return _table(file, sheet, PEOPLE_HEADINGS, [])


def test_an_empty_list_sheet_or_file_is_named_as_what_it_is():
    expected = ("is empty; expected a heading row (Reference, Review type, Area, Status, Date notified, Date "
                "published, Themes, Criteria, Date of incident, Rapid review date, Decision date, Date completed) "
                "and one row for each of the reviews")
    listed = build_register(_table("event.yaml", "register.reviews", [], [], line=7, from_yaml=True),
                            _people("event.yaml", "register.people"), raise_problems=False)
    assert listed.problems == [Problem(f"the list {expected}", "event.yaml", 7, "register.reviews")]
    csv = build_register(_table("reg/reviews.csv", "reviews.csv", [], []), _people("reg/people.csv", "people.csv"),
                         raise_problems=False)
    assert csv.problems == [Problem(f"the file {expected}", "reg/reviews.csv")]
    sheet = build_register(_table("reviews.xlsx", "Reviews", [], []), _people(), raise_problems=False)
    assert sheet.problems == [Problem(f"the sheet Reviews {expected}", "reviews.xlsx")]


def test_a_duplicate_reference_names_the_first_item_and_its_line_in_a_yaml_list():
    row = ["C-1", "CSPR", "MBC", "", "2021-01-01", None, None]
    register = build_register(
        _table("event.yaml", "register.reviews", REVIEW_HEADINGS, [row, row], line=10, from_yaml=True),
        _people("event.yaml", "register.people"), raise_problems=False)
    assert register.problems == [Problem("'C-1' is already the reference of item 0 (line 10); each review needs its "
                                         "own", "event.yaml", 11, "register.reviews[1].Reference")]


def test_one_missing_column_is_named_in_the_singular():
    register = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS[:4] + REVIEW_HEADINGS[5:], []),
                              _people(), raise_problems=False)
    assert [p.message for p in register.problems] == [
        "no column Date notified; the headings are: Reference, Review type, Area, Status, Date published, Themes"]


def test_a_row_with_a_problem_is_left_out_and_the_others_kept_when_problems_are_kept():
    rows = [["C-1", "CSPR", "MBC", "", "2021-01-01", None, None], ["C-2", "CSPR", "", "", "2021-01-01", None, None],
            ["C-3", "CSPR", "MBC", "", "2021-01-01", None, None]]
    people = _table("reviews.xlsx", "People", PEOPLE_HEADINGS, [["C-2", None, "x", None, None],
                                                                ["C-3", None, 4, None, None]])
    register = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS, rows), people, raise_problems=False)
    assert [r.reference for r in register.reviews] == ["C-1", "C-3"]
    assert [p.age for p in register.people] == [4]
    assert register.problems == [
        Problem("is blank; every row needs one", "reviews.xlsx", key_path="sheet Reviews, row 3, Area"),
        Problem("'x' is not an age (expected a whole number of years from 0 to 120, or blank when not known)",
                "reviews.xlsx", key_path="sheet People, row 2, Age")]


def test_a_date_cell_that_may_be_misread_is_a_warning_at_its_cell():
    rows = [["C-1", "CSPR", "MBC", "", dt.datetime(2021, 3, 4), "13/01/2022", None]]
    register = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS, rows), _people())
    assert register.notes == [Problem(
        "4 March 2021 may be a misread 3 April 2021: the register also holds dates a spreadsheet set to US dates could "
        "not read, and left as text ('13/01/2022', row 2); check it, and type dates as yyyy-mm-dd", "reviews.xlsx",
        key_path="sheet Reviews, row 2, Date notified", severity=WARNING)]


def test_a_csv_register_reads_with_its_own_words_for_not_known_and_may_keep_its_problems(tmp_path):
    folder = csv_folder(tmp_path / "reg", [["C-1", "CSPR", "MBC", "Unsure", "2021-01-01", "", "Neglect; Unsure"],
                                           ["C-2", "CSPR", "", "", "2021-01-01", "", ""]],
                        [["C-1", "Unsure", 3, "", ""]])
    register = read_csv_register(folder / "reviews.csv", folder / "people.csv", "reg/reviews.csv", "reg/people.csv",
                                 raise_problems=False, unknown=frozenset({"unsure"}))
    assert [(r.reference, r.status, r.themes) for r in register.reviews] == [("C-1", "", ("Neglect",))]
    assert [(p.reference, p.role) for p in register.people] == [("C-1", "")]
    assert register.problems == [Problem("is blank; every row needs one", "reg/reviews.csv", key_path="row 3, Area")]
    with pytest.raises(InputError) as raised:
        read_csv_register(folder / "reviews.csv", folder / "people.csv", "reg/reviews.csv", "reg/people.csv")
    assert raised.value.problems == register.problems


def test_a_number_a_blank_or_a_control_character_in_a_date_column_is_an_error_at_its_cell():
    rows = [["C-1", "CSPR", "MBC", "", 44000, None, None], ["C-2", "CSPR", "MBC", "", True, None, None],
            ["C-3", "CSPR", "MBC", "", "2021-01-01", "1\x07", None], ["C-4", "CSPR", "MBC", "", " ", None, None]]
    register = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS, rows), _people(),
                              raise_problems=False)
    expected = "expected dd/mm/yyyy or yyyy-mm-dd"
    assert register.problems == [
        Problem(f"'44000' is not a date ({expected})", "reviews.xlsx", key_path="sheet Reviews, row 2, Date notified"),
        Problem(f"'TRUE' is not a date ({expected})", "reviews.xlsx", key_path="sheet Reviews, row 3, Date notified"),
        Problem("the cell holds the control character U+0007, which documents cannot contain; remove it",
                "reviews.xlsx", key_path="sheet Reviews, row 4, Date published"),
        Problem("is blank; every row needs one", "reviews.xlsx", key_path="sheet Reviews, row 5, Date notified")]


def test_a_text_date_that_reads_either_way_is_a_warning_at_its_cell():
    rows = [["C-1", "CSPR", "MBC", "", "04/03/2021", None, None]]
    register = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS, rows), _people())
    assert register.notes == [Problem(
        "'04/03/2021' could be 4 March 2021 or 3 April 2021; it is read day first, as 4 March 2021, as no other date "
        "in the register settles the order; type it as 2021-03-04 to be sure", "reviews.xlsx",
        key_path="sheet Reviews, row 2, Date notified", severity=WARNING)]


def test_criteria_and_stage_dates_are_read_each_criterion_once():
    headings = REVIEW_HEADINGS + ["Criteria", "Date of incident", "Rapid review date", "Decision date",
                                  "Date completed"]
    rows = [["C-1", "CSPR", "MBC", "", "2021-02-01", None, None, "Serious harm; Death; ; Serious harm",
             "2021-01-01", "2021-01-20", None, "2021-03-01"]]
    review, = build_register(_table("reviews.xlsx", "Reviews", headings, rows), _people()).reviews
    assert review.criteria == ("Serious harm", "Death")
    assert review.stages == StageDates(dt.date(2021, 1, 1), dt.date(2021, 1, 20), None, dt.date(2021, 3, 1))


def test_today_and_a_publication_on_the_day_notified_are_allowed_but_a_publication_tomorrow_is_not(monkeypatch):
    monkeypatch.setattr(register_dates, "today", lambda: dt.date(2024, 6, 1))
    rows = [["C-1", "CSPR", "MBC", "", "2024-06-01", "2024-06-01", None],
            ["C-2", "CSPR", "MBC", "", "2024-05-01", "2024-06-02", None]]
    register = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS, rows), _people(),
                              raise_problems=False)
    assert [r.reference for r in register.reviews] == ["C-1"]
    assert register.problems == [Problem("2 June 2024 is in the future", "reviews.xlsx",
                                         key_path="sheet Reviews, row 3, Date published")]


def test_an_age_of_120_or_the_datas_own_word_for_not_known_is_read_and_a_control_character_is_reported():
    rows = [["C-1", "CSPR", "MBC", "", "2021-01-01", None, None]]
    people = _table("reviews.xlsx", "People", PEOPLE_HEADINGS, [["C-1", None, 120, None, None],
                                                                ["C-1", None, "Declined to answer", None, None],
                                                                ["C-1", None, "3\x07", None, None]])
    register = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS, rows), people, raise_problems=False,
                              unknown=frozenset({"declined to answer"}))
    assert [p.age for p in register.people] == [120, None]
    assert [str(p) for p in register.problems] == [
        "reviews.xlsx, sheet People, row 4, Age: the cell holds the control character U+0007, which documents cannot "
        "contain; remove it"]


def test_a_csv_row_that_stops_before_the_last_columns_reads_them_as_blank(tmp_path):
    folder = csv_folder(tmp_path / "reg", [], [])
    (folder / "reviews.csv").write_text(",".join(REVIEW_HEADINGS) + "\nC-1,CSPR,MBC,Published,2021-01-01\n",
                                        encoding="utf-8")
    (folder / "people.csv").write_text(",".join(PEOPLE_HEADINGS) + "\nC-1,,3\n", encoding="utf-8")
    register = read_register(folder, "reg")
    assert [(r.reference, r.status, r.published, r.themes) for r in register.reviews] == [
        ("C-1", "Published", None, ())]
    assert [(p.age, p.ethnicity, p.gender) for p in register.people] == [(3, "", "")]


def test_a_date_in_a_text_column_is_an_error_at_its_cell():
    rows = [["C-1", "CSPR", dt.datetime(2021, 1, 1), "", "2021-01-01", None, None]]
    register = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS, rows), _people(),
                              raise_problems=False)
    assert [str(p) for p in register.problems] == [
        "reviews.xlsx, sheet Reviews, row 2, Area: expected text, not the date or time 2021-01-01 00:00:00"]


def test_a_column_the_people_sheet_does_not_use_is_noted_and_month_first_dates_are_a_warning_not_an_error():
    rows = [["C-1", "CSPR", "MBC", "", "07/21/2022", None, None]]
    people = _table("reviews.xlsx", "People", PEOPLE_HEADINGS + ["Notes"], [["C-1", None, 3, None, None, "x"]])
    register = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS, rows), people)
    assert [(str(n), n.severity) for n in register.notes] == [
        ("reviews.xlsx, sheet Reviews, row 2: the text dates are written month first ('07/21/2022'), as a spreadsheet "
         "set to US dates writes them; they are read so", WARNING),
        ("reviews.xlsx, sheet People, row 1: column Notes is not used and was ignored", WARNING)]


def test_a_cell_of_excels_most_characters_is_read_and_one_more_is_an_error_at_its_cell():
    longest = "x" * 32_767
    rows = [["C-1", "CSPR", "MBC", "", "2021-01-01", None, longest], ["C-2", "CSPR", "MBC", "", "2021-01-01", None,
                                                                     longest + "x"]]
    register = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS, rows), _people(),
                              raise_problems=False)
    assert [r.themes for r in register.reviews] == [(longest,)]
    assert [str(p) for p in register.problems] == [
        "reviews.xlsx, sheet Reviews, row 3, Themes: the cell holds 32,768 characters; at most 32,767 are read"]


def test_references_that_are_formulas_without_saved_values_are_not_duplicates_of_each_other():
    from generator.data_source.register_reading import Formula

    rows = [[Formula("=A1&B1"), "CSPR", "MBC", "", "2021-01-01", None, None],
            [Formula("=A2&B2"), "CSPR", "MBC", "", "2021-01-01", None, None]]
    register = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS, rows), _people(),
                              raise_problems=False)
    assert [str(p) for p in register.problems] == [
        f"reviews.xlsx, sheet Reviews, row {row}, Reference: the formula =A{row - 1}&B{row - 1} has no saved value; "
        "open the workbook in Excel and save it, or type the value instead" for row in (2, 3)]


def test_a_control_character_excel_stores_in_hexadecimal_is_named():
    rows = [["C-1", "CSPR", "MBC", "", "2021-01-01", None, "Neglect_x001B_"]]
    register = build_register(_table("reviews.xlsx", "Reviews", REVIEW_HEADINGS, rows), _people(),
                              raise_problems=False)
    assert [str(p) for p in register.problems] == [
        "reviews.xlsx, sheet Reviews, row 2, Themes: the cell holds the control character U+001B, which documents "
        "cannot contain; remove it"]


def test_two_misspelt_columns_are_each_named_as_the_one_meant_and_a_loose_likeness_is_not():
    people = _people()
    misspelt = build_register(_table("r.xlsx", "Reviews", ["Reference", "Reveiw type", "Area", "Date notifed"], []),
                              people, raise_problems=False)
    assert [p.message for p in misspelt.problems] == [
        "no columns Review type, Date notified; the headings are: Reference, Reveiw type, Area, Date notifed (did you "
        "mean 'Reveiw type' for Review type, 'Date notifed' for Date notified?)"]
    loose = build_register(_table("r.xlsx", "Reviews", ["Reference", "Review", "Area", "Date notified"], []), people,
                           raise_problems=False)
    assert [p.message for p in loose.problems] == [
        "no column Review type; the headings are: Reference, Review, Area, Date notified"]


def test_a_blank_heading_between_columns_is_skipped_and_the_columns_after_it_are_read():
    headings = ["Reference", "", "Review type", "Area", "Date notified"]
    rows = [["C-1", "stray", "CSPR", "MBC", "2021-01-01"]]
    review, = build_register(_table("r.xlsx", "Reviews", headings, rows), _people()).reviews
    assert (review.review_type, review.area, review.notified) == ("CSPR", "MBC", dt.date(2021, 1, 1))


def test_a_sheet_whose_heading_row_is_blank_is_one_problem_however_many_rows_follow():
    rows = [["C-1", "CSPR", "MBC", "", "2021-01-01", None, None], ["C-2", "CSPR", "MBC", "", "2021-01-01", None, None]]
    register = build_register(_table("r.xlsx", "Reviews", [], rows), _people(), raise_problems=False)
    assert [p.message for p in register.problems] == [
        "the sheet Reviews is empty; expected a heading row (Reference, Review type, Area, Status, Date notified, "
        "Date published, Themes, Criteria, Date of incident, Rapid review date, Decision date, Date completed) and "
        "one row for each of the reviews"]


def test_a_control_character_in_a_yaml_key_is_reported_at_the_list_without_echoing_it():
    from generator.data_source.register_reading import rows_from_records

    reviews = rows_from_records([(40, {"reference": "C-1", "review type": "CSPR", "area": "MBC",
                                       "date notified": "2021-05-04", "notes\x07": "x"})], "data.yaml",
                                "register.reviews")
    people = rows_from_records([(52, {"reference": "C-1", "age": "3", "ethnicity": "", "gender": ""})], "data.yaml",
                               "register.people")
    assert [str(p) for p in build_register(reviews, people, raise_problems=False).problems] == [
        "data.yaml, line 40, register.reviews[0]: the heading holds the control character U+0007, which documents "
        "cannot contain; remove it"]


def test_a_workbook_register_may_keep_its_problems_with_the_rows_that_could_be_read(tmp_path):
    rows = [REVIEWS[0], REVIEWS[1][:2] + [None] + REVIEWS[1][3:], REVIEWS[2]]
    register = read_register(workbook(tmp_path / "r.xlsx", rows), "reviews.xlsx", raise_problems=False)
    assert [r.reference for r in register.reviews] == ["C-1", "S-1"]
    assert [str(p) for p in register.problems] == [
        "reviews.xlsx, sheet Reviews, row 3, Area: is blank; every row needs one"]
