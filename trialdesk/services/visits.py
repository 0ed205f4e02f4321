"""Injection visits: pre-dose blood results, go / no-go, premedication, administration, adverse events,
the SAE reporting clock, and masking of blinding-sensitive results.

Every write is one audited transaction; permissions and order are enforced here (no dose before
enrolment, no dose recorded by a monitor …). The treatment arm is never asked for, stored or shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Mapping

from trialdesk.clock import LOCAL_TZ, local_today, parse_utc, utc_iso, utc_now
from trialdesk.db import visits as repo
from trialdesk.db.connection import Store
from trialdesk.domain import ctcae
from trialdesk.domain.dates import age_on
from trialdesk.domain.dosing import (
    NEEDS_REASON,
    NO_GO,
    DoseCheck,
    DoseContext,
    GoNoGo,
    LabOnFile,
    evaluate_dose,
)
from trialdesk.domain.explanations import Explanation, Explanations
from trialdesk.domain.labs import LabValueError, convert, reference_flag, safety_check
from trialdesk.domain.people import Role, User
from trialdesk.domain.schedule import PlannedVisit, build_schedule
from trialdesk.errors import ValidationError
from trialdesk.services import auth, signatures
from trialdesk.services.permissions import Action, allowed, require
from trialdesk.services.screening import checklist, protocol

MEANING_OVERRIDE = "No-go overridden by investigator"
INJECTION_SITES = ("abdomen_left", "abdomen_right")
CAUSALITY = ("not_related", "unlikely", "possible", "probable", "definite")
ACTIONS_TAKEN = ("none", "dose_delayed", "dose_not_given", "withdrawn", "not_applicable", "unknown")
OUTCOMES = ("recovered", "recovering", "not_recovered", "recovered_with_sequelae", "fatal", "unknown")


# --- blinding -------------------------------------------------------------------------------------

def is_blinded(user: User) -> bool:
    """Every site role is blinded except a user flagged as the unblinded safety physician."""
    return not getattr(user, "unblinded", False)


def _first_dose_given(db, participant_id: str) -> str | None:
    row = db.execute(
        "SELECT min(a.started_at) FROM administrations a JOIN dose_visits v ON v.id = a.dose_visit_id "
        "WHERE v.participant_id = ?", [participant_id]).fetchone()
    return row[0] if row else None


def _masked(user: User, analyte: str, sampled_at: str, first_dose_at: str | None) -> bool:
    lab = protocol().lab(analyte)
    return (lab.masked_after_first_dose and is_blinded(user) and first_dose_at is not None
            and sampled_at >= first_dose_at)


def masked_result_ids(store: Store, user: User, participant_id: str) -> set[str]:
    """Ids of the participant's lab results this user may not see (blinded role, masked analyte, sampled
    after the first dose): their values and corrections show as masked everywhere (screens, history, print)."""
    if not is_blinded(user):
        return set()
    first = _first_dose_given(store.db, participant_id)
    return {rid for rid, (analyte, sampled) in repo.masking_facts(store.db, participant_id).items()
            if _masked(user, analyte, sampled, first)}


@dataclass(frozen=True)
class LabView:
    """A result as this user may see it: ``value``/``flag`` are None when masked."""

    analyte: str
    symbol: str
    sampled_at: str
    entered: str | None
    value: float | None
    unit: str
    flag: str | None
    ctcae_term: str | None
    ctcae_grade: int | None
    masked: bool
    safety: Explanation
    safety_ok: bool


def _view(user: User, record: dict, first_dose_at: str | None) -> LabView:
    lab = protocol().lab(record["analyte"])
    masked = _masked(user, record["analyte"], record["sampled_at"], first_dose_at)
    safety = safety_check(protocol(), record["analyte"], record["value"])
    return LabView(
        analyte=record["analyte"], symbol=lab.symbol, sampled_at=record["sampled_at"],
        entered=None if masked else f"{record['entered_value']} {record['entered_unit']}",
        value=None if masked else record["value"], unit=lab.unit, flag=None if masked else record["flag"],
        ctcae_term=None if masked else record["ctcae_term"], ctcae_grade=None if masked else record["ctcae_grade"],
        masked=masked, safety=safety.masked_explanation if masked else safety.explanation, safety_ok=safety.ok,
    )


def lab_results(store: Store, user: User, participant_id: str, analyte: str | None = None) -> list[LabView]:
    """Every result of a participant, masked for blinded roles where the protocol says so."""
    require(user, Action.VIEW_CLINICAL)
    first = _first_dose_given(store.db, participant_id)
    return [_view(user, r, first) for r in repo.results(store.db, participant_id, analyte)]


# --- participant and calendar -------------------------------------------------------------------

def _participant(store: Store, participant_id: str) -> dict:
    row = store.db.execute("SELECT * FROM participants WHERE id = ?", [participant_id]).fetchone()
    if row is None:
        raise ValidationError("No such participant.")
    cols = [d[0] for d in store.db.execute("SELECT * FROM participants LIMIT 0").description]
    return dict(zip(cols, row))


def _eligibility_signed(store: Store, participant_id: str) -> bool:
    """The latest decision is 'eligible' and its signature still matches the checklist."""
    row = store.db.execute(
        "SELECT verdict, signature_id FROM eligibility_decisions WHERE participant_id = ? "
        "ORDER BY decided_at DESC LIMIT 1", [participant_id]).fetchone()
    if not row or row[0] != "eligible":
        return False
    sig = store.db.execute("SELECT content_hash FROM signatures WHERE id = ?", [row[1]]).fetchone()
    return bool(sig) and sig[0] == signatures.content_hash(checklist(store, participant_id))


def schedule_of(store: Store, participant: dict):
    """The participant's calendar from the protocol, with the actual first dose once given."""
    if not participant.get("inclusion_date"):
        raise ValidationError("The participant is not enrolled: no visit calendar yet.")
    first = _first_dose_given(store.db, participant["id"])
    first_day = parse_utc(first).astimezone(LOCAL_TZ).date() if first else None
    return build_schedule(protocol(), date.fromisoformat(participant["inclusion_date"]),
                          (first_day,) if first_day else ())


