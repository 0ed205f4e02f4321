"""The audit trail: SQLite triggers on every clinical table, an append-only table, a hash chain.

Every INSERT, UPDATE and DELETE on an audited table writes a row to ``audit`` from a trigger, so no
code path (raw SQL through the app's connection included) can forget it. The acting user and the
reason reach the triggers through application-defined SQL functions registered on the connection
(``td_actor()``, ``td_reason()``; see :mod:`trialdesk.db.connection`): a write without an acting
user aborts, and so does a change or deletion of saved data without a reason.

Each audit row carries ``hash = sha256(prev_hash | canonical row)``; :func:`verify_chain` walks the
chain and names the first broken row. UPDATE and DELETE on ``audit`` abort (the one UPDATE allowed is
the chain trigger filling in ``prev_hash``/``hash`` of a row just inserted).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Iterable

# Columns of ``audit`` that go into the hash, in order. Changing this breaks every existing chain.
HASHED_COLUMNS = (
    "seq", "id", "at", "user_id", "username", "action", "table_name", "record_id",
    "old_values", "new_values", "reason", "app_version", "site",
)

AUDIT_TABLE_SQL = """
CREATE TABLE audit (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    at          TEXT NOT NULL,
    user_id     TEXT,
    username    TEXT,
    action      TEXT NOT NULL,
    table_name  TEXT,
    record_id   TEXT,
    old_values  TEXT,
    new_values  TEXT,
    reason      TEXT,
    app_version TEXT NOT NULL,
    site        TEXT NOT NULL,
    prev_hash   TEXT,
    hash        TEXT
);
CREATE INDEX audit_record ON audit(table_name, record_id);
CREATE TRIGGER td_audit_chain AFTER INSERT ON audit
BEGIN
    UPDATE audit SET prev_hash = (SELECT a.hash FROM audit a WHERE a.seq < NEW.seq ORDER BY a.seq DESC LIMIT 1)
        WHERE seq = NEW.seq;
    UPDATE audit SET hash = td_hash(prev_hash, seq, id, at, user_id, username, action, table_name,
                                    record_id, old_values, new_values, reason, app_version, site)
        WHERE seq = NEW.seq;
END;
CREATE TRIGGER td_audit_append_only BEFORE UPDATE ON audit
WHEN OLD.hash IS NOT NULL
  OR (OLD.prev_hash IS NOT NULL AND NEW.prev_hash IS NOT OLD.prev_hash)
  OR NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at
  OR NEW.user_id IS NOT OLD.user_id OR NEW.username IS NOT OLD.username
  OR NEW.action IS NOT OLD.action OR NEW.table_name IS NOT OLD.table_name
  OR NEW.record_id IS NOT OLD.record_id OR NEW.old_values IS NOT OLD.old_values
  OR NEW.new_values IS NOT OLD.new_values OR NEW.reason IS NOT OLD.reason
  OR NEW.app_version IS NOT OLD.app_version OR NEW.site IS NOT OLD.site
BEGIN
    SELECT RAISE(ABORT, 'TrialDesk: the audit trail is append-only');
END;
CREATE TRIGGER td_audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'TrialDesk: the audit trail is append-only');
END;
"""

NO_ACTOR_MESSAGE = "TrialDesk: no acting user is set for this change"
NO_REASON_MESSAGE = "TrialDesk: a reason is required to change or delete saved data"
APPEND_ONLY_MESSAGE = "TrialDesk: the audit trail is append-only"


def row_hash(prev_hash: str | None, values: Iterable[object]) -> str:
    """sha256 over the previous hash and the canonical JSON of one audit row's hashed columns."""
    canonical = json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(((prev_hash or "") + "|" + canonical).encode("utf-8")).hexdigest()


