"""The SQL of bundle import (issue 12, points 3–6; the rules are in ``services/merge.py``): applying another
workstation's row changes, what this workstation holds of each origin, bundles held back, conflicts and their
resolutions, per-participant data digests — and the tables of migration 10.

Bookkeeping that is derived from the audit trail is not audited (``origin_state``, ``held_bundles``,
``exchange_conflicts``, like ``peer_sync``): each import is one audited ``EXCHANGE_BUNDLE_RECEIVED`` event naming
what it applied, held and found in conflict, and every row change it applied is an audit row with its origin's
who / when / why / site. A conflict's resolution is a row of ``conflict_resolutions``: audited, and it travels,
so the other workstations apply the same decision.
"""

from __future__ import annotations

import hashlib
import json

from trialdesk.clock import utc_iso
from trialdesk.db import audit

CONFLICTS_TABLE = "exchange_conflicts"
RESOLUTIONS_TABLE = "conflict_resolutions"
UNAUDITED_TABLES = ("origin_state", "held_bundles", CONFLICTS_TABLE, "merge_aliases")
AUDITED_TABLES = (RESOLUTIONS_TABLE,)
# Columns every travelling table has that are bookkeeping, not a person's entry: never a conflict.
BOOKKEEPING = ("updated_at",)

SCHEMA = """
ALTER TABLE peer_sync ADD COLUMN acked_hash TEXT;
CREATE TABLE origin_state (
    origin_store_id TEXT PRIMARY KEY,
    origin_site     TEXT NOT NULL,
    head_seq        INTEGER NOT NULL,
    head_hash       TEXT,
    events_applied  INTEGER NOT NULL DEFAULT 0,
    bundles         INTEGER NOT NULL DEFAULT 0,
    data_digests    TEXT,
    updated_at      TEXT NOT NULL
);
CREATE TABLE held_bundles (
    sha256          TEXT PRIMARY KEY,
    origin_store_id TEXT NOT NULL,
    origin_site     TEXT NOT NULL,
    first_seq       INTEGER,
    last_seq        INTEGER,
    events          INTEGER NOT NULL,
    reason          TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    data            BLOB NOT NULL
);
CREATE TABLE exchange_conflicts (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('field', 'duplicate', 'deleted_there', 'deleted_here',
                                                  'missing_parent', 'missing_record', 'decided_differently')),
    table_name      TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    subject_id      TEXT,
    field           TEXT,
    local_value     TEXT,
    local_event     TEXT,
    local_record_id TEXT,
    remote_value    TEXT,
    remote_event    TEXT NOT NULL,
    remote_row      TEXT,
    origin_store_id TEXT NOT NULL,
    origin_site     TEXT NOT NULL,
    detected_at     TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'waiting')),
    resolution_id   TEXT
);
CREATE INDEX exchange_conflicts_status ON exchange_conflicts(status, subject_id);
CREATE TABLE merge_aliases (
    table_name  TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    same_as     TEXT NOT NULL,
    PRIMARY KEY (table_name, record_id, field, event_id)
);
CREATE TABLE conflict_resolutions (
    {common},
    conflict_id     TEXT NOT NULL,
    kind            TEXT NOT NULL,
    record_table    TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    field           TEXT,
    choice          TEXT NOT NULL CHECK (choice IN ('this', 'other', 'entered')),
    value           TEXT,
    kept_record_id  TEXT,
    dropped_record_id TEXT,
    event_ids       TEXT NOT NULL,
    reason          TEXT NOT NULL,
    resolved_by     TEXT NOT NULL,
    resolved_at     TEXT NOT NULL
);
CREATE INDEX conflict_resolutions_conflict ON conflict_resolutions(conflict_id);
"""


def _rows(db, sql: str, params=()) -> list[dict]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


# --- rows of a table ------------------------------------------------------------------------------------------

def columns(db, table: str) -> list[str]:
    cache = db.__dict__.setdefault("_td_merge_columns", {})
    if table not in cache:
        cache[table] = [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]
    return cache[table]


def table_exists(db, table: str) -> bool:
    return bool(db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone())


def row(db, table: str, record_id: str) -> dict | None:
    found = _rows(db, f"SELECT * FROM {table} WHERE id = ?", [record_id])
    return found[0] if found else None


