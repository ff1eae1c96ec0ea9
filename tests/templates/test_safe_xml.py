"""A template's XML parts parsed safely: a DOCTYPE or entity declaration (in UTF-8 or UTF-16, found before parsing;
in any other encoding, found once parsed) and malformed XML are refused with a located message; a plain part
parses."""

from __future__ import annotations

import pytest

from generator.problems import InputError
from generator.templates.safe_xml import parse_xml

SAVE_AGAIN = "save the template again from PowerPoint"
DOCTYPE_REFUSAL = ("t.potx, part ppt/x.xml: the part declares a DOCTYPE or XML entities, which office programs never "
                   "write (the file may have been tampered with); " + SAVE_AGAIN)
# Ten entities each naming the one before ten times: a billion laughs, which libxml2 stops as a syntax error.
BILLION_LAUGHS = ('<!DOCTYPE a [<!ENTITY a "aaaaaaaaaa">'
                  + "".join(f'<!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 10}">' for i in range(9))
                  + "]><a>&j;</a>")


def test_a_plain_part_parses() -> None:
    assert parse_xml(b"<a><b/></a>", "t.potx", "ppt/x.xml", SAVE_AGAIN).tag == "a"


@pytest.mark.parametrize("data", [
    b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
    b"<!ENTITY e 'x'><a/>",
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a><a/>'.encode("utf-16-le"),
    # Refused for what it declares, not as the syntax error libxml2 would make of it.
    ('<?xml version="1.0" encoding="UTF-16"?>' + BILLION_LAUGHS).encode("utf-16"),
    # Spellings no byte search looks for are found once parsed: the parser neither loads nor expands them.
    '<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'.encode("utf-32"),
    '<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE a SYSTEM "a.dtd"><a/>'.encode("utf-32"),
    # An entity naming an outside file is not looked for (libxml2 would otherwise say it is not defined).
    '<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE a [<!ENTITY e SYSTEM "outside.xml">]><a>&e;</a>'.encode("utf-32"),
], ids=["doctype", "entity", "utf-16 doctype", "utf-16 billion laughs", "utf-32 entity", "utf-32 external doctype",
        "utf-32 outside entity"])
def test_a_declaration_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as raised:
        parse_xml(data, "t.potx", "ppt/x.xml", SAVE_AGAIN)
    assert str(raised.value) == DOCTYPE_REFUSAL


def test_malformed_xml_is_refused_with_the_parsers_reason() -> None:
    with pytest.raises(InputError) as raised:
        parse_xml(b"<a><b></a>", "t.potx", "ppt/x.xml", SAVE_AGAIN)
    assert str(raised.value).startswith("t.potx, part ppt/x.xml: the part is not well-formed XML (")
    assert str(raised.value).endswith("); " + SAVE_AGAIN)
