"""Loading a data file and its includes: bounded in depth, files and bytes; each file read once; warnings returned."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.data_source import loader
from generator.loading import load_event
from generator.data_source.loader import MAX_FILES_READ, MAX_INCLUDE_DEPTH, MAX_TOTAL_BYTES
from generator.problems import WARNING, InputError
from tests.conftest import default_text, line_of, replace_once

LEVELS = "abcdefgh"


def _problems(path: str) -> list[str]:
    with pytest.raises(InputError) as raised:
        load_event(Path(path))
    return [str(problem) for problem in raised.value.problems]


def _chain(folder: Path, times: int, length: int) -> None:
    """Write a.yaml, b.yaml, ...: each includes the next ``times`` times over."""
    for level, name in enumerate(LEVELS[:length]):
        following = LEVELS[level + 1] if level + 1 < length else None
        include = f"include: [{', '.join([f'{following}.yaml'] * times)}]\n" if following else ""
        (folder / f"{name}.yaml").write_text(include + f"key_{name}: 1\n")


@pytest.mark.parametrize("times", [10, 20])
def test_an_include_fan_out_stops_at_once_with_every_cause_named(folder, times):
    _chain(folder, times, length=8)
    chain = " -> ".join(f"{name}.yaml" for name in LEVELS[:MAX_INCLUDE_DEPTH + 2])
    assert _problems("a.yaml") == [
        f"f.yaml, line 1, include: includes are nested more than {MAX_INCLUDE_DEPTH} deep: {chain}",
        *(f"{name}.yaml, line 1, include: '{following}.yaml' is listed {times} times; include each file once"
          for name, following in zip(LEVELS[:6], LEVELS[1:7]))]


def test_includes_nested_as_deep_as_allowed_are_read(folder):
    _chain(folder, times=1, length=MAX_INCLUDE_DEPTH + 1)
    (folder / "a.yaml").write_text("include: b.yaml\n" + default_text())
    problems = _problems("a.yaml")
    # Read to the end of the chain: what remains wrong is the keys the event does not know, not the depth.
    assert problems[0].startswith("b.yaml, line 2, key_b: unknown key 'key_b'")
    assert not any("nested" in problem for problem in problems)


def test_includes_of_many_files_stop_at_the_limit(folder):
    names = [f"part{i}.yaml" for i in range(MAX_FILES_READ + 5)]
    for name in names:
        (folder / name).write_text(f"{name.removesuffix('.yaml')}: 1\n")
    (folder / "event.yaml").write_text(f"include: [{', '.join(names)}]\n")
    assert _problems("event.yaml") == [
        f"event.yaml, line 1, include: the data and its includes may be at most {MAX_FILES_READ} files; "
        f"'part{MAX_FILES_READ - 1}.yaml' would be file {MAX_FILES_READ + 1}"]


def test_includes_past_the_total_size_stop_before_reading_it(folder, monkeypatch):
    monkeypatch.setattr(loader, "MAX_TOTAL_BYTES", 100)
    (folder / "big.yaml").write_text("areas:\n" + "".join(f"  A{i}: Area {i}\n" for i in range(20)))
    (folder / "event.yaml").write_text("include: big.yaml\n")
    size = (folder / "event.yaml").stat().st_size + (folder / "big.yaml").stat().st_size
    assert _problems("event.yaml") == [
        "event.yaml, line 1, include: the data and its includes may hold at most 100 bytes together; with "
        f"'big.yaml' they would hold {size:,}"]
    assert MAX_TOTAL_BYTES > 100  # the module's own limit is untouched by the test


def test_an_include_loop_names_the_chain(folder):
    (folder / "a.yaml").write_text("include: b.yaml\n")
    (folder / "b.yaml").write_text("include: c.yaml\n")
    (folder / "c.yaml").write_text("include: a.yaml\n")
    assert _problems("a.yaml") == [
        "c.yaml, line 1, include: 'a.yaml' includes itself: a.yaml -> b.yaml -> c.yaml -> a.yaml"]


def test_a_file_included_from_two_places_is_read_once(folder):
    (folder / "a.yaml").write_text("include: [b.yaml, c.yaml]\n")
    (folder / "b.yaml").write_text("include: shared.yaml\n")
    (folder / "c.yaml").write_text("\ninclude: shared.yaml\n")
    (folder / "shared.yaml").write_text("areas: {}\n")
    assert _problems("a.yaml") == [
        "c.yaml, line 2, include: 'shared.yaml' is already included (by b.yaml, line 1); include each file once"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no FIFOs")
def test_an_included_fifo_is_refused_without_waiting(folder):
    os.mkfifo(folder / "shared.yaml")
    (folder / "event.yaml").write_text("include: shared.yaml\n")
    assert _problems("event.yaml") == [
        "event.yaml, line 1, include: 'shared.yaml': this is a pipe (FIFO), not a file; it must be an ordinary file"]


def test_an_included_folder_is_refused(folder):
    (folder / "parts").mkdir()
    (folder / "event.yaml").write_text("include: parts\n")
    assert _problems("event.yaml") == [
        "event.yaml, line 1, include: 'parts': this is a folder, not a file; it must be an ordinary file"]


def test_items_that_ran_together_are_warnings_naming_the_line(loaded):
    text = replace_once(default_text(), "      - Parental Mental Health\n",
                        "      - Parental Mental Health\n        - Child Criminal Exploitation\n")
    warnings = [str(w) for w in loaded(text).warnings if w.severity == WARNING]
    assert warnings == [
        f"event.yaml, line {line_of(text, '- Parental Mental Health')}, review_types.children.themes[9]: this item "
        'runs on over 2 lines ("Parental Mental Health - Child Criminal Exploitation"); if these are two items, '
        "start each with '- ' at the same indent; if it is one item, put it in quotes"]


def test_an_item_holding_a_dash_between_spaces_warns(loaded):
    text = replace_once(default_text(), "      - Parental Mental Health\n",
                        "      - Parental Mental Health - Child Criminal Exploitation\n")
    warnings = [str(w) for w in loaded(text).warnings if w.severity == WARNING]
    assert warnings == [
        f"event.yaml, line {line_of(text, '- Parental Mental Health')}, review_types.children.themes[9]: this item "
        "holds ' - ' (\"Parental Mental Health - Child Criminal Exploitation\"); if these are two items, start each "
        "on its own line with '- '; if it is one item, put it in quotes"]


def test_an_item_in_quotes_is_taken_as_written(loaded):
    text = replace_once(default_text(), "      - Parental Mental Health\n",
                        '      - "Parental Mental Health - Child Criminal Exploitation"\n')
    assert loaded(text).warnings == []


def test_validate_warns_of_a_merged_item_and_fails_under_strict(folder, run_cli):
    text = replace_once(default_text(), "      - Parental Mental Health\n",
                        "      - Parental Mental Health\n        - Child Criminal Exploitation\n")
    (folder / "event.yaml").write_text(text)
    status, out, err = run_cli(["validate", "event.yaml", "--strict"], folder)
    assert status == 2
    assert err.startswith(f"warning: event.yaml, line {line_of(text, '- Parental Mental Health')}, "
                          "review_types.children.themes[9]: this item runs on over 2 lines")


def test_an_include_through_a_symbolic_link_loop_is_refused(folder):
    (folder / "x.yaml").symlink_to("y.yaml")
    (folder / "y.yaml").symlink_to("x.yaml")
    (folder / "event.yaml").write_text("include: x.yaml\n")
    assert _problems("event.yaml") == [
        "event.yaml, line 1, include: 'x.yaml' cannot be followed: it is a link that leads back to itself"]


def test_an_include_that_is_not_a_list_of_names_is_reported_on_its_line(folder):
    # A mapping among the names is not a file name; the file names before it are still read.
    (folder / "shared.yaml").write_text("areas: {}\n")
    (folder / "event.yaml").write_text("event: {}\ninclude: [shared.yaml, {a: 1}]\n")
    assert _problems("event.yaml")[0] == "event.yaml, line 2, include: expected a file name or a list of file names"


def test_a_blank_include_name_is_reported_not_read(folder):
    (folder / "event.yaml").write_text("include: ['  ']\n")
    assert _problems("event.yaml") == ["event.yaml, line 1, include: expected a file name or a list of file names"]


def test_a_name_listed_twice_is_reported_once_with_its_count(folder):
    (folder / "shared.yaml").write_text("areas: {}\n")
    (folder / "event.yaml").write_text("include: [shared.yaml, shared.yaml]\n")
    assert _problems("event.yaml")[0] == ("event.yaml, line 1, include: 'shared.yaml' is listed 2 times; "
                                          "include each file once")


def test_an_included_list_is_refused_as_not_holding_keys(folder):
    (folder / "list.yaml").write_text("- a\n- b\n")
    (folder / "event.yaml").write_text("include: list.yaml\n")
    assert _problems("event.yaml") == [
        "event.yaml, line 1, include: 'list.yaml' must hold keys (event:, areas:, ...), not a list or a single value"]


def test_a_yaml_mistake_in_an_included_file_names_that_file(folder):
    (folder / "shared.yaml").write_text("areas: [\n")
    (folder / "event.yaml").write_text("include: shared.yaml\n")
    assert _problems("event.yaml")[0].startswith("shared.yaml, line ")


def test_undecodable_bytes_in_an_included_file_name_that_file(folder):
    (folder / "shared.yaml").write_bytes(b"areas: \xff\n")
    (folder / "event.yaml").write_text("include: shared.yaml\n")
    assert _problems("event.yaml")[0].startswith("shared.yaml")


def test_the_total_size_counts_every_file_read_so_far(folder, monkeypatch):
    # The third file is refused for the bytes of all three, not only the last two.
    (folder / "a.yaml").write_text("a_key: 1\n")
    (folder / "b.yaml").write_text("b_key: 1\n")
    (folder / "event.yaml").write_text("include: [a.yaml, b.yaml]\n")
    size = sum((folder / name).stat().st_size for name in ("event.yaml", "a.yaml", "b.yaml"))
    monkeypatch.setattr(loader, "MAX_TOTAL_BYTES", size - 1)
    assert _problems("event.yaml") == [
        f"event.yaml, line 1, include: the data and its includes may hold at most {size - 1:,} bytes together; "
        f"with 'b.yaml' they would hold {size:,}"]


def test_includes_of_exactly_the_total_size_are_read(folder, monkeypatch):
    (folder / "a.yaml").write_text("a_key: 1\n")
    (folder / "event.yaml").write_text("include: a.yaml\n")
    monkeypatch.setattr(loader, "MAX_TOTAL_BYTES", sum((folder / n).stat().st_size for n in ("event.yaml", "a.yaml")))
    # Not refused for size: what is wrong is the key the event does not know.
    assert _problems("event.yaml")[0].startswith("a.yaml, line 1, a_key: unknown key 'a_key'")


def test_compose_data_merges_the_includes_and_names_each_nodes_file(folder):
    (folder / "shared.yaml").write_text("areas: {A: Area}\n")
    (folder / "event.yaml").write_text("include: shared.yaml\nevent: {title: T}\n")
    root, node_files = loader.compose_data(Path("event.yaml"))
    assert [(key.value, node_files[id(key)]) for key, _ in root.value] == [("event", "event.yaml"),
                                                                         ("areas", "shared.yaml")]


def test_compose_data_refuses_an_include_outside_the_folder_unless_allowed(folder):
    (folder / "inner").mkdir()
    (folder / "outside.yaml").write_text("areas: {A: Area}\n")
    (folder / "inner" / "event.yaml").write_text("include: ../outside.yaml\n")
    with pytest.raises(InputError) as raised:
        loader.compose_data(Path("inner/event.yaml"))
    assert [str(p) for p in raised.value.problems] == [
        "inner/event.yaml, line 1, include: '../outside.yaml' is outside the data file's folder; move it there, or "
        "build with --allow-outside"]
    root, _ = loader.compose_data(Path("inner/event.yaml"), allow_outside=True)
    assert [key.value for key, _ in root.value] == ["areas"]


BILINGUAL = Path(__file__).parents[1] / "fixtures" / "gallery" / "bilingual-susr.yaml"


def _bilingual(folder: Path) -> Path:
    """Write the bilingual gallery data with the aims' notes in English only and one register theme in Welsh only."""
    text = replace_once(BILINGUAL.read_text(encoding="utf-8"), "notes: {cy: Tri nod syml., en: Three simple aims.}",
                        "notes: {en: Three simple aims.}")
    text = replace_once(text, "Themes: {cy: Rhannu gwybodaeth, en: Sharing information}}", "Themes: Rhannu gwybodaeth}")
    (folder / "event.yaml").write_text(text, encoding="utf-8")
    return Path("event.yaml")


