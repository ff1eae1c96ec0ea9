"""Tagged PDF copies of the outputs, made by LibreOffice where it is installed.

Every PDF is tagged (headings, reading order, bookmarks and the alt text
LibreOffice carries reach a screen reader). It is not marked PDF/UA:
LibreOffice 7.4 would write the claim, but it drops the alt text of charts,
which PDF/UA requires, so the claim would be false. The export
settings go into the configuration of a throwaway LibreOffice profile rather
than into ``--convert-to pdf:<filter>:{json}``: one launch applies one filter
to all its files, while the configuration lets each file keep its own
(Impress for decks, Writer for briefings), so one launch converts them all.
Impress gives a deck's PDF the language of LibreOffice's locale, not the
deck's, so LibreOffice runs in the language the sources declare (their
``dc:language``): one launch per language, and a build has one.

Only PDFs whose source changed are made again: ``<out>/.learning-from-reviews/
pdf.json`` records, per PDF, the sha256 of the source it was made from and of
the PDF, and a PDF is kept when both still match. LibreOffice 7.4 stamps each
PDF with the time of conversion and an ID drawn from it; those are rewritten
(same length, so the file's offsets stay right) to the source's own modified
time, so the same source gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .hiding_record import pdf_recorded, recorded_in
from .pdf_alt_text import with_figure_alt_text
from .manifest import FOLDER

NOT_INSTALLED = ("LibreOffice is not installed, so no PDFs were written; install it "
                 "(Debian/Ubuntu: apt-get install libreoffice-impress libreoffice-writer) and build again")
SOFFICE_VARIABLE = "LFR_SOFFICE"  # a LibreOffice command to use instead of the one on PATH
RECORD_NAME = "pdf.json"
DEFAULT_TIMEOUT_S = 300
# LibreOffice's PDF export settings (Office.Common/Filter/PDF/Export), as its export dialog stores them.
EXPORT_SETTINGS: dict[str, bool] = {
    "UseTaggedPDF": True,
    "ExportBookmarks": True,
    "DisplayPDFDocumentTitle": True,
}
# A change to how PDFs are made (this module) makes every recorded PDF out of date.
RECIPE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
CORE_PROPERTIES_LIMIT = 1 << 16  # bytes of docProps/core.xml read for the source's time

_LANGUAGE = re.compile(rb"<dc:language>\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3})\s*</dc:language>")
_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z?</dcterms:modified>")
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\()D:[^)]{0,40}(\))")
_XMP_DATE = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]{0,40}(</xmp:)")
_FILE_ID = re.compile(rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>\s*\])")
_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}")

Progress = Callable[[str], None]


@dataclass
class PdfOutcome:
    """What making the PDFs did: the PDFs made now, those kept as up to date, and a problem ('' when none)."""

    made: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    problem: str = ""


def find_soffice() -> str | None:
    """Return the LibreOffice command ($LFR_SOFFICE when set), or None when it is not installed."""
    chosen = os.environ.get(SOFFICE_VARIABLE, "").strip()
    if chosen:
        return shutil.which(chosen)
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_path(source: Path) -> Path:
    """Return where the PDF of ``source`` goes: beside it, with the same name."""
    return source.with_suffix(".pdf")


def convert_to_pdf(paths: list[Path], progress: Progress | None = None, record_dir: Path | None = None,
                   timeout: int = DEFAULT_TIMEOUT_S) -> tuple[list[Path], str]:
    """Return the PDFs now up to date beside ``paths`` (made or kept, in their order) and a problem ('' if none).

    See :func:`make_pdfs`, which also tells the PDFs made from those kept.
    """
    outcome = make_pdfs(paths, progress, record_dir, timeout)
    current = set(outcome.made) | set(outcome.kept)
    return [pdf_path(path) for path in paths if pdf_path(path) in current], outcome.problem


def make_pdfs(paths: list[Path], progress: Progress | None = None, record_dir: Path | None = None,
              timeout: int = DEFAULT_TIMEOUT_S) -> PdfOutcome:
    """Write a tagged PDF beside each of ``paths`` whose bytes changed since its PDF was made, in one launch.

    ``record_dir`` (the output's ``.learning-from-reviews`` folder) holds the
    record of what each PDF was made from; without it every PDF is made.
    ``progress`` is told, in a line each, what is happening while it works.
    Each PDF lands atomically.
    """
    say = progress or _quiet
    record = _Record.load(record_dir)
    sources: dict[Path, bytes] = {}
    for path in paths:
        try:
            sources[path] = path.read_bytes()
        except OSError as error:
            return PdfOutcome(problem=f"could not read {path.name} to make its PDF ({error.strerror})")
    outcome = PdfOutcome(kept=[pdf_path(p) for p in paths if record.is_current(pdf_path(p), sources[p])])
    stale = [path for path in paths if pdf_path(path) not in outcome.kept]
    if not stale:
        if paths:
            say(f"{_count(len(paths), 'PDF')} up to date: LibreOffice is not needed")
        return outcome
    soffice = find_soffice()
    if soffice is None:
        chosen = os.environ.get(SOFFICE_VARIABLE, "").strip()
        outcome.problem = (f"{SOFFICE_VARIABLE} is set to '{chosen}', which is not a command that can be run, so "
                           f"no PDFs were written; correct it or unset it" if chosen else NOT_INSTALLED)
        return outcome
    say(f"Making PDFs of {_count(len(stale), 'file')} with LibreOffice (this can take a few seconds)...")
    converted, outcome.problem = _convert_by_language(soffice, stale, sources, timeout)
    _write_pdfs(converted, sources, record, outcome)
    missing = [path.name for path, data in converted if data is None]
    if missing and not outcome.problem:
        outcome.problem = f"LibreOffice did not produce a PDF of {', '.join(missing)}"
    say(f"Made {_count(len(outcome.made), 'PDF')}" + (f"; {_count(len(outcome.kept), 'other')} up to date"
                                                      if outcome.kept else ""))
    return outcome


def _convert_by_language(soffice: str, stale: list[Path], sources: dict[Path, bytes],
                         timeout: int) -> tuple[list[tuple[Path, bytes | None]], str]:
    """Return each stale file with its PDF (None where none was made), converted in one launch per language the
    files declare, and the first problem met, or ''."""
    by_language: dict[str, list[Path]] = {}
    for path in stale:
        by_language.setdefault(_declared_language(_core_properties(sources[path])), []).append(path)
    converted: list[tuple[Path, bytes | None]] = []
    first_problem = ""
    for language, group in by_language.items():
        try:
            pdfs, problem = _convert(soffice, [(path.name, sources[path]) for path in group], language, timeout)
        except OSError as error:  # no room for LibreOffice's work folder, say
            pdfs, problem = [None] * len(group), f"could not prepare the PDFs ({error.strerror})"
        converted.extend(zip(group, pdfs))
        first_problem = first_problem or problem
    return converted, first_problem


def _write_pdfs(converted: list[tuple[Path, bytes | None]], sources: dict[Path, bytes], record: _Record,
                outcome: PdfOutcome) -> None:
    """Write each PDF made beside its file, atomically, and remember what it was made from; the first file that
    cannot be written is the outcome's problem, unless it has one already."""
    for path, data in converted:
        if data is None:
            continue
        target = pdf_path(path)
        try:
            _write_atomically(target, data)
        except OSError as error:
            outcome.problem = outcome.problem or f"could not write {target.name} ({error.strerror})"
            continue
        record.remember(target, sources[path], data)
        outcome.made.append(target)
    record.save()


def _convert(soffice: str, sources: list[tuple[str, bytes]], language: str,
             timeout: int) -> tuple[list[bytes | None], str]:
    """Return the PDF of each (name, bytes) source, None where LibreOffice made none, and a problem or ''.

    LibreOffice runs in ``language`` ('' for the user's own locale).
    """
    with tempfile.TemporaryDirectory(prefix="lfr-pdf-") as work:
        profile = Path(work, "profile")
        _write_profile(profile)
        inputs = []
        for number, (name, data) in enumerate(sources):
            # A number in front keeps x.pptx and x.docx (or two x.docx from different folders) apart.
            staged = Path(work, "in", f"{number}-{name}")
            staged.parent.mkdir(exist_ok=True)
            staged.write_bytes(data)
            inputs.append(staged)
        made = Path(work, "out")
        command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(made), *map(str, inputs)]
        problem = _run(command, language, timeout)
        results: list[bytes | None] = []
        for staged, (name, data) in zip(inputs, sources):
            pdf = made / f"{staged.stem}.pdf"
            if not pdf.is_file():
                results.append(None)
                continue
            drawn = pdf.read_bytes()
            if name.lower().endswith((".pptx", ".docx")):  # LibreOffice drops the charts' alt text from the tags
                drawn = with_figure_alt_text(drawn, data, is_deck=name.lower().endswith(".pptx"))
            threshold = recorded_in(name, data)
            if threshold is not None:  # the PDF says what its source says of hiding, so `check --files` can tell
                drawn = pdf_recorded(drawn, threshold)
            results.append(_steady(drawn, _modified_time(_core_properties(data))))
        return results, problem


