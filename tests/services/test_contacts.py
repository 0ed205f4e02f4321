"""Contacts after the first dose on a real encrypted store (issue 11 item 2): phone follow-ups with their call
attempts, consultations with vital signs and blood tests (never pre-dose, masked for blinded roles), the end of
study signed by an investigator, long-term follow-ups, missed with a reason, corrections, and the Today list."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest

from tests.conftest import PASSWORD
from tests.services.test_visits import D1_DAY, _ae, _given_d1, enrolled, entries  # noqa: F401  (fixture)
from trialdesk.domain.people import Role
from trialdesk.errors import AuthError, PermissionDenied, ValidationError
from trialdesk.services import auth, disposition
from trialdesk.services import visits as vs

OSLO = vs.LOCAL_TZ
PH1_DAY = date(2026, 7, 20)      # D1 25.05.2026 + 8 weeks; window 13.07–27.07
CONS1_DAY = date(2026, 8, 17)    # + 12 weeks
EOS_DAY = date(2027, 7, 19)      # inclusion 02.03.2026 + 72 weeks; window 12.07–02.08.2027
FU1_DAY = date(2028, 1, 19)      # end of study + 6 months


def at(clock, day: date, hour: int = 12) -> None:
    clock.set(datetime.combine(day, time(hour), tzinfo=OSLO))


def call(day: date, hour: int, outcome: str, minute: int = 0) -> vs.ContactAttempt:
    return vs.ContactAttempt(datetime.combine(day, time(hour, minute), tzinfo=OSLO), outcome)


def contact_row(store, pid, code):
    return store.db.execute("SELECT * FROM contacts WHERE participant_id = ? AND visit_code = ?", [pid, code])


def saved(store, pid, code) -> dict:
    cursor = contact_row(store, pid, code)
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row)) if row else {}


def done_on(store, pid, code):
    return store.db.execute("SELECT done_on FROM planned_visits WHERE participant_id = ? AND code = ?",
                            [pid, code]).fetchone()[0]


def audit(store, table, record_id):
    return store.db.execute("SELECT action, old_values, new_values, reason FROM audit WHERE table_name = ? "
                            "AND record_id = ? ORDER BY seq", [table, record_id]).fetchall()


@pytest.fixture
def dosed(store, nurse, enrolled, clock):  # noqa: F811
    """The participant of ``enrolled`` with dose 1 given on 25.05.2026; the clock on PH1's target day."""
    at(clock, PH1_DAY)
    _given_d1(store, nurse, enrolled)
    return enrolled


def phone(*attempts, new_symptoms=False, medication_changes=False, note=None):
    return vs.PhoneFollowUp(tuple(attempts), new_symptoms=new_symptoms, medication_changes=medication_changes,
                            note=note)


# --- phone follow-up ------------------------------------------------------------------------------------

def test_phone_follow_up_not_reached_then_reached(store, nurse, dosed):
    pid = dosed
    vs.record_contact_attempt(store, nurse, pid, "PH1", call(PH1_DAY, 9, "no_answer"))
    first = saved(store, pid, "PH1")
    assert (first["state"], first["reached"], first["kind"], first["contact_date"]) == (
        "not_reached", 0, "phone", "2026-07-20")
    assert done_on(store, pid, "PH1") is None
    [due] = [r for r in vs.due_today(store, nurse) if r.code == "PH1"]
    assert (due.kind, due.call, due.attempts, due.state, due.window_end) == ("phone", True, 1, "due",
                                                                             date(2026, 7, 27))
    vs.record_phone_follow_up(store, nurse, pid, "PH1", phone(call(PH1_DAY, 11, "reached", 5), medication_changes=True,
                                                              note="feels about the same"))
    row = saved(store, pid, "PH1")
    assert (row["state"], row["reached"], row["new_symptoms"], row["medication_changes"], row["note"]) == (
        "done", 1, 0, 1, "feels about the same")
    assert done_on(store, pid, "PH1") == "2026-07-20"
    times = [a["attempted_at"] for a in vs.contact_record(store, nurse, pid, "PH1").attempts]
    assert times == ["2026-07-20T07:00:00.000000Z", "2026-07-20T09:05:00.000000Z"]  # Oslo summer time, UTC+2
    assert "PH1" not in [r.code for r in vs.due_today(store, nurse)]
    assert next(r for r in vs.timeline(store, nurse, pid) if r.code == "PH1").state == "done"
    rows = audit(store, "contacts", row["id"])
    assert [a for a, *_ in rows] == ["INSERT", "UPDATE"]
    assert rows[1][3] == "PH1 recorded: participant reached"
    assert json.loads(rows[1][1])["state"] == "not_reached" and json.loads(rows[1][2])["state"] == "done"
    assert len(audit(store, "contact_attempts", vs.contact_record(store, nurse, pid, "PH1").attempts[1]["id"])) == 1
    with pytest.raises(ValidationError, match="already recorded"):
        vs.record_phone_follow_up(store, nurse, pid, "PH1", phone(call(PH1_DAY, 11, "reached", 30)))


