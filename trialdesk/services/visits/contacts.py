"""Contacts after the first dose (issue 11): phone follow-ups, doctor consultations with their blood tests, the
end of study (confirmed and e-signed by an investigator) and the long-term follow-ups.

Every planned non-dose visit of the calendar can be recorded, each in one audited transaction: done (the planned
visit's ``done_on`` set), not reached (the call attempts are kept, with their times), or missed with a reason. The
participant's course is asked first (``services.disposition.check_allowed``): nothing new is recorded for a
participant whose course refuses it. A contact's date is bounded (not in the future, not before the first dose —
before the inclusion date while no dose was given) and a contact outside its window needs a reason, as a dose
outside its window does; that reason is the reason of the contact's audit rows ("outside the window: …").

The rules that need no store are in ``trialdesk.domain.contacts``; the SQL in ``trialdesk.db.contacts``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Mapping

from trialdesk.clock import LOCAL_TZ, local_today, utc_iso
from trialdesk.db import contacts as repo
from trialdesk.db import screening as screening_repo
from trialdesk.db import visits as visits_repo
from trialdesk.db.changes import ChangeSet
from trialdesk.db.connection import Store
from trialdesk.domain import blinding
from trialdesk.domain import contacts as rules
from trialdesk.domain.contacts import (
    ATTEMPT_OUTCOMES,
    CALL_KINDS,
    CONTACT_KINDS,
    CONTACT_VITAL_LIMITS,
    KIND_ACTIVITY,
    ContactAttempt,
    ContactVitals,
)
from trialdesk.domain.disposition import Activity, Event
from trialdesk.domain.people import User
from trialdesk.domain.schedule import PlannedVisit, visit_state
from trialdesk.domain.status import ParticipantStatus
from trialdesk.errors import ValidationError
from trialdesk.services import auth, bounds, disposition, signatures
from trialdesk.services.permissions import Action, require
from trialdesk.services.rules import next_status, rule_errors
from trialdesk.services.screening import protocol
from trialdesk.services.visits._common import first_dose_at, participant
from trialdesk.services.visits.labs import LabEntry, LabView, checked_sample, lab_view

__all__ = [
    "ATTEMPT_OUTCOMES", "ATTESTATION_END_OF_STUDY", "CALL_KINDS", "CONTACT_KINDS", "CONTACT_VITAL_LIMITS",
    "CORRECTABLE", "CORRECTION_BOOLEANS", "CORRECTION_INTEGERS", "CORRECTION_NUMBERS", "MEANING_END_OF_STUDY",
    "SHOWN_COLUMNS", "Consultation", "ContactAttempt", "ContactRecord", "ContactRow", "ContactVitals",
    "LongTermFollowUp", "PhoneFollowUp", "check_end_of_study", "contact_record", "contacts_calendar",
    "correct_contact", "mark_contact_missed", "record_consultation", "record_consultation_labs",
    "record_contact_attempt", "record_end_of_study", "record_follow_up", "record_phone_follow_up",
    "undo_contact_missed",
]

MEANING_END_OF_STUDY = "End of study: completion confirmed by investigator"
ATTESTATION_END_OF_STUDY = (
    "By signing I confirm that this participant has completed the study as the protocol defines it, that I have "
    "checked the end-of-study record against the source documents, and that the confirmation is mine. My "
    "signature is the legally binding equivalent of my handwritten signature.")


# --- what is recorded ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class PhoneFollowUp:
    """A phone follow-up: this session's calls (time and outcome each; the participant reached at the call whose
    outcome is ``reached``, which must be the latest), and once reached the answers: any new or worsening
    symptoms since the last contact (yes leads into the AE log), any medication changes, a note."""

    attempts: tuple[ContactAttempt, ...]
    new_symptoms: bool | None = None
    medication_changes: bool | None = None
    note: str | None = None


@dataclass(frozen=True)
class LongTermFollowUp:
    """A long-term follow-up (every six months for three years after the end of study): the calls as for a phone
    follow-up, whether the questionnaire form was received, any new symptoms or adverse events, a note."""

    attempts: tuple[ContactAttempt, ...]
    questionnaire_received: bool | None = None
    new_symptoms: bool | None = None
    note: str | None = None


@dataclass(frozen=True)
class Consultation:
    """A doctor consultation: its date, whether a physical examination was done and its findings, the vital
    signs, any new or worsening symptoms (yes leads into the AE log), medication changes, a note. Its blood tests
    are saved with :func:`record_consultation_labs`."""

    contact_date: date
    exam_done: bool | None
    exam_findings: str | None = None
    vitals: ContactVitals = ContactVitals()
    new_symptoms: bool | None = None
    medication_changes: bool | None = None
    note: str | None = None


def _bit(value: bool | None) -> int | None:
    return None if value is None else int(bool(value))


def _text(value: str | None) -> str | None:
    text = (value or "").strip()
    return text or None


# --- the planned visit, the participant's course, bounds ------------------------------------------------

def _plan(store: Store, person: dict, code: str):
    """The participant's planned contact ``code`` (a ``PlannedVisitRecord``); ValidationError for a dose or a code
    that is not in the calendar."""
    for visit in screening_repo.visits(store.db, person["id"]):
        if visit.code == code:
            if visit.kind == "dose":
                raise ValidationError("{code} is a dose visit: record it on the Injections tab.", code=code)
            return visit
    if not person.get("inclusion_date"):
        raise ValidationError("The participant is not enrolled: no visit calendar yet.")
    raise ValidationError("{code} is not a contact of this participant's calendar.", code=code)


def _start(store: Store, participant_id: str, code: str, kind: str | None, *, activity: Activity | None = None,
           new: bool = True) -> tuple[dict, object, dict | None]:
    """(participant row, planned visit, saved contact or None) for recording ``code``: the kind must be ``kind``
    (None: any), the course must allow the kind's activity; with ``new`` a contact already done or missed is
    refused (it is corrected, or the missed mark undone, with a reason)."""
    person = participant(store, participant_id)
    plan = _plan(store, person, code)
    if kind is not None and plan.kind != kind:
        raise ValidationError("{code} is not a {kind} contact.", code=code, kind=kind.replace("_", " "))
    disposition.check_allowed(store.db, person, activity or KIND_ACTIVITY[plan.kind])
    saved = repo.contact(store.db, participant_id, code)
    if new and saved is not None and saved["state"] == "done":
        raise ValidationError("{code} is already recorded; correct it with a reason instead.", code=code)
    if new and saved is not None and saved["state"] == "missed":
        raise ValidationError("{code} is recorded as missed; undo that (with a reason) before recording it.",
                              code=code)
    return person, plan, saved


def _earliest_day(store: Store, person: dict) -> tuple[date | None, bool]:
    """The first day a contact may be on: the first dose's (True) once given, else the inclusion date (False)."""
    first = first_dose_at(store.db, person["id"])
    if first is not None:
        return first.astimezone(LOCAL_TZ).date(), True
    inclusion = person.get("inclusion_date")
    return (date.fromisoformat(inclusion) if inclusion else None), False


