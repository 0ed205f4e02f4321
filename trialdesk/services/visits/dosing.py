"""A dose visit: blood-bank dates, premedication, pregnancy test, go / no-go, the injection (with its
corrections), a dose recorded as not given, and everything recorded at the visit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Mapping

from trialdesk.clock import LOCAL_TZ, local_today, parse_utc, utc_iso, utc_now
from trialdesk.db import participants as participants_repo
from trialdesk.db import screening as screening_repo
from trialdesk.db import users as users_repo
from trialdesk.db import visits as repo
from trialdesk.db.changes import ChangeSet
from trialdesk.db.connection import Store
from trialdesk.domain import administration as administration_rules
from trialdesk.domain import blinding
from trialdesk.domain.administration import (
    INJECTION_SITES,
    VITAL_LIMITS,
    Administration,
    Vitals,
)
from trialdesk.domain.dosing import (
    NEEDS_REASON,
    NO_GO,
    DoseCheck,
    DoseContext,
    GoNoGo,
    LabOnFile,
    evaluate_dose,
)
from trialdesk.domain.explanations import Explanation, Explanations
from trialdesk.domain.people import User
from trialdesk.domain.schedule import PlannedVisit
from trialdesk.domain.status import DOSING, ParticipantStatus
from trialdesk.errors import ValidationError
from trialdesk.services import auth, bounds, disposition, signatures
from trialdesk.services.permissions import Action, allowed, require
from trialdesk.services.rules import rule_errors
from trialdesk.services.screening import checklist, protocol
from trialdesk.services.visits._common import first_dose_at, participant
from trialdesk.services.visits.calendar import (
    dose_visit_plan,
    open_visit,
    sync_calendar,
)
from trialdesk.services.visits.labs import LabView, lab_view

__all__ = [
    "INJECTION_SITES", "MEANING_OVERRIDE", "VITAL_LIMITS", "Administration", "DoseStatus", "VisitRecord", "Vitals",
    "check_administration", "correct_administration", "go_no_go", "mark_missed", "record_administration",
    "record_blood_bank", "record_pregnancy_test", "record_premedication", "undo_missed", "visit_record",
]

MEANING_OVERRIDE = "No-go overridden by investigator"


# --- other pre-dose facts --------------------------------------------------------------------------

def record_blood_bank(store: Store, user: User, participant_id: str, *, type_and_screen_on: date | None,
                      alert_card_on: date | None, reason: str | None = None) -> ChangeSet:
    """Type & screen date and alert-card date (both needed before dose 1)."""
    require(user, Action.RECORD_DOSE)
    person = participant(store, participant_id)
    today = local_today()
    born = bounds.birth_date_of(person)
    if type_and_screen_on is not None and type_and_screen_on > today:
        raise ValidationError("The type and screen date {value} is in the future (today is {today}).",
                              field="type_and_screen_on", value=bounds.shown(type_and_screen_on),
                              today=bounds.today_text(today))
    if type_and_screen_on is not None and bounds.before_day(type_and_screen_on, born):
        raise ValidationError("The type and screen date {value} is before the participant's birth date ({limit}).",
                              field="type_and_screen_on", value=bounds.shown(type_and_screen_on),
                              limit=bounds.shown(born))
    if alert_card_on is not None and alert_card_on > today:
        raise ValidationError("The alert card date {value} is in the future (today is {today}).",
                              field="alert_card_on", value=bounds.shown(alert_card_on), today=bounds.today_text(today))
    if alert_card_on is not None and bounds.before_day(alert_card_on, born):
        raise ValidationError("The alert card date {value} is before the participant's birth date ({limit}).",
                              field="alert_card_on", value=bounds.shown(alert_card_on), limit=bounds.shown(born))
    values = {"type_and_screen_on": type_and_screen_on.isoformat() if type_and_screen_on else None,
              "alert_card_issued_on": alert_card_on.isoformat() if alert_card_on else None}
    changed = any(person.get(k) and person.get(k) != v for k, v in values.items())
    if changed and not (reason or "").strip():
        raise ValidationError("A saved date is being changed: give the reason.", field="reason")
    with store.acting(auth.actor(user), reason if changed else "blood-bank dates entered") as tx:
        participants_repo.update(tx, participant_id, **values)
    return store.last_changes


def record_premedication(store: Store, user: User, participant_id: str, dose_code: str, drug: str,
                         given_at: datetime, reason: str | None = None) -> ChangeSet:
    """The time a premedication was given before the dose (a change of a saved time needs a reason)."""
    require(user, Action.RECORD_DOSE)
    codes = [p.code for p in protocol().pre_dose.premedication]
    if drug not in codes:
        raise ValidationError("Unknown premedication {drug}.", field=drug, drug=drug)
    if given_at.tzinfo is None:
        raise ValidationError("The time needs a time zone.", field=drug)
    if bounds.after_now(given_at):
        raise ValidationError("The premedication time {value} is in the future (now: {now}).", field=drug,
                              value=bounds.shown(given_at), now=bounds.now_text())
    person = participant(store, participant_id)
    born = bounds.birth_date_of(person)
    if bounds.before_day(given_at, born):
        raise ValidationError("The premedication time {value} is before the participant's birth date ({limit}).",
                              field=drug, value=bounds.shown(given_at), limit=bounds.shown(born))
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    existing = repo.premedications(store.db, visit["id"]).get(drug) if visit else None
    if existing and not (reason or "").strip():
        raise ValidationError("The time was already saved: give the reason for the change.", field="reason")
    with store.acting(auth.actor(user), reason if existing else None) as tx:
        if existing:  # a correction: also after the participant has moved on to follow-up
            repo.update(tx, "premedications", existing["id"], {"given_at": utc_iso(given_at)})
        else:
            visit = open_visit(store, tx, person, dose_code, given_at.astimezone(LOCAL_TZ).date())
            repo.insert(tx, "premedications", store.info.site_code,
                        {"dose_visit_id": visit["id"], "drug": drug, "given_at": utc_iso(given_at)})
    return store.last_changes


def record_pregnancy_test(store: Store, user: User, participant_id: str, dose_code: str, result: str,
                          day: date | None = None, reason: str | None = None) -> ChangeSet:
    """Today's pregnancy test before the dose (a change of a saved result needs a reason)."""
    require(user, Action.RECORD_LABS)
    if result not in ("negative", "positive"):
        raise ValidationError("Choose negative or positive.", field="pregnancy_test")
    person = participant(store, participant_id)
    if day is not None and day > local_today():
        raise ValidationError("The pregnancy test date {value} is in the future (today is {today}).",
                              field="pregnancy_test", value=bounds.shown(day), today=bounds.today_text())
    born = bounds.birth_date_of(person)
    if day is not None and bounds.before_day(day, born):
        raise ValidationError("The pregnancy test date {value} is before the participant's birth date ({limit}).",
                              field="pregnancy_test", value=bounds.shown(day), limit=bounds.shown(born))
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    saved = visit["pregnancy_test"] if visit else None
    if saved and saved != result and not (reason or "").strip():
        raise ValidationError("A result was already saved: give the reason for the change.", field="reason")
    with store.acting(auth.actor(user), reason if saved else "pregnancy test entered") as tx:
        if not saved:  # a correction of a saved result may come after the participant moved on to follow-up
            visit = open_visit(store, tx, person, dose_code, day or local_today())
        repo.update(tx, "dose_visits", visit["id"], {"pregnancy_test": result})
    return store.last_changes


