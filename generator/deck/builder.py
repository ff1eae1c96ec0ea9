"""Build the deck of one event: plan the slides, draw them, set the document properties."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import EventData
from ..output import Rendered, Target, document_time, property_text, slug
from . import rebuild
from .plan import plan_deck

if TYPE_CHECKING:
    from .writer import DeckWriter

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
        keys = rebuild.DeckKeys.of(self.template_package, logo, shown)
        return [Target(path, (self.template_package, logo, shown), lambda: self._render(event, keys),
                       refresh=lambda previous, entry: self._refresh(event, keys, previous, entry))]

    def _refresh(self, event: EventData, keys, previous: bytes, entry: dict) -> Rendered | None:
        """Return the last build's deck brought up to date, if only notes or a few slides' text changed; else None."""
        record = entry.get("record", {})
        specs = plan_deck(event)
        stamp = document_time(event.event.date)
        if record.get("notes_free") == keys.notes_free:
            data = rebuild.with_new_notes(previous, record, specs, event.event.language, stamp)
            return None if data is None else Rendered(data, entry["summary"], entry["warnings"], record)
        changes = rebuild.changed_slides(record, keys, specs, logo=self.logo is not None)
        if changes is None:
            return None
        writer = self._writer(event)
        for index, first_number in changes.drawn:
            writer.titles = changes.titles_before(index, writer)
            writer.add(specs[index], index, first_number)
        _set_language(writer.prs, event.event.language)
        new_record = rebuild.merged_record(record, keys, changes, writer)
        data = rebuild.with_new_slides(previous, writer, changes, stamp) if new_record else None
        if data is None:
            return None
        return Rendered(data, entry["summary"], rebuild.warnings_of(new_record), new_record)

    def _render(self, event: EventData, keys) -> Rendered:
        specs = plan_deck(event)
        writer = self._writer(event)
        for spec in specs:
            writer.add(spec)
        _set_language(writer.prs, event.event.language)
        _set_properties(writer.prs, event)
        record = rebuild.full_record(writer, keys, specs, logo=self.logo is not None)
        return Rendered(writer.to_bytes(document_time(event.event.date)), f"{len(writer.prs.slides)} slides",
                        rebuild.warnings_of(record), record)

    def _writer(self, event: EventData) -> "DeckWriter":
        """Return a writer on a fresh copy of the template, in the event's theme."""
        from pptx import Presentation

        from ..branding import apply_to_presentation
        from .writer import DeckWriter

        prs = Presentation(io.BytesIO(self.template_package))
        theme = event.theme
        apply_to_presentation(prs, theme)
        alt_text = theme.logo_alt_text or f"Logo of {event.event.partnership}"
        return DeckWriter(prs, event.event.footer_text, theme.layouts, self.logo, alt_text, event.event.language)


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
