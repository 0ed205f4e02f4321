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


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def history(store: Store, user: User, participant_id: str) -> list[HistoryRow]:
    """Readable audit rows of every record of the participant, oldest first.

    Needs VIEW_CLINICAL (investigator, nurse, monitor). Identity values are shown as ``(hidden)`` to roles that may
    not see identities.
    """
    require(user, Action.VIEW_CLINICAL)  # administrators audit the store, not clinical values
    show_identity = allowed(user, Action.VIEW_IDENTITY)
    rows = history_repo.rows_for(store.db, screening_repo.record_ids(store.db, participant_id))
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
            if table == "identities" and not show_identity:
                before = "(hidden)" if before is not None else None
                after = "(hidden)" if after is not None else None
            out.append(HistoryRow(at=row.at, username=row.username or "", action=row.action, table=table,
                                  record=str(record), field=name, old=_text(before), new=_text(after),
                                  reason=row.reason or ""))
    return out


__all__ = ["ACTION_TEXT", "HistoryRow", "PermissionDenied", "TABLE_TEXT", "history"]