def _check_contact_day(store: Store, person: dict, day: date, field: str = "contact_date") -> None:
    today = local_today()
    if day > today:
        raise ValidationError("The contact date {value} is in the future (today is {today}).", field=field,
                              value=bounds.shown(day), today=bounds.today_text(today))
    limit, after_dose = _earliest_day(store, person)
    if limit is not None and day < limit:
        if after_dose:
            raise ValidationError("The contact date {value} is before the first dose ({limit}).", field=field,
                                  value=bounds.shown(day), limit=bounds.shown(limit))
        raise ValidationError("The contact date {value} is before the participant's inclusion ({limit}).",
                              field=field, value=bounds.shown(day), limit=bounds.shown(limit))


def _check_moment(store: Store, person: dict, moment: datetime, field: str) -> None:
    """A call or sample time: not in the future, not before the first dose (the inclusion date without one)."""
    if bounds.after_now(moment):
        raise ValidationError("The time {value} is in the future (now: {now}).", field=field,
                              value=bounds.shown(moment), now=bounds.now_text())
    limit, after_dose = _earliest_day(store, person)
    if bounds.before_day(moment, limit):
        if after_dose:
            raise ValidationError("The time {value} is before the first dose ({limit}).", field=field,
                                  value=bounds.shown(moment), limit=bounds.shown(limit))
        raise ValidationError("The time {value} is before the participant's inclusion ({limit}).", field=field,
                              value=bounds.shown(moment), limit=bounds.shown(limit))


