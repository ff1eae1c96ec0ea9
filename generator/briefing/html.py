"""The HTML briefing: one self-contained, accessible page per review type ("HTML first", as GOV.UK advises).

Semantic headings, the language and title set, the figures as tables with
header cells, the chart as inline SVG with a text alternative, print styles,
and no external requests: the file can be published as it is.
"""

from __future__ import annotations

import base64
import re
from html import escape

from .. import i18n, text_fit
from ..branding import paper_colours
from ..figures import CountTable
from ..look import DrawnInTheLook
from ..output import Rendered
from ..output.hiding_record import html_meta
from ..output_formats import HTML
from .fit import COLUMN_WIDTH
from .formats import BriefingFormat
from .line_breaks import breakable_after_at, is_short_label, name_pieces, note_clauses, trailing_note
from .plan import ACTION_PLAN_COLUMNS, BriefingPlan, SectionPlan, record_request, table_header
from .svg_chart import chart_svg

PRINTED_URL_SIZE = 8  # points: a link's address, printed after it in brackets

STYLE = """
:root {{ --text: #{text}; --heading: #{heading}; --link: #{link}; --rule: #b1b4b6; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; color: var(--text); background: #fff; font: 1.0625rem/1.5 {body_font}, Arial, sans-serif; }}
header, main, footer {{ max-width: 60rem; margin: 0 auto; padding: 0 1rem; }}
header {{ border-bottom: 4px solid var(--heading); padding-top: 1rem; }}
.masthead {{ display: flex; justify-content: space-between; align-items: center; gap: 1rem; }}
.partnership {{ margin: 0; font-weight: bold; }}
.logo {{ height: 3rem; width: auto; }}
h1 {{ color: var(--heading); font: bold 2rem/1.2 {heading_font}, Arial, sans-serif; margin: .5rem 0 .25rem; }}
h2 {{ color: var(--heading); font: bold 1.35rem/1.25 {heading_font}, Arial, sans-serif; margin: 1.5rem 0 .5rem; }}
.subtitle {{ margin: 0 0 1rem; }}
.parts {{ columns: 2 22rem; column-gap: 2.5rem; padding-top: 1rem; }}
h2:first-child {{ margin-top: 0; }}
section {{ break-inside: avoid-column; }}
table {{ border-collapse: collapse; margin: .5rem 0 1rem; min-width: 60%; }}
caption {{ text-align: left; font-weight: bold; padding-bottom: .25rem; }}
th, td {{ border: 1px solid var(--rule); padding: .2rem .5rem; text-align: left; }}
td.number, th.number {{ text-align: right; }}
a {{ color: var(--link); }}
.unbroken {{ white-space: nowrap; }}
.printed-url {{ display: none; }}
a:focus {{ outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }}
figure {{ margin: .5rem 0 1rem; }}
figcaption {{ font-weight: bold; margin-bottom: .25rem; }}
svg.chart {{ width: 100%; height: auto; font-family: {body_font}, Arial, sans-serif; }}
footer {{ border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: .5rem; font-size: .9rem; }}
.record {{ margin-top: 2rem; }}
.record td {{ height: 3rem; }}
@media print {{
  /* The printed page follows the Word briefing's type scale: 10 pt body, 12.5 pt part headings, 9 pt tables. */
  body {{ font-size: 10pt; line-height: 1.3; }}
  h1 {{ font-size: 20pt; }}
  h2 {{ font-size: 12.5pt; margin: 7pt 0 2pt; break-after: avoid; }}
  p, ul {{ margin: 0 0 3pt; }}
  table {{ font-size: 9pt; margin: 2pt 0 6pt; min-width: 0; }}
  th, td {{ padding: 0 4pt; }}
  header, main, footer {{ max-width: none; padding: 0; }}
  header {{ border-bottom-width: 1.5pt; }}
  .parts {{ columns: 2; column-gap: 8mm; padding-top: 6pt; }}
  section {{ break-inside: auto; }}
  a {{ color: var(--text); }}
  .printed-url {{ display: inline; font-size: {printed_url_size}pt; overflow-wrap: normal; word-break: normal; }}
  .record {{ break-before: page; }}
  li, tr, figure, caption {{ break-inside: avoid; }}
  caption {{ break-after: avoid; }}
  footer {{ font-size: 8.5pt; margin-top: 6pt; }}
  @page {{ size: A4; margin: 15mm; }}
}}
"""


