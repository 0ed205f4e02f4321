"""Dates and times out of bounds are refused at the field in the GUI (issue 11, item 5), and a participant with
bad values already in the store (an old version's or a hand edit's) opens without an error."""

from __future__ import annotations

from tests.conftest import main_window
from tests.services.test_date_bounds import _write_bad_values
from tests.services.test_visits import D1_DAY, enrolled, prepare_d1  # noqa: F401 (fixture)
from trialdesk.services import visits as vs


def _sample_error(visit, text: str) -> str:
    visit.labs.sampled_at.setText(text)
    visit.labs.rows["HB"].value.setText("13,2")  # not a critical value: no read-back dialog
    visit.save_labs_button.click()
    return visit.labs.sampled_error.text()


def test_sample_times_out_of_bounds_are_refused_at_the_field(qtbot, store, nurse, enrolled):  # noqa: F811
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(enrolled, "D1")
    visit = window.workspace.visit_tabs.injections
    assert "before 1900" in _sample_error(visit, "01.01.0981 10:00")  # no time arithmetic on year 981
    error = _sample_error(visit, "01.01.1980 10:00")  # the service's bound: the birth date
    assert "before the participant's birth date (12.04.1985)" in error, error
    assert "in the future" in _sample_error(visit, "31.12.9999 10:00")
    assert store.db.execute("SELECT count(*) FROM lab_samples").fetchone()[0] == 0
    assert visit.labs.rows["HB"].value.text() == "13,2"  # what was typed stays


def test_a_participant_with_bad_stored_values_opens(qtbot, store, doctor, nurse, enrolled):  # noqa: F811
    prepare_d1(store, nurse, enrolled)
    _write_bad_values(store, doctor, nurse, enrolled, aware_at="9999-12-31T23:59:59.999999Z")
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(enrolled, "D1")
    visit = window.workspace.visit_tabs.injections
    assert "NO-GO" in visit.go_panel.verdict.text()
    labs = visit.saved_labs_model
    cells = [labs.data(labs.index(r, c)) for r in range(labs.rowCount()) for c in range(labs.columnCount())]
    assert any("01.01.0981" in str(cell) for cell in cells), cells
    ws = window.workspace
    ws.setCurrentWidget(ws.visit_tabs.ae_page)
    ws.reload()
    table = ws.visit_tabs.adverse_events.model
    texts = [str(table.data(table.index(r, c))) for r in range(table.rowCount()) for c in range(table.columnCount())]
    assert "01.01.0981" in texts and any("31.12.9999 23:59 UTC" in t for t in texts), texts
    assert vs.open_sae_clocks(store, nurse)
