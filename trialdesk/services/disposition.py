"""Disposition: the participant's course after enrolment as explicit, audited events (issue 11).

Core used by every service that records new data for a participant (:func:`check_allowed`) and by those
that change the course (:func:`record_event`, inside the caller's transaction). The rules are in
``trialdesk.domain.disposition``; the rows in ``dispositions`` (``trialdesk.db.dispositions``).

The investigator's use cases, one audited transaction each, with the date and the reason: :func:`discontinue_study_drug`,
:func:`withdraw_consent`, :func:`mark_lost_to_follow_up`, :func:`record_death`. The dose services record the first
and the last dose given by themselves; the end of study is recorded when it is e-signed (the contacts'
service). :func:`course_view` is what the workspace shows (status, since when, what may still be recorded, which
of the four events may be recorded now and why not); :func:`events` / :func:`all_events` list the events for the
screens, the printouts and the exports (CDISC DS).

Every date is bounded: not in the future, not before the participant's inclusion (a withdrawal: not before the
consent), not before the last disposition event or the last dose given; a loss to follow-up not before the last
successful contact; a death not before the onset of its fatal adverse event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Mapping

from trialdesk.clock import LOCAL_TZ, local_today, parse_utc
from trialdesk.db import contacts as contacts_repo
from trialdesk.db import dispositions as repo
from trialdesk.db import participants as participants_repo
from trialdesk.db import visits as visits_repo
from trialdesk.db.connection import Store
from trialdesk.domain.disposition import (
    COURSE_EVENTS,
    EVENT_STATUS,
    NO_REASON_GIVEN,
    WITHDRAWAL_SCOPES,
    Activity,
    Course,
    Event,
    refusal,
)
from trialdesk.domain.people import User
from trialdesk.domain.status import DOSING, ParticipantStatus
from trialdesk.errors import ValidationError
from trialdesk.services import auth, bounds
from trialdesk.services.permissions import Action, allowed, require
from trialdesk.services.rules import as_validation_error, next_status
from trialdesk.services.screening import protocol

__all__ = [
    "Activity", "AttemptCount", "CourseView", "DispositionEvent", "Event", "NO_REASON_GIVEN", "WITHDRAWAL_SCOPES",
    "all_events", "check_allowed", "course", "course_view", "discontinue_study_drug", "events",
    "fatal_adverse_events", "lost_attempts", "mark_lost_to_follow_up", "record_death", "record_event",
    "refusal_of", "withdraw_consent",
]

S = ParticipantStatus
_LOST_FROM = frozenset({S.ENROLLED, S.ON_TREATMENT, S.FOLLOW_UP, S.COMPLETED})
_DEATH_FROM = frozenset({S.ENROLLED, S.ON_TREATMENT, S.FOLLOW_UP, S.COMPLETED, S.LOST_TO_FOLLOW_UP, S.WITHDRAWN})
_WITHDRAW_FROM = frozenset({S.SCREENING, S.ENROLLED, S.ON_TREATMENT, S.FOLLOW_UP, S.COMPLETED})


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:  # a bad value already in a store never breaks a read
        return None


def _moment(text: str | None) -> datetime | None:
    try:
        return parse_utc(text) if text else None
    except (TypeError, ValueError):
        return None


def _participant(db, participant_id: str) -> dict:
    person = participants_repo.row(db, participant_id)
    if person is None:
        raise ValidationError("No such participant.")
    return person


# --- the course and what it allows -----------------------------------------------------------------------

def course(db, person: dict) -> Course:
    """Where ``person`` (a participant row) is: status, study drug discontinued on, withdrawal and its scope,
    and the date of the event that led to the status."""
    return _course(person, repo.events(db, person["id"]))


def courses(db, participant_ids) -> dict[str, Course]:
    """:func:`course` of several participants, read in two queries (the Today list at 5,000 participants asked
    two per participant)."""
    ids = list(dict.fromkeys(participant_ids))
    persons = participants_repo.rows_of(db, ids)
    events = repo.events_of(db, ids)
    return {pid: _course(person, events.get(pid, [])) for pid, person in persons.items()}


def _course(person: dict, rows: list[dict]) -> Course:
    status = ParticipantStatus(person["status"])
    withdrawal = next((e for e in reversed(rows) if e["event"] == Event.CONSENT_WITHDRAWN.value), None)
    latest = next((e for e in reversed(rows) if e["to_status"] == status.value), None)
    return Course(status=status, drug_discontinued_on=_day(person.get("study_drug_discontinued_on")),
                  withdrawn_on=_day(withdrawal["event_date"]) if withdrawal else None,
                  withdrawal_scope=withdrawal["withdrawal_scope"] if withdrawal else None,
                  since=_day(latest["event_date"]) if latest else None)


def _refused(the_course: Course, activity: Activity, person: dict, *, field: str | None = None,
             for_adverse_event: bool = False) -> ValidationError | None:
    violation = refusal(the_course, activity, for_adverse_event=for_adverse_event)
    if violation is None:
        return None
    error = as_validation_error(violation)
    error.field = field or error.field
    error.params.setdefault("study_id", person.get("study_id", ""))
    return error


def check_allowed(db, person: dict, activity: Activity, *, field: str | None = None,
                  for_adverse_event: bool = False) -> None:
    """ValidationError saying why, when the participant's course does not allow recording ``activity`` now
    (``for_adverse_event``: a medication given for one of the participant's adverse events)."""
    error = _refused(course(db, person), activity, person, field=field, for_adverse_event=for_adverse_event)
    if error is not None:
        raise error


def refusal_of(store: Store, user: User, participant_id: str, activity: Activity | str, *,
               for_adverse_event: bool = False) -> ValidationError | None:
    """Why the participant's course does not allow recording ``activity`` now (None: it does): what a screen
    shows before anyone types (e.g. the dose visit after the study drug was discontinued)."""
    require(user, Action.VIEW_CLINICAL)
    person = _participant(store.db, participant_id)
    return _refused(course(store.db, person), Activity(activity), person, for_adverse_event=for_adverse_event)


# --- recording an event (inside the caller's transaction) ----------------------------------------------------

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
                                  day=bounds.shown(_day(person["study_drug_discontinued_on"])))
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


