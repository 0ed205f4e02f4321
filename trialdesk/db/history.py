"""Reading the audit trail for one participant's records (the trail itself is in :mod:`audit`): the SQL of the
audit reader (:mod:`trialdesk.services.audit_reader`), which runs none of its own."""

from __future__ import annotations

from dataclasses import dataclass

from trialdesk.domain import records


@dataclass(frozen=True)
class AuditRow:
    """One audit row as stored: JSON text of old and new values, UTC time."""

    seq: int
    at: str
    username: str | None
    action: str
    table_name: str | None
    record_id: str | None
    old_values: str | None
    new_values: str | None
    reason: str | None
    user_id: str | None = None
    site: str | None = None  # the site where the change was made (another one's for an imported change)


def rows_for(db, keys: list[tuple[str, str]]) -> list[AuditRow]:
    """Audit rows of the given (table, record id) pairs, oldest first."""
    if not keys:
        return []
    out: list[AuditRow] = []
    by_table: dict[str, list[str]] = {}
    for table, rid in keys:
        by_table.setdefault(table, []).append(rid)
    for table, ids in by_table.items():
        marks = ", ".join("?" for _ in ids)
        for row in db.execute(
                "SELECT seq, at, username, action, table_name, record_id, old_values, new_values, reason, user_id, site "
                f"FROM audit WHERE table_name = ? AND record_id IN ({marks})", [table, *ids]):
            out.append(AuditRow(*row))
    out.sort(key=lambda r: r.seq)
    return out


# --- the rows of one participant (for the audit reader) ---------------------------------------------------
#
# A participant's audit rows are found by their ``subject_id``, which the triggers write along the same parent
# keys the record registry declares (tests/db/test_records.py keeps the two in step); its current records, by
# those parent keys.

def _chain(table: str) -> list[tuple[str, str]] | None:
    """[(table, parent key column), …] from ``table`` up to ``participants``; None if it does not reach it."""
    steps, current = [], table
    while current != "participants":
        parent = records.record(current).parent
        if parent is None:
            return None
        steps.append((current, parent.column))
        current = parent.table
    return steps


def _ids_sql(table: str) -> str | None:
    """SELECT of the ids of ``table``'s rows that belong to one participant (``?``)."""
    if table == "participants":
        return "SELECT id FROM participants WHERE id = ?"
    chain = _chain(table)
    if not chain:
        return None
    joins, alias = [], "t0"
    for n, (child, column) in enumerate(chain[:-1]):
        parent_table = _parent_table(child)
        joins.append(f"JOIN {parent_table} t{n + 1} ON t{n + 1}.id = t{n}.{column}")
        alias = f"t{n + 1}"
    last_column = chain[-1][1]
    return f"SELECT t0.id FROM {table} t0 {' '.join(joins)} WHERE {alias}.{last_column} = ?"


def _parent_table(table: str) -> str:
    parent = records.record(table).parent
    assert parent is not None
    return parent.table


def participant_records(db, participant_id: str, *, identities: bool = True) -> list[tuple[str, str]]:
    """(table, record id) of every audited row of the participant: the rows reached through the registry's
    parent keys, and the signatures on them (eligibility and no-go override signatures)."""
    out: list[tuple[str, str]] = []
    for rec in records.RECORDS.values():
        if not rec.clinical or rec.table == "signatures" or (rec.identity and not identities):
            continue
        sql = _ids_sql(rec.table)
        if sql:
            out.extend((rec.table, r[0]) for r in db.execute(sql, [participant_id]))
    mine = set(out)
    signed = {r[0] for r in db.execute(
        "SELECT signature_id FROM eligibility_decisions WHERE participant_id = ? UNION "
        "SELECT override_signature_id FROM dose_visits WHERE participant_id = ? AND override_signature_id IS NOT NULL",
        [participant_id, participant_id])}
    for sid, table, rid in db.execute("SELECT id, record_table, record_id FROM signatures"):
        if sid in signed or (table, rid) in mine:
            out.append(("signatures", sid))
    return list(dict.fromkeys(out))


def participant_rows(db, participant_id: str, *, identities: bool = True) -> list[AuditRow]:
    """Every audit row about the participant (row changes of its records — deleted ones too — and prints of
    them), oldest first: one indexed query on the rows' ``subject_id`` (migration 4)."""
    sql = ("SELECT seq, at, username, action, table_name, record_id, old_values, new_values, reason, user_id, site "
           "FROM audit WHERE subject_id = ?")
    if not identities:
        sql += " AND table_name IS NOT 'identities'"
    return [AuditRow(*row) for row in db.execute(sql + " ORDER BY seq", [participant_id])]


def participant_of(db, table: str, record_id: str) -> str | None:
    """The participant a record belongs to (through the registry's parent keys), or None."""
    if table == "participants":
        return record_id
    chain = _chain(table)
    if not chain:
        return None
    current = record_id
    for child, column in chain:
        row = db.execute(f"SELECT {column} FROM {child} WHERE id = ?", [current]).fetchone()
        if row is None or row[0] is None:
            return None
        current = row[0]
    return current