# --- go / no-go -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DoseStatus:
    """The go / no-go for one dose as this user may see it.

    ``reasons`` are (ok, explanation) pairs, one per check of ``decision`` in the same order, with the
    masked wording where this user is blinded: the UI words them in its language
    (``trialdesk.ui.explain``); ``lines`` is the same in English text.
    """

    dose_code: str
    verdict: str
    reasons: tuple[tuple[bool, Explanation], ...]
    window: tuple[str, str]
    decision: GoNoGo = field(repr=False)

    @property
    def lines(self) -> tuple[tuple[bool, str], ...]:
        """(ok, English text) pairs."""
        return tuple((ok, explanation.text()) for ok, explanation in self.reasons)

    @property
    def problems(self) -> Explanations:
        """The explanations of the checks that fail."""
        return Explanations(explanation for ok, explanation in self.reasons if not ok)


def _shown(masked: frozenset[str], check: DoseCheck) -> Explanation:
    """The check's explanation as the user may read it (``masked``: the analytes masked for them now)."""
    return check.masked if check.masked is not None and check.analyte in masked else check.explanation


def _masked_now(store: Store, user: User, participant_id: str) -> frozenset[str]:
    return blinding.masked_analytes(protocol(), user, first_dose_at(store.db, participant_id))


def go_no_go(store: Store, user: User, participant_id: str, dose_code: str,
             now: datetime | None = None) -> DoseStatus:
    """Evaluate every pre-dose condition at ``now`` (default: the clock; give the injection time that was
    entered to see the verdict :func:`record_administration` will decide), masked for blinded roles."""
    require(user, Action.VIEW_CLINICAL)
    now = now or utc_now()
    decision, plan = _decide(store, participant_id, dose_code, now)
    masked = _masked_now(store, user, participant_id)
    reasons = tuple((check.ok, _shown(masked, check)) for check in decision.checks)
    return DoseStatus(dose_code, decision.verdict, reasons,
                      (plan.window_start.isoformat(), plan.window_end.isoformat()), decision)


