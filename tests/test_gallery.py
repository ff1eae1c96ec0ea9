"""The gallery: partnerships of very different shapes, each built and checked as a trainer would see it.

Every gallery file in tests/fixtures/gallery and every example in data/ (Tees, and the register examples Riverside
and Harbour, whose types count victims and perpetrators) is built
through the command line, then checked as issue 14 asks: every figure of the
data reaches the deck and the briefing of its type; slide titles share one
size, as do the headline numbers on a slide; no slide text is set under 12 pt
nor chart text under 10 pt; every chart compares at least two things; counted
themes get a chart, and a theme list that continues splits evenly and fills
its slides. Through LibreOffice: `check --files` finds no text outside its
frame, briefings fit on two pages with no near-empty page and no heading left
at the foot of a page, and footers stay on one line.

Cases that fail today are marked ``xfail(strict=True)`` with the defect as the
reason: fixing the defect turns the test red until its mark is removed.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.util import Pt

from generator.categories import is_unknown
from generator.checks.rendered import Page, Word, read_pages
from generator.ooxml import EMU_PER_POINT
from generator.cli import main
from generator.loading import load_event
from generator.deck.chart_layout import CHART_TITLE_SIZE
from generator.deck.plan import chart_labels
from generator.model import EventData, ReviewType
from generator.output.pdf import convert_to_pdf
from tests.conftest import DEFAULT_DATA, needs_libreoffice

pytestmark = pytest.mark.slow  # every partnership of the gallery built, several times over

GALLERY = Path(__file__).resolve().parent / "fixtures" / "gallery"
EXAMPLES = DEFAULT_DATA.parent
DATA_FILES = sorted(GALLERY.glob("*.yaml")) + sorted(EXAMPLES.glob("*.yaml"))
MINIMUM_SLIDE_TEXT = Pt(12)
MINIMUM_CHART_TEXT = Pt(10)
MINIMUM_CONTENT_SPAN = 0.75  # text and charts spanning less of a slide's width leave it half empty
HEADLINE_NUMBER = Pt(24)  # a bare number set this large is a headline figure
CONTINUED = re.compile(r"\s*\(continued[^)]*\)\s*$")
MINIMUM_LINES_ON_A_PAGE = 4  # fewer is "a page that holds only a line or two"
# A briefing page's header and footer sit in its top and bottom margins (A4 is 842 pt tall): the body runs from
# 42.5 pt to 799.4 pt (1.5 cm margins), the header's line ends near 31 pt and the footer's begins near 812 pt.
BODY_TOP_PT = 40
BODY_BOTTOM_PT = 805
SAME_LINE_PT = 4  # words whose tops differ by less than this are on one line
MAX_BRIEFING_PAGES = 2
# Titles of the cover and closing slides are display type, set apart from the slide titles on purpose.
DISPLAY_TITLES = (PP_PLACEHOLDER.CENTER_TITLE,)
OUTSIDE_FRAME = "text outside its frame"


def _cases(defects: dict[str, str], names: list[str]) -> list:
    """Return pytest params for ``names``, those in ``defects`` marked as strictly expected to fail."""
    return [pytest.param(name, id=name,
                         marks=[pytest.mark.xfail(strict=True, reason=defects[name])] if name in defects else [])
            for name in names]


# ---------------------------------------------------------------------------------------------- what is built


@dataclass
class Built:
    """One data file's event and the outputs built from it."""

    event: EventData
    deck: Path
    briefings: dict[str, Path]  # review type key: its briefing


@dataclass
class Checked:
    """What ``make_deck.py check --files`` said about each output: its facts line and its problems."""

    facts: dict[str, str] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)


BuildGallery = Callable[[Path], Built]
CheckGallery = Callable[[Path], Checked]


