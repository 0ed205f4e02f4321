"""The Medications tab on a real encrypted store (issue 11): a medication the protocol forbids is flagged while
typing, the save asks for the confirmation at its field, the list shows the flag in words; the investigator
reviews it; the course's refusal is said above the list."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from tests.conftest import main_window
from tests.services.test_disposition import enrolled, treated  # noqa: F401  (fixtures)
from tests.ui.test_visits_flow import _when_shown
from trialdesk.services import disposition as ds
from trialdesk.services import medications as ms
from trialdesk.ui.medications.dialog import MedicationDialog, ReviewDialog


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_nurse_enters_a_forbidden_medication_flagged_and_the_investigator_reviews_it(qtbot, qtmodeltester, store,
                                                                                        doctor, nurse, treated):
    window = main_window(qtbot, store, nurse)
    window.select_participant(treated)
    tab = window.workspace.medications
    window.workspace.setCurrentWidget(tab)
    assert tab.new_button.isEnabled() and not tab.review_button.isVisible()
    assert "Premedication before each dose is recorded at the dose visit" in tab.note.text()
    seen = {}

    def fill(dialog: MedicationDialog):
        assert dialog.flag.text() == ""
        qtbot.keyClicks(dialog.name, "Metoject 15 mg")
        seen["flag"] = dialog.flag.text()
        seen["ack shown"] = dialog.acknowledge.isVisibleTo(dialog)
        dialog.route.setCurrentIndex(dialog.route.findData("subcutaneous"))
        dialog.start_date.setText("10.01.2024")
        dialog.stop_date.setText("01.06.2024")
        _ok(dialog)
        seen["asked"] = dialog.boxes["forbidden_reason"].error.text()
        dialog.acknowledge.setChecked(True)
        _ok(dialog)

    _when_shown(MedicationDialog, fill)
    assert tab.new_medication()
    assert seen["flag"].startswith("⚠ The protocol forbids Methotrexate (E4).")
    assert seen["ack shown"]
    assert "Confirm to save it flagged for the investigator's review" in seen["asked"]
    assert tab.model.rowCount() == 1
    qtmodeltester.check(tab.model)
    flag = tab.model.data(tab.model.index(0, tab.model.FLAG_COLUMN))
    assert flag == "⚠ Methotrexate (E4): awaiting the investigator's review"
    assert "Medications: 1; forbidden by the protocol: 1 (awaiting the investigator's review: 1)" in tab.note.text()

    doctor_window = main_window(qtbot, store, doctor)
    doctor_window.select_participant(treated)
    tab = doctor_window.workspace.medications
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    assert tab.review_button.isVisibleTo(tab) and tab.review_button.isEnabled()

    def review(dialog: ReviewDialog):
        qtbot.keyClicks(dialog.note, "stopped before the washout period: eligible")
        _ok(dialog)

    _when_shown(ReviewDialog, review)
    assert tab.review_medication()
    [saved] = ms.list_medications(store, doctor, treated)
    assert saved.forbidden_reason == "stopped before the washout period: eligible"
    assert tab.model.data(tab.model.index(0, tab.model.FLAG_COLUMN)).endswith(": stopped before the washout period: "
                                                                              "eligible")


def test_an_investigator_writes_the_note_in_the_dialog(qtbot, store, doctor, treated):
    def submit(values):
        return ms.add_medication(store, doctor, treated, values.medication, forbidden_note=values.forbidden_note,
                                 forbidden_acknowledged=values.forbidden_acknowledged)

    dialog = MedicationDialog(submit, may_confirm=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.boxes["forbidden_reason"].isVisibleTo(dialog)  # no flag, no note field
    qtbot.keyClicks(dialog.name, "Prednisolon")
    assert dialog.boxes["forbidden_reason"].isVisibleTo(dialog)
    assert "a short course may be allowed" in dialog.flag.text()
    dialog.route.setCurrentIndex(dialog.route.findData("oral"))
    dialog.start_date.setText("01.06.2026")
    dialog.ongoing.setChecked(True)
    assert not dialog.stop_date.isEnabled()
    _ok(dialog)
    assert "write why it is given" in dialog.boxes["forbidden_reason"].error.text()
    qtbot.keyClicks(dialog.forbidden_note, "5-day course for asthma, not long-term")
    _ok(dialog)
    assert not dialog.isVisible()
    [saved] = ms.list_medications(store, doctor, treated)
    assert (saved.forbidden_class, saved.forbidden_reason) == ("systemic_corticosteroids",
                                                                "5-day course for asthma, not long-term")
    # An inhaled corticosteroid is not systemic: no flag.
    dialog = MedicationDialog(submit, may_confirm=True)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Hydrokortison")
    assert dialog.flag.text()
    dialog.route.setCurrentIndex(dialog.route.findData("topical"))
    assert dialog.flag.text() == ""


def test_the_course_refusal_is_said_above_the_list(qtbot, store, doctor, treated):
    ds.withdraw_consent(store, doctor, treated, day=date(2026, 6, 10), scope="no_further_contact",
                        no_reason_given=True)
    window = main_window(qtbot, store, doctor)
    window.select_participant(treated)
    tab = window.workspace.medications
    assert not tab.new_button.isEnabled()
    assert tab.course_note.isVisibleTo(tab) and "no further contact" in tab.course_note.text()