def test_phone_follow_up_checks_answers_times_and_the_window(store, nurse, dosed, clock):
    pid = dosed
    cases = [
        (phone(call(PH1_DAY, 10, "reached"), new_symptoms=None), "new_symptoms"),
        (phone(call(PH1_DAY, 10, "reached"), medication_changes=None), "medication_changes"),
        (phone(call(PH1_DAY, 10, "no_answer"), new_symptoms=True), "new_symptoms"),
        (phone(call(PH1_DAY, 23, "reached")), "attempted_at"),                  # in the future
        (phone(call(date(2026, 5, 20), 10, "reached")), "attempted_at"),        # before the first dose
        (phone(call(PH1_DAY, 10, "reached"), call(PH1_DAY, 11, "no_answer")), "outcome"),
        (phone(), "attempted_at"),
        (phone(call(PH1_DAY, 10, "busy")), "outcome"),
    ]
    for entry, field in cases:
        with pytest.raises(ValidationError) as err:
            vs.record_phone_follow_up(store, nurse, pid, "PH1", entry)
        assert err.value.field == field, (entry, err.value)
    with pytest.raises(ValidationError, match="before the first dose"):
        vs.record_phone_follow_up(store, nurse, pid, "PH1", phone(call(date(2026, 5, 20), 10, "reached")))
    assert saved(store, pid, "PH1") == {}  # nothing written by a refused call
    # Outside the window (13.07–27.07): a reason is asked for, and kept as the reason of the audit rows.
    at(clock, date(2026, 8, 3))
    late = phone(call(date(2026, 8, 3), 10, "reached"))
    with pytest.raises(ValidationError, match="outside its window") as err:
        vs.record_phone_follow_up(store, nurse, pid, "PH1", late)
    assert err.value.field == "window_reason"
    vs.record_phone_follow_up(store, nurse, pid, "PH1", late, window_reason="participant on holiday")
    row = saved(store, pid, "PH1")
    assert audit(store, "contacts", row["id"])[0][3] == (
        "PH1 recorded: participant reached; outside the window: participant on holiday")
    with pytest.raises(ValidationError, match="dose visit"):
        vs.record_phone_follow_up(store, nurse, pid, "D2", late)
    with pytest.raises(ValidationError, match="not a phone contact"):
        vs.record_phone_follow_up(store, nurse, pid, "CONS1", late)


