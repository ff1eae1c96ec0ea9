"""The built-in PowerPoint template, and how it was made."""

from pathlib import Path

BUILTIN_DECK_TEMPLATE = Path(__file__).with_name("deck.pptx")