# --- what may be recorded now: facts the four use cases check ---------------------------------------------

@dataclass(frozen=True)
class AttemptCount:
    """Documented unsuccessful contact attempts since the last successful contact (a contact done, an attempt
    that reached the participant, a dose given), and how many the protocol needs for "lost to follow-up"."""

    unsuccessful: int
    needed: int
    last_success: date | None  # the day of the last successful contact (None: none recorded)

    @property
    def enough(self) -> bool:
        return self.unsuccessful >= self.needed


def lost_attempts(db, participant_id: str, until: date | None = None) -> AttemptCount:
    """How many unsuccessful contact attempts are documented since the participant's last successful contact,
    up to and including the day ``until`` (default: every attempt)."""
    # (moment, its day): a contact done on a day carries no time, so only the attempts of the days after it count.
    successes: list[tuple[datetime, date]] = [(at, at.astimezone(LOCAL_TZ).date())
                                              for at in visits_repo.administration_starts(db, participant_id)]
    for contact in contacts_repo.contacts(db, participant_id):
        done = _day(contact.get("contact_date")) if contact.get("state") == "done" else None
        if done is not None:
            successes.append((datetime.combine(done + timedelta(days=1), time(0, 0), tzinfo=LOCAL_TZ), done))
    attempts = []
    for attempt in contacts_repo.participant_attempts(db, participant_id):
        at = _moment(attempt.get("attempted_at"))
        if at is None:
            continue
        if attempt.get("outcome") == "reached":
            successes.append((at, at.astimezone(LOCAL_TZ).date()))
        else:
            attempts.append(at)
    last, last_day = max(successes, key=lambda s: s[0]) if successes else (None, None)
    counted = [a for a in attempts if (last is None or a > last)
               and (until is None or a.astimezone(LOCAL_TZ).date() <= until)]
    return AttemptCount(len(counted), protocol().disposition.lost_to_follow_up_min_attempts, last_day)


