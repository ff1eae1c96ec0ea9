"""Remember what each output was built from, so a rebuild skips outputs whose inputs have not changed.

A fingerprint covers the generator's own code, the templates and the part of
the model an output shows. An output is skipped only when its fingerprint
matches and the file on disk still has the bytes the build wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, TypedDict, TypeGuard

if TYPE_CHECKING:
    from .files import Rendered

FOLDER = ".learning-from-reviews"


class Entry(TypedDict):
    """The record of one output as the last build wrote it."""

    fingerprint: str  # of its inputs (see fingerprint)
    sha256: str  # of the bytes written
    summary: str  # its line in the build's list of files
    warnings: list[str]


@lru_cache(maxsize=1)
def generator_stamp() -> str:
    """Return a hash of the generator's code and data files: a new version invalidates every fingerprint."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json", ".pptx") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(*parts: object) -> str:
    """Return the fingerprint of an output's inputs (reprs of model parts, template bytes, ...).

    Each part goes in with its kind and length, so no two different lists of parts can run together into
    the same stream (b"a\\0", b"" and b"a", b"\\0"; or bytes and a text whose repr they spell).
    """
    digest = hashlib.sha256(generator_stamp().encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8")
        digest.update(b"b" if isinstance(part, bytes) else b"r")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _manifest_path(out_dir: Path, source: Path) -> Path:
    name = hashlib.sha256(str(source.resolve()).encode()).hexdigest()[:16]
    return out_dir / FOLDER / f"{name}.json"


SOURCE_KEY = "source"  # the data file a record is of: not an output's path, so never a well-formed entry


def built_by_others(out_dir: Path, source: Path, paths: list[Path]) -> dict[Path, Path]:
    """Return each of ``paths`` that the last build of another data file (one that still exists) wrote into
    ``out_dir``, with that data file. Outputs are compared by their place inside ``out_dir`` (its last two
    parts, as a disk compares names), whichever way either build spelled the folder."""
    wanted = {_place(path): path for path in paths}
    found: dict[Path, Path] = {}
    for _, other, record in _other_records(out_dir, source):
        if Path(other).is_file():
            for output in record:
                if output != SOURCE_KEY and _place(Path(output)) in wanted:
                    found.setdefault(wanted[_place(Path(output))], Path(other))
    return {path: found[path] for path in paths if path in found}  # in the order the build makes them


def disown(out_dir: Path, source: Path, paths: list[Path]) -> None:
    """Remove ``paths`` from other data files' records: this build wrote them last (a failure costs nothing but
    a repeated warning)."""
    places = {_place(path) for path in paths}
    for record_path, _, record in _other_records(out_dir, source):
        kept = {output: entry for output, entry in record.items()
                if output == SOURCE_KEY or _place(Path(output)) not in places}
        if len(kept) < len(record):
            _write_record(record_path, kept)


def _other_records(out_dir: Path, source: Path) -> Iterator[tuple[Path, str, dict]]:
    """Yield (record file, data file, record) for each other data file's build into ``out_dir``."""
    own = _manifest_path(out_dir, source)
    for record_path in sorted((out_dir / FOLDER).glob("*.json")):
        if record_path == own:
            continue
        try:
            record = json.loads(record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        other = record.get(SOURCE_KEY) if isinstance(record, dict) else None
        if isinstance(other, str) and Path(other) != source.resolve():
            yield record_path, other, record


def _place(path: Path) -> tuple[str, ...]:
    return tuple(os.path.normcase(part).casefold() for part in path.parts[-2:])


def load(out_dir: Path, source: Path) -> dict[str, Entry]:
    """Return the last build's record for this data file: output path -> entry."""
    try:
        record = json.loads(_manifest_path(out_dir, source).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict):  # damaged: ignored, and rewritten by this build
        return {}
    return {path: entry for path, entry in record.items() if _well_formed(entry)}


def _well_formed(entry: object) -> TypeGuard[Entry]:
    return (isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str)
            and isinstance(entry.get("sha256"), str) and isinstance(entry.get("summary"), str)
            and isinstance(entry.get("warnings"), list) and all(isinstance(w, str) for w in entry["warnings"]))


def as_built(entry: Entry | None, path: Path) -> bytes | None:
    """Return the bytes of ``path`` if they are still those the last build wrote (its ``entry``), else None."""
    if not entry:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == entry.get("sha256") else None


def entry_for(rendered: Rendered, print_: str) -> Entry:
    """Return the record of one output just built, with its fingerprint."""
    return {"fingerprint": print_, "sha256": hashlib.sha256(rendered.data).hexdigest(), "summary": rendered.summary,
            "warnings": rendered.warnings}


def save(out_dir: Path, source: Path, entries: dict[str, Entry]) -> None:
    """Store this build's record (atomically; a failure only costs the next build's speed)."""
    _write_record(_manifest_path(out_dir, source), {**entries, SOURCE_KEY: str(source.resolve())})


def _write_record(path: Path, record: dict) -> None:
    """Write a record atomically; a failure only costs the next build's speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(record, out, indent=1, sort_keys=True)
        os.replace(temp, path)
    except OSError:
        pass
