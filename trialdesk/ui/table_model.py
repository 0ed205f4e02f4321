"""A read-only table model over frozen rows with a COLUMNS tuple (house style)."""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class RowTableModel(QAbstractTableModel):
    """Rows of frozen objects; subclasses set ``columns()`` -> ((header, getter), …).

    ``ROW_ROLE`` returns the row object; ``SORT_ROLE`` the raw value for sorting.
    """

    ROW_ROLE = Qt.ItemDataRole.UserRole
    SORT_ROLE = Qt.ItemDataRole.UserRole + 1

    _TEXT_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole))
    _ANSWERED = _TEXT_ROLES | {ROW_ROLE, SORT_ROLE}
    LIVE_COLUMNS: frozenset[int] = frozenset()
    """Columns whose words move with the clock ("SAE · 5 h left", an age): worded at every showing, never kept."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []
        # Each row's cells as text, worded on first sight and kept until the rows change: a view asks for the
        # same cell's text several times (painting, its tooltip, fitting a column), each a Python call.
        self._texts: dict[int, tuple[str, ...]] = {}
        self._by_id: dict[Any, int] | None = None  # id -> row, built on first use after each reload
        self.COLUMNS: tuple[tuple[str, Callable[[Any], Any]], ...] = self.columns()

    def columns(self) -> tuple[tuple[str, Callable[[Any], Any]], ...]:  # pragma: no cover
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._by_id: dict[Any, int] | None = None
        self.forget_texts()
        self.endResetModel()

    def forget_texts(self) -> None:
        """Word the cells again on their next showing (a model whose words move with time calls this before it
        says its data changed; a sort or :meth:`set_rows` does it by itself)."""
        self._texts = {}

    def cell_text(self, row: int, column: int) -> str:
        """The text of a cell as the view shows it (worded once per row until the rows change)."""
        if column in self.LIVE_COLUMNS:
            return self.live_text(self._rows[row], column)
        texts = self._texts.get(row)
        if texts is None:
            texts = self._texts[row] = self.row_texts(self._rows[row])
        return texts[column]

    def live_text(self, row: Any, column: int) -> str:
        """The text of a cell of a column in ``LIVE_COLUMNS``, worded now."""
        value = self.COLUMNS[column][1](row)
        return "" if value is None else str(value)

    def row_texts(self, row: Any) -> tuple[str, ...]:
        """Every cell's text of ``row``: the column getters' values as text (None as "")."""
        return tuple("" if value is None else str(value) for value in (getter(row) for _, getter in self.COLUMNS))

    def rows(self) -> Sequence[Any]:
        """The rows shown, in the model's order (read only: change them with :meth:`set_rows`)."""
        return tuple(self._rows)

    def row_of(self, row_id: Any) -> int | None:
        """The source row of the object whose ``id`` is ``row_id`` (None if none): a dictionary built once per
        reload, instead of a walk through the rows with a Python ``data()`` call each."""
        if self._by_id is None:
            self._by_id = {getattr(r, "id", None): i for i, r in enumerate(self._rows)}
        return self._by_id.get(row_id)

    def row_at(self, index: QModelIndex) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks for a dozen roles of every cell it paints (font, alignment, check state …): the ones this
        # model never answers are refused before anything else is looked at.
        if role not in self._ANSWERED:
            return None
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in self._TEXT_ROLES:
            return self.cell_text(index.row(), index.column())
        row = self._rows[index.row()]
        if role == self.SORT_ROLE:
            value = self.COLUMNS[index.column()][1](row)
            return "" if value is None else value
        if role == self.ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section][0]
        return None