def _run(command: list[str], language: str, timeout: int) -> str:
    """Run LibreOffice in ``language``; return '' or what went wrong. On a time-out its whole process group is ended."""
    environment = {**os.environ, "TZ": "UTC"}  # dates in the PDF in UTC, so they have one length
    if language:
        environment["LC_ALL"] = environment["LANG"] = f"{language.replace('-', '_')}.UTF-8"
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment,
                                   start_new_session=True)
    except OSError as error:
        return f"LibreOffice could not be started ({error.strerror})"
    try:
        _, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        return f"LibreOffice did not finish the PDFs within {timeout} s, so it was stopped"
    except BaseException:
        # Ctrl-C: LibreOffice runs in a session of its own, so the terminal's interrupt does not reach it. It is
        # ended here, before its profile folder is removed: else it would go on writing there, and leave it behind.
        _stop(process)
        raise
    if process.returncode != 0:
        detail = errors.decode("utf-8", "replace").strip().splitlines()
        return f"LibreOffice could not convert the outputs to PDF (exit status {process.returncode}" + (
            f": {detail[-1]})" if detail else ")")
    return ""


def _stop(process: subprocess.Popen) -> None:
    """End LibreOffice and every process it started (soffice starts soffice.bin), and wait for them."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate()


def _write_profile(profile: Path) -> None:
    """Write a LibreOffice user profile whose PDF export settings are ours."""
    items = "".join(
        '<item oor:path="/org.openoffice.Office.Common/Filter/PDF/Export">'
        f'<prop oor:name="{name}" oor:op="fuse"><value>{str(value).lower()}</value></prop></item>\n'
        for name, value in EXPORT_SETTINGS.items())
    settings = profile / "user" / "registrymodifications.xcu"
    settings.parent.mkdir(parents=True)
    settings.write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                        f'{items}</oor:items>\n', encoding="utf-8")


def _core_properties(source: bytes) -> bytes:
    """Return the start of an OOXML source's docProps/core.xml, or b'' when it has none."""
    try:
        with zipfile.ZipFile(io.BytesIO(source)) as package, package.open("docProps/core.xml") as core:
            return core.read(CORE_PROPERTIES_LIMIT)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError):
        return b""


