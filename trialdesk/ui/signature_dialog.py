"""Electronic signature: the meaning and attestation shown, user id and password asked again."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from trialdesk.ui.forms import FormDialog
from trialdesk.ui.widgets import add_row


class SignatureDialog(FormDialog):
    """``submit((username, password))`` signs (a service call); a wrong password is shown inline
    and the password cleared."""

    def __init__(self, submit: Callable[[tuple[str, str]], Any], *, meaning: str, attestation: str,
                 summary: str, parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("Electronic signature"))
        self.heading = heading = QLabel(self.tr("Meaning of this signature: <b>{meaning}</b>").format(meaning=meaning))
        heading.setWordWrap(True)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.attestation = QLabel(attestation)
        self.attestation.setWordWrap(True)
        self.attestation.setStyleSheet("border: 1px solid #888; padding: 6px;")
        for i, w in enumerate((heading, self.summary, self.attestation)):
            self.layout_.insertWidget(i, w)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.boxes["username"] = add_row(self.form, self.tr("&User name:"), self.username, self.tr("User name"))
        self.boxes["password"] = add_row(self.form, self.tr("&Password:"), self.password, self.tr("Password"))
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("&Sign"))
        self.finish_layout()
        self.setMinimumWidth(520)
        self.username.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[tuple[str, str]], Any], *, meaning: str,
            attestation: str, summary: str) -> Any:
        dialog = cls(submit, meaning=meaning, attestation=attestation, summary=summary, parent=parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> tuple[str, str]:
        return self.username.text().strip(), self.password.text()

    def show_error(self, exc: BaseException) -> None:
        super().show_error(exc)
        self.password.clear()
        self.password.setFocus()
