"""`templates export` writes the same bytes on every run."""

from __future__ import annotations

import zipfile

from generator.restyling.export import BRIEFING_NAME, DECK_NAME, export_templates


def test_exported_templates_are_byte_identical_from_run_to_run(tmp_path):
    first = {output.path.name: output.path.read_bytes() for output in export_templates(tmp_path / "one")}
    second = {output.path.name: output.path.read_bytes() for output in export_templates(tmp_path / "two")}
    assert sorted(first) == sorted([BRIEFING_NAME, DECK_NAME, "theme-example.yaml"])
    assert first == second
    for name in (DECK_NAME, BRIEFING_NAME):
        with zipfile.ZipFile(tmp_path / "one" / name) as package:
            assert {entry.date_time for entry in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            assert package.namelist()[0] == "[Content_Types].xml"


def test_the_exported_templates_hold_nothing_the_build_would_drop(tmp_path):
    from generator.restyling.inspect import inspect_template

    export_templates(tmp_path)
    for name in (DECK_NAME, BRIEFING_NAME):
        report = inspect_template(tmp_path / name)
        assert (report.unusable, report.dropped) == ([], []), name
