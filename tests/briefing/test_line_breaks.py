"""Where a briefing's lines may not break: hyphenated names, short table labels, a caption's closing note."""

from __future__ import annotations

from generator.briefing.line_breaks import (MAX_UNBROKEN_NAME, hyphenated_names, is_short_label, name_pieces,
                                            note_clauses, trailing_note)
from generator.briefing.plan import plan_briefings
from generator.loading import load_event
from tests.conftest import DEFAULT_DATA


def test_the_hyphenated_words_of_names_are_found_longest_first_each_once():
    names = ["Rhondda-Cynon-Taf", "Cyngor Bwrdeistref Sirol Pen-y-bont ar Ogwr – Bridgend", "Pen-y-bont ar Ogwr",
             "Vale of Glamorgan"]
    assert hyphenated_names(names) == ("Rhondda-Cynon-Taf", "Pen-y-bont")


def test_a_name_too_long_for_a_line_is_left_to_break():
    long_name = "-".join(["Llanfair"] * 5)
    assert len(long_name) > MAX_UNBROKEN_NAME
    assert hyphenated_names([long_name, "Stockton-on-Tees"]) == ("Stockton-on-Tees",)


def test_a_text_is_cut_around_the_names_it_holds_and_nowhere_else():
    names = ("Rhondda-Cynon-Taf", "Pen-y-bont")
    assert name_pieces("Reviews in Rhondda-Cynon-Taf and Pen-y-bont.", names) == [
        ("Reviews in ", False), ("Rhondda-Cynon-Taf", True), (" and ", False), ("Pen-y-bont", True), (".", False)]
    # A longer hyphenated word that merely begins with a name is not the name.
    assert name_pieces("Pen-y-bont-fawr", names) == [("Pen-y-bont-fawr", False)]
    assert name_pieces("No names here", names) == [("No names here", False)]


def test_the_default_briefings_keep_stockton_on_tees_whole():
    plans = plan_briefings(load_event(DEFAULT_DATA).event)
    assert all(plan.names == ("Stockton-on-Tees",) for plan in plans)


def test_a_captions_closing_note_is_split_off_when_short():
    assert trailing_note("Age of victims (where known: 6 of 10)") == ("Age of victims", "(where known: 6 of 10)")
    # 45 characters, but each clause short enough to keep whole
    assert trailing_note("Age of victims (where known: 6 of 10 victims; 4 not known)") == (
        "Age of victims", "(where known: 6 of 10 victims; 4 not known)")
    assert note_clauses("(where known: 6 of 10 victims; 4 not known)") == ["(where known: 6 of 10 victims;",
                                                                              "4 not known)"]
    assert trailing_note("Reviews by area") == ("Reviews by area", "")
    long_note = "Age (" + "a note far too long to be kept on one line " * 2 + ")"
    assert trailing_note(long_note) == (long_note, "")


def test_short_labels_are_kept_whole_and_long_ones_may_wrap():
    assert all(is_short_label(text) for text in ("Under 1", "75 and over", "Number of reviews", "Not recorded"))
    assert not is_short_label("Any other White background")


def test_hyphenated_words_are_those_joined_by_single_hyphens():
    assert hyphenated_names(["a--b-c", "-Pen-y-bont-", "Stockton-on-Tees_2 x-", "none here"]) == (
        "Stockton-on-Tees_2", "Pen-y-bont", "b-c")


def test_a_long_name_is_searched_in_linear_time():
    # The old pattern \w+(?:-\w+)+ took 3 s on 10,000 characters without a hyphen and did not finish on 100,000.
    import time

    started = time.perf_counter()
    assert hyphenated_names(["M" * 100_000, "Mb-" * 30_000]) == ()
    assert time.perf_counter() - started < 1.0


def test_a_long_email_address_may_break_only_after_its_at():
    from generator.briefing.line_breaks import MAX_UNBROKEN_ADDRESS, breakable_after_at

    long = "learning-and-development@fenmarsh-safeguarding.example.org.uk"
    short = "learning-team@fenmarsh.example.org.uk"
    assert len(short) <= MAX_UNBROKEN_ADDRESS < len(long)
    assert breakable_after_at(f"Write to {long} or {short}, or {long}.") == [
        "Write to learning-and-development@", f"fenmarsh-safeguarding.example.org.uk or {short}, or "
        "learning-and-development@", "fenmarsh-safeguarding.example.org.uk."]
    assert breakable_after_at(f"Write to {short}") == [f"Write to {short}"]
    assert breakable_after_at("https://www.example.org.uk/a-very-long-path-to-a-page-about-escalation") == \
        ["https://www.example.org.uk/a-very-long-path-to-a-page-about-escalation"]