def insert_row(db, table: str, values: dict) -> None:
    cols = [c for c in columns(db, table) if c in values]
    db.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
               [values[c] for c in cols])


def update_row(db, table: str, record_id: str, values: dict) -> None:
    cols = [c for c in columns(db, table) if c in values and c != "id"]
    if cols:
        db.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                   [*(values[c] for c in cols), record_id])


def delete_row(db, table: str, record_id: str) -> None:
    db.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])


def savepoint(db, name: str) -> None:
    db.execute(f"SAVEPOINT {name}")


def release(db, name: str) -> None:
    db.execute(f"RELEASE SAVEPOINT {name}")


def rollback_to(db, name: str) -> None:
    db.execute(f"ROLLBACK TO SAVEPOINT {name}")
    db.execute(f"RELEASE SAVEPOINT {name}")


def unique_clash(db, table: str, values: dict) -> tuple[str, tuple[str, ...]] | None:
    """The id of the row of ``table`` that a new row ``values`` clashes with on a UNIQUE constraint (primary key
    aside), and that constraint's columns; None when none does."""
    for index in db.execute(f"PRAGMA index_list({table})").fetchall():
        name, unique, origin = index[1], index[2], index[3]
        if not unique or origin == "pk":
            continue
        cols = tuple(r[2] for r in db.execute(f"PRAGMA index_info({name})").fetchall())
        if not cols or any(c is None or values.get(c) is None for c in cols):
            continue
        found = db.execute(f"SELECT id FROM {table} WHERE " + " AND ".join(f"{c} = ?" for c in cols),
                           [values[c] for c in cols]).fetchone()
        if found and found[0] != values.get("id"):
            return found[0], cols
    return None


def missing_parent(db, table: str, values: dict) -> tuple[str, str, str] | None:
    """(column, parent table, parent id) of the first foreign key of ``values`` whose parent row is not here."""
    for fk in db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
        parent, column = fk[2], fk[3]
        value = values.get(column)
        if value is None:
            continue
        if not db.execute(f"SELECT 1 FROM {parent} WHERE id = ?", [value]).fetchone():
            return column, parent, value
    return None


def dependents(db, table: str, record_id: str, tables: list[str]) -> list[tuple[str, str]]:
    """Every row of ``tables`` that points at the row (directly or through others), deepest first: what must go
    before the row can be deleted."""
    out: list[tuple[str, str]] = []
    refs: dict[str, list[tuple[str, str]]] = {}
    for child in tables:
        for fk in db.execute(f"PRAGMA foreign_key_list({child})").fetchall():
            refs.setdefault(fk[2], []).append((child, fk[3]))

    def walk(t: str, rid: str) -> None:
        for child, column in refs.get(t, []):
            for (cid,) in db.execute(f"SELECT id FROM {child} WHERE {column} = ?", [rid]).fetchall():
                walk(child, cid)
                if (child, cid) not in out:
                    out.append((child, cid))

    walk(table, record_id)
    return out


# --- the audit trail as the merge reads it ----------------------------------------------------------------------

def audit_id_exists(db, audit_id: str) -> bool:
    return bool(db.execute("SELECT 1 FROM audit WHERE id = ?", [audit_id]).fetchone())


def last_setter(db, table: str, record_id: str, field: str | None = None) -> dict | None:
    """The audit row that last set ``field`` of the record (its insert, or the last update that changed it; with
    no field: the record's last row change) — who, when, why, where of the value this workstation holds."""
    for r in _rows(db, "SELECT id, seq, at, username, reason, site, action, old_values, new_values FROM audit "
                       "WHERE table_name = ? AND record_id = ? AND action IN ('INSERT', 'UPDATE', 'DELETE') "
                       "ORDER BY seq DESC", [table, record_id]):
        if field is None or r["action"] == "INSERT":
            return r
        old, new = json.loads(r["old_values"] or "{}"), json.loads(r["new_values"] or "{}")
        if old.get(field) != new.get(field):
            return r
    return None


