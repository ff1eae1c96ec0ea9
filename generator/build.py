"""Build every output of one event: load once, plan once, render each output, then write all or nothing."""

from __future__ import annotations

import dataclasses
import importlib
import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterator, Protocol

from .i18n import SOURCE_LANGUAGE, catalogue_fingerprint, speaking
from .loading import LoadedData, load_event
from .look import Look
from .output import UNCHANGED, WROTE, Output, Rendered, Target, hiding_record, manifest, write_outputs
from .output.lock import build_lock
from .output.rendering import render_all
from .output_formats import OFFICE_SUFFIXES, OUTPUT_FORMATS
from .paths import SLUG_LENGTH, display_path, event_stem, slug
from .plan import EventPlan, plan_event
from .problems import ERROR, WARNING, InputError, Problem


class Builder(Protocol):
    """An output format: its name, and the files it makes from an event's plan.

    A builder whose versions must be set at one size (the deck: the Welsh version never comes second in size)
    also has ``set_together(data, others)``, which returns its output set no larger than the other versions'.
    """

    name: str

    def targets(self, plan: EventPlan, out_dir: Path) -> list[Target]: ...


class BuilderClass(Protocol):
    """A builder's class, as an output format names it: it makes the builder a build uses, or declines."""

    def for_build(self, setup: BuildSetup) -> Builder | None: ...


@dataclass
class BuildOptions:
    """What the user asked for on the command line."""

    out_dir: Path = Path(".")
    strict: bool = False
    pdf: bool = False
    deck_template: Path | None = None
    docx_template: Path | None = None
    allow_outside: bool = False
    suppress_below: int | None = None  # hide counts from 1 to N-1 (overrides the data's publish: suppress_below)
    allow_unhiding: bool = False  # may overwrite an output built with small numbers hidden by one hiding fewer
    progress: Callable[[str], None] | None = None  # told what slow work (LibreOffice) is under way
    render_in_parallel: bool = True  # draw the deck and the briefings at once, where the system can fork
    pictures: bool = False  # also draw every chart as pictures (as the data's publish: pictures does)


@dataclass
class BuildReport:
    """What a build wrote, left unchanged, and warned about."""

    source: Path
    outputs: list[Output]
    written: list[Output]
    warnings: list[Problem]
    pdfs: list[Path] = field(default_factory=list)
    kept_pdfs: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class BuildSetup:
    """What a builder is made from (see each builder's ``for_build``): the event, what the user asked for, and the
    look the templates and the data's theme give every output."""

    loaded: LoadedData
    options: BuildOptions
    look: Look


def look_of(loaded: LoadedData, options: BuildOptions) -> Look:
    """Return the look the event's outputs are drawn with: templates named on the command line win over those the
    data's theme names."""
    return Look(loaded.event.theme, options.deck_template or loaded.pptx_template,
                options.docx_template or loaded.docx_template)


def builders(loaded: LoadedData, options: BuildOptions, look: Look | None = None) -> list[Builder]:
    """Return one builder per output format that has one (generator/output_formats.py names it), in the formats'
    order, all drawing with ``look`` (the event's, when None); a builder may decline (the chart pictures, unless
    asked for).

    Making them reads no template and imports no drawing library: each builder does so when it draws.
    """
    setup = BuildSetup(loaded, options, look or look_of(loaded, options))
    made = (builder_class(output_format.builder).for_build(setup)
            for output_format in OUTPUT_FORMATS if output_format.builder)
    return [builder for builder in made if builder is not None]


def builder_class(reference: str) -> BuilderClass:
    """Return the builder class an output format names as 'module:Class'."""
    module, name = reference.split(":")
    return getattr(importlib.import_module(module), name)


