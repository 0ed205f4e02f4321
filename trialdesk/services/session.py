"""Session and site settings (no Qt): idle-lock time, lockout length and the backup folder.

The settings are rows of the audited ``settings`` table; only an administrator changes them, with a reason,
each value checked against its bounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trialdesk.db import backup
from trialdesk.db import settings as settings_repo
from trialdesk.db.connection import Store
from trialdesk.domain.people import User
from trialdesk.errors import ValidationError
from trialdesk.services import auth
from trialdesk.services.permissions import Action, require

IDLE_LOCK_BOUNDS = (1, 60)  # minutes without input before the window locks
LOCKOUT_BOUNDS = (1, 1440)  # minutes an account stays locked after too many wrong passwords


@dataclass(frozen=True)
class SiteSettings:
    """The site settings as stored (``backup_folder`` "" means the store's own ``backups/`` folder)."""

    idle_lock_minutes: int
    lockout_minutes: int
    backup_folder: str

    def effective_backup_folder(self, store: Store) -> Path:
        return Path(self.backup_folder) if self.backup_folder else store.folder / backup.BACKUP_DIR


def idle_lock_minutes(store: Store) -> int:
    """Minutes without input after which the window locks (site setting, default 10)."""
    return max(1, settings_repo.get_int(store.db, "idle_lock_minutes"))


def site_settings(store: Store) -> SiteSettings:
    """The current site settings (anyone signed in may read them: the window needs the idle time)."""
    return SiteSettings(idle_lock_minutes=settings_repo.get_int(store.db, "idle_lock_minutes"),
                        lockout_minutes=settings_repo.get_int(store.db, "lockout_minutes"),
                        backup_folder=settings_repo.get(store.db, "backup_folder"))


def _minutes(value: object, field: str, bounds: tuple[int, int]) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        number = None
    low, high = bounds
    if number is None or not low <= number <= high:
        raise ValidationError("Enter whole minutes from {low} to {high}.", field=field, low=low, high=high)
    return number


def _backup_folder(text: str | None, store: Store) -> str:
    text = (text or "").strip()
    if not text:
        return ""
    folder = Path(text).expanduser()
    if not folder.is_absolute():
        raise ValidationError("Enter the backup folder's full path (e.g. /mnt/backup/trialdesk), or leave it "
                              "empty for the store's own backups folder.", field="backup_folder")
    if folder.exists() and not folder.is_dir():
        raise ValidationError("{folder} is a file, not a folder.", field="backup_folder", folder=str(folder))
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is None or not backup.writable(existing):
        raise ValidationError("TrialDesk cannot write into {folder}; choose a folder this user may write to.",
                              field="backup_folder", folder=str(folder))
    if folder.resolve() == store.folder.resolve():
        raise ValidationError("Choose a folder apart from the store itself.", field="backup_folder")
    return str(folder)


# The settings the administrator's window sets, with the bounds it keeps them in; no other setting is ever written
# by TrialDesk (they keep their defaults), so one found in the store was set around the app.
SETTABLE = {"idle_lock_minutes": IDLE_LOCK_BOUNDS, "lockout_minutes": LOCKOUT_BOUNDS, "backup_folder": None}


def settings_problems(store: Store) -> list[tuple[str, str]]:
    """(key, problem) for each stored site setting TrialDesk would not have written (``trialdesk verify``)."""
    out = []
    for key, value in sorted(settings_repo.stored(store.db).items()):
        if key not in SETTABLE:
            default = settings_repo.DEFAULTS.get(key)
            known = (f"is {value!r}, but TrialDesk never changes it (its value is {default!r}): "
                     "it was set outside TrialDesk")
            out.append((key, known if default is not None else f"is not a setting TrialDesk knows (value {value!r})"))
            continue
        bounds = SETTABLE[key]
        if bounds is None:
            continue
        try:
            number = int(value)
        except ValueError:
            number = None
        if number is None or not bounds[0] <= number <= bounds[1]:
            problem = f"is {value!r}, outside the {bounds[0]}-{bounds[1]} TrialDesk allows: it was set outside TrialDesk"
            out.append((key, problem))
    return out


def change_site_settings(store: Store, admin: User, *, idle_lock_minutes: object, lockout_minutes: object,
                         backup_folder: str | None, reason: str) -> SiteSettings:
    """Set the site settings (administrator, with a reason; audited). Only changed values are written.
    The idle time applies from the next sign-in; the lockout to the next lockout; the folder to the next
    automatic backup."""
    require(admin, Action.CHANGE_SETTINGS)
    wanted = {
        "idle_lock_minutes": str(_minutes(idle_lock_minutes, "idle_lock_minutes", IDLE_LOCK_BOUNDS)),
        "lockout_minutes": str(_minutes(lockout_minutes, "lockout_minutes", LOCKOUT_BOUNDS)),
        "backup_folder": _backup_folder(backup_folder, store),
    }
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Enter a reason: it is kept in the audit trail with the change.", field="reason")
    changed = {k: v for k, v in wanted.items() if settings_repo.get(store.db, k) != v}
    if changed:
        with store.acting(auth.actor(admin), reason) as tx:
            for key, value in changed.items():
                settings_repo.put(tx, key, value, store.info.site_code)
    return site_settings(store)
