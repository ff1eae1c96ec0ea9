"""The Word briefing format: which files it makes and from what. python-docx and the document writer
(:mod:`.word`) are imported when a briefing is drawn, so a rebuild that keeps every briefing never imports them."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..look import DrawnInTheLook
from ..output import Rendered, Target
from ..output_formats import WORD
from .formats import BriefingFormat
from .plan import BriefingPlan

if TYPE_CHECKING:
    from ..plan import EventPlan


class WordBriefingBuilder(DrawnInTheLook, BriefingFormat):
    """Builds ``briefings/<event>-<type>.docx`` for every review type, on the built-in look or a Word template."""

    name = "Word briefings"
    suffix = WORD.suffix

    def inputs(self) -> tuple:
        """Return what the output depends on besides its plan (for the fingerprint)."""
        return (self.look.word_inputs(), self.logo)

    def targets(self, plan: EventPlan, out_dir: Path) -> list[Target]:
        """Return one file per briefing; the first also reports the colours that do not read on paper.

        The colours are the same in every briefing, so each is reported once, not once per file.
        """
        targets = super().targets(plan, out_dir)
        if targets:
            targets[0].render = partial(self.render, plan.briefings[0], report_colours=True)
        return targets

    def render(self, plan: BriefingPlan, report_colours: bool = False) -> Rendered:
        """Return the briefing as .docx bytes, with its summary and warnings (and, if asked, the colours')."""
        from .word import word_briefing

        return word_briefing(plan, self.look, self.logo, report_colours)