def test_new_symptoms_lead_into_the_ae_log_reported_at_the_contact(store, nurse, dosed):
    pid = dosed
    with pytest.raises(ValidationError, match="Record the contact PH1 first"):
        vs.record_adverse_event(store, nurse, pid, _ae(onset_date=date(2026, 7, 1), end_date=None,
                                                       outcome="not_recovered"), contact_code="PH1")
    vs.record_phone_follow_up(store, nurse, pid, "PH1", phone(call(PH1_DAY, 10, "reached"), new_symptoms=True))
    ae_id = vs.record_adverse_event(store, nurse, pid, _ae(
        verbatim="headaches for two weeks", term="headache", onset_date=date(2026, 7, 5), end_date=None,
        outcome="not_recovered", causality="possible"), contact_code="PH1")
    contact_id = saved(store, pid, "PH1")["id"]
    row = store.db.execute("SELECT reported_contact_id, reported_visit_id FROM adverse_events WHERE id = ?",
                           [ae_id]).fetchone()
    assert row == (contact_id, None)
    record = vs.contact_record(store, nurse, pid, "PH1")
    assert [a["id"] for a in record.adverse_events] == [ae_id] and record.values["new_symptoms"] == 1


# --- consultation ---------------------------------------------------------------------------------------

def consultation(**kw):
    values = dict(contact_date=CONS1_DAY, exam_done=True, exam_findings="normal findings; no lymphadenopathy",
                  vitals=vs.ContactVitals(bp_sys=124, bp_dia=80, pulse=68, temp=36.7, weight_kg=64.5),
                  new_symptoms=False, medication_changes=False)
    return vs.Consultation(**{**values, **kw})


def test_consultation_with_examination_and_vital_signs(store, doctor, nurse, dosed, clock):
    pid = dosed
    at(clock, CONS1_DAY)
    cases = [
        (consultation(vitals=vs.ContactVitals(bp_sys=124, bp_dia=80, pulse=680)), "pulse"),
        (consultation(vitals=vs.ContactVitals(bp_sys=80, bp_dia=124)), "bp_dia"),
        (consultation(vitals=vs.ContactVitals(bp_sys=124)), "bp_dia"),
        (consultation(vitals=vs.ContactVitals(weight_kg=6.4)), "weight_kg"),
        (consultation(exam_findings=""), "exam_findings"),
        (consultation(exam_done=None), "exam_done"),
        (consultation(new_symptoms=None), "new_symptoms"),
        (consultation(contact_date=CONS1_DAY + timedelta(days=1)), "contact_date"),   # tomorrow
        (consultation(contact_date=date(2026, 5, 1)), "contact_date"),                # before the first dose
    ]
    for entry, field in cases:
        with pytest.raises(ValidationError) as err:
            vs.record_consultation(store, doctor, pid, "CONS1", entry)
        assert err.value.field == field, (entry, err.value)
    assert saved(store, pid, "CONS1") == {}
    vs.record_consultation(store, doctor, pid, "CONS1", consultation())
    row = saved(store, pid, "CONS1")
    assert (row["state"], row["exam_done"], row["bp_sys"], row["bp_dia"], row["pulse"], row["temp"],
            row["weight_kg"], row["recorded_by"]) == ("done", 1, 124, 80, 68, 36.7, 64.5, doctor.id)
    assert done_on(store, pid, "CONS1") == CONS1_DAY.isoformat()
    with pytest.raises(ValidationError, match="not a consultation"):
        vs.record_consultation(store, doctor, pid, "PH1", consultation())