@pytest.fixture(scope="session")
def build_gallery(tmp_path_factory: pytest.TempPathFactory) -> BuildGallery:
    """Return a function that builds a data file once per session, through the command line."""
    built: dict[Path, Built] = {}

    def build(data: Path) -> Built:
        if data not in built:
            out = tmp_path_factory.mktemp(f"gallery-{data.stem}")
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                status = main(["build", str(data), "--out", str(out)])
            assert status == 0, f"{data.name} did not build"
            # A bilingual partnership's English version, whose words these tests look for (tests/test_bilingual.py
            # checks both versions).
            event = load_event(data, language="en").event
            language = "-en" if event.event.languages else ""
            briefings = {}
            for key, review_type in event.review_types.items():
                found = list((out / "briefings").glob(f"*-{review_type.abbreviation.lower()}{language}.docx"))
                assert len(found) == 1, f"{data.name}: expected one briefing for {key}, found {found}"
                briefings[key] = found[0]
            built[data] = Built(event, next((out / "decks").glob(f"*{language}.pptx")), briefings)
        return built[data]

    return build


@pytest.fixture(scope="session")
def check_gallery(build_gallery: BuildGallery) -> CheckGallery:
    """Return a function that runs ``make_deck.py check --files`` once per data file (one LibreOffice launch)."""
    checked: dict[Path, Checked] = {}

    def check(data: Path) -> Checked:
        if data not in checked:
            built = build_gallery(data)
            files = [built.deck, *built.briefings.values()]
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
                main(["check", "--files", *map(str, files)])
            checked[data] = _parse_check_output(printed.getvalue(), files)
        return checked[data]

    return check


@pytest.fixture(scope="session")
def rendered_outputs(build_gallery: BuildGallery,
                     tmp_path_factory: pytest.TempPathFactory) -> dict[Path, list[Page]]:
    """Return every gallery deck's and briefing's pages as LibreOffice draws them (one launch for all)."""
    staged = tmp_path_factory.mktemp("gallery-rendered")
    copies = {}
    for data in DATA_FILES:
        built = build_gallery(data)
        for name, output in [("deck", built.deck), *built.briefings.items()]:
            copies[output] = staged / f"{data.stem}--{name}{output.suffix}"
            copies[output].write_bytes(output.read_bytes())
    _, problem = convert_to_pdf(list(copies.values()))
    assert problem == ""
    return {output: read_pages(copy.with_suffix(".pdf")) for output, copy in copies.items()}


def _parse_check_output(text: str, files: list[Path]) -> Checked:
    result = Checked()
    current = ""
    names = {f.name for f in files}
    for line in text.splitlines():
        shown, _, facts = line.partition(": ")
        if Path(shown).name in names:
            current = Path(shown).name
            result.facts[current] = facts
            result.problems[current] = []
        elif line.startswith("  problem: ") and current:
            result.problems[current].append(line.removeprefix("  problem: "))
    assert set(result.facts) == {f.name for f in files}, f"check did not report every file:\n{text}"
    return result


# --------------------------------------------------------------------------------------- reading the outputs


@dataclass
class SlideContent:
    """What a slide shows: its title, its text, and its charts' (category, value) pairs and titles."""

    title: str
    text: str
    chart_pairs: set[tuple[str, int]]
    chart_titles: list[str]


def _shapes(shapes) -> Iterator:
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _shape_text(shape) -> list[str]:
    if shape.has_text_frame:
        return [shape.text_frame.text]
    if getattr(shape, "has_table", False) and shape.has_table:
        return [" ".join(cell.text for cell in row.cells) for row in shape.table.rows]
    return []


def slide_contents(deck: Path) -> list[SlideContent]:
    """Return every slide's title, text and chart data."""
    contents = []
    for slide in Presentation(str(deck)).slides:
        texts: list[str] = []
        pairs: set[tuple[str, int]] = set()
        titles: list[str] = []
        for shape in _shapes(slide.shapes):
            texts.extend(_shape_text(shape))
            if getattr(shape, "has_chart", False) and shape.has_chart:
                chart = shape.chart
                if chart.has_title:
                    titles.append(chart.chart_title.text_frame.text)
                for plot in chart.plots:
                    labels = [str(category) for category in plot.categories]
                    for series in plot.series:
                        pairs.update((label, round(value)) for label, value in zip(labels, series.values)
                                     if value is not None)
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        contents.append(SlideContent(title, "\n".join(texts), pairs, titles))
    return contents


