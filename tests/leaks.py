"""Leak checks that look for a number as a person reads it, not for a substring.

``"2.1" in text`` also matches the printed date 02.12.2026 or a value of 12.1; :func:`shows` matches the
number only where it stands alone (no digit, decimal sign or clock-time colon right before or after it),
optionally followed by its unit.
"""

from __future__ import annotations

import re


def _pattern(number: str, unit: str | None) -> re.Pattern:
    body = re.escape(number)
    if unit:
        body += r"\s*" + re.escape(unit)
        return re.compile(r"(?<![\d.,:])" + body)
    return re.compile(r"(?<![\d.,:])" + body + r"(?![.,:]?\d)")


def shows(text: str, number: str, unit: str | None = None) -> bool:
    """Whether ``text`` shows ``number`` written exactly so (``"2,1"`` or ``"2.1"``) as a whole number."""
    return _pattern(number, unit).search(text) is not None


def shows_value(text: str, number: str, unit: str | None = None) -> bool:
    """Whether ``text`` shows ``number`` with either decimal sign (``2.1`` finds "2,1" and "2.1")."""
    forms = {number, number.replace(".", ","), number.replace(",", ".")}
    return any(shows(text, form, unit) for form in forms)


def test_shows_matches_whole_numbers_only():
    assert shows_value("IgG 2,1 g/L", "2.1") and shows_value("IgG 2.1 g/L", "2.1", "g/L")
    assert not shows_value("printed 02.12.2026 10:41", "2.1")
    assert not shows_value("12.1 g/L and 2.15 g/L", "2.1")
    assert shows("NK 40 ×10⁶/L", "40", "×10⁶/L") and not shows("NK 140 ×10⁶/L", "40", "×10⁶/L")
    assert not shows("at 10:40", "40", "×10⁶/L") and not shows("sampled 09:40", "40")
