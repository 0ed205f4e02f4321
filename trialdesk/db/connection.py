"""Open and create the encrypted store: SQLCipher 4 with a raw key, sqlite-utils on top.

A store is a folder::

    store.json        public facts: store id, site code, key fingerprint (no clinical data)
    trialdesk.db      SQLCipher 4 database (+ -wal / -shm while open; the WAL is encrypted too)
    trialdesk.lock    held while a TrialDesk has the store open (one writer)
    backups/          encrypted, verified copies

The key is 32 random bytes applied as ``PRAGMA key = "x'…'"`` (no KDF on open). Keyring look-ups are
not done here: callers pass the key (see :mod:`trialdesk.db.keystore`).
"""

from __future__ import annotations

import getpass
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from trialdesk import __version__
from trialdesk.clock import new_id, utc_iso
from trialdesk.db.driver import DRIVER  # first: sqlcipher3 under sqlite-utils (see driver.py)
from trialdesk.db import audit, migrations
from trialdesk.db.changes import ChangeSet
from trialdesk.db.folder import (  # noqa: F401  (re-exported)
    DB_NAME, INFO_NAME, LOCK_INFO_NAME, LOCK_NAME, STORE_FORMAT, FolderLock, StoreInfo, store_exists,
)
from trialdesk.db.keystore import key_check_value
from trialdesk.errors import (
    NoActingUser,
    ReasonRequired,
    StoreDamaged,
    StoreError,
    StoreExists,
    WrongKey,
    os_problem,
)

import sqlite_utils  # noqa: E402  (after trialdesk.db.driver, imported above)



@dataclass(frozen=True)
class Actor:
    """Who is changing data: written into every audit row by the triggers."""

    user_id: str
    username: str


class _Context:
    """Per-connection values the audit triggers read through SQL functions."""

    def __init__(self, site: str):
        self.site = site
        self.actor: Actor | None = None
        self.reason: str | None = None
        self.operation: str | None = None
        # While an imported event is replayed (``Store.replaying``): the origin's audit values, which the
        # triggers then write instead of this workstation's (who, when, why, site, operation, the row's id).
        self.replay: dict | None = None
        self.forced_id: str | None = None  # the next audit row's id, decided beforehand (``Store.audit_id_next``)

    def operation_id(self) -> str:
        """The running use case's operation id; an audit row outside one is an operation of its own."""
        if self.replay is not None:
            return self.replay["operation_id"] or new_id()
        return self.operation or new_id()

    def _replayed(self, key: str, own):
        return self.replay[key] if self.replay is not None else own()

    def audit_id(self) -> str:
        """The id of the next audit row: the origin's event id once while an event is replayed, else new."""
        if self.replay is not None and self.replay.get("id"):
            found, self.replay["id"] = self.replay["id"], None
            return found
        if self.forced_id:
            found, self.forced_id = self.forced_id, None
            return found
        return new_id()


