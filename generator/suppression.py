"""Small-number suppression, so that published figures cannot identify the people a review concerned.

Primary suppression hides every count from 1 to ``threshold - 1`` (a zero is
shown: it identifies no one). Where the table's total is shown, hidden cells
could be worked out from it, so secondary suppression hides more cells, the
smallest shown count first, until no hidden cell can be: a reader who knows
that each "<N" cell holds 1 to N-1, that each secondarily hidden cell holds N
or more, and the total, still finds at least two possible values for every
hidden cell. When no shown count is left to hide, the total is hidden too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .i18n import N_, _

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
    """A table of counts after suppression: each cell shown or hidden, and whether its total may be shown."""

    cells: tuple[SuppressedCell, ...]
    threshold: int
    total: int
    total_shown: bool

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
        return _shown_as(self.cell(category), self.threshold, table=True)

    def text(self, category: str) -> str:
        """Return the cell as running text says it: '7', '0', 'fewer than 5' or 'an undisclosed number'."""
        return _shown_as(self.cell(category), self.threshold, table=False)

    def total_table_text(self) -> str:
        """Return the total as a table shows it, or its suppressed form when it may not be shown."""
        if self.total_shown:
            return str(self.total)
        return fewer_than_table(self.threshold) if 0 < self.total < self.threshold else SECONDARY_TABLE_TEXT

    def total_text(self) -> str:
        """Return the total as running text says it."""
        if self.total_shown:
            return str(self.total)
        return fewer_than_text(self.threshold) if 0 < self.total < self.threshold else _(SECONDARY_TEXT)


def _shown_as(cell: SuppressedCell, threshold: int, table: bool) -> str:
    if cell.hidden == PRIMARY:
        return fewer_than_table(threshold) if table else fewer_than_text(threshold)
    if cell.hidden == SECONDARY:
        return SECONDARY_TABLE_TEXT if table else _(SECONDARY_TEXT)
    return str(cell.count)


def suppress(counts: Mapping[str, int], threshold: int, total_shown: bool = True) -> SuppressedTable:
    """Return the table with every count from 1 to ``threshold - 1`` hidden, and enough others that none can be
    worked out from the total (when ``total_shown``). Counts must be whole numbers of 0 or more."""
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"the suppression threshold must be at least {MIN_THRESHOLD}, not {threshold}")
    if any(count < 0 for count in counts.values()):
        raise ValueError("counts must be 0 or more")
    hidden = {category: PRIMARY for category, count in counts.items() if 0 < count < threshold}
    total = sum(counts.values())
    if total_shown:
        while hidden and recoverable(counts, hidden, threshold):
            candidates = [category for category, count in counts.items() if count > 0 and category not in hidden]
            if not candidates:
                total_shown = False
                break
            hidden[min(candidates, key=lambda category: counts[category])] = SECONDARY
    cells = tuple(SuppressedCell(category, count, hidden.get(category, "")) for category, count in counts.items())
    return SuppressedTable(cells, threshold, total, total_shown)


def recoverable(counts: Mapping[str, int], hidden: Mapping[str, str], threshold: int) -> bool:
    """Return whether some hidden cell has only one possible value, given the total and the shown cells.

    A reader knows a primarily hidden cell holds 1 to ``threshold - 1`` and a
    secondarily hidden one ``threshold`` or more, and that the hidden cells add
    up to the total less the shown ones. With one linear total and bounds per
    cell, each cell's possible values form a range; a range of one value
    gives the cell away.
    """
    hidden_sum = sum(counts[category] for category in hidden)
    bounds = {category: (1, threshold - 1) if why == PRIMARY else (threshold, hidden_sum)
              for category, why in hidden.items()}
    lowest_sum = sum(low for low, _ in bounds.values())
    highest_sum = sum(high for _, high in bounds.values())
    for low, high in bounds.values():
        possible_low = max(low, hidden_sum - (highest_sum - high))
        possible_high = min(high, hidden_sum - (lowest_sum - low))
        if possible_low >= possible_high:
            return True
    return False
