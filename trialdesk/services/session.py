"""Session settings the window needs (no Qt): the site's idle-lock time."""

from __future__ import annotations

from trialdesk.db import settings as settings_repo
from trialdesk.db.connection import Store


def idle_lock_minutes(store: Store) -> int:
    """Minutes without input after which the window locks (site setting, default 10)."""
    return max(1, settings_repo.get_int(store.db, "idle_lock_minutes"))