def briefing_text(path: Path) -> str:
    """Return a briefing's paragraphs and table rows (cells joined by spaces), one a line."""
    doc = Document(str(path))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines.extend(" ".join(cell.text for cell in row.cells) for row in table.rows)
    return "\n".join(lines)


def shows_pair(label: str, value: int, text: str,
               chart_pairs: AbstractSet[tuple[str, int]] = frozenset()) -> bool:
    """Return whether ``label`` is shown with ``value``: in a chart, or in text as '9 Label', 'Label 9',
    'Label: 9' or 'Label (9)'."""
    if (label, value) in chart_pairs or (chart_labels((label, "x" * 99))[0], value) in chart_pairs:
        return True  # a chart may show an ONS ethnic group by its standard short label
    name = re.escape(label)
    return bool(re.search(rf"(?<![\w-]){value}\s+{name}(?!\w)|(?<!\w){name}\s*[:(]?\s*{value}(?![\w-])", text))


def shows_number(value: int, text: str) -> bool:
    """Return whether ``value`` appears in ``text`` as a whole number."""
    return bool(re.search(rf"(?<![\w.-]){value}(?![\w-])", text))


@dataclass(frozen=True)
class Figure:
    """One figure of the data: what it is, and the label it is shown with (or '' for a bare number)."""

    what: str
    label: str
    value: int


def figures_of(review: ReviewType) -> list[Figure]:
    """Return every figure the data gives for a review type (for a single review, its count and themes only: one
    review is not broken down, issue 20)."""
    found = [Figure("count of reviews", review.display_name, review.count)]
    found += [Figure("theme", theme.name, theme.count) for theme in review.theme_list if theme.count]
    found += [Figure("theme looked for, not found", theme.name, 0) for theme in review.theme_list if theme.count == 0]
    if (review.count or 0) < 2:
        return found
    found += [Figure("reviews in an area", area, n) for area, n in review.counts_by_area.items()]
    demo = review.demographics
    for what, counts in (("ethnicity", demo.ethnicity), ("age band", demo.age)):
        # A word for not known ('Not recorded: 7') is no category: its people show as '7 not known'.
        found += [Figure(what, label, n) for label, n in counts.items() if not is_unknown(label)]
        not_known = sum(n for label, n in counts.items() if is_unknown(label))
        if not_known:
            found.append(Figure(f"{what} not known", "not known", not_known))
    # A type whose people have roles names each role's people instead ("the 5 victims and 5 perpetrators", as
    # test_wording's footnote test checks on the rendered Harbour deck), not the sum of them.
    if demo.people is not None and not review.roles:
        found.append(Figure("people described by the tables", "", demo.people))
    if demo.known_for is not None:
        found.append(Figure("reviews the demographics cover", f"where known: {demo.known_for} of",
                            review.count))
    return found


def missing_figures(review: ReviewType, text: str, chart_pairs: AbstractSet[tuple[str, int]]) -> list[str]:
    """Return each figure of ``review`` that neither ``text`` nor the charts show, described."""
    missing = []
    for figure in figures_of(review):
        if figure.what == "reviews the demographics cover":
            shown = f"{figure.label} {figure.value}" in text or any(
                f"{figure.label} {figure.value}" in label for label, _ in chart_pairs)
        elif figure.what == "theme looked for, not found":
            looked_for = rf"Also looked for, not found this period:[^\n]*{re.escape(figure.label)}"
            shown = re.search(looked_for, text) is not None
        elif not figure.label:
            shown = shows_number(figure.value, text)
        else:
            shown = shows_pair(figure.label, figure.value, text, chart_pairs)
        if not shown:
            missing.append(f"{figure.what}: {figure.label} {figure.value}".replace("  ", " "))
    return missing