def setters(db, table: str, record_id: str, field: str, before_seq: int | None = None) -> list[str]:
    """The changes this workstation knows as having set the field's value it holds (or held just before the row
    ``before_seq``): the audit row that set it and every other workstation's change that set the same value here
    while it held it (kept as aliases when received). The base an update was made on."""
    for r in _rows(db, "SELECT id, seq, action, old_values, new_values FROM audit WHERE table_name = ? AND "
                       "record_id = ? AND action IN ('INSERT', 'UPDATE') AND seq < ? ORDER BY seq DESC",
                   [table, record_id, before_seq if before_seq is not None else 1 << 62]):
        if r["action"] == "INSERT" or json.loads(r["old_values"] or "{}").get(field) != \
                json.loads(r["new_values"] or "{}").get(field):
            aliases = [a[0] for a in db.execute("SELECT event_id FROM merge_aliases WHERE table_name = ? AND "
                                                "record_id = ? AND field = ? AND same_as = ?",
                                                [table, record_id, field, r["id"]]).fetchall()]
            return [r["id"], *aliases]
    return []


def add_alias(db, table: str, record_id: str, field: str, event_id: str, same_as: str) -> None:
    db.execute("INSERT OR IGNORE INTO merge_aliases (table_name, record_id, field, event_id, same_as) "
               "VALUES (?, ?, ?, ?, ?)", [table, record_id, field, event_id, same_as])


def knows_change(db, table: str, record_id: str, field: str, event_id: str) -> bool:
    """Whether this workstation has had the change ``event_id`` (applied, or received as the same value)."""
    return bool(db.execute("SELECT 1 FROM audit WHERE id = ?", [event_id]).fetchone() or db.execute(
        "SELECT 1 FROM merge_aliases WHERE table_name = ? AND record_id = ? AND field = ? AND event_id = ?",
        [table, record_id, field, event_id]).fetchone())


def chain_links(db, after_seq: int) -> list[list]:
    """``[seq, prev_hash, hash]`` of every audit row after ``after_seq``, in order (a bundle's links)."""
    return [list(r) for r in db.execute("SELECT seq, prev_hash, hash FROM audit WHERE seq > ? ORDER BY seq",
                                        [after_seq]).fetchall()]


def audit_hash_at(db, seq: int) -> str | None:
    found = db.execute("SELECT hash FROM audit WHERE seq = ?", [seq]).fetchone()
    return found[0] if found else None


def max_seq(db) -> int:
    return db.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()[0]


# --- what this workstation holds of each origin -----------------------------------------------------------------

def origin_state(db, origin_store_id: str) -> dict | None:
    found = _rows(db, "SELECT * FROM origin_state WHERE origin_store_id = ?", [origin_store_id])
    return found[0] if found else None


def all_origin_states(db) -> list[dict]:
    return _rows(db, "SELECT * FROM origin_state ORDER BY origin_site")


def set_origin_state(db, origin_store_id: str, origin_site: str, head_seq: int, head_hash: str | None,
                     applied: int, data_digests: dict) -> None:
    db.execute(
        "INSERT INTO origin_state (origin_store_id, origin_site, head_seq, head_hash, events_applied, bundles, "
        "data_digests, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT(origin_store_id) DO UPDATE SET "
        "head_seq = excluded.head_seq, head_hash = excluded.head_hash, "
        "events_applied = events_applied + excluded.events_applied, bundles = bundles + 1, "
        "data_digests = excluded.data_digests, updated_at = excluded.updated_at",
        [origin_store_id, origin_site, head_seq, head_hash, applied, json.dumps(data_digests, sort_keys=True),
         utc_iso()])


def set_acknowledged(db, peer_store_id: str, seq: int, hash_: str | None) -> None:
    """The peer says it holds this workstation's chain up to ``seq`` (with that hash there): the next bundle to
    it starts after ``seq`` — lower than before too, when the peer lost what it had (a restore), so it is sent
    again."""
    db.execute("INSERT INTO peer_sync (peer_store_id, last_sent_seq, acked_seq, acked_hash, updated_at) "
               "VALUES (?, NULL, ?, ?, ?) ON CONFLICT(peer_store_id) DO UPDATE SET acked_seq = excluded.acked_seq, "
               "acked_hash = excluded.acked_hash, updated_at = excluded.updated_at",
               [peer_store_id, seq, hash_, utc_iso()])


