"""Fit paragraphs into a box and write them, with every size and indent explicit.

Sizes, indents, bullets and spacing are written on each paragraph rather
than inherited from the template, so that what we measure is what PowerPoint
and LibreOffice draw. Autofit is switched off: PowerPoint applies it only when
someone edits the text, so the generator does the fitting itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Emu, Pt

from .. import text_fit
from ..ooxml import DRAWING, EMU_PER_POINT, PRESENTATION, tag
from .slides import Para

INSET_X = Emu(91440)
INSET_Y = Emu(45720)
BULLET_INDENT = Emu(342900)
LEVEL_STEP = Emu(400050)
BULLET_CHARS = {0: "•", 1: "–", 2: "•"}


@dataclass(frozen=True)
class FitRange:
    """The sizes text may take: it starts at ``largest`` and steps down to ``smallest``."""

    largest: float
    smallest: float
    step: float = 2.0

    def sizes(self):
        size = self.largest
        while size >= self.smallest - 0.01:
            yield size
            size -= self.step


BODY_FIT = FitRange(28, 16)
TITLE_FIT = FitRange(36, 24)
COVER_TITLE_FIT = FitRange(54, 26, 4)  # down to 26 pt, so a long event title (three lines) still fits
# Full-width text slides share one body size, the largest at which all of them fit, but it goes no lower than
# this: a denser slide is set smaller on its own rather than take every other slide down with it.
DECK_BODY_FLOOR = 20.0


def _left_margin(para: Para) -> int:
    if not para.bullet:
        return LEVEL_STEP * para.level
    return BULLET_INDENT + LEVEL_STEP * para.level


def _space_before(para: Para, size: float, first: bool) -> float:
    if first:
        return 0.0
    return size * (0.35 if para.level == 0 else 0.15)


def paragraphs_height(paras: list[Para], width_emu: int, size: float, family: str = "") -> float:
    """Return the height in points that ``paras`` take at ``size``, in ``family``, in a box ``width_emu`` wide."""
    inner = (width_emu - 2 * INSET_X) / EMU_PER_POINT
    total = 2 * INSET_Y / EMU_PER_POINT
    for i, para in enumerate(paras):
        para_size = size * para.scale
        width = inner - _left_margin(para) / EMU_PER_POINT
        total += _space_before(para, para_size, i == 0)
        total += text_fit.text_height(para.text, width, para_size, para.bold, family)
    return total


def best_size(paras: list[Para], width_emu: int, height_emu: int, fit: FitRange,
              family: str = "") -> float | None:
    """Return the largest size in ``fit`` at which ``paras`` fit the box, or None if none does: the largest at
    which every email or web address also fits its line, if one does (a wider address is cut inside)."""
    height_pt = height_emu / EMU_PER_POINT
    if paragraphs_height(paras, width_emu, fit.smallest, family) > height_pt:
        return None  # long lists: no need to try every size before splitting them
    largest_fitting = None
    for size in fit.sizes():
        if paragraphs_height(paras, width_emu, size, family) <= height_pt:
            if addresses_fit_their_lines(paras, width_emu, size, family):
                return size
            largest_fitting = largest_fitting or size
    return largest_fitting


def addresses_fit_their_lines(paras: list[Para], width_emu: int, size: float, family: str = "") -> bool:
    """Return whether every email or web address in ``paras`` fits a line of its own at ``size``."""
    inner = (width_emu - 2 * INSET_X) / EMU_PER_POINT
    return all(text_fit.face(para.bold, family).width(address, size * para.scale)
               <= inner - _left_margin(para) / EMU_PER_POINT
               for para in paras for address in text_fit.ADDRESS.findall(para.text))


def split_into_pages(paras: list[Para], width_emu: int, height_emu: int, size: float,
                     family: str = "") -> list[list[Para]]:
    """Return ``paras`` split into pages that each fit at ``size``; sub-bullets stay with their parent."""
    groups: list[list[Para]] = []
    for para in paras:
        if para.level > 0 and groups:
            groups[-1].append(para)
        else:
            groups.append([para])
    height_pt = height_emu / EMU_PER_POINT
    pages: list[list[Para]] = [[]]
    used = 0.0
    for group in groups:
        # A group's height on a page it does not start: its first paragraph keeps its space before.
        added = paragraphs_height([Para("", bullet=False), *group], width_emu, size, family) - \
            paragraphs_height([Para("", bullet=False)], width_emu, size, family)
        if pages[-1] and used + added > height_pt:
            pages.append(list(group))
            used = paragraphs_height(group, width_emu, size, family)
        else:
            used = used + added if pages[-1] else paragraphs_height(group, width_emu, size, family)
            pages[-1].extend(group)
    return pages


def lead_and_groups(paras: list[Para]) -> tuple[list[Para], list[list[Para]]]:
    """Return the leading unbulleted paragraphs, and the rest grouped: each bullet with its sub-bullets."""
    lead = 0
    while lead < len(paras) and not paras[lead].bullet:
        lead += 1
    groups: list[list[Para]] = []
    for para in paras[lead:]:
        if para.level > 0 and groups:
            groups[-1].append(para)
        else:
            groups.append([para])
    return paras[:lead], groups


def even_chunks(groups: list[list[Para]], count: int) -> list[list[Para]]:
    """Return ``groups`` dealt in order into ``count`` pages whose numbers of groups differ by at most one
    (the earlier pages take the extra ones)."""
    per_page, extra = divmod(len(groups), count)
    chunks, start = [], 0
    for page in range(count):
        end = start + per_page + (1 if page < extra else 0)
        chunks.append([para for group in groups[start:end] for para in group])
        start = end
    return chunks


def split_columns(paras: list[Para]) -> tuple[list[Para], list[Para], list[Para]]:
    """Return the leading unbulleted paragraphs, and the bullets halved into two columns (sub-bullets kept)."""
    lead, groups = lead_and_groups(paras)
    half = (len(groups) + 1) // 2
    return lead, [p for g in groups[:half] for p in g], [p for g in groups[half:] for p in g]


def two_column_size(header: list[Para], left: list[Para], right: list[Para], width_emu: int, height_emu: int,
                    gap_emu: int, fit: FitRange, family: str = "") -> float | None:
    """Return the largest size at which a header over two columns of bullets fits the box, or None."""
    column = (width_emu - gap_emu) // 2
    height_pt = height_emu / EMU_PER_POINT
    for size in fit.sizes():
        top = paragraphs_height(header, width_emu, size, family) if header else 0.0
        columns = max(paragraphs_height(left, column, size, family), paragraphs_height(right, column, size, family))
        if top + columns <= height_pt and addresses_fit_their_lines(left + right, column, size, family):
            return size
    return None


def write_paragraphs(shape, paras: list[Para], size: float, family: str = "") -> None:
    """Replace the shape's text with ``paras`` at ``size``, every format explicit.

    python-pptx has no API for bullets or explicit indents, so paragraphs are
    written on the shape's XML (its public ``element``), as python-pptx's own
    setters write runs and sizes. An email or web address that does not fit the
    rest of its line (measured in ``family``) begins the next: PowerPoint and
    LibreOffice would break it at a hyphen, and DrawingML has no non-breaking
    run (U+2011 is not in Carlito, so LibreOffice would draw it in another font).
    """
    text_frame = shape.text_frame
    text_frame.clear()
    text_frame.word_wrap = True
    text_frame.auto_size = MSO_AUTO_SIZE.NONE
    text_frame.margin_left = text_frame.margin_right = INSET_X
    text_frame.margin_top = text_frame.margin_bottom = INSET_Y
    body = shape.element.find(tag(PRESENTATION, "txBody"))
    first_paragraph = body.find(tag(DRAWING, "p"))  # clear() leaves one, empty
    for i, para in enumerate(paras):
        paragraph = first_paragraph if i == 0 else etree.SubElement(body, f"{{{DRAWING}}}p")
        para_size = size * para.scale
        _format_paragraph(paragraph, para, para_size, first=i == 0)
        text = para.text
        # The address first: a placeholder's width is looked up through its layout, which takes a while.
        if text_fit.ADDRESS.search(text) and shape.width is not None:
            width = (shape.width - 2 * INSET_X - _left_margin(para)) / EMU_PER_POINT
            text = text_fit.addresses_on_lines_of_their_own(text, width, para_size, para.bold, family)
        end = paragraph.find(f"{{{DRAWING}}}endParaRPr")  # kept by clear(); it must stay last
        for index, line in enumerate(text.split("\n")):
            if index:
                _append_run(paragraph, end, "br", para, para_size)
            _append_run(paragraph, end, "r", para, para_size).append(_drawing_text(line))


def _append_run(paragraph, end, kind: str, para: Para, size: float):
    """Append a run (``r``) or line break (``br``) in the paragraph's format, before its end mark if it has one."""
    run = etree.Element(f"{{{DRAWING}}}{kind}")
    etree.SubElement(run, f"{{{DRAWING}}}rPr", sz=str(Pt(size).centipoints), b=_flag(para.bold),
                     i=_flag(para.italic))
    if end is not None:
        end.addprevious(run)
    else:
        paragraph.append(run)
    return run


