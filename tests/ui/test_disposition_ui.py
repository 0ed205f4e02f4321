"""The participant's course in the GUI on a real encrypted store (issue 11): the Course tab says the status, since
when and what may still be recorded; the investigator's dialogs record an event (errors at the field); others read
why they cannot; the dose visit shows the course's refusal instead of a traceback."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from tests.conftest import main_window
from tests.services.test_disposition import enrolled, treated  # noqa: F401  (fixtures)
from trialdesk.domain.disposition import Activity, Event
from trialdesk.services import disposition as ds
from trialdesk.ui.disposition.dialogs import DispositionDialog
from trialdesk.ui.i18n import error_text


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_withdraw_dialog_asks_what_the_participant_still_agrees_to(qtbot, store, doctor, treated):
    def submit(values):
        return ds.withdraw_consent(store, doctor, treated, day=values.day, scope=values.scope, reason=values.reason,
                                   no_reason_given=values.no_reason_given)

    dialog = DispositionDialog(submit, Event.CONSENT_WITHDRAWN, study_id="KTS11-H-001")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.day and dialog.day.text()  # today, ready to be changed
    assert not any(b.isChecked() for b in dialog.scope_buttons.values())  # nothing chosen for the participant
    dialog.day.setText("10.06.2026")
    _ok(dialog)
    assert dialog.isVisible() and dialog.result_value is None
    assert "Choose what the participant still agrees to" in dialog.boxes["withdrawal_scope"].error.text()
    dialog.scope_buttons["safety_follow_up"].setChecked(True)
    _ok(dialog)
    assert "the participant need not give one" in dialog.boxes["reason"].error.text()
    dialog.no_reason.setChecked(True)
    assert not dialog.reason.isEnabled()
    _ok(dialog)
    assert not dialog.isVisible() and dialog.result_value["to_status"] == "withdrawn"
    [*_, event] = ds.events(store, doctor, treated)
    assert (event.event, event.withdrawal_scope, event.no_reason_given) == ("consent_withdrawn", "safety_follow_up",
                                                                             True)


def test_a_date_error_stays_at_the_date(qtbot, store, doctor, treated):
    def submit(values):
        return ds.discontinue_study_drug(store, doctor, treated, day=values.day, reason=values.reason)

    dialog = DispositionDialog(submit, Event.STUDY_DRUG_DISCONTINUED, study_id="KTS11-H-001")
    qtbot.addWidget(dialog)
    dialog.day.setText("01.03.2026")
    qtbot.keyClicks(dialog.reason, "grade 3 neutropenia")
    _ok(dialog)
    assert "before the participant's inclusion (02.03.2026)" in dialog.boxes["event_date"].error.text()
    assert dialog.reason.toPlainText() == "grade 3 neutropenia"  # nothing typed is lost


def test_the_course_tab_records_a_discontinuation_and_the_dose_visit_says_why(qtbot, qtmodeltester, store, doctor,
                                                                                nurse, treated, monkeypatch):
    window = main_window(qtbot, store, doctor)
    window.select_participant(treated)
    ws = window.workspace
    course = ws.course
    ws.setCurrentWidget(course)
    qtbot.waitExposed(course)
    assert "On treatment since 25.05.2026" in course.headline.text()
    assert course.statement.text() == "Everything the protocol plans may be recorded."
    assert all(label.text().startswith("✓ ") for label in course.activity_labels.values())
    buttons = course.action_buttons
    assert buttons[Event.STUDY_DRUG_DISCONTINUED].isEnabled() and buttons[Event.CONSENT_WITHDRAWN].isEnabled()
    assert not buttons[Event.DEATH].isEnabled()
    assert "Record the fatal adverse event first" in course.why_not.text()
    for button in buttons.values():  # the four actions fit at 1366×768
        assert not button.visibleRegion().isEmpty(), button.text()

    def answer(parent, submit, event, **kwargs):
        assert event is Event.STUDY_DRUG_DISCONTINUED
        from trialdesk.ui.disposition.dialogs import DispositionValues

        return submit(DispositionValues(day=date(2026, 6, 1), reason="grade 3 neutropenia"))

    monkeypatch.setattr(DispositionDialog, "ask", classmethod(lambda cls, *a, **k: answer(*a, **k)))
    buttons[Event.STUDY_DRUG_DISCONTINUED].click()
    assert "Follow-up since 01.06.2026 · study drug discontinued on 01.06.2026" in course.headline.text()
    assert course.statement.text().startswith("The study drug was discontinued on 01.06.2026: no more doses.")
    assert course.activity_labels[Activity.DOSE].text().startswith("✗ ")
    assert course.activity_labels[Activity.ADVERSE_EVENT].text().startswith("✓ ")
    assert course.history_model.rowCount() == 2
    qtmodeltester.check(course.history_model)
    assert course.history_model.data(course.history_model.index(1, 1)) == "study drug discontinued"
    assert course.history_model.data(course.history_model.index(1, 2)) == "On treatment → Follow-up"
    assert not buttons[Event.STUDY_DRUG_DISCONTINUED].isEnabled()
    # The dose visit: no new dose data, and why, in the course's words.
    ws.setCurrentWidget(ws.visit_tabs.injections_page)  # a hidden tab is read when it is shown
    visit = ws.visit_tabs.injections
    visit.reload(dose_code="D2")
    assert visit.course_note.isVisibleTo(visit)
    assert visit.course_note.text() == ("The study drug was discontinued on 01.06.2026: no more doses. Follow-up "
                                        "continues to the end of study.")
    assert not visit.admin.record_button.isEnabled()


def test_a_nurse_reads_why_she_cannot_change_the_course(qtbot, store, nurse, treated):
    window = main_window(qtbot, store, nurse)
    window.select_participant(treated)
    course = window.workspace.course
    assert not any(b.isEnabled() for b in course.action_buttons.values())
    assert course.why_not.text() == "Only an investigator records a change of the participant's course."


def test_after_a_withdrawal_the_ae_tab_and_the_statement_follow(qtbot, store, doctor, treated):
    ds.withdraw_consent(store, doctor, treated, day=date(2026, 6, 10), scope="no_further_contact",
                        reason="too tired")
    window = main_window(qtbot, store, doctor)
    window.select_participant(treated)
    course = window.workspace.course
    assert "no further contact" in course.statement.text()
    assert all(label.text().startswith("✗ ") for label in course.activity_labels.values())
    window.workspace.setCurrentWidget(window.workspace.visit_tabs.ae_page)
    assert not window.workspace.visit_tabs.adverse_events.new_button.isEnabled()
    view = ds.course_view(store, doctor, treated)
    assert course.statement.text() == error_text(view.statement)
