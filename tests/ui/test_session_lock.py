"""Idle lock: the window locks after the idle time, keeps unsaved input, unlocks only for the same
user's password; "Sign out" on the lock is the only way out for another user."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.conftest import PASSWORD
from tests.ui.test_first_window import _when_shown
from trialdesk.clock import local_today
from trialdesk.domain.people import Role
from trialdesk.services import participants as ps
from trialdesk.services import session
from trialdesk.services.demo import synthetic_id_number
from trialdesk.ui.main_window import MainWindow

BORN = date(1985, 4, 12)


@pytest.fixture
def consented(store, users):
    doctor = users[Role.INVESTIGATOR]
    pid = ps.register_candidate(store, doctor, sex="F", birth_date=BORN, childbearing_potential=True,
                                identity=ps.Identity("Testperson Alfa", synthetic_id_number(BORN, "F"))).participant_id
    day = local_today() - timedelta(days=1)
    ps.record_consent(store, doctor, pid, form_version="1.0", language="nb", participant_signed_on=day,
                      investigator_signed_on=day, copy_given=True)
    return pid


def test_idle_time_is_the_site_setting(store):
    assert session.idle_lock_minutes(store) == 10


def test_idle_lock_keeps_unsaved_input_and_needs_the_same_password(qtbot, store, users, consented):
    window = MainWindow(store, users[Role.INVESTIGATOR], idle_ms=300)
    qtbot.addWidget(window)
    window.show()
    window.select_participant(consented)
    screening = window.workspace.screening
    qtbot.keyClicks(screening.nk_value, "212")
    assert screening.dirty
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert window.stack.currentWidget() is window.lock_page  # content covered, not destroyed
    dialog = window.lock_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert dialog.username.text() == "doctor" and dialog.username.isReadOnly()
    qtbot.keyClicks(dialog.password, "wrong-password-1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert window.locked and dialog.error.text() == "Wrong password."
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not window.locked and window.stack.currentIndex() == 0
    assert screening.nk_value.text() == "212" and screening.dirty  # unsaved input survived
    events = [r[0] for r in store.db.execute("SELECT action FROM audit WHERE action LIKE 'WINDOW_%' ORDER BY seq")]
    assert events == ["WINDOW_LOCKED", "WINDOW_UNLOCKED"]
    # Input restarts the timer: typing keeps the window open.
    for _ in range(4):
        qtbot.wait(120)
        qtbot.keyClick(screening.igg_value, Qt.Key.Key_9)
    assert not window.locked


def test_sign_out_from_the_lock(qtbot, store, users):
    window = MainWindow(store, users[Role.NURSE], idle_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    window.lock_action.trigger()
    assert window.locked
    dialog = window.lock_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)

    def confirm(box: QMessageBox):
        box.button(QMessageBox.StandardButton.Yes).click()

    _when_shown(QMessageBox, confirm)
    with qtbot.waitSignal(window.sign_out_requested, timeout=5000):
        dialog.reject()  # the "Sign out" button
    assert window.locked  # nothing is shown again for the next user
