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
# From migration 4 on, rows also name their participant (``subject_id``) and their use-case transaction
# (``operation_id``), and both are hashed. Rows written before it keep the first form (their subject was
# backfilled later and is not covered by their hash); ``meta.audit_chain_v2_after`` is the last such seq.
HASHED_COLUMNS_V2 = HASHED_COLUMNS + ("subject_id", "operation_id")
CHAIN_V2_META = "audit_chain_v2_after"

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

# Migration 4: the chain hashes subject and operation; neither can be changed once written.
AUDIT_TRIGGERS_V2_SQL = """
DROP TRIGGER IF EXISTS td_audit_chain;
DROP TRIGGER IF EXISTS td_audit_append_only;
CREATE TRIGGER td_audit_chain AFTER INSERT ON audit
BEGIN
    UPDATE audit SET prev_hash = (SELECT a.hash FROM audit a WHERE a.seq < NEW.seq ORDER BY a.seq DESC LIMIT 1)
        WHERE seq = NEW.seq;
    UPDATE audit SET hash = td_hash(prev_hash, seq, id, at, user_id, username, action, table_name,
                                    record_id, old_values, new_values, reason, app_version, site,
                                    subject_id, operation_id)
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
  OR NEW.subject_id IS NOT OLD.subject_id OR NEW.operation_id IS NOT OLD.operation_id
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


# --- the participant a row belongs to ---------------------------------------------------------------

SUBJECT_TABLE = "participants"


def _foreign_keys(db, table: str) -> list[tuple[str, str]]:
    """(column, parent table) of each foreign key of ``table``, in declaration order."""
    return [(row[3], row[2]) for row in db.execute(f"PRAGMA foreign_key_list({table})").fetchall()][::-1]


def subject_paths(db, tables: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """How each table reaches its participant: a list of (column, parent table) hops ending at
    ``participants`` (empty for ``participants`` itself); tables with no way there are left out.

    A ``participant_id`` column is taken first; else the first foreign key whose parent has a path.
    """
    tables = list(tables)
    paths: dict[str, list[tuple[str, str]]] = {SUBJECT_TABLE: []}
    changed = True
    while changed:
        changed = False
        for table in tables:
            if table in paths:
                continue
            fks = _foreign_keys(db, table)
            fks.sort(key=lambda fk: fk[0] != "participant_id")
            for column, parent in fks:
                if parent in paths:
                    paths[table] = [(column, parent), *paths[parent]]
                    changed = True
                    break
    return paths


def _subject_expr(ref: str, path: list[tuple[str, str]]) -> str:
    """SQL for the participant id of the row ``ref`` (e.g. ``NEW``) along ``path``."""
    if not path:
        return f"{ref}.id"
    (column, parent), rest = path[0], path[1:]
    if parent == SUBJECT_TABLE and not rest:
        return f"{ref}.{column}"
    alias = f"p{len(path)}"
    return f"(SELECT {_subject_expr(alias, rest)} FROM {parent} {alias} WHERE {alias}.id = {ref}.{column})"


def _record_subject_expr(table_ref: str, id_ref: str, paths: dict[str, list[tuple[str, str]]]) -> str:
    """SQL for the participant of the record named by a (table, id) pair, e.g. a signature's record."""
    cases = []
    for table, path in sorted(paths.items()):
        if not path:
            cases.append(f"WHEN '{table}' THEN {id_ref}")
        else:
            cases.append(f"WHEN '{table}' THEN (SELECT {_subject_expr('r', path)} FROM {table} r "
                         f"WHERE r.id = {id_ref})")
    return f"CASE {table_ref} " + " ".join(cases) + " END" if cases else "NULL"


def subject_sql(db, table: str, ref: str, columns: list[str]) -> str:
    """The SQL expression a trigger of ``table`` writes as ``subject_id`` (``NULL`` for non-participant
    data such as users and settings)."""
    paths = subject_paths(db, _audited_tables(db) | {table})
    if table in paths:
        return _subject_expr(ref, paths[table])
    if "record_table" in columns and "record_id" in columns:  # signatures: a record of any table
        return _record_subject_expr(f"{ref}.record_table", f"{ref}.record_id", paths)
    return "NULL"