def _window_reason(plan, day: date, window_reason: str | None) -> str | None:
    """None inside the window; outside it the reason given (ValidationError at ``window_reason`` without one)."""
    if not rules.outside_window(day, plan.window_start, plan.window_end):
        return None
    reason = " ".join((window_reason or "").split())
    if not reason:
        raise ValidationError("{code} on {day} is outside its window ({start} – {end}): give the reason.",
                              field="window_reason", code=plan.code, day=bounds.shown(day),
                              start=bounds.shown(plan.window_start), end=bounds.shown(plan.window_end))
    return reason


def _reason(plan, what: str, outside: str | None) -> str:
    """The audit reason of a contact's rows: what was recorded, and why outside the window when it was."""
    return f"{plan.code} {what}; outside the window: {outside}" if outside else f"{plan.code} {what}"


# --- checks of a contact's values (recorded and corrected alike) ------------------------------------------

def _check_values(kind: str, row: Mapping[str, object]) -> None:
    """The values of a contacts row as the kind needs them (ValidationError at the field)."""
    state = row.get("state")
    for name in ("note", "exam_findings", "missed_reason"):
        text = row.get(name)
        if isinstance(text, str) and len(text) > rules.NOTE_MAX:
            raise ValidationError("The text is too long (at most {max} characters).", field=name, max=rules.NOTE_MAX)
    if state == "missed":
        if not _text(row.get("missed_reason")):
            raise ValidationError("Give the reason the contact was missed.", field="missed_reason")
        return
    if kind in CALL_KINDS:
        reached = bool(row.get("reached"))
        if not reached:
            for name in ("new_symptoms", "medication_changes"):
                if row.get(name) is not None:
                    raise ValidationError("The participant was not reached: there is no answer to record.",
                                          field=name)
            return
        if row.get("new_symptoms") is None:
            raise ValidationError("Answer: any new or worsening symptoms since the last contact?",
                                  field="new_symptoms")
        if kind == "phone" and row.get("medication_changes") is None:
            raise ValidationError("Answer: any changes in medication?", field="medication_changes")
        if kind == "follow_up" and row.get("questionnaire_received") is None:
            raise ValidationError("Answer: was the questionnaire form received?", field="questionnaire_received")
        return
    if kind == "consultation":
        if row.get("exam_done") is None:
            raise ValidationError("Answer: was a physical examination done?", field="exam_done")
        if row.get("exam_done") and not _text(row.get("exam_findings")):
            raise ValidationError("Write the examination findings (e.g. \"normal findings\").", field="exam_findings")
        if not row.get("exam_done") and _text(row.get("exam_findings")):
            raise ValidationError("No examination was done: leave the findings empty (say why in the note).",
                                  field="exam_findings")
        with rule_errors():
            rules.check_contact_vitals(ContactVitals(**{k: row.get(k) for k in CONTACT_VITAL_LIMITS}))
        if state == "done" and row.get("new_symptoms") is None:
            raise ValidationError("Answer: any new or worsening symptoms since the last contact?",
                                  field="new_symptoms")
        if state == "done" and row.get("medication_changes") is None:
            raise ValidationError("Answer: any changes in medication?", field="medication_changes")
        return
    if kind == "end_of_study" and not row.get("completion_confirmed"):
        raise ValidationError("Confirm that the participant completed the study.", field="completion_confirmed")


def _checked_attempts(store: Store, person: dict, attempts: tuple[ContactAttempt, ...]
                      ) -> tuple[ContactAttempt, ...]:
    """The calls in time order, each checked; at most one reached, and it is the latest."""
    if not attempts:
        raise ValidationError("Enter the call: its time and how it went.", field="attempted_at")
    for attempt in attempts:
        with rule_errors():
            rules.check_attempt(attempt)
        _check_moment(store, person, attempt.attempted_at, "attempted_at")
    ordered = tuple(sorted(attempts, key=lambda a: a.attempted_at))
    reached = [a for a in ordered if a.outcome == "reached"]
    if len(reached) > 1 or (reached and reached[0] is not ordered[-1]):
        raise ValidationError("The participant is reached once, at the latest call; a later call is not an "
                              "attempt.", field="outcome")
    return ordered


# --- writing ------------------------------------------------------------------------------------------

