"""The participant's visit calendar: planned doses, contacts, end of study, follow-ups and derived dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, Sequence

from trialdesk.domain.dates import add_months, add_weeks
from trialdesk.domain.protocol.model import Protocol

__all__ = ["PlannedVisit", "Schedule", "VisitState", "build_schedule", "visit_state"]

VisitState = Literal["upcoming", "due", "overdue", "done", "missed", "cancelled"]


@dataclass(frozen=True)
class PlannedVisit:
    """A visit or contact: ``code`` (``D1``…, ``PH1``…, ``CONS1``…, ``EOS``, ``FU1``…), its
    ``kind`` (``dose``, ``phone``, ``consultation``, ``end_of_study``, ``follow_up``), target date
    and window (inclusive)."""

    code: str
    kind: str
    label_en: str
    label_nb: str
    target: date
    window_start: date
    window_end: date


@dataclass(frozen=True)
class Schedule:
    """A participant's calendar, computed from the protocol version it names.

    ``first_dose`` is the actual first dose (None until given); ``last_dose`` is the last
    scheduled dose that ``contraception_until`` and ``alert_card_until`` count from.
    """

    protocol_version: str
    inclusion_date: date
    planned_first_dose: date
    first_dose: date | None
    doses: tuple[PlannedVisit, ...]
    contacts: tuple[PlannedVisit, ...]
    end_of_study: PlannedVisit
    follow_ups: tuple[PlannedVisit, ...]
    last_dose: date
    contraception_from: date
    contraception_until: date
    alert_card_until: date

    @property
    def visits(self) -> tuple[PlannedVisit, ...]:
        """Every visit and contact in date order (doses first on the same day)."""
        every = self.doses + self.contacts + (self.end_of_study,) + self.follow_ups
        return tuple(sorted(every, key=lambda visit: visit.target))

    def visit(self, code: str) -> PlannedVisit:
        """The visit with this code (``KeyError`` if none)."""
        for visit in self.visits:
            if visit.code == code:
                return visit
        raise KeyError(code)


def _visit(code: str, kind: str, label_en: str, label_nb: str, target: date, around: date,
           before: int, after: int) -> PlannedVisit:
    return PlannedVisit(code=code, kind=kind, label_en=label_en, label_nb=label_nb, target=target,
                        window_start=around - timedelta(days=before), window_end=around + timedelta(days=after))


def build_schedule(protocol: Protocol, inclusion_date: date,
                   dose_dates: Sequence[date | None] = ()) -> Schedule:
    """The calendar for a participant included on ``inclusion_date``.

    ``dose_dates`` are the actual dates of doses 1, 2, … given so far (None for not given). The
    first dose is planned ``baseline_weeks`` after inclusion; doses are due at the protocol's weeks
    from the first dose (the actual one once given, else the planned one); contacts count from the
    first dose too; the end of study counts from inclusion; long-term follow-ups are calendar
    months after the end of study.

    "Last scheduled dose" is the last dose's target date (first dose + its week, as the vectors
    README defines it); if an actual dose date given is later than that, the later date is used,
    so a late dose lengthens, and never shortens, contraception and the alert card.
    ``ValueError`` for more dose dates than doses, or a first dose before inclusion.
    """
    rules = protocol.schedule
    dose_dates = tuple(dose_dates)
    if len(dose_dates) > len(rules.doses):
        raise ValueError(f"{len(dose_dates)} dose dates given; the protocol has {len(rules.doses)} doses")
    planned_first = add_weeks(inclusion_date, rules.baseline_weeks)
    actual_first = dose_dates[0] if dose_dates else None
    if actual_first is not None and actual_first < inclusion_date:
        raise ValueError(f"first dose {actual_first.isoformat()} is before inclusion {inclusion_date.isoformat()}")
    first = actual_first or planned_first

    doses = []
    for rule in rules.doses:
        target = add_weeks(first, rule.week)
        around = planned_first if rule.window_around == "planned_first_dose" else target
        doses.append(_visit(rule.code, "dose", rule.label_en, rule.label_nb, target, around,
                            rule.window_before_days, rule.window_after_days))
    contacts = []
    for rule in rules.contacts:
        target = add_weeks(first, rule.week)
        contacts.append(_visit(rule.code, rule.kind, rule.label_en, rule.label_nb, target, target,
                               rule.window_before_days, rule.window_after_days))
    eos_rule = rules.end_of_study
    eos_day = add_weeks(inclusion_date, eos_rule.weeks_after_inclusion)
    end = _visit(eos_rule.code, "end_of_study", eos_rule.label_en, eos_rule.label_nb, eos_day, eos_day,
                 eos_rule.window_before_days, eos_rule.window_after_days)
    fu = rules.follow_up
    follow_ups = []
    for n in range(1, fu.count + 1):
        target = add_months(eos_day, fu.every_months * n)
        follow_ups.append(_visit(f"{fu.code_prefix}{n}", fu.kind, fu.label_en.format(n=n),
                                 fu.label_nb.format(n=n), target, target,
                                 fu.window_before_days, fu.window_after_days))

    given = [day for day in dose_dates if day is not None]
    last_dose = max([doses[-1].target, *given])
    return Schedule(
        protocol_version=protocol.version,
        inclusion_date=inclusion_date,
        planned_first_dose=planned_first,
        first_dose=actual_first,
        doses=tuple(doses),
        contacts=tuple(contacts),
        end_of_study=end,
        follow_ups=tuple(follow_ups),
        last_dose=last_dose,
        contraception_from=add_weeks(first, -rules.contraception_weeks_before_first_dose),
        contraception_until=add_weeks(last_dose, rules.contraception_weeks_after_last_dose),
        alert_card_until=add_months(last_dose, rules.alert_card_months_after_last_dose),
    )


def visit_state(visit: PlannedVisit, today: date, done_on: date | None = None,
                missed: bool = False, cancelled: bool = False) -> VisitState:
    """``done`` if done, ``missed`` if recorded as missed, ``cancelled`` if the participant's course no longer
    allows it (e.g. a dose after the study drug was discontinued), else ``upcoming`` (before the window),
    ``due`` (today inside the window, ends included) or ``overdue`` (past the window end)."""
    if done_on is not None:
        return "done"
    if missed:
        return "missed"
    if cancelled:
        return "cancelled"
    if today < visit.window_start:
        return "upcoming"
    if today <= visit.window_end:
        return "due"
    return "overdue"
