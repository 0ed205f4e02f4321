"""What a site bundle carries, read from the audit trail, and the per-peer exchange state (issue 12, point 2):
the SQL of ``services/bundles.py`` and the table of migration 9.

``peer_sync`` keeps, per paired workstation, the last audit seq sent to it and the last one it acknowledged.
It is *not* audited, on purpose: it is bookkeeping derived from the trail, not clinical or security data — every
send is audited as an ``EXCHANGE_BUNDLE_SENT`` event naming its range, so the state can be rebuilt from the
trail — and audit rows are the change feed: an audited ``peer_sync`` would put this workstation's bookkeeping
into the next bundle and make every send an event to send.

Which audit rows travel (:func:`events_after`): the row changes (INSERT, UPDATE, DELETE) of audited tables that
were written at this store (the row's ``site`` is this store's site code: two paired stores never share one;
bundle import will keep each imported row's own origin). What does not travel: events that are no row change
(sign-ins and failed sign-ins — a name typed there may be a mistyped password —, lockouts, prints, exports,
backups, the exchange's own events: this workstation's own security log, with nothing to replay elsewhere); the
changes of ``peers`` (whom this workstation trusts is its own decision); ``exchange_keys`` never has audit rows.
"""

from __future__ import annotations

from trialdesk.clock import utc_iso

SYNC_TABLE = "peer_sync"

SCHEMA = """
CREATE TABLE peer_sync (
    peer_store_id   TEXT PRIMARY KEY REFERENCES peers(peer_store_id),
    last_sent_seq   INTEGER,
    acked_seq       INTEGER NOT NULL DEFAULT 0,
    updated_at      TEXT NOT NULL
);
"""
UNAUDITED_TABLES = (SYNC_TABLE,)
# Audited tables whose changes stay on this workstation: whom it trusts, its own staff accounts (password hashes
# never leave; the records' staff travel as the bundle's staff list, without passwords) and its security settings.
LOCAL_TABLES = ("peers", "users", "settings")
ROW_ACTIONS = ("INSERT", "UPDATE", "DELETE")
EVENT_COLUMNS = ("seq", "id", "at", "user_id", "username", "action", "table_name", "record_id", "old_values",
                 "new_values", "reason", "app_version", "site", "subject_id", "operation_id", "prev_hash", "hash")


def _rows(db, sql: str, params: list) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def events_after(db, site: str, after_seq: int) -> list[dict]:
    """The audit rows that travel (see the module docstring) with ``seq`` > ``after_seq``, in seq order."""
    return _rows(db, f"SELECT {', '.join(EVENT_COLUMNS)} FROM audit WHERE seq > ? AND site = ? "
                     f"AND action IN ({', '.join('?' * len(ROW_ACTIONS))}) "
                     f"AND table_name IS NOT NULL AND table_name NOT IN ({', '.join('?' * len(LOCAL_TABLES))}) "
                     "ORDER BY seq", [after_seq, site, *ROW_ACTIONS, *LOCAL_TABLES])


def chain_head(db) -> dict:
    """``{"seq", "hash"}`` of the last audit row (seq 0 and no hash in a store without one)."""
    row = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return {"seq": row[0], "hash": row[1]} if row else {"seq": 0, "hash": None}


def sync_state(db, peer_store_id: str) -> dict | None:
    """The exchange state with one peer (None before anything was sent to it)."""
    rows = _rows(db, "SELECT * FROM peer_sync WHERE peer_store_id = ?", [peer_store_id])
    return rows[0] if rows else None


def record_sent(db, peer_store_id: str, last_sent_seq: int | None) -> None:
    """Note that events up to ``last_sent_seq`` were sent to the peer (its acknowledgement is unchanged)."""
    db.execute("INSERT INTO peer_sync (peer_store_id, last_sent_seq, acked_seq, updated_at) VALUES (?, ?, 0, ?) "
               "ON CONFLICT(peer_store_id) DO UPDATE SET last_sent_seq = max(coalesce(last_sent_seq, 0), "
               "coalesce(excluded.last_sent_seq, 0)), updated_at = excluded.updated_at",
               [peer_store_id, last_sent_seq, utc_iso()])
