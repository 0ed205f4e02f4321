"""A participant's history: audit rows made readable (who, when, field, old -> new, why)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from trialdesk.db import history as history_repo
from trialdesk.db import screening as screening_repo
from trialdesk.db.connection import Store
from trialdesk.domain.people import User
from trialdesk.errors import PermissionDenied
from trialdesk.services.permissions import Action, allowed, require

# Bookkeeping columns every row has: not shown as changes.
_HIDDEN = {"id", "site", "created_at", "updated_at", "participant_id", "screening_id"}
TABLE_TEXT = {
    "participants": "Participant", "identities": "Identity", "consents": "Consent",
    "screenings": "Screening", "screening_judgements": "Judgement",
    "eligibility_decisions": "Eligibility decision", "signatures": "Signature",
    "planned_visits": "Visit calendar",
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
}
_BOOL_FIELDS = {"childbearing_potential", "copy_given", "canadian_criteria_met", "answer"}
_USER_FIELDS = {"obtained_by", "user_id"}
ACTION_TEXT = {"INSERT": "entered", "UPDATE": "changed", "DELETE": "deleted"}


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
    not see identities.
    """
    require(user, Action.VIEW_CLINICAL)  # administrators audit the store, not clinical values
    show_identity = allowed(user, Action.VIEW_IDENTITY)
    rows = history_repo.rows_for(store.db, screening_repo.record_ids(store.db, participant_id))
    users = dict(store.db.execute("SELECT id, username FROM users").fetchall())
    out: list[HistoryRow] = []
    for row in rows:
        old = json.loads(row.old_values) if row.old_values else {}
        new = json.loads(row.new_values) if row.new_values else {}
        record = new.get("criterion_id") or old.get("criterion_id") or new.get("code") or old.get("code") or ""
        table = row.table_name or ""
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
            out.append(HistoryRow(at=row.at, username=row.username or "", action=row.action, table=table,
                                  record=str(record), field=FIELD_TEXT.get(name, name), old=before, new=after,
                                  reason=row.reason or ""))
    return out


__all__ = ["ACTION_TEXT", "FIELD_TEXT", "HistoryRow", "PermissionDenied", "TABLE_TEXT", "history"]
