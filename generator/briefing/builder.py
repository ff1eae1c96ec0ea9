"""Build one seven-minute briefing per review type."""

from __future__ import annotations

from pathlib import Path

from ..model import EventData
from ..output import Output, document_time, slug
from ..templates import BUILTIN_DECK_TEMPLATE
from ..theme_colours import theme_colours
from .chart import chart_for, render_png
from .document import BriefingDocument

MAX_WORDS = 1400


class BriefingBuilder:
    """Builds ``briefings/<event>-<review type>.docx`` for every review type in the model."""

    name = "briefings"
    folder = "briefings"

    def __init__(self, deck_template: Path | None = None):
        self.colours = theme_colours(deck_template or BUILTIN_DECK_TEMPLATE)

    def build(self, event: EventData, out_dir: Path) -> tuple[list[Output], list[str]]:
        """Return one briefing per review type, and warnings for any that run long."""
        outputs, warnings = [], []
        info = event.event
        for key, review in event.review_types.items():
            document = BriefingDocument(event, review, self.colours)
            chart = chart_for(review, self.colours)
            document.build(chart, render_png(chart) if chart else None)
            _set_properties(document.doc, event, review)
            words = document.word_count()
            if words > MAX_WORDS:
                warnings.append(f"the {review.full_name} briefing has {words} words, {words - MAX_WORDS} more "
                                f"than the {MAX_WORDS} readable in seven minutes")
            name = f"{slug(info.title)}-{info.date.isoformat()}-{slug(review.abbreviation or key)}.docx"
            summary = f"{review.full_name}, {words} words"
            outputs.append(Output(out_dir / self.folder / name, document.to_bytes(), summary))
        return outputs, warnings


def _set_properties(doc, event: EventData, review) -> None:
    info = event.event
    props = doc.core_properties
    props.title = review.briefing.title or f"{review.full_name}: seven-minute briefing"
    props.subject = f"{info.title}, {info.long_date}"
    props.author = info.author or info.partnership
    props.last_modified_by = info.author or info.partnership
    props.language = info.language
    props.keywords = f"safeguarding; {review.full_name}; seven-minute briefing"
    props.comments = ""
    props.revision = 1
    stamp = document_time(info.date)
    props.created = stamp
    props.modified = stamp
