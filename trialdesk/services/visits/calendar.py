"""The visit calendar of an enrolled participant: schedule, opening a dose visit, timeline, the "today" list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from trialdesk.clock import LOCAL_TZ, local_today
from trialdesk.db import contacts as contacts_repo
from trialdesk.db import screening as screening_repo
from trialdesk.db import visits as repo
from trialdesk.db.connection import Store
from trialdesk.domain.contacts import CALL_KINDS, KIND_ACTIVITY
from trialdesk.domain.disposition import Activity, Course, refusal
from trialdesk.domain.people import User
from trialdesk.domain.schedule import PlannedVisit, build_schedule, visit_state
from trialdesk.domain.status import DOSING, TREATMENT_OVER, ParticipantStatus
from trialdesk.errors import ValidationError
from trialdesk.services import disposition
from trialdesk.services.permissions import Action, require
from trialdesk.services.screening import protocol
from trialdesk.services.visits._common import first_dose_at, participant

__all__ = ["DueRow", "TimelineRow", "due_today", "schedule_of", "timeline"]


def schedule_of(store: Store, participant: dict):
    """The participant's calendar from the protocol, with the actual first dose once given.

    ``participant`` needs ``id`` and ``inclusion_date`` (ISO text) of the participant row."""
    if not participant.get("inclusion_date"):
        raise ValidationError("The participant is not enrolled: no visit calendar yet.")
    first = first_dose_at(store.db, participant["id"])
    first_day = first.astimezone(LOCAL_TZ).date() if first else None
    return build_schedule(protocol(), date.fromisoformat(participant["inclusion_date"]),
                          (first_day,) if first_day else ())


def dose_visit_plan(store: Store, participant: dict, dose_code: str) -> PlannedVisit:
    """The planned dose ``dose_code`` of the participant's calendar (ValidationError for another code)."""
    try:
        visit = schedule_of(store, participant).visit(dose_code)
    except KeyError:
        raise ValidationError("{code} is not a dose of this protocol.", code=dose_code) from None
    if visit.kind != "dose":
        raise ValidationError("{code} is not a dose visit.", code=dose_code)
    return visit


def open_visit(store: Store, tx, participant: dict, dose_code: str, day: date) -> dict:
    """The dose visit row (created open on first use) for new visit data; refused before enrolment and
    after the treatment period."""
    status = ParticipantStatus(participant["status"])
    if status in TREATMENT_OVER:
        raise ValidationError("{study_id} is {status}: no new dose visit data (saved values can still be "
                              "corrected).", study_id=participant["study_id"], status=status.words)
    if status not in DOSING:
        raise ValidationError("No dose visit before enrolment: {study_id} is {status}.",
                              study_id=participant["study_id"], status=status.words)
    disposition.check_allowed(store.db, participant, disposition.Activity.DOSE)  # e.g. study drug discontinued
    dose_visit_plan(store, participant, dose_code)
    return repo.ensure_dose_visit(tx, store.info.site_code, participant["id"], dose_code, day.isoformat())


def sync_calendar(store: Store, tx, participant_id: str) -> None:
    """Move planned dates after the first dose (doses count from it) and mark given doses done."""
    schedule = schedule_of(store, participant(store, participant_id))
    given = {r["dose_code"]: date.fromisoformat(r["visit_date"])
             for r in repo.dose_visits(tx, participant_id) if r["state"] == "given"}
    planned = {v.code: v for v in screening_repo.visits(tx, participant_id)}
    for visit in schedule.visits:
        row = planned.get(visit.code)
        if row is None:
            continue
        moved = {}
        if (row.target_date, row.window_start, row.window_end) != (visit.target, visit.window_start, visit.window_end):
            moved = {"target_date": visit.target, "window_start": visit.window_start, "window_end": visit.window_end}
        done_on = given[visit.code] if visit.code in given and row.done_on != given[visit.code] else None
        if moved or done_on:
            screening_repo.update_visit(tx, row.id, done_on=done_on, **moved)


@dataclass(frozen=True)
class TimelineRow:
    """One line of a participant's calendar with its state on ``today`` (colour AND text in the UI)."""

    code: str
    kind: str
    label_en: str
    label_nb: str
    target: date
    window_start: date
    window_end: date
    state: str  # upcoming | due | overdue | done | missed | cancelled
    done_on: date | None