def _save(store: Store, user: User, person: dict, plan, saved: dict | None, values: dict, reason: str, *,
          attempts: tuple[ContactAttempt, ...] = ()) -> str:
    """Insert or update the contact (only the changed columns), add ``attempts``, set the planned visit done (or not)
    to match, all in one transaction with ``reason``. Returns the contact id."""
    with store.acting(auth.actor(user), reason) as tx:
        if saved is None:
            row = visits_repo.insert(tx, "contacts", store.info.site_code, {
                "participant_id": person["id"], "visit_code": plan.code, "kind": plan.kind, "recorded_by": user.id,
                **values})
            contact_id = row["id"]
        else:
            contact_id = saved["id"]
            changed = {k: v for k, v in values.items() if saved.get(k) != v}
            if changed and values.get("state") == "done" and saved.get("recorded_by") != user.id:
                changed["recorded_by"] = user.id
            if changed:
                visits_repo.update(tx, "contacts", contact_id, changed)
        for attempt in attempts:
            visits_repo.insert(tx, "contact_attempts", store.info.site_code, {
                "contact_id": contact_id, "attempted_at": utc_iso(attempt.attempted_at), "outcome": attempt.outcome,
                "note": _text(attempt.note)})
        state = values.get("state", saved["state"] if saved else None)
        day = values.get("contact_date", saved["contact_date"] if saved else None)
        repo.set_visit_done(tx, person["id"], plan.code, date.fromisoformat(day) if state == "done" else None)
    return contact_id


def _record_call(store: Store, user: User, participant_id: str, visit_code: str, kind: str,
                 attempts: tuple[ContactAttempt, ...], answers: dict, window_reason: str | None) -> ChangeSet:
    person, plan, saved = _start(store, participant_id, visit_code, kind)
    ordered = _checked_attempts(store, person, attempts)
    reached = ordered[-1].outcome == "reached"
    day = ordered[-1].attempted_at.astimezone(LOCAL_TZ).date()
    values = {"contact_date": day.isoformat(), "state": "done" if reached else "not_reached", "reached": int(reached),
              **answers}
    if not reached:  # what is not answered keeps its saved value (a questionnaire may come by post)
        values = {k: v for k, v in values.items() if k not in answers or v is not None}
    _check_values(kind, {**(saved or {}), **values})
    outside = _window_reason(plan, day, window_reason) if reached else None
    what = "recorded: participant reached" if reached else "call attempt recorded: not reached"
    _save(store, user, person, plan, saved, values, _reason(plan, what, outside), attempts=ordered)
    return store.last_changes


def record_phone_follow_up(store: Store, user: User, participant_id: str, visit_code: str, entry: PhoneFollowUp, *,
                           window_reason: str | None = None) -> ChangeSet:
    """Record a phone follow-up's calls and, once the participant was reached, the answers (new or worsening
    symptoms, medication changes, a note): done on the day of the reaching call, or not reached (the attempts
    kept; call again, or mark it missed). A day outside the window needs ``window_reason``."""
    require(user, Action.RECORD_CONTACT)
    answers = {"new_symptoms": _bit(entry.new_symptoms), "medication_changes": _bit(entry.medication_changes),
               "note": _text(entry.note)}
    return _record_call(store, user, participant_id, visit_code, "phone", tuple(entry.attempts), answers,
                        window_reason)


def record_follow_up(store: Store, user: User, participant_id: str, visit_code: str, entry: LongTermFollowUp, *,
                     window_reason: str | None = None) -> ChangeSet:
    """Record a long-term follow-up (FU1…): the calls, whether the questionnaire form was received, any new
    symptoms or adverse events, a note; as :func:`record_phone_follow_up`."""
    require(user, Action.RECORD_CONTACT)
    answers = {"questionnaire_received": _bit(entry.questionnaire_received),
               "new_symptoms": _bit(entry.new_symptoms), "note": _text(entry.note)}
    return _record_call(store, user, participant_id, visit_code, "follow_up", tuple(entry.attempts), answers,
                        window_reason)