def _declared_language(core_properties: bytes) -> str:
    """Return the language the source declares ('en-GB'), or '' when it declares none."""
    found = _LANGUAGE.search(core_properties)
    return found[1].decode("utf-8", errors="replace") if found else ""


def _modified_time(core_properties: bytes) -> dt.datetime | None:
    """Return the modified time the source records, or None if it has none."""
    found = _MODIFIED.search(core_properties)
    if found is None:
        return None
    year, month, day, hour, minute, second = (int(part) for part in found.groups())
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def _steady(pdf: bytes, stamp: dt.datetime | None) -> bytes:
    """Return ``pdf`` with its conversion times set to ``stamp`` and its ID drawn from its content.

    Every field keeps its length, so the cross-reference offsets stay right;
    a field whose new value would differ in length is left as it is.
    """
    if stamp is None:
        return pdf
    pdf = _same_length_sub(_PDF_DATE, lambda m: m[1] + f"D:{stamp:%Y%m%d%H%M%S}Z'".encode() + m[2], pdf)
    pdf = _same_length_sub(_XMP_DATE, lambda m: m[1] + f"{stamp:%Y-%m-%dT%H:%M:%S}Z".encode() + m[2], pdf)

    def identified(pdf: bytes, identity: bytes) -> bytes:
        named = _FILE_ID.sub(lambda m: m[1] + identity + m[2] + identity + m[3], pdf)
        return _CHECKSUM.sub(lambda m: m[1] + identity, named)

    without_identity = identified(pdf, b"0" * 32)
    return identified(pdf, hashlib.md5(without_identity, usedforsecurity=False).hexdigest().upper().encode())


