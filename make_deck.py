#!/usr/bin/env python3
"""Build the "Learning from Reviews" deck and briefings: ``python make_deck.py --help``."""

import sys

from generator.cli import main

if __name__ == "__main__":
    sys.exit(main())
