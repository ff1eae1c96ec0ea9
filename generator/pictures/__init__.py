"""Chart pictures for comms teams: every chart of the deck and the briefings as PNGs and an SVG, drawn by matplotlib.

Built only when asked for (``build --pictures``, or ``publish: {pictures: true}``
in the data), into ``pictures/<event>/`` beside ``decks/`` and ``briefings/``:
:mod:`.plan` says which charts (as the published briefings hide small numbers),
:mod:`.builder` makes the files, :mod:`.draw` draws them (the only module that
imports matplotlib), and :mod:`.page` writes the index page of alt text and figures.
"""
