"""A participant's history: audit rows made readable (who, when, field, old -> new, why)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from trialdesk.db import history as history_repo
from trialdesk.db import screening as screening_repo
from trialdesk.db import visits as visits_repo
from trialdesk.db.connection import Store
from trialdesk.domain.people import User
from trialdesk.errors import PermissionDenied
from trialdesk.services import visits as visit_service
from trialdesk.services.permissions import Action, allowed, require

# Bookkeeping columns every row has: not shown as changes.
_HIDDEN = {"id", "site", "created_at", "updated_at", "participant_id", "screening_id", "dose_visit_id",
           "sample_id", "reported_visit_id", "override_signature_id"}
TABLE_TEXT = {
    "participants": "Participant", "identities": "Identity", "consents": "Consent",
    "screenings": "Screening", "screening_judgements": "Judgement",
    "eligibility_decisions": "Eligibility decision", "signatures": "Signature",
    "planned_visits": "Visit calendar", "dose_visits": "Dose visit", "premedications": "Premedication",
    "lab_samples": "Blood sample", "lab_results": "Blood result", "administrations": "Injection",
    "adverse_events": "Adverse event",
}
FIELD_TEXT = {
    "study_id": "study id", "sex": "sex", "birth_date": "birth date",
    "childbearing_potential": "childbearing potential", "status": "status",
    "inclusion_date": "inclusion date", "full_name": "name", "id_number": "identity number",
    "phone": "phone", "gp": "GP", "form_version": "form version", "language": "language",
    "participant_signed_on": "signed by participant", "investigator_signed_on": "signed by investigator",
    "obtained_by": "obtained by", "copy_given": "copy given", "screening_date": "screening date",
    "canadian_criteria_met": "Canadian criteria met", "severity": "severity",
    "me_cfs_onset_date": "ME/CFS onset date", "onset_trigger": "onset trigger",
    "pregnancy_test": "pregnancy test", "nk_value_text": "NK as entered", "nk_unit": "NK unit",
    "nk_value": "NK (×10^6/L)", "igg_value_text": "IgG as entered", "igg_unit": "IgG unit",
    "igg_value": "IgG (g/L)", "answer": "answer", "note": "note", "verdict": "verdict",
    "failed": "failed criteria", "missing": "open criteria", "protocol_version": "protocol version",
    "checklist_hash": "checklist hash", "signature_id": "signature", "decided_at": "decided at",
    "meaning": "meaning", "content_hash": "signed content hash", "signed_at": "signed at",
    "user_id": "signed by", "username": "user name", "record_table": "signed record",
    "record_id": "signed record id", "kind": "kind", "label_en": "visit", "label_nb": "visit (nb)",
    "target_date": "target date", "window_start": "window from", "window_end": "window to",
    "done_on": "done on",
    # injection visits
    "dose_code": "dose", "visit_date": "visit date", "state": "state", "window_reason": "window reason",
    "override_reason": "override reason", "drug": "drug", "given_at": "given at", "sampled_at": "sampled at",
    "context": "context", "analyte": "analyte", "entered_value": "value as entered",
    "entered_unit": "unit as entered", "value": "value (protocol unit)", "unit": "protocol unit", "flag": "flag",
    "ctcae_term": "CTCAE term", "ctcae_grade": "CTCAE grade", "read_back": "read back",
    "kit_number": "kit number", "lot": "lot", "injection_site": "injection site", "started_at": "started at",
    "ended_at": "ended at", "given_by": "given by", "observation_until": "observe until",
    "bp_sys_pre": "BP systolic before", "bp_dia_pre": "BP diastolic before", "pulse_pre": "pulse before",
    "temp_pre": "temperature before", "bp_sys_post": "BP systolic after", "bp_dia_post": "BP diastolic after",
    "pulse_post": "pulse after", "temp_post": "temperature after", "verbatim": "verbatim term",
    "term": "CTCAE term", "other_specify": "other, specify", "ctcae_version": "CTCAE version",
    "onset_date": "onset date", "end_date": "end date", "grade": "grade", "serious": "serious",
    "sae_death": "SAE: death", "sae_life_threatening": "SAE: life-threatening",
    "sae_hospitalisation": "SAE: hospitalisation", "sae_disability": "SAE: disability",
    "sae_congenital": "SAE: congenital anomaly", "sae_important_medical": "SAE: important medical event",
    "causality": "causality", "action_taken": "action with study drug", "outcome": "outcome",
    "aware_at": "aware at", "sae_reported_at": "SAE reported at",
}
_BOOL_FIELDS = {"childbearing_potential", "copy_given", "canadian_criteria_met", "answer", "read_back", "serious",
                "sae_death", "sae_life_threatening", "sae_hospitalisation", "sae_disability", "sae_congenital",
                "sae_important_medical"}
_USER_FIELDS = {"obtained_by", "user_id", "given_by"}
# What a blinded role may not see of a masked analyte's result after the first dose.
_MASKED_LAB_FIELDS = {"entered_value", "entered_unit", "value", "unit", "flag", "ctcae_term", "ctcae_grade"}
ACTION_TEXT = {"INSERT": "entered", "UPDATE": "changed", "DELETE": "deleted"}
MASKED = "(masked)"


@dataclass(frozen=True)
class HistoryRow:
    """One changed field of one audit row. ``at`` is UTC ISO (the UI shows Europe/Oslo time);
    ``record`` names the row (e.g. the criterion id of a judgement, the code of a visit)."""

    at: str
    username: str
    action: str
    table: str
    record: str
    field: str
    old: str
    new: str
    reason: str
    column: str = ""  # the stored column name behind ``field``


def _text(name: str, value, users: dict[str, str]) -> str:
    if value is None:
        return ""
    if name in _BOOL_FIELDS and value in (0, 1, True, False):
        return "yes" if value else "no"
    if name in _USER_FIELDS:
        return users.get(value, str(value))
    return str(value)


def history(store: Store, user: User, participant_id: str) -> list[HistoryRow]:
    """Readable audit rows of every record of the participant, oldest first.

    Needs VIEW_CLINICAL (investigator, nurse, monitor). Identity values are shown as ``(hidden)`` to roles that may
    not see identities; for blinded roles the values of masked analytes sampled after the first dose (and their
    corrections) are shown as ``(masked)`` — who changed them, when and why stay visible.
    """
    require(user, Action.VIEW_CLINICAL)  # administrators audit the store, not clinical values
    show_identity = allowed(user, Action.VIEW_IDENTITY)
    labels = visits_repo.record_labels(store.db, participant_id)
    masked_results = visit_service.masked_result_ids(store, user, participant_id)
    records = screening_repo.record_ids(store.db, participant_id) + list(labels)
    rows = history_repo.rows_for(store.db, records)
    users = dict(store.db.execute("SELECT id, username FROM users").fetchall())
    out: list[HistoryRow] = []
    for row in rows:
        old = json.loads(row.old_values) if row.old_values else {}
        new = json.loads(row.new_values) if row.new_values else {}
        table = row.table_name or ""
        record = (labels.get((table, row.record_id or "")) or new.get("criterion_id") or old.get("criterion_id")
                  or new.get("code") or old.get("code") or "")
        for name in sorted(set(old) | set(new)):
            if name in _HIDDEN or name == "criterion_id" or (name == "code" and table == "planned_visits"):
                continue
            before, after = old.get(name), new.get(name)
            if row.action == "UPDATE" and before == after:
                continue
            if row.action == "INSERT" and after is None:
                continue
            before, after = _text(name, before, users), _text(name, after, users)
            if table == "identities" and not show_identity:
                before = "(hidden)" if before else ""
                after = "(hidden)" if after else ""
            if table == "lab_results" and row.record_id in masked_results and name in _MASKED_LAB_FIELDS:
                before = MASKED if before else ""
                after = MASKED if after else ""
            out.append(HistoryRow(at=row.at, username=row.username or "", action=row.action, table=table,
                                  record=str(record), field=FIELD_TEXT.get(name, name), old=before, new=after,
                                  reason=row.reason or "", column=name))
    return out


__all__ = ["ACTION_TEXT", "FIELD_TEXT", "MASKED", "HistoryRow", "PermissionDenied", "TABLE_TEXT", "history"]