def type_slides(contents: list[SlideContent], review: ReviewType) -> list[SlideContent]:
    """Return the slides about one review type: those whose title names it."""
    return [c for c in contents if review.name in c.title or review.full_name in c.title]


def body_lines(page: Page) -> list[str]:
    """Return the lines of text between a page's header and footer, top to bottom."""
    return lines_of([w for w in page.words if BODY_TOP_PT <= w.top <= BODY_BOTTOM_PT])


def lines_of(found: list[Word]) -> list[str]:
    """Return the lines the words were drawn on, top to bottom."""
    words = sorted(found, key=lambda w: (w.top, w.left))
    lines: list[list[Word]] = []
    for word in words:
        if lines and word.top - lines[-1][0].top < SAME_LINE_PT:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [" ".join(w.text for w in sorted(line, key=lambda w: w.left)) for line in lines]


def chart_text_sizes(chart) -> dict[str, Pt | None]:
    """Return the size set for each kind of text in a chart (None where it is inherited)."""
    sizes: dict[str, Pt | None] = {"chart text": chart.font.size}
    if chart.has_title:
        for paragraph in chart.chart_title.text_frame.paragraphs:
            sizes["title"] = paragraph.font.size
            for run in paragraph.runs:
                sizes["title"] = run.font.size or sizes["title"]
    if chart.has_legend:
        sizes["legend"] = chart.legend.font.size
    for name in ("category_axis", "value_axis"):
        try:
            axis = getattr(chart, name)
        except ValueError:  # a chart without that axis (a pie)
            continue
        sizes[f"{name.replace('_', ' ')} labels"] = axis.tick_labels.font.size
    for plot in chart.plots:
        if plot.has_data_labels:
            sizes["data labels"] = plot.data_labels.font.size
    return sizes


# --------------------------------------------------------------------------------------------------- the cases


def _type_cases() -> list[str]:
    names: list[str] = []
    for data in DATA_FILES:
        names.extend(f"{data.stem}:{key}" for key in load_event(data).event.review_types)
    return names


def _data_file(case: str) -> tuple[Path, str]:
    stem, key = case.split(":")
    return next(d for d in DATA_FILES if d.stem == stem), key


TYPE_CASES = _type_cases()
FILE_CASES = [d.stem for d in DATA_FILES]
DATA_BY_NAME = {d.stem: d for d in DATA_FILES}

DECK_NUMBER_DEFECTS: dict[str, str] = {}
BRIEFING_NUMBER_DEFECTS: dict[str, str] = {}
TITLE_SIZE_DEFECTS: dict[str, str] = {}
SMALL_TEXT_DEFECTS: dict[str, str] = {}
CHART_TEXT_DEFECTS: dict[str, str] = {}
EMPTY_CHART_DEFECTS: dict[str, str] = {}
HEADLINE_DEFECTS: dict[str, str] = {}
UNEVEN_SPLIT_DEFECTS: dict[str, str] = {}
THEME_CHART_DEFECTS: dict[str, str] = {
}
HALF_EMPTY_DEFECTS: dict[str, str] = {}
PAGE_DEFECTS: dict[str, str] = {}
NEAR_EMPTY_PAGE_DEFECTS: dict[str, str] = {}
BRIEFING_FOOTER_DEFECTS: dict[str, str] = {}
DECK_FOOTER_DEFECTS: dict[str, str] = {}
STRANDED_HEADING_DEFECTS: dict[str, str] = {}
OVERFLOW_DEFECTS: dict[str, str] = {}


