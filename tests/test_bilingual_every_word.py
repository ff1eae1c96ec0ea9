"""Every word of a Welsh version is the catalogue's or the data's: the Welsh gallery partnership is built with a
translator's catalogue that writes each message as its English source inside marks (pseudo-translation), and once
the marked words are taken out, every word left in any Welsh output (deck text, notes, alt text, chart caches,
document properties, Word, web page, pictures, and with LibreOffice the PDFs' text and tags) must be a word of the
data's Welsh text or a Welsh date's. A word the generator writes without the catalogue is found whatever it is,
unlike a list of known English phrases (tests/test_bilingual.py), which cannot hold a word no message has."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from html import unescape
from pathlib import Path

import pytest
from babel.dates import get_day_names, get_month_names
from babel.messages.pofile import read_po, write_po
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator import i18n
from generator.build import BuildOptions, build_event
from generator.data_source.yaml_reader import compose
from generator.output.hiding_record import HIDDEN_BELOW, NOT_HIDDEN
from tests.conftest import needs_libreoffice

DATA = Path(__file__).resolve().parent / "fixtures" / "gallery" / "bilingual-susr.yaml"
OPEN, CLOSE = "\u27e6", "\u27e7"
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}\n]*{CLOSE}")
# A message's marks on another piece of text: one set over two runs, or cut short (a sheet's name at 31 characters).
MARKED_ACROSS = re.compile(f"{OPEN}[^\n]*$|^[^\n]*{CLOSE}", re.MULTILINE)
WORD = re.compile(r"[^\W\d_]+")
NAMED_BY_KEYS = ("areas", "groupings", "review_types")  # data keys whose own keys are names
LANGUAGE_REGION = "GB"  # of the document language tag, cy-GB

OFFICE_PARTS = re.compile(r"^(ppt/(slides|notesSlides|charts)/[^/]+\.xml|word/(document|header\d*|footer\d*)\.xml"
                          r"|word/charts/[^/]+\.xml|xl/sharedStrings\.xml|docProps/(core|app)\.xml)$")
EMBEDDED = re.compile(r"^(ppt|word)/embeddings/[^/]+\.xlsx$")
OFFICE_TEXT = re.compile(r"<(?:a:t|w:t|c:v|t|dc:\w+|cp:\w+)(?: [^>]*)?>([^<]*)<|\b(?:descr|title)=\"([^\"]*)\"")
PAGE_TEXT = re.compile(r">([^<>]+)<|\b(?:alt|title|aria-label)=\"([^\"]*)\"")
UNREAD = re.compile(r"<(style|script)\b[^>]*>.*?</\1>|<(?:dc:format|dc:date)>[^<]*<|<\?xml[^>]*>", re.DOTALL | re.I)
FILE_LINK = re.compile(r"<a href=\"([^\"]+)\">\1</a>")  # a picture's file name, linked as itself


def a_chart_said_as_a_sentence(text: str) -> str:
    """Return the partnership's data with its Child Practice Reviews' gender all one category, so that the deck
    says that chart as a sentence."""
    return text.replace("      age:\n        Under 1: 2", "      gender: {Female: 5}\n      age:\n        Under 1: 2")


def write_pseudo_translation(path: Path) -> None:
    """Write a translator's Welsh catalogue that writes every message as its English source, marked."""
    with open(i18n.shipped_catalogue_path("cy"), "rb") as shipped:
        catalogue = read_po(shipped, locale="cy")
    for message in catalogue:
        if isinstance(message.id, tuple):
            one, many = (f"{OPEN}{form}{CLOSE}" for form in message.id)
            message.string = (one, *[many] * (catalogue.num_plurals - 1))
        elif message.id:
            message.string = f"{OPEN}{message.id}{CLOSE}"
    with open(path, "wb") as translator:
        write_po(translator, catalogue)


def welsh_data_words(node: Node, names_keys: bool = False) -> set[str]:
    """Return the words of the data's text a Welsh version may print: each {cy, en} text's Welsh, and the names
    that are keys (an area's, a counted category's), not the schema's own keys."""
    words: set[str] = set()
    if isinstance(node, MappingNode):
        texts = {key.value: value for key, value in node.value}
        if set(texts) == {"cy", "en"}:
            return welsh_data_words(texts["cy"])
        for key, value in node.value:
            if names_keys or (isinstance(value, ScalarNode) and value.value.isdigit()):
                words |= welsh_data_words(key)
            words |= welsh_data_words(value, names_keys=key.value in NAMED_BY_KEYS)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            words |= welsh_data_words(item)
    else:
        words |= {word.casefold() for word in WORD.findall(str(node.value))}
    return words


def allowed_words(data: Path) -> set[str]:
    """Return the words a Welsh version may print besides the catalogue's: the data's, Welsh day and month names
    (CLDR's), and the hiding record's, which is written in the shipped catalogue's words whatever a translator's says
    (a later build reads it back)."""
    with i18n.speaking("cy"):
        recorded = f"{i18n.shipped_words(HIDDEN_BELOW)} {i18n.shipped_words(NOT_HIDDEN)}"
    dates = [*get_day_names("wide", locale="cy").values(), *get_month_names("wide", locale="cy").values()]
    words = welsh_data_words(compose(data.read_text(encoding="utf-8"), data.name))
    return words | {word.casefold() for word in WORD.findall(" ".join([recorded, *dates, LANGUAGE_REGION]))}


