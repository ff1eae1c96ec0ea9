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
    assert (args.command, args.title, str(args.date)) == ("new", "Learning from Reviews 2023", "2023-05-11")