@pytest.mark.parametrize("case", _cases(DECK_NUMBER_DEFECTS, TYPE_CASES))
def test_every_figure_of_a_review_type_reaches_the_deck(case: str, build_gallery: BuildGallery) -> None:
    data, key = _data_file(case)
    built = build_gallery(data)
    review = built.event.review_types[key]
    contents = slide_contents(built.deck)
    about = type_slides(contents, review)
    assert about, f"no slide title names {review.name}"
    text = "\n".join([c.text for c in about] + [t for c in about for t in c.chart_titles])
    pairs = set().union(*(c.chart_pairs for c in about))
    whole_deck = "\n".join(c.text for c in contents)
    missing = missing_figures(review, text, pairs)
    # The number of reviews may be shown once for the deck (the at-a-glance slide) rather than per type.
    if shows_pair(review.name, review.count, whole_deck):
        missing = [m for m in missing if not m.startswith("count of reviews")]
    assert missing == []


@pytest.mark.parametrize("case", _cases(BRIEFING_NUMBER_DEFECTS, TYPE_CASES))
def test_every_figure_of_a_review_type_reaches_its_briefing(case: str, build_gallery: BuildGallery) -> None:
    data, key = _data_file(case)
    built = build_gallery(data)
    review = built.event.review_types[key]
    assert missing_figures(review, briefing_text(built.briefings[key]), set()) == []


def _title_size(slide) -> float | None:
    """Return the size in points the slide's title is set at (None where the template decides)."""
    sizes = {run.font.size.pt if run.font.size is not None else None
             for paragraph in slide.shapes.title.text_frame.paragraphs for run in paragraph.runs}
    assert len(sizes) == 1, f"the title '{slide.shapes.title.text_frame.text}' mixes sizes {sizes}"
    return sizes.pop()


@pytest.mark.parametrize("name", _cases(TITLE_SIZE_DEFECTS, FILE_CASES))
def test_every_slide_title_is_set_at_one_size(name: str, build_gallery: BuildGallery) -> None:
    built = build_gallery(DATA_BY_NAME[name])
    sizes: dict[float | None, list[int]] = {}
    for number, slide in enumerate(Presentation(str(built.deck)).slides, start=1):
        title = slide.shapes.title
        if title is None or title.placeholder_format.type in DISPLAY_TITLES:
            continue
        sizes.setdefault(_title_size(slide), []).append(number)
    assert len(sizes) == 1, f"slide titles are set at several sizes (size: slides): {sizes}"


