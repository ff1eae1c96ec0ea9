"""A table of counts by category, as published: reviews by area, people by ethnicity, age band, gender...

A table published with small numbers hidden knows its threshold and gives the hidden cells' words ("<5") in place
of their counts. The tables' names are here too: the built-in ones, and a role's ("Ethnicity of victims").
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import i18n
from ..age_bands import shown_band
from ..categories import DEFAULT_GENDERS
from ..categories.ethnicity import shown_ethnic_group
from ..counting import KnownFor
from ..model import ReviewType
from ..suppression import PRIMARY, SECONDARY, SuppressedTable, fewer_than_text
from ..wording import counts_text, coverage_note, plural_word

# The built-in tables' names: each stays the table's name (free text cites '{k.ethnicity.White}'), and is translated
# where it is shown.
BUILT_IN_TABLE_NAMES = (i18n.N_("Ethnicity"), i18n.N_("Age"), i18n.N_("Age band"), i18n.N_("Gender"),
                        i18n.N_("Reviews by area"), i18n.N_("Area"), i18n.N_("Reviews by criterion"),
                        i18n.N_("Criterion"))
AREAS_TABLE = "Reviews by area"
CRITERIA_TABLE = "Reviews by criterion"
PERSON_TABLES = (("Ethnicity", "Ethnicity", "ethnicity"), ("Age", "Age band", "age"), ("Gender", "Gender", "gender"))


@dataclass(frozen=True)
class CountTable:
    """Counts by category: reviews by area, or people by ethnicity, age band, gender...

    ``known_for`` is how many of the ``of`` reviews the table covers;
    ``unit`` is what is counted ("reviews", "children").
    """

    name: str
    category: str
    rows: tuple[tuple[str, int], ...]
    unit: str
    known_for: int
    of: int
    ordered: bool = False  # the categories have an order of their own (age bands), so keep it in charts
    threshold: int = 0  # published with counts from 1 to threshold - 1 hidden; 0 when nothing is hidden
    people_coverage: KnownFor | None = None  # counted from a register: the people shown, of those concerned
    suppression: SuppressedTable | None = None  # which cells are hidden, when small numbers are (see hide_small)
    unknown_hidden: str = ""  # why the number of people not known is hidden (PRIMARY, SECONDARY), or ''

    @property
    def display_rows(self) -> tuple[tuple[str, str], ...]:
        """Return each category with its count as a table shows it: '7', '0', '<5' or '[c]'."""
        hidden = self.suppression
        if hidden is None:
            return tuple((shown_category(label), str(value)) for label, value in self.rows)
        return tuple((shown_category(label), hidden.table_text(label)) for label, _ in self.rows)

    @property
    def shown_rows(self) -> tuple[tuple[str, int], ...]:
        """Return the categories a chart may draw: every one, less those hidden."""
        hidden = self.suppression
        return self.rows if hidden is None else tuple(hidden.shown.items())

    @property
    def hidden_labels(self) -> tuple[str, ...]:
        """Return the categories whose counts are hidden."""
        hidden = self.suppression
        return () if hidden is None else tuple(hidden.hidden)

    @property
    def suppression_note(self) -> str:
        """Return '2 categories with fewer than 5 children are not shown', or '' when none is hidden."""
        hidden = self.suppression
        if hidden is None or not hidden.hidden:
            return ""
        primary = sum(1 for cell in hidden.cells if cell.hidden == PRIMARY)
        secondary = len(hidden.hidden) - primary
        words = []
        if primary:
            words.append(i18n.ngettext("{count} category with {fewer} {unit} is not shown",
                                       "{count} categories with {fewer} {unit} are not shown", primary,
                                       fewer=fewer_than_text(self.threshold), unit=self.unit))
        if secondary:
            if primary == 1:
                words.append(i18n.ngettext("{count} more is not shown so that it cannot be worked out from the other "
                                           "figures", "{count} more are not shown so that it cannot be worked out "
                                           "from the other figures", secondary))
            elif primary:
                words.append(i18n.ngettext("{count} more is not shown so that they cannot be worked out from the "
                                           "other figures", "{count} more are not shown so that they cannot be "
                                           "worked out from the other figures", secondary))
            else:
                words.append(i18n.ngettext("{count} is not shown so that a hidden count cannot be worked out from the "
                                           "other figures", "{count} are not shown so that a hidden count cannot be "
                                           "worked out from the other figures", secondary))
        note = "; ".join(words)
        return note if self.chartable else note + i18n._(", so nothing is left to chart")

    @property
    def chartable(self) -> bool:
        """Return whether a chart of the counts shown would show anything: a count other than 0."""
        return any(value for _, value in self.shown_rows)

    @property
    def labels(self) -> tuple[str, ...]:
        """Return the categories a chart draws (those hidden left out), as the version being written shows them."""
        return tuple(shown_category(label) for label, _ in self.shown_rows)

    @property
    def values(self) -> tuple[int, ...]:
        """Return the counts a chart draws (those hidden left out)."""
        return tuple(value for _, value in self.shown_rows)

    @property
    def total(self) -> int:
        return sum(value for _, value in self.rows)

    @property
    def coverage_note(self) -> str:
        """Return 'where known: 3 of 9; 6 not known' when the table covers only some reviews, else ''; a table counted
        person by person says how many of the people it shows, as its bars add up: 'where known: 15 of 16 children;
        1 not known'. When the number not known is hidden, so is the number known (see wording.coverage_note)."""
        if not self.unknown_hidden:
            return coverage_note(self.coverage)
        coverage = self.coverage
        if self.unknown_hidden == SECONDARY:
            return coverage_note(coverage, i18n._("some"))
        return coverage_note(coverage, fewer_than_text(self.threshold))  # hidden as below the threshold

    @property
    def coverage(self) -> KnownFor:
        """Return how many of the people (counted person by person) or of the reviews the table covers."""
        return self.people_coverage or KnownFor(self.known_for, self.of)

    @property
    def title(self) -> str:
        """Return the table's title with its coverage: 'Ethnicity (where known: 3 of 9)'."""
        return f"{self.shown_name} ({self.coverage_note})" if self.coverage_note else self.shown_name

    @property
    def shown_name(self) -> str:
        """Return the table's name in the language being written (a built-in table's; the data's as it is)."""
        return i18n._(self.name)

    def as_text(self) -> str:
        """Return the counts as 'MBC 5, RCBC 1, HBC 0', those hidden left out and said so."""
        shown = counts_text(self.labels, self.values)
        note = self.suppression_note
        return f"{shown} ({note})" if note else shown


