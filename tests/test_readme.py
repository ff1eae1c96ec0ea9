"""The README's examples: each common mistake gives the message shown, and every command shown is accepted."""

from __future__ import annotations

import re
import shlex

import pytest

from generator.cli.parser import command_names, parse_command_line
from tests.conftest import ROOT, default_text

README = ROOT / "README.md"
# What the usage block's placeholders stand for, to parse each line as a real command line.
PLACEHOLDERS = {"DATA": "data/tees-2022.yaml", "[DATA]": "data/tees-2022.yaml", "DIR": "out",
                "FILE...": "deck.potx", "EVENT": "data/tees-2023.yaml", "[--out": "--out", "DIR]": "out"}


def section(title: str) -> str:
    """Return the README's section under ``## title``, up to the next one."""
    text = README.read_text(encoding="utf-8")
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def common_mistakes() -> list[tuple[str, str]]:
    """Return (YAML snippet, message) of each common mistake, in the README's order."""
    blocks = re.findall(r"```(yaml|text)\n(.*?)```", section("Common mistakes"), re.S)
    kinds = [kind for kind, _ in blocks]
    assert kinds == ["yaml", "text"] * (len(blocks) // 2), "each YAML example must be followed by its message"
    return [(blocks[i][1], blocks[i + 1][1]) for i in range(0, len(blocks), 2)]


def with_mistake(text: str, snippet: str) -> str:
    """Return ``text`` with the snippet laid over it, line for line, from the first line matching its first line."""
    lines = text.splitlines(keepends=True)
    wanted = snippet.splitlines(keepends=True)
    start = lines.index(wanted[0])
    assert lines[start:start + len(wanted)] != wanted, "the example must change something"
    lines[start:start + len(wanted)] = wanted
    return "".join(lines)


def test_the_readme_has_the_common_mistakes():
    assert len(common_mistakes()) >= 6


@pytest.mark.parametrize("snippet, message", common_mistakes(), ids=lambda value: value.splitlines()[-1].strip())
def test_each_common_mistake_gives_the_message_shown(run_cli, tmp_path, snippet, message):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tees-2022.yaml").write_text(with_mistake(default_text(), snippet), encoding="utf-8")
    _, _, err = run_cli(["validate", "data/tees-2022.yaml"], tmp_path)
    assert err == message


def usage_lines() -> list[str]:
    block = section("Using it").split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.splitlines()]


@pytest.mark.parametrize("line", usage_lines())
def test_each_command_shown_is_accepted(line):
    words = shlex.split(line)
    assert words[:2] == [".venv/bin/python", "make_deck.py"]
    if words[2:] == ["--version"]:
        return  # it prints and stops; tests/test_cli.py checks it
    args = parse_command_line([PLACEHOLDERS.get(word, word) for word in words[2:]])
    assert args.command in command_names()


def test_the_new_example_is_accepted():
    line = section("Before each event: new, then watch").split("```sh\n", 1)[1].split("```", 1)[0]
    args = parse_command_line(shlex.split(line)[2:])
    assert (args.command, args.title, str(args.date)) == ("new", ["Learning from Reviews 2023"], "2023-05-11")
    bilingual = section("Before each event: new, then watch").split("```sh\n", 2)[2].split("```", 1)[0]
    args = parse_command_line(shlex.split(bilingual)[2:])
    assert args.title == ["cy=Dysgu o Adolygiadau 2026", "en=Learning from Reviews 2026"]


# -- the README's tables and lists, checked against the code that defines them ------------------------------------


