"""A template whose parts are not what they claim, or whose page or slides no one could use, is refused, located.

Both `build` and `check-template` give the same located reason, exit 2, and a build writes nothing.
"""

from __future__ import annotations

import pytest
from lxml import etree

from tests.conftest import DEFAULT_DATA
from tests.templates.hostile import (DOCUMENT, MASTER, PRESENTATION, W, Package, changed, powerpoint_base,
                                     word_base)

STYLES = "word/styles.xml"
POWERPOINT_AGAIN = "open it in PowerPoint and save it again"
WORD_AGAIN = "open it in Word and save it again"


def _renamespaced(name: str, namespace: str):
    def change(package: Package) -> None:
        root = package.xml(name)
        moved = etree.Element(f"{{{namespace}}}{etree.QName(root).localname}", nsmap={None: namespace})
        moved[:] = list(root)
        package.put_xml(name, moved)
    return change


def _without_section(package: Package) -> None:
    root = package.xml(DOCUMENT)
    for section in root.iter(f"{{{W}}}sectPr"):
        section.getparent().remove(section)
    package.put_xml(DOCUMENT, root)


def _page(**attributes: str):
    def change(package: Package) -> None:
        root = package.xml(DOCUMENT)
        for name, value in attributes.items():
            element, attribute = name.split("_")
            found = next(root.iter(f"{{{W}}}{element}"))
            found.set(f"{{{W}}}{attribute}", value)
        package.put_xml(DOCUMENT, root)
    return change


def _slides(cx: str, cy: str):
    def change(package: Package) -> None:
        root = package.xml(PRESENTATION)
        size = root.find("{http://schemas.openxmlformats.org/presentationml/2006/main}sldSz")
        size.set("cx", cx)
        size.set("cy", cy)
        package.put_xml(PRESENTATION, root)
    return change


CASES = [
    ("master.potx", lambda: changed(_renamespaced(MASTER, "urn:elsewhere")),
     f"part {MASTER}: its root element is {{urn:elsewhere}}sldMaster, where the slide master part has p:sldMaster "
     f"in the namespace http://schemas.openxmlformats.org/presentationml/2006/main; {POWERPOINT_AGAIN}"),
    ("styles.dotx", lambda: changed(_renamespaced(STYLES, "urn:elsewhere"), word_base),
     f"part {STYLES}: its root element is {{urn:elsewhere}}styles, where the styles part has w:styles in the namespace "
     f"http://schemas.openxmlformats.org/wordprocessingml/2006/main; {WORD_AGAIN}"),
    ("no-section.dotx", lambda: changed(_without_section, word_base),
     f"part {DOCUMENT}: the document has no section settings (w:sectPr in its body: the page's size, margins, "
     f"header and footer); {WORD_AGAIN}"),
    ("no-page.dotx", lambda: changed(_page(pgSz_w="0", pgSz_h="0"), word_base),
     f"part {DOCUMENT}: the page is 0 by 0 inches; a page is from 1 to 22 inches each way; {WORD_AGAIN}"),
    ("margins.dotx", lambda: changed(_page(pgMar_left="99999", pgMar_right="99999"), word_base),
     f"part {DOCUMENT}: the margins (left 69.44, right 69.44, top 1, bottom 1 inches) leave less than 1 inch "
     f"of the 8.5 by 11 inch page for text; {WORD_AGAIN}"),
    ("no-slides.potx", lambda: changed(_slides("0", "0")),
     f"part {PRESENTATION}: the slides are 0 by 0 inches; a slide is from 1 to 56 inches each way; "
     f"{POWERPOINT_AGAIN}"),
]


@pytest.mark.parametrize("name, make, message", CASES)
def test_check_template_refuses_it_with_the_located_reason(run_cli, tmp_path, name, make, message):
    (tmp_path / name).write_bytes(make())
    status, out, _ = run_cli(["check-template", name], tmp_path)
    assert (status, out.splitlines()[:2]) == (2, [f"{name}: cannot be opened", f"  cannot be used: {message}"])


@pytest.mark.parametrize("name, make, message", CASES)
def test_build_refuses_it_with_the_same_reason_and_writes_nothing(run_cli, tmp_path, name, make, message):
    (tmp_path / name).write_bytes(make())
    option = "--pptx-template" if name.endswith(".potx") else "--docx-template"
    status, _, err = run_cli(["build", DEFAULT_DATA, option, name, "--out", "out"], tmp_path)
    part, reason = message.split(": ", 1)
    assert (status, err.splitlines()[0]) == (2, f"error: {name}, {part}: {reason}")
    assert not (tmp_path / "out").exists()
