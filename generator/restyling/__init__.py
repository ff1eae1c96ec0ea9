"""Restyling: the built-in templates exported to restyle (`templates export`), and what a template lacks
(`check-template`).

Above the builders, whose templates and layout rules they read; the template
packages themselves are opened and cleaned by :mod:`generator.templates`.
"""
