"""The store folder without opening the database: file names, ``store.json``, the one-writer lock.

Light on purpose (no sqlite-utils): the app reads this before the sign-in window is shown.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from trialdesk.errors import StoreDamaged, StoreInUse, StoreNotFound

DB_NAME = "trialdesk.db"
INFO_NAME = "store.json"
LOCK_NAME = "trialdesk.lock"
LOCK_INFO_NAME = "trialdesk.lock.json"
STORE_FORMAT = "trialdesk-store-1"


@dataclass(frozen=True)
class StoreInfo:
    """The public facts kept beside the database in ``store.json``."""

    store_id: str
    site_code: str
    created_at: str
    key_check: str
    format: str = STORE_FORMAT

    @classmethod
    def read(cls, folder: Path) -> "StoreInfo":
        path = folder / INFO_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(**{k: data[k] for k in ("store_id", "site_code", "created_at", "key_check", "format")})
        except FileNotFoundError:
            if (folder / DB_NAME).exists():
                raise StoreDamaged(
                    "{path} is missing beside the store database. Run 'trialdesk recover' with the "
                    "recovery key to rebuild it; nothing was changed.",
                    path=str(path),
                ) from None
            raise StoreNotFound(
                "No TrialDesk store in {folder}. Set up this workstation (start TrialDesk, or run "
                "'trialdesk init'), or restore a backup with 'trialdesk restore'.",
                folder=str(folder),
            ) from None
        except (ValueError, KeyError, TypeError):
            raise StoreDamaged(
                "{path} is damaged (it should name the store and its site). Restore it from a backup "
                "of the data folder or ask IT; the database itself was not touched.",
                path=str(path),
            ) from None

    def write(self, folder: Path) -> None:
        tmp = folder / (INFO_NAME + ".tmp")
        tmp.write_text(json.dumps(self.__dict__, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, folder / INFO_NAME)


def store_exists(folder: Path) -> bool:
    """True when ``folder`` holds a store (its ``store.json`` or its database file)."""
    return (folder / INFO_NAME).exists() or (folder / DB_NAME).exists()


class FolderLock:
    """One TrialDesk per store: an OS file lock, plus a note of who holds it for the message."""

    def __init__(self, folder: Path):
        from filelock import FileLock, Timeout

        self._timeout = Timeout
        # thread_local=False: the store may be opened on a worker thread and closed on the GUI thread.
        self._lock = FileLock(str(folder / LOCK_NAME), timeout=0, thread_local=False)
        self._info = folder / LOCK_INFO_NAME

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except self._timeout:
            holder = "another TrialDesk"
            try:
                info = json.loads(self._info.read_text(encoding="utf-8"))
                holder = "TrialDesk (process {pid} on {host}, opened {since})".format(**info)
            except (OSError, ValueError, KeyError):
                pass
            raise StoreInUse(
                "This store is already open in {holder}. Only one TrialDesk may use a store at a time; "
                "close the other one first. Nothing was changed.",
                holder=holder,
            ) from None
        import platform  # here, not at start-up: the lock is taken on the store-opening thread

        from trialdesk.clock import utc_iso

        try:
            self._info.write_text(
                json.dumps({"pid": os.getpid(), "host": platform.node(), "since": utc_iso()}),
                encoding="utf-8",
            )
        except OSError:
            pass

    def release(self) -> None:
        try:
            self._info.unlink()
        except OSError:
            pass
        self._lock.release()
