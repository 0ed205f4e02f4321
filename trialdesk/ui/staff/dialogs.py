"""The staff dialogs. They never save: on OK they pass their values to the caller's ``submit`` (which calls
a service); a refused value is shown under its field and everything typed stays."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QWidget,
)

from trialdesk.errors import ValidationError
from trialdesk.ui.forms import FormDialog
from trialdesk.ui.staff.model import ROLES, role_text
from trialdesk.ui.widgets import add_row


_tr = lambda text: QCoreApplication.translate("StaffDialogs", text)  # noqa: E731

# Raised here (not in a service), translated by ui.i18n.error_text under "errors".
ERRORS = (QT_TRANSLATE_NOOP("errors", "Enter a password."), QT_TRANSLATE_NOOP("errors", "The two passwords differ."),
          QT_TRANSLATE_NOOP("errors", "Enter your current password."))


@dataclass(frozen=True)
class NewUserValues:
    username: str
    full_name: str
    role: str
    password: str


@dataclass(frozen=True)
class RoleValues:
    role: str
    reason: str


@dataclass(frozen=True)
class PasswordChange:
    old_password: str
    new_password: str


@dataclass(frozen=True)
class SettingsValues:
    idle_lock_minutes: int
    lockout_minutes: int
    backup_folder: str
    reason: str


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _reason_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(64)
    return edit


def _note(dialog: FormDialog, text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    dialog.layout_.insertWidget(0, label)
    return label


def _role_combo(current: str | None = None) -> QComboBox:
    combo = QComboBox()
    for code in ROLES:
        combo.addItem(role_text(code), code)
    if current in ROLES:
        combo.setCurrentIndex(ROLES.index(current))
    return combo


class _Passwords:
    """A new password typed twice (the repeat is checked here, the rules by the service)."""

    def _add_passwords(self, label: str, accessible: str) -> None:
        self.password = _password_edit()
        self.password2 = _password_edit()
        self.boxes["password"] = add_row(self.form, label, self.password, accessible)
        self.boxes["password2"] = add_row(self.form, _tr("Re&peat password:"), self.password2,
                                          _tr("Repeat the password"))

    def _typed_password(self) -> str:
        if not self.password.text():
            raise ValidationError("Enter a password.", field="password")
        if self.password.text() != self.password2.text():
            raise ValidationError("The two passwords differ.", field="password2")
        return self.password.text()


class AddUserDialog(_Passwords, FormDialog):
    """A new account: user name, full name, role and a first password (temporary: changed at first sign-in)."""

    def __init__(self, submit: Callable[[NewUserValues], object], parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("Add a staff account"))
        _note(self, self.tr("The first password is temporary: give it to the person; they choose their own "
                            "at the first sign-in. Accounts are never deleted, only deactivated."))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. nina.nurse"))
        self.full_name = QLineEdit()
        self.role = _role_combo("nurse")
        self.boxes["username"] = add_row(self.form, self.tr("&User name:"), self.username, self.tr("User name"))
        self.boxes["full_name"] = add_row(self.form, self.tr("&Full name:"), self.full_name,
                                          self.tr("Full name, as on signatures"))
        self.boxes["role"] = add_row(self.form, self.tr("&Role:"), self.role, self.tr("Role"))
        self._add_passwords(self.tr("&Temporary password:"), self.tr("Temporary password"))
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("&Add account"))
        self.finish_layout()
        self.setMinimumWidth(480)
        self.username.setFocus()

    def values(self) -> NewUserValues:
        return NewUserValues(username=self.username.text().strip(), full_name=self.full_name.text().strip(),
                             role=self.role.currentData(), password=self._typed_password())


class RoleDialog(FormDialog):
    """Another role for an account, with the reason for the change."""

    def __init__(self, submit: Callable[[RoleValues], object], username: str, current: str,
                 parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("Change role"))
        _note(self, self.tr("{user} is now {role}. The new role takes effect at their next action; an open "
                            "session is asked to sign in again.").format(user=username, role=role_text(current)))
        self.role = _role_combo(current)
        self.reason = _reason_edit()
        self.boxes["role"] = add_row(self.form, self.tr("New &role:"), self.role, self.tr("New role"))
        self.boxes["reason"] = add_row(self.form, self.tr("&Reason:"), self.reason, self.tr("Reason for change"))
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("&Change role"))
        self.finish_layout()
        self.setMinimumWidth(480)
        self.role.setFocus()

    def values(self) -> RoleValues:
        return RoleValues(self.role.currentData(), " ".join(self.reason.toPlainText().split()))


class ResetPasswordDialog(_Passwords, FormDialog):
    """A temporary password for an account (it must be changed at the next sign-in)."""

    def __init__(self, submit: Callable[[str], object], username: str, parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("Reset password"))
        _note(self, self.tr("Give {user} a temporary password. They must choose their own at the next sign-in; "
                            "a lockout ends too.").format(user=username))
        self._add_passwords(self.tr("&Temporary password:"), self.tr("Temporary password"))
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("&Reset password"))
        self.finish_layout()
        self.setMinimumWidth(460)
        self.password.setFocus()

    def values(self) -> str:
        return self._typed_password()


class ChangePasswordDialog(_Passwords, FormDialog):
    """A user changes their own password; ``forced`` after signing in with a temporary one."""

    def __init__(self, submit: Callable[[PasswordChange], object], *, forced: bool = False,
                 parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("Change my password"))
        if forced:
            _note(self, self.tr("Your password is temporary. Choose your own password before you continue."))
        self.old_password = _password_edit()
        self.boxes["old_password"] = add_row(
            self.form, self.tr("&Temporary password:") if forced else self.tr("&Current password:"),
            self.old_password, self.tr("Current password"))
        self._add_passwords(self.tr("&New password:"), self.tr("New password"))
        rules = QLabel(self.tr("At least 10 characters, letters mixed with digits or symbols, not your user name."))
        rules.setWordWrap(True)
        self.form.addRow("", rules)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("&Change password"))
        if forced:
            self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("Sign &out"))
        self.finish_layout()
        self.setMinimumWidth(460)
        self.old_password.setFocus()

    def values(self) -> PasswordChange:
        if not self.old_password.text():
            raise ValidationError("Enter your current password.", field="old_password")
        return PasswordChange(self.old_password.text(), self._typed_password())


class SiteSettingsDialog(FormDialog):
    """The site settings: idle lock, lockout length, backup folder, and the reason for the change."""

    def __init__(self, submit: Callable[[SettingsValues], object], current, default_folder: str,
                 bounds: dict[str, tuple[int, int]], parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("Site settings"))
        self.idle = QSpinBox()
        self.idle.setRange(*bounds["idle_lock_minutes"])
        self.idle.setValue(current.idle_lock_minutes)
        self.idle.setSuffix(self.tr(" min"))
        self.lockout = QSpinBox()
        self.lockout.setRange(*bounds["lockout_minutes"])
        self.lockout.setValue(current.lockout_minutes)
        self.lockout.setSuffix(self.tr(" min"))
        self.folder = QLineEdit(current.backup_folder)
        self.folder.setPlaceholderText(default_folder)
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose the backup folder"))
        browse.clicked.connect(self._on_browse_clicked)
        self.reason = _reason_edit()
        self.boxes["idle_lock_minutes"] = add_row(self.form, self.tr("&Lock the window after:"), self.idle,
                                                  self.tr("Minutes without input before the window locks"))
        self.boxes["lockout_minutes"] = add_row(self.form, self.tr("Loc&kout after wrong passwords:"), self.lockout,
                                                self.tr("Minutes an account stays locked after too many wrong "
                                                        "passwords"))
        self.boxes["backup_folder"] = add_row(self.form, self.tr("&Backup folder:"), self.folder,
                                              self.tr("Backup folder (empty: the store's own)"), extra=browse)
        self.boxes["reason"] = add_row(self.form, self.tr("&Reason:"), self.reason, self.tr("Reason for change"))
        self.browse = browse
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("&Save with this reason"))
        self.finish_layout()
        self.setMinimumWidth(560)
        self.setTabOrder(self.idle, self.lockout)
        self.setTabOrder(self.lockout, self.folder)
        self.setTabOrder(self.folder, browse)
        self.setTabOrder(browse, self.reason)
        self.idle.setFocus()

    def _on_browse_clicked(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.folder.text())
        if path:
            self.folder.setText(path)

    def values(self) -> SettingsValues:
        return SettingsValues(self.idle.value(), self.lockout.value(), self.folder.text().strip(),
                              " ".join(self.reason.toPlainText().split()))