def _eligibility_signed(store: Store, participant_id: str) -> bool:
    """The latest decision is 'eligible' and its signature still matches the checklist."""
    latest = screening_repo.latest_decision(store.db, participant_id)
    if latest is None or latest.verdict != "eligible":
        return False
    signed = signatures.signed_content_hash(store, latest.signature_id)
    return bool(signed) and signed == signatures.content_hash(checklist(store, participant_id))


def _stored_day(text: str | None) -> date | None:
    """A stored ISO date, or None when missing or unreadable (a bad value in a store never breaks go / no-go)."""
    try:
        return date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


def _stored_local(text: str | None) -> datetime | None:
    """A stored UTC moment in Oslo time, or None when missing or unreadable (year 981 reads; 'half past eight'
    does not)."""
    try:
        return parse_utc(text).astimezone(LOCAL_TZ) if text else None
    except (TypeError, ValueError, OverflowError):
        return None


def _premedication_times(store: Store, visit: dict | None) -> dict[str, datetime]:
    """Drug code -> the Oslo time it was given, at ``visit`` (unreadable stored times left out)."""
    if not visit:
        return {}
    times = {d: _stored_local(r["given_at"]) for d, r in repo.premedications(store.db, visit["id"]).items()}
    return {d: t for d, t in times.items() if t is not None}


def _decide(store: Store, participant_id: str, dose_code: str, now: datetime) -> tuple[GoNoGo, PlannedVisit]:
    person = participant(store, participant_id)
    plan = dose_visit_plan(store, person, dose_code)
    day = now.astimezone(LOCAL_TZ).date()
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    codes = [d.code for d in protocol().schedule.doses]
    previous = {}
    for code in codes[: codes.index(dose_code)]:
        row = repo.get_dose_visit(store.db, participant_id, code)
        previous[code] = row["state"] if row and row["state"] in ("given", "missed", "not_given") else ""
        if previous[code] == "not_given":
            previous[code] = "missed"
    given_on = None
    if visit and visit["state"] == "given":
        given_on = _stored_day(visit["visit_date"]) or day
    labs = {}
    latest = repo.latest_results(store.db, participant_id, protocol().pre_dose.analytes, context="pre_dose")
    for analyte, record in latest.items():
        sampled = _stored_local(record["sampled_at"])
        if sampled is not None:  # an unreadable sample time (a hand edit) counts as no sample: no-go, never a crash
            labs[analyte] = LabOnFile(record["value"], sampled.date())
    # Local time: the explanation shows the clock time the nurse wrote down ("given at 08:30").
    premeds = _premedication_times(store, visit)
    wocbp = None
    if person["sex"] == "M":
        wocbp = False
    elif person["sex"] == "F" and person["childbearing_potential"] is not None:
        wocbp = bool(person["childbearing_potential"])
    ctx = DoseContext(
        visit=plan, day=day, now=now, status=person["status"],
        eligibility_signed=_eligibility_signed(store, participant_id), previous_doses=previous,
        already_given_on=given_on, woman_of_childbearing_potential=wocbp,
        pregnancy_test=visit["pregnancy_test"] if visit and visit["visit_date"] == day.isoformat() else None,
        labs=labs, premedication=premeds,
        type_and_screen_on=_stored_day(person.get("type_and_screen_on")),
        alert_card_on=_stored_day(person.get("alert_card_issued_on")),
    )
    return evaluate_dose(protocol(), ctx), plan


