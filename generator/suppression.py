"""Small-number suppression, so that published figures cannot identify the people a review concerned.

Primary suppression hides every count from 1 to ``threshold - 1`` (a zero is
shown: it identifies no one). Secondary suppression then hides more, until
the audit (:mod:`generator.audit`) finds that no hidden count can be worked
out from everything printed about the same people: every table, every total
and every sum they share. It hides the smallest shown count in the table of a
count that can be worked out, then in the tables that share its total; when
none is left, it withholds the whole table. Each pass hides strictly more, so
it ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .i18n import N_, _
from .audit import Quantity, Relation, disclosed

MIN_THRESHOLD = 3  # with 0 shown, "<2" could only mean 1
PRIMARY = "primary"
SECONDARY = "secondary"
SECONDARY_TABLE_TEXT = "[c]"  # the Government Statistical Service's mark for a value withheld
SECONDARY_TEXT = N_("an undisclosed number")  # a sentence reads on: "an undisclosed number in Fenland"


def fewer_than_text(threshold: int) -> str:
    """Return how a primarily suppressed count reads in running text: 'fewer than 5'."""
    return _("fewer than {threshold}", threshold=threshold)


def fewer_than_table(threshold: int) -> str:
    """Return how a primarily suppressed count reads in a table: '<5'."""
    return f"<{threshold}"


@dataclass(frozen=True)
class SuppressedCell:
    """One category of a table: its count, and why it is hidden (PRIMARY, SECONDARY, or '' when shown)."""

    category: str
    count: int
    hidden: str = ""


@dataclass(frozen=True)
class SuppressedTable:
    """A table of counts after suppression: each cell shown or hidden."""

    cells: tuple[SuppressedCell, ...]
    threshold: int

    def cell(self, category: str) -> SuppressedCell:
        """Return the cell of ``category`` (KeyError when the table has none)."""
        for cell in self.cells:
            if cell.category == category:
                return cell
        raise KeyError(category)

    @property
    def shown(self) -> dict[str, int]:
        """Return the categories shown, with their counts, in table order (what a chart may draw)."""
        return {cell.category: cell.count for cell in self.cells if not cell.hidden}

    @property
    def hidden(self) -> list[str]:
        """Return the categories hidden, in table order."""
        return [cell.category for cell in self.cells if cell.hidden]

    def table_text(self, category: str) -> str:
        """Return the cell as a table shows it: '7', '0', '<5' or '[c]'."""
        return shown_as(self.cell(category).count, self.cell(category).hidden, self.threshold, table=True)

    def text(self, category: str) -> str:
        """Return the cell as running text says it: '7', '0', 'fewer than 5' or 'an undisclosed number'."""
        return shown_as(self.cell(category).count, self.cell(category).hidden, self.threshold, table=False)


def shown_as(count: int, hidden: str, threshold: int, table: bool) -> str:
    """Return a count as printed: itself, or its hidden form ('<5' or '[c]' in a table, words in text)."""
    if hidden == PRIMARY:
        return fewer_than_table(threshold) if table else fewer_than_text(threshold)
    if hidden == SECONDARY:
        return SECONDARY_TABLE_TEXT if table else _(SECONDARY_TEXT)
    return str(count)


def cell_name(table: str, category: str) -> str:
    """Return the name the audit knows a table's cell by."""
    return f"{table}: {category}"


@dataclass(frozen=True)
class Hiding:
    """What a publication hides: each hidden cell (by table and category) and why, and the tables withheld whole."""

    threshold: int
    hidden: Mapping[tuple[str, str], str]
    withheld: frozenset[str] = frozenset()

    def table(self, name: str, rows: Iterable[tuple[str, int]]) -> SuppressedTable:
        """Return the table ``name`` as published."""
        return SuppressedTable(tuple(SuppressedCell(category, count, self.hidden.get((name, category), ""))
                                     for category, count in rows), self.threshold)


