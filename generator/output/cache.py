"""A small on-disk cache for slow, deterministic renders (the briefings' chart images)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    """Return the cache folder: $LFR_CACHE_DIR, else the user's cache folder."""
    chosen = os.environ.get("LFR_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "learning-from-reviews"


def _entry(kind: str, key: str) -> Path:
    return cache_dir() / kind / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}.bin"


def cached(kind: str, key: str, make) -> bytes:
    """Return the bytes cached under (kind, key), making and storing them with ``make()`` on a miss."""
    path = _entry(kind, key)
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except OSError:
        pass  # a read-only or full disk only costs speed
    return data
