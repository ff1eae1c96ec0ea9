"""Reading a data file and its register into the model; :func:`generator.loading.load_event` counts and fills it."""

from .loader import ReadEvent, read_event

__all__ = ["ReadEvent", "read_event"]