def reader_knowledge(tables: Mapping[str, Mapping[str, int]], totals: Mapping[str, tuple[int, bool]],
                     hiding: Hiding) -> list[Quantity]:
    """Return what a reader knows of every count: a shown one exactly, a '<k' one from 1 to k-1, a '[c]' one
    k or more (zeros are shown, and 1 to k-1 are '<k'), and a total or a withheld table's cell only that it is
    0 or more unless the total is printed (``totals`` maps each total's name to its value and whether it is)."""
    known = []
    for table, counts in tables.items():
        for category, count in counts.items():
            why = "" if table not in hiding.withheld else "withheld"
            why = hiding.hidden.get((table, category), why)
            low, high = {PRIMARY: (1, hiding.threshold - 1), SECONDARY: (hiding.threshold, None),
                         "withheld": (0, None)}.get(why, (count, count))
            known.append(Quantity(cell_name(table, category), count, low, high))
    known.extend(Quantity(name, value, *((value, value) if printed else (0, None)))
                 for name, (value, printed) in totals.items())
    return known


def hide(tables: Mapping[str, Mapping[str, int]], totals: Mapping[str, tuple[int, bool]],
         relations: Sequence[Relation], threshold: int) -> Hiding:
    """Return what to hide of ``tables`` (name: category: count) so that nothing hidden can be worked out, given
    the ``totals`` (name: value and whether it is printed) and the ``relations`` a reader can subtract with."""
    _check_counts(tables, threshold)
    hidden = {(table, category): PRIMARY for table, counts in tables.items()
              for category, count in counts.items() if 0 < count < threshold}
    withheld: set[str] = set()
    siblings = _siblings(tables, relations)
    while True:
        hiding = Hiding(threshold, dict(hidden), frozenset(withheld))
        printed_hidden = [cell_name(*cell) for cell in hidden if cell[0] not in withheld]
        given_away = disclosed(reader_knowledge(tables, totals, hiding), relations, printed_hidden)
        if not given_away:
            return hiding
        table = next(cell for cell in hidden if cell_name(*cell) == given_away[0])[0]
        _hide_one_more(tables, hidden, withheld, table, siblings[table])


def _check_counts(tables: Mapping[str, Mapping[str, int]], threshold: int) -> None:
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"the suppression threshold must be at least {MIN_THRESHOLD}, not {threshold}")
    if any(count < 0 for counts in tables.values() for count in counts.values()):
        raise ValueError("counts must be 0 or more")


def _hide_one_more(tables: Mapping[str, Mapping[str, int]], hidden: dict[tuple[str, str], str], withheld: set[str],
                   table: str, siblings: list[str]) -> None:
    """Hide the smallest count still shown in ``table``, else in one of its ``siblings``; when none has one left,
    withhold the table whole."""
    for group in ([table], siblings):
        candidates = [(count, (name, category)) for name in group if name not in withheld
                      for category, count in tables[name].items() if count and (name, category) not in hidden]
        if candidates:
            hidden[min(candidates)[1]] = SECONDARY
            return
    withheld.add(table)


def _siblings(tables: Mapping[str, Mapping[str, int]], relations: Sequence[Relation]) -> dict[str, list[str]]:
    """Return, for each table, the other tables whose cells add up to a total its own cells add up to."""
    table_of = {cell_name(table, category): table for table, counts in tables.items() for category in counts}
    wholes: dict[str, set[str]] = {table: set() for table in tables}
    for relation in relations:
        for part in relation.parts:
            if part in table_of:
                wholes[table_of[part]].add(relation.whole)
    return {table: [other for other in tables if other != table and wholes[table] & wholes[other]]
            for table in tables}


def suppress(counts: Mapping[str, int], threshold: int) -> SuppressedTable:
    """Return one table whose total is printed, with every count from 1 to ``threshold - 1`` hidden and enough
    others that none can be worked out. Counts must be whole numbers of 0 or more."""
    return _hiding_one_table(counts, threshold).table("table", counts.items())


def suppress_or_withhold(counts: Mapping[str, int], threshold: int) -> SuppressedTable | None:
    """Return one table whose total is printed as :func:`suppress` does, or None when no choice of cells keeps its
    small counts hidden (a small count beside zeros, or small counts alone adding up to the total): then the table
    must not be published at all."""
    hiding = _hiding_one_table(counts, threshold)
    return None if hiding.withheld else hiding.table("table", counts.items())


def _hiding_one_table(counts: Mapping[str, int], threshold: int) -> Hiding:
    relation = Relation("total", tuple(cell_name("table", category) for category in counts))
    return hide({"table": counts}, {"total": (sum(counts.values()), True)}, [relation], threshold)
