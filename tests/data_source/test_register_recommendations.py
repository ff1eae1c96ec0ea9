"""The register's recommendations and a data file's timeline settings: read from YAML rows, a CSV file and the
workbook, every problem located and listed at once."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.loading import load_event
from generator.problems import InputError
from generator.register_records import Recommendation, RowPlace
from generator.timeline import event_timelines

ROOT = Path(__file__).resolve().parents[2]
REVIEWS = """\
register:
  reviews:
    - {Reference: S-1, Review type: SAR, Area: NBC, Date notified: 2022-05-01, Status: Completed,
       Decision date: 2022-06-01, Date completed: 2022-11-30}
    - {Reference: S-2, Review type: SAR, Area: WDC, Date notified: 2023-06-01, Status: In progress}
  people:
    - {Reference: S-1, Age: 40, Ethnicity: "", Gender: Female}
"""
TIMELINE = """\
timeline:
  years: calendar
  as_at: 2024-01-31
  review_statuses: [In progress, Completed, Published]
"""


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # messages name files as given, relative to here


def data_with(folder: Path, register: str, timeline: str = TIMELINE) -> Path:
    data = Path("riverside-2024.yaml")
    text = (ROOT / "data" / "riverside-2024.yaml").read_text(encoding="utf-8")
    text = text.replace("register: riverside-2024-register.xlsx\n", register + timeline, 1)
    data.write_text(text, encoding="utf-8")
    return data


def problems_of(data: Path) -> list[str]:
    try:
        load_event(data)
    except InputError as error:
        return [str(p) for p in error.problems]
    raise AssertionError("expected problems")


def line_of(data: Path, text: str) -> int:
    return next(i for i, line in enumerate(data.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_yaml_recommendations_are_counted_with_the_as_at_date(tmp_path):
    data = data_with(tmp_path, REVIEWS + """\
  recommendations:
    - {Reference: S-1, Recommendation: Train staff, Agency: Police, Due: 2023-06-30, Status: In progress}
    - {Reference: s-1, Recommendation: Audit, Agency: Police, Due: 2024-06-30, Status: not started}
    - {Reference: S-1, Recommendation: Share, Agency: Housing, Due: 2023-01-31, Status: Completed,
       Date completed: 2023-01-15}
    - {Reference: S-1, Recommendation: Stop, Agency: Housing, Due: 2023-01-31, Status: Not implemented,
       Reason: The service closed}
""")
    found = event_timelines(load_event(data).event)["sar"]
    assert dict(found.by_status.rows) == {"Not started": 1, "In progress": 1, "Completed": 1, "Not implemented": 1}
    assert found.overdue == 1  # only 'Train staff': due before 31 January 2024, and neither done nor set aside
    assert dict(found.overdue_by_agency.rows) == {"Housing": 0, "Police": 1}
    assert [r.reason for r in found.not_implemented] == ["The service closed"]
    assert dict(found.per_year.rows) == {"2022": 1, "2023": 1, "2024 (part)": 0}
    assert (found.concluded, found.ongoing) == (1, 1)  # in the period (1 April 2021 to 31 March 2024): S-1 done, S-2 not


def test_each_recommendation_problem_is_located_and_all_are_listed(tmp_path):
    data = data_with(tmp_path, REVIEWS + """\
  recommendations:
    - {Reference: S-9, Recommendation: Train staff, Agency: Police, Status: In progress}
    - {Reference: S-1, Recommendation: Audit, Agency: Police, Status: Complete}
    - {Reference: S-1, Recommendation: Stop, Agency: Housing, Status: Not implemented}
    - {Reference: S-1, Recommendation: Late, Agency: Housing, Due: 31/02/2024, Status: In progress}
""")
    file = data.name
    assert problems_of(data) == [
        f"{file}, line {line_of(data, 'S-9')}, register.recommendations[0].Reference: 'S-9' is not the reference of "
        "any review in the register",
        f"{file}, line {line_of(data, 'Audit')}, register.recommendations[1].Status: 'Complete' is not a "
        "recommendation status; did you mean Completed? expected one of: Not started, In progress, Completed, "
        "Not implemented (timeline.recommendation_statuses in the data file)",
        f"{file}, line {line_of(data, 'Stop')}, register.recommendations[2].Reason: is blank; a recommendation not "
        "implemented needs the reason (the board reports it)",
        f"{file}, line {line_of(data, 'Late')}, register.recommendations[3].Due: '31/02/2024' is not a date "
        "(February 2024 has no day 31)",
    ]


def test_a_review_status_outside_the_declared_list_is_an_error(tmp_path):
    data = data_with(tmp_path, REVIEWS.replace("Status: In progress", "Status: Ongoing"))
    assert problems_of(data) == [
        f"{data.name}, line {line_of(data, 'S-2')}, register.reviews[1].Status: 'Ongoing' is not a review status; "
        "expected one of: In progress, Completed, Published (timeline.review_statuses in the data file)"]


def test_timeline_settings_are_checked(tmp_path):
    data = data_with(tmp_path, REVIEWS, """\