_NAME_QUERIES = (
    # (table, key, SELECT id, value … WHERE participant = ?)
    ("participants", "study_id", "SELECT id, study_id FROM participants WHERE id = ?"),
    ("dose_visits", "dose", "SELECT id, dose_code FROM dose_visits WHERE participant_id = ?"),
    ("premedications", "dose", "SELECT p.id, v.dose_code FROM premedications p JOIN dose_visits v "
                               "ON v.id = p.dose_visit_id WHERE v.participant_id = ?"),
    ("premedications", "drug", "SELECT p.id, p.drug FROM premedications p JOIN dose_visits v "
                               "ON v.id = p.dose_visit_id WHERE v.participant_id = ?"),
    ("administrations", "dose", "SELECT a.id, v.dose_code FROM administrations a JOIN dose_visits v "
                                "ON v.id = a.dose_visit_id WHERE v.participant_id = ?"),
    # A consultation's blood sample is named by its contact's code (CONS1) where a dose visit's is by its dose.
    ("lab_samples", "dose", "SELECT s.id, coalesce(v.dose_code, c.visit_code) FROM lab_samples s "
                            "LEFT JOIN dose_visits v ON v.id = s.dose_visit_id LEFT JOIN contacts c "
                            "ON c.id = s.contact_id WHERE s.participant_id = ?"),
    ("lab_results", "dose", "SELECT r.id, coalesce(v.dose_code, c.visit_code) FROM lab_results r "
                            "JOIN lab_samples s ON s.id = r.sample_id LEFT JOIN dose_visits v ON v.id = s.dose_visit_id "
                            "LEFT JOIN contacts c ON c.id = s.contact_id WHERE s.participant_id = ?"),
    ("lab_results", "analyte", "SELECT r.id, r.analyte FROM lab_results r JOIN lab_samples s "
                               "ON s.id = r.sample_id WHERE s.participant_id = ?"),
    ("screening_judgements", "criterion", "SELECT j.id, j.criterion_id FROM screening_judgements j "
                                          "JOIN screenings s ON s.id = j.screening_id WHERE s.participant_id = ?"),
    ("planned_visits", "code", "SELECT id, code FROM planned_visits WHERE participant_id = ?"),
    ("contacts", "code", "SELECT id, visit_code FROM contacts WHERE participant_id = ?"),
    ("contact_attempts", "code", "SELECT a.id, c.visit_code FROM contact_attempts a JOIN contacts c "
                                 "ON c.id = a.contact_id WHERE c.participant_id = ?"),
    ("signatures", "dose", "SELECT override_signature_id, dose_code FROM dose_visits "
                           "WHERE participant_id = ? AND override_signature_id IS NOT NULL"),
)
# Records named by their number among the participant's records of the table ("Adverse event 2").
_NUMBERED = {"adverse_events": "SELECT id FROM adverse_events WHERE participant_id = ? ORDER BY onset_date, created_at",
             "consents": "SELECT id FROM consents WHERE participant_id = ? ORDER BY created_at",
             "eligibility_decisions": "SELECT id FROM eligibility_decisions WHERE participant_id = ? "
                                      "ORDER BY decided_at",
             "dispositions": "SELECT id FROM dispositions WHERE participant_id = ? ORDER BY event_date, created_at",
             "concomitant_medications": "SELECT id FROM concomitant_medications WHERE participant_id = ? "
                                        "ORDER BY start_date, created_at"}


def record_names(db, participant_id: str) -> dict[tuple[str, str], dict[str, str]]:
    """(table, record id) -> the naming keys of the participant's records (``dose``, ``analyte``, ``drug``,
    ``criterion``, ``code``, ``number``, ``study_id``) as stored codes; the reader words them."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    for table, key, sql in _NAME_QUERIES:
        for rid, value in db.execute(sql, [participant_id]):
            if value is not None:
                out.setdefault((table, rid), {})[key] = str(value)
    for table, sql in _NUMBERED.items():
        for n, (rid,) in enumerate(db.execute(sql, [participant_id]).fetchall(), start=1):
            out.setdefault((table, rid), {})["number"] = str(n)
    return out


def user_names(db) -> dict[str, tuple[str, str]]:
    """user id -> (full name, user name) of every user (for "Full Name (username)")."""
    return {uid: (full, name) for uid, full, name in db.execute("SELECT id, full_name, username FROM users")}


def first_signature_at(db, participant_id: str) -> str | None:
    """UTC time of the participant's first eligibility signature (what changes "after signing" are measured by)."""
    row = db.execute("SELECT min(s.signed_at) FROM signatures s JOIN screenings c ON c.id = s.record_id "
                     "WHERE s.record_table = 'screenings' AND c.participant_id = ?", [participant_id]).fetchone()
    return row[0] if row else None
