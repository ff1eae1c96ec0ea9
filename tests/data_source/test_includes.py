"""`include:` shares parts of the data (areas, legal framework) between events' files."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.data_source.loader import read_event

from tests.conftest import DEFAULT_DATA, default_text, line_of

SHARED_KEYS = ("areas", "groupings", "legal_framework_title")


def _split(folder, shared_name="shared.yaml"):
    """Write the default data as an event file that includes the shared keys from another file."""
    data = yaml.safe_load(default_text())
    shared = {key: data.pop(key) for key in SHARED_KEYS}
    (folder / shared_name).write_text(yaml.safe_dump(shared, sort_keys=False), encoding="utf-8")
    event_text = f"include: {shared_name}\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / "event.yaml").write_text(event_text, encoding="utf-8")
    return event_text


def test_split_data_builds_the_same_bytes_as_one_file(run_cli, tmp_path):
    _split(tmp_path)
    assert run_cli(["build", "event.yaml", "--out", "split"], tmp_path)[0] == 0
    assert run_cli(["build", DEFAULT_DATA, "--out", "whole"], tmp_path)[0] == 0
    for built in (tmp_path / "whole").rglob("*.?ptx"):
        assert (tmp_path / "split" / built.relative_to(tmp_path / "whole")).read_bytes() == built.read_bytes()


def test_problems_in_an_included_file_name_that_file(run_cli, tmp_path):
    _split(tmp_path)
    shared = (tmp_path / "shared.yaml").read_text().replace("  - RCBC\n", "  - RCBX\n", 1)
    (tmp_path / "shared.yaml").write_text(shared)
    status, _, err = run_cli(["validate", "event.yaml"], tmp_path)
    assert status == 2
    assert err.splitlines()[0] == (f"error: shared.yaml, line {line_of(shared, '- RCBX')}, groupings.MBC/RCBC[1]: "
                                   "'RCBX' is not one of the areas (MBC, RCBC, HBC, SBC)")


def test_a_key_set_in_two_files_is_an_error(run_cli, tmp_path):
    text = _split(tmp_path)
    text += "areas:\n  MBC: Middlesbrough\n"
    (tmp_path / "event.yaml").write_text(text)
    status, _, err = run_cli(["validate", "event.yaml"], tmp_path)
    assert status == 2
    assert err.splitlines()[0] == (f"error: event.yaml, line 1, include: 'areas' is set both in event.yaml (line "
                                   f"{line_of(text, 'areas:')}) and in shared.yaml (line 1); keep one")


def test_include_loops_and_missing_files_are_reported(run_cli, tmp_path):
    (tmp_path / "a.yaml").write_text("include: [b.yaml, missing.yaml]\nevent: {}\n")
    (tmp_path / "b.yaml").write_text("include: a.yaml\n")
    status, _, err = run_cli(["validate", "a.yaml"], tmp_path)
    assert status == 2
    lines = err.splitlines()
    assert "error: b.yaml, line 1, include: 'a.yaml' includes itself: a.yaml -> b.yaml -> a.yaml" in lines
    assert "error: a.yaml, line 1, include: 'missing.yaml' is not in this folder" in lines


def test_the_read_event_keeps_the_data_files_own_text_and_the_path_of_each_file_read(folder):
    # The text is the data file's own (for its layout checks), not the last include read.
    event_text = _split(folder)
    read = read_event(Path("event.yaml"))
    assert (read.label, read.text, read.paths, read.allow_outside) == (
        "event.yaml", event_text, {"event.yaml": Path("event.yaml"), "shared.yaml": folder / "shared.yaml"}, False)
