"""The built-in PowerPoint and Word templates, and how they were made."""

from pathlib import Path

BUILTIN_DECK_TEMPLATE = Path(__file__).with_name("deck.pptx")
BUILTIN_BRIEFING_TEMPLATE = Path(__file__).with_name("briefing.docx")