def shown_category(label: str) -> str:
    """Return a category as the version being written shows it: a built-in one (an ONS ethnic group, a default
    gender, an age band written in words such as 'Under 1') in its language, the data's own as it is. A table keeps
    its categories as counted, so free text cites them ('{k.ethnicity.White}') in any version."""
    if label in DEFAULT_GENDERS:
        return i18n._(label)
    return shown_ethnic_group(label) or shown_band(label) or label


PREPOSITIONS = {"at", "of", "in", "with", "from", "for", "under"}  # 'adult at risk': the noun before one is the head


def role_plural(role: str, review: ReviewType) -> str:
    """Return the people of a role, as a table names them: the noun the type declares for it (roles: {victim:
    victims}), the type's own word when the role is its word for one person ('child' -> its 'children'), else the
    role with its head word made plural ('victim' -> 'victims', 'adult at risk' -> 'adults at risk')."""
    declared = {name.casefold(): noun for name, noun in review.roles.items()}
    if role.casefold() in declared:
        return declared[role.casefold()]
    if role.casefold() == review.person_noun.casefold():
        return review.people_noun
    words = role.split()  # a role typed with two spaces or a tab between its words still names its people
    head = next((i - 1 for i, word in enumerate(words) if i and word.casefold() in PREPOSITIONS), len(words) - 1)
    words[head] = plural_word(words[head])
    return " ".join(words)

