"""Concomitant medications (CM): add, change with a reason, stop, list (issue 11).

A medication the protocol forbids (its ``[concomitant_medications]``: E4, long-term systemic immunosuppressants)
is never refused and never saved silently: the record is flagged with the class (``forbidden_class``) and the
save asks for a confirmation (:class:`ConfirmationNeeded` at ``forbidden_reason``). An investigator confirms with
a note of why (``forbidden_reason``); a nurse confirms that it is saved flagged for the investigator's review,
which :func:`review_forbidden` records. A medication given for an adverse event names it (an AE of the same
participant, which began on or before the start). Premedication before each dose is the dose visit's own record
(``services.visits.record_premedication``), never one of these.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from trialdesk.clock import local_today
from trialdesk.db import medications as repo
from trialdesk.db import participants as participants_repo
from trialdesk.db import visits as visits_repo
from trialdesk.db.changes import ChangeSet
from trialdesk.db.connection import Store
from trialdesk.domain.medications import ROUTES, MedicationInput, check_medication, forbidden_match
from trialdesk.domain.people import User
from trialdesk.domain.protocol import ForbiddenMedication
from trialdesk.errors import ConfirmationNeeded, ValidationError
from trialdesk.services import auth, bounds, disposition
from trialdesk.services.permissions import Action, allowed, require
from trialdesk.services.rules import rule_errors
from trialdesk.services.screening import protocol

__all__ = [
    "ROUTES", "Medication", "MedicationInput", "add_medication", "all_medications", "class_label", "forbidden_class",
    "forbidden_classes", "list_medications", "review_forbidden", "stop_medication", "update_medication",
]


@dataclass(frozen=True)
class Medication:
    """One concomitant medication as the screens and exports read it (CDISC CM: ``name`` is CMTRT)."""

    id: str
    participant_id: str
    study_id: str
    name: str
    indication: str | None
    dose: str | None
    dose_unit: str | None
    frequency: str | None
    route: str | None
    start_date: date | None
    stop_date: date | None
    ongoing: bool
    adverse_event_id: str | None
    forbidden_class: str | None
    forbidden_reason: str | None
    created_at: str

    @property
    def awaiting_review(self) -> bool:
        """Flagged as forbidden and not yet reviewed by an investigator (no note)."""
        return bool(self.forbidden_class) and not self.forbidden_reason

    def as_input(self) -> MedicationInput:
        return MedicationInput(name=self.name, start_date=self.start_date, indication=self.indication,
                               dose=self.dose, dose_unit=self.dose_unit, frequency=self.frequency, route=self.route,
                               stop_date=self.stop_date, ongoing=self.ongoing, adverse_event_id=self.adverse_event_id)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _medication(row: dict) -> Medication:
    return Medication(
        id=row["id"], participant_id=row["participant_id"], study_id=row["study_id"], name=row["name"],
        indication=row["indication"], dose=row["dose"], dose_unit=row["dose_unit"], frequency=row["frequency"],
        route=row["route"], start_date=_day(row["start_date"]), stop_date=_day(row["stop_date"]),
        ongoing=bool(row["ongoing"]), adverse_event_id=row["adverse_event_id"],
        forbidden_class=row["forbidden_class"], forbidden_reason=row["forbidden_reason"], created_at=row["created_at"])


def forbidden_classes() -> tuple[ForbiddenMedication, ...]:
    """The classes of medications the protocol forbids, and (``protocol().medications.criterion``) the criterion."""
    return protocol().medications.forbidden


def forbidden_class(name: str, route: str | None = None) -> ForbiddenMedication | None:
    """The forbidden class ``name`` (given by ``route``) belongs to, or None: the dialog shows it while typing."""
    return forbidden_match(protocol().medications, name or "", route)


def _class_by_code(code: str | None) -> ForbiddenMedication | None:
    return next((c for c in forbidden_classes() if c.code == code), None)


# --- checks ------------------------------------------------------------------------------------------------

def _participant(store: Store, participant_id: str) -> dict:
    person = participants_repo.row(store.db, participant_id)
    if person is None:
        raise ValidationError("No such participant.")
    return person


def _checked(store: Store, person: dict, med: MedicationInput, today: date) -> MedicationInput:
    """``med`` tidied and within its bounds, or ValidationError at the field."""
    with rule_errors():
        med = check_medication(med, today)
    born = bounds.birth_date_of(person)
    if bounds.before_day(med.start_date, born):
        raise ValidationError("The start date {value} is before the participant's birth date ({limit}).",
                              field="start_date", value=bounds.shown(med.start_date), limit=bounds.shown(born))
    if med.start_date < bounds.EARLIEST_DAY:
        raise ValidationError("The start date {value} is before {limit}: check the year.", field="start_date",
                              value=bounds.shown(med.start_date), limit=bounds.shown(bounds.EARLIEST_DAY))
    if med.adverse_event_id:
        ae = visits_repo.get_adverse_event(store.db, med.adverse_event_id)
        if ae is None or ae["participant_id"] != person["id"]:
            raise ValidationError("That adverse event is not one of this participant's.", field="adverse_event_id")
        onset = _day(ae["onset_date"])
        if onset is not None and med.start_date < onset:
            raise ValidationError("The start date {value} is before the onset of the adverse event it was given for "
                                  "({limit}).", field="start_date", value=bounds.shown(med.start_date),
                                  limit=bounds.shown(onset))
    return med


def _forbidden_columns(user: User, med: MedicationInput, *, note: str | None, acknowledged: bool,
                       saved: dict | None = None) -> tuple[dict, str | None]:
    """The ``forbidden_class`` / ``forbidden_reason`` columns for ``med``, and an audit note; ConfirmationNeeded
    when the protocol forbids it and the user has not confirmed (an investigator: with a note)."""
    match = forbidden_match(protocol().medications, med.name, med.route)
    if match is None:
        return {"forbidden_class": None, "forbidden_reason": None}, None
    note = " ".join((note or "").split()) or None
    criterion = protocol().medications.criterion or ""
    if saved is not None and saved.get("forbidden_class") == match.code and not note:
        # The same class as already saved: its review (or its awaiting one) stands.
        return {"forbidden_class": match.code, "forbidden_reason": saved.get("forbidden_reason")}, None
    if allowed(user, Action.CONFIRM_FORBIDDEN_MEDICATION):
        if not note:
            raise ConfirmationNeeded(
                "{name} is among the medications the protocol forbids ({criterion}: {label}). It is saved flagged: "
                "write why it is given (or was, before the study) to confirm.", field="forbidden_reason",
                name=med.name, criterion=criterion, label=match.label_en)
        return {"forbidden_class": match.code, "forbidden_reason": note}, f"forbidden medication confirmed: {note}"
    if not acknowledged:
        raise ConfirmationNeeded(
            "{name} is among the medications the protocol forbids ({criterion}: {label}). Confirm to save it "
            "flagged for the investigator's review.", field="forbidden_reason", name=med.name, criterion=criterion,
            label=match.label_en)
    return ({"forbidden_class": match.code, "forbidden_reason": None},
            "forbidden medication saved for the investigator's review" + (f": {note}" if note else ""))


def _columns(med: MedicationInput) -> dict:
    return {"name": med.name, "indication": med.indication, "dose": med.dose, "dose_unit": med.dose_unit,
            "frequency": med.frequency, "route": med.route,
            "start_date": med.start_date.isoformat() if med.start_date else None,
            "stop_date": med.stop_date.isoformat() if med.stop_date else None, "ongoing": int(med.ongoing),
            "adverse_event_id": med.adverse_event_id}


def _saved(store: Store, medication_id: str) -> dict:
    row = repo.get(store.db, medication_id)
    if row is None:
        raise ValidationError("No such medication.")
    return row


# --- use cases ---------------------------------------------------------------------------------------------

def add_medication(store: Store, user: User, participant_id: str, med: MedicationInput, *,
                   forbidden_note: str | None = None, forbidden_acknowledged: bool = False,
                   today: date | None = None) -> str:
    """Record a concomitant medication of the participant; returns its id.

    Refused when the participant's course does not allow it (e.g. after a withdrawal with safety follow-up,
    only a medication given for an adverse event). One the protocol forbids raises :class:`ConfirmationNeeded`
    at ``forbidden_reason`` until confirmed: by an investigator with ``forbidden_note`` (why), by anyone else
    with ``forbidden_acknowledged`` (saved for the investigator's review)."""
    require(user, Action.RECORD_MEDICATION)
    person = _participant(store, participant_id)
    disposition.check_allowed(store.db, person, disposition.Activity.MEDICATION,
                              for_adverse_event=bool(med.adverse_event_id))
    med = _checked(store, person, med, today or local_today())
    flag, note = _forbidden_columns(user, med, note=forbidden_note, acknowledged=forbidden_acknowledged)
    with store.acting(auth.actor(user), note) as tx:
        row = repo.insert(tx, store.info.site_code, {"participant_id": participant_id, **_columns(med), **flag})
    return row["id"]


def update_medication(store: Store, user: User, medication_id: str, med: MedicationInput, reason: str, *,
                      forbidden_note: str | None = None, forbidden_acknowledged: bool = False,
                      today: date | None = None) -> ChangeSet:
    """Change a saved medication (a correction: reason required; allowed in every state of the course). A name or
    route that now matches a forbidden class asks for the confirmation as :func:`add_medication` does."""
    require(user, Action.RECORD_MEDICATION)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Give the reason for the change.", field="reason")
    saved = _saved(store, medication_id)
    person = _participant(store, saved["participant_id"])
    med = _checked(store, person, med, today or local_today())
    flag, note = _forbidden_columns(user, med, note=forbidden_note, acknowledged=forbidden_acknowledged, saved=saved)
    with store.acting(auth.actor(user), reason + (f"; {note}" if note else "")) as tx:
        repo.update(tx, medication_id, {**_columns(med), **flag})
    return store.last_changes


def stop_medication(store: Store, user: User, medication_id: str, stop_date: date | None,
                    reason: str | None = None, today: date | None = None) -> ChangeSet:
    """An ongoing medication was stopped on ``stop_date`` (not before its start, not in the future)."""
    require(user, Action.RECORD_MEDICATION)
    saved = _saved(store, medication_id)
    if not saved["ongoing"]:
        raise ValidationError("This medication is not ongoing: change its stop date instead.")
    if stop_date is None:
        raise ValidationError("Enter the stop date.", field="stop_date")
    current = _medication(saved)
    med = replace(current.as_input(), ongoing=False, stop_date=stop_date)
    with rule_errors():
        check_medication(med, today or local_today())
    reason = " ".join((reason or "").split()) or f"stopped on {bounds.shown(stop_date)}"
    with store.acting(auth.actor(user), reason) as tx:
        repo.update(tx, medication_id, {"ongoing": 0, "stop_date": stop_date.isoformat()})
    return store.last_changes


def review_forbidden(store: Store, user: User, medication_id: str, note: str) -> ChangeSet:
    """An investigator's note on a flagged medication (why it is given, or what was done): the review a nurse's
    entry awaits, or a new note on one already reviewed."""
    require(user, Action.CONFIRM_FORBIDDEN_MEDICATION)
    saved = _saved(store, medication_id)
    if not saved["forbidden_class"]:
        raise ValidationError("This medication is not among those the protocol forbids.")
    note = " ".join((note or "").split())
    if not note:
        raise ValidationError("Write why the medication is given (or what was done about it).",
                              field="forbidden_reason")
    with store.acting(auth.actor(user), f"forbidden medication reviewed: {note}") as tx:
        repo.update(tx, medication_id, {"forbidden_reason": note})
    return store.last_changes


def list_medications(store: Store, user: User, participant_id: str) -> list[Medication]:
    """The participant's concomitant medications, by start date."""
    require(user, Action.VIEW_CLINICAL)
    return [_medication(r) for r in repo.for_participant(store.db, participant_id)]


def all_medications(store: Store, user: User) -> list[Medication]:
    """Every participant's concomitant medications, by study id and start date (the CSV's CM domain)."""
    require(user, Action.VIEW_CLINICAL)
    return [_medication(r) for r in repo.all_medications(store.db)]


def class_label(code: str | None, language: str = "en") -> str:
    """The words of a stored forbidden class code ("" for None; the code itself when the protocol no longer has it)."""
    found = _class_by_code(code)
    if found is None:
        return code or ""
    return found.label_nb if language == "nb" else found.label_en
