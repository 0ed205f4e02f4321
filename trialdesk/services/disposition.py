"""Disposition: the participant's course after enrolment as explicit, audited events (issue 11).

Core used by every service that records new data for a participant (:func:`check_allowed`) and by those
that change the course (:func:`record_event`, inside the caller's transaction). The rules are in
``trialdesk.domain.disposition``; the rows in ``dispositions`` (``trialdesk.db.contacts``).
"""

from __future__ import annotations

from datetime import date

from trialdesk.db import contacts as repo
from trialdesk.db import participants as participants_repo
from trialdesk.db import visits as visits_repo
from trialdesk.db.connection import Store
from trialdesk.domain.disposition import EVENT_STATUS, Activity, Course, Event, refusal
from trialdesk.domain.people import User
from trialdesk.domain.status import ParticipantStatus
from trialdesk.errors import ValidationError
from trialdesk.services.rules import next_status

__all__ = ["Activity", "Event", "check_allowed", "course", "record_event"]


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:  # a bad value already in a store never breaks a read
        return None


def course(db, person: dict) -> Course:
    """Where ``person`` (a participant row) is: status, study drug discontinued on, withdrawal and its scope,
    and the date of the event that led to the status."""
    status = ParticipantStatus(person["status"])
    events = repo.dispositions(db, person["id"])
    withdrawal = next((e for e in reversed(events) if e["event"] == Event.CONSENT_WITHDRAWN.value), None)
    latest = next((e for e in reversed(events) if e["to_status"] == status.value), None)
    return Course(status=status, drug_discontinued_on=_day(person.get("study_drug_discontinued_on")),
                  withdrawn_on=_day(withdrawal["event_date"]) if withdrawal else None,
                  withdrawal_scope=withdrawal["withdrawal_scope"] if withdrawal else None,
                  since=_day(latest["event_date"]) if latest else None)


def check_allowed(db, person: dict, activity: Activity, *, field: str | None = None) -> None:
    """ValidationError saying why, when the participant's course does not allow recording ``activity`` now."""
    refused = refusal(course(db, person), activity)
    if refused is not None:
        template, values = refused
        raise ValidationError(template, field=field, study_id=person.get("study_id", ""), **values)


def record_event(store: Store, tx, user: User, person: dict, event: Event | str, day: date, reason: str, *,
                 withdrawal_scope: str | None = None, adverse_event_id: str | None = None,
                 contact_id: str | None = None) -> dict:
    """Write one disposition event and the status it leads to, inside the caller's transaction ``tx``.

    The status change must be one the protocol allows (ValidationError naming both otherwise); the study drug
    discontinued also records its date on the participant. Returns the disposition row."""
    event = Event(event)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Give the reason.", field="reason")
    before = ParticipantStatus(person["status"])
    after = EVENT_STATUS[event]
    values = {}
    if event is Event.STUDY_DRUG_DISCONTINUED:
        if person.get("study_drug_discontinued_on"):
            raise ValidationError("The study drug was already discontinued on {day}.",
                                  day=person["study_drug_discontinued_on"])
        values["study_drug_discontinued_on"] = day.isoformat()
        if before is ParticipantStatus.FOLLOW_UP:
            raise ValidationError("The treatment period is already over: there is no study drug to discontinue.")
    new_status = next_status(before.value, after) if after is not before else before.value
    row = visits_repo.insert(tx, "dispositions", store.info.site_code, {
        "participant_id": person["id"], "event": event.value, "event_date": day.isoformat(), "reason": reason,
        "from_status": before.value, "to_status": new_status, "withdrawal_scope": withdrawal_scope,
        "adverse_event_id": adverse_event_id, "contact_id": contact_id, "recorded_by": user.id})
    if new_status != before.value:
        values["status"] = new_status
    if values:
        participants_repo.update(tx, person["id"], **values)
    return row
