"""Asks for the recovery key when the store's key is not in the keychain."""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from trialdesk.ui.i18n import error_text
from trialdesk.ui.widgets import FieldError


class RecoveryKeyDialog(QDialog):
    """``submit(text)`` checks the key (and saves it); its error is shown here, the text kept."""

    def __init__(self, submit: Callable[[str], object], reason: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("TrialDesk — recovery key"))
        layout = QVBoxLayout(self)
        text = QLabel(reason + "\n\n" + self.tr(
            "Type the recovery key from the sheet printed when this workstation was set up: "
            "16 groups of four characters, then the 4-character checksum. Spaces do not matter."))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.key = QLineEdit()
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key.setMinimumWidth(560)
        layout.addWidget(self.key)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        try:
            self._submit(self.key.text())
        except Exception as exc:
            self.error.show_message(error_text(exc))
            return
        self.accept()