def build_event(path: Path, options: BuildOptions, loaded: LoadedData | None = None) -> BuildReport:
    """Build every output of the event in ``path``; raise InputError and write nothing on bad input.

    An output whose inputs are unchanged since the last build (and whose file
    is untouched) is not rendered again. ``loaded`` is the event already loaded, when the caller has it.
    """
    loaded = loaded or load_event(path, options.allow_outside, options.suppress_below)
    label = display_path(path)
    planned, warnings, looks = _plan_every_version(path, options, loaded, label)
    outputs, record, replacing = _drawn_or_kept(planned, manifest.load(options.out_dir, path), options, label,
                                                warnings, looks)
    if options.strict and any(w.severity == WARNING for w in warnings):
        raise InputError([_as_error(w) for w in warnings if w.severity == WARNING])
    # Another build into this folder finishes first, PDFs and all: its PDFs are made from the files it wrote,
    # and it tidies temporary files that only a build holding the lock can have left.
    with build_lock(options.out_dir):
        if not options.allow_unhiding:  # an output kept as the last build wrote it replaces nothing
            _refuse_unhiding(replacing, label)
        written = write_outputs(outputs)
        manifest.save(options.out_dir, path, record)
        manifest.disown(options.out_dir, path, [output.path for output in outputs])
        report = BuildReport(path, outputs, written, warnings)
        _add_pdfs(report, options)
    return report


def _plan_every_version(path: Path, options: BuildOptions, loaded: LoadedData, label: str
                        ) -> tuple[list[tuple[Builder, Target]], list[Problem], list[Look]]:
    """Return every output of every language's version with its builder, the warnings so far (the loader's,
    and any output that would overwrite another event's) and each version's look; raise InputError when two
    outputs share a name."""
    versions = [loaded, *(load_event(path, options.allow_outside, options.suppress_below, language)
                          for language in loaded.event.event.languages[1:])]
    looks = [look_of(version, options) for version in versions]
    planned = [planned for version, look in zip(versions, looks)
               for planned in _planned_version(version, options, label, look, bilingual=len(versions) > 1)]
    planned = _fingerprinted_together(planned)
    _refuse_clashing_names([target for _, target in planned], label)
    warnings = [warning for version in versions for warning in version.warnings]
    warnings += _overwriting_other_events([target.path for _, target in planned], options.out_dir, path, label)
    return planned, warnings, looks


def _versions_set_together(planned: list[tuple[Builder, Target]]) -> list[list[int]]:
    """Return the places in ``planned`` of each output whose versions are set at one size: the n-th output of
    such a builder in each language's version (one group per output, when the build has several versions)."""
    groups: dict[tuple[str, int], list[int]] = {}
    seen: dict[tuple[str, int], int] = {}
    for index, (builder, _target) in enumerate(planned):
        if not hasattr(builder, "set_together"):
            continue
        key = (builder.name, id(builder))
        nth = seen[key] = seen.get(key, -1) + 1
        groups.setdefault((builder.name, nth), []).append(index)
    return [places for places in groups.values() if len(places) > 1]


def _fingerprinted_together(planned: list[tuple[Builder, Target]]) -> list[tuple[Builder, Target]]:
    """Return ``planned`` with each output set together with its other versions drawn from all their inputs: a
    change to one version's words may change the size the other is set at."""
    planned = list(planned)
    for places in _versions_set_together(planned):
        together = tuple(planned[i][1].inputs for i in places)
        for i in places:
            builder, target = planned[i]
            planned[i] = (builder, dataclasses.replace(target, inputs=together))
    return planned


def _set_together(planned: list[tuple[Builder, Target]], results: list[Rendered], redrawn: list[bool]
                  ) -> list[Rendered]:
    """Return ``results`` with the versions of each output set together at the smaller of their sizes (versions
    kept as the last build wrote them were set together then: each one's fingerprint holds all their inputs)."""
    results = list(results)
    for places in _versions_set_together(planned):
        if not any(redrawn[i] for i in places):
            continue
        drawn = [results[i].data for i in places]
        for n, i in enumerate(places):
            set_together = getattr(planned[i][0], "set_together")
            results[i] = dataclasses.replace(results[i], data=set_together(drawn[n], drawn[:n] + drawn[n + 1:]))
    return results