def _dose_visit_plan(store: Store, participant: dict, dose_code: str) -> PlannedVisit:
    try:
        visit = schedule_of(store, participant).visit(dose_code)
    except KeyError:
        raise ValidationError("{code} is not a dose of this protocol.", code=dose_code) from None
    if visit.kind != "dose":
        raise ValidationError("{code} is not a dose visit.", code=dose_code)
    return visit


def _open_visit(store: Store, tx, participant: dict, dose_code: str, day: date) -> dict:
    if participant["status"] in ("follow_up", "completed", "withdrawn"):
        raise ValidationError("{study_id} is {status}: no new dose visit data (saved values can still be "
                              "corrected).", study_id=participant["study_id"],
                              status=participant["status"].replace("_", " "))
    if participant["status"] not in ("enrolled", "on_treatment"):
        raise ValidationError("No dose visit before enrolment: {study_id} is {status}.",
                              study_id=participant["study_id"], status=participant["status"].replace("_", " "))
    _dose_visit_plan(store, participant, dose_code)
    return repo.ensure_dose_visit(tx, store.info.site_code, participant["id"], dose_code, day.isoformat())


# --- pre-dose labs ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class LabEntry:
    """One value as typed, with the unit the lab reported."""

    value: str
    unit: str


def check_lab_entry(analyte: str, entry: LabEntry, sex: str | None = None, age: int | None = None) -> dict:
    """Convert one typed value (ValidationError at the field on a bad number, unit or implausible value)."""
    try:
        value = convert(protocol(), analyte, entry.value, entry.unit)
    except LabValueError as exc:
        raise ValidationError(exc.template, field=analyte, **exc.params) from None
    flag, _ = reference_flag(protocol(), analyte, value, sex, age)
    term, grade = None, None
    for name, lab_term in protocol().ctcae_lab.items():
        if lab_term.analyte == analyte:
            lln = _lln(analyte, sex, age)
            if lln is not None:
                term, grade = name, ctcae.lab_grade(protocol(), name, value.value, value.unit, lln) or None
    return {"analyte": analyte, "entered_value": entry.value.strip(), "entered_unit": entry.unit,
            "value": value.value, "unit": value.unit, "flag": flag, "ctcae_term": term if grade else None,
            "ctcae_grade": grade}


def _lln(analyte: str, sex: str | None, age: int | None) -> float | None:
    from trialdesk.domain.labs import reference_range

    ref = reference_range(protocol(), analyte, sex, age)
    return None if ref is None else float(ref.low) if ref.low is not None else None


def record_pre_dose_labs(store: Store, user: User, participant_id: str, dose_code: str, *,
                         sampled_at: datetime, entries: Mapping[str, LabEntry],
                         read_back: set[str] = frozenset()) -> list[LabView]:
    """Save a pre-dose sample. Critical analytes (IgG, NK) must have been read back and confirmed."""
    require(user, Action.RECORD_LABS)
    participant = _participant(store, participant_id)
    if sampled_at.tzinfo is None:
        raise ValidationError("The sample time needs a time zone.", field="sampled_at")
    if sampled_at > utc_now() + timedelta(minutes=5):
        raise ValidationError("The sample time is in the future.", field="sampled_at")
    if not entries:
        raise ValidationError("Enter at least one result.")
    age = _age(participant, sampled_at.date())
    rows = {}
    for analyte, entry in entries.items():
        rows[analyte] = check_lab_entry(analyte, entry, participant["sex"], age)
        if protocol().lab(analyte).critical and analyte not in read_back:
            raise ValidationError("Read {symbol} back from the lab report and confirm it before saving.",
                                  field=analyte, symbol=protocol().lab(analyte).symbol)
    with store.acting(auth.actor(user)) as tx:
        visit = _open_visit(store, tx, participant, dose_code, sampled_at.astimezone(LOCAL_TZ).date())
        sample = repo.insert(tx, "lab_samples", store.info.site_code, {
            "participant_id": participant_id, "dose_visit_id": visit["id"], "sampled_at": utc_iso(sampled_at),
            "context": "pre_dose"})
        for analyte, row in rows.items():
            repo.insert(tx, "lab_results", store.info.site_code,
                        {**row, "sample_id": sample["id"], "read_back": 1 if analyte in read_back else 0})
    first = _first_dose_given(store.db, participant_id)
    return [_view(user, {**r, "sampled_at": utc_iso(sampled_at)}, first) for r in rows.values()]