def _connect(path: Path, key: bytes):
    """A keyed sqlcipher3 connection, checked by a first read (a wrong key only fails there)."""
    conn = DRIVER.connect(str(path), check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DRIVER.DatabaseError as exc:
        conn.close()
        raise _unreadable(exc) from None
    return conn


def _unreadable(exc: Exception) -> StoreDamaged:
    return StoreDamaged(
        "The store database cannot be read ({problem}): it is damaged or not a TrialDesk store. "
        "Nothing was changed. Restore the latest backup with 'trialdesk restore'.",
        problem=str(exc),
    )


def _configure(conn) -> None:
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA busy_timeout = 5000")


def _register_functions(conn, ctx: _Context) -> None:
    conn.create_function("td_actor", 0, lambda: ctx._replayed("user_id", lambda: ctx.actor.user_id if ctx.actor
                                                               else None))
    conn.create_function("td_actor_name", 0, lambda: ctx._replayed("username", lambda: ctx.actor.username
                                                                    if ctx.actor else None))
    conn.create_function("td_reason", 0, lambda: ctx._replayed("reason", lambda: ctx.reason))
    conn.create_function("td_site", 0, lambda: ctx._replayed("site", lambda: ctx.site))
    conn.create_function("td_operation", 0, ctx.operation_id)
    conn.create_function("td_now", 0, lambda: ctx._replayed("at", utc_iso))
    conn.create_function("td_uuid", 0, ctx.audit_id)
    conn.create_function("td_app_version", 0, lambda: ctx._replayed("app_version", lambda: __version__))
    # Variadic: the chain trigger hashes 13 columns before migration 4 and 15 from it on.
    conn.create_function("td_hash", -1, lambda prev, *values: audit.row_hash(prev, values), deterministic=True)


class Store:
    """An open store: the sqlite-utils ``db``, its folder and facts, and the audit context.

    Attributes:
        db: ``sqlite_utils.Database`` over the keyed sqlcipher3 connection.
        folder: the store folder.
        info: :class:`StoreInfo` from ``store.json``.
    """

    def __init__(self, folder: Path, conn, info: StoreInfo, lock: FolderLock, ctx: _Context):
        self.folder = folder
        self.info = info
        self._lock = lock
        self._ctx = ctx
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self.closed = False
        self._key: bytes | None = None
        self.last_changes: ChangeSet | None = None
        self._listeners: list[Callable[[ChangeSet], None]] = []

    # --- change notices -------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[ChangeSet], None]) -> Callable[[], None]:
        """Call ``listener`` with the :class:`ChangeSet` of every committed use case; returns an
        unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self.unsubscribe(listener)

    def unsubscribe(self, listener: Callable[[ChangeSet], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _publish(self, changes: ChangeSet) -> None:
        self.last_changes = changes
        for listener in list(self._listeners):
            listener(changes)

    # --- the audit context ----------------------------------------------------------------------

    @property
    def actor(self) -> Actor | None:
        return self._ctx.actor

    @contextmanager
    def acting(self, actor: Actor, reason: str | None = None) -> Iterator[sqlite_utils.Database]:
        """One transaction of changes made by ``actor`` (with ``reason`` for changes to saved data).

        Everything inside is committed together, audit rows included, or rolled back together.
        """
        if actor is None:
            raise NoActingUser("Changes need a signed-in user.")
        reason = (reason or "").strip() or None
        previous = (self._ctx.actor, self._ctx.reason, self._ctx.operation)
        outermost = self._ctx.operation is None
        operation = self._ctx.operation or new_id()
        self._ctx.actor, self._ctx.reason, self._ctx.operation = actor, reason, operation
        try:
            with self.db.atomic():
                yield self.db
        except DRIVER.IntegrityError as exc:
            _translate_trigger_error(exc)
            raise
        except DRIVER.OperationalError as exc:
            _translate_trigger_error(exc)
            _translate_disk_error(exc)
            raise
        finally:
            self._ctx.actor, self._ctx.reason, self._ctx.operation = previous
        if outermost:
            self._publish(self.changes_of(operation))

    @contextmanager
    def replaying(self, event: dict, audit_id: str | None = None) -> Iterator[sqlite_utils.Database]:
        """Inside a transaction of :meth:`acting`: the row change(s) made here are an imported event of another
        workstation, so the audit rows the triggers write carry the event's own user, time, reason, site,
        operation and app version, and the first one the event's id (or ``audit_id``) — not this
        workstation's. Only the bundle import (``services/merge.py``) uses it."""
        if self._ctx.operation is None:
            raise RuntimeError("replaying needs a transaction of Store.acting")
        previous = self._ctx.replay
        self._ctx.replay = {k: event.get(k) for k in ("user_id", "username", "reason", "site", "at",
                                                      "app_version", "operation_id")}
        self._ctx.replay["id"] = audit_id or event["id"]
        try:
            yield self.db
        finally:
            self._ctx.replay = previous

    @contextmanager
    def audit_id_next(self, audit_id: str) -> Iterator[sqlite_utils.Database]:
        """Inside :meth:`acting`: the next audit row gets ``audit_id`` (a change every workstation makes alike —
        a conflict's decision — carries one id everywhere, so each knows it as the same change)."""
        previous, self._ctx.forced_id = self._ctx.forced_id, audit_id
        try:
            yield self.db
        finally:
            self._ctx.forced_id = previous

    def publish_since(self, seq: int, operation_id: str | None = None) -> ChangeSet:
        """Tell every subscriber what the audit rows after ``seq`` changed (an import: many origins' operations
        in one transaction); returns that ChangeSet."""
        rows = self.db.execute("SELECT table_name, record_id, subject_id, action FROM audit WHERE seq > ? "
                               "AND action IN ('INSERT', 'UPDATE', 'DELETE')", [seq]).fetchall()
        changes = ChangeSet.from_rows(operation_id, rows)
        if changes:
            self._publish(changes)
        return changes

    def changes_of(self, operation_id: str) -> ChangeSet:
        """What one use case changed, read from the audit rows it wrote (not told by its caller)."""
        if not audit.has_change_feed(self.db):  # only while a store older than migration 4 is migrated
            return ChangeSet(operation_id)
        rows = self.db.execute(
            "SELECT table_name, record_id, subject_id, action FROM audit WHERE operation_id = ? "
            "AND action IN ('INSERT', 'UPDATE', 'DELETE')", [operation_id]).fetchall()
        return ChangeSet.from_rows(operation_id, rows)

    def log_event(self, action: str, actor: Actor | None, *, username: str | None = None,
                  table: str | None = None, record_id: str | None = None,
                  detail: dict | None = None) -> None:
        """Audit something that is not a row change (login, failed login, backup, print, export …)."""
        with self.db.atomic():
            audit.log_event(
                self.db, action,
                user_id=actor.user_id if actor else None,
                username=actor.username if actor else username,
                table=table, record_id=record_id, detail=detail,
            )

    # --- facts ----------------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    @property
    def training(self) -> bool:
        """A demo / training store (meta ``purpose`` = ``training``, set when it was created); any other
        store, including one made before the purpose was kept, is a real trial store."""
        return self.meta("purpose") == "training"

    @property
    def path(self) -> Path:
        return self.folder / DB_NAME

    def full_check(self) -> list[str]:
        """Every page of this store read and checked (:func:`full_check`) on a second connection: safe on a worker
        thread. ``[]`` when sound."""
        if self.closed or self._key is None:
            return []
        return full_check(self.path, self._key)

    def close(self) -> None:
        """Checkpoint the WAL into the database, close, and release the folder lock (idempotent)."""
        if self.closed:
            return
        self.closed = True
        conn = self.db.conn
        try:
            if conn.in_transaction:
                conn.rollback()
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except DRIVER.Error:
            pass
        finally:
            conn.close()
            self._lock.release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _translate_trigger_error(exc: Exception) -> None:
    text = str(exc)
    if audit.NO_ACTOR_MESSAGE in text:
        raise NoActingUser("Changes need a signed-in user.") from None
    if audit.NO_REASON_MESSAGE in text:
        raise ReasonRequired("A reason is required to change or delete data that was already saved.") from None


def _translate_disk_error(exc: Exception) -> None:
    """A write the disk or the OS refused, as one line that says what happened; nothing of it was saved (the
    transaction rolled back) and the screen keeps what was typed (issue 14, point 4)."""
    text = str(exc).lower()
    if "disk is full" in text or "disk full" in text:
        raise StoreError("The disk is full: nothing was saved. What you typed is still on screen; free some space "
                         "on the disk (or ask IT) and save again.") from None
    if "readonly" in text or "read-only" in text or "permission" in text:
        raise StoreError("The store cannot be written (permission denied): nothing was saved. What you typed is "
                         "still on screen; ask IT to check the data folder's permissions.") from None
    if "disk i/o error" in text:
        raise StoreError("The disk reported an error while saving: nothing was saved. What you typed is still on "
                         "screen; try again, and ask IT to check the disk.") from None


def _check_info(folder: Path, conn, info: StoreInfo) -> None:
    """Refuse a ``store.json`` whose store or site is not the database's own, before anything is written.

    Its site code signs every row and audit row written in this session (``td_site()``), so a file edited to
    another site must not be used; the database's ``meta`` is the authority (``trialdesk recover`` rebuilds
    the file from it).
    """
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('store_id', 'site_code')").fetchall())
    if meta.get("store_id") != info.store_id:
        raise StoreDamaged(
            "store.json names store {expected} but the database is store {found}. "
            "Nothing was changed; ask IT to check the data folder.",
            expected=info.store_id, found=meta.get("store_id") or "?",
        )
    if meta.get("site_code") != info.site_code:
        raise StoreDamaged(
            "{path} names site {expected} but the database belongs to site {found}: the file was changed "
            "or comes from another store. Move it aside and run 'trialdesk recover' with the recovery key "
            "to rebuild it from the database; nothing was changed.",
            path=str(folder / INFO_NAME), expected=info.site_code, found=meta.get("site_code") or "?",
        )


def _damaged() -> StoreDamaged:
    return StoreDamaged(
        "The store database failed its integrity check: it is damaged. Nothing was "
        "changed. Restore the latest backup with 'trialdesk restore'."
    )


def _check_on_open(path: Path, conn) -> None:
    """The checks every open makes, in a few milliseconds whatever the size of the store (issue 15, point 2).

    The key has opened the schema (a first read in :func:`_connect`); here the file must be a whole number of
    pages and no shorter than its header says (a truncated or grown file), and the newest pages of the audit
    trail — the B-tree path to its last row, the pages a crash or a cut copy would hit first — must decrypt and
    read. SQLite's full ``PRAGMA quick_check`` reads every page of the file (2.9 s at 5,000 participants); it runs
    in ``trialdesk verify``, after every backup and when the app is idle (:func:`full_check`), never on open.
    """
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    size = path.stat().st_size
    wal = path.with_name(path.name + "-wal")
    settled = not wal.exists() or wal.stat().st_size == 0  # else the WAL may hold pages beyond the file's end
    if size % page_size or (settled and size < pages * page_size):
        raise _damaged()
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "audit" in tables:
        conn.execute("SELECT * FROM audit ORDER BY rowid DESC LIMIT 1").fetchall()
    if "meta" in tables:
        conn.execute("SELECT count(*) FROM meta").fetchone()


def full_check(path: Path, key: bytes) -> list[str]:
    """SQLite's ``PRAGMA quick_check`` over every page of the store at ``path``, on a connection of its own (so
    that it can run on a worker thread while the app's connection goes on working: WAL lets both read). Returns
    the problems found, ``[]`` when the file is sound."""
    conn = _connect(Path(path), key)
    try:
        conn.execute("PRAGMA query_only = ON")
        lines = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    except DRIVER.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if lines == ["ok"] else lines


def open_store(folder: Path, key: bytes) -> Store:
    """Open the store in ``folder`` with ``key``: lock, check the key, migrate.

    Raises :class:`StoreNotFound`, :class:`StoreInUse`, :class:`WrongKey`, :class:`StoreDamaged` or
    :class:`StoreTooNew` with a message for the user; never creates anything over an existing store.
    """
    folder = Path(folder)
    info = StoreInfo.read(folder)
    if not (folder / DB_NAME).exists():
        raise StoreDamaged(
            "The store database {path} is missing (store.json is there). Restore the latest backup "
            "with 'trialdesk restore'; no new store was created.",
            path=str(folder / DB_NAME),
        )
    if key_check_value(key) != info.key_check:
        raise WrongKey(
            "This key does not belong to the store in {folder} (store {store_id}). Use the recovery "
            "key printed for this store.",
            folder=str(folder), store_id=info.store_id,
        )
    lock = FolderLock(folder)
    lock.acquire()
    try:
        conn = _connect(folder / DB_NAME, key)
        try:
            _check_on_open(folder / DB_NAME, conn)
            _check_info(folder, conn, info)
            _configure(conn)
            ctx = _Context(info.site_code)
            _register_functions(conn, ctx)
            store = Store(folder, conn, info, lock, ctx)
            store._key = key  # for the idle full check on a connection of its own (full_check)
            migrations.apply(store.db)
            return store
        except BaseException:
            conn.close()
            raise
    except DRIVER.DatabaseError as exc:
        lock.release()
        raise _unreadable(exc) from None
    except BaseException:
        lock.release()
        raise


STORE_PURPOSES = ("trial", "training")
"""What a store is for, kept in its meta as ``purpose`` from creation on (never changed): ``training`` stores
(the demo, test stores) accept the tax administration's synthetic identity numbers; a ``trial`` store (and any
store made before the fact was kept) does not."""


def create_store(folder: Path, key: bytes, *, site_code: str, site_name: str,
                 study: str = "KTS-11", purpose: str = "trial") -> Store:
    """Create a new, empty store in ``folder`` (which must not hold one) and open it; ``purpose`` is one of
    :data:`STORE_PURPOSES`."""
    if purpose not in STORE_PURPOSES:
        raise ValueError(f"unknown store purpose {purpose!r}")
    folder = Path(folder)
    if store_exists(folder):
        raise StoreExists(
            "{folder} already holds a TrialDesk store; it was left untouched. Choose another folder "
            "or open that store.",
            folder=str(folder),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("Cannot create the data folder {folder}: {problem}.", folder=str(folder),
                         problem=os_problem(exc)) from None
    info = StoreInfo(store_id=new_id(), site_code=site_code, created_at=utc_iso(),
                     key_check=key_check_value(key))
    lock = FolderLock(folder)
    lock.acquire()
    staged = folder / (DB_NAME + ".new")
    placed = False
    try:
        # Built beside its final name and renamed only once complete: a failure (a full disk, a kill) never
        # leaves a 0-byte or half-migrated trialdesk.db that would make the folder look like a store.
        _discard_files(staged)
        conn = _connect(staged, key)
        try:
            _configure(conn)
            ctx = _Context(site_code)
            _register_functions(conn, ctx)
            db = sqlite_utils.Database(conn, execute_plugins=False)
            migrations.apply(db)
            with db.atomic():
                for k, v in (("store_id", info.store_id), ("site_code", site_code), ("site_name", site_name),
                             ("study", study), ("created_at", info.created_at),
                             ("created_by_os_user", _os_user()), ("purpose", purpose)):
                    db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [k, v])
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        os.replace(staged, folder / DB_NAME)
        placed = True
        info.write(folder)
    except (OSError, DRIVER.DatabaseError) as exc:
        _discard_files(staged)
        if placed:
            _discard_files(folder / DB_NAME)
        raise StoreError("Cannot create the store in {folder}: {problem}. Nothing was left behind; set up again "
                         "once that is put right.", folder=str(folder), problem=os_problem(exc)) from None
    finally:
        lock.release()
    return open_store(folder, key)


def _discard_files(path: Path) -> None:
    """Remove a database file this module was building, with its WAL, shared-memory and journal files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            path.with_name(path.name + suffix).unlink()
        except OSError:
            pass


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some service accounts
        return "?"
