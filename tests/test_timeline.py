"""The story over time, counted from the Harbour example register: each figure against an independent count of
the workbook's cells, and small numbers hidden in every new table."""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from generator.loading import load_event
from generator.timeline import event_timelines

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "harbour-2025.yaml"
REGISTER = ROOT / "data" / "harbour-2025-register.xlsx"
AS_AT = dt.date(2025, 6, 12)  # the event's date
PERIOD = (dt.date(2024, 4, 1), dt.date(2025, 3, 31))
# Bank holidays of England, typed from GOV.UK (not from the holidays package the code uses), 2020 to 2025.
ENGLAND_BANK_HOLIDAYS = {dt.date(*d) for d in [
    (2020, 1, 1), (2020, 4, 10), (2020, 4, 13), (2020, 5, 8), (2020, 5, 25), (2020, 8, 31), (2020, 12, 25),
    (2020, 12, 28), (2021, 1, 1), (2021, 4, 2), (2021, 4, 5), (2021, 5, 3), (2021, 5, 31), (2021, 8, 30),
    (2021, 12, 27), (2021, 12, 28), (2022, 1, 3), (2022, 4, 15), (2022, 4, 18), (2022, 5, 2), (2022, 6, 2),
    (2022, 6, 3), (2022, 8, 29), (2022, 9, 19), (2022, 12, 26), (2022, 12, 27), (2023, 1, 2), (2023, 4, 7),
    (2023, 4, 10), (2023, 5, 1), (2023, 5, 8), (2023, 5, 29), (2023, 8, 28), (2023, 12, 25), (2023, 12, 26),
    (2024, 1, 1), (2024, 3, 29), (2024, 4, 1), (2024, 5, 6), (2024, 5, 27), (2024, 8, 26), (2024, 12, 25),
    (2024, 12, 26), (2025, 1, 1), (2025, 4, 18), (2025, 4, 21), (2025, 5, 5), (2025, 5, 26), (2025, 8, 25),
    (2025, 12, 25), (2025, 12, 26)]}


def _sheet(name):
    book = openpyxl.load_workbook(REGISTER, read_only=True)
    rows = list(book[name].iter_rows(values_only=True))
    book.close()
    headings = rows[0]
    return [dict(zip(headings, (v.date() if isinstance(v, dt.datetime) else v for v in row))) for row in rows[1:]]


@pytest.fixture(scope="module")
def harbour():
    return load_event(DATA).event


@pytest.fixture(scope="module")
def reviews():
    return _sheet("Reviews")


def _financial_year(day: dt.date) -> str:
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}/{str(start + 1)[2:]}"


def _working_days(start: dt.date, end: dt.date) -> int:
    return sum(1 for n in range(1, (end - start).days + 1)
               for day in [start + dt.timedelta(days=n)] if day.weekday() < 5 and day not in ENGLAND_BANK_HOLIDAYS)


def test_reviews_per_financial_year_match_the_workbook_every_year(harbour, reviews):
    timelines = event_timelines(harbour)
    assert list(timelines) == ["cspr", "sar", "dhr"]
    for key, found in timelines.items():
        expected = Counter(_financial_year(r["Date notified"]) for r in reviews if r["Review type"] == key.upper())
        shown = {label.removesuffix(" (part)"): count for label, count in found.per_year.rows}
        assert shown == {year: expected.get(year, 0) for year in
                         ["2020/21", "2021/22", "2022/23", "2023/24", "2024/25", "2025/26"]}
        assert [label for label, _ in found.per_year.rows][-1] == "2025/26 (part)"  # the event is in June 2025
        assert found.partial_years == ("2025/26 (part)",)
    cspr = timelines["cspr"]
    assert cspr.trend_sentence == "12 reviews in the financial year 2024/25, against 7 and 9 in the two years before."


