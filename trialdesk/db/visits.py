"""Injection visits in the store: dose visits, premedication, lab samples and results,
administrations, adverse events (migration 3 and the repository functions).

Kits are identified by number only; the treatment arm is never stored.
"""

from __future__ import annotations

from trialdesk.clock import new_id, utc_iso

SCHEMA = """
ALTER TABLE users ADD COLUMN unblinded INTEGER NOT NULL DEFAULT 0 CHECK (unblinded IN (0,1));
ALTER TABLE participants ADD COLUMN type_and_screen_on TEXT;
ALTER TABLE participants ADD COLUMN alert_card_issued_on TEXT;
CREATE TABLE dose_visits (
    {common},
    participant_id          TEXT NOT NULL REFERENCES participants(id),
    dose_code               TEXT NOT NULL,
    visit_date              TEXT NOT NULL,
    state                   TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','given','not_given','missed')),
    pregnancy_test          TEXT CHECK (pregnancy_test IN ('negative','positive')),
    verdict                 TEXT,
    window_reason           TEXT,
    override_reason         TEXT,
    override_signature_id   TEXT REFERENCES signatures(id),
    UNIQUE (participant_id, dose_code)
);
CREATE TABLE premedications (
    {common},
    dose_visit_id   TEXT NOT NULL REFERENCES dose_visits(id),
    drug            TEXT NOT NULL,
    given_at        TEXT NOT NULL,
    UNIQUE (dose_visit_id, drug)
);
CREATE TABLE lab_samples (
    {common},
    participant_id  TEXT NOT NULL REFERENCES participants(id),
    dose_visit_id   TEXT REFERENCES dose_visits(id),
    sampled_at      TEXT NOT NULL,
    context         TEXT NOT NULL
);
CREATE INDEX lab_samples_participant ON lab_samples(participant_id, sampled_at);
CREATE TABLE lab_results (
    {common},
    sample_id       TEXT NOT NULL REFERENCES lab_samples(id),
    analyte         TEXT NOT NULL,
    entered_value   TEXT NOT NULL,
    entered_unit    TEXT NOT NULL,
    value           REAL NOT NULL,
    unit            TEXT NOT NULL,
    flag            TEXT CHECK (flag IN ('L','H')),
    ctcae_term      TEXT,
    ctcae_grade     INTEGER,
    read_back       INTEGER NOT NULL DEFAULT 0 CHECK (read_back IN (0,1)),
    UNIQUE (sample_id, analyte)
);
CREATE TABLE administrations (
    {common},
    dose_visit_id       TEXT NOT NULL UNIQUE REFERENCES dose_visits(id),
    kit_number          TEXT NOT NULL,
    lot                 TEXT,
    injection_site      TEXT NOT NULL CHECK (injection_site IN ('abdomen_left','abdomen_right')),
    started_at          TEXT NOT NULL,
    ended_at            TEXT NOT NULL,
    given_by            TEXT NOT NULL REFERENCES users(id),
    observation_until   TEXT,
    bp_sys_pre INTEGER, bp_dia_pre INTEGER, pulse_pre INTEGER, temp_pre REAL,
    bp_sys_post INTEGER, bp_dia_post INTEGER, pulse_post INTEGER, temp_post REAL
);
CREATE UNIQUE INDEX administrations_kit ON administrations(kit_number);
CREATE TABLE adverse_events (
    {common},
    participant_id          TEXT NOT NULL REFERENCES participants(id),
    reported_visit_id       TEXT REFERENCES dose_visits(id),
    verbatim                TEXT NOT NULL,
    term                    TEXT NOT NULL,
    other_specify           TEXT,
    ctcae_version           TEXT NOT NULL,
    onset_date              TEXT NOT NULL,
    end_date                TEXT,
    grade                   INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 5),
    serious                 INTEGER NOT NULL CHECK (serious IN (0,1)),
    sae_death               INTEGER NOT NULL DEFAULT 0,
    sae_life_threatening    INTEGER NOT NULL DEFAULT 0,
    sae_hospitalisation     INTEGER NOT NULL DEFAULT 0,
    sae_disability          INTEGER NOT NULL DEFAULT 0,
    sae_congenital          INTEGER NOT NULL DEFAULT 0,
    sae_important_medical   INTEGER NOT NULL DEFAULT 0,
    causality               TEXT NOT NULL,
    action_taken            TEXT NOT NULL,
    outcome                 TEXT NOT NULL,
    aware_at                TEXT,
    sae_reported_at         TEXT
);
CREATE INDEX adverse_events_participant ON adverse_events(participant_id);
"""

AUDITED_TABLES = ("dose_visits", "premedications", "lab_samples", "lab_results", "administrations",
                  "adverse_events")

SAE_CRITERIA = ("sae_death", "sae_life_threatening", "sae_hospitalisation", "sae_disability",
                "sae_congenital", "sae_important_medical")


def _stamp(site: str, values: dict) -> dict:
    now = utc_iso()
    return {"id": new_id(), "site": site, "created_at": now, "updated_at": now, **values}


def get_dose_visit(db, participant_id: str, dose_code: str) -> dict | None:
    rows = list(db["dose_visits"].rows_where("participant_id = ? AND dose_code = ?", [participant_id, dose_code]))
    return rows[0] if rows else None