def _json_object(prefix: str, columns: list[str], redacted: frozenset[str]) -> str:
    parts = []
    for col in columns:
        if col in redacted:
            value = f"CASE WHEN {prefix}.{col} IS NULL THEN NULL ELSE '***' END"
        else:
            value = f"{prefix}.{col}"
        parts.append(f"'{col}', {value}")
    return "json_object(" + ", ".join(parts) + ")"


def trigger_sql(table: str, columns: list[str], redacted: Iterable[str] = ()) -> list[str]:
    """The three audit triggers of ``table`` (drop + create), built from its column list."""
    red = frozenset(redacted)
    new_json = _json_object("NEW", columns, red)
    old_json = _json_object("OLD", columns, red)
    insert_cols = ("id, at, user_id, username, action, table_name, record_id, old_values, new_values, "
                   "reason, app_version, site")
    actor_check = f"SELECT RAISE(ABORT, '{NO_ACTOR_MESSAGE}') WHERE td_actor() IS NULL;"
    reason_check = f"SELECT RAISE(ABORT, '{NO_REASON_MESSAGE}') WHERE td_reason() IS NULL;"
    statements = []
    for op, checks, old, new, rec in (
        ("INSERT", actor_check, "NULL", new_json, "NEW.id"),
        ("UPDATE", actor_check + "\n    " + reason_check, old_json, new_json, "NEW.id"),
        ("DELETE", actor_check + "\n    " + reason_check, old_json, "NULL", "OLD.id"),
    ):
        name = f"td_audit_{table}_{op.lower()}"
        statements.append(f"DROP TRIGGER IF EXISTS {name}")
        statements.append(
            f"""CREATE TRIGGER {name} AFTER {op} ON {table}
BEGIN
    {checks}
    INSERT INTO audit ({insert_cols})
    VALUES (td_uuid(), td_now(), td_actor(), td_actor_name(), '{op}', '{table}', {rec},
            {old}, {new}, td_reason(), td_app_version(), td_site());
END"""
        )
    return statements


def install_triggers(db, table: str, redacted: Iterable[str] = ()) -> None:
    """(Re)create the audit triggers of ``table`` for its current columns (call after ALTER TABLE)."""
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]
    for sql in trigger_sql(table, columns, redacted):
        db.execute(sql)


def log_event(db, action: str, *, user_id: str | None, username: str | None,
              table: str | None = None, record_id: str | None = None,
              detail: dict | None = None, reason: str | None = None) -> None:
    """Write an audit row for something that is not a row change: login, print, export, backup …

    ``detail`` must not contain clinical values (it is stored as the row's ``new_values`` JSON).
    """
    db.execute(
        "INSERT INTO audit (id, at, user_id, username, action, table_name, record_id, old_values, "
        "new_values, reason, app_version, site) VALUES (td_uuid(), td_now(), ?, ?, ?, ?, ?, NULL, ?, ?, "
        "td_app_version(), td_site())",
        [user_id, username, action, table, record_id,
         json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail is not None else None, reason],
    )


@dataclass(frozen=True)
class ChainReport:
    """What :func:`verify_chain` found: ``rows`` checked, and the first broken row if any."""

    rows: int
    broken_seq: int | None = None
    broken_id: str | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def verify_chain(conn) -> ChainReport:
    """Walk the audit chain in ``seq`` order and report the first row whose links do not hold."""
    cols = ", ".join(HASHED_COLUMNS)
    cursor = conn.execute(f"SELECT {cols}, prev_hash, hash FROM audit ORDER BY seq")
    prev = None
    count = 0
    for row in cursor:
        count += 1
        values, prev_hash, stored = row[: len(HASHED_COLUMNS)], row[-2], row[-1]
        seq, rid = values[0], values[1]
        if prev_hash != prev:
            return ChainReport(count, seq, rid, "its link to the previous row does not match "
                                                "(a row was removed, inserted or altered before it)")
        if stored != row_hash(prev_hash, values):
            return ChainReport(count, seq, rid, "its content does not match its hash (the row was altered)")
        prev = stored
    return ChainReport(count)
