"""Problems found in the user's input, worded for the people who wrote it.

Every check in the generator reports a :class:`Problem` rather than raising
straight away, so that one run can tell a trainer about every mistake in their
data file at once (mkdocs' "gather all data first").
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is and what was expected."""

    message: str
    file: str = ""
    line: int | None = None
    key_path: str = ""
    severity: str = ERROR
    category: str = "data"

    def __str__(self) -> str:
        where = [part for part in (self.file, f"line {self.line}" if self.line else "", self.key_path) if part]
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class InputError(Exception):
    """Raised when the input cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
