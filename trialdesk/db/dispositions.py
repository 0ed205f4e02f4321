"""Disposition events in the store, read for the participant's course, its screens and the exports (issue 11).

The table is created by migration 6 (schema text in :mod:`trialdesk.db.contacts`); rows are written with the
visit repository's generic insert inside the caller's transaction (``services.disposition.record_event``).
"""

from __future__ import annotations

_EVENT_COLUMNS = ("SELECT d.*, p.study_id, u.full_name AS recorded_by_name, u.username AS recorded_by_username "
                  "FROM dispositions d JOIN participants p ON p.id = d.participant_id "
                  "LEFT JOIN users u ON u.id = d.recorded_by")


def _rows(db, sql: str, params: list) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def events(db, participant_id: str) -> list[dict]:
    """The participant's disposition events, oldest first, each with the participant's study id and the name
    and username of who recorded it."""
    return _rows(db, f"{_EVENT_COLUMNS} WHERE d.participant_id = ? ORDER BY d.event_date, d.created_at",
                 [participant_id])


def events_of(db, participant_ids: list[str]) -> dict[str, list[dict]]:
    """:func:`events` of several participants in one query: participant id -> its events, oldest first (a
    participant without events is left out)."""
    out: dict[str, list[dict]] = {}
    for start in range(0, len(participant_ids), 500):  # within SQLite's bound on parameters
        chunk = participant_ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for event in _rows(db, f"{_EVENT_COLUMNS} WHERE d.participant_id IN ({marks}) "
                               "ORDER BY d.event_date, d.created_at", chunk):
            out.setdefault(event["participant_id"], []).append(event)
    return out


def all_events(db) -> list[dict]:
    """Every participant's disposition events (as :func:`events`), by study id, then oldest first."""
    return _rows(db, f"{_EVENT_COLUMNS} ORDER BY p.study_id, d.event_date, d.created_at", [])


def get(db, event_id: str) -> dict | None:
    rows = _rows(db, f"{_EVENT_COLUMNS} WHERE d.id = ?", [event_id])
    return rows[0] if rows else None
