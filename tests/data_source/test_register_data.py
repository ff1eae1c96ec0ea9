"""The register a data file names, read and matched to its review types, areas and themes (register_data)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.loading import load_event
from generator.problems import InputError

GALLERY = Path(__file__).resolve().parents[1] / "fixtures" / "gallery"


def test_a_register_kept_in_a_bilingual_files_first_language_is_read_in_the_names_of_the_other_version(tmp_path):
    text = (GALLERY / "bilingual-susr.yaml").read_text(encoding="utf-8")
    first = text.replace(  # the first review's row written only in Welsh, the file's first language
        "Review type: susr, Area: Abertawe, Date notified: 2024-10-14,\n"
        "       Criteria: {cy: Ymarfer oedolion; Dynladdiad domestig, en: Adult practice; Domestic homicide},\n"
        "       Themes: {cy: Rhannu gwybodaeth; Cam-drin domestig, en: Sharing information; Domestic abuse}}",
        "Review type: Adolygiadau Diogelu Unedig Sengl, Area: Abertawe, Date notified: 2024-10-14,\n"
        "       Criteria: Ymarfer oedolion; Dynladdiad domestig, Themes: Rhannu gwybodaeth; Cam-drin domestig}", 1)
    assert first != text
    (tmp_path / "event.yaml").write_text(first, encoding="utf-8")
    for language, criteria, themes in (
            ("en", ("Adult practice", "Domestic homicide"), ("Sharing information", "Domestic abuse")),
            ("cy", ("Ymarfer oedolion", "Dynladdiad domestig"), ("Rhannu gwybodaeth", "Cam-drin domestig"))):
        review = load_event(tmp_path / "event.yaml", language=language).event.register_every_review[0]
        assert (review.reference, review.type_key, review.criteria, review.themes) == ("ADUS-1", "susr", criteria,
                                                                                       themes)


ROOT = Path(__file__).resolve().parents[2]
PERIOD = "period: {from: 2021-04-01, to: 2024-03-31, by: date notified}\n"
REPORT_BY = "    report_by: [North/East, WDC]\n"


def riverside(tmp_path: Path, change=lambda text: text, name: str = "event.yaml") -> Path:
    """Return a copy of the register-counted example, its text changed by ``change``, beside its register."""
    shutil.copy(ROOT / "data" / "riverside-2024-register.xlsx", tmp_path)
    text = (ROOT / "data" / "riverside-2024.yaml").read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text or change("") == ""
    (tmp_path / name).write_text(changed, encoding="utf-8")
    return tmp_path / name


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InputError) as raised:
        load_event(path)
    return [str(p) for p in raised.value.problems]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # messages name files as given, relative to here


def test_the_datas_publishing_period_and_categories_settings_are_checked_all_at_once(tmp_path):
    data = riverside(tmp_path, lambda text: text.replace(PERIOD, "period: {from: 2024-04-01, to: 2021-03-31, by: "
                                                                 "date finished}\npublish: {suppress_below: 1}\n"
                                                                 "categories: {ethnicity: fine}\n"))
    assert problems_of(data) == [
        "event.yaml, line 29, period.by: expected date notified or date published, got 'date finished'",
        "event.yaml, line 29, period.to: the period ends (2021-03-31) before it starts (2024-04-01)",
        "event.yaml, line 30, publish.suppress_below: expected a number from 3 up (with 1, a hidden count could only "
        "be 1), got 1",
        "event.yaml, line 31, categories.ethnicity: expected high-level or detailed, got 'fine'"]


def test_a_threshold_of_three_a_period_of_one_day_and_detailed_ethnicity_are_allowed(tmp_path):
    data = riverside(tmp_path, lambda text: text.replace(PERIOD, "period: {from: 2022-04-01, to: 2022-04-01, by: "
                                                                 "date published}\npublish: {suppress_below: 3}\n"
                                                                 "categories: {ethnicity: detailed}\n"))
    event = load_event(data).event
    assert event.publish.suppress_below == 3 and event.period.by == "date published"


def test_a_counted_types_figures_typed_as_well_and_its_report_by_are_checked(tmp_path):
    data = riverside(tmp_path, lambda text: text.replace(REPORT_BY, (
        "    report_by: [North/East, NBC, Southport]\n    counts_by_area: {NBC: 1}\n"
        "    counts_by_criterion: {x: 1}\n    demographics: {}\n")).replace(
        "      - Neglect\n", "      - {name: Neglect, count: 3}\n"))
    both = "cspr's reviews are counted from the register, so its {} cannot be typed as well; remove them, or give " \
           "the type's count: to type all its figures instead"
    assert problems_of(data) == [
        "event.yaml, line 100, review_types.cspr.report_by[1]: NBC is counted in both North/East and NBC; count each "
        "area once",
        "event.yaml, line 100, review_types.cspr.report_by[2]: 'Southport' is not an area or grouping (expected one "
        "of: NBC, EMC, WDC, North/East)",
        "event.yaml, line 100, review_types.cspr.report_by: WDC is in no area or grouping listed; its reviews would "
        "not be counted",
        "event.yaml, line 101, review_types.cspr.counts_by_area: " + both.format("counts_by_area"),
        "event.yaml, line 102, review_types.cspr.counts_by_criterion: " + both.format("counts_by_criterion"),
        "event.yaml, line 103, review_types.cspr.demographics: " + both.format("demographics"),
        "event.yaml, line 106, review_types.cspr.themes[0].count: " + both.format("themes' counts"),
    ]


def test_areas_left_out_of_report_by_are_named_together(tmp_path):
    data = riverside(tmp_path, lambda text: text.replace(REPORT_BY, "    report_by: [EMC]\n"))
    assert problems_of(data) == [
        "event.yaml, line 100, review_types.cspr.report_by: NBC, WDC are in no area or grouping listed; their "
        "reviews would not be counted"]


def test_a_type_given_a_count_is_typed_and_the_registers_rows_of_it_are_errors(tmp_path):
    data = riverside(tmp_path, lambda text: text.replace("    abbreviation: SAR\n",
                                                         "    abbreviation: SAR\n    count: 4\n", 1))
    assert problems_of(data) == ["event.yaml, line 182, review_types.sar: missing required key 'counts_by_area'"]
    data = riverside(tmp_path, lambda text: text.replace(
        "    abbreviation: SAR\n", "    abbreviation: SAR\n    count: 4\n    counts_by_area: {NBC: 2, EMC: 1, WDC: 1}\n",
        1))
    found = problems_of(data)
    assert found[0] == (
        "riverside-2024-register.xlsx, sheet Reviews, row 21, Review type: SAR is typed as figures in the data file "
        "(review_types.sar.count); give its figures either in the register or in the data file, not both")
    assert all("SAR is typed as figures in the data file" in problem for problem in found)


def test_without_a_register_every_type_needs_its_count(tmp_path):
    tees = (ROOT / "data" / "tees-2022.yaml").read_text(encoding="utf-8")
    (tmp_path / "tees.yaml").write_text(tees.replace("    count: 23\n", "", 1), encoding="utf-8")
    assert problems_of(tmp_path / "tees.yaml") == [
        "tees.yaml, line 90, review_types.children: missing required key 'count' (or name a register: for the data "
        "file, and its reviews are counted)"]


def test_a_csv_register_named_in_the_data_needs_both_files(tmp_path):
    register = "register: riverside-2024-register.xlsx\n"
    data = riverside(tmp_path, lambda text: text.replace(
        register, "register: {reviews: reviews.csv, people: [{Reference: x}]}\n"))
    assert problems_of(data) == ["event.yaml, line 28, register.people: expected the people CSV file's name, as the "
                                 "reviews are given as a file"]
    data = riverside(tmp_path, lambda text: text.replace(register, "register: {reviews: reviews.csv, people: "
                                                                   "people.csv}\n"))
    assert problems_of(data) == ["event.yaml, line 28, register.reviews: 'reviews.csv' is not in this folder; the "
                                 "CSV file of the register's reviews"]
    (tmp_path / "reviews.csv").write_text("Reference\n", encoding="utf-8")
    assert problems_of(data) == ["event.yaml, line 28, register.people: 'people.csv' is not in this folder; the "
                                 "CSV file of the register's people"]


def test_without_a_period_every_row_is_counted_and_the_command_lines_threshold_overrides_the_datas(tmp_path):
    loaded = load_event(riverside(tmp_path, lambda text: text.replace(PERIOD, "publish: {suppress_below: 10}\n")),
                        suppress_below=5)
    event = loaded.event
    assert event.publish.suppress_below == 5
    assert len(event.register_reviews) == len(event.register_every_review) > 0
    assert [str(w) for w in loaded.warnings if "every one counted" in str(w)] == [
        f"{name}: {count} rows; every one counted (the data sets no period)"
        for name, count in (("CSPR", sum(r.type_key == "cspr" for r in event.register_every_review)),
                            ("SAR", sum(r.type_key == "sar" for r in event.register_every_review)),
                            ("DHR", sum(r.type_key == "dhr" for r in event.register_every_review)))]


REGISTER = "register: riverside-2024-register.xlsx\n"
ROWS = """\
  reviews:
    - {Reference: C-1, Review type: CSPR, Area: NBC, Date notified: 2022-05-01}
    - {Reference: S-1, Review type: SAR, Area: NBC, Date notified: 2019-05-01}
    - {Reference: S-2, Review type: SAR, Area: WDC, Date notified: 2020-06-01}
  people:
    - {Reference: C-1, Age: 3, Ethnicity: "", Gender: Female}
