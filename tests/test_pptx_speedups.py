"""The compiled-XPath speed-up gives python-pptx exactly the answers lxml would."""

from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import _nsmap
from pptx.oxml.xmlchemy import BaseOxmlElement

from generator import pptx_speedups


def test_compiled_xpath_matches_lxml_on_every_element_of_a_deck(deck_path):
    pptx_speedups.install()
    prs = Presentation(str(deck_path))
    expressions = ["./*[1]/p:nvPr/p:ph", ".//a:t", "./p:txBody/a:p", ".//a:rPr/@lang", "string(.//a:t)"]
    checked = 0
    for slide in prs.slides:
        for element in slide.element.iter():
            if not isinstance(element, BaseOxmlElement):
                continue
            for expression in expressions:
                expected = etree.ElementBase.xpath(element, expression, namespaces=_nsmap)
                assert element.xpath(expression) == expected
                checked += 1
    assert checked > 1000
