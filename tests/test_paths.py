"""File and folder names as every layer shows, finds and makes them."""

from __future__ import annotations

import os
from pathlib import Path

from generator.paths import EXAMPLE_THEME_NAME, SLUG_LENGTH, display_path, event_stem, events_in, slug


def test_a_slug_is_lower_case_words_joined_by_hyphens():
    assert slug("Learning from Reviews 2022!") == "learning-from-reviews-2022"
    assert slug("  --Ünïcode & ampersands--  ") == "n-code-ampersands"  # letters beyond a-z are dropped
    assert slug("!!!") == "output"


def test_a_slug_is_cut_to_its_length_without_a_trailing_hyphen():
    cut = slug("word " * 40)
    assert len(cut) <= SLUG_LENGTH and not cut.endswith("-")
    assert slug("a" * (SLUG_LENGTH - 1) + " b") == "a" * (SLUG_LENGTH - 1)


def test_a_path_inside_the_working_folder_is_shown_relative_and_one_outside_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "data" / "event.yaml") == os.path.join("data", "event.yaml")
    outside = tmp_path.parent / "elsewhere.yaml"
    assert display_path(outside) == str(outside)


def test_a_folders_events_are_its_yaml_files_but_not_shared_parts_or_the_example_theme(tmp_path):
    for name in ("b.yaml", "a.yml", "_shared.yaml", EXAMPLE_THEME_NAME, "notes.txt", "c.YAML"):
        (tmp_path / name).write_text("x: 1\n")
    (tmp_path / "folder.yaml").mkdir()
    assert [path.name for path in events_in(tmp_path)] == ["a.yml", "b.yaml"]
    assert all(isinstance(path, Path) for path in events_in(tmp_path))


def test_an_events_file_names_hold_its_date_once_even_when_its_title_does():
    import datetime as dt

    day = dt.date(2026, 3, 19)
    assert event_stem("Learning from Reviews", day) == "learning-from-reviews-2026-03-19"
    assert event_stem("Learning from Reviews 2026", day) == "learning-from-reviews-2026-03-19"
    assert event_stem("Reviews 2026-03-19: spring", day) == "reviews-spring-2026-03-19"
    assert event_stem("2026", day) == "2026-03-19"
    assert event_stem("Reviews 2025", day) == "reviews-2025-2026-03-19"  # another year is part of the title
    assert event_stem("Reviews 20260", day) == "reviews-20260-2026-03-19"
    assert event_stem("Reviews 2019\u20132026", day) == "reviews-2019-2026-2026-03-19"  # a range of years stays
