"""Numbered, forward-only schema migrations, run at open inside one transaction each.

``meta.schema_version`` records the last migration applied. A store whose version is higher than
the newest migration here was written by a newer TrialDesk and is refused.
"""

from __future__ import annotations

from typing import Callable

from trialdesk.db import audit
from trialdesk.errors import StoreTooNew

Migration = Callable[[object], None]


def _audited(db, table: str, redacted: tuple[str, ...] = ()) -> None:
    """Mark ``table`` as clinical or security data: every change is audited by triggers.

    ``redacted`` columns never enter the audit trail (only ``***``).
    """
    audit.install_triggers(db, table, redacted)


def _script(db, sql: str) -> None:
    # executescript() would COMMIT the surrounding transaction, so run statement by statement.
    for statement in _split(sql):
        db.execute(statement)


def _split(sql: str) -> list[str]:
    """Split a script on ';' at top level, keeping CREATE TRIGGER … BEGIN … END; bodies whole."""
    out, buf, depth = [], [], 0
    for line in sql.splitlines():
        stripped = line.strip().upper()
        if not stripped:
            continue
        buf.append(line)
        if stripped.startswith("CREATE TRIGGER"):
            depth = 1
        if depth and stripped in ("END;", "END"):
            depth = 0
            out.append("\n".join(buf).rstrip().rstrip(";"))
            buf = []
        elif not depth and stripped.endswith(";"):
            out.append("\n".join(buf).rstrip().rstrip(";"))
            buf = []
    if buf and "".join(buf).strip():
        out.append("\n".join(buf))
    return out


COMMON = """
    id          TEXT PRIMARY KEY,
    site        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL"""


def m001_foundation(db) -> None:
    """meta, settings, users, the audit trail, participants, identities, signatures."""
    _script(db, audit.AUDIT_TABLE_SQL)
    _script(db, f"""
CREATE TABLE settings (
    {COMMON},
    key         TEXT NOT NULL UNIQUE,
    value       TEXT NOT NULL
);
CREATE TABLE users (
    {COMMON},
    username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    full_name       TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('investigator','nurse','monitor','administrator')),
    password_hash   TEXT NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    password_set_at TEXT NOT NULL
);
CREATE TABLE participants (
    {COMMON},
    study_id                TEXT NOT NULL UNIQUE,
    sex                     TEXT CHECK (sex IN ('F','M')),
    birth_date              TEXT,
    childbearing_potential  INTEGER CHECK (childbearing_potential IN (0,1)),
    status                  TEXT NOT NULL DEFAULT 'candidate',
    inclusion_date          TEXT
);
CREATE TABLE identities (
    {COMMON},
    participant_id  TEXT NOT NULL UNIQUE REFERENCES participants(id),
    full_name       TEXT,
    id_number       TEXT,
    phone           TEXT,
    gp              TEXT
);
CREATE TABLE signatures (
    {COMMON},
    user_id         TEXT NOT NULL REFERENCES users(id),
    username        TEXT NOT NULL,
    full_name       TEXT NOT NULL,
    meaning         TEXT NOT NULL,
    record_table    TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    content_hash    TEXT NOT NULL,
    signed_at       TEXT NOT NULL
);
CREATE INDEX signatures_record ON signatures(record_table, record_id);
""")
    _audited(db, "settings")
    _audited(db, "users", ("password_hash",))
    _audited(db, "participants")
    _audited(db, "identities")
    _audited(db, "signatures")


MIGRATIONS: list[tuple[int, Migration]] = [
    (1, m001_foundation),
]

LATEST = MIGRATIONS[-1][0]


def current_version(db) -> int:
    """The schema version recorded in ``meta`` (0 for a new, empty store)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def apply(db) -> list[int]:
    """Apply every pending migration, each in its own transaction; return the numbers applied."""
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.conn.commit()
    version = current_version(db)
    if version > LATEST:
        raise StoreTooNew(
            "This store was written by a newer TrialDesk (schema {found}; this TrialDesk knows up to "
            "{known}). Install the newer TrialDesk; nothing was changed.",
            found=version, known=LATEST,
        )
    applied = []
    for number, migrate in MIGRATIONS:
        if number <= version:
            continue
        with db.atomic():
            migrate(db)
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [str(number)],
            )
        applied.append(number)
    return applied


def audited_tables(db) -> list[str]:
    """Tables that carry the audit triggers (every table with rows of clinical or security data)."""
    rows = db.execute(
        "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' "
        "AND name LIKE 'td_audit_%_insert' ORDER BY tbl_name"
    ).fetchall()
    return [r[0] for r in rows]
