"""Reason for change: asked whenever saved (or signed) data is changed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from trialdesk.errors import ValidationError
from trialdesk.ui.forms import FormDialog
from trialdesk.ui.widgets import add_row


class ReasonDialog(FormDialog):
    """A required, non-empty reason; it is written into every audit row of the change."""

    def __init__(self, what: str, parent: QWidget | None = None, submit=None):
        super().__init__(submit, parent)  # submit(reason): the caller's service call (errors shown here)
        self.setWindowTitle(self.tr("Reason for change"))
        text = QLabel(what)
        text.setWordWrap(True)
        self.layout_.insertWidget(0, text)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.boxes["reason"] = add_row(self.form, self.tr("&Reason:"), self.reason, self.tr("Reason for change"))
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("&Save with this reason"))
        self.finish_layout()
        self.setMinimumWidth(480)
        self.reason.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, what: str) -> str | None:
        """The reason typed, or None when cancelled."""
        dialog = cls(what, parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> str:
        text = " ".join(self.reason.toPlainText().split())
        if not text:
            raise ValidationError("Enter a reason: it is kept in the audit trail with the change.", field="reason")
        return text
