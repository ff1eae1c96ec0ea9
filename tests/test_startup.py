"""Modules python-pptx imports but a build rarely uses load on first use, and then work as usual."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import sys
from generator.startup import defer_rarely_used_imports
defer_rarely_used_imports()
import pptx
import pptx.chart.data
loaded_at_start = [name for name in ("http.client", "PIL.TiffTags", "xlsxwriter.worksheet") if name in sys.modules]
from PIL import Image
picture = Image.new("RGB", (4, 3), "navy")
import urllib.request
data = pptx.chart.data.CategoryChartData()
data.categories = ["a"]
data.add_series("s", [1])
print(loaded_at_start, picture.size, callable(urllib.request.urlopen), isinstance(picture, Image.Image),
      data.xlsx_blob[:2])
"""


def test_deferred_modules_are_not_loaded_by_python_pptx_and_work_when_used():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[] (4, 3) True True b'PK'"