def _drawn_or_kept(planned: list[tuple[Builder, Target]], previous: dict[str, manifest.Entry], options: BuildOptions,
                   label: str, warnings: list[Problem], looks: list[Look]
                   ) -> tuple[list[Output], dict[str, manifest.Entry], list[Output]]:
    """Return each planned output, drawn, or as last built when its inputs and file are unchanged, with the
    manifest's record of them, and the outputs drawn (those that may replace a file); the builders' warnings are
    added to ``warnings``."""
    record: dict[str, manifest.Entry] = {}
    outputs: list[Output] = []
    fingerprints = [manifest.fingerprint(*target.inputs) for _, target in planned]
    kept = [_as_last_built(previous.get(str(target.path)), target.path, fingerprint)
            for (_, target), fingerprint in zip(planned, fingerprints)]
    if None in kept:
        for look in looks:
            look.read()  # once, before the drawing is shared out between processes
    drawn = iter(render_all([target.render for (_, target), last in zip(planned, kept) if last is None],
                            options.render_in_parallel))
    results = _set_together(planned, [last or next(drawn) for last in kept], [last is None for last in kept])
    for (builder, target), fingerprint, result in zip(planned, fingerprints, results):
        outputs.append(Output(target.path, result.data, result.summary))
        record[str(target.path)] = manifest.entry_for(result, fingerprint)
        warnings.extend(Problem(message, file=label, severity=WARNING, category=builder.name)
                        for message in result.warnings)
    return outputs, record, [output for output, last in zip(outputs, kept) if last is None]


def _add_pdfs(report: BuildReport, options: BuildOptions) -> None:
    """Make the PDFs of the Office files (with --pdf) into the report, or warn of PDFs left stale beside them."""
    if not options.pdf:
        report.warnings.extend(_stale_pdfs(report.written))
        return
    from .output.pdf import make_pdfs

    office_files = [o.path for o in report.outputs if o.path.suffix in OFFICE_SUFFIXES]
    made = make_pdfs(office_files, options.progress, options.out_dir / manifest.FOLDER)
    report.pdfs, report.kept_pdfs = made.made, made.kept
    if made.problem:
        report.warnings.append(Problem(made.problem, severity=WARNING, category="pdf"))


def _planned_version(loaded: LoadedData, options: BuildOptions, label: str, look: Look,
                     bilingual: bool) -> list[tuple[Builder, Target]]:
    """Return each output of one language's version with its builder: planned, and drawn when rendered, in its
    language; a bilingual build's files are named for their language ('...-cy.pptx', '...-en.pptx')."""
    with speaking(loaded.language, loaded.translator):
        plan = plan_event(loaded.event)
        _refuse_briefings_of_one_name(plan, label)
        planned = [(builder, target) for builder in builders(loaded, options, look)
                   for target in builder.targets(plan, options.out_dir)]
    if loaded.language == SOURCE_LANGUAGE and not bilingual:
        return planned  # as before there were languages: the same names and fingerprints
    words = catalogue_fingerprint(loaded.language, loaded.translator)

    def path_of(builder: Builder, path: Path) -> Path:
        in_folder = getattr(builder, "language_in_folder", False)
        return _language_named(path, loaded.language, in_folder) if bilingual else path

    return [(builder, Target(path_of(builder, target.path), (*target.inputs, loaded.language, words),
                             partial(_render_in, loaded.language, loaded.translator, target.render)))
            for builder, target in planned]


def _language_named(path: Path, language: str, in_folder: bool = False) -> Path:
    """Return an output's path with its language before the suffix: 'x-2024-cspr.docx' -> 'x-2024-cspr-cy.docx';
    or on its folder, for a builder whose files link to each other: 'pictures/x-2024-cy/index.html'."""
    if in_folder:
        return path.parent.with_name(f"{path.parent.name}-{language}") / path.name
    return path.with_name(f"{path.stem}-{language}{path.suffix}")


