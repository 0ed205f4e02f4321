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


# --- the schema against what the migrations create (issue 14, point 1) ---------------------------------------------

_expected: dict[tuple, dict[str, tuple[str, str, str]]] = {}


def _normalised(sql: str | None) -> str:
    return " ".join((sql or "").split())


def schema_of(conn) -> dict[str, tuple[str, str, str]]:
    """Every table, index, view and trigger of ``conn``: name -> (type, table, SQL with its white space made
    single spaces); SQLite's own statistics tables are left out."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'")
    return {name: (kind, table, _normalised(sql)) for kind, name, table, sql in rows}


def expected_schema() -> dict[str, tuple[str, str, str]]:
    """The schema the migrations create, built once per process by running them on an empty database in memory."""
    import sqlite_utils

    from trialdesk.db import migrations
    from trialdesk.db.driver import DRIVER

    which = tuple((n, id(f)) for n, f in migrations.MIGRATIONS)  # tests run older lists of migrations too
    if which not in _expected:
        conn = DRIVER.connect(":memory:")
        try:
            migrations.apply(sqlite_utils.Database(conn, execute_plugins=False))
            _expected[which] = schema_of(conn)
        finally:
            conn.close()
    return _expected[which]


def schema_differences(conn):
    """Each table, index and trigger that differs from what the migrations create: missing (dropped), not made
    by them (added) or with other SQL (rewritten), as :class:`~trialdesk.db.replay.Finding` lines."""
    from trialdesk.db.replay import Finding

    want = expected_schema()
    have = schema_of(conn)
    found = []
    for name in sorted(set(want) | set(have)):
        if name in want and name not in have:
            kind, table, _ = want[name]
            found.append(Finding(table, None, None, f"{kind} {name} is missing (dropped; the migrations create it)"))
        elif name not in want:
            kind, table, _ = have[name]
            found.append(Finding(table, None, None, f"{kind} {name} was added (the migrations do not create it)"))
        elif want[name] != have[name]:
            kind, table, _ = have[name]
            found.append(Finding(table, None, None, f"{kind} {name} was rewritten (its SQL is not what the "
                                                    "migrations create)"))
    return found


def role_changes_by_non_administrators(conn) -> list[tuple[int, str, str | None, str | None]]:
    """Audit rows that gave an account a role (a new account, or a change of role) made by an account of this
    store that was not an administrator at that moment (its role as the trail recorded it just before):
    (seq, account id, acting account's role, new role). Actors unknown to this store (another site's rows) are
    not judged here, nor the inactive accounts of another site's staff that the bundle import keeps."""
    rows = conn.execute("""
SELECT a.seq, a.record_id, (SELECT json_extract(p.new_values, '$.role') FROM audit p INDEXED BY audit_record
                            WHERE p.table_name = 'users' AND p.record_id = a.user_id AND p.seq < a.seq
                              AND p.action IN ('INSERT', 'UPDATE') ORDER BY p.seq DESC LIMIT 1) AS actor_role,
       json_extract(a.new_values, '$.role')
FROM audit a INDEXED BY audit_record
WHERE a.table_name = 'users' AND a.action IN ('INSERT', 'UPDATE')
  AND NOT (a.action = 'INSERT' AND a.user_id IS a.record_id)
  AND (a.action = 'INSERT' OR json_extract(a.old_values, '$.role') IS NOT json_extract(a.new_values, '$.role'))
  AND EXISTS (SELECT 1 FROM audit k INDEXED BY audit_record WHERE k.table_name = 'users' AND k.record_id = a.user_id)
  -- Another workstation's staff, kept by the bundle import as accounts of their own site that cannot sign in
  -- (issue 12): their role is what their site's staff list says, written by whoever received the bundle.
  AND NOT (json_extract(a.new_values, '$.site') IS NOT a.site AND json_extract(a.new_values, '$.active') = 0)
""").fetchall()
    return [r for r in rows if r[2] != "administrator"]


class BackgroundChecks:
    """``PRAGMA integrity_check`` and ``foreign_key_check`` on a connection of their own, in a thread of their own,
    while the caller walks the audit chain and replays the trail: SQLite checks in C without Python's lock, so on
    a machine with two cores the two halves of ``verify`` take the time of the longer one."""

    def __init__(self, path, key: bytes | None, conn=None):
        import threading

        if conn is not None and conn.in_transaction:  # the other connection must see everything written
            conn.commit()
        self._conn = conn
        self._path, self._key = path, key
        self._result: tuple[list[str], int] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="trialdesk-integrity-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from trialdesk.db.connection import _connect

        if self._key is None:
            return  # no key at hand (a store opened with the recovery key only): checked in wait()
        try:
            conn = _connect(self._path, self._key)
            try:
                self._result = (integrity_check(conn), foreign_key_problems(conn))
            finally:
                conn.close()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller in wait()
            self._error = exc

    def wait(self) -> tuple[list[str], int]:
        """The integrity check's lines and the number of broken references (re-raises what the thread raised)."""
        self._thread.join()
        if self._key is None and self._conn is not None:
            return integrity_check(self._conn), foreign_key_problems(self._conn)
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result
