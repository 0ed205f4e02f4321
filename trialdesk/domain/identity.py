"""Norwegian identity numbers (fødselsnummer, D-number, H-number): check digits, kind and birth date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["IdNumberCheck", "check_id_number"]

_K1_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_ELEVEN_DIGITS = re.compile(r"[0-9]{11}")


@dataclass(frozen=True)
class IdNumberCheck:
    """The result of checking an identity number.

    ``kind`` is ``fnr``, ``dnr`` (D-number) or ``hnr`` (H-number); ``synthetic`` marks the tax
    administration's synthetic test persons (month + 80). ``birth_date`` is given only for kind
    ``fnr``: a D-number may carry the registration date instead. ``problem`` says why an invalid
    number is invalid. An invalid number has kind None, synthetic False and no birth date.
    """

    valid: bool
    kind: str | None = None
    synthetic: bool = False
    birth_date: date | None = None
    problem: str | None = None


def _invalid(problem: str) -> IdNumberCheck:
    return IdNumberCheck(valid=False, problem=problem)


def _check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    """11 − (weighted sum mod 11), with 11 → 0; None when it would be 10 (no such number)."""
    remainder = sum(int(d) * w for d, w in zip(digits, weights)) % 11
    k = 11 - remainder
    if k == 11:
        return 0
    return None if k == 10 else k


def _century(individual: int, yy: int) -> int | None:
    if individual <= 499:
        return 1900
    if individual <= 749 and yy >= 54:
        return 1800
    if yy <= 39:  # 500–999
        return 2000
    if individual >= 900:  # yy >= 40
        return 1900
    return None


def check_id_number(value: str) -> IdNumberCheck:
    """Check an 11-digit Norwegian identity number ``DDMMYY III K1 K2``.

    Both check digits (weights 3,7,6,1,8,9,4,5,2 and 5,4,3,2,7,6,5,4,3,2; 11 − (sum mod 11),
    11 → 0, 10 → invalid); D-number day + 40, H-number month + 40, synthetic month + 80; the
    century from the individual number III (000–499 → 1900s; 500–749 with YY ≥ 54 → 1800s;
    500–999 with YY ≤ 39 → 2000s; 900–999 with YY ≥ 40 → 1900s; anything else invalid); the date
    must exist. The text must be exactly 11 digits (the UI strips spaces before calling).

    Future work: from 2032 new numbers may have control remainders 0–3 and gender-neutral individual
    numbers (Skatteetaten); that rule is not implemented here because the vectors README, which is
    the contract, defines the rule above.
    """
    if not isinstance(value, str) or not _ELEVEN_DIGITS.fullmatch(value):
        return _invalid("an identity number is exactly 11 digits")
    k1 = _check_digit(value[:9], _K1_WEIGHTS)
    if k1 is None or k1 != int(value[9]):
        return _invalid("the first check digit does not match")
    k2 = _check_digit(value[:10], _K2_WEIGHTS)
    if k2 is None or k2 != int(value[10]):
        return _invalid("the second check digit does not match")

    day, month, yy = int(value[0:2]), int(value[2:4]), int(value[4:6])
    individual = int(value[6:9])
    kind = "fnr"
    synthetic = False
    if day > 40:
        kind, day = "dnr", day - 40
    if month > 80:
        synthetic, month = True, month - 80
    elif month > 40:
        if kind == "dnr":
            return _invalid("a number cannot be both a D-number (day + 40) and an H-number (month + 40)")
        kind, month = "hnr", month - 40
    century = _century(individual, yy)
    if century is None:
        return _invalid(f"individual number {value[6:9]} is not used for birth year ..{value[4:6]}")
    try:
        born = date(century + yy, month, day)
    except ValueError:
        return _invalid("the date in the number does not exist")
    return IdNumberCheck(valid=True, kind=kind, synthetic=synthetic,
                         birth_date=born if kind == "fnr" else None)
