"""Injection visits in the store: dose visits, premedication, lab samples and results,
administrations, adverse events (migration 3 and the repository functions).

Kits are identified by number only; the treatment arm is never stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from trialdesk.clock import new_id, parse_utc, utc_iso
from trialdesk.domain.adverse_events import SAE_CRITERIA  # noqa: F401  (the seriousness columns; kept here too)

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


def latest_results(db, participant_id: str, analytes: tuple[str, ...] | None = None,
                   context: str | None = None) -> dict[str, dict]:
    """The most recent result per analyte (with ``sampled_at``), of samples of ``context`` only when given (the
    go / no-go reads ``pre_dose`` samples: a consultation's blood test is never a pre-dose one)."""
    sql = ("SELECT r.*, s.sampled_at, s.dose_visit_id FROM lab_results r JOIN lab_samples s ON s.id = r.sample_id "
           "WHERE s.participant_id = ?")
    args: list = [participant_id]
    if context is not None:
        sql += " AND s.context = ?"
        args.append(context)
    rows = db.execute(sql + " ORDER BY s.sampled_at", args).fetchall()
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


def sample_times(db, dose_visit_id: str) -> set[str]:
    """``sampled_at`` (UTC ISO, as stored) of every lab sample taken at one dose visit."""
    return {r[0] for r in db.execute("SELECT sampled_at FROM lab_samples WHERE dose_visit_id = ?", [dose_visit_id])}


def sample_visits(db, participant_id: str) -> dict[str, str | None]:
    """``sampled_at`` (UTC ISO, as stored) -> the dose visit id of the sample (None for a sample outside a dose
    visit), for every lab sample of the participant."""
    return {sampled: visit for sampled, visit in db.execute(
        "SELECT sampled_at, dose_visit_id FROM lab_samples WHERE participant_id = ?", [participant_id])}


def visit_records(db, visit_id: str) -> list[tuple[str, str]]:
    """(table, id) of the rows recorded at one dose visit: the visit, its premedication, injection, samples and
    results, and the AEs reported at it."""
    queries = (
        ("dose_visits", "SELECT id FROM dose_visits WHERE id = ?"),
        ("premedications", "SELECT id FROM premedications WHERE dose_visit_id = ?"),
        ("administrations", "SELECT id FROM administrations WHERE dose_visit_id = ?"),
        ("lab_samples", "SELECT id FROM lab_samples WHERE dose_visit_id = ?"),
        ("lab_results", "SELECT r.id FROM lab_results r JOIN lab_samples s ON s.id = r.sample_id "
                        "WHERE s.dose_visit_id = ?"),
        ("adverse_events", "SELECT id FROM adverse_events WHERE reported_visit_id = ?"),
    )
    return [(table, r[0]) for table, sql in queries for r in db.execute(sql, [visit_id])]


# --- typed readers for the visit services ---------------------------------------------------------

def administration_starts(db, participant_id: str) -> list[datetime]:
    """Start times (UTC) of every injection given to the participant, earliest first."""
    return [parse_utc(r[0]) for r in db.execute(
        "SELECT a.started_at FROM administrations a JOIN dose_visits v ON v.id = a.dose_visit_id "
        "WHERE v.participant_id = ? ORDER BY a.started_at", [participant_id])]


def administration_starts_by_participant(db) -> dict[str, list[datetime]]:
    """participant id -> start times (UTC) of the injections given, for every participant with one."""
    out: dict[str, list[datetime]] = {}
    for pid, started in db.execute(
            "SELECT v.participant_id, a.started_at FROM administrations a "
            "JOIN dose_visits v ON v.id = a.dose_visit_id ORDER BY a.started_at"):
        out.setdefault(pid, []).append(parse_utc(started))
    return out


def administration_with_kit(db, kit_number: str) -> str | None:
    """The id of the administration that used kit ``kit_number`` (None when the kit is unused)."""
    row = db.execute("SELECT id FROM administrations WHERE kit_number = ?", [kit_number]).fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class ResultSample:
    """A lab result's analyte and the sample it belongs to."""

    result_id: str
    analyte: str
    participant_id: str
    sample_id: str
    sampled_at: str  # UTC ISO, as stored


def result_sample(db, result_id: str) -> ResultSample | None:
    row = db.execute(
        "SELECT r.id, r.analyte, s.participant_id, s.id, s.sampled_at FROM lab_results r "
        "JOIN lab_samples s ON s.id = r.sample_id WHERE r.id = ?", [result_id]).fetchone()
    return ResultSample(*row) if row else None


@dataclass(frozen=True)
class ResultMasking:
    """What the blinding rule needs of one lab result."""

    result_id: str
    participant_id: str
    analyte: str
    sampled_at: datetime


def all_result_masking(db, analytes: Iterable[str] | None = None) -> list[ResultMasking]:
    """Every lab result of the store with its participant, analyte and sample time (for exports); only those of
    ``analytes`` when given (the masked ones: a fifth of the results, each sample time parsed)."""
    sql = ("SELECT r.id, s.participant_id, r.analyte, s.sampled_at FROM lab_results r "
           "JOIN lab_samples s ON s.id = r.sample_id")
    args: list[str] = []
    if analytes is not None:
        args = sorted(set(analytes))
        sql += f" WHERE r.analyte IN ({', '.join('?' for _ in args)})"
    return [ResultMasking(rid, pid, analyte, parse_utc(sampled))
            for rid, pid, analyte, sampled in db.execute(sql, args)]


def get_adverse_event(db, ae_id: str) -> dict | None:
    """Every column of one ``adverse_events`` row (None when there is no such event)."""
    rows = list(db["adverse_events"].rows_where("id = ?", [ae_id]))
    return rows[0] if rows else None


@dataclass(frozen=True)
class OpenSae:
    """A serious adverse event not yet marked reported to the sponsor."""

    ae_id: str
    participant_id: str
    study_id: str
    term: str
    aware_at: datetime


def open_saes(db) -> list[OpenSae]:
    """Serious AEs with no ``sae_reported_at``, earliest awareness first."""
    return [OpenSae(r[0], r[1], r[2], r[3], parse_utc(r[4])) for r in db.execute(
        "SELECT a.id, a.participant_id, p.study_id, a.term, a.aware_at FROM adverse_events a "
        "JOIN participants p ON p.id = a.participant_id WHERE a.serious = 1 AND a.sae_reported_at IS NULL "
        "ORDER BY a.aware_at")]


@dataclass(frozen=True)
class DueDose:
    """A planned dose visit not done, whose window has opened, of a participant in one of the given statuses."""

    participant_id: str
    study_id: str
    code: str
    label_en: str
    label_nb: str
    target: date
    window_start: date
    window_end: date


def due_doses(db, day: date, statuses: tuple[str, ...], participant_ids: list[str] | None = None) -> list[DueDose]:
    """Dose visits not done whose window started on or before ``day``, with no dose visit recorded or only an
    open one, of participants in ``statuses`` (and of ``participant_ids`` only, when given: at most 500); by window
    end, then study id."""
    marks = ", ".join("?" for _ in statuses)
    only = "" if participant_ids is None else f"AND p.id IN ({', '.join('?' for _ in participant_ids)}) "
    rows = db.execute(
        "SELECT pv.participant_id, p.study_id, pv.code, pv.label_en, pv.label_nb, pv.target_date, pv.window_start, "
        "pv.window_end FROM planned_visits pv JOIN participants p ON p.id = pv.participant_id "
        "LEFT JOIN dose_visits dv ON dv.participant_id = pv.participant_id AND dv.dose_code = pv.code "
        "WHERE pv.kind = 'dose' AND pv.done_on IS NULL AND pv.window_start <= ? "
        f"AND p.status IN ({marks}) {only}"
        "AND (dv.state IS NULL OR dv.state = 'open') ORDER BY pv.window_end, p.study_id",
        [day.isoformat(), *statuses, *(participant_ids or ())]).fetchall()
    return [DueDose(pid, sid, code, en, nb, date.fromisoformat(target), date.fromisoformat(start),
                    date.fromisoformat(end)) for pid, sid, code, en, nb, target, start, end in rows]
