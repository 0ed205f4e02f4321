"""Screening services on a real encrypted store: one test per rule of issue 4."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tests.conftest import PASSWORD
from trialdesk.db import screening as screening_repo
from trialdesk.domain.people import Role
from trialdesk.domain.schedule import build_schedule
from trialdesk.errors import AuthError, PermissionDenied, ReasonRequired, ValidationError
from trialdesk.services import history as history_service
from trialdesk.services import participants as ps
from trialdesk.services import screening as sc
from trialdesk.services import signatures
from trialdesk.services.demo import synthetic_id_number

TODAY = date(2026, 3, 2)
BORN = date(1985, 4, 12)
ALL_NO = {cid: sc.Judgement(False) for cid in ("E2", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12")}
JUDGED = {"I7": sc.Judgement(True, "discussed"), **ALL_NO}
ELIGIBLE = sc.ScreeningEntry(
    screening_date=TODAY, canadian_criteria_met=True, severity="moderate",
    me_cfs_onset_date=date(2019, 10, 15), onset_trigger="infection", pregnancy_test="negative",
    nk_text="210", nk_unit="10^6/L", igg_text="9,8", igg_unit="g/L")


def register(store, user, sex="F", born=BORN, nth=0, **kw):
    identity = ps.Identity("Testperson Alfa", synthetic_id_number(born, sex, nth), "+47 400 00 000", "Dr. Test")
    changes = ps.register_candidate(store, user, sex=sex, birth_date=born,
                                    childbearing_potential=True if sex == "F" else None,
                                    identity=kw.pop("identity", identity), today=TODAY, **kw)
    return changes.participant_id


def consent(store, doctor, pid, day=TODAY - timedelta(days=1)):
    return ps.record_consent(store, doctor, pid, form_version="1.0", language="nb",
                             participant_signed_on=day, investigator_signed_on=day, copy_given=True,
                             today=TODAY)


@pytest.fixture
def doctor(users):
    return users[Role.INVESTIGATOR]


@pytest.fixture
def nurse(users):
    return users[Role.NURSE]


@pytest.fixture
def screened(store, doctor):
    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, ELIGIBLE, JUDGED, today=TODAY)
    return pid


def sign(store, doctor, pid, password=PASSWORD):
    return sc.sign_eligibility(store, doctor, pid, username=doctor.username, password=password, today=TODAY)


def audit_count(store, table):
    return store.db.execute("SELECT count(*) FROM audit WHERE table_name = ?", [table]).fetchone()[0]


# --- register ---------------------------------------------------------------------------------------

def test_study_ids_are_issued_per_site_with_three_digits(store, doctor, nurse):
    first = register(store, doctor)
    second = register(store, nurse, nth=1)
    rows = ps.list_participants(store, doctor)
    assert [r.study_id for r in rows] == ["KTS11-H-001", "KTS11-H-002"]
    assert {r.id for r in rows} == {first, second}
    assert all(r.status == "candidate" and r.site == "H" for r in rows)


def test_invalid_identity_number_is_refused_at_the_field(store, doctor):
    bad = ps.Identity("Testperson Beta", "12848500096")
    with pytest.raises(ValidationError) as err:
        register(store, doctor, identity=bad)
    assert err.value.field == "id_number" and "check digit" in str(err.value)
    assert ps.list_participants(store, doctor) == []


def test_identity_number_with_spaces_is_accepted_and_checked_against_birth_date(store, doctor):
    number = synthetic_id_number(BORN, "F")
    pid = register(store, doctor, identity=ps.Identity("Testperson Alfa", number[:6] + " " + number[6:]))
    assert ps.get_identity(store, doctor, pid).id_number == number
    with pytest.raises(ValidationError) as err:
        register(store, doctor, born=date(1986, 4, 12), identity=ps.Identity("Testperson C", synthetic_id_number(BORN, "F", 2)))
    assert err.value.field == "birth_date" and "which gives 12.04.1985" in str(err.value)


def test_identity_is_hidden_from_monitor_and_not_in_lists(store, doctor, users):
    pid = register(store, doctor)
    monitor = users[Role.MONITOR]
    with pytest.raises(PermissionDenied):
        ps.get_identity(store, monitor, pid)
    row = ps.list_participants(store, monitor)[0]
    assert "Testperson" not in repr(row)
    with pytest.raises(PermissionDenied):
        register(store, monitor, nth=1)
    rows = history_service.history(store, monitor, pid)
    identity_rows = [r for r in rows if r.source.table == "identities"]
    assert identity_rows and all(r.new == "(hidden)" for r in identity_rows)
    assert not any("Testperson" in r.new for r in rows)


# --- consent ----------------------------------------------------------------------------------------

def test_no_screening_data_before_consent(store, doctor):
    pid = register(store, doctor)
    with pytest.raises(ValidationError) as err:
        sc.save_screening(store, doctor, pid, ELIGIBLE, today=TODAY)
    assert "before the informed consent is recorded" in str(err.value)
    assert screening_repo.get(store.db, pid) is None


def test_consent_is_investigator_only_and_moves_to_screening(store, doctor, nurse):
    pid = register(store, nurse)
    with pytest.raises(PermissionDenied):
        consent(store, nurse, pid)
    consent(store, doctor, pid)
    assert ps.get_participant(store, doctor, pid).status == "screening"
    recorded = ps.latest_consent(store, doctor, pid)
    assert recorded.obtained_by == doctor.id and recorded.copy_given and recorded.language == "nb"


def test_consent_dates_are_checked(store, doctor):
    pid = register(store, doctor)
    with pytest.raises(ValidationError) as err:
        ps.record_consent(store, doctor, pid, form_version="1.0", language="nb",
                          participant_signed_on=TODAY + timedelta(days=1),
                          investigator_signed_on=TODAY + timedelta(days=1), copy_given=True, today=TODAY)
    assert err.value.field == "participant_signed_on"
    with pytest.raises(ValidationError) as err:
        ps.record_consent(store, doctor, pid, form_version="1.0", language="nb", participant_signed_on=TODAY,
                          investigator_signed_on=TODAY - timedelta(days=1), copy_given=True, today=TODAY)
    assert err.value.field == "investigator_signed_on"


# --- screening --------------------------------------------------------------------------------------

def test_judgements_are_investigator_only_facts_also_nurse(store, doctor, nurse):
    pid = register(store, nurse)
    consent(store, doctor, pid)
    sc.save_screening(store, nurse, pid, ELIGIBLE, today=TODAY)  # facts and labs: nurse may
    assert screening_repo.get(store.db, pid).nk_value == 210
    with pytest.raises(ValidationError) as err:
        sc.save_screening(store, nurse, pid, ELIGIBLE, {"E2": sc.Judgement(False)}, today=TODAY)
    assert "Only an investigator" in str(err.value)
    assert screening_repo.judgements(store.db, pid) == {}
    sc.save_screening(store, doctor, pid, ELIGIBLE, {"E2": sc.Judgement(False)}, today=TODAY)
    # the nurse may save the whole form again as long as the judgements are not changed
    sc.save_screening(store, nurse, pid, ELIGIBLE, {"E2": sc.Judgement(False)}, today=TODAY)


@pytest.mark.parametrize(("field", "entry", "expected"), [
    ("nk", dict(nk_text="125", nk_unit="10^9/L"), "is not possible"),
    ("nk", dict(nk_text="210", nk_unit="g/L"), "is not an accepted unit"),
    ("igg", dict(igg_text="9,8,1", igg_unit="g/L"), "is not a number"),
    ("igg", dict(igg_text="98", igg_unit="g/L"), "did you mean"),
])
def test_labs_with_wrong_unit_or_implausible_are_refused_with_domain_message(store, doctor, field, entry, expected):
    from dataclasses import replace

    pid = register(store, doctor)
    consent(store, doctor, pid)
    with pytest.raises(ValidationError) as err:
        sc.save_screening(store, doctor, pid, replace(ELIGIBLE, **entry), today=TODAY)
    assert err.value.field == field and expected in str(err.value)
    assert screening_repo.get(store.db, pid) is None


def test_nk_in_10e9_is_converted_and_decimal_comma_read(store, doctor):
    from dataclasses import replace

    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, replace(ELIGIBLE, nk_text="0,21", nk_unit="×10^9/L"), today=TODAY)
    stored = screening_repo.get(store.db, pid)
    assert stored.nk_value == 210 and stored.nk_value_text == "0,21" and stored.igg_value == 9.8


def test_first_entry_needs_no_reason_change_does(store, doctor):
    from dataclasses import replace

    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, replace(ELIGIBLE, nk_text=None), today=TODAY)
    sc.save_screening(store, doctor, pid, ELIGIBLE, today=TODAY)  # filling a blank field: no reason
    with pytest.raises(ReasonRequired):
        sc.save_screening(store, doctor, pid, replace(ELIGIBLE, igg_text="9,9"), today=TODAY)
    assert screening_repo.get(store.db, pid).igg_value == 9.8
    sc.save_screening(store, doctor, pid, replace(ELIGIBLE, igg_text="9,9"), reason="typo in IgG", today=TODAY)
    last = store.db.execute("SELECT reason, old_values, new_values FROM audit WHERE table_name = 'screenings' "
                            "ORDER BY seq DESC LIMIT 1").fetchone()
    assert last[0] == "typo in IgG"
    assert json.loads(last[1])["igg_value"] == 9.8 and json.loads(last[2])["igg_value"] == 9.9


def test_unanswered_is_never_no(store, doctor):
    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, ELIGIBLE, ALL_NO, today=TODAY)
    result = sc.evaluate(store, pid)
    assert result.verdict == "incomplete" and result.missing == ("I7",)


# --- signing ----------------------------------------------------------------------------------------

def test_only_an_investigator_signs(store, nurse, screened):
    with pytest.raises(PermissionDenied):
        sc.sign_eligibility(store, nurse, screened, username="nurse", password=PASSWORD, today=TODAY)


def test_incomplete_checklist_cannot_be_signed(store, doctor):
    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, ELIGIBLE, ALL_NO, today=TODAY)
    with pytest.raises(ValidationError) as err:
        sign(store, doctor, pid)
    assert "incomplete" in str(err.value) and "I7" in str(err.value)


def test_wrong_password_refused_and_counted(store, doctor, screened):
    with pytest.raises(AuthError):
        sign(store, doctor, screened, password="wrong-password-9")
    assert screening_repo.latest_decision(store.db, screened) is None
    assert store.db.execute("SELECT failed_logins FROM users WHERE id = ?", [doctor.id]).fetchone()[0] == 1


def test_signed_eligible_enrols_with_the_calendar_from_the_rules(store, doctor, screened):
    sign(store, doctor, screened)
    participant = ps.get_participant(store, doctor, screened)
    assert participant.status == "enrolled" and participant.inclusion_date == TODAY
    expected = build_schedule(sc.protocol(), TODAY)
    visits = ps.planned_visits(store, doctor, screened)
    assert [(v.code, v.target_date, v.window_start, v.window_end) for v in visits] == [
        (v.code, v.target, v.window_start, v.window_end) for v in expected.visits]
    decision = screening_repo.latest_decision(store.db, screened)
    assert decision.verdict == "eligible" and decision.protocol_version == "1.0"
    assert decision.checklist_hash == signatures.content_hash(sc.checklist(store, screened))
    state = sc.load(store, doctor, screened)
    assert state.signature.valid and state.signature.meaning == sc.MEANING_ELIGIBLE
    row = [r for r in ps.list_participants(store, doctor) if r.id == screened][0]
    assert row.next_visit == "Injection 1" and row.next_visit_date == expected.doses[0].target.isoformat()


def test_signed_not_eligible_is_a_screen_failure_with_reasons(store, doctor):
    from dataclasses import replace

    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, replace(ELIGIBLE, igg_text="4,9", severity="very_severe"), JUDGED,
                      today=TODAY)
    sign(store, doctor, pid)
    assert ps.get_participant(store, doctor, pid).status == "screen_failure"
    decision = screening_repo.latest_decision(store.db, pid)
    assert decision.verdict == "not_eligible" and set(decision.failed) == {"I1", "E1", "E3"}
    assert sc.load(store, doctor, pid).signature.meaning == sc.MEANING_SCREEN_FAILURE
    assert ps.planned_visits(store, doctor, pid) == []


def test_change_after_signing_needs_reason_and_invalidates_signature(store, doctor, screened):
    from dataclasses import replace

    sign(store, doctor, screened)
    with pytest.raises(ReasonRequired):
        sc.save_screening(store, doctor, screened, replace(ELIGIBLE, nk_text="220"), JUDGED, today=TODAY)
    changes = sc.save_screening(store, doctor, screened, replace(ELIGIBLE, nk_text="220"), JUDGED,
                                reason="lab corrected the NK result", today=TODAY)
    assert "no longer valid" in changes.note
    state = sc.load(store, doctor, screened)
    assert state.signature.valid is False and state.needs_signature
    assert ps.get_participant(store, doctor, screened).status == "enrolled"  # enrolment kept
    sign(store, doctor, screened)
    assert sc.load(store, doctor, screened).signature.valid
    assert len(ps.planned_visits(store, doctor, screened)) == len(build_schedule(sc.protocol(), TODAY).visits)


def test_audit_rows_exist_for_each_write(store, doctor, screened):
    sign(store, doctor, screened)
    for table in ("participants", "identities", "consents", "screenings", "screening_judgements",
                  "signatures", "eligibility_decisions", "planned_visits"):
        assert audit_count(store, table) > 0, table
    rows = history_service.history(store, doctor, screened)
    fields = {(r.source.table, r.field) for r in rows}
    assert ("screenings", "NK (×10^6/L)") in fields and ("participants", "status") in fields
    status = [r for r in rows if r.source.table == "participants" and r.field == "status" and r.operation == "UPDATE"]
    assert [(r.old, r.new) for r in status] == [("Candidate", "Screening"), ("Screening", "Enrolled (baseline)")]
    assert all(r.username == "doctor" for r in status) and status[-1].reason.startswith("eligibility decision signed")
    from trialdesk.services.workstation import verify

    assert verify(store).ok
