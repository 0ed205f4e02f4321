"""The visit schedule: planned dates from inclusion and first dose, windows, derived dates, visit states."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trialdesk.domain.schedule import build_schedule, visit_state

FAST = settings(max_examples=150, deadline=None)
D = date.fromisoformat


def test_planned_from_inclusion(protocol):
    s = build_schedule(protocol, D("2026-01-05"))
    assert s.planned_first_dose == D("2026-03-30")
    assert s.first_dose is None
    assert [d.target for d in s.doses] == [D("2026-03-30"), D("2026-04-13"), D("2026-04-27"),
                                          D("2026-09-14"), D("2026-09-28")]
    assert [d.code for d in s.doses] == ["D1", "D2", "D3", "D4", "D5"]
    assert s.end_of_study.target == D("2027-05-24")
    assert s.last_dose == D("2026-09-28")
    assert s.contraception_until == D("2027-03-15")
    assert s.contraception_from == D("2026-03-02")
    assert s.alert_card_until == D("2027-03-28")
    assert s.protocol_version == "1.0"


def test_first_dose_later_than_planned(protocol):
    s = build_schedule(protocol, D("2026-01-05"), [D("2026-04-08")])
    assert s.planned_first_dose == D("2026-03-30")
    assert s.first_dose == D("2026-04-08")
    assert [d.target for d in s.doses] == [D("2026-04-08"), D("2026-04-22"), D("2026-05-06"),
                                          D("2026-09-23"), D("2026-10-07")]
    assert s.end_of_study.target == D("2027-05-24")        # counts from inclusion, not the first dose
    assert s.contraception_until == D("2027-03-24")
    assert s.alert_card_until == D("2027-04-07")


def test_alert_card_clamps_to_month_end(protocol):
    # Last dose 31 August (first dose 26 weeks earlier, 1 March 2027) + 6 months -> 29 February 2028.
    s = build_schedule(protocol, D("2026-12-01"), [D("2027-02-28") + timedelta(days=1)])
    assert s.doses[-1].target == D("2027-08-30")
    s = build_schedule(protocol, D("2026-12-01"), [D("2027-03-02")])
    assert s.doses[-1].target == D("2027-08-31")
    assert s.alert_card_until == D("2028-02-29")
    s = build_schedule(protocol, D("2025-12-01"), [D("2026-03-02")])
    assert s.doses[-1].target == D("2026-08-31")
    assert s.alert_card_until == D("2027-02-28")


def test_a_late_actual_last_dose_extends_contraception_and_alert_card(protocol):
    on_time = build_schedule(protocol, D("2026-01-05"), [D("2026-03-30")])
    late = build_schedule(protocol, D("2026-01-05"), [D("2026-03-30"), None, None, None, D("2026-10-02")])
    assert late.last_dose == D("2026-10-02")
    assert late.contraception_until == on_time.contraception_until + timedelta(days=4)
    early = build_schedule(protocol, D("2026-01-05"), [D("2026-03-30"), None, None, None, D("2026-09-25")])
    assert early.contraception_until == on_time.contraception_until   # never shortened


def test_windows(protocol):
    s = build_schedule(protocol, D("2026-01-05"), [D("2026-04-08")])
    d1, d2, d4 = s.visit("D1"), s.visit("D2"), s.visit("D4")
    # D1's window is around the planned first dose, not the actual one.
    assert (d1.window_start, d1.window_end) == (D("2026-03-23"), D("2026-04-13"))
    assert (d2.window_start, d2.window_end) == (D("2026-04-19"), D("2026-04-25"))
    assert (d4.window_start, d4.window_end) == (D("2026-09-16"), D("2026-09-30"))


def test_contacts_end_of_study_and_follow_ups(protocol):
    s = build_schedule(protocol, D("2026-01-05"))
    codes = [v.code for v in s.visits]
    assert codes[:3] == ["D1", "D2", "D3"]
    assert {"PH1", "PH2", "PH3", "PH4", "CONS1", "CONS2", "EOS"} <= set(codes)
    assert s.visit("PH1").target == D("2026-03-30") + timedelta(weeks=8)
    assert s.visit("CONS2").kind == "consultation"
    assert [f.code for f in s.follow_ups] == ["FU1", "FU2", "FU3", "FU4", "FU5", "FU6"]
    assert [f.target for f in s.follow_ups] == [D("2027-11-24"), D("2028-05-24"), D("2028-11-24"),
                                                D("2029-05-24"), D("2029-11-24"), D("2030-05-24")]
    assert s.follow_ups[0].label_en == "Long-term follow-up 1 (phone and form)"
    assert s.follow_ups[5].label_nb == "Langtidsoppfølging 6 (telefon og skjema)"
    assert [v.target for v in s.visits] == sorted(v.target for v in s.visits)


def test_bad_input(protocol):
    with pytest.raises(ValueError, match="before inclusion"):
        build_schedule(protocol, D("2026-01-05"), [D("2026-01-04")])
    with pytest.raises(ValueError, match="6 dose dates"):
        build_schedule(protocol, D("2026-01-05"), [None] * 6)


@pytest.mark.parametrize(("today", "done_on", "missed", "state"), [
    ("2026-04-09", None, False, "upcoming"),   # day before the window opens
    ("2026-04-10", None, False, "due"),        # window start
    ("2026-04-13", None, False, "due"),        # target
    ("2026-04-16", None, False, "due"),        # window end
    ("2026-04-17", None, False, "overdue"),    # day after the window
    ("2026-04-17", "2026-04-14", False, "done"),
    ("2026-04-01", "2026-04-01", False, "done"),
    ("2026-04-17", None, True, "missed"),
])
def test_visit_state(protocol, today, done_on, missed, state):
    d2 = build_schedule(protocol, D("2026-01-05")).visit("D2")
    assert visit_state(d2, D(today), D(done_on) if done_on else None, missed) == state


@FAST
@given(inclusion=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
       delay=st.integers(min_value=0, max_value=60))
def test_schedule_properties(protocol, inclusion, delay):
    planned = inclusion + timedelta(weeks=12)
    s = build_schedule(protocol, inclusion, [planned + timedelta(days=delay)])
    first = planned + timedelta(days=delay)
    assert [(d.target - first).days for d in s.doses] == [0, 14, 28, 168, 182]
    assert s.end_of_study.target == inclusion + timedelta(days=504)
    assert s.contraception_until == s.doses[-1].target + timedelta(days=168)
    card = s.alert_card_until
    assert (card.year * 12 + card.month) - (s.last_dose.year * 12 + s.last_dose.month) == 6
    assert card.day == s.last_dose.day or (card + timedelta(days=1)).day == 1
    for visit in s.visits:
        assert visit.window_start <= visit.window_end
