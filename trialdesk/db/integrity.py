"""Read-only checks of a store's database for ``trialdesk verify``, and reading ``meta`` from a bare connection."""

from __future__ import annotations


def read_meta(conn) -> dict[str, str]:
    """Every key -> value of the ``meta`` table (works on a bare DB-API connection, before migrations)."""
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def integrity_check(db) -> list[str]:
    """SQLite's ``PRAGMA integrity_check`` lines (``["ok"]`` when the file is sound)."""
    return [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]


def foreign_key_problems(db) -> int:
    """How many rows ``PRAGMA foreign_key_check`` reports as pointing nowhere."""
    return len(db.execute("PRAGMA foreign_key_check").fetchall())


def table_names(db) -> list[str]:
    """The names of every table in the database."""
    return [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
