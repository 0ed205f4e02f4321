"""Bounds of the dates and times people enter (issue 11): the limits, and the limit's words for a message.

Every service that takes a date or a time checks it against these bounds before it writes, with a message that
names the field and the limit (the UI shows it at the field; the CLI prints it): nothing before 1900, no
participant's date before their birth date, nothing after now (a few minutes' slack for a workstation clock
that runs behind) unless the field is a plan. The checks are written out where they apply, so each message is
a literal template the translation tools collect (context "errors").
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from trialdesk.clock import LOCAL_TZ, local_today, utc_now
from trialdesk.services import formats

EARLIEST_DAY = date(1900, 1, 1)
"""No date a person enters is before this (a birth date included)."""

CLOCK_SLACK = timedelta(minutes=5)
"""A time up to this far after the clock's "now" is still "now" (another workstation's clock)."""

__all__ = ["CLOCK_SLACK", "EARLIEST_DAY", "after_now", "before_day", "birth_date_of", "now_text", "shown",
           "today_text"]


def birth_date_of(person: dict) -> date | None:
    """The participant's birth date from a participants row (None when missing or unreadable)."""
    text = person.get("birth_date") if person else None
    if not text:
        return None
    try:
        return text if isinstance(text, date) else date.fromisoformat(str(text))
    except ValueError:
        return None


def local_day(value: date | datetime) -> date:
    """The Oslo day of a moment (a date stays as it is)."""
    if isinstance(value, datetime):
        return value.astimezone(LOCAL_TZ).date() if value.tzinfo else value.date()
    return value


def before_day(value: date | datetime, limit: date | None) -> bool:
    """``value`` (a day, or a moment's Oslo day) is before ``limit`` (False without a limit)."""
    return limit is not None and local_day(value) < limit


def after_now(moment: datetime, now: datetime | None = None) -> bool:
    """``moment`` is later than now plus :data:`CLOCK_SLACK`."""
    return moment > (now or utc_now()) + CLOCK_SLACK


def shown(value: date | datetime | None) -> str:
    """A day or a moment for a message: "26.11.2026" / "26.11.2026 14:05" (Oslo time); years of any size."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        try:
            local = value.astimezone(LOCAL_TZ) if value.tzinfo else value
        except (OverflowError, ValueError):  # the last hours of year 9999 have no Oslo time
            local = value
        return f"{local.day:02d}.{local.month:02d}.{local.year:04d} {local.hour:02d}:{local.minute:02d}"
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def today_text(today: date | None = None) -> str:
    return formats.day(today or local_today())


def now_text(now: datetime | None = None) -> str:
    return shown(now or utc_now())