def fatal_adverse_events(db, participant_id: str) -> list[dict]:
    """The participant's adverse events whose outcome is fatal (grade 5): those a death may be linked to."""
    return [ae for ae in visits_repo.adverse_events(db, participant_id)
            if ae.get("outcome") == "fatal" or ae.get("grade") == 5]


def _last_dose_day(db, participant_id: str) -> date | None:
    starts = visits_repo.administration_starts(db, participant_id)
    return max(starts).astimezone(LOCAL_TZ).date() if starts else None


def _why_not(db, person: dict, event: Event) -> ValidationError | None:
    """Why ``event`` cannot be recorded for ``person`` now (None: it can, given a valid date and reason)."""
    status = ParticipantStatus(person["status"])
    the_course = course(db, person)
    shown = bounds.shown(the_course.since)
    study_id = person["study_id"]
    if status is S.DIED:
        return ValidationError("{study_id} died on {day}: the course has ended.", study_id=study_id, day=shown)
    if event is Event.STUDY_DRUG_DISCONTINUED:
        if the_course.drug_discontinued_on is not None:
            return ValidationError("The study drug was already discontinued on {day}.",
                                   day=bounds.shown(the_course.drug_discontinued_on))
        if status not in DOSING:
            return ValidationError("The study drug is discontinued during the treatment period only (enrolled or "
                                   "on treatment); {study_id} is {status}.", study_id=study_id, status=status.words)
        return None
    if event is Event.CONSENT_WITHDRAWN:
        if status is S.WITHDRAWN:
            return ValidationError("Consent was already withdrawn on {day}.", day=bounds.shown(the_course.withdrawn_on))
        if status is S.CANDIDATE:
            return ValidationError("No consent is recorded for {study_id}: there is none to withdraw.",
                                   study_id=study_id)
        if status not in _WITHDRAW_FROM:
            return ValidationError("{study_id} is {status}: a withdrawal of consent is not recorded now.",
                                   study_id=study_id, status=status.words)
        return None
    if event is Event.LOST_TO_FOLLOW_UP:
        if status is S.LOST_TO_FOLLOW_UP:
            return ValidationError("{study_id} is already lost to follow-up (since {day}).", study_id=study_id,
                                   day=shown)
        if status not in _LOST_FROM:
            return ValidationError("{study_id} is {status}: only an enrolled participant can be lost to follow-up.",
                                   study_id=study_id, status=status.words)
        return _attempts_problem(lost_attempts(db, person["id"]))
    if event is Event.DEATH:
        if status is S.WITHDRAWN and the_course.withdrawal_scope != "safety_follow_up":
            return ValidationError("Consent was withdrawn on {day} with no further contact: the study records "
                                   "nothing new about the participant, a death learned afterwards included.",
                                   day=bounds.shown(the_course.withdrawn_on))
        if status not in _DEATH_FROM:
            return ValidationError("{study_id} is {status}: a death is recorded for an enrolled participant.",
                                   study_id=study_id, status=status.words)
        if not fatal_adverse_events(db, person["id"]):
            return ValidationError("Record the fatal adverse event first (outcome fatal, grade 5) on the Adverse "
                                   "events tab: the death is linked to it.", field="adverse_event_id")
        return None
    return ValidationError("{event} is not recorded here.", event=event.value)


def _attempts_problem(count: AttemptCount) -> ValidationError | None:
    if count.enough:
        return None
    if count.last_success is None:
        return ValidationError("Lost to follow-up needs at least {needed} documented unsuccessful contact attempts; "
                               "{count} are recorded. Record each attempt on the contact first.",
                               needed=count.needed, count=count.unsuccessful)
    return ValidationError("Lost to follow-up needs at least {needed} documented unsuccessful contact attempts since "
                           "the last successful contact ({last}); {count} are recorded since then. Record each "
                           "attempt on the contact first.", needed=count.needed, count=count.unsuccessful,
                           last=bounds.shown(count.last_success))


