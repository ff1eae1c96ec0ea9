"""The workbook inside a chart: read by the Open XML SDK and by LibreOffice, laid out as the chart refers to it."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest

from generator.chart_workbook import chart_workbook
from generator.output.pdf import find_soffice
from tests.output.test_validity import needs_validator, validation_errors

LABELS = ["0-4", " 5-9 ", "Mental Health & <Wellbeing>", "Ünïcode"]
VALUES = [14, 4, 0, 2]


@needs_validator
def test_the_workbook_is_valid_ooxml(tmp_path):
    path = tmp_path / "data.xlsx"
    path.write_bytes(chart_workbook("Age of the 24 people", LABELS, VALUES))
    assert validation_errors(path) == []


def _calc_installed() -> bool:
    soffice = find_soffice()
    return soffice is not None and bool(list(Path(soffice).resolve().parent.glob("libsclo.*")))


@pytest.mark.skipif(not _calc_installed(), reason="LibreOffice Calc is not installed (apt-get install libreoffice-calc)")
def test_libreoffice_reads_the_series_name_categories_and_values_where_the_chart_looks(tmp_path):
    path = tmp_path / "data.xlsx"
    path.write_bytes(chart_workbook("Age of the 24 people", LABELS, VALUES))
    subprocess.run([find_soffice(), "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    with open(tmp_path / "data.csv", encoding="utf-8", newline="") as sheet:
        rows = list(csv.reader(sheet))
    assert rows == [["", "Age of the 24 people"], *([label, str(value)] for label, value in zip(LABELS, VALUES))]