timeline:
  years: academic
  bank_holidays: SCT
  timescales:
    sar:
      - {stage: Date finished, from: Decision date, within: six months}
""")
    assert problems_of(data) == [
        f"{data.name}, line {line_of(data, 'years:')}, timeline.years: expected financial or calendar, got "
        "'academic'",
        f"{data.name}, line {line_of(data, 'bank_holidays')}, timeline.bank_holidays: expected one of ENG "
        "(England), WLS (Wales), got 'SCT'",
        f"{data.name}, line {line_of(data, 'Date finished')}, timeline.timescales.sar[0].stage: 'Date finished' is "
        "not a stage the register dates (expected one of: Date of incident, Date notified, Rapid review date, "
        "Decision date, Date completed, Date published)",
        f"{data.name}, line {line_of(data, 'Date finished')}, timeline.timescales.sar[0].within: expected a number "
        "of working days, days or months, such as '5 working days' or '6 months', got 'six months'",
    ]


def folder_register(tmp_path: Path, recommendations_csv: str) -> Path:
    """Return a data file whose register is a folder of one review, one person and these recommendations."""
    folder = Path("register")
    folder.mkdir()
    (folder / "reviews.csv").write_text("Reference,Review type,Area,Date notified\nS-1,SAR,NBC,2022-05-01\n")
    (folder / "people.csv").write_text("Reference,Age,Ethnicity,Gender\nS-1,40,,Female\n")
    (folder / "recommendations.csv").write_text(recommendations_csv)
    return data_with(tmp_path, "register: register\n")


def test_a_folder_register_reads_recommendations_csv(tmp_path):
    data = folder_register(tmp_path,
        "Reference,Recommendation,Agency,Due,Status\nS-1,Train,Police,2023-01-01,In progress\n"
        "S-1,Audit,Police,2023-01-01,Done\n")
    assert problems_of(data) == [
        "register/recommendations.csv, row 3, Status: 'Done' is not a recommendation status; expected one of: "
        "Not started, In progress, Completed, Not implemented (timeline.recommendation_statuses in the data file)"]


def test_the_harbour_workbook_recommendations_are_read(tmp_path):
    for name in ("harbour-2025.yaml", "harbour-2025-register.xlsx"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    event = load_event(tmp_path / "harbour-2025.yaml").event
    assert len(event.register_recommendations) == 145
    assert len(event.register_every_review) == 94 > len(event.register_reviews)


def test_a_recommendation_cell_is_held_to_the_reviews_rules(tmp_path):
    data = folder_register(tmp_path,
        "Reference,Recommendation,Agency,Status,Owner\nS-1,Train\x07staff,Police,In progress,Kim\n")
    assert problems_of(data) == [
        "register/recommendations.csv, row 1: column Owner is not used and was ignored",  # a warning, listed first
        "register/recommendations.csv, row 2, Recommendation: the cell holds the control character U+0007, which "
        "documents cannot contain; remove it"]


def test_without_a_declared_list_a_review_status_is_one_of_the_default_statuses(tmp_path):
    data = data_with(tmp_path, REVIEWS.replace("Status: Completed", "Status: Complete"), timeline="")
    assert problems_of(data) == [
        f"{data.name}, line {line_of(data, 'S-1')}, register.reviews[0].Status: 'Complete' is not a review status; "
        "did you mean Completed? expected one of: In progress, Completed, Published (timeline.review_statuses in "
        "the data file)"]


def test_a_register_kept_in_welsh_writes_the_default_statuses_in_welsh_and_they_mean_the_same(tmp_path):
    # 'Wedi'u cwblhau' is Completed and 'Heb eu gweithredu' Not implemented, compared by key, not by the words.
    data = data_with(tmp_path, REVIEWS.replace("Status: In progress", "Status: Ar y gweill") + """\
  recommendations:
    - {Reference: S-1, Recommendation: Train staff, Agency: Police, Due: 2023-06-30, Status: Ar y gweill}
    - {Reference: S-1, Recommendation: Share, Agency: Housing, Due: 2023-01-31, Status: "wedi'u  cwblhau",
       Date completed: 2023-01-15}
    - {Reference: S-1, Recommendation: Stop, Agency: Housing, Due: 2023-01-31, Status: Heb eu gweithredu,
       Reason: The service closed}
