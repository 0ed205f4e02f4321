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
        """The facts of ``folder``'s ``store.json``, checked before anything uses them.

        The file is plain text beside the database, so anyone can edit it: one that is not a JSON object
        in :data:`STORE_FORMAT` with every fact a non-empty string is refused with a :class:`StoreDamaged`
        naming what is wrong, never half used. Whether its store and site are the database's own is checked
        when the store opens (:func:`trialdesk.db.connection.open_store`).
        """
        path = folder / INFO_NAME
        if folder.exists() and not folder.is_dir():
            raise StoreNotFound("The data folder {folder} is a file, not a folder. Choose another data folder "
                                "(--data-dir); nothing was changed.", folder=str(folder))
        try:
            text = path.read_text(encoding="utf-8")
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
        except UnicodeDecodeError:
            text = None  # not text at all: refused below as not JSON
        except OSError as exc:
            from trialdesk.errors import os_problem

            raise StoreDamaged(
                "{path} cannot be read: {problem}. Choose a data folder this user can read, or ask IT; "
                "nothing was changed.",
                path=str(path), problem=os_problem(exc),
            ) from None
        try:
            data = json.loads(text) if text is not None else None
        except ValueError:
            data = None
        if data is None:
            raise StoreDamaged(
                "{path} is not readable JSON: it is damaged. Move it aside and run 'trialdesk recover' with "
                "the recovery key to rebuild it from the database; nothing was changed.",
                path=str(path),
            )
        if not isinstance(data, dict):
            raise StoreDamaged(
                "{path} does not hold the store's facts (a JSON object naming the store and its site). Move "
                "it aside and run 'trialdesk recover' with the recovery key to rebuild it from the database; "
                "nothing was changed.",
                path=str(path),
            )
        if "format" not in data:
            raise StoreDamaged(
                "{path} does not name its format: it is damaged or not TrialDesk's. Move it aside and run "
                "'trialdesk recover' with the recovery key to rebuild it from the database; nothing was "
                "changed.",
                path=str(path),
            )
        if data["format"] != STORE_FORMAT:
            raise StoreDamaged(
                "{path} is in format {found}, which this TrialDesk does not know (it reads {known}). Use "
                "the TrialDesk that wrote it, or move it aside and run 'trialdesk recover' with the "
                "recovery key to rebuild it from the database; nothing was changed.",
                path=str(path), found=str(data["format"])[:40], known=STORE_FORMAT,
            )
        for name in ("store_id", "site_code", "created_at", "key_check"):
            value = data.get(name)
            if not isinstance(value, str) or not value.strip():
                raise StoreDamaged(
                    "{path} lacks the store's {fact}: it is damaged. Move it aside and run 'trialdesk "
                    "recover' with the recovery key to rebuild it from the database; nothing was changed.",
                    path=str(path), fact=name,
                )
        return cls(store_id=data["store_id"], site_code=data["site_code"], created_at=data["created_at"],
                   key_check=data["key_check"], format=data["format"])

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
