"""Load one event: read its data and register (``data_source``), count the register's rows (``figures``), check
its numbers, and fill its free text's figures, so every output sees a complete model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import figures as figures_module
from .data_source import branding_checks, consistency
from .data_source.loader import ReadEvent, read_event, theme_files
from .i18n import SOURCE_LANGUAGE, speaking
from .free_text import fill_placeholders
from .figures.review import Hidden
from .timeline import event_timelines
from .model import EventData
from .problems import NOTE, InputError, Problem


@dataclass
class LoadedData:
    """A validated event, where it came from, the files its theme names, and the warnings raised."""

    event: EventData
    path: Path
    warnings: list[Problem]
    text: str
    logo: Path | None = None
    logo_image: bytes = b""  # the logo's bytes, read once when it was checked (b"" when there is none)
    pptx_template: Path | None = None
    docx_template: Path | None = None
    language: str = SOURCE_LANGUAGE  # the language of this version ('cy'), and its translator's catalogue's place
    translator: Path | None = None


def load_event(path: Path, allow_outside: bool = False, suppress_below: int | None = None,
               language: str | None = None) -> LoadedData:
    """Return the validated event in ``path``, its register counted; raise InputError listing every error found.

    The data may ``include:`` other YAML files (shared areas or legal
    framework, say); they and the files the theme names (logo, templates) are
    found relative to the file that names them, and must lie in its folder
    unless ``allow_outside`` is set. A review register the data names is
    read and counted, and placeholders in free text filled from the figures;
    ``suppress_below`` (the command line's) overrides ``publish.suppress_below``. A data file listing
    ``event.languages`` is loaded in ``language`` (its first, when None).
    """
    read = read_event(path, allow_outside, suppress_below, language)
    with speaking(read.language, read.translator):
        return _counted_and_filled(path, read)


def _counted_and_filled(path: Path, read: ReadEvent) -> LoadedData:
    event, locations = read.event, read.locations
    figures_module.count_register(event)
    found = read.warnings + consistency.check(event, locations) + branding_checks.check_branding(event.theme,
                                                                                                 locations)
    if not any(p.severity == "error" for p in found):  # a figure in error would make its placeholders unknown too
        found += fill_placeholders(event, locations)
    found += suppression_summary(event, read.label)
    files = theme_files(read)
    found += files.problems
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise InputError(sorted(errors, key=lambda p: (p.file, p.line or 0)))
    return LoadedData(event, path, sorted(found, key=lambda p: (p.file, p.line or 0)), read.text,
                      logo_image=files.logo_image, language=read.language, translator=read.translator,
                      **files.paths)


def suppression_summary(event: EventData, label: str) -> list[Problem]:
    """Return one short note per output saying how much publishing hides, and why (never the hidden counts)."""
    lines = []
    if figures_module.publish_threshold(event, for_deck=False):
        over_time = event_timelines(event)
        for key, figures in figures_module.event_figures(event).items():
            published: list[Hidden] = [figures, *((over_time[key],) if key in over_time else ())]
            lines.append((f"the {figures.review.abbreviation or figures.key} briefing",
                          figures_module.hiding_summary_of(published)))
    if figures_module.publish_threshold(event, for_deck=True):
        every: list[Hidden] = [*figures_module.event_figures(event, for_deck=True).values(),
                               *event_timelines(event, for_deck=True).values()]
        lines.append(("the deck", figures_module.hiding_summary_of(every)))
    elif threshold := figures_module.publish_threshold(event, for_deck=False):
        # The deck is for the room and keeps its numbers; put beside the briefings, it would give away all they hide.
        lines.append(("the deck", f"hides nothing: keep it for the room, or hide its counts too with publish: "
                                  f"{{suppress_below: {threshold}, deck: true}} before publishing it"))
    return [Problem(f"{where} {summary}", file=label, severity=NOTE, category="suppression")
            for where, summary in lines if summary]
