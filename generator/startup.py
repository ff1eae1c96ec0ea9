"""Start faster: load modules that python-pptx imports but a build rarely uses only when first used.

python-pptx imports ``urllib.request`` (through ``xml.sax.saxutils``, which
needs it only to fetch URLs) and Pillow (needed only to place a picture) when
it starts. Together they are about a quarter of its import time, paid by
every build. Each is replaced by a stand-in module that loads the real one,
in its place, the first time anything is read from it, so code that does
use them works unchanged. (importlib's LazyLoader cannot do this: the
``import`` statement itself would trigger it.)
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

DEFERRED = ("urllib.request", "PIL.Image", "PIL.ImageFont")


class _StandIn(types.ModuleType):
    def __getattr__(self, attribute: str):
        return getattr(_load(self), attribute)


def _load(stand_in: _StandIn) -> types.ModuleType:
    name = stand_in.__name__
    if sys.modules.get(name) is stand_in:
        del sys.modules[name]
    real = importlib.import_module(name)
    stand_in.__dict__.update(real.__dict__)  # later reads through the stand-in need no lookup
    return real


def defer_rarely_used_imports() -> None:
    """Put stand-ins for the DEFERRED modules in place (skipping any already loaded or not installed)."""
    for name in DEFERRED:
        parent_name, _, child = name.rpartition(".")
        if name in sys.modules:
            continue
        try:
            parent = importlib.import_module(parent_name)
            if importlib.util.find_spec(name) is None:
                continue
        except ImportError:
            continue
        stand_in = _StandIn(name)
        stand_in.__spec__ = None  # lets ``import name`` take the stand-in as already imported
        sys.modules[name] = stand_in
        setattr(parent, child, stand_in)