"""


def with_register(tmp_path: Path, register: str, change=lambda text: text, name: str = "event.yaml") -> Path:
    """Return the register-counted example with ``register`` (YAML) in place of its workbook."""
    text = change((ROOT / "data" / "riverside-2024.yaml").read_text(encoding="utf-8").replace(REGISTER, register, 1))
    (tmp_path / name).parent.mkdir(exist_ok=True)
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / name


def line_of(data: Path, text: str) -> int:
    return next(i for i, line in enumerate(data.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def register_folder(folder: Path, reviews: str = "S-1,SAR,NBC,2022-05-01\n", people: str = "S-1,40,,Female\n") -> Path:
    folder.mkdir()
    (folder / "reviews.csv").write_text("Reference,Review type,Area,Date notified\n" + reviews, encoding="utf-8")
    (folder / "people.csv").write_text("Reference,Age,Ethnicity,Gender\n" + people, encoding="utf-8")
    return folder


def test_a_register_that_is_a_link_to_itself_is_a_problem_at_the_register_key(tmp_path):
    (tmp_path / "loop.xlsx").symlink_to("loop.xlsx")
    data = with_register(tmp_path, "register: loop.xlsx\n")
    assert problems_of(data) == ["event.yaml, line 28, register: 'loop.xlsx' cannot be followed: it is a link that "
                                 "leads back to itself"]


def test_a_missing_register_says_what_a_register_is(tmp_path):
    data = with_register(tmp_path, "register: missing.xlsx\n")
    assert problems_of(data) == ["event.yaml, line 28, register: 'missing.xlsx' is not in this folder; a register is "
                                 "an Excel workbook (.xlsx), or a folder holding reviews.csv and people.csv"]


def test_a_register_outside_the_data_files_folder_is_read_only_when_allowed(tmp_path):
    register_folder(tmp_path / "register")
    data = with_register(tmp_path, "register: ../register\n", name="data/event.yaml")
    assert problems_of(data) == ["data/event.yaml, line 28, register: '../register' is outside the data file's "
                                 "folder; move it there, or build with --allow-outside"]
    event = load_event(data, allow_outside=True).event
    assert [(r.reference, r.type_key, r.area) for r in event.register_every_review] == [("S-1", "sar", "NBC")]


TIMELINE = "timeline: {years: calendar, as_at: 2024-01-31}\n"
RECOMMENDATIONS = "Reference,Recommendation,Agency,Due,Status\nS-1,Train,Police,2023-01-01,In progress\n"


def test_the_csv_files_of_a_register_outside_the_folder_are_read_only_when_allowed(tmp_path):
    register_folder(tmp_path / "register")
    (tmp_path / "register" / "recs.csv").write_text(RECOMMENDATIONS, encoding="utf-8")
    data = with_register(tmp_path, "register: {reviews: ../register/reviews.csv, people: ../register/people.csv, "
                                   "recommendations: ../register/recs.csv}\n" + TIMELINE, name="data/event.yaml")
    assert problems_of(data) == ["data/event.yaml, line 28, register.reviews: '../register/reviews.csv' is outside "
                                 "the data file's folder; move it there, or build with --allow-outside"]
    event = load_event(data, allow_outside=True).event
    assert [(r.reference, r.type_key) for r in event.register_every_review] == [("S-1", "sar")]
    assert [(r.reference, r.text, r.status) for r in event.register_recommendations] == [
        ("S-1", "Train", "In progress")]


def test_a_missing_recommendations_csv_file_is_a_problem_at_its_key(tmp_path):
    register_folder(tmp_path / "register")
    data = with_register(tmp_path, "register: {reviews: register/reviews.csv, people: register/people.csv, "
                                   "recommendations: recs.csv}\n" + TIMELINE)
    assert problems_of(data) == ["event.yaml, line 28, register.recommendations: 'recs.csv' is not in this folder; "
                                 "the CSV file of the register's recommendations"]

NOT_AN_AGE = "'forty' is not an age (expected a whole number of years from 0 to 120, or blank when not known)"
NOT_AN_AREA = ("'Southport' is not an area (expected one of: NBC, Northbank Borough Council; EMC, Eastmoor Council; "
               "WDC, Westford District Council)")


def test_each_csv_files_problems_name_it_and_all_are_listed_with_the_names_the_data_does_not_know(tmp_path):
    register_folder(tmp_path / "register", reviews="S-1,SAR,NBC,2022-05-01\nS-2,SAR,Southport,2022-13-01\n"
                                                   "S-3,SAR,Southport,2022-06-01\n",
                    people="S-1,forty,,Female\n")
    data = with_register(tmp_path, "register: {reviews: register/reviews.csv, people: register/people.csv}\n")
    assert problems_of(data) == [
        "register/reviews.csv, row 3, Date notified: '2022-13-01' is not a date (there is no month 13)",
        "register/people.csv, row 2, Age: " + NOT_AN_AGE,
        "register/reviews.csv, row 4, Area: " + NOT_AN_AREA]


def test_the_yaml_lists_problems_are_located_at_their_lines_and_all_are_listed(tmp_path):
    data = with_register(tmp_path, """\
