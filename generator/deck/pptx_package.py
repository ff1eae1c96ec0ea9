"""The python-pptx presentation a deck is drawn into, and the parts python-pptx is slow to make.

The template's sample slides are removed; new parts are named without
walking the whole package; new slides and notes slides are copies of the
first one python-pptx makes (on the same layout, for slides).
"""

from __future__ import annotations

import copy


def empty_for_drawing(prs) -> None:
    """Remove the template's slides from ``prs`` and make naming new parts cheap."""
    _remove_all_slides(prs)
    _name_parts_in_constant_time(prs.part.package)


class NewSlides:
    """Adds slides to a presentation.

    python-pptx clones each placeholder from the layout, which is slow; every
    slide on one layout starts the same, so the first is copied for the rest.
    """

    def __init__(self, prs):
        self.prs = prs
        self._blank_shapes: dict[int, list] = {}  # layout part's id -> the shapes of a new slide on it

    def add(self, layout):
        """Return a new slide on ``layout``, with the layout's placeholders."""
        blank = self._blank_shapes.get(id(layout.part))
        if blank is None:
            slide = self.prs.slides.add_slide(layout)
            self._blank_shapes[id(layout.part)] = [copy.deepcopy(shape)
                                                   for shape in slide.shapes._spTree.iter_shape_elms()]
            return slide
        rel_id, slide = self.prs.part.add_slide(layout)
        tree = slide.shapes._spTree
        for shape in blank:
            tree.append(copy.deepcopy(shape))
        self.prs.slides._sldIdLst.add_sldId(rel_id)
        return slide


class NotesSlides:
    """Adds a notes slide to a slide.

    python-pptx builds each notes slide by cloning the notes master's
    placeholders, which is slow; they all start the same, so the first one it
    makes is copied for the rest.
    """

    def __init__(self):
        self._blank = None  # the first notes slide, before its text

    def add(self, slide):
        """Return the element of a new notes slide for ``slide``."""
        from pptx.opc.constants import CONTENT_TYPE as CT
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.parts.slide import NotesSlidePart

        if self._blank is None:
            element = slide.notes_slide.element
            self._blank = copy.deepcopy(element)
            return element
        slide_part = slide.part
        package = slide_part.package
        notes_part = NotesSlidePart(package.next_partname("/ppt/notesSlides/notesSlide%d.xml"), CT.PML_NOTES_SLIDE,
                                    package, copy.deepcopy(self._blank))
        notes_part.relate_to(package.presentation_part.notes_master_part, RT.NOTES_MASTER)
        notes_part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(notes_part, RT.NOTES_SLIDE)
        return notes_part._element


def _name_parts_in_constant_time(package) -> None:
    """Make new part names (notes, charts, workbooks) cost O(1) each on this package.

    python-pptx walks every part of the package to name each new one, which
    makes a deck quadratic in its slides. Only the deck writer adds parts to
    the package, so the names in use can be counted once and then kept up to date.
    """
    in_use: dict[str, set[str]] = {}

    def next_partname(template: str):
        from pptx.opc.packuri import PackURI

        prefix = template[:(template % 42).find("42")]
        if prefix not in in_use:
            in_use[prefix] = {p.partname for p in package.iter_parts() if p.partname.startswith(prefix)}
        names = in_use[prefix]
        number = len(names) + 1
        while template % number in names:
            number += 1
        names.add(template % number)
        return PackURI(template % number)

    package.next_partname = next_partname


def _remove_all_slides(prs) -> None:
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