def correct_lab_result(store: Store, user: User, result_id: str, entry: LabEntry | None, reason: str, *,
                       sampled_at: datetime | None = None) -> None:
    """Correct a saved value (``entry``) and/or the time its sample was taken (``sampled_at``: the whole
    sample moves, with every result in it), in one transaction. Reason required; the audit trail keeps
    old → new."""
    require(user, Action.RECORD_LABS)
    row = store.db.execute(
        "SELECT r.analyte, s.participant_id, s.sampled_at, s.id FROM lab_results r "
        "JOIN lab_samples s ON s.id = r.sample_id WHERE r.id = ?", [result_id]).fetchone()
    if row is None:
        raise ValidationError("No such result.")
    if not (reason or "").strip():
        raise ValidationError("Give a reason for the correction.", field="reason")
    moved = None
    if sampled_at is not None:
        if sampled_at.tzinfo is None or sampled_at > utc_now() + timedelta(minutes=5):
            raise ValidationError("The sample time is in the future.", field="sampled_at")
        moved = utc_iso(sampled_at) if utc_iso(sampled_at) != row[2] else None
    if entry is None and moved is None:
        raise ValidationError("Nothing was changed.")
    participant = _participant(store, row[1])
    values = None
    if entry is not None:
        values = check_lab_entry(row[0], entry, participant["sex"],
                                 _age(participant, parse_utc(moved or row[2]).date()))
        values.pop("analyte")
    with store.acting(auth.actor(user), reason) as tx:
        if values is not None:
            repo.update(tx, "lab_results", result_id, values)
        if moved is not None:
            repo.update(tx, "lab_samples", row[3], {"sampled_at": moved})


def _age(participant: dict, day: date) -> int | None:
    return age_on(date.fromisoformat(participant["birth_date"]), day) if participant.get("birth_date") else None


# --- other pre-dose facts --------------------------------------------------------------------------

def record_blood_bank(store: Store, user: User, participant_id: str, *, type_and_screen_on: date | None,
                      alert_card_on: date | None, reason: str | None = None) -> None:
    """Type & screen date and alert-card date (both needed before dose 1)."""
    require(user, Action.RECORD_DOSE)
    participant = _participant(store, participant_id)
    today = local_today()
    for name, day in (("type_and_screen_on", type_and_screen_on), ("alert_card_on", alert_card_on)):
        if day is not None and day > today:
            raise ValidationError("The date is in the future.", field=name)
    values = {"type_and_screen_on": type_and_screen_on.isoformat() if type_and_screen_on else None,
              "alert_card_issued_on": alert_card_on.isoformat() if alert_card_on else None}
    changed = any(participant.get(k) and participant.get(k) != v for k, v in values.items())
    if changed and not (reason or "").strip():
        raise ValidationError("A saved date is being changed: give the reason.", field="reason")
    with store.acting(auth.actor(user), reason if changed else "blood-bank dates entered") as tx:
        tx["participants"].update(participant_id, {**values, "updated_at": utc_iso()})


def record_premedication(store: Store, user: User, participant_id: str, dose_code: str, drug: str,
                         given_at: datetime, reason: str | None = None) -> None:
    require(user, Action.RECORD_DOSE)
    codes = [p.code for p in protocol().pre_dose.premedication]
    if drug not in codes:
        raise ValidationError("Unknown premedication {drug}.", field=drug, drug=drug)
    if given_at.tzinfo is None or given_at > utc_now() + timedelta(minutes=5):
        raise ValidationError("The time given is in the future.", field=drug)
    participant = _participant(store, participant_id)
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    existing = repo.premedications(store.db, visit["id"]).get(drug) if visit else None
    if existing and not (reason or "").strip():
        raise ValidationError("The time was already saved: give the reason for the change.", field="reason")
    with store.acting(auth.actor(user), reason if existing else None) as tx:
        if existing:  # a correction: also after the participant has moved on to follow-up
            repo.update(tx, "premedications", existing["id"], {"given_at": utc_iso(given_at)})
        else:
            visit = _open_visit(store, tx, participant, dose_code, given_at.astimezone(LOCAL_TZ).date())
            repo.insert(tx, "premedications", store.info.site_code,
                        {"dose_visit_id": visit["id"], "drug": drug, "given_at": utc_iso(given_at)})


def record_pregnancy_test(store: Store, user: User, participant_id: str, dose_code: str, result: str,
                          day: date | None = None, reason: str | None = None) -> None:
    """Today's pregnancy test before the dose (a change of a saved result needs a reason)."""
    require(user, Action.RECORD_LABS)
    if result not in ("negative", "positive"):
        raise ValidationError("Choose negative or positive.", field="pregnancy_test")
    participant = _participant(store, participant_id)
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    saved = visit["pregnancy_test"] if visit else None
    if saved and saved != result and not (reason or "").strip():
        raise ValidationError("A result was already saved: give the reason for the change.", field="reason")
    with store.acting(auth.actor(user), reason if saved else "pregnancy test entered") as tx:
        if not saved:  # a correction of a saved result may come after the participant moved on to follow-up
            visit = _open_visit(store, tx, participant, dose_code, day or local_today())
        repo.update(tx, "dose_visits", visit["id"], {"pregnancy_test": result})