register:
  reviews:
    - {Reference: S-1, Review type: SAR, Area: NBC, Date notified: 2022-05-01}
    - {Reference: S-2, Review type: SAR, Area: NBC, Date notified: 2022-13-01}
    - {Reference: S-3, Review type: SAR, Area: Southport, Date notified: 2022-06-01}
  people:
    - {Reference: S-1, Age: forty, Ethnicity: "", Gender: Female}
""")
    assert problems_of(data) == [
        "event.yaml, line 31, register.reviews[1].Date notified: '2022-13-01' is not a date (there is no month 13)",
        "event.yaml, line 34, register.people[0].Age: " + NOT_AN_AGE,
        "event.yaml, line 32, register.reviews[2].Area: " + NOT_AN_AREA]


def test_an_empty_people_list_is_a_problem_at_its_line_and_a_missing_one_at_its_key(tmp_path):
    reviews = "register:\n  reviews:\n    - {Reference: S-1, Review type: SAR, Area: NBC, Date notified: 2022-05-01}\n"
    empty = ("register.people: the list is empty; expected a heading row (Reference, Role, Age, Ethnicity, Gender) "
             "and one row for each of the people")
    assert problems_of(with_register(tmp_path, reviews + "  people: []\n")) == ["event.yaml, line 31, " + empty]
    assert problems_of(with_register(tmp_path, reviews)) == ["event.yaml, " + empty]


def loaded_with(tmp_path: Path, register: str, change=lambda text: text):
    return load_event(with_register(tmp_path, register, change))


def test_a_counted_type_with_reviews_only_outside_the_period_is_warned_of_at_the_period(tmp_path):
    loaded = loaded_with(tmp_path, "register:\n" + ROWS)
    warnings = [w for w in loaded.warnings if w.key_path == "period"]
    assert [(str(w), w.severity) for w in warnings] == [(
        "event.yaml, line 35, period: none of the register's 2 SAR reviews falls in the period (reviews notified 1 "
        "April 2021 to 31 March 2024), so every SAR figure is 0; check the period's dates", "warning")]


def test_the_period_is_accounted_for_row_by_row(tmp_path):
    loaded = loaded_with(tmp_path, "register:\n" + ROWS)
    assert [str(w) for w in loaded.warnings if w.key_path != "period"] == [
        "CSPR: 1 row; 1 in the period",
        "SAR: 2 rows; 0 in the period; 2 notified before 1 April 2021 (S-1, S-2)",
        "DHR: 0 rows; 0 in the period",
        "event.yaml, line 31, register.reviews[1].Date notified: S-1 is left out of the figures: notified 1 May 2019, "
        "before the period starts on 1 April 2021",
        "event.yaml, line 32, register.reviews[2].Date notified: S-2 is left out of the figures: notified 1 June "
        "2020, before the period starts on 1 April 2021"]
    assert [r.reference for r in loaded.event.register_reviews] == ["C-1"]
    assert [r.reference for r in loaded.event.register_every_review] == ["C-1", "S-1", "S-2"]


def test_a_period_by_date_published_keeps_the_reviews_published_in_it(tmp_path):
    event = loaded_with(tmp_path, "register:\n" + ROWS.replace(
        "Date notified: 2019-05-01}", "Date notified: 2019-05-01, Status: Published, Date published: 2022-01-10}"),
        lambda text: text.replace("by: date notified", "by: date published")).event
    assert [r.reference for r in event.register_reviews] == ["S-1"]


SAR_ROW = "  reviews:\n    - {Reference: S-1, Review type: SAR, Area: NBC, Date notified: 2022-05-01}\n  people:\n"


def person(age: str = "40", ethnicity: str = '""', gender: str = "Female") -> str:
    return f"    - {{Reference: S-1, Age: {age}, Ethnicity: {ethnicity}, Gender: {gender}}}\n"


def test_an_age_outside_its_types_bands_is_found_after_a_type_without_bands(tmp_path):
    data = with_register(tmp_path, "register:\n" + SAR_ROW + person("10"), lambda text: text.replace(
        '    age_bands: ["Under 1", "1-4", "5-9", "10-14", "15-17"]\n', ""))
    assert problems_of(data) == [
        "event.yaml, line 32, register.people[0].Age: 10 fits none of the SAR age bands (18-29, 30-39, 40-49, 50-59, "
        "60-69, 70-79, 80 and over); add a band for it in the data file"]


def test_a_report_by_label_that_is_no_area_does_not_stop_the_others_being_checked(tmp_path):
    data = with_register(tmp_path, "register:\n" + SAR_ROW + person(), lambda text: text.replace(
        REPORT_BY, "    report_by: [Southport, North/East, WDC]\n"))
    assert problems_of(data) == [
        "event.yaml, line 104, review_types.cspr.report_by[0]: 'Southport' is not an area or grouping (expected one "
        "of: NBC, EMC, WDC, North/East)"]


def test_a_counted_types_age_bands_are_checked_at_their_line(tmp_path):
    data = with_register(tmp_path, "register:\n" + SAR_ROW + person(), lambda text: text.replace(
        '    age_bands: ["18-29", ', '    age_bands: ["eighteen", '))
    assert problems_of(data) == [
        "event.yaml, line 192, review_types.sar.age_bands[0]: 'eighteen' is not an age band (expected a form such as "
        "'Under 1', '0-4', '65+', '65 and over' or a single age such as '17')"]


def test_a_gender_read_as_another_is_a_note_and_one_naming_none_an_error(tmp_path):
    loaded = loaded_with(tmp_path, "register:\n" + SAR_ROW + person(gender="F"))
    assert [(str(w), w.severity) for w in loaded.warnings if "Gender" in str(w)] == [
        ("event.yaml, line 32, register.people[0].Gender: 'F' is read as Female (1 row)", "note")]
    data = with_register(tmp_path, "register:\n" + SAR_ROW + person(gender="Banana"))
    assert problems_of(data) == [
        "event.yaml, line 32, register.people[0].Gender: 'Banana' is not one of the genders the register counts "
        "(expected one of: Female, Male, Other); list the register's genders as categories.genders in the data file"]


def test_a_theme_outside_the_types_list_is_kept_when_the_data_allows_new_themes(tmp_path):
    rows = "register:\n" + SAR_ROW.replace("2022-05-01}", "2022-05-01, Themes: Loneliness}") + person()
    assert problems_of(with_register(tmp_path, rows)) == [
        "event.yaml, line 30, register.reviews[0].Themes: 'Loneliness' is not one of the SAR themes (expected one of: "
        "Self-neglect; Mental capacity; Homelessness; Substance misuse; Carer strain; Professional curiosity)"]
    event = loaded_with(tmp_path, rows + "allow_new_themes: true\n").event
    assert [r.themes for r in event.register_every_review] == [("Loneliness",)]


def test_the_datas_own_words_for_not_known_are_read_from_every_kind_of_register(tmp_path):
    unknown = lambda text: text.replace(PERIOD, PERIOD + "categories: {unknown: [Unrecorded]}\n")
    register_folder(tmp_path / "register", people="S-1,40,Unrecorded,Female\n")
    not_a_group = ("Ethnicity: 'Unrecorded' is not an ONS 2021 ethnic group; choose one from the register's drop-down; "
                   "to count the register's own groups instead, list them as categories.ethnicities in the data file")
    for register, place in (
            ("register: register\n", "register/people.csv, row 2, "),
            ("register: {reviews: register/reviews.csv, people: register/people.csv}\n",
             "register/people.csv, row 2, "),
            ("register:\n" + SAR_ROW + person(ethnicity="Unrecorded"), "event.yaml, line 32, register.people[0]."),
    ):
        assert problems_of(with_register(tmp_path, register)) == [place + not_a_group]
        event = loaded_with(tmp_path, register, unknown).event
        assert [[p.ethnicity for p in r.people] for r in event.register_every_review] == [[""]]  # not known


def test_people_named_as_a_file_beside_reviews_given_as_rows_are_a_problem_saying_so(tmp_path):
    """The file name was read as an empty list, and the message said the list was empty."""
    data = with_register(tmp_path, "register:\n" + SAR_ROW.replace("  people:\n", "  people: people.csv\n"))
    assert problems_of(data) == ["event.yaml, line 31, register.people: expected the people's rows, as the reviews "
                                 "are given as rows"]


def test_a_folder_registers_problems_are_all_listed_with_the_names_the_data_does_not_know(tmp_path):
    register_folder(tmp_path / "register", reviews="S-1,SAR,NBC,2022-05-01\nS-2,SAR,NBC,2022-13-01\n"
                                                   "S-3,SAR,Southport,2022-06-01\n")
    assert problems_of(with_register(tmp_path, "register: register\n")) == [
        "register/reviews.csv, row 3, Date notified: '2022-13-01' is not a date (there is no month 13)",
        "register/reviews.csv, row 4, Area: " + NOT_AN_AREA]


def test_problems_of_a_register_written_in_an_included_file_name_that_file(tmp_path):
    (tmp_path / "register.yaml").write_text("register:\n" + SAR_ROW + person("forty"), encoding="utf-8")
    data = with_register(tmp_path, "", lambda text: "include: register.yaml\n" + text)
    assert problems_of(data) == ["register.yaml, line 5, register.people[0].Age: " + NOT_AN_AGE]


def test_problems_of_a_counted_types_age_bands_written_in_an_included_file_name_that_file(tmp_path):
    def types_included(text: str) -> str:
        start, end = text.index("review_types:\n"), text.index("cross_over_themes:")
        (tmp_path / "types.yaml").write_text(text[start:end].replace('["18-29", ', '["eighteen", '), encoding="utf-8")
        return "include: types.yaml\n" + text[:start] + text[end:]

    data = with_register(tmp_path, "register:\n" + SAR_ROW + person(), types_included)
    assert problems_of(data) == [
        "types.yaml, line 96, review_types.sar.age_bands[0]: 'eighteen' is not an age band (expected a form such as "
        "'Under 1', '0-4', '65+', '65 and over' or a single age such as '17')"]
