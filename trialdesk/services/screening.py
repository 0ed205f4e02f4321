"""Screening use cases: save facts and judgements, evaluate eligibility, sign the decision, enrol.

The live verdict is always computed by :func:`trialdesk.domain.eligibility.evaluate` from what is
stored (or, for the form's preview, from what is typed). A signed decision stores the protocol
version and ``checklist_hash`` = :func:`signatures.content_hash` of :func:`checklist`; any later
change to the checklist makes the signature invalid until an investigator signs again.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from typing import Mapping

from trialdesk.clock import local_today
from trialdesk.db import participants as participants_repo
from trialdesk.db import screening as repo
from trialdesk.db.connection import Store
from trialdesk.db.participants import Consent, ParticipantRecord
from trialdesk.db.screening import Decision, Judgement, ScreeningRecord
from trialdesk.domain.eligibility import EligibilityResult, Participant, ScreeningFacts
from trialdesk.domain.eligibility import evaluate as _evaluate
from trialdesk.domain.labs import LabValueError, convert
from trialdesk.domain.people import User
from trialdesk.domain.protocol import Protocol, load_protocol
from trialdesk.domain.schedule import build_schedule
from trialdesk.domain.severity import Severity
from trialdesk.domain.status import ENROLLABLE, ParticipantStatus
from trialdesk.errors import ReasonRequired, ValidationError
from trialdesk.paths import resource_path
from trialdesk.services import auth, formats, signatures
from trialdesk.services.participants import Changes
from trialdesk.services.permissions import Action, allowed, require
from trialdesk.services.rules import next_status

__all__ = [
    "ATTESTATION", "Judgement", "MEANING_ELIGIBLE", "MEANING_SCREEN_FAILURE", "ONSET_TRIGGERS",
    "PREGNANCY_RESULTS", "ScreeningEntry", "ScreeningState", "checklist", "evaluate", "load",
    "may_judge", "preview", "protocol", "save_screening", "sign_eligibility",
]

MEANING_ELIGIBLE = "Eligibility confirmed by investigator"
MEANING_SCREEN_FAILURE = "Screen failure confirmed by investigator"
ATTESTATION = ("By signing I confirm that I have checked every inclusion and exclusion criterion for "
               "this participant against the source documents, and that the decision shown is mine. "
               "My signature is the legally binding equivalent of my handwritten signature.")
ONSET_TRIGGERS = ("infection", "other_immunological", "none")
PREGNANCY_RESULTS = ("negative", "positive")
SIGNED_TABLE = "screenings"
# Statuses in which a signed "eligible" enrols the participant.
_ENROLLABLE = tuple(s.value for s in ParticipantStatus if s in ENROLLABLE)


@lru_cache(maxsize=1)
def protocol() -> Protocol:
    """The KTS-11 protocol (resources/protocols/kts11.toml), loaded once."""
    return load_protocol(resource_path("protocols", "kts11.toml"))


@dataclass(frozen=True)
class ScreeningEntry:
    """The screening form as entered: choices as codes, lab values as typed with their unit.

    None (or empty text) means not recorded — never "no".
    """

    screening_date: date | None = None
    canadian_criteria_met: bool | None = None
    severity: str | None = None
    me_cfs_onset_date: date | None = None
    onset_trigger: str | None = None
    pregnancy_test: str | None = None
    nk_text: str | None = None
    nk_unit: str | None = None
    igg_text: str | None = None
    igg_unit: str | None = None

    @classmethod
    def from_record(cls, record: ScreeningRecord | None) -> "ScreeningEntry":
        if record is None:
            return cls()
        return cls(screening_date=record.screening_date, canadian_criteria_met=record.canadian_criteria_met,
                   severity=record.severity, me_cfs_onset_date=record.me_cfs_onset_date,
                   onset_trigger=record.onset_trigger, pregnancy_test=record.pregnancy_test,
                   nk_text=record.nk_value_text, nk_unit=record.nk_unit,
                   igg_text=record.igg_value_text, igg_unit=record.igg_unit)


def _blank(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _lab(text: str | None, unit: str | None) -> tuple[str, str] | None:
    text = _blank(text)
    return (text, unit or "") if text else None


def facts_of(entry: ScreeningEntry, consent: Consent | None) -> ScreeningFacts:
    """The domain's screening facts; consent date = the day the consent was complete (investigator)."""
    return ScreeningFacts(
        canadian_criteria_met=entry.canadian_criteria_met,
        severity=entry.severity,
        consent_date=consent.investigator_signed_on if consent else None,
        me_cfs_onset_date=entry.me_cfs_onset_date,
        onset_trigger=entry.onset_trigger,
        pregnancy_test=entry.pregnancy_test,
        nk=_lab(entry.nk_text, entry.nk_unit),
        igg=_lab(entry.igg_text, entry.igg_unit),
    )