# --- go / no-go -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DoseStatus:
    """The go / no-go for one dose as this user may see it.

    ``reasons`` are (ok, explanation) pairs, one per check of ``decision`` in the same order, with the
    masked wording where this user is blinded: the UI words them in its language
    (``trialdesk.ui.explain``); ``lines`` is the same in English text.
    """

    dose_code: str
    verdict: str
    reasons: tuple[tuple[bool, Explanation], ...]
    window: tuple[str, str]
    decision: GoNoGo = field(repr=False)

    @property
    def lines(self) -> tuple[tuple[bool, str], ...]:
        """(ok, English text) pairs."""
        return tuple((ok, explanation.text()) for ok, explanation in self.reasons)

    @property
    def problems(self) -> Explanations:
        """The explanations of the checks that fail."""
        return Explanations(explanation for ok, explanation in self.reasons if not ok)


def _shown(user: User, check: DoseCheck, first_dose_at: str | None) -> Explanation:
    """The check's explanation as ``user`` may read it (masked for blinded roles after the first dose)."""
    masked = (check.masked is not None and check.analyte is not None and is_blinded(user)
              and first_dose_at is not None and protocol().lab(check.analyte).masked_after_first_dose)
    return check.masked if masked else check.explanation


def go_no_go(store: Store, user: User, participant_id: str, dose_code: str,
             now: datetime | None = None) -> DoseStatus:
    """Evaluate every pre-dose condition now (masked wording for blinded roles)."""
    require(user, Action.VIEW_CLINICAL)
    now = now or utc_now()
    decision, plan = _decide(store, participant_id, dose_code, now)
    first = _first_dose_given(store.db, participant_id)
    reasons = tuple((check.ok, _shown(user, check, first)) for check in decision.checks)
    return DoseStatus(dose_code, decision.verdict, reasons,
                      (plan.window_start.isoformat(), plan.window_end.isoformat()), decision)


def _decide(store: Store, participant_id: str, dose_code: str, now: datetime) -> tuple[GoNoGo, PlannedVisit]:
    participant = _participant(store, participant_id)
    plan = _dose_visit_plan(store, participant, dose_code)
    day = now.astimezone(LOCAL_TZ).date()
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    codes = [d.code for d in protocol().schedule.doses]
    previous = {}
    for code in codes[: codes.index(dose_code)]:
        row = repo.get_dose_visit(store.db, participant_id, code)
        previous[code] = row["state"] if row and row["state"] in ("given", "missed", "not_given") else ""
        if previous[code] == "not_given":
            previous[code] = "missed"
    given_on = None
    if visit and visit["state"] == "given":
        given_on = date.fromisoformat(visit["visit_date"])
    labs = {}
    latest = repo.latest_results(store.db, participant_id, protocol().pre_dose.analytes)
    for analyte, record in latest.items():
        labs[analyte] = LabOnFile(record["value"], parse_utc(record["sampled_at"]).astimezone(LOCAL_TZ).date())
    premeds = {}
    if visit:
        # Local time: the explanation shows the clock time the nurse wrote down ("given at 08:30").
        premeds = {d: parse_utc(r["given_at"]).astimezone(LOCAL_TZ)
                   for d, r in repo.premedications(store.db, visit["id"]).items()}
    wocbp = None
    if participant["sex"] == "M":
        wocbp = False
    elif participant["sex"] == "F" and participant["childbearing_potential"] is not None:
        wocbp = bool(participant["childbearing_potential"])
    ctx = DoseContext(
        visit=plan, day=day, now=now, status=participant["status"],
        eligibility_signed=_eligibility_signed(store, participant_id), previous_doses=previous,
        already_given_on=given_on, woman_of_childbearing_potential=wocbp,
        pregnancy_test=visit["pregnancy_test"] if visit and visit["visit_date"] == day.isoformat() else None,
        labs=labs, premedication=premeds,
        type_and_screen_on=date.fromisoformat(participant["type_and_screen_on"]) if participant.get("type_and_screen_on") else None,
        alert_card_on=date.fromisoformat(participant["alert_card_issued_on"]) if participant.get("alert_card_issued_on") else None,
    )
    return evaluate_dose(protocol(), ctx), plan


# --- administration -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Vitals:
    bp_sys: int | None = None
    bp_dia: int | None = None
    pulse: int | None = None
    temp: float | None = None


@dataclass(frozen=True)
class Administration:
    """What the nurse records about the injection. No treatment arm: the kit number is all."""

    kit_number: str
    injection_site: str
    started_at: datetime
    ended_at: datetime
    lot: str | None = None
    observation_until: datetime | None = None
    vitals_before: Vitals = Vitals()
    vitals_after: Vitals = Vitals()


VITAL_LIMITS = {"bp_sys": (50, 260), "bp_dia": (20, 160), "pulse": (20, 250), "temp": (30.0, 43.0)}


