"""A bilingual build: the Welsh gallery partnership (languages [cy, en]) built as both versions, Welsh first, each
naming the other, each wholly in its own language, and each passing the rendered checks."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from html import unescape
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator import i18n
from generator.build import BuildOptions, build_event
from generator.cli.main import main
from tests.conftest import needs_libreoffice

DATA = Path(__file__).resolve().parent / "fixtures" / "gallery" / "bilingual-susr.yaml"
# The parts of an Office file a reader meets: slides, notes, charts, the document, its header and footer, and the
# document properties (alt text is an attribute of the drawings in these parts).
READ_PARTS = re.compile(r"^(ppt/(slides|notesSlides|charts)/[^/]+\.xml|word/(document|header\d*|footer\d*)\.xml"
                        r"|docProps/core\.xml)$")
TEXT = re.compile(r">([^<>]+)<|\b(?:descr|title)=\"([^\"]*)\"")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("bilingual")
    report = build_event(DATA, BuildOptions(out_dir=out, render_in_parallel=False))
    return [output.path for output in report.outputs]


# The partnership's SUSRs, 18 of them, with their people's ethnicity, gender and age (in bands written in words), so
# that the built-in categories are shown and, hidden below 5, the hiding is said.
PEOPLE_ROWS = [(0, "White British", "Female"), (3, "Asian British - Pakistani", "Male"), (17, "Black Welsh - African", ""),
               (34, "White - Irish", "Other"), (51, "Mixed - White and Asian", "Male"), (70, "Not known", "Female")]


def with_people(text: str) -> str:
    """Return the gallery partnership's data with 18 SUSRs whose people are described."""
    reviews = [f"    - {{Reference: ADUS-{n}, Review type: susr, Area: {('Abertawe', 'Castell-nedd Port Talbot')[n % 3 == 0]}, "
               f"Date notified: 2024-{10 + n % 3}-{n + 5:02d}, Criteria: Ymarfer plant, Themes: Rhannu gwybodaeth}}"
               for n in range(1, 19)]
    people = [f"    - {{Reference: ADUS-{n}, Age: {age}, Ethnicity: {ethnicity}, Gender: '{gender}'}}"
              for n, (age, ethnicity, gender) in ((n, PEOPLE_ROWS[n % 6]) for n in range(1, 19))]
    start, end = text.index("  reviews:\n"), text.index("\ncross_over_themes:")
    text = text[:start] + "\n".join(["  reviews:", *reviews, "  people:", *people]) + "\n" + text[end:]
    return text.replace("    # Counted from the register below",
                        "    age_bands: [Under 1, 1-17, 18-64, 65 and over]\n    # Counted from the register below")


