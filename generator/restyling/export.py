"""`templates export`: write the built-in templates and an example theme for the comms team to restyle."""

from __future__ import annotations

import io
from pathlib import Path

from ..branding import FALLBACK, template_colours, template_fonts
from ..briefing.blank import prepare_document
from ..output import Output, write_outputs
from ..paths import EXAMPLE_THEME_NAME
from ..templates import BUILTIN_DECK_TEMPLATE
from ..templates.opening import as_template, builtin_document, read_package
from ..templates.package_rules import WORD
from ..templates.sanitise import sanitise

DECK_NAME = "learning-from-reviews-deck.potx"
BRIEFING_NAME = "learning-from-reviews-briefing.dotx"

THEME_EXAMPLE = """\
# Paste this under the top level of an event's data file to restyle its deck and briefings.
# Colours are hex (RRGGBB); the build warns if text falls below 4.5:1 contrast on the background.
theme:
  colours:
    text: "{dk1}"
    background: "{lt1}"
    heading: "{dk2}"
    link: "{hlink}"
    accents: ["{accent1}", "{accent2}", "{accent3}", "{accent4}", "{accent5}", "{accent6}"]
  heading_font: {heading}
  body_font: {body}
  # logo: logo.png                 # PNG or JPEG, in the data file's folder
  # logo_alt_text: Logo of the Tees Safeguarding Partnerships
  # pptx_template: {deck}
  # docx_template: {briefing}
  # layouts:                       # slide kind: your layout's name
  #   content: Title and Content
  #   section: Section Header
  # styles:                        # briefing role: your paragraph style's name
  #   heading: Heading 1
  #   bullet: List Bullet
"""


def export_templates(folder: Path) -> list[Output]:
    """Write the built-in deck (.potx) and briefing (.dotx) templates and an example theme; return what was written.

    Each is byte-identical from run to run: the packages are written with sorted members and fixed dates, and the
    templates hold only what the build itself would take from them.
    """
    deck_package = read_package(BUILTIN_DECK_TEMPLATE, "pptx")
    colours = {**FALLBACK, **template_colours(deck_package)}
    heading, body = template_fonts(deck_package)
    doc = builtin_document()
    prepare_document(doc, colours, (heading, body), "en-GB")
    doc.core_properties.title = "Learning from Reviews: seven-minute briefing template"
    buffer = io.BytesIO()
    doc.save(buffer)
    theme = THEME_EXAMPLE.format(heading=heading, body=body, deck=DECK_NAME, briefing=BRIEFING_NAME, **colours)
    outputs = [Output(folder / DECK_NAME, as_template(deck_package, "pptx"), "PowerPoint template"),
               Output(folder / BRIEFING_NAME, as_template(sanitise(buffer.getvalue(), WORD, BRIEFING_NAME).package,
                                                          "docx"), "Word template"),
               Output(folder / EXAMPLE_THEME_NAME, theme.encode("utf-8"), "example theme")]
    write_outputs(outputs)
    return outputs
