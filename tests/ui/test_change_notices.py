"""Views hear what was written from the store (ui/notices.py) and reload only what a change touches."""

from collections import Counter
from datetime import timedelta

from tests.conftest import at_noon, main_window
from tests.ui.test_visits_flow import enrol_due_today
from trialdesk.clock import local_now
from trialdesk.ui.main_window import MainWindow
from trialdesk.ui.participants.model import ParticipantTableModel
from trialdesk.ui.participants.workspace import ParticipantWorkspace
from trialdesk.ui.visits.adverse_events import AdverseEventLogWidget
from trialdesk.ui.visits.dose_visit import DoseVisitWidget
from trialdesk.ui.visits.timeline import TimelineWidget
from trialdesk.ui.visits.today import SaeBanner, TodayPanel
from trialdesk.ui.visits.trend import LabTrendWidget

TARGETS = [(MainWindow, "reload"), (ParticipantWorkspace, "reload"), (ParticipantWorkspace, "_reload_history"),
           (DoseVisitWidget, "reload"), (TodayPanel, "reload"), (SaeBanner, "reload"), (LabTrendWidget, "reload"),
           (TimelineWidget, "show_participant"), (AdverseEventLogWidget, "set_rows"), (ParticipantTableModel, "set_rows"),
           (ParticipantTableModel, "update_rows"), (TodayPanel, "update")]

def count_reloads(monkeypatch) -> Counter:
    """Counts every call of the views' reload methods (``Class.method`` -> calls) from now on."""
    counts = Counter()
    for cls, name in TARGETS:
        def counted(*args, _original=getattr(cls, name), _key=f"{cls.__name__}.{name}", **kwargs):
            counts[_key] += 1
            return _original(*args, **kwargs)
        monkeypatch.setattr(cls, name, counted)
    return counts


def test_one_lab_save_reloads_each_view_that_shows_it_once_and_no_other(qtbot, store, doctor, nurse, monkeypatch, clock):
    """Before the store's notices, one lab save reloaded 18 times: the dose visit, the AE log, the trend and
    the timeline twice each, five SAE banners, the workspace, the history, the register and Today."""
    at_noon(clock)  # samples "taken an hour ago" today, whatever time the run starts
    pid = enrol_due_today(store, doctor)
    window = main_window(qtbot, store, nurse)
    window.select_participant(pid)
    tabs = window.workspace.visit_tabs
    tabs.open_dose(pid, "D1")
    visit = tabs.injections
    counts = count_reloads(monkeypatch)
    labs = visit.labs
    labs.sampled_at.setText((local_now() - timedelta(minutes=30)).strftime("%H:%M"))
    labs.rows["HB"].value.setText("13,2")
    labs.rows["HB"].unit.setCurrentIndex(labs.rows["HB"].unit.findData("g/dL"))
    assert visit.save_labs()
    # The lab save opened the visit (dose_visits) and wrote a sample with its result: the register and Today
    # (they show visit states; this participant's rows only: issue 15) and the dose visit reload once each; the trend, the timeline and the history are hidden tabs, marked out of date and read when shown.
    assert counts == {"DoseVisitWidget.reload": 1, "ParticipantWorkspace._reload_history": 1,
                      "ParticipantTableModel.update_rows": 1, "TodayPanel.update": 1}, dict(counts)
    counts.clear()
    for _ in range(2):  # shown twice: read once, the new result in it
        for page in (tabs.trend, tabs.timeline, tabs.injections_page):
            window.workspace.setCurrentWidget(page)
    assert counts == {"LabTrendWidget.reload": 1, "TimelineWidget.show_participant": 1}, dict(counts)
    tabs.trend.analyte.setCurrentIndex(tabs.trend.analyte.findData("HB"))
    assert tabs.trend.plotted == 1  # the result just saved
    assert "13,2 g/dL" in " ".join(str(visit.saved_labs_model.data(visit.saved_labs_model.index(r, c)))
                                   for r in range(visit.saved_labs_model.rowCount())
                                   for c in range(visit.saved_labs_model.columnCount()))
    # A second save of the same visit no longer opens it: the register and Today stay as they are.
    counts.clear()
    labs.sampled_at.setText((local_now() - timedelta(minutes=10)).strftime("%H:%M"))
    labs.rows["PLT"].value.setText("250")
    assert visit.save_labs(), visit.labs_error.text()
    assert counts == {"DoseVisitWidget.reload": 1, "ParticipantWorkspace._reload_history": 1}, dict(counts)


