"""Table model of the participant register (frozen rows from the services layer)."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from trialdesk.clock import local_today
from trialdesk.services.participants import ParticipantRow
from trialdesk.ui.record_words import code_word, heading
from trialdesk.ui.table_model import RowTableModel
from trialdesk.ui.widgets import ui_language

_tr = lambda text: QCoreApplication.translate("ParticipantTableModel", text)  # noqa: E731


def status_text(code: str) -> str:
    """A participant status code as a word in the UI language."""
    return code_word("participants", "status", code)


def _next_visit(row: ParticipantRow) -> str:
    return (row.next_visit_nb if ui_language() == "nb" else row.next_visit) or ""


def short_name(name: str) -> str:
    """A name without the details it gives after a comma or in brackets: "Doctor consultation, week 12 (blood
    tests and physical examination)" -> "Doctor consultation"; "Enrolled (baseline)" -> "Enrolled"."""
    return name.split(" (", 1)[0].split(", ", 1)[0]


class ParticipantTableModel(RowTableModel):
    """Rows of :class:`ParticipantRow`; ``ROW_ROLE`` returns the row object itself.

    Attributes:
        _rows: the frozen rows shown, in service order.
        _today: the day ages are computed for (injectable for tests).
    """

    STATUS_COLUMN = 1
    SEX_AGE_COLUMN = 2
    NEXT_COLUMN = 3
    DATE_COLUMN = 4
    SITE_COLUMN = 5
    LIVE_COLUMNS = frozenset({SEX_AGE_COLUMN})  # a birthday at midnight moves the age

    def __init__(self, today: Callable[[], date] = local_today, parent=None):
        self._today = today
        self._order: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._all: list[ParticipantRow] = []  # every row, in the order chosen; ``_rows`` those the filter shows
        self._folded: list[str] = []  # their study ids case-folded, what a keystroke is matched against
        self._filter = ""
        super().__init__(parent)

    # --- sorting in the model's own rows (issue 15): one Python key per row, not a data() call per comparison ---

    def _sorted(self, rows: list[ParticipantRow]) -> list[ParticipantRow]:
        column, order = self._order
        getter = self.COLUMNS[column][1]

        ordered = sorted(rows, key=lambda r: r.study_id)  # ties in study id order, whatever the column
        values = [(getter(r), r) for r in ordered]
        known = [(v, r) for v, r in values if v is not None and v != ""]
        known.sort(key=lambda pair: pair[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return [r for _, r in known] + [r for v, r in values if v is None or v == ""]  # unknown last, either way

    def set_rows(self, rows) -> None:
        self._all = self._sorted(list(rows))
        self._folded = [r.study_id.casefold() for r in self._all]
        super().set_rows(self._shown())

    def _shown(self) -> list[ParticipantRow]:
        if not self._filter:
            return self._all
        return [r for r, sid in zip(self._all, self._folded) if self._filter in sid]

    # --- filtering in the model's own rows (issue 15) ---------------------------------------------------------
    # A QSortFilterProxyModel over 5,000 rows rebuilt its mapping and asked Python whether each row is accepted at
    # every keystroke (15 ms a keystroke, a backspace to all rows as much); here the rows shown are chosen in one
    # pass over the case-folded study ids and the view is reset (6 ms). The view's selection does not survive a
    # reset: the register selects the participant shown again (MainWindow).

    def set_filter_text(self, text: str) -> None:
        """Show only the participants whose study id contains ``text`` (case-insensitive; blank: everyone)."""
        wanted = text.strip().casefold()
        if wanted == self._filter:
            return
        self._filter = wanted
        super().set_rows(self._shown())

    def update_rows(self, participant_ids, rows) -> None:
        """Put ``rows`` (as the service now reads them) in place of the rows of ``participant_ids`` — the
        participants a change touched; one of them without a row is gone. A row whose place in the order stays
        is changed where it is (the view repaints it); otherwise, or when rows come or go, the register is sorted
        again and the view reset (the window selects the participant shown again)."""
        fresh = {r.id: r for r in rows}
        touched = set(participant_ids) | set(fresh)
        known = {r.id: i for i, r in enumerate(self._all)}
        if any(pid not in known for pid in fresh) or any(pid not in fresh for pid in touched if pid in known):
            self.set_rows([r for r in self._all if r.id not in touched] + list(fresh.values()))
            return
        column = self._order[0]
        getter = self.COLUMNS[column][1]
        if any(getter(fresh[pid]) != getter(self._all[known[pid]]) for pid in fresh):
            self.set_rows([fresh.get(r.id, r) for r in self._all])  # the order moves
            return
        for pid, row in fresh.items():
            self._all[known[pid]] = row
        for pid, row in fresh.items():
            at = self.row_of(pid)
            if at is None:  # filtered out: nothing shown changes
                continue
            self._rows[at] = row
            self._texts.pop(at, None)
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(self.COLUMNS) - 1))

    LONGEST_TEXTS = 50
    """Of a column with more distinct texts than this (the study ids), the ones with the most characters are
    measured: a text's width follows its length (the digits of a study id are all as wide)."""

    def column_texts(self, column: int) -> set[str]:
        """The texts ``column`` shows for any participant of the register (filtered out or not) that decide its
        width: every distinct word, or of study ids the longest (what the register is sized from once per reload;
        a few dozen at 5,000 participants)."""
        if column == self.DATE_COLUMN:
            return {"00.00.0000"} if any(r.next_visit_date for r in self._all) else set()
        if column == self.SEX_AGE_COLUMN:
            today = self._today()
            letters = {sex: code_word("participants", "sex", sex)[:1].upper() for sex in {r.sex for r in self._all}}
            ages = {r.age_on(today) for r in self._all}
            longest = max((len(str(a)) for a in ages if a is not None), default=0)
            return {" ".join(t for t in (letter, "0" * longest) if t) for letter in letters.values()}
        if column == self.STATUS_COLUMN:
            return {short_name(status_text(s)) for s in {r.status for r in self._all}}
        getter = self.COLUMNS[column][1]
        texts = {str(v) for v in {getter(r) for r in self._all} if v not in (None, "")}
        if len(texts) > self.LONGEST_TEXTS:
            texts = set(sorted(texts, key=len, reverse=True)[:self.LONGEST_TEXTS])
        return texts

    def filter_text(self) -> str:
        return self._filter

    def all_rows(self) -> tuple[ParticipantRow, ...]:
        """Every participant of the register, filtered out or not, in the order shown."""
        return tuple(self._all)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id if i.isValid() and i.row() < len(self._rows) else None for i in before]
        self._all = self._sorted(self._all)
        self._folded = [r.study_id.casefold() for r in self._all]
        self._rows = self._shown()
        self._by_id = None
        self.forget_texts()
        after = [self.index(self.row_of(rid), i.column()) if rid is not None else QModelIndex()
                 for rid, i in zip(ids, before)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def columns(self) -> tuple[tuple[str, Callable[[ParticipantRow], Any]], ...]:
        return (
            (heading("participants", "study_id"), lambda r: r.study_id),
            # Words shown short — "Enrolled" for "Enrolled (baseline)", "Doctor consultation" for "Doctor
            # consultation, week 12 (blood tests and physical examination)", the date beside it saying which — with
            # the whole word as the cell's tooltip: the register fits its pane at 1366×768 in either language
            # without a word cut (issue 13). Sorting uses the whole word.
            (heading("participants", "status"), lambda r: status_text(r.status)),
            # Sex as its initial (F/M, in Bokmål K/M) and the age: "F 45"; sorted by age.
            (_tr("Sex, age"), lambda r: r.age_on(self._today())),
            (_tr("Next visit"), lambda r: short_name(_next_visit(r))),
            (_tr("Date"), lambda r: r.next_visit_date or ""),  # next visit; ISO sorts, shown dd.mm.yyyy
            (_tr("Site"), lambda r: r.site),
        )

    def live_text(self, row: ParticipantRow, column: int) -> str:
        if column != self.SEX_AGE_COLUMN:
            return super().live_text(row, column)
        age = row.age_on(self._today())
        return " ".join(t for t in (code_word("participants", "sex", row.sex)[:1].upper(),
                                    "" if age is None else str(age)) if t)

    def row_texts(self, row: ParticipantRow) -> tuple[str, ...]:
        texts = list(super().row_texts(row))
        texts[self.STATUS_COLUMN] = short_name(texts[self.STATUS_COLUMN])
        value = row.next_visit_date
        texts[self.DATE_COLUMN] = date.fromisoformat(value).strftime("%d.%m.%Y") if value else ""
        return tuple(texts)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.row() < len(self._rows):
            row = self._rows[index.row()]
            if index.column() == self.SEX_AGE_COLUMN:
                age = row.age_on(self._today())
                sex = code_word("participants", "sex", row.sex)
                if age is None or not sex:
                    return sex or ("" if age is None else str(age))
                return _tr("{sex}, {age} years").format(sex=sex, age=age)
            if index.column() == self.NEXT_COLUMN:
                return _next_visit(row)
            if index.column() == self.STATUS_COLUMN:
                return status_text(row.status)
        if role == self.SORT_ROLE and index.isValid():
            value = self.COLUMNS[index.column()][1](self._rows[index.row()])
            return -1 if value is None else value
        return super().data(index, role)
