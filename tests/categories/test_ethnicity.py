"""The ONS ethnic groups' labels, shown in the version's language."""

from __future__ import annotations

import pytest

from generator.categories.ethnicity import shown_ethnic_group
from generator.i18n import speaking


@pytest.mark.parametrize(("label", "welsh"), [
    ("White", "Gwyn"), ("White British", "Gwyn Prydeinig"), ("White: Irish", "Gwyn: Gwyddelig"),
    ("Asian, group not known", "Asiaidd, grŵp ddim yn hysbys"), ("Other Asian", "Asiaidd arall"),
    ("Other ethnic group", "Grŵp ethnig arall"),
])
def test_an_ons_label_is_shown_as_counted_in_english_and_translated_in_welsh(label: str, welsh: str) -> None:
    assert shown_ethnic_group(label) == label
    with speaking("cy"):
        assert shown_ethnic_group(label) == welsh


def test_a_label_of_the_datas_own_list_is_no_ons_label() -> None:
    with speaking("cy"):
        assert shown_ethnic_group("Traveller (Welsh)") is None
        assert shown_ethnic_group("white") is None  # as counted, a value is always written as the ONS writes it
