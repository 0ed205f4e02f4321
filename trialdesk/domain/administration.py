"""One injection record: kit number, site, times and vital signs, and the checks that need no store."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from trialdesk.domain.errors import RuleViolation
from trialdesk.domain.protocol.model import AdministrationRules

INJECTION_SITES = ("abdomen_left", "abdomen_right")
VITAL_LIMITS = {"bp_sys": (50, 260), "bp_dia": (20, 160), "pulse": (20, 250), "temp": (30.0, 43.0)}
"""Plausible ranges of the vital signs (mmHg, mmHg, beats/min, °C): outside is a typing error."""
CLOCK_SLACK = timedelta(minutes=5)
"""How far in the future a typed time may be (workstation clocks drift)."""
KIT_CHARACTERS = "-_/."


@dataclass(frozen=True)
class Vitals:
    """Blood pressure (mmHg), pulse (beats/min) and temperature (°C); None where not measured."""

    bp_sys: int | None = None
    bp_dia: int | None = None
    pulse: int | None = None
    temp: float | None = None


@dataclass(frozen=True)
class Administration:
    """What the nurse records about the injection. No treatment arm: the kit number is all."""

    kit_number: str
    injection_site: str
    started_at: datetime
    ended_at: datetime
    lot: str | None = None
    observation_until: datetime | None = None
    vitals_before: Vitals = Vitals()
    vitals_after: Vitals = Vitals()


def check_vitals(when: str, vitals: Vitals) -> None:
    """Each measured vital sign within :data:`VITAL_LIMITS` (field ``<name>_<when>``, e.g. ``pulse_before``)."""
    for name, (low, high) in VITAL_LIMITS.items():
        value = getattr(vitals, name)
        if value is not None and not (low <= value <= high):
            raise RuleViolation("{value} is not a plausible value ({low}–{high}).",
                                field=f"{name}_{when}", value=value, low=low, high=high)


def check_administration(a: Administration, now: datetime, rules: AdministrationRules | None = None, *,
                         new: bool = True) -> None:
    """The checks of one injection record that need no store: kit format (and the protocol's kit-label pattern),
    injection site, times (aware, not after ``now``, end not before start), plausible vital signs and, for a
    ``new`` record when the protocol asks for an observation period, the end of the observation.
    :class:`RuleViolation` at the field."""
    kit = (a.kit_number or "").strip()
    if not kit or len(kit) > 40 or not all(c.isalnum() or c in KIT_CHARACTERS for c in kit):
        raise RuleViolation("Scan or type the kit number from the label (letters, digits, '-').",
                            field="kit_number")
    if rules is not None and rules.kit_number_pattern and not re.fullmatch(rules.kit_number_pattern, kit.upper()):
        raise RuleViolation("{kit} is not a kit number of this trial (the labels read like {example}): scan or "
                            "type it again from the label.", field="kit_number", kit=kit,
                            example=rules.kit_number_example)
    if new and rules is not None and rules.observation_minutes and a.observation_until is None:
        raise RuleViolation("Enter when the observation ends: the protocol asks for {minutes} minutes of "
                            "observation after the injection.", field="observation_until",
                            minutes=rules.observation_minutes)
    if a.injection_site not in INJECTION_SITES:
        raise RuleViolation("Choose the injection site: abdomen left or right.", field="injection_site")
    for name, moment in (("started_at", a.started_at), ("ended_at", a.ended_at)):
        if moment.tzinfo is None:
            raise RuleViolation("The time needs a time zone.", field=name)
        if moment > now + CLOCK_SLACK:
            raise RuleViolation("The time is in the future.", field=name)
    if a.ended_at < a.started_at:
        raise RuleViolation("The injection cannot end before it started.", field="ended_at")
    check_vitals("before", a.vitals_before)
    check_vitals("after", a.vitals_after)
