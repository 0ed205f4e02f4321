"""Composition root: data folder -> set-up or keychain -> open store -> sign in -> main window.

Only this module and ``trialdesk.ui`` import PySide6.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

# Only light imports here: the sign-in window must be on screen fast (bench/startup.py). The store,
# sqlite-utils, argon2 and the services load on a worker thread while the user types.
from trialdesk.db.folder import StoreInfo, store_exists
from trialdesk.errors import KeychainUnavailable, KeyMissing, TrialDeskError, ValidationError
from trialdesk.ui import i18n
from trialdesk.ui.login_dialog import LoginDialog

# Used by bench/startup.py only: quit as soon as the named window is shown.
EXIT_WHEN_SHOWN_ENV = "TRIALDESK_EXIT_WHEN_SHOWN"


def _open_in_background(folder: Path):
    """Worker-thread part of start-up: the heavy imports, then open the store with the keychain key."""
    from trialdesk.services import auth, workstation  # noqa: F401  (auth: warm the import for sign-in)

    del auth

    return workstation.open_workstation(folder)


class AppController(QObject):
    """Walks one user through set-up / recovery / sign-in and owns the open store and main window.

    With an existing store, the sign-in window shows at once while the store opens on a worker
    thread (``_opening``); signing in waits for it, and an error while opening (no key in the
    keychain, a damaged store, another TrialDesk using it) closes the sign-in window and is handled.
    """

    def __init__(self, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.folder = Path(folder)
        self.store = None
        self.user = None
        self.window = None
        self._opening: Future | None = None
        self._executor: ThreadPoolExecutor | None = None

    # --- steps --------------------------------------------------------------------------------------

    def ensure_store(self) -> bool:
        """Set up a new store (wizard), or start opening the existing one; False when the user gave up."""
        if not store_exists(self.folder):
            return self._run_setup()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="trialdesk-open")
        return True

    def _start_opening(self) -> None:
        if self._opening is None and self.store is None and self._executor is not None:
            self._opening = self._executor.submit(_open_in_background, self.folder)

    def _run_setup(self) -> bool:
        from trialdesk.services import workstation
        from trialdesk.ui.setup_wizard import SetupValues, SetupWizard

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

    def _ask_recovery_key(self, reason: str) -> bool:
        from trialdesk.db import keystore
        from trialdesk.services import workstation
        from trialdesk.ui.recovery_dialog import RecoveryKeyDialog

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

    def _site_label(self) -> str:
        if self.store is not None:
            return self.store.meta("site_name") or self.store.info.site_code
        try:
            return self.tr("site {code}").format(code=StoreInfo.read(self.folder).site_code)
        except TrialDeskError:
            return ""

    def _authenticate(self, username: str, password: str):
        from trialdesk.services import auth

        if self.store is None:
            self._start_opening()
            self.store = self._opening.result()  # waits for the worker at most a moment
        return auth.login(self.store, username, password)

    def sign_in(self) -> bool:
        """Show the sign-in window until someone signs in (True) or the user gives up (False)."""
        while True:
            failure: list[BaseException] = []
            dialog = LoginDialog(self._authenticate, site=self._site_label())
            if self.store is None and self._executor is not None:
                # Start opening once the window is painted, so it shows without waiting for the worker.
                QTimer.singleShot(0, self._start_opening)
                timer = QTimer(dialog)
                timer.setInterval(40)

                def poll(dialog=dialog, timer=timer, failure=failure):
                    if self._opening is None or not self._opening.done():
                        return
                    timer.stop()
                    problem = self._opening.exception()
                    if problem is not None:
                        failure.append(problem)
                        dialog.reject()
                    elif self.store is None:
                        self.store = self._opening.result()

                timer.timeout.connect(poll)
                timer.start()
            _maybe_exit_when_shown(dialog, "login")
            accepted = dialog.exec() and dialog.user is not None
            if accepted:
                if dialog.user.must_change_password and not self._replace_temporary_password(dialog.user):
                    continue  # signed out instead: the sign-in window again
                self.user = dialog.user.stored()
                return True
            if not failure:
                return False
            self._opening = None
            self._executor = None
            problem = failure[0]
            if isinstance(problem, (KeyMissing, KeychainUnavailable)):
                if not self._ask_recovery_key(i18n.error_text(problem)):
                    return False
                continue
            QMessageBox.critical(None, self.tr("TrialDesk cannot open the store"), i18n.error_text(problem))
            return False

    def _replace_temporary_password(self, user) -> bool:
        """A temporary password (new account, reset) is replaced before anything else; False when the user
        chose to sign out instead."""
        from trialdesk.services import auth
        from trialdesk.ui.staff.dialogs import ChangePasswordDialog

        dialog = ChangePasswordDialog(
            lambda values: auth.change_password(self.store, user, values.old_password, values.new_password),
            forced=True)
        _maybe_exit_when_shown(dialog, "password")
        if dialog.exec():
            return True
        auth.logout(self.store, user)
        return False

    def show_main_window(self):
        from trialdesk.ui.main_window import MainWindow

        self.window = MainWindow(self.store, self.user)
        self.window.sign_out_requested.connect(self._on_window_sign_out_requested)
        self.window.apply_language = self.switch_language  # File ▸ Language: at once (see MainWindow.choose_language)
        self.window.show()
        self.window.activateWindow()  # the sign-in window had the keyboard: give it to the main window
        return self.window

    def switch_language(self, code: str) -> bool:
        """File ▸ Language: the screens in ``code`` now, on the same session — the window is built again with
        the new catalogue (every screen takes its words when it is built), at the same place, size and
        participant tab. Refused, saying why, while a form holds unsaved input (it would be lost). True when
        switched."""
        from trialdesk.ui.main_window import MainWindow

        old = self.window
        workspace = getattr(old, "workspace", None)
        problem = workspace.unsaved_input() if workspace is not None else None
        if problem:
            QMessageBox.information(old, i18n.LANGUAGE_NAMES[code], self.tr(
                "{problem} Save it or discard it, then choose the language again.").format(problem=problem))
            return False
        participant = workspace.participant_id if workspace is not None else None
        tab = workspace.currentIndex() if workspace is not None else 0
        geometry, state = old.geometry(), old.windowState()
        i18n.install(QApplication.instance(), code)
        i18n.save_language(code)
        window = MainWindow(self.store, self.user)
        window.sign_out_requested.connect(self._on_window_sign_out_requested)
        window.apply_language = self.switch_language
        window.setGeometry(geometry)
        window.setWindowState(state)
        if participant is not None and window.workspace is not None:
            window.select_participant(participant)
            window.workspace.setCurrentIndex(tab)
        self.window = window
        window.show()  # before the old one goes: the last window closing would quit the app
        window.activateWindow()
        old.close()  # its timers and its idle watcher stop; the app goes on with the new window
        old.deleteLater()
        window.statusBar().showMessage(self.tr("The screens are in {language} now.").format(
            language=i18n.LANGUAGE_NAMES[code]), 10000)
        return True

    def _on_window_sign_out_requested(self) -> None:
        from trialdesk.services import auth

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
        """On quit: let a running background job (a PDF) finish, make an automatic verified backup,
        then close the store."""
        from trialdesk.ui import tasks

        tasks.wait_for_idle()
        if self.store is None and self._opening is not None:
            try:  # opened in the background but nobody signed in: still close it (the lock)
                self.store = self._opening.result()
            except TrialDeskError:
                pass
        if self._executor is not None:
            self._executor.shutdown(wait=True)
        if self.store is None:
            return
        from trialdesk.services import auth, workstation

        try:
            if self.user is not None:
                auth.logout(self.store, self.user)
            store = self.store
            # Off the GUI thread, with the progress dialog on screen: quitting waits for the backup, visibly.
            tasks.wait_visibly(lambda report: workstation.make_backup(
                store, None, progress=lambda step, fraction: report(
                    self.tr("Copying the store…") if step == "copy" else self.tr("Checking the copy…"), fraction)),
                self.tr("Making the backup before closing…"))
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


# What Qt's X11 window plugin needs from Debian/Ubuntu beyond a bare system (README lists the same).
XCB_PACKAGES = ("libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 "
                "libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1")


def window_system_problem() -> str | None:
    """On Linux under X11, Qt aborts the whole process (no message we could show) when its window plugin
    lacks a system library. Look first, and say which and how to install them; None when all is there."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or (platform and not platform.startswith("xcb")):
        return None
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None
    import ctypes
    import ctypes.util

    from PySide6.QtCore import QLibraryInfo

    missing = []
    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    if plugin.exists():
        try:
            ctypes.CDLL(str(plugin))
        except OSError as exc:  # "libxcb-icccm.so.4: cannot open shared object file: ..."
            missing.append(str(exc).split(":", 1)[0].rsplit("/", 1)[-1])
    if ctypes.util.find_library("xcb-cursor") is None:
        missing.append("libxcb-cursor.so.0")
    if not missing:
        return None
    return ("cannot open a window: Qt needs system libraries that are missing here ({libs}). On Debian or "
            "Ubuntu install them with: sudo apt install {packages}").format(libs=", ".join(missing),
                                                                         packages=XCB_PACKAGES)


def run_gui(folder: Path, language: str | None = None) -> int:
    """Start the application on the store in ``folder``; returns the process exit code."""
    problem = None if QApplication.instance() else window_system_problem()
    if problem:
        print(f"trialdesk: {problem}", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("TrialDesk")
    app.setOrganizationName("Helse Bergen")
    i18n.install(app, i18n.start_language(language))  # also sets ui_language()
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
