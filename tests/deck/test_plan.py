"""The deck's plan: every slide of the seed deck in the seed's order, with its bullets; unique titles; notes on
every slide; only declared kinds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

import pytest

from generator.charts import ChartSpec
from generator.deck.plan import (
    _bullet_slide, _legal_section, _themes_slide, area_breakdown, area_names, chart_footnotes, chart_labels,
    cross_over_adds_something, plan_deck, review_charts, table_chart, unbroken_postcodes, unique_title,
)
from generator.deck.slides import Figure, Para, SlideSpec, bullet_paras, charts_notes
from generator.figures import CountTable, ReviewFigures, event_figures
from generator.loading import load_event
from generator.model import (
    Block, Bullet, BulletSlide, ClosingSlide, DemographicTable, EventData, LegalSlide, Period, Publish, Theme,
)
from generator.slide_kinds import SLIDE_KINDS
from generator.suppression import PRIMARY, SECONDARY, SuppressedCell, SuppressedTable
from tests.conftest import DEFAULT_DATA, ROOT, SEED
from tests.test_plan import EVERY_EVENT

GALLERY_DIR = ROOT / "tests" / "fixtures" / "gallery"
LEGAL_HEADING = "What are Learning Reviews? The Legal Framework"
# A '## heading' of the seed that starts a slide of its own, rather than heading the slide above it.
OWN_SLIDE_HEADINGS = ("Learning Reviews are not...", "Main Themes:")
REVIEW_HEADLINE = re.compile(r"^\d+ (.+ Reviews)$")


def _plain(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("**", "").replace("\\*", "*")).strip()


def seed_slides() -> list[tuple[str, list[str]]]:
    """Return the seed deck's slides as (the title the plan gives the slide, its bullets), in order.

    The seed's legal-framework slides are titled by their sub-heading, and each type's main themes by the
    type's name, as the generated deck titles them.
    """
    slides: list[tuple[str, list[str]]] = []
    heading, review = "", ""
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = _plain(raw.lstrip("#- ")) if raw.strip() else ""
        if raw.startswith("# "):
            heading = line
            slides.append((line, []))
        elif raw.startswith("## ") and heading == LEGAL_HEADING and not slides[-1][1]:
            slides[-1] = (f"The Legal Framework: {line}", [])
        elif raw.startswith("## ") and line.startswith(OWN_SLIDE_HEADINGS):
            slides.append((f"Main Themes: {review}" if line == "Main Themes:" else line, []))
        elif match := REVIEW_HEADLINE.match(line):
            review = match.group(1)
        elif raw.lstrip().startswith("- "):
            slides[-1][1].append(line)
    return slides


@pytest.fixture(scope="module")
def default_plan() -> list[SlideSpec]:
    return plan_deck(load_event(DEFAULT_DATA).event)


def test_the_seed_is_read_as_its_slides():
    assert [title for title, _ in seed_slides()] == [
        "Learning from Reviews", "Aims and Objectives", "What are Learning Reviews?", "Learning Reviews are not...",
        "The Legal Framework: Children Rapid Reviews and Safeguarding Children Practice Reviews",
        "The Legal Framework: Children Rapid Reviews and Safeguarding Children Practice Reviews",
        "The Legal Framework: Safeguarding Adult Reviews", "The Legal Framework: Domestic Homicide Reviews",
        "Setting the Scene", "Setting the Scene", "Main Themes: Children Reviews", "Main Themes: Adult Reviews",
        "Main Themes: Domestic Homicide Reviews", "Cross Over Themes"]


def test_every_seed_slide_is_planned_in_the_seeds_order_with_its_bullets(default_plan):
    titles = [spec.title for spec in default_plan]
    positions: list[int] = []
    for title, bullets in seed_slides():
        assert title in titles, f"the seed's slide '{title}' is not planned"
        # A title the seed repeats (two 'Setting the Scene' slides, two on one legal heading) is matched with
        # its next planned slide of that title, or the last one when the plan has fewer.
        same = [i for i, planned in enumerate(titles) if planned == title]
        position = next((i for i in same if not positions or i > positions[-1]), same[-1])
        positions.append(position)
        planned = [para.text for para in default_plan[position].body]
        missing = [bullet for bullet in bullets if bullet not in planned]
        assert not missing, f"'{title}' lacks the seed's bullets {missing}"
    assert positions == sorted(positions)


def test_the_plan_opens_and_closes_as_an_event_does(default_plan):
    assert (default_plan[0].kind, default_plan[0].title) == ("title", "Learning from Reviews")
    assert (default_plan[-1].kind, default_plan[-1].title) == ("closing", "Thank you")
    assert [spec.title for spec in default_plan if spec.kind == "section"] == [
        LEGAL_HEADING, "Setting the Scene", "Main Themes"]


@pytest.fixture(scope="module", params=EVERY_EVENT, ids=lambda path: path.stem)
def plan(request) -> list[SlideSpec]:
    return plan_deck(load_event(request.param).event)


def test_titles_are_unique_but_for_slides_that_continue_the_one_before(plan):
    """The writer titles such a slide '... (continued)' (see unique_title)."""
    runs = [title for title, _ in itertools.groupby(spec.title for spec in plan)]
    assert sorted(title for title in set(runs) if runs.count(title) > 1) == []


def test_every_slide_has_speaker_notes(plan):
    assert [spec.title for spec in plan if not spec.notes.strip()] == []


def test_every_kind_is_declared_and_has_what_it_draws(plan):
    assert {spec.kind for spec in plan} <= set(SLIDE_KINDS)
    for spec in plan:
        if spec.kind == "charts":
            assert spec.charts, spec.title
        if spec.kind == "figures":
            assert spec.figures, spec.title
        if spec.kind in ("content", "themes"):
            assert spec.body, spec.title
        if spec.kind in ("title", "section", "closing"):
            assert spec.subtitle, spec.title


def test_unique_title_numbers_each_continuation():
    assert unique_title("Aims", set()) == "Aims"
    assert unique_title("Aims", {"Aims"}) == "Aims (continued)"
    assert unique_title("Aims", {"Aims", "Aims (continued)"}) == "Aims (continued 2)"
    assert unique_title("Aims", {"Aims", "Aims (continued)", "Aims (continued 2)"}) == "Aims (continued 3)"


def test_a_venue_postcode_never_splits_over_two_lines():
    from generator.loading import load_event
    from generator.deck.plan import plan_deck
    from tests.conftest import DEFAULT_DATA

    event = load_event(DEFAULT_DATA).event
    event.event.venue = "Town Hall, Middlesbrough TS1 2QQ"
    title = plan_deck(event)[0]
    assert title.subtitle[0] == "Thursday 12 May 2022 · Town Hall, Middlesbrough TS1\u00a02QQ"


def test_a_type_with_no_demographics_says_so_under_its_chart():
    from generator.loading import load_event
    from generator.deck.plan import chart_footnotes
    from generator.figures import review_figures
    from generator.model import Demographics
    from tests.conftest import DEFAULT_DATA

    review = load_event(DEFAULT_DATA).event.review_types["adults"]
    review.demographics = Demographics()
    assert chart_footnotes(review_figures("adults", review))[0] == (
        "No figures about the people reviewed are given for the Adult Reviews.")


def _titles(event) -> list[str]:
    return [spec.title for spec in plan_deck(event)]


def test_one_review_type_has_no_cross_over_slide_that_only_repeats_its_themes():
    event = load_event(GALLERY_DIR / "tiny-single-type.yaml").event
    assert event.cross_over_themes.items == ["Mental capacity"]  # one of its themes
    plan = plan_deck(event)
    assert "Cross Over Themes" not in [spec.title for spec in plan]
    section = next(spec for spec in plan if spec.kind == "section" and spec.title == "Main Themes")
    assert section.notes == "The main themes the reviews found."


def test_one_review_type_keeps_cross_over_words_the_author_added_beyond_its_themes():
    event = load_event(GALLERY_DIR / "tiny-single-type.yaml").event
    event.cross_over_themes.items = ["Mental capacity", "Working with families who decline help"]
    cross = next(spec for spec in plan_deck(event) if spec.title == "Cross Over Themes")
    assert [para.text for para in cross.body] == ["Mental capacity", "Working with families who decline help"]


def test_several_review_types_keep_the_cross_over_slide_and_an_empty_one_is_left_out():
    event = load_event(DEFAULT_DATA).event
    assert _titles(event)[-4:-2] == ["Main Themes: Domestic Homicide Reviews", "Cross Over Themes"]
    event.cross_over_themes.items = []
    assert "Cross Over Themes" not in _titles(event)


def test_partly_counted_themes_say_at_the_foot_which_are_not_counted():
    event = load_event(GALLERY_DIR / "welsh-regional-board.yaml").event
    plan = {spec.title: spec for spec in plan_deck(event)}
    adults = plan["Main Themes: Adult Practice Reviews"]
    assert adults.footnotes == ["The number after a theme is how many of the 12 reviews it featured in; "
                                "the 7 themes with no number were not counted."]
    assert [chart.note for chart in adults.charts] == [""]  # the footnote says it, on every slide of the list
    assert plan["Main Themes: Child Practice Reviews"].footnotes == []  # every theme counted
    assert plan["Main Themes: Domestic Homicide Reviews"].footnotes == []  # none counted: no number to explain


def test_long_ons_ethnic_group_labels_are_charted_by_their_short_labels():
    from generator.deck.plan import chart_labels

    long = ("White: English, Welsh, Scottish, Northern Irish or British", "Asian, Asian British or Asian Welsh: Pakistani",
            "Not an ONS group")
    assert chart_labels(long) == ("White British", "Pakistani", "Not an ONS group")
    assert chart_labels(("White: Irish", "White: Roma")) == ("White: Irish", "White: Roma")  # short enough as they are


@pytest.mark.parametrize(("language", "alt"), [
    ("en", "Column chart of overdue at 15 June 2025, by agency of recommendations: Police 2, Health 1."),
    ("cy", "Siart colofn: yn hwyr ar 15 Mehefin 2025, yn ôl asiantaeth, argymhellion: Police 2, Health 1."),
])
def test_a_charts_alt_text_keeps_the_capitals_of_a_date_in_its_tables_name(language: str, alt: str) -> None:
    import datetime as dt

    from generator.deck.plan import table_chart
    from generator.figures import CountTable
    from generator.i18n import _, speaking
    from generator.timeline import recommendation_table_names

    with speaking(language):
        name = recommendation_table_names(dt.date(2025, 6, 15))[2]
        table = CountTable(name, _("Agency"), (("Police", 2), ("Health", 1)), _("recommendations"), 3, 3)
        assert table_chart(table, _("recommendations")).alt_text == alt


def test_long_ons_labels_are_charted_by_their_short_labels_in_the_versions_language():
    from generator.deck.plan import chart_labels
    from generator.i18n import speaking

    with speaking("cy"):
        assert chart_labels(("White: English, Welsh, Scottish, Northern Irish or British", "Female", "Ours")) == (
            "Gwyn Prydeinig", "Benyw", "Ours")


# The pieces of the plan, each on the default event (a copy a test may change) or on data made for the test.

def _figures(event: EventData) -> dict[str, ReviewFigures]:
    return event_figures(event, for_deck=True)


def _table(labels: tuple[str, ...], ordered: bool = False, known_for: int | None = None) -> CountTable:
    """Return a table of age bands counting 1, 2, 3... people, known for all of (by default) 10 per band."""
    of = len(labels) * 10
    return CountTable("Age", "Age band", tuple((label, n) for n, label in enumerate(labels, start=1)), "people",
                      of if known_for is None else known_for, of, ordered)


def _slide(plan: list[SlideSpec], title: str) -> SlideSpec:
    return next(spec for spec in plan if spec.title == title)


def test_the_default_deck_is_planned_slide_by_slide(tees):
    assert [(spec.kind, spec.title) for spec in plan_deck(tees)] == [
        ("title", "Learning from Reviews"), ("content", "Aims and Objectives"),
        ("content", "What are Learning Reviews?"), ("content", "Learning Reviews are not..."),
        ("section", LEGAL_HEADING),
        *[("content", "The Legal Framework: Children Rapid Reviews and Safeguarding Children Practice Reviews")] * 2,
        ("content", "The Legal Framework: Safeguarding Adult Reviews"),
        ("content", "The Legal Framework: Domestic Homicide Reviews"),
        ("section", "Setting the Scene"), ("figures", "Setting the Scene: the reviews at a glance"),
        ("charts", "Setting the Scene: Children Reviews"), ("charts", "Setting the Scene: Adult Reviews"),
        ("charts", "Setting the Scene: Domestic Homicide Reviews"), ("section", "Main Themes"),
        ("themes", "Main Themes: Children Reviews"), ("themes", "Main Themes: Adult Reviews"),
        ("themes", "Main Themes: Domestic Homicide Reviews"), ("content", "Cross Over Themes"),
        ("content", "Questions to Reflect On"), ("closing", "Thank you")]


def test_the_slides_over_time_come_after_the_charts_and_before_the_themes(tees):
    over_time = [SlideSpec("charts", "Over time", "Notes.")]
    titles = [spec.title for spec in plan_deck(tees, over_time)]
    assert titles[titles.index("Over time") - 1:titles.index("Over time") + 2] == [
        "Setting the Scene: Domestic Homicide Reviews", "Over time", "Main Themes"]


def test_bullets_and_their_sub_bullets_are_paragraphs_a_level_apart():
    assert bullet_paras(["One", Bullet("Two", ["Two a", "Two b"])]) == [
        Para("One"), Para("Two"), Para("Two a", level=1), Para("Two b", level=1)]


def test_a_bullet_slide_opens_with_its_intro_and_heading_in_bold_without_bullets():
    slide = BulletSlide("Aims", ["Learn"], heading="You will...", intro="Today:", notes="Say hello.")
    assert _bullet_slide(slide) == SlideSpec("content", "Aims", "Say hello.", body=[
        Para("Today:", bullet=False, bold=True), Para("You will...", bullet=False, bold=True), Para("Learn")])
    assert _bullet_slide(BulletSlide("Aims", ["Learn"]), kind="themes").body == [Para("Learn")]


def test_a_legal_slide_sets_text_plain_connectors_bold_and_quotes_in_italics(tees):
    event = tees
    for review in event.review_types.values():
        review.legal_framework = []
    event.review_types["adults"].legal_framework = [LegalSlide("Care Act 2014", [
        Block(text="The Act says:"),
        Block(quote="“a review”", connector="and", bullets=["one", Bullet("two", ["2a"])])],
        notes="Read it out.")]
    divider, slide = _legal_section(event)
    assert (divider.kind, divider.title, divider.notes, divider.subtitle) == (
        "section", LEGAL_HEADING, "The next slides set out the legal framework for Safeguarding Adult Reviews.",
        ["The criteria and duties behind each type of review"])
    assert slide == SlideSpec("content", "The Legal Framework: Care Act 2014", "Read it out.", body=[
        Para("The Act says:", bullet=False), Para("and", bullet=False, bold=True),
        Para("“a review”", bullet=False, italic=True), Para("one"), Para("two"), Para("2a", level=1)])
    event.review_types["adults"].legal_framework = []
    assert _legal_section(event) == []


@pytest.mark.parametrize("labels, kind", [
    (("0-4", "5-9", "10-14", "15-17", "18+"), "bar"), (("A", "B", "C", "D"), "column"),
    (("Twelve chars", "B"), "column"), (("Thirteen char", "B"), "bar"), (("A", "B", "C", "D", "E"), "bar")])
def test_a_few_short_labels_are_columns_and_the_rest_bars(labels, kind):
    assert table_chart(_table(labels), "Adult Reviews").kind == kind


def test_an_ordered_table_is_always_columns():
    assert table_chart(_table(("Under 1 year old", "1 to 4", "5 to 9", "10 to 14", "15 to 17"), ordered=True),
                       "Children Reviews").kind == "column"


def test_a_charts_alt_text_names_the_table_its_subject_whom_it_covers_and_every_value():
    column = table_chart(_table(("0-4", "5-9"), known_for=12), "Children Reviews")
    assert column == ChartSpec("column", "Age (where known: 12 of 20; 8 not known)", ("0-4", "5-9"), (1, 2),
                               "Column chart of age of Children Reviews (where known: 12 of 20; 8 not known): "
                               "0-4 1, 5-9 2.", "")
    bar = table_chart(_table(("A", "B", "C", "D", "E")), "Adult Reviews")
    assert bar.alt_text == "Bar chart of age of Adult Reviews: A 1, B 2, C 3, D 4, E 5."


def test_long_labels_are_shortened_only_where_they_are_the_ons_groups_own_label():
    long = "White: English, Welsh, Scottish, Northern Irish or British"
    assert chart_labels((long, "Asian, Asian British or Asian Welsh", "White British (English, Welsh, Scots)")) == (
        "White British", "Asian, Asian British or Asian Welsh", "White British (English, Welsh, Scots)")
    thirty = "Not stated by the family, 2024"
    assert chart_labels(("White: Irish", thirty)) == ("White: Irish", thirty)  # 30 characters fit
    assert chart_labels(("White: Irish", thirty + "!")) == ("White Irish", thirty + "!")
    assert chart_labels(()) == ()


def test_a_types_charts_are_its_areas_then_its_criteria_then_its_people(tees):
    charts = review_charts(_figures(tees)["children"])
    assert [(chart.title, chart.alt_text) for chart in charts] == [
        ("Reviews by area", "Column chart of reviews by area of Children Reviews: MBC/RCBC 10, HBC/SBC 13."),
        ("Ethnicity", "Bar chart of ethnicity of the 24 children in Children Reviews: White British 21, "
                      "Asian British 1, Asian 1, Other White British 1."),
        ("Age", "Column chart of age of the 24 children in Children Reviews: 0-4 14, 5-9 4, 10-14 2, 15-17 4.")]


def test_a_charts_slides_notes_are_the_scene_the_datas_note_the_caveats_every_chart_and_the_areas(tees):
    tees.review_types["children"].caveats = ["Two reviews are still open."]
    slide = _slide(plan_deck(tees), "Setting the Scene: Children Reviews")
    assert charts_notes(slide, slide.charts).split("\n") == [
        "23 children's reviews: 10 in Middlesbrough and Redcar & Cleveland, 13 in Hartlepool and Stockton-on-Tees. "
        "Most of the children were under five.",
        "A review concerned more than one child, so the tables count 24 children.",
        "Two reviews are still open.",
        "Column chart of reviews by area of Children Reviews: MBC/RCBC 10, HBC/SBC 13.",
        "Bar chart of ethnicity of the 24 children in Children Reviews: White British 21, Asian British 1, Asian 1, "
        "Other White British 1.",
        "Column chart of age of the 24 children in Children Reviews: 0-4 14, 5-9 4, 10-14 2, 15-17 4.",
        "Areas: MBC/RCBC: Middlesbrough Borough Council and Redcar & Cleveland Borough Council; "
        "HBC/SBC: Hartlepool Borough Council and Stockton-on-Tees Borough Council."]
    assert slide.footnotes == ["These figures count the 24 children recorded in 23 reviews.", "Two reviews are still open."]


def test_a_charts_slide_without_scene_notes_or_area_names_starts_with_the_first_chart(tees):
    adults = tees.review_types["adults"]
    adults.scene_notes = ""
    tees.areas = {name: name for name in tees.areas}
    tees.groupings = {}
    slide = _slide(plan_deck(tees), "Setting the Scene: Adult Reviews")
    assert (slide.notes, slide.notes_end) == ("", "")
    notes = charts_notes(slide, slide.charts).split("\n")
    assert notes[0] == "Column chart of reviews by area of Adult Reviews: MBC 5, RCBC 1, HBC 0, SBC 1."
    assert notes[-1].startswith("Column chart of age of the 7 adults")
    adults.caveats = ["One review is still open."]
    assert _slide(plan_deck(tees), "Setting the Scene: Adult Reviews").notes == "One review is still open."


def test_a_types_charts_are_planned_on_one_slide_whose_notes_the_writer_splits(tees):
    demographics = tees.review_types["adults"].demographics
    demographics.gender = {"Female": 4, "Male": 3}
    demographics.tables = [DemographicTable("Disability", {"Yes": 3, "No": 4})]
    slides = [spec for spec in plan_deck(tees) if spec.title.startswith("Setting the Scene: Adult Reviews")]
    assert [(spec.title, [chart.title for chart in spec.charts]) for spec in slides] == [
        ("Setting the Scene: Adult Reviews", ["Reviews by area", "Ethnicity", "Age", "Gender", "Disability"])]
    assert charts_notes(slides[0], slides[0].charts[4:]).split("\n")[-2:] == [
        "Column chart of disability of the 7 adults in Adult Reviews: Yes 3, No 4.",
        "Areas: MBC: Middlesbrough Borough Council; RCBC: Redcar & Cleveland Borough Council; "
        "HBC: Hartlepool Borough Council; SBC: Stockton-on-Tees Borough Council."]
    assert slides[0].footnotes == ["These figures count the 7 adults recorded in 7 reviews."]


def test_a_type_too_small_to_break_down_has_no_charts_slide(tees):
    tees.review_types["adults"].count = 1
    assert [spec.title for spec in plan_deck(tees) if spec.kind == "charts"] == [
        "Setting the Scene: Children Reviews", "Setting the Scene: Domestic Homicide Reviews"]


def test_area_names_explain_only_the_labels_that_are_not_full_names(tees):
    assert area_names(tees, ["MBC/RCBC", "HBC/SBC"]) == (
        "Areas: MBC/RCBC: Middlesbrough Borough Council and Redcar & Cleveland Borough Council; "
        "HBC/SBC: Hartlepool Borough Council and Stockton-on-Tees Borough Council.")
    tees.areas["Fenland"] = "Fenland"
    assert area_names(tees, ["Fenland", "MBC"]) == "Areas: MBC: Middlesbrough Borough Council."
    assert area_names(tees, ["Fenland"]) == ""


def test_the_glance_slides_breakdown_lists_each_areas_count(tees):
    figures = _figures(tees)
    assert area_breakdown(figures["children"]) == ["10 MBC/RCBC", "13 HBC/SBC"]
    assert area_breakdown(figures["adults"]) == ["5 MBC", "1 RCBC", "0 HBC", "1 SBC"]


def test_a_themes_slide_heads_its_list_and_says_in_its_notes_what_the_reviews_found(tees):
    tees.review_types["adults"].caveats = ["One review is still open."]
    slide = _themes_slide(_figures(tees)["adults"])
    assert (slide.kind, slide.title, slide.footnotes) == ("themes", "Main Themes: Adult Reviews", [])
    assert slide.body[:3] == [Para("What the 7 Adult Reviews found:", bullet=False, bold=True),
                              Para("Homelessness/Housing Issues (6)"), Para("Self-Neglect (6)")]
    assert slide.notes.split("\n")[:2] == [
        "The number after each theme is how many of the 7 reviews it featured in. Homelessness and housing, and "
        "self-neglect, featured in 6 of the 7.", "One review is still open."]
    assert slide.notes.split("\n")[2].startswith(
        "Main themes of the 7 Adult Reviews: Homelessness/Housing Issues (6); Self-Neglect (6); Mental Capacity (5);")
    assert [chart.title for chart in slide.charts] == ["Reviews featuring each theme (of 7)"]
    assert _themes_slide(_figures(tees)["children"]).charts == []


def test_a_theme_looked_for_and_not_found_is_said_in_italics_under_the_list_and_in_the_notes(tees):
    tees.review_types["children"].themes.append(Theme("Radicalisation", 0))
    slide = _themes_slide(_figures(tees)["children"])
    assert slide.body[-1] == Para("Also looked for, not found this period: Radicalisation.", bullet=False,
                                  italic=True)
    assert slide.notes.split("\n")[-1] == "Also looked for, not found this period: Radicalisation."


@pytest.mark.parametrize("items, kept", [
    ([], False), (["Mental capacity"], False), ([" mental CAPACITY "], False), ([Bullet("Mental capacity")], False),
    ([Bullet("Mental capacity", ["in hospital"])], True), (["Mental capacity", "Housing"], True),
    ([Bullet("Housing")], True)])
def test_one_types_cross_over_slide_is_kept_only_for_words_beyond_its_themes(items, kept):
    event = load_event(GALLERY_DIR / "tiny-single-type.yaml").event
    event.cross_over_themes.items = items
    assert cross_over_adds_something(event) is kept


def test_several_types_keep_any_cross_over_items(tees):
    tees.cross_over_themes.items = [theme.name for theme in tees.review_types["adults"].theme_list[:1]]
    assert cross_over_adds_something(tees) is True
    tees.cross_over_themes.items = []
    assert cross_over_adds_something(tees) is False


def test_the_themes_divider_says_whether_shared_themes_follow(tees):
    divider = _slide(plan_deck(tees), "Main Themes")
    assert (divider.notes, divider.subtitle) == (
        "The main themes from each type of review, then the themes they share.", ["What the reviews found"])
    tees.cross_over_themes.items = []
    assert _slide(plan_deck(tees), "Main Themes").notes == "The main themes the reviews found."


def test_uk_postcodes_are_kept_on_one_line_and_nothing_else_is_touched():
    assert unbroken_postcodes("Town Hall, TS1 2QQ; SW1A 1AA; M1 1AE") == (
        "Town Hall, TS1\u00a02QQ; SW1A\u00a01AA; M1\u00a01AE")
    assert unbroken_postcodes("ts1 2qq, Room 12 AB, TS1 2Q") == "ts1 2qq, Room 12 AB, TS1 2Q"


def test_the_title_slide_says_the_date_venue_strapline_hosts_partners_and_other_languages(tees):
    info = tees.event
    info.venue, info.strapline, info.hosts = "Town Hall", "Learning together", ["A", "B"]
    info.in_conjunction_with, info.languages, info.notes = "with C", ["en-GB", "cy"], ""
    title = plan_deck(tees)[0]
    assert title.subtitle == ["Thursday 12 May 2022 · Town Hall", "Learning together", "Hosted by A and B", "with C",
                              "This document is available in Welsh"]
    assert title.notes == "Welcome to Learning from Reviews, Thursday 12 May 2022."
    info.venue, info.strapline, info.hosts, info.in_conjunction_with, info.languages = "", "", [], "", []
    assert plan_deck(tees)[0].subtitle == ["Thursday 12 May 2022"]


def test_the_scene_divider_and_glance_slide_give_the_total_and_each_types_figure(tees):
    tees.period = Period(dt.date(2021, 4, 1), dt.date(2022, 3, 31))
    plan = plan_deck(tees)
    divider = _slide(plan, "Setting the Scene")
    assert (divider.notes, divider.subtitle) == (
        "39 reviews across the area: 23 Children Reviews, 7 Adult Reviews and 9 Domestic Homicide Reviews.",
        ["39 reviews in numbers", "Reviews notified 1 April 2021 to 31 March 2022"])
    glance = _slide(plan, "Setting the Scene: the reviews at a glance")
    assert glance.notes.split("\n")[0] == "Reviews notified 1 April 2021 to 31 March 2022"
    assert glance.notes.split("\n")[1].startswith("Across Tees there were 23 children's reviews")
    assert glance.figures == [Figure("23", "Children Reviews", ["10 MBC/RCBC", "13 HBC/SBC"]),
                              Figure("7", "Adult Reviews", ["5 MBC", "1 RCBC", "0 HBC", "1 SBC"]),
                              Figure("9", "Domestic Homicide Reviews", ["6 MBC", "2 RCBC", "1 HBC", "0 SBC"])]
    assert glance.footnotes == []


def test_a_hidden_types_count_hides_the_total_and_the_glance_slide_says_what_is_hidden(tees):
    tees.publish = Publish(suppress_below=8, deck=True)
    tees.scene.notes = ""
    plan = plan_deck(tees)
    divider = _slide(plan, "Setting the Scene")
    assert (divider.notes, divider.subtitle) == (
        "Reviews across the area: 23 Children Reviews, fewer than 8 Adult Reviews and 9 Domestic Homicide Reviews.",
        ["Reviews in numbers"])
    glance = _slide(plan, "Setting the Scene: the reviews at a glance")
    assert glance.notes == "23 Children Reviews; fewer than 8 Adult Reviews; 9 Domestic Homicide Reviews"
    assert glance.figures[1:] == [Figure("<8", "Adult Reviews", []),
                                  Figure("9", "Domestic Homicide Reviews", ["<8 MBC", "<8 RCBC", "<8 HBC", "0 SBC"])]
    assert glance.footnotes == [
        "Counts from 1 to 7 are shown as <8.",
        "With fewer than 8 Adult Reviews, no figures by area or about the people concerned are given: they would "
        "identify them."]


def test_the_glance_slides_key_is_the_fullest_one_of_any_type(tees):
    tees.publish = Publish(suppress_below=5, deck=True)
    tees.review_types["children"].counts_by_area = {"MBC/RCBC": 21, "HBC/SBC": 2}
    glance = _slide(plan_deck(tees), "Setting the Scene: the reviews at a glance")
    assert [figure.lines for figure in glance.figures] == [
        ["[c] MBC/RCBC", "<5 HBC/SBC"], [], ["6 MBC", "<5 RCBC", "<5 HBC", "0 SBC"]]
    assert glance.footnotes == [
        "Counts from 1 to 4 are shown as <5; [c] marks a count not shown so that a <5 cannot be worked out from the "
        "other figures.",
        "Reviews by area is not shown: its small numbers could otherwise be worked out from the other figures."]
    tees.review_types["children"].counts_by_area = {"MBC/RCBC": 10, "HBC/SBC": 13}
    assert _slide(plan_deck(tees), "Setting the Scene: the reviews at a glance").footnotes[0] == (
        "Counts from 1 to 4 are shown as <5.")


def test_the_closing_slides_ask_the_questions_and_thank_the_room(tees):
    closing = plan_deck(tees)[-1]
    assert (closing.kind, closing.title, closing.subtitle) == (
        "closing", "Thank you", ["Please complete the evaluation form before you leave."])
    tees.closing = ClosingSlide(text="Thank you", contacts=["", "learning@tees.example"])
    tees.reflective_questions.notes = ""
    questions, closing = plan_deck(tees)[-2:]
    assert questions.notes == ("Give people a few minutes to talk the questions through in pairs, then take one "
                               "answer from each table.")
    assert (closing.notes, closing.subtitle) == ("Thank everyone for coming.", ["Thank you", "learning@tees.example"])
    tees.closing, tees.reflective_questions = ClosingSlide(), None
    assert [(spec.kind, spec.subtitle) for spec in plan_deck(tees)[-2:]] == [
        ("content", []), ("closing", ["Learning from Reviews"])]


def test_a_chart_of_a_table_with_hidden_counts_says_what_it_leaves_out():
    cells = (SuppressedCell("0-4", 1, PRIMARY), SuppressedCell("5-9", 2, SECONDARY))
    table = dataclasses.replace(_table(("0-4", "5-9")), threshold=5, suppression=SuppressedTable(cells, 5))
    assert table_chart(table, "Children Reviews").note == (
        "1 category with fewer than 5 people is not shown; 1 more is not shown so that it cannot be worked out from "
        "the other figures, so nothing is left to chart")


def test_a_type_declaring_criteria_charts_its_reviews_by_criterion_after_its_areas(tees):
    adults = _figures(tees)["adults"]
    criteria = CountTable("Reviews by criterion", "Criterion", (("Adult practice", 5), ("Domestic homicide", 2)),
                          "reviews", 7, 7)
    charts = review_charts(dataclasses.replace(adults, criteria=criteria))
    assert [chart.title for chart in charts] == ["Reviews by area", "Reviews by criterion", "Ethnicity", "Age"]
    assert charts[1].alt_text == ("Bar chart of reviews by criterion of Adult Reviews: Adult practice 5, "
                                  "Domestic homicide 2.")


def test_a_type_too_small_to_describe_has_no_line_saying_whom_its_charts_count(tees):
    tees.review_types["adults"].count = 1
    adults = _figures(tees)["adults"]
    assert (adults.demographics, chart_footnotes(adults)) == ((), [
        "With 1 Adult Review, no figures by area or about the people concerned are given: they would identify the "
        "adult."])


def test_an_area_of_a_grouping_the_data_does_not_name_is_given_as_written(tees):
    tees.groupings["North"] = ["MBC", "Elsewhere"]
    assert area_names(tees, ["North"]) == "Areas: North: Middlesbrough Borough Council and Elsewhere."


def test_two_review_types_keep_a_cross_over_slide_of_their_own_themes(tees):
    del tees.review_types["domestic_homicide"]
    tees.cross_over_themes.items = [theme.name for theme in tees.review_types["adults"].theme_list[:2]]
    assert cross_over_adds_something(tees) is True


def test_the_deck_shows_the_numbers_the_briefings_hide_unless_the_data_asks(tees):
    tees.publish = Publish(suppress_below=8)
    glance = _slide(plan_deck(tees), "Setting the Scene: the reviews at a glance")
    assert glance.figures[1] == Figure("7", "Adult Reviews", ["5 MBC", "1 RCBC", "0 HBC", "1 SBC"])


def test_the_glance_slide_names_one_review_in_the_singular_and_a_hidden_number_in_the_plural(tees):
    tees.review_types["adults"].count = 1
    tees.review_types["adults"].counts_by_area = {"MBC": 1}
    assert _slide(plan_deck(tees), "Setting the Scene: the reviews at a glance").figures[1] == Figure(
        "1", "Adult Review", [])
    tees.publish = Publish(suppress_below=5, deck=True)
    assert _slide(plan_deck(tees), "Setting the Scene: the reviews at a glance").figures[1] == Figure(
        "<5", "Adult Reviews", [])
