#!/usr/bin/env python3
"""Build the "Learning from Reviews" deck and briefings: ``.venv/bin/python make_deck.py --help``."""

import sys

if __name__ == "__main__":
    try:
        # generator.cli imports only the standard library: main() checks the dependencies before importing them.
        from generator.cli import main

        status = main()
    except KeyboardInterrupt:  # Ctrl-C before main() could take it over
        from generator.cli import interrupted

        status = interrupted()
    sys.exit(status)