def test_bilingual_data_is_read_in_its_first_language_by_default_with_a_missing_translation_warned_of(folder):
    read = loader.read_event(_bilingual(folder))
    assert (read.language, read.event.event.language, read.translator, read.event.event.title) == (
        "cy", "cy-GB", Path("event.cy.po"), "Dysgu o Adolygiadau")
    assert [str(w) for w in read.warnings] == [
        f"event.yaml, line {line_of(read.text, 'notes: {en: Three')}, aims.notes: no cy text; the en text is used "
        "(give it as {cy: ..., en: ...})", "ADUS: 4 rows; 4 in the period"]
    assert read.event.register_reviews[1].themes == ("Rhannu gwybodaeth",)


def test_bilingual_data_read_in_its_second_language_maps_the_registers_first_language_names(folder):
    # The register's Welsh-only theme is the English version's 'Sharing information', by the Welsh names.
    read = loader.read_event(_bilingual(folder), language="en")
    assert (read.language, read.event.event.language, read.translator, read.event.event.title) == (
        "en", "en-GB", Path("event.en.po"), "Learning from Reviews")
    assert [str(w) for w in read.warnings] == ["SUSR: 4 rows; 4 in the period"]
    assert read.event.register_reviews[1].themes == ("Sharing information",)
    assert read.event.register_reviews[1].criteria == ("Child practice",)


