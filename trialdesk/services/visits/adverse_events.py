"""Adverse events: recording and updating them, and the SAE reporting clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from trialdesk.clock import local_today, parse_utc, utc_iso, utc_now
from trialdesk.db import contacts as contacts_repo
from trialdesk.db import visits as repo
from trialdesk.db.changes import ChangeSet
from trialdesk.db.connection import Store
from trialdesk.domain.adverse_events import (
    ACTIONS_TAKEN,
    CAUSALITY,
    OUTCOMES,
    SAE_CRITERIA,
    AdverseEventInput,
    check_adverse_event,
    sae_due_at,
)
from trialdesk.domain.people import User
from trialdesk.domain.status import ParticipantStatus
from trialdesk.errors import ValidationError
from trialdesk.services import auth, bounds, disposition
from trialdesk.services.permissions import Action, require
from trialdesk.services.rules import rule_errors
from trialdesk.services.screening import protocol
from trialdesk.services.visits._common import participant

__all__ = [
    "ACTIONS_TAKEN", "CAUSALITY", "OUTCOMES", "AdverseEventInput", "SaeClock", "adverse_events",
    "mark_sae_reported", "open_sae_clocks", "record_adverse_event", "sae_due", "update_adverse_event",
]


def _columns(ae: AdverseEventInput, today: date) -> dict:
    """The ``adverse_events`` columns of a checked AE (ValidationError at the field for a broken rule)."""
    with rule_errors():
        check_adverse_event(protocol(), ae, today)
    return {
        "verbatim": ae.verbatim.strip(), "term": ae.term, "other_specify": (ae.other_specify or "").strip() or None,
        "ctcae_version": protocol().ctcae_version, "onset_date": ae.onset_date.isoformat(),
        "end_date": ae.end_date.isoformat() if ae.end_date else None, "grade": ae.grade,
        "serious": 1 if ae.serious else 0, **{c: int(c in ae.sae_criteria) for c in SAE_CRITERIA},
        "causality": ae.causality, "action_taken": ae.action_taken, "outcome": ae.outcome,
    }


def _check_ae_bounds(ae: AdverseEventInput, person: dict) -> None:
    """An AE's dates within the participant's bounds: onset not before their birth date; the moment the site
    became aware of a serious one not in the future and not before the onset day. ValidationError at the field."""
    born = bounds.birth_date_of(person)
    if bounds.before_day(ae.onset_date, born):
        raise ValidationError("The onset date {value} is before the participant's birth date ({limit}).",
                              field="onset_date", value=bounds.shown(ae.onset_date), limit=bounds.shown(born))
    if ae.serious and ae.aware_at is not None:
        _check_aware_at(ae.aware_at, ae.onset_date)


def _check_aware_at(aware_at: datetime, onset: date) -> None:
    if aware_at.tzinfo is None:
        raise ValidationError("The time needs a time zone.", field="aware_at")
    if bounds.after_now(aware_at):
        raise ValidationError("The time the site became aware, {value}, is in the future (now: {now}).",
                              field="aware_at", value=bounds.shown(aware_at), now=bounds.now_text())
    if bounds.before_day(aware_at, onset):
        raise ValidationError("The time the site became aware, {value}, is before the onset date ({limit}).",
                              field="aware_at", value=bounds.shown(aware_at), limit=bounds.shown(onset))


def stored_moment(text: str | None) -> datetime | None:
    """A moment read back from the store, or None when it is missing or unreadable (written by hand)."""
    try:
        return parse_utc(text) if text else None
    except (TypeError, ValueError):
        return None


def _due_at(aware_at: datetime) -> datetime:
    """The SAE deadline; an implausible awareness time already in a store (year 9999) is its own deadline
    rather than an error that would hide every open SAE."""
    try:
        return sae_due_at(protocol(), aware_at)
    except OverflowError:
        return aware_at


def sae_due(ae: dict) -> datetime | None:
    """When the SAE report of an AE row is due (None when it is not serious or its awareness time is unreadable);
    an awareness time at the very end of year 9999 already in a store is its own deadline."""
    aware = stored_moment(ae.get("aware_at")) if ae.get("serious") else None
    return _due_at(aware) if aware else None


def _saved(store: Store, ae_id: str) -> dict:
    current = repo.get_adverse_event(store.db, ae_id)
    if current is None:
        raise ValidationError("No such adverse event.")
    return current


def record_adverse_event(store: Store, user: User, participant_id: str, ae: AdverseEventInput,
                         dose_code: str | None = None, today: date | None = None, *,
                         contact_code: str | None = None) -> str:
    """Record an AE (reported at ``dose_code``'s visit, or at the contact ``contact_code`` — a phone follow-up's
    "new or worsening symptoms", a consultation, a long-term follow-up — if given). A serious one starts the 24 h
    clock."""
    require(user, Action.RECORD_AE)
    person = participant(store, participant_id)
    if person["status"] == ParticipantStatus.CANDIDATE.value:
        raise ValidationError("Adverse events are recorded from consent on.")
    disposition.check_allowed(store.db, person, disposition.Activity.ADVERSE_EVENT)
    values = _columns(ae, today or local_today())
    _check_ae_bounds(ae, person)
    if ae.serious:
        values["aware_at"] = utc_iso(ae.aware_at or utc_now())
    contact_id = None
    if contact_code:
        contact = contacts_repo.contact(store.db, participant_id, contact_code)
        if contact is None:
            raise ValidationError("Record the contact {code} first: the adverse event is reported at it.",
                                  code=contact_code)
        contact_id = contact["id"]
    with store.acting(auth.actor(user)) as tx:
        visit_id = None
        if dose_code:
            visit = repo.get_dose_visit(tx, participant_id, dose_code)
            visit_id = visit["id"] if visit else None
        row = repo.insert(tx, "adverse_events", store.info.site_code,
                          {**values, "participant_id": participant_id, "reported_visit_id": visit_id,
                           "reported_contact_id": contact_id})
    return row["id"]


def update_adverse_event(store: Store, user: User, ae_id: str, ae: AdverseEventInput, reason: str,
                         today: date | None = None) -> ChangeSet:
    """Change a saved AE (reason required); a newly serious one starts its clock, an old clock never moves."""
    require(user, Action.RECORD_AE)
    current = _saved(store, ae_id)
    values = _columns(ae, today or local_today())
    _check_ae_bounds(ae, participant(store, current["participant_id"]))
    if ae.serious and not current["aware_at"]:
        values["aware_at"] = utc_iso(ae.aware_at or utc_now())
    with store.acting(auth.actor(user), reason) as tx:
        repo.update(tx, "adverse_events", ae_id, values)
    return store.last_changes


def mark_sae_reported(store: Store, user: User, ae_id: str, reported_at: datetime | None = None) -> ChangeSet:
    """Stop the SAE clock: the report reached the sponsor."""
    require(user, Action.RECORD_AE)
    current = _saved(store, ae_id)
    if not current["serious"]:
        raise ValidationError("Only serious adverse events are reported on the 24-hour clock.")
    reported_at = reported_at or utc_now()
    if reported_at.tzinfo is None:
        raise ValidationError("The time needs a time zone.", field="sae_reported_at")
    if bounds.after_now(reported_at):
        raise ValidationError("The time the SAE was reported, {value}, is in the future (now: {now}).",
                              field="sae_reported_at", value=bounds.shown(reported_at), now=bounds.now_text())
    aware = stored_moment(current.get("aware_at"))
    if aware is not None and reported_at < aware:
        raise ValidationError("The time the SAE was reported, {value}, is before the site became aware of it "
                              "({limit}).", field="sae_reported_at", value=bounds.shown(reported_at),
                              limit=bounds.shown(aware))
    with store.acting(auth.actor(user), "SAE reported to the sponsor") as tx:
        repo.update(tx, "adverse_events", ae_id, {"sae_reported_at": utc_iso(reported_at)})
    return store.last_changes


@dataclass(frozen=True)
class SaeClock:
    """An open SAE and when its report is due."""

    ae_id: str
    participant_id: str
    study_id: str
    term: str
    aware_at: datetime
    due_at: datetime

    def remaining(self, now: datetime | None = None) -> timedelta:
        """Time left until the report is due (negative once overdue)."""
        return self.due_at - (now or utc_now())


def open_sae_clocks(store: Store, user: User) -> list[SaeClock]:
    """Serious AEs not yet marked reported, with the deadline (aware + the protocol's hours)."""
    require(user, Action.VIEW_CLINICAL)
    return [SaeClock(r.ae_id, r.participant_id, r.study_id, r.term, r.aware_at, _due_at(r.aware_at))
            for r in repo.open_saes(store.db)]


def adverse_events(store: Store, user: User, participant_id: str) -> list[dict]:
    """The participant's AE log, oldest onset first."""
    require(user, Action.VIEW_CLINICAL)
    return repo.adverse_events(store.db, participant_id)
