"""`build` with pictures: the files beside the deck, reproducible, skipped when unchanged, and off the default path."""

from __future__ import annotations

import copy
import dataclasses
import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from generator.build import BuildOptions, build_event, builders
from generator.pictures.builder import FORMATS, INDEX
from generator.pictures.plan import plan_pictures
from generator.plan import plan_event
from generator.loading import load_event
from tests.conftest import DEFAULT_DATA, ROOT, default_text
from tests.pictures.svg_text import alt_texts, svg_texts

EVENT_FOLDER = Path("pictures") / "learning-from-reviews-2022-05-12"
EXAMPLES = sorted((ROOT / "data").glob("*.yaml")) + sorted((ROOT / "tests" / "fixtures" / "gallery").glob("*.yaml"))


@pytest.fixture(scope="module")
def built_pictures(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pictures")
    build_event(DEFAULT_DATA, BuildOptions(out_dir=out, pictures=True))
    return out


def test_pictures_are_written_beside_the_deck_three_files_a_chart_and_an_index(built_pictures):
    folder = built_pictures / EVENT_FOLDER
    stems = [p.stem for p in plan_pictures(plan_event(load_event(DEFAULT_DATA).event))]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [INDEX] + [f"{stem}{form.suffix}" for stem in stems for form in FORMATS])
    assert (built_pictures / "decks" / "learning-from-reviews-2022-05-12.pptx").is_file()


def test_the_same_data_gives_the_same_pictures_byte_for_byte(built_pictures, tmp_path, monkeypatch):
    build_event(DEFAULT_DATA, BuildOptions(out_dir=tmp_path, pictures=True, render_in_parallel=False))
    first = {p.name: p.read_bytes() for p in (built_pictures / EVENT_FOLDER).iterdir()}
    again = {p.name: p.read_bytes() for p in (tmp_path / EVENT_FOLDER).iterdir()}
    assert again == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = tmp_path / "dated"
    build_event(DEFAULT_DATA, BuildOptions(out_dir=dated, pictures=True))
    svg = (dated / EVENT_FOLDER / "03-age.svg").read_bytes()
    assert b"<dc:date>2023-11-14T22:13:20</dc:date>" in svg
    assert svg != first["03-age.svg"]


def test_a_rebuild_leaves_unchanged_pictures_alone_and_draws_none_again(tmp_path, monkeypatch):
    build_event(DEFAULT_DATA, BuildOptions(out_dir=tmp_path, pictures=True))
    import generator.pictures.builder as builder

    def refuse(*args):
        raise AssertionError("a picture was drawn again")

    monkeypatch.setattr(builder, "_drawn", refuse)
    report = build_event(DEFAULT_DATA, BuildOptions(out_dir=tmp_path, pictures=True))
    assert report.written == []
    assert any(output.path.suffix == ".svg" for output in report.outputs)


def test_publish_pictures_in_the_data_builds_them_without_the_option(tmp_path):
    data = tmp_path / "event.yaml"
    data.write_text(default_text() + "\npublish: {pictures: true}\n", encoding="utf-8")
    build_event(data, BuildOptions(out_dir=tmp_path))
    assert (tmp_path / EVENT_FOLDER / "03-age.svg").is_file()
    assert (tmp_path / EVENT_FOLDER / INDEX).is_file()