def _check_day(db, person: dict, day: date | None, *, after_consent: bool = False) -> date:
    """``day`` within the bounds of a disposition event of ``person`` (ValidationError at ``event_date``)."""
    if day is None:
        raise ValidationError("Enter the date.", field="event_date")
    if isinstance(day, datetime):
        day = day.date()
    today = local_today()
    if day > today:
        raise ValidationError("The date {value} is in the future (today is {today}).", field="event_date",
                              value=bounds.shown(day), today=bounds.today_text(today))
    if day < bounds.EARLIEST_DAY:
        raise ValidationError("The date {value} is before {limit}: check the year.", field="event_date",
                              value=bounds.shown(day), limit=bounds.shown(bounds.EARLIEST_DAY))
    limits: list[tuple[date, str]] = []
    included = _day(person.get("inclusion_date"))
    if included is not None:
        limits.append((included, "inclusion"))
    if after_consent:
        signed = [c.participant_signed_on for c in participants_repo.consents(db, person["id"])]
        if signed:
            limits.append((min(signed), "consent"))
    rows = repo.events(db, person["id"])
    if rows and _day(rows[-1]["event_date"]):
        limits.append((_day(rows[-1]["event_date"]), "event"))
    last_dose = _last_dose_day(db, person["id"])
    if last_dose is not None:
        limits.append((last_dose, "dose"))
    for limit, kind in limits:
        if day >= limit:
            continue
        value, shown = bounds.shown(day), bounds.shown(limit)
        if kind == "inclusion":
            raise ValidationError("The date {value} is before the participant's inclusion ({limit}).",
                                  field="event_date", value=value, limit=shown)
        if kind == "consent":
            raise ValidationError("The date {value} is before the participant's consent ({limit}).",
                                  field="event_date", value=value, limit=shown)
        if kind == "event":
            raise ValidationError("The date {value} is before the last recorded change of the course ({limit}).",
                                  field="event_date", value=value, limit=shown)
        raise ValidationError("The date {value} is before the last dose given ({limit}).", field="event_date",
                              value=value, limit=shown)
    return day


def _refuse(db, person: dict, event: Event) -> None:
    problem = _why_not(db, person, event)
    if problem is not None:
        raise problem


def _reason(text: str | None) -> str:
    return " ".join((text or "").split())


# --- the four use cases -----------------------------------------------------------------------------------

def discontinue_study_drug(store: Store, user: User, participant_id: str, *, day: date | None,
                           reason: str) -> dict:
    """The study drug is discontinued on ``day`` for ``reason`` (investigators): no more doses; the participant
    goes to follow-up, which continues to the end of study. Returns the disposition row."""
    require(user, Action.RECORD_DISPOSITION)
    person = _participant(store.db, participant_id)
    _refuse(store.db, person, Event.STUDY_DRUG_DISCONTINUED)
    reason = _reason(reason)
    if not reason:
        raise ValidationError("Give the reason the study drug is discontinued.", field="reason")
    day = _check_day(store.db, person, day)
    with store.acting(auth.actor(user), f"study drug discontinued: {reason}") as tx:
        return record_event(store, tx, user, person, Event.STUDY_DRUG_DISCONTINUED, day, reason)


def withdraw_consent(store: Store, user: User, participant_id: str, *, day: date | None, scope: str | None,
                     reason: str | None = None, no_reason_given: bool = False) -> dict:
    """The participant withdrew consent on ``day`` (investigators). ``scope`` is what they still agree to:
    ``no_further_contact`` or ``safety_follow_up`` (phone contacts, AEs and the medications given for them).
    The participant need not give a reason: then ``no_reason_given`` (stored as "no reason given"), else the
    reason they gave. Returns the disposition row."""
    require(user, Action.RECORD_DISPOSITION)
    person = _participant(store.db, participant_id)
    _refuse(store.db, person, Event.CONSENT_WITHDRAWN)
    if scope not in WITHDRAWAL_SCOPES:
        raise ValidationError("Choose what the participant still agrees to: no further contact, or safety "
                              "follow-up by phone.", field="withdrawal_scope")
    reason = _reason(reason)
    if no_reason_given and reason:
        raise ValidationError("Either write the participant's reason or choose 'no reason given', not both.",
                              field="reason")
    if not no_reason_given and not reason:
        raise ValidationError("Write the participant's reason, or choose 'no reason given': the participant need "
                              "not give one.", field="reason")
    stored = NO_REASON_GIVEN if no_reason_given else reason
    day = _check_day(store.db, person, day, after_consent=True)
    with store.acting(auth.actor(user), f"consent withdrawn ({scope}): {stored}") as tx:
        return record_event(store, tx, user, person, Event.CONSENT_WITHDRAWN, day, stored, withdrawal_scope=scope)


