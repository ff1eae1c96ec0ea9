"""The pictures output format: per chart a PNG for print, a PNG social card and an SVG, and an index page.

The files go into ``pictures/<event>/`` beside ``decks/`` and ``briefings/``,
one folder per event, so events built into one folder keep their pictures apart.
Each file is a target like any other output: written only when the whole build
succeeds, left alone when unchanged, and not drawn again when its inputs are
unchanged. matplotlib is imported only when a picture is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import N_
from ..branding import paper_colours
from ..briefing.type_scale import CHART_LABEL_SIZE, COLUMN_WIDTH
from ..output import Rendered, Target, document_time
from ..figures import publish_threshold
from ..look import Look
from ..ooxml import EMU_PER_POINT
from ..output_formats import PNG, SVG
from ..paths import event_stem
from .page import index_page
from .plan import Picture, plan_pictures

if TYPE_CHECKING:
    from ..build import BuildSetup
    from ..plan import EventPlan
    from .draw import Drawn, PictureStyle

FOLDER = "pictures"
INDEX = "index.html"
SOCIAL_DPI = 100  # 12 x 6.75 inches at 100 dots an inch: the 1200 x 675 pixels social networks show whole


@dataclass(frozen=True)
class PictureFormat:
    """One file of each picture: its name's ending, what the index calls it, and its size."""

    suffix: str
    label: str
    width: float  # points
    height: float  # points; 0 when the picture is as tall as its chart needs
    dpi: int
    label_size: float  # points: the labels' size (the most, at a fixed height)


# Print: the width of one column of the A4 briefing, at 300 dots an inch, labels at the briefing's size.
PRINT = PictureFormat(PNG.suffix, N_("for print (PNG, 300 dpi, one A4 column wide)"), COLUMN_WIDTH / EMU_PER_POINT,
                      0.0, 300, CHART_LABEL_SIZE)
SOCIAL = PictureFormat(f"-social{PNG.suffix}", N_("social media card (PNG, 1200 × 675 pixels)"), 12 * 72.0,
                       6.75 * 72.0, SOCIAL_DPI, 22.0)
VECTOR = PictureFormat(SVG.suffix, N_("to scale to any size (SVG)"), PRINT.width, 0.0, 72, CHART_LABEL_SIZE)
FORMATS = (PRINT, SOCIAL, VECTOR)


class PicturesBuilder:
    """Builds ``pictures/<event>/``: every chart of the deck and the briefings as pictures, and ``index.html``."""

    name = "pictures"
    # Its files link to each other by name from the index page: a bilingual build names the folder for its language.
    language_in_folder = True

    @classmethod
    def for_build(cls, setup: BuildSetup) -> PicturesBuilder | None:
        """Return the builder a build uses."""
        wanted = setup.options.pictures or setup.loaded.event.publish.pictures
        return cls(setup.look) if wanted else None

    def __init__(self, look: Look):
        self.look = look

    @property
    def colours(self) -> tuple[str, str, str]:
        """The text's, the headings' and the bars' colours, as on paper."""
        paper = paper_colours(self.look.colours)
        return (paper.text, paper.heading, paper.bar)

    @property
    def fonts(self) -> tuple[str, str]:
        """The heading's and the body's."""
        return self.look.fonts

    def targets(self, plan: EventPlan, out_dir: Path) -> list[Target]:
        """Return a target for each file of each picture, and one for the index page."""
        info = plan.event.event
        folder = out_dir / FOLDER / event_stem(info.title, info.date)
        date = document_time(info.date).isoformat()
        pictures = plan_pictures(plan)
        hidden_below = publish_threshold(plan.event, for_deck=False)  # as the pictures are planned
        # The bytes depend on matplotlib's version too (a new one may draw a line a pixel over). importlib.metadata
        # is imported only here: a build without pictures imports this module but never asks.
        from importlib import metadata

        inputs = (self.look.inputs(), date, hidden_below, metadata.version("matplotlib"))
        targets = [Target(folder / f"{picture.stem}{form.suffix}", (picture.chart, form, inputs),
                          partial(self.render, picture, form, date, hidden_below))
                   for picture in pictures if picture.drawn for form in FORMATS]
        page = partial(self.index, plan, pictures, date, hidden_below)
        targets.append(Target(folder / INDEX, (pictures, info, inputs), page))
        return targets

    def render(self, picture: Picture, form: PictureFormat, date: str, hidden_below: int) -> Rendered:
        """Return one file of one picture."""
        drawn = _drawn(picture, form, self.fonts, self.colours, date, hidden_below)
        return Rendered(drawn.data, f"{picture.chart.title}, {form.label}",
                        [f"the picture {picture.stem}{form.suffix}: {warning}" for warning in drawn.warnings])

    def index(self, plan: EventPlan, pictures: tuple[Picture, ...], date: str, hidden_below: int) -> Rendered:
        """Return the index page, each picture shown by its SVG held in the page itself."""
        svgs = [_drawn(picture, VECTOR, self.fonts, self.colours, date, hidden_below).data if picture.drawn else b""
                for picture in pictures]
        page = index_page(plan.event, pictures, svgs, [(form.suffix, form.label) for form in FORMATS], hidden_below)
        return Rendered(page.encode("utf-8"), "the pictures' alt text and figures, web page")


@lru_cache(maxsize=64)
def _drawn(picture: Picture, form: PictureFormat, fonts: tuple[str, str], colours: tuple[str, str, str],
           date: str, hidden_below: int) -> Drawn:
    """Return one file of a picture, drawn once however many targets need it (the SVG: its file and the index)."""
    from . import draw  # matplotlib: only now that a picture is drawn

    if form in (PRINT, VECTOR):
        print_png, vector = _print_and_vector(picture, fonts, colours, date, hidden_below)
        return print_png if form == PRINT else vector
    canvas = draw.Canvas(form.width, form.height, form.dpi, form.label_size)
    return draw.png(picture.chart, canvas, _style(fonts, colours), hidden_below)


@lru_cache(maxsize=32)
def _print_and_vector(picture: Picture, fonts: tuple[str, str], colours: tuple[str, str, str], date: str,
                      hidden_below: int) -> tuple[Drawn, Drawn]:
    """Return the print PNG and the SVG of a picture, saved from one drawing: they are the same size and look."""
    from . import draw

    canvas = draw.Canvas(PRINT.width, PRINT.height, PRINT.dpi, PRINT.label_size)
    return draw.png_and_svg(picture.chart, canvas, _style(fonts, colours), date, hidden_below)


def _style(fonts: tuple[str, str], colours: tuple[str, str, str]) -> PictureStyle:
    from . import draw

    return draw.PictureStyle(fonts[1], *colours, heading_font=fonts[0])
