"""The contact sheet tool: pages tiled in order under a heading, each in its own labelled cell."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from PIL import Image

TOOL = Path(__file__).resolve().parents[2] / "tools" / "contact_sheets.py"
PAGE_COLOURS = ["#ff0000", "#00ff00", "#0000ff"]
PAGE_SIZE = (40, 30)


def load_tool() -> ModuleType:
    """Import tools/contact_sheets.py, which is a script rather than part of a package."""
    spec = importlib.util.spec_from_file_location("contact_sheets", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def pages(folder: Path) -> list[Path]:
    """Write three one-colour page images, in page order."""
    paths = []
    for number, colour in enumerate(PAGE_COLOURS, start=1):
        path = folder / f"page-{number}.png"
        Image.new("RGB", PAGE_SIZE, colour).save(path)
        paths.append(path)
    return paths


def test_pages_are_tiled_in_order_across_then_down(tmp_path: Path) -> None:
    tool = load_tool()
    sheet = tool.tile(pages(tmp_path), "a heading", "slide", columns=2)
    top = tool.MARGIN_PX + tool.HEADING_PX + tool.MARGIN_PX + tool.LABEL_PX
    row_height = PAGE_SIZE[1] + tool.LABEL_PX + tool.MARGIN_PX
    column_width = PAGE_SIZE[0] + tool.MARGIN_PX
    middle = (PAGE_SIZE[0] // 2, PAGE_SIZE[1] // 2)
    drawn = [sheet.getpixel((tool.MARGIN_PX + column * column_width + middle[0], top + row * row_height + middle[1]))
             for row, column in [(0, 0), (0, 1), (1, 0)]]
    assert drawn == [(255, 0, 0), (0, 255, 0), (0, 0, 255)]
    assert sheet.height == top - tool.LABEL_PX + 2 * row_height


def test_the_sheet_is_wide_enough_for_its_heading(tmp_path: Path) -> None:
    tool = load_tool()
    one_page = pages(tmp_path)[:1]
    narrow = tool.tile(one_page, "x", "page", columns=4)
    wide = tool.tile(one_page, "a much longer heading naming the data file and the output", "page", columns=4)
    assert narrow.width == tool.MARGIN_PX + PAGE_SIZE[0] + tool.MARGIN_PX
    assert wide.width > narrow.width
