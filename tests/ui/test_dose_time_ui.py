"""The dose visit's go / no-go follows the injection start typed into the form (issue 11, item 5): at 00:10 an
injection entered for 23:50 the evening before, the last day of its window, is a GO on the screen, is recorded
without an override, and the screen then shows the verdict it was given under."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.conftest import main_window
from tests.services.test_dose_time import _prepare, _window_end
from tests.services.test_visits import OSLO, enrolled  # noqa: F401 (fixture)
from trialdesk.services import visits as vs


def test_the_panel_checks_at_the_start_time_entered_and_records_a_go(qtbot, store, nurse, enrolled, clock):  # noqa: F811
    last = _window_end(store, nurse, enrolled)
    injection = datetime(last.year, last.month, last.day, 23, 50, tzinfo=OSLO)
    premedication = datetime(last.year, last.month, last.day, 21, 0, tzinfo=OSLO)
    clock.set(premedication + timedelta(minutes=5))
    _prepare(store, nurse, enrolled, injection, premedication)
    clock.set(injection + timedelta(minutes=20))  # 00:10 the next day
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(enrolled, "D1")
    visit = window.workspace.visit_tabs.injections
    assert "NO-GO" in visit.go_panel.verdict.text()  # nothing typed yet: checked at this moment
    admin = visit.admin
    admin.kit_number.setText("KIT-000777")
    admin.site_left.setChecked(True)
    admin.started_at.setText(injection.strftime("%d.%m.%Y %H:%M"))
    admin.started_at.editingFinished.emit()
    assert "GO" in visit.go_panel.verdict.text() and "NO-GO" not in visit.go_panel.verdict.text()
    assert "23:50" in visit.go_panel.lines.text()  # says which time it checked at
    assert admin.record_button.isEnabled()
    admin.ended_at.setText((injection + timedelta(minutes=5)).strftime("%d.%m.%Y %H:%M"))
    admin.observation_until.setText((injection + timedelta(minutes=65)).strftime("%d.%m.%Y %H:%M"))
    admin.record_button.click()  # a go: no override dialog is asked for
    record = vs.visit_record(store, nurse, enrolled, "D1")
    assert (record.state, record.verdict) == ("given", "go")
    assert "DOSE GIVEN" in visit.go_panel.verdict.text() and "GO" in visit.go_panel.lines.text()