def dose_visits(db, participant_id: str) -> list[dict]:
    return list(db["dose_visits"].rows_where("participant_id = ?", [participant_id], order_by="dose_code"))


def ensure_dose_visit(db, site: str, participant_id: str, dose_code: str, visit_date: str) -> dict:
    """The dose visit row, created (open) on first use."""
    row = get_dose_visit(db, participant_id, dose_code)
    if row is None:
        row = _stamp(site, {"participant_id": participant_id, "dose_code": dose_code, "visit_date": visit_date,
                            "state": "open"})
        db["dose_visits"].insert(row)
    return row


def update(db, table: str, row_id: str, values: dict) -> None:
    db[table].update(row_id, {**values, "updated_at": utc_iso()})


def insert(db, table: str, site: str, values: dict) -> dict:
    row = _stamp(site, values)
    db[table].insert(row)
    return row


def premedications(db, dose_visit_id: str) -> dict[str, dict]:
    return {r["drug"]: r for r in db["premedications"].rows_where("dose_visit_id = ?", [dose_visit_id])}


def latest_results(db, participant_id: str, analytes: tuple[str, ...] | None = None) -> dict[str, dict]:
    """The most recent result per analyte (with ``sampled_at``)."""
    rows = db.execute(
        "SELECT r.*, s.sampled_at, s.dose_visit_id FROM lab_results r JOIN lab_samples s ON s.id = r.sample_id "
        "WHERE s.participant_id = ? ORDER BY s.sampled_at", [participant_id]).fetchall()
    cols = [d[0] for d in db.execute(
        "SELECT r.*, s.sampled_at, s.dose_visit_id FROM lab_results r JOIN lab_samples s ON s.id = r.sample_id "
        "LIMIT 0").description]
    latest: dict[str, dict] = {}
    for row in rows:
        record = dict(zip(cols, row))
        if analytes is None or record["analyte"] in analytes:
            latest[record["analyte"]] = record
    return latest


def results(db, participant_id: str, analyte: str | None = None) -> list[dict]:
    """Every result of a participant (optionally one analyte), oldest first, with the sample time."""
    sql = ("SELECT r.*, s.sampled_at, s.dose_visit_id, s.context FROM lab_results r "
           "JOIN lab_samples s ON s.id = r.sample_id WHERE s.participant_id = ?")
    args: list = [participant_id]
    if analyte:
        sql += " AND r.analyte = ?"
        args.append(analyte)
    cursor = db.execute(sql + " ORDER BY s.sampled_at, r.analyte", args)
    cols = [d[0] for d in cursor.description]
    return [dict(zip(cols, row)) for row in cursor.fetchall()]


def administration(db, dose_visit_id: str) -> dict | None:
    rows = list(db["administrations"].rows_where("dose_visit_id = ?", [dose_visit_id]))
    return rows[0] if rows else None


def adverse_events(db, participant_id: str | None = None) -> list[dict]:
    if participant_id is None:
        return list(db["adverse_events"].rows(order_by="onset_date"))
    return list(db["adverse_events"].rows_where("participant_id = ?", [participant_id], order_by="onset_date"))


def record_labels(db, participant_id: str) -> dict[tuple[str, str], str]:
    """(table, record id) -> a short name (dose code, analyte, drug, AE term) of every injection-visit row
    of the participant, for its history."""
    out: dict[tuple[str, str], str] = {}
    queries = (
        ("dose_visits", "SELECT id, dose_code FROM dose_visits WHERE participant_id = ?"),
        ("premedications", "SELECT p.id, v.dose_code || ' ' || p.drug FROM premedications p "
                           "JOIN dose_visits v ON v.id = p.dose_visit_id WHERE v.participant_id = ?"),
        ("administrations", "SELECT a.id, v.dose_code FROM administrations a "
                            "JOIN dose_visits v ON v.id = a.dose_visit_id WHERE v.participant_id = ?"),
        ("lab_samples", "SELECT s.id, COALESCE(v.dose_code, '') FROM lab_samples s "
                        "LEFT JOIN dose_visits v ON v.id = s.dose_visit_id WHERE s.participant_id = ?"),
        ("lab_results", "SELECT r.id, TRIM(COALESCE(v.dose_code, '') || ' ' || r.analyte) FROM lab_results r "
                        "JOIN lab_samples s ON s.id = r.sample_id LEFT JOIN dose_visits v ON v.id = s.dose_visit_id "
                        "WHERE s.participant_id = ?"),
        ("adverse_events", "SELECT id, term FROM adverse_events WHERE participant_id = ?"),
        ("signatures", "SELECT override_signature_id, dose_code FROM dose_visits "
                       "WHERE participant_id = ? AND override_signature_id IS NOT NULL"),
    )
    for table, sql in queries:
        for rid, label in db.execute(sql, [participant_id]):
            out[(table, rid)] = label or ""
    return out


def masking_facts(db, participant_id: str) -> dict[str, tuple[str, str]]:
    """lab result id -> (analyte, sampled_at) of every result of the participant (for masking its history)."""
    return {rid: (analyte, sampled) for rid, analyte, sampled in db.execute(
        "SELECT r.id, r.analyte, s.sampled_at FROM lab_results r JOIN lab_samples s ON s.id = r.sample_id "
        "WHERE s.participant_id = ?", [participant_id])}