class HtmlBriefingBuilder(DrawnInTheLook, BriefingFormat):
    """Builds ``briefings/<event>-<type>.html``: the briefing as one accessible, self-contained web page."""

    name = "HTML briefings"
    suffix = HTML.suffix

    def inputs(self) -> tuple:
        return (self.look.inputs(), self.logo)

    def render(self, plan: BriefingPlan) -> Rendered:
        """Return the page's bytes (UTF-8)."""
        return Rendered(self.page(plan).encode("utf-8"), f"{plan.review_name}, web page")

    def page(self, plan: BriefingPlan) -> str:
        """Return the whole page."""
        paper = paper_colours(self.look.colours)
        heading_font, body_font = (_font_family(name) for name in self.look.fonts)
        style = STYLE.format(text=paper.text, heading=paper.heading, link=paper.link, heading_font=heading_font,
                             body_font=body_font, printed_url_size=PRINTED_URL_SIZE)
        names = plan.names
        parts = "\n".join(self._section(section, paper.bar, paper.text, names) for section in plan.sections)
        record = _team_record(plan) if plan.action_plan else ""
        return (f'<!DOCTYPE html>\n<html lang="{escape(plan.language)}">\n<head>\n<meta charset="utf-8">\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{escape(plan.title)}</title>\n"
                f'<meta name="description" content="{escape(plan.subject)}">\n'
                f"{html_meta(plan.hidden_below)}\n"
                f"<style>{style}</style>\n</head>\n<body>\n"
                f'<header>\n<div class="masthead"><p class="partnership">{_text(plan.partnership, names)}</p>'
                f"{self._logo(plan)}"
                f"</div>\n"
                f"<h1>{_text(plan.title, names)}</h1>\n"
                f'<p class="subtitle">{_text(plan.subtitle, names)}</p>\n</header>\n'
                f'<main>\n<div class="parts">\n{parts}\n</div>\n{record}</main>\n'
                f"<footer>\n<p>{_text(plan.footer, names)}</p>\n</footer>\n</body>\n</html>\n")

    def _logo(self, plan: BriefingPlan) -> str:
        """Return the theme's logo as an image held in the page itself (a data URL: no request elsewhere)."""
        if not self.logo:
            return ""
        data = self.logo
        kind = "png" if data.startswith(b"\x89PNG") else "jpeg"
        encoded = base64.b64encode(data).decode("ascii")
        return f'<img class="logo" src="data:image/{kind};base64,{encoded}" alt="{escape(plan.logo_alt_text)}">'

    def _section(self, section: SectionPlan, bar: str, ink: str, names: tuple[str, ...]) -> str:
        html = [f'<section aria-labelledby="part-{section.number}">',
                f'<h2 id="part-{section.number}">{section.number}. {_text(section.heading, names)}</h2>']
        html.extend(f"<p>{_text(text, names)}</p>" for text in section.paragraphs)
        html.extend(_table(table, names) for table in section.tables)
        html.extend(f"<p>{_text(note, names)}</p>" for note in section.figures_note)
        if section.themes:
            html.append("<ul>" + "".join(f"<li>{_text(theme, names)}</li>" for theme in section.themes) + "</ul>")
        if section.themes_note:
            html.append(f"<p>{_text(section.themes_note, names)}</p>")
        if section.chart is not None:
            chart_id = f"chart-{section.number}"
            note = f"<p>{_text(section.chart.note, names)}</p>" if section.chart.note else ""
            html.append(f"<figure><figcaption>{_text(section.chart.title, names)}</figcaption>"
                        f"{chart_svg(section.chart, chart_id, bar, ink)}{note}</figure>")
        if section.bullets:
            html.append("<ul>" + "".join(f"<li>{_text(text, names)}</li>" for text in section.bullets) + "</ul>")
        html.extend(f'<p>Find out more: <a href="{escape(link.url)}">{_text(link.text, names)}</a>'
                    f"{_printed_url(link.url, self.look.fonts[1])}</p>" for link in section.links)
        html.append("</section>")
        return "\n".join(html)


