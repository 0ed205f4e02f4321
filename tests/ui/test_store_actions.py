"""Verify store, Back up now and the backup on quit run off the GUI thread with progress (issue 15, point 2; issue
14): the window stays responsive, the progress dialog says what is being done, and quitting waits visibly."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from tests.conftest import main_window
from trialdesk.services import workstation
from trialdesk.ui import tasks


def test_verify_store_runs_in_the_background_and_shows_the_report(qtbot, store, admin, monkeypatch):
    threads, shown = [], []
    real = workstation.verify

    def verify(store_, progress=None):
        threads.append(threading.current_thread())
        return real(store_, progress)

    monkeypatch.setattr(workstation, "verify", verify)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    window = main_window(qtbot, store, admin)
    window.verify_action.trigger()
    task = window.verify_task
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    assert threads and threads[0] is not threading.main_thread()
    assert task.progress is not None and task.progress[1] == 1.0  # the last step it told
    assert len(shown) == 1 and "All checks passed." in shown[0] and "audit seal (chain head)" in shown[0]


def test_back_up_now_runs_in_the_background_with_progress(qtbot, store, admin, monkeypatch):
    window = main_window(qtbot, store, admin)
    before = set((store.folder / "backups").glob("*.db")) if (store.folder / "backups").exists() else set()
    window.backup_action.trigger()
    task = window.backup_task
    assert not task.done  # the GUI thread went on at once
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    assert task.error is None
    made = set((store.folder / "backups").glob("*.db")) - before
    assert len(made) == 1
    assert task.progress is not None and task.progress[0] == window.tr("Checking the copy…")
    assert "Backup written and verified" in window.statusBar().currentMessage()


def test_quitting_waits_for_the_backup_visibly(qtbot):
    """wait_visibly (the backup on quit) keeps the event loop running: the progress dialog appears with the step
    told by the job, and the result comes back once the job is done."""
    seen = []

    def look():
        busy = tasks._indicator()
        seen.append((busy.visible, busy.dialog.labelText() if busy.dialog else "", busy.dialog.value()
                     if busy.dialog else None))

    QTimer.singleShot(tasks.BUSY_DELAY_MS + 400, look)

    def work(report):
        report("Copying the store…", 0.5)
        time.sleep((tasks.BUSY_DELAY_MS + 900) / 1000)
        return "done"

    assert tasks.wait_visibly(work, "Making the backup before closing…") == "done"
    assert seen and seen[0][0] is True
    assert "Making the backup before closing…" in seen[0][1] and "Copying the store…" in seen[0][1]
    assert seen[0][2] == 50
    assert not tasks.is_busy()