def mark_lost_to_follow_up(store: Store, user: User, participant_id: str, *, day: date | None,
                           reason: str | None = None) -> dict:
    """The participant is lost to follow-up from ``day`` (investigators): refused until the protocol's number of
    documented unsuccessful contact attempts since the last successful contact (up to ``day``) is reached.
    ``reason`` adds to the recorded count of attempts. Returns the disposition row."""
    require(user, Action.RECORD_DISPOSITION)
    person = _participant(store.db, participant_id)
    _refuse(store.db, person, Event.LOST_TO_FOLLOW_UP)
    day = _check_day(store.db, person, day)
    count = lost_attempts(store.db, participant_id, until=day)
    if count.last_success is not None and day < count.last_success:
        raise ValidationError("The date {value} is before the last successful contact ({limit}).",
                              field="event_date", value=bounds.shown(day), limit=bounds.shown(count.last_success))
    problem = _attempts_problem(count)
    if problem is not None:
        problem.field = "event_date"
        raise problem
    since = f" since {bounds.shown(count.last_success)}" if count.last_success else ""
    stored = f"{count.unsuccessful} unsuccessful contact attempts{since}"
    if _reason(reason):
        stored += f"; {_reason(reason)}"
    with store.acting(auth.actor(user), f"lost to follow-up: {stored}") as tx:
        return record_event(store, tx, user, person, Event.LOST_TO_FOLLOW_UP, day, stored)


def record_death(store: Store, user: User, participant_id: str, *, day: date | None, adverse_event_id: str | None,
                 reason: str | None = None) -> dict:
    """The participant died on ``day`` (investigators), linked to ``adverse_event_id``: an adverse event of this
    participant whose outcome is fatal (grade 5), whose onset is not after the death and which does not end after
    it. ``reason`` (optional) adds to the recorded cause. Returns the disposition row."""
    require(user, Action.RECORD_DISPOSITION)
    person = _participant(store.db, participant_id)
    _refuse(store.db, person, Event.DEATH)
    fatal = {ae["id"]: ae for ae in fatal_adverse_events(store.db, participant_id)}
    if not adverse_event_id:
        raise ValidationError("Choose the fatal adverse event the death is linked to.", field="adverse_event_id")
    ae = fatal.get(adverse_event_id)
    if ae is None:
        other = visits_repo.get_adverse_event(store.db, adverse_event_id)
        if other is None or other["participant_id"] != participant_id:
            raise ValidationError("That adverse event is not one of this participant's.", field="adverse_event_id")
        raise ValidationError("That adverse event's outcome is not fatal: change it to fatal (grade 5) first, or "
                              "choose the fatal one.", field="adverse_event_id")
    day = _check_day(store.db, person, day)
    onset, end = _day(ae["onset_date"]), _day(ae.get("end_date"))
    if onset is not None and day < onset:
        raise ValidationError("The date of death {value} is before the onset of the fatal adverse event ({limit}).",
                              field="event_date", value=bounds.shown(day), limit=bounds.shown(onset))
    if end is not None and end > day:
        raise ValidationError("The fatal adverse event ends on {limit}, after the date of death {value}: correct "
                              "one of them.", field="event_date", value=bounds.shown(day), limit=bounds.shown(end))
    term = (ae.get("other_specify") or ae["term"]).replace("_", " ")
    stored = f"fatal adverse event: {term} (onset {bounds.shown(onset)})"
    if _reason(reason):
        stored += f"; {_reason(reason)}"
    with store.acting(auth.actor(user), f"death: {stored}") as tx:
        return record_event(store, tx, user, person, Event.DEATH, day, stored, adverse_event_id=adverse_event_id)