def record_contact_attempt(store: Store, user: User, participant_id: str, visit_code: str,
                           attempt: ContactAttempt) -> ChangeSet:
    """One call that did not reach the participant (no answer, voicemail, wrong number, other), for a phone or
    long-term follow-up: the contact is "not reached" and stays on the Today list until reached or missed."""
    require(user, Action.RECORD_CONTACT)
    if attempt.outcome == "reached":
        raise ValidationError("The participant was reached: record the follow-up itself (with the answers).",
                              field="outcome")
    person, plan, saved = _start(store, participant_id, visit_code, None)
    if plan.kind not in CALL_KINDS:
        raise ValidationError("{code} is not a phone contact: there are no call attempts to record.",
                              code=visit_code)
    ordered = _checked_attempts(store, person, (attempt,))
    day = ordered[0].attempted_at.astimezone(LOCAL_TZ).date()
    values = {"contact_date": day.isoformat(), "state": "not_reached", "reached": 0}
    _save(store, user, person, plan, saved, values, _reason(plan, "call attempt recorded: not reached", None),
          attempts=ordered)
    return store.last_changes


def _consultation_values(entry: Consultation) -> dict:
    v = entry.vitals
    return {"contact_date": entry.contact_date.isoformat(), "state": "done", "exam_done": _bit(entry.exam_done),
            "exam_findings": _text(entry.exam_findings), "bp_sys": v.bp_sys, "bp_dia": v.bp_dia, "pulse": v.pulse,
            "temp": v.temp, "weight_kg": v.weight_kg, "new_symptoms": _bit(entry.new_symptoms),
            "medication_changes": _bit(entry.medication_changes), "note": _text(entry.note)}


def record_consultation(store: Store, user: User, participant_id: str, visit_code: str, entry: Consultation, *,
                        window_reason: str | None = None) -> ChangeSet:
    """Record a doctor consultation (examination and findings, vital signs, new symptoms, medication changes, a
    note): done on its date. Its blood tests may be saved before or after (:func:`record_consultation_labs`)."""
    require(user, Action.RECORD_CONTACT)
    person, plan, saved = _start(store, participant_id, visit_code, "consultation")
    values = _consultation_values(entry)
    _check_values("consultation", values)
    _check_contact_day(store, person, entry.contact_date)
    outside = _window_reason(plan, entry.contact_date, window_reason)
    _save(store, user, person, plan, saved, values, _reason(plan, "recorded", outside))
    return store.last_changes


def record_consultation_labs(store: Store, user: User, participant_id: str, visit_code: str, *,
                             sampled_at: datetime, entries: Mapping[str, LabEntry],
                             read_back: set[str] = frozenset()) -> list[LabView]:
    """Save a consultation's blood sample through the same checks as a pre-dose one (units, plausibility, read-back
    of the critical values), as context ``consultation`` — never a pre-dose sample (the go / no-go does not read
    it). Masked for blinded roles as every result after the first dose is."""
    require(user, Action.RECORD_LABS)
    person, plan, saved = _start(store, participant_id, visit_code, "consultation", activity=Activity.BLOOD_TEST,
                                 new=False)
    if saved is not None and saved["state"] == "missed":
        raise ValidationError("{code} is recorded as missed; undo that (with a reason) before recording it.",
                              code=visit_code)
    rows = checked_sample(person, sampled_at, entries, read_back)
    _check_moment(store, person, sampled_at, "sampled_at")
    day = sampled_at.astimezone(LOCAL_TZ).date()
    with store.acting(auth.actor(user), f"{plan.code} blood tests entered") as tx:
        if saved is None:  # the consultation is open until its examination is recorded
            contact_id = visits_repo.insert(tx, "contacts", store.info.site_code, {
                "participant_id": person["id"], "visit_code": plan.code, "kind": plan.kind,
                "contact_date": day.isoformat(), "state": "open", "recorded_by": user.id})["id"]
        else:
            contact_id = saved["id"]
        sample = visits_repo.insert(tx, "lab_samples", store.info.site_code, {
            "participant_id": participant_id, "dose_visit_id": None, "contact_id": contact_id,
            "sampled_at": utc_iso(sampled_at), "context": "consultation"})
        for analyte, row in rows.items():
            visits_repo.insert(tx, "lab_results", store.info.site_code,
                               {**row, "sample_id": sample["id"], "read_back": 1 if analyte in read_back else 0})
    first = first_dose_at(store.db, participant_id)
    return [lab_view(user, {**r, "sampled_at": utc_iso(sampled_at)}, first) for r in rows.values()]