def _render_in(language: str, translator: Path | None, render: Callable[[], Rendered]) -> Rendered:
    with speaking(language, translator):
        return render()


def _refuse_unhiding(outputs: list[Output], label: str) -> None:
    """Raise InputError when an output would replace a file built with small numbers hidden by one that hides
    fewer (or none): a published briefing must not be unhidden by a later build that forgot the threshold."""
    problems = []
    for output in outputs:
        before = hiding_record.recorded_at(output.path)
        after = hiding_record.recorded_in(output.path.name, output.data) or 0
        if before and after < before:
            now = f"only counts below {after}" if after else "nothing"
            problems.append(Problem(
                f"{display_path(output.path)} was built with counts below {before} hidden, and this build would hide "
                f"{now}; build with --suppress-below {before} (or publish: {{suppress_below: {before}}} in the "
                "data), or with --allow-unhiding to replace it anyway", file=label, category="publishing"))
    if problems:
        raise InputError(problems)


def _stale_pdfs(written: list[Output]) -> list[Problem]:
    """Return a warning for each PDF (from an earlier build with --pdf) beside a file this build has changed: it no
    longer shows what the file does, and someone may publish it."""
    return [Problem(f"{display_path(pdf)} was made from an earlier {output.path.name} and no longer matches it; "
                    "build with --pdf to make it again, or delete it", severity=WARNING, category="pdf")
            for output in written if output.path.suffix in OFFICE_SUFFIXES
            for pdf in [output.path.with_suffix(".pdf")] if pdf.exists()]


def _refuse_briefings_of_one_name(plan: EventPlan, label: str) -> None:
    """Refuse two review types whose briefings would have one file name (a name keeps only the letters and
    digits of the abbreviation, in lower case: 'CSPR', 'cspr' and 'C.S.P.R' are one name to a disk)."""
    first_by_name: dict[str, str] = {}
    problems = []
    for briefing in plan.briefings:
        name = briefing.file_stem.casefold()
        if name not in first_by_name:
            first_by_name[name] = briefing.key
            continue
        first = first_by_name[name]
        abbreviations = [plan.event.review_types[key].abbreviation or key for key in (first, briefing.key)]
        problems.append(Problem(
            f"review types '{first}' and '{briefing.key}' would write their briefings to one file, "
            f"{briefing.file_stem} (file names keep only letters and digits, in lower case, and at most "
            f"{SLUG_LENGTH} of them, so '{abbreviations[0]}' and '{abbreviations[1]}' are the same name); "
            "give each review type a different abbreviation",
            file=label, key_path=f"review_types.{briefing.key}.abbreviation"))
    if problems:
        raise InputError(problems)


def _overwriting_other_events(paths: list[Path], out_dir: Path, source: Path, label: str) -> list[Problem]:
    """Return a warning when this build writes over outputs another data file (one that still exists) built into
    ``out_dir``: the other event's files are replaced (its next build makes them again, and warns in turn)."""
    built_by = manifest.built_by_others(out_dir, source, paths)
    if not built_by:
        return []
    output, other = next(iter(built_by.items()))
    more = f" and {len(built_by) - 1} more of its files" if len(built_by) > 1 else ""
    return [Problem(f"this build writes over {display_path(output)}{more}, which {display_path(other)} built into "
                    "this folder (the two events' files have the same names); give this event another title, or "
                    "build one of them into another --out folder", file=label, key_path="event.title",
                    severity=WARNING)]


def _refuse_clashing_names(targets: list[Target], label: str) -> None:
    """Refuse, before anything is drawn, two outputs that would write one file (names compared as a disk may)."""
    seen: dict[str, Target] = {}
    problems = []
    for target in targets:
        key = os.path.normcase(str(target.path)).casefold()
        if key in seen:
            problems.append(Problem(f"two outputs would both be written to {display_path(target.path)}; give each "
                                    "review type a different abbreviation", file=label, key_path="review_types"))
        seen[key] = target
    if problems:
        raise InputError(problems)


