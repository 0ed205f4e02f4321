"""The register and the Today list at 1366×768 in both languages (issues 13 and 15): every word whole in its
column, no horizontal scrolling in the left pane, the workspace beside it keeping its ten tabs; a shortened word
keeps its whole form in the cell's tooltip; columns are sized from every word the register shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from tests.conftest import main_window
from trialdesk.db import users as users_repo
from trialdesk.services.demo import build_demo
from trialdesk.ui import i18n
from trialdesk.ui.main_window import WORKSPACE_LEAST
from trialdesk.ui.participants.model import ParticipantTableModel


@pytest.fixture
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def _cut(table, model, column):
    """The rows whose text in ``column`` is wider than the column leaves it (the view would elide it)."""
    width = table.horizontalHeader().sectionSize(column) - 7  # the cell's own margins and grid line
    metrics = QFontMetricsF(table.font())
    return [model.data(model.index(r, column)) for r in range(model.rowCount())
            if metrics.horizontalAdvance(model.data(model.index(r, column)) or "") > width]


@pytest.mark.parametrize("language", ["en", "nb"], indirect=True)
def test_nothing_in_the_register_or_the_today_list_is_cut_at_1366x768(qtbot, tmp_path, language):
    demo = build_demo(tmp_path / "data", recovery_sheet=tmp_path / "sheet.pdf")
    try:
        nurse = users_repo.by_username(demo.store.db, "nurse")
        window = main_window(qtbot, demo.store, nurse)
        qtbot.waitUntil(lambda: window.table.viewport().width() > 300)
        qtbot.wait(50)
        table, model = window.table, window.model
        shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
        assert table.isColumnHidden(ParticipantTableModel.SITE_COLUMN)  # the site is the letter in the study id
        for column in shown:
            assert _cut(table, model, column) == [], (language, column)
        header = table.horizontalHeader()
        assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width()  # no sideways scrolling
        assert not table.horizontalScrollBar().isVisible()
        assert window.splitter.sizes()[1] >= WORKSPACE_LEAST - 1  # the workspace keeps its ten tabs
        window.select_participant(model.rows()[0].id)
        qtbot.wait(20)
        tabs = window.workspace.tabBar()
        assert tabs.sizeHint().width() <= window.workspace.width()
        nexts = {model.data(model.index(r, ParticipantTableModel.NEXT_COLUMN)) for r in range(model.rowCount())}
        assert nexts & {"Phone follow-up", "Telefonoppfølging"}  # a shortened name, with its whole one as tooltip
        for r in range(model.rowCount()):
            short = model.data(model.index(r, ParticipantTableModel.NEXT_COLUMN))
            whole = model.data(model.index(r, ParticipantTableModel.NEXT_COLUMN), Qt.ItemDataRole.ToolTipRole)
            assert whole.startswith(short) and (short or not whole)
        today = window.today
        for column in (0, 2, 3, 4):  # the visit's name may be elided (its tooltip is whole); the rest never
            assert _cut(today.table, today.model, column) == [], (language, column)
        assert not today.table.horizontalScrollBar().isVisible()
    finally:
        demo.store.close()
