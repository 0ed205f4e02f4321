"""Age and date arithmetic around birthdays, leap days and month ends."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trialdesk.domain.dates import add_months, add_weeks, add_years, age_on, whole_months_between

FAST = settings(max_examples=200, deadline=None)
days = st.dates(min_value=date(1850, 1, 1), max_value=date(2150, 12, 31))


@pytest.mark.parametrize(("birth", "day", "age"), [
    (date(2008, 3, 3), date(2026, 3, 2), 17),    # the day before the 18th birthday
    (date(2008, 3, 2), date(2026, 3, 2), 18),    # on the 18th birthday
    (date(1961, 3, 3), date(2026, 3, 2), 64),    # the day before the 65th birthday
    (date(1961, 3, 2), date(2026, 3, 2), 65),
    (date(2008, 2, 29), date(2026, 2, 28), 17),  # leap-day birthday: not yet in a common year…
    (date(2008, 2, 29), date(2026, 3, 1), 18),   # …but on 1 March
    (date(2008, 2, 29), date(2028, 2, 29), 20),  # and on 29 February in a leap year
    (date(2008, 2, 29), date(2028, 2, 28), 19),
    (date(2000, 1, 1), date(1999, 12, 31), -1),
])
def test_age_on(birth, day, age):
    assert age_on(birth, day) == age


@pytest.mark.parametrize(("day", "years", "expected"), [
    (date(2024, 2, 29), 2, date(2026, 3, 1)),
    (date(2024, 2, 29), 4, date(2028, 2, 29)),
    (date(2024, 2, 29), -1, date(2023, 3, 1)),
    (date(2024, 3, 3), 2, date(2026, 3, 3)),
    (date(2023, 12, 31), 1, date(2024, 12, 31)),
])
def test_add_years_moves_leap_day_to_1_march(day, years, expected):
    assert add_years(day, years) == expected


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 8, 31), 6, date(2027, 2, 28)),
    (date(2027, 8, 31), 6, date(2028, 2, 29)),
    (date(2026, 9, 28), 6, date(2027, 3, 28)),
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2026, 3, 31), -1, date(2026, 2, 28)),
    (date(2026, 12, 15), 1, date(2027, 1, 15)),
    (date(2026, 1, 15), -13, date(2024, 12, 15)),
    (date(2026, 5, 31), 0, date(2026, 5, 31)),
])
def test_add_months_clamps_to_month_end(day, months, expected):
    assert add_months(day, months) == expected


def test_add_weeks():
    assert add_weeks(date(2026, 1, 5), 12) == date(2026, 3, 30)
    assert add_weeks(date(2026, 1, 5), 72) == date(2027, 5, 24)
    assert add_weeks(date(2026, 3, 30), -4) == date(2026, 3, 2)


@pytest.mark.parametrize(("start", "end", "months"), [
    (date(2024, 3, 3), date(2026, 3, 2), 23),
    (date(2024, 3, 3), date(2026, 3, 3), 24),
    (date(2024, 1, 31), date(2024, 2, 29), 0),
    (date(2024, 1, 31), date(2024, 3, 1), 1),
    (date(2026, 3, 3), date(2026, 1, 3), -2),
    (date(2026, 3, 3), date(2026, 1, 4), -1),
])
def test_whole_months_between(start, end, months):
    assert whole_months_between(start, end) == months


@FAST
@given(birth=days, years=st.integers(min_value=0, max_value=120))
def test_age_turns_on_the_add_years_date(birth, years):
    birthday = add_years(birth, years)
    assert age_on(birth, birthday) == years
    assert age_on(birth, birthday - timedelta(days=1)) == years - 1


@FAST
@given(birth=days, a=days, b=days)
def test_age_never_decreases_with_time(birth, a, b):
    early, late = sorted((a, b))
    assert age_on(birth, early) <= age_on(birth, late)


@FAST
@given(day=days, months=st.integers(min_value=-240, max_value=240))
def test_add_months_keeps_the_day_or_clamps_to_month_end(day, months):
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    if moved.day != day.day:
        assert moved.day < day.day
        assert (moved + timedelta(days=1)).day == 1  # clamped to the last day of its month


@FAST
@given(day=days, years=st.integers(min_value=-100, max_value=100))
def test_add_years_is_add_months_except_on_leap_day(day, years):
    if (day.month, day.day) == (2, 29):
        year = day.year + years
        expected = date(year, 2, 29) if calendar.isleap(year) else date(year, 3, 1)
        assert add_years(day, years) == expected
    else:
        assert add_years(day, years) == add_months(day, 12 * years)


@FAST
@given(start=days, end=days)
def test_whole_months_between_agrees_with_age(start, end):
    if end >= start:
        assert whole_months_between(start, end) // 12 == age_on(start, end)
