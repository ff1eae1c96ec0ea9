"""Learning from Reviews: safeguarding review data rendered into a training deck and seven-minute briefings."""

__version__ = "0.1.0"
