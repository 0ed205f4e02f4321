"""The sign-in dialog (also used to unlock the window after the idle time)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from trialdesk.ui.i18n import LANGUAGE_NAMES, error_text, install, save_language
from trialdesk.ui.widgets import FieldError, ui_language


class LoginDialog(QDialog):
    """Asks for user name and password and passes them to ``authenticate``.

    ``authenticate(username, password)`` returns the signed-in user or raises a TrialDeskError whose
    message is shown in the dialog; the user name typed stays, the password is cleared.
    """

    def __init__(self, authenticate: Callable[[str, str], object], *, site: str,
                 fixed_username: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._authenticate = authenticate
        self._site, self._fixed = site, fixed_username
        self.user = None
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        layout.addWidget(self.heading)
        self.locked_note = QLabel()
        self.locked_note.setVisible(bool(fixed_username))
        layout.addWidget(self.locked_note)
        form = QFormLayout()
        self.username = QLineEdit(fixed_username or "")
        self.username.setReadOnly(bool(fixed_username))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_label, self.password_label = QLabel(), QLabel()
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        # The language of the screens, chosen here before anything else is shown and remembered on this
        # workstation (issue 13 point 4); each language is named in itself. Not on the lock screen: the
        # window behind it is built in its language already.
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ui_language())))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        if not fixed_username:
            form.addRow(self.language_label, self.language)
        else:
            self.language.hide()
            self.language_label.hide()
        layout.addLayout(form)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        # Buttons of our own, not standard ones: a standard button makes Qt look up its icon theme first,
        # which costs ~20 ms before the first window can show.
        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.cancel_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._retranslate()
        self.language.currentIndexChanged.connect(self._on_language_changed)
        (self.password if fixed_username else self.username).setFocus()
        self.setMinimumWidth(380)

    def _retranslate(self) -> None:
        fixed = self._fixed
        self.setWindowTitle(self.tr("TrialDesk — sign in") if not fixed else self.tr("TrialDesk — locked"))
        self.heading.setText(self.tr("KTS-11 · {site}").format(site=self._site))
        self.locked_note.setText(self.tr("The window is locked. Enter your password to continue; "
                                         "your unsaved work is kept."))
        self.username.setAccessibleName(self.tr("User name"))
        self.password.setAccessibleName(self.tr("Password"))
        self.username_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("&Password:"))
        self.language_label.setText(self.tr("&Language:"))
        self.language.setAccessibleName(self.tr("Language of the screens"))
        self.sign_in_button.setText(self.tr("Sign in"))
        self.cancel_button.setText(self.tr("Sign out") if fixed else self.tr("Cancel"))

    def _on_language_changed(self, *_: object) -> None:
        """Switch at once: this window is retranslated, everything opened after signing in is in the new
        language, and the choice is kept for this workstation's next start."""
        code = self.language.currentData()
        app = QApplication.instance()
        install(app, code)
        save_language(code)
        self.error.show_message(None)
        self._retranslate()

    def _on_buttons_accepted(self) -> None:
        if not self.username.text().strip() or not self.password.text():
            self.error.show_message(self.tr("Enter your user name and password."))
            return
        try:
            self.user = self._authenticate(self.username.text().strip(), self.password.text())
        except Exception as exc:  # TrialDeskError: shown at the dialog, nothing lost
            self.error.show_message(error_text(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()
        self.accept()
