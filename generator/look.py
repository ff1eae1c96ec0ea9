"""The look every output is drawn with: the deck template's colours and fonts, the Word template, and the data's
theme on top of them.

Reading a template means cleaning it (``templates.sanitise``) and parsing its
theme, which needs python-pptx and lxml; a rebuild whose outputs are all
unchanged must not pay for that. So the templates are cleaned only when an
output is drawn, and what an output's fingerprint needs of them is only what
they are made from: each template file's bytes and the theme.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Self

from .model import Branding
from .templates import BUILTIN_DECK_TEMPLATE

if TYPE_CHECKING:
    from .build import BuildSetup


class Look:
    """The templates (None: the built-in ones) and the data's theme, each template read once, when first needed.

    ``colours`` and ``fonts``, when given, are used as they are instead of being read from the deck template (a
    test draws with a chosen palette).
    """

    def __init__(self, theme: Branding, deck_template: Path | None = None, docx_template: Path | None = None,
                 colours: dict[str, str] | None = None, fonts: tuple[str, str] | None = None):
        self.theme = theme
        self.deck_template = deck_template
        self.docx_template = docx_template
        if colours is not None:
            self.__dict__["colours"] = colours
        if fonts is not None:
            self.__dict__["fonts"] = fonts

    @cached_property
    def deck_file(self) -> bytes:
        """The deck template file's bytes (b"" for the built-in one, which the generator's own stamp covers)."""
        from .templates.reading import read_regular_file

        return read_regular_file(self.deck_template) if self.deck_template else b""

    @cached_property
    def docx_file(self) -> bytes:
        """The Word template file's bytes (b"" for the built-in one)."""
        from .templates.reading import read_regular_file

        return read_regular_file(self.docx_template) if self.docx_template else b""

    def inputs(self) -> tuple:
        """Return what the colours and fonts are made from, for an output's fingerprint."""
        return (self.deck_file, self.theme)

    def word_inputs(self) -> tuple:
        """Return what a Word briefing's look is made from, for its fingerprint: the colours' and the Word
        template's."""
        return (*self.inputs(), self.docx_file)

    @cached_property
    def deck_package(self) -> bytes:
        """The deck template, cleaned (see ``templates.sanitise``)."""
        from .templates.opening import sanitised_template

        if self.deck_template is None:
            return sanitised_template(BUILTIN_DECK_TEMPLATE.read_bytes(), BUILTIN_DECK_TEMPLATE, "pptx")
        return sanitised_template(self.deck_file, self.deck_template, "pptx")

    @cached_property
    def docx_package(self) -> bytes | None:
        """The Word template, cleaned; None for the built-in one."""
        from .templates.opening import sanitised_template

        return sanitised_template(self.docx_file, self.docx_template, "docx") if self.docx_template else None

    @cached_property
    def colours(self) -> dict[str, str]:
        """The colours every output uses: the deck template's scheme with the theme's on top."""
        from .branding import palette

        return palette(self.deck_package, self.theme)

    @cached_property
    def fonts(self) -> tuple[str, str]:
        """The heading and body fonts: the theme's, else the deck template's."""
        from .branding import template_fonts

        heading, body = template_fonts(self.deck_package)
        return (self.theme.heading_font or heading, self.theme.body_font or body)

    def read(self) -> None:
        """Read and clean every template now (before drawing starts, so that drawing in two processes reads them
        once, and a template that cannot be used is refused before anything is drawn)."""
        _ = (self.colours, self.fonts, self.docx_package)  # the colours and fonts read the deck template


class DrawnInTheLook:
    """A builder that draws in the build's look with the partnership's logo (the deck, the Word and HTML briefings)."""

    def __init__(self, look: Look, logo: bytes = b""):
        self.look = look
        self.logo = logo

    @classmethod
    def for_build(cls, setup: BuildSetup) -> Self:
        """Return the builder a build uses."""
        return cls(setup.look, setup.loaded.logo_image)