# --- administration -------------------------------------------------------------------------------

def check_administration(a: Administration, *, new: bool = True) -> None:
    """The checks of one injection record that need no store (kit format and the protocol's kit labels, site,
    times, vitals, the observation the protocol asks for when ``new``); the UI runs them before asking for a
    reason. ValidationError at the field."""
    with rule_errors():
        administration_rules.check_administration(a, utc_now(), protocol().administration, new=new)


OBSERVATION_MAX = timedelta(hours=24)
"""Observation after an injection ends at most this long after the injection ended (it may be planned ahead)."""


def _check_admin_bounds(a: Administration, person: dict) -> None:
    """The injection's times within the participant's bounds: not before their birth date; observation
    from the end of the injection to at most :data:`OBSERVATION_MAX` after it. ValidationError at the field."""
    born = bounds.birth_date_of(person)
    for name, moment in (("started_at", a.started_at), ("ended_at", a.ended_at)):
        if bounds.before_day(moment, born):
            raise ValidationError("The injection time {value} is before the participant's birth date ({limit}).",
                                  field=name, value=bounds.shown(moment), limit=bounds.shown(born))
    until = a.observation_until
    if until is not None:
        if until.tzinfo is None:
            raise ValidationError("The time needs a time zone.", field="observation_until")
        if until < a.ended_at:
            raise ValidationError("Observation until {value} is before the injection ended ({limit}).",
                                  field="observation_until", value=bounds.shown(until), limit=bounds.shown(a.ended_at))
        if until > a.ended_at + OBSERVATION_MAX:
            raise ValidationError("Observation until {value} is more than 24 hours after the injection ended "
                                  "({limit}).", field="observation_until", value=bounds.shown(until),
                                  limit=bounds.shown(a.ended_at))


def _admin_columns(a: Administration) -> dict:
    """The ``administrations`` columns an :class:`Administration` fills (kit numbers upper case)."""
    return {
        "kit_number": a.kit_number.strip().upper(), "lot": (a.lot or "").strip() or None,
        "injection_site": a.injection_site, "started_at": utc_iso(a.started_at), "ended_at": utc_iso(a.ended_at),
        "observation_until": utc_iso(a.observation_until) if a.observation_until else None,
        **{f"{k}_pre": getattr(a.vitals_before, k) for k in VITAL_LIMITS},
        **{f"{k}_post": getattr(a.vitals_after, k) for k in VITAL_LIMITS},
    }


def _check_kit_unused(store: Store, kit: str, own_id: str | None = None) -> None:
    used_by = repo.administration_with_kit(store.db, kit)
    if used_by is not None and used_by != own_id:
        raise ValidationError("Kit {kit} was already used for another injection: check the label.",
                              field="kit_number", kit=kit)