def check_administration(a: Administration) -> None:
    """The checks of one injection record that need no store (kit format, site, times, vitals); the UI runs
    them before asking for a reason. ValidationError at the field."""
    kit = (a.kit_number or "").strip()
    if not kit or len(kit) > 40 or not all(c.isalnum() or c in "-_/." for c in kit):
        raise ValidationError("Scan or type the kit number from the label (letters, digits, '-').",
                              field="kit_number")
    if a.injection_site not in INJECTION_SITES:
        raise ValidationError("Choose the injection site: abdomen left or right.", field="injection_site")
    for name, moment in (("started_at", a.started_at), ("ended_at", a.ended_at)):
        if moment.tzinfo is None:
            raise ValidationError("The time needs a time zone.", field=name)
        if moment > utc_now() + timedelta(minutes=5):
            raise ValidationError("The time is in the future.", field=name)
    if a.ended_at < a.started_at:
        raise ValidationError("The injection cannot end before it started.", field="ended_at")
    for when, vitals in (("before", a.vitals_before), ("after", a.vitals_after)):
        for name, (low, high) in VITAL_LIMITS.items():
            value = getattr(vitals, name)
            if value is not None and not (low <= value <= high):
                raise ValidationError("{value} is not a plausible value ({low}–{high}).",
                                      field=f"{name}_{when}", value=value, low=low, high=high)


def _admin_columns(a: Administration) -> dict:
    """The ``administrations`` columns an :class:`Administration` fills (kit numbers upper case)."""
    return {
        "kit_number": a.kit_number.strip().upper(), "lot": (a.lot or "").strip() or None,
        "injection_site": a.injection_site, "started_at": utc_iso(a.started_at), "ended_at": utc_iso(a.ended_at),
        "observation_until": utc_iso(a.observation_until) if a.observation_until else None,
        **{f"{k}_pre": getattr(a.vitals_before, k) for k in VITAL_LIMITS},
        **{f"{k}_post": getattr(a.vitals_after, k) for k in VITAL_LIMITS},
    }


def _check_kit_unused(store: Store, kit: str, own_id: str | None = None) -> None:
    row = store.db.execute("SELECT id FROM administrations WHERE kit_number = ?", [kit]).fetchone()
    if row is not None and row[0] != own_id:
        raise ValidationError("Kit {kit} was already used for another injection: check the label.",
                              field="kit_number", kit=kit)


def record_administration(store: Store, user: User, participant_id: str, dose_code: str, admin: Administration,
                          *, window_reason: str | None = None, override_reason: str | None = None,
                          override_username: str | None = None, override_password: str | None = None,
                          now: datetime | None = None) -> str:
    """Record the injection after checking go / no-go again.

    ``needs_reason`` (outside the window) needs ``window_reason``; ``no_go`` needs an investigator's
    signed override (``override_*``). Returns the verdict the dose was given under.
    """
    require(user, Action.RECORD_DOSE)
    check_administration(admin)
    now = now or utc_now()
    decision, plan = _decide(store, participant_id, dose_code, now)
    participant = _participant(store, participant_id)
    if participant["status"] not in ("enrolled", "on_treatment"):
        raise ValidationError("No dose before enrolment: {study_id} is {status}.",
                              study_id=participant["study_id"], status=participant["status"].replace("_", " "))
    first = _first_dose_given(store.db, participant_id)
    if any(c.kind == "order" and not c.ok for c in decision.checks):
        raise ValidationError("{problems}", problems=Explanations(
            _shown(user, c, first) for c in decision.problems if c.kind == "order"))
    _check_kit_unused(store, admin.kit_number.strip().upper())
    signature = None
    if decision.verdict == NEEDS_REASON and not (window_reason or "").strip():
        raise ValidationError("The dose is outside its window: give the reason.", field="window_reason")
    if decision.verdict == NO_GO:
        if not allowed(user, Action.OVERRIDE_NO_GO) or not (override_reason or "").strip():
            raise ValidationError("No-go: {problems}. Only an investigator can override, with a signed reason.",
                                  field="override",
                                  problems=Explanations(_shown(user, c, first) for c in decision.problems))
    if decision.verdict == NO_GO:
        # Check the password outside the transaction, so a wrong one still counts towards the lockout.
        auth.reauthenticate(store, user, override_username or "", override_password or "")
    with store.acting(auth.actor(user), f"dose {dose_code} given") as tx:
        visit = _open_visit(store, tx, participant, dose_code, admin.started_at.astimezone(LOCAL_TZ).date())
        if decision.verdict == NO_GO:
            signature = signatures.sign(
                store, user, username=override_username or "", password=override_password or "",
                meaning=f"{MEANING_OVERRIDE}: {override_reason.strip()}", record_table="dose_visits",
                record_id=visit["id"], content={"dose": dose_code, "problems": [c.explanation.text() for c in decision.problems]},
                tx=tx)
        repo.insert(tx, "administrations", store.info.site_code,
                    {"dose_visit_id": visit["id"], "given_by": user.id, **_admin_columns(admin)})
        repo.update(tx, "dose_visits", visit["id"], {
            "state": "given", "visit_date": admin.started_at.astimezone(LOCAL_TZ).date().isoformat(),
            "verdict": decision.verdict, "window_reason": (window_reason or "").strip() or None,
            "override_reason": (override_reason or "").strip() or None,
            "override_signature_id": signature.id if signature else None})
        if participant["status"] == "enrolled":
            tx["participants"].update(participant_id, {"status": "on_treatment", "updated_at": utc_iso()})
        _sync_calendar(store, tx, participant_id)
    return decision.verdict


