"""The deck builder: draws the planned slides on the template and says which file it makes.

Saying which file it makes, and from what, imports no drawing library: python-pptx and the slide writer are
imported when the deck is drawn (a rebuild that keeps the deck never imports them).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import _
from ..figures import publish_threshold
from ..look import DrawnInTheLook
from ..model import EventData
from ..ooxml import DRAWING, tag
from ..output import Rendered, Target, document_time, package_bytes, property_text
from ..output.hiding_record import status_text
from ..output_formats import DECK
from ..paths import event_stem

if TYPE_CHECKING:
    from ..plan import EventPlan
    from .slides import SlideSpec


class DeckBuilder(DrawnInTheLook):
    """Builds ``decks/<event>-<date>.pptx`` from the model on a template package (.pptx/.potx bytes)."""

    name = "deck"
    folder = "decks"
    suffix = DECK.suffix

    @staticmethod
    def set_together(deck: bytes, others: list[bytes]) -> bytes:
        """Return ``deck`` set no larger than its other versions ``others``: the Welsh version never comes second
        in size (see :mod:`.equal_sizes`)."""
        from .equal_sizes import set_at_equal_sizes

        return set_at_equal_sizes(deck, others)

    def targets(self, plan: EventPlan, out_dir: Path) -> list[Target]:
        """Return the one deck of the event, with what it is drawn from."""
        info = plan.event.event
        path = out_dir / self.folder / f"{event_stem(info.title, info.date)}{self.suffix}"
        return [Target(path, (self.look.inputs(), self.logo, plan.event, plan.slides),
                       lambda: self.render(plan.event, plan.slides))]

    def render(self, event: EventData, slides: tuple[SlideSpec, ...]) -> Rendered:
        """Return the deck: every planned slide drawn, properties and language set."""
        from pptx import Presentation

        from ..branding import apply_to_presentation
        from .writer import DeckWriter

        prs = Presentation(io.BytesIO(self.look.deck_package))
        theme = event.theme
        apply_to_presentation(prs, theme)
        alt_text = theme.logo_alt_text or _("Logo of {partnership}", partnership=event.event.partnership)
        writer = DeckWriter(prs, event.event.footer_text, theme.layouts, self.logo, alt_text, event.event.language)
        for spec in slides:
            writer.add(spec)
        writer.finish()
        _set_language(prs, event.event.language)
        _set_properties(prs, event)
        return Rendered(package_bytes(prs, document_time(event.event.date)), f"{len(prs.slides)} slides",
                        writer.warnings)


def _set_properties(prs, event: EventData) -> None:
    info = event.event
    props = prs.core_properties
    props.title = property_text(f"{info.title}, {info.long_date}")
    props.subject = property_text(_("Learning from safeguarding reviews: {reviews}", reviews=", ".join(
        r.full_name for r in event.review_types.values())))
    props.author = property_text(info.author or info.partnership)
    props.last_modified_by = property_text(info.author or info.partnership)
    props.language = info.language
    props.keywords = property_text(_("safeguarding; learning reviews"))
    props.comments = ""
    props.category = _("Training")
    props.content_status = status_text(publish_threshold(event, for_deck=True))
    props.revision = 1
    stamp = document_time(info.date)
    props.created = stamp
    props.modified = stamp


def _set_language(prs, language: str) -> None:
    """Tag every run with the event's language, so spell-checkers and screen readers use it."""
    for slide in prs.slides:
        for root in (slide.element, slide.notes_slide.element):
            for element in root.iter(tag(DRAWING, "rPr"), tag(DRAWING, "endParaRPr")):
                element.set("lang", language)
