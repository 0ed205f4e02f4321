"""The register sorts in its model's own rows and filters from them (issue 15): same results as Qt's proxy gave,
the selected participant kept across a sort, the filter case-insensitive and kept across a reload."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QSortFilterProxyModel, Qt

from trialdesk.services.participants import ParticipantRow
from trialdesk.ui.participants.model import ParticipantTableModel
from trialdesk.ui.widgets import row_table


def _rows():
    return [ParticipantRow(id=f"p{i}", study_id=f"KTS11-{site}-{i:03d}", status=status, sex=sex,
                           birth_date=born, site=site, next_visit=None if i % 2 else "Injection 1",
                           next_visit_date=None if i % 2 else f"2026-12-{10 + i:02d}")
            for i, (site, status, sex, born) in enumerate([
                ("H", "follow_up", "F", "1980-01-01"), ("R", "candidate", "M", None), ("H", "enrolled", "F", "1990-05-05"),
                ("H", "screening", "M", "1975-03-03"), ("R", "completed", "F", "1985-07-07")], start=1)]


def _shown(proxy, column=0):
    return [proxy.data(proxy.index(r, column)) for r in range(proxy.rowCount())]


def _qt_order(rows, column, order):
    """What Qt's own proxy sort gives over the same model (the behaviour before)."""
    model = ParticipantTableModel()
    model.set_rows(rows)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(ParticipantTableModel.SORT_ROLE)
    proxy.sort(column, order)
    return _shown(proxy)


def test_sorting_matches_qt_and_keeps_the_selection(qtbot, qtmodeltester):
    model = ParticipantTableModel()
    proxy = model  # the register's view shows the model itself: it sorts and filters its own rows
    table = row_table(proxy, "Participants")
    qtbot.addWidget(table)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    model.set_rows(list(reversed(_rows())))
    qtmodeltester.check(proxy)
    assert _shown(proxy) == sorted(r.study_id for r in _rows())
    table.setCurrentIndex(model.index(model.row_of("p3"), 0))
    for column in (1, ParticipantTableModel.SEX_AGE_COLUMN):  # status words; ages, with an unknown one
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            table.sortByColumn(column, order)
            expected = _qt_order(_rows(), column, order)
            if column == ParticipantTableModel.SEX_AGE_COLUMN:  # an unknown age sorts last in either order now (Qt put it first ascending)
                expected = [x for x in expected if x != "KTS11-R-002"] + ["KTS11-R-002"]
            assert _shown(proxy) == expected, (column, order)
            assert proxy.data(table.currentIndex(), ParticipantTableModel.ROW_ROLE).id == "p3"
    model.set_rows(_rows())  # a reload keeps the order chosen
    assert _shown(proxy)[-1] == "KTS11-R-002"


def test_the_filter_is_case_insensitive_and_survives_a_reload_and_a_sort(qtbot, qtmodeltester):
    model = ParticipantTableModel()
    model.set_rows(_rows())
    model.set_filter_text("  kts11-r ")
    qtmodeltester.check(model)
    assert _shown(model) == ["KTS11-R-002", "KTS11-R-005"] and model.row_of("p1") is None
    model.sort(1, Qt.SortOrder.DescendingOrder)  # candidate, completed by status word, reversed
    assert _shown(model) == ["KTS11-R-005", "KTS11-R-002"]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.set_rows(_rows()[:3])
    assert _shown(model) == ["KTS11-R-002"] and len(model.all_rows()) == 3
    model.set_filter_text("")
    assert len(_shown(model)) == 3


def test_tab_into_the_register_opens_and_shows_the_participant_as_selected(qtbot, store, doctor):
    from tests.conftest import main_window
    from tests.services.test_screening import register

    pid = register(store, doctor)
    window = main_window(qtbot, store, doctor)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.filter.setFocus()
    qtbot.keyClicks(window.filter, "001")
    qtbot.keyClick(window.filter, Qt.Key.Key_Tab)
    assert window.table.hasFocus() and window.workspace.participant_id == pid
    assert [window.model.data(i, ParticipantTableModel.ROW_ROLE).id
            for i in window.table.selectionModel().selectedRows()] == [pid]
    window.filter.clear()  # back to every row: still the one selected
    assert [window.model.data(i, ParticipantTableModel.ROW_ROLE).id
            for i in window.table.selectionModel().selectedRows()] == [pid]