def timeline(store: Store, user: User, participant_id: str, today: date | None = None) -> list[TimelineRow]:
    """The visit calendar (baseline → doses → contacts → end of study) with each visit's state."""
    require(user, Action.VIEW_CLINICAL)
    today = today or local_today()
    missed = {r["dose_code"] for r in repo.dose_visits(store.db, participant_id) if r["state"] in ("missed", "not_given")}
    missed |= contacts_repo.missed_codes(store.db, participant_id)  # a contact recorded missed, with its reason
    # A visit the participant's course no longer allows (a dose after the study drug was discontinued, every
    # visit after a withdrawal with no further contact …) is cancelled, not overdue.
    course = disposition.course(store.db, participant(store, participant_id))
    allowed_kinds = {kind: refusal(course, activity) is None for kind, activity in _VISIT_ACTIVITY.items()}
    out = []
    for v in screening_repo.visits(store.db, participant_id):
        plan = PlannedVisit(v.code, v.kind, v.label_en, v.label_nb, v.target_date, v.window_start, v.window_end)
        cancelled = not allowed_kinds.get(v.kind, True)
        out.append(TimelineRow(v.code, v.kind, v.label_en, v.label_nb, v.target_date, v.window_start, v.window_end,
                               visit_state(plan, today, v.done_on, v.code in missed, cancelled), v.done_on))
    return out


_VISIT_ACTIVITY = {"dose": Activity.DOSE, "phone": Activity.CONTACT, "consultation": Activity.CONSULTATION,
                   "end_of_study": Activity.END_OF_STUDY, "follow_up": Activity.CONTACT}
"""The activity of the disposition rules each kind of planned visit is."""


@dataclass(frozen=True)
class DueRow:
    """A participant with a visit due (or overdue) on the day: the main window's "today" list.

    ``kind`` is the planned visit's (dose, phone, consultation, end_of_study, follow_up); ``attempts`` the calls
    already made for a contact not reached yet; ``call`` whether it is a call to make (phone and long-term
    follow-ups)."""

    participant_id: str
    study_id: str
    code: str
    label_en: str
    label_nb: str
    target: date
    window_end: date
    state: str
    kind: str = "dose"
    attempts: int = 0

    @property
    def call(self) -> bool:
        return self.kind in CALL_KINDS


# What a status still expects of its contacts: after the end of study only the long-term follow-ups.
_CONTACT_STATUSES = tuple(sorted(s.value for s in (*DOSING, ParticipantStatus.FOLLOW_UP, ParticipantStatus.COMPLETED,
                                                   ParticipantStatus.WITHDRAWN)))


def due_order(row: DueRow) -> tuple:
    """The Today list's order: by window end, then study id, a dose before a contact, then visit code."""
    return (row.window_end, row.study_id, row.kind != "dose", row.code)


def due_today(store: Store, user: User, today: date | None = None, *, only: list[str] | None = None
              ) -> list[DueRow]:
    """Every dose visit (the first open one of each participant) and every contact inside its window or overdue
    and not done (nor recorded missed), by window end then study id. A contact the participant's course refuses
    (consent withdrawn without safety follow-up, a consultation after withdrawal, anything before the end of
    study once it is signed) is left out; lost to follow-up and died are not asked for. ``only``: of these
    participants alone (at most 500: what a change touched)."""
    require(user, Action.VIEW_CLINICAL)
    today = today or local_today()
    if only is not None and len(only) > 500:
        raise ValueError("at most 500 participants at a time")
    only = None if only is None else list(only)
    out = []
    seen = set()
    for row in repo.due_doses(store.db, today, tuple(sorted(s.value for s in DOSING)), only):
        if row.participant_id in seen:  # only the first open dose of each participant
            continue
        seen.add(row.participant_id)
        state = "due" if today <= row.window_end else "overdue"
        out.append(DueRow(row.participant_id, row.study_id, row.code, row.label_en, row.label_nb, row.target,
                          row.window_end, state))
    due = contacts_repo.due_contacts(store.db, today, _CONTACT_STATUSES, only)
    # Whether a contact may still be recorded depends on the participant's status alone, but after a withdrawal,
    # whose scope says what is left (tests/domain/test_disposition.py holds the rule to that): only withdrawn
    # participants' disposition histories are read (reading every one's was half the list's time at 5,000).
    courses = disposition.courses(store.db, [row.participant_id for row in due
                                             if row.status == ParticipantStatus.WITHDRAWN.value])
    for row in due:
        course = courses.get(row.participant_id) or Course(status=ParticipantStatus(row.status))
        if course.status is ParticipantStatus.COMPLETED and row.kind != "follow_up":
            continue  # the end of study is signed: what was planned before it is over
        if refusal(course, KIND_ACTIVITY[row.kind]) is not None:
            continue
        state = "due" if today <= row.window_end else "overdue"
        out.append(DueRow(row.participant_id, row.study_id, row.code, row.label_en, row.label_nb, row.target,
                          row.window_end, state, row.kind, row.attempts))
    return sorted(out, key=due_order)
