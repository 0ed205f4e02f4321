"""Participant register use cases: list, register a candidate, identities, consent, calendar."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from trialdesk.clock import local_today
from trialdesk.db import participants as repo
from trialdesk.db import screening as screening_repo
from trialdesk.db.changes import ChangeSet
from trialdesk.db.connection import Store
from trialdesk.db.participants import Consent, Identity, ParticipantRecord
from trialdesk.db.screening import PlannedVisitRecord
from trialdesk.domain.identity import check_id_number, normalise_id_number
from trialdesk.domain.people import User
from trialdesk.domain.status import ParticipantStatus
from trialdesk.errors import ConfirmationNeeded, ValidationError
from trialdesk.services import auth, bounds, formats
from trialdesk.services.permissions import Action, allowed, require
from trialdesk.services.rules import next_status

__all__ = [
    "Changes", "Consent", "Identity", "ParticipantRecord", "ParticipantRow", "PlannedVisitRecord",
    "STATUSES", "get_identity", "get_participant", "latest_consent", "list_participants",
    "planned_visits", "record_consent", "register_candidate", "study_prefix",
]

STATUSES = tuple(s.value for s in ParticipantStatus)
CONSENT_LANGUAGES = ("nb", "en")


@dataclass(frozen=True)
class Changes:
    """What a service call changed (Anki's OpChanges): the participant it concerns, the
    :class:`~trialdesk.db.changes.ChangeSet` read from the audit rows its transaction wrote (never told by the
    caller), and an optional ``note`` for the status bar."""

    participant_id: str | None = None
    changed: ChangeSet = field(default_factory=ChangeSet)
    note: str | None = None

    @classmethod
    def of(cls, store: Store, participant_id: str | None, note: str | None = None) -> "Changes":
        """The use case that just committed on ``store`` (call right after its ``store.acting`` block)."""
        return cls(participant_id, store.last_changes or ChangeSet(), note)

    @property
    def tables(self) -> frozenset[str]:
        return self.changed.tables

    def __bool__(self) -> bool:
        return bool(self.changed)


@dataclass(frozen=True)
class ParticipantRow:
    """One line of the participant register (no identity data)."""

    id: str
    study_id: str
    status: str
    sex: str | None
    birth_date: str | None
    site: str
    next_visit: str | None = None
    next_visit_date: str | None = None
    next_visit_nb: str | None = None  # the same visit's Norwegian name

    def age_on(self, day: date) -> int | None:
        if not self.birth_date:
            return None
        born = date.fromisoformat(self.birth_date)
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def study_prefix(store: Store) -> str:
    """``KTS11-<site code>-``: study ids carry the site so two sites never collide."""
    study = (store.meta("study") or "KTS-11").replace("-", "")
    return f"{study}-{store.info.site_code}-"


def _next_allowed(store: Store, participant_id: str) -> tuple[str, str, str] | None:
    """The earliest open contact the participant's course still allows (a withdrawal keeps what was agreed to; a
    participant lost to follow-up is not asked for), as :func:`screening_repo.next_visits` gives it."""
    from trialdesk.domain.contacts import KIND_ACTIVITY
    from trialdesk.domain.disposition import refusal
    from trialdesk.services import disposition

    person = repo.row(store.db, participant_id)
    if person is None or person["status"] == ParticipantStatus.LOST_TO_FOLLOW_UP.value:
        return None
    course = disposition.course(store.db, person)
    for label_en, label_nb, target, kind in screening_repo.open_contacts(store.db, participant_id):
        if kind in KIND_ACTIVITY and refusal(course, KIND_ACTIVITY[kind]) is None:
            return label_en, label_nb, target
    return None


def list_participants(store: Store, user: User, only: Iterable[str] | None = None, *, next_visits: bool = True
                      ) -> list[ParticipantRow]:
    """Every participant of this store (or those of ``only`` that exist: what a change touched), by study id, with
    the next visit not yet done (``next_visits=False``: without it, the quick first read of a large register)."""
    require(user, Action.VIEW_CLINICAL)
    ids = None if only is None else list(dict.fromkeys(only))
    upcoming = screening_repo.next_visits(store.db, ids) if next_visits else {}
    rows = []
    for p in repo.all_participants(store.db, ids):
        nxt = upcoming.get(p.id)
        if next_visits and p.status in (ParticipantStatus.WITHDRAWN.value, ParticipantStatus.LOST_TO_FOLLOW_UP.value):
            nxt = _next_allowed(store, p.id)  # as the Today list: only what the course still asks for
        rows.append(ParticipantRow(
            id=p.id, study_id=p.study_id, status=p.status, sex=p.sex,
            birth_date=p.birth_date.isoformat() if p.birth_date else None, site=p.site,
            next_visit=nxt[0] if nxt else None, next_visit_date=nxt[2] if nxt else None,
            next_visit_nb=nxt[1] if nxt else None))
    return rows


def get_participant(store: Store, user: User, participant_id: str) -> ParticipantRecord:
    """One participant (clinical data only)."""
    require(user, Action.VIEW_CLINICAL)
    record = repo.get(store.db, participant_id)
    if record is None:
        raise ValidationError("No such participant.")
    return record


def get_identity(store: Store, user: User, participant_id: str) -> Identity | None:
    """Name and identity number: only for roles allowed to see them (never in lists or exports)."""
    require(user, Action.VIEW_IDENTITY)
    return repo.identity(store.db, participant_id)


def may_view_identity(user: User) -> bool:
    return allowed(user, Action.VIEW_IDENTITY)


def _check_birth_date(birth_date: date | None, today: date) -> date:
    """The birth date entered, within bounds: not in the future, not before 1900. ValidationError at the field."""
    if birth_date is None:
        raise ValidationError("Enter the birth date.", field="birth_date")
    if birth_date > today:
        raise ValidationError("The birth date {value} is in the future (today is {today}).", field="birth_date",
                              value=bounds.shown(birth_date), today=formats.day(today))
    if birth_date < bounds.EARLIEST_DAY:
        raise ValidationError("The birth date {value} is before {limit}: check the year.", field="birth_date",
                              value=bounds.shown(birth_date), limit=formats.day(bounds.EARLIEST_DAY))
    return birth_date


def _checked_identity(store: Store, identity: Identity, *, sex: str, birth_date: date, today: date,
                      sex_mismatch_confirmed: bool) -> tuple[Identity, str | None]:
    """The identity to store (name and number normalised) and the audit reason to record with it (a confirmed
    sex mismatch), or ValidationError / ConfirmationNeeded at the field."""
    name = " ".join((identity.full_name or "").split())
    if not name:
        raise ValidationError("Enter the candidate's full name.", field="full_name")
    number = normalise_id_number(identity.id_number)  # "151086 95088" and "151086-95088" as typed
    check = check_id_number(number)
    if not check.valid:
        raise ValidationError("The identity number is not valid: {problem}.", field="id_number",
                              problem=check.problem)
    if check.synthetic and not store.training:
        raise ValidationError("{number} is a synthetic test number (month + 80), which no real person has: it is "
                              "accepted only in a demo or training store.", field="id_number",
                              number=f"{number[:6]} {number[6:]}")
    if check.encoded_date > today:  # every kind: a D- or H-number's date as well as a fødselsnummer's
        raise ValidationError("The identity number gives a birth date in the future ({number_date}): check the "
                              "number.", field="id_number", number_date=formats.day(check.encoded_date))
    if check.encoded_date != birth_date:
        dates = {"field": "birth_date", "number_date": formats.day(check.encoded_date),
                 "entered": formats.day(birth_date)}
        if check.kind == "dnr":
            raise ValidationError("The birth date {entered} does not agree with the D-number, which gives "
                                  "{number_date}: check the birth date and the number.", **dates)
        if check.kind == "hnr":
            raise ValidationError("The birth date {entered} does not agree with the H-number, which gives "
                                  "{number_date}: check the birth date and the number.", **dates)
        raise ValidationError("The birth date {entered} does not agree with the identity number, which gives "
                              "{number_date}: check the birth date and the number.", **dates)
    reason = None
    if check.sex != sex:
        if not sex_mismatch_confirmed:
            if check.sex == "M":
                raise ConfirmationNeeded(
                    "The identity number's sex digit (9th) is odd, a man's number, but woman is entered. Legal and "
                    "biological sex can differ: confirm the sex entered, or correct it.", field="sex")
            raise ConfirmationNeeded(
                "The identity number's sex digit (9th) is even, a woman's number, but man is entered. Legal and "
                "biological sex can differ: confirm the sex entered, or correct it.", field="sex")
        reason = (f"sex entered ({sex}) differs from the identity number's sex digit ({check.sex}); "
                  "confirmed at registration")
    existing = repo.id_number_in_use(store.db, number)
    if existing:
        raise ValidationError("This identity number is already registered as {study_id}.",
                              field="id_number", study_id=existing)
    return Identity(full_name=name, id_number=number, phone=(identity.phone or "").strip() or None,
                    gp=(identity.gp or "").strip() or None), reason


def register_candidate(store: Store, user: User, *, sex: str, birth_date: date | None,
                       childbearing_potential: bool | None, identity: Identity | None,
                       today: date | None = None, sex_mismatch_confirmed: bool = False) -> Changes:
    """Register a new candidate: the app issues the study id ``KTS11-<site>-NNN``; status candidate.

    The identity (name, fødselsnummer/D-number/H-number, phone, GP) goes to the separate identities table. The
    birth date entered must agree with the date the number encodes; a sex that differs from the number's sex
    digit needs ``sex_mismatch_confirmed`` (:class:`ConfirmationNeeded` at ``sex`` otherwise) and is recorded as
    the audit reason; synthetic test numbers are accepted in training stores only. Raises
    :class:`ValidationError` naming the field for anything wrong.
    """
    require(user, Action.REGISTER_CANDIDATE)
    today = today or local_today()
    if sex not in ("F", "M"):
        raise ValidationError("Choose the candidate's sex.", field="sex")
    birth_date = _check_birth_date(birth_date, today)
    if sex == "F" and childbearing_potential is None:
        raise ValidationError("Say whether the candidate is of childbearing potential.",
                              field="childbearing_potential")
    if sex == "M":
        childbearing_potential = None
    reason = None
    if identity is not None:
        require(user, Action.EDIT_IDENTITY)
        identity, reason = _checked_identity(store, identity, sex=sex, birth_date=birth_date, today=today,
                                             sex_mismatch_confirmed=sex_mismatch_confirmed)
    site = store.info.site_code
    with store.acting(auth.actor(user), reason) as tx:
        study_id = repo.next_study_id(tx, study_prefix(store))
        pid = repo.insert(tx, study_id=study_id, site=site, sex=sex, birth_date=birth_date,
                          childbearing_potential=childbearing_potential)
        if identity is not None:
            repo.insert_identity(tx, pid, identity, site)
    return Changes.of(store, pid, note=study_id)


def latest_consent(store: Store, user: User, participant_id: str) -> Consent | None:
    require(user, Action.VIEW_CLINICAL)
    return repo.latest_consent(store.db, participant_id)


def record_consent(store: Store, user: User, participant_id: str, *, form_version: str, language: str,
                   participant_signed_on: date | None, investigator_signed_on: date | None,
                   copy_given: bool, today: date | None = None) -> Changes:
    """Record the signed informed consent; the signed-in investigator is the one who obtained it.

    A candidate moves to status "screening" (screening data can be saved from then on).
    """
    require(user, Action.RECORD_CONSENT)
    today = today or local_today()
    participant = repo.get(store.db, participant_id)
    if participant is None:
        raise ValidationError("No such participant.")
    form_version = (form_version or "").strip()
    if not form_version:
        raise ValidationError("Enter the version of the consent form that was signed.", field="form_version")
    if language not in CONSENT_LANGUAGES:
        raise ValidationError("Choose the language of the consent form.", field="language")
    if participant_signed_on is None:
        raise ValidationError("Enter the date the participant signed.", field="participant_signed_on")
    if investigator_signed_on is None:
        raise ValidationError("Enter the date the investigator signed.", field="investigator_signed_on")
    if participant_signed_on > today:
        raise ValidationError("The participant's signing date {value} is in the future (today is {today}).",
                              field="participant_signed_on", value=formats.day(participant_signed_on),
                              today=formats.day(today))
    if investigator_signed_on > today:
        raise ValidationError("The investigator's signing date {value} is in the future (today is {today}).",
                              field="investigator_signed_on", value=formats.day(investigator_signed_on),
                              today=formats.day(today))
    if investigator_signed_on < participant_signed_on:
        raise ValidationError("The investigator signs on or after the participant's date ({date}).",
                              field="investigator_signed_on",
                              date=formats.day(participant_signed_on))
    if participant.birth_date and participant_signed_on < participant.birth_date:
        raise ValidationError("The participant's signing date {value} is before the participant's birth date "
                              "({limit}).", field="participant_signed_on", value=formats.day(participant_signed_on),
                              limit=formats.day(participant.birth_date))
    with store.acting(auth.actor(user), "informed consent recorded") as tx:
        repo.insert_consent(tx, participant_id=participant_id, form_version=form_version, language=language,
                            participant_signed_on=participant_signed_on,
                            investigator_signed_on=investigator_signed_on, obtained_by=user.id,
                            copy_given=copy_given, site=store.info.site_code)
        if participant.status == ParticipantStatus.CANDIDATE:
            repo.update(tx, participant_id, status=next_status(participant.status, ParticipantStatus.SCREENING))
    return Changes.of(store, participant_id)


def planned_visits(store: Store, user: User, participant_id: str) -> list[PlannedVisitRecord]:
    """The participant's visit calendar (empty until enrolled)."""
    require(user, Action.VIEW_CLINICAL)
    return screening_repo.visits(store.db, participant_id)


def require_participant(store: Store, participant_id: str) -> ParticipantRecord:
    record = repo.get(store.db, participant_id)
    if record is None:
        raise ValidationError("No such participant.")
    return record
