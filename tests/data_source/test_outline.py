"""The lighter reading of a data file: only its review types and areas (for a blank register), or its shape (for a
new event), with the build's own located messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.data_source.outline import RegisterChoices, read_register_choices, read_structure
from generator.loading import load_event
from generator.problems import InputError
from tests.conftest import ROOT, default_text, line_of, replace_once

SECTIONS = ("Background", "Why it matters", "The reviews", "The themes", "The learning", "Questions", "What to do")


def fresh_data(register: str | None = "register.xlsx", counts: str = "") -> str:
    """Return a new partnership's first data file: two review types, counted from a register not written yet.

    ``counts`` is typed under each type (a partnership that typed dummy counts to get past the loader).
    """
    sections = "\n".join(f"        - {{heading: {heading}}}" for heading in SECTIONS)
    types = ""
    for key, name, full_name, abbreviation, theme in (
            ("cspr", "Children Reviews", "Child Safeguarding Practice Reviews", "CSPR", "Neglect"),
            ("sar", "Adult Reviews", "Safeguarding Adult Reviews", "SAR", "Self-neglect")):
        types += (f"  {key}:\n    name: {name}\n    full_name: {full_name}\n    abbreviation: {abbreviation}\n"
                  f"{counts}    themes: [{theme}]\n    themes_notes: {theme} featured in {{{key}.theme.{theme}}} "
                  f"reviews.\n    briefing:\n      sections:\n{sections}\n")
    return (
        "# Fenland's first event: its figures are counted from its review register.\n"
        "event:\n  title: Learning from Reviews\n  date: 2025-06-12\n  partnership: Fenland Safeguarding Partnership\n"
        "  notes: Welcome. {cspr.count} children's reviews and {sar.count} adult reviews.\n\n"
        + (f"register: {register}\n\n" if register is not None else "")
        + "aims:\n  title: Aims and Objectives\n  items: [Understand the learning from our reviews]\n\n"
        "learning_reviews:\n  are: {title: What are Learning Reviews?, items: [Learning for the whole system]}\n"
        "  are_not: {title: Learning Reviews are not..., items: [A chance to blame]}\n\n"
        "areas:\n  FDC: Fenland District Council\n  HDC: Huntingdonshire District Council\n\n"
        f"review_types:\n{types}\n"
        "cross_over_themes:\n  title: Cross Over Themes\n  items: [Information sharing]\n")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(error: pytest.ExceptionInfo[InputError]) -> list[str]:
    return [str(problem) for problem in error.value.problems]


def test_the_build_refuses_a_fresh_data_file_whose_register_is_not_written_yet(tmp_path):
    # What the user met: the register the file names is the one they are about to write.
    data = write(tmp_path, "fenland-2025.yaml", fresh_data())
    with pytest.raises(InputError) as error:
        load_event(data)
    assert [(problem.key_path, problem.line) for problem in error.value.problems] == [
        ("register", line_of(fresh_data(), "register: register.xlsx"))]


@pytest.mark.parametrize("register", ["register.xlsx", "register", None])
def test_a_register_not_written_yet_and_no_counts_do_not_stop_the_reading(tmp_path, register):
    data = write(tmp_path, "fenland-2025.yaml", fresh_data(register))
    assert read_register_choices(data) == RegisterChoices(["CSPR", "SAR"], ["FDC", "HDC"], register,
                                                          themes=["Neglect", "Self-neglect"])


def test_dummy_counts_and_placeholders_they_cannot_fill_do_not_stop_the_reading(tmp_path):
    counts = "    count: 1\n    counts_by_area: {FDC: 1}\n"
    data = write(tmp_path, "fenland-2025.yaml", fresh_data(None, counts))
    with pytest.raises(InputError) as error:
        load_event(data)
    assert "{cspr.theme.Neglect} is not a figure the data has" in " ".join(messages(error))
    assert read_register_choices(data).review_types == ["CSPR", "SAR"]


def test_the_rest_of_the_file_is_not_read(tmp_path):
    text = replace_once(fresh_data(), "  date: 2025-06-12\n", "  date: 12/06/2025\n")
    text = replace_once(text, "    themes: [Neglect]\n", "    themes: Neglect\n    colour: blue\n")
    data = write(tmp_path, "fenland-2025.yaml", text)
    assert read_register_choices(data).areas == ["FDC", "HDC"]


def test_a_blank_abbreviation_is_listed_by_the_type_s_key(tmp_path):
    data = write(tmp_path, "fenland-2025.yaml", replace_once(fresh_data(), "abbreviation: SAR", 'abbreviation: ""'))
    assert read_register_choices(data).review_types == ["CSPR", "sar"]


def test_areas_and_types_in_an_included_file_are_read(tmp_path):
    text = replace_once(fresh_data(), "areas:\n  FDC: Fenland District Council\n  HDC: Huntingdonshire District "
                                      "Council\n", "include: _areas.yaml\n")
    write(tmp_path, "_areas.yaml", "# Shared by every Fenland event.\nareas:\n  FDC: Fenland District Council\n")
    data = write(tmp_path, "fenland-2025.yaml", text)
    assert read_register_choices(data).areas == ["FDC"]


def test_a_mistake_in_an_included_type_is_located_in_the_included_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = fresh_data()
    types = text[text.index("review_types:\n"):text.index("\ncross_over_themes:")]
    write(tmp_path, "_types.yaml", replace_once(types, "    abbreviation: SAR\n", ""))
    write(tmp_path, "fenland-2025.yaml", "include: _types.yaml\n" + text.replace(types, ""))
    with pytest.raises(InputError) as error:
        read_register_choices(Path("fenland-2025.yaml"))
    with pytest.raises(InputError) as built:
        load_event(Path("fenland-2025.yaml"))
    # Located where the type's keys start, the line after its name, as the build locates it.
    assert messages(error) == [
        f"_types.yaml, line {line_of(types, '  sar:') + 1}, review_types.sar: missing required key 'abbreviation'"]
    assert messages(error)[0] in messages(built)


def test_yaml_that_cannot_be_read_is_refused_with_the_build_s_message(tmp_path):
    data = write(tmp_path, "fenland-2025.yaml", replace_once(fresh_data(), "areas:\n", "areas: [\n"))
    with pytest.raises(InputError) as built:
        load_event(data)
    with pytest.raises(InputError) as read:
        read_register_choices(data)
    assert messages(read) == messages(built)
    assert messages(read)[0].startswith(f"{data}, line {line_of(fresh_data(), 'areas:')}: the '[' here starts a list")


def test_a_data_file_without_types_or_areas_is_refused_with_located_messages(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "none.yaml", "event: {title: Learning from Reviews}\n")
    with pytest.raises(InputError) as error:
        read_register_choices(Path("none.yaml"))
    assert messages(error) == ["none.yaml, line 1: missing required key 'areas'",
                               "none.yaml, line 1: missing required key 'review_types'"]
    write(tmp_path, "empty.yaml", "areas: {}\n\nreview_types: {}\n")
    with pytest.raises(InputError) as error:
        read_register_choices(Path("empty.yaml"))
    assert messages(error) == [
        "empty.yaml, line 1, areas: the data file lists no areas; a register needs at least one, for its drop-down "
        "list",
        "empty.yaml, line 3, review_types: the data file lists no review types; a register needs at least one, for "
        "its drop-down list"]


def test_a_malformed_type_or_area_is_refused_as_the_build_refuses_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "bad.yaml", "areas:\n  FDC: [Fenland]\nreview_types:\n  cspr: CSPR\n  sar:\n    name: Adult\n")
    with pytest.raises(InputError) as error:
        read_register_choices(Path("bad.yaml"))
    assert messages(error) == [
        "bad.yaml, line 2, areas.FDC: expected text, got a list",
        "bad.yaml, line 4, review_types.cspr: expected a review type: names, counts, demographics, themes, legal "
        "framework and briefing, got 'CSPR'",
        "bad.yaml, line 6, review_types.sar: missing required key 'abbreviation'"]


def test_a_list_is_not_a_data_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "list.yaml", "- CSPR\n- SAR\n")
    with pytest.raises(InputError) as error:
        read_register_choices(Path("list.yaml"))
    assert messages(error) == ["list.yaml, line 1: expected the whole data file: event, aims, learning reviews, areas, "
                               "review types and themes, got a list"]


def test_the_structure_is_the_schema_s_without_the_register_or_its_figures(tmp_path):
    data = write(tmp_path, "fenland-2025.yaml", fresh_data())
    event, locations = read_structure(data)
    assert (event.event.date, event.register, event.review_types["cspr"].count) == (
        dt.date(2025, 6, 12), "register.xlsx", None)
    assert event.event.notes == "Welcome. {cspr.count} children's reviews and {sar.count} adult reviews."
    assert locations.lines["register"] == line_of(fresh_data(), "register: register.xlsx")


def test_the_structure_reports_the_schema_s_problems(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = replace_once(default_text(), "  date: 2022-05-12\n", "  date: 12/05/2022\n")
    write(tmp_path, "tees.yaml", text)
    with pytest.raises(InputError) as error:
        read_structure(Path("tees.yaml"))
    assert messages(error) == [f"tees.yaml, line {line_of(text, 'date: 12/05/2022')}, event.date: expected a date "
                               "written like 2022-05-12, got '12/05/2022'"]


def test_a_bilingual_files_register_offers_its_first_languages_names() -> None:
    from pathlib import Path

    from generator.data_source.outline import read_register_choices

    gallery = Path(__file__).resolve().parent.parent / "fixtures" / "gallery" / "bilingual-susr.yaml"
    choices = read_register_choices(gallery)
    assert choices.review_types == ["ADUS", "AYP", "AYO"]
    assert choices.criteria == ["Ymarfer oedolion", "Ymarfer plant", "Dynladdiad domestig", "Dynladdiad iechyd meddwl",
                                "Dynladdiad ag arf ymosodol"]


def test_the_review_statuses_offered_are_the_declared_ones_else_the_default(tmp_path):
    data = write(tmp_path, "fenland-2025.yaml", fresh_data())
    assert read_register_choices(data).statuses == ["In progress", "Completed", "Published"]
    # Only the statuses are read of the timeline: a mistake elsewhere in it does not stop the reading.
    declared = fresh_data() + "timeline:\n  years: someday\n  review_statuses: [Scoping, Under review, Published]\n"
    data = write(tmp_path, "fenland-2026.yaml", declared)
    assert read_register_choices(data).statuses == ["Scoping", "Under review", "Published"]


def test_a_register_kept_in_welsh_offers_the_default_review_statuses_and_genders_in_welsh() -> None:
    from pathlib import Path

    from generator.data_source.outline import read_register_choices

    gallery = Path(__file__).resolve().parent.parent / "fixtures" / "gallery" / "bilingual-susr.yaml"
    choices = read_register_choices(gallery)
    assert choices.statuses == ["Ar y gweill", "Wedi'u cwblhau", "Wedi'i gyhoeddi"]
    assert choices.categories.genders == ["Benyw", "Gwryw", "Arall"]


def test_a_blank_register_offers_every_declared_role_once():
    assert read_register_choices(ROOT / "data" / "harbour-2025.yaml").roles == ["victim", "perpetrator"]


def test_themes_written_as_names_or_as_name_and_count_are_offered_once_each(tmp_path):
    text = replace_once(default_text(), "      - Neglect\n",
                        "      - {name: Neglect, count: 3}\n      - {name: Housing}\n      - Neglect\n")
    themes = read_register_choices(write(tmp_path, "tees.yaml", text)).themes
    assert themes[5:9] == ["Substance misuse", "Neglect", "Housing", "Risks outside of the home"]
    assert len(themes) == len(set(themes))