def test_consultation_blood_tests_are_not_pre_dose_and_are_masked(store, doctor, nurse, users, dosed, clock):
    pid = dosed
    at(clock, CONS1_DAY)
    sampled = datetime.combine(CONS1_DAY, time(9, 30), tzinfo=OSLO)
    with pytest.raises(ValidationError) as err:  # the same read-back as before a dose
        vs.record_consultation_labs(store, nurse, pid, "CONS1", sampled_at=sampled,
                                    entries=entries(IGG=("2,1", "g/L")), read_back=set())
    assert err.value.field == "IGG"
    with pytest.raises(ValidationError) as err:  # the same plausibility and units
        vs.record_consultation_labs(store, nurse, pid, "CONS1", sampled_at=sampled,
                                    entries=entries(NK=("125", "10^9/L")), read_back={"IGG", "NK"})
    assert err.value.field == "NK"
    views = vs.record_consultation_labs(store, nurse, pid, "CONS1", sampled_at=sampled,
                                        entries=entries(IGG=("2,1", "g/L")), read_back={"IGG"})
    masked = {v.analyte: v for v in views}
    assert masked["IGG"].masked and masked["IGG"].value is None and not masked["HB"].masked
    sample = store.db.execute("SELECT context, dose_visit_id, contact_id FROM lab_samples WHERE sampled_at LIKE "
                              "'2026-08-17%'").fetchone()
    contact = saved(store, pid, "CONS1")
    assert sample == ("consultation", None, contact["id"]) and contact["state"] == "open"
    record = vs.contact_record(store, nurse, pid, "CONS1")
    assert {v.analyte for v in record.labs} == set(entries()) and len(record.lab_result_ids) == len(record.labs)
    assert all(v.value is None for v in record.labs if v.analyte == "IGG")
    shown = {v.analyte: v for v in vs.lab_results(store, nurse, pid) if v.sampled_at.startswith("2026-08-17")}
    assert shown["IGG"].masked and shown["IGG"].entered is None
    vs.set_unblinded(store, users[Role.ADMINISTRATOR], doctor.id, True, reason="designated unblinded physician")
    from trialdesk.db import users as users_repo

    unblinded = users_repo.get(store.db, doctor.id)
    igg = next(v for v in vs.contact_record(store, unblinded, pid, "CONS1").labs if v.analyte == "IGG")
    assert igg.value == pytest.approx(2.1) and igg.flag == "L"
    # The examination afterwards completes the same contact.
    vs.record_consultation(store, doctor, pid, "CONS1", consultation())
    assert saved(store, pid, "CONS1")["state"] == "done"


def test_a_consultation_sample_never_counts_as_pre_dose(store, nurse, dosed):
    pid = dosed
    d2 = D1_DAY + timedelta(days=14)
    vs.record_consultation_labs(store, nurse, pid, "CONS1", sampled_at=d2 - timedelta(days=1),
                                entries=entries(), read_back={"IGG", "NK"})
    lines = [text for _, text in vs.go_no_go(store, nurse, pid, "D2", now=d2).lines]
    # The pre-dose sample of dose 1 is still the latest pre-dose one (too old); the consultation's of the day
    # before is not read.
    assert any("sample of 2026-05-25 is more than 3 days before the dose" in text for text in lines), lines
    assert not any("2026-06-07" in text for text in lines), lines


# --- end of study ---------------------------------------------------------------------------------------

def sign_eos(store, user, pid, password=PASSWORD, **kw):
    values = dict(contact_date=EOS_DAY, completion_confirmed=True, note="week 72 visit done")
    return vs.record_end_of_study(store, user, pid, username=user.username, password=password, **{**values, **kw})


