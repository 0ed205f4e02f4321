"""Read-only queries behind the ODM and CSV exports: the audit trail of clinical tables and each export
domain's rows. Study ids only: the identities table is never read here.

Rows are dicts of the table's columns by name (documented per function), because the CSV mapping names
them one by one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import NamedTuple


class AuditEntryRow(NamedTuple):
    """One audit row of a data change (old/new values are the JSON text as stored). A named tuple: the ODM export
    reads hundreds of thousands of them, and a frozen dataclass costs 2.5 µs each to make."""

    seq: int
    at: str
    username: str | None
    action: str
    table: str
    record_id: str
    old_values: str | None
    new_values: str | None
    reason: str | None
    site: str | None


def _dicts(db, sql: str, args=()) -> list[dict]:
    cursor = db.execute(sql, list(args))
    cols = [d[0] for d in cursor.description]
    return [dict(zip(cols, r)) for r in cursor.fetchall()]


def _iter_dicts(db, sql: str, args=()) -> Iterator[dict]:
    cursor = db.execute(sql, list(args))
    cols = [d[0] for d in cursor.description]
    for r in cursor:
        yield dict(zip(cols, r))


def data_changes(db, tables: tuple[str, ...], before: str) -> list[AuditEntryRow]:
    """INSERT/UPDATE/DELETE audit rows of ``tables`` written before ``before`` (UTC ISO), in order."""
    marks = ", ".join("?" for _ in tables)
    return [AuditEntryRow._make(r) for r in db.execute(
        "SELECT seq, at, username, action, table_name, record_id, old_values, new_values, reason, site "
        f"FROM audit WHERE table_name IN ({marks}) AND action IN ('INSERT','UPDATE','DELETE') "
        "AND at < ? ORDER BY seq", [*tables, before])]


def iter_data_changes(db, tables: tuple[str, ...], before: str) -> Iterator[AuditEntryRow]:
    """:func:`data_changes` one row at a time from the cursor (the ODM export streams them, issue 15 point 4).

    The trail is read in its own order (``seq``, the rowid), not through the indexes on (action, at) or
    (table_name, record_id): either would sort every row, old and new values included, in a temporary B-tree in
    memory first, 3 GB at 5,000 participants (``+`` keeps SQLite off an index)."""
    marks = ", ".join("?" for _ in tables)
    cursor = db.execute(
        "SELECT seq, at, username, action, table_name, record_id, old_values, new_values, reason, site "
        f"FROM audit WHERE +table_name IN ({marks}) AND +action IN ('INSERT','UPDATE','DELETE') "
        "AND +at < ? ORDER BY seq", [*tables, before])
    yield from map(AuditEntryRow._make, cursor)


def data_change_names(db, tables: tuple[str, ...], before: str) -> tuple[set[str], set[str], set[str]]:
    """The user names of those rows, and of the signatures among them the signers' user names and the meanings:
    what the ODM file's AdminData names before its first transaction.

    Read through the indexes, not the trail (issue 15, point 4): the user names of data changes from the index on
    (action, username), each one kept if it has a row of ``tables`` before ``before`` (found at once for anyone who
    entered data); the signatures through the index on (table_name, record_id)."""
    marks = ", ".join("?" for _ in tables)
    names = set()
    for action, username in db.execute(
            "SELECT DISTINCT action, username FROM audit INDEXED BY audit_action_username "
            "WHERE action IN ('INSERT','UPDATE','DELETE') AND username IS NOT NULL AND username != ''").fetchall():
        if username in names:
            continue
        if db.execute("SELECT EXISTS (SELECT 1 FROM audit INDEXED BY audit_action_username WHERE action = ? "
                      f"AND username = ? AND +table_name IN ({marks}) AND +at < ?)",
                      [action, username, *tables, before]).fetchone()[0]:
            names.add(username)
    signers, meanings = set(), set()
    if "signatures" in tables:
        for action, new_values in db.execute(
                "SELECT action, new_values FROM audit INDEXED BY audit_record WHERE table_name = 'signatures' "
                "AND +action IN ('INSERT','UPDATE','DELETE') AND +at < ?", [before]):
            values = json.loads(new_values) if new_values else {}
            if values.get("username"):
                signers.add(values["username"])
            if action == "INSERT":
                meanings.add(values.get("meaning", ""))
    return names, signers, meanings


def study_ids(db) -> dict[str, str]:
    """participant id -> study id."""
    return dict(db.execute("SELECT id, study_id FROM participants").fetchall())


def participant_sites(db) -> list[str]:
    """The site codes that registered participants."""
    return [r[0] for r in db.execute("SELECT DISTINCT site FROM participants")]


def participants(db) -> list[dict]:
    """Every ``participants`` column (id, study_id, site, sex, birth_date, status, inclusion_date,
    created_at …), by study id."""
    return _dicts(db, "SELECT * FROM participants ORDER BY study_id")


def first_consent_days(db) -> dict[str, str]:
    """participant id -> the earliest date (ISO) a participant signed a consent."""
    return dict(db.execute("SELECT participant_id, min(participant_signed_on) FROM consents "
                           "GROUP BY participant_id").fetchall())


def doses(db) -> list[dict]:
    """Every dose visit with its administration if any: ``visit_id``, ``participant_id``, ``dose_code``,
    ``state``, ``visit_date`` and every ``administrations`` column (None when not given: ``id``, ``started_at``,
    ``ended_at``, ``kit_number``, ``lot``, ``injection_site`` …), by participant and dose."""
    return _dicts(db, "SELECT v.id AS visit_id, v.participant_id, v.dose_code, v.state, v.visit_date, a.* "
                      "FROM dose_visits v "
                      "LEFT JOIN administrations a ON a.dose_visit_id = v.id ORDER BY v.participant_id, v.dose_code")


def lab_results(db) -> list[dict]:
    """Every ``lab_results`` column plus the sample's ``participant_id``, ``sampled_at``, ``context``, the dose
    visit's ``dose_code`` and the consultation's ``contact_code`` (each None when the sample has none), by
    participant, sample time and analyte."""
    return _dicts(db, "SELECT r.*, s.participant_id, s.sampled_at, s.context, v.dose_code, "
                      "c.visit_code AS contact_code FROM lab_results r "
                      "JOIN lab_samples s ON s.id = r.sample_id LEFT JOIN dose_visits v ON v.id = s.dose_visit_id "
                      "LEFT JOIN contacts c ON c.id = s.contact_id "
                      "ORDER BY s.participant_id, s.sampled_at, r.analyte")


def iter_lab_results(db) -> Iterator[dict]:
    """:func:`lab_results` one row at a time from the cursor (the CSV export streams them)."""
    return _iter_dicts(db, "SELECT r.*, s.participant_id, s.sampled_at, s.context, v.dose_code, "
                           "c.visit_code AS contact_code FROM lab_results r "
                           "JOIN lab_samples s ON s.id = r.sample_id LEFT JOIN dose_visits v ON v.id = s.dose_visit_id "
                           "LEFT JOIN contacts c ON c.id = s.contact_id "
                           "ORDER BY s.participant_id, s.sampled_at, r.analyte")


def screenings(db) -> list[dict]:
    """Every ``screenings`` column (``nk_value_text``, ``nk_unit``, ``nk_value``, ``igg_*``, ``screening_date``
    …), by participant."""
    return _dicts(db, "SELECT * FROM screenings ORDER BY participant_id")


def adverse_events(db) -> list[dict]:
    """Every ``adverse_events`` column, by participant, onset date and entry time."""
    return _dicts(db, "SELECT * FROM adverse_events ORDER BY participant_id, onset_date, created_at")


def dose_visit_codes(db) -> dict[str, str]:
    """dose visit id -> dose code."""
    return dict(db.execute("SELECT id, dose_code FROM dose_visits").fetchall())


def contact_codes(db) -> dict[str, str]:
    """contact id -> visit code."""
    return dict(db.execute("SELECT id, visit_code FROM contacts").fetchall())


def dose_visits(db) -> list[dict]:
    """Every ``dose_visits`` column, by participant and dose."""
    return _dicts(db, "SELECT * FROM dose_visits ORDER BY participant_id, dose_code")


def dose_not_given_reasons(db) -> dict[str, str]:
    """dose visit id -> the reason recorded when the dose was last recorded as not given (the audit row's
    reason: the visit has no column of its own for it)."""
    rows = db.execute(
        "SELECT record_id, reason FROM audit WHERE table_name = 'dose_visits' AND action IN ('INSERT','UPDATE') "
        "AND json_extract(new_values, '$.state') IN ('missed','not_given') "
        "AND json_extract(old_values, '$.state') IS NOT json_extract(new_values, '$.state') ORDER BY seq")
    return {record_id: reason for record_id, reason in rows}


def contacts(db) -> list[dict]:
    """Every ``contacts`` column, by participant, date and visit code."""
    return _dicts(db, "SELECT * FROM contacts ORDER BY participant_id, contact_date, visit_code")


def dispositions(db) -> list[dict]:
    """Every ``dispositions`` column, by participant, event date and entry time."""
    return _dicts(db, "SELECT * FROM dispositions ORDER BY participant_id, event_date, created_at")


def concomitant_medications(db) -> list[dict]:
    """Every ``concomitant_medications`` column, by participant, start date and entry time."""
    return _dicts(db, "SELECT * FROM concomitant_medications ORDER BY participant_id, start_date, created_at")


def premedications(db) -> list[dict]:
    """Every ``premedications`` column plus the visit's ``participant_id`` and ``dose_code``, by participant and
    time given."""
    return _dicts(db, "SELECT p.*, v.participant_id, v.dose_code FROM premedications p "
                      "JOIN dose_visits v ON v.id = p.dose_visit_id ORDER BY v.participant_id, p.given_at")
