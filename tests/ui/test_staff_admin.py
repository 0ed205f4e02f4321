"""Staff administration in the GUI (issue 11): the administrator adds a nurse with the keyboard, the nurse
signs in on the same store and replaces the temporary password; an open session ends when the administrator
deactivates the account or it is locked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import ADMIN_PASSWORD, PASSWORD, main_window
from tests.ui.test_first_window import _sign_in_as, _when_shown
from trialdesk.app import AppController
from trialdesk.db import users as users_repo
from trialdesk.domain.people import Role
from trialdesk.errors import AuthError
from trialdesk.services import auth, session
from trialdesk.services import visits as vs
from trialdesk.ui.login_dialog import LoginDialog
from trialdesk.ui.reason_dialog import ReasonDialog
from trialdesk.ui.staff.dialogs import (
    AddUserDialog, ChangePasswordDialog, ResetPasswordDialog, RoleDialog, SiteSettingsDialog,
)
from trialdesk.ui.staff.model import StaffTableModel

TEMPORARY = "Midlertidig-2026"
OWN = "Sommer-i-Bergen-7"


def _when_open(kind, action, failures):
    """``_when_shown`` that never hangs: a failed check inside the dialog closes it and is kept in
    ``failures`` for the test to report."""
    def guarded(dialog):
        try:
            action(dialog)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            failures.append(exc)
            dialog.reject()
    _when_shown(kind, guarded)


def test_the_administrator_adds_a_nurse_who_then_signs_in(qtbot, store, admin):
    window = main_window(qtbot, store, auth.login(store, "admin", ADMIN_PASSWORD))
    staff = window.staff
    assert staff is not None and staff.isVisible() and staff.model.rowCount() == 1
    first_tries = []

    def fill(dialog: AddUserDialog):
        # The keyboard path: the user name has focus; Tab walks the fields in order.
        assert dialog.focusWidget() is dialog.username
        qtbot.keyClicks(dialog.username, "Nina Nurse")  # not a user name: refused at its field
        qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.full_name
        qtbot.keyClicks(dialog.full_name, "Nina Nurse")
        qtbot.keyClick(dialog.full_name, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.role and dialog.role.currentData() == "nurse"
        qtbot.keyClick(dialog.role, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.password, TEMPORARY)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.password2, TEMPORARY)
        qtbot.keyClick(dialog.password2, Qt.Key.Key_Return)
        first_tries.append(dialog.boxes["username"].error.text())
        assert dialog.isVisible() and dialog.full_name.text() == "Nina Nurse"  # nothing typed is lost
        assert dialog.focusWidget() is dialog.username
        dialog.username.clear()
        qtbot.keyClicks(dialog.username, "nina")
        qtbot.keyClick(dialog.username, Qt.Key.Key_Return)

    failures = []
    _when_open(AddUserDialog, fill, failures)
    qtbot.keyClick(staff.add_button, Qt.Key.Key_Space)
    assert not failures, failures
    assert "2-32 characters" in first_tries[0]
    nina = users_repo.by_username(store.db, "nina")
    assert nina.role is Role.NURSE and nina.must_change_password
    assert staff.model.rowCount() == 2 and staff.selected().username == "nina"
    assert "temporary" in staff.model.data(staff.model.index(1, 6))
    assert "Added nina" in staff.status.text()
    window.close()

    # The nurse signs in on the same store and must choose a password before anything else.
    controller = AppController(store.folder)
    controller.store = store
    forced = []

    def replace(dialog: ChangePasswordDialog):
        forced.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.old_password, TEMPORARY)
        dialog.password.setFocus()
        qtbot.keyClicks(dialog.password, TEMPORARY)  # the same again: refused at the field
        dialog.password2.setFocus()
        qtbot.keyClicks(dialog.password2, TEMPORARY)
        qtbot.keyClick(dialog.password2, Qt.Key.Key_Return)
        forced.append(dialog.boxes["password"].error.text())
        for field in (dialog.password, dialog.password2):
            field.clear()
            qtbot.keyClicks(field, OWN)
        qtbot.keyClick(dialog.password2, Qt.Key.Key_Return)

    def sign_in(dialog):
        _when_open(ChangePasswordDialog, replace, failures)
        _sign_in_as("nina", TEMPORARY)(dialog)

    _when_shown(LoginDialog, sign_in)
    assert controller.sign_in(), failures
    assert not failures, failures
    assert forced[0] == "Change my password" and "not the current one" in forced[1]
    assert controller.user.username == "nina" and not controller.user.must_change_password
    nurse_window = controller.show_main_window()
    qtbot.addWidget(nurse_window)
    assert nurse_window.staff is None and nurse_window.empty_note.text() == "No participants yet."
    assert nurse_window.new_action.isEnabled()
    nurse_window.close()
    assert auth.login(store, "nina", OWN).username == "nina"


def test_a_temporary_password_not_replaced_signs_out(qtbot, store, admin):
    auth.create_user(store, admin, username="nina", full_name="Nina Nurse", role=Role.NURSE, password=TEMPORARY)
    controller = AppController(store.folder)
    controller.store = store
    tries = []

    def sign_in(dialog):
        if tries:  # the second time: give up
            dialog.reject()
            return
        tries.append(1)
        _when_shown(ChangePasswordDialog, lambda d: d.reject())  # "Sign out"
        _sign_in_as("nina", TEMPORARY)(dialog)
        _when_shown(LoginDialog, sign_in)

    _when_shown(LoginDialog, sign_in)
    assert not controller.sign_in() and controller.user is None
    actions = [r[0] for r in store.db.execute("SELECT action FROM audit WHERE username = 'nina' AND action IN "
                                              "('LOGIN', 'LOGOUT') ORDER BY seq")]
    assert actions == ["LOGIN", "LOGOUT"]


def test_staff_model_passes_modeltester(qtmodeltester, store, users):
    model = StaffTableModel()
    model.set_rows(auth.list_users(store, users[Role.ADMINISTRATOR]))
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "User name", "Name", "Role", "Active", "Locked", "Unblinded", "Password set"]
    assert model.data(model.index(1, 2)) == "Investigator"


def _select(staff, username):
    user = users_repo.by_username(staff.store.db, username)
    assert staff.select(user.id)
    return user


def test_every_staff_action_through_its_dialog(qtbot, store, admin, users):
    window = main_window(qtbot, store, admin)
    staff = window.staff
    doctor = _select(staff, "doctor")
    assert staff.selected().id == doctor.id and staff.role_button.isEnabled() and staff.reset_button.isEnabled()

    # Change role: the reason is asked in the same dialog; an empty one is refused at its field.
    def role(dialog: RoleDialog):
        dialog.role.setCurrentIndex(dialog.role.findData("monitor"))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert "reason" in dialog.boxes["reason"].error.text().lower() and dialog.isVisible()
        qtbot.keyClicks(dialog.reason, "monitors the trial now")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    failures = []
    _when_open(RoleDialog, role, failures)
    staff.role_button.click()
    assert not failures, failures
    assert users_repo.get(store.db, doctor.id).role is Role.MONITOR and "is now Monitor" in staff.status.text()

    # Deactivate, then reactivate (the button says which).
    assert staff.active_button.text() == "&Deactivate…"
    _when_shown(ReasonDialog, lambda d: (qtbot.keyClicks(d.reason, "left"), d.buttons.button(
        d.buttons.StandardButton.Ok).click()))
    staff.active_button.click()
    assert not users_repo.get(store.db, doctor.id).active and staff.active_button.text() == "Reac&tivate…"
    _when_shown(ReasonDialog, lambda d: (qtbot.keyClicks(d.reason, "back"), d.buttons.button(
        d.buttons.StandardButton.Ok).click()))
    staff.active_button.click()
    assert users_repo.get(store.db, doctor.id).active

    # The unblinded physician: only an investigator (the button is off for a monitor, on again for a doctor).
    assert not staff.unblinded_button.isEnabled()
    auth.set_role(store, admin, doctor.id, Role.INVESTIGATOR, reason="doctor again")
    _select(staff, "doctor")
    assert staff.unblinded_button.isEnabled()
    _when_shown(ReasonDialog, lambda d: (qtbot.keyClicks(d.reason, "sponsor's choice"), d.buttons.button(
        d.buttons.StandardButton.Ok).click()))
    staff.unblinded_button.click()
    assert users_repo.get(store.db, doctor.id).unblinded and "Revoke" in staff.unblinded_button.text()
    assert staff.model.data(staff.proxy.mapToSource(staff.table.currentIndex()).siblingAtColumn(5)) == "yes"

    # Reset a password: typed twice; then the lock is gone too.
    for _ in range(5):
        try:
            auth.login(store, "nurse", "wrong-password-1")
        except AuthError:
            pass
    nurse = _select(staff, "nurse")
    assert staff.unlock_button.isEnabled() and staff.model.data(
        staff.proxy.mapToSource(staff.table.currentIndex()).siblingAtColumn(4)) == "yes"
    staff.unlock_button.click()
    assert users_repo.get(store.db, nurse.id).locked_until is None and not staff.unlock_button.isEnabled()

    def reset(dialog: ResetPasswordDialog):
        qtbot.keyClicks(dialog.password, TEMPORARY)
        qtbot.keyClicks(dialog.password2, TEMPORARY + "x")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert dialog.boxes["password2"].error.text() == "The two passwords differ."
        dialog.password2.clear()
        qtbot.keyClicks(dialog.password2, TEMPORARY)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    failures = []
    _when_open(ResetPasswordDialog, reset, failures)
    staff.reset_button.click()
    assert not failures, failures
    assert users_repo.get(store.db, nurse.id).must_change_password
    assert auth.login(store, "nurse", TEMPORARY).must_change_password

    # Site settings: bounded spin boxes, the reason in the dialog.
    def settings(dialog: SiteSettingsDialog):
        assert dialog.idle.value() == 10 and dialog.idle.maximum() == 60
        dialog.idle.setValue(5)
        dialog.folder.setText("relative")
        qtbot.keyClicks(dialog.reason, "site policy")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert "full path" in dialog.boxes["backup_folder"].error.text()
        dialog.folder.clear()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    failures = []
    _when_open(SiteSettingsDialog, settings, failures)
    window.settings_action.trigger()
    assert not failures, failures
    assert session.site_settings(store).idle_lock_minutes == 5
    window.close()


def test_the_administrator_cannot_demote_or_deactivate_themselves_in_the_window(qtbot, store, admin, users):
    window = main_window(qtbot, store, admin)
    _select(window.staff, "admin")
    assert not window.staff.role_button.isEnabled() and not window.staff.active_button.isEnabled()
    assert not window.staff.reset_button.isEnabled()
    window.close()


def test_deactivating_a_signed_in_user_refuses_their_next_save_and_signs_them_out(qtbot, store, admin, users,
                                                                                 monkeypatch):
    from trialdesk.ui.participants.candidate_dialog import NewCandidateDialog

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    nurse = auth.login(store, "nurse", PASSWORD)
    window = main_window(qtbot, store, nurse)
    before = store.db.execute("SELECT count(*) FROM participants").fetchone()[0]
    seen = []

    def save(dialog: NewCandidateDialog):
        # While the nurse types, the administrator deactivates the account (at another desk).
        auth.set_active(store, admin, nurse.id, False, reason="left the unit")
        dialog.sex.setCurrentIndex(dialog.sex.findData("M"))
        qtbot.keyClicks(dialog.birth_date, "01.05.1990")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # the save is refused by the service
        seen.append(dialog.error.text())

    failures = []
    _when_open(NewCandidateDialog, save, failures)
    with qtbot.waitSignal(window.sign_out_requested, timeout=5000):
        window.new_action.trigger()
    assert store.db.execute("SELECT count(*) FROM participants").fetchone()[0] == before
    assert "deactivated" in seen[0]
    assert told and "deactivated" in told[0] and "signed out" in told[0]
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, NewCandidateDialog))
    window.close()


def test_a_lockout_in_an_open_session_locks_the_window(qtbot, store, admin, users, monkeypatch):
    doctor = auth.login(store, "doctor", PASSWORD)
    window = main_window(qtbot, store, doctor)
    for _ in range(5):
        try:
            auth.login(store, "doctor", "wrong-password-1")
        except AuthError:
            pass
    window.reload()  # the next read is refused: the window locks and says why
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert "locked until" in window.lock_dialog.error.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.sign_out_requested, timeout=5000):
        window.lock_dialog.reject()  # "Sign out" on the lock: the way out
    window.close()


def test_change_my_password_for_every_user(qtbot, store, users):
    nurse = users[Role.NURSE]
    window = main_window(qtbot, store, nurse)

    def change(dialog: ChangePasswordDialog):
        qtbot.keyClicks(dialog.old_password, "wrong-password-1")
        qtbot.keyClicks(dialog.password, OWN)
        qtbot.keyClicks(dialog.password2, OWN)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert dialog.boxes["old_password"].error.text() == "Wrong password."
        dialog.old_password.clear()
        qtbot.keyClicks(dialog.old_password, PASSWORD)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    failures = []
    _when_open(ChangePasswordDialog, change, failures)
    window.password_action.trigger()
    assert not failures, failures
    assert auth.login(store, "nurse", OWN)
    assert "changed" in window.statusBar().currentMessage()
    window.close()


def test_revoking_the_unblinded_physician_takes_effect_in_the_open_session(store, admin, users):
    doctor = auth.login(store, "doctor", PASSWORD)
    vs.set_unblinded(store, admin, doctor.id, True, reason="designated")
    assert not vs.is_blinded(doctor)
    vs.set_unblinded(store, admin, doctor.id, False, reason="revoked")
    assert vs.is_blinded(doctor)


def test_a_refused_session_is_told_before_a_dialog_opens(qtbot, store, admin, users, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    nurse = auth.login(store, "nurse", PASSWORD)
    window = main_window(qtbot, store, nurse)
    auth.set_role(store, admin, nurse.id, Role.MONITOR, reason="monitors now")
    with qtbot.waitSignal(window.sign_out_requested, timeout=5000):
        window.new_action.trigger()
    assert told and "changed to monitor" in told[0]
    window.close()
