"""CTCAE v5.0: lab grades from numbers on each side of every threshold, and the AE term list."""

from __future__ import annotations

import pytest

from trialdesk.domain.ctcae import ae_terms, grade_exists, grade_text, lab_grade
from trialdesk.domain.labs import LabValueError


@pytest.mark.parametrize(("term", "value", "unit", "lln", "grade"), [
    # neutrophils, LLN 1.7
    ("neutrophil_count_decreased", 1.7, "10^9/L", 1.7, 0),
    ("neutrophil_count_decreased", 1.69, "10^9/L", 1.7, 1),
    ("neutrophil_count_decreased", 1.5, "10^9/L", 1.7, 1),
    ("neutrophil_count_decreased", 1.49, "10^9/L", 1.7, 2),
    ("neutrophil_count_decreased", 1.0, "10^9/L", 1.7, 2),
    ("neutrophil_count_decreased", 0.99, "10^9/L", 1.7, 3),
    ("neutrophil_count_decreased", 0.5, "10^9/L", 1.7, 3),
    ("neutrophil_count_decreased", 0.49, "10^9/L", 1.7, 4),
    ("neutrophil_count_decreased", 0, "10^9/L", 1.7, 4),
    ("neutrophil_count_decreased", 900, "cells/uL", 1.7, 3),
    ("neutrophil_count_decreased", "1,6", "x10^9/l", "1,7", 1),
    # an LLN below a grade threshold: not below the LLN is grade 0, whatever the thresholds
    ("neutrophil_count_decreased", 1.3, "10^9/L", 1.2, 0),
    ("neutrophil_count_decreased", 1.1, "10^9/L", 1.2, 2),
    # lymphocytes
    ("lymphocyte_count_decreased", 0.8, "10^9/L", 1.0, 1),
    ("lymphocyte_count_decreased", 0.79, "10^9/L", 1.0, 2),
    ("lymphocyte_count_decreased", 0.45, "10^9/L", 1.0, 3),
    ("lymphocyte_count_decreased", 0.2, "10^9/L", 1.0, 3),
    ("lymphocyte_count_decreased", 0.19, "10^9/L", 1.0, 4),
    # white cells
    ("white_blood_cell_decreased", 3.4, "10^9/L", 3.5, 1),
    ("white_blood_cell_decreased", 2.99, "10^9/L", 3.5, 2),
    ("white_blood_cell_decreased", 1.99, "10^9/L", 3.5, 3),
    ("white_blood_cell_decreased", 0.99, "10^9/L", 3.5, 4),
    # platelets
    ("platelet_count_decreased", 200, "10^9/L", 146, 0),
    ("platelet_count_decreased", 145, "10^9/L", 146, 1),
    ("platelet_count_decreased", 75, "10^9/L", 146, 1),
    ("platelet_count_decreased", 74, "10^9/L", 146, 2),
    ("platelet_count_decreased", 49, "10^9/L", 146, 3),
    ("platelet_count_decreased", 24, "10^9/L", 146, 4),
    # anaemia, Hb in g/dL converted to g/L; grade 4 is clinical, never from the number
    ("anemia", "9,5", "g/dL", 117, 2),
    ("anemia", 117, "g/L", 117, 0),
    ("anemia", 116, "g/L", 117, 1),
    ("anemia", 100, "g/L", 117, 1),
    ("anemia", 99, "g/L", 117, 2),
    ("anemia", 80, "g/L", 117, 2),
    ("anemia", "7,9", "g/dL", 117, 3),
    ("anemia", 25, "g/L", 117, 3),
])
def test_lab_grade(protocol, term, value, unit, lln, grade):
    assert lab_grade(protocol, term, value, unit, lln) == grade


def test_lab_grade_refuses_what_convert_refuses(protocol):
    with pytest.raises(LabValueError) as caught:
        lab_grade(protocol, "anemia", 95, "g/dL", 117)
    assert caught.value.kind == "implausible"
    with pytest.raises(LabValueError) as caught:
        lab_grade(protocol, "platelet_count_decreased", 100, "cells/uL", 146)
    assert caught.value.kind == "unit"
    with pytest.raises(LabValueError):
        lab_grade(protocol, "platelet_count_decreased", 100, "10^9/L", "-1")
    with pytest.raises(KeyError):
        lab_grade(protocol, "alanine_aminotransferase_increased", 100, "U/L", 45)


def test_ae_terms_of_the_trial(protocol):
    keys = [term.key for term in ae_terms(protocol)]
    for key in ("injection_site_reaction", "infusion_related_reaction", "upper_respiratory_infection",
                "lung_infection", "herpes_zoster", "neutrophil_count_decreased", "lymphocyte_count_decreased",
                "platelet_count_decreased", "anemia", "fatigue", "hypogammaglobulinaemia", "headache",
                "fever", "chills", "nausea", "other_specify", "allergic_reaction", "anaphylaxis", "diarrhea",
                "cough", "dyspnea", "back_pain", "edema_limbs", "hypertension"):
        assert key in keys
    assert len(set(keys)) == len(keys)
    assert all(term.term_en and term.term_nb for term in ae_terms(protocol))
    assert protocol.ae_term("hypogammaglobulinaemia").source == "protocol"
    assert protocol.ae_term("fatigue").source == "ctcae"
    assert {term.version for term in ae_terms(protocol)} == {"5.0"}


@pytest.mark.parametrize(("key", "missing"), [
    ("fatigue", (4, 5)),
    ("headache", (4, 5)),
    ("chills", (4, 5)),
    ("nausea", (4, 5)),
    ("upper_respiratory_infection", (1,)),
    ("lung_infection", (1,)),
    ("neutrophil_count_decreased", (5,)),
    ("injection_site_reaction", ()),
    ("allergic_reaction", ()),
    ("anaphylaxis", (1, 2)),
    ("herpes_zoster", ()),
    ("cough", (4, 5)),
    ("back_pain", (4, 5)),
    ("edema_limbs", (4, 5)),
    ("anemia", ()),
    ("other_specify", ()),
])
def test_grades_that_do_not_exist_say_so(protocol, key, missing):
    term = protocol.ae_term(key)
    for grade in range(1, 6):
        assert grade_exists(term, grade) == (grade not in missing)
        if grade in missing:
            with pytest.raises(ValueError, match=f"no grade {grade}"):
                grade_text(term, grade)
        else:
            assert grade_text(term, grade)


def test_grade_texts(protocol):
    assert grade_text(protocol.ae_term("fatigue"), 1) == "Fatigue relieved by rest"
    assert grade_text(protocol.ae_term("anemia"), 3) == "Hb below 80 g/L; transfusion indicated"
    assert grade_text(protocol.ae_term("injection_site_reaction"), 5) == "Death"


def test_immune_system_terms_carry_the_ctcae_v5_wording(protocol):
    """Issue 11: allergic reaction and anaphylaxis (Immune system disorders), as CTCAE v5.0 words their grades."""
    allergic, anaphylaxis = protocol.ae_term("allergic_reaction"), protocol.ae_term("anaphylaxis")
    assert allergic.soc == anaphylaxis.soc == "Immune system disorders"
    assert [allergic.grade_text(g) for g in (1, 2, 3)] == [
        "Systemic intervention not indicated", "Oral intervention indicated",
        "Bronchospasm; hospitalization indicated for clinical sequelae; intravenous intervention indicated"]
    assert anaphylaxis.grade_text(3).startswith("Symptomatic bronchospasm, with or without urticaria; parenteral")
    assert allergic.grade_text(5) == anaphylaxis.grade_text(5) == "Death"
