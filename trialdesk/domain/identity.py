"""Norwegian identity numbers (fødselsnummer, D-number, H-number): check digits, kind, encoded date and sex digit."""

# python-stdnum (``stdnum.no.fodselsnummer``) does the parts it covers: separators (``compact``: "151086 95088" and
# "151086-95088"), both check digits, the century from the individual number, D-number (day + 40) and H-number
# (month + 40) dates, and the sex digit. The project's own code is kept only where stdnum does not cover the case:
#
# - synthetic test numbers (the tax administration's test persons, month + 80; stdnum does not know them),
# - the rule that a number cannot be both a D-number and an H-number (stdnum accepts it),
# - strictness on the text (exactly 11 ASCII digits: the vectors contract; :func:`normalise_id_number` first
#   for what people type), and
# - "today": stdnum's ``validate`` refuses a birth date after the *system* date; TrialDesk takes "now" from
#   ``trialdesk.clock`` only, so that check is the caller's (``services/participants.py``), never stdnum's.

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum.exceptions import ValidationError as _StdnumError
from stdnum.no import fodselsnummer as _fnr

__all__ = ["IdNumberCheck", "check_id_number", "normalise_id_number"]

_ELEVEN_DIGITS = re.compile(r"[0-9]{11}")


@dataclass(frozen=True)
class IdNumberCheck:
    """The result of checking an identity number.

    ``kind`` is ``fnr``, ``dnr`` (D-number) or ``hnr`` (H-number); ``synthetic`` marks the tax
    administration's synthetic test persons (month + 80). ``birth_date`` is given only for kind
    ``fnr`` (the vectors contract: a D-number may carry the registration date instead); ``encoded_date``
    is the date any valid number encodes (D- and H-numbers included), which the register compares with
    the birth date entered. ``sex`` is what the 9th digit says (odd: ``M``, even: ``F``; legal sex, which
    may differ from the sex recorded for the trial). ``problem`` says why an invalid number is invalid.
    An invalid number has kind None, synthetic False and no dates or sex.
    """

    valid: bool
    kind: str | None = None
    synthetic: bool = False
    birth_date: date | None = None
    problem: str | None = None
    encoded_date: date | None = None
    sex: str | None = None


def _invalid(problem: str) -> IdNumberCheck:
    return IdNumberCheck(valid=False, problem=problem)


def normalise_id_number(text: str | None) -> str:
    """What a person typed, as 11 digits to check: spaces, tabs, '-' and ':' between the groups removed
    ("151086 95088", "151086-95088" → "15108695088"); stdnum's ``compact`` after removing all whitespace."""
    return _fnr.compact("".join((text or "").split()))


def _encoded_date(number: str) -> date:
    """The date stdnum reads from ``number`` (D- and H-numbers included; InvalidComponent when the century
    or the date does not exist). Synthetic numbers (month + 80) are read with the month put back first:
    stdnum does not know them (own code)."""
    month = int(number[2:4])
    if month > 80:
        number = f"{number[:2]}{month - 80:02d}{number[4:]}"
    return _fnr.get_birth_date(number)


def _date_problem(number: str) -> str:
    """Why stdnum could not read a date: the century (the same number with a date that surely exists fails
    too) or the date itself."""
    try:
        _fnr.get_birth_date(f"0101{number[4:]}")
    except _StdnumError:
        return f"individual number {number[6:9]} is not used for birth year ..{number[4:6]}"
    return "the date in the number does not exist"


def check_id_number(value: str) -> IdNumberCheck:
    """Check an 11-digit Norwegian identity number ``DDMMYY III K1 K2``.

    Both check digits (weights 3,7,6,1,8,9,4,5,2 and 5,4,3,2,7,6,5,4,3,2; 11 − (sum mod 11),
    11 → 0, 10 → invalid: stdnum's ``calc_check_digit1/2``); D-number day + 40, H-number month + 40,
    synthetic month + 80; the century from the individual number III (000–499 → 1900s; 500–749 with
    YY ≥ 54 → 1800s; 500–999 with YY ≤ 39 → 2000s; 900–999 with YY ≥ 40 → 1900s; anything else invalid:
    stdnum's ``get_birth_date``); the date must exist. The text must be exactly 11 digits (call
    :func:`normalise_id_number` on what was typed first). Whether the date is in the future is not checked
    here (no clock in the domain): the register refuses it.

    Future work: from 2032 new numbers may have control remainders 0–3 and gender-neutral individual
    numbers (Skatteetaten); neither stdnum 2.x nor this function implements that rule, because the vectors
    README, which is the contract, defines the rule above.
    """
    if not isinstance(value, str) or not _ELEVEN_DIGITS.fullmatch(value):
        return _invalid("an identity number is exactly 11 digits")
    if value[9] != _fnr.calc_check_digit1(value[:9]):
        return _invalid("the first check digit does not match")
    if value[10] != _fnr.calc_check_digit2(value[:10]):
        return _invalid("the second check digit does not match")

    day, month = int(value[0:2]), int(value[2:4])
    kind = "dnr" if day > 40 else "fnr"
    synthetic = month > 80
    if 40 < month <= 80:
        if kind == "dnr":  # own rule: stdnum would read such a number as both
            return _invalid("a number cannot be both a D-number (day + 40) and an H-number (month + 40)")
        kind = "hnr"
    try:
        encoded = _encoded_date(value)
    except _StdnumError:
        return _invalid(_date_problem(value))
    return IdNumberCheck(valid=True, kind=kind, synthetic=synthetic,
                         birth_date=encoded if kind == "fnr" else None, encoded_date=encoded,
                         sex=_fnr.get_gender(value))
