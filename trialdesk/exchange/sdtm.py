"""SDTM derivations of the CSV export that are not a stored code mapped to a term (those are the record
registry's ``Derived`` values): local ISO 8601 date/times, VISITNUM, EPOCH, reference ranges in the unit as
entered, numbers as text.

Pure functions of plain data (no store): ``services.exports`` reads the rows and calls them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from trialdesk.clock import LOCAL_TZ
from trialdesk.domain.labs import format_decimal, normalise_unit, reference_range
from trialdesk.domain.protocol.model import Protocol
from trialdesk.domain.schedule import build_schedule

__all__ = ["SCREENING", "Timeline", "VisitNumber", "epoch", "local_day", "local_dtc", "number_text",
           "original_range", "standard_range", "visit_numbers"]

SCREENING = "SCREENING"
"""VISIT of the screening visit (the protocol's calendar starts at inclusion)."""

# EPOCH (C99079) values, in study order.
SCREENING_EPOCH, BASELINE, TREATMENT, FOLLOW_UP, LONG_TERM_FOLLOW_UP = (
    "SCREENING", "BASELINE", "TREATMENT", "FOLLOW-UP", "LONG-TERM FOLLOW-UP")


def _moment(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)  # "…Z" too (Python 3.11)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_dtc(stamp: str | None) -> str | None:
    """A stored UTC stamp (``2026-03-01T23:30:00.000000Z``) as SDTM --DTC: the Oslo date and time to the second
    with its UTC offset (``2026-03-02T00:30:00+01:00``). The offset keeps the hour the clocks go back unambiguous."""
    if not stamp:
        return None
    return _moment(stamp).astimezone(LOCAL_TZ).isoformat(timespec="seconds")


def local_day(stamp: str | None) -> date | None:
    """The Oslo date of a stored UTC stamp."""
    return _moment(stamp).astimezone(LOCAL_TZ).date() if stamp else None


def number_text(value) -> str | None:
    """A number as the CSV writes it: decimal point, no exponent, no trailing ``.0`` (95.0 -> ``95``)."""
    if value is None:
        return None
    if isinstance(value, float):
        text = repr(value)
        if "e" in text or "E" in text:
            return format_decimal(Decimal(text))
        return text.removesuffix(".0")
    if isinstance(value, Decimal):
        return format_decimal(value.normalize())
    return str(value)


# --- VISITNUM ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class VisitNumber:
    number: int
    code: str
    label: str


def visit_numbers(protocol: Protocol) -> dict[str, VisitNumber]:
    """VISITNUM of every visit the protocol plans: screening 1, then the protocol's calendar (doses, phone
    contacts, consultations, end of study, long-term follow-ups) in the order of their target dates counted from
    inclusion, doses first on the same day (``Schedule.visits``): D1 2, D2 3, D3 4, PH1 5 … FU6. The order is the
    same for every participant, so the number is stable; a protocol amendment that adds a visit renumbers."""
    plan = build_schedule(protocol, protocol.version_date)
    visits = [(SCREENING, "Screening")] + [(v.code, v.label_en) for v in plan.visits]
    return {code: VisitNumber(n, code, label) for n, (code, label) in enumerate(visits, start=1)}


# --- EPOCH ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Timeline:
    """The dates that bound a participant's epochs (Oslo dates; None when not reached)."""

    inclusion: date | None = None
    first_dose: date | None = None
    treatment_end: date | None = None  # the last dose given, or the study drug discontinued
    study_end: date | None = None      # the end of study completed


def epoch(timeline: Timeline, day: date | str | None) -> str | None:
    """The EPOCH a day falls in: SCREENING up to the inclusion day (included: eligibility is confirmed at the
    end of screening), BASELINE (the protocol's observation without treatment) up to the day before the first
    dose, TREATMENT from the first dose to the end of treatment (both days included), FOLLOW-UP up to the end
    of study (included), LONG-TERM FOLLOW-UP after it."""
    if day is None:
        return None
    day = date.fromisoformat(day[:10]) if isinstance(day, str) else day
    t = timeline
    if t.inclusion is None or day <= t.inclusion:
        return SCREENING_EPOCH
    if t.first_dose is None or day < t.first_dose:
        return BASELINE
    if t.treatment_end is None or day <= t.treatment_end:
        return TREATMENT
    if t.study_end is None or day <= t.study_end:
        return FOLLOW_UP
    return LONG_TERM_FOLLOW_UP


# --- reference ranges ----------------------------------------------------------------------------------

def _bounds(low: Decimal | None, high: Decimal | None, factor: Decimal) -> tuple[str | None, str | None]:
    def one(x):
        return None if x is None else number_text(x / factor)
    return one(low), one(high)


def standard_range(protocol: Protocol, analyte: str, sex: str | None, age: int | None
                   ) -> tuple[str | None, str | None] | None:
    """(LBSTNRLO, LBSTNRHI): the protocol's reference range in its unit (LBSTRESU); None when none applies."""
    ref = reference_range(protocol, analyte, sex, age)
    return None if ref is None else _bounds(ref.low, ref.high, Decimal(1))


def original_range(protocol: Protocol, analyte: str, entered_unit: str | None, sex: str | None, age: int | None
                   ) -> tuple[str | None, str | None] | None:
    """(LBORNRLO, LBORNRHI): the reference range in the unit the result was entered in (LBORRESU): Hb
    117–153 g/L entered in g/dL is 11.7–15.3. None when no range applies or the unit is not the analyte's."""
    ref = reference_range(protocol, analyte, sex, age)
    if ref is None or not entered_unit:
        return None
    factor = protocol.lab(analyte).factor(normalise_unit(entered_unit))
    if factor is None:
        return None
    return _bounds(ref.low, ref.high, factor)
