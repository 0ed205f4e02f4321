"""Replaying the audit trail against the tables it describes (issue 14, point 1).

The content of every audited table must be exactly what its audit trail builds: per record, its INSERT, then each
UPDATE (whose recorded old values must be what the trail built so far), and a DELETE at the end if any. Whatever
was changed, deleted, added or swapped around the triggers (with them dropped and recreated, or by a connection
that writes no audit rows) makes the two differ, and each difference is named: table, record, field.

The replay reads only the audit rows' content (table, record, operation, old and new values), never who wrote
them or where, so rows another workstation wrote (the site exchange) replay the same way as this store's own.
:func:`replay_step` is the one place that says what an audit row does to a record.

Speed: one streaming SQL pass per table finds the records whose trail is not simply consistent (a text
comparison of each UPDATE's old values with the previous row's new values, and of the last row's new values with
the current row, both as SQLite's own ``json_object`` writes them); only those records are replayed in Python,
field by field (a column added by a later migration makes the texts differ without anything being wrong).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from trialdesk.db import audit

ROW_ACTIONS = ("INSERT", "UPDATE", "DELETE")
# Audited tables whose rows are never changed or deleted once written: an UPDATE or DELETE of one in the trail
# was not made by TrialDesk (a signature re-computed over changed data shows as one).
WRITE_ONCE_TABLES = {"signatures": "a signature", "eligibility_decisions": "a signed eligibility decision"}


@dataclass(frozen=True)
class Finding:
    """One difference between a table and its audit trail (or the schema and the migrations)."""

    table: str
    record_id: str | None
    field: str | None
    problem: str

    def line(self) -> str:
        where = self.table
        if self.record_id:
            where += f" record {self.record_id}"
        if self.field:
            where += f" field {self.field}"
        return f"{where}: {self.problem}"


@dataclass(frozen=True)
class AuditChange:
    """The content of one audit row that changes a record."""

    seq: int
    action: str
    table: str
    record_id: str
    old: dict | None
    new: dict | None


def _differences(expected: dict, actual: dict, defaults: dict) -> list[str]:
    """Fields whose value in ``actual`` is not the one ``expected`` holds; a field ``expected`` does not have
    (added by a later migration) must hold that column's default."""
    fields = []
    for name, value in actual.items():
        want = expected[name] if name in expected else defaults.get(name)
        if want != value:
            fields.append(name)
    return fields


def replay_step(state: dict | None, change: AuditChange, defaults: dict) -> tuple[dict | None, list[Finding]]:
    """What one audit row does to a record: the record's state after it, and anything that does not hold.

    ``state`` is what the trail built for the record before this row (None: not there). An INSERT needs no
    record; an UPDATE or DELETE needs one, and its recorded old values must be that state (else the record was
    changed outside the trail in between).
    """
    found: list[Finding] = []
    table, rid = change.table, change.record_id
    if change.action == "INSERT":
        if state is not None:
            found.append(Finding(table, rid, None, f"inserted again at audit row {change.seq} while it existed"))
        return dict(change.new or {}), found
    if state is None:
        found.append(Finding(table, rid, None, f"{change.action.lower()}d at audit row {change.seq}, but the trail "
                                               "holds no insert of it before (audit rows are missing)"))
    else:
        for name in _differences(state, change.old or {}, defaults):
            found.append(Finding(table, rid, name, f"changed outside the audit trail before audit row {change.seq} "
                                                   "(its old value there is not what the trail recorded)"))
    if table in WRITE_ONCE_TABLES:
        found.append(Finding(table, rid, None, f"{WRITE_ONCE_TABLES[table]} was {change.action.lower()}d at audit "
                                               f"row {change.seq}; TrialDesk never changes one once written"))
    if change.action == "DELETE":
        return None, found
    return dict(change.new or {}), found


def compare_final(table: str, record_id: str, built: dict | None, current: dict | None,
                  defaults: dict) -> list[Finding]:
    """The record as the trail built it against the record in the table."""
    if built is None and current is None:
        return []
    if built is None:
        return [Finding(table, record_id, None, "is in the table but the audit trail does not have it "
                                                "(added, or put back, outside the trail)")]
    if current is None:
        return [Finding(table, record_id, None, "is missing from the table but the audit trail never deleted it "
                                                "(deleted outside the trail)")]
    return [Finding(table, record_id, name, "differs from what the audit trail recorded (changed outside the trail)")
            for name in _differences(built, current, defaults)]


