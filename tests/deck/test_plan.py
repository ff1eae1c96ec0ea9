"""The deck's plan: every slide of the seed deck in the seed's order, with its bullets; unique titles; notes on
every slide; only declared kinds."""

from __future__ import annotations

import itertools
import re

import pytest

from generator.loading import load_event
from generator.slide_kinds import SLIDE_KINDS
from generator.deck.plan import SlideSpec, plan_deck, unique_title
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
