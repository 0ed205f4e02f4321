"""Reading what people type in forms: dates as written in Norway or ISO (no Qt)."""

from __future__ import annotations

import re
from datetime import date

from trialdesk.clock import local_today
from trialdesk.errors import ValidationError
from trialdesk.services import formats

_NORWEGIAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(text: str | None, *, field: str | None = None, label: str = "date",
               allow_future: bool = False, today: date | None = None) -> date | None:
    """``26.11.2026`` or ``2026-11-26`` -> a date; empty -> None.

    Raises :class:`ValidationError` (at ``field``) for text that is not a real date, and for a
    date after ``today`` unless ``allow_future``.
    """
    text = (text or "").strip()
    if not text:
        return None
    match = _NORWEGIAN.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _ISO.fullmatch(text)
        if not match:
            raise ValidationError("\"{text}\" is not a date: write it as 26.11.2026 or 2026-11-26.",
                                  field=field, text=text)
        year, month, day = (int(g) for g in match.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        raise ValidationError("{text} does not exist in the calendar.", field=field, text=text) from None
    if value.year < 1900:
        raise ValidationError("{text} is too far in the past for a {label}.", field=field, text=text,
                              label=label)
    today = today or local_today()
    if not allow_future and value > today:
        raise ValidationError("The {label} {text} is in the future (today is {today}).", field=field,
                              label=label, text=formats.day(value),
                              today=formats.day(today))
    return value


def show_date(value: date | None) -> str:
    """A date as Norwegians write it: ``26.11.2026`` (empty for None)."""
    return formats.day(value)