def table_rows(text: str) -> list[list[str]]:
    """Return the cells of each row of the Markdown tables in ``text`` (not their heading or rule rows)."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in text.splitlines()
            if line.startswith("|")]
    return [row for row in rows if not set("".join(row)) <= set("-: ") and row[0] not in ("key", "what")]


def data_keys_tables() -> tuple[set[str], set[str]]:
    """Return the keys the two tables of 'Writing a data file' name: the top level's and a review type's."""
    text = section("Writing a data file")
    top, review_type = text.split("Each review type has these keys:", 1)

    def keys(part: str) -> set[str]:
        return {key for row in table_rows(part) for key in re.findall(r"`([a-z_.]+)`", row[0])}

    return keys(top), keys(review_type)


def test_the_data_key_tables_name_every_key_of_the_model_and_no_other():
    from generator.model import Event, EventData, ReviewType, data_fields

    top, review_type = data_keys_tables()
    event_keys = {f"event.{key}" for key in data_fields(Event)}
    assert review_type == set(data_fields(ReviewType))
    assert top & event_keys == event_keys
    assert top - event_keys <= set(data_fields(EventData)) | {"include"}  # include is read before the schema


def test_each_top_level_key_not_in_the_table_is_shown_elsewhere():
    from generator.model import EventData, data_fields

    top, _ = data_keys_tables()
    text = README.read_text(encoding="utf-8")
    missing = [key for key in data_fields(EventData) if key not in top and f"{key}:" not in text]
    assert missing == []


def test_the_limits_table_states_the_limits_the_code_enforces_each_with_its_measured_worst_case():
    from generator.data_source import (branding_checks, consistency, language_tags, loader, register_reading,
                                       register_rows, schema, yaml_reader)
    from generator.templates import limits, structure

    mib = 1024 * 1024
    expected = {
        "a data file, or a file it includes": f"{yaml_reader.MAX_FILE_BYTES // mib} MiB; "
                                              f"{loader.MAX_TOTAL_BYTES // mib} MiB for a data file and all its "
                                              "includes together",
        "nesting in a data file": f"{yaml_reader.MAX_NESTING} levels",
        "values in a data file, YAML aliases expanded": f"{yaml_reader.MAX_EXPANDED_VALUES:,}, counted as the file "
                                                        "is read",
        "review types": f"{consistency.MAX_REVIEW_TYPES} an event",
        "themes": f"{consistency.MAX_THEMES} a review type; {consistency.MAX_THEME_CHARACTERS} characters a theme",
        "includes": f"{loader.MAX_INCLUDE_DEPTH} levels deep, {loader.MAX_FILES_READ} files",
        "a count": f"{schema.MAX_COUNT:,}",
        "a name (an area, a theme, a title)": "the data file's size",
        "a logo": f"{branding_checks.MAX_LOGO_BYTES // mib} MiB and {branding_checks.MAX_LOGO_PIXELS // 10**6} "
                  "megapixels (checked before it is decoded)",
        "a template (.pptx/.potx/.docx/.dotx)": f"{limits.MAX_TEMPLATE_BYTES // limits.MEGABYTE} MB; "
                                                f"{limits.MAX_PARTS:,} parts; each part "
                                                f"{limits.MAX_PART_BYTES // limits.MEGABYTE} MB unpacked; "
                                                f"{limits.MAX_TOTAL_BYTES // limits.MEGABYTE} MB unpacked in all; "
                                                f"each XML part {limits.MAX_XML_PART_BYTES // limits.MEGABYTE} MB, "
                                                f"{limits.MAX_XML_TOTAL_BYTES // limits.MEGABYTE} MB of XML in all; "
                                                f"each raster picture {limits.MAX_PICTURE_PIXELS // 10**6} "
                                                f"megapixels, {limits.MAX_TEMPLATE_PICTURE_PIXELS // 10**6} "
                                                "megapixels in all",
        "a template's page": f"{structure.MIN_PAGE_TWIPS // structure.TWIPS_PER_INCH} to "
                             f"{structure.MAX_PAGE_TWIPS // structure.TWIPS_PER_INCH} inches each way; margins leaving "
                             f"at least {structure.MIN_TEXT_TWIPS // structure.TWIPS_PER_INCH} inch for text",
        "a template's slides": f"{structure.MIN_SLIDE_EMU // structure.EMU_PER_INCH} to "
                               f"{structure.MAX_SLIDE_EMU // structure.EMU_PER_INCH} inches each way",
        "a register workbook": f"{register_reading.MAX_REGISTER_BYTES // mib} MB; "
                               f"{register_reading.MAX_UNZIPPED_BYTES // mib} MB unpacked; "
                               f"{register_reading.MAX_ROWS:,} rows; {register_reading.MAX_COLUMNS} columns; "
                               f"{register_rows.MAX_CELL_CHARACTERS:,} characters a cell",
        "an age in the register": f"0 to {register_rows.MAX_AGE}, ASCII digits",
        "a language": f"a BCP 47 tag (RFC 5646) of at most {language_tags.MAX_LANGUAGE_TAG} characters",
    }
    rows = table_rows(section("Limits"))
    assert {row[0]: row[1] for row in rows} == expected
    assert all(len(row) == 3 for row in rows)  # each with its measured worst case (or why none is needed)


def test_the_slide_kinds_and_briefing_roles_named_are_those_declared():
    from generator.data_source.branding_checks import STYLE_ROLES
    from generator.slide_kinds import SLIDE_KINDS

    text = " ".join(section("Restyling").split())
    kinds = text.split("Slide kinds are ", 1)[1].split(";", 1)[0]
    roles = text.split("briefing roles are ", 1)[1].split(".", 1)[0]
    assert set(re.findall(r"`(\w+)`", kinds)) == set(SLIDE_KINDS)
    assert re.findall(r"`(\w+)`", roles) == list(STYLE_ROLES)


def test_ci_runs_the_readmes_test_command_with_only_the_libraries_upgrade_between():
    """CI's steps after its system packages are the README's second command, split only to upgrade python-pptx and
    python-docx before the tests run (so that library_internals.py is tested against their newest releases)."""
    readme_commands = re.findall(r"```sh\n(.*?)\n```", README.read_text(encoding="utf-8"), re.S)
    test_command = readme_commands[1]
    ci_lines = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
                if line.startswith(".venv/bin/") or line.startswith("python3 -m venv")]
    upgrade = ".venv/bin/pip install -q -U python-pptx python-docx"
    assert ci_lines[-2] == upgrade
    assert " && ".join(line for line in ci_lines if line != upgrade) == test_command