def test_timeliness_matches_working_days_counted_by_hand(harbour, reviews):
    for key, found in event_timelines(harbour).items():
        mine = [r for r in reviews if r["Review type"] == key.upper()]
        notified = next(t for t in found.timeliness if t.timescale.stage == "Date notified")
        reached = [r for r in mine if PERIOD[0] <= r["Date notified"] <= PERIOD[1]]
        known = [r for r in reached if r["Date of incident"] is not None]
        days = [_working_days(r["Date of incident"], r["Date notified"]) for r in known]
        assert (notified.table.known_for, notified.table.of) == (len(known), len(reached))
        assert dict(notified.table.rows) == {"Within timescale": sum(d <= 5 for d in days),
                                             "Later": sum(d > 5 for d in days)}
        assert notified.median == statistics.median(days)
        completed = next(t for t in found.timeliness if t.timescale.stage == "Date completed")
        done = [r for r in mine if r["Date completed"] and PERIOD[0] <= r["Date completed"] <= PERIOD[1]]
        in_six = sum(1 for r in done if r["Date completed"] <= _six_months_on(r["Decision date"]))
        assert dict(completed.table.rows)["Within timescale"] == in_six
        ongoing = [r for r in mine if r["Date notified"] <= PERIOD[1]
                   and (r["Date completed"] is None or r["Date completed"] > PERIOD[1])]
        assert (found.concluded, found.ongoing) == (len(done), len(ongoing))
    cspr = event_timelines(harbour)["cspr"]
    assert [t.timescale.stage for t in cspr.timeliness] == ["Date notified", "Rapid review date", "Date completed"]
    assert "sar" in event_timelines(harbour) and all(
        t.timescale.stage != "Rapid review date" for t in event_timelines(harbour)["sar"].timeliness)


def _six_months_on(day: dt.date) -> dt.date:
    month = day.month + 6
    year, month = day.year + (month - 1) // 12, (month - 1) % 12 + 1
    while True:
        try:
            return dt.date(year, month, day.day)
        except ValueError:
            day = day - dt.timedelta(days=1)


def test_recommendations_by_status_agency_and_overdue_match_the_workbook(harbour, reviews):
    types = {r["Reference"]: r["Review type"].lower() for r in reviews}
    recommendations = _sheet("Recommendations")
    assert sum(r["Status"] == "Not implemented" for r in recommendations) == 1
    for key, found in event_timelines(harbour).items():
        mine = [r for r in recommendations if types[r["Reference"]] == key]
        assert dict(found.by_status.rows) == {s: sum(r["Status"] == s for r in mine)
                                              for s in ("Not started", "In progress", "Completed", "Not implemented")}
        assert dict(found.by_agency.rows) == dict(Counter(r["Agency"] for r in mine))
        late = [r for r in mine if r["Due"] < AS_AT and r["Status"] not in ("Completed", "Not implemented")]
        assert found.overdue == len(late) > 0
        assert {a: n for a, n in found.overdue_by_agency.rows if n} == dict(Counter(r["Agency"] for r in late))
    (set_aside,) = [r for f in event_timelines(harbour).values() for r in f.not_implemented]
    assert set_aside.reason.startswith("The service was decommissioned")


def test_the_placeholders_cite_the_recommendations(harbour):
    sar = event_timelines(harbour)["sar"]
    what_to_do = harbour.review_types["sar"].briefing.sections[6].paragraphs[0]
    counts = dict(sar.by_status.rows)
    assert (f"Of the board's {sar.by_status.total} recommendations, {counts['Completed']} are completed and "
            f"{sar.overdue} are overdue") in " ".join(what_to_do.split())


def test_small_numbers_are_hidden_in_every_new_table_and_sentence():
    hidden = load_event(DATA, suppress_below=5).event
    found = event_timelines(hidden)["dhr"]
    assert dict(found.per_year.rows)["2020/21"] == 3
    shown = dict(found.per_year.display_rows)
    assert shown["2020/21"] == "<5" and shown["2024/25"] == "5"
    assert "fewer than 5" in found.trend_sentence and " 3 " not in found.trend_sentence
    for table in found.tables:
        hiding = table.suppression
        assert hiding is not None
        for label, value in table.rows:
            if 0 < value < 5:
                assert dict(table.display_rows)[label] in ("<5", "[c]"), (table.name, label)
    # The deck shows its numbers unless the data asks (publish.deck): the room needs them.
    assert dict(event_timelines(hidden, for_deck=True)["dhr"].per_year.display_rows)["2020/21"] == "3"


def test_without_a_timeline_nothing_is_counted_over_time(harbour):
    plain = dataclasses.replace(harbour, timeline=None)
    assert event_timelines(plain) == {}