def subject_of(db, table: str | None, record_id: str | None) -> str | None:
    """The participant a record belongs to (None when it belongs to none, or is not found)."""
    if not table or not record_id:
        return None
    paths = getattr(db, "_td_subject_paths", None)
    if paths is None:  # the schema only changes in migrations, which drop this cache
        paths = subject_paths(db, _audited_tables(db))
        db._td_subject_paths = paths
    if table not in paths:
        return None
    row = db.execute(f"SELECT {_subject_expr('x', paths[table])} FROM {table} x WHERE x.id = ?",
                     [record_id]).fetchone()
    return row[0] if row else None


def _audited_tables(db) -> set[str]:
    rows = db.execute("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                      "AND name LIKE 'td_audit_%_insert'").fetchall()
    return {r[0] for r in rows}


def has_change_feed(db) -> bool:
    """Whether audit rows name their participant and operation (migration 4 and later)."""
    return any(row[1] == "operation_id" for row in db.execute("PRAGMA table_info(audit)").fetchall())


def _json_object(prefix: str, columns: list[str], redacted: frozenset[str]) -> str:
    parts = []
    for col in columns:
        if col in redacted:
            value = f"CASE WHEN {prefix}.{col} IS NULL THEN NULL ELSE '***' END"
        else:
            value = f"{prefix}.{col}"
        parts.append(f"'{col}', {value}")
    return "json_object(" + ", ".join(parts) + ")"


def trigger_sql(table: str, columns: list[str], redacted: Iterable[str] = (),
                subject: tuple[str, str] | None = None) -> list[str]:
    """The three audit triggers of ``table`` (drop + create), built from its column list.

    ``subject``: the SQL of the row's participant for NEW and OLD rows (from migration 4 on); with it,
    every audit row also names its operation (``td_operation()``).
    """
    red = frozenset(redacted)
    new_json = _json_object("NEW", columns, red)
    old_json = _json_object("OLD", columns, red)
    insert_cols = ("id, at, user_id, username, action, table_name, record_id, old_values, new_values, "
                   "reason, app_version, site")
    if subject is not None:
        insert_cols += ", subject_id, operation_id"
    actor_check = f"SELECT RAISE(ABORT, '{NO_ACTOR_MESSAGE}') WHERE td_actor() IS NULL;"
    reason_check = f"SELECT RAISE(ABORT, '{NO_REASON_MESSAGE}') WHERE td_reason() IS NULL;"
    statements = []
    for op, checks, old, new, rec, ref in (
        ("INSERT", actor_check, "NULL", new_json, "NEW.id", "NEW"),
        ("UPDATE", actor_check + "\n    " + reason_check, old_json, new_json, "NEW.id", "NEW"),
        ("DELETE", actor_check + "\n    " + reason_check, old_json, "NULL", "OLD.id", "OLD"),
    ):
        name = f"td_audit_{table}_{op.lower()}"
        extra = ""
        if subject is not None:
            extra = f",\n            {subject[0] if ref == 'NEW' else subject[1]}, td_operation()"
        statements.append(f"DROP TRIGGER IF EXISTS {name}")
        statements.append(
            f"""CREATE TRIGGER {name} AFTER {op} ON {table}
BEGIN
    {checks}
    INSERT INTO audit ({insert_cols})
    VALUES (td_uuid(), td_now(), td_actor(), td_actor_name(), '{op}', '{table}', {rec},
            {old}, {new}, td_reason(), td_app_version(), td_site(){extra});
END"""
        )
    return statements


def install_triggers(db, table: str, redacted: Iterable[str] = ()) -> None:
    """(Re)create the audit triggers of ``table`` for its current columns (call after ALTER TABLE)."""
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]
    db.__dict__.pop("_td_subject_paths", None)
    subject = None
    if has_change_feed(db):
        subject = (subject_sql(db, table, "NEW", columns), subject_sql(db, table, "OLD", columns))
    for sql in trigger_sql(table, columns, redacted, subject):
        db.execute(sql)


