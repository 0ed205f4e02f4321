"""Site settings (idle lock, lockout …) kept in the audited ``settings`` table."""

from __future__ import annotations

from trialdesk.clock import new_id, utc_iso

DEFAULTS: dict[str, str] = {
    "idle_lock_minutes": "10",
    "max_failed_logins": "5",
    "lockout_minutes": "15",
    # Failed sign-ins under any names that lock the whole workstation for ``lockout_minutes`` (password
    # guessing across names, which no account's own count sees) when this many fall within the window.
    "workstation_max_failed_logins": "20",
    "workstation_window_minutes": "15",
    "backups_kept": "30",
    "backup_folder": "",  # "": the store's own backups/ folder
}


def get(db, key: str) -> str:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else DEFAULTS[key]


def get_int(db, key: str) -> int:
    return int(get(db, key))


def put(db, key: str, value: str, site: str) -> None:
    """Set ``key``; the caller's transaction supplies actor and reason (an audited change)."""
    now = utc_iso()
    row = db.execute("SELECT id FROM settings WHERE key = ?", [key]).fetchone()
    if row:
        db["settings"].update(row[0], {"value": value, "updated_at": now})
    else:
        db["settings"].insert({"id": new_id(), "site": site, "created_at": now, "updated_at": now,
                               "key": key, "value": value})


def stored(db) -> dict[str, str]:
    """Every setting kept in the table (key -> value); a setting not there has its default."""
    return dict(db.execute("SELECT key, value FROM settings").fetchall())
