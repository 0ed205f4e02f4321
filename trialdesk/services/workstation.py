"""Workstation use cases: set up, open, recover, verify, back up and restore a store."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from trialdesk.clock import utc_iso
from trialdesk.db import audit, backup, integrity, keystore
from trialdesk.db import bundles as bundles_repo
from trialdesk.db import merge as merge_repo
from trialdesk.db import peers as peers_repo
from trialdesk.db import settings as settings_repo
from trialdesk.db.connection import (
    DB_NAME, INFO_NAME, Store, StoreInfo, FolderLock, _connect, create_store, open_store,
    store_exists,
)
from trialdesk.db.driver import DRIVER
from trialdesk.domain.people import User, password_problem, username_problem
from trialdesk.errors import (
    KeyMissing, StoreDamaged, StoreError, StoreExists, StoreNotFound, StoreTooNew, ValidationError, WrongKey,
    os_problem,
)
from trialdesk.services import auth, files
from trialdesk.services.permissions import Action, require

SITE_CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def site_code_problem(code: str) -> str | None:
    if len(code or "") != 1 or code not in SITE_CODE_CHARS:
        return "The site code is one capital letter (H for Haukeland, R for the outpatient clinic …)."
    return None


@dataclass(frozen=True)
class SetupResult:
    store: Store
    admin: User
    recovery_sheet: Path


def setup_workstation(folder: Path, *, site_code: str, site_name: str, admin_username: str,
                      admin_full_name: str, admin_password: str, recovery_sheet: Path,
                      training: bool = False) -> SetupResult:
    """Create a new encrypted store with its first administrator and recovery-key sheet; ``training`` makes
    it a demo / training store for good (synthetic identity numbers accepted; never a real trial's store).

    Order: check everything → keychain usable → create the store → write the sheet → put the key
    in the keychain. If any step fails, the files this call created are removed again, so a
    half-made store is never left behind (an existing store is never touched).
    """
    from trialdesk.printouts.recovery import recovery_sheet_pdf

    folder = Path(folder)
    recovery_sheet = Path(recovery_sheet)
    site_code = (site_code or "").strip().upper()
    problem = site_code_problem(site_code)
    if problem:
        raise ValidationError(problem, field="site_code")
    if not (site_name or "").strip():
        raise ValidationError("Enter the site's name as it should appear on printouts.", field="site_name")
    admin_username = (admin_username or "").strip().lower()
    problem = username_problem(admin_username)
    if problem:
        raise ValidationError(problem, field="username")
    problem = password_problem(admin_password, admin_username)
    if problem:
        raise ValidationError(problem, field="password")
    if not (admin_full_name or "").strip():
        raise ValidationError("Enter the administrator's full name.", field="full_name")
    if folder.exists() and not folder.is_dir():
        raise ValidationError("The data folder {folder} is a file, not a folder; choose another.", field="folder",
                              folder=str(folder))
    if (folder / SETUP_MARKER).exists():  # a set-up that never finished (killed, power cut): start it again
        _remove_new_store(folder, folder_existed=True)
        files.discard(folder / SETUP_MARKER)
    if store_exists(folder):
        raise StoreExists("{folder} already holds a TrialDesk store; it was left untouched.",
                          folder=str(folder))
    if recovery_sheet.exists():
        raise ValidationError("{path} exists already; choose a new file for the recovery sheet.",
                              field="recovery_sheet", path=str(recovery_sheet))
    if not recovery_sheet.parent.is_dir():
        raise ValidationError("The folder {folder} does not exist.", field="recovery_sheet",
                              folder=str(recovery_sheet.parent))
    usable, backend = keystore.keychain_usable()
    if not usable:
        raise keystore._unavailable(backend)

    key = keystore.new_key()
    folder_existed = folder.exists()
    store = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        files.write_replacing(folder / SETUP_MARKER, b"set-up under way\n")
    except OSError as exc:
        raise StoreError("Cannot set up the store in {folder}: {problem}.", folder=str(folder),
                         problem=os_problem(exc)) from None
    try:
        store = create_store(folder, key, site_code=site_code, site_name=site_name.strip(),
                             purpose="training" if training else "trial")
        admin = auth.create_first_administrator(store, username=admin_username,
                                                full_name=admin_full_name, password=admin_password)
        pdf = recovery_sheet_pdf(study=store.meta("study") or "KTS-11", site_code=site_code,
                                 site_name=site_name.strip(), store_id=store.info.store_id, key=key,
                                 created_at=store.info.created_at, created_by=admin.full_name)
        try:
            files.write_new(recovery_sheet, pdf)  # the key in plain sight: its owner's only
        except OSError as exc:
            raise ValidationError("Cannot write the recovery sheet to {path}: {problem}",
                                  field="recovery_sheet", path=str(recovery_sheet),
                                  problem=exc.strerror or str(exc)) from None
        keystore.save_key(store.info.store_id, key)
        store.log_event("STORE_CREATED", auth.actor(admin),
                        detail={"site": site_code, "recovery_sheet_written": True})
        files.discard(folder / SETUP_MARKER)
        return SetupResult(store, admin, recovery_sheet)
    except BaseException:
        if store is not None:
            store.close()
            if recovery_sheet.exists():
                recovery_sheet.unlink()
        _remove_new_store(folder, folder_existed)
        files.discard(folder / SETUP_MARKER)
        raise


# Present in the data folder while a set-up runs: one found there at the next set-up is a set-up that never
# finished, whose half-made store (no keychain entry for certain, maybe no recovery sheet) is removed and made again.
SETUP_MARKER = "setup-incomplete"


def _remove_new_store(folder: Path, folder_existed: bool) -> None:
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal", INFO_NAME,
                 DB_NAME + ".new", DB_NAME + ".new-wal", DB_NAME + ".new-shm", "trialdesk.lock.json"):
        path = folder / name
        if path.exists():
            path.unlink()
    if not folder_existed:
        shutil.rmtree(folder, ignore_errors=True)


def key_for(folder: Path) -> bytes:
    """The key of the store in ``folder`` from the keychain (:class:`KeyMissing` when absent)."""
    info = StoreInfo.read(Path(folder))
    key = keystore.load_key(info.store_id)
    if key is None:
        raise KeyMissing(
            "The key of this store (store {store_id}) is not in this computer's keychain. Enter the "
            "recovery key from the sheet printed at set-up ('trialdesk recover').",
            store_id=info.store_id,
        )
    return key


def open_workstation(folder: Path, key: bytes | None = None) -> Store:
    """Open the store in ``folder`` with the keychain's key (or ``key``, e.g. a recovery key)."""
    folder = Path(folder)
    if key is None:
        key = key_for(folder)
    return open_store(folder, key)


def recover(folder: Path, recovery_key_text: str, *, save: bool = True) -> StoreInfo:
    """Check a typed recovery key against the store and put it (back) in the keychain.

    Also rebuilds a missing ``store.json`` from the database itself (the key proves ownership).
    """
    folder = Path(folder)
    key = keystore.parse_recovery_key(recovery_key_text)
    if not (folder / DB_NAME).exists():
        raise StoreNotFound("No TrialDesk store database in {folder}.", folder=str(folder))
    if (folder / INFO_NAME).exists():
        info = StoreInfo.read(folder)
        if keystore.key_check_value(key) != info.key_check:
            raise WrongKey("This recovery key does not belong to the store in {folder} (store {store_id}).",
                           folder=str(folder), store_id=info.store_id)
        store = open_store(folder, key)  # proves the key opens the database, runs migrations
        store.close()
    else:
        lock = FolderLock(folder)
        lock.acquire()
        try:
            try:
                conn = _connect(folder / DB_NAME, key)
            except StoreDamaged:
                raise WrongKey("This recovery key does not open the store in {folder}.", folder=str(folder)) from None
            try:
                meta = integrity.read_meta(conn)
            except DRIVER.DatabaseError:
                raise StoreDamaged("The store in {folder} cannot be read.", folder=str(folder)) from None
            finally:
                conn.close()
            info = StoreInfo(store_id=meta["store_id"], site_code=meta["site_code"],
                             created_at=meta["created_at"], key_check=keystore.key_check_value(key))
            info.write(folder)
        finally:
            lock.release()
    if save:
        keystore.save_key(info.store_id, key)
    store = open_store(folder, key)
    try:
        store.log_event("KEY_RECOVERED", None, username="system",
                        detail={"saved_in_keychain": bool(save)})
    finally:
        store.close()
    return info


@dataclass
class VerifyReport:
    """What ``trialdesk verify`` found. ``ok`` only when every check passed.

    ``schema``: tables, indexes and triggers that differ from what the migrations create; ``replay``: records
    whose content is not what their audit trail builds; ``security``: site settings and roles that TrialDesk
    would not have written; ``witnesses``: the backups compared with the chain (``history`` holds the lines of
    those whose chain is not a prefix of the store's, or the reverse); ``head``: the chain head (seq, hash).
    """

    integrity: list[str] = field(default_factory=list)
    foreign_key_problems: int = 0
    chain: audit.ChainReport | None = None
    tables_without_audit: list[str] = field(default_factory=list)
    schema: list = field(default_factory=list)
    replay: list = field(default_factory=list)
    security: list[str] = field(default_factory=list)
    witnesses: list = field(default_factory=list)
    head: tuple[int, str | None] = (0, None)
    peers: list[str] = field(default_factory=list)  # paired workstations holding another history of ours
    peers_checked: int = 0

    @property
    def history(self) -> list:
        return [w for w in self.witnesses
                if w.problem and not w.explained_by and not w.other_store and not w.unreadable]

    @property
    def ok(self) -> bool:
        return (self.integrity == ["ok"] and self.foreign_key_problems == 0
                and self.chain is not None and self.chain.ok and not self.tables_without_audit
                and not self.schema and not self.replay and not self.security and not self.history
                and not self.peers)

    def lines(self, limit: int = 50) -> list[str]:
        out = ["integrity check: " + ("ok" if self.integrity == ["ok"] else "; ".join(self.integrity[:5]))]
        out.append("foreign keys: " + ("ok" if not self.foreign_key_problems
                                       else f"{self.foreign_key_problems} broken reference(s)"))
        if self.chain is not None:
            if self.chain.ok:
                out.append(f"audit chain: {self.chain.rows} rows, ok")
            else:
                out.append(f"audit chain: BROKEN at row {self.chain.broken_seq} (id {self.chain.broken_id}): "
                           f"{self.chain.problem}")
        if self.tables_without_audit:
            out.append("audit triggers missing on: " + ", ".join(self.tables_without_audit))
        out.append("schema and triggers: " + ("as the migrations create them" if not self.schema
                                              else f"{len(self.schema)} difference(s)"))
        out.extend("  " + f.line() for f in self.schema[:limit])
        out.append("tables against their audit trail: " + ("every record as the trail built it" if not self.replay
                                                           else f"{len(self.replay)} difference(s)"))
        out.extend("  " + f.line() for f in self.replay[:limit])
        if len(self.replay) > limit:
            out.append(f"  … and {len(self.replay) - limit} more")
        out.append("settings and roles: " + ("ok" if not self.security else f"{len(self.security)} problem(s)"))
        out.extend("  " + line for line in self.security[:limit])
        mine = [w for w in self.witnesses if not w.other_store]
        agreeing = sum(1 for w in mine if w.agrees)
        if not mine:
            out.append("backups compared with the chain: none found")
        else:
            out.append(f"backups compared with the chain: {len(mine)}, {agreeing} agree"
                       + ("" if not self.history else f", HISTORY REWRITTEN in {len(self.history)}"))
        for w in mine:
            if w.problem:
                note = f" (explained: {w.explained_by})" if w.explained_by else \
                    " (not a witness: unreadable)" if w.unreadable else ""
                out.append(f"  {w.path.name}: {w.problem}{note}")
        if self.peers_checked or self.peers:
            out.append(f"chain as paired workstations hold it: {self.peers_checked} compared"
                       + ("" if not self.peers else f", HISTORY REWRITTEN per {len(self.peers)}"))
            out.extend("  " + line for line in self.peers[:limit])
        seq, hash_ = self.head
        out.append(f"audit seal (chain head): {audit.seal(seq, hash_)} — row {seq}, hash {hash_ or '-'}")
        return out


# Tables that carry no audit triggers: no clinical or security data, or (``exchange_keys``) private keys that must
# never enter the audit trail, which is the change feed other sites receive (db/peers.py), or (``peer_sync``)
# exchange bookkeeping the trail's own events already hold (db/bundles.py).
UNAUDITED_TABLES = {"meta", "audit", "sqlite_sequence", *peers_repo.UNAUDITED_TABLES,
                    *bundles_repo.UNAUDITED_TABLES, *merge_repo.UNAUDITED_TABLES}


def _security_problems(store: Store) -> list[str]:
    """Site settings outside what the administrator's window can set, and roles given by a non-administrator."""
    from trialdesk.services import session

    out = [f"setting {key}: {problem}" for key, problem in session.settings_problems(store)]
    for seq, account, actor_role, role in integrity.role_changes_by_non_administrators(store.db.conn):
        out.append(f"users record {account} field role: made {role} at audit row {seq} by an account that was "
                   f"{actor_role or 'unknown'}, not an administrator")
    return out


def verify(store: Store, progress=None) -> VerifyReport:
    """Integrity check, foreign keys, the schema and triggers against the migrations, the audit hash chain, every
    audited table replayed from its trail, settings and roles, and the chain against every backup found.

    ``progress(step, fraction)`` is told how far it has come (for the window's progress bar).
    """
    from trialdesk.db import replay
    from trialdesk.db.migrations import REDACTED, audited_tables

    def tell(step: str, fraction: float) -> None:
        if progress is not None:
            progress(step, fraction)

    db = store.db
    report = VerifyReport()
    try:
        key = key_for(store.folder)
    except KeyMissing:  # opened with the recovery key, not kept in the keychain: checks one after another
        key = None
    tell("integrity", 0.0)
    checks = integrity.BackgroundChecks(store.path, key, db.conn)  # in parallel with the chain and the replay
    audited = audited_tables(db)
    tables = integrity.table_names(db)
    report.tables_without_audit = sorted(t for t in tables if t not in set(audited) and t not in UNAUDITED_TABLES)
    report.schema = integrity.schema_differences(db.conn)
    tell("audit chain", 0.05)
    try:
        rows = max(1, audit.head(db.conn)[0])
        trail = replay.Trail(audited)  # fed by the chain walk: one pass over the audit rows for both
        report.chain = audit.verify_chain(db.conn, lambda done: tell("audit chain", 0.05 + 0.3 * min(1.0, done / rows)),
                                          observe=trail.feed, observe_columns=replay.TRAIL_COLUMNS)
        report.head = audit.head(db.conn)
        tell("replay", 0.35)
        # A broken chain stopped the walk: the replay then reads the whole trail itself.
        report.replay = replay.replay_all(db, audited, REDACTED, trail if report.chain.ok else None)
        report.security = _security_problems(store)
    except DRIVER.DatabaseError as exc:  # a damaged page on the way: the integrity check names it too
        report.chain = audit.ChainReport(0, 0, None, f"the store cannot be read to its end ({exc}); restore the "
                                                     "latest backup")
    tell("integrity", 0.5)
    try:
        report.integrity, report.foreign_key_problems = checks.wait()
    except DRIVER.DatabaseError as exc:
        # A page that cannot be decrypted or read stops SQLite's check. Opening the store no longer reads every page
        # (issue 15), so verify is where such damage is met: a finding in the report, not a crash.
        report.integrity = [f"the database file cannot be read ({exc}): it is damaged; restore the latest backup"]
    tell("backups", 0.95)
    from trialdesk.services import merge

    try:
        restores = backup.restore_points(db.conn)
        report.witnesses = [backup.witness(db.conn, store.info.store_id, path, key, restores)
                            for path in backup.backups_to_witness(store)] if key is not None else []
        # Each paired workstation acknowledged our chain up to a row with its hash (issue 12, point 5).
        report.peers_checked = merge.acknowledged_peers(store)
        report.peers = merge.witness_problems(store)
    except DRIVER.DatabaseError:
        pass  # the store cannot be read to its end: the integrity check above says so
    tell("done", 1.0)
    return report


def make_backup(store: Store, user: User | None, dest: Path | None = None, progress=None) -> backup.BackupCheck:
    """Write a verified encrypted backup (audited); automatic ones are rotated. ``progress(step, fraction)`` is
    told how far the copy has come."""
    if user is not None:
        require(user, Action.BACKUP)
    key = key_for(store.folder)
    check = backup.write_backup(store, key, dest, progress)
    store.log_event("BACKUP", auth.actor(user) if user else None, username=None if user else "system",
                    detail={"file": check.path.name, "audit_rows": check.audit_rows})
    if dest is None:
        backup.rotate(store, settings_repo.get_int(store.db, "backups_kept"))
    return check


def _checked_backup(source: Path, key: bytes) -> backup.BackupCheck:
    """Open and check the backup ``source`` before anything is touched: it must open with the key, be sound, hold
    an unbroken chain and be of a schema this TrialDesk knows."""
    from trialdesk.db.migrations import LATEST

    if not source.is_file():
        raise StoreError("No backup file at {path}; nothing was changed.", path=str(source))
    try:
        check = backup.check_backup(source, key)
    except StoreDamaged:
        raise WrongKey("The backup {path} does not open with this store's key: it belongs to another "
                       "store or is damaged. Nothing was changed.", path=str(source)) from None
    except StoreError:
        raise StoreDamaged("The backup {path} is damaged or not a TrialDesk backup; nothing was changed.",
                           path=str(source)) from None
    if check.integrity != "ok":
        raise StoreDamaged("The backup {path} failed its check ({problem}); nothing was restored.",
                           path=str(source), problem=check.integrity)
    if not check.store_id:
        raise StoreDamaged("The backup {path} is not a TrialDesk store; nothing was changed.", path=str(source))
    if check.schema_version > LATEST:
        raise StoreTooNew("The backup {path} was written by a newer TrialDesk (schema {found}; this TrialDesk knows "
                          "up to {known}). Install the newer TrialDesk to restore it; nothing was changed.",
                          path=str(source), found=check.schema_version, known=LATEST)
    return check


def _keep_replaced(db_path: Path, key: bytes, folder: Path) -> tuple[Path, tuple[int, str | None] | None]:
    """Keep the database about to be replaced in ``backups/``: a verified copy when it can be read, else (damaged)
    its encrypted bytes as they are, WAL included. Returns the copy and its chain head (None when unreadable)."""
    keep = folder / backup.BACKUP_DIR / f"before-restore-{utc_iso()[:19].replace(':', '')}.db"
    keep.parent.mkdir(parents=True, exist_ok=True)
    try:
        backup.copy_into(db_path, key, keep)
        conn = _connect(keep, key)
        try:
            return keep, audit.head(conn)
        finally:
            conn.close()
    except (StoreError, DRIVER.DatabaseError):
        files.discard(keep)
    keep = keep.with_name(keep.stem + "-damaged" + keep.suffix)
    shutil.copyfile(db_path, keep)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, keep.with_name(keep.name + "-wal"))
    return keep, None


