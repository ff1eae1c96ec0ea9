"""The register a data file names, read and matched to its review types, areas and themes (register_data)."""

from __future__ import annotations

from pathlib import Path

from generator.loading import load_event

GALLERY = Path(__file__).resolve().parents[1] / "fixtures" / "gallery"


def test_a_register_kept_in_a_bilingual_files_first_language_is_read_in_the_names_of_the_other_version(tmp_path):
    text = (GALLERY / "bilingual-susr.yaml").read_text(encoding="utf-8")
    first = text.replace(  # the first review's row written only in Welsh, the file's first language
        "Review type: susr, Area: Abertawe, Date notified: 2024-10-14,\n"
        "       Criteria: {cy: Ymarfer oedolion; Dynladdiad domestig, en: Adult practice; Domestic homicide},\n"
        "       Themes: {cy: Rhannu gwybodaeth; Cam-drin domestig, en: Sharing information; Domestic abuse}}",
        "Review type: Adolygiadau Diogelu Unedig Sengl, Area: Abertawe, Date notified: 2024-10-14,\n"
        "       Criteria: Ymarfer oedolion; Dynladdiad domestig, Themes: Rhannu gwybodaeth; Cam-drin domestig}", 1)
    assert first != text
    (tmp_path / "event.yaml").write_text(first, encoding="utf-8")
    for language, criteria, themes in (
            ("en", ("Adult practice", "Domestic homicide"), ("Sharing information", "Domestic abuse")),
            ("cy", ("Ymarfer oedolion", "Dynladdiad domestig"), ("Rhannu gwybodaeth", "Cam-drin domestig"))):
        review = load_event(tmp_path / "event.yaml", language=language).event.register_every_review[0]
        assert (review.reference, review.type_key, review.criteria, review.themes) == ("ADUS-1", "susr", criteria,
                                                                                       themes)