def correct_administration(store: Store, user: User, participant_id: str, dose_code: str, admin: Administration,
                           reason: str) -> list[str]:
    """Correct a saved injection record (kit, lot, site, times, vitals) with a reason.

    One audited transaction; the fields' old and new values are in the audit trail. A changed injection
    date moves the visit date (and, for the first dose, the calendar that counts from it); a date outside
    the dose's window keeps the reason given here as the window reason. Returns the changed column names.
    """
    require(user, Action.RECORD_DOSE)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Give a reason for the correction.", field="reason")
    check_administration(admin)
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    saved = repo.administration(store.db, visit["id"]) if visit else None
    if saved is None:
        raise ValidationError("{code} has no injection record to correct.", code=dose_code)
    values = _admin_columns(admin)
    _check_kit_unused(store, values["kit_number"], own_id=saved["id"])
    changed = {k: v for k, v in values.items() if saved.get(k) != v}
    if not changed:
        raise ValidationError("Nothing was changed.")
    day = admin.started_at.astimezone(LOCAL_TZ).date()
    visit_values: dict = {}
    if day.isoformat() != visit["visit_date"]:
        visit_values["visit_date"] = day.isoformat()
        plan = _dose_visit_plan(store, _participant(store, participant_id), dose_code)
        if not plan.window_start <= day <= plan.window_end and not visit["window_reason"]:
            # Given outside its window after all: the record says so, with this reason.
            visit_values["window_reason"] = reason
            if visit["verdict"] == "go":
                visit_values["verdict"] = NEEDS_REASON
    with store.acting(auth.actor(user), reason) as tx:
        repo.update(tx, "administrations", saved["id"], changed)
        if visit_values:
            repo.update(tx, "dose_visits", visit["id"], visit_values)
            _sync_calendar(store, tx, participant_id)
    return sorted(changed)


def _sync_calendar(store: Store, tx, participant_id: str) -> None:
    """Move planned dates after the first dose (doses count from it) and mark given doses done."""
    participant = _participant(store, participant_id)
    schedule = schedule_of(store, participant)
    given = {r["dose_code"]: r["visit_date"] for r in repo.dose_visits(tx, participant_id) if r["state"] == "given"}
    for visit in schedule.visits:
        row = tx.execute("SELECT id, target_date, window_start, window_end, done_on FROM planned_visits "
                         "WHERE participant_id = ? AND code = ?", [participant_id, visit.code]).fetchone()
        if row is None:
            continue
        values = {}
        if (row[1], row[2], row[3]) != (visit.target.isoformat(), visit.window_start.isoformat(), visit.window_end.isoformat()):
            values.update(target_date=visit.target.isoformat(), window_start=visit.window_start.isoformat(),
                          window_end=visit.window_end.isoformat())
        if visit.code in given and row[4] != given[visit.code]:
            values["done_on"] = given[visit.code]
        if values:
            values["updated_at"] = utc_iso()
            tx["planned_visits"].update(row[0], values)


# --- adverse events ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class AdverseEventInput:
    verbatim: str
    term: str
    onset_date: date
    grade: int
    serious: bool
    causality: str
    action_taken: str
    outcome: str
    end_date: date | None = None
    other_specify: str | None = None
    sae_criteria: frozenset[str] = frozenset()
    aware_at: datetime | None = None


def _check_ae(ae: AdverseEventInput, today: date) -> dict:
    terms = {t.key: t for t in ctcae.ae_terms(protocol())}
    if not (ae.verbatim or "").strip():
        raise ValidationError("Write what the participant reported (verbatim).", field="verbatim")
    if ae.term not in terms:
        raise ValidationError("Choose a term from the list (or 'Other, specify').", field="term")
    if ae.term == "other_specify" and not (ae.other_specify or "").strip():
        raise ValidationError("Specify the term.", field="other_specify")
    if ae.grade not in (1, 2, 3, 4, 5) or not ctcae.grade_exists(terms[ae.term], ae.grade):
        raise ValidationError("Grade {grade} does not exist for this term.", field="grade", grade=ae.grade)
    if ae.onset_date > today:
        raise ValidationError("The onset date is in the future.", field="onset_date")
    if ae.end_date is not None and (ae.end_date < ae.onset_date or ae.end_date > today):
        raise ValidationError("The end date must be between the onset date and today.", field="end_date")
    if (ae.grade == 5) != (ae.outcome == "fatal"):
        raise ValidationError("Grade 5 (death) and outcome 'fatal' go together.", field="outcome")
    for name, allowed_values in (("causality", CAUSALITY), ("action_taken", ACTIONS_TAKEN), ("outcome", OUTCOMES)):
        if getattr(ae, name) not in allowed_values:
            raise ValidationError("Choose a value from the list.", field=name)
    unknown = set(ae.sae_criteria) - set(repo.SAE_CRITERIA)
    if unknown:
        raise ValidationError("Unknown seriousness criterion.", field="serious")
    if ae.serious and not ae.sae_criteria:
        raise ValidationError("A serious event needs at least one seriousness criterion.", field="serious")
    if not ae.serious and ae.sae_criteria:
        raise ValidationError("Seriousness criteria are ticked: mark the event serious.", field="serious")
    if ae.grade == 5 and "sae_death" not in ae.sae_criteria:
        raise ValidationError("A fatal event is serious (criterion: death).", field="serious")
    return {
        "verbatim": ae.verbatim.strip(), "term": ae.term, "other_specify": (ae.other_specify or "").strip() or None,
        "ctcae_version": protocol().ctcae_version, "onset_date": ae.onset_date.isoformat(),
        "end_date": ae.end_date.isoformat() if ae.end_date else None, "grade": ae.grade,
        "serious": 1 if ae.serious else 0, **{c: int(c in ae.sae_criteria) for c in repo.SAE_CRITERIA},
        "causality": ae.causality, "action_taken": ae.action_taken, "outcome": ae.outcome,
    }