def all_sync_states(db) -> list[dict]:
    return _rows(db, "SELECT * FROM peer_sync")


# --- bundles held back ------------------------------------------------------------------------------------------

def hold_bundle(db, *, sha256: str, origin_store_id: str, origin_site: str, first_seq: int | None,
                last_seq: int | None, events: int, reason: str, data: bytes) -> None:
    db.execute("INSERT INTO held_bundles (sha256, origin_store_id, origin_site, first_seq, last_seq, events, reason, "
               "received_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET "
               "reason = excluded.reason",
               [sha256, origin_store_id, origin_site, first_seq, last_seq, events, reason, utc_iso(), data])


def held_bundles(db, origin_store_id: str | None = None, *, with_data: bool = False) -> list[dict]:
    cols = "sha256, origin_store_id, origin_site, first_seq, last_seq, events, reason, received_at" + (
        ", data" if with_data else "")
    where, params = ("WHERE origin_store_id = ?", [origin_store_id]) if origin_store_id else ("", [])
    return _rows(db, f"SELECT {cols} FROM held_bundles {where} ORDER BY first_seq, received_at", params)


def drop_held(db, sha256: str) -> None:
    db.execute("DELETE FROM held_bundles WHERE sha256 = ?", [sha256])


# --- conflicts ---------------------------------------------------------------------------------------------------

