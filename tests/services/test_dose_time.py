"""Go / no-go is decided at the injection time that was entered, not at the moment of saving (issue 11, item 5)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.printouts.test_documents import flat
from tests.services.test_visits import D1_DAY, OSLO, administration, enrolled, entries  # noqa: F401 (fixture)
from trialdesk.errors import ValidationError
from trialdesk.services import printing
from trialdesk.services import screening as sc
from trialdesk.services import visits as vs


def _window_end(store, nurse, pid):
    status = vs.go_no_go(store, nurse, pid, "D1", now=D1_DAY)
    return datetime.fromisoformat(status.window[1]).date()


def _prepare(store, nurse, pid, injection_at: datetime, premedication_at: datetime):
    vs.record_blood_bank(store, nurse, pid, type_and_screen_on=D1_DAY.date() - timedelta(days=20),
                         alert_card_on=D1_DAY.date() - timedelta(days=20))
    vs.record_pre_dose_labs(store, nurse, pid, "D1", sampled_at=injection_at - timedelta(hours=6),
                            entries=entries(), read_back={"IGG", "NK"})
    vs.record_pregnancy_test(store, nurse, pid, "D1", "negative", day=injection_at.date())
    for premed in sc.protocol().pre_dose.premedication:
        vs.record_premedication(store, nurse, pid, "D1", premed.code, premedication_at)


def test_injection_at_2350_on_the_last_day_saved_at_0010_is_a_go(store, nurse, enrolled, clock):  # noqa: F811
    last = _window_end(store, nurse, enrolled)
    injection = datetime(last.year, last.month, last.day, 23, 50, tzinfo=OSLO)
    premedication = datetime(last.year, last.month, last.day, 21, 0, tzinfo=OSLO)
    clock.set(premedication + timedelta(minutes=5))
    _prepare(store, nurse, enrolled, injection, premedication)
    saved_at = injection + timedelta(minutes=20)  # 00:10 the next day: outside the window, premedication 3 h 10 ago
    clock.set(saved_at)
    assert saved_at.date() > last
    # At the moment of saving the checks would fail (day outside the window, premedication too early) ...
    assert vs.go_no_go(store, nurse, enrolled, "D1").verdict == "no_go"
    # ... but the dose was given at 23:50, inside the window, 2 h 50 after premedication: a go.
    assert vs.go_no_go(store, nurse, enrolled, "D1", now=injection).verdict == "go"
    assert vs.record_administration(store, nurse, enrolled, "D1", administration(injection)) == "go"
    record = vs.visit_record(store, nurse, enrolled, "D1")
    assert (record.verdict, record.visit_date, record.window_reason) == ("go", last, None)
    # The screen shows the recorded verdict; the printout re-evaluates at the administration time: both say GO.
    text = flat(printing.visit_summary(store, nurse, enrolled, "D1", language="en"))
    assert "recorded at administration: GO" in text, text[:2000]
    assert "GO only with a reason" not in text and "NO-GO" not in text


def test_injection_time_outside_the_window_needs_a_reason_even_when_saved_inside(store, nurse, enrolled, clock):  # noqa: F811
    last = _window_end(store, nurse, enrolled)
    injection = datetime(last.year, last.month, last.day, 23, 50, tzinfo=OSLO) + timedelta(days=1)  # the day after
    premedication = injection - timedelta(hours=2)
    clock.set(premedication + timedelta(minutes=5))
    _prepare(store, nurse, enrolled, injection, premedication)
    clock.set(injection + timedelta(minutes=20))
    with pytest.raises(ValidationError, match="outside its window") as err:
        vs.record_administration(store, nurse, enrolled, "D1", administration(injection))
    assert err.value.field == "window_reason"
    # A start time typed inside the window would not change that the injection entered is outside it.
    assert vs.go_no_go(store, nurse, enrolled, "D1", now=injection).verdict == "needs_reason"
    assert vs.record_administration(store, nurse, enrolled, "D1", administration(injection),
                                    window_reason="participant was delayed by snow") == "needs_reason"
    assert vs.visit_record(store, nurse, enrolled, "D1").verdict == "needs_reason"


def test_a_start_time_after_the_moment_of_saving_is_refused(store, nurse, enrolled, clock):  # noqa: F811
    clock.set(D1_DAY)
    with pytest.raises(ValidationError, match="future") as err:
        vs.record_administration(store, nurse, enrolled, "D1", administration(D1_DAY + timedelta(hours=1)))
    assert err.value.field == "started_at"


def test_the_protocol_s_kit_labels_and_observation_are_checked(monkeypatch):
    """Issue 13 item 5: a kit number must read like the protocol's kit labels, and "observe until" is required
    when the protocol asks for an observation period (a correction of an older record does not ask for it)."""
    from dataclasses import replace as swap

    import trialdesk.services.visits.dosing as dosing
    from trialdesk.domain.protocol.model import AdministrationRules

    rules = sc.protocol().administration
    assert rules.observation_minutes == 60 and rules.kit_number_example == "KTS11-100101"
    strict = AdministrationRules(kit_number_pattern=r"KTS11-\d{6}", kit_number_example="KTS11-100101",
                                 observation_minutes=60)
    kts11 = sc.protocol()
    monkeypatch.setattr(dosing, "protocol", lambda: swap(kts11, administration=strict))
    admin = administration(vs.utc_now() - timedelta(hours=3))
    with pytest.raises(ValidationError) as refused:
        vs.check_administration(admin)  # KIT-000123
    assert refused.value.field == "kit_number" and "KTS11-100101" in str(refused.value)
    vs.check_administration(swap(admin, kit_number="kts11-100555"))  # as scanned, in any case
    with pytest.raises(ValidationError) as refused:
        vs.check_administration(swap(admin, kit_number="KTS11-100555", observation_until=None))
    assert refused.value.field == "observation_until" and "60 minutes" in str(refused.value)
    vs.check_administration(swap(admin, kit_number="KTS11-100555", observation_until=None), new=False)


@pytest.mark.parametrize("section, problem", [
    ('kit_number_pattern = "KTS11-[0-9]{6}"\nkit_number_example = "KIT-1"', "does not match kit_number_pattern"),
    ('kit_number_pattern = "KTS11-("\nkit_number_example = "KTS11-100101"', "is not a regular expression"),
    ("observation_minutes = -5", "must be 0 to 1440 minutes"),
])
def test_the_protocol_reader_checks_the_administration_rules(section, problem):
    from trialdesk.domain.protocol.reader import DEFAULT_PROTOCOL_PATH, ProtocolError, parse_protocol

    text = DEFAULT_PROTOCOL_PATH.read_text(encoding="utf-8")
    start = text.index("[administration]")
    end = text.index("[disposition]")
    broken = text[:start] + "[administration]\n" + section + "\n\n" + text[end:]
    import tomllib

    with pytest.raises(ProtocolError, match=problem):
        parse_protocol(tomllib.loads(broken), base_dir=DEFAULT_PROTOCOL_PATH.parent)
