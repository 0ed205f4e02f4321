"""Injection visits on a real encrypted store: labs, go / no-go, administration, AEs, SAE clock, masking."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import PASSWORD
from tests.leaks import shows_value
from tests.services.test_screening import ELIGIBLE, JUDGED, consent, register, sign
from trialdesk.clock import local_now, local_today
from trialdesk.domain.people import Role
from trialdesk.errors import AuthError, PermissionDenied, ValidationError
from trialdesk.services import screening as sc
from trialdesk.services import visits as vs
from trialdesk.services.bounds import local_day

OSLO = ZoneInfo("Europe/Oslo")
TODAY = date(2026, 3, 2)
D1_DAY = datetime(2026, 5, 25, 10, 0, tzinfo=OSLO)  # planned first dose = inclusion + 12 weeks
PANEL = {"HB": ("13,2", "g/dL"), "NEUT": ("3,1", "10^9/L"), "LYMPH": ("1,6", "10^9/L"), "WBC": ("6,0", "10^9/L"),
         "PLT": ("240", "10^9/L"), "IGG": ("8,4", "g/L")}


@pytest.fixture
def enrolled(store, doctor):
    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, ELIGIBLE, JUDGED, today=TODAY)
    sign(store, doctor, pid)
    return pid


def entries(**override):
    values = {**PANEL, **override}
    return {a: vs.LabEntry(v, u) for a, (v, u) in values.items()}


def prepare_d1(store, nurse, pid, when=D1_DAY, labs=None, pregnancy="negative"):
    vs.record_blood_bank(store, nurse, pid, type_and_screen_on=date(2026, 5, 1), alert_card_on=date(2026, 5, 1))
    vs.record_pre_dose_labs(store, nurse, pid, "D1", sampled_at=when - timedelta(hours=2),
                            entries=labs or entries(), read_back={"IGG", "NK"})
    if pregnancy:
        vs.record_pregnancy_test(store, nurse, pid, "D1", pregnancy, day=local_day(when))
    for premed in sc.protocol().pre_dose.premedication:
        vs.record_premedication(store, nurse, pid, "D1", premed.code, when - timedelta(hours=1, minutes=30))


def administration(when=D1_DAY, kit="KIT-000123"):
    return vs.Administration(kit_number=kit, injection_site="abdomen_left", started_at=when,
                             ended_at=when + timedelta(minutes=5), lot="LOT-9",
                             observation_until=when + timedelta(hours=2),
                             vitals_before=vs.Vitals(122, 78, 66, 36.8), vitals_after=vs.Vitals(118, 76, 70, 36.9))


def test_labs_are_converted_flagged_and_graded(store, nurse, enrolled):
    views = vs.record_pre_dose_labs(store, nurse, enrolled, "D1", sampled_at=D1_DAY,
                                    entries=entries(NEUT=("1,4", "10^9/L"), HB=("9,5", "g/dL")), read_back={"IGG"})
    by = {v.analyte: v for v in views}
    assert by["HB"].value == 95.0 and by["HB"].flag == "L" and by["HB"].ctcae_grade == 2
    assert by["NEUT"].flag == "L" and by["NEUT"].ctcae_grade == 2
    assert by["IGG"].value == pytest.approx(8.4) and by["IGG"].flag is None and not by["IGG"].masked
    rows = store.db.execute("SELECT analyte, entered_value, entered_unit, value, unit FROM lab_results "
                            "WHERE analyte = 'HB'").fetchall()
    assert rows == [("HB", "9,5", "g/dL", 95.0, "g/L")]


@pytest.mark.parametrize("analyte, entry, needle", [
    ("NK", ("125", "10^9/L"), "did you mean"),
    ("IGG", ("4,9", "mmol/L"), "g/L"),
    ("PLT", ("abc", "10^9/L"), "number"),
])
def test_impossible_values_are_refused_at_the_field(store, nurse, enrolled, analyte, entry, needle):
    with pytest.raises(ValidationError) as err:
        vs.record_pre_dose_labs(store, nurse, enrolled, "D1", sampled_at=D1_DAY,
                                entries={analyte: vs.LabEntry(*entry)}, read_back={"IGG", "NK"})
    assert err.value.field == analyte and needle in str(err.value)
    assert store.db.execute("SELECT count(*) FROM lab_results").fetchone()[0] == 0


def test_critical_values_need_read_back(store, nurse, enrolled):
    with pytest.raises(ValidationError, match="Read IgG back") as err:
        vs.record_pre_dose_labs(store, nurse, enrolled, "D1", sampled_at=D1_DAY, entries=entries())
    assert err.value.field == "IGG"


def test_no_labs_or_dose_before_enrolment(store, doctor, nurse):
    pid = register(store, doctor)
    with pytest.raises(ValidationError, match="before enrolment"):
        vs.record_pre_dose_labs(store, nurse, pid, "D1", sampled_at=D1_DAY, entries=entries(), read_back={"IGG"})


def test_monitor_cannot_record(store, users, enrolled):
    monitor = users[Role.MONITOR]
    with pytest.raises(PermissionDenied):
        vs.record_pre_dose_labs(store, monitor, enrolled, "D1", sampled_at=D1_DAY, entries=entries(), read_back={"IGG"})
    with pytest.raises(PermissionDenied):
        vs.record_administration(store, monitor, enrolled, "D1", administration(), now=D1_DAY)
    with pytest.raises(PermissionDenied):
        vs.record_adverse_event(store, monitor, enrolled, _ae())


def test_go_when_everything_is_done(store, nurse, enrolled):
    prepare_d1(store, nurse, enrolled)
    status = vs.go_no_go(store, nurse, enrolled, "D1", now=D1_DAY)
    assert status.verdict == "go", status.lines
    assert vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY) == "go"
    row = store.db.execute("SELECT state FROM dose_visits WHERE dose_code = 'D1'").fetchone()
    assert row == ("given",)
    status_row = store.db.execute("SELECT status FROM participants WHERE id = ?", [enrolled]).fetchone()
    assert status_row == ("on_treatment",)
    done = store.db.execute("SELECT done_on FROM planned_visits WHERE participant_id = ? AND code = 'D1'",
                            [enrolled]).fetchone()
    assert done == ("2026-05-25",)
    assert store.db.execute("SELECT count(*) FROM audit WHERE table_name = 'administrations'").fetchone()[0] == 1


def test_premedication_time_is_the_local_clock_time(store, nurse, enrolled):
    prepare_d1(store, nurse, enrolled)  # premedication at 08:30 Oslo time (06:30 UTC in May)
    status = vs.go_no_go(store, nurse, enrolled, "D1", now=D1_DAY)
    given = [e for _, e in status.reasons if e.code == "premed_given"]
    assert given and all(e.params["time"] == "08:30" for e in given), [e.text() for e in given]


def test_dose_status_carries_the_explanations_and_their_english(store, nurse, enrolled):
    prepare_d1(store, nurse, enrolled, pregnancy=None)
    status = vs.go_no_go(store, nurse, enrolled, "D1", now=D1_DAY)
    assert len(status.reasons) == len(status.decision.checks) == len(status.lines)
    assert status.lines == tuple((ok, e.text()) for ok, e in status.reasons)
    assert [e.code for e in status.problems] == ["pregnancy_required_missing"]


def test_no_go_for_missing_pregnancy_test_blocks_a_nurse(store, nurse, enrolled):
    prepare_d1(store, nurse, enrolled, pregnancy=None)
    status = vs.go_no_go(store, nurse, enrolled, "D1", now=D1_DAY)
    assert status.verdict == "no_go"
    assert any("pregnancy test required" in text for ok, text in status.lines if not ok)
    with pytest.raises(ValidationError, match="Only an investigator can override"):
        vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY,
                                 override_reason="clinically judged")


def test_investigator_override_needs_signature(store, doctor, nurse, enrolled):
    prepare_d1(store, nurse, enrolled, labs=entries(IGG=("2,5", "g/L")))
    assert vs.go_no_go(store, doctor, enrolled, "D1", now=D1_DAY).verdict == "no_go"
    with pytest.raises(AuthError):
        vs.record_administration(store, doctor, enrolled, "D1", administration(), now=D1_DAY,
                                 override_reason="IgG substitution planned", override_username=doctor.username,
                                 override_password="wrong-password-1")
    assert store.db.execute("SELECT count(*) FROM administrations").fetchone()[0] == 0
    verdict = vs.record_administration(store, doctor, enrolled, "D1", administration(), now=D1_DAY,
                                       override_reason="IgG substitution planned",
                                       override_username=doctor.username, override_password=PASSWORD)
    assert verdict == "no_go"
    sig = store.db.execute("SELECT s.meaning, s.username FROM dose_visits v JOIN signatures s "
                           "ON s.id = v.override_signature_id").fetchone()
    assert sig == (f"{vs.MEANING_OVERRIDE}: IgG substitution planned", doctor.username)


def test_outside_window_needs_a_reason(store, nurse, enrolled):
    late = D1_DAY + timedelta(days=20)
    prepare_d1(store, nurse, enrolled, when=late)
    assert vs.go_no_go(store, nurse, enrolled, "D1", now=late).verdict == "needs_reason"
    with pytest.raises(ValidationError, match="outside its window"):
        vs.record_administration(store, nurse, enrolled, "D1", administration(late), now=late)
    assert vs.record_administration(store, nurse, enrolled, "D1", administration(late), now=late,
                                    window_reason="participant had a cold") == "needs_reason"


def test_dose_order_and_kit_reuse(store, nurse, enrolled):
    d2 = D1_DAY + timedelta(days=14)
    with pytest.raises(ValidationError, match="D1 is not recorded"):
        vs.record_administration(store, nurse, enrolled, "D2", administration(d2), now=d2)
    prepare_d1(store, nurse, enrolled)
    vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY)
    with pytest.raises(ValidationError, match="already given"):
        vs.record_administration(store, nurse, enrolled, "D1", administration(kit="KIT-2"), now=D1_DAY)
    vs.record_pre_dose_labs(store, nurse, enrolled, "D2", sampled_at=d2 - timedelta(hours=2), entries=entries(),
                            read_back={"IGG"})
    vs.record_pregnancy_test(store, nurse, enrolled, "D2", "negative", day=d2.date())
    for premed in sc.protocol().pre_dose.premedication:
        vs.record_premedication(store, nurse, enrolled, "D2", premed.code, d2 - timedelta(hours=2))
    with pytest.raises(ValidationError, match="already used") as err:
        vs.record_administration(store, nurse, enrolled, "D2", administration(d2), now=d2)
    assert err.value.field == "kit_number"
    assert vs.record_administration(store, nurse, enrolled, "D2", administration(d2, kit="kit-000124"), now=d2) == "go"


def test_first_dose_moves_the_calendar(store, nurse, enrolled):
    late = D1_DAY + timedelta(days=10)  # still inside D1's window (+14 days)
    prepare_d1(store, nurse, enrolled, when=late)
    vs.record_administration(store, nurse, enrolled, "D1", administration(late), now=late)
    d2 = store.db.execute("SELECT target_date FROM planned_visits WHERE participant_id = ? AND code = 'D2'",
                          [enrolled]).fetchone()[0]
    assert d2 == (late.date() + timedelta(days=14)).isoformat()


def test_masking_after_first_dose(store, doctor, nurse, users, enrolled):
    prepare_d1(store, nurse, enrolled)
    before = {v.analyte: v for v in vs.lab_results(store, nurse, enrolled)}
    assert before["IGG"].value == pytest.approx(8.4)  # before the first dose: nothing to unblind
    vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY)
    d2 = D1_DAY + timedelta(days=14)
    vs.record_pre_dose_labs(store, nurse, enrolled, "D2", sampled_at=d2, read_back={"IGG", "NK"},
                            entries=entries(IGG=("2,1", "g/L"), NK=("40", "10^6/L")))
    seen = [v for v in vs.lab_results(store, nurse, enrolled) if v.sampled_at.startswith("2026-06-08")]
    masked = {v.analyte: v for v in seen}
    for analyte in ("IGG", "NK"):
        assert masked[analyte].masked and masked[analyte].value is None and masked[analyte].flag is None
        assert masked[analyte].entered is None
    assert "refer to the unblinded physician" in masked["IGG"].safety.text()
    assert not shows_value(masked["IGG"].safety.text(), "2.1")
    assert not masked["HB"].masked and masked["HB"].value == 132.0
    status = vs.go_no_go(store, nurse, enrolled, "D2", now=d2)
    assert status.verdict == "no_go"  # the safety flag still works while masked
    assert not any(shows_value(text, "2.1") for _, text in status.lines)
    with pytest.raises(ValidationError) as err:  # the no-go message is masked too
        vs.record_administration(store, nurse, enrolled, "D2", administration(d2, kit="KIT-000124"), now=d2,
                                 override_reason="clinically judged")
    assert "refer to the unblinded physician" in str(err.value) and not shows_value(str(err.value), "2.1")
    admin = users[Role.ADMINISTRATOR]
    vs.set_unblinded(store, admin, doctor.id, True, reason="designated unblinded safety physician")
    from trialdesk.db import users as users_repo

    unblinded = users_repo.get(store.db, doctor.id)
    shown = {v.analyte: v for v in vs.lab_results(store, unblinded, enrolled) if v.sampled_at.startswith("2026-06-08")}
    assert shown["IGG"].value == pytest.approx(2.1) and shown["IGG"].flag == "L"


def _ae(**kw):
    values = dict(verbatim="red and itchy where the injection went in", term="injection_site_reaction",
                  onset_date=date(2026, 5, 25), grade=1, serious=False, causality="probable", action_taken="none",
                  outcome="recovered", end_date=date(2026, 5, 27))
    values.update(kw)
    return vs.AdverseEventInput(**values)


@pytest.mark.parametrize("changes, field", [
    ({"grade": 5}, "outcome"),
    ({"outcome": "fatal"}, "outcome"),
    ({"serious": True}, "serious"),
    ({"sae_criteria": frozenset({"sae_hospitalisation"})}, "serious"),
    ({"term": "fatigue", "grade": 4}, "grade"),
    ({"end_date": date(2026, 5, 20)}, "end_date"),
    ({"onset_date": "tomorrow", "end_date": None}, "onset_date"),
    ({"term": "other_specify"}, "other_specify"),
    ({"verbatim": "  "}, "verbatim"),
])
def test_adverse_event_rules(store, nurse, enrolled, changes, field):
    if changes.get("onset_date") == "tomorrow":
        changes = {**changes, "onset_date": local_today() + timedelta(days=1)}
    with pytest.raises(ValidationError) as err:
        vs.record_adverse_event(store, nurse, enrolled, _ae(**changes))
    assert err.value.field == field


def test_sae_starts_a_24_hour_clock_until_reported(store, nurse, enrolled):
    vs.record_adverse_event(store, nurse, enrolled, _ae())
    aware = datetime(2026, 6, 1, 8, 0, tzinfo=timezone.utc)
    ae_id = vs.record_adverse_event(store, nurse, enrolled, _ae(
        verbatim="admitted with worsening symptoms", term="fatigue", grade=3, serious=True,
        sae_criteria=frozenset({"sae_hospitalisation"}), outcome="recovering", end_date=None,
        causality="possible", aware_at=aware))
    [clock] = vs.open_sae_clocks(store, nurse)
    assert clock.ae_id == ae_id and clock.due_at == aware + timedelta(hours=24)
    assert clock.remaining(aware + timedelta(hours=20)) == timedelta(hours=4)
    vs.mark_sae_reported(store, nurse, ae_id)
    assert vs.open_sae_clocks(store, nurse) == []
    fatal = _ae(grade=5, outcome="fatal", serious=True, sae_criteria=frozenset({"sae_death"}), term="lung_infection",
                verbatim="pneumonia", end_date=date(2026, 6, 3))
    vs.record_adverse_event(store, nurse, enrolled, fatal)


def test_correction_needs_reason_and_keeps_history(store, nurse, enrolled):
    vs.record_pre_dose_labs(store, nurse, enrolled, "D1", sampled_at=D1_DAY, entries=entries(), read_back={"IGG"})
    rid = store.db.execute("SELECT id FROM lab_results WHERE analyte = 'PLT'").fetchone()[0]
    with pytest.raises(ValidationError, match="reason"):
        vs.correct_lab_result(store, nurse, rid, vs.LabEntry("204", "10^9/L"), reason=" ")
    vs.correct_lab_result(store, nurse, rid, vs.LabEntry("204", "10^9/L"), reason="typing error, lab report says 204")
    old, new, reason, who = store.db.execute(
        "SELECT old_values, new_values, reason, username FROM audit WHERE table_name = 'lab_results' "
        "AND action = 'UPDATE'").fetchone()
    assert '"entered_value":"240"' in old and '"entered_value":"204"' in new
    assert reason == "typing error, lab report says 204" and who == nurse.username


def test_timeline_states_and_today_list(store, nurse, enrolled):
    before = vs.timeline(store, nurse, enrolled, today=date(2026, 5, 10))
    d1 = next(r for r in before if r.code == "D1")
    assert d1.state == "upcoming" and before == sorted(before, key=lambda r: (r.target, r.code))
    assert vs.due_today(store, nurse, date(2026, 5, 10)) == []
    [due] = vs.due_today(store, nurse, date(2026, 5, 25))
    assert (due.code, due.state, due.study_id) == ("D1", "due", "KTS11-H-001")
    [late] = vs.due_today(store, nurse, date(2026, 6, 20))
    assert late.state == "overdue"
    assert next(r for r in vs.timeline(store, nurse, enrolled, date(2026, 6, 20)) if r.code == "D1").state == "overdue"
    prepare_d1(store, nurse, enrolled)
    vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY)
    rows = {r.code: r for r in vs.timeline(store, nurse, enrolled, date(2026, 6, 8))}
    assert rows["D1"].state == "done" and rows["D1"].done_on == date(2026, 5, 25)
    assert rows["D2"].state == "due"
    assert [d.code for d in vs.due_today(store, nurse, date(2026, 6, 8))] == ["D2"]


def test_missed_dose_lets_the_next_go_ahead(store, nurse, enrolled):
    with pytest.raises(ValidationError, match="reason"):
        vs.mark_missed(store, nurse, enrolled, "D1", "")
    vs.mark_missed(store, nurse, enrolled, "D1", "participant in hospital")
    d2 = D1_DAY + timedelta(days=14)
    status = vs.go_no_go(store, nurse, enrolled, "D2", now=d2)
    assert not any("not recorded yet" in text for _, text in status.lines)
    rows = {r.code: r.state for r in vs.timeline(store, nurse, enrolled, d2.date())}
    assert rows["D1"] == "missed"
    # Recorded as not given by mistake: open again, with a reason; only a "not given" dose can be reopened.
    with pytest.raises(ValidationError) as err:
        vs.undo_missed(store, nurse, enrolled, "D1", "")
    assert err.value.field == "reason"
    with pytest.raises(ValidationError, match="not recorded as not given"):
        vs.undo_missed(store, nurse, enrolled, "D2", "wrong dose")
    vs.undo_missed(store, nurse, enrolled, "D1", "marked the wrong participant")
    assert vs.visit_record(store, nurse, enrolled, "D1").state == "open"
    assert any("D1 is not recorded" in text for _, text in vs.go_no_go(store, nurse, enrolled, "D2", now=d2).lines)


def test_visit_record_collects_the_visit(store, nurse, enrolled):
    prepare_d1(store, nurse, enrolled)
    vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY)
    vs.record_adverse_event(store, nurse, enrolled, _ae(), dose_code="D1")
    record = vs.visit_record(store, nurse, enrolled, "D1")
    assert record.state == "given" and record.administration["kit_number"] == "KIT-000123"
    assert {v.analyte for v in record.labs} == set(PANEL) and record.pregnancy_test == "negative"
    assert set(record.premedication) == {p.code for p in sc.protocol().pre_dose.premedication}
    assert [a["term"] for a in record.adverse_events] == ["injection_site_reaction"]


# --- corrections of the injection record, and the participant's history -----------------------------

def _given_d1(store, nurse, pid, when=D1_DAY):
    prepare_d1(store, nurse, pid, when=when)
    vs.record_administration(store, nurse, pid, "D1", administration(when), now=when)


def test_administration_can_be_corrected_with_a_reason(store, nurse, enrolled):
    from trialdesk.services import visit_history

    _given_d1(store, nurse, enrolled)
    fixed = replace(administration(), kit_number="kit-000132", injection_site="abdomen_right",
                    vitals_after=vs.Vitals(118, 76, 72, 36.9))
    with pytest.raises(ValidationError) as err:
        vs.correct_administration(store, nurse, enrolled, "D1", fixed, reason="  ")
    assert err.value.field == "reason"
    with pytest.raises(ValidationError, match="Nothing was changed"):
        vs.correct_administration(store, nurse, enrolled, "D1", administration(), reason="recheck")
    changed = vs.correct_administration(store, nurse, enrolled, "D1", fixed, reason="kit label misread")
    assert changed == ["injection_site", "kit_number", "pulse_post"]
    saved = vs.visit_record(store, nurse, enrolled, "D1").administration
    assert (saved["kit_number"], saved["injection_site"], saved["pulse_post"]) == ("KIT-000132", "abdomen_right", 72)
    changes = visit_history.administration_changes(store, nurse, enrolled, "D1")
    assert {c.field for c in changes} == {"injection_site", "kit_number", "pulse_post"}
    kit = next(c for c in changes if c.field == "kit_number")
    assert (kit.old, kit.new, kit.username, kit.reason) == ("KIT-000123", "KIT-000132", "nurse", "kit label misread")
    from trialdesk.services.workstation import verify

    assert verify(store).ok


def test_administration_correction_checks_like_recording(store, nurse, users, enrolled):
    _given_d1(store, nurse, enrolled)
    with pytest.raises(ValidationError) as err:
        vs.correct_administration(store, nurse, enrolled, "D1",
                                  replace(administration(), ended_at=D1_DAY - timedelta(minutes=1)), reason="x")
    assert err.value.field == "ended_at"
    with pytest.raises(ValidationError, match="no injection record"):
        vs.correct_administration(store, nurse, enrolled, "D2", administration(), reason="x")
    with pytest.raises(PermissionDenied):
        vs.correct_administration(store, users[Role.MONITOR], enrolled, "D1",
                                  replace(administration(), lot="LOT-10"), reason="x")
    # A kit used by another injection is refused; the record's own kit is not "used by another".
    d2 = D1_DAY + timedelta(days=14)
    vs.record_pre_dose_labs(store, nurse, enrolled, "D2", sampled_at=d2 - timedelta(hours=2), entries=entries(),
                            read_back={"IGG"})
    vs.record_pregnancy_test(store, nurse, enrolled, "D2", "negative", day=d2.date())
    for premed in sc.protocol().pre_dose.premedication:
        vs.record_premedication(store, nurse, enrolled, "D2", premed.code, d2 - timedelta(hours=2))
    vs.record_administration(store, nurse, enrolled, "D2", administration(d2, kit="KIT-000124"), now=d2)
    with pytest.raises(ValidationError, match="already used") as err:
        vs.correct_administration(store, nurse, enrolled, "D2", administration(d2, kit="KIT-000123"), reason="x")
    assert err.value.field == "kit_number"
    vs.correct_administration(store, nurse, enrolled, "D2", replace(administration(d2, kit="KIT-000124"), lot="L2"),
                              reason="lot added from the kit label")


def test_correcting_the_first_dose_date_moves_the_calendar(store, nurse, enrolled):
    _given_d1(store, nurse, enrolled)
    later = D1_DAY + timedelta(days=2)
    vs.correct_administration(store, nurse, enrolled, "D1", administration(later), reason="wrong day typed")
    record = vs.visit_record(store, nurse, enrolled, "D1")
    assert record.visit_date == later.date() and record.window_reason is None  # still inside the window
    d2 = store.db.execute("SELECT target_date FROM planned_visits WHERE participant_id = ? AND code = 'D2'",
                          [enrolled]).fetchone()[0]
    assert d2 == (later.date() + timedelta(days=14)).isoformat()
    rows = {r.code: r for r in vs.timeline(store, nurse, enrolled, today=later.date())}
    assert rows["D1"].done_on == later.date()
    outside = D1_DAY + timedelta(days=20)
    vs.correct_administration(store, nurse, enrolled, "D1", administration(outside), reason="given late, cold")
    record = vs.visit_record(store, nurse, enrolled, "D1")
    assert (record.window_reason, record.verdict) == ("given late, cold", "needs_reason")


def test_history_shows_visit_records_and_masks_for_blinded_roles(store, doctor, nurse, users, enrolled):
    from trialdesk.services import history as history_service

    _given_d1(store, nurse, enrolled)
    d2 = D1_DAY + timedelta(days=14)
    vs.record_pre_dose_labs(store, nurse, enrolled, "D2", sampled_at=d2, read_back={"IGG", "NK"},
                            entries=entries(IGG=("2,1", "g/L"), NK=("40", "10^6/L")))
    igg = store.db.execute("SELECT r.id FROM lab_results r JOIN lab_samples s ON s.id = r.sample_id "
                           "WHERE r.analyte = 'IGG' AND s.sampled_at LIKE '2026-06-08%'").fetchone()[0]
    vs.correct_lab_result(store, doctor, igg, vs.LabEntry("2,3", "g/L"), reason="lab re-issued the report")
    vs.correct_administration(store, nurse, enrolled, "D1", replace(administration(), lot="LOT-10"),
                              reason="lot misread")
    vs.record_adverse_event(store, nurse, enrolled, _ae(), dose_code="D1")
    rows = history_service.history(store, nurse, enrolled)
    tables = {r.source.table for r in rows}
    assert {"dose_visits", "premedications", "lab_samples", "lab_results", "administrations",
            "adverse_events"} <= tables
    lot = [r for r in rows if r.source.table == "administrations" and r.operation == "UPDATE"]
    assert [(r.record, r.field, r.old, r.new, r.reason) for r in lot] == [
        ("Injection D1", "lot number", "LOT-9", "LOT-10", "lot misread")]
    given_by = next(r for r in rows if r.source.table == "administrations" and r.field == "given by")
    assert given_by.new == "Nils Nurse (nurse)"  # a person, not a user id
    # The nurse is blinded: D2's IgG (after the first dose) is masked, its correction too; D1's is not.
    d2_igg = [r for r in rows if r.record == "Blood result D2 IgG"]
    assert d2_igg and all("2,1" not in r.old + r.new and "2,3" not in r.old + r.new and "2.1" not in r.new
                          and "2.3" not in r.old + r.new for r in d2_igg)
    corrected = [r for r in d2_igg if r.operation == "UPDATE"]
    assert corrected and all(r.new == "masked (blinded)" and r.reason == "lab re-issued the report"
                             for r in corrected)
    d1_igg = [r for r in rows if r.record == "Blood result D1 IgG" and r.field == "value as entered"]
    assert [r.new for r in d1_igg] == ["8.4"]  # typed "8,4": a number, read with the reader's decimal mark
    # An unblinded physician sees the values.
    admin = users[Role.ADMINISTRATOR]
    vs.set_unblinded(store, admin, doctor.id, True, reason="designated unblinded safety physician")
    from trialdesk.db import users as users_repo

    seen = history_service.history(store, users_repo.get(store.db, doctor.id), enrolled)
    assert any(r.record == "Blood result D2 IgG" and r.field == "value as entered" and r.new == "2.3"
               for r in seen)


WRITES = {
    "record_pre_dose_labs": lambda st, u, pid, ids: vs.record_pre_dose_labs(
        st, u, pid, "D1", sampled_at=D1_DAY, entries=entries(), read_back={"IGG", "NK"}),
    "correct_lab_result": lambda st, u, pid, ids: vs.correct_lab_result(
        st, u, ids["lab"], vs.LabEntry("204", "10^9/L"), reason="x"),
    "record_blood_bank": lambda st, u, pid, ids: vs.record_blood_bank(
        st, u, pid, type_and_screen_on=date(2026, 5, 2), alert_card_on=date(2026, 5, 2), reason="x"),
    "record_premedication": lambda st, u, pid, ids: vs.record_premedication(
        st, u, pid, "D1", sc.protocol().pre_dose.premedication[0].code, D1_DAY, reason="x"),
    "record_pregnancy_test": lambda st, u, pid, ids: vs.record_pregnancy_test(st, u, pid, "D1", "positive",
                                                                              reason="x"),
    "record_administration": lambda st, u, pid, ids: vs.record_administration(st, u, pid, "D2", administration(),
                                                                              now=D1_DAY),
    "correct_administration": lambda st, u, pid, ids: vs.correct_administration(
        st, u, pid, "D1", replace(administration(), lot="L2"), reason="x"),
    "mark_missed": lambda st, u, pid, ids: vs.mark_missed(st, u, pid, "D2", reason="x"),
    "undo_missed": lambda st, u, pid, ids: vs.undo_missed(st, u, pid, "D2", reason="x"),
    "record_adverse_event": lambda st, u, pid, ids: vs.record_adverse_event(st, u, pid, _ae()),
    "update_adverse_event": lambda st, u, pid, ids: vs.update_adverse_event(st, u, ids["ae"], _ae(grade=2),
                                                                            reason="x"),
    "mark_sae_reported": lambda st, u, pid, ids: vs.mark_sae_reported(st, u, ids["ae"]),
    # Contacts (services/visits/contacts.py; their behaviour in tests/services/test_contacts.py).
    "record_phone_follow_up": lambda st, u, pid, ids: vs.record_phone_follow_up(
        st, u, pid, "PH1", vs.PhoneFollowUp((vs.ContactAttempt(D1_DAY, "reached"),), False, False)),
    "record_follow_up": lambda st, u, pid, ids: vs.record_follow_up(
        st, u, pid, "FU1", vs.LongTermFollowUp((vs.ContactAttempt(D1_DAY, "reached"),), False, False)),
    "record_contact_attempt": lambda st, u, pid, ids: vs.record_contact_attempt(
        st, u, pid, "PH1", vs.ContactAttempt(D1_DAY, "no_answer")),
    "record_consultation": lambda st, u, pid, ids: vs.record_consultation(
        st, u, pid, "CONS1", vs.Consultation(D1_DAY.date(), False, new_symptoms=False, medication_changes=False)),
    "record_consultation_labs": lambda st, u, pid, ids: vs.record_consultation_labs(
        st, u, pid, "CONS1", sampled_at=D1_DAY, entries=entries(), read_back={"IGG", "NK"}),
    "record_end_of_study": lambda st, u, pid, ids: vs.record_end_of_study(
        st, u, pid, contact_date=D1_DAY.date(), completion_confirmed=True, username=u.username, password=PASSWORD),
    "mark_contact_missed": lambda st, u, pid, ids: vs.mark_contact_missed(st, u, pid, "PH1", reason="x"),
    "undo_contact_missed": lambda st, u, pid, ids: vs.undo_contact_missed(st, u, pid, "PH1", reason="x"),
    "correct_contact": lambda st, u, pid, ids: vs.correct_contact(st, u, pid, "PH1", {"note": "x"}, reason="x"),
}


@pytest.mark.parametrize("role", [Role.MONITOR, Role.ADMINISTRATOR])
@pytest.mark.parametrize("write", sorted(WRITES))
def test_only_clinical_staff_write_visit_data(store, nurse, users, enrolled, role, write):
    """Every write of an injection visit refuses a monitor and an administrator, and writes nothing."""
    _given_d1(store, nurse, enrolled)
    ids = {"lab": store.db.execute("SELECT id FROM lab_results LIMIT 1").fetchone()[0],
           "ae": vs.record_adverse_event(store, nurse, enrolled, _ae(
               serious=True, sae_criteria=frozenset({"sae_hospitalisation"}), aware_at=D1_DAY), dose_code="D1")}
    before = store.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(PermissionDenied):
        WRITES[write](store, users[role], enrolled, ids)
    assert store.db.execute("SELECT count(*) FROM audit").fetchone()[0] == before


def test_every_visit_write_is_in_the_permission_test():
    """A new write function of services.visits (the package or any of its modules) must join WRITES above
    (so its permission is tested)."""
    import importlib
    import inspect
    import pkgutil

    mine = {vs.__name__} | {f"{vs.__name__}.{m.name}" for m in pkgutil.iter_modules(vs.__path__)}
    writes = {name for name, fn in inspect.getmembers(vs, inspect.isfunction)
              if fn.__module__ in mine and name.split("_")[0] in ("record", "correct", "mark", "update", "undo")}
    for module in mine - {vs.__name__}:  # a write in a module but not re-exported by the package counts too
        sub = importlib.import_module(module)
        writes |= {name for name, fn in inspect.getmembers(sub, inspect.isfunction)
                   if fn.__module__ == module and not name.startswith("_")
                   and name.split("_")[0] in ("record", "correct", "mark", "update", "undo")}
    assert writes == set(WRITES)


def test_sample_time_corrected_with_the_value_or_alone(store, nurse, enrolled):
    from trialdesk.services import visit_history

    vs.record_pre_dose_labs(store, nurse, enrolled, "D1", sampled_at=D1_DAY, entries=entries(), read_back={"IGG"})
    rid = store.db.execute("SELECT id FROM lab_results WHERE analyte = 'PLT'").fetchone()[0]
    with pytest.raises(ValidationError, match="Nothing was changed"):
        vs.correct_lab_result(store, nurse, rid, None, reason="x", sampled_at=D1_DAY)
    with pytest.raises(ValidationError) as err:
        vs.correct_lab_result(store, nurse, rid, None, reason="x", sampled_at=local_now() + timedelta(days=1))
    assert err.value.field == "sampled_at"
    earlier = D1_DAY - timedelta(minutes=40)
    vs.correct_lab_result(store, nurse, rid, vs.LabEntry("204", "10^9/L"), reason="lab printout re-read",
                          sampled_at=earlier)
    assert {v.sampled_at for v in vs.lab_results(store, nurse, enrolled)} == {
        earlier.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")}  # the whole sample moved
    records = {r.view.analyte: r for r in visit_history.lab_result_records(store, nurse, enrolled)}
    assert [c.field for c in records["PLT"].changes] == ["value", "sampled_at"]
    assert [c.field for c in records["HB"].changes] == ["sampled_at"]
    assert records["HB"].changes[0].reason == "lab printout re-read"
    audit = store.db.execute("SELECT count(DISTINCT reason) FROM audit WHERE action = 'UPDATE' AND table_name IN "
                             "('lab_results', 'lab_samples')").fetchone()[0]
    assert audit == 1


def test_pre_dose_facts_corrected_after_the_participant_moved_on(store, nurse, enrolled):
    _given_d1(store, nurse, enrolled)
    with store.acting(vs.auth.actor(nurse), "test: participant moved to follow-up") as tx:
        tx["participants"].update(enrolled, {"status": "follow_up"})
    drug = sc.protocol().pre_dose.premedication[0].code
    vs.record_premedication(store, nurse, enrolled, "D1", drug, D1_DAY - timedelta(hours=1), reason="chart re-read")
    vs.record_pregnancy_test(store, nurse, enrolled, "D1", "positive", reason="lab corrected the result")
    record = vs.visit_record(store, nurse, enrolled, "D1")
    assert record.premedication[drug] == D1_DAY - timedelta(hours=1) and record.pregnancy_test == "positive"
    with pytest.raises(ValidationError, match="follow-up: no new dose visit data"):
        vs.record_pregnancy_test(store, nurse, enrolled, "D2", "negative")


def test_the_changes_of_several_adverse_events_read_at_once_are_each_ones(store, nurse, enrolled):
    """The AE log reads every event's corrections in one pass: the same as asking for each event alone."""
    from trialdesk.services import visit_history

    first = vs.record_adverse_event(store, nurse, enrolled, _ae())
    second = vs.record_adverse_event(store, nurse, enrolled, _ae(verbatim="headache again"))
    untouched = vs.record_adverse_event(store, nurse, enrolled, _ae(verbatim="third"))
    vs.update_adverse_event(store, nurse, first, _ae(grade=2), "grade was read wrongly")
    vs.update_adverse_event(store, nurse, second, _ae(grade=2, verbatim="headache, recurring"), "worded better")
    together = visit_history.adverse_events_changes(store, nurse, enrolled, [first, second, untouched], language="nb")
    for ae_id in (first, second, untouched):
        assert together[ae_id] == visit_history.adverse_event_changes(store, nurse, ae_id, language="nb")
    assert [c.field for c in together[first]] == ["grade"] and len(together[second]) == 2
    assert together[untouched] == [] and visit_history.adverse_events_changes(store, nurse, enrolled, []) == {}