def record_administration(store: Store, user: User, participant_id: str, dose_code: str, admin: Administration,
                          *, window_reason: str | None = None, override_reason: str | None = None,
                          override_username: str | None = None, override_password: str | None = None,
                          now: datetime | None = None) -> str:
    """Record the injection after checking go / no-go again, at the time the injection started
    (``admin.started_at``), not at the moment of saving: a dose given at 23:50 on the last day of its
    window and saved at 00:10 was given inside the window, and premedication is timed to the injection.
    ``now`` is the moment of saving (default: the clock), against which a start time in the future is
    refused.

    ``needs_reason`` (outside the window) needs ``window_reason``; ``no_go`` needs an investigator's
    signed override (``override_*``). Returns the verdict the dose was given under.
    """
    require(user, Action.RECORD_DOSE)
    now = now or utc_now()
    with rule_errors():
        administration_rules.check_administration(admin, now, protocol().administration)
    person = participant(store, participant_id)
    _check_admin_bounds(admin, person)
    decision, plan = _decide(store, participant_id, dose_code, admin.started_at)
    status = ParticipantStatus(person["status"])
    if status not in DOSING:
        if status in (ParticipantStatus.CANDIDATE, ParticipantStatus.SCREENING, ParticipantStatus.SCREEN_FAILURE):
            raise ValidationError("No dose before enrolment: {study_id} is {status}.",
                                  study_id=person["study_id"], status=status.words)
        raise ValidationError("No more doses: {study_id} is {status}.", study_id=person["study_id"],
                              status=status.words)
    disposition.check_allowed(store.db, person, disposition.Activity.DOSE)
    masked = _masked_now(store, user, participant_id)
    if any(c.kind == "order" and not c.ok for c in decision.checks):
        raise ValidationError("{problems}", problems=Explanations(
            _shown(masked, c) for c in decision.problems if c.kind == "order"))
    _check_kit_unused(store, admin.kit_number.strip().upper())
    signature = None
    if decision.verdict == NEEDS_REASON and not (window_reason or "").strip():
        raise ValidationError("The dose is outside its window: give the reason.", field="window_reason")
    if decision.verdict == NO_GO:
        if not allowed(user, Action.OVERRIDE_NO_GO) or not (override_reason or "").strip():
            raise ValidationError("No-go: {problems}. Only an investigator can override, with a signed reason.",
                                  field="override",
                                  problems=Explanations(_shown(masked, c) for c in decision.problems))
    if decision.verdict == NO_GO:
        # Check the password outside the transaction, so a wrong one still counts towards the lockout.
        auth.reauthenticate(store, user, override_username or "", override_password or "")
    with store.acting(auth.actor(user), f"dose {dose_code} given") as tx:
        visit = open_visit(store, tx, person, dose_code, admin.started_at.astimezone(LOCAL_TZ).date())
        if decision.verdict == NO_GO:
            signature = signatures.sign(
                store, user, username=override_username or "", password=override_password or "",
                meaning=f"{MEANING_OVERRIDE}: {override_reason.strip()}", record_table="dose_visits",
                record_id=visit["id"], content={"dose": dose_code, "problems": [c.explanation.text() for c in decision.problems]},
                tx=tx)
        repo.insert(tx, "administrations", store.info.site_code,
                    {"dose_visit_id": visit["id"], "given_by": user.id, **_admin_columns(admin)})
        repo.update(tx, "dose_visits", visit["id"], {
            "state": "given", "visit_date": admin.started_at.astimezone(LOCAL_TZ).date().isoformat(),
            "verdict": decision.verdict, "window_reason": (window_reason or "").strip() or None,
            "override_reason": (override_reason or "").strip() or None,
            "override_signature_id": signature.id if signature else None})
        day = admin.started_at.astimezone(LOCAL_TZ).date()
        if status == ParticipantStatus.ENROLLED:  # the first dose given: on treatment
            disposition.record_event(store, tx, user, person, disposition.Event.FIRST_DOSE, day,
                                     f"first dose ({dose_code}) given")
            person = participant(store, participant_id)
        if dose_code == _last_dose_code():  # the last dose given: follow-up to the end of study
            disposition.record_event(store, tx, user, person, disposition.Event.TREATMENT_COMPLETE, day,
                                     f"last dose ({dose_code}) given")
        sync_calendar(store, tx, participant_id)
    return decision.verdict


def correct_administration(store: Store, user: User, participant_id: str, dose_code: str, admin: Administration,
                           reason: str) -> list[str]:
    """Correct a saved injection record (kit, lot, site, times, vitals) with a reason.

    One audited transaction; the fields' old and new values are in the audit trail. A changed injection
    date moves the visit date (and, for the first dose, the calendar that counts from it); a date outside
    the dose's window keeps the reason given here as the window reason. Returns the changed column names.
    """
    require(user, Action.RECORD_DOSE)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Give a reason for the correction.", field="reason")
    check_administration(admin, new=False)  # a record saved before the protocol asked for observation stays
    _check_admin_bounds(admin, participant(store, participant_id))
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    saved = repo.administration(store.db, visit["id"]) if visit else None
    if saved is None:
        raise ValidationError("{code} has no injection record to correct.", code=dose_code)
    values = _admin_columns(admin)
    _check_kit_unused(store, values["kit_number"], own_id=saved["id"])
    changed = {k: v for k, v in values.items() if saved.get(k) != v}
    if not changed:
        raise ValidationError("Nothing was changed.")
    day = admin.started_at.astimezone(LOCAL_TZ).date()
    visit_values: dict = {}
    if day.isoformat() != visit["visit_date"]:
        visit_values["visit_date"] = day.isoformat()
        plan = dose_visit_plan(store, participant(store, participant_id), dose_code)
        if not plan.window_start <= day <= plan.window_end and not visit["window_reason"]:
            # Given outside its window after all: the record says so, with this reason.
            visit_values["window_reason"] = reason
            if visit["verdict"] == "go":
                visit_values["verdict"] = NEEDS_REASON
    with store.acting(auth.actor(user), reason) as tx:
        repo.update(tx, "administrations", saved["id"], changed)
        if visit_values:
            repo.update(tx, "dose_visits", visit["id"], visit_values)
            sync_calendar(store, tx, participant_id)
    return sorted(changed)


