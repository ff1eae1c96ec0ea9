"""Checks a publisher needs before sharing the outputs: the `make_deck.py check` command."""

from .report import FileReport, check_files

__all__ = ["FileReport", "check_files"]
