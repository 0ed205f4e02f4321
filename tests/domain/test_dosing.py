"""Go / no-go before a dose: each condition on each side, and how they add up to a verdict."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from trialdesk.domain.dosing import GO, NEEDS_REASON, NO_GO, DoseContext, LabOnFile, evaluate_dose
from trialdesk.domain.protocol import load_protocol
from trialdesk.domain.schedule import build_schedule

P = load_protocol()
S = build_schedule(P, date(2026, 1, 5))  # D1 planned 2026-03-30, window 03-23 .. 04-13
NOW = datetime(2026, 3, 30, 10, 0, tzinfo=timezone.utc)
GOOD_LABS = {"HB": 130, "NEUT": 3.0, "LYMPH": 1.5, "WBC": 6.0, "PLT": 200, "IGG": 8.0}


def ctx(**changes) -> DoseContext:
    base = DoseContext(
        visit=S.visit("D1"), day=date(2026, 3, 30), now=NOW, status="enrolled", eligibility_signed=True,
        woman_of_childbearing_potential=True, pregnancy_test="negative",
        labs={a: LabOnFile(v, date(2026, 3, 29)) for a, v in GOOD_LABS.items()},
        premedication={p.code: NOW - timedelta(hours=1.5) for p in P.pre_dose.premedication},
        type_and_screen_on=date(2026, 3, 1), alert_card_on=date(2026, 3, 1))
    return replace(base, **changes)


def verdict(**changes):
    return evaluate_dose(P, ctx(**changes))


def test_all_conditions_met_is_go():
    result = verdict()
    assert result.verdict == GO and not result.problems


@pytest.mark.parametrize("changes, kind", [
    ({"status": "screening"}, "enrolment"),
    ({"eligibility_signed": False}, "enrolment"),
    ({"pregnancy_test": None}, "pregnancy"),
    ({"pregnancy_test": "positive"}, "pregnancy"),
    ({"type_and_screen_on": None}, "type_and_screen"),
    ({"alert_card_on": None}, "alert_card"),
    ({"type_and_screen_on": date(2026, 3, 31)}, "type_and_screen"),  # after the dose day: not done yet
    ({"already_given_on": date(2026, 3, 29)}, "order"),
])
def test_each_missing_condition_is_no_go(changes, kind):
    result = verdict(**changes)
    assert result.verdict == NO_GO
    assert [c.kind for c in result.problems] == [kind]


def test_pregnancy_test_not_needed_for_men():
    assert verdict(woman_of_childbearing_potential=False, pregnancy_test=None).verdict == GO


@pytest.mark.parametrize("analyte, value, ok", [
    ("IGG", 3.0, True), ("IGG", 2.99, False), ("NEUT", 1.0, True), ("NEUT", 0.99, False),
    ("PLT", 75, True), ("PLT", 74, False),
])
def test_safety_limits_on_each_side(analyte, value, ok):
    labs = {a: LabOnFile(v, date(2026, 3, 29)) for a, v in GOOD_LABS.items()}
    labs[analyte] = LabOnFile(value, date(2026, 3, 29))
    result = verdict(labs=labs)
    assert (result.verdict == GO) == ok
    if not ok:
        [problem] = result.problems
        assert problem.analyte == analyte and "below the pre-dose safety limit" in problem.explanation.text()
        if analyte == "IGG":  # masked wording never shows the number
            assert "2.99" not in problem.masked.text() and "refer to the unblinded physician" in problem.masked.text()


def test_missing_and_stale_samples():
    labs = {a: LabOnFile(v, date(2026, 3, 29)) for a, v in GOOD_LABS.items() if a != "PLT"}
    assert "no pre-dose result" in verdict(labs=labs).problems[0].explanation.text()
    labs["PLT"] = LabOnFile(200, date(2026, 3, 26))  # 4 days before: limit is 3
    assert "more than 3 days" in verdict(labs=labs).problems[0].explanation.text()
    labs["PLT"] = LabOnFile(200, date(2026, 3, 27))  # exactly 3 days: fine
    assert verdict(labs=labs).verdict == GO


@pytest.mark.parametrize("hours, ok", [(0.9, False), (1.0, True), (3.0, True), (3.1, False)])
def test_premedication_timing(hours, ok):
    premed = {p.code: NOW - timedelta(hours=1.5) for p in P.pre_dose.premedication}
    premed["corticosteroid"] = NOW - timedelta(hours=hours)
    assert (verdict(premedication=premed).verdict == GO) == ok


def labs_on(day):
    return {a: LabOnFile(v, day - timedelta(days=1)) for a, v in GOOD_LABS.items()}


def test_outside_window_only_needs_a_reason():
    late, last = date(2026, 4, 14), date(2026, 4, 13)
    assert verdict(day=late, labs=labs_on(late)).verdict == NEEDS_REASON
    assert verdict(day=last, labs=labs_on(last)).verdict == GO
    assert verdict(day=late, labs=labs_on(late), alert_card_on=None).verdict == NO_GO


def test_later_doses_need_previous_doses_recorded():
    d2 = S.visit("D2")
    base = dict(visit=d2, day=d2.target, labs=labs_on(d2.target), type_and_screen_on=None, alert_card_on=None)
    assert verdict(previous_doses={"D1": ""}, **base).verdict == NO_GO
    assert verdict(previous_doses={"D1": "given"}, **base).verdict == GO  # T&S / card only before D1
