"""Adverse-event rules (domain/adverse_events.py): the checks of one AE record and the SAE deadline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from trialdesk.domain.adverse_events import AdverseEventInput, check_adverse_event, sae_due_at
from trialdesk.domain.errors import RuleViolation

TODAY = date(2026, 5, 28)
AE = AdverseEventInput(verbatim="red where the injection went in", term="injection_site_reaction",
                       onset_date=date(2026, 5, 25), grade=1, serious=False, causality="probable",
                       action_taken="none", outcome="recovered", end_date=date(2026, 5, 27))
SAE = replace(AE, grade=3, serious=True, sae_criteria=frozenset({"sae_hospitalisation"}), outcome="recovering",
              end_date=None)


def test_a_complete_event_passes(protocol):
    check_adverse_event(protocol, AE, TODAY)
    check_adverse_event(protocol, SAE, TODAY)
    check_adverse_event(protocol, replace(AE, grade=5, outcome="fatal", serious=True,
                                          sae_criteria=frozenset({"sae_death"})), TODAY)


@pytest.mark.parametrize(("changes", "field"), [
    ({"verbatim": "  "}, "verbatim"),
    ({"term": "sunburn"}, "term"),
    ({"term": "other_specify"}, "other_specify"),
    ({"term": "fatigue", "grade": 4}, "grade"),
    ({"term": "anaphylaxis", "grade": 2}, "grade"),
    ({"grade": 6}, "grade"),
    ({"onset_date": TODAY + timedelta(days=1), "end_date": None}, "onset_date"),
    ({"end_date": date(2026, 5, 24)}, "end_date"),
    ({"end_date": TODAY + timedelta(days=1)}, "end_date"),
    ({"outcome": "fatal"}, "outcome"),
    ({"grade": 5, "serious": True, "sae_criteria": frozenset({"sae_death"})}, "outcome"),
    ({"causality": "maybe"}, "causality"),
    ({"action_taken": "shrugged"}, "action_taken"),
    ({"outcome": "better"}, "outcome"),
    ({"serious": True}, "serious"),
    ({"sae_criteria": frozenset({"sae_hospitalisation"})}, "serious"),
    ({"serious": True, "sae_criteria": frozenset({"sae_boredom"})}, "serious"),
    ({"grade": 5, "outcome": "fatal", "serious": True, "sae_criteria": frozenset({"sae_hospitalisation"})},
     "serious"),
])
def test_each_broken_rule_names_its_field(protocol, changes, field):
    with pytest.raises(RuleViolation) as caught:
        check_adverse_event(protocol, replace(AE, **changes), TODAY)
    assert caught.value.field == field


def test_the_sae_report_is_due_the_protocols_hours_after_awareness(protocol):
    aware = datetime(2026, 3, 29, 23, 15, tzinfo=timezone.utc)
    assert protocol.sae_report_hours == 24
    assert sae_due_at(protocol, aware) == datetime(2026, 3, 30, 23, 15, tzinfo=timezone.utc)
    assert sae_due_at(replace(protocol, sae_report_hours=72), aware) == aware + timedelta(hours=72)