# --- the end of study ---------------------------------------------------------------------------------

def _eos_code() -> str:
    return protocol().schedule.end_of_study.code


def _eos_content(person: dict, contact_date: str) -> dict:
    """What the investigator's end-of-study signature covers (its hash is stored with the signature)."""
    return {"study_id": person["study_id"], "visit": _eos_code(), "contact_date": contact_date,
            "completion_confirmed": True, "meaning": MEANING_END_OF_STUDY}


def _check_eos(store: Store, user: User, participant_id: str, contact_date: date, completion_confirmed: bool,
               note: str | None, window_reason: str | None):
    require(user, Action.SIGN_END_OF_STUDY)
    person, plan, saved = _start(store, participant_id, _eos_code(), "end_of_study")
    values = {"contact_date": contact_date.isoformat(), "state": "done", "completion_confirmed": _bit(
        completion_confirmed) or 0, "note": _text(note)}
    _check_values("end_of_study", values)
    _check_contact_day(store, person, contact_date)
    outside = _window_reason(plan, contact_date, window_reason)
    next_status(person["status"], ParticipantStatus.COMPLETED)  # on treatment or in follow-up only
    return person, plan, saved, values, outside


def check_end_of_study(store: Store, user: User, participant_id: str, *, contact_date: date,
                       completion_confirmed: bool, note: str | None = None, window_reason: str | None = None) -> None:
    """Every check of :func:`record_end_of_study` but the signature (the screen runs it before asking for the
    password): ValidationError at the field, PermissionDenied for a role that may not sign."""
    _check_eos(store, user, participant_id, contact_date, completion_confirmed, note, window_reason)


def record_end_of_study(store: Store, user: User, participant_id: str, *, contact_date: date,
                        completion_confirmed: bool, username: str, password: str, note: str | None = None,
                        window_reason: str | None = None) -> ChangeSet:
    """The investigator confirms that the participant completed the study and e-signs it (user name and password).

    One transaction: the end-of-study contact (done, completion confirmed, the signature), the disposition event
    "completed" on ``contact_date`` with the status change (refused unless the course allows it: on treatment or
    in follow-up), the planned visit done."""
    person, plan, saved, values, outside = _check_eos(store, user, participant_id, contact_date,
                                                      completion_confirmed, note, window_reason)
    # Re-authenticate outside the transaction so a wrong password still counts towards the lockout.
    auth.reauthenticate(store, user, username, password)
    reason = _reason(plan, "completion confirmed and signed", outside)
    with store.acting(auth.actor(user), reason) as tx:
        contact_id = _save(store, user, person, plan, saved, values, reason)
        signature = signatures.sign(store, user, username=username, password=password, meaning=MEANING_END_OF_STUDY,
                                    record_table="contacts", record_id=contact_id,
                                    content=_eos_content(person, values["contact_date"]), tx=tx)
        visits_repo.update(tx, "contacts", contact_id, {"signature_id": signature.id})
        disposition.record_event(store, tx, user, person, Event.COMPLETED, contact_date,
                                 "end of study: completion confirmed and signed by the investigator",
                                 contact_id=contact_id)
    return store.last_changes


# --- missed, and corrections --------------------------------------------------------------------------

def mark_contact_missed(store: Store, user: User, participant_id: str, visit_code: str, reason: str) -> ChangeSet:
    """Record that a contact did not happen, with the reason (e.g. "not reached after three calls"): it leaves the
    Today list and shows "missed" on the timeline."""
    require(user, Action.RECORD_CONTACT)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Give the reason the contact was missed.", field="reason")
    person, plan, saved = _start(store, participant_id, visit_code, None)
    values = {"state": "missed", "missed_reason": reason}
    if saved is None:
        values["contact_date"] = local_today().isoformat()
    _check_values(plan.kind, {**(saved or {}), **values})
    _save(store, user, person, plan, saved, values, reason)
    return store.last_changes


