"""The "Learning from Reviews" PowerPoint deck: planned, then drawn on a template."""
