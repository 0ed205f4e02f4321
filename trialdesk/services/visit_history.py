"""Read-only views the injection-visit screens need beyond services.visits: saved lab results with their
ids and correction history (masked for blinded roles), an AE's change history, the blood-bank dates."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date

from trialdesk.db import history as history_repo
from trialdesk.db import visits as repo
from trialdesk.db.connection import Store
from trialdesk.domain.people import User
from trialdesk.errors import ValidationError
from trialdesk.services import visits as vs
from trialdesk.services.history import MASKED
from trialdesk.services.permissions import Action, require


@dataclass(frozen=True)
class Change:
    """One correction of a saved record: UTC ISO time, user name, old -> new text, reason."""

    at: str
    username: str
    old: str
    new: str
    reason: str
    field: str = ""


@dataclass(frozen=True)
class LabResultRecord:
    """A saved result as this user may see it (``view``), its id for corrections, and its corrections.

    ``dose_code`` is the dose visit the sample belongs to (None for samples outside a dose visit);
    ``read_back`` tells whether the value was read back from the lab report when entered.
    """

    id: str
    dose_code: str | None
    read_back: bool
    view: vs.LabView
    changes: tuple[Change, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def _lab_text(values: dict) -> str:
    if "entered_value" not in values and "entered_unit" not in values:
        return ""
    return f"{values.get('entered_value', '')} {values.get('entered_unit', '')}".strip()


def lab_result_records(store: Store, user: User, participant_id: str) -> list[LabResultRecord]:
    """Every saved result of a participant, oldest sample first, each with its corrections.

    Masked results (blinded roles, masked analytes after the first dose) show neither the value nor
    the old/new values of their corrections: only who changed them, when and why.
    """
    require(user, Action.VIEW_CLINICAL)
    rows = repo.results(store.db, participant_id)
    views = vs.lab_results(store, user, participant_id)
    if len(rows) != len(views):  # pragma: no cover - both read the same query
        raise ValidationError("The results changed while they were read; try again.")
    visits = {r["id"]: r["dose_code"] for r in repo.dose_visits(store.db, participant_id)}
    audit = history_repo.rows_for(store.db, [("lab_results", r["id"]) for r in rows])
    by_id: dict[str, list[Change]] = {}
    masked = {r["id"]: v.masked for r, v in zip(rows, views)}
    for row in audit:
        if row.action != "UPDATE":
            continue
        old = json.loads(row.old_values) if row.old_values else {}
        new = json.loads(row.new_values) if row.new_values else {}
        before, after = _lab_text(old), _lab_text(new)
        if before == after:
            continue
        if masked.get(row.record_id):
            before, after = MASKED, MASKED
        by_id.setdefault(row.record_id, []).append(
            Change(row.at, row.username or "", before, after, row.reason or "", field="value"))
    # A corrected sample time belongs to every result of the sample (``field`` "sampled_at", UTC ISO values).
    by_sample: dict[str, list[Change]] = {}
    for sample_id in {r["sample_id"] for r in rows}:
        by_sample[sample_id] = _field_changes(store, "lab_samples", sample_id, ("sampled_at",))
    out = []
    for record, view in zip(rows, views):
        assert record["analyte"] == view.analyte
        changes = sorted([*by_id.get(record["id"], ()), *by_sample.get(record["sample_id"], ())], key=lambda c: c.at)
        out.append(LabResultRecord(id=record["id"], dose_code=visits.get(record["dose_visit_id"]),
                                   read_back=bool(record["read_back"]), view=view, changes=tuple(changes)))
    return out


_AE_FIELDS = ("verbatim", "term", "other_specify", "onset_date", "end_date", "grade", "serious", "causality",
              "action_taken", "outcome", "sae_death", "sae_life_threatening", "sae_hospitalisation",
              "sae_disability", "sae_congenital", "sae_important_medical", "sae_reported_at")


def _field_changes(store: Store, table: str, record_id: str, fields: tuple[str, ...]) -> list[Change]:
    """One :class:`Change` per changed field of one record (``field`` the column, ``old``/``new`` its values as
    stored, "" for none), oldest first."""
    out = []
    for row in history_repo.rows_for(store.db, [(table, record_id)]):
        if row.action != "UPDATE":
            continue
        old = json.loads(row.old_values) if row.old_values else {}
        new = json.loads(row.new_values) if row.new_values else {}
        for name in fields:
            if name in new and old.get(name) != new.get(name):
                before, after = old.get(name), new.get(name)
                out.append(Change(row.at, row.username or "", "" if before is None else str(before),
                                  "" if after is None else str(after), row.reason or "", field=name))
    return out


def adverse_event_changes(store: Store, user: User, ae_id: str) -> list[Change]:
    """The corrections of one adverse event, oldest first."""
    require(user, Action.VIEW_CLINICAL)
    return _field_changes(store, "adverse_events", ae_id, _AE_FIELDS)


_ADMIN_FIELDS = ("kit_number", "lot", "injection_site", "started_at", "ended_at", "observation_until",
                 *(f"{v}_{when}" for when in ("pre", "post") for v in ("bp_sys", "bp_dia", "pulse", "temp")))


def administration_changes(store: Store, user: User, participant_id: str, dose_code: str) -> list[Change]:
    """The corrections of a dose's injection record (none when it was not given), oldest first."""
    require(user, Action.VIEW_CLINICAL)
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    admin = repo.administration(store.db, visit["id"]) if visit else None
    return _field_changes(store, "administrations", admin["id"], _ADMIN_FIELDS) if admin else []


def pre_dose_changes(store: Store, user: User, participant_id: str, dose_code: str) -> dict[str, list[Change]]:
    """Corrections of the saved pre-dose facts of one dose, by field: ``type_and_screen_on``, ``alert_card_on``
    (the participant's blood-bank dates), ``pregnancy_test`` and each premedication's drug code. A first entry
    is not a change; only a saved value replaced (with its reason) is."""
    require(user, Action.VIEW_CLINICAL)
    out: dict[str, list[Change]] = {}

    def collect(table: str, record_id: str, fields: dict[str, str]) -> None:
        for change in _field_changes(store, table, record_id, tuple(fields)):
            if change.old:
                out.setdefault(fields[change.field], []).append(replace(change, field=fields[change.field]))

    collect("participants", participant_id,
            {"type_and_screen_on": "type_and_screen_on", "alert_card_issued_on": "alert_card_on"})
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    if visit:
        collect("dose_visits", visit["id"], {"pregnancy_test": "pregnancy_test"})
        for drug, row in repo.premedications(store.db, visit["id"]).items():
            collect("premedications", row["id"], {"given_at": drug})
    return out


@dataclass(frozen=True)
class BloodBank:
    """Type & screen and alert-card dates on file (None: not recorded)."""

    type_and_screen_on: date | None
    alert_card_on: date | None


def blood_bank(store: Store, user: User, participant_id: str) -> BloodBank:
    """The blood-bank dates recorded for the participant (needed before dose 1)."""
    require(user, Action.VIEW_CLINICAL)
    row = store.db.execute("SELECT type_and_screen_on, alert_card_issued_on FROM participants WHERE id = ?",
                           [participant_id]).fetchone()
    if row is None:
        raise ValidationError("No such participant.")
    return BloodBank(*(date.fromisoformat(v) if v else None for v in row))


__all__ = ["BloodBank", "Change", "LabResultRecord", "MASKED", "administration_changes", "adverse_event_changes",
           "blood_bank", "lab_result_records", "pre_dose_changes"]