def undo_contact_missed(store: Store, user: User, participant_id: str, visit_code: str, reason: str) -> ChangeSet:
    """A contact recorded as missed by mistake is open again (not reached, if calls were recorded); reason
    required, the audit trail keeps both."""
    require(user, Action.RECORD_CONTACT)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Give a reason for the correction.", field="reason")
    person, plan, saved = _start(store, participant_id, visit_code, None, new=False)
    if saved is None or saved["state"] != "missed":
        raise ValidationError("{code} is not recorded as missed.", code=visit_code)
    state = "not_reached" if repo.attempts(store.db, saved["id"]) else "open"
    _save(store, user, person, plan, saved, {"state": state, "missed_reason": None}, reason)
    return store.last_changes


SHOWN_COLUMNS = ("state", "contact_date", "reached", "new_symptoms", "medication_changes", "questionnaire_received",
                 "exam_done", "exam_findings", "bp_sys", "bp_dia", "pulse", "temp", "weight_kg", "completion_confirmed",
                 "missed_reason", "note")
"""The columns of a contact a screen shows, in this order (those without a value are left out)."""

CORRECTABLE = {
    "phone": ("contact_date", "reached", "new_symptoms", "medication_changes", "note"),
    "follow_up": ("contact_date", "reached", "questionnaire_received", "new_symptoms", "note"),
    "consultation": ("contact_date", "exam_done", "exam_findings", "bp_sys", "bp_dia", "pulse", "temp", "weight_kg",
                     "new_symptoms", "medication_changes", "note"),
    "end_of_study": ("note",),  # the date is signed and the disposition counts from it
}
"""kind -> the columns of a saved contact that :func:`correct_contact` changes (a missed one: its reason and note)."""
CORRECTION_BOOLEANS = {"reached", "new_symptoms", "medication_changes", "questionnaire_received", "exam_done"}
CORRECTION_INTEGERS = {"bp_sys", "bp_dia", "pulse"}
CORRECTION_NUMBERS = {"temp", "weight_kg"}


def _column_value(name: str, value: object) -> object:
    if value is None:
        return None
    if name == "contact_date":
        return value.isoformat() if isinstance(value, date) else str(value)
    if name in CORRECTION_BOOLEANS:
        return int(bool(value))
    if name in CORRECTION_INTEGERS:
        return int(value)
    if name in CORRECTION_NUMBERS:
        return float(value)
    return _text(str(value))


def correct_contact(store: Store, user: User, participant_id: str, visit_code: str, changes: Mapping[str, object],
                    reason: str) -> list[str]:
    """Correct a saved contact's values (``changes``: column -> new value, e.g. ``{"pulse": 72}``) with a reason; the
    audit trail keeps old → new. A call corrected to reached / not reached is done / not reached; a missed contact's
    reason may be corrected (``missed_reason``). The same checks as when recording; a new date outside the window
    takes this reason. Returns the changed columns. Corrections stay possible whatever the participant's course."""
    require(user, Action.RECORD_CONTACT)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Give a reason for the correction.", field="reason")
    person = participant(store, participant_id)
    plan = _plan(store, person, visit_code)
    saved = repo.contact(store.db, participant_id, visit_code)
    if saved is None or saved["state"] == "open":
        raise ValidationError("{code} has nothing recorded to correct.", code=visit_code)
    allowed = ("missed_reason", "note") if saved["state"] == "missed" else CORRECTABLE[plan.kind]
    for name in changes:
        if name not in allowed:
            raise ValidationError("{name} of {code} cannot be corrected here.", field=name, name=name,
                                  code=visit_code)
    values = {name: _column_value(name, value) for name, value in changes.items()}
    merged = {**saved, **values}
    if plan.kind in CALL_KINDS and "reached" in values and saved["state"] != "missed":
        merged["state"] = values["state"] = "done" if values["reached"] else "not_reached"
        if not values["reached"]:  # no answers without a conversation
            for name in ("new_symptoms", "medication_changes"):
                if merged.get(name) is not None:
                    merged[name] = values[name] = None
    _check_values(plan.kind, merged)
    if "contact_date" in values:
        _check_contact_day(store, person, date.fromisoformat(values["contact_date"]))
    changed = {k: v for k, v in values.items() if saved.get(k) != v}
    if not changed:
        raise ValidationError("Nothing was changed.")
    _save(store, user, person, plan, saved, changed, reason)
    return sorted(k for k in changed if k != "state")


