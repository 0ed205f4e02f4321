"""Norwegian identity numbers: check digits, D/H/synthetic numbers, centuries. Synthetic numbers only."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trialdesk.domain.identity import check_id_number

FAST = settings(max_examples=200, deadline=None)
K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _digit(digits: str, weights) -> int | None:
    k = 11 - sum(int(d) * w for d, w in zip(digits, weights)) % 11
    return 0 if k == 11 else None if k == 10 else k


def complete(nine: str) -> str | None:
    """Append both check digits to nine digits (None when no valid number exists)."""
    k1 = _digit(nine, K1)
    if k1 is None:
        return None
    k2 = _digit(nine + str(k1), K2)
    return None if k2 is None else f"{nine}{k1}{k2}"


def synthetic(day: date, individual: int, *, d_number=False, h_number=False, synth=True) -> str | None:
    """A test number for ``day``: month + 80 (synthetic) unless synth=False (then only for H/D tests)."""
    dd = day.day + (40 if d_number else 0)
    mm = day.month + (80 if synth else 0) + (40 if h_number else 0)
    return complete(f"{dd:02d}{mm:02d}{day.year % 100:02d}{individual:03d}")


# Cases from the vectors README and fnr.json (synthetic numbers and fnrinfo's public test vector).
@pytest.mark.parametrize(("value", "valid", "kind", "synth", "born"), [
    ("01859012325", True, "fnr", True, date(1990, 5, 1)),
    ("15837545789", True, "fnr", True, date(1975, 3, 15)),
    ("29820051260", True, "fnr", True, date(2000, 2, 29)),
    ("41819012359", True, "dnr", True, None),
    ("31129956715", True, "fnr", False, date(1899, 12, 31)),
    ("01859012326", False, None, False, None),   # second check digit wrong
    ("01859012335", False, None, False, None),   # first check digit wrong
    ("0185901232", False, None, False, None),    # ten digits
    ("018590123250", False, None, False, None),  # twelve digits
    ("01859O12325", False, None, False, None),   # letter O
    (" 01859012325", False, None, False, None),  # the caller strips spaces
    ("０１８５９０１２３２５", False, None, False, None),  # full-width digits
    ("", False, None, False, None),
])
def test_known_numbers(value, valid, kind, synth, born):
    result = check_id_number(value)
    assert (result.valid, result.kind, result.synthetic, result.birth_date) == (valid, kind, synth, born)
    assert (result.problem is None) == valid


def test_the_shared_vector_file_numbers_are_synthetic_or_the_public_test_vector():
    path = Path(__file__).resolve().parents[3] / "shared" / "vectors" / "fnr.json"
    if not path.exists():  # the runner test covers the folder; this only guards the test data policy
        return
    for case in json.loads(path.read_text())["cases"]:
        result = check_id_number(case["value"])
        assert not result.valid or result.synthetic or case["value"] == "31129956715"


@pytest.mark.parametrize(("day", "individual", "year"), [
    (date(1990, 5, 1), 123, 1990),     # 000–499 → 1900s
    (date(1990, 5, 1), 0, 1990),
    (date(1955, 5, 1), 600, 1855),     # 500–749 with YY ≥ 54 → 1800s
    (date(2005, 5, 1), 500, 2005),     # 500–999 with YY ≤ 39 → 2000s
    (date(2039, 5, 1), 999, 2039),
    (date(1940, 5, 1), 900, 1940),     # 900–999 with YY ≥ 40 → 1900s
    (date(1999, 5, 1), 950, 1999),
])
def test_century(day, individual, year):
    candidates = range(individual, individual + 40) if individual <= 959 else range(individual, individual - 40, -1)
    for ind in candidates:  # find one whose check digits exist, in the same individual-number band
        number = synthetic(day.replace(year=year), ind)
        if number:
            break
    result = check_id_number(number)
    assert result.valid and result.birth_date == date(year, day.month, day.day)


@pytest.mark.parametrize(("yy", "individual"), [(45, 520), (53, 700), (40, 800), (99, 750), (54, 899)])
def test_individual_numbers_not_used_for_the_year_are_invalid(yy, individual):
    for ind in range(individual, individual + 20):
        number = complete(f"0185{yy:02d}{ind:03d}")
        if number and not (ind >= 900 or ind <= 499 or (ind <= 749 and yy >= 54)):
            result = check_id_number(number)
            assert not result.valid and "individual number" in result.problem
            return
    pytest.fail("no number with valid check digits in range")


@pytest.mark.parametrize("text", ["30029012345", "31049012345", "00019012345", "01009012345", "01139012345"])
def test_dates_that_do_not_exist_are_invalid(text):
    nine = text[:2] + f"{int(text[2:4]) + 80:02d}" + text[4:9]
    for ind in range(int(nine[6:9]), int(nine[6:9]) + 30):
        number = complete(nine[:6] + f"{ind:03d}")
        if number:
            result = check_id_number(number)
            assert not result.valid and result.problem == "the date in the number does not exist"
            return
    pytest.fail("no number with valid check digits in range")


def test_29_february_only_in_leap_years():
    assert check_id_number(synthetic(date(2000, 2, 29), 512)).birth_date == date(2000, 2, 29)
    for ind in range(100, 140):
        number = complete(f"29{2 + 80:02d}01{ind:03d}")  # 2001 has no 29 February
        if number:
            assert not check_id_number(number).valid
            break


days = st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31))


@FAST
@given(day=days, individual=st.integers(min_value=0, max_value=499))
def test_synthetic_numbers_round_trip(day, individual):
    number = synthetic(day, individual)
    if number is None:
        return
    result = check_id_number(number)
    assert (result.valid, result.kind, result.synthetic, result.birth_date) == (True, "fnr", True, day)


@FAST
@given(day=days, individual=st.integers(min_value=0, max_value=499))
def test_synthetic_d_and_h_numbers_have_no_birth_date(day, individual):
    d = synthetic(day, individual, d_number=True)
    if d:
        assert (check_id_number(d).valid, check_id_number(d).kind, check_id_number(d).birth_date) == (True, "dnr", None)
    h = synthetic(day, individual, h_number=True, synth=False)
    if h:
        assert (check_id_number(h).valid, check_id_number(h).kind, check_id_number(h).birth_date) == (True, "hnr", None)


@FAST
@given(day=days, individual=st.integers(min_value=0, max_value=499), position=st.integers(0, 10),
       change=st.integers(1, 9))
def test_any_single_digit_change_is_caught(day, individual, position, change):
    number = synthetic(day, individual)
    if number is None:
        return
    digits = list(number)
    digits[position] = str((int(digits[position]) + change) % 10)
    assert not check_id_number("".join(digits)).valid


@FAST
@given(st.text(max_size=15))
def test_any_text_gives_a_result(text):
    result = check_id_number(text)
    if not result.valid:
        assert (result.kind, result.synthetic, result.birth_date) == (None, False, None) and result.problem


# --- issue 11: stdnum cross-check, encoded dates of every kind, the sex digit, what people type --------------

from stdnum.no import fodselsnummer as stdnum_fnr  # noqa: E402

from trialdesk.domain.identity import normalise_id_number  # noqa: E402


@pytest.mark.parametrize("typed", ["151086 95088", "151086-95088", " 15108695088 ", "151086\t95088"])
def test_what_people_type_is_normalised(typed):
    assert normalise_id_number(typed) == "15108695088"


@FAST
@given(day=days, individual=st.integers(min_value=0, max_value=499))
def test_d_and_h_numbers_encode_their_date_and_every_number_its_sex_digit(day, individual):
    for number, kind in ((synthetic(day, individual), "fnr"), (synthetic(day, individual, d_number=True), "dnr"),
                         (synthetic(day, individual, h_number=True, synth=False), "hnr")):
        if number is None:
            continue
        result = check_id_number(number)
        assert (result.valid, result.kind, result.encoded_date) == (True, kind, day), number
        assert result.sex == ("M" if int(number[8]) % 2 else "F")


@FAST
@given(nine=st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_agrees_with_stdnum_where_stdnum_covers_the_number(nine):
    """Not synthetic (stdnum does not know month + 80), not D and H at once, born before 2000 (stdnum's own
    'not born yet' check reads the system date, which TrialDesk never does)."""
    number = complete(nine)
    if number is None or int(nine[2:4]) > 80 or (int(nine[0:2]) > 40 and int(nine[2:4]) > 40):
        return
    if int(nine[6:9]) >= 500 and int(nine[4:6]) <= 39:  # 2000s
        return
    ours = check_id_number(number)
    assert ours.valid == stdnum_fnr.is_valid(number), number
    if ours.valid:
        assert ours.encoded_date == stdnum_fnr.get_birth_date(number)
        assert ours.sex == stdnum_fnr.get_gender(number)


def test_a_number_both_d_and_h_is_invalid_although_stdnum_reads_it():
    number = next(n for i in range(500) if (n := complete(f"5245{90:02d}{i:03d}")))  # day 12 + 40, month 5 + 40
    assert stdnum_fnr.is_valid(number)
    result = check_id_number(number)
    assert not result.valid and "both a D-number" in result.problem