def test_a_changed_participant_is_updated_in_place_moved_added_or_removed(qtbot, qtmodeltester):
    """The register reads only the participants a change touched (issue 15): a row that keeps its place changes
    where it is (no reset of the view), one whose place moves is sorted in, a new one comes, a gone one goes —
    always the same rows and order a whole reload would give."""
    from dataclasses import replace

    model = ParticipantTableModel()
    model.set_rows(_rows())
    qtmodeltester.check(model)
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))

    def whole(rows):
        other = ParticipantTableModel()
        other._order = model._order
        other.set_rows(rows)
        other.set_filter_text(model.filter_text())
        return _shown(other, 3), _shown(other)

    rows = _rows()
    rows[1] = replace(rows[1], next_visit="Phone follow-up, week 8", status="enrolled")
    at = model.row_of("p2")
    model.update_rows(["p2"], [rows[1]])
    assert not resets and changed == [(at, at)]
    assert model.data(model.index(at, 3)) == "Phone follow-up" and (_shown(model, 3), _shown(model)) == whole(rows)
    model.sort(1, Qt.SortOrder.AscendingOrder)  # by status word: a status change moves the row
    rows[0] = replace(rows[0], status="candidate")
    model.update_rows(["p1"], [rows[0]])
    assert resets and (_shown(model, 3), _shown(model)) == whole(rows)
    new = replace(rows[0], id="p9", study_id="KTS11-H-009")
    rows.append(new)
    model.update_rows(["p9"], [new])
    assert "KTS11-H-009" in _shown(model) and (_shown(model, 3), _shown(model)) == whole(rows)
    model.set_filter_text("-r-")
    rows = [r for r in rows if r.id != "p2"]
    model.update_rows(["p2"], [])  # gone (decided away as a duplicate at another workstation)
    assert "KTS11-R-002" not in [r.study_id for r in model.all_rows()] and _shown(model) == whole(rows)[1]
    qtmodeltester.check(model)


def test_the_register_reads_only_the_participants_a_change_touched(store, doctor):
    """The service's rows of a few participants are exactly theirs in the whole list."""
    from tests.services.test_screening import BORN, register
    from tests.ui.test_visits_flow import enrol_due_today
    from trialdesk.services import participants as ps

    ids = [register(store, doctor, nth=1), enrol_due_today(store, doctor, born=BORN - timedelta(days=400)),
           enrol_due_today(store, doctor, born=BORN - timedelta(days=800))]
    every = ps.list_participants(store, doctor)
    assert [r.next_visit for r in every if r.id == ids[2]] == ["Injection 1"]
    assert ps.list_participants(store, doctor, only=[ids[2], ids[0], "no-such-id"]) == [
        r for r in every if r.id in (ids[0], ids[2])]
    assert ps.list_participants(store, doctor, only=[]) == []


def test_a_large_register_fills_its_next_visits_in_turns_of_the_event_loop(qtbot, store, doctor, monkeypatch):
    """Issue 15: a register larger than one turn's share shows every participant at once and their next visits
    a share at a time (no quarter second on the UI thread at start-up at 5,000); filled, it is what one whole read
    gives, and the participant open stays selected throughout."""
    from tests.conftest import main_window
    from tests.services.test_screening import BORN
    from tests.ui.test_visits_flow import enrol_due_today
    from trialdesk.services import participants as ps
    from trialdesk.ui import main_window as mw

    ids = [enrol_due_today(store, doctor, born=BORN - timedelta(days=400 * i)) for i in range(5)]
    monkeypatch.setattr(mw, "REGISTER_FILL_CHUNK", 2)
    shares = []
    real = ps.list_participants
    monkeypatch.setattr(mw.participants_service, "list_participants",
                        lambda *a, **k: (shares.append((k.get("only"), k.get("next_visits", True))), real(*a, **k))[1])
    window = main_window(qtbot, store, doctor)
    assert window.model.rowCount() == 5 and not window.register_filled()
    assert shares[0] == (None, False)  # every participant first, without the next visit
    window.select_participant(ids[3])
    qtbot.waitUntil(window.register_filled)
    assert [len(only) for only, _ in shares[1:] if only is not None] == [2, 2, 1]
    whole = real(store, doctor)
    assert list(window.model.all_rows()) == whole and all(r.next_visit == "Injection 1" for r in whole)
    assert window.model.data(window.table.currentIndex(), ParticipantTableModel.ROW_ROLE).id == ids[3]
