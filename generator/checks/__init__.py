"""Checks a publisher needs before sharing the outputs: the `make_deck.py check` command.

``check_files`` lives in :mod:`.report`; it is not imported here, so that the
build (which only needs :mod:`.contrast`) does not load the checking machinery.
"""
