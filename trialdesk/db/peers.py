"""This store's exchange keys and its paired workstations (issue 12): the tables of migration 7.

``exchange_keys`` holds this store's private keys (one row, inside the encrypted database). It is *not*
audited: audit rows are the change feed other sites receive, and a private key must never be in one. The row is
written once and never changed (triggers refuse UPDATE and DELETE); its creation is audited as an event that
names only the public fingerprint. ``peers`` is audited like every security table: pairing inserts a row,
revoking updates it with a reason.
"""

from __future__ import annotations

from trialdesk.clock import new_id, utc_iso

KEYS_TABLE = "exchange_keys"
OWN_KEYS_ID = "this_store"
KEYS_FROZEN_MESSAGE = "TrialDesk: this store's exchange keys are never changed"

SCHEMA = """
CREATE TABLE exchange_keys (
    id              TEXT PRIMARY KEY CHECK (id = 'this_store'),
    created_at      TEXT NOT NULL,
    signing_seed    TEXT NOT NULL,
    age_identity    TEXT NOT NULL
);
CREATE TRIGGER td_exchange_keys_frozen BEFORE UPDATE ON exchange_keys
BEGIN
    SELECT RAISE(ABORT, 'TrialDesk: this store''s exchange keys are never changed');
END;
CREATE TRIGGER td_exchange_keys_kept BEFORE DELETE ON exchange_keys
BEGIN
    SELECT RAISE(ABORT, 'TrialDesk: this store''s exchange keys are never changed');
END;
CREATE TABLE peers (
    {common},
    peer_store_id       TEXT NOT NULL UNIQUE,
    site_code           TEXT NOT NULL,
    site_name           TEXT NOT NULL,
    study               TEXT NOT NULL,
    signing_key         TEXT NOT NULL UNIQUE,
    age_recipient       TEXT NOT NULL UNIQUE,
    fingerprint         TEXT NOT NULL,
    identity_created_at TEXT NOT NULL,
    paired_at           TEXT NOT NULL,
    paired_by           TEXT NOT NULL REFERENCES users(id),
    revoked_at          TEXT,
    revoked_by          TEXT REFERENCES users(id),
    revoke_reason       TEXT
);
"""
AUDITED_TABLES = ("peers",)
UNAUDITED_TABLES = (KEYS_TABLE,)


def _rows(db, sql: str, params: list) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


# --- this store's keys ---------------------------------------------------------------------------------------

def own_keys(db) -> dict | None:
    """The row of this store's private keys (None until they are made)."""
    rows = _rows(db, "SELECT created_at, signing_seed, age_identity FROM exchange_keys WHERE id = ?", [OWN_KEYS_ID])
    return rows[0] if rows else None


def insert_own_keys(db, *, signing_seed: str, age_identity: str) -> dict:
    """Keep this store's private keys (base64 seed, age identity); once only. Returns the row."""
    row = {"id": OWN_KEYS_ID, "created_at": utc_iso(), "signing_seed": signing_seed, "age_identity": age_identity}
    db.execute("INSERT INTO exchange_keys (id, created_at, signing_seed, age_identity) VALUES (?, ?, ?, ?)",
               [row["id"], row["created_at"], row["signing_seed"], row["age_identity"]])
    return row


# --- paired workstations -------------------------------------------------------------------------------------

def insert(db, site: str, values: dict) -> dict:
    """Add one paired workstation (the caller's transaction supplies the actor); returns the row."""
    now = utc_iso()
    row = {"id": new_id(), "site": site, "created_at": now, "updated_at": now, "paired_at": now, **values}
    db["peers"].insert(row)
    return row


def update(db, peer_id: str, values: dict) -> None:
    """Change columns of one peer (the caller's transaction supplies actor and reason)."""
    db["peers"].update(peer_id, {**values, "updated_at": utc_iso()})


def get(db, peer_id: str) -> dict | None:
    rows = _rows(db, "SELECT * FROM peers WHERE id = ?", [peer_id])
    return rows[0] if rows else None


def by_store_id(db, store_id: str) -> dict | None:
    """The peer with this store id (revoked or not), or None."""
    rows = _rows(db, "SELECT * FROM peers WHERE peer_store_id = ?", [store_id])
    return rows[0] if rows else None


def by_site_code(db, site_code: str) -> list[dict]:
    """The peers of this site code (revoked ones too), oldest pairing first."""
    return _rows(db, "SELECT * FROM peers WHERE site_code = ? ORDER BY paired_at", [site_code])


def by_key(db, signing_key: str, age_recipient: str) -> list[dict]:
    """The peers that hold either of these public keys."""
    return _rows(db, "SELECT * FROM peers WHERE signing_key = ? OR age_recipient = ?", [signing_key, age_recipient])


def all_peers(db) -> list[dict]:
    """Every paired workstation, by site code and pairing time."""
    return _rows(db, "SELECT * FROM peers ORDER BY site_code, paired_at", [])
