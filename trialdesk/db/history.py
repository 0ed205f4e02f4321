"""Reading the audit trail for one participant's records (the trail itself is in :mod:`audit`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AuditRow:
    """One audit row as stored: JSON text of old and new values, UTC time."""

    seq: int
    at: str
    username: str | None
    action: str
    table_name: str | None
    record_id: str | None
    old_values: str | None
    new_values: str | None
    reason: str | None


def rows_for(db, records: list[tuple[str, str]]) -> list[AuditRow]:
    """Audit rows of the given (table, record id) pairs, oldest first."""
    if not records:
        return []
    out: list[AuditRow] = []
    by_table: dict[str, list[str]] = {}
    for table, rid in records:
        by_table.setdefault(table, []).append(rid)
    for table, ids in by_table.items():
        marks = ", ".join("?" for _ in ids)
        for row in db.execute(
                "SELECT seq, at, username, action, table_name, record_id, old_values, new_values, reason "
                f"FROM audit WHERE table_name = ? AND record_id IN ({marks})", [table, *ids]):
            out.append(AuditRow(*row))
    out.sort(key=lambda r: r.seq)
    return out
