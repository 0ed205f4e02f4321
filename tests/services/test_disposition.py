"""Disposition on a real encrypted store: each transition the investigator records, each refusal, and what the
course blocks afterwards (services/disposition.py, issue 11)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from tests.services.test_screening import ELIGIBLE, JUDGED, TODAY, consent, register, sign
from tests.services.test_visits import D1_DAY, _ae, administration, entries, prepare_d1
from trialdesk.clock import LOCAL_TZ, local_today, utc_iso
from trialdesk.db import visits as visits_repo
from trialdesk.domain.disposition import Activity
from trialdesk.domain.protocol.model import DispositionRules
from trialdesk.errors import PermissionDenied, ValidationError
from trialdesk.services import auth
from trialdesk.services import disposition as ds
from trialdesk.services import medications as ms
from trialdesk.services import screening as sc
from trialdesk.services import visits as vs
from trialdesk.services.bounds import local_day
from trialdesk.services.visits._common import participant

INCLUDED = TODAY  # the eligibility signature's day (tests/services/test_screening.py)


@pytest.fixture
def enrolled(store, doctor):
    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, ELIGIBLE, JUDGED, today=TODAY)
    sign(store, doctor, pid)
    return pid


def give(store, nurse, pid, code, when, kit):
    """Everything a dose needs, then the dose (D1 also the blood bank)."""
    if code == "D1":
        prepare_d1(store, nurse, pid, when=when)
    else:
        vs.record_pre_dose_labs(store, nurse, pid, code, sampled_at=when - timedelta(hours=2), entries=entries(),
                                read_back={"IGG"})
        vs.record_pregnancy_test(store, nurse, pid, code, "negative", day=local_day(when))
        for premed in sc.protocol().pre_dose.premedication:
            vs.record_premedication(store, nurse, pid, code, premed.code, when - timedelta(hours=2))
    return vs.record_administration(store, nurse, pid, code, administration(when, kit=kit), now=when)


@pytest.fixture
def treated(store, nurse, enrolled):
    """Enrolled and given D1 on 25.05.2026: on treatment."""
    give(store, nurse, enrolled, "D1", D1_DAY, "KIT-000101")
    return enrolled


def status(store, pid):
    return store.db.execute("SELECT status, study_drug_discontinued_on FROM participants WHERE id = ?",
                            [pid]).fetchone()


def attempt(store, user, pid, at: datetime, outcome="no_answer", code="PH1", kind="phone"):
    """A documented contact attempt (what the contacts' service writes), on the contact ``code``."""
    from trialdesk.db import contacts as contacts_repo

    with store.acting(auth.actor(user)) as tx:
        contact = contacts_repo.contact(tx, pid, code) or visits_repo.insert(tx, "contacts", "H", {
            "participant_id": pid, "visit_code": code, "kind": kind, "contact_date": at.date().isoformat(),
            "state": "open"})
        visits_repo.insert(tx, "contact_attempts", "H", {"contact_id": contact["id"], "attempted_at": utc_iso(at),
                                                         "outcome": outcome})


def fatal_ae(store, nurse, pid, onset=date(2026, 6, 1), end=date(2026, 6, 3)):
    return vs.record_adverse_event(store, nurse, pid, _ae(
        verbatim="pneumonia", term="lung_infection", grade=5, outcome="fatal", serious=True,
        sae_criteria=frozenset({"sae_death"}), onset_date=onset, end_date=end, causality="unlikely"))


def audit_reasons(store, table):
    return [r[0] for r in store.db.execute("SELECT reason FROM audit WHERE table_name = ? AND action IN "
                                           "('INSERT', 'UPDATE') ORDER BY seq", [table])]


# --- study drug discontinued ---------------------------------------------------------------------------------

def test_discontinuing_the_study_drug_blocks_doses_and_follow_up_continues(store, doctor, nurse, treated):
    row = ds.discontinue_study_drug(store, doctor, treated, day=date(2026, 6, 1), reason="grade 3 neutropenia")
    assert (row["event"], row["from_status"], row["to_status"]) == ("study_drug_discontinued", "on_treatment",
                                                                    "follow_up")
    assert status(store, treated) == ("follow_up", "2026-06-01")
    assert "study drug discontinued: grade 3 neutropenia" in audit_reasons(store, "participants")
    [first, stopped] = ds.events(store, nurse, treated)
    assert (first.event, stopped.event) == ("first_dose", "study_drug_discontinued")
    assert stopped.event_date == date(2026, 6, 1) and stopped.reason == "grade 3 neutropenia"
    assert stopped.recorded_by_name == f"{doctor.full_name} ({doctor.username})"
    d2 = D1_DAY + timedelta(days=14)
    with pytest.raises(ValidationError) as refused:
        vs.record_administration(store, nurse, treated, "D2", administration(d2, kit="KIT-000102"), now=d2)
    assert str(refused.value) == "No more doses: KTS11-H-001 is follow-up."  # the dose service's own refusal for a participant in follow-up
    with pytest.raises(ValidationError) as refused:
        ds.check_allowed(store.db, participant(store, treated), Activity.DOSE)
    assert str(refused.value) == ("The study drug was discontinued on 01.06.2026: no more doses. Follow-up "
                                  "continues to the end of study.")
    vs.record_adverse_event(store, nurse, treated, _ae(onset_date=date(2026, 6, 5), end_date=None,
                                                       outcome="not_recovered"))  # AEs go on


def test_the_study_drug_may_be_discontinued_before_the_first_dose(store, doctor, enrolled):
    ds.discontinue_study_drug(store, doctor, enrolled, day=date(2026, 4, 1), reason="new exclusion found")
    assert status(store, enrolled) == ("follow_up", "2026-04-01")


def test_only_an_investigator_records_a_disposition(store, nurse, users, treated):
    from trialdesk.domain.people import Role

    for user in (nurse, users[Role.MONITOR]):
        with pytest.raises(PermissionDenied):
            ds.discontinue_study_drug(store, user, treated, day=date(2026, 6, 1), reason="x")
        with pytest.raises(PermissionDenied):
            ds.withdraw_consent(store, user, treated, day=date(2026, 6, 1), scope="safety_follow_up",
                                no_reason_given=True)
        with pytest.raises(PermissionDenied):
            ds.mark_lost_to_follow_up(store, user, treated, day=date(2026, 6, 1))
        with pytest.raises(PermissionDenied):
            ds.record_death(store, user, treated, day=date(2026, 6, 1), adverse_event_id=None)
    assert status(store, treated) == ("on_treatment", None)


@pytest.mark.parametrize("day, words", [
    (None, "Enter the date."),
    ("tomorrow", "is in the future"),
    (date(2026, 3, 1), "before the participant's inclusion (02.03.2026)"),
    (date(2026, 5, 24), "before the last recorded change of the course (25.05.2026)"),
])
def test_the_discontinuation_date_is_bounded(store, doctor, treated, day, words):
    if day == "tomorrow":
        day = local_today() + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        ds.discontinue_study_drug(store, doctor, treated, day=day, reason="side effects")
    assert refused.value.field == "event_date" and words in str(refused.value)
    assert status(store, treated) == ("on_treatment", None)


def test_not_before_the_last_dose_given(store, doctor, nurse, treated):
    d2 = D1_DAY + timedelta(days=14)
    give(store, nurse, treated, "D2", d2, "KIT-000102")
    with pytest.raises(ValidationError, match=r"before the last dose given \(08.06.2026\)"):
        ds.discontinue_study_drug(store, doctor, treated, day=date(2026, 6, 1), reason="side effects")


def test_discontinuation_needs_a_reason_and_happens_once(store, doctor, treated):
    with pytest.raises(ValidationError) as refused:
        ds.discontinue_study_drug(store, doctor, treated, day=date(2026, 6, 1), reason="  ")
    assert refused.value.field == "reason"
    ds.discontinue_study_drug(store, doctor, treated, day=date(2026, 6, 1), reason="side effects")
    with pytest.raises(ValidationError, match="already discontinued on 01.06.2026"):
        ds.discontinue_study_drug(store, doctor, treated, day=date(2026, 6, 2), reason="again")


def test_after_the_last_dose_there_is_no_study_drug_to_discontinue(store, doctor, nurse, treated):
    for n, weeks in ((2, 2), (3, 4), (4, 24), (5, 26)):
        give(store, nurse, treated, f"D{n}", D1_DAY + timedelta(weeks=weeks), f"KIT-00010{n}")
    assert status(store, treated) == ("follow_up", None)
    assert [e.event for e in ds.events(store, doctor, treated)] == ["first_dose", "treatment_complete"]
    with pytest.raises(ValidationError, match="during the treatment period only .*is follow-up"):
        ds.discontinue_study_drug(store, doctor, treated, day=local_today(), reason="late")


# --- consent withdrawn ------------------------------------------------------------------------------------------

def test_withdrawal_with_safety_follow_up_keeps_phone_contacts_aes_and_their_medications(store, doctor, nurse,
                                                                                          treated):
    row = ds.withdraw_consent(store, doctor, treated, day=date(2026, 6, 10), scope="safety_follow_up",
                              no_reason_given=True)
    assert (row["reason"], row["withdrawal_scope"], row["to_status"]) == ("no reason given", "safety_follow_up",
                                                                          "withdrawn")
    [*_, event] = ds.events(store, doctor, treated)
    assert event.no_reason_given
    person = participant(store, treated)
    ds.check_allowed(store.db, person, Activity.CONTACT)
    ae = vs.record_adverse_event(store, nurse, treated, _ae(onset_date=date(2026, 6, 12), end_date=None,
                                                            outcome="not_recovered"))
    med = ms.MedicationInput(name="Cetirizin", start_date=date(2026, 6, 12), route="oral", ongoing=True)
    with pytest.raises(ValidationError) as refused:
        ms.add_medication(store, nurse, treated, med)
    assert refused.value.field == "adverse_event_id"
    assert "Consent withdrawn on 10.06.2026" in str(refused.value)
    ms.add_medication(store, nurse, treated, replace(med, adverse_event_id=ae))
    with pytest.raises(ValidationError, match="safety follow-up by phone only"):
        ds.check_allowed(store.db, person, Activity.BLOOD_TEST)


def test_withdrawal_with_no_further_contact_blocks_everything_new(store, doctor, nurse, treated):
    ds.withdraw_consent(store, doctor, treated, day=date(2026, 6, 10), scope="no_further_contact",
                        reason="too tired to travel")
    with pytest.raises(ValidationError, match="agreed to no further contact"):
        vs.record_adverse_event(store, nurse, treated, _ae(onset_date=date(2026, 6, 12)))
    view = ds.course_view(store, doctor, treated)
    assert view.statement is not None and "no further contact" in str(view.statement)
    assert all(v is not None for v in view.refusals.values())


@pytest.mark.parametrize("kwargs, field, words", [
    ({"scope": None, "no_reason_given": True}, "withdrawal_scope", "Choose what the participant still agrees to"),
    ({"scope": "everything", "no_reason_given": True}, "withdrawal_scope", "Choose what"),
    ({"scope": "safety_follow_up"}, "reason", "or choose 'no reason given': the participant need not give one"),
    ({"scope": "safety_follow_up", "reason": "moving", "no_reason_given": True}, "reason", "not both"),
])
def test_a_withdrawal_needs_a_scope_and_a_reason_or_none_given(store, doctor, treated, kwargs, field, words):
    with pytest.raises(ValidationError) as refused:
        ds.withdraw_consent(store, doctor, treated, day=date(2026, 6, 10), **kwargs)
    assert refused.value.field == field and words in str(refused.value)


def test_consent_may_be_withdrawn_during_screening_but_not_before_it(store, doctor):
    pid = register(store, doctor)
    with pytest.raises(ValidationError, match="No consent is recorded"):
        ds.withdraw_consent(store, doctor, pid, day=TODAY, scope="no_further_contact", no_reason_given=True)
    consent(store, doctor, pid)  # signed the day before TODAY
    with pytest.raises(ValidationError, match=r"before the participant's consent \(01.03.2026\)"):
        ds.withdraw_consent(store, doctor, pid, day=TODAY - timedelta(days=2), scope="no_further_contact",
                            no_reason_given=True)
    ds.withdraw_consent(store, doctor, pid, day=TODAY, scope="no_further_contact", no_reason_given=True)
    assert status(store, pid) == ("withdrawn", None)
    with pytest.raises(ValidationError, match="already withdrawn on 02.03.2026"):
        ds.withdraw_consent(store, doctor, pid, day=TODAY, scope="no_further_contact", no_reason_given=True)


# --- lost to follow-up ------------------------------------------------------------------------------------------

def _at(day: date, hour=10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=LOCAL_TZ)


def test_lost_to_follow_up_needs_the_documented_attempts_and_says_how_many(store, doctor, treated):
    attempt(store, doctor, treated, _at(date(2026, 7, 20)))
    attempt(store, doctor, treated, _at(date(2026, 7, 22)), outcome="voicemail")
    with pytest.raises(ValidationError) as refused:
        ds.mark_lost_to_follow_up(store, doctor, treated, day=date(2026, 8, 1))
    assert str(refused.value) == ("Lost to follow-up needs at least 3 documented unsuccessful contact attempts since "
                                  "the last successful contact (25.05.2026); 2 are recorded since then. Record each "
                                  "attempt on the contact first.")
    assert ds.course_view(store, doctor, treated).actions[ds.Event.LOST_TO_FOLLOW_UP] is not None
    attempt(store, doctor, treated, _at(date(2026, 7, 25)), outcome="wrong_number")
    assert ds.course_view(store, doctor, treated).actions[ds.Event.LOST_TO_FOLLOW_UP] is None
    row = ds.mark_lost_to_follow_up(store, doctor, treated, day=date(2026, 8, 1), reason="letter returned")
    assert row["to_status"] == "lost_to_follow_up"
    assert row["reason"] == "3 unsuccessful contact attempts since 25.05.2026; letter returned"
    with pytest.raises(ValidationError, match="Lost to follow-up since 01.08.2026"):
        ds.check_allowed(store.db, participant(store, treated), Activity.CONTACT)


def test_only_attempts_after_the_last_successful_contact_and_up_to_the_day_count(store, doctor, treated):
    for day in (date(2026, 7, 1), date(2026, 7, 2), date(2026, 7, 3)):
        attempt(store, doctor, treated, _at(day))
    attempt(store, doctor, treated, _at(date(2026, 7, 4)), outcome="reached")  # found: the count starts again
    attempt(store, doctor, treated, _at(date(2026, 7, 10)))
    attempt(store, doctor, treated, _at(date(2026, 7, 11)))
    count = ds.lost_attempts(store.db, treated)
    assert (count.unsuccessful, count.needed, count.last_success) == (2, 3, date(2026, 7, 4))
    attempt(store, doctor, treated, _at(date(2026, 7, 20)))
    with pytest.raises(ValidationError, match="2 are recorded since then"):  # the 20th is after the day
        ds.mark_lost_to_follow_up(store, doctor, treated, day=date(2026, 7, 15))
    with pytest.raises(ValidationError, match=r"before the last successful contact \(04.07.2026\)"):
        ds.mark_lost_to_follow_up(store, doctor, treated, day=date(2026, 7, 3))
    ds.mark_lost_to_follow_up(store, doctor, treated, day=date(2026, 7, 20))


def test_a_contact_done_counts_as_a_successful_contact(store, doctor, treated):
    for day in (date(2026, 7, 1), date(2026, 7, 2), date(2026, 7, 3)):
        attempt(store, doctor, treated, _at(day))
    with store.acting(auth.actor(doctor)) as tx:
        visits_repo.insert(tx, "contacts", "H", {"participant_id": treated, "visit_code": "CONS1",
                                                 "kind": "consultation", "contact_date": "2026-07-03",
                                                 "state": "done"})
    count = ds.lost_attempts(store.db, treated)
    assert (count.unsuccessful, count.last_success) == (0, date(2026, 7, 3))


def test_the_number_of_attempts_is_the_protocols(store, doctor, treated, monkeypatch):
    five = replace(sc.protocol(), disposition=DispositionRules(lost_to_follow_up_min_attempts=5))
    monkeypatch.setattr(ds, "protocol", lambda: five)
    for n in range(4):
        attempt(store, doctor, treated, _at(date(2026, 7, 1 + n)))
    with pytest.raises(ValidationError, match="at least 5 documented .* 4 are recorded"):
        ds.mark_lost_to_follow_up(store, doctor, treated, day=date(2026, 8, 1))


def test_a_candidate_or_a_screen_participant_cannot_be_lost(store, doctor):
    pid = register(store, doctor)
    consent(store, doctor, pid)
    with pytest.raises(ValidationError, match="only an enrolled participant can be lost"):
        ds.mark_lost_to_follow_up(store, doctor, pid, day=TODAY)


# --- death ------------------------------------------------------------------------------------------------------

def test_a_death_is_linked_to_a_fatal_adverse_event_recorded_first(store, doctor, nurse, treated):
    with pytest.raises(ValidationError) as refused:
        ds.record_death(store, doctor, treated, day=date(2026, 6, 3), adverse_event_id=None)
    assert refused.value.field == "adverse_event_id" and "Record the fatal adverse event first" in str(refused.value)
    mild = vs.record_adverse_event(store, nurse, treated, _ae())
    with pytest.raises(ValidationError, match="Record the fatal adverse event first"):
        ds.record_death(store, doctor, treated, day=date(2026, 6, 3), adverse_event_id=mild)
    fatal = fatal_ae(store, nurse, treated)
    with pytest.raises(ValidationError, match="outcome is not fatal"):
        ds.record_death(store, doctor, treated, day=date(2026, 6, 3), adverse_event_id=mild)
    with pytest.raises(ValidationError, match="Choose the fatal adverse event"):
        ds.record_death(store, doctor, treated, day=date(2026, 6, 3), adverse_event_id=None)
    row = ds.record_death(store, doctor, treated, day=date(2026, 6, 3), adverse_event_id=fatal)
    assert (row["to_status"], row["adverse_event_id"]) == ("died", fatal)
    assert row["reason"] == "fatal adverse event: lung infection (onset 01.06.2026)"
    # After the death: AEs (and the medications given for them) only.
    vs.record_adverse_event(store, nurse, treated, _ae(onset_date=date(2026, 6, 2), end_date=date(2026, 6, 3)))
    med = ms.MedicationInput(name="Ceftriakson", start_date=date(2026, 6, 1), route="intravenous",
                             ongoing=False, stop_date=date(2026, 6, 3))
    with pytest.raises(ValidationError, match="The participant died on 03.06.2026"):
        ms.add_medication(store, nurse, treated, med)
    ms.add_medication(store, nurse, treated, replace(med, adverse_event_id=fatal))
    with pytest.raises(ValidationError, match="died on 03.06.2026: the course has ended"):
        ds.record_death(store, doctor, treated, day=date(2026, 6, 3), adverse_event_id=fatal)


def test_the_death_date_is_bounded_by_its_adverse_event(store, doctor, nurse, treated):
    fatal = fatal_ae(store, nurse, treated, onset=date(2026, 6, 1), end=date(2026, 6, 5))
    with pytest.raises(ValidationError, match=r"before the onset of the fatal adverse event \(01.06.2026\)"):
        ds.record_death(store, doctor, treated, day=date(2026, 5, 31), adverse_event_id=fatal)
    with pytest.raises(ValidationError, match=r"ends on 05.06.2026, after the date of death 03.06.2026"):
        ds.record_death(store, doctor, treated, day=date(2026, 6, 3), adverse_event_id=fatal)
    ds.record_death(store, doctor, treated, day=date(2026, 6, 5), adverse_event_id=fatal)


def test_another_participants_adverse_event_is_refused(store, doctor, nurse, treated):
    other = register(store, doctor, nth=1)
    consent(store, doctor, other)
    theirs = fatal_ae(store, nurse, other)
    fatal_ae(store, nurse, treated)
    with pytest.raises(ValidationError, match="not one of this participant's"):
        ds.record_death(store, doctor, treated, day=date(2026, 6, 3), adverse_event_id=theirs)


def test_a_death_during_the_agreed_safety_follow_up_but_not_after_no_further_contact(store, doctor, nurse, enrolled,
                                                                                    treated):
    ds.withdraw_consent(store, doctor, treated, day=date(2026, 5, 28), scope="safety_follow_up",
                        no_reason_given=True)
    fatal = fatal_ae(store, nurse, treated)
    ds.record_death(store, doctor, treated, day=date(2026, 6, 3), adverse_event_id=fatal)
    assert status(store, treated) == ("died", None)
    other = register(store, doctor, nth=1)
    consent(store, doctor, other)
    ds.withdraw_consent(store, doctor, other, day=TODAY, scope="no_further_contact", no_reason_given=True)
    with pytest.raises(ValidationError, match="no further contact: the study records nothing new"):
        ds.record_death(store, doctor, other, day=TODAY, adverse_event_id=None)


# --- the course as the workspace shows it ---------------------------------------------------------------------

def test_the_course_view_says_what_may_be_recorded_and_why_not(store, doctor, nurse, treated):
    view = ds.course_view(store, doctor, treated)
    assert (view.status, view.since, view.statement) == ("on_treatment", date(2026, 5, 25), None)
    assert all(v is None for v in view.refusals.values())
    assert view.actions[ds.Event.STUDY_DRUG_DISCONTINUED] is None
    assert view.actions[ds.Event.CONSENT_WITHDRAWN] is None
    assert "Record the fatal adverse event first" in str(view.actions[ds.Event.DEATH])
    assert view.attempts.unsuccessful == 0 and view.attempts.last_success == date(2026, 5, 25)
    for_nurse = ds.course_view(store, nurse, treated)
    assert {str(v) for v in for_nurse.actions.values()} == {
        "Only an investigator records a change of the participant's course."}
    ds.discontinue_study_drug(store, doctor, treated, day=date(2026, 6, 1), reason="side effects")
    view = ds.course_view(store, doctor, treated)
    assert view.drug_discontinued_on == date(2026, 6, 1) and view.since == date(2026, 6, 1)
    assert str(view.statement).startswith("The study drug was discontinued on 01.06.2026")
    assert view.refusals[Activity.DOSE] is not None and view.refusals[Activity.BLOOD_TEST] is None
    assert "already discontinued" in str(view.actions[ds.Event.STUDY_DRUG_DISCONTINUED])


def test_all_events_for_the_exports(store, doctor, nurse, treated):
    other = register(store, doctor, nth=1)
    consent(store, doctor, other)
    ds.withdraw_consent(store, doctor, other, day=TODAY, scope="no_further_contact", reason="moving abroad")
    rows = ds.all_events(store, doctor)
    assert [(e.study_id, e.event) for e in rows] == [("KTS11-H-001", "first_dose"),
                                                     ("KTS11-H-002", "consent_withdrawn")]
    assert rows[1].reason == "moving abroad" and rows[1].from_status == "screening"


def test_the_casebook_shows_the_course_and_the_medications(store, doctor, nurse, treated):
    from tests.printouts.test_documents import flat
    from trialdesk.services import printing

    ms.add_medication(store, doctor, treated, ms.MedicationInput(
        name="Metoject", start_date=date(2024, 1, 10), route="subcutaneous", stop_date=date(2024, 6, 1)),
        forbidden_note="stopped before the washout period")
    ds.withdraw_consent(store, doctor, treated, day=date(2026, 6, 10), scope="safety_follow_up",
                        no_reason_given=True)
    text = flat(printing.casebook(store, doctor, treated))
    for needle in ("Course of the study (disposition)", "first dose given", "consent withdrawn",
                   "agrees to safety follow-up by phone", "no reason given (the participant need not give one)",
                   "10.06.2026", "Concomitant medications", "Metoject", "Methotrexate (E4): stopped before the "
                   "washout period"):
        assert needle in text, needle


def test_after_a_discontinuation_the_calendar_cancels_the_doses_not_the_follow_up(store, doctor, nurse, treated):
    from trialdesk.services import participants as ps

    ds.discontinue_study_drug(store, doctor, treated, day=date(2026, 6, 1), reason="side effects")
    states = {r.code: r.state for r in vs.timeline(store, nurse, treated, today=date(2026, 7, 1))}
    assert states["D1"] == "done"
    assert {states[c] for c in ("D2", "D3", "D4", "D5")} == {"cancelled"}  # never "overdue"
    assert states["PH1"] == "upcoming" and states["CONS1"] != "cancelled"
    [row] = ps.list_participants(store, nurse)
    assert row.next_visit == "Phone follow-up, week 8"  # the register's next visit is no dose any more
    ds.withdraw_consent(store, doctor, treated, day=date(2026, 6, 10), scope="safety_follow_up",
                        no_reason_given=True)
    states = {r.code: r.state for r in vs.timeline(store, nurse, treated, today=date(2026, 7, 1))}
    assert states["PH1"] == "upcoming" and states["CONS1"] == "cancelled" and states["EOS"] == "cancelled"


@pytest.mark.parametrize("scope, next_kind", [("safety_follow_up", "Phone follow-up"), ("no_further_contact", None)])
def test_the_register_s_next_visit_is_what_the_course_still_asks_for(store, doctor, treated, scope, next_kind):
    """After a withdrawal the register names the next contact the participant agreed to (a phone call with safety
    follow-up, not the consultation before it; nothing with no further contact), as the Today list does."""
    from trialdesk.services import participants as ps

    def next_of(pid):
        return next(r for r in ps.list_participants(store, doctor) if r.id == pid).next_visit

    assert next_of(treated) is not None
    ds.withdraw_consent(store, doctor, treated, day=date(2026, 6, 10), scope=scope, no_reason_given=True)
    shown = next_of(treated)
    assert (shown.split(",")[0] if shown else None) == next_kind, shown


def test_a_participant_lost_to_follow_up_has_no_next_visit_in_the_register(store, doctor, treated):
    from trialdesk.services import participants as ps

    for day, outcome in ((date(2026, 7, 20), "no_answer"), (date(2026, 7, 22), "voicemail"),
                         (date(2026, 7, 25), "wrong_number")):
        attempt(store, doctor, treated, _at(day), outcome=outcome)
    ds.mark_lost_to_follow_up(store, doctor, treated, day=date(2026, 8, 1), reason="letter returned")
    assert next(r for r in ps.list_participants(store, doctor) if r.id == treated).next_visit is None
