"""The whole screening flow in the GUI on a real encrypted store: new candidate -> consent ->
checklist (live verdict) -> e-signature -> enrolled with a calendar; models checked by qtmodeltester."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from tests.conftest import PASSWORD, main_window
from tests.ui.test_first_window import _when_shown as _poll_for
from trialdesk.clock import local_today
from trialdesk.domain.people import Role
from trialdesk.domain.schedule import build_schedule
from trialdesk.services import participants as ps
from trialdesk.services import screening as sc
from trialdesk.services.demo import synthetic_id_number
from trialdesk.ui.main_window import MainWindow
from trialdesk.ui.participants.candidate_dialog import NewCandidateDialog
from trialdesk.ui.participants.consent_dialog import ConsentDialog
from trialdesk.ui.participants.model import ParticipantTableModel
from trialdesk.ui.reason_dialog import ReasonDialog
from trialdesk.ui.signature_dialog import SignatureDialog

BORN = date(1985, 4, 12)
JUDGEMENT_NO = ("E2", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12")


def _when_shown(kind, action):
    """Like test_first_window's helper, but a failing check closes the dialog (the test fails, never hangs)."""
    def guarded(dialog):
        try:
            action(dialog)
        except BaseException:
            dialog.reject()
            raise
    _poll_for(kind, guarded)


def _ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.fixture
def window(qtbot, store, users):
    win = main_window(qtbot, store, users[Role.INVESTIGATOR])
    return win


def _register_by_keyboard(qtbot, window, errors_seen):
    number = synthetic_id_number(BORN, "F")

    def fill(dialog: NewCandidateDialog):
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.sex, timeout=3000)
        qtbot.keyClick(dialog.sex, Qt.Key.Key_Down)  # Woman
        qtbot.keyClick(dialog.sex, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.birth_date, "12.04.1985")
        qtbot.keyClick(dialog.birth_date, Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # childbearing potential: Yes
        assert dialog.childbearing.value() is True
        dialog.full_name.setFocus()
        qtbot.keyClicks(dialog.full_name, "Testperson Alfa")
        qtbot.keyClick(dialog.full_name, Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), number[:-1] + "0")  # wrong check digit
        qtbot.keyClick(dialog.id_number, Qt.Key.Key_Return)
        assert dialog.isVisible()
        errors_seen.append(dialog.boxes["id_number"].error.text())
        assert dialog.full_name.text() == "Testperson Alfa" and dialog.birth_date.text() == "12.04.1985"
        dialog.id_number.setText(number[:6] + " " + number[6:])
        qtbot.keyClick(dialog.id_number, Qt.Key.Key_Return)

    _when_shown(NewCandidateDialog, fill)
    window.new_action.trigger()


