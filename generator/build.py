"""Build every output of one event: load once, render all in memory, then write all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .branding import read_template
from .briefing import BriefingBuilder
from .data_source import LoadedData, load_event
from .data_source.loader import display_path
from .deck import DeckBuilder
from .output import Output, document_time, write_outputs
from .output.files import normalise_zip
from .output.pdf import convert_to_pdf
from .problems import ERROR, WARNING, InputError, Problem
from .templates import BUILTIN_DECK_TEMPLATE
from .templates.opening import open_document


@dataclass
class BuildOptions:
    """What the user asked for on the command line."""

    out_dir: Path = Path(".")
    strict: bool = False
    pdf: bool = False
    deck_template: Path | None = None
    docx_template: Path | None = None
    allow_outside: bool = False


@dataclass
class BuildReport:
    """What a build wrote, left unchanged, and warned about."""

    source: Path
    outputs: list[Output]
    written: list[Output]
    warnings: list[Problem]
    pdfs: list[Path] = field(default_factory=list)


def builders(loaded: LoadedData, options: BuildOptions):
    """Return one builder per output format, each with the same ``build(event, out_dir)`` hook.

    Templates named on the command line win over those the data's theme names.
    """
    deck_template = read_template(options.deck_template or loaded.pptx_template, BUILTIN_DECK_TEMPLATE)
    docx_template = options.docx_template or loaded.docx_template
    if docx_template is not None:
        open_document(docx_template)  # refuse a bad template before anything is drawn
    return [DeckBuilder(deck_template, loaded.logo), BriefingBuilder(deck_template, docx_template)]


def build_event(path: Path, options: BuildOptions) -> BuildReport:
    """Build the deck and briefings of the event in ``path``; raise InputError and write nothing on bad input."""
    loaded = load_event(path, options.allow_outside)
    label = display_path(path)
    warnings = list(loaded.warnings)
    outputs: list[Output] = []
    for builder in builders(loaded, options):
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
