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
    _audited(db, "users", REDACTED["users"])
    _audited(db, "participants")
    _audited(db, "identities")
    _audited(db, "signatures")


def m002_screening(db) -> None:
    """Screening at the desk (issue 4): consents, screening facts and judgements, signed
    eligibility decisions and the planned visit calendar. The treatment arm is never stored."""
    _script(db, f"""
CREATE TABLE consents (
    {COMMON},
    participant_id          TEXT NOT NULL REFERENCES participants(id),
    form_version            TEXT NOT NULL,
    language                TEXT NOT NULL CHECK (language IN ('nb','en')),
    participant_signed_on   TEXT NOT NULL,
    investigator_signed_on  TEXT NOT NULL,
    obtained_by             TEXT NOT NULL REFERENCES users(id),
    copy_given              INTEGER NOT NULL CHECK (copy_given IN (0,1))
);
CREATE INDEX consents_participant ON consents(participant_id);
CREATE TABLE screenings (
    {COMMON},
    participant_id          TEXT NOT NULL UNIQUE REFERENCES participants(id),
    screening_date          TEXT,
    canadian_criteria_met   INTEGER CHECK (canadian_criteria_met IN (0,1)),
    severity                TEXT,
    me_cfs_onset_date       TEXT,
    onset_trigger           TEXT,
    pregnancy_test          TEXT CHECK (pregnancy_test IN ('negative','positive')),
    nk_value_text           TEXT,
    nk_unit                 TEXT,
    nk_value                REAL,
    igg_value_text          TEXT,
    igg_unit                TEXT,
    igg_value               REAL
);
CREATE TABLE screening_judgements (
    {COMMON},
    screening_id    TEXT NOT NULL REFERENCES screenings(id),
    criterion_id    TEXT NOT NULL,
    answer          INTEGER CHECK (answer IN (0,1)),
    note            TEXT,
    UNIQUE (screening_id, criterion_id)
);
CREATE TABLE eligibility_decisions (
    {COMMON},
    participant_id      TEXT NOT NULL REFERENCES participants(id),
    verdict             TEXT NOT NULL CHECK (verdict IN ('eligible','not_eligible')),
    failed              TEXT NOT NULL,
    missing             TEXT NOT NULL,
    protocol_version    TEXT NOT NULL,
    checklist_hash      TEXT NOT NULL,
    signature_id        TEXT NOT NULL REFERENCES signatures(id),
    decided_at          TEXT NOT NULL
);
CREATE INDEX eligibility_decisions_participant ON eligibility_decisions(participant_id);
CREATE TABLE planned_visits (
    {COMMON},
    participant_id  TEXT NOT NULL REFERENCES participants(id),
    code            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    label_en        TEXT NOT NULL,
    label_nb        TEXT NOT NULL,
    target_date     TEXT NOT NULL,
    window_start    TEXT NOT NULL,
    window_end      TEXT NOT NULL,
    done_on         TEXT,
    protocol_version TEXT NOT NULL,
    UNIQUE (participant_id, code)
);
""")
    for table in ("consents", "screenings", "screening_judgements", "eligibility_decisions", "planned_visits"):
        _audited(db, table)


def m003_visits(db) -> None:
    """Injection visits (issue 5): dose visits, premedication, lab samples/results, administrations,
    adverse events; blood-bank dates on participants; the unblinded-physician flag on users."""
    from trialdesk.db import visits

    _script(db, visits.SCHEMA.format(common=COMMON))
    _audited(db, "users", REDACTED["users"])
    _audited(db, "participants")
    for table in visits.AUDITED_TABLES:
        _audited(db, table)


# Columns that never enter the audit trail (shown as ``***``): kept here so that re-installing a table's
# triggers in a later migration keeps them out too.
REDACTED = {"users": ("password_hash",)}


def m004_audit_subject_operation(db) -> None:
    """Audit rows name their participant (``subject_id``) and their operation (``operation_id``: one per
    use-case transaction, set by ``Store.acting``), both hashed from now on: the change feed the site
    exchange replays and what queries and SDV flags attach to.

    Existing rows get their participant backfilled from the values they recorded (the trail is replayed in
    order: a blood result finds its participant through its sample, a signature through its record);
    their operation is not recorded anywhere and stays empty. The backfilled subjects are not covered by
    those rows' hashes (``meta.audit_chain_v2_after`` says up to which row the first form applies).
    """
    db.execute("ALTER TABLE audit ADD COLUMN subject_id TEXT")
    db.execute("ALTER TABLE audit ADD COLUMN operation_id TEXT")
    last = db.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()[0]
    db.execute("DROP TRIGGER IF EXISTS td_audit_append_only")
    _backfill_subjects(db)
    _script(db, audit.AUDIT_TRIGGERS_V2_SQL)
    db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [audit.CHAIN_V2_META, str(last)])
    db.execute("CREATE INDEX audit_subject ON audit(subject_id, seq)")
    db.execute("CREATE INDEX audit_operation ON audit(operation_id)")
    for table in audited_tables(db):
        _audited(db, table, REDACTED.get(table, ()))


