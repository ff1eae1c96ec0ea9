"""The pictures' index page: every picture with its alt text and its figures as a table, to copy from.

One accessible, self-contained page (each picture shown by its SVG, held in the
page itself; the files are linked beside it): the language and title set, one
main heading, a heading per review type and per picture, each image with its
alt text, and the figures as a table with header cells.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape
from itertools import groupby

from ..i18n import _
from ..model import EventData
from ..output.hiding_record import html_meta
from .plan import Picture

STYLE = """
body { margin: 0 auto; max-width: 60rem; padding: 0 1rem 2rem; color: #0b0c0c; background: #fff;
       font: 1.0625rem/1.5 Arial, sans-serif; }
h1 { font-size: 2rem; line-height: 1.2; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; border-top: 4px solid #0b0c0c; padding-top: 1rem; }
h3 { font-size: 1.2rem; margin-top: 2rem; }
img { display: block; width: 100%; max-width: 36rem; height: auto; border: 1px solid #b1b4b6; }
.alt { background: #f3f2f1; padding: .5rem .75rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: bold; padding-bottom: .25rem; }
th, td { border: 1px solid #b1b4b6; padding: .2rem .5rem; text-align: left; }
td.number, th.number { text-align: right; }
a { color: #1d70b8; }
a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
"""


def index_page(event: EventData, pictures: Sequence[Picture], svgs: Sequence[bytes],
               files: Sequence[tuple[str, str]], hidden_below: int) -> str:
    """Return the page: ``svgs`` are the pictures' SVGs, in order (empty for a picture not drawn); ``files`` each
    file's name ending and label; ``hidden_below`` the threshold the pictures hid small numbers below (0: none),
    recorded in the page."""
    info = event.event
    title = _("Chart pictures: {title}, {date}", title=info.title, date=info.long_date)
    parts = []
    drawn = list(zip(pictures, svgs))
    for shown_in, group in groupby(drawn, key=lambda each: each[0].shown_in):
        parts.append(f"<h2>{escape(shown_in)}</h2>")
        parts.extend(_picture(picture, svg, files) for picture, svg in group)
    hidden = _(" (small numbers hidden)") if event.publish.suppress_below else ""
    intro = _("Every chart of the deck and the seven-minute briefings, as the briefings publish them{hidden}. Each "
              "picture comes as a PNG for print, a PNG social media card and an SVG; the same alt text is held in "
              "each file. Publish a picture with its alt text.", hidden=hidden)
    if not any(picture.drawn for picture in pictures):
        intro = (_("No chart of this event has a figure left to show once small numbers are hidden.")
                 if event.publish.suppress_below else _("This event has no charts to draw."))
    return (f'<!DOCTYPE html>\n<html lang="{escape(info.language)}">\n<head>\n<meta charset="utf-8">\n'
            f"{html_meta(hidden_below)}\n"
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
            f"<h1>{escape(title)}</h1>\n<p>{escape(intro)}</p>\n" + "\n".join(parts) + "\n</main>\n</body>\n</html>\n")


def _picture(picture: Picture, svg: bytes, files: Sequence[tuple[str, str]]) -> str:
    chart = picture.chart
    if not picture.drawn:  # every count hidden: the briefing's table shows them as '<5' and '[c]'
        reason = _("No picture: {reason}.", reason=chart.note or _("nothing to show"))
        return f"<section>\n<h3>{escape(chart.title)}</h3>\n<p>{escape(reason)}</p>\n</section>"
    source = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
    links = "".join(f'<li><a href="{escape(picture.stem + suffix)}">{escape(picture.stem + suffix)}</a>: '
                    f"{escape(_(label))}</li>" for suffix, label in files)
    rows = "".join(f'<tr><th scope="row">{escape(category)}</th><td class="number">{value}</td></tr>'
                   for category, value in zip(chart.categories, chart.values))
    note = f"<p>{escape(chart.note)}</p>" if chart.note else ""
    alt_label, caption, category, number = (escape(_("Alt text:")), escape(_("Figures in the chart")),
                                            escape(_("Category")), escape(_("Number")))
    return (f"<section>\n<h3>{escape(chart.title)}</h3>\n"
            f'<img src="{source}" alt="{escape(chart.alt_text)}">\n'
            f'<p class="alt"><strong>{alt_label}</strong> {escape(chart.alt_text)}</p>\n'
            f"<ul>{links}</ul>\n"
            f'<table><caption>{caption}</caption><thead><tr><th scope="col">{category}</th>'
            f'<th scope="col" class="number">{number}</th></tr></thead><tbody>{rows}</tbody></table>\n'
            f"{note}</section>")