def record_adverse_event(store: Store, user: User, participant_id: str, ae: AdverseEventInput,
                         dose_code: str | None = None, today: date | None = None) -> str:
    """Record an AE (reported at ``dose_code``'s visit if given). A serious one starts the 24 h clock."""
    require(user, Action.RECORD_AE)
    participant = _participant(store, participant_id)
    if participant["status"] in ("candidate",):
        raise ValidationError("Adverse events are recorded from consent on.")
    values = _check_ae(ae, today or local_today())
    if ae.serious:
        values["aware_at"] = utc_iso(ae.aware_at or utc_now())
    with store.acting(auth.actor(user)) as tx:
        visit_id = None
        if dose_code:
            visit = repo.get_dose_visit(tx, participant_id, dose_code)
            visit_id = visit["id"] if visit else None
        row = repo.insert(tx, "adverse_events", store.info.site_code,
                          {**values, "participant_id": participant_id, "reported_visit_id": visit_id})
    return row["id"]


def update_adverse_event(store: Store, user: User, ae_id: str, ae: AdverseEventInput, reason: str,
                         today: date | None = None) -> None:
    require(user, Action.RECORD_AE)
    current = store.db["adverse_events"].get(ae_id)
    values = _check_ae(ae, today or local_today())
    if ae.serious and not current["aware_at"]:
        values["aware_at"] = utc_iso(ae.aware_at or utc_now())
    with store.acting(auth.actor(user), reason) as tx:
        repo.update(tx, "adverse_events", ae_id, values)


def mark_sae_reported(store: Store, user: User, ae_id: str, reported_at: datetime | None = None) -> None:
    """Stop the SAE clock: the report reached the sponsor."""
    require(user, Action.RECORD_AE)
    current = store.db["adverse_events"].get(ae_id)
    if not current["serious"]:
        raise ValidationError("Only serious adverse events are reported on the 24-hour clock.")
    with store.acting(auth.actor(user), "SAE reported to the sponsor") as tx:
        repo.update(tx, "adverse_events", ae_id, {"sae_reported_at": utc_iso(reported_at or utc_now())})


@dataclass(frozen=True)
class SaeClock:
    ae_id: str
    participant_id: str
    study_id: str
    term: str
    aware_at: datetime
    due_at: datetime

    def remaining(self, now: datetime | None = None) -> timedelta:
        return self.due_at - (now or utc_now())


def open_sae_clocks(store: Store, user: User) -> list[SaeClock]:
    """Serious AEs not yet marked reported, with the deadline (aware + the protocol's hours)."""
    require(user, Action.VIEW_CLINICAL)
    hours = protocol().sae_report_hours
    rows = store.db.execute(
        "SELECT a.id, a.participant_id, p.study_id, a.term, a.aware_at FROM adverse_events a "
        "JOIN participants p ON p.id = a.participant_id WHERE a.serious = 1 AND a.sae_reported_at IS NULL "
        "ORDER BY a.aware_at").fetchall()
    return [SaeClock(r[0], r[1], r[2], r[3], parse_utc(r[4]), parse_utc(r[4]) + timedelta(hours=hours))
            for r in rows]


def set_unblinded(store: Store, admin: User, user_id: str, unblinded: bool, reason: str) -> None:
    """Designate (or revoke) the unblinded safety physician (administrator, audited with reason)."""
    require(admin, Action.MANAGE_USERS)
    target = store.db["users"].get(user_id)
    if unblinded and target["role"] != Role.INVESTIGATOR.value:
        raise ValidationError("Only an investigator can be the unblinded safety physician.")
    with store.acting(auth.actor(admin), reason) as tx:
        tx["users"].update(user_id, {"unblinded": 1 if unblinded else 0, "updated_at": utc_iso()})


# --- views for the workspace and the main window ------------------------------------------------------

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
    state: str  # upcoming | due | overdue | done | missed
    done_on: date | None


def timeline(store: Store, user: User, participant_id: str, today: date | None = None) -> list[TimelineRow]:
    """The visit calendar (baseline → doses → contacts → end of study) with each visit's state."""
    from trialdesk.domain.schedule import visit_state

    require(user, Action.VIEW_CLINICAL)
    today = today or local_today()
    missed = {r["dose_code"] for r in repo.dose_visits(store.db, participant_id) if r["state"] in ("missed", "not_given")}
    rows = store.db.execute(
        "SELECT code, kind, label_en, label_nb, target_date, window_start, window_end, done_on FROM planned_visits "
        "WHERE participant_id = ? ORDER BY target_date, code", [participant_id]).fetchall()
    out = []
    for code, kind, en, nb, target, start, end, done in rows:
        plan = PlannedVisit(code, kind, en, nb, date.fromisoformat(target), date.fromisoformat(start),
                            date.fromisoformat(end))
        done_on = date.fromisoformat(done) if done else None
        out.append(TimelineRow(code, kind, en, nb, plan.target, plan.window_start, plan.window_end,
                               visit_state(plan, today, done_on, code in missed), done_on))
    return out


