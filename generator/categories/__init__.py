"""The categories a register's people are counted in: words meaning "not known", genders, and (in
:mod:`.ethnicity`) the ONS 2021 ethnic groups. Written values are compared by :func:`match_key`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..i18n import N_

# Words registers use for "not known", as match_key gives them; a data file may add its own (categories.unknown).
UNKNOWN_WORDS = frozenset({
    "", "not known", "notknown", "unknown", "un known", "not stated", "prefer not to say", "preferred not to say",
    "prefers not to say", "prefer not say", "n k", "nk", "not recorded", "not disclosed", "declined", "refused",
    "information not obtained", "information not yet obtained", "not given", "unknown not stated",
})
DEFAULT_GENDERS = (N_("Female"), N_("Male"), N_("Other"))  # translated where shown
# Common ways of writing the default genders, as match_key gives them.
GENDER_FORMS = {"f": "Female", "woman": "Female", "girl": "Female", "m": "Male", "man": "Male", "boy": "Male"}


@lru_cache(maxsize=4096)  # a register writes the same few values in row after row
def match_key(text: str) -> str:
    """Return a written value as values are compared: any case, punctuation as spaces, '&' as 'and'."""
    text = text.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def own_unknown_words(words: Iterable[str]) -> frozenset[str]:
    """Return a data file's own words for "not known" (categories.unknown) as match_key gives them."""
    return frozenset(match_key(word) for word in words)


def is_unknown(text: str, extra: frozenset[str] = frozenset()) -> bool:
    """Return whether a written value means "not known": blank, 'Not known', 'N/K'..., or one of ``extra`` (the
    data file's own words, as match_key gives them)."""
    key = match_key(text)
    return key in UNKNOWN_WORDS or key in extra