@pytest.fixture(scope="module")
def built_hiding_people(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("bilingual-people")
    data = folder / "event.yaml"
    data.write_text(with_people(DATA.read_text(encoding="utf-8")), encoding="utf-8")
    report = build_event(data, BuildOptions(out_dir=folder / "out", suppress_below=5, render_in_parallel=False))
    return [output.path for output in report.outputs]


def read_text(path: Path) -> str:
    """Return the text a reader meets in an output (text, notes, alt text, properties), one piece a line."""
    if path.suffix == ".html":
        page = STYLE.sub("", path.read_text(encoding="utf-8"))  # the style sheet (and its comments) is not read
        return "\n".join(unescape(a or b) for a, b in TEXT.findall(page))
    pieces = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if READ_PARTS.match(name):
                pieces.extend(unescape(a or b) for a, b in TEXT.findall(package.read(name).decode("utf-8")))
    return "\n".join(pieces)


def catalogue_words() -> list[tuple[str, str]]:
    """Return each phrase of the Welsh catalogue as (English, Welsh): the words of a message between its
    placeholders, where the two languages differ."""
    with open(i18n.shipped_catalogue_path("cy"), "rb") as po:
        catalogue = read_po(po)
    pairs = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english, welsh in zip(ids, strings):
            for phrase, other in ((e, welsh) for e in PLACEHOLDER.split(english)):
                pairs.append((phrase.strip(" .:;,()"), other))
            for phrase in PLACEHOLDER.split(welsh):
                pairs.append((english, phrase.strip(" .:;,()")))
    return pairs


def phrases(language: str) -> set[str]:
    """Return the catalogue's phrases in ``language`` that the other language does not also use."""
    english_all = " ".join(e for e, _w in catalogue_words())
    welsh_all = " ".join(w for _e, w in catalogue_words())
    chosen = set()
    for english, welsh in catalogue_words():
        phrase, other_side = (english, welsh_all) if language == "en" else (welsh, english_all)
        phrase = phrase.strip(" .:;,()")
        if len(phrase) > 3 and " " in phrase or len(phrase) > 5:
            if phrase not in other_side:
                chosen.add(phrase)
    return chosen


def versions(built: list[Path], language: str) -> list[Path]:
    return [path for path in built if path.stem.endswith(f"-{language}")]


def test_both_versions_of_every_output_are_built_welsh_first(built: list[Path]) -> None:
    kinds = [(path.parent.name, path.suffix) for path in built]
    assert kinds.count(("decks", ".pptx")) == 2 and kinds.count(("briefings", ".docx")) == 6
    assert len(versions(built, "cy")) == len(versions(built, "en")) == 7
    assert built[0].name == "dysgu-o-adolygiadau-2025-05-15-cy.pptx"
    assert all(path.stem.endswith("-cy") for path in built[:7])


def test_each_version_names_the_other_and_carries_its_language_tag(built: list[Path]) -> None:
    for path in versions(built, "cy"):
        text = read_text(path)
        assert "Mae'r ddogfen hon ar gael yn Saesneg" in text, path.name
        assert "This document is available" not in text, path.name
    for path in versions(built, "en"):
        text = read_text(path)
        assert "This document is available in Welsh" in text, path.name
        assert "ar gael yn" not in text, path.name
    welsh_page = next(path for path in versions(built, "cy") if path.suffix == ".html").read_text(encoding="utf-8")
    assert '<html lang="cy-GB">' in welsh_page
    with zipfile.ZipFile(versions(built, "en")[0]) as deck:
        assert b"<dc:language>en-GB</dc:language>" in deck.read("docProps/core.xml")


@pytest.mark.parametrize("build", ["built", "built_hiding_people"])
@pytest.mark.parametrize("language,other", [("cy", "en"), ("en", "cy")])
def test_no_catalogue_phrase_of_the_other_language_appears_in_a_version(request: pytest.FixtureRequest, build: str,
                                                                        language: str, other: str) -> None:
    built = request.getfixturevalue(build)
    foreign = phrases(other)
    assert len(foreign) > 40  # the test looks for many phrases, not a handful
    for path in versions(built, language):
        text = read_text(path)
        # A phrase inside an e-mail address or a web address is the data's name, not a word the generator wrote.
        found = sorted(phrase for phrase in foreign if re.search(rf"(?<![\w.@/]){re.escape(phrase)}(?![\w@])", text))
        assert found == [], f"{path.name} has {other} words: {found}"


@pytest.mark.slow
@needs_libreoffice
@pytest.mark.parametrize("build", ["built", "built_hiding_people"])
def test_both_versions_pass_the_rendered_checks(request: pytest.FixtureRequest, build: str) -> None:
    built = request.getfixturevalue(build)
    files = [path for path in built if path.suffix in (".pptx", ".docx")]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
        status = main(["check", "--files", *map(str, files)])
    assert status == 0, printed.getvalue()


def test_a_text_without_a_translation_is_a_warning_and_an_error_under_strict(tmp_path: Path) -> None:
    from generator.problems import InputError

    data = tmp_path / "event.yaml"
    data.write_text(DATA.read_text(encoding="utf-8").replace(
        "notes: {cy: Tri nod syml., en: Three simple aims.}", "notes: {cy: Tri nod syml.}"), encoding="utf-8")
    report = build_event(data, BuildOptions(out_dir=tmp_path / "out", render_in_parallel=False))
    missing = [(w.key_path, w.message) for w in report.warnings if w.category == "translation"]
    assert missing == [("aims.notes", "no en text; the cy text is used (give it as {cy: ..., en: ...})")]
    with pytest.raises(InputError) as raised:
        build_event(data, BuildOptions(out_dir=tmp_path / "strict", strict=True, render_in_parallel=False))
    assert [p.key_path for p in raised.value.problems] == ["aims.notes"]
    assert not (tmp_path / "strict").exists() or not any((tmp_path / "strict").rglob("*.pptx"))


def test_a_register_written_in_the_first_language_serves_every_version(tmp_path: Path) -> None:
    from generator.figures import event_figures
    from generator.loading import load_event

    text = re.sub(r"(Criteria|Themes): \{cy: ([^,}]+), en: [^}]+\}", r"\1: \2", DATA.read_text(encoding="utf-8"))
    text = text.replace("Review type: susr", "Review type: ADUS")  # the Welsh abbreviation
    assert "Criteria: Ymarfer plant," in text  # the rows now name themes and criteria in Welsh only
    data = tmp_path / "event.yaml"
    data.write_text(text, encoding="utf-8")
    english = load_event(data, language="en")
    with i18n.speaking("en"):
        susr = event_figures(english.event)["susr"]
    assert susr.criteria is not None
    assert susr.criteria.rows == (("Adult practice", 2), ("Child practice", 1), ("Domestic homicide", 2),
                                  ("Mental health homicide", 1), ("Offensive weapons homicide", 1))
    assert [(t.name, t.count) for t in susr.themes] == [("Sharing information", 3), ("Domestic abuse", 2),
                                                        ("Mental health", 2)]


def test_the_welsh_deck_is_set_at_the_same_type_sizes_as_the_english(built: list[Path]) -> None:
    from pptx import Presentation

    def sizes(deck: Path) -> list[list[float]]:
        return [sorted({run.font.size.pt for shape in slide.shapes if shape.has_text_frame
                        for paragraph in shape.text_frame.paragraphs for run in paragraph.runs if run.font.size})
                for slide in Presentation(str(deck)).slides]

    welsh, english = (next(p for p in versions(built, language) if p.suffix == ".pptx") for language in ("cy", "en"))
    assert sizes(welsh) == sizes(english)
    assert any(sizes(welsh))  # sizes were found to compare


def test_the_built_in_categories_and_the_hiding_record_are_in_each_versions_language(
        built_hiding_people: list[Path]) -> None:
    welsh, english = (next(p for p in versions(built_hiding_people, language) if p.name.endswith(f"{abbreviation}.html"))
                      for language, abbreviation in (("cy", "adus-cy"), ("en", "susr-en")))
    welsh_text, english_text = read_text(welsh).splitlines(), read_text(english).splitlines()
    for label in ("Gwyn", "Asiaidd", "Du", "Benyw", "Gwryw", "Arall", "Dan 1", "65 a throsodd", "<5"):
        assert label in welsh_text, label
    for label in ("White", "Asian", "Black", "Female", "Male", "Other", "Under 1", "65 and over", "<5"):
        assert label in english_text, label
    from generator.output.hiding_record import recorded_at

    for path in versions(built_hiding_people, "cy"):
        if path.suffix in (".docx", ".pptx"):
            with zipfile.ZipFile(path) as package:
                status = re.search(r"<cp:contentStatus>([^<]*)<", package.read("docProps/core.xml").decode())
            assert status is not None and status[1] in ("rhifau bach wedi'u cuddio o dan 5", "rhifau bach heb eu cuddio")
            assert recorded_at(path) == (5 if status[1].endswith("5") else 0), path.name  # read back as a later build does


def test_a_welsh_user_reads_the_build_summary_in_welsh(run_cli, user_reads, tmp_path: Path) -> None:
    user_reads({"LANG": "cy_GB.UTF-8"})
    status, out, err = run_cli(["build", DATA, "--out", "out"], tmp_path)
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == "ysgrifennwyd out/decks/dysgu-o-adolygiadau-2025-05-15-cy.pptx (17 slides)"
    assert lines[-1] == ("Adeiladwyd 2 dec, 6 briff a 6 tudalen we yn out/decks/ a out/briefings/ (14 wedi'u "
                         "hysgrifennu).")


@pytest.mark.slow
@needs_libreoffice
def test_a_welsh_user_reads_checks_report_in_welsh(run_cli, user_reads, built: list[Path]) -> None:
    user_reads({"LANG": "cy_GB.UTF-8"})
    deck = built[0]
    status, out, err = run_cli(["check", "--files", deck.name], deck.parent)
    assert status == 0, out + err
    lines = out.splitlines()
    assert lines[0].startswith(f"{deck.name}: rhifau bach heb eu cuddio; 17 sleid")
    assert lines[1:] == ["  dim problemau wedi'u canfod", "0 problem wedi'u canfod mewn 1 ffeil."]


def welsh_themes_briefing(built: list[Path]) -> Path:
    return next(path for path in versions(built, "cy") if path.name.endswith("adus-cy.docx"))


def test_a_chart_titles_short_closing_note_is_kept_whole(built: list[Path]) -> None:
    with zipfile.ZipFile(welsh_themes_briefing(built)) as package:
        titles = [title for name in package.namelist() if name.startswith("word/charts/chart")
                  for title in re.findall(r"<a:t>([^<]*)</a:t>", package.read(name).decode("utf-8"))]
    assert titles == ["Adolygiadau a welodd bob thema (o\u00a04)"]


@pytest.mark.slow
@needs_libreoffice
def test_a_chart_titles_closing_note_is_drawn_on_one_line(built: list[Path], tmp_path: Path) -> None:
    from tests.render import read_pages, render

    words = [word for page in read_pages(render(welsh_themes_briefing(built), tmp_path)) for word in page.words]
    opening = [number for number, word in enumerate(words) if word.text.startswith("(o")]
    assert opening, [word.text for word in words]  # the title's note was found
    for number in opening:
        note = words[number:number + 2] if words[number].text == "(o" else words[number:number + 1]
        assert note[-1].text.endswith("4)") and abs(note[-1].top - note[0].top) < 1, [(w.text, w.top) for w in note]
