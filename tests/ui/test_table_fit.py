"""Tables fit their columns from the texts the model keeps (issue 15): the same widths Qt's own fitting gives,
without Qt asking the Python model for every role of every measured cell; a cell's words are kept until the rows
change, except the columns that move with the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt

from trialdesk.ui.table_model import RowTableModel
from trialdesk.ui.widgets import fit_columns, fit_rows, row_table


@dataclass(frozen=True)
class _Row:
    id: str
    name: str
    day: date | None
    note: str


class _Model(RowTableModel):
    def __init__(self):
        self.calls = 0
        super().__init__()

    def columns(self):
        def counted(row):
            self.calls += 1
            return row.name

        return (("Study id", lambda r: r.id), ("Name of the visit", counted),
                ("Date", lambda r: r.day.strftime("%d.%m.%Y") if r.day else None), ("Note", lambda r: r.note))


def _rows(count=12):
    return [_Row(f"KTS11-H-{i:03d}", "Injection " + "x" * (i % 7), date(2026, 12, 1 + i % 28) if i % 3 else None,
                 "✎ changed 02.12.2026 by nurse" if i % 2 else "") for i in range(count)]


def _widths(table):
    header = table.horizontalHeader()
    return [header.sectionSize(c) for c in range(table.model().columnCount() - 1)]  # the last one stretches


def test_the_widths_are_the_ones_qt_measures(qtbot):
    model = _Model()
    model.set_rows(_rows())
    table = row_table(model, "test")
    table.horizontalHeader().setStretchLastSection(False)
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.show()
    table.resizeColumnsToContents()
    qt = [table.horizontalHeader().sectionSize(c) for c in range(4)]
    for c in range(4):
        table.horizontalHeader().resizeSection(c, 5)
    fit_columns(table)
    ours = [table.horizontalHeader().sectionSize(c) for c in range(4)]
    assert ours == qt
    assert qt[1] > qt[0] > 5  # the long name is wider than the study id: a real measurement
    model.set_rows([])  # an empty table: the headers' widths
    fit_columns(table)
    table_headers = [table.horizontalHeader().sectionSizeHint(c) for c in range(4)]
    assert [table.horizontalHeader().sectionSize(c) for c in range(4)] == table_headers


def test_a_widest_width_is_kept_and_the_text_stays_in_the_tooltip(qtbot):
    model = _Model()
    model.set_rows([_Row("A", "A very long name of a visit that does not fit a narrow panel", None, "")])
    table = row_table(model, "test")
    qtbot.addWidget(table)
    table.show()
    fit_columns(table, widest={1: 80})
    assert table.horizontalHeader().sectionSize(1) == 80
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole).startswith("A very long name")


def test_words_are_kept_until_the_rows_change_but_live_columns_are_worded_each_time(qtbot):
    model = _Model()
    model.set_rows(_rows(3))
    for _ in range(5):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            model.data(model.index(1, 1), role)
    assert model.calls == 1  # every column of row 1 worded once
    model.set_rows(_rows(3))
    model.data(model.index(1, 1))
    assert model.calls == 2
    model.LIVE_COLUMNS = frozenset({1})
    model.data(model.index(1, 1))
    model.data(model.index(1, 1))
    assert model.calls == 4


def test_one_line_rows_take_the_height_of_the_rows_shown(qtbot):
    model = _Model()
    model.set_rows(_rows(30))
    table = row_table(model, "test")
    qtbot.addWidget(table)
    table.show()
    fit_rows(table, 8)
    heights = {table.rowHeight(r) for r in range(30)}
    assert len(heights) == 1 and heights.pop() > 0
    header = table.horizontalHeader().sizeHint().height()
    assert table.height() >= header + 8 * table.rowHeight(0)
    assert table.height() < header + 10 * table.rowHeight(0) + table.horizontalScrollBar().sizeHint().height()