def test_end_of_study_signed_completes_the_participant(store, doctor, nurse, dosed, clock):
    pid = dosed
    at(clock, EOS_DAY)
    with pytest.raises(PermissionDenied):
        vs.check_end_of_study(store, nurse, pid, contact_date=EOS_DAY, completion_confirmed=True)
    with pytest.raises(PermissionDenied):
        sign_eos(store, nurse, pid)
    with pytest.raises(ValidationError) as err:
        sign_eos(store, doctor, pid, completion_confirmed=False)
    assert err.value.field == "completion_confirmed"
    with pytest.raises(AuthError):
        sign_eos(store, doctor, pid, password="wrong")
    assert saved(store, pid, "EOS") == {}
    sign_eos(store, doctor, pid)
    row = saved(store, pid, "EOS")
    assert (row["state"], row["completion_confirmed"], row["kind"]) == ("done", 1, "end_of_study")
    signature = store.db.execute("SELECT meaning, record_table, record_id, user_id FROM signatures WHERE id = ?", [row["signature_id"]]).fetchone()
    assert signature == (vs.MEANING_END_OF_STUDY, "contacts", row["id"], doctor.id)
    [event] = [d for d in _dispositions(store, pid) if d[0] == "completed"]
    assert event == ("completed", EOS_DAY.isoformat(), "on_treatment", "completed", row["id"])
    assert store.db.execute("SELECT status FROM participants WHERE id = ?", [pid]).fetchone()[0] == "completed"
    assert done_on(store, pid, "EOS") == EOS_DAY.isoformat()
    record = vs.contact_record(store, doctor, pid, "EOS")
    assert record.signature is not None and record.signature.valid
    # One transaction: the contact, the signature, the disposition and the status share one operation.
    ops = {r[0] for r in store.db.execute(
        "SELECT DISTINCT operation_id FROM audit WHERE table_name IN ('contacts', 'signatures', 'dispositions') "
        "AND record_id IN (?, ?, (SELECT id FROM dispositions WHERE contact_id = ?))",
        [row["id"], row["signature_id"], row["id"]])}
    assert len(ops) == 1
    with pytest.raises(ValidationError):
        sign_eos(store, doctor, pid)
    # After the end of study only the long-term follow-up goes on.
    at(clock, date(2027, 7, 26))
    with pytest.raises(ValidationError, match="completed"):
        vs.record_consultation(store, doctor, pid, "CONS2", consultation(contact_date=date(2027, 7, 26)),
                               window_reason="late")
    assert [r.code for r in vs.due_today(store, nurse) if r.participant_id == pid] == []  # no dose, no CONS2
    at(clock, FU1_DAY)
    [fu] = [r for r in vs.due_today(store, nurse) if r.participant_id == pid]
    assert (fu.code, fu.kind, fu.call) == ("FU1", "follow_up", True)


def _dispositions(store, pid):
    return store.db.execute("SELECT event, event_date, from_status, to_status, contact_id FROM dispositions "
                            "WHERE participant_id = ? ORDER BY event_date", [pid]).fetchall()


def withdraw(store, doctor, pid, scope, day):
    from trialdesk.db import participants as participants_repo

    with store.acting(auth.actor(doctor), "consent withdrawn") as tx:
        disposition.record_event(store, tx, doctor, participants_repo.row(store.db, pid),
                                 disposition.Event.CONSENT_WITHDRAWN, day, "participant withdrew consent",
                                 withdrawal_scope=scope)


def test_a_withdrawn_participant_is_not_asked_for_contacts(store, doctor, nurse, dosed, clock):
    pid = dosed
    withdraw(store, doctor, pid, "no_further_contact", date(2026, 7, 1))
    with pytest.raises(ValidationError, match="Consent withdrawn"):
        vs.record_phone_follow_up(store, nurse, pid, "PH1", phone(call(PH1_DAY, 10, "reached")))
    with pytest.raises(ValidationError, match="Consent withdrawn"):
        vs.mark_contact_missed(store, nurse, pid, "PH1", "withdrawn")
    at(clock, EOS_DAY)
    with pytest.raises(ValidationError, match="Consent withdrawn"):
        sign_eos(store, doctor, pid)
    assert saved(store, pid, "EOS") == {} and saved(store, pid, "PH1") == {}
    assert [r for r in vs.due_today(store, nurse) if r.participant_id == pid] == []
    assert vs.contact_record(store, nurse, pid, "PH1").blocked is not None


def test_safety_follow_up_keeps_the_calls_only(store, doctor, nurse, dosed, clock):
    pid = dosed
    withdraw(store, doctor, pid, "safety_follow_up", date(2026, 7, 1))
    assert [r.code for r in vs.due_today(store, nurse) if r.participant_id == pid] == ["PH1"]  # no dose
    at(clock, CONS1_DAY)
    assert [r.code for r in vs.due_today(store, nurse) if r.participant_id == pid] == ["PH1"]  # no CONS1
    with pytest.raises(ValidationError, match="safety follow-up by phone"):
        vs.record_consultation(store, doctor, pid, "CONS1", consultation())
    vs.record_phone_follow_up(store, nurse, pid, "PH1", phone(call(CONS1_DAY, 10, "reached")),
                              window_reason="only reached now")
    assert saved(store, pid, "PH1")["state"] == "done"


