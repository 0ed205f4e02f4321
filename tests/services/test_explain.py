"""Explanation wording (no Qt): a template for every code, English as the record, Norwegian straight from the
screens' catalogue (the .ts the .qm is compiled from), with no table of its own."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from trialdesk.domain.explanations import CODES, FACT_LABELS, Explanation, Explanations
from trialdesk.services import explain, words

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "trialdesk_nb.ts"

# At least one explanation per code, with parameters as the domain makes them (numbers as
# format_decimal text or int, dates ISO). test_samples_cover_every_code keeps this complete.
SAMPLES = [
    Explanation("judgement_missing"), Explanation("judgement_yes"), Explanation("judgement_no"),
    Explanation("not_applicable_man"), Explanation("not_applicable_no_potential"),
    Explanation("sex_unknown"), Explanation("potential_unknown"),
    Explanation("pregnancy_test", {"result": "negative"}), Explanation("pregnancy_test", {"result": "positive"}),
    Explanation("pregnancy_test_missing"),
    Explanation("fact_missing", {"fact": "me_cfs_onset_date"}), Explanation("fact_missing", {"fact": "birth_date"}),
    Explanation("fact_unrecognised", {"fact": "onset_trigger", "value": "stress_2.5"}),
    Explanation("fact_unrecognised", {"fact": "pregnancy_test", "value": "maybe"}),
    Explanation("choice", {"fact": "severity", "value": "moderate", "needs": ("moderate", "moderate_severe"),
                           "holds": True}),
    Explanation("choice", {"fact": "severity", "value": "mild", "needs": ("mild_moderate", "moderate", "very_severe"),
                           "holds": False}),
    Explanation("choice", {"fact": "onset_trigger", "value": "none", "needs": ("infection",), "holds": False}),
    Explanation("ccc_not_met"), Explanation("ccc_and_severity", {"value": "severe"}),
    Explanation("age", {"age": 17, "day": "2026-03-02", "birth_date": "2008-11-26", "min_years": 18,
                        "max_years": 64}),
    Explanation("date_order", {"fact": "consent_date", "date": "2026-02-20", "relation": "on or before",
                               "day": "2026-03-02"}),
    Explanation("date_order", {"fact": "consent_date", "date": "2026-03-05", "relation": "after",
                               "day": "2026-03-02"}),
    Explanation("duration", {"years": 1, "months": 0, "onset": "2025-01-15", "min_years": 2}),
    Explanation("duration", {"years": 3, "months": 1, "onset": "2022-12-01", "min_years": 1}),
    Explanation("lab", {"analyte": "NK", "entered_value": "", "entered_unit": "", "value": "212",
                        "unit": "×10⁶/L", "relation": "≥", "threshold": "125"}),
    Explanation("lab", {"analyte": "IgG", "entered_value": "0.049", "entered_unit": "g/dL", "value": "4.9",
                        "unit": "g/L", "relation": "<", "threshold": "5.5"}),
    Explanation("lab_missing", {"analyte": "IgG"}),
    Explanation("lab_unusable", {"analyte": "IgG", "reason": "\"4.9.1\" is not a number", "kind": "number"}),
    Explanation("lab_unusable", {"analyte": "NK", "reason": "expected a value and a unit", "kind": "input"}),
    Explanation("safety_within", {"analyte": "IgG", "value": "8.4", "unit": "g/L", "min": "3.0", "max": None}),
    Explanation("safety_within", {"analyte": "Hb", "value": "132", "unit": "g/L", "min": "90.5", "max": "200"}),
    Explanation("safety_below", {"analyte": "IgG", "value": "2.5", "unit": "g/L", "limit": "3.0"}),
    Explanation("safety_above", {"analyte": "WBC", "value": "31.2", "unit": "×10⁹/L", "limit": "30"}),
    Explanation("safety_no_limits", {"analyte": "Hb"}),
    Explanation("safety_masked_within", {"analyte": "IgG"}),
    Explanation("safety_masked_outside", {"analyte": "IgG"}),
    Explanation("dose_not_enrolled", {"status": "screen_failure"}), Explanation("dose_enrolled"),
    Explanation("dose_eligibility_signed"), Explanation("dose_eligibility_unsigned"),
    Explanation("dose_previous_missing", {"previous": "D1, D2"}),
    Explanation("dose_previous_done", {"previous": "D1, D2"}), Explanation("dose_previous_done", {"previous": ""}),
    Explanation("dose_already_given", {"dose": "D1", "date": "2026-05-25"}),
    Explanation("dose_in_window", {"dose": "D1", "day": "2026-05-25", "start": "2026-05-22", "end": "2026-05-28"}),
    Explanation("dose_outside_window", {"dose": "D2", "day": "2026-06-15", "start": "2026-06-05",
                                        "end": "2026-06-11"}),
    Explanation("lab_sample_missing", {"analyte": "IgG"}),
    Explanation("lab_sample_old", {"analyte": "IgG", "sampled": "2026-05-20", "days": 3}),
    Explanation("pregnancy_not_required"), Explanation("pregnancy_required_missing"),
    Explanation("pregnancy_negative"), Explanation("pregnancy_positive"),
    Explanation("premed_missing", {"drug": "Corticosteroid", "drug_nb": "Kortikosteroid"}),
    Explanation("premed_given", {"drug": "H1-antihistamine", "drug_nb": "H1-antihistamin", "time": "08:35",
                                 "hours": "1.5", "min": "1.0", "max": "3.0"}),
    Explanation("premed_timing", {"drug": "Paracetamol", "drug_nb": "Paracetamol", "time": "05:10", "hours": "4.9",
                                  "min": "1.0", "max": "3.0"}),
    Explanation("type_and_screen_done", {"date": "2026-05-01"}), Explanation("type_and_screen_missing"),
    Explanation("alert_card_done", {"date": "2026-05-01"}), Explanation("alert_card_missing"),
]

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# A decimal point between digits that is not part of a dd.mm.yyyy date.
_DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")


def _ts_translations() -> dict[str, str]:
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") == explain.CONTEXT:
            return {m.findtext("source"): (m.findtext("translation") or "") for m in ctx.iter("message")
                    if m.find("translation").get("type") is None}
    return {}


def test_every_code_has_a_template_and_every_template_a_code():
    assert set(explain.TEMPLATES) == set(CODES), "add the code's template to trialdesk/services/explain.py"


def test_samples_cover_every_code():
    assert {e.code for e in SAMPLES} == set(CODES)


def test_fact_labels_are_the_domain_s():
    assert explain.FACTS == FACT_LABELS


@pytest.mark.parametrize("explanation", SAMPLES, ids=lambda e: e.code)
def test_english_wording_is_the_record_with_dates_as_shown_everywhere(explanation):
    assert explain.render(explanation, "en") == _ISO.sub(r"\3.\2.\1", explanation.text())


def test_every_text_has_a_finished_translation_in_the_catalogue():
    """No explanation word falls back to English in a Bokmål printout."""
    ts = _ts_translations()
    missing = [source for source in explain.MESSAGES if not ts.get(source)]
    assert not missing, "translate these in resources/i18n/trialdesk_nb.ts (context Explanation): " + repr(missing)
    assert all(words.has(explain.CONTEXT, source, "nb") for source in explain.MESSAGES)


@pytest.mark.parametrize("explanation", SAMPLES, ids=lambda e: e.code)
def test_printout_wording_is_the_catalogue_s(explanation):
    """What a printout says is the .ts translation of the template and of every word in it, read here
    independently of services.words (the UI's Qt translator reads the same entries: tests/ui/test_explain.py)."""
    ts = _ts_translations()
    assert explain.in_language(explanation, "nb") == explain.render(explanation, "nb", lambda text: ts[text])
    assert explain.in_language(explanation, "en") == explain.render(explanation, "en")


def test_a_changed_catalogue_entry_changes_the_printout(tmp_path, monkeypatch):
    """No copy of the words is kept anywhere else: edit the .ts and the printout's wording follows."""
    tree = ET.parse(TS)
    for ctx in tree.getroot().iter("context"):
        if ctx.findtext("name") != explain.CONTEXT:
            continue
        for message in ctx.iter("message"):
            if message.findtext("source") == "{analyte}: no pre-dose result":
                message.find("translation").text = "{analyte}: prøvesvar mangler (redigert)"
            if message.findtext("source") == "severity":
                message.find("translation").text = "grad av ME/CFS"
    edited = tmp_path / "i18n" / "trialdesk_nb.ts"
    edited.parent.mkdir()
    tree.write(edited, encoding="utf-8", xml_declaration=True)
    monkeypatch.setattr(words, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    words._catalogue.cache_clear()
    try:
        assert explain.in_language(Explanation("lab_sample_missing", {"analyte": "IgG"}), "nb") == \
            "IgG: prøvesvar mangler (redigert)"
        assert explain.in_language(Explanation("fact_missing", {"fact": "severity"}), "nb") == \
            "grad av ME/CFS ikke registrert"
    finally:
        monkeypatch.undo()
        words._catalogue.cache_clear()
    assert explain.in_language(Explanation("lab_sample_missing", {"analyte": "IgG"}), "nb") == \
        "IgG: ingen prøvesvar før dosering"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        explain.in_language(SAMPLES[0], "de")


@pytest.mark.parametrize("explanation", SAMPLES, ids=lambda e: e.code)
def test_norwegian_has_decimal_commas_local_dates_and_no_english_words_left(explanation):
    text = explain.in_language(explanation, "nb")
    assert not _DECIMAL_POINT.search(text.replace("stress_2.5", "")), text  # an unrecognised value stays as typed
    assert not _ISO.search(text), text
    if explanation.code not in ("lab",):  # the lab line is analyte, numbers, units and ≥/< only
        assert text != explanation.text()
    for english in (" is ", " not ", " needs ", " given ", " before ", " the ", " and "):
        assert english not in f" {text} ", text


@pytest.mark.parametrize("explanation, expected", [
    (Explanation("safety_below", {"analyte": "IgG", "value": "2.5", "unit": "g/L", "limit": "3.0"}),
     "IgG 2,5 g/L er under sikkerhetsgrensen før dosering på 3,0 g/L"),
    (Explanation("lab", {"analyte": "IgG", "entered_value": "0.049", "entered_unit": "g/dL", "value": "4.9",
                         "unit": "g/L", "relation": "<", "threshold": "5.5"}),
     "IgG 0,049 g/dL = 4,9 g/L < 5,5 g/L"),
    (Explanation("safety_within", {"analyte": "Hb", "value": "132", "unit": "g/L", "min": "90.5", "max": "200"}),
     "Hb 132 g/L er innenfor sikkerhetsgrensene før dosering (≥ 90,5 g/L, ≤ 200 g/L)"),
    (Explanation("dose_in_window", {"dose": "D1", "day": "2026-05-25", "start": "2026-05-22", "end": "2026-05-28"}),
     "D1 25.05.2026 er innenfor tidsvinduet 22.05.2026 – 28.05.2026"),
    (Explanation("choice", {"fact": "severity", "value": "mild", "needs": ("mild_moderate", "moderate", "very_severe"),
                            "holds": False}),
     "alvorlighetsgrad er mild, ikke mild/moderat, moderat eller svært alvorlig"),
    (Explanation("duration", {"years": 3, "months": 1, "onset": "2022-12-01", "min_years": 1}),
     "sykdomsvarighet 3 år 1 måned (debut 01.12.2022); krav ≥ 1 år"),
    (Explanation("premed_given", {"drug": "Corticosteroid", "drug_nb": "Kortikosteroid", "time": "08:35",
                                  "hours": "1.5", "min": "1.0", "max": "3.0"}),
     "Kortikosteroid gitt kl. 08:35 (1,5 timer før dosen)"),
    (Explanation("dose_not_enrolled", {"status": "screen_failure"}), "deltakeren er ikke inkludert (status: screeningsvikt)"),
    (Explanation("dose_previous_done", {"previous": ""}), "tidligere doser registrert (ingen)"),
    (Explanation("safety_below", {"analyte": "Platelets", "analyte_nb": "Trombocytter", "value": "60",
                                  "unit": "×10⁹/L", "limit": "75"}),
     "Trombocytter 60 ×10⁹/L er under sikkerhetsgrensen før dosering på 75 ×10⁹/L"),
])
def test_norwegian_examples(explanation, expected):
    assert explain.in_language(explanation, "nb") == expected


def test_analytes_named_by_an_english_word_get_their_norwegian_name():
    from trialdesk.domain.labs import safety_check
    from trialdesk.domain.protocol import load_protocol

    protocol = load_protocol()
    low = safety_check(protocol, "PLT", 60).explanation
    assert low.text().startswith("Platelets 60 ")
    assert explain.in_language(low, "nb").startswith("Trombocytter 60 ")
    assert explain.in_language(safety_check(protocol, "IGG", 2.5).explanation, "nb").startswith("IgG 2,5 g/L ")


def test_numbers_only_are_reformatted():
    text = explain.in_language(Explanation("fact_unrecognised", {"fact": "onset_trigger", "value": "1.5"}), "nb")
    assert text == "utløsende faktor «1.5» er ikke en gyldig verdi"  # a value as stored, not a number of ours


@pytest.mark.parametrize("explanation, english", [
    # Parameters changed shape (raw parts instead of preformatted text): the English record must not.
    (Explanation("safety_within", {"analyte": "IgG", "value": "8.4", "unit": "g/L", "min": "3.0", "max": None}),
     "IgG 8.4 g/L is within the pre-dose safety limits (≥ 3.0 g/L)"),
    (Explanation("safety_within", {"analyte": "Hb", "value": "132", "unit": "g/L", "min": "90", "max": "200"}),
     "Hb 132 g/L is within the pre-dose safety limits (≥ 90 g/L, ≤ 200 g/L)"),
    (Explanation("lab", {"analyte": "IgG", "entered_value": "0.49", "entered_unit": "g/dL", "value": "4.9",
                         "unit": "g/L", "relation": "<", "threshold": "5.5"}),
     "IgG 0.49 g/dL = 4.9 g/L < 5.5 g/L"),
    (Explanation("lab", {"analyte": "NK", "entered_value": "", "entered_unit": "", "value": "212",
                         "unit": "×10⁶/L", "relation": "≥", "threshold": "125"}),
     "NK 212 ×10⁶/L ≥ 125 ×10⁶/L"),
    (Explanation("dose_previous_done", {"previous": ""}), "previous doses recorded (none)"),
])
def test_english_record_is_unchanged(explanation, english):
    assert explanation.text() == english


def test_several_explanations_print_as_english_in_an_error():
    from trialdesk.errors import ValidationError

    problems = Explanations([SAMPLES[0], Explanation("lab_sample_missing", {"analyte": "IgG"})])
    error = ValidationError("No-go: {problems}.", problems=problems)
    assert str(error) == "No-go: awaiting the investigator's judgement; IgG: no pre-dose result."