def test_a_misspelt_placeholder_over_time_gets_a_did_you_mean(tmp_path):
    import shutil

    from generator.problems import InputError

    for name in ("harbour-2025.yaml", "harbour-2025-register.xlsx"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    data = tmp_path / "harbour-2025.yaml"
    data.write_text(data.read_text().replace("{sar.recommendations.completed}", "{sar.recomendations.completed}"))
    with pytest.raises(InputError) as caught:
        load_event(data)
    (problem,) = caught.value.problems
    assert problem.message == ("{sar.recomendations.completed} is not a figure the data has (did you mean "
                               "{sar.recommendations.completed}?)")


def test_the_deck_and_briefings_show_the_figures_over_time(harbour, reviews):
    from generator.plan import plan_event

    plan = plan_event(harbour)
    slides = {slide.title: slide for slide in plan.slides}
    per_year = slides["Reviews over time: Children Reviews"].charts[0]
    expected = Counter(_financial_year(r["Date notified"]) for r in reviews if r["Review type"] == "CSPR")
    assert dict(zip((c.removesuffix(" (part)") for c in per_year.categories), per_year.values)) == expected
    acted_on = slides["Was the learning acted on? Children Reviews"]
    assert "CSPR-2020-02, " in acted_on.notes and "(reason: The service was decommissioned" in acted_on.notes
    assert [p.text for p in slides["Timeliness: Children Reviews"].body][-1] == (
        "6 concluded from 1 April 2024 to 31 March 2025; 10 still ongoing at 31 March 2025")
    cspr = next(b for b in plan.briefings if b.key == "cspr")
    text = " ".join(line for section in cspr.sections for line in section.text)
    assert "12 reviews in the financial year 2024/25, against 7 and 9 in the two years before." in text
    assert "decommissioned" not in text  # reasons for the board, not the published briefing
    shown = dataclasses.replace(harbour, timeline=dataclasses.replace(harbour.timeline, publish_reasons=True))
    shown.register_every_review, shown.register_recommendations = (harbour.register_every_review,
                                                                   harbour.register_recommendations)
    cspr = next(b for b in plan_event(shown).briefings if b.key == "cspr")
    assert "decommissioned" in " ".join(line for section in cspr.sections for line in section.text)


def test_the_year_the_headline_counts_is_never_hidden_to_keep_another_hidden():
    from generator.suppression import suppress
    from generator.timeline import per_year_hidden

    rows = (("2021/22", 2), ("2022/23", 9), ("2023/24", 6))
    # Hidden table by table, the smallest other year is hidden: 2023/24, which '6 reviews' in the headline prints,
    # so 2021/22 would be 17 - 9 - 6 = 2.
    assert set(suppress(dict(rows), 5).hidden) == {"2021/22", "2023/24"}
    hidden = per_year_hidden(rows, "2023/24", 5)
    assert set(category for _table, category in hidden.hidden) == {"2021/22", "2022/23"} and not hidden.withheld
    small = per_year_hidden((("2022/23", 9), ("2023/24", 3)), "2023/24", 5)  # a small year of its own is hidden
    assert set(category for _table, category in small.hidden) == {"2022/23", "2023/24"} and not small.withheld


def test_reviews_per_year_that_no_hiding_keeps_safe_are_withheld_and_said_so(tmp_path):
    from generator.briefing.plan import timeline_paragraphs
    from generator.timeline import per_year_hidden, placeholder_values
    from tests.test_audit import thinned_harbour

    # One year of 3 among zeros, their total printed: '<5' could only be 3.
    assert per_year_hidden((("2021/22", 0), ("2022/23", 0), ("2023/24", 3)), "2023/24", 5).withheld == {"per year"}
    found = event_timelines(load_event(thinned_harbour(tmp_path, 15, 9), suppress_below=5).event)["dhr"]
    assert found.per_year is None and found.per_year not in found.tables
    assert found.withheld_tables == ("Reviews per financial year",)
    assert timeline_paragraphs(found, publish_reasons=False)[0] == (
        "Reviews per financial year is not shown: its small numbers could otherwise be worked out from the other "
        "figures.")
    assert found.trend_sentence == ""
    assert placeholder_values({"dhr": found})["dhr.year.2023/24"] == "an undisclosed number"


def test_the_build_summary_counts_what_is_hidden_over_time(tmp_path):
    from tests.test_audit import thinned_harbour

    loaded = load_event(thinned_harbour(tmp_path, 15, 9), suppress_below=5)
    found = event_timelines(loaded.event)
    # CSPR: 'In progress' and 'Completed' <5 and, in words, 1 ongoing, 3 recommendations and 1 overdue; five tables
    # left out (per year, two timeliness, by agency, overdue by agency).
    assert found["cspr"].hidden_counts == (5, 0, 5)
    assert found["dhr"].hidden_counts == (0, 0, 1)  # its one review's year among zeros
    notes = [problem.message for problem in loaded.warnings if problem.category == "suppression"]
    assert notes == ["the CSPR briefing hides 9 counts below 5 and 9 tables whole (too few people, or to keep a count "
                     "hidden)",
                     "the SAR briefing hides 7 counts below 5 and 9 tables whole (too few people, or to keep a count "
                     "hidden)",
                     "the DHR briefing hides 2 tables whole (too few people, or to keep a count hidden)",
                     "the deck hides nothing: keep it for the room, or hide its counts too with publish: "
                     "{suppress_below: 5, deck: true} before publishing it"]