def test_a_change_to_another_participant_leaves_this_one_alone(qtbot, store, doctor, nurse, monkeypatch):
    from tests.services.test_screening import BORN

    shown = enrol_due_today(store, doctor)
    other = enrol_due_today(store, doctor, born=BORN + timedelta(days=3))
    window = main_window(qtbot, store, nurse)
    window.select_participant(shown)
    counts = count_reloads(monkeypatch)
    from trialdesk.services import visits as vs
    vs.record_pregnancy_test(store, nurse, other, "D1", "negative", day=local_now().date())
    qtbot.wait(10)
    assert counts == {"ParticipantTableModel.update_rows": 1, "TodayPanel.update": 1}, dict(counts)


def test_a_hidden_history_tab_is_read_when_it_is_shown_not_at_every_save(qtbot, store, doctor, nurse, clock):
    """Issue 15: the History tab reads the participant's whole audit trail; hidden, a save only marks it out of
    date, and showing it reads it, the new change included."""
    from trialdesk.clock import local_today
    from trialdesk.services import visits as vs

    at_noon(clock)
    pid = enrol_due_today(store, doctor)
    window = main_window(qtbot, store, nurse)
    window.select_participant(pid)
    ws = window.workspace
    ws.setCurrentWidget(ws.history_page)
    before = ws.history_model.rowCount()
    assert before > 0 and not ws._history_stale
    ws.setCurrentWidget(ws.visit_tabs.injections_page)
    vs.record_blood_bank(store, nurse, pid, type_and_screen_on=local_today(), alert_card_on=local_today())
    assert ws._history_stale and ws.history_model.rowCount() == before  # not read for a hidden tab
    ws.setCurrentWidget(ws.history_page)
    assert not ws._history_stale and ws.history_model.rowCount() > before


def test_opening_a_participant_reads_the_tab_shown_not_the_hidden_ones(qtbot, store, doctor, nurse, monkeypatch):
    """Issue 15: opening a participant loaded all five visit pages; now the page shown loads, each other one when it
    is shown — with the participant then open, once."""
    from tests.services.test_screening import BORN

    first = enrol_due_today(store, doctor)
    second = enrol_due_today(store, doctor, born=BORN + timedelta(days=3))
    window = main_window(qtbot, store, nurse)
    window.select_participant(first)
    ws = window.workspace
    ws.setCurrentIndex(0)  # the overview
    counts = count_reloads(monkeypatch)
    window.select_participant(second)
    assert counts["ParticipantWorkspace.reload"] == 1
    assert not {"DoseVisitWidget.reload", "LabTrendWidget.reload", "TimelineWidget.show_participant",
                "AdverseEventLogWidget.set_rows"} & set(counts), dict(counts)
    ws.setCurrentWidget(ws.visit_tabs.ae_page)
    ws.setCurrentWidget(ws.visit_tabs.timeline)
    ws.setCurrentWidget(ws.visit_tabs.ae_page)
    assert counts["AdverseEventLogWidget.set_rows"] == 1 and counts["TimelineWidget.show_participant"] == 1
    ws.setCurrentWidget(ws.visit_tabs.injections_page)
    assert ws.visit_tabs.injections.participant_id == second


def test_the_today_list_reads_again_only_the_participant_a_change_touched(qtbot, store, doctor, nurse, clock,
                                                                         monkeypatch):
    """Issue 15: a save touching one participant reads that participant's due visits, not the whole list; the list
    is then what a whole read gives. Past midnight the whole list is read again (what is due or overdue moves)."""
    from datetime import timedelta as td

    from tests.services.test_screening import BORN
    from trialdesk.services import visits as vs

    at_noon(clock)
    first = enrol_due_today(store, doctor)
    second = enrol_due_today(store, doctor, born=BORN + td(days=3))
    window = main_window(qtbot, store, nurse)
    asked = []
    real = vs.due_today
    monkeypatch.setattr(vs, "due_today", lambda *a, **k: (asked.append(k.get("only")), real(*a, **k))[1])
    vs.record_pregnancy_test(store, nurse, second, "D1", "negative", day=local_now().date())
    vs.mark_missed(store, nurse, first, "D1", "ill on the day")  # D1 leaves the list, D2 is not due yet
    assert asked and all(only is not None and len(only) == 1 for only in asked), asked
    shown = [(r.participant_id, r.code) for r in window.today.rows]
    assert (first, "D1") not in shown and (second, "D1") in shown
    assert shown == [(r.participant_id, r.code) for r in real(store, nurse)]
    asked.clear()
    clock.set(clock.now() + td(days=1))
    window.today._on_minute()
    assert asked == [None]  # the whole list, for the new day