# --- long-term follow-up ----------------------------------------------------------------------------------

def test_long_term_follow_up(store, doctor, nurse, dosed, clock):
    pid = dosed
    at(clock, EOS_DAY)
    sign_eos(store, doctor, pid)
    at(clock, FU1_DAY)
    entry = vs.LongTermFollowUp((call(FU1_DAY, 10, "reached"),), questionnaire_received=None, new_symptoms=False)
    with pytest.raises(ValidationError) as err:
        vs.record_follow_up(store, nurse, pid, "FU1", entry)
    assert err.value.field == "questionnaire_received"
    vs.record_follow_up(store, nurse, pid, "FU1", vs.LongTermFollowUp(
        (call(FU1_DAY, 9, "voicemail"), call(FU1_DAY, 10, "reached")), questionnaire_received=False,
        new_symptoms=False, note="form to be sent again"))
    row = saved(store, pid, "FU1")
    assert (row["state"], row["reached"], row["questionnaire_received"], row["note"]) == (
        "done", 1, 0, "form to be sent again")
    assert len(vs.contact_record(store, nurse, pid, "FU1").attempts) == 2
    assert done_on(store, pid, "FU1") == FU1_DAY.isoformat()
    assert "FU1" not in [r.code for r in vs.due_today(store, nurse)]


# --- missed, corrections ------------------------------------------------------------------------------

def test_missed_with_a_reason_and_undone(store, nurse, dosed, clock):
    pid = dosed
    vs.record_contact_attempt(store, nurse, pid, "PH1", call(PH1_DAY, 9, "wrong_number"))
    with pytest.raises(ValidationError) as err:
        vs.mark_contact_missed(store, nurse, pid, "PH1", "  ")
    assert err.value.field == "reason"
    vs.mark_contact_missed(store, nurse, pid, "PH1", "no valid phone number; letter sent")
    row = saved(store, pid, "PH1")
    assert (row["state"], row["missed_reason"]) == ("missed", "no valid phone number; letter sent")
    assert audit(store, "contacts", row["id"])[-1][3] == "no valid phone number; letter sent"
    assert next(r for r in vs.timeline(store, nurse, pid) if r.code == "PH1").state == "missed"
    assert [r for r in vs.contacts_calendar(store, nurse, pid) if r.code == "PH1"][0].state == "missed"
    assert "PH1" not in [r.code for r in vs.due_today(store, nurse)]
    with pytest.raises(ValidationError, match="recorded as missed"):
        vs.record_phone_follow_up(store, nurse, pid, "PH1", phone(call(PH1_DAY, 11, "reached")))
    vs.mark_contact_missed(store, nurse, pid, "CONS1", "participant in hospital")  # nothing recorded before
    assert saved(store, pid, "CONS1")["state"] == "missed"
    with pytest.raises(ValidationError, match="reason"):
        vs.undo_contact_missed(store, nurse, pid, "PH1", "")
    vs.undo_contact_missed(store, nurse, pid, "PH1", "marked missed by mistake: the number was found")
    assert saved(store, pid, "PH1")["state"] == "not_reached"  # its call attempt is kept
    assert "PH1" in [r.code for r in vs.due_today(store, nurse)]
    vs.record_phone_follow_up(store, nurse, pid, "PH1", phone(call(PH1_DAY, 11, "reached")))
    assert saved(store, pid, "PH1")["state"] == "done"


