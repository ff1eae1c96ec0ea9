"""Build every output of one event: load once, render all in memory, then write all or nothing."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from .branding import read_template
from .briefing import BriefingBuilder
from .data_source import LoadedData, load_event
from .data_source.loader import display_path
from .deck import DeckBuilder
from .output import Output, Rendered, manifest, write_outputs
from .parallel import run_both
from .problems import ERROR, WARNING, InputError, Problem
from .templates import BUILTIN_DECK_TEMPLATE


@dataclass
class BuildOptions:
    """What the user asked for on the command line."""

    out_dir: Path = Path(".")
    strict: bool = False
    pdf: bool = False
    deck_template: Path | None = None
    docx_template: Path | None = None
    allow_outside: bool = False
    parallel: bool = True  # render the briefings on the second core; off where batches use every core


@dataclass
class BuildReport:
    """What a build wrote, left unchanged, and warned about."""

    source: Path
    outputs: list[Output]
    written: list[Output]
    warnings: list[Problem]
    pdfs: list[Path] = field(default_factory=list)


def builders(loaded: LoadedData, options: BuildOptions):
    """Return one builder per output format, each with the same ``targets(event, out_dir)`` hook.

    Templates named on the command line win over those the data's theme names.
    """
    deck_template = read_template(options.deck_template or loaded.pptx_template, BUILTIN_DECK_TEMPLATE)
    docx_template = options.docx_template or loaded.docx_template
    return [DeckBuilder(deck_template, loaded.logo), BriefingBuilder(deck_template, docx_template)]


def build_event(path: Path, options: BuildOptions) -> BuildReport:
    """Build the deck and briefings of the event in ``path``; raise InputError and write nothing on bad input.

    Outputs whose inputs are unchanged since the last build (and whose files
    are untouched) are not rendered again.
    """
    loaded = load_event(path, options.allow_outside)
    label = display_path(path)
    warnings = list(loaded.warnings)
    previous = manifest.load(options.out_dir, path)
    record: dict = {}
    outputs: list[Output] = []
    planned = []  # (builder, target, fingerprint, the output if it needs no drawing)
    for builder in builders(loaded, options):
        for target in builder.targets(loaded.event, options.out_dir):
            print_ = manifest.fingerprint(*target.inputs)
            planned.append((builder, target, print_, _without_drawing(target, previous.get(str(target.path)), print_)))
    renders = [(builder, target) for builder, target, _, ready in planned if ready is None]
    # The deck here and the briefings on the other core: about the same work each.
    here = [target for builder, target in renders if builder.name == "deck" or not options.parallel]
    elsewhere = [target for builder, target in renders if builder.name != "deck" and options.parallel]
    rendered = run_both([t.render for t in here], [t.render for t in elsewhere])
    results = dict(zip(map(id, here + elsewhere), rendered))
    for builder, target, print_, ready in planned:
        result = ready or results[id(target)]
        outputs.append(Output(target.path, result.data, result.summary))
        record[str(target.path)] = manifest.entry_for(result, print_)
        warnings.extend(Problem(m, file=label, severity=WARNING, category=builder.name) for m in result.warnings)
    if options.strict and warnings:
        raise InputError([_as_error(w) for w in warnings])
    written = write_outputs(outputs)
    manifest.save(options.out_dir, path, record)
    report = BuildReport(path, outputs, written, warnings)
    if options.pdf:
        from .output.pdf import convert_to_pdf

        report.pdfs, pdf_problem = convert_to_pdf([o.path for o in outputs])
        if pdf_problem:
            report.warnings.append(Problem(pdf_problem, severity=WARNING, category="pdf"))
    return report


@dataclass
class BuildOutcome:
    """What one event's build means for the user: files (state, path, summary), warnings, or its problems."""

    source: Path
    files: list[tuple[str, Path, str]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def build_outcome(path: Path, options: BuildOptions) -> BuildOutcome:
    """Return the outcome of building one event (bad input is an outcome, not an exception)."""
    try:
        report = build_event(path, options)
    except InputError as error:
        return BuildOutcome(path, problems=error.problems)
    files = [("wrote" if output in report.written else "unchanged", output.path, output.summary)
             for output in report.outputs]
    files.extend(("wrote", pdf, _pages_of(pdf)) for pdf in report.pdfs)
    return BuildOutcome(path, files, report.warnings)


def build_batch(paths: list[Path], options: BuildOptions, workers: int | None = None):
    """Yield each event's outcome, in order; several events are built in parallel processes."""
    workers = workers or min(len(paths), os.cpu_count() or 1)
    if workers <= 1 or options.pdf:  # LibreOffice runs one conversion at a time per profile anyway
        for path in paths:
            yield build_outcome(path, options)
        return
    from concurrent.futures import ProcessPoolExecutor

    options = dataclasses.replace(options, parallel=False)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(build_outcome, paths, [options] * len(paths), chunksize=max(1, len(paths) // 8))


def _without_drawing(target, entry: dict | None, print_: str) -> Rendered | None:
    """Return the output as the last build left it, or brought up to date by its builder; None if it must be drawn.

    Either needs the file on disk to be exactly what that build wrote.
    """
    built = manifest.as_built(entry, target.path)
    if built is None:
        return None
    if entry.get("fingerprint") == print_:
        return Rendered(built, entry["summary"], entry["warnings"], entry.get("record", {}))
    if target.refresh is not None:
        return target.refresh(built, entry)
    return None


def _pages_of(pdf: Path) -> str:
    """Return '2 pages' for a PDF LibreOffice wrote (its page tree's count), or '' if it cannot be read."""
    import re

    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf.read_bytes())]
    if not counts:
        return ""
    return f"{max(counts)} page{'s' if max(counts) != 1 else ''}"


def _as_error(warning: Problem) -> Problem:
    return Problem(f"{warning.message} (an error under --strict)", warning.file, warning.line, warning.key_path,
                   ERROR, warning.category)
