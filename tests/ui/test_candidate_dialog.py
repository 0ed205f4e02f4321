"""The new-candidate dialog (issue 11, item 5): errors of the identity number at their field, and the sex-digit
question asked at the sex field with a box that confirms it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from trialdesk.services import participants as ps
from trialdesk.services.demo import synthetic_id_number
from trialdesk.ui.participants.candidate_dialog import NewCandidateDialog

BORN = date(1985, 4, 12)


def _dialog(qtbot, store, doctor):
    def submit(values):
        return ps.register_candidate(store, doctor, sex=values.sex, birth_date=values.birth_date,
                                     childbearing_potential=values.childbearing_potential, identity=values.identity,
                                     sex_mismatch_confirmed=values.sex_mismatch_confirmed)

    dialog = NewCandidateDialog(submit, with_identity=True)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill(dialog, *, sex: str, born: str, number: str):
    dialog.sex.setCurrentIndex(dialog.sex.findData(sex))
    dialog.birth_date.setText(born)
    if sex == "F":
        dialog.childbearing.set_value(False)
    dialog.full_name.setText("Testperson Alfa")
    dialog.id_number.setText(number)


def _ok(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_sex_digit_mismatch_is_confirmed_at_the_sex_field(qtbot, store, doctor):
    dialog = _dialog(qtbot, store, doctor)
    number = synthetic_id_number(BORN, "F")
    _fill(dialog, sex="M", born="12.04.1985", number=number[:6] + "-" + number[6:])
    assert dialog.sex_confirmed.isHidden()
    _ok(dialog)
    assert dialog.isVisible() and ps.list_participants(store, doctor) == []
    assert "Legal and biological sex can differ" in dialog.boxes["sex"].error.text()
    assert not dialog.sex_confirmed.isHidden() and not dialog.sex_confirmed.isChecked()
    _ok(dialog)  # not ticked: asked again, nothing saved
    assert dialog.isVisible() and ps.list_participants(store, doctor) == []
    dialog.sex_confirmed.setChecked(True)
    _ok(dialog)
    assert not dialog.isVisible()
    assert [r.sex for r in ps.list_participants(store, doctor)] == ["M"]


def test_a_changed_number_forgets_the_confirmation(qtbot, store, doctor):
    dialog = _dialog(qtbot, store, doctor)
    _fill(dialog, sex="M", born="12.04.1985", number=synthetic_id_number(BORN, "F"))
    _ok(dialog)
    dialog.sex_confirmed.setChecked(True)
    dialog.id_number.textEdited.emit("x")
    assert dialog.sex_confirmed.isHidden() and not dialog.values().sex_mismatch_confirmed


def test_birth_date_not_matching_the_number_is_shown_at_the_birth_date(qtbot, store, doctor):
    dialog = _dialog(qtbot, store, doctor)
    _fill(dialog, sex="F", born="13.04.1985", number=synthetic_id_number(BORN, "F"))
    _ok(dialog)
    assert "which gives 12.04.1985" in dialog.boxes["birth_date"].error.text()
    assert dialog.boxes["id_number"].error.text() == ""


def test_sex_is_chosen_by_a_letter_in_either_language(qtbot, store, doctor):
    """Issue 13 item 5: F, K (kvinne) or W for a woman, M for a man, as well as the arrows."""
    from PySide6.QtCore import Qt

    dialog = _dialog(qtbot, store, doctor)
    dialog.sex.setFocus()
    for key, code in ((Qt.Key.Key_K, "F"), (Qt.Key.Key_M, "M"), (Qt.Key.Key_F, "F"), (Qt.Key.Key_M, "M"),
                      (Qt.Key.Key_W, "F")):
        qtbot.keyClick(dialog.sex, key)
        assert dialog.sex.currentData() == code, key
    qtbot.keyClick(dialog.sex, Qt.Key.Key_Up)  # the arrows still move through the list
    assert dialog.sex.currentData() is None


def test_a_new_adverse_event_starts_on_today(qtbot, clock):
    from tests.conftest import at_noon
    from trialdesk.clock import local_today
    from trialdesk.ui.visits.adverse_events import AdverseEventDialog

    at_noon(clock)
    dialog = AdverseEventDialog(lambda ae: ae)
    qtbot.addWidget(dialog)
    assert dialog.onset_date.text() == local_today().strftime("%d.%m.%Y")