def _participant(record: ParticipantRecord) -> Participant:
    return Participant(sex=record.sex, birth_date=record.birth_date,
                       childbearing_potential=record.childbearing_potential)


def preview(participant: ParticipantRecord, consent: Consent | None, entry: ScreeningEntry,
            judgements: Mapping[str, Judgement], today: date | None = None) -> EligibilityResult:
    """The verdict for unsaved form values (pure: no store). Unanswered is unknown, never "no"."""
    answers = {cid: j.answer for cid, j in judgements.items() if j.answer is not None}
    day = entry.screening_date or today or local_today()
    return _evaluate(protocol(), day, _participant(participant), facts_of(entry, consent), answers)


@dataclass(frozen=True)
class ScreeningState:
    """Everything the screening screen shows for one participant.

    ``signature`` is the latest decision's signature, with ``valid`` False when the checklist has
    changed since it was signed (it must then be signed again).
    """

    participant: ParticipantRecord
    consent: Consent | None
    entry: ScreeningEntry
    judgements: dict[str, Judgement]
    saved: bool
    result: EligibilityResult
    decision: Decision | None
    signature: signatures.Signature | None

    @property
    def needs_signature(self) -> bool:
        return self.result.verdict != "incomplete" and (self.signature is None or not self.signature.valid)


def load(store: Store, user: User, participant_id: str) -> ScreeningState:
    """The stored screening of a participant, its live verdict and the state of its signature."""
    require(user, Action.VIEW_CLINICAL)
    participant = _participant_or_fail(store, participant_id)
    record = repo.get(store.db, participant_id)
    entry = ScreeningEntry.from_record(record)
    judged = repo.judgements(store.db, participant_id)
    consent = participants_repo.latest_consent(store.db, participant_id)
    result = preview(participant, consent, entry, judged, today=(record.screening_date if record else None))
    decision = repo.latest_decision(store.db, participant_id)
    signature = None
    if decision is not None:
        current = checklist(store, participant_id)
        sid = repo.screening_id(store.db, participant_id)
        for sig in signatures.signatures_for(store, SIGNED_TABLE, sid, current):
            if sig.id == decision.signature_id:
                signature = sig
    return ScreeningState(participant, consent, entry, judged, record is not None, result, decision, signature)


def evaluate(store: Store, participant_id: str) -> EligibilityResult:
    """The live verdict from what is stored."""
    participant = _participant_or_fail(store, participant_id)
    record = repo.get(store.db, participant_id)
    consent = participants_repo.latest_consent(store.db, participant_id)
    return preview(participant, consent, ScreeningEntry.from_record(record),
                   repo.judgements(store.db, participant_id),
                   today=record.screening_date if record else None)


def checklist(store: Store, participant_id: str) -> dict:
    """The canonical content an eligibility signature covers: every fact, lab entry and judgement,
    the consent dates, the verdict and the protocol version."""
    participant = _participant_or_fail(store, participant_id)
    record = repo.get(store.db, participant_id) or ScreeningRecord()
    consent = participants_repo.latest_consent(store.db, participant_id)
    judged = repo.judgements(store.db, participant_id)
    result = evaluate(store, participant_id)
    return {
        "participant": {"study_id": participant.study_id, "sex": participant.sex,
                        "birth_date": participant.birth_date,
                        "childbearing_potential": participant.childbearing_potential},
        "consent": None if consent is None else {
            "form_version": consent.form_version, "language": consent.language,
            "participant_signed_on": consent.participant_signed_on,
            "investigator_signed_on": consent.investigator_signed_on},
        "screening": {f.name: getattr(record, f.name) for f in fields(ScreeningRecord)},
        "judgements": {cid: {"answer": j.answer, "note": j.note} for cid, j in sorted(judged.items())},
        "verdict": result.verdict, "failed": list(result.failed), "missing": list(result.missing),
        "protocol_version": result.protocol_version,
    }


def may_judge(user: User) -> bool:
    """Judgement criteria are the investigator's (the same permission as signing the decision)."""
    return allowed(user, Action.SIGN_ELIGIBILITY)


def _participant_or_fail(store: Store, participant_id: str) -> ParticipantRecord:
    record = participants_repo.get(store.db, participant_id)
    if record is None:
        raise ValidationError("No such participant.")
    return record


def _convert_lab(analyte: str, field: str, text: str | None, unit: str | None) -> tuple[str | None, str | None, float | None]:
    text = _blank(text)
    if text is None:
        return None, None, None
    try:
        value = convert(protocol(), analyte, text, unit or "")
    except LabValueError as exc:
        raise ValidationError(exc.template, field=field, **exc.params) from None
    return text, value.entered_unit, value.value


