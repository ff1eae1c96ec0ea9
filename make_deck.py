#!/usr/bin/env python3
"""Build the "Learning from Reviews" deck and briefings: ``.venv/bin/python make_deck.py --help``."""

import signal
import sys

if __name__ == "__main__":
    # Until main() takes Ctrl-C over: a Ctrl-C that lands in a callback whose exceptions Python only prints
    # (importlib's, as an import ends) is remembered, not lost, and not printed.
    pressed: list[int] = []

    def remember_ctrl_c(signal_number, frame):
        pressed.append(signal_number)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, remember_ctrl_c)
    default_hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None if issubclass(unraisable.exc_type, KeyboardInterrupt) \
        else default_hook(unraisable)
    try:
        # generator.cli imports only the standard library: main() checks the dependencies before importing them.
        from generator.cli import interrupted, main

        status = interrupted() if pressed else main()
    except KeyboardInterrupt:  # Ctrl-C before main() could take it over
        from generator.cli import interrupted

        status = interrupted()
    sys.exit(status)