def _backfill_subjects(db) -> None:
    import json

    tables = audited_tables(db)
    paths = audit.subject_paths(db, tables)
    subject_of: dict[tuple[str, str], str] = {}
    updates = []
    rows = db.execute("SELECT seq, action, table_name, record_id, old_values, new_values FROM audit ORDER BY seq")
    for seq, action, table, record_id, old_values, new_values in rows:  # streamed: large stores have 400 000 rows
        subject = None
        if action in ("INSERT", "UPDATE", "DELETE") and table:
            values = json.loads(new_values or old_values or "{}")
            path = paths.get(table)
            if path == []:
                subject = record_id
            elif path:
                column, parent = path[0]
                parent_id = values.get(column)
                subject = parent_id if parent == audit.SUBJECT_TABLE else subject_of.get((parent, parent_id))
            elif values.get("record_table"):
                subject = subject_of.get((values["record_table"], values.get("record_id")))
            if subject and record_id:
                subject_of[(table, record_id)] = subject
        elif table and record_id:  # prints, exports … of a record
            subject = subject_of.get((table, record_id))
        if subject:
            updates.append((subject, seq))
    db.conn.executemany("UPDATE audit SET subject_id = ? WHERE seq = ?", updates)


def m005_staff_administration(db) -> None:
    """Staff administration (issue 11): a password the administrator gave (a new account's first one, or a
    reset) is temporary and must be changed at the next sign-in. Existing accounts keep their passwords."""
    db.execute("ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 "
               "CHECK (must_change_password IN (0,1))")
    _audited(db, "users", REDACTED["users"])


def m006_contacts_disposition_medications(db) -> None:
    """The journey after the first dose (issue 11): contacts (phone follow-ups, consultations, end of study,
    long-term follow-ups) with their contact attempts, disposition events (each change of status with its
    date and reason), concomitant medications; consultation blood samples and AEs name their contact."""
    from trialdesk.db import contacts

    _script(db, contacts.SCHEMA.format(common=COMMON))
    for table in ("participants", "lab_samples", "adverse_events", *contacts.AUDITED_TABLES):
        _audited(db, table, REDACTED.get(table, ()))


def m007_exchange_pairing(db) -> None:
    """Paired workstations (issue 12): this store's own exchange keys (``exchange_keys``: private, inside the
    encrypted store, never audited, made on first use so that existing stores get keys too) and the workstations
    it is paired with (``peers``: audited; revoked, never deleted)."""
    from trialdesk.db import peers

    _script(db, peers.SCHEMA.format(common=COMMON))
    for table in peers.AUDITED_TABLES:
        _audited(db, table)


def m008_sign_in_lockouts(db) -> None:
    """Sign-in does not leak (issue 14): a user name without an account and the workstation are locked
    after too many failed sign-ins, counted from the audit trail's sign-in events (``db/sign_ins.py``);
    these indexes keep that count as quick as an account's, whatever the length of the trail."""
    db.execute("CREATE INDEX audit_action_username ON audit(action, username)")
    db.execute("CREATE INDEX audit_action_at ON audit(action, at)")


def m009_peer_sync(db) -> None:
    """Site bundles (issue 12, point 2): per paired workstation, the last audit seq sent and the last one it
    acknowledged (``peer_sync``, not audited: bookkeeping the trail's ``EXCHANGE_BUNDLE_SENT`` events already
    hold, kept out of the change feed; see ``db/bundles.py``)."""
    from trialdesk.db import bundles

    _script(db, bundles.SCHEMA)


def m010_bundle_import(db) -> None:
    """Bundle import (issue 12, points 3–6): what this workstation holds of each origin's chain
    (``origin_state``), bundles held back for a gap or a newer version (``held_bundles``), conflicts met on
    import (``exchange_conflicts``) — bookkeeping, not audited —, the peer's acknowledged chain hash, and the
    audited, travelling ``conflict_resolutions``."""
    from trialdesk.db import merge

    _script(db, merge.SCHEMA.format(common=COMMON))
    for table in merge.AUDITED_TABLES:
        _audited(db, table)


def m011_due_visits_index(db) -> None:
    """The Today list at 5,000 participants (issue 15, point 2): its queries read only the planned visits not done
    whose window has started, found through this index instead of a scan of every planned visit (63,000 at 5,000
    participants)."""
    db.execute("CREATE INDEX planned_visits_open ON planned_visits(window_start) WHERE done_on IS NULL")


MIGRATIONS: list[tuple[int, Migration]] = [
    (1, m001_foundation),
    (2, m002_screening),
    (3, m003_visits),
    (4, m004_audit_subject_operation),
    (5, m005_staff_administration),
    (6, m006_contacts_disposition_medications),
    (7, m007_exchange_pairing),
    (8, m008_sign_in_lockouts),
    (9, m009_peer_sync),
    (10, m010_bundle_import),
    (11, m011_due_visits_index),
]
assert [n for n, _ in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1)), "migrations are numbered 1, 2, 3 …"

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
