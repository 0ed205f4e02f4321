"""Disposition: the events that change a participant's course after enrolment, and what each state still allows.

Pure rules (no store, no Qt). The services ask :func:`refusal` before they record anything new for a
participant; corrections of values already stored are not "new" and stay possible in every state (the audit
trail keeps both), so is the disposition record itself.

States and what they block (the words are English source text, translated by the services' messages):

============================  =========================================================================
candidate (no consent yet)    everything: nothing is recorded about a person before consent
screening, screen failure     visits, contacts and doses (they start with enrolment); AEs and
                              medications are recorded from consent on (E4 asks about earlier ones)
on treatment                  nothing
study drug discontinued       doses (no more injections); contacts, blood tests at consultations, AEs,
                              concomitant medications continue (follow-up to the end of study)
follow-up (after the last     doses
dose)
completed (end of study       doses, the consultations' blood tests and the end of study; the long-term
signed)                       follow-up contacts, AEs and medications go on
consent withdrawn, no         everything new: the participant agreed to nothing more (what was collected
further contact               before stays, as the consent form says)
consent withdrawn, safety     doses, blood tests, consultations and the end of study; phone contacts, AEs
follow-up                     and the medications given for an AE, as the participant agreed
lost to follow-up             everything new except an AE learned from another source (e.g. a hospital)
                              and the medications given for it
died                          everything new except AEs (a death is linked to its fatal AE) and the
                              medications given for them
============================  =========================================================================

Refinements of the first version (issue 11): a candidate has not consented, so nothing is recorded about
them (AEs were refused by the AE service already; medications were not); once consent is withdrawn with safety
follow-up, or the participant is lost or has died, a medication is recorded only when it was given for an
adverse event (the safety follow-up the participant agreed to, or what a hospital reports about an AE); a
refusal is a :class:`RuleViolation` so its message is a literal template the translation tools collect (write
each message out whole: a template built with ``+`` is not collected, and would show in English).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from trialdesk.domain.errors import RuleViolation
from trialdesk.domain.status import ParticipantStatus as S

__all__ = ["Activity", "Event", "EVENT_STATUS", "Course", "refusal", "refusals", "WITHDRAWAL_SCOPES",
           "MIN_LOST_ATTEMPTS", "NO_REASON_GIVEN", "DOSING_EVENTS", "COURSE_EVENTS"]


class Activity(str, enum.Enum):
    """Kinds of new data a service is about to record."""

    DOSE = "dose"                      # dose visit data: checklist, pre-dose blood, injection
    BLOOD_TEST = "blood_test"          # blood samples at a consultation
    CONTACT = "contact"                # phone follow-up, long-term follow-up (and the consultation itself)
    CONSULTATION = "consultation"      # a doctor consultation (examination, vital signs)
    END_OF_STUDY = "end_of_study"
    ADVERSE_EVENT = "adverse_event"
    MEDICATION = "medication"          # concomitant medication


class Event(str, enum.Enum):
    """Disposition events (the stored values of ``dispositions.event``)."""

    FIRST_DOSE = "first_dose"
    TREATMENT_COMPLETE = "treatment_complete"
    STUDY_DRUG_DISCONTINUED = "study_drug_discontinued"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    LOST_TO_FOLLOW_UP = "lost_to_follow_up"
    DEATH = "death"
    COMPLETED = "completed"


EVENT_STATUS: dict[Event, S] = {
    Event.FIRST_DOSE: S.ON_TREATMENT,
    Event.TREATMENT_COMPLETE: S.FOLLOW_UP,
    Event.STUDY_DRUG_DISCONTINUED: S.FOLLOW_UP,
    Event.CONSENT_WITHDRAWN: S.WITHDRAWN,
    Event.LOST_TO_FOLLOW_UP: S.LOST_TO_FOLLOW_UP,
    Event.DEATH: S.DIED,
    Event.COMPLETED: S.COMPLETED,
}
"""The status each event leads to."""

DOSING_EVENTS = frozenset({Event.FIRST_DOSE, Event.TREATMENT_COMPLETE})
"""Events the dose services record by themselves (the first and the last dose given)."""
COURSE_EVENTS = (Event.STUDY_DRUG_DISCONTINUED, Event.CONSENT_WITHDRAWN, Event.LOST_TO_FOLLOW_UP, Event.DEATH)
"""Events an investigator records (each with its own service); the end of study is signed on its contact."""

WITHDRAWAL_SCOPES = ("no_further_contact", "safety_follow_up")
"""What a participant who withdraws consent may still agree to."""

MIN_LOST_ATTEMPTS = 3
"""Documented unsuccessful contact attempts before "lost to follow-up" (unless the protocol says otherwise)."""

NO_REASON_GIVEN = "no reason given"
"""The stored reason of a withdrawal for which the participant gave none (they need not: consent form)."""


@dataclass(frozen=True)
class Course:
    """Where the participant is: status, the date the study drug was discontinued (None if not), and for a
    withdrawal its date and scope."""

    status: S
    drug_discontinued_on: date | None = None
    withdrawn_on: date | None = None
    withdrawal_scope: str | None = None
    since: date | None = None  # the date of the event that led to the status (for the messages)


_NOT_ENROLLED = {Activity.DOSE, Activity.BLOOD_TEST, Activity.CONTACT, Activity.CONSULTATION,
                 Activity.END_OF_STUDY}


def refusal(course: Course, activity: Activity, *, for_adverse_event: bool = False) -> RuleViolation | None:
    """None when ``activity`` may be recorded now, else a :class:`RuleViolation` (not raised) whose message
    says why and what still may be done; its ``since`` parameter is the date of the event (a ``date``: the
    services show it as people write dates). ``for_adverse_event``: the new data is a medication given for
    an adverse event of the participant (still recorded after a withdrawal with safety follow-up, a loss to
    follow-up or a death)."""
    status = course.status
    since = course.since or course.withdrawn_on or course.drug_discontinued_on
    medication_for_ae = activity is Activity.MEDICATION and for_adverse_event
    if status is S.CANDIDATE:
        return RuleViolation("No consent recorded yet: nothing is recorded about a candidate before consent.")
    if status in (S.SCREENING, S.SCREEN_FAILURE) and activity in _NOT_ENROLLED:
        return RuleViolation("Not enrolled yet: visits and contacts start with enrolment.")
    if status is S.WITHDRAWN:
        if course.withdrawal_scope == "safety_follow_up":
            if activity in (Activity.CONTACT, Activity.ADVERSE_EVENT) or medication_for_ae:
                return None
            if activity is Activity.MEDICATION:
                return RuleViolation(
                    "Consent withdrawn on {since}: the participant agreed to safety follow-up only, so a "
                    "medication is recorded only when it was given for an adverse event: link it to the event.",
                    field="adverse_event_id", since=since)
            return RuleViolation(
                "Consent withdrawn on {since}: the participant agreed to safety follow-up by phone only (contacts, "
                "adverse events and the medications given for them). Values already stored can still be corrected.",
                since=since)
        return RuleViolation(
            "Consent withdrawn on {since}: the participant agreed to no further contact, so nothing new may be "
            "recorded; the data collected before stay in the study. Values already stored can still be corrected.",
            since=since)
    if status is S.DIED:
        if activity is Activity.ADVERSE_EVENT or medication_for_ae:
            return None
        return RuleViolation(
            "The participant died on {since}: only adverse events (and the medications given for them) may still "
            "be recorded. Values already stored can still be corrected.", since=since)
    if status is S.LOST_TO_FOLLOW_UP:
        if activity is Activity.ADVERSE_EVENT or medication_for_ae:
            return None
        return RuleViolation(
            "Lost to follow-up since {since}: only an adverse event learned from another source (and the "
            "medications given for it) may be recorded. Values already stored can still be corrected.",
            since=since)
    if activity is Activity.DOSE:
        if course.drug_discontinued_on is not None:
            return RuleViolation("The study drug was discontinued on {since}: no more doses. Follow-up continues "
                                 "to the end of study.", since=course.drug_discontinued_on)
        if status in (S.FOLLOW_UP, S.COMPLETED):
            return RuleViolation("The treatment period is over: no more doses.")
    if status is S.COMPLETED and activity in (Activity.BLOOD_TEST, Activity.CONSULTATION, Activity.END_OF_STUDY):
        return RuleViolation("The study was completed on {since}: only the long-term follow-up (contacts, adverse "
                             "events, medications) goes on.", since=since)
    return None


def refusals(course: Course) -> dict[Activity, RuleViolation | None]:
    """Every activity and its refusal (None: may be recorded), in the order of :class:`Activity`."""
    return {activity: refusal(course, activity) for activity in Activity}
