"""Failed sign-ins read back from the audit trail: the lockout of a user name without an account, and of
the workstation.

An account counts its own wrong passwords (``users.failed_logins``). A name without an account has no row
to count in, and the workstation counts across names, so both are read from the ``LOGIN_FAILED``,
``ACCOUNT_LOCKED`` and ``WORKSTATION_LOCKED`` events that sign-in audits anyway: kept in the encrypted
store, append-only and hash-chained, so a count cannot be quietly reset. Migration 7 indexes them.
"""

from __future__ import annotations

import json

# The failures that were a guess (a password was checked and was wrong); a refusal because a name or the
# workstation was locked already, or the account deactivated, checks no password and does not count.
GUESSES = ("wrong password", "unknown user")

_WHY_IS_A_GUESS = f"json_extract(new_values, '$.why') IN ({', '.join('?' * len(GUESSES))})"


def _last(db, action: str, username: str | None = None) -> tuple[int, dict] | None:
    """(seq, detail) of the latest ``action`` event (of ``username``, when given), or None."""
    sql, params = "SELECT seq, new_values FROM audit WHERE action = ?", [action]
    if username is not None:
        sql, params = sql + " AND username = ?", [*params, username]
    row = db.execute(sql + " ORDER BY seq DESC LIMIT 1", params).fetchone()
    return (row[0], json.loads(row[1] or "{}")) if row else None


def last_lock(db, action: str, username: str | None = None) -> dict | None:
    """The detail (``until`` …) of the latest ``ACCOUNT_LOCKED`` of ``username``, or of the latest
    ``WORKSTATION_LOCKED`` (``username`` None); None when there was none."""
    found = _last(db, action, username)
    return found[1] if found else None


def name_failures(db, username: str) -> int:
    """Wrong guesses under ``username`` (a name without an account) since its last lockout: its count of
    failures in a row, as ``users.failed_logins`` is an account's."""
    lock = _last(db, "ACCOUNT_LOCKED", username)
    return db.execute(
        "SELECT count(*) FROM audit WHERE action = 'LOGIN_FAILED' AND username = ? AND seq > ? AND "
        + _WHY_IS_A_GUESS, [username, lock[0] if lock else 0, *GUESSES]).fetchone()[0]


def workstation_failures(db, since: str) -> int:
    """Wrong guesses under any name at or after ``since`` (UTC ISO) and after the workstation's last
    lockout (the guesses that locked it once do not lock it again)."""
    lock = _last(db, "WORKSTATION_LOCKED")
    return db.execute(
        "SELECT count(*) FROM audit WHERE action = 'LOGIN_FAILED' AND at >= ? AND seq > ? AND "
        + _WHY_IS_A_GUESS, [since, lock[0] if lock else 0, *GUESSES]).fetchone()[0]