def _validated_record(entry: ScreeningEntry, participant: ParticipantRecord, consent: Consent,
                      today: date) -> ScreeningRecord:
    day = entry.screening_date or today
    if day > today:
        raise ValidationError("The screening date {value} is in the future (today is {today}).",
                              field="screening_date", value=formats.day(day), today=formats.day(today))
    if day < consent.investigator_signed_on:
        raise ValidationError(
            "The screening date {day} is before the consent was complete ({consent}): no study "
            "procedure may come before consent.", field="screening_date",
            day=formats.day(day), consent=formats.day(consent.investigator_signed_on))
    if entry.severity is not None:
        try:
            Severity.from_code(entry.severity)
        except ValueError:
            raise ValidationError("Choose a severity from the list.", field="severity") from None
    onset = entry.me_cfs_onset_date
    if onset is not None:
        if onset > today:
            raise ValidationError("The ME/CFS onset date {value} is in the future (today is {today}).",
                                  field="me_cfs_onset_date", value=formats.day(onset), today=formats.day(today))
        if participant.birth_date and onset < participant.birth_date:
            raise ValidationError("The ME/CFS onset date {value} is before the participant's birth date ({limit}).",
                                  field="me_cfs_onset_date", value=formats.day(onset),
                                  limit=formats.day(participant.birth_date))
    if entry.onset_trigger is not None and entry.onset_trigger not in ONSET_TRIGGERS:
        raise ValidationError("Choose the onset trigger from the list.", field="onset_trigger")
    if entry.pregnancy_test is not None and entry.pregnancy_test not in PREGNANCY_RESULTS:
        raise ValidationError("Choose the pregnancy test result from the list.", field="pregnancy_test")
    nk_text, nk_unit, nk = _convert_lab("NK", "nk", entry.nk_text, entry.nk_unit)
    igg_text, igg_unit, igg = _convert_lab("IGG", "igg", entry.igg_text, entry.igg_unit)
    return ScreeningRecord(
        screening_date=day, canadian_criteria_met=entry.canadian_criteria_met, severity=entry.severity,
        me_cfs_onset_date=onset, onset_trigger=entry.onset_trigger, pregnancy_test=entry.pregnancy_test,
        nk_value_text=nk_text, nk_unit=nk_unit, nk_value=nk,
        igg_value_text=igg_text, igg_unit=igg_unit, igg_value=igg)


def save_screening(store: Store, user: User, participant_id: str, entry: ScreeningEntry,
                   judgements: Mapping[str, Judgement] | None = None, *, reason: str | None = None,
                   today: date | None = None) -> Changes:
    """Save the screening facts (nurse or investigator) and judgements (investigator only).

    Refused before consent. The first entry of a field needs no reason; changing or clearing a
    saved value, or changing anything after a decision was signed, raises :class:`ReasonRequired`
    unless ``reason`` is given. Nothing is written when nothing changed.
    """
    require(user, Action.EDIT_SCREENING)
    today = today or local_today()
    participant = _participant_or_fail(store, participant_id)
    consent = participants_repo.latest_consent(store.db, participant_id)
    if consent is None:
        raise ValidationError(
            "Screening data cannot be saved before the informed consent is recorded: no study-specific "
            "procedure may happen before the participant has signed (criterion I3). Record the consent "
            "first (investigator).")
    record = _validated_record(entry, participant, consent, today)
    stored = repo.get(store.db, participant_id)
    fact_changes = {}
    for name in repo.FACT_COLUMNS:
        new = getattr(record, name)
        old = getattr(stored, name) if stored else None
        if new != old:
            fact_changes[name] = new

    proto = protocol()
    judgement_ids = set(proto.judgement_ids)
    old_judged = repo.judgements(store.db, participant_id)
    new_judged = {}
    for cid, judgement in (judgements or {}).items():
        if cid not in judgement_ids:
            raise ValidationError("{cid} is not a judgement criterion of the protocol.", cid=cid)
        judgement = Judgement(judgement.answer, (judgement.note or "").strip())
        old = old_judged.get(cid, Judgement(None, ""))
        if judgement != old:
            new_judged[cid] = (old, judgement)
    if new_judged and not may_judge(user):
        raise ValidationError(
            "Only an investigator may answer the judgement criteria ({ids}); your other entries were "
            "not saved either.", ids=", ".join(sorted(new_judged, key=_criterion_order)))

    if not fact_changes and not new_judged:
        return Changes(participant_id)
    changes_saved = (
        (stored is not None and any(getattr(stored, n) is not None for n in fact_changes))
        or any(old.answer is not None or old.note for old, _ in new_judged.values())
    )
    signed = repo.latest_decision(store.db, participant_id) is not None
    reason = (reason or "").strip() or None
    if (changes_saved or signed) and reason is None:
        raise ReasonRequired("A reason is required to change data that was already saved"
                             + (" or signed." if signed else "."))
    # First entry of blank fields is not a change of saved data; the store's trigger still wants a
    # reason for any UPDATE, so the audit row says so plainly.
    tx_reason = reason or ("first entry" if stored is not None or old_judged else None)
    site = store.info.site_code
    with store.acting(auth.actor(user), tx_reason) as tx:
        sid = repo.screening_id(tx, participant_id)
        if sid is None:
            sid = repo.insert(tx, participant_id, record, site)
        elif fact_changes:
            repo.update(tx, sid, fact_changes)
        for cid, (_, judgement) in sorted(new_judged.items()):
            repo.put_judgement(tx, sid, cid, judgement, site)
    note = None
    if signed:
        note = "The checklist changed after it was signed: the signature is no longer valid. Sign again."
    return Changes.of(store, participant_id, note)