def test_whole_screening_flow(qtbot, window, store, users, qtmodeltester):
    doctor = users[Role.INVESTIGATOR]
    errors = []
    _register_by_keyboard(qtbot, window, errors)
    assert errors and "check digit" in errors[0]
    rows = ps.list_participants(store, doctor)
    assert [r.study_id for r in rows] == ["KTS11-H-001"]
    pid = rows[0].id
    ws = window.workspace
    assert ws.participant_id == pid and ws.study_id == "KTS11-H-001"
    assert "Testperson Alfa" in ws.identity.text()

    # Screening cannot be edited before consent; the consent dialog records it.
    assert not ws.screening.save_button.isEnabled()

    def consent(dialog: ConsentDialog):
        # The version is chosen from the installed forms (newest first, chosen at first), never typed.
        assert [dialog.form_version.itemData(i) for i in range(dialog.form_version.count())] == [None, "0.1"]
        assert dialog.form_version.currentData() == "0.1"
        dialog.form_version.setCurrentIndex(0)
        _ok(dialog)  # no form version: error at the field, dialog stays
        assert dialog.isVisible() and dialog.boxes["form_version"].error.isVisible()
        qtbot.keyClick(dialog.form_version, Qt.Key.Key_Down)
        dialog.copy_given.setChecked(True)
        _ok(dialog)

    _when_shown(ConsentDialog, consent)
    ws.consent_button.click()
    assert ps.get_participant(store, doctor, pid).status == "screening"
    assert ws.screening.save_button.isEnabled()

    # The checklist: the banner follows the typing.
    w = ws.screening
    ws.setCurrentWidget(w)
    assert "INCOMPLETE" in w.banner.text()
    w.ccc.yes.click()
    w.severity.setCurrentIndex(w.severity.findData("moderate"))
    qtbot.keyClicks(w.onset_date, "15.10.2019")
    w.onset_trigger.setCurrentIndex(w.onset_trigger.findData("infection"))
    w.pregnancy.setCurrentIndex(w.pregnancy.findData("negative"))
    qtbot.keyClicks(w.nk_value, "210")
    qtbot.keyClicks(w.igg_value, "4,9")
    assert "NOT ELIGIBLE" in w.banner.text() and "E3" in w.banner.text()
    from PySide6.QtGui import QTextDocument

    shown = QTextDocument()
    shown.setHtml(w.banner.text())  # what the banner shows: the threshold is not eaten as a tag
    assert "IgG 4.9 g/L < 5.0 g/L" in shown.toPlainText(), shown.toPlainText()
    assert "<b>" not in shown.toPlainText()  # the criteria in bold, not their tags as text
    assert "✗ Present" in w.rows["E3"].status.text()
    w.igg_value.clear()
    qtbot.keyClicks(w.igg_value, "9,8")
    assert "INCOMPLETE" in w.banner.text() and "I7" in w.banner.text()
    assert w.rows["I7"].answer.value() is None  # nothing preselected
    w.rows["I7"].answer.yes.click()
    for cid in JUDGEMENT_NO:
        w.rows[cid].answer.no.click()
    assert "ELIGIBLE" in w.banner.text() and "NOT" not in w.banner.text()
    assert w.dirty and not w.sign_button.isEnabled()  # unsaved: save first
    assert not w.saved_note.isVisible()
    w.save_button.click()
    assert not w.dirty
    assert w.saved_note.isVisible() and w.saved_note.text().startswith("✓ Saved")  # where the work was done
    assert sc.evaluate(store, pid).verdict == "eligible"
    assert w.sign_button.isEnabled()

    # E-signature: wrong password shown inline, then signed.
    def sign(dialog: SignatureDialog):
        assert sc.MEANING_ELIGIBLE in dialog.heading.text() and "ELIGIBLE" in dialog.summary.text()
        qtbot.keyClicks(dialog.username, "doctor")
        qtbot.keyClicks(dialog.password, "wrong-password-1")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.error.text() == "Wrong password."
        assert dialog.password.text() == ""
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    _when_shown(SignatureDialog, sign)
    w.sign_button.click()
    participant = ps.get_participant(store, doctor, pid)
    assert participant.status == "enrolled" and participant.inclusion_date == local_today()
    assert ws.visits_model.rowCount() == len(build_schedule(sc.protocol(), local_today()).visits)
    assert "Enrolled" in window.model.data(window.model.index(0, 1))
    assert window.model.data(window.model.index(0, ParticipantTableModel.NEXT_COLUMN)) == "Injection 1"
    assert "Eligibility confirmed by investigator" in w.signature_label.text()
    qtmodeltester.check(ws.visits_model)
    assert ws.history_model.rowCount() == 0 or ws._history_stale  # hidden: loaded when the tab is shown
    ws.setCurrentWidget(ws.history_page)
    qtmodeltester.check(ws.history_model)
    qtmodeltester.check(window.model)
    assert ws.history_model.rowCount() > 20
    ws.setCurrentWidget(ws.screening)

    # A later change asks for a reason and invalidates the signature visibly.
    w.igg_value.clear()
    qtbot.keyClicks(w.igg_value, "9,9")

    def reason(dialog: ReasonDialog):
        _ok(dialog)  # empty: refused at the field
        assert dialog.isVisible() and dialog.boxes["reason"].error.isVisible()
        qtbot.keyClicks(dialog.reason, "lab corrected IgG")
        _ok(dialog)

    _when_shown(ReasonDialog, reason)
    w.save_button.click()
    assert "NO LONGER VALID" in w.signature_label.text()
    assert "no longer valid" in ws.decision.text()
    assert w.sign_button.isEnabled()
    ws.setCurrentWidget(ws.history_page)
    assert any(r.reason == "lab corrected IgG" for r in ws.history_model.rows())