# --- a dose not given -------------------------------------------------------------------------------

def mark_missed(store: Store, user: User, participant_id: str, dose_code: str, reason: str) -> ChangeSet:
    """Record that a dose was not given (never a dose 0): the next dose may then go ahead."""
    require(user, Action.RECORD_DOSE)
    if not (reason or "").strip():
        raise ValidationError("Give the reason the dose was not given.", field="reason")
    person = participant(store, participant_id)
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    if visit and visit["state"] == "given":
        raise ValidationError("{code} was given; correct the administration instead.", code=dose_code)
    with store.acting(auth.actor(user), reason) as tx:
        visit = open_visit(store, tx, person, dose_code, local_today())
        repo.update(tx, "dose_visits", visit["id"], {"state": "missed"})
    return store.last_changes


def undo_missed(store: Store, user: User, participant_id: str, dose_code: str, reason: str) -> ChangeSet:
    """A dose recorded as not given by mistake is open again (reason required; the audit trail keeps it)."""
    require(user, Action.RECORD_DOSE)
    if not (reason or "").strip():
        raise ValidationError("Give a reason for the correction.", field="reason")
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    if visit is None or visit["state"] not in ("missed", "not_given"):
        raise ValidationError("{code} is not recorded as not given.", code=dose_code)
    with store.acting(auth.actor(user), reason) as tx:
        repo.update(tx, "dose_visits", visit["id"], {"state": "open"})
    return store.last_changes


# --- everything recorded at one visit ---------------------------------------------------------------

@dataclass(frozen=True)
class VisitRecord:
    """Everything recorded for one dose visit, as this user may see it."""

    dose_code: str
    state: str
    visit_date: date | None
    labs: tuple[LabView, ...]
    premedication: Mapping[str, datetime]  # drug code -> local time given
    pregnancy_test: str | None
    administration: Mapping[str, object] | None
    verdict: str | None
    window_reason: str | None
    override_reason: str | None
    adverse_events: tuple[Mapping[str, object], ...]


def visit_record(store: Store, user: User, participant_id: str, dose_code: str) -> VisitRecord:
    """What was recorded at dose ``dose_code`` (an empty, open record before anything was)."""
    require(user, Action.VIEW_CLINICAL)
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    if visit is None:
        return VisitRecord(dose_code, "open", None, (), {}, None, None, None, None, None, ())
    first = first_dose_at(store.db, participant_id)
    viewer = blinding.read_once(user)
    labs = tuple(lab_view(viewer, r, first) for r in repo.results(store.db, participant_id)
                 if r["dose_visit_id"] == visit["id"])
    premeds = _premedication_times(store, visit)
    admin = repo.administration(store.db, visit["id"])
    if admin is not None:  # who gave it, by name (the row keeps the user id)
        who = users_repo.get(store.db, admin["given_by"])
        admin = {**admin, "given_by_name": f"{who.full_name} ({who.username})" if who else admin["given_by"]}
    aes = tuple(a for a in repo.adverse_events(store.db, participant_id) if a["reported_visit_id"] == visit["id"])
    return VisitRecord(dose_code, visit["state"], _stored_day(visit["visit_date"]), labs, premeds,
                       visit["pregnancy_test"], admin, visit["verdict"], visit["window_reason"],
                       visit["override_reason"], aes)


def _last_dose_code() -> str:
    """The protocol's last dose (D5): once given, the participant is in follow-up."""
    return protocol().schedule.doses[-1].code