def _criterion_order(cid: str) -> tuple[str, int]:
    return (cid[0] != "I", int(cid[1:]))


def sign_eligibility(store: Store, user: User, participant_id: str, *, username: str, password: str,
                     today: date | None = None) -> Changes:
    """The investigator signs the stored checklist's verdict (e-signature: user id + password).

    Eligible: status "enrolled", inclusion date = today, the visit calendar from the protocol.
    Not eligible: status "screen_failure" with the failed criteria. Incomplete: refused.
    """
    require(user, Action.SIGN_ELIGIBILITY)
    today = today or local_today()
    participant = _participant_or_fail(store, participant_id)
    sid = repo.screening_id(store.db, participant_id)
    if sid is None:
        raise ValidationError("Save the screening checklist before signing.")
    result = evaluate(store, participant_id)
    if result.verdict == "incomplete":
        raise ValidationError("The decision cannot be signed while the checklist is incomplete: {ids} "
                              "still open.", ids=", ".join(result.missing))
    content = checklist(store, participant_id)
    latest = repo.latest_decision(store.db, participant_id)
    if latest is not None and latest.checklist_hash == signatures.content_hash(content):
        raise ValidationError("This checklist is already signed; nothing has changed since.")
    # Re-authenticate outside the transaction so a wrong password still counts towards the lockout.
    auth.reauthenticate(store, user, username, password)
    eligible = result.verdict == "eligible"
    meaning = MEANING_ELIGIBLE if eligible else MEANING_SCREEN_FAILURE
    note = None
    proto = protocol()
    site = store.info.site_code
    reason = f"eligibility decision signed: {result.verdict.replace('_', ' ')}"
    with store.acting(auth.actor(user), reason) as tx:
        sig = signatures.sign(store, user, username=username, password=password, meaning=meaning,
                              record_table=SIGNED_TABLE, record_id=sid, content=content, tx=tx)
        repo.insert_decision(tx, participant_id=participant_id, verdict=result.verdict,
                             failed=result.failed, missing=result.missing,
                             protocol_version=result.protocol_version,
                             checklist_hash=sig.content_hash, signature_id=sig.id, site=site)
        if eligible and participant.status in _ENROLLABLE:
            participants_repo.update(tx, participant_id, inclusion_date=today,
                                     status=next_status(participant.status, ParticipantStatus.ENROLLED))
            if not repo.visits(tx, participant_id):
                schedule = build_schedule(proto, today)
                for visit in schedule.visits:
                    repo.insert_visit(tx, participant_id, code=visit.code, kind=visit.kind,
                                      label_en=visit.label_en, label_nb=visit.label_nb, target=visit.target,
                                      window_start=visit.window_start, window_end=visit.window_end,
                                      protocol_version=proto.version, site=site)
        elif not eligible and participant.status in (ParticipantStatus.CANDIDATE, ParticipantStatus.SCREENING):
            participants_repo.update(tx, participant_id,
                                     status=next_status(participant.status, ParticipantStatus.SCREEN_FAILURE))
        elif participant.status not in _ENROLLABLE and not eligible:
            note = ("The participant is already enrolled; a not-eligible decision does not withdraw "
                    "them. Discuss with the sponsor.")
    return Changes.of(store, participant_id, note)


def lab_units(analyte: str) -> tuple[str, ...]:
    """The accepted units of ``analyte`` as the protocol lists them (canonical first)."""
    return protocol().lab(analyte).accepted_units


def lab_problem(analyte: str, text: str | None, unit: str | None) -> str | None:
    """Why a typed lab value cannot be used (the domain's message), None when it can or is empty."""
    if not _blank(text):
        return None
    try:
        convert(protocol(), analyte, text, unit or "")
    except LabValueError as exc:
        return exc.message
    return None
