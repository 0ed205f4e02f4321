"""Base of TrialDesk's form dialogs: errors at the field, input kept, the caller's submit saves."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from trialdesk.errors import ValidationError
from trialdesk.ui.i18n import error_text
from trialdesk.ui.widgets import FieldBox, FieldError


class FormDialog(QDialog):
    """A dialog that never saves: on OK it reads ``values()`` and passes them to ``submit``.

    ``submit`` (from the caller) calls a service; a :class:`ValidationError` is shown under the
    field it names (else above the buttons) and the dialog stays open with everything typed.

    Attributes:
        boxes: field name -> :class:`FieldBox` (input + its error message).
        result_value: what ``submit`` returned once accepted.
    """

    def __init__(self, submit: Callable[[Any], Any] | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._submit = submit
        self.result_value: Any = None
        self.boxes: dict[str, FieldBox] = {}
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = FieldError(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        QTimer.singleShot(0, self._fit)

    def _fit(self) -> None:
        # Wrapped labels and error messages need their height for the dialog's width: grow to fit.
        self.layout_.activate()
        self.resize(self.width(), max(self.height(), self.layout_.totalHeightForWidth(self.width())
                                      if self.layout_.hasHeightForWidth() else self.sizeHint().height()))

    def values(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def clear_errors(self) -> None:
        self.error.show_message(None)
        for box in self.boxes.values():
            box.error.show_message(None)

    def show_error(self, exc: BaseException) -> None:
        field = getattr(exc, "field", None)
        if isinstance(exc, ValidationError) and field in self.boxes:
            box = self.boxes[field]
            box.error.show_message(error_text(exc))
            box.field.setFocus()
        else:
            self.error.show_message(error_text(exc))
        self._fit()

    def _on_buttons_accepted(self) -> None:
        self.clear_errors()
        try:
            values = self.values()
            self.result_value = self._submit(values) if self._submit else values
        except Exception as exc:  # TrialDeskError: shown here, nothing typed is lost
            self.show_error(exc)
            return
        self.accept()
