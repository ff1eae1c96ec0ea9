"""The figures workbook for the annual report: ``decks/<event>-<date>-figures.xlsx``, one sheet per table as the
briefings publish it, so the comms team never retypes a number.

Each sheet is the same :class:`generator.figures.CountTable` the briefings
show, small numbers hidden exactly as there ('<5', '[c]'), with a title row
and notes. Every label is a text cell, never a formula or a link; a shown
count is a number. The same data gives the same bytes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .figures import CountTable, ReviewFigures, event_figures
from .i18n import _, day_month_year
from .model import EventData
from .output import Rendered, Target, document_time
from .output_formats import XLSX
from .paths import event_stem
from .timescales import stage_date_words
from .timeline import TimelineFigures, event_timelines, year_kind_words

if TYPE_CHECKING:
    from .build import BuildSetup
    from .plan import EventPlan

SHEET_NAME_LENGTH = 31  # Excel's limit
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\']")
CONTENTS_SHEET = "Contents"  # the sheet's name stays English in every version: a workbook's links may name it
TITLE_ROW, HEADING_ROW, FIRST_ROW = 0, 2, 3


@dataclass(frozen=True)
class PublishedTable:
    """One sheet: a review type's table as published (each count as its cell shows it: '7', '<5', '[c]'), with the
    notes a reader needs beside it."""

    type_name: str
    abbreviation: str
    name: str
    title: str  # with its coverage: 'Ethnicity (where known: 15 of 16 children)'
    category: str
    unit: str
    rows: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]

    @classmethod
    def of(cls, type_name: str, abbreviation: str, table: CountTable, notes: tuple[str, ...]) -> PublishedTable:
        return cls(type_name, abbreviation, table.shown_name, f"{type_name}: {table.title}", _(table.category),
                   table.unit,
                   table.display_rows, tuple(filter(None, (table.suppression_note,))) + notes)


def published_tables(event: EventData) -> list[PublishedTable]:
    """Return every table the briefings and the deck publish, with the briefings' hiding, type by type: reviews by
    area, the people's tables, the themes' counts, then reviews per year, timeliness and recommendations."""
    timelines = event_timelines(event)
    tables: list[PublishedTable] = []
    for key, figures in event_figures(event).items():
        review = figures.review
        notes = _notes(figures)
        abbreviation = review.abbreviation or key
        found = timelines.get(key)
        tables.extend(PublishedTable.of(review.name, abbreviation, table, notes)
                      for table in figures.tables)
        themes = _themes_table(figures, abbreviation, notes)
        if themes is not None:
            tables.append(themes)
        if found is not None:
            tables.extend(PublishedTable.of(review.name, abbreviation, table, _timeline_notes(found, table) + notes)
                          for table in found.tables)
    return tables


def _notes(figures: ReviewFigures) -> tuple[str, ...]:
    lines = [figures.period + "." if figures.period else ""]
    if figures.threshold:
        lines.append(_("Counts from 1 to {highest} are shown as <{threshold}; [c] marks a count not shown so that a "
                       "hidden one cannot be worked out from the total.", highest=figures.threshold - 1,
                       threshold=figures.threshold))
    lines.extend(figures.review.caveats)
    return tuple(line for line in lines if line)


def _timeline_notes(found: TimelineFigures, table: CountTable) -> tuple[str, ...]:
    if table is found.per_year:
        lines = [_("Every {kind} year of the register, by each review's {basis}.",
                   kind=year_kind_words(found.year_kind), basis=stage_date_words(found.basis))]
        if found.partial_years:
            lines.append(_("{years}: part of the year only, to {day}.", years=", ".join(found.partial_years),
                           day=day_month_year(found.as_at)))
        return tuple(lines)
    if table in (t.table for t in found.timeliness):
        return (_("Reviews that reached the stage in the period; 'where known' counts those whose earlier stage is "
                  "dated too. Working days leave out weekends and bank holidays."),)
    return (_("All the type's recommendations in the register, as at {day}.", day=day_month_year(found.as_at)),)


def _themes_table(figures: ReviewFigures, abbreviation: str, notes: tuple[str, ...]) -> PublishedTable | None:
    """Return the counted themes as the briefings list them: a hidden count as '<5' (a review has several themes, so
    they add up to no total, and none needs hiding to protect another)."""
    counted = [t for t in figures.themes if t.count is not None]
    if not counted:
        return None
    hidden = figures.hidden_themes
    rows = tuple((t.name, f"<{figures.threshold}" if t.name in hidden else str(t.count)) for t in counted)
    name = _("Reviews featuring each theme (of {count})", count=figures.count)
    return PublishedTable(figures.review.name, abbreviation, _("Themes"), f"{figures.review.name}: {name}", _("Theme"),
                          _("reviews"), rows, notes)


def sheet_names(tables: list[PublishedTable]) -> list[str]:
    """Return a sheet name for each table: 'CSPR Reviews by area', at most 31 characters, each its own."""
    names: list[str] = []
    taken = {CONTENTS_SHEET.casefold()}
    for item in tables:
        base = SHEET_NAME_FORBIDDEN.sub("", f"{item.abbreviation} {item.name}")[:SHEET_NAME_LENGTH].strip()
        name, number = base, 2
        while name.casefold() in taken:
            suffix = f" ({number})"
            name = base[:SHEET_NAME_LENGTH - len(suffix)] + suffix
            number += 1
        taken.add(name.casefold())
        names.append(name)
    return names


def workbook_bytes(event: EventData, tables: list[PublishedTable]) -> bytes:
    """Return the figures workbook: a contents sheet, then one sheet per table."""
    import xlsxwriter  # only when the workbook is written: a rebuild that keeps it never imports XlsxWriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
                                        "strings_to_urls": False})
    info = event.event
    stamp = document_time(info.date).replace(tzinfo=None)
    book.set_properties({"title": _("{title}, {date}: figures", title=info.title, date=info.long_date),
                         "author": info.author or info.partnership, "created": stamp,
                         "comments": _("Figures as published, small numbers hidden")})
    bold = book.add_format({"bold": True})
    title = book.add_format({"bold": True, "font_size": 14})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    names = sheet_names(tables)
    contents = book.add_worksheet(CONTENTS_SHEET)
    contents.write_string(0, 0, f"{info.partnership}: {info.title}, {info.long_date}", title)
    contents.write_string(1, 0, _("Every table as the briefings publish it, one sheet each; small numbers are hidden "
                                  "as in the briefings."))
    contents.write_string(3, 0, _("Sheet"), bold)
    contents.write_string(3, 1, _("Table"), bold)
    for row, (name, item) in enumerate(zip(names, tables), start=4):
        contents.write_string(row, 0, name)
        contents.write_string(row, 1, item.title)
    contents.set_column(0, 0, 34)
    contents.set_column(1, 1, 90)
    for name, item in zip(names, tables):
        sheet = book.add_worksheet(name)
        sheet.write_string(TITLE_ROW, 0, item.title, title)
        sheet.write_string(HEADING_ROW, 0, item.category, bold)
        sheet.write_string(HEADING_ROW, 1, _("Number of {unit}", unit=item.unit), bold)
        for row, (label, shown) in enumerate(item.rows, start=FIRST_ROW):
            sheet.write_string(row, 0, label)
            if shown.isdigit():
                sheet.write_number(row, 1, int(shown))
            else:
                sheet.write_string(row, 1, shown)
        notes_row = FIRST_ROW + len(item.rows) + 1
        sheet.write_string(notes_row, 0, _("Notes"), bold)
        for offset, note in enumerate(item.notes, start=1):
            sheet.merge_range(notes_row + offset, 0, notes_row + offset, 3, "", wrap)
            sheet.write_string(notes_row + offset, 0, note, wrap)
            sheet.set_row(notes_row + offset, 15 * (1 + len(note) // 90))
        sheet.set_column(0, 0, max(16, min(60, max((len(label) for label, _ in item.rows), default=0) + 2)))
        sheet.set_column(1, 1, 22)
    book.close()
    return buffer.getvalue()


class FiguresWorkbookBuilder:
    """Builds ``decks/<event>-<date>-figures.xlsx`` beside the deck, for a data file with a ``timeline:`` (unless
    it says ``figures_workbook: false``)."""

    name = "figures workbook"
    folder = "decks"
    suffix = f"-figures{XLSX.suffix}"

    @classmethod
    def for_build(cls, setup: BuildSetup) -> FiguresWorkbookBuilder:
        """Return the builder a build uses."""
        return cls()

    def targets(self, plan: EventPlan, out_dir: Path) -> list[Target]:
        event = plan.event
        if event.timeline is None or not event.timeline.figures_workbook:
            return []
        info = event.event
        path = out_dir / self.folder / f"{event_stem(info.title, info.date)}{self.suffix}"
        tables = published_tables(event)
        heading = (info.title, info.date, info.partnership, info.author)
        return [Target(path, (heading, tables), lambda: self.render(event, tables))]

    def render(self, event: EventData, tables: list[PublishedTable]) -> Rendered:
        return Rendered(workbook_bytes(event, tables), f"{len(tables)} tables", [])
