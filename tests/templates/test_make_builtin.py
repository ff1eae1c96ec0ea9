"""The built-in templates are what make_builtin makes, and the briefing's carries only the styles briefings use."""

import io
import zipfile

import docx

from generator.briefing.styles import DEFAULT_STYLE_NAMES
from generator.templates import BUILTIN_BRIEFING_TEMPLATE
from generator.templates.make_builtin import BRIEFING_STYLE_IDS, briefing_template


def test_the_shipped_briefing_template_is_what_make_builtin_makes():
    assert briefing_template() == BUILTIN_BRIEFING_TEMPLATE.read_bytes()


def test_the_briefing_template_has_each_role_style_and_no_others():
    document = docx.Document(str(BUILTIN_BRIEFING_TEMPLATE))
    names = {style.name for style in document.styles}
    assert set(DEFAULT_STYLE_NAMES.values()) <= names
    assert {style.style_id for style in document.styles} == BRIEFING_STYLE_IDS
    with zipfile.ZipFile(io.BytesIO(BUILTIN_BRIEFING_TEMPLATE.read_bytes())) as package:
        assert package.getinfo("word/styles.xml").file_size < 40_000
        assert not [name for name in package.namelist()
                    if "customXml" in name or "thumbnail" in name or "stylesWithEffects" in name]
