"""Outputs: what a builder hands back, and how it reaches the disk."""

from .files import Output, document_time, slug, write_outputs

__all__ = ["Output", "document_time", "slug", "write_outputs"]
