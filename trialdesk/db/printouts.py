"""Reads only a printout needs (the SQL of :mod:`trialdesk.services.printing`, which runs none of its own)."""

from __future__ import annotations


def recorded_by(db, table: str, record_id: str) -> str | None:
    """The user name on the audit row that inserted the record (who first recorded it); None when the trail has
    no such row."""
    row = db.execute("SELECT username FROM audit WHERE table_name = ? AND record_id = ? AND action = 'INSERT' "
                     "ORDER BY seq LIMIT 1", [table, record_id]).fetchone()
    return row[0] if row else None


def sample_contacts(db, participant_id: str) -> dict[str, str]:
    """``sampled_at`` -> the contact id of the participant's blood samples taken at a contact (consultation)."""
    return {sampled: contact for sampled, contact in db.execute(
        "SELECT sampled_at, contact_id FROM lab_samples WHERE participant_id = ? AND contact_id IS NOT NULL",
        [participant_id])}


def contact_adverse_events(db, contact_id: str) -> list[dict]:
    """The AEs reported at one contact, in onset order."""
    return list(db["adverse_events"].rows_where("reported_contact_id = ?", [contact_id],
                                                order_by="onset_date, created_at"))


def contact_records(db, contact_id: str) -> list[tuple[str, str]]:
    """(table, id) of the rows recorded at one contact: the contact, its attempts, its blood samples and results,
    the AEs reported at it and the disposition it led to."""
    queries = (
        ("contacts", "SELECT id FROM contacts WHERE id = ?"),
        ("contact_attempts", "SELECT id FROM contact_attempts WHERE contact_id = ?"),
        ("lab_samples", "SELECT id FROM lab_samples WHERE contact_id = ?"),
        ("lab_results", "SELECT r.id FROM lab_results r JOIN lab_samples s ON s.id = r.sample_id "
                        "WHERE s.contact_id = ?"),
        ("adverse_events", "SELECT id FROM adverse_events WHERE reported_contact_id = ?"),
        ("dispositions", "SELECT id FROM dispositions WHERE contact_id = ?"),
    )
    return [(table, rid) for table, sql in queries for (rid,) in db.execute(sql, [contact_id])]
