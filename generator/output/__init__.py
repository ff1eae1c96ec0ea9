"""Outputs: what a builder hands back, and how it reaches the disk."""

from .files import (UNCHANGED, WROTE, Output, Rendered, Target, document_time, package_bytes, property_text,
                    write_outputs)

__all__ = ["UNCHANGED", "WROTE", "Output", "Rendered", "Target", "document_time", "package_bytes", "property_text", "write_outputs"]