def _columns(db, table: str) -> tuple[list[str], dict]:
    """The columns of ``table`` and each column's default value (what a row had when the column was added)."""
    info = db.execute(f"PRAGMA table_info({table})").fetchall()
    columns = [row[1] for row in info]
    defaults = {}
    for row in info:
        text = row[4]
        defaults[row[1]] = db.execute(f"SELECT {text}").fetchone()[0] if text is not None else None
    return columns, defaults


def _changes(db, table: str, record_id: str) -> list[AuditChange]:
    rows = db.execute("SELECT seq, action, old_values, new_values FROM audit WHERE table_name = ? AND record_id = ? "
                      "AND action IN ('INSERT', 'UPDATE', 'DELETE') ORDER BY seq", [table, record_id]).fetchall()
    return [AuditChange(seq, action, table, record_id, json.loads(old) if old else None,
                        json.loads(new) if new else None) for seq, action, old, new in rows]


def replay_record(db, table: str, record_id: str, current_json: str | None, defaults: dict) -> list[Finding]:
    """Replay one record's trail from its first audit row and compare the result with the table."""
    state: dict | None = None
    found: list[Finding] = []
    for change in _changes(db, table, record_id):
        state, problems = replay_step(state, change, defaults)
        found.extend(problems)
    current = json.loads(current_json) if current_json is not None else None
    return found + compare_final(table, record_id, state, current, defaults)


def _suspects_sql(table: str, row_json: str) -> str:
    """One pass over the table's audit rows (in the order of the ``audit_record`` index) and the table: the ids
    of records whose trail does not replay by plain text equality."""
    return f"""
WITH h AS (
    SELECT record_id, action, old_values, new_values,
           lag(new_values) OVER w AS prev_new, lag(action) OVER w AS prev_action, lead(seq) OVER w AS next_seq
    FROM audit INDEXED BY audit_record
    WHERE table_name = :table AND action IN ('INSERT', 'UPDATE', 'DELETE')
    WINDOW w AS (PARTITION BY record_id ORDER BY seq)
)
SELECT h.record_id, CASE WHEN t.id IS NULL THEN NULL ELSE {row_json} END
FROM h LEFT JOIN "{table}" t ON t.id = h.record_id
WHERE NOT (CASE h.action
        WHEN 'INSERT' THEN h.prev_action IS NULL OR h.prev_action = 'DELETE'
        ELSE h.prev_action IN ('INSERT', 'UPDATE') AND h.old_values IS h.prev_new END)
   OR (h.next_seq IS NULL AND CASE h.action
        WHEN 'DELETE' THEN t.id IS NOT NULL
        ELSE t.id IS NULL OR h.new_values IS NOT {row_json} END)
   OR (h.action <> 'INSERT' AND :write_once)
UNION
SELECT t.id, {row_json} FROM "{table}" t
WHERE NOT EXISTS (SELECT 1 FROM audit a INDEXED BY audit_record WHERE a.table_name = :table AND a.record_id = t.id
                  AND a.action IN ('INSERT', 'UPDATE', 'DELETE'))
"""


def replay_table(db, table: str, redacted: tuple[str, ...] = ()) -> list[Finding]:
    """Every difference between ``table`` and what its audit trail builds."""
    columns, defaults = _columns(db, table)
    row_json = audit._json_object("t", columns, frozenset(redacted))
    found: list[Finding] = []
    sql = _suspects_sql(table, row_json)
    suspects = db.execute(sql, {"table": table, "write_once": 1 if table in WRITE_ONCE_TABLES else 0}).fetchall()
    for record_id, current_json in {r[0]: r[1] for r in suspects}.items():
        found.extend(replay_record(db, table, record_id, current_json, defaults))
    return found


def replay_all(db, tables: list[str], redacted: dict[str, tuple[str, ...]]) -> list[Finding]:
    """:func:`replay_table` for each of ``tables``."""
    found: list[Finding] = []
    for table in tables:
        found.extend(replay_table(db, table, redacted.get(table, ())))
    return found
