"""Numbers, dates and times as a reader of each language expects them, for code without Qt (printouts,
the audit reader, exports for people, the CLI). Babel's CLDR data does the locale work.

- Numbers: the decimal comma in Bokmål (4,9), the point in English (4.9); as many decimals as the value
  has (no rounding of clinical values, no trailing zeros) and no digit grouping (a lab value of 1234 is
  never "1 234" or "1,234", which a Norwegian reader could take for a decimal).
- Dates: 26.11.2026 in both languages (the trial's documents are Norwegian; glossary.md).
- Moments: Europe/Oslo time with its UTC offset, ``26.11.2026 14:05 (UTC+01:00)``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_decimal

from trialdesk.clock import LOCAL_TZ, parse_utc
from trialdesk.services.words import check_language

_LOCALE = {"en": "en_GB", "nb": "nb_NO"}


def number(value: int | float | Decimal | str | None, language: str, *, as_written: bool = False) -> str:
    """``4.9`` → "4,9" (nb) / "4.9" (en); ``240.0`` → "240"; None → "".

    With ``as_written``, a value keeps the decimals it is written with (``"3.0"`` → "3,0"): for numbers
    that arrive as text already worded, such as a protocol limit in a rule's explanation, whose English
    record says "3.0" — the Norwegian then says "3,0", not "3".
    """
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        raise TypeError("a yes/no value is not a number")
    # The same few values are worded over and over (a history of a thousand audit lines); the key keeps the
    # value's type and its written form, since 3.0 and Decimal("3.00") are equal but not worded alike.
    return _number(type(value), repr(value) if isinstance(value, float) else str(value), language, as_written)


@lru_cache(maxsize=4096)
def _number(kind: type, written: str, language: str, as_written: bool) -> str:
    exact = Decimal(written)
    if not exact.is_finite():
        raise ValueError(f"not a finite number: {written!r}" if kind is str else f"not a finite number: {written}")
    if not as_written:
        exact = exact.normalize()
    places = max(0, -int(exact.as_tuple().exponent))
    pattern = "0" + ("." + ("0" if as_written else "#") * places if places else "")
    return format_decimal(exact, format=pattern, locale=_LOCALE[check_language(language)], group_separator=False)


def day(value: date | str | None) -> str:
    """A date (or ISO text) as 26.11.2026; None or "" → ""."""
    if value in (None, ""):
        return ""
    try:
        d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError:  # not a date (a hand-edited store): shown as stored rather than breaking the page
        return str(value)
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def moment(value: datetime | str | None, language: str = "en", *, offset: bool = True) -> str:
    """A moment (aware datetime or stored UTC text) in Oslo time: "26.11.2026 14:05 (UTC+01:00)"."""
    if value in (None, ""):
        return ""
    try:
        aware = parse_utc(value) if isinstance(value, str) else value
    except ValueError:  # not a stored moment (a hand-edited store): shown as stored rather than breaking the page
        return str(value)
    check_language(language)
    try:
        local = aware.astimezone(LOCAL_TZ)
        # dd.MM.yyyy HH:mm in both languages (digits only: no locale data needed, and a tenth of Babel's time)
        text = f"{local.day:02d}.{local.month:02d}.{local.year:04d} {local.hour:02d}:{local.minute:02d}"
        utc_offset = local.strftime("%z")  # +0100
    except OverflowError:  # the last hours of year 9999 have no Oslo time: shown in UTC
        utc = f"{aware.day:02d}.{aware.month:02d}.{aware.year:04d} {aware.hour:02d}:{aware.minute:02d}"
        return f"{utc} (UTC)" if offset else utc
    if not offset:
        return text
    return f"{text} (UTC{utc_offset[:3]}:{utc_offset[3:]})"

__all__ = ["day", "moment", "number"]
