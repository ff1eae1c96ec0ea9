"""Build one seven-minute briefing per review type."""

from __future__ import annotations

from pathlib import Path

from ..model import EventData, ReviewType
from ..output import Rendered, Target, document_time, property_text, slug

MAX_WORDS = 1400


class BriefingBuilder:
    """Builds ``briefings/<event>-<review type>.docx`` for every review type, in the deck template's colours."""

    name = "briefings"
    folder = "briefings"

    def __init__(self, deck_template_package: bytes, docx_template: Path | None = None):
        from ..templates.opening import read_package

        self.deck_template_package = deck_template_package
        self.docx_template = docx_template
        # Read (and refused if macro-enabled or damaged) once, before anything is drawn.
        self.docx_package = read_package(docx_template, "docx") if docx_template else None
        self._look: tuple[dict[str, str], tuple[str, str]] | None = None  # colours and fonts, once worked out

    def targets(self, event: EventData, out_dir: Path) -> list[Target]:
        """Return one briefing per review type, each with what it shows."""
        info = event.event
        found = []
        for key, review in event.review_types.items():
            name = f"{slug(info.title)}-{info.date.isoformat()}-{slug(review.abbreviation or key)}.docx"
            inputs = (self.deck_template_package, self.docx_package or b"", info, event.theme, review)
            found.append(Target(out_dir / self.folder / name, inputs,
                                lambda review=review: self._render(event, review)))
        return found

    def _render(self, event: EventData, review: ReviewType) -> Rendered:
        from .blank import blank_document
        from .chart import chart_for, chart_png
        from .document import BriefingDocument

        colours, fonts = self._colours_and_fonts(event)
        blank = blank_document(self.docx_package, self.docx_template, colours, fonts, event.event.language,
                               event.theme.styles)
        document = BriefingDocument(event, review, blank, body_font=fonts[1])
        chart = chart_for(review, colours)
        picture = chart_png(chart) if chart and event.theme.briefing_chart == "picture" else None
        document.build(chart, picture)
        _set_properties(document.doc, event, review)
        words = document.word_count()
        warnings = []
        if words > MAX_WORDS:
            warnings.append(f"the {review.full_name} briefing has {words} words, {words - MAX_WORDS} more "
                            f"than the {MAX_WORDS} readable in seven minutes")
        return Rendered(document.to_bytes(document_time(event.event.date)), f"{review.full_name}, {words} words",
                        warnings)

    def _colours_and_fonts(self, event: EventData) -> tuple[dict[str, str], tuple[str, str]]:
        """Return the deck template's colours and heading and body fonts, with the theme's own overriding them."""
        if self._look is None:
            from ..branding import palette, template_fonts

            heading, body = template_fonts(self.deck_template_package)
            self._look = (palette(self.deck_template_package, event.theme),
                          (event.theme.heading_font or heading, event.theme.body_font or body))
        return self._look


def _set_properties(doc, event: EventData, review) -> None:
    info = event.event
    props = doc.core_properties
    props.title = property_text(review.briefing.title or f"{review.full_name}: seven-minute briefing")
    props.subject = property_text(f"{info.title}, {info.long_date}")
    props.author = property_text(info.author or info.partnership)
    props.last_modified_by = property_text(info.author or info.partnership)
    props.language = info.language
    props.keywords = property_text(f"safeguarding; {review.full_name}; seven-minute briefing")
    props.comments = ""
    props.revision = 1
    stamp = document_time(info.date)
    props.created = stamp
    props.modified = stamp