@pytest.mark.parametrize("name", _cases(SMALL_TEXT_DEFECTS, FILE_CASES))
def test_no_slide_text_is_set_under_12_pt(name: str, build_gallery: BuildGallery) -> None:
    built = build_gallery(DATA_BY_NAME[name])
    small: list[str] = []
    for number, slide in enumerate(Presentation(str(built.deck)).slides, start=1):
        for shape in _shapes(slide.shapes):
            frames = [shape.text_frame] if shape.has_text_frame else []
            if getattr(shape, "has_table", False) and shape.has_table:
                frames = [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                for paragraph in frame.paragraphs:
                    sizes = [paragraph.font.size] + [run.font.size for run in paragraph.runs if run.text.strip()]
                    if any(size is not None and size < MINIMUM_SLIDE_TEXT for size in sizes):
                        small.append(f"slide {number}: '{paragraph.text[:40]}'")
    assert small == []


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("case", _cases(PAGE_DEFECTS, TYPE_CASES))
def test_each_briefing_fits_on_two_pages_in_libreoffice(case: str, build_gallery: BuildGallery,
                                                        check_gallery: CheckGallery) -> None:
    data, key = _data_file(case)
    briefing = build_gallery(data).briefings[key]
    facts = check_gallery(data).facts[briefing.name]
    pages = re.search(r"(\d+) pages? in LibreOffice", facts)
    assert pages is not None, f"check did not count the pages: {facts}"
    assert int(pages.group(1)) <= MAX_BRIEFING_PAGES


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("name", _cases(OVERFLOW_DEFECTS, FILE_CASES))
def test_check_finds_no_text_outside_its_frame(name: str, check_gallery: CheckGallery) -> None:
    checked = check_gallery(DATA_BY_NAME[name])
    outside = [f"{file}: {problem}" for file, problems in checked.problems.items() for problem in problems
               if OUTSIDE_FRAME in problem]
    assert outside == []


OVERLAP_DEFECTS: dict[str, str] = {}
DRAWN_OVER = "text drawn over other text"
EMPTY_COLUMN = "empty before the text goes on in the next column"


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("name", _cases(OVERLAP_DEFECTS, FILE_CASES))
def test_no_word_is_drawn_over_another_in_any_deck_or_briefing(name: str, check_gallery: CheckGallery) -> None:
    checked = check_gallery(DATA_BY_NAME[name])
    assert [f"{file}: {problem}" for file, problems in checked.problems.items() for problem in problems
            if DRAWN_OVER in problem] == []


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("name", FILE_CASES)
def test_no_briefing_column_before_a_break_is_more_than_a_quarter_empty(name: str,
                                                                        check_gallery: CheckGallery) -> None:
    checked = check_gallery(DATA_BY_NAME[name])
    assert [f"{file}: {problem}" for file, problems in checked.problems.items() for problem in problems
            if EMPTY_COLUMN in problem] == []


@pytest.mark.parametrize("name", _cases(CHART_TEXT_DEFECTS, FILE_CASES))
def test_no_chart_text_is_set_under_10_pt(name: str, build_gallery: BuildGallery) -> None:
    built = build_gallery(DATA_BY_NAME[name])
    small: list[str] = []
    for number, slide in enumerate(Presentation(str(built.deck)).slides, start=1):
        for shape in _shapes(slide.shapes):
            if getattr(shape, "has_chart", False) and shape.has_chart:
                small.extend(f"slide {number}, '{shape.name}': {what} at {size.pt} pt"
                             for what, size in chart_text_sizes(shape.chart).items()
                             if size is not None and size < MINIMUM_CHART_TEXT)
    assert small == []


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("case", _cases(NEAR_EMPTY_PAGE_DEFECTS, TYPE_CASES))
def test_no_briefing_page_holds_only_a_line_or_two(case: str, build_gallery: BuildGallery,
                                                   rendered_outputs: dict[Path, list[Page]]) -> None:
    data, key = _data_file(case)
    pages = rendered_outputs[build_gallery(data).briefings[key]]
    near_empty = {number: lines for number, page in enumerate(pages, start=1)
                  if len(lines := body_lines(page)) < MINIMUM_LINES_ON_A_PAGE}
    assert near_empty == {}


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("case", _cases(STRANDED_HEADING_DEFECTS, TYPE_CASES))
def test_no_briefing_heading_is_left_at_the_foot_of_a_page(case: str, build_gallery: BuildGallery,
                                                           rendered_outputs: dict[Path, list[Page]]) -> None:
    data, key = _data_file(case)
    briefing = build_gallery(data).briefings[key]
    headings = {p.text.strip() for p in Document(str(briefing)).paragraphs
                if p.style is not None and p.style.name.startswith("Heading") and p.text.strip()}
    pages = rendered_outputs[briefing]
    stranded = [f"page {number}: '{lines[-1]}'" for number, page in enumerate(pages[:-1], start=1)
                if (lines := body_lines(page)) and lines[-1] in headings]
    assert stranded == []


@pytest.mark.parametrize("name", _cases(EMPTY_CHART_DEFECTS, FILE_CASES))
def test_every_chart_compares_at_least_two_things(name: str, build_gallery: BuildGallery) -> None:
    built = build_gallery(DATA_BY_NAME[name])
    say_nothing: list[str] = []
    for number, slide in enumerate(Presentation(str(built.deck)).slides, start=1):
        for shape in _shapes(slide.shapes):
            if getattr(shape, "has_chart", False) and shape.has_chart:
                plot = shape.chart.plots[0]
                shown = [str(c) for c, v in zip(plot.categories, plot.series[0].values) if v]
                if len(shown) < 2:
                    title = shape.chart.chart_title.text_frame.text if shape.chart.has_title else shape.name
                    say_nothing.append(f"slide {number}, '{title}': {shown}")
    assert say_nothing == []


@pytest.mark.parametrize("name", FILE_CASES)
def test_the_same_categories_are_charted_alike_under_titles_of_one_size(name: str, build_gallery: BuildGallery) -> None:
    built = build_gallery(DATA_BY_NAME[name])
    kinds: dict[tuple[str, ...], set[str]] = {}
    title_sizes: set[float] = set()
    for slide in Presentation(str(built.deck)).slides:
        for chart in (shape.chart for shape in _shapes(slide.shapes) if getattr(shape, "has_chart", False)):
            kinds.setdefault(tuple(chart.plots[0].categories), set()).add(str(chart.chart_type))
            title_sizes.add(chart.chart_title.text_frame.paragraphs[0].runs[0].font.size.pt)
    assert {categories: drawn for categories, drawn in kinds.items() if len(drawn) > 1} == {}
    assert title_sizes <= {CHART_TITLE_SIZE}


@pytest.mark.parametrize("name", _cases(HEADLINE_DEFECTS, FILE_CASES))
def test_headline_numbers_on_a_slide_share_one_size(name: str, build_gallery: BuildGallery) -> None:
    built = build_gallery(DATA_BY_NAME[name])
    mixed: dict[int, dict[str, float]] = {}
    for number, slide in enumerate(Presentation(str(built.deck)).slides, start=1):
        sizes = {run.text.strip(): run.font.size.pt for shape in _shapes(slide.shapes) if shape.has_text_frame
                 for paragraph in shape.text_frame.paragraphs for run in paragraph.runs
                 if run.text.strip().isdigit() and run.font.size is not None and run.font.size >= HEADLINE_NUMBER}
        if len(set(sizes.values())) > 1:
            mixed[number] = sizes
    assert mixed == {}


def themes_slides(deck: Path, review: ReviewType) -> list[SlideContent]:
    """Return a review type's themes slides: the first and its continuations."""
    slides = [c for c in slide_contents(deck)
              if c.title.startswith("Main Themes") and CONTINUED.sub("", c.title).endswith(review.name)]
    assert slides, f"no themes slide for {review.name}"
    return slides


@pytest.mark.parametrize("case", _cases(THEME_CHART_DEFECTS, TYPE_CASES))
def test_counted_themes_get_a_chart(case: str, build_gallery: BuildGallery) -> None:
    data, key = _data_file(case)
    built = build_gallery(data)
    review = built.event.review_types[key]
    counted = [theme for theme in review.theme_list if theme.count]  # a theme found in no review is no finding
    if len(counted) < 2 or review.count == 1:
        pytest.skip("fewer than two themes are counted, or one review (every bar 1), so there is nothing to compare")
    assert any(c.chart_pairs for c in themes_slides(built.deck, review)), (
        f"{len(counted)} of {len(review.theme_list)} themes are counted, but no themes slide charts them")


def _content_span(slide, slide_width: int) -> float:
    """Return the share of the slide's width between the leftmost and rightmost text or chart (not the title,
    footer, slide number or date)."""
    furniture = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
    boxes = [(shape.left, shape.left + shape.width) for shape in _shapes(slide.shapes)
             if shape.width is not None and shape.left is not None
             and not (shape.is_placeholder and shape.placeholder_format.type in furniture)
             and ((shape.has_text_frame and shape.text_frame.text.strip())
                  or (getattr(shape, "has_chart", False) and shape.has_chart))]
    if not boxes:
        return 0.0
    return (max(right for _, right in boxes) - min(left for left, _ in boxes)) / slide_width


@pytest.mark.parametrize("case", _cases(HALF_EMPTY_DEFECTS, TYPE_CASES))
def test_no_themes_slide_leaves_half_its_width_empty(case: str, build_gallery: BuildGallery) -> None:
    data, key = _data_file(case)
    built = build_gallery(data)
    review = built.event.review_types[key]
    prs = Presentation(str(built.deck))
    narrow: dict[int, str] = {}
    for number, slide in enumerate(prs.slides, start=1):
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        if title.startswith("Main Themes") and CONTINUED.sub("", title).endswith(review.name):
            span = _content_span(slide, prs.slide_width)
            if span < MINIMUM_CONTENT_SPAN:
                narrow[number] = f"{span:.0%} of the width"
    assert narrow == {}


@pytest.mark.parametrize("case", _cases(UNEVEN_SPLIT_DEFECTS, TYPE_CASES))
def test_a_theme_list_that_continues_splits_evenly(case: str, build_gallery: BuildGallery) -> None:
    """Dealt evenly over the slides of one shape: a first slide beside the chart takes what fills it as full as
    the slides after it are (tests/deck/test_drawings.py measures that), and those share the rest evenly."""
    data, key = _data_file(case)
    built = build_gallery(data)
    review = built.event.review_types[key]
    slides = themes_slides(built.deck, review)
    found = [theme for theme in review.theme_list if theme.count != 0]  # the rest: 'Also looked for, not found'
    # The line naming the themes looked for but not found is an item of the list like a theme.
    per_slide = [sum(1 for line in c.text.splitlines() for theme in found
                     if line == theme.name or line.startswith(f"{theme.name} ("))
                 + sum(1 for line in c.text.splitlines() if line.startswith("Also looked for")) for c in slides]
    assert sum(per_slide) == len(found) + (len(found) < len(review.theme_list))
    even = per_slide[1:] if slides[0].chart_titles else per_slide
    assert max(even, default=0) - min(even, default=0) <= 1, f"themes per slide: {per_slide}"


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("case", _cases(BRIEFING_FOOTER_DEFECTS, TYPE_CASES))
def test_briefing_footer_fits_on_one_line(case: str, build_gallery: BuildGallery,
                                          rendered_outputs: dict[Path, list[Page]]) -> None:
    data, key = _data_file(case)
    pages = rendered_outputs[build_gallery(data).briefings[key]]
    wrapped = {number: footer for number, page in enumerate(pages, start=1)
               if len(footer := lines_of([w for w in page.words if w.top > BODY_BOTTOM_PT])) > 1}
    assert wrapped == {}


@needs_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("name", _cases(DECK_FOOTER_DEFECTS, FILE_CASES))
def test_slide_footer_fits_on_one_line(name: str, build_gallery: BuildGallery,
                                       rendered_outputs: dict[Path, list[Page]]) -> None:
    deck = build_gallery(DATA_BY_NAME[name]).deck
    pages = rendered_outputs[deck]
    wrapped: dict[int, list[str]] = {}
    for number, (slide, page) in enumerate(zip(Presentation(str(deck)).slides, pages), start=1):
        for shape in slide.placeholders:
            if shape.placeholder_format.type == PP_PLACEHOLDER.FOOTER and shape.text_frame.text.strip():
                left, top = shape.left / EMU_PER_POINT, shape.top / EMU_PER_POINT
                right, bottom = left + shape.width / EMU_PER_POINT, top + shape.height / EMU_PER_POINT
                inside = [w for w in page.words if left - SAME_LINE_PT <= w.left and w.right <= right + SAME_LINE_PT
                          and top - SAME_LINE_PT <= w.top and w.bottom <= bottom + SAME_LINE_PT]
                assert inside, f"slide {number}: LibreOffice drew no footer inside the footer's box"
                if len(footer := lines_of(inside)) > 1:
                    wrapped[number] = footer
    assert wrapped == {}
