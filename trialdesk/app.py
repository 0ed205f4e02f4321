"""Composition root: data folder -> set-up or keychain -> open store -> sign in -> main window.

Only this module and ``trialdesk.ui`` import PySide6.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from trialdesk.db.connection import store_exists
from trialdesk.db import keystore
from trialdesk.errors import KeychainUnavailable, KeyMissing, TrialDeskError, ValidationError
from trialdesk.services import auth, workstation
from trialdesk.ui import i18n
from trialdesk.ui.login_dialog import LoginDialog
from trialdesk.ui.main_window import MainWindow
from trialdesk.ui.recovery_dialog import RecoveryKeyDialog
from trialdesk.ui.setup_wizard import SetupValues, SetupWizard

# Used by bench/startup.py only: quit as soon as the named window is shown.
EXIT_WHEN_SHOWN_ENV = "TRIALDESK_EXIT_WHEN_SHOWN"


class AppController(QObject):
    """Walks one user through set-up / recovery / sign-in and owns the open store and main window."""

    def __init__(self, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.folder = Path(folder)
        self.store = None
        self.user = None
        self.window: MainWindow | None = None

    # --- steps --------------------------------------------------------------------------------------

    def ensure_store(self) -> bool:
        """Set up a new store (wizard) or open the existing one; False when the user gave up."""
        if not store_exists(self.folder):
            return self._run_setup()
        return self._open_existing()

    def _run_setup(self) -> bool:
        default_sheet = Path.home() / "TrialDesk-recovery-key.pdf"

        def submit(values: SetupValues):
            try:
                result = workstation.setup_workstation(
                    self.folder, site_code=values.site_code, site_name=values.site_name,
                    admin_username=values.admin_username, admin_full_name=values.admin_full_name,
                    admin_password=values.admin_password, recovery_sheet=values.recovery_sheet)
            except ValidationError as exc:
                return exc.field, i18n.error_text(exc)
            except TrialDeskError as exc:
                return None, i18n.error_text(exc)
            self.store = result.store
            return None

        wizard = SetupWizard(submit, default_sheet)
        wizard.exec()
        return self.store is not None

    def _open_existing(self) -> bool:
        try:
            self.store = workstation.open_workstation(self.folder)
            return True
        except (KeyMissing, KeychainUnavailable) as exc:
            return self._ask_recovery_key(i18n.error_text(exc))
        except TrialDeskError as exc:
            QMessageBox.critical(None, self.tr("TrialDesk cannot open the store"), i18n.error_text(exc))
            return False

    def _ask_recovery_key(self, reason: str) -> bool:
        def submit(text: str):
            usable, _ = keystore.keychain_usable()
            if usable:
                workstation.recover(self.folder, text)
                self.store = workstation.open_workstation(self.folder)
            else:  # no keychain: open with the typed key for this session only
                self.store = workstation.open_workstation(self.folder, keystore.parse_recovery_key(text))

        dialog = RecoveryKeyDialog(submit, reason)
        dialog.exec()
        return self.store is not None

    def sign_in(self) -> bool:
        site = self.store.meta("site_name") or self.store.info.site_code
        dialog = LoginDialog(lambda u, p: auth.login(self.store, u, p), site=site)
        _maybe_exit_when_shown(dialog, "login")
        if dialog.exec() and dialog.user is not None:
            self.user = dialog.user
            return True
        return False

    def show_main_window(self) -> MainWindow:
        self.window = MainWindow(self.store, self.user)
        self.window.sign_out_requested.connect(self._on_window_sign_out_requested)
        self.window.show()
        return self.window

    def _on_window_sign_out_requested(self) -> None:
        auth.logout(self.store, self.user)
        self.user = None
        window, self.window = self.window, None
        window.hide()
        window.deleteLater()
        if self.sign_in():
            self.show_main_window()
        else:
            QApplication.instance().quit()

    def shutdown(self) -> None:
        """On quit: an automatic verified backup, then close the store."""
        if self.store is None:
            return
        try:
            if self.user is not None:
                auth.logout(self.store, self.user)
            workstation.make_backup(self.store, None)
        except TrialDeskError as exc:
            QMessageBox.warning(None, self.tr("Backup on exit"), i18n.error_text(exc))
        finally:
            self.store.close()
            self.store = None


def _maybe_exit_when_shown(widget: QWidget, name: str) -> None:
    if os.environ.get(EXIT_WHEN_SHOWN_ENV) != name:
        return
    original = widget.showEvent

    def show_event(event):
        original(event)
        QTimer.singleShot(0, lambda: (print("shown", flush=True), os._exit(0)))

    widget.showEvent = show_event


def run_gui(folder: Path, language: str | None = None) -> int:
    """Start the application on the store in ``folder``; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("TrialDesk")
    app.setOrganizationName("Helse Bergen")
    lang = i18n.install(app, language or os.environ.get("TRIALDESK_LANG"))
    app.setProperty("trialdesk_language", lang)  # protocol texts follow the UI language
    controller = AppController(folder)
    if not controller.ensure_store():
        return 1 if store_exists(Path(folder)) else 0
    try:
        if not controller.sign_in():
            return 0
        controller.show_main_window()
        app.setQuitOnLastWindowClosed(True)
        return app.exec()
    finally:
        controller.shutdown()


if __name__ == "__main__":
    from trialdesk.paths import resolve_data_dir

    sys.exit(run_gui(resolve_data_dir(None)))
