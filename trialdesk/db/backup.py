"""Encrypted backups with SQLite's online backup API, each verified after writing."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from trialdesk.clock import utc_now
from trialdesk.db import audit
from trialdesk.db.connection import _connect, Store
from trialdesk.db.driver import DRIVER
from trialdesk.errors import StoreError, os_problem

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
    audit_seq: int = 0


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


HEAD_SUFFIX = ".head.json"


def head_file(path: Path) -> Path:
    """Where the chain head of the backup ``path`` is written beside it (public facts: no clinical data)."""
    return Path(path).with_name(Path(path).name + HEAD_SUFFIX)


def write_head_file(path: Path, *, store_id: str, site_code: str, schema_version: int, seq: int,
                    hash_: str | None) -> None:
    """The backup's chain head beside it, readable without the key, for a person or another tool to compare
    (``audit_seal`` as printed in the printouts' footer). Written to a private file, then renamed."""
    import json

    data = {"format": "trialdesk-backup-head-1", "store_id": store_id, "site_code": site_code,
            "schema_version": schema_version, "audit_seq": seq, "audit_hash": hash_,
            "audit_seal": audit.seal(seq, hash_), "written_at": utc_now().strftime("%Y-%m-%dT%H:%M:%SZ")}
    target = head_file(path)
    tmp = target.with_name(target.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)


def read_head_file(path: Path) -> dict | None:
    import json

    try:
        data = json.loads(head_file(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True)
class Witness:
    """What one backup says about the store's audit chain.

    ``agrees``: the backup's chain is a prefix of the store's. Else ``diverges_after`` is the last row both hold
    alike (0: none) and ``problem`` says how they differ; ``explained_by`` names a restore that accounts for it.
    """

    path: Path
    seq: int = 0
    hash: str | None = None
    agrees: bool = False
    diverges_after: int | None = None
    problem: str | None = None
    explained_by: str | None = None
    other_store: bool = False
    unreadable: bool = False


def _first_divergence(store_conn, backup_conn) -> int:
    """The last seq up to which both chains hold the same hashes (streamed side by side)."""
    mine = store_conn.execute("SELECT seq, hash FROM audit ORDER BY seq")
    theirs = backup_conn.execute("SELECT seq, hash FROM audit ORDER BY seq")
    last = 0
    for a, b in zip(mine, theirs):
        if a != b:
            return last
        last = a[0]
    return last


def witness(store_conn, store_id: str, path: Path, key: bytes, restores: dict[int, str]) -> Witness:
    """Compare the chain of the backup at ``path`` with the store's (``restores``: seq a restore put the store
    back to -> what it restored)."""
    path = Path(path)
    try:
        conn = _connect(path, key)
    except StoreError:
        return Witness(path, problem="cannot be read with this store's key (damaged, or another store's)",
                       unreadable=True)
    try:
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta WHERE key = 'store_id'").fetchall())
            seq, hash_ = audit.head(conn)
        except DRIVER.DatabaseError as exc:
            return Witness(path, problem=f"cannot be read ({exc})", unreadable=True)
        if meta.get("store_id") != store_id:
            return Witness(path, seq, hash_, other_store=True)
        if seq == 0 or audit.hash_at(store_conn, seq) == hash_:
            side = read_head_file(path)
            if side and (side.get("audit_seq"), side.get("audit_hash")) != (seq, hash_):
                return Witness(path, seq, hash_, problem=f"its head file says row {side.get('audit_seq')} but the "
                                                         f"backup itself ends at row {seq}")
            return Witness(path, seq, hash_, agrees=True)
        last = _first_divergence(store_conn, conn)
    finally:
        conn.close()
    store_seq, _ = audit.head(store_conn)
    if last >= store_seq:
        problem = (f"the backup holds audit rows up to {seq}, the store only up to {store_seq}: the store's "
                   "audit trail was cut (history rewritten)")
    else:
        problem = (f"the backup and the store hold different audit rows after row {last}: the history was "
                   "rewritten (in the store or in the backup)")
    return Witness(path, seq, hash_, diverges_after=last, problem=problem, explained_by=restores.get(last))


def restore_points(conn) -> dict[int, str]:
    """seq a restore put the store back to -> which file and when (from the trail's RESTORE events)."""
    import json

    out = {}
    for at, detail in conn.execute("SELECT at, new_values FROM audit WHERE action = 'RESTORE'").fetchall():
        try:
            data = json.loads(detail or "{}")
        except ValueError:
            continue
        if isinstance(data, dict) and isinstance(data.get("restored_seq"), int):
            out[data["restored_seq"]] = f"restore of {data.get('file', '?')} at {at}"
    return out


def backups_to_witness(store: Store) -> list[Path]:
    """Every backup of this store TrialDesk can find: its backup folder and the store's own ``backups/``."""
    folders = {backup_folder(store), store.folder / BACKUP_DIR}
    found = set()
    for folder in folders:
        if folder.is_dir():
            found.update(p for p in folder.glob("*.db") if p.is_file())
    return sorted(found)


def check_backup(path: Path, key: bytes, *, chain: bool = True) -> BackupCheck:
    """Open ``path`` with ``key`` read-only in spirit (no writes), check it, read its head.

    With ``chain`` (a backup from elsewhere, before a restore): ``PRAGMA integrity_check`` and a walk of its
    audit chain. Without (a copy just made page by page from the open store, whose head is then compared with the
    store's): ``PRAGMA quick_check``, which reads every page — SQLCipher checks each page's HMAC, so any changed
    byte fails — and every b-tree, but not whether each index matches its table, which the pages copied from the
    store decide as they do in the store (``trialdesk verify`` checks that there). A full check of the copy would
    take three to four times the copy itself at 5,000 participants (issue 15, point 3)."""
    if not Path(path).is_file():
        raise StoreError("No backup file at {path}.", path=str(path))
    conn = _connect(Path(path), key)
    try:
        integrity = conn.execute("PRAGMA integrity_check" if chain else "PRAGMA quick_check").fetchone()[0]
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        rows, head = _head(conn)
        seq, _ = audit.head(conn)
        report = audit.verify_chain(conn) if chain else None
        if report is not None and not report.ok:
            integrity = f"audit chain broken at row {report.broken_seq}"
        return BackupCheck(Path(path), meta.get("store_id", ""), int(meta.get("schema_version", 0)),
                           rows, head, integrity, meta.get("site_code", ""), seq)
    except DRIVER.DatabaseError as exc:
        raise StoreError("The backup {path} cannot be read ({problem}).", path=str(path),
                         problem=str(exc)) from None
    finally:
        conn.close()


def write_backup(store: Store, key: bytes, dest: Path | None = None, progress=None) -> BackupCheck:
    """Copy the open store to ``dest`` (encrypted with the same key) and verify the copy.

    The copy is written to a temporary name beside ``dest`` and renamed only once verified.
    """
    dest = Path(dest) if dest else default_backup_path(store)
    if dest.exists():
        raise StoreError("{path} exists already; choose another file name.", path=str(dest))
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("Cannot create {folder}: {problem}.", folder=str(dest.parent),
                         problem=os_problem(exc)) from None
    tmp = dest.with_name(dest.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    if store.db.conn.in_transaction:
        store.db.conn.commit()
    try:
        target = _connect(tmp, key)
        try:
            if progress is None:
                store.db.conn.backup(target)
            else:  # 4 MB at a time, telling how far (the copy is most of the time; checking it the rest)
                store.db.conn.backup(target, pages=1024,
                                     progress=lambda status, remaining, total: progress(
                                         "copy", 0.8 * (total - remaining) / total if total else 0.8))
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        if progress is not None:
            progress("check", 0.8)
        check = check_backup(tmp, key, chain=False)
        rows, head = _head(store.db.conn)
        if check.integrity != "ok" or check.store_id != store.info.store_id or check.audit_head != head:
            raise StoreError("The backup did not verify ({problem}); it was discarded. Try again or ask IT.",
                             problem=check.integrity if check.integrity != "ok" else "content differs")
        write_head_file(dest, store_id=check.store_id, site_code=check.site_code,
                        schema_version=check.schema_version, seq=check.audit_seq, hash_=check.audit_head)
        os.replace(tmp, dest)
        for suffix in ("-journal", "-wal", "-shm"):
            leftover = tmp.with_name(tmp.name + suffix)
            if leftover.exists():
                leftover.unlink()
        return BackupCheck(dest, check.store_id, check.schema_version, check.audit_rows,
                           check.audit_head, check.integrity, check.site_code, check.audit_seq)
    except (OSError, DRIVER.DatabaseError) as exc:
        raise StoreError("Cannot write the backup to {path}: {problem}. Nothing was kept of it.", path=str(dest),
                         problem=os_problem(exc)) from None
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
        head_file(old).unlink(missing_ok=True)
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
