"""Encrypted backups with SQLite's online backup API, each verified after writing."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from trialdesk.clock import utc_now
from trialdesk.db import audit
from trialdesk.db.connection import _connect, Store
from trialdesk.db.driver import DRIVER
from trialdesk.errors import StoreError

BACKUP_DIR = "backups"


@dataclass(frozen=True)
class BackupCheck:
    """What opening a backup found: the store it belongs to and its audit head."""

    path: Path
    store_id: str
    schema_version: int
    audit_rows: int
    audit_head: str | None
    integrity: str
    site_code: str = ""


def backup_folder(store: Store) -> Path:
    """Where automatic backups go: the site setting ``backup_folder``, else the store's ``backups/``."""
    from trialdesk.db import settings

    chosen = settings.get(store.db, "backup_folder")
    return Path(chosen) if chosen else store.folder / BACKUP_DIR


def writable(folder: Path) -> bool:
    """True when this user may create files in the existing ``folder``."""
    return os.access(folder, os.W_OK | os.X_OK)


def default_backup_path(store: Store) -> Path:
    stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
    return backup_folder(store) / f"trialdesk-{store.info.site_code}-{stamp}.db"


def _head(conn) -> tuple[int, str | None]:
    row = conn.execute("SELECT count(*), (SELECT hash FROM audit ORDER BY seq DESC LIMIT 1) FROM audit").fetchone()
    return row[0], row[1]


def check_backup(path: Path, key: bytes) -> BackupCheck:
    """Open ``path`` with ``key`` read-only in spirit (no writes), run integrity_check, read its head."""
    if not Path(path).is_file():
        raise StoreError("No backup file at {path}.", path=str(path))
    conn = _connect(Path(path), key)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        rows, head = _head(conn)
        chain = audit.verify_chain(conn)
        if not chain.ok:
            integrity = f"audit chain broken at row {chain.broken_seq}"
        return BackupCheck(Path(path), meta.get("store_id", ""), int(meta.get("schema_version", 0)),
                           rows, head, integrity, meta.get("site_code", ""))
    except DRIVER.DatabaseError as exc:
        raise StoreError("The backup {path} cannot be read ({problem}).", path=str(path),
                         problem=str(exc)) from None
    finally:
        conn.close()


def write_backup(store: Store, key: bytes, dest: Path | None = None) -> BackupCheck:
    """Copy the open store to ``dest`` (encrypted with the same key) and verify the copy.

    The copy is written to a temporary name beside ``dest`` and renamed only once verified.
    """
    dest = Path(dest) if dest else default_backup_path(store)
    if dest.exists():
        raise StoreError("{path} exists already; choose another file name.", path=str(dest))
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("Cannot create {folder}: {problem}", folder=str(dest.parent),
                         problem=exc.strerror or str(exc)) from None
    tmp = dest.with_name(dest.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    if store.db.conn.in_transaction:
        store.db.conn.commit()
    try:
        target = _connect(tmp, key)
        try:
            store.db.conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        check = check_backup(tmp, key)
        rows, head = _head(store.db.conn)
        if check.integrity != "ok" or check.store_id != store.info.store_id or check.audit_head != head:
            raise StoreError("The backup did not verify ({problem}); it was discarded. Try again or ask IT.",
                             problem=check.integrity if check.integrity != "ok" else "content differs")
        os.replace(tmp, dest)
        for suffix in ("-journal", "-wal", "-shm"):
            leftover = tmp.with_name(tmp.name + suffix)
            if leftover.exists():
                leftover.unlink()
        return BackupCheck(dest, check.store_id, check.schema_version, check.audit_rows,
                           check.audit_head, check.integrity)
    except OSError as exc:
        raise StoreError("Cannot write the backup to {path}: {problem}", path=str(dest),
                         problem=exc.strerror or str(exc)) from None
    finally:
        if tmp.exists():
            tmp.unlink()


def rotate(store: Store, keep: int) -> list[Path]:
    """Delete the oldest automatic backups in the backup folder beyond ``keep``."""
    folder = backup_folder(store)
    if not folder.is_dir():
        return []
    files = sorted(folder.glob(f"trialdesk-{store.info.site_code}-*.db"))
    removed = []
    for old in files[: max(0, len(files) - keep)]:
        old.unlink()
        removed.append(old)
    return removed


def copy_into(source: Path, key: bytes, dest: Path) -> None:
    """Write the database at ``source`` to ``dest`` page by page (restore); ``dest`` is replaced."""
    src = _connect(Path(source), key)
    try:
        target = _connect_new(dest, key)
        try:
            src.backup(target)
            target.execute("PRAGMA journal_mode = WAL").fetchone()
        finally:
            target.close()
    finally:
        src.close()


def _connect_new(path: Path, key: bytes):
    conn = DRIVER.connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn
