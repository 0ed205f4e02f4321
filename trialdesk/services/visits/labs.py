"""Pre-dose blood results: typed values checked and converted, saved, corrected, and shown masked where
the blinding rule says so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Mapping

from trialdesk.clock import LOCAL_TZ, parse_utc, utc_iso
from trialdesk.db import visits as repo
from trialdesk.db.changes import ChangeSet
from trialdesk.db.connection import Store
from trialdesk.domain import blinding, ctcae
from trialdesk.domain.explanations import Explanation
from trialdesk.domain.labs import (
    LabValueError,
    convert,
    reference_flag,
    reference_range,
    safety_check,
)
from trialdesk.domain.people import User
from trialdesk.errors import ValidationError
from trialdesk.services import auth, bounds
from trialdesk.services.permissions import Action, require
from trialdesk.services.screening import protocol
from trialdesk.services.visits._common import age, first_dose_at, participant
from trialdesk.services.visits.calendar import open_visit

__all__ = ["LabEntry", "LabView", "check_lab_entry", "checked_sample", "correct_lab_result", "lab_results",
           "record_pre_dose_labs"]


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


def lab_view(user: User | blinding.Viewer, record: dict, first_dose: datetime | None) -> LabView:
    """``record`` (a ``lab_results`` row with its ``sampled_at``) as ``user`` may see it (a user, or its
    blinding read once for many results: :func:`domain.blinding.read_once`)."""
    lab = protocol().lab(record["analyte"])
    masked = blinding.result_masked(protocol(), user, record["analyte"], parse_utc(record["sampled_at"]), first_dose)
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
    first = first_dose_at(store.db, participant_id)
    viewer = blinding.read_once(user)
    return [lab_view(viewer, r, first) for r in repo.results(store.db, participant_id, analyte)]


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
    ref = reference_range(protocol(), analyte, sex, age)
    return None if ref is None else float(ref.low) if ref.low is not None else None


def _check_sampled_at(sampled_at: datetime, person: dict) -> None:
    """A sample time within bounds: aware, not after now, not before the participant's birth date."""
    if sampled_at.tzinfo is None:
        raise ValidationError("The sample time needs a time zone.", field="sampled_at")
    if bounds.after_now(sampled_at):
        raise ValidationError("The sample time {value} is in the future (now: {now}).", field="sampled_at",
                              value=bounds.shown(sampled_at), now=bounds.now_text())
    born = bounds.birth_date_of(person)
    if bounds.before_day(sampled_at, born):
        raise ValidationError("The sample time {value} is before the participant's birth date ({limit}).",
                              field="sampled_at", value=bounds.shown(sampled_at), limit=bounds.shown(born))


def checked_sample(person: dict, sampled_at: datetime, entries: Mapping[str, LabEntry],
                   read_back: set[str] = frozenset()) -> dict[str, dict]:
    """The ``lab_results`` columns of one sample's typed values, each checked and converted (the same checks for
    every sample: pre-dose and consultation): the time within bounds, at least one value, each plausible in a
    unit the lab reports, critical analytes (IgG, NK) read back. ValidationError at the field."""
    _check_sampled_at(sampled_at, person)
    if not entries:
        raise ValidationError("Enter at least one result.")
    years = age(person, sampled_at.date())
    rows = {}
    for analyte, entry in entries.items():
        rows[analyte] = check_lab_entry(analyte, entry, person["sex"], years)
        if protocol().lab(analyte).critical and analyte not in read_back:
            raise ValidationError("Read {symbol} back from the lab report and confirm it before saving.",
                                  field=analyte, symbol=protocol().lab(analyte).symbol)
    return rows


def record_pre_dose_labs(store: Store, user: User, participant_id: str, dose_code: str, *,
                         sampled_at: datetime, entries: Mapping[str, LabEntry],
                         read_back: set[str] = frozenset()) -> list[LabView]:
    """Save a pre-dose sample. Critical analytes (IgG, NK) must have been read back and confirmed."""
    require(user, Action.RECORD_LABS)
    person = participant(store, participant_id)
    rows = checked_sample(person, sampled_at, entries, read_back)
    with store.acting(auth.actor(user)) as tx:
        visit = open_visit(store, tx, person, dose_code, sampled_at.astimezone(LOCAL_TZ).date())
        sample = repo.insert(tx, "lab_samples", store.info.site_code, {
            "participant_id": participant_id, "dose_visit_id": visit["id"], "sampled_at": utc_iso(sampled_at),
            "context": "pre_dose"})
        for analyte, row in rows.items():
            repo.insert(tx, "lab_results", store.info.site_code,
                        {**row, "sample_id": sample["id"], "read_back": 1 if analyte in read_back else 0})
    first = first_dose_at(store.db, participant_id)
    return [lab_view(user, {**r, "sampled_at": utc_iso(sampled_at)}, first) for r in rows.values()]


def correct_lab_result(store: Store, user: User, result_id: str, entry: LabEntry | None, reason: str, *,
                       sampled_at: datetime | None = None) -> ChangeSet:
    """Correct a saved value (``entry``) and/or the time its sample was taken (``sampled_at``: the whole
    sample moves, with every result in it), in one transaction. Reason required; the audit trail keeps
    old → new."""
    require(user, Action.RECORD_LABS)
    saved = repo.result_sample(store.db, result_id)
    if saved is None:
        raise ValidationError("No such result.")
    if not (reason or "").strip():
        raise ValidationError("Give a reason for the correction.", field="reason")
    moved = None
    person = participant(store, saved.participant_id)
    if sampled_at is not None:
        _check_sampled_at(sampled_at, person)
        moved = utc_iso(sampled_at) if utc_iso(sampled_at) != saved.sampled_at else None
    if entry is None and moved is None:
        raise ValidationError("Nothing was changed.")
    values = None
    if entry is not None:
        values = check_lab_entry(saved.analyte, entry, person["sex"],
                                 age(person, parse_utc(moved or saved.sampled_at).date()))
        values.pop("analyte")
    with store.acting(auth.actor(user), reason) as tx:
        if values is not None:
            repo.update(tx, "lab_results", result_id, values)
        if moved is not None:
            repo.update(tx, "lab_samples", saved.sample_id, {"sampled_at": moved})
    return store.last_changes
