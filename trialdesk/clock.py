"""UTC timestamps and ids used for every row (no Qt, no SQL)."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(timezone.utc)


def utc_iso(moment: datetime | None = None) -> str:
    """ISO 8601 UTC with microseconds and a ``Z``: ``2026-11-26T01:31:25.123456Z``."""
    moment = (moment or utc_now()).astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_utc(text: str) -> datetime:
    """Read back a timestamp written by :func:`utc_iso`."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)


def new_id() -> str:
    """A random UUID as 32 hex digits: row keys that never collide between sites."""
    return uuid.uuid4().hex