def test_bilingual_data_with_its_types_and_register_in_an_include_outside_the_folder_is_read_if_allowed(folder):
    # Both readings (the version's, and the first language's for the types' names) may go outside the folder.
    text = _bilingual(folder).read_text(encoding="utf-8")
    at = text.index("review_types:")
    (folder / "inner").mkdir()
    (folder / "register.yaml").write_text(text[at:text.index("cross_over_themes:")], encoding="utf-8")
    (folder / "inner" / "event.yaml").write_text(
        "include: ../register.yaml\n" + text[:at] + text[text.index("cross_over_themes:"):], encoding="utf-8")
    read = loader.read_event(Path("inner/event.yaml"), allow_outside=True, language="en")
    assert (read.allow_outside, read.event.register_reviews[1].themes) == (True, ("Sharing information",))
    assert _problems("inner/event.yaml") == [
        "inner/event.yaml, line 1, include: '../register.yaml' is outside the data file's folder; move it there, or "
        "build with --allow-outside"]


def test_errors_of_the_registers_settings_are_all_raised_in_file_order_without_the_warnings(folder):
    # Found as publish, period, categories; shown by line (the command line's threshold, with no line, first).
    text = "categories: {ethnicity: bogus}\n" + _bilingual(folder).read_text(encoding="utf-8")
    text = replace_once(text, "period: {from: 2024-10-01, to: 2025-03-31}",
                        "period: {from: 2025-03-31, to: 2024-10-01}")
    (folder / "event.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        loader.read_event(Path("event.yaml"), suppress_below=1)
    assert [str(p) for p in raised.value.problems] == [
        "event.yaml, publish.suppress_below: expected a number from 3 up (with 1, a hidden count could only be 1), "
        "got 1",
        "event.yaml, line 1, categories.ethnicity: expected high-level or detailed, got 'bogus'",
        f"event.yaml, line {line_of(text, 'period:')}, period.to: the period ends (2024-10-01) before it starts "
        "(2025-03-31)"]


def test_the_command_lines_threshold_overrides_the_datas(folder):
    assert loader.read_event(_bilingual(folder), suppress_below=7).event.publish.suppress_below == 7


def test_a_language_the_generator_does_not_write_is_an_error_at_its_line(folder):
    text = replace_once(_bilingual(folder).read_text(encoding="utf-8"), "languages: [cy, en]", "languages: [cy, fr]")
    (folder / "event.yaml").write_text(text, encoding="utf-8")
    assert _problems("event.yaml") == [
        f"event.yaml, line {line_of(text, 'languages:')}, event.languages: expected a language the generator writes "
        "(en, cy), got 'fr'"]


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image
    out = BytesIO()
    Image.new("RGB", (4, 2), "red").save(out, format="PNG")
    return out.getvalue()


def test_theme_files_are_found_beside_the_include_naming_them_and_the_logo_read_once(folder):
    # The theme is in parts/theme.yaml, so its files are found from parts/; the logo lies outside the data's folder.
    (folder / "inner" / "parts").mkdir(parents=True)
    (folder / "logo.png").write_bytes(_png())
    (folder / "inner" / "parts" / "deck.pptx").write_bytes(b"PK\x03\x04 rest of a zip")
    (folder / "inner" / "parts" / "notes.docx").write_bytes(b"not a zip")
    (folder / "inner" / "parts" / "theme.yaml").write_text(
        "theme:\n  logo: ../../logo.png\n  pptx_template: deck.pptx\n  docx_template: notes.docx\n")
    (folder / "inner" / "event.yaml").write_text("include: parts/theme.yaml\n" + default_text())
    found = loader.theme_files(loader.read_event(Path("inner/event.yaml"), allow_outside=True))
    assert found.paths == {"logo": folder / "logo.png", "pptx_template": folder / "inner" / "parts" / "deck.pptx",
                           "docx_template": None}
    assert found.logo_image == _png()
    assert [str(p) for p in found.problems] == [
        "inner/parts/theme.yaml, line 4, theme.docx_template: 'notes.docx' is not a PowerPoint or Word file"]


def test_a_theme_without_files_has_no_logo_and_no_problems(folder):
    (folder / "event.yaml").write_text(default_text())
    found = loader.theme_files(loader.read_event(Path("event.yaml")))
    assert (found.paths, found.logo_image, found.problems) == ({}, b"", [])


def test_a_register_outside_the_data_files_folder_is_read_when_allowed(tmp_path):
    # read_event passes allow_outside on to the register's reading, not only to the includes'.
    from tests.data_source.test_register_data import register_folder, with_register
    register_folder(tmp_path / "register")
    data = with_register(tmp_path, "register: ../register\n", name="data/event.yaml")
    event = loader.read_event(data, allow_outside=True).event
    assert [(r.reference, r.type_key, r.area) for r in event.register_every_review] == [("S-1", "sar", "NBC")]


def test_an_included_file_past_the_one_file_limit_is_refused_before_it_is_read(folder):
    from generator.data_source.yaml_reader import MAX_FILE_BYTES
    (folder / "big.yaml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    (folder / "event.yaml").write_text("include: big.yaml\n")
    assert _problems("event.yaml") == [
        f"event.yaml, line 1, include: 'big.yaml': the file is {MAX_FILE_BYTES + 1:,} bytes; an included file may be "
        f"at most {MAX_FILE_BYTES:,} bytes"]


def test_keys_after_an_alias_in_an_included_file_are_still_named_in_that_file(folder):
    # The walk that labels each node with its file skips a node seen twice and goes on to the rest.
    (folder / "shared.yaml").write_text("x_anchor: &a 1\nx_alias: *a\n")
    (folder / "event.yaml").write_text("include: shared.yaml\n" + default_text())
    assert [problem.split(";")[0] for problem in _problems("event.yaml")] == [
        "shared.yaml, line 1, x_anchor: unknown key 'x_anchor'", "shared.yaml, line 2, x_alias: unknown key 'x_alias'"]


def test_data_of_one_language_is_read_in_the_language_it_names(folder):
    # With no event.languages, the version's language is event.language's (here Welsh), not English.
    (folder / "event.yaml").write_text(replace_once(default_text(), "  language: en-GB\n", "  language: cy\n"))
    read = loader.read_event(Path("event.yaml"))
    assert (read.language, read.translator) == ("cy", Path("event.cy.po"))
