"""Build every output of one event: load once, render all in memory, then write all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .briefing import BriefingBuilder
from .data_source import load_event
from .data_source.loader import display_path
from .deck import DeckBuilder
from .output import Output, document_time, write_outputs
from .output.files import normalise_zip
from .output.pdf import convert_to_pdf
from .problems import ERROR, WARNING, InputError, Problem


@dataclass
class BuildOptions:
    """What the user asked for on the command line."""

    out_dir: Path = Path(".")
    strict: bool = False
    pdf: bool = False
    deck_template: Path | None = None


@dataclass
class BuildReport:
    """What a build wrote, left unchanged, and warned about."""

    source: Path
    outputs: list[Output]
    written: list[Output]
    warnings: list[Problem]
    pdfs: list[Path] = field(default_factory=list)


def builders(options: BuildOptions):
    """Return one builder per output format, each with the same ``build(event, out_dir)`` hook."""
    return [DeckBuilder(options.deck_template), BriefingBuilder(options.deck_template)]


def build_event(path: Path, options: BuildOptions) -> BuildReport:
    """Build the deck and briefings of the event in ``path``; raise InputError and write nothing on bad input."""
    loaded = load_event(path)
    label = display_path(path)
    warnings = list(loaded.warnings)
    outputs: list[Output] = []
    for builder in builders(options):
        built, messages = builder.build(loaded.event, options.out_dir)
        outputs.extend(built)
        warnings.extend(Problem(m, file=label, severity=WARNING, category=builder.name) for m in messages)
    if options.strict and warnings:
        raise InputError([_as_error(w) for w in warnings])
    stamp = document_time(loaded.event.event.date)
    for output in outputs:
        output.data = normalise_zip(output.data, stamp)
    written = write_outputs(outputs)
    report = BuildReport(path, outputs, written, warnings)
    if options.pdf:
        report.pdfs, pdf_problem = convert_to_pdf([o.path for o in outputs])
        if pdf_problem:
            report.warnings.append(Problem(pdf_problem, severity=WARNING, category="pdf"))
    return report


def _as_error(warning: Problem) -> Problem:
    return Problem(f"{warning.message} (an error under --strict)", warning.file, warning.line, warning.key_path,
                   ERROR, warning.category)
