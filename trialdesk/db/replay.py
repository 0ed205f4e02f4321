"""Replaying the audit trail against the tables it describes (issue 14, point 1).

The content of every audited table must be exactly what its audit trail builds: per record, its INSERT, then each
UPDATE (whose recorded old values must be what the trail built so far), and a DELETE at the end if any. Whatever
was changed, deleted, added or swapped around the triggers (with them dropped and recreated, or by a connection
that writes no audit rows) makes the two differ, and each difference is named: table, record, field.

The replay reads only the audit rows' content (table, record, operation, old and new values), never who wrote
them or where, so rows another workstation wrote (the site exchange) replay the same way as this store's own.
:func:`replay_step` is the one place that says what an audit row does to a record.

Speed (issue 15, point 3): one streaming pass over the audit rows in ``seq`` order and one over each table find
the records whose trail is not simply consistent, comparing texts as SQLite's own ``json_object`` writes them
(each UPDATE's old values with the previous row's new values, the last row's new values with the current row),
by a keyed hash per record, never the texts themselves in memory; only those records are replayed in Python,
field by field (a column added by a later migration makes the texts differ without anything being wrong).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from trialdesk.db import audit

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


_DELETED = -1


TRAIL_COLUMNS = "table_name, record_id, action, old_values, new_values"
"""The audit columns the replay reads, in this order (:meth:`Trail.feed` takes rows of them)."""


class Trail:
    """The first half of the replay, fed the audit rows in ``seq`` order (by its own pass, or by the chain walk's,
    which reads the same rows: ``audit.verify_chain(..., observe=trail.feed)``): per record, a keyed digest of the
    JSON its last audit row left, and the records whose trail does not chain by plain text (an UPDATE or DELETE
    whose recorded old values are not that JSON, an INSERT of a record that exists, any change of a write-once
    record). :meth:`suspects` then compares each table's rows with the digests.
    """

    def __init__(self, tables: list[str]):
        self.tables = list(tables)
        self.states: dict[str, dict[str, int]] = {t: {} for t in self.tables}
        self.found: dict[str, set[str]] = {t: set() for t in self.tables}
        self.rows = 0

    def feed(self, batch) -> None:
        """Take audit rows of :data:`TRAIL_COLUMNS` (any others are skipped: events, tables not audited)."""
        states, found = self.states, self.found
        for table, rid, action, old, new in batch:  # the hot loop: 400,000 rows at 5,000 participants
            state = states.get(table)
            if state is None or action not in _ROW_ACTIONS:
                continue
            prev = state.get(rid)
            if action == "INSERT":
                if prev is not None and prev != _DELETED:
                    found[table].add(rid)
                state[rid] = 0 if new is None else hash(new)
                continue
            if prev is None or prev == _DELETED or old is None or hash(old) != prev or table in WRITE_ONCE_TABLES:
                found[table].add(rid)
            state[rid] = _DELETED if action == "DELETE" else (0 if new is None else hash(new))
        self.rows += len(batch)

    def read(self, db) -> None:
        """Feed every audit row, in ``seq`` order, by a pass of its own."""
        cursor = db.execute(f"SELECT {TRAIL_COLUMNS} FROM audit ORDER BY seq")
        while True:
            batch = cursor.fetchmany(5000)
            if not batch:
                break
            self.feed(batch)

    def suspects(self, db, row_json: dict[str, str]) -> dict[str, dict[str, str | None]]:
        """Per table, record id -> current JSON (None: not in the table) of every record to replay in full."""
        out: dict[str, dict[str, str | None]] = {}
        for table in self.tables:
            state, found = self.states[table], self.found[table]
            current: dict[str, str | None] = {}
            for rid, text in db.execute(f'SELECT t.id, {row_json[table]} FROM "{table}" t'):
                if rid in found or state.pop(rid, None) != (0 if text is None else hash(text)):
                    current[rid] = text
                state.pop(rid, None)
            for rid, left in state.items():
                if left != _DELETED:
                    current[rid] = None  # the trail left it there; the table lacks it
            for rid in found:
                if rid not in current:
                    current[rid] = None
            out[table] = current
        return out


_ROW_ACTIONS = frozenset(("INSERT", "UPDATE", "DELETE"))


def replay_table(db, table: str, redacted: tuple[str, ...] = ()) -> list[Finding]:
    """Every difference between ``table`` and what its audit trail builds."""
    return replay_all(db, [table], {table: redacted})


def replay_all(db, tables: list[str], redacted: dict[str, tuple[str, ...]], trail: Trail | None = None) -> list[Finding]:
    """Every difference between each of ``tables`` and what its audit trail builds (``redacted``: the columns
    each table's triggers write as ``***``; ``trail``: one already fed every audit row, else it is read here).

    Digests are Python's own string hash (SipHash, keyed afresh for every process unless PYTHONHASHSEED pins it,
    so nobody can prepare two texts that collide for it), computed in C and cached on the string."""
    if trail is None:
        trail = Trail(tables)
        trail.read(db)
    columns = {table: _columns(db, table) for table in tables}
    row_json = {table: audit._json_object("t", columns[table][0], frozenset(redacted.get(table, ())))
                for table in tables}
    found: list[Finding] = []
    for table, records in trail.suspects(db, row_json).items():
        defaults = columns[table][1]
        for record_id in sorted(records, key=str):
            found.extend(replay_record(db, table, record_id, records[record_id], defaults))
    return found