# --- reading ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ContactRow:
    """One planned contact of the participant's calendar with its state on the day and what was recorded.

    ``state`` is the calendar's (upcoming, due, overdue, done, missed — as the timeline shows it); ``recorded`` the
    contact's stored state (open, done, not_reached, missed; None while nothing is recorded)."""

    code: str
    kind: str
    label_en: str
    label_nb: str
    target: date
    window_start: date
    window_end: date
    state: str
    recorded: str | None
    contact_date: date | None
    attempts: int
    missed_reason: str | None
    contact_id: str | None
    done_on: date | None


def _row(visit, contact: dict | None, attempts: int, today: date) -> ContactRow:
    plan = PlannedVisit(visit.code, visit.kind, visit.label_en, visit.label_nb, visit.target_date,
                        visit.window_start, visit.window_end)
    missed = contact is not None and contact["state"] == "missed"
    day = None
    if contact is not None:
        try:
            day = date.fromisoformat(contact["contact_date"])
        except (TypeError, ValueError):  # a bad value in a store never breaks the list
            day = None
    return ContactRow(visit.code, visit.kind, visit.label_en, visit.label_nb, visit.target_date,
                      visit.window_start, visit.window_end, visit_state(plan, today, visit.done_on, missed),
                      contact["state"] if contact else None, day, attempts,
                      contact["missed_reason"] if contact else None, contact["id"] if contact else None,
                      visit.done_on)


def contacts_calendar(store: Store, user: User, participant_id: str, today: date | None = None) -> list[ContactRow]:
    """The participant's planned contacts (phone follow-ups, consultations, end of study, long-term follow-ups) in
    date order, each with its window, its state on ``today`` and what was recorded."""
    require(user, Action.VIEW_CLINICAL)
    today = today or local_today()
    recorded = {c["visit_code"]: c for c in repo.contacts(store.db, participant_id)}
    counts = repo.attempt_counts(store.db, participant_id)
    return [_row(v, recorded.get(v.code), counts.get(recorded[v.code]["id"], 0) if v.code in recorded else 0, today)
            for v in screening_repo.visits(store.db, participant_id) if v.kind != "dose"]


@dataclass(frozen=True)
class ContactRecord:
    """Everything recorded for one contact, as this user may see it.

    ``values`` is the contacts row (None while nothing is recorded); ``attempts`` its calls, oldest first; ``labs``
    the consultation's results (masked for blinded roles after the first dose) with ``lab_result_ids`` in the same
    order; ``adverse_events`` those reported at the contact; ``signature`` the end-of-study signature (``valid``
    False when the signed values changed); ``blocked`` why no new data may be recorded for it now (the course), else
    None."""

    row: ContactRow
    values: Mapping[str, object] | None
    attempts: tuple[Mapping[str, object], ...]
    labs: tuple[LabView, ...]
    lab_result_ids: tuple[str, ...]
    adverse_events: tuple[Mapping[str, object], ...]
    signature: signatures.Signature | None
    blocked: ValidationError | None


def contact_record(store: Store, user: User, participant_id: str, visit_code: str,
                   today: date | None = None) -> ContactRecord:
    """What was recorded at contact ``visit_code`` (an empty record before anything was)."""
    require(user, Action.VIEW_CLINICAL)
    person = participant(store, participant_id)
    plan = _plan(store, person, visit_code)
    saved = repo.contact(store.db, participant_id, visit_code)
    attempts = tuple(repo.attempts(store.db, saved["id"])) if saved else ()
    row = _row(plan, saved, len(attempts), today or local_today())
    blocked = None
    try:
        disposition.check_allowed(store.db, person, KIND_ACTIVITY[plan.kind])
    except ValidationError as exc:
        blocked = exc
    if saved is None:
        return ContactRecord(row, None, (), (), (), (), None, blocked)
    first = first_dose_at(store.db, participant_id)
    results = repo.contact_results(store.db, saved["id"])
    viewer = blinding.read_once(user)
    labs = tuple(lab_view(viewer, r, first) for r in results)
    signature = None
    if saved.get("signature_id"):
        found = signatures.signatures_for(store, "contacts", saved["id"],
                                          _eos_content(person, saved["contact_date"]))
        signature = next((s for s in reversed(found) if s.id == saved["signature_id"]), None)
    return ContactRecord(row, saved, attempts, labs, tuple(r["id"] for r in results),
                         tuple(repo.adverse_events_at(store.db, saved["id"])), signature, blocked)
