"""Render data files to PNG contact sheets: every slide and page of every output, at a glance.

    python tools/contact_sheets.py [DATA ...] [--out DIR]

Each data file is built through the command line (``make_deck.py build``) into
``DIR/<data name>/``; every deck and every briefing is converted to PDF by
LibreOffice (one launch for all the decks, one for all the briefings), each PDF
page is rasterised by poppler's ``pdftoppm``, and the pages are tiled into one
PNG per output, ``DIR/<data name>--<output name>.png``, each page labelled with
its slide or page number. With no DATA, renders every gallery file and the
Tees example.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
GALLERY = ROOT / "tests" / "fixtures" / "gallery"
DEFAULT_DATA = ROOT / "data" / "tees-2022.yaml"
DEFAULT_OUT = ROOT / "contact-sheets"
LIBREOFFICE_PROFILE = "file:///tmp/lo-contact"  # a profile of its own, so a running LibreOffice is not disturbed
RESOLUTION_DPI = 40
BUILD_TIMEOUT_S = 120
CONVERT_TIMEOUT_S = 900  # one launch converts every deck (or every briefing) of the whole gallery
RASTERISE_TIMEOUT_S = 120
COLUMNS = {".pptx": 5, ".docx": 4}
PAGE_NOUN = {".pptx": "slide", ".docx": "page"}
MARGIN_PX = 12
LABEL_PX = 14
HEADING_PX = 18
BACKGROUND = "#d9d9d9"
LABEL_COLOUR = "#1b1b1b"
OUTPUT_TYPES = (".pptx", ".docx")


@dataclass(frozen=True)
class Output:
    """A built deck or briefing, and the name it is rendered under (unique across the data files)."""

    data_name: str
    path: Path

    @property
    def sheet_name(self) -> str:
        return f"{self.data_name}--{self.path.stem}"


def default_data() -> list[Path]:
    """Return every gallery data file and the Tees example."""
    return sorted(GALLERY.glob("*.yaml")) + [DEFAULT_DATA]


def build(data: Path, out: Path) -> list[Output] | None:
    """Build ``data`` through the command line into ``out/<data name>``; return its outputs, or None if it failed."""
    target = out / data.stem
    command = [sys.executable, str(ROOT / "make_deck.py"), "build", str(data), "--out", str(target)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, cwd=ROOT)
    if result.returncode != 0:
        print(f"{data}: the build failed (exit {result.returncode}):\n{result.stderr}", file=sys.stderr)
        return None
    for line in result.stderr.splitlines():
        print(f"{data.name}: {line}", file=sys.stderr)
    found = sorted((target / "decks").glob("*.pptx")) + sorted((target / "briefings").glob("*.docx"))
    return [Output(data.stem, path) for path in found]


def convert_to_pdf(outputs: list[Output], work: Path) -> dict[Output, Path]:
    """Return each output's PDF, converting all outputs of one file type in one LibreOffice launch."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not installed; install libreoffice-impress and "
                         "libreoffice-writer")
    pdfs: dict[Output, Path] = {}
    for suffix in OUTPUT_TYPES:
        of_type = [o for o in outputs if o.path.suffix == suffix]
        if not of_type:
            continue
        # Copies under unique names: two data files may give outputs of the same name.
        staged = work / f"in{suffix}"
        staged.mkdir(parents=True, exist_ok=True)
        copies = [Path(shutil.copyfile(o.path, staged / f"{o.sheet_name}{suffix}")) for o in of_type]
        converted = work / f"pdf{suffix}"
        command = [soffice, f"-env:UserInstallation={LIBREOFFICE_PROFILE}", "--headless", "--convert-to", "pdf",
                   "--outdir", str(converted), *map(str, copies)]
        try:
            subprocess.run(command, capture_output=True, check=True, timeout=CONVERT_TIMEOUT_S)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            raise SystemExit(f"LibreOffice could not convert the {suffix} files to PDF ({error})") from None
        for output in of_type:
            pdf = converted / f"{output.sheet_name}.pdf"
            if pdf.is_file():
                pdfs[output] = pdf
            else:
                print(f"{output.path}: LibreOffice made no PDF", file=sys.stderr)
    return pdfs