def restore(folder: Path, source: Path, *, recovery_key_text: str | None = None) -> backup.BackupCheck:
    """Replace the store in ``folder`` by the backup ``source`` (which must belong to it).

    Works when the live database is damaged or missing. The backup is checked first (key, integrity, chain,
    schema, store and site), then copied beside the database, checked again and only then renamed over it, so a
    failure at any point (a full disk too) leaves the database as it was, never a 0-byte or half-built one. The
    replaced database is kept as ``backups/before-restore-<time>.db``. On a workstation with no store yet, the
    recovery key opens the backup and the store is rebuilt around it.
    """
    folder = Path(folder)
    source = Path(source)
    if recovery_key_text:
        key = keystore.parse_recovery_key(recovery_key_text)
    else:
        key = key_for(folder)
    check = _checked_backup(source, key)
    has_store = (folder / INFO_NAME).exists()
    if has_store:
        info = StoreInfo.read(folder)
        if check.store_id != info.store_id:
            raise StoreError("The backup belongs to store {other}, not to this store ({mine}). Nothing "
                             "was changed.", other=check.store_id, mine=info.store_id)
        if check.site_code != info.site_code:  # the backup's site is the database's: store.json was edited
            raise StoreDamaged(
                "{path} names site {expected} but the database belongs to site {found}: the file was changed "
                "or comes from another store. Move it aside and run 'trialdesk recover' with the recovery key "
                "to rebuild it from the database; nothing was changed.",
                path=str(folder / INFO_NAME), expected=info.site_code, found=check.site_code or "?")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("Cannot create the data folder {folder}: {problem}. Nothing was changed.",
                         folder=str(folder), problem=os_problem(exc)) from None
    lock = FolderLock(folder)
    lock.acquire()
    db_path = folder / DB_NAME
    staged = folder / (DB_NAME + ".restoring")
    replaced = None
    try:
        try:
            _discard_db(staged)
            backup.copy_into(source, key, staged)
            again = backup.check_backup(staged, key, chain=False)
            if again.integrity != "ok" or again.audit_head != check.audit_head:
                raise StoreDamaged("The copy of {path} did not verify; nothing was changed.", path=str(source))
            _fsync(staged)
            if db_path.exists():
                replaced = _keep_replaced(db_path, key, folder)
            for suffix in ("-wal", "-shm", "-journal"):
                files.discard(folder / (DB_NAME + suffix))
            os.replace(staged, db_path)
            _fsync(folder)
            if not has_store:
                conn = _connect(db_path, key)
                try:
                    meta = integrity.read_meta(conn)
                finally:
                    conn.close()
                StoreInfo(store_id=meta["store_id"], site_code=meta["site_code"], created_at=meta["created_at"],
                          key_check=keystore.key_check_value(key)).write(folder)
        except (OSError, DRIVER.DatabaseError) as exc:
            raise StoreError("Cannot restore {path}: {problem}. The store was left as it was.", path=str(source),
                             problem=os_problem(exc)) from None
    finally:
        _discard_db(staged)
        lock.release()
    store = open_store(folder, key)
    try:
        detail = {"file": source.name, "audit_rows": check.audit_rows, "restored_seq": check.audit_seq,
                  "restored_hash": check.audit_head}
        if replaced is not None:
            detail["kept_as"] = replaced[0].name
            if replaced[1] is not None:
                detail["replaced_seq"], detail["replaced_hash"] = replaced[1]
        store.log_event("RESTORE", None, username="system", detail=detail)
    finally:
        store.close()
    if recovery_key_text:
        keystore.save_key(check.store_id, key)
    return check


def full_check(store: Store) -> list[str]:
    """Every page of the store read and checked (SQLite's quick_check) on a connection of its own, so that it can run
    on a worker thread while the app works on: what opening the store no longer does (issue 15, point 2). The
    main window runs it once when the app is first idle; ``verify`` and every backup read every page too.
    Returns the problems found (``[]``: sound)."""
    return store.full_check()


def _discard_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        files.discard(path.with_name(path.name + suffix))


def _fsync(path: Path) -> None:
    """Flush ``path`` (a file, or a folder after a rename in it) to disk where the OS allows it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
