"""Concomitant medications in the store (issue 11): the rows of ``concomitant_medications`` (created by
migration 6, schema text in :mod:`trialdesk.db.contacts`). Premedication before a dose is another table
(``premedications``, :mod:`trialdesk.db.visits`)."""

from __future__ import annotations

from trialdesk.clock import new_id, utc_iso

_COLUMNS = ("SELECT m.*, p.study_id FROM concomitant_medications m JOIN participants p ON p.id = m.participant_id")


def _rows(db, sql: str, params: list) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def insert(db, site: str, values: dict) -> dict:
    """Add one medication row (the caller's transaction supplies the actor); returns the row."""
    now = utc_iso()
    row = {"id": new_id(), "site": site, "created_at": now, "updated_at": now, **values}
    db["concomitant_medications"].insert(row)
    return row


def update(db, medication_id: str, values: dict) -> None:
    """Change columns of one medication (the caller's transaction supplies actor and reason)."""
    db["concomitant_medications"].update(medication_id, {**values, "updated_at": utc_iso()})


def get(db, medication_id: str) -> dict | None:
    """Every column of one medication with the participant's study id (None when there is none)."""
    rows = _rows(db, f"{_COLUMNS} WHERE m.id = ?", [medication_id])
    return rows[0] if rows else None


def for_participant(db, participant_id: str) -> list[dict]:
    """The participant's medications, by start date (then as entered)."""
    return _rows(db, f"{_COLUMNS} WHERE m.participant_id = ? ORDER BY m.start_date, m.created_at",
                 [participant_id])


def all_medications(db) -> list[dict]:
    """Every participant's medications, by study id and start date (for the exports)."""
    return _rows(db, f"{_COLUMNS} ORDER BY p.study_id, m.start_date, m.created_at", [])