def test_nurse_cannot_judge_and_monitor_sees_no_identity(qtbot, store, users):
    doctor = users[Role.INVESTIGATOR]
    pid = ps.register_candidate(store, doctor, sex="M", birth_date=BORN, childbearing_potential=None,
                                identity=ps.Identity("Testperson Beta", synthetic_id_number(BORN, "M"))).participant_id
    nurse_window = MainWindow(store, users[Role.NURSE])
    qtbot.addWidget(nurse_window)
    nurse_window.select_participant(pid)
    rows = nurse_window.workspace.screening.rows
    assert not rows["E2"].answer.yes.isEnabled() and not nurse_window.workspace.consent_button.isVisible()
    assert not nurse_window.workspace.screening.sign_button.isVisibleTo(nurse_window)
    monitor_window = MainWindow(store, users[Role.MONITOR])
    qtbot.addWidget(monitor_window)
    monitor_window.select_participant(pid)
    assert not monitor_window.new_action.isEnabled()
    assert not monitor_window.workspace.identity.isVisibleTo(monitor_window)
    assert "Testperson" not in monitor_window.workspace.identity.text()
    assert "I6" in monitor_window.workspace.screening.rows and \
        "Not applicable" in monitor_window.workspace.screening.rows["I6"].status.text()


def _mnemonics(root) -> list[str]:
    """The Alt+letter keys of the visible labels (with a buddy), buttons and tabs under ``root``."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar

    keys = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root.window()) and widget is not root:
            continue
        texts = []
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts = [widget.text()]
        elif isinstance(widget, QAbstractButton):
            texts = [widget.text()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count())]
        for text in texts:
            match = re.search(r"&([^&])", text)
            if match:
                keys.append(match.group(1).lower())
    return keys


def test_keyboard_mnemonics_are_unique_on_each_page(qtbot, window, store, users):
    pid = ps.register_candidate(store, users[Role.INVESTIGATOR], sex="F", birth_date=BORN,
                                childbearing_potential=True, identity=None).participant_id
    window.reload()
    window.select_participant(pid)
    ws = window.workspace
    assert ws.isVisible() and ws.participant_id == pid
    for page in (0, 1, 2):
        ws.setCurrentIndex(page)
        keys = _mnemonics(window)
        duplicates = {k for k in keys if keys.count(k) > 1}
        assert not duplicates, (page, sorted(keys))
    for widget in ws.screening.findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QComboBox, QRadioButton)):
            assert widget.accessibleName(), widget


def test_a_judgement_says_what_yes_means(qtbot):
    """Issue 13 item 5: an exclusion's "Yes" is "present, excludes"; an inclusion's "Yes" is "met"."""
    from trialdesk.services.screening import protocol
    from trialdesk.ui.screening.widget import ScreeningChecklistWidget

    widget = ScreeningChecklistWidget()
    qtbot.addWidget(widget)
    judged = [c for c in protocol().criteria if c.needs_judgement]
    assert any(c.category == "exclusion" for c in judged)
    for criterion in judged:
        answer = widget.rows[criterion.id].answer
        if criterion.category == "exclusion":
            assert (answer.yes.text(), answer.no.text()) == ("Yes — present, excludes", "No — absent")
        else:
            assert (answer.yes.text(), answer.no.text()) == ("Yes — met", "No — not met, excludes")
