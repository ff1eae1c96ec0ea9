"""What every briefing format shares: one output file per review type's briefing plan."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..output import Rendered, Target
from .plan import BriefingPlan

if TYPE_CHECKING:
    from ..plan import EventPlan


class BriefingFormat:
    """A briefing format (Word, HTML): subclasses say their name, suffix, inputs and how to render one plan."""

    name = "briefings"
    folder = "briefings"
    suffix = ""

    def inputs(self) -> tuple:
        """Return what every file of this format depends on besides its plan (templates, colours)."""
        return ()

    def render(self, plan: BriefingPlan) -> Rendered:
        """Return one briefing's file."""
        raise NotImplementedError

    def targets(self, plan: EventPlan, out_dir: Path) -> list[Target]:
        """Return one file per briefing of the event."""
        return [Target(out_dir / self.folder / f"{briefing.file_stem}{self.suffix}", (briefing, self.inputs()),
                       partial(self.render, briefing))
                for briefing in plan.briefings]