def _table(table: CountTable, names: tuple[str, ...]) -> str:
    rows = "".join(f'<tr><th scope="row">{_label(label, names)}</th><td class="number">{escape(value)}</td></tr>'
                   for label, value in table.display_rows)
    lead, note = trailing_note(table.title)
    unbroken_note = " ".join(_unbroken(escape(clause)) for clause in note_clauses(note))
    caption = f'{_text(lead, names)} {unbroken_note}' if note else _text(table.title, names)
    category, number = table_header(table)
    return (f"<table><caption>{caption}</caption>"
            f'<thead><tr><th scope="col">{_label(category, names)}</th>'
            f'<th scope="col" class="number">{_label(number, names)}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def _text(text: str, names: tuple[str, ...]) -> str:
    """Return ``text`` as HTML, each hyphenated name in it kept on one line (its hyphens stay ordinary hyphens,
    so the page's words are what the data says when copied, searched for or read aloud), a long email address
    breaking only after its '@'."""
    return "<wbr>".join("".join(_unbroken(escape(piece)) if is_name else escape(piece) for piece, is_name in
                                name_pieces(chunk, names)) for chunk in breakable_after_at(text))


def _label(text: str, names: tuple[str, ...]) -> str:
    """Return a table's label or heading as HTML: kept on one line when it is short ("75 and over")."""
    return _unbroken(escape(text)) if is_short_label(text) else _text(text, names)


def _printed_url(url: str, family: str) -> str:
    """Return a web address as the printed page shows it after its link: in brackets, breaking only after a '/'
    or a '.' ("gov.uk/" then "guidance", never "gov.u" then "k"); hidden on screen, where the link works."""
    if not url.startswith(("http://", "https://")):
        return ""
    # Not at its hyphens either, unless a piece is too wide for a printed column's line (measured in the body font,
    # which prints it): it would run out of the column.
    font = text_fit.face(False, family)
    pieces = [_unbroken(escape(piece)) if font.width(piece, PRINTED_URL_SIZE) <= COLUMN_WIDTH else escape(piece)
              for piece in re.split(r"(?<=[/.])", url) if piece]
    return f'<span class="printed-url"> ({"<wbr>".join(pieces)})</span>'


def _unbroken(html: str) -> str:
    return f'<span class="unbroken">{html}</span>'


def _team_record(plan: BriefingPlan) -> str:
    rows = "".join("<tr><td></td><td></td><td></td><td></td></tr>" for _ in range(6))
    headings = "".join(f'<th scope="col">{escape(i18n._(heading))}</th>' for heading in ACTION_PLAN_COLUMNS)
    return (f'<section class="record" aria-labelledby="record"><h2 id="record">{escape(i18n._("Team record"))}</h2>'
            f"<p>{_text(record_request(plan), plan.names)}</p>"
            f"<table><thead><tr>{headings}</tr></thead>"
            f"<tbody>{rows}</tbody></table></section>\n")


def _font_family(name: str) -> str:
    """Return a font name as a CSS family: quoted, with anything that could end the declaration removed."""
    safe = "".join(ch for ch in name if ch.isalnum() or ch in " -_")
    return f'"{safe}"' if safe else "Arial"
