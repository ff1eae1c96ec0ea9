"""The seven-minute Word briefings, one per review type."""

from .builder import BriefingBuilder

__all__ = ["BriefingBuilder"]