@dataclass
class BuildOutcome:
    """What one event's build means for the user: files (state, path, summary), warnings, or its problems."""

    source: Path
    files: list[tuple[str, Path, str]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def build_outcome(path: Path, options: BuildOptions, loaded: LoadedData | None = None) -> BuildOutcome:
    """Return the outcome of building one event (bad input is an outcome, not an exception)."""
    try:
        report = build_event(path, options, loaded)
    except InputError as error:
        return BuildOutcome(path, problems=error.problems)
    files = [(WROTE if output in report.written else UNCHANGED, output.path, output.summary)
             for output in report.outputs]
    files.extend((WROTE, pdf, "") for pdf in report.pdfs)
    files.extend((UNCHANGED, pdf, "") for pdf in report.kept_pdfs)
    return BuildOutcome(path, files, report.warnings)


def build_batch(paths: list[Path], options: BuildOptions) -> Iterator[BuildOutcome]:
    """Yield each event's outcome, in order, refusing first two events that would write the same files.

    Every event is loaded once, before any is built: the titles and dates of all of them must be known first.
    """
    loaded: dict[Path, LoadedData | InputError] = {}
    for path in paths:
        try:
            loaded[path] = load_event(path, options.allow_outside, options.suppress_below)
        except InputError as error:
            loaded[path] = error
    _refuse_events_writing_one_file(loaded)
    for path in paths:
        event = loaded[path]
        if isinstance(event, InputError):
            yield BuildOutcome(path, problems=event.problems)
        else:
            yield build_outcome(path, options, event)


def _refuse_events_writing_one_file(loaded: dict[Path, LoadedData | InputError]) -> None:
    """Refuse two data files of which any two outputs would be written to one file, naming both events."""
    first_by_name: dict[tuple[str, str], tuple[Path, str]] = {}
    problems = []
    for path, event in loaded.items():
        if isinstance(event, InputError):
            continue  # its own outcome reports it
        for name, what in _output_names(event).items():
            if name not in first_by_name:
                first_by_name[name] = (path, what)
                continue
            other, other_what = first_by_name[name]
            if other == path:
                continue  # two of one event's own briefings: its own build says so, naming the review types
            problems.append(Problem(
                f"this event's {what} would be written to the same file as the {other_what} of "
                f"{display_path(other)} ({name[1]}); change the title or abbreviation, or build them into different "
                "--out folders", file=display_path(path), key_path="event.title"))
            break  # one clash says what to do
    if problems:
        raise InputError(problems)


def _output_names(loaded: LoadedData) -> dict[tuple[str, str], str]:
    """Return each output of an event as (kind, file name stem, as a disk compares names) -> what it is."""
    event = loaded.event
    stem = event_stem(event.event.title, event.event.date)
    named = {("deck", stem): "deck"}
    for key, review in event.review_types.items():
        named.setdefault(("briefing", f"{stem}-{slug(review.abbreviation or key)}"), f"{review.abbreviation or key} "
                                                                                      "briefing")
    languages = event.event.languages if len(event.event.languages) > 1 else ("",)
    # A bilingual event's files are named for their language (see _language_named).
    return {(kind, (f"{name}-{language}" if language else name).casefold()): what
            for (kind, name), what in named.items() for language in languages}


def _as_last_built(entry: manifest.Entry | None, path: Path, fingerprint: str) -> Rendered | None:
    """Return the output as the last build left it, if its inputs are unchanged and its file untouched."""
    if not entry or entry.get("fingerprint") != fingerprint:
        return None
    built = manifest.as_built(entry, path)
    if built is None:
        return None
    return Rendered(built, entry["summary"], entry["warnings"])


def _as_error(warning: Problem) -> Problem:
    return dataclasses.replace(warning, message=f"{warning.message} (an error under --strict)", severity=ERROR)
