"""Contacts after the first dose: the rules of recording one that need no store (no Qt, no SQL).

A contact is a planned non-dose visit of the calendar (``trialdesk.domain.schedule``): a phone follow-up, a
doctor consultation, the end of study or a long-term follow-up. Phone follow-ups and long-term follow-ups are
*calls*: each call is an attempt with its time and outcome, and the contact is done once the participant is
reached. A consultation records the physical examination and the vital signs; its blood tests are lab samples
of their own (context ``consultation``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from trialdesk.domain.administration import VITAL_LIMITS
from trialdesk.domain.disposition import Activity
from trialdesk.domain.errors import RuleViolation

__all__ = [
    "ATTEMPT_OUTCOMES",
    "CALL_KINDS",
    "CONTACT_KINDS",
    "CONTACT_VITAL_LIMITS",
    "KIND_ACTIVITY",
    "NOTE_MAX",
    "ContactAttempt",
    "ContactVitals",
    "check_attempt",
    "check_contact_vitals",
    "outside_window",
]

CONTACT_KINDS = ("phone", "consultation", "end_of_study", "follow_up")
"""The kinds of planned visit that are contacts (every kind of the calendar but ``dose``)."""
CALL_KINDS = frozenset({"phone", "follow_up"})
"""Contacts made by telephone: attempts are recorded, and they are the calls of the day on the Today list."""
ATTEMPT_OUTCOMES = ("reached", "no_answer", "voicemail", "wrong_number", "other")
"""What one call attempt came to (the stored values of ``contact_attempts.outcome``)."""
KIND_ACTIVITY = {"phone": Activity.CONTACT, "follow_up": Activity.CONTACT, "consultation": Activity.CONSULTATION,
                 "end_of_study": Activity.END_OF_STUDY}
"""The disposition activity each kind of contact records (what the participant's course must still allow)."""
CONTACT_VITAL_LIMITS = {**VITAL_LIMITS, "weight_kg": (25.0, 300.0)}
"""Plausible vital signs at a consultation (the injection's ranges, and weight in kg): outside is a typing error."""
NOTE_MAX = 2000
"""Characters of a free-text note or finding."""


@dataclass(frozen=True)
class ContactAttempt:
    """One call: when (timezone-aware), its outcome (:data:`ATTEMPT_OUTCOMES`) and an optional note."""

    attempted_at: datetime
    outcome: str
    note: str | None = None


@dataclass(frozen=True)
class ContactVitals:
    """Vital signs at a consultation; None where not measured."""

    bp_sys: int | None = None
    bp_dia: int | None = None
    pulse: int | None = None
    temp: float | None = None
    weight_kg: float | None = None


def check_attempt(attempt: ContactAttempt) -> None:
    """An attempt's time (timezone-aware), outcome and note; the time's bounds (not in the future, not before the
    first dose) are the service's. :class:`RuleViolation` at ``attempted_at`` / ``outcome`` / ``attempt_note``."""
    if attempt.attempted_at.tzinfo is None:
        raise RuleViolation("The time needs a time zone.", field="attempted_at")
    if attempt.outcome not in ATTEMPT_OUTCOMES:
        raise RuleViolation("Choose how the call went.", field="outcome")
    if attempt.note is not None and len(attempt.note) > NOTE_MAX:
        raise RuleViolation("The note is too long (at most {max} characters).", field="attempt_note", max=NOTE_MAX)


def check_contact_vitals(vitals: ContactVitals) -> None:
    """Each measured vital sign within :data:`CONTACT_VITAL_LIMITS`, and the diastolic pressure below the systolic
    (field: the vital sign's name, e.g. ``pulse``)."""
    for name, (low, high) in CONTACT_VITAL_LIMITS.items():
        value = getattr(vitals, name)
        if value is not None and not (low <= value <= high):
            raise RuleViolation("{value} is not a plausible value ({low}–{high}).", field=name, value=value,
                                low=low, high=high)
    if vitals.bp_sys is not None and vitals.bp_dia is not None and vitals.bp_dia >= vitals.bp_sys:
        raise RuleViolation("The diastolic pressure ({dia}) must be lower than the systolic ({sys}).",
                            field="bp_dia", dia=vitals.bp_dia, sys=vitals.bp_sys)
    if (vitals.bp_sys is None) != (vitals.bp_dia is None):
        raise RuleViolation("Enter both blood pressure values, or neither.",
                            field="bp_dia" if vitals.bp_dia is None else "bp_sys")


def outside_window(day: date, window_start: date, window_end: date) -> bool:
    """Whether a contact on ``day`` is outside its window (ends included): it then needs a reason, as a dose
    outside its window does."""
    return not window_start <= day <= window_end
