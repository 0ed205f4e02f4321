"""Calendar arithmetic for clinical rules: whole-year ages, year and month offsets, weeks."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

__all__ = ["add_months", "add_weeks", "add_years", "age_on", "whole_months_between"]


def add_years(day: date, years: int) -> date:
    """``day`` moved by ``years`` calendar years; 29 February becomes 1 March in a common year.

    This is the birthday convention of eligibility rule I2 (someone born 29 February turns a year
    older on 1 March in common years), and the same convention is used for durations such as
    "disease onset + 2 years" (I4), so that ``age_on(d, add_years(d, n)) == n`` always holds.
    """
    year = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 3, 1)
    return day.replace(year=year)


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months; a day missing in the target month becomes its last day.

    31 August + 6 months is 28 February (29 in a leap year). Used for the alert-card validity and
    the 6-monthly follow-ups. Note the difference from :func:`add_years` (which moves 29 February to
    1 March): the month rule clamps, as the vectors README defines it for the alert card.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def add_weeks(day: date, weeks: int) -> date:
    """``day`` plus ``weeks`` × 7 days."""
    return day + timedelta(days=7 * weeks)


def age_on(birth_date: date, day: date) -> int:
    """Age in whole years on ``day`` (negative when ``day`` is before the birth date).

    The birthday is reached on the same month and day; someone born 29 February has their
    birthday on 1 March in common years (see :func:`add_years`).
    """
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def whole_months_between(start: date, end: date) -> int:
    """Whole calendar months from ``start`` to ``end`` (for showing durations as "1 year 11 months").

    A month is complete when the same day of the month is reached (29–31 of a short month is
    reached on the 1st of the next, as for birthdays). Negative when ``end`` is before ``start``.
    """
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end >= start:
        if end.day < start.day:
            months -= 1
    elif end.day > start.day:
        months += 1
    return months