""")
    found = event_timelines(load_event(data).event)["sar"]
    assert dict(found.by_status.rows) == {"Not started": 0, "In progress": 1, "Completed": 1, "Not implemented": 1}
    assert found.overdue == 1  # only 'Train staff'
    assert [r.reason for r in found.not_implemented] == ["The service closed"]


def test_statuses_the_data_declares_in_welsh_give_the_figures_their_meaning(tmp_path):
    from generator.i18n import speaking

    welsh = TIMELINE + "  recommendation_statuses: [Heb ddechrau, Ar y gweill, Wedi'u cwblhau, Heb eu gweithredu]\n"
    data = data_with(tmp_path, REVIEWS + """\
  recommendations:
    - {Reference: S-1, Recommendation: Train staff, Agency: Police, Due: 2023-06-30, Status: Wedi'u cwblhau}
    - {Reference: S-1, Recommendation: Stop, Agency: Housing, Due: 2023-01-31, Status: Heb eu gweithredu}
""", welsh)
    assert problems_of(data) == [
        f"{data.name}, line {line_of(data, 'Stop')}, register.recommendations[1].Reason: is blank; a recommendation "
        "not implemented needs the reason (the board reports it)"]
    data.write_text(data.read_text(encoding="utf-8").replace(
        "Status: Heb eu gweithredu}", "Status: Heb eu gweithredu, Reason: Closed}"), encoding="utf-8")
    found = event_timelines(load_event(data).event)["sar"]
    assert found.overdue == 0
    assert dict(found.by_status.rows) == {"Not started": 0, "In progress": 0, "Completed": 1, "Not implemented": 1}
    with speaking("cy"):
        welsh_rows = dict(event_timelines(load_event(data).event)["sar"].by_status.rows)
    assert welsh_rows == {"Heb ddechrau": 0, "Ar y gweill": 0, "Wedi'u cwblhau": 1, "Heb eu gweithredu": 1}


def workbook_register(tmp_path: Path, recommendations: list[list[object]] | None) -> Path:
    """Return a data file whose register is a workbook of one review and one person, with a Recommendations sheet of
    these rows (headings first) unless None."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Reviews"
    book.active.append(["Reference", "Review type", "Area", "Date notified"])
    book.active.append(["S-1", "SAR", "NBC", "2022-05-01"])
    people = book.create_sheet("People")
    people.append(["Reference", "Age", "Ethnicity", "Gender"])
    people.append(["S-1", 40, None, "Female"])
    if recommendations is not None:
        sheet = book.create_sheet(" recommendations ")  # found whatever its case and spaces
        for row in recommendations:
            sheet.append(row)
    book.save("register.xlsx")
    return data_with(tmp_path, "register: register.xlsx\n")


HEADINGS = ["Reference", "Recommendation", "Agency", "Due", "Status"]


def test_a_workbook_without_a_recommendations_sheet_keeps_none(tmp_path):
    event = load_event(workbook_register(tmp_path, None)).event
    assert event.register_recommendations == []
    assert [r.reference for r in event.register_every_review] == ["S-1"]


def test_a_recommendations_formula_reads_as_the_value_excel_saved(tmp_path):
    from tests.data_source.register_helpers import rewrite_member

    data = workbook_register(tmp_path, [HEADINGS, ["S-1", "Train", "Police", "2023-01-01", "Completed"]])
    rewrite_member(Path("register.xlsx"), "xl/worksheets/sheet3.xml", lambda xml: xml.replace(
        '<c r="E2" t="inlineStr"><is><t>Completed</t></is></c>',
        '<c r="E2" t="str"><f>"In "&amp;"progress"</f><v>In progress</v></c>'))
    recommendation, = load_event(data).event.register_recommendations
    assert (recommendation.reference, recommendation.status) == ("S-1", "In progress")


def test_a_recommendations_sheet_that_cannot_be_parsed_is_a_problem_naming_it(tmp_path):
    from tests.data_source.register_helpers import rewrite_member

    data = workbook_register(tmp_path, [HEADINGS, ["S-1", "Train", "Police", "2023-01-01", "Completed"]])
    rewrite_member(Path("register.xlsx"), "xl/worksheets/sheet3.xml", lambda xml: xml.replace("</sheetData>", ""))
    assert problems_of(data) == ["register.xlsx: the sheet Recommendations cannot be read; open the workbook in "
                                 "Excel and save it again"]


def test_recommendations_rows_past_the_limit_are_an_error_counting_rows_of_the_sheet(tmp_path, monkeypatch):
    from generator.data_source import register_recommendations

    monkeypatch.setattr(register_recommendations, "MAX_ROWS", 2)
    row = ["S-1", "Train", "Police", "2023-01-01", "Completed"]
    at_the_limit = workbook_register(tmp_path, [HEADINGS, row, row])
    assert len(load_event(at_the_limit).event.register_recommendations) == 2
    past = "register.xlsx, sheet  recommendations : the sheet has more than 2 rows"
    for rows in ([HEADINGS, row, row, row], [HEADINGS, [None], [None], row], [HEADINGS, row, [None], row]):
        Path("register.xlsx").unlink()
        assert problems_of(workbook_register(tmp_path, rows)) == [past]


def test_a_recommendation_past_the_limit_is_found_even_when_formatted_blank_rows_follow(tmp_path, monkeypatch):
    import openpyxl
    from openpyxl.styles import Font

    from generator.data_source import register_recommendations

    monkeypatch.setattr(register_recommendations, "MAX_ROWS", 2)
    row = ["S-1", "Train", "Police", "2023-01-01", "Completed"]
    data = workbook_register(tmp_path, [HEADINGS, row, row, row])
    book = openpyxl.load_workbook("register.xlsx")
    book[" recommendations "].cell(row=6, column=1).font = Font(bold=True)  # a blank row the sheet still holds
    book.save("register.xlsx")
    assert problems_of(data) == ["register.xlsx, sheet  recommendations : the sheet has more than 2 rows"]


def test_a_recommendation_after_blank_rows_past_the_limit_is_reported_not_lost(tmp_path, monkeypatch):
    """The rows read stop at the limit; one further down, after a blank row, was dropped without a word."""
    from generator.data_source import register_reading, register_recommendations

    monkeypatch.setattr(register_recommendations, "MAX_ROWS", 2)
    monkeypatch.setattr(register_reading, "MAX_ROWS", 2)
    row = ["S-1", "Train", "Police", "2023-01-01", "Completed"]
    data = workbook_register(tmp_path, [HEADINGS, row, row, [None], row])
    assert problems_of(data) == [
        "register.xlsx, sheet  recommendations : the sheet's used range reaches row 5, past the 3 rows read; delete "
        "the rows below the register (they may hold only formatting)"]


def test_recommendations_columns_past_the_limit_are_not_read(tmp_path):
    from generator.data_source.register_reading import MAX_COLUMNS

    headings = HEADINGS + [None] * (MAX_COLUMNS - len(HEADINGS)) + ["Owner"]
    data = workbook_register(tmp_path, [headings, ["S-1", "Train", "Police", "2023-01-01", "Completed"]])
    loaded = load_event(data)
    assert len(loaded.event.register_recommendations) == 1
    assert not any("Owner" in str(p) for p in loaded.warnings)


NOT_A_STATUS = ("Status: 'Done' is not a recommendation status; expected one of: Not started, In progress, Completed, "
                "Not implemented (timeline.recommendation_statuses in the data file)")


def test_a_declared_list_without_the_done_statuses_is_a_problem_for_each(tmp_path):
    data = data_with(tmp_path, REVIEWS, TIMELINE + "  recommendation_statuses: [Not started, In progress]\n")
    needs = ("riverside-2024.yaml, line 39, timeline.recommendation_statuses: the list needs '{}' (what the figures "
             "count as done, or set aside with a reason)")
    assert problems_of(data) == [needs.format("Completed"), needs.format("Not implemented")]


def test_a_timescale_of_a_type_the_data_does_not_have_is_a_problem_at_its_key(tmp_path):
    data = data_with(tmp_path, REVIEWS, TIMELINE + """\
  timescales:
    scr:
      - {stage: Date completed, from: Date finished, within: 6 months}
""")
    assert problems_of(data) == [
        "riverside-2024.yaml, line 40, timeline.timescales.scr: 'scr' is not a review type (expected one of: cspr, "
        "sar, dhr)",
        "riverside-2024.yaml, line 41, timeline.timescales.scr[0].from: 'Date finished' is not a stage the register "
        "dates (expected one of: Date of incident, Date notified, Rapid review date, Decision date, Date completed, "
        "Date published)"]


def test_recommendations_named_as_a_csv_file_are_read_and_their_problems_name_it(tmp_path):
    Path("recs.csv").write_text("Reference,Recommendation,Agency,Status\nS-1,Train,Police,Done\n", encoding="utf-8")
    data = data_with(tmp_path, REVIEWS + "  recommendations: recs.csv\n")
    assert problems_of(data) == ["recs.csv, row 2, " + NOT_A_STATUS]
    Path("recs.csv").write_text("Reference,Recommendation,Agency,Status\nS-1,Train,Police,Completed\n",
                                encoding="utf-8")
    assert [(r.reference, r.text, r.status) for r in load_event(data).event.register_recommendations] == [
        ("S-1", "Train", "Completed")]


def test_problems_of_recommendations_written_in_an_included_file_name_that_file(tmp_path):
    Path("register.yaml").write_text(REVIEWS + """\
  recommendations:
    - {Reference: S-1, Recommendation: Train staff, Agency: Police, Status: Done}
""", encoding="utf-8")
    data = data_with(tmp_path, "")
    data.write_text("include: register.yaml\n" + data.read_text(encoding="utf-8"), encoding="utf-8")
    assert problems_of(data) == ["register.yaml, line 9, register.recommendations[0]." + NOT_A_STATUS]


def test_a_folder_register_without_recommendations_csv_keeps_none(tmp_path):
    data = folder_register(tmp_path, "")
    Path("register/recommendations.csv").unlink()
    event = load_event(data).event
    assert (event.register_recommendations, [r.reference for r in event.register_every_review]) == ([], ["S-1"])


def test_an_empty_recommendations_sheet_keeps_none(tmp_path):
    assert load_event(workbook_register(tmp_path, [])).event.register_recommendations == []


def test_a_recommendations_sheets_problems_name_its_row_and_heading_row(tmp_path):
    data = workbook_register(tmp_path, [["Reference", "Recommendation", "Status"], ["S-1", "Train", "Completed"]])
    assert problems_of(data) == ["register.xlsx, sheet  recommendations , row 1: no column Agency; the headings are: "
                                 "Reference, Recommendation, Status"]
    Path("register.xlsx").unlink()
    data = workbook_register(tmp_path, [HEADINGS + ["Owner"], ["S-1", "Train", "Police", "2023-01-01", "Completed"],
                                        ["S-1", "Audit", "Police", "2023-01-01", "Done"]])
    assert problems_of(data) == ["register.xlsx, sheet  recommendations , row 1: column Owner is not used and was "
                                 "ignored", "register.xlsx, sheet  recommendations , row 3, " + NOT_A_STATUS]


def test_a_recommendations_dates_and_place_are_kept(tmp_path):
    data = workbook_register(tmp_path, [HEADINGS + ["Date agreed", "Date completed"],
                                        ["S-1", "Train", "Police", "2023-01-01", "Completed", "2022-07-01",
                                         "2022-12-01"]])
    recommendation, = load_event(data).event.register_recommendations
    assert recommendation == Recommendation("S-1", "sar", "Train", "Police", dt.date(2022, 7, 1), dt.date(2023, 1, 1),
                                            "Completed", dt.date(2022, 12, 1), "", RowPlace("register.xlsx",
                                                                                            " recommendations ", 2))


def test_a_recommendation_with_a_problem_is_left_out_of_those_returned():
    from generator.data_source.register_reading import rows_from_records
    from generator.data_source.register_recommendations import recommendation_rows

    table = rows_from_records([(5, {"Reference": "S-9", "Recommendation": "Train", "Agency": "Police",
                                    "Status": "Completed"})], "event.yaml", "register.recommendations")
    rows, problems, notes = recommendation_rows(table, [], ["Completed", "Not implemented"])
    assert (rows, [str(p) for p in problems], notes) == ([], [
        "event.yaml, line 5, register.recommendations[0].Reference: 'S-9' is not the reference of any review in the "
        "register"], [])
