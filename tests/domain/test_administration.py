"""The checks of one injection record (domain/administration.py): kit, site, times, vital signs."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from trialdesk.domain.administration import VITAL_LIMITS, Administration, Vitals, check_administration
from trialdesk.domain.errors import RuleViolation

NOW = datetime(2026, 3, 30, 10, 0, tzinfo=timezone.utc)
GIVEN = Administration(kit_number="KTS-000123", injection_site="abdomen_left", started_at=NOW - timedelta(minutes=30),
                       ended_at=NOW - timedelta(minutes=25), vitals_before=Vitals(128, 82, 71, 36.8),
                       vitals_after=Vitals(124, 80, 74, 36.9))


def test_a_complete_record_passes():
    check_administration(GIVEN, NOW)
    check_administration(replace(GIVEN, vitals_before=Vitals(), vitals_after=Vitals()), NOW)  # not measured
    check_administration(replace(GIVEN, ended_at=NOW + timedelta(minutes=4)), NOW)  # workstation clocks drift


@pytest.mark.parametrize(("changes", "field"), [
    ({"kit_number": " "}, "kit_number"),
    ({"kit_number": "KIT 12"}, "kit_number"),
    ({"kit_number": "K" * 41}, "kit_number"),
    ({"injection_site": "thigh"}, "injection_site"),
    ({"started_at": datetime(2026, 3, 30, 9, 30)}, "started_at"),
    ({"ended_at": NOW + timedelta(minutes=6)}, "ended_at"),
    ({"ended_at": NOW - timedelta(minutes=40)}, "ended_at"),
    ({"vitals_before": Vitals(bp_sys=300)}, "bp_sys_before"),
    ({"vitals_after": Vitals(pulse=19)}, "pulse_after"),
    ({"vitals_after": Vitals(temp=43.1)}, "temp_after"),
])
def test_each_broken_rule_names_its_field(changes, field):
    with pytest.raises(RuleViolation) as caught:
        check_administration(replace(GIVEN, **changes), NOW)
    assert caught.value.field == field


@pytest.mark.parametrize("name", sorted(VITAL_LIMITS))
def test_the_limits_of_each_vital_sign_are_inclusive(name):
    low, high = VITAL_LIMITS[name]
    for value in (low, high):
        check_administration(replace(GIVEN, vitals_before=Vitals(**{name: value})), NOW)
    with pytest.raises(RuleViolation, match="not a plausible value"):
        check_administration(replace(GIVEN, vitals_before=Vitals(**{name: high + 1})), NOW)
