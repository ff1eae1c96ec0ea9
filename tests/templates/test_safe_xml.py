"""A template's XML parts parsed safely: a DOCTYPE or entity declaration (in UTF-8 or UTF-16) and malformed XML
are refused with a located message; a plain part parses."""

from __future__ import annotations

import pytest

from generator.problems import InputError
from generator.templates.safe_xml import parse_xml

SAVE_AGAIN = "save the template again from PowerPoint"


def test_a_plain_part_parses() -> None:
    assert parse_xml(b"<a><b/></a>", "t.potx", "ppt/x.xml", SAVE_AGAIN).tag == "a"


@pytest.mark.parametrize("data", [
    b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
    b"<!ENTITY e 'x'><a/>",
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a><a/>'.encode("utf-16-le"),
], ids=["doctype", "entity", "utf-16 doctype"])
def test_a_declaration_is_refused_before_parsing(data: bytes) -> None:
    with pytest.raises(InputError) as raised:
        parse_xml(data, "t.potx", "ppt/x.xml", SAVE_AGAIN)
    assert str(raised.value) == ("t.potx, part ppt/x.xml: the part declares a DOCTYPE or XML entities, which office "
                                 "programs never write (the file may have been tampered with); " + SAVE_AGAIN)


def test_malformed_xml_is_refused_with_the_parsers_reason() -> None:
    with pytest.raises(InputError) as raised:
        parse_xml(b"<a><b></a>", "t.potx", "ppt/x.xml", SAVE_AGAIN)
    assert str(raised.value).startswith("t.potx, part ppt/x.xml: the part is not well-formed XML (")
    assert str(raised.value).endswith("); " + SAVE_AGAIN)
