"""The "Learning from Reviews" PowerPoint deck."""

from .builder import DeckBuilder

__all__ = ["DeckBuilder"]
