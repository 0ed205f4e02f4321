"""Reads only a printout needs (the SQL of :mod:`trialdesk.services.printing`, which runs none of its own)."""

from __future__ import annotations


def recorded_by(db, table: str, record_id: str) -> str | None:
    """The user name on the audit row that inserted the record (who first recorded it); None when the trail has
    no such row."""
    row = db.execute("SELECT username FROM audit WHERE table_name = ? AND record_id = ? AND action = 'INSERT' "
                     "ORDER BY seq LIMIT 1", [table, record_id]).fetchone()
    return row[0] if row else None
