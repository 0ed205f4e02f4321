"""The store's full integrity check at the first idle moment (issue 15, point 2): opening the store no longer reads
every page, so the window checks them once when nobody is typing, on a worker thread, and tells of damage."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import PASSWORD
from trialdesk.db.connection import open_store
from trialdesk.services import auth, workstation
from trialdesk.ui.main_window import MainWindow


def _window(qtbot, store, user, **kwargs) -> MainWindow:
    window = MainWindow(store, user, **kwargs)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_a_sound_store_is_checked_once_when_idle_and_nothing_is_shown(qtbot, store, nurse):
    window = _window(qtbot, store, nurse, idle_check_ms=50)
    assert window.store_check_problems is None  # not on opening
    qtbot.waitUntil(lambda: window.store_check_problems is not None, timeout=10_000)
    assert window.store_check_problems == []
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.objectName() == "trialdesk-store-check" and w.isVisible()]


def test_input_puts_the_check_off_until_the_user_is_idle(qtbot, store, nurse):
    window = _window(qtbot, store, nurse, idle_check_ms=400)
    for _ in range(6):  # typing every 100 ms: never idle for 400 ms
        qtbot.keyClicks(window.filter, "H")
        qtbot.wait(100)
    assert window.store_check_problems is None
    qtbot.waitUntil(lambda: window.store_check_problems is not None, timeout=10_000)


def test_a_damaged_page_found_when_idle_is_told(qtbot, store, nurse):
    """A page the open path does not read (the lab results' root page) is damaged: the store opens, and the idle
    check finds it and says what to do."""
    folder, path = store.folder, store.path
    key = workstation.key_for(folder)
    root = int(store.db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'lab_results'").fetchone()[0])
    page_size = int(store.db.execute("PRAGMA page_size").fetchone()[0])
    store.close()
    data = bytearray(path.read_bytes())
    at = (root - 1) * page_size + page_size // 2
    data[at:at + 16] = bytes(b ^ 0xFF for b in data[at:at + 16])
    path.write_bytes(bytes(data))
    damaged = open_store(folder, key)
    try:
        again = auth.login(damaged, nurse.username, PASSWORD)  # the account as read from the reopened store
        window = _window(qtbot, damaged, again, idle_check_ms=50)
        qtbot.waitUntil(lambda: window.store_check_problems is not None, timeout=10_000)
        assert window.store_check_problems
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == "trialdesk-store-check"]
        assert boxes and "restore the latest backup" in boxes[0].text()
        boxes[0].close()
        window.close()
    finally:
        damaged.close()
