"""Whether a text is a language tag (BCP 47, RFC 5646) that Word, PowerPoint and browsers can all take.

The syntax is RFC 5646's ``langtag`` (or a private-use tag), in ASCII letters
and digits; its length is bounded by the 35 characters RFC 5646 (section
4.4.1) asks every implementation to support, which Microsoft's validator
also holds to.
"""

from __future__ import annotations

import re

MAX_LANGUAGE_TAG = 35  # characters
_ALPHANUMERIC = "[A-Za-z0-9]"
_LANGUAGE_TAG = re.compile(
    r"(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"  # language, with up to three extended languages
    r"(?:-[A-Za-z]{4})?"  # script
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"  # region
    rf"(?:-(?:{_ALPHANUMERIC}{{5,8}}|[0-9]{_ALPHANUMERIC}{{3}}))*"  # variants
    rf"(?:-[0-9A-WYZa-wyz](?:-{_ALPHANUMERIC}{{2,8}})+)*"  # extensions
    rf"(?:-[Xx](?:-{_ALPHANUMERIC}{{1,8}})+)?"  # private use
    rf"|[Xx](?:-{_ALPHANUMERIC}{{1,8}})+")  # a private-use tag on its own


def is_language_tag(text: str) -> bool:
    """Return whether ``text`` is a well-formed BCP 47 language tag of at most 35 characters ("en-GB", "cy")."""
    return len(text) <= MAX_LANGUAGE_TAG and _LANGUAGE_TAG.fullmatch(text) is not None