def pdf_pieces(path: Path) -> list[str]:
    """Return a PDF's text, its document information and its tags' alternative and actual texts."""
    import pikepdf

    pieces = [subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout]
    with pikepdf.open(path) as pdf:
        pieces += [str(value) for key, value in pdf.docinfo.items()
                   if key not in ("/CreationDate", "/ModDate", "/Producer", "/Creator")]
        seen: set[tuple[int, int]] = set()
        pending = [pdf.Root.get("/StructTreeRoot")]
        while pending:
            node = pending.pop()
            if isinstance(node, pikepdf.Array):
                pending.extend(node)
            elif isinstance(node, pikepdf.Dictionary) and node.objgen not in seen:
                if node.objgen != (0, 0):
                    seen.add(node.objgen)
                pieces += [str(node[key]) for key in ("/Alt", "/ActualText", "/T", "/E") if key in node]
                pending.append(node.get("/K"))
    return pieces


def pieces(path: Path) -> list[str]:
    """Return the texts a reader meets in an output, one piece each."""
    if path.suffix == ".pdf":
        return pdf_pieces(path)
    if path.suffix in (".html", ".svg"):
        page = FILE_LINK.sub("", UNREAD.sub("", path.read_text(encoding="utf-8")))
        return [unescape(a or b) for a, b in PAGE_TEXT.findall(page)]
    return package_pieces(zipfile.ZipFile(path))


def package_pieces(package: zipfile.ZipFile) -> list[str]:
    """Return the texts of an Office package's parts a reader meets, and of the workbooks its charts embed."""
    found = []
    with package:
        for name in package.namelist():
            if OFFICE_PARTS.match(name):
                found += [unescape(a or b) for a, b in OFFICE_TEXT.findall(package.read(name).decode("utf-8"))]
            elif EMBEDDED.match(name):
                found += package_pieces(zipfile.ZipFile(io.BytesIO(package.read(name))))
    return found


def unmarked_words(path: Path) -> set[str]:
    """Return the words of an output that no catalogue message wrote."""
    text = "\n".join(pieces(path))
    while (unmarked := MARKED.sub(" ", text)) != text:  # a message may hold another
        text = unmarked
    return set(WORD.findall(MARKED_ACROSS.sub(" ", text)))


def build_pseudo_translated(folder: Path, text: str, pdf: bool = False,
                            suppress_below: int | None = None) -> tuple[Path, list[Path]]:
    """Build ``text`` as data with the pseudo-translating catalogue beside it; return the data and the Welsh files."""
    folder.mkdir(exist_ok=True)
    data = folder / "event.yaml"
    data.write_text(a_chart_said_as_a_sentence(text), encoding="utf-8")
    write_pseudo_translation(i18n.translator_catalogue_path(data, "cy"))
    build_event(data, BuildOptions(out_dir=folder / "out", render_in_parallel=False, pictures=True, pdf=pdf,
                                   suppress_below=suppress_below))
    welsh = sorted(path for path in (folder / "out").rglob("*") if "-cy" in str(path.relative_to(folder))
                   and path.suffix in (".pptx", ".docx", ".xlsx", ".html", ".svg", ".pdf"))
    return data, welsh


def with_timeline(folder: Path) -> str:
    """Return the partnership's data with the story over time (its slides, sentences and figures workbook)."""
    from tests.test_bilingual_timeline import timeline_data

    return timeline_data(folder).read_text(encoding="utf-8")


def assert_every_word_is_the_catalogues_or_the_datas(data: Path, welsh: list[Path]) -> None:
    allowed = allowed_words(data)
    stray = {path.name: sorted(word for word in unmarked_words(path) if word.casefold() not in allowed)
             for path in welsh}
    assert {name: words for name, words in stray.items() if words} == {}


def slide_text(deck: Path) -> str:
    with zipfile.ZipFile(deck) as package:
        return "".join(package.read(name).decode("utf-8") for name in package.namelist()
                       if re.match(r"ppt/slides/slide\d+\.xml$", name))


def test_every_word_of_a_welsh_version_is_the_catalogues_or_the_datas(tmp_path: Path) -> None:
    data, welsh = build_pseudo_translated(tmp_path, DATA.read_text(encoding="utf-8"))
    kinds = {path.suffix for path in welsh}
    assert kinds == {".pptx", ".docx", ".html", ".svg"} and len(welsh) > 10
    assert all(OPEN in "".join(pieces(path)) for path in welsh)  # the pseudo-translation was used
    deck = next(path for path in welsh if path.suffix == ".pptx")
    assert f"5 {OPEN}Female{CLOSE}" in slide_text(deck)  # the gender chart is said as a sentence on a slide
    assert_every_word_is_the_catalogues_or_the_datas(data, welsh)


def test_every_word_of_a_welsh_version_over_time_is_the_catalogues_or_the_datas(tmp_path: Path) -> None:
    data, welsh = build_pseudo_translated(tmp_path / "out", with_timeline(tmp_path))
    assert ".xlsx" in {path.suffix for path in welsh}  # the figures workbook is read too
    assert_every_word_is_the_catalogues_or_the_datas(data, welsh)


def test_every_word_of_a_welsh_version_with_numbers_hidden_is_the_catalogues_or_the_datas(tmp_path: Path) -> None:
    from tests.test_bilingual import with_people

    data, welsh = build_pseudo_translated(tmp_path, with_people(DATA.read_text(encoding="utf-8")), suppress_below=5)
    assert any(f"{OPEN}fewer than 5{CLOSE}" in "".join(pieces(path)) for path in welsh)  # hiding was said
    assert_every_word_is_the_catalogues_or_the_datas(data, welsh)


@pytest.mark.slow
@needs_libreoffice
def test_every_word_of_a_welsh_pdf_is_the_catalogues_or_the_datas(tmp_path: Path) -> None:
    data, welsh = build_pseudo_translated(tmp_path, DATA.read_text(encoding="utf-8"), pdf=True)
    pdfs = [path for path in welsh if path.suffix == ".pdf"]
    assert len(pdfs) == 4
    assert_every_word_is_the_catalogues_or_the_datas(data, pdfs)
