"""Reading a file the user named: only an ordinary file of a sane size, and a missing name told with its neighbour."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from generator.data_source.bounded_files import (
    UnreadableFile, check_regular_file, not_found, read_prefix, read_regular_file,
)


def reason(call, *args) -> str:
    with pytest.raises(UnreadableFile) as raised:
        call(*args)
    assert str(raised.value) == raised.value.reason
    return raised.value.reason


def test_an_ordinary_file_within_the_limit_is_read_whole_and_its_size_returned(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(b"0123456789")
    assert check_regular_file(path, 10, "a logo") == 10
    assert check_regular_file(path, None, "a logo") == 10
    assert read_regular_file(path, 10, "a logo") == b"0123456789"
    assert read_prefix(path, 4, "a logo") == b"0123"


def test_a_file_over_the_limit_is_refused_with_both_sizes(tmp_path: Path) -> None:
    path = tmp_path / "event.yaml"
    path.write_bytes(b"x" * 1001)
    assert reason(check_regular_file, path, 1000, "a data file") == (
        "the file is 1,001 bytes; a data file may be at most 1,000 bytes")
    assert reason(read_regular_file, path, 1000, "a data file") == (
        "the file is 1,001 bytes; a data file may be at most 1,000 bytes")


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "event.yaml"
    path.write_bytes(b"x" * 1001)
    monkeypatch.setattr("generator.data_source.bounded_files.check_regular_file", lambda *args: 0)
    assert reason(read_regular_file, path, 1000, "a data file") == (
        "the file is more than 1,000 bytes; a data file may be at most 1,000 bytes")


def test_what_is_not_an_ordinary_file_is_refused_by_its_kind(tmp_path: Path) -> None:
    assert reason(check_regular_file, tmp_path / "gone.yaml", 10, "a data file") == "file not found"
    assert reason(read_regular_file, tmp_path, 10, "a data file") == (
        "this is a folder, not a file; a data file must be an ordinary file")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert reason(read_prefix, fifo, 4, "a logo") == (
        "this is a pipe (FIFO), not a file; a logo must be an ordinary file")
    assert reason(check_regular_file, Path("/dev/null"), 10, "a logo") == (
        "this is a device, not a file; a logo must be an ordinary file")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "s"))
        assert reason(check_regular_file, tmp_path / "s", 10, "a logo") == (
            "this is a socket, not a file; a logo must be an ordinary file")


def test_a_file_that_cannot_be_opened_or_looked_at_says_why(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "secret.yaml"
    path.write_bytes(b"x")
    assert reason(check_regular_file, path / "below", 10, "a data file") == "cannot read the file (Not a directory)"

    def refused(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refused)
    assert reason(read_regular_file, path, 10, "a data file") == "cannot read the file (Permission denied)"


def test_a_path_swapped_for_a_folder_after_the_check_is_refused_on_what_was_opened(tmp_path: Path,
                                                                                    monkeypatch) -> None:
    monkeypatch.setattr("generator.data_source.bounded_files.check_regular_file", lambda *args: 0)
    assert reason(read_regular_file, tmp_path, 10, "a data file") == (
        "this is not an ordinary file; a data file must be an ordinary file")


def test_a_missing_name_says_where_it_was_looked_for_and_the_name_beside_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reg").mkdir()
    for name in ("Register.xlsx", "register.csv", "registers.xlsx", "zzz"):
        (tmp_path / "reg" / name).write_text("")
    (tmp_path / "Logo.png").write_text("")
    assert not_found(tmp_path, "reg/REGISTER.XLSX") == (
        f"'reg/REGISTER.XLSX' is not in reg{os.sep} (did you mean 'Register.xlsx'?)")
    assert not_found(tmp_path, "reg/registr.xlsx") == (
        f"'reg/registr.xlsx' is not in reg{os.sep} (did you mean 'registers.xlsx'?)")
    assert not_found(tmp_path, "logo.png") == "'logo.png' is not in this folder (did you mean 'Logo.png'?)"
    assert not_found(tmp_path, "banner.png") == "'banner.png' is not in this folder"
    # Only a name close to one beside it is offered: 'registers.xlsx' shares too little with 'report.xlsx'.
    assert not_found(tmp_path, "reg/report.xlsx") == f"'reg/report.xlsx' is not in reg{os.sep}"
    assert not_found(tmp_path, "nowhere/banner.png") == f"'nowhere/banner.png' is not in nowhere{os.sep}"
