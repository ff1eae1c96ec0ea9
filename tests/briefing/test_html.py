"""The HTML briefing's text: names, short labels and a caption's note kept on one line, the words unchanged."""

from __future__ import annotations

import re
from html import unescape

from generator.briefing.html import HtmlBriefingBuilder
from generator.briefing.plan import BriefingPlan, plan_briefings
from generator.loading import load_event
from generator.look import Look
from tests.conftest import ROOT

RIVERSIDE = ROOT / "data" / "riverside-2024.yaml"
WELSH = ROOT / "tests" / "fixtures" / "gallery" / "welsh-regional-board.yaml"
UNBROKEN = re.compile(r'<span class="unbroken">(.*?)</span>')


def _page(data, key: str) -> tuple[BriefingPlan, str]:
    event = load_event(data).event
    plan = next(plan for plan in plan_briefings(event) if plan.key == key)
    builder = HtmlBriefingBuilder(Look(event.theme))
    return plan, builder.page(plan)


def test_a_captions_note_and_short_labels_are_kept_on_one_line():
    _, html = _page(RIVERSIDE, "dhr")
    assert ('<caption>Age of victims <span class="unbroken">(where known: 6 of 10 victims;</span> '
            '<span class="unbroken">4 not known)</span></caption>') in html
    kept = set(UNBROKEN.findall(html))
    assert {"16-24", "65+", "Male", "Number of victims", "Gender of victims"} <= kept
    assert not any(label.startswith("White: English") for label in kept)  # a long label may wrap


def test_a_hyphenated_place_name_is_kept_whole_with_its_ordinary_hyphens():
    plan, html = _page(WELSH, "child_practice")
    assert "Castell-nedd" in plan.names
    assert '<th scope="row"><span class="unbroken">Castell-nedd</span> Port Talbot</th>' in html
    assert "\u2011" not in html  # the words stay as typed, for copying, searching and reading aloud


def test_the_pages_words_are_the_plans_words():
    plan, html = _page(WELSH, "child_practice")
    text = unescape(re.sub(r"<[^>]+>", "", html.split("<main>")[1].split("</main>")[0]))
    for section in plan.sections:
        assert all(paragraph in text for paragraph in section.paragraphs)
        assert all(f"{label}{value}" in text for table in section.tables for label, value in table.display_rows)


def test_a_printed_web_address_breaks_after_a_slash_or_a_full_stop_and_at_hyphens_only_in_a_piece_too_wide():
    from generator.briefing.html import _printed_url

    fits = "escalation-and-resolution-protocol-for-all-agencies-and-the-public"  # 66 characters, 224 pt at 8 pt
    too_wide = "-".join(["escalation-and-resolution-protocol"] * 3)
    printed = _printed_url(f"https://www.example.org.uk/{fits}/{too_wide}", "Calibri")
    assert printed == ('<span class="printed-url"> (<span class="unbroken">https:/</span><wbr>'
                       '<span class="unbroken">/</span><wbr><span class="unbroken">www.</span><wbr>'
                       '<span class="unbroken">example.</span><wbr><span class="unbroken">org.</span><wbr>'
                       '<span class="unbroken">uk/</span><wbr>'
                       f'<span class="unbroken">{fits}/</span><wbr>{too_wide})</span>')
