"""Reading and validating data files into the model."""

from .loader import LoadedData, load_event

__all__ = ["LoadedData", "load_event"]
