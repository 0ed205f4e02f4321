"""The sign-in dialog (also used to unlock the window after the idle time)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from trialdesk.ui.i18n import error_text
from trialdesk.ui.widgets import FieldError


class LoginDialog(QDialog):
    """Asks for user name and password and passes them to ``authenticate``.

    ``authenticate(username, password)`` returns the signed-in user or raises a TrialDeskError whose
    message is shown in the dialog; the user name typed stays, the password is cleared.
    """

    def __init__(self, authenticate: Callable[[str, str], object], *, site: str,
                 fixed_username: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._authenticate = authenticate
        self.user = None
        self.setWindowTitle(self.tr("TrialDesk — sign in") if not fixed_username else self.tr("TrialDesk — locked"))
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("KTS-11 · {site}").format(site=site))
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        layout.addWidget(heading)
        if fixed_username:
            layout.addWidget(QLabel(self.tr("The window is locked. Enter your password to continue; "
                                            "your unsaved work is kept.")))
        form = QFormLayout()
        self.username = QLineEdit(fixed_username or "")
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setReadOnly(bool(fixed_username))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        for field in (self.username, self.password):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        layout.addLayout(form)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        # Buttons of our own, not standard ones: a standard button makes Qt look up its icon theme first,
        # which costs ~20 ms before the first window can show.
        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.cancel_button = buttons.addButton(self.tr("Sign out") if fixed_username else self.tr("Cancel"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if fixed_username else self.username).setFocus()
        self.setMinimumWidth(380)

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
