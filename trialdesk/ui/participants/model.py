"""Table model of the participant register (frozen rows from the services layer)."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from trialdesk.services.participants import ParticipantRow

_tr = lambda text: QCoreApplication.translate("ParticipantTableModel", text)  # noqa: E731

_C = "ParticipantTableModel"
STATUS_TEXT = {
    "candidate": QT_TRANSLATE_NOOP(_C, "Candidate"),
    "screening": QT_TRANSLATE_NOOP(_C, "Screening"),
    "screen_failure": QT_TRANSLATE_NOOP(_C, "Screen failure"),
    "enrolled": QT_TRANSLATE_NOOP(_C, "Enrolled (baseline)"),
    "on_treatment": QT_TRANSLATE_NOOP(_C, "On treatment"),
    "follow_up": QT_TRANSLATE_NOOP(_C, "Follow-up"),
    "completed": QT_TRANSLATE_NOOP(_C, "Completed"),
    "withdrawn": QT_TRANSLATE_NOOP(_C, "Withdrawn"),
}


class ParticipantTableModel(QAbstractTableModel):
    """Rows of :class:`ParticipantRow`; ``ROW_ROLE`` returns the row object itself.

    Attributes:
        _rows: the frozen rows shown, in service order.
        _today: the day ages are computed for (injectable for tests).
    """

    ROW_ROLE = Qt.ItemDataRole.UserRole
    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    DATE_COLUMN = 5

    def __init__(self, today: Callable[[], date] = date.today, parent=None):
        super().__init__(parent)
        self._rows: list[ParticipantRow] = []
        self._today = today
        self.COLUMNS: tuple[tuple[str, Callable[[ParticipantRow], Any]], ...] = (
            (_tr("Study id"), lambda r: r.study_id),
            (_tr("Status"), lambda r: _tr(STATUS_TEXT.get(r.status, r.status))),
            (_tr("Sex"), lambda r: {"F": _tr("F"), "M": _tr("M")}.get(r.sex or "", "")),
            (_tr("Age"), lambda r: r.age_on(self._today())),
            (_tr("Next visit"), lambda r: r.next_visit or ""),
            (_tr("Date"), lambda r: r.next_visit_date or ""),  # next visit; ISO sorts, shown dd.mm.yyyy
            (_tr("Site"), lambda r: r.site),
        )

    # Row object interface ------------------------------------------------------------------------

    def set_rows(self, rows: list[ParticipantRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, index: QModelIndex) -> ParticipantRow | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    # Model interface -----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.COLUMNS[index.column()][1](row)
            if index.column() == self.DATE_COLUMN and value:
                value = date.fromisoformat(value).strftime("%d.%m.%Y")
            return "" if value is None else str(value)
        if role == self.SORT_ROLE:
            value = self.COLUMNS[index.column()][1](row)
            return -1 if value is None else value
        if role == self.ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section][0]
        return None
