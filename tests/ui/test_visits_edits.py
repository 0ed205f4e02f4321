"""Corrections and the less common paths of an injection visit in the GUI, on a real encrypted store:
the saved injection record corrected with a reason (fields show who changed what), an AE changed with a
reason, a dose recorded as not given, a dose outside its window given with a reason, and the participant's
History tab listing all of it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDialogButtonBox

from tests.conftest import at_noon, main_window
from tests.services.test_visits import D1_DAY, _ae, administration, enrolled, prepare_d1  # noqa: F401
from tests.ui.test_visits_flow import _when_shown, enrol_due_today
from trialdesk.clock import local_now, local_today
from trialdesk.services import participants as ps
from trialdesk.services import visits as vs
from trialdesk.ui.reason_dialog import ReasonDialog
from trialdesk.ui.visits.adverse_events import AdverseEventDialog

OSLO = vs.LOCAL_TZ


def _give_reason(qtbot, text: str):
    def answer(dialog: ReasonDialog):
        qtbot.keyClicks(dialog.reason, text)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    _when_shown(ReasonDialog, answer)


def _history_text(workspace) -> str:
    workspace.setCurrentWidget(workspace.history_page)  # the History tab loads when it is shown
    model = workspace.history_model
    return "\n".join(" | ".join(str(model.data(model.index(r, c))) for c in range(model.columnCount()))
                     for r in range(model.rowCount()))


def test_saved_injection_record_is_shown_locked_and_corrected_with_a_reason(qtbot, store, nurse, enrolled,
                                                                            qtmodeltester):
    prepare_d1(store, nurse, enrolled)
    vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY)
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(enrolled, "D1")
    visit = window.workspace.visit_tabs.injections
    admin = visit.admin
    # The saved record is in the fields, locked.
    assert admin.kit_number.text() == "KIT-000123" and admin.site_left.isChecked() and not admin.kit_number.isEnabled()
    assert admin.started_at.text() == "25.05.2026 10:00" and admin.vitals[("temp", "before")].text() == "36,8"
    assert not admin.record_button.isEnabled() and visit.correct_admin_button.isVisible()
    assert not visit.admin_changes.isVisible()

    visit.correct_admin_button.click()
    assert admin.kit_number.isEnabled() and admin.record_button.isEnabled()
    assert "correction" in admin.record_button.text().lower()
    admin.kit_number.setText("KIT-000132")
    admin.site_right.setChecked(True)
    admin.ended_at.setText("25.05.2026 09:00")  # before the start: refused at the field, no reason asked
    admin.record_button.click()
    assert "cannot end before it started" in admin.boxes["ended_at"].error.text()
    assert admin.kit_number.text() == "KIT-000132"  # what was typed stays
    admin.ended_at.setText("25.05.2026 10:06")
    _give_reason(qtbot, "kit label misread; right side per the nurse's note")
    admin.record_button.click()
    saved = vs.visit_record(store, nurse, enrolled, "D1").administration
    assert (saved["kit_number"], saved["injection_site"]) == ("KIT-000132", "abdomen_right")
    # Locked again, showing the corrected values and who changed what, when and why.
    assert admin.kit_number.text() == "KIT-000132" and not admin.kit_number.isEnabled()
    changes = visit.admin_changes.text()
    assert visit.admin_changes.isVisible() and "nurse" in changes and "KIT-000123 → KIT-000132" in changes
    assert "abdomen left → abdomen right" in changes and "kit label misread" in changes
    assert "10:05 (UTC+02:00) → 25.05.2026 10:06 (UTC+02:00)" in changes
    assert "KIT-000123" in admin.kit_number.toolTip() and admin.lot.toolTip() == ""
    # The History tab lists it too.
    window.workspace.reload()
    window.workspace.setCurrentWidget(window.workspace.history_page)  # the History tab loads when shown
    qtmodeltester.check(window.workspace.history_model)
    history = _history_text(window.workspace)
    assert "Injection D1 changed | kit number | KIT-000123 | KIT-000132 | kit label misread" in history


def test_cancelling_a_correction_restores_the_saved_values(qtbot, store, nurse, enrolled):
    prepare_d1(store, nurse, enrolled)
    vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY)
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(enrolled, "D1")
    visit = window.workspace.visit_tabs.injections
    visit.correct_admin_button.click()
    visit.admin.kit_number.setText("KIT-999")
    visit.correct_admin_button.click()  # now "Cancel correction"
    assert visit.admin.kit_number.text() == "KIT-000123" and not visit.admin.kit_number.isEnabled()
    assert store.db.execute("SELECT count(*) FROM audit WHERE table_name = 'administrations' "
                            "AND action = 'UPDATE'").fetchone()[0] == 0


def test_adverse_event_changed_with_a_reason(qtbot, store, nurse, enrolled):
    prepare_d1(store, nurse, enrolled)
    vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY)
    ae_id = vs.record_adverse_event(store, nurse, enrolled, _ae(), dose_code="D1")
    window = main_window(qtbot, store, nurse)
    window.select_participant(enrolled)
    tabs = window.workspace.visit_tabs
    window.workspace.setCurrentWidget(tabs.ae_page)
    log = tabs.adverse_events
    log.table.setCurrentIndex(log.proxy.index(0, 0))
    assert log.edit_button.isEnabled()

    def change(dialog: AdverseEventDialog):
        assert dialog.verbatim.text() == _ae().verbatim  # the saved event is loaded
        dialog.grade.setCurrentIndex(dialog.grade.findData(2))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    _when_shown(AdverseEventDialog, change)
    _give_reason(qtbot, "graded again after the GP's letter")
    log.edit_button.click()
    [row] = vs.adverse_events(store, nurse, enrolled)
    assert row["id"] == ae_id and row["grade"] == 2
    reason = store.db.execute("SELECT reason FROM audit WHERE table_name = 'adverse_events' AND action = 'UPDATE'"
                              ).fetchone()[0]
    assert reason == "graded again after the GP's letter"
    shown = " ".join(str(log.model.data(log.model.index(0, c))) for c in range(log.model.columnCount()))
    assert "nurse" in shown and "graded again" in shown
    window.workspace.reload()
    assert "Adverse event" in _history_text(window.workspace) and "graded again after the GP's letter" in \
        _history_text(window.workspace)


def test_dose_recorded_as_not_given(qtbot, store, doctor, nurse):
    pid = enrol_due_today(store, doctor)
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(pid, "D1")
    visit = window.workspace.visit_tabs.injections
    assert visit.missed_button.isEnabled()
    _give_reason(qtbot, "participant admitted to hospital, not fit for the dose")
    visit.missed_button.click()
    assert vs.visit_record(store, nurse, pid, "D1").state == "missed"
    assert visit.missed_button.isEnabled() and "Undo" in visit.missed_button.text()
    rows = {r.code: r.state for r in vs.timeline(store, nurse, pid)}
    assert rows["D1"] == "missed"
    assert window.today.model.rowCount() == 0  # no longer due
    [row] = ps.list_participants(store, nurse)
    assert (row.next_visit, row.next_visit_nb) == ("Injection 2", "Injeksjon 2")  # the register moves on
    window.workspace.setCurrentWidget(window.workspace.visit_tabs.timeline)
    timeline = window.workspace.visit_tabs.timeline.model
    assert any("Missed" in str(timeline.data(timeline.index(r, 4))) for r in range(timeline.rowCount()))


def test_dose_outside_its_window_needs_a_reason_at_the_field(qtbot, store, doctor, nurse, clock):
    at_noon(clock)  # the samples are drawn two hours before "now": not a test of the night
    pid = enrol_due_today(store, doctor)
    # Enrolled 12 weeks ago -> D1 due today; move the inclusion back so that today is past D1's window.
    late = (local_today() - timedelta(weeks=12, days=20)).isoformat()
    with store.acting(vs.auth.actor(doctor), "test: inclusion moved back") as tx:
        tx["participants"].update(pid, {"inclusion_date": late})
        tx.execute("UPDATE planned_visits SET target_date = date(target_date, '-20 days'), "
                   "window_start = date(window_start, '-20 days'), window_end = date(window_end, '-20 days') "
                   "WHERE participant_id = ?", [pid])
    now = local_now()
    prepare_d1(store, nurse, pid, when=now)
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(pid, "D1")
    visit = window.workspace.visit_tabs.injections
    assert "GO WITH REASON" in visit.go_panel.verdict.text()
    assert any("outside its window" in text for ok, text in visit.status.lines if not ok)
    admin = visit.admin
    assert admin.window_reason.isVisibleTo(window)
    admin.kit_number.setText("KIT-000555")
    admin.site_left.setChecked(True)
    admin.started_at.setText("n")
    admin.ended_at.setText("n")
    admin.observation_until.setText("n")  # the protocol asks for an observation period: its end is required
    admin.record_button.click()
    assert "outside its window" in admin.boxes["window_reason"].error.text()
    assert store.db.execute("SELECT count(*) FROM administrations").fetchone()[0] == 0
    admin.window_reason.setText("participant had a cold at the planned visit")
    admin.record_button.click()
    record = vs.visit_record(store, nurse, pid, "D1")
    assert record.state == "given" and record.verdict == "needs_reason"
    assert record.window_reason == "participant had a cold at the planned visit"


def test_saved_pre_dose_checks_changed_with_a_reason_show_who_changed_them(qtbot, store, nurse, enrolled):
    prepare_d1(store, nurse, enrolled)
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(enrolled, "D1")
    visit = window.workspace.visit_tabs.injections
    from trialdesk.ui.visits.dose_visit.widget import INJECTION, PRE_DOSE

    assert visit.step == INJECTION  # blood results and every premedication saved: the visit opens at the injection
    visit.show_step(PRE_DOSE)  # the checks before the dose, to correct one
    assert not visit.pre_changes.isVisible()  # first entries are not changes
    premed = next(iter(visit.premeds))
    saved = visit.premeds[premed].text()
    assert saved == "25.05.2026 08:30"
    visit.premeds[premed].setText("25.05.2026 08:15")
    _give_reason(qtbot, "time copied from the medication chart")
    visit.save_pre_button.click()
    assert visit.step == PRE_DOSE  # a correction stays where its change line shows
    assert visit.pre_changes.isVisible()
    text = visit.pre_changes.text()
    assert "nurse" in text and "25.05.2026 08:30 (UTC+02:00) → 25.05.2026 08:15 (UTC+02:00)" in text
    assert "time copied from the medication chart" in text
    assert "time copied" in visit.premeds[premed].toolTip() and visit.type_and_screen.toolTip() == ""


def test_sample_time_corrected_in_the_dialog(qtbot, store, nurse, enrolled):
    from trialdesk.ui.visits.dose_visit import LabCorrectionDialog

    prepare_d1(store, nurse, enrolled)
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(enrolled, "D1")
    visit = window.workspace.visit_tabs.injections
    model = visit.saved_labs_model
    row = next(r for r in range(model.rowCount()) if model.row_at(model.index(r, 0)).view.analyte == "HB")
    visit.saved_labs.setCurrentIndex(model.index(row, 0))

    def correct(dialog: LabCorrectionDialog):
        assert dialog.sampled_at.text() == "25.05.2026 08:00"
        dialog.sampled_at.setText("25.05.2026 07:20")
        qtbot.keyClicks(dialog.reason, "time from the lab printout")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    _when_shown(LabCorrectionDialog, correct)
    visit.correct_button.click()
    views = vs.lab_results(store, nurse, enrolled)
    assert {v.sampled_at[:16] for v in views} == {"2026-05-25T05:20"}  # 07:20 Oslo summer time, every result
    assert [v.entered for v in views if v.analyte == "HB"] == ["13,2 g/dL"]  # the value stayed
    row = next(r for r in range(model.rowCount()) if model.row_at(model.index(r, 0)).view.analyte == "HB")
    visit.saved_labs.setCurrentIndex(model.index(row, 0))
    assert ("sample time 25.05.2026 08:00 (UTC+02:00) → 25.05.2026 07:20 (UTC+02:00) — time from the lab printout"
            in visit.corrections.text())


def test_dose_recorded_as_not_given_by_mistake_is_opened_again(qtbot, store, doctor, nurse):
    pid = enrol_due_today(store, doctor)
    vs.mark_missed(store, nurse, pid, "D1", "wrong participant")
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(pid, "D1")
    visit = window.workspace.visit_tabs.injections
    assert "Undo" in visit.missed_button.text()
    _give_reason(qtbot, "recorded on the wrong participant")
    visit.missed_button.click()
    assert vs.visit_record(store, nurse, pid, "D1").state == "open"
    assert visit.missed_button.text() == "Dose not given…"
    assert window.today.model.rowCount() == 1  # due again


def test_given_doses_stay_visible_and_correctable_in_follow_up(qtbot, store, nurse, enrolled):
    prepare_d1(store, nurse, enrolled)
    vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY)
    with store.acting(vs.auth.actor(nurse), "test: participant moved to follow-up") as tx:
        tx["participants"].update(enrolled, {"status": "follow_up"})
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(enrolled, "D1")
    visit = window.workspace.visit_tabs.injections
    assert "DOSE GIVEN" in visit.go_panel.verdict.text() and visit.admin.kit_number.text() == "KIT-000123"
    assert visit.correct_admin_button.isVisibleTo(window) and visit.correct_button.isEnabled()
    assert not visit.save_labs_button.isEnabled()  # no new doses, no new pre-dose samples
    premed = next(iter(visit.premeds))
    visit.premeds[premed].setText("25.05.2026 08:10")  # a saved time corrected after the move to follow-up
    _give_reason(qtbot, "time from the medication chart")
    assert visit.save_pre_button.isEnabled()
    visit.save_pre_button.click()
    assert vs.visit_record(store, nurse, enrolled, "D1").premedication[premed].strftime("%H:%M") == "08:10"
    visit.dose.setCurrentIndex(visit.dose.findData("D2"))
    assert "Follow-up: no further doses are given." in visit.go_panel.lines.text()
    assert not visit.admin.record_button.isEnabled() and not visit.admin.kit_number.isEnabled()


def test_typing_a_term_never_ticks_serious_or_death(qtbot):
    """Refilling the grade list while a term is typed once passed through grade 5 and ticked "Serious",
    "results in death" and outcome "fatal" behind the nurse's back."""
    from trialdesk.ui.visits.adverse_events import AdverseEventDialog

    dialog = AdverseEventDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    for term in ("Fever", "Fatigue", "Injection site reaction"):
        dialog.term.lineEdit().clear()
        qtbot.keyClicks(dialog.term.lineEdit(), term)
        assert not dialog.serious.isChecked() and not any(box.isChecked() for box in dialog.criteria.values())
        assert dialog.outcome.currentData() is None and dialog.grade.currentData() is None, term