@dataclass(frozen=True)
class DueRow:
    """A participant with a dose visit due (or overdue) on the day: the main window's "today" list."""

    participant_id: str
    study_id: str
    code: str
    label_en: str
    label_nb: str
    target: date
    window_end: date
    state: str


def due_today(store: Store, user: User, today: date | None = None) -> list[DueRow]:
    """Every dose visit inside its window or overdue and not done, by state then study id."""
    require(user, Action.VIEW_CLINICAL)
    today = today or local_today()
    rows = store.db.execute(
        "SELECT pv.participant_id, p.study_id, pv.code, pv.label_en, pv.label_nb, pv.target_date, pv.window_start, "
        "pv.window_end FROM planned_visits pv JOIN participants p ON p.id = pv.participant_id "
        "LEFT JOIN dose_visits dv ON dv.participant_id = pv.participant_id AND dv.dose_code = pv.code "
        "WHERE pv.kind = 'dose' AND pv.done_on IS NULL AND pv.window_start <= ? "
        "AND p.status IN ('enrolled', 'on_treatment') "
        "AND (dv.state IS NULL OR dv.state = 'open') ORDER BY pv.window_end, p.study_id", [today.isoformat()]).fetchall()
    out = []
    seen = set()
    for pid, study_id, code, en, nb, target, start, end in rows:
        if pid in seen:  # only the first open dose of each participant
            continue
        seen.add(pid)
        state = "due" if today <= date.fromisoformat(end) else "overdue"
        out.append(DueRow(pid, study_id, code, en, nb, date.fromisoformat(target), date.fromisoformat(end), state))
    return out


def mark_missed(store: Store, user: User, participant_id: str, dose_code: str, reason: str) -> None:
    """Record that a dose was not given (never a dose 0): the next dose may then go ahead."""
    require(user, Action.RECORD_DOSE)
    if not (reason or "").strip():
        raise ValidationError("Give the reason the dose was not given.", field="reason")
    participant = _participant(store, participant_id)
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    if visit and visit["state"] == "given":
        raise ValidationError("{code} was given; correct the administration instead.", code=dose_code)
    with store.acting(auth.actor(user), reason) as tx:
        visit = _open_visit(store, tx, participant, dose_code, local_today())
        repo.update(tx, "dose_visits", visit["id"], {"state": "missed"})


def undo_missed(store: Store, user: User, participant_id: str, dose_code: str, reason: str) -> None:
    """A dose recorded as not given by mistake is open again (reason required; the audit trail keeps it)."""
    require(user, Action.RECORD_DOSE)
    if not (reason or "").strip():
        raise ValidationError("Give a reason for the correction.", field="reason")
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    if visit is None or visit["state"] not in ("missed", "not_given"):
        raise ValidationError("{code} is not recorded as not given.", code=dose_code)
    with store.acting(auth.actor(user), reason) as tx:
        repo.update(tx, "dose_visits", visit["id"], {"state": "open"})


@dataclass(frozen=True)
class VisitRecord:
    """Everything recorded for one dose visit, as this user may see it."""

    dose_code: str
    state: str
    visit_date: date | None
    labs: tuple[LabView, ...]
    premedication: Mapping[str, datetime]  # drug code -> local time given
    pregnancy_test: str | None
    administration: Mapping[str, object] | None
    verdict: str | None
    window_reason: str | None
    override_reason: str | None
    adverse_events: tuple[Mapping[str, object], ...]


def visit_record(store: Store, user: User, participant_id: str, dose_code: str) -> VisitRecord:
    require(user, Action.VIEW_CLINICAL)
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    if visit is None:
        return VisitRecord(dose_code, "open", None, (), {}, None, None, None, None, None, ())
    first = _first_dose_given(store.db, participant_id)
    labs = tuple(_view(user, r, first) for r in repo.results(store.db, participant_id)
                 if r["dose_visit_id"] == visit["id"])
    premeds = {d: parse_utc(r["given_at"]).astimezone(LOCAL_TZ)
               for d, r in repo.premedications(store.db, visit["id"]).items()}
    admin = repo.administration(store.db, visit["id"])
    if admin is not None:  # who gave it, by name (the row keeps the user id)
        who = store.db.execute("SELECT full_name, username FROM users WHERE id = ?", [admin["given_by"]]).fetchone()
        admin = {**admin, "given_by_name": f"{who[0]} ({who[1]})" if who else admin["given_by"]}
    aes = tuple(a for a in repo.adverse_events(store.db, participant_id) if a["reported_visit_id"] == visit["id"])
    return VisitRecord(dose_code, visit["state"], date.fromisoformat(visit["visit_date"]), labs, premeds,
                       visit["pregnancy_test"], admin, visit["verdict"], visit["window_reason"],
                       visit["override_reason"], aes)


def adverse_events(store: Store, user: User, participant_id: str) -> list[dict]:
    """The participant's AE log, oldest onset first."""
    require(user, Action.VIEW_CLINICAL)
    return repo.adverse_events(store.db, participant_id)