def test_a_build_without_pictures_writes_none_and_never_imports_matplotlib(tmp_path):
    program = ("import sys; from pathlib import Path; from generator.build import BuildOptions, build_event; "
               f"build_event(Path({str(DEFAULT_DATA)!r}), BuildOptions(out_dir=Path({str(tmp_path)!r}), "
               "render_in_parallel=False)); print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert not (tmp_path / "pictures").exists()


@pytest.mark.slow
@pytest.mark.parametrize("threshold", [None, 5], ids=["whole", "hidden"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_chart_of_every_example_has_pictures_showing_its_labels_and_values_and_no_hidden_one(
        path, threshold, tmp_path):
    """Drawn by the pictures builder alone (the build's other outputs are tested elsewhere), into one folder."""
    loaded = load_event(path, suppress_below=threshold)
    [pictures_builder] = [b for b in builders(loaded, BuildOptions(pictures=True)) if b.name == "pictures"]
    plan = plan_event(loaded.event)
    targets = pictures_builder.targets(plan, tmp_path)
    for target in targets:
        target.path.parent.mkdir(parents=True, exist_ok=True)
        target.path.write_bytes(target.render().data)
    # The charts as published: the briefings', and the deck's planned with its hiding (publish.deck) on.
    hidden_event = copy.copy(loaded.event)
    hidden_event.publish = dataclasses.replace(loaded.event.publish, deck=True)
    hidden_deck = plan_event(hidden_event)
    published_charts = {(chart.categories, chart.values) for slide in hidden_deck.slides for chart in slide.charts}
    published_charts |= {(section.chart.categories, section.chart.values) for briefing in plan.briefings
                         for section in briefing.sections if section.chart is not None}
    [folder] = (tmp_path / "pictures").iterdir()
    pictures = plan_pictures(plan)
    assert any(picture.drawn for picture in pictures) or threshold  # hidden, a tiny board may have nothing left
    for picture in pictures:
        if not picture.drawn:
            assert not list(folder.glob(f"{picture.stem}*")) and "not shown" in picture.chart.note
            continue
        chart = picture.chart
        data = (folder / f"{picture.stem}.svg").read_bytes()
        texts = svg_texts(data)
        assert texts.pop("title") == chart.title
        assert texts.pop("note", "") == chart.note
        assert texts == {**{f"category-{n}": label for n, label in enumerate(chart.categories)},
                         **{f"value-{n}": str(value) for n, value in enumerate(chart.values)}}, picture.stem
        assert alt_texts(data) == (chart.alt_text, chart.alt_text)
        assert (chart.categories, chart.values) in published_charts, picture.stem
        for form in FORMATS[:2]:
            with Image.open(io.BytesIO((folder / f"{picture.stem}{form.suffix}").read_bytes())) as image:
                assert image.info["Description"] == chart.alt_text


def test_a_character_no_font_can_draw_is_a_build_warning_naming_the_picture():
    from generator.charts import ChartSpec
    from generator.look import Look
    from generator.model import Branding
    from generator.pictures.builder import PRINT, PicturesBuilder
    from generator.pictures.plan import Picture

    palette = {"dk1": "000000", "dk2": "1B365D", "hlink": "0B5CAD", "accent1": "1D5A8E"}
    chart = ChartSpec("bar", "Themes", ("Wellbeing 中文", "Housing"), (3, 4), "Bar chart of themes: A 3, B 4.")
    look = Look(Branding(), colours=palette, fonts=("Calibri", "Calibri"))
    rendered = PicturesBuilder(look).render(Picture("cspr-themes", chart, "Main Themes"),
                                                                        PRINT, "2022-05-12T09:00:00", 0)
    assert rendered.warnings and all(w.startswith("the picture cspr-themes.png: Glyph ") for w in rendered.warnings)


def test_every_picture_file_and_its_page_record_the_threshold_and_check_files_reports_it(run_cli, tmp_path):
    from generator.output.hiding_record import recorded_at

    source = ROOT / "tests" / "fixtures" / "hiding" / "small-numbers.yaml"
    (tmp_path / "small.yaml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    status, _, err = run_cli(["build", "small.yaml", "--out", "out", "--pictures", "--suppress-below", "5"], tmp_path)
    assert status == 0, err
    files = sorted((tmp_path / "out" / "pictures").rglob("*.*"))
    suffixes = {path.suffix for path in files}
    assert suffixes == {".png", ".svg", ".html"}
    assert {path.name: recorded_at(path) for path in files} == {path.name: 5 for path in files}
    shown = [next(path for path in files if path.suffix == suffix) for suffix in (".png", ".svg")]
    status, report, _ = run_cli(["check", "--files", *shown], tmp_path)
    for path in shown:
        assert f"{path.name}: counts below 5 hidden" in report

    status, _, err = run_cli(["build", "small.yaml", "--out", "whole", "--pictures"], tmp_path)
    assert status == 0, err
    assert {recorded_at(path) for path in (tmp_path / "whole" / "pictures").rglob("*.*")} == {0}
