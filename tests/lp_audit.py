"""An audit independent of the generator's: what a reader can work out from the figures as printed, by linear
programming (scipy's HiGHS), as DISCLOSURE.md describes.

The reader's knowledge is read from the printed words of every published table, headline and note (never from
the generator's own list of relations): a shown count is fixed, '<k' lies from 1 to k-1, '[c]' is k or more
(zeros are shown and 1 to k-1 are '<k'), every printed total fixes a sum, and the tables of the same people add
up to one number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scipy.optimize import linprog

from generator.figures import CountTable, ReviewFigures
from generator.timeline import TimelineFigures

INFINITY = None
LARGE = 100_000  # stands for 'no largest value', so that maximising a count with none is not unbounded


@dataclass
class Reader:
    """Variables with bounds, and equalities (each a list of variables and signs, equal to a constant)."""

    threshold: int
    bounds: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    values: dict[str, int] = field(default_factory=dict)  # the true values, to check the system holds them
    sums: list[tuple[list[tuple[str, int]], int]] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    small_shown: list[str] = field(default_factory=list)  # counts from 1 to k-1 printed as they are

    def printed(self, name: str, text: str, value: int, small_allowed: bool = False) -> None:
        """Add a number as printed: digits, '<k', 'fewer than k', '[c]', 'an undisclosed number' or 'some'."""
        k = self.threshold
        if text.isdigit():
            assert int(text) == value, f"{name} is printed as {text} but is {value}"
            self.bounds[name] = (value, value)
            if 0 < value < k and not small_allowed:
                self.small_shown.append(name)
        elif text in (f"<{k}", f"fewer than {k}"):
            self.bounds[name] = (1, k - 1)
            self.hidden.append(name)
        elif text in ("[c]", "an undisclosed number", "some"):
            self.bounds[name] = (k, INFINITY)
            self.hidden.append(name)
        else:
            raise AssertionError(f"{name}: unexpected printed form {text!r}")
        self.values[name] = value

    def unprinted(self, name: str, value: int) -> None:
        self.bounds.setdefault(name, (0, INFINITY))
        self.values[name] = value

    def add_sum(self, parts: list[str], whole: str) -> None:
        """The parts add up to the whole, when that is true (a reader's false belief discloses nothing)."""
        if sum(self.values[p] for p in parts) == self.values[whole]:
            self.sums.append(([(p, 1) for p in parts] + [(whole, -1)], 0))

    def pinned(self) -> list[str]:
        """Return the hidden numbers whose smallest and largest feasible values are equal."""
        names = list(self.bounds)
        index = {name: i for i, name in enumerate(names)}
        rows, rhs = [], []
        for terms, constant in self.sums:
            row = [0] * len(names)
            for name, sign in terms:
                row[index[name]] += sign
            rows.append(row)
            rhs.append(constant)
        bounds = [(low, LARGE if high is None else high) for low, high in (self.bounds[name] for name in names)]
        found = []
        for name in self.hidden:
            extremes = []
            for sign in (1, -1):
                cost = [0] * len(names)
                cost[index[name]] = sign
                result = linprog(cost, A_eq=rows or None, b_eq=rhs or None, bounds=bounds, method="highs",
                                 integrality=[1] * len(names))
                assert result.status == 0, f"{name}: {result.message}"
                extremes.append(round(result.x[index[name]]))
            if extremes[0] == extremes[1]:
                found.append(name)
        return found


WHERE_KNOWN = re.compile(r"^where known: (\d+) of (\d+)(?: ([^;]+))?; (\d+) not known$")
NOT_KNOWN = re.compile(r"^not known for (.+) of the (\d+) (.+)$")


def read_figures(figures: ReviewFigures, reader: Reader) -> None:
    """Add everything the outputs print about one review type to ``reader``."""
    key = figures.key
    reader.printed(f"{key} reviews", figures.count_text, figures.count)
    reader.printed(f"{key} people", figures.people_text, figures.people)
    role_totals: dict[str, str] = {}
    for table in figures.tables:
        cells = []
        for (label, text), (_, value) in zip(table.display_rows, table.rows):
            name = f"{key} {table.name}: {label}"
            reader.printed(name, text, value)
            cells.append(name)
        if table is figures.areas or table is figures.criteria:  # tables of reviews, perhaps adding up to them
            reader.add_sum(cells, f"{key} reviews")
            continue
        total = f"{key} people: {table.unit}"
        whole = f"{key} people" if table.unit == figures.review.people_noun else total
        if whole == total:
            coverage = table.people_coverage
            reader.unprinted(total, coverage.total if coverage else max(t.total for t in figures.demographics
                                                                       if t.unit == table.unit))
            role_totals[table.unit] = total
        unknown = f"{key} {table.name}: not known"
        note = table.coverage_note
        by_people = table.people_coverage is not None
        if by_people and (match := WHERE_KNOWN.match(note)):  # the cells add up to X, of Y people
            reader.printed(total + " (printed)", match.group(2), int(match.group(2)))
            reader.add_sum([whole], total + " (printed)")
            reader.printed(unknown, match.group(4), int(match.group(2)) - int(match.group(1)))
        elif by_people and (match := NOT_KNOWN.match(note)):
            reader.printed(total + " (printed)", match.group(2), int(match.group(2)))
            reader.add_sum([whole], total + " (printed)")
            assert table.people_coverage is not None
            reader.printed(unknown, match.group(1), table.people_coverage.total - table.people_coverage.known)
        else:
            reader.unprinted(unknown, reader.values[whole] - table.total)
            known_for, reviews_not_known = f"{key} {table.name}: known for", f"{key} {table.name}: reviews not known"
            if match := WHERE_KNOWN.match(note):  # 'where known: 3 of 9' reviews; the cells may add up to 3
                reader.printed(known_for, match.group(1), table.known_for, small_allowed=True)
                reader.printed(reviews_not_known, match.group(4), table.of - table.known_for)
            elif match := NOT_KNOWN.match(note):
                reader.unprinted(known_for, table.known_for)
                reader.printed(reviews_not_known, match.group(1), table.of - table.known_for)
            if note:
                reader.add_sum([known_for, reviews_not_known], f"{key} reviews")
                reader.add_sum(cells, known_for)
        if reader.values[unknown] >= 0:
            reader.add_sum([*cells, unknown], whole)
    for unit, total in role_totals.items():  # 'These figures count the 12 victims and 9 perpetrators'
        if unit in figures.people_by_unit:
            number = figures.people_by_unit[unit]
            reader.printed(f"{total} (counted)", str(number), number)
            reader.add_sum([total], f"{total} (counted)")
    if len(role_totals) > 1:
        reader.add_sum(list(role_totals.values()), f"{key} people")


def read_table(reader: Reader, name: str, table: CountTable) -> list[str]:
    """Add a table's cells as printed; return their names."""
    cells = []
    for (label, text), (_, value) in zip(table.display_rows, table.rows):
        reader.printed(f"{name}: {label}", text, value)
        cells.append(f"{name}: {label}")
    return cells


def read_timeline(timeline: TimelineFigures, reader: Reader, audit_not_known: bool = False) -> None:
    """Add everything printed over time about one review type to ``reader`` (after its headline, read_figures):
    reviews per year (the period's year may be the headline's count), timeliness, and the recommendations by
    status and by agency (one printed total) with the overdue ones by agency (each at most its agency's). With
    ``audit_not_known``, a timeliness table's 'N not known' counts as a printed count (not hidden yet)."""
    key = timeline.key
    if timeline.per_year is not None:  # withheld (None): printed nowhere
        years = read_table(reader, f"{key} per year", timeline.per_year)
        read_known(reader, f"{key} per year", timeline.per_year, years)
        if timeline.this_year:
            reader.add_sum([f"{key} per year: {timeline.this_year}"], f"{key} reviews")
    for number, item in enumerate(timeline.timeliness):
        name = f"{key} timeliness {number}"
        cells = read_table(reader, name, item.table)
        if found := SHARE_OF.search(item.share_text):  # 'fewer than 5 of 6', '6 of 11 (55%)': the reviews known
            reader.printed(f"{name}: known", found[1], item.known, small_allowed=True)
        read_known(reader, name, item.table, cells, audit_not_known)
    if timeline.concluded is not None and timeline.ongoing is not None:
        reader.printed(f"{key} concluded", timeline.count_text(timeline.concluded), timeline.concluded)
        reader.printed(f"{key} ongoing", timeline.count_text(timeline.ongoing), timeline.ongoing)
    if not timeline.statuses:  # the type keeps no recommendations
        return
    total, overdue_total = f"{key} recommendations", f"{key} overdue"
    reader.printed(total, timeline.count_text(timeline.recommendation_count), timeline.recommendation_count)
    reader.printed(overdue_total, timeline.count_text(timeline.overdue), timeline.overdue)
    # A table withheld (None) prints nothing; those published are read with the totals they add up to.
    if timeline.by_status is not None:
        reader.add_sum(read_table(reader, f"{key} by status", timeline.by_status), total)
    by_agency = read_table(reader, f"{key} by agency", timeline.by_agency) if timeline.by_agency else []
    if by_agency:
        reader.add_sum(by_agency, total)
    if timeline.overdue_by_agency is None:
        return
    overdue = read_table(reader, f"{key} overdue by agency", timeline.overdue_by_agency)
    reader.add_sum(overdue, overdue_total)
    for late, agency in zip(overdue, by_agency):  # late + on time or done = the agency's: at most the agency's
        rest = f"{late}: not overdue"
        reader.unprinted(rest, reader.values[agency] - reader.values[late])
        reader.add_sum([late, rest], agency)

SHARE_OF = re.compile(r" of (\d+|fewer than \d+)(?: \(\d+%\))?$")


def read_known(reader: Reader, name: str, table: CountTable, cells: list[str], audit_not_known: bool = False) -> None:
    """Add that a table's cells add up to the reviews it covers: printed in its 'where known: 3 of 5' note, or
    already read from a sentence, or else known only to be 0 or more."""
    known = f"{name}: known"
    if match := WHERE_KNOWN.match(table.coverage_note):
        reader.printed(known, match.group(1), table.known_for, small_allowed=True)
        if audit_not_known:
            reader.printed(f"{name}: not known", match.group(4), table.of - table.known_for)
    elif known not in reader.bounds:
        reader.unprinted(known, table.known_for)
    reader.add_sum(cells, known)