def test_a_saved_contact_is_corrected_with_a_reason(store, doctor, nurse, dosed, clock):
    from trialdesk.services import history as history_service

    pid = dosed
    at(clock, CONS1_DAY)
    vs.record_consultation(store, doctor, pid, "CONS1", consultation())
    with pytest.raises(ValidationError) as err:
        vs.correct_contact(store, doctor, pid, "CONS1", {"pulse": 72}, reason=" ")
    assert err.value.field == "reason"
    with pytest.raises(ValidationError, match="Nothing was changed"):
        vs.correct_contact(store, doctor, pid, "CONS1", {"pulse": 68}, reason="recheck")
    with pytest.raises(ValidationError) as err:
        vs.correct_contact(store, doctor, pid, "CONS1", {"pulse": 720}, reason="typo")
    assert err.value.field == "pulse"
    with pytest.raises(ValidationError, match="cannot be corrected"):
        vs.correct_contact(store, doctor, pid, "CONS1", {"state": "missed"}, reason="typo")
    assert vs.correct_contact(store, doctor, pid, "CONS1", {"pulse": 72, "note": "pulse re-read"},
                              reason="pulse misread from the monitor") == ["note", "pulse"]
    row = saved(store, pid, "CONS1")
    old, new, reason = audit(store, "contacts", row["id"])[-1][1:]
    assert (json.loads(old)["pulse"], json.loads(new)["pulse"], reason) == (68, 72, "pulse misread from the monitor")
    lines = [r for r in history_service.history(store, doctor, pid) if r.source.table == "contacts"
             and r.operation == "UPDATE" and r.field == "pulse"]
    assert [(r.old, r.new, r.reason) for r in lines] == [("68", "72", "pulse misread from the monitor")]
    # A call corrected to "not reached" is not done any more (the planned visit neither).
    vs.record_phone_follow_up(store, nurse, pid, "PH1", phone(call(CONS1_DAY, 10, "reached")),
                              window_reason="reached late")
    assert done_on(store, pid, "PH1") == CONS1_DAY.isoformat()
    vs.correct_contact(store, nurse, pid, "PH1", {"reached": False}, reason="it was the spouse who answered")
    row = saved(store, pid, "PH1")
    assert (row["state"], row["reached"], row["new_symptoms"]) == ("not_reached", 0, None)
    assert done_on(store, pid, "PH1") is None
    with pytest.raises(ValidationError, match="nothing recorded"):
        vs.correct_contact(store, nurse, pid, "PH2", {"note": "x"}, reason="x")


# --- the Today list and the calendar ------------------------------------------------------------------

def test_today_lists_every_contact_due_with_its_kind(store, doctor, nurse, dosed, clock):
    pid = dosed
    rows = [(r.code, r.kind, r.state) for r in vs.due_today(store, nurse) if r.participant_id == pid]
    assert rows == [("D2", "dose", "overdue"), ("PH1", "phone", "due")]  # doses and contacts, by window end
    at(clock, CONS1_DAY)
    rows = [(r.code, r.kind, r.state, r.call) for r in vs.due_today(store, nurse) if r.participant_id == pid]
    assert rows == [("D2", "dose", "overdue", False), ("PH1", "phone", "overdue", True),
                    ("CONS1", "consultation", "due", False)]
    calendar = vs.contacts_calendar(store, nurse, pid)
    assert [r.code for r in calendar][:3] == ["PH1", "CONS1", "PH2"] and all(r.kind != "dose" for r in calendar)
    assert calendar[-1].code == "FU6" and {r.kind for r in calendar} == set(vs.CONTACT_KINDS)
    ph1 = calendar[0]
    assert (ph1.window_start, ph1.window_end, ph1.state, ph1.recorded) == (
        date(2026, 7, 13), date(2026, 7, 27), "overdue", None)


@pytest.mark.parametrize("role", [Role.MONITOR, Role.ADMINISTRATOR])
def test_monitors_and_administrators_record_no_contact(store, users, dosed, role):
    before = store.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(PermissionDenied):
        vs.record_phone_follow_up(store, users[role], dosed, "PH1", phone(call(PH1_DAY, 10, "reached")))
    with pytest.raises(PermissionDenied):
        vs.record_consultation_labs(store, users[role], dosed, "CONS1", sampled_at=D1_DAY + timedelta(days=1),
                                    entries=entries(), read_back={"IGG", "NK"})
    assert store.db.execute("SELECT count(*) FROM audit").fetchone()[0] == before