# --- reading ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DispositionEvent:
    """One disposition event as the screens, printouts and exports show it (CDISC DS: ``event`` is DSDECOD,
    ``reason`` DSTERM, ``event_date`` DSSTDTC)."""

    id: str
    participant_id: str
    study_id: str
    event: str
    event_date: date | None
    reason: str
    from_status: str
    to_status: str
    withdrawal_scope: str | None
    adverse_event_id: str | None
    contact_id: str | None
    recorded_by: str
    recorded_by_name: str
    recorded_at: str  # UTC ISO, when it was entered

    @property
    def no_reason_given(self) -> bool:
        return self.reason == NO_REASON_GIVEN


def _event(row: dict) -> DispositionEvent:
    name = (f"{row['recorded_by_name']} ({row['recorded_by_username']})" if row.get("recorded_by_name")
            else row["recorded_by"])
    return DispositionEvent(
        id=row["id"], participant_id=row["participant_id"], study_id=row["study_id"], event=row["event"],
        event_date=_day(row["event_date"]), reason=row["reason"], from_status=row["from_status"],
        to_status=row["to_status"], withdrawal_scope=row.get("withdrawal_scope"),
        adverse_event_id=row.get("adverse_event_id"), contact_id=row.get("contact_id"),
        recorded_by=row["recorded_by"], recorded_by_name=name, recorded_at=row["created_at"])


def events(store: Store, user: User, participant_id: str) -> list[DispositionEvent]:
    """The participant's disposition events, oldest first."""
    require(user, Action.VIEW_CLINICAL)
    return [_event(r) for r in repo.events(store.db, participant_id)]


def all_events(store: Store, user: User) -> list[DispositionEvent]:
    """Every participant's disposition events, by study id then oldest first (the CSV's DS domain)."""
    require(user, Action.VIEW_CLINICAL)
    return [_event(r) for r in repo.all_events(store.db)]


@dataclass(frozen=True)
class CourseView:
    """The participant's course as the workspace shows it.

    Attributes:
        status, since: the status and the date of the event that led to it (None before any event).
        statement: what the course blocks and why, in the rules' words (None: everything may be recorded).
        refusals: each activity -> None (may be recorded) or why not.
        actions: each investigator event (:data:`COURSE_EVENTS`) -> None (may be recorded now) or why not;
            for a user who may not record a disposition, every one says so.
        attempts: the unsuccessful contact attempts since the last successful contact.
        fatal_adverse_events: the AEs a death may be linked to (rows).
    """

    participant_id: str
    study_id: str
    status: str
    since: date | None
    drug_discontinued_on: date | None
    withdrawn_on: date | None
    withdrawal_scope: str | None
    statement: ValidationError | None
    refusals: Mapping[Activity, ValidationError | None]
    actions: Mapping[Event, ValidationError | None]
    attempts: AttemptCount
    fatal_adverse_events: tuple[dict, ...]


# The order in which the refusals tell the most: the first refused one is the course's statement.
_STATEMENT_ORDER = (Activity.ADVERSE_EVENT, Activity.CONTACT, Activity.BLOOD_TEST, Activity.DOSE)


def course_view(store: Store, user: User, participant_id: str) -> CourseView:
    """Status, since when, what may still be recorded, and which disposition events may be recorded now."""
    require(user, Action.VIEW_CLINICAL)
    db = store.db
    person = _participant(db, participant_id)
    the_course = course(db, person)
    refusals = {a: _refused(the_course, a, person) for a in Activity}
    statement = next((refusals[a] for a in _STATEMENT_ORDER if refusals[a] is not None), None)
    if allowed(user, Action.RECORD_DISPOSITION):
        actions = {e: _why_not(db, person, e) for e in COURSE_EVENTS}
    else:
        denied = ValidationError("Only an investigator records a change of the participant's course.")
        actions = {e: denied for e in COURSE_EVENTS}
    return CourseView(
        participant_id=participant_id, study_id=person["study_id"], status=person["status"],
        since=the_course.since, drug_discontinued_on=the_course.drug_discontinued_on,
        withdrawn_on=the_course.withdrawn_on, withdrawal_scope=the_course.withdrawal_scope, statement=statement,
        refusals=refusals, actions=actions, attempts=lost_attempts(db, participant_id),
        fatal_adverse_events=tuple(fatal_adverse_events(db, participant_id)))
