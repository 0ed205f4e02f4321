"""First start in the GUI: set-up wizard -> sign-in -> main window, offscreen, on a real store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWizard

from tests.conftest import PASSWORD
from trialdesk.app import AppController
from trialdesk.domain.people import Role
from trialdesk.services.participants import ParticipantRow
from trialdesk.ui.login_dialog import LoginDialog
from trialdesk.ui.main_window import MainWindow
from trialdesk.ui.participants.model import ParticipantTableModel
from trialdesk.ui.setup_wizard import SetupWizard


def _fill_wizard(wizard: SetupWizard, sheet: Path, password="Sterkt-passord-1", repeat=None):
    wizard.site_code.setText("H")
    wizard.site_name.setText("Haukeland")
    wizard.next()
    wizard.username.setText("admin")
    wizard.full_name.setText("Ada Admin")
    wizard.password.setText(password)
    wizard.password2.setText(repeat if repeat is not None else password)
    wizard.next()
    wizard.sheet_path.setText(str(sheet))


def test_setup_wizard_keeps_input_and_shows_errors_at_the_field(qtbot, tmp_path):
    calls = []

    def submit(values):
        calls.append(values)
        return ("password", "A password has at least 10 characters.") if len(calls) == 1 else None

    wizard = SetupWizard(submit, tmp_path / "sheet.pdf")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # empty site: refused at the field
    assert wizard.currentId() == 0
    assert wizard._pages["site_code"].errors["site_code"].isVisible()
    _fill_wizard(wizard, tmp_path / "sheet.pdf", repeat="different")
    assert wizard.currentId() == 1  # passwords differ: stays on the admin page
    assert wizard._pages["password2"].errors["password2"].text() == "The two passwords differ."
    wizard.password2.setText(wizard.password.text())
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert len(calls) == 1 and wizard.isVisible()
    assert wizard.currentId() == 1  # back on the page of the refused field, message shown
    assert "10 characters" in wizard._pages["password"].errors["password"].text()
    assert wizard.username.text() == "admin" and wizard.site_name.text() == "Haukeland"  # nothing lost
    wizard.next()
    offers = []
    wizard.open_url = offers.append
    _when_shown(QMessageBox, lambda box: (offers.append(box.text()), box.reject()))  # "Later"
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert len(calls) == 2 and calls[1].site_code == "H" and calls[1].admin_full_name == "Ada Admin"
    assert len(offers) == 1 and "sheet.pdf" in offers[0]  # offered, declined: nothing opened


def test_setup_wizard_checks_the_administrator_on_its_own_page(qtbot, tmp_path):
    calls = []
    wizard = SetupWizard(lambda values: calls.append(values), tmp_path / "sheet.pdf")
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_wizard(wizard, tmp_path / "sheet.pdf", password="kort1")
    errors = wizard._pages["password"].errors
    assert wizard.currentId() == 1 and "at least 10 characters" in errors["password"].text()
    wizard.password.setText("admin-og-mer-1")
    wizard.password2.setText("admin-og-mer-1")
    wizard.username.setText("Admin Person")
    wizard.full_name.clear()
    wizard.next()
    assert wizard.currentId() == 1
    assert "2-32 characters" in errors["username"].text()
    assert "full name" in errors["full_name"].text()
    wizard.username.setText("admin")
    wizard.full_name.setText("Ada Admin")
    wizard.next()
    assert wizard.currentId() == 1 and "must not contain the user name" in errors["password"].text()
    wizard.password.setText("Sterkt-passord-1")
    wizard.next()
    assert wizard.currentId() == 1 and errors["password2"].text() == "The two passwords differ."
    wizard.password2.setText("Sterkt-passord-1")
    wizard.next()
    assert wizard.currentId() == 2 and not calls  # nothing is created before Finish


def test_login_dialog_shows_error_and_keeps_user_name(qtbot, store, users):
    from trialdesk.services import auth

    dialog = LoginDialog(lambda u, p: auth.login(store, u, p), site="Haukeland")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "doctor")
    qtbot.keyClicks(dialog.password, "wrong-password-1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.error.text() == "Wrong user name or password."
    assert dialog.username.text() == "doctor" and dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.user.role is Role.INVESTIGATOR


def test_participant_model_passes_modeltester(qtmodeltester):
    from datetime import date

    model = ParticipantTableModel(today=lambda: date(2026, 3, 2))
    model.set_rows([
        ParticipantRow("a", "KTS11-H-001", "candidate", "F", "1990-05-01", "H"),
        ParticipantRow("b", "KTS11-H-002", "enrolled", "M", "2008-03-03", "H", "Dose 1", "2026-04-01"),
    ])
    qtmodeltester.check(model)
    assert model.data(model.index(1, ParticipantTableModel.SEX_AGE_COLUMN)) == "M 17"
    assert model.data(model.index(1, ParticipantTableModel.NEXT_COLUMN)) == "Dose 1"
    assert model.data(model.index(0, 1)) == "Candidate"
    assert model.row_at(model.index(1, 0)).study_id == "KTS11-H-002"


def test_main_window_for_each_role(qtbot, store, users):
    for role, user in users.items():
        window = MainWindow(store, user)
        qtbot.addWidget(window)
        window.show()
        assert user.full_name in window.session_label.text()
        if role is Role.ADMINISTRATOR:  # no clinical data: the staff administration is the window
            assert window.staff is not None and window.staff.isVisible() and not window.splitter.isVisible()
            assert window.staff.model.rowCount() == len(users)
            assert window.settings_action is not None
        else:
            assert window.empty_note.text() == "No participants yet."
            assert window.staff is None and window.splitter.isVisible()
        assert window.password_action.isEnabled()  # everyone changes their own password
        window.close()


def _when_shown(kind, action, tries=250):
    """Run ``action(dialog)`` once a visible ``kind`` dialog exists (its exec() blocks the test)."""
    def poll(left=tries):
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if found:
            action(found[0])
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))
        else:  # give up: close whatever modal dialog is open so the test fails instead of hanging
            for w in QApplication.topLevelWidgets():
                if w.isModal() and w.isVisible():
                    w.reject()
    QTimer.singleShot(0, poll)


def test_first_start_end_to_end(qtbot, tmp_path):
    """No store -> wizard creates it -> sign in as the new administrator -> main window."""
    folder = tmp_path / "data"
    controller = AppController(folder)

    opened = []

    def finish_wizard(wizard):
        _fill_wizard(wizard, tmp_path / "sheet.pdf")
        wizard.open_url = opened.append  # the offer is made; nothing is opened in a test
        _when_shown(QMessageBox, lambda box: box.buttons()[0].click())  # "Open the sheet"
        wizard.button(QWizard.WizardButton.FinishButton).click()

    _when_shown(SetupWizard, finish_wizard)
    assert controller.ensure_store()
    assert (tmp_path / "sheet.pdf").exists() and (folder / "trialdesk.db").exists()
    assert [url.toLocalFile() for url in opened] == [str((tmp_path / "sheet.pdf").resolve())]

    def sign_in(dialog):
        dialog.username.setText("admin")
        dialog.password.setText("Sterkt-passord-1")
        dialog.sign_in_button.click()

    _when_shown(LoginDialog, sign_in)
    assert controller.sign_in()
    window = controller.show_main_window()
    qtbot.addWidget(window)
    assert window.isVisible() and "Ada Admin" in window.session_label.text()
    controller.shutdown()
    assert list((folder / "backups").glob("*.db"))  # backup on exit


def _sign_in_as(username, password):
    def action(dialog):
        dialog.username.setText(username)
        dialog.password.setText(password)
        dialog.sign_in_button.click()
    return action


def test_existing_store_opens_in_the_background_while_signing_in(qtbot, workstation, users):
    """The sign-in window comes first; the store opens on a worker thread; signing in waits for it."""
    folder = workstation.store.folder
    workstation.store.close()
    controller = AppController(folder)
    assert controller.ensure_store() and controller.store is None
    _when_shown(LoginDialog, _sign_in_as("doctor", PASSWORD))
    assert controller.sign_in()
    assert controller.store is not None and controller.user.username == "doctor"
    controller.shutdown()
    assert controller.store is None


def test_missing_key_leads_to_the_recovery_dialog_then_sign_in(qtbot, workstation, users, memory_keyring):
    from trialdesk.db import keystore
    from trialdesk.ui.recovery_dialog import RecoveryKeyDialog

    folder = workstation.store.folder
    [(service, store_id)] = list(memory_keyring.secrets)
    key = bytes.fromhex(memory_keyring.secrets[(service, store_id)])
    workstation.store.close()
    memory_keyring.secrets.clear()
    controller = AppController(folder)
    assert controller.ensure_store()

    def type_key(dialog):
        dialog.key.setText(keystore.format_recovery_key(key) + " " + keystore.key_checksum(key))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        _when_shown(LoginDialog, _sign_in_as("nurse", PASSWORD))

    _when_shown(RecoveryKeyDialog, type_key)
    assert controller.sign_in()
    assert controller.user.username == "nurse"
    assert keystore.load_key(store_id) == key  # back in the keychain
    controller.shutdown()


def test_store_in_use_is_a_clear_message_not_a_crash(qtbot, workstation, monkeypatch):
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: messages.append(a[2]))
    controller = AppController(workstation.store.folder)  # the fixture still holds the store open
    assert controller.ensure_store()
    assert not controller.sign_in()
    assert messages and "already open" in messages[0]
    controller.shutdown()


def test_setup_wizard_placeholders_describe_and_the_sheet_page_is_checked_first(qtbot, tmp_path):
    """Issue 13 point 7: no placeholder that could pass for a value typed; the recovery-sheet page is checked
    before anything is created; an error goes as its field is corrected."""
    calls = []
    wizard = SetupWizard(lambda values: calls.append(values), tmp_path / "sheet.pdf")
    qtbot.addWidget(wizard)
    wizard.show()
    for edit in (wizard.site_code, wizard.site_name):
        hint = edit.placeholderText()
        assert " " in hint and hint == hint.lower() or hint[0].islower(), hint  # words, not a value
    assert wizard.site_code.placeholderText() != "H" and "Haukeland" not in wizard.site_name.placeholderText()
    wizard.next()
    error = wizard._pages["site_code"].errors["site_code"]
    assert wizard.currentId() == 0 and error.isVisible()
    qtbot.keyClicks(wizard.site_code, "H")
    assert not error.isVisible()  # corrected: the message goes
    _fill_wizard(wizard, tmp_path / "no-such-folder" / "sheet.pdf")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    sheet_error = wizard._pages["recovery_sheet"].errors["recovery_sheet"]
    assert calls == [] and "does not exist" in sheet_error.text()
    wizard.sheet_path.setText(str(tmp_path / "sheet.txt"))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert calls == [] and ".pdf" in sheet_error.text()
