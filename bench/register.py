"""Register benchmark (issue 15, points 2 and 5, the register's part): the participant register as the main window
builds it (ParticipantTableModel, which sorts and filters its own rows, in the house table view), shown offscreen, with
500 and 5,000 synthetic rows. Each figure is a median of runs taken in turns with its baseline, in the same run:

- reload (set the rows, size the register) — against the same reload with every row measured
  (``resizeRowsToContents``, what the window did before);
- selecting a participant by id (the window does it after every reload) — against a walk through the proxy's
  rows with a ``data()`` call each (before);
- a filter keystroke and the backspace back to all rows (two changes of the filter each) — now and as before,
  against Qt's proxy over a QStandardItemModel holding the same text in C++ (a plain Qt model).

Rows are synthetic and built in memory: the register's cost is the view's, not the store's.

    QT_QPA_PLATFORM=offscreen python bench/register.py [--runs N] [--sizes 500,5000]
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import paired_median_ms, report  # noqa: E402


def rows(n: int):
    from trialdesk.services.participants import ParticipantRow

    statuses = ("candidate", "screening", "enrolled", "on_treatment", "follow_up", "completed")
    start = date(2026, 1, 5)
    return [ParticipantRow(id=f"id{i:06d}", study_id=f"KTS11-H-{i + 1:04d}", status=statuses[i % len(statuses)],
                           sex="F" if i % 3 else "M", birth_date=(date(1960, 1, 1) + timedelta(days=i * 7)).isoformat(),
                           site="H", next_visit=f"Phone follow-up, week {8 + i % 40}",
                           next_visit_date=(start + timedelta(days=i % 365)).isoformat(),
                           next_visit_nb=f"Telefonoppfølging, uke {8 + i % 40}") for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="500,5000")
    args = parser.parse_args()

    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QHeaderView

    from trialdesk.ui.participants.model import ParticipantTableModel
    from trialdesk.ui.widgets import row_table

    app = QApplication.instance() or QApplication([])

    def register(before: bool = False):
        """The register as the window builds it now, or (``before``) as it did: Qt's fixed-string filter and sort
        over the Python model."""
        model = ParticipantTableModel()
        if before:
            proxy = QSortFilterProxyModel()
            proxy.setSourceModel(model)
            proxy.setFilterKeyColumn(0)
            proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            proxy.setSortRole(ParticipantTableModel.SORT_ROLE)
            proxy.set_filter_text = proxy.setFilterFixedString
        else:
            proxy = model  # the view shows the model itself
        table = row_table(proxy, "Participants")
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.resize(500, 330)
        table.show()
        return model, proxy, table

    print(f"{'what':<40} {'median':>12}   {'baseline':<28} {'median':>12}   ratio")
    for n in [int(x) for x in args.sizes.split(",")]:
        data = rows(n)
        new_model, new_proxy, new_table = register()
        header = new_table.verticalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(new_table.fontMetrics().height() + 6)
        old_model, old_proxy, old_table = register(before=True)

        def reload_new():
            new_model.set_rows(data)
            app.processEvents()

        def reload_old():
            old_model.set_rows(data)
            old_table.resizeRowsToContents()
            app.processEvents()

        reload_new()
        reload_old()
        report(f"reload + size, {n} rows", *paired_median_ms(reload_new, reload_old, args.runs),
               "before: rows measured, Qt sort", "≤ 30 ms at 5,000")
        wanted = data[n // 2].id

        def select_new():
            row = new_model.row_of(wanted)
            new_table.setCurrentIndex(new_model.index(row, 0))

        def select_old():
            for r in range(old_proxy.rowCount()):
                index = old_proxy.index(r, 0)
                if old_proxy.data(index, ParticipantTableModel.ROW_ROLE).id == wanted:
                    old_table.setCurrentIndex(index)
                    return

        report(f"select by id, {n} rows", *paired_median_ms(select_new, select_old, args.runs),
               "walk through the rows (before)")

        plain = QStandardItemModel()
        for r in data:
            plain.appendRow([QStandardItem(r.study_id), QStandardItem(r.status)])
        plain_proxy = QSortFilterProxyModel()
        plain_proxy.setSourceModel(plain)
        plain_proxy.setFilterKeyColumn(0)
        plain_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        plain_table = row_table(plain_proxy, "plain")
        plain_table.resize(500, 330)
        plain_table.show()

        plain_proxy.set_filter_text = plain_proxy.setFilterFixedString

        def typed(proxy, first: str, then: str):
            def run():
                proxy.set_filter_text(first)
                app.processEvents()
                proxy.set_filter_text(then)  # the one measured keystroke is the second (median of pairs / 2)
                app.processEvents()
            return run

        for name, first, then in (("filter keystroke", "H-00", "H-001"), ("backspace to all rows", "H-001", "")):
            now, plain_ms = paired_median_ms(typed(new_proxy, first, then), typed(plain_proxy, first, then), args.runs)
            before, _ = paired_median_ms(typed(old_proxy, first, then), typed(plain_proxy, first, then), args.runs)
            report(f"{name} ×2, {n} rows", now, plain_ms, "plain Qt model", "≤ 16 ms each")
            report(f"{name} ×2, {n} rows, before", before, plain_ms, "plain Qt model")
        for table in (new_table, old_table, plain_table):
            table.close()


if __name__ == "__main__":
    main()
