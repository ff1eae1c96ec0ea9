"""Shared fixtures: the default data, a built default event, and helpers to run the CLI."""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from generator.cli import main
from generator.loading import load_event
from generator.model import EventData
from generator.output.pdf import find_soffice

Test = TypeVar("Test")

# Chart images are cached between builds; the tests keep their own cache, away from the user's.
os.environ["LFR_CACHE_DIR"] = tempfile.mkdtemp(prefix="lfr-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "data" / "tees-2022.yaml"
SEED = ROOT / "tests" / "fixtures" / "seed-tees-2022.txt"  # the original Tees deck's text


def default_text() -> str:
    """Return the default data file's text, for tests that edit it."""
    return DEFAULT_DATA.read_text(encoding="utf-8")


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """Return the 1-based line on which ``fragment`` occurs (its ``occurrence``-th time) in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.index(fragment, start + 1)
    return text.count("\n", 0, start) + 1


def replace_once(text: str, old: str, new: str) -> str:
    """Return ``text`` with its single occurrence of ``old`` replaced, failing loudly if it is not unique."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


@pytest.fixture(autouse=True)
def english_reader(monkeypatch) -> None:
    """Every test reads the command's own messages in English, whatever the locale of the machine running it
    (LANGUAGE is the first place gettext looks); a test of another language says so with user_reads."""
    monkeypatch.setenv("LANGUAGE", "en")


@pytest.fixture
def user_reads(monkeypatch) -> Callable[[dict[str, str]], None]:
    """Return a function that sets the locale variables the command's own messages follow (every other one
    cleared): user_reads({"LANG": "cy_GB.UTF-8"})."""
    from generator.locale_files import USER_LANGUAGE_VARIABLES

    def reads(settings: dict[str, str]) -> None:
        for variable in USER_LANGUAGE_VARIABLES:
            monkeypatch.delenv(variable, raising=False)
        for variable, value in settings.items():
            monkeypatch.setenv(variable, value)

    return reads


@pytest.fixture(scope="session")
def tees_as_loaded() -> EventData:
    """The default event as loaded, for the tests that only read it."""
    return load_event(DEFAULT_DATA).event


@pytest.fixture
def tees(tees_as_loaded) -> EventData:
    """A copy of the default event a test may change."""
    return copy.deepcopy(tees_as_loaded)


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Return a function that runs the CLI in a folder and gives (status, stdout, stderr)."""

    def run(args, cwd: Path):
        monkeypatch.chdir(cwd)
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


@pytest.fixture(scope="session")
def built_default(tmp_path_factory):
    """Return the output folder of one build of the default data."""
    out = tmp_path_factory.mktemp("default-build")
    assert main(["build", str(DEFAULT_DATA), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def deck_path(built_default) -> Path:
    return next((built_default / "decks").glob("*.pptx"))


@pytest.fixture(scope="session")
def briefing_paths(built_default) -> list[Path]:
    return sorted((built_default / "briefings").glob("*.docx"))


def runs_outside_tool(available: bool, reason: str) -> Callable[[Test], Test]:
    """Return a decorator for a test that runs an outside tool (LibreOffice, Chromium, the OOXML validator): the
    test is skipped, saying ``reason``, when the tool is missing, and marked slow, so ``pytest -m "not slow"``
    leaves it out of the inner loop (CI runs it)."""
    skip = pytest.mark.skipif(not available, reason=reason)

    def mark(test: Test) -> Test:
        marked: Test = pytest.mark.slow(skip(test))
        return marked

    return mark


needs_libreoffice = runs_outside_tool(find_soffice() is not None and shutil.which("pdftotext") is not None,
                                      "LibreOffice (soffice) and poppler (pdftotext) are not installed")


def word_template_with_header_and_footer(path: Path, header: str, footer: str) -> Path:
    """Save a Word template with its own header and footer (as a comms team's often has) at ``path``."""
    from docx import Document

    template = Document()
    section = template.sections[0]
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = header
    section.footer.is_linked_to_previous = False
    section.footer.paragraphs[0].text = footer
    template.save(path)
    return path


def renamed_deck_template(path: Path) -> None:
    """Write the built-in deck template with every layout renamed ('Brand Section Header'), as a comms team might:
    the layouts' types stay as they were."""
    import io

    from pptx import Presentation

    from generator.templates.opening import read_package
    from generator.templates import BUILTIN_DECK_TEMPLATE

    prs = Presentation(io.BytesIO(read_package(BUILTIN_DECK_TEMPLATE, "pptx")))
    for layout in prs.slide_layouts:
        layout.name = f"Brand {layout.name}"
    prs.save(str(path))


RENAMED_BULLETS = "Bullets"
RENAMED_HEADING = "Section heading"
# How the renamed bullet style reaches its numbering (ECMA-376 part 1, 17.9): "numPr", its own w:numPr naming a
# bullet definition whose level also names the style (w:pStyle), as Word writes it; "numStyleLink", its w:numPr
# naming a definition that refers to a numbering style (w:numStyleLink) whose own definition holds the levels
# (w:styleLink); "pStyle only", no w:numPr, only a level naming the style.
STYLE_LINKS = ("numPr", "numStyleLink", "pStyle only")


def word_template_with_renamed_styles(path: Path, link: str) -> Path:
    """Save a Word template whose comms team renamed "List Bullet" to "Bullets" (its numbering linked as ``link``
    says) and "Heading 1" to "Section heading" (still at outline level 1), at ``path``."""
    import copy

    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    from generator.library_internals import numbering_xml

    template = Document()
    bullets = template.styles["List Bullet"]
    bullets.name = RENAMED_BULLETS
    template.styles["Heading 1"].name = RENAMED_HEADING
    numbering = numbering_xml(template)
    assert numbering is not None
    own_number = bullets.element.pPr.numPr.find(qn("w:numId")).get(qn("w:val"))
    level = _abstract_level(numbering, own_number)
    level.find(qn("w:lvlText")).set(qn("w:val"), "•")
    level.remove(level.find(qn("w:rPr")))  # Word's Symbol-font bullet; a plain one reads back from the PDF
    if link == "numStyleLink":
        template.styles.element.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="numbering" w:styleId="BrandBullets"><w:name w:val="Brand bullets"/>'
            f'<w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr></w:style>'))
        defining = copy.deepcopy(level.getparent())
        defining.set(qn("w:abstractNumId"), "20")
        defining.find(qn("w:lvl")).remove(defining.find(qn("w:lvl")).find(qn("w:pStyle")))
        defining.insert(0, parse_xml(f'<w:styleLink {nsdecls("w")} w:val="BrandBullets"/>'))
        referring = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="21">'
                              f'<w:numStyleLink w:val="BrandBullets"/></w:abstractNum>')
        first_instance = numbering.find(qn("w:num"))
        first_instance.addprevious(defining)
        first_instance.addprevious(referring)
        for number in ("20", "21"):
            numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{number}">'
                                       f'<w:abstractNumId w:val="{number}"/></w:num>'))
        level.remove(level.find(qn("w:pStyle")))
        bullets.element.pPr.numPr.find(qn("w:numId")).set(qn("w:val"), "21")
    elif link == "pStyle only":
        bullets.element.pPr.remove(bullets.element.pPr.numPr)
    template.save(path)
    return path


def _abstract_level(numbering, number: str):
    from docx.oxml.ns import qn

    instance = next(num for num in numbering.findall(qn("w:num")) if num.get(qn("w:numId")) == number)
    abstract_id = instance.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    return abstract.find(qn("w:lvl"))
