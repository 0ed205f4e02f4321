"""The protocol file: what the shipped KTS-11 file says, and that broken files are refused precisely."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from trialdesk.domain.eligibility import RULES
from trialdesk.domain.protocol import (
    CHOICE_FACTS, DATE_FACTS, DERIVATION_KINDS, ProtocolError, load_protocol,
)
from trialdesk.domain.eligibility import ScreeningFacts

from .conftest import CTCAE_PATH


def test_shipped_protocol_header(protocol):
    assert protocol.study_code == "KTS-11"
    assert protocol.version == "1.0"
    assert protocol.version_date == date(2026, 1, 5)
    assert protocol.ctcae_version == "5.0"
    assert protocol.sae_report_hours == 24


def test_shipped_criteria_are_numbered_as_the_sponsor(protocol):
    assert [c.id for c in protocol.criteria] == [f"I{n}" for n in range(1, 9)] + [f"E{n}" for n in range(1, 13)]
    assert {c.category for c in protocol.criteria if c.id.startswith("I")} == {"inclusion"}
    assert {c.category for c in protocol.criteria if c.id.startswith("E")} == {"exclusion"}
    for criterion in protocol.criteria:
        assert criterion.text_en.strip() and criterion.text_nb.strip()
        assert (criterion.derivation is None) == criterion.judgement
    assert protocol.judgement_ids == ("I7", "E2", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12")


def test_shipped_clinical_numbers(protocol):
    i2 = protocol.criterion("I2").derivation
    assert (i2.kind, i2.params["min_years"], i2.params["max_years"]) == ("age_range", 18, 64)
    assert protocol.criterion("I4").derivation.params["min_years"] == 2
    i8 = protocol.criterion("I8").derivation.params
    assert (i8["analyte"], i8["operator"], i8["threshold_canonical"], i8["canonical_unit"]) == (
        "NK", ">=", Decimal(125), "10^6/L")
    e3 = protocol.criterion("E3").derivation.params
    assert (e3["analyte"], e3["operator"], e3["threshold_canonical"]) == ("IGG", "<", Decimal("5.0"))
    assert protocol.schedule.baseline_weeks == 12
    assert protocol.schedule.dose_weeks == (0, 2, 4, 24, 26)
    assert protocol.schedule.end_of_study.weeks_after_inclusion == 72
    assert protocol.schedule.contraception_weeks_after_last_dose == 24
    assert protocol.schedule.alert_card_months_after_last_dose == 6
    assert protocol.masked_analytes == ("IGG", "NK")
    assert protocol.lab("IGG").critical and protocol.lab("NK").critical and not protocol.lab("HB").critical


@pytest.mark.parametrize(("code", "unit", "units"), [
    ("IGG", "g/L", {"g/L": 1, "mg/dL": Decimal("0.01"), "mg/L": Decimal("0.001")}),
    ("NK", "10^6/L", {"10^6/L": 1, "cells/uL": 1, "/uL": 1, "10^9/L": 1000}),
    ("HB", "g/L", {"g/L": 1, "g/dL": 10}),
    ("NEUT", "10^9/L", {"10^9/L": 1, "cells/uL": Decimal("0.001")}),
    ("LYMPH", "10^9/L", {"10^9/L": 1, "cells/uL": Decimal("0.001")}),
    ("WBC", "10^9/L", {"10^9/L": 1, "cells/uL": Decimal("0.001")}),
    ("PLT", "10^9/L", {"10^9/L": 1}),
])
def test_lab_units_match_the_vectors_readme(protocol, code, unit, units):
    lab = protocol.lab(code)
    assert lab.unit == unit
    assert dict(lab.units) == units


@pytest.mark.parametrize(("code", "low", "low_in", "high", "high_in"), [
    ("IGG", 0, False, 60, True),
    ("NK", 0, True, 5000, True),
    ("HB", 20, True, 250, True),
    ("NEUT", 0, True, 100, True),
    ("LYMPH", 0, True, 100, True),
    ("WBC", 0, True, 500, True),
    ("PLT", 0, True, 2000, True),
])
def test_hard_limits_match_the_vectors_readme(protocol, code, low, low_in, high, high_in):
    limits = protocol.lab(code).limits
    assert (limits.min, limits.min_inclusive, limits.max, limits.max_inclusive) == (low, low_in, high, high_in)


def test_every_derivation_kind_has_a_rule():
    assert set(RULES) == set(DERIVATION_KINDS)
    fields = set(ScreeningFacts.__dataclass_fields__)
    assert set(DATE_FACTS) <= fields and set(CHOICE_FACTS) <= fields


def test_lookups_name_what_is_missing(protocol):
    with pytest.raises(KeyError, match="I9"):
        protocol.criterion("I9")
    with pytest.raises(KeyError, match="XYZ"):
        protocol.lab("XYZ")
    with pytest.raises(KeyError, match="sneezing"):
        protocol.ae_term("sneezing")


def test_a_copy_loads(write_protocol):
    assert load_protocol(write_protocol()).version == "1.0"


# --- broken files ----------------------------------------------------------------------------


def _refused(path, message: str) -> None:
    with pytest.raises(ProtocolError, match=re.escape(message)):
        load_protocol(path)


def test_missing_file(tmp_path):
    _refused(tmp_path / "nope.toml", "cannot be read")


def test_toml_syntax_error_names_the_line(write_protocol):
    path = write_protocol(None, ('sae_report_hours = 24', 'sae_report_hours = = 24'))
    with pytest.raises(ProtocolError, match=r"TOML syntax error.*line 20"):
        load_protocol(path)


def test_not_a_number(write_protocol):
    path = write_protocol(None, ("max = 5000, max_inclusive", 'max = "high", max_inclusive'))
    _refused(path, "protocol key 'labs.NK.limits.max': must be a number, got \"high\"")


def test_missing_top_level_key(write_protocol):
    path = write_protocol(None, ('version = "1.0"\n', ''))
    _refused(path, "protocol key 'version': is missing")


def test_unknown_key_is_refused(write_protocol):
    path = write_protocol(None, ("critical = true\nmasked_after_first_dose = true\nreference = [{ low = 44.7",
                                 "critical = true\nmasked_after_first_dose = true\nmasked_after_frist_dose = true\n"
                                 "reference = [{ low = 44.7"))
    _refused(path, "protocol key 'labs.NK.masked_after_frist_dose': unknown key")


def test_missing_criterion_id(write_protocol):
    path = write_protocol(None, ('id = "I5"', 'id = "I9"'))
    _refused(path, "protocol key 'criteria': missing criterion id(s) I5 ")


def test_duplicate_criterion_id(write_protocol):
    path = write_protocol(None, ('id = "E12"', 'id = "E11"'))
    _refused(path, "protocol key 'criteria.E11.id': duplicate criterion id 'E11'")


def test_category_must_match_the_id(write_protocol):
    path = write_protocol(None, ('id = "E2"\ncategory = "exclusion"', 'id = "E2"\ncategory = "inclusion"'))
    _refused(path, "protocol key 'criteria.E2.category'")


def test_unknown_derivation_kind(write_protocol):
    path = write_protocol(None, ('kind = "age_range"', 'kind = "age_between"'))
    _refused(path, "protocol key 'criteria.I2.derivation.kind': unknown derivation kind \"age_between\"")


def test_derivation_parameter_type(write_protocol):
    path = write_protocol(None, ("min_years = 18", 'min_years = "18"'))
    _refused(path, "protocol key 'criteria.I2.derivation.min_years': must be a whole number, got \"18\"")


def test_criterion_needs_derivation_or_judgement(write_protocol):
    path = write_protocol(None, ('aktivitetsmåler)."\njudgement = true', 'aktivitetsmåler)."'))
    _refused(path, "protocol key 'criteria.E12': needs a derivation or judgement = true")


def test_derivation_and_judgement_together(write_protocol):
    path = write_protocol(None, ('derivation = { kind = "pregnancy_test" }',
                                 'derivation = { kind = "pregnancy_test" }\njudgement = true'))
    _refused(path, "protocol key 'criteria.I6.derivation': a criterion has either a derivation or judgement")


def test_unknown_severity(write_protocol):
    path = write_protocol(None, ('severities = ["moderate", "moderate_severe", "severe"]',
                                 'severities = ["moderate", "moderately_severe", "severe"]'))
    _refused(path, "unknown severity \"moderately_severe\"")


def test_severity_choice_must_cover_every_level(write_protocol):
    path = write_protocol(None, ('others = ["mild", "mild_moderate", ', 'others = ["mild", '))
    _refused(path, "protocol key 'criteria.E1.derivation.others': every severity must be in values or others; "
                   "not listed: mild_moderate")


def test_threshold_unit_must_be_accepted_by_the_analyte(write_protocol):
    path = write_protocol(None, ('threshold = 5.0, unit = "g/L"', 'threshold = 5.0, unit = "mmol/L"'))
    _refused(path, "protocol key 'criteria.E3.derivation.unit': \"mmol/L\" is not a unit of IGG")


def test_threshold_is_converted_and_must_be_plausible(write_protocol):
    assert load_protocol(write_protocol(None, ('threshold = 125, unit = "10^6/L"',
                                               'threshold = 0.125, unit = "x10^9/L"'))
                         ).criterion("I8").derivation.params["threshold_canonical"] == 125
    path = write_protocol(None, ('threshold = 125, unit = "10^6/L"', 'threshold = 125, unit = "10^9/L"'))
    _refused(path, "protocol key 'criteria.I8.derivation.threshold': 125000 10^6/L is outside the hard limits")


def test_accepted_unit_without_a_factor(write_protocol):
    path = write_protocol(None, ('units = { "g/L" = 1, "mg/dL" = 0.01, "mg/L" = 0.001 }',
                                 'units = { "g/L" = 1, "mg/dL" = "", "mg/L" = 0.001 }'))
    _refused(path, "protocol key 'labs.IGG.units.mg/dL': must be a number, got \"\"")


def test_units_as_a_list_are_refused(write_protocol):
    path = write_protocol(None, ('units = { "g/L" = 1, "g/dL" = 10 }', 'units = ["g/L", "g/dL"]'))
    _refused(path, "protocol key 'labs.HB.units': must be a table")


def test_unit_spelling_must_be_canonical(write_protocol):
    path = write_protocol(None, ('units = { "g/L" = 1, "g/dL" = 10 }', 'units = { "g/L" = 1, "g/dl" = 10 }'))
    _refused(path, "protocol key 'labs.HB.units.g/dl': write the unit as 'g/dL'")


def test_zero_factor(write_protocol):
    path = write_protocol(None, ('units = { "g/L" = 1, "g/dL" = 10 }', 'units = { "g/L" = 1, "g/dL" = 0 }'))
    _refused(path, "protocol key 'labs.HB.units.g/dL': the factor must be greater than 0")


def test_canonical_unit_must_be_accepted(write_protocol):
    path = write_protocol(None, ('unit = "g/L"\ndisplay_unit = "g/dL"', 'unit = "mmol/L"\ndisplay_unit = "g/dL"'))
    _refused(path, "protocol key 'labs.HB.unit': the canonical unit 'mmol/L' must be one of the accepted units")


def test_reference_range_outside_hard_limits(write_protocol):
    path = write_protocol(None, ("reference = [{ low = 44.7, high = 480 }]", "reference = [{ low = 44.7, high = 6000 }]"))
    _refused(path, "protocol key 'labs.NK.reference[0].high': 6000 is outside the hard limits 0..5000")


def test_reference_range_low_above_high(write_protocol):
    path = write_protocol(None, ("reference = [{ low = 3.5, high = 10.0 }]", "reference = [{ low = 13.5, high = 10.0 }]"))
    _refused(path, "protocol key 'labs.WBC.reference[0].high': must not be below low")


def test_hard_limits_min_below_max(write_protocol):
    path = write_protocol(None, ("limits = { min = 20, min_inclusive = true, max = 250",
                                 "limits = { min = 260, min_inclusive = true, max = 250"))
    _refused(path, "protocol key 'labs.HB.limits.max': must be greater than min")


def test_safety_limit_outside_hard_limits(write_protocol):
    path = write_protocol(None, ("safety = { min = 75 }", "safety = { min = 7500 }"))
    _refused(path, "protocol key 'labs.PLT.safety.min': 7500 is outside the hard limits")


def test_doses_must_increase(write_protocol):
    path = write_protocol(None, ("week = 24", "week = 2"))
    _refused(path, "protocol key 'schedule.doses[3].week': doses must be in increasing weeks")


def test_duplicate_visit_code(write_protocol):
    path = write_protocol(None, ('code = "PH2"', 'code = "PH1"'))
    _refused(path, "duplicate visit code 'PH1'")


def test_follow_up_label_placeholder(write_protocol):
    path = write_protocol(None, ('label_en = "Long-term follow-up {n} (phone and form)"',
                                 'label_en = "Long-term follow-up {number} (phone and form)"'))
    _refused(path, "protocol key 'schedule.long_term_follow_up.label_en': may only use the placeholder {n}")


def test_ctcae_thresholds_must_decrease(write_protocol):
    path = write_protocol(None, ("grade_2 = 0.8", "grade_2 = 0.4"))
    _refused(path, "protocol key 'ctcae_lab.lymphocyte_count_decreased.grade_3': thresholds must decrease")


def test_ctcae_grade_1_is_lln(write_protocol):
    path = write_protocol(None, ('analyte = "PLT"\ngrade_1 = "lln"', 'analyte = "PLT"\ngrade_1 = 150'))
    _refused(path, "protocol key 'ctcae_lab.platelet_count_decreased.grade_1': grade 1 starts below")


def test_ae_term_must_exist(write_protocol):
    path = write_protocol(None, ('    "headache",\n', '    "headache",\n    "sneezing",\n'))
    _refused(path, "protocol key 'ae.terms': 'sneezing' is neither in ctcae_v5.toml nor in ae.protocol_terms")


def test_ctcae_file_version_must_match(write_protocol):
    ctcae = CTCAE_PATH.read_text(encoding="utf-8").replace('version = "5.0"', 'version = "6.0"', 1)
    _refused(write_protocol(ctcae=ctcae), "CTCAE file ctcae_v5.toml key 'version': the protocol names CTCAE 5.0")


def test_ctcae_grade_must_have_text_or_be_not_defined(write_protocol):
    ctcae = CTCAE_PATH.read_text(encoding="utf-8").replace("not_defined = [4, 5]", "not_defined = [5]", 1)
    _refused(write_protocol(ctcae=ctcae), "key 'terms.fatigue.grade_4': is missing: give the text, "
                                          "or list 4 in not_defined")


def test_ctcae_grade_must_have_its_bokmal_text(write_protocol):
    ctcae = CTCAE_PATH.read_text(encoding="utf-8")
    line = next(x for x in ctcae.splitlines() if x.startswith("grade_2_nb = "))
    _refused(write_protocol(ctcae=ctcae.replace(line + "\n", "", 1)), "grade_2_nb': is missing: each grade's text in Bokmål")


def test_every_grade_text_has_its_own_bokmal_words():
    """The AE dialog and the printouts read one source: each grade of each term, in both languages."""
    from trialdesk.domain.protocol.reader import load_protocol

    terms = load_protocol().ae_terms
    assert len(terms) > 20
    for term in terms:
        assert set(term.grades_nb) == set(term.grades), term.key
        for grade, text in term.grades.items():
            assert term.grade_text(grade, "nb") != text, (term.key, grade, text)
            assert term.grade_text(grade, "en") == text


def test_lab_grading_term_must_be_an_ae_term(write_protocol):
    path = write_protocol(None, ('    "white_blood_cell_decreased",\n', ''))
    _refused(path, "protocol key 'ctcae_lab.white_blood_cell_decreased': is not listed in ae.terms")


# --- disposition and concomitant medications (issue 11) -------------------------------------------------


def test_shipped_disposition_and_forbidden_medications(protocol):
    assert protocol.disposition.lost_to_follow_up_min_attempts == 3
    rules = protocol.medications
    assert rules.criterion == "E4"  # "long-term systemic immunosuppressive … treatment"
    assert "immunosuppressive" in protocol.criterion(rules.criterion).text_en
    codes = [c.code for c in rules.forbidden]
    assert codes == ["systemic_corticosteroids", "methotrexate", "azathioprine", "mycophenolate", "ciclosporin",
                     "tacrolimus", "mtor_inhibitors", "cyclophosphamide", "anti_cd20"]
    by_code = {c.code: c for c in rules.forbidden}
    assert "rituximab" in by_code["anti_cd20"].names and "mabthera" in by_code["anti_cd20"].names
    assert by_code["methotrexate"].atc == ("L01BA01", "L04AX03")
    assert all(c.label_en and c.label_nb and c.names and c.systemic_only for c in rules.forbidden)
    assert {"topical", "inhaled", "ophthalmic"} <= set(rules.local_routes) and "oral" not in rules.local_routes


def test_without_the_tables_the_defaults_apply(write_protocol):
    text = write_protocol().read_text(encoding="utf-8")
    cut = text.index("# ---------------------------------------------------------------------------------------------\n"
                     "# Disposition (issue 11)")
    loaded = load_protocol(write_protocol(text[:cut]))
    assert loaded.disposition.lost_to_follow_up_min_attempts == 3  # domain.disposition.MIN_LOST_ATTEMPTS
    assert loaded.medications.forbidden == () and loaded.medications.criterion is None


def test_lost_to_follow_up_attempts_is_a_setting(write_protocol):
    path = write_protocol(None, ("lost_to_follow_up_min_attempts = 3", "lost_to_follow_up_min_attempts = 5"))
    assert load_protocol(path).disposition.lost_to_follow_up_min_attempts == 5
    path = write_protocol(None, ("lost_to_follow_up_min_attempts = 3", "lost_to_follow_up_min_attempts = 0"))
    _refused(path, "protocol key 'disposition.lost_to_follow_up_min_attempts': must be at least 1 attempt, got 0")


@pytest.mark.parametrize("edit, message", [
    (('criterion = "E4"', 'criterion = "E13"'), "key 'concomitant_medications.criterion': names no criterion"),
    (('local_routes = ["topical"', 'local_routes = ["cream"'), "key 'concomitant_medications.local_routes': "
                                                             "unknown route \"cream\""),
    (('code = "azathioprine"', 'code = "methotrexate"'), "key 'concomitant_medications.forbidden[2].code': "
                                                        "duplicate forbidden medication class \"methotrexate\""),
    (('names = ["azathioprine"', 'names = ["Azathioprine"'), "key 'concomitant_medications.forbidden[2].names': "
                                                            "names are written in lower case"),
    (('atc = ["L04AX01"]', 'atc = ["L4AX01"]'), "key 'concomitant_medications.forbidden[2].atc': not an ATC code"),
    (('systemic_only = true\n\n[[concomitant_medications.forbidden]]\ncode = "azathioprine"',
      'systemic_only = true\nstrength = 1\n\n[[concomitant_medications.forbidden]]\ncode = "azathioprine"'),
     "key 'concomitant_medications.forbidden[1].strength': unknown key"),
])
def test_broken_medication_tables_are_refused(write_protocol, edit, message):
    _refused(write_protocol(None, edit), message)