def _same_length_sub(pattern: re.Pattern[bytes], replace: Callable[[re.Match[bytes]], bytes], data: bytes) -> bytes:
    def keep_length(match: re.Match[bytes]) -> bytes:
        new = replace(match)
        return new if len(new) == len(match[0]) else match[0]

    return pattern.sub(keep_length, data)


class _Record:
    """What each PDF was made from: PDF path (from the output folder) -> sha256 of its source and of itself."""

    def __init__(self, path: Path | None, entries: dict[str, dict[str, str]]):
        self.path = path
        self.entries = entries

    @classmethod
    def load(cls, folder: Path | None) -> _Record:
        if folder is None:
            return cls(None, {})
        path = folder / RECORD_NAME
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path, {})
        if not isinstance(stored, dict) or stored.get("recipe") != RECIPE or not isinstance(stored.get("pdfs"), dict):
            return cls(path, {})
        return cls(path, stored["pdfs"])

    def key(self, pdf: Path) -> str:
        """Return the PDF's path from the output folder, so the record still holds when that folder moves."""
        if self.path is None:
            return pdf.resolve().as_posix()
        return Path(os.path.relpath(pdf.resolve(), self.path.parent.parent.resolve())).as_posix()

    def is_current(self, pdf: Path, source: bytes) -> bool:
        """Return whether ``pdf`` was made from these source bytes and is still as it was made."""
        entry = self.entries.get(self.key(pdf))
        if not isinstance(entry, dict) or entry.get("source_sha256") != _sha256(source):
            return False
        try:
            return _sha256(pdf.read_bytes()) == entry.get("pdf_sha256")
        except OSError:
            return False

    def remember(self, pdf: Path, source: bytes, made: bytes) -> None:
        self.entries[self.key(pdf)] = {"source_sha256": _sha256(source), "pdf_sha256": _sha256(made)}

    def save(self) -> None:
        """Store the record of the PDFs still there, atomically; a failure only costs the next build's speed."""
        if self.path is None:
            return
        output_folder = self.path.parent.parent
        kept = {key: entry for key, entry in self.entries.items() if (output_folder / key).is_file()}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"recipe": RECIPE, "pdfs": kept}, out, indent=1, sort_keys=True)
            os.replace(temp, self.path)
        except OSError:
            pass


def recorded_source(pdf: Path, source: Path) -> bool:
    """Return whether the record beside the output folder says ``pdf`` is LibreOffice's PDF of ``source`` as it is.

    The record is looked for in ``.learning-from-reviews`` folders above the PDF.
    """
    try:
        source_bytes = source.read_bytes()
    except OSError:
        return False
    for folder in pdf.resolve().parents:
        record_dir = folder / FOLDER
        if (record_dir / RECORD_NAME).is_file():
            return _Record.load(record_dir).is_current(pdf, source_bytes)
    return False


def _write_atomically(target: Path, data: bytes) -> None:
    for stale in target.parent.glob(f".{target.name}.*.tmp"):
        stale.unlink()  # left by a build that was killed before it could tidy up
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o644)  # as the other outputs: mkstemp's 0600 would hide the PDF from other users
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _quiet(_line: str) -> None:
    pass