def _drawing_text(text: str):
    element = etree.Element(f"{{{DRAWING}}}t")
    element.text = text
    return element


def _flag(on: bool) -> str:
    return "1" if on else "0"


def _format_paragraph(paragraph, para: Para, size: float, first: bool) -> None:
    ppr = paragraph.find(f"{{{DRAWING}}}pPr")  # kept by clear() on the first paragraph
    if ppr is None:
        ppr = etree.Element(f"{{{DRAWING}}}pPr")
        paragraph.insert(0, ppr)
    del ppr[:]  # every format below is set explicitly, in the schema's order
    ppr.set("marL", str(_left_margin(para)))
    ppr.set("indent", str(-BULLET_INDENT if para.bullet else 0))
    ppr.set("lvl", str(min(para.level, 8)))
    line_spacing = etree.SubElement(ppr, f"{{{DRAWING}}}lnSpc")
    etree.SubElement(line_spacing, f"{{{DRAWING}}}spcPct", val="100000")
    space_before = etree.SubElement(ppr, f"{{{DRAWING}}}spcBef")
    etree.SubElement(space_before, f"{{{DRAWING}}}spcPts", val=str(int(_space_before(para, size, first) * 100)))
    if para.bullet:
        etree.SubElement(ppr, f"{{{DRAWING}}}buFont", typeface="Arial")
        etree.SubElement(ppr, f"{{{DRAWING}}}buChar", char=BULLET_CHARS.get(para.level, "•"))
    else:
        etree.SubElement(ppr, f"{{{DRAWING}}}buNone")
