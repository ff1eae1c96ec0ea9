"""Build the deck of one event: plan the slides, draw them, set the document properties."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from ..model import EventData
from ..output import Rendered, Target, document_time, property_text, slug
from .notes import CONTINUED_PREFIX, rewrite_notes, without_notes
from .plan import plan_deck

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


class DeckBuilder:
    """Builds ``decks/<event>.pptx`` from the model on a template package (.pptx/.potx bytes)."""

    name = "deck"
    folder = "decks"

    def __init__(self, template_package: bytes, logo: Path | None = None):
        self.template_package = template_package
        self.logo = logo

    def targets(self, event: EventData, out_dir: Path) -> list[Target]:
        """Return the deck to build, with what it shows (everything but the briefings)."""
        info = event.event
        path = out_dir / self.folder / f"{slug(info.title)}-{info.date.isoformat()}.pptx"
        shown = dataclasses.replace(event, review_types={
            key: dataclasses.replace(review, briefing=None) for key, review in event.review_types.items()})
        logo = self.logo.read_bytes() if self.logo else b""
        return [Target(path, (self.template_package, logo, shown), lambda: self._render(event),
                       quick_inputs=(self.template_package, logo, without_notes(shown)),
                       refresh=lambda previous, entry: self._refresh(event, previous, entry))]

    def _refresh(self, event: EventData, previous: bytes, entry: dict) -> Rendered | None:
        """Return the last build's deck with this event's speaker notes (only notes have changed), or None."""
        sources = entry.get("record", {}).get("notes_sources")
        specs = plan_deck(event)
        if not sources or any(index >= len(specs) for index, _ in sources):
            return None
        notes = [(CONTINUED_PREFIX if continued else "") + specs[index].notes for index, continued in sources]
        data = rewrite_notes(previous, notes, event.event.language, document_time(event.event.date))
        if data is None:
            return None
        return Rendered(data, entry["summary"], entry["warnings"], entry["record"])

    def _render(self, event: EventData) -> Rendered:
        from pptx import Presentation

        from ..branding import apply_to_presentation
        from .writer import DeckWriter

        prs = Presentation(io.BytesIO(self.template_package))
        theme = event.theme
        apply_to_presentation(prs, theme)
        alt_text = theme.logo_alt_text or f"Logo of {event.event.partnership}"
        writer = DeckWriter(prs, event.event.footer_text, theme.layouts, self.logo, alt_text, event.event.language)
        for spec in plan_deck(event):
            writer.add(spec)
        _set_properties(writer.prs, event)
        _set_language(writer.prs, event.event.language)
        return Rendered(writer.to_bytes(document_time(event.event.date)), f"{len(writer.prs.slides)} slides",
                        writer.warnings, {"notes_sources": writer.notes_sources})


def _set_properties(prs, event: EventData) -> None:
    info = event.event
    props = prs.core_properties
    props.title = property_text(f"{info.title}, {info.long_date}")
    props.subject = property_text("Learning from safeguarding reviews: " + ", ".join(
        r.full_name for r in event.review_types.values()))
    props.author = property_text(info.author or info.partnership)
    props.last_modified_by = property_text(info.author or info.partnership)
    props.language = info.language
    props.keywords = property_text("safeguarding; learning reviews")
    props.comments = ""
    props.category = "Training"
    props.revision = 1
    stamp = document_time(info.date)
    props.created = stamp
    props.modified = stamp


def _set_language(prs, language: str) -> None:
    """Tag every run with the event's language, so spell-checkers and screen readers use it."""
    for slide in prs.slides:
        for shape_root in (slide.element, slide.notes_slide.element):
            for tag in ("rPr", "endParaRPr"):
                for rpr in shape_root.iter(f"{{{_A}}}{tag}"):
                    rpr.set("lang", language)
