"""The command's own messages (the build's summary, check's report) in the language of the person running it,
as gettext finds it (see :func:`generator.locale_files.user_language`); the outputs' language is the data's.

An English user's command never loads a catalogue or Babel, so it starts as fast as before; another language's
words come from the same catalogues as the outputs' (:mod:`generator.i18n`), loaded when a message is first said.
"""

from __future__ import annotations

from .locale_files import SOURCE_LANGUAGE, user_language


def _(message: str, /, **values: object) -> str:
    """Return a message of the command's own in the user's language, its {placeholders} filled from ``values``."""
    language = user_language()
    if language == SOURCE_LANGUAGE:
        return message.format(**values) if values else message
    from . import i18n

    with i18n.speaking(language):
        return i18n._(message, **values)


def ngettext(one: str, many: str, count: int, /, **values: object) -> str:
    """Return the form of a message of the command's own for ``count`` in the user's language, filled from
    ``values`` and {count}."""
    language = user_language()
    if language == SOURCE_LANGUAGE:
        return (one if count == 1 else many).format(count=count, **values)
    from . import i18n

    with i18n.speaking(language):
        return i18n.ngettext(one, many, count, **values)