def conflict_key(table: str, record_id: str, field: str | None, event_ids: list[str | None]) -> str:
    """The same conflict's id at every workstation that meets it: the record, the field and the two events."""
    text = "|".join([table, record_id, field or "", *sorted(e or "" for e in event_ids)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def conflict(db, conflict_id: str) -> dict | None:
    found = _rows(db, f"SELECT * FROM {CONFLICTS_TABLE} WHERE id = ?", [conflict_id])
    return found[0] if found else None


def add_conflict(db, values: dict) -> bool:
    """Keep a conflict (once: the same conflict met again changes nothing); whether it is new."""
    if conflict(db, values["id"]) is not None:
        return False
    values = {**values, "detected_at": utc_iso(), "status": values.get("status", "open")}
    cols = list(values)
    db.execute(f"INSERT INTO {CONFLICTS_TABLE} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
               [values[c] for c in cols])
    return True


def conflicts(db, *, status: str | None = "open") -> list[dict]:
    """Conflicts by status (``open``: for a person; ``waiting``: changes held until the record they need arrives;
    None: all), in the order they were met."""
    where, params = ("WHERE status = ?", [status]) if status else ("WHERE status != 'waiting'", [])
    return _rows(db, f"SELECT * FROM {CONFLICTS_TABLE} {where} ORDER BY rowid", params)


def ever_here(db, table: str, record_id: str) -> bool:
    """Whether this workstation ever held the record (an audit row of it is here)."""
    return bool(db.execute("SELECT 1 FROM audit WHERE table_name = ? AND record_id = ? LIMIT 1",
                           [table, record_id]).fetchone())


def waiting_count(db) -> int:
    return db.execute(f"SELECT count(*) FROM {CONFLICTS_TABLE} WHERE status = 'waiting'").fetchone()[0]


def open_conflict_count(db) -> int:
    return db.execute(f"SELECT count(*) FROM {CONFLICTS_TABLE} WHERE status = 'open'").fetchone()[0]


def open_conflicts_on(db, table: str, record_id: str) -> list[dict]:
    """Open conflicts whose remote record is this one (an event that touches it waits with them)."""
    return _rows(db, f"SELECT * FROM {CONFLICTS_TABLE} WHERE status = 'open' AND table_name = ? AND record_id = ? "
                     "AND kind IN ('duplicate', 'missing_parent', 'deleted_here')", [table, record_id])


def close_conflict(db, conflict_id: str, resolution_id: str) -> None:
    db.execute(f"UPDATE {CONFLICTS_TABLE} SET status = 'resolved', resolution_id = ? WHERE id = ?",
               [resolution_id, conflict_id])


def resolution_for(db, conflict_id: str) -> dict | None:
    found = resolutions_for(db, conflict_id)
    return found[0] if found else None


def resolutions_for(db, conflict_id: str) -> list[dict]:
    """Every decision taken on one conflict (two investigators may decide the same conflict at two workstations
    before either hears of the other), oldest first."""
    return _rows(db, f"SELECT * FROM {RESOLUTIONS_TABLE} WHERE conflict_id = ? ORDER BY resolved_at, id",
                 [conflict_id])


def dropped_by(db, table: str, record_id: str) -> dict | None:
    """The decision that removed this record (one of a duplicate pair, or its parent's), if any."""
    found = _rows(db, f"SELECT * FROM {RESOLUTIONS_TABLE} WHERE record_table = ? AND dropped_record_id = ? "
                      "ORDER BY resolved_at LIMIT 1", [table, record_id])
    if found:
        return found[0]
    # A record that waited for a parent decided away went with it (its conflict closed by that decision).
    found = _rows(db, f"SELECT r.* FROM {CONFLICTS_TABLE} c JOIN {RESOLUTIONS_TABLE} r ON r.id = c.resolution_id "
                      "WHERE c.kind IN ('missing_parent', 'missing_record', 'deleted_here') AND c.status = 'resolved' "
                      "AND c.table_name = ? AND c.record_id = ? LIMIT 1", [table, record_id])
    return found[0] if found else None


def resolution(db, resolution_id: str) -> dict | None:
    found = _rows(db, f"SELECT * FROM {RESOLUTIONS_TABLE} WHERE id = ?", [resolution_id])
    return found[0] if found else None


def resolution_naming(db, table: str, record_id: str, field: str | None, event_id: str) -> dict | None:
    """A resolution of this record's field that already decided about the event ``event_id``."""
    for r in _rows(db, f"SELECT * FROM {RESOLUTIONS_TABLE} WHERE record_table = ? AND record_id = ? "
                       "AND coalesce(field, '') = ?", [table, record_id, field or ""]):
        if event_id in json.loads(r["event_ids"] or "[]"):
            return r
    return None


def insert_resolution(db, values: dict) -> None:
    db[RESOLUTIONS_TABLE].insert(values)


# --- staff named by another workstation's records -------------------------------------------------------------

def user_row(db, user_id: str) -> dict | None:
    found = _rows(db, "SELECT id, username, full_name, role, site, active FROM users WHERE id = ?", [user_id])
    return found[0] if found else None


def username_taken(db, username: str) -> bool:
    return bool(db.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone())


def insert_remote_user(db, values: dict) -> None:
    db["users"].insert(values)


def update_remote_user(db, user_id: str, values: dict) -> None:
    db["users"].update(user_id, {**values, "updated_at": utc_iso()})


def staff(db) -> list[dict]:
    return _rows(db, "SELECT id, username, full_name, role, site FROM users ORDER BY site, username")


# --- per-participant data digests (the reconciliation) --------------------------------------------------------

def data_digests(db, tables: list[str]) -> dict[str, str]:
    """Per participant, SHA-256 of the canonical JSON of every row of ``tables`` that belongs to them (sorted by
    table and id; bookkeeping columns such as ``updated_at`` left out — when a row was last touched may differ by
    milliseconds between workstations holding the same data): equal at two workstations exactly when they hold
    the same data of that participant."""
    paths = audit.subject_paths(db, tables)
    by_subject: dict[str, list] = {}
    for table in sorted(tables):
        if table in paths:
            expr = audit._subject_expr("x", paths[table])  # noqa: SLF001 - the one definition of the path
        elif "record_table" in columns(db, table):
            expr = audit._record_subject_expr("x.record_table", "x.record_id", paths)  # noqa: SLF001
        else:
            continue
        cols = columns(db, table)
        cursor = db.execute(f"SELECT {expr} AS td_subject, x.* FROM {table} x ORDER BY x.id")
        for found in cursor:
            subject = found[0]
            if subject is None:
                continue
            values = {c: v for c, v in zip(cols, found[1:]) if c not in BOOKKEEPING}
            by_subject.setdefault(subject, []).append([table, values])
    return {s: hashlib.sha256(json.dumps(rows, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                              .encode("utf-8")).hexdigest() for s, rows in sorted(by_subject.items())}
