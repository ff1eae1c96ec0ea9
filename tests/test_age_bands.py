"""Age bands: labels parsed into ranges, overlaps found, and people counted into bands."""

from __future__ import annotations

import pytest

from generator.age_bands import AgeBand, band_for, count_ages, parse_band, parse_bands
from generator.register_records import PersonRow, RowPlace

CHILDREN = ["Under 1", "1-4", "5-9", "10-14", "15-17"]


@pytest.mark.parametrize("label, lowest, highest", [
    ("Under 1", 0, 0), ("under 18", 0, 17), ("0-4", 0, 4), ("1 - 4", 1, 4), ("5–9", 5, 9), ("18 to 24", 18, 24),
    ("65+", 65, None), ("65 and over", 65, None), ("75 and older", 75, None), ("90 or over", 90, None),
    ("17", 17, 17),
])
def test_band_labels_parse_into_inclusive_ranges(label, lowest, highest):
    assert parse_band(label) == AgeBand(label, lowest, highest)


@pytest.mark.parametrize("label", ["Babies", "Under 0", "9-5", "", "65-", "about 40"])
def test_labels_that_are_not_bands(label):
    assert parse_band(label) is None


def test_band_for_finds_the_band_holding_an_age_or_none():
    bands, problems = parse_bands(CHILDREN + ["65+"], "d.yaml", 12, "review_types.cspr.age_bands")
    assert problems == []
    assert [band_for(age, bands) for age in (0, 1, 4, 9, 10, 17, 18, 64, 65, 120)] == [
        "Under 1", "1-4", "1-4", "5-9", "10-14", "15-17", None, None, "65+", "65+"]


def test_overlapping_bands_and_unreadable_labels_are_located_problems():
    _, problems = parse_bands(["0-4", "1-4", "Teenagers", "60+", "65 and over"], "d.yaml", 12,
                              "review_types.cspr.age_bands")
    assert [str(p) for p in problems] == [
        "d.yaml, line 12, review_types.cspr.age_bands: the bands '0-4' and '1-4' overlap (ages 1 to 4); each age "
        "must fall in one band only",
        "d.yaml, line 12, review_types.cspr.age_bands[2]: 'Teenagers' is not an age band (expected a form such as "
        "'Under 1', '0-4', '65+', '65 and over' or a single age such as '17')",
        "d.yaml, line 12, review_types.cspr.age_bands: the bands '60+' and '65 and over' overlap (ages 65 and "
        "over); each age must fall in one band only",
    ]


def test_a_band_touching_another_at_one_age_overlaps_at_that_age():
    _, problems = parse_bands(["0-4", "4-9"], "d.yaml", 3, "age_bands")
    assert [p.message for p in problems] == [
        "the bands '0-4' and '4-9' overlap (age 4); each age must fall in one band only"]


def test_counting_people_into_bands_reports_an_age_that_fits_none_at_its_row():
    bands, _ = parse_bands(CHILDREN, "d.yaml", 12, "age_bands")
    people = [PersonRow("C-1", "", age, "", "", RowPlace("reviews.xlsx", "People", row))
              for row, age in enumerate([0, 3, None, 4, 19], start=2)]
    counts, problems = count_ages(people, bands, "CSPR")
    assert counts == {"Under 1": 1, "1-4": 2, "5-9": 0, "10-14": 0, "15-17": 0}
    assert [str(p) for p in problems] == [
        "reviews.xlsx, sheet People, row 6, Age: 19 fits none of the CSPR age bands (Under 1, 1-4, 5-9, 10-14, "
        "15-17); add a band for it in the data file"]


@pytest.mark.parametrize(("label", "english", "welsh"), [
    ("Under 1", "Under 1", "Dan 1"), ("65 and over", "65 and over", "65 a throsodd"), ("Under 01", "Under 01", "Dan 01"),
    ("1-4", None, None), ("65+", None, None), ("under 1", None, None), ("Less than 1", None, None)])
def test_a_band_written_in_words_is_shown_in_the_versions_language_and_others_as_typed(label, english, welsh):
    from generator.age_bands import shown_band
    from generator.i18n import speaking

    assert shown_band(label) == english  # in English, exactly as typed
    with speaking("cy"):
        assert shown_band(label) == welsh
