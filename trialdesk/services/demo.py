"""Demo data: a store with one user per role and synthetic participants at every stage (issue 4).

Identity data is synthetic only: names are obviously fictional ("Testperson Alfa") and identity
numbers are the tax administration's synthetic test numbers (month + 80), which no real person has.
"""

from __future__ import annotations

from datetime import date

from trialdesk.domain.identity import check_id_number

_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check(digits: str, weights: tuple[int, ...]) -> int | None:
    k = 11 - sum(int(d) * w for d, w in zip(digits, weights)) % 11
    return 0 if k == 11 else None if k == 10 else k


def synthetic_id_number(birth_date: date, sex: str, nth: int = 0) -> str:
    """The ``nth`` synthetic test number (month + 80) for ``birth_date`` and ``sex`` that passes
    both check digits (9th digit odd for men, even for women)."""
    head = f"{birth_date.day:02d}{birth_date.month + 80:02d}{birth_date.year % 100:02d}"
    low, high = (0, 499) if birth_date.year < 2000 else (500, 999)
    found = 0
    for individual in range(low, high + 1):
        if (individual % 2 == 1) != (sex == "M"):
            continue
        digits = head + f"{individual:03d}"
        k1 = _check(digits, _K1)
        if k1 is None:
            continue
        k2 = _check(digits + str(k1), _K2)
        if k2 is None:
            continue
        number = digits + str(k1) + str(k2)
        result = check_id_number(number)
        if result.valid and result.synthetic:
            if found == nth:
                return number
            found += 1
    raise ValueError(f"no synthetic number left for {birth_date}")
