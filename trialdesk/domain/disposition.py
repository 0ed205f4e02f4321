"""Disposition: the events that change a participant's course after enrolment, and what each state still allows.

Pure rules (no store, no Qt). The services ask :func:`refusal` before they record anything new for a
participant; corrections of values already stored are not "new" and stay possible in every state (the audit
trail keeps both), so is the disposition record itself.

States and what they block (the words are English source text, translated by the services' messages):

============================  =========================================================================
on treatment                  nothing
study drug discontinued       doses (no more injections); contacts, blood tests at consultations, AEs,
                              concomitant medications continue (follow-up to the end of study)
follow-up (after the last     doses
dose)
completed (end of study       doses, the consultations' blood tests and the end of study; the long-term
signed)                       follow-up contacts, AEs and medications go on
consent withdrawn, no         everything new: the participant agreed to nothing more (what was collected
further contact               before stays, as the consent form says)
consent withdrawn, safety     doses and blood tests; phone contacts and AEs (and the medications given
follow-up                     for them) as the participant agreed
lost to follow-up             everything new except an AE learned from another source (e.g. a hospital)
died                          everything new except AEs (a death is linked to its fatal AE)
============================  =========================================================================
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from trialdesk.domain.status import ParticipantStatus as S

__all__ = ["Activity", "Event", "EVENT_STATUS", "Course", "refusal", "WITHDRAWAL_SCOPES", "MIN_LOST_ATTEMPTS"]


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

WITHDRAWAL_SCOPES = ("no_further_contact", "safety_follow_up")
"""What a participant who withdraws consent may still agree to."""

MIN_LOST_ATTEMPTS = 3
"""Documented unsuccessful contact attempts before "lost to follow-up" (unless the protocol says otherwise)."""


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


def refusal(course: Course, activity: Activity) -> tuple[str, dict] | None:
    """None when ``activity`` may be recorded now, else ``(message, values)``: an English template that says
    why and what still may be done (``{since}`` is the ISO date of the event, filled by the caller's
    formatting)."""
    status = course.status
    since = (course.since or course.withdrawn_on or course.drug_discontinued_on)
    values = {"since": since.isoformat() if since else ""}
    if status in (S.CANDIDATE, S.SCREENING, S.SCREEN_FAILURE) and activity in _NOT_ENROLLED:
        return "Not enrolled yet: visits and contacts start with enrolment.", values
    if status is S.WITHDRAWN:
        if course.withdrawal_scope == "safety_follow_up" and activity in (
                Activity.CONTACT, Activity.ADVERSE_EVENT, Activity.MEDICATION):
            return None
        if course.withdrawal_scope == "safety_follow_up":
            return ("Consent withdrawn on {since}: the participant agreed to safety follow-up by phone only "
                    "(contacts, adverse events and the medications given for them). Values already stored can "
                    "still be corrected."), values
        return ("Consent withdrawn on {since}: nothing new may be recorded; the data collected before stay "
                "in the study. Values already stored can still be corrected."), values
    if status is S.DIED:
        if activity is Activity.ADVERSE_EVENT:
            return None
        return ("The participant died on {since}: only adverse events may still be recorded. Values already "
                "stored can still be corrected."), values
    if status is S.LOST_TO_FOLLOW_UP:
        if activity is Activity.ADVERSE_EVENT:
            return None
        return ("Lost to follow-up since {since}: only an adverse event learned from another source may be "
                "recorded. Values already stored can still be corrected."), values
    if activity is Activity.DOSE:
        if course.drug_discontinued_on is not None:
            values["since"] = course.drug_discontinued_on.isoformat()
            return ("The study drug was discontinued on {since}: no more doses. Follow-up continues to the "
                    "end of study."), values
        if status in (S.FOLLOW_UP, S.COMPLETED):
            return "The treatment period is over: no more doses.", values
    if status is S.COMPLETED and activity in (Activity.BLOOD_TEST, Activity.CONSULTATION, Activity.END_OF_STUDY):
        return ("The study was completed on {since}: only the long-term follow-up (contacts, adverse events, "
                "medications) goes on."), values
    return None
