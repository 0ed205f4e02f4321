"""Table model of the participant register (frozen rows from the services layer)."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from trialdesk.clock import local_today
from trialdesk.services.participants import ParticipantRow
from trialdesk.ui.record_words import code_word, heading
from trialdesk.ui.table_model import RowTableModel
from trialdesk.ui.widgets import ui_language

_tr = lambda text: QCoreApplication.translate("ParticipantTableModel", text)  # noqa: E731


def status_text(code: str) -> str:
    """A participant status code as a word in the UI language."""
    return code_word("participants", "status", code)


class ParticipantTableModel(RowTableModel):
    """Rows of :class:`ParticipantRow`; ``ROW_ROLE`` returns the row object itself.

    Attributes:
        _rows: the frozen rows shown, in service order.
        _today: the day ages are computed for (injectable for tests).
    """

    SEX_COLUMN = 2
    DATE_COLUMN = 5

    def __init__(self, today: Callable[[], date] = local_today, parent=None):
        self._today = today
        super().__init__(parent)

    def columns(self) -> tuple[tuple[str, Callable[[ParticipantRow], Any]], ...]:
        return (
            (heading("participants", "study_id"), lambda r: r.study_id),
            (heading("participants", "status"), lambda r: status_text(r.status)),
            # The register's narrow column shows the word's initial (F/M, in Bokmål K/M); its tooltip the word.
            (heading("participants", "sex"), lambda r: code_word("participants", "sex", r.sex)[:1].upper()),
            (_tr("Age"), lambda r: r.age_on(self._today())),
            (_tr("Next visit"), lambda r: (r.next_visit_nb if ui_language() == "nb" else r.next_visit) or ""),
            (_tr("Date"), lambda r: r.next_visit_date or ""),  # next visit; ISO sorts, shown dd.mm.yyyy
            (_tr("Site"), lambda r: r.site),
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (index.isValid() and index.column() == self.DATE_COLUMN
                and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)):
            value = self.COLUMNS[index.column()][1](self._rows[index.row()])
            return date.fromisoformat(value).strftime("%d.%m.%Y") if value else ""
        if index.isValid() and index.column() == self.SEX_COLUMN and role == Qt.ItemDataRole.ToolTipRole:
            return code_word("participants", "sex", self._rows[index.row()].sex)
        if role == self.SORT_ROLE and index.isValid():
            value = self.COLUMNS[index.column()][1](self._rows[index.row()])
            return -1 if value is None else value
        return super().data(index, role)
