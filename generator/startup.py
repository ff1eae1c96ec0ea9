"""Start faster: load modules that python-pptx imports but a build rarely uses only when first used.

python-pptx imports ``urllib.request`` (through ``xml.sax.saxutils``, which
needs it only to fetch URLs), Pillow (needed only to place a picture) and
xlsxwriter (needed only for python-pptx's own chart workbooks, which the
generator writes itself) when it starts: together more than a quarter of its
import time, paid by every build. Each is replaced by a stand-in module that
loads the real one, in its place, the first time anything is read from it,
so code that does use them works unchanged. (importlib's LazyLoader cannot
do this: the ``import`` statement itself would trigger it.)
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

# Each module, with the names imported from it (``from x import name``) when the importer loads: those are
# stand-ins too, callables that load the module when called.
DEFERRED = {"urllib.request": (), "PIL.Image": (), "PIL.ImageFont": (), "xlsxwriter": ("Workbook",)}


class _StandIn(types.ModuleType):
    def __getattr__(self, attribute: str):
        if attribute.startswith("__"):  # the import system probing (for __path__, say) is not a use
            raise AttributeError(attribute)
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
    for name, imported_names in DEFERRED.items():
        parent_name, _, child = name.rpartition(".")
        if name in sys.modules:
            continue
        try:
            parent = importlib.import_module(parent_name) if parent_name else None
            if importlib.util.find_spec(name) is None:
                continue
        except ImportError:
            continue
        stand_in = _StandIn(name)
        stand_in.__spec__ = None  # lets ``import name`` take the stand-in as already imported
        for imported in imported_names:
            setattr(stand_in, imported, _forwarder(stand_in, imported))
        sys.modules[name] = stand_in
        if parent is not None:
            setattr(parent, child, stand_in)


def _forwarder(stand_in: _StandIn, name: str):
    def forward(*args, **kwargs):
        return getattr(_load(stand_in), name)(*args, **kwargs)

    forward.__name__ = name
    return forward
