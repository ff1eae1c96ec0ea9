"""Helpers for the data-source tests: write a data file in a folder of its own and load it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.loading import LoadedData, load_event
from generator.problems import InputError


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return an empty folder that is also the working folder, so problems name files as 'event.yaml'."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def problems_of(folder: Path) -> Callable[..., list[str]]:
    """Return a function that writes a data file, loads it, and gives each problem as the user reads it."""

    def load(text: str | bytes, name: str = "event.yaml") -> list[str]:
        path = folder / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError) as raised:
            load_event(Path(name))
        return [str(problem) for problem in raised.value.problems]

    return load


@pytest.fixture
def loaded(folder: Path) -> Callable[[str], LoadedData]:
    """Return a function that writes a data file and loads it, expecting it to be valid."""

    def load(text: str, name: str = "event.yaml") -> LoadedData:
        (folder / name).write_text(text, encoding="utf-8")
        return load_event(Path(name))

    return load
