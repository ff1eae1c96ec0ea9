"""Chart XML and workbooks are made once per distinct chart and then come from the cache."""

from __future__ import annotations

import sys

from generator import charts
from tests.conftest import DEFAULT_DATA


def _outputs(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*.*x"))}


def test_a_second_build_takes_every_chart_from_the_cache(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("LFR_CACHE_DIR", str(tmp_path / "cache"))
    charts._MADE.clear()
    assert run_cli(["build", DEFAULT_DATA, "--out", "first"], tmp_path)[0] == 0
    assert len(list((tmp_path / "cache" / "charts").iterdir())) >= 10
    charts._MADE.clear()
    # With python-pptx's chart data unimportable, only the cache can supply the charts.
    monkeypatch.setitem(sys.modules, "pptx.chart.data", None)
    assert run_cli(["build", DEFAULT_DATA, "--out", "second"], tmp_path)[0] == 0
    assert _outputs(tmp_path / "first") == _outputs(tmp_path / "second")


def test_different_figures_make_a_different_chart(tmp_path, monkeypatch):
    monkeypatch.setenv("LFR_CACHE_DIR", str(tmp_path / "cache"))
    charts._MADE.clear()
    first = charts.ChartData("column", "Age", ["0-4", "5-9"], [14, 4], 14)
    second = charts.ChartData("column", "Age", ["0-4", "5-9"], [14, 5], 14)
    recoloured = charts.ChartData("column", "Age", ["0-4", "5-9"], [14, 5], 14, colour="A8431A")
    assert first.xlsx_blob != second.xlsx_blob
    assert second.xlsx_blob == recoloured.xlsx_blob
    assert b"<c:v>5</c:v>" in second.xml_bytes() and b"<c:v>5</c:v>" not in first.xml_bytes()
    assert b"A8431A" in recoloured.xml_bytes() and b"A8431A" not in second.xml_bytes()