def log_event(db, action: str, *, user_id: str | None, username: str | None,
              table: str | None = None, record_id: str | None = None,
              detail: dict | None = None, reason: str | None = None) -> None:
    """Write an audit row for something that is not a row change: login, print, export, backup …

    ``detail`` must not contain clinical values (it is stored as the row's ``new_values`` JSON).
    """
    values = [user_id, username, action, table, record_id,
              json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail is not None else None, reason]
    if not has_change_feed(db):  # a store being migrated from before migration 4
        db.execute(
            "INSERT INTO audit (id, at, user_id, username, action, table_name, record_id, old_values, "
            "new_values, reason, app_version, site) VALUES (td_uuid(), td_now(), ?, ?, ?, ?, ?, NULL, ?, ?, "
            "td_app_version(), td_site())", values)
        return
    db.execute(
        "INSERT INTO audit (id, at, user_id, username, action, table_name, record_id, old_values, "
        "new_values, reason, app_version, site, subject_id, operation_id) VALUES (td_uuid(), td_now(), "
        "?, ?, ?, ?, ?, NULL, ?, ?, td_app_version(), td_site(), ?, td_operation())",
        [*values, subject_of(db, table, record_id)],
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


def chain_v2_after(conn) -> int | None:
    """The last seq hashed in the first form (None: the store is from before migration 4)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [CHAIN_V2_META]).fetchone()
    except Exception:  # no meta table: not a store
        return None
    return int(row[0]) if row else None


def _canonical_sql(v2_after: int | None) -> str:
    """SQL writing each row's hashed columns as :func:`row_hash` does (SQLite's ``json_array`` and Python's
    ``json.dumps`` agree on these columns' text; a row where they would not is checked in Python, see
    :func:`verify_chain`)."""
    short = "json_array(" + ", ".join(HASHED_COLUMNS) + ")"
    if v2_after is None:
        return short
    long = "json_array(" + ", ".join(HASHED_COLUMNS_V2) + ")"
    return f"CASE WHEN seq <= {int(v2_after)} THEN {short} ELSE {long} END"


def verify_chain(conn, progress=None, observe=None, observe_columns: str = "") -> ChainReport:
    """Walk the audit chain in ``seq`` order and report the first row whose links do not hold.

    One streaming pass: SQLite writes each row's canonical JSON, Python hashes it. Only a row whose hash does
    not match is written again by :func:`row_hash` itself (the definition), so a difference in how the two
    escape some character can never pass a changed row nor fail a sound one. ``progress(rows)`` is called every
    50,000 rows. ``observe(rows)`` is handed each batch of rows of ``observe_columns`` read in the same pass (the
    replay's, see :class:`trialdesk.db.replay.Trail`), up to the first broken row.
    """
    v2_after = chain_v2_after(conn)
    columns = HASHED_COLUMNS_V2 if v2_after is not None else HASHED_COLUMNS
    extra = f", {observe_columns}" if observe is not None else ""
    cursor = conn.execute(f"SELECT seq, id, prev_hash, hash, {_canonical_sql(v2_after)}{extra} FROM audit ORDER BY seq")
    prev = None
    count = 0
    sha256 = hashlib.sha256
    while True:
        batch = cursor.fetchmany(5000)
        if not batch:
            break
        if observe is not None:
            observe([row[5:] for row in batch])
            batch = [row[:5] for row in batch]
        for seq, rid, prev_hash, stored, canonical in batch:
            count += 1
            if prev_hash != prev:
                return ChainReport(count, seq, rid, "its link to the previous row does not match "
                                                    "(a row was removed, inserted or altered before it)")
            if stored is None or sha256(((prev_hash or "") + "|" + canonical).encode("utf-8")).hexdigest() != stored:
                cols = ", ".join(columns)
                values = conn.execute(f"SELECT {cols} FROM audit WHERE seq = ?", [seq]).fetchone()
                if v2_after is not None and seq <= v2_after:
                    values = values[: len(HASHED_COLUMNS)]
                if stored != row_hash(prev_hash, values):
                    return ChainReport(count, seq, rid, "its content does not match its hash (the row was altered)")
            prev = stored
        if progress is not None and count % 50000 < len(batch):
            progress(count)
    return ChainReport(count)


def head(conn) -> tuple[int, str | None]:
    """The chain head: the last row's seq and hash (0, None for an empty trail)."""
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, None)


def hash_at(conn, seq: int) -> str | None:
    """The hash of audit row ``seq`` (None when there is none)."""
    row = conn.execute("SELECT hash FROM audit WHERE seq = ?", [seq]).fetchone()
    return row[0] if row else None


def seal(seq: int, hash_: str | None) -> str:
    """The short form of a chain head people compare on paper: ``4711·3fa9c2d81b07``."""
    return f"{seq}\u00b7{(hash_ or '-')[:12]}"
