"""Text written into a frame: explicit formats, in the schema's order, whatever the frame held before."""

from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.util import Inches

from generator.deck.body_text import write_paragraphs
from generator.deck.slides import Para

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def test_a_frame_with_its_own_paragraph_properties_and_end_mark_stays_valid():
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, Inches(4), Inches(2))
    body = box.element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}txBody")
    first = body.find(f"{A}p")
    first.append(etree.fromstring(f'<a:pPr xmlns:a="{A[1:-1]}" algn="ctr"><a:defRPr sz="900"/></a:pPr>'))
    first.append(etree.fromstring(f'<a:endParaRPr xmlns:a="{A[1:-1]}" lang="en-GB"/>'))
    write_paragraphs(box, [Para("First & <one>", bold=True), Para("Second", bullet=False, italic=True)], 20)
    paragraphs = body.findall(f"{A}p")
    assert [p.xpath("string(.)") for p in paragraphs] == ["First & <one>", "Second"]
    assert [child.tag for child in paragraphs[0]] == [f"{A}pPr", f"{A}r", f"{A}endParaRPr"]
    properties = paragraphs[0].find(f"{A}pPr")
    assert properties.get("algn") == "ctr" and properties[0].tag == f"{A}lnSpc"
    assert not properties.findall(f"{A}defRPr")
    runs = [p.find(f"{A}r/{A}rPr") for p in paragraphs]
    assert [(r.get("sz"), r.get("b"), r.get("i")) for r in runs] == [("2000", "1", "0"), ("2000", "0", "1")]
    assert box.text_frame.paragraphs[1].runs[0].font.italic is True


EMAIL = "learning-and-development@fenmarsh-safeguarding.example.org.uk"


def test_an_address_that_does_not_fit_the_rest_of_its_line_begins_the_next_whole():
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, Inches(8), Inches(4))
    short, long = f"Write to {EMAIL}", f"Questions after the session to the partnership's team: {EMAIL} this week"
    write_paragraphs(box, [Para(short), Para(long)], 12)
    paragraphs = box.element.findall(f".//{A}p")
    assert [[child.tag.removeprefix(A) for child in p if child.tag != f"{A}pPr"] for p in paragraphs] == \
        [["r"], ["r", "br", "r"]]
    assert [t.text for t in paragraphs[1].iter(f"{A}t")] == ["Questions after the session to the partnership's team:",
                                                             f"{EMAIL} this week"]
    assert paragraphs[1].find(f"{A}br/{A}rPr").get("sz") == "1200"


def test_text_is_set_at_the_largest_size_at_which_each_address_fits_a_line_of_its_own():
    from generator import text_fit
    from generator.deck.body_text import BODY_FIT, BULLET_INDENT, INSET_X, best_size
    from generator.ooxml import EMU_PER_POINT

    # A line as wide as the address at 21 pt: the text would fit the box at 28 pt, the address whole only at 20.
    line = text_fit.face().width(EMAIL, 21)
    width = int(line * EMU_PER_POINT + 2 * INSET_X + BULLET_INDENT)
    assert best_size([Para(f"Write to {EMAIL}")], width, Inches(6), BODY_FIT) == 20
    assert best_size([Para("Write to " + "word " * 12)], width, Inches(6), BODY_FIT) == 28
    # No size keeps it whole: the largest at which the text fits, as before.
    assert best_size([Para(f"Write to {EMAIL}")], width // 2, Inches(6), BODY_FIT) == 28
