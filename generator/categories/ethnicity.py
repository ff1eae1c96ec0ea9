"""The ONS 2021 ethnic group classification: 19 detailed groups in 5 high-level groups, with the short labels
charts show and the free-text forms registers use for each ("White British", "Asian British - Pakistani").

The classification is data, declared once in ``ons-2021-ethnicity.json`` beside this module;
this module reads it and finds the group a written value names.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import IO

from ..i18n import N_, _
from . import match_key

DETAILED = "detailed"
HIGH_LEVEL = "high-level"
LEVELS = (HIGH_LEVEL, DETAILED)
CLASSIFICATION_FILE = "ons-2021-ethnicity.json"
# A group's label as the ONS writes it, and a value naming only a high-level group, in detailed reporting.
FULL_LABEL = N_("{high}: {name}")
GROUP_NOT_KNOWN = N_("{group}, group not known")


@dataclass(frozen=True)
class EthnicGroup:
    """One group of the classification: a detailed group, or a high-level group (``name`` empty) when a value
    names only that ('Asian British')."""

    high: str  # the high-level group as the ONS writes it: 'Asian, Asian British or Asian Welsh'
    high_short: str  # as a chart shows it: 'Asian'
    name: str = ""  # the detailed group within it: 'Pakistani'
    short: str = ""  # as a chart shows it: 'Pakistani', 'White British'

    @property
    def label(self) -> str:
        """Return the ONS's own label: 'White: English, Welsh, Scottish, Northern Irish or British', or 'White'."""
        return FULL_LABEL.format(high=self.high, name=self.name) if self.name else self.high

    def shown(self, level: str) -> str:
        """Return the label a table or chart shows at ``level``; a value naming only a high-level group shows as
        'Asian, group not known' in detailed reporting."""
        if level == HIGH_LEVEL:
            return self.high_short
        return self.short if self.name else GROUP_NOT_KNOWN.format(group=self.high_short)


@functools.cache
def _classification() -> tuple[tuple[EthnicGroup, ...], dict[str, EthnicGroup]]:
    raw = json.loads(resources.files(__package__).joinpath(CLASSIFICATION_FILE).read_text("utf-8"))
    groups: list[EthnicGroup] = []
    forms: dict[str, EthnicGroup] = {}
    detailed_forms: dict[str, EthnicGroup] = {}
    for high in raw["high_level"]:
        whole = EthnicGroup(high["name"], high["short"])
        prefixes = [match_key(p) for p in high["prefixes"]] + [match_key(high["name"]), match_key(high["short"])]
        for prefix in prefixes:
            forms.setdefault(prefix, whole)
        for item in high["groups"]:
            group = EthnicGroup(high["name"], high["short"], item["name"], item["short"])
            groups.append(group)
            alone = [match_key(n) for n in item["names"] + [item["name"], item["short"]]]
            combined = alone + [match_key(n) for n in item.get("after_prefix", [])]
            written = set(alone) | {f"{prefix} {name}" for prefix in prefixes for name in combined}
            written |= {form.replace(" and ", " ") for form in written}
            written.add(match_key(group.label))
            for form in written:
                other = detailed_forms.setdefault(form, group)
                if other != group:
                    raise ValueError(f"'{form}' names both {other.label} and {group.label}")
    forms.update(detailed_forms)  # a detailed group wins over a high-level one written the same way
    return tuple(groups), forms


def ons_groups() -> tuple[EthnicGroup, ...]:
    """Return the 19 detailed groups, in the ONS's order."""
    return _classification()[0]


def high_level_groups() -> tuple[str, ...]:
    """Return the 5 high-level groups' short labels, in the ONS's order."""
    return tuple(dict.fromkeys(group.high_short for group in ons_groups()))


def find_group(text: str) -> EthnicGroup | None:
    """Return the group a written value names ('Asian British - Pakistani', 'white british'), or None."""
    return _classification()[1].get(match_key(text))


def written_forms() -> dict[str, EthnicGroup]:
    """Return every written form the classification knows (as :func:`match_key` gives it), with its group."""
    return dict(_classification()[1])


def shown_ethnic_group(label: str) -> str | None:
    """Return an ONS label as counted ('White', 'White British', 'White: Irish', 'Asian, group not known') in the
    language being written, or None when ``label`` is no ONS label (the data's own list of ethnicities)."""
    form = _label_forms().get(label)
    if form is None:
        return None
    high, name, group_not_known = form
    if group_not_known:
        return _(GROUP_NOT_KNOWN, group=_(high))
    return _(FULL_LABEL, high=_(high), name=_(name)) if name else _(high)


@functools.cache
def _label_forms() -> dict[str, tuple[str, str, bool]]:
    """Return each label a count may have, with how it is translated: (label or high-level group, detailed group,
    whether it is a high-level group whose detailed one is not known)."""
    forms: dict[str, tuple[str, str, bool]] = {}
    for group in ons_groups():
        forms.update({group.label: (group.high, group.name, False), group.short: (group.short, "", False),
                      group.high_short: (group.high_short, "", False), group.high: (group.high, "", False),
                      GROUP_NOT_KNOWN.format(group=group.high_short): (group.high_short, "", True)})
        forms.setdefault(group.name, (group.name, "", False))
    return forms


def extract_labels(fileobj: IO[bytes], keywords: object, comment_tags: object, options: object
                   ) -> Iterator[tuple[int, None, str, list[str]]]:
    """Give Babel the classification's labels for the catalogue (babel.cfg names this extractor), so that each is
    translated where it is shown, as the code's own messages are."""
    for high in json.load(fileobj)["high_level"]:
        for text in (high["name"], high["short"], *(group[key] for group in high["groups"] for key in ("name", "short"))):
            yield 0, None, text, []
