"""Eligibility: every criterion on each side of its boundary, pregnancy logic, judgements, explanations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trialdesk.domain.eligibility import (
    RULES, Participant, ScreeningFacts, Severity, evaluate, rule_for,
)
from trialdesk.domain.explanations import CODES
from trialdesk.domain.protocol import load_protocol

FAST = settings(max_examples=100, deadline=None)
PROTOCOL = load_protocol()
D = date.fromisoformat
SCREENING = D("2026-03-02")
JUDGEMENT_IDS = ("I7", "E2", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12")

WOMAN = Participant(sex="F", birth_date=D("1990-05-01"), childbearing_potential=True)
MAN = Participant(sex="M", birth_date=D("1990-05-01"), childbearing_potential=None)
FACTS = ScreeningFacts(
    canadian_criteria_met=True, severity=Severity.MODERATE, consent_date=SCREENING,
    me_cfs_onset_date=D("2019-10-15"), onset_trigger="infection", pregnancy_test="negative",
    nk=(210, "10^6/L"), igg=("9,8", "g/L"),
)
ALL_NO = {"I7": True, **{cid: False for cid in JUDGEMENT_IDS if cid != "I7"}}


def run(participant=WOMAN, facts=FACTS, judgements=None, day=SCREENING, **changes):
    """Evaluate the eligible base case with ``changes`` applied to its facts."""
    return evaluate(PROTOCOL, day, participant, replace(facts, **changes),
                    ALL_NO if judgements is None else judgements)


def status(result, cid):
    return result.result(cid).status


def test_base_case_is_eligible():
    result = run()
    assert (result.verdict, result.failed, result.missing) == ("eligible", (), ())
    assert [r.id for r in result.results] == [c.id for c in PROTOCOL.criteria]
    assert result.protocol_version == "1.0" and result.screening_date == SCREENING
    assert all(r.explanation.code in CODES for r in result.results)


# --- I1 / E1 -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("ccc", "severity", "i1", "e1"), [
    (True, Severity.MILD, "failed", "met"),
    (True, Severity.MILD_MODERATE, "failed", "met"),
    (True, Severity.MODERATE, "met", "met"),
    (True, Severity.MODERATE_SEVERE, "met", "met"),
    (True, Severity.SEVERE, "met", "met"),
    (True, Severity.VERY_SEVERE, "failed", "failed"),
    (True, "severe", "met", "met"),              # the stored spelling is accepted too
    (True, "extreme", "missing", "missing"),      # unrecognised is unknown, never "no"
    (True, None, "missing", "missing"),
    (False, Severity.MODERATE, "failed", "met"),
    (None, Severity.MODERATE, "missing", "met"),
    (None, Severity.MILD, "failed", "met"),       # known to fail whatever the CCC answer
    (False, None, "failed", "missing"),
])
def test_diagnosis_and_severity(ccc, severity, i1, e1):
    result = run(canadian_criteria_met=ccc, severity=severity)
    assert (status(result, "I1"), status(result, "E1")) == (i1, e1)


# --- I2 age ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("birth", "day", "expected"), [
    ("2008-03-02", "2026-03-02", "met"),      # 18th birthday
    ("2008-03-03", "2026-03-02", "failed"),   # 17, one day short
    ("1961-03-03", "2026-03-02", "met"),      # 64, the day before the 65th birthday
    ("1961-03-02", "2026-03-02", "failed"),   # 65
    ("2008-02-29", "2026-02-28", "failed"),   # leap-day birthday: still 17 on 28 February…
    ("2008-02-29", "2026-03-01", "met"),      # …18 on 1 March in a common year
    ("1960-02-29", "2025-02-28", "met"),      # 64 until 1 March 2025
    ("1960-02-29", "2025-03-01", "failed"),
])
def test_age(birth, day, expected):
    result = run(participant=replace(WOMAN, birth_date=D(birth)), day=D(day), consent_date=D(day))
    assert status(result, "I2") == expected


def test_age_unknown_is_missing():
    assert status(run(participant=replace(WOMAN, birth_date=None)), "I2") == "missing"


# --- I3 consent, I4 duration, I5 trigger -----------------------------------------------------------

@pytest.mark.parametrize(("consent", "expected"), [
    ("2026-03-01", "met"), ("2026-03-02", "met"), ("2026-03-03", "failed"), (None, "missing")])
def test_consent(consent, expected):
    assert status(run(consent_date=D(consent) if consent else None), "I3") == expected


@pytest.mark.parametrize(("onset", "day", "expected"), [
    ("2024-03-02", "2026-03-02", "met"),      # exactly two years
    ("2024-03-03", "2026-03-02", "failed"),   # one day short
    ("2024-02-29", "2026-02-28", "failed"),   # leap-day onset: two years on 1 March (as birthdays)
    ("2024-02-29", "2026-03-01", "met"),
    ("2026-04-01", "2026-03-02", "failed"),   # onset after screening
])
def test_disease_duration(onset, day, expected):
    result = run(me_cfs_onset_date=D(onset), day=D(day), consent_date=D(day))
    assert status(result, "I4") == expected


def test_disease_duration_unknown_is_missing():
    assert status(run(me_cfs_onset_date=None), "I4") == "missing"


@pytest.mark.parametrize(("trigger", "expected"), [
    ("infection", "met"), ("other_immunological", "met"), ("none", "failed"), (None, "missing"),
    ("vaccine", "missing")])
def test_onset_trigger(trigger, expected):
    assert status(run(onset_trigger=trigger), "I5") == expected


# --- labs ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "unit", "expected"), [
    ("4,99", "g/L", "failed"),
    (4.99, "g/L", "failed"),
    ("5,0", "g/L", "met"),
    (5, "g/L", "met"),
    ("499", "mg/dL", "failed"),
    ("500", "mg/dL", "met"),
    ("4999", "mg/L", "failed"),
    ("5000", "mg/L", "met"),
])
def test_igg_limit(value, unit, expected):
    assert status(run(igg=(value, unit)), "E3") == expected


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (124, "10^6/L", "failed"), (125, "10^6/L", "met"),
    ("124,9", "10^6/L", "failed"),
    (124, "cells/uL", "failed"), (125, "cells/µL", "met"),
    (124, "/uL", "failed"), (125, "/µL", "met"),
    (0.124, "10^9/L", "failed"), (0.125, "10^9/L", "met"),
    ("0,124", "x10^9/L", "failed"), ("0,125", "×10⁹/L", "met"),
    ("0,1249", "10E9/L", "failed"),
])
def test_nk_threshold_in_every_unit(value, unit, expected):
    assert status(run(nk=(value, unit)), "I8") == expected


@pytest.mark.parametrize(("fact", "raw", "cid", "reason"), [
    ("nk", (125, "10^9/L"), "I8", "did you mean ×10⁶/L?"),   # the sponsor's typo: never evaluated
    ("nk", ("abc", "10^6/L"), "I8", "contains letters"),
    ("nk", (125, "mmol/L"), "I8", "is not an accepted unit"),
    ("nk", (125, None), "I8", "no unit given"),
    ("igg", ("-1", "g/L"), "E3", "is not possible"),
    ("igg", (490, "g/L"), "E3", "did you mean mg/dL or mg/L?"),
    ("igg", ("4,9,1", "g/L"), "E3", "one decimal mark"),
    ("igg", "4.9 g/L", "E3", "expected a value and a unit"),
])
def test_unusable_lab_value_is_missing_with_the_reason(fact, raw, cid, reason):
    result = run(**{fact: raw})
    assert status(result, cid) == "missing"
    assert result.verdict == "incomplete"
    assert result.result(cid).explanation.code == "lab_unusable"
    assert reason in result.result(cid).explanation.text()


@pytest.mark.parametrize(("fact", "cid"), [("nk", "I8"), ("igg", "E3")])
@pytest.mark.parametrize("raw", [None, (None, "g/L"), ("  ", "g/L")])
def test_lab_not_recorded_is_missing(fact, cid, raw):
    result = run(**{fact: raw})
    assert status(result, cid) == "missing"
    assert result.result(cid).explanation.code == "lab_missing"


# --- pregnancy and contraception -------------------------------------------------------------------

@pytest.mark.parametrize(("sex", "potential", "test", "judgements", "i6", "i7", "e11"), [
    ("M", None, None, {}, "not_applicable", "not_applicable", "not_applicable"),
    ("M", True, None, {}, "not_applicable", "not_applicable", "not_applicable"),
    ("M", None, "positive", {}, "not_applicable", "not_applicable", "not_applicable"),
    ("F", True, "negative", {"I7": True, "E11": False}, "met", "met", "met"),
    ("F", True, "negative", {"I7": False, "E11": False}, "met", "failed", "met"),
    ("F", True, "negative", {"I7": True, "E11": True}, "met", "met", "failed"),   # breastfeeding
    ("F", True, "negative", {}, "met", "missing", "missing"),
    ("F", True, "positive", {"I7": True, "E11": False}, "failed", "met", "failed"),
    ("F", True, None, {"I7": True, "E11": False}, "missing", "met", "met"),
    ("F", True, "inconclusive", {"I7": True, "E11": False}, "missing", "met", "met"),
    ("F", False, None, {"E11": False}, "not_applicable", "not_applicable", "met"),
    ("F", False, None, {}, "not_applicable", "not_applicable", "missing"),
    ("F", None, "negative", {"I7": True, "E11": False}, "missing", "missing", "met"),
    ("F", None, "positive", {"E11": False}, "missing", "missing", "failed"),
    (None, None, None, {"I7": True, "E11": False}, "missing", "missing", "missing"),
    (None, None, "positive", {}, "missing", "missing", "failed"),
])
def test_pregnancy_logic(sex, potential, test, judgements, i6, i7, e11):
    participant = Participant(sex=sex, birth_date=D("1990-05-01"), childbearing_potential=potential)
    base = {cid: False for cid in JUDGEMENT_IDS if cid not in ("I7", "E11")}
    result = run(participant=participant, pregnancy_test=test, judgements={**base, **judgements})
    assert (status(result, "I6"), status(result, "I7"), status(result, "E11")) == (i6, i7, e11)


def test_man_needs_no_pregnancy_judgements():
    judgements = {cid: False for cid in JUDGEMENT_IDS if cid not in ("I7", "E11")}
    result = run(participant=MAN, pregnancy_test=None, judgements=judgements)
    assert (result.verdict, result.failed, result.missing) == ("eligible", (), ())


# --- judgements ----------------------------------------------------------------------------------

@pytest.mark.parametrize("cid", JUDGEMENT_IDS)
def test_each_missing_judgement_is_missing(cid):
    judgements = {k: v for k, v in ALL_NO.items() if k != cid}
    result = run(judgements=judgements)
    assert (result.verdict, result.failed, result.missing) == ("incomplete", (), (cid,))
    assert result.result(cid).explanation.text() == "awaiting the investigator's judgement"


@pytest.mark.parametrize("cid", [c for c in JUDGEMENT_IDS if c.startswith("E")])
def test_exclusion_judged_present_fails(cid):
    result = run(judgements={**ALL_NO, cid: True})
    assert (result.verdict, result.failed) == ("not_eligible", (cid,))


@pytest.mark.parametrize("answer", ["yes", 1, 0, "false", None])
def test_anything_but_true_or_false_is_not_an_answer(answer):
    assert status(run(judgements={**ALL_NO, "E5": answer}), "E5") == "missing"


def test_no_judgements_at_all():
    result = run(judgements={})
    assert result.verdict == "incomplete"
    assert set(result.missing) == set(JUDGEMENT_IDS)


# --- verdict and lists ---------------------------------------------------------------------------

def test_failed_and_missing_are_both_complete():
    result = run(igg=("4,9", "g/L"), nk=None, severity=Severity.VERY_SEVERE, judgements={"I7": True})
    assert result.verdict == "not_eligible"
    assert set(result.failed) == {"I1", "E1", "E3"}
    assert set(result.missing) == {"I8", "E2", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12"}


def test_nothing_recorded_is_incomplete_never_failed():
    result = evaluate(PROTOCOL, SCREENING, Participant(None, None, None), ScreeningFacts(), {})
    assert result.verdict == "incomplete"
    assert result.failed == ()
    assert set(result.missing) == {c.id for c in PROTOCOL.criteria}


FACT_NAMES = ["canadian_criteria_met", "severity", "consent_date", "me_cfs_onset_date", "onset_trigger",
              "pregnancy_test", "nk", "igg"]


@FAST
@given(unknown_facts=st.sets(st.sampled_from(FACT_NAMES)),
       unknown_person=st.sets(st.sampled_from(["sex", "birth_date", "childbearing_potential"])),
       unknown_judgements=st.sets(st.sampled_from(JUDGEMENT_IDS)))
def test_unknowns_never_fail_an_eligible_case(unknown_facts, unknown_person, unknown_judgements):
    participant = replace(WOMAN, **{name: None for name in unknown_person})
    facts = replace(FACTS, **{name: None for name in unknown_facts})
    judgements = {k: v for k, v in ALL_NO.items() if k not in unknown_judgements}
    result = evaluate(PROTOCOL, SCREENING, participant, facts, judgements)
    assert result.failed == ()
    assert result.verdict == ("incomplete" if result.missing else "eligible")
    if unknown_facts or unknown_person or unknown_judgements:
        assert result.verdict == "incomplete"


@FAST
@given(nk=st.tuples(st.one_of(st.text(), st.integers(), st.floats()), st.one_of(st.text(), st.none())),
       igg=st.tuples(st.text(), st.text()))
def test_any_typed_lab_value_gives_a_verdict(nk, igg):
    result = run(nk=nk, igg=igg)
    assert result.verdict in ("eligible", "not_eligible", "incomplete")
    assert status(result, "I8") in ("met", "failed", "missing")
    assert status(result, "E3") in ("met", "failed", "missing")


# --- explanations --------------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "cid", "text"), [
    ({"igg": ("4,9", "g/L")}, "E3", "IgG 4.9 g/L < 5.0 g/L"),
    ({"igg": (5.0, "g/L")}, "E3", "IgG 5.0 g/L ≥ 5.0 g/L"),
    ({"igg": ("490", "mg/dL")}, "E3", "IgG 490 mg/dL = 4.9 g/L < 5.0 g/L"),
    ({"nk": (124, "10^6/L")}, "I8", "NK 124 ×10⁶/L < 125 ×10⁶/L"),
    ({"nk": ("0,125", "x10^9/l")}, "I8", "NK 0.125 ×10⁹/L = 125 ×10⁶/L ≥ 125 ×10⁶/L"),
    ({"me_cfs_onset_date": D("2024-03-03")}, "I4",
     "disease duration 1 year 11 months (onset 2024-03-03); needs ≥ 2 years"),
    ({"me_cfs_onset_date": D("2019-10-15")}, "I4",
     "disease duration 6 years 4 months (onset 2019-10-15); needs ≥ 2 years"),
    ({"consent_date": D("2026-03-03")}, "I3",
     "consent date 2026-03-03 is after the screening date 2026-03-02"),
    ({"severity": Severity.VERY_SEVERE}, "I1", "severity is very severe, not moderate, moderate/severe or severe"),
    ({"severity": Severity.VERY_SEVERE}, "E1", "severity is very severe"),
    ({"severity": Severity.MODERATE_SEVERE}, "E1", "severity is moderate/severe, not very severe"),
    ({"onset_trigger": "none"}, "I5", "onset trigger is none, not infection or other immunological"),
    ({"pregnancy_test": "positive"}, "E11", "pregnancy test positive"),
    ({"nk": None}, "I8", "NK not recorded"),
])
def test_explanations_show_the_numbers_used(changes, cid, text):
    assert run(**changes).result(cid).explanation.text() == text


def test_age_explanation():
    result = run(participant=replace(WOMAN, birth_date=D("2008-03-03")))
    assert result.result("I2").explanation.text() == "age 17 on 2026-03-02 (born 2008-03-03); needs 18–64"
    assert result.result("I2").explanation.params["age"] == 17


def test_explanations_for_people_the_criterion_does_not_apply_to():
    result = run(participant=MAN, judgements={})
    assert result.result("I6").explanation.text() == "not applicable: the participant is a man"
    result = run(participant=replace(WOMAN, childbearing_potential=None))
    assert result.result("I7").explanation.text() == "childbearing potential not recorded"


def test_each_criterion_rule_is_found_by_its_id():
    assert rule_for(PROTOCOL, "I2") is RULES["age_range"]
    assert rule_for(PROTOCOL, "E3") is RULES["lab_threshold"]
    assert rule_for(PROTOCOL, "E11") is RULES["pregnancy_or_judgement"]
    assert rule_for(PROTOCOL, "E2").__name__ == "_judgement_rule"
    with pytest.raises(KeyError):
        rule_for(PROTOCOL, "E13")


def test_thresholds_come_from_the_protocol(write_protocol):
    path = write_protocol(None, ("threshold = 5.0, unit", "threshold = 6.0, unit"),
                          ("min_years = 18, max_years = 64", "min_years = 16, max_years = 64"))
    other = load_protocol(path)
    young = replace(WOMAN, birth_date=D("2009-03-02"))   # 17
    result = evaluate(other, SCREENING, young, replace(FACTS, igg=("5,5", "g/L")), ALL_NO)
    assert set(result.failed) == {"E3"}
    assert result.result("E3").explanation.text() == "IgG 5.5 g/L < 6.0 g/L"
