"""The command line's words: the commands come from the modules that declare them, and 'build' is the default."""

from __future__ import annotations

import pytest

from generator.cli.common import UsageError
from generator.cli.parser import COMMAND_MODULES, command_names, parse_command_line


def test_the_commands_are_those_the_command_modules_declare_in_order():
    assert command_names() == ["build", "new", "watch", "validate", "check", "templates", "check-template",
                               "register"]
    assert len(COMMAND_MODULES) == len(command_names())


@pytest.mark.parametrize("words, command", [
    ([], "build"), (["data/x.yaml"], "build"), (["--pdf"], "build"), (["validate"], "validate"),
    (["register", "new", "r.xlsx"], "register"), (["templates", "export", "out"], "templates"),
])
def test_each_command_line_runs_its_command(words, command):
    args = parse_command_line(words)
    assert args.command == command and callable(args.run)


def test_a_misspelt_command_is_a_usage_error_naming_the_closest():
    with pytest.raises(UsageError, match="unknown command 'vaildate'; did you mean validate?"):
        parse_command_line(["vaildate"])