def rasterise(pdf: Path, work: Path) -> list[Path]:
    """Return one PNG per page of ``pdf``, in page order."""
    prefix = work / "png" / pdf.stem
    prefix.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(RESOLUTION_DPI), "-png", str(pdf), str(prefix)],
                   capture_output=True, check=True, timeout=RASTERISE_TIMEOUT_S)
    numbered = re.compile(re.escape(pdf.stem) + r"-(\d+)\.png$")
    pages = [(int(match.group(1)), path) for path in prefix.parent.iterdir()
             if (match := numbered.match(path.name))]
    return [path for _, path in sorted(pages)]


def tile(pages: list[Path], heading: str, noun: str, columns: int) -> Image.Image:
    """Return one image of ``pages`` in a grid under ``heading``, each labelled '<noun> <number>'."""
    images = [Image.open(page).convert("RGB") for page in pages]
    cell_width = max(image.width for image in images)
    cell_height = max(image.height for image in images)
    columns = min(columns, len(images))
    rows = math.ceil(len(images) / columns)
    top = MARGIN_PX + HEADING_PX + MARGIN_PX
    heading_font = ImageFont.load_default(HEADING_PX)
    heading_width = math.ceil(heading_font.getlength(heading)) + 2 * MARGIN_PX
    sheet = Image.new("RGB", (max(heading_width, MARGIN_PX + columns * (cell_width + MARGIN_PX)),
                              top + rows * (cell_height + LABEL_PX + MARGIN_PX)), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    draw.text((MARGIN_PX, MARGIN_PX), heading, fill=LABEL_COLOUR, font=heading_font)
    label_font = ImageFont.load_default(LABEL_PX - 2)
    for number, image in enumerate(images, start=1):
        row, column = divmod(number - 1, columns)
        left = MARGIN_PX + column * (cell_width + MARGIN_PX)
        upper = top + row * (cell_height + LABEL_PX + MARGIN_PX)
        draw.text((left, upper), f"{noun} {number}", fill=LABEL_COLOUR, font=label_font)
        sheet.paste(image, (left, upper + LABEL_PX))
        draw.rectangle((left - 1, upper + LABEL_PX - 1, left + image.width, upper + LABEL_PX + image.height),
                       outline="#7f7f7f")
    return sheet


def contact_sheets(data: list[Path], out: Path) -> tuple[list[Path], list[Path]]:
    """Build ``data`` into ``out`` and write one contact sheet per output; return the sheets and the data files
    that did not build."""
    outputs: list[Output] = []
    failed: list[Path] = []
    for path in data:
        built = build(path, out)
        if built is None:
            failed.append(path)
        else:
            outputs.extend(built)
    work = out / ".render"
    if work.exists():
        shutil.rmtree(work)
    pdfs = convert_to_pdf(outputs, work)
    sheets = []
    for output, pdf in pdfs.items():
        pages = rasterise(pdf, work)
        if not pages:
            print(f"{output.path}: the PDF has no pages", file=sys.stderr)
            continue
        suffix = output.path.suffix
        heading = f"{output.data_name}: {output.path.name} ({len(pages)} {PAGE_NOUN[suffix]}s)"
        sheet = out / f"{output.sheet_name}.png"
        tile(pages, heading, PAGE_NOUN[suffix], COLUMNS[suffix]).save(sheet, optimize=True)
        sheets.append(sheet)
    return sheets, failed


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="*", type=Path, metavar="DATA",
                        help="data files (default: every gallery file and data/tees-2022.yaml)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR",
                        help=f"folder for the builds and sheets (default: {DEFAULT_OUT.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("poppler's pdftoppm is not installed; install poppler-utils", file=sys.stderr)
        return 2
    sheets, failed = contact_sheets(args.data or default_data(), args.out.resolve())
    for sheet in sheets:
        print(f"wrote {sheet}")
    if failed:
        print(f"{len(failed)} data file{'s' if len(failed) != 1 else ''} did not build: "
              f"{', '.join(map(str, failed))}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
