"""Visit models under qtmodeltester, the read-only visit_history service (ids, corrections, masking),
and the lab correction dialog with its reason; unique keyboard mnemonics on the visit tabs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.conftest import main_window
from tests.services.test_visits import (  # noqa: F401
    D1_DAY,
    administration,
    enrolled,
    entries,
    prepare_d1,
)
from tests.ui.test_screening_flow import _mnemonics
from tests.ui.test_visits_flow import _when_shown, enrol_due_today
from trialdesk.clock import local_now
from trialdesk.services import visit_history
from trialdesk.services import visits as vs
from trialdesk.ui.visits.dose_visit import LabCorrectionDialog
from trialdesk.ui.visits.models import (
    AdverseEventTableModel,
    LabResultTableModel,
    SaeClockTableModel,
    TimelineTableModel,
    TodayTableModel,
)


def test_every_visit_model_passes_qtmodeltester(qtmodeltester, store, nurse, enrolled):  # noqa: F811
    prepare_d1(store, nurse, enrolled)
    vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY)
    vs.record_adverse_event(store, nurse, enrolled, vs.AdverseEventInput(
        verbatim="fever", term="fever", onset_date=date(2026, 5, 26), grade=2, serious=True, causality="possible",
        action_taken="none", outcome="recovering", sae_criteria=frozenset({"sae_hospitalisation"})))
    models = {
        TimelineTableModel(): vs.timeline(store, nurse, enrolled, D1_DAY.date() + timedelta(days=14)),
        TodayTableModel(): vs.due_today(store, nurse, D1_DAY.date() + timedelta(days=14)),
        SaeClockTableModel(): vs.open_sae_clocks(store, nurse),
        AdverseEventTableModel(): vs.adverse_events(store, nurse, enrolled),
        LabResultTableModel(): visit_history.lab_result_records(store, nurse, enrolled),
    }
    for model, rows in models.items():
        assert rows, type(model).__name__
        model.set_rows(rows)
        qtmodeltester.check(model)
    timeline = next(m for m in models if isinstance(m, TimelineTableModel))
    states = [timeline.data(timeline.index(r, 4)) for r in range(timeline.rowCount())]
    assert "✓ Done" in states and "● Due today" in states  # state as text, not colour alone


def test_visit_history_ids_corrections_and_masking(store, doctor, nurse, enrolled):  # noqa: F811
    prepare_d1(store, nurse, enrolled)
    [plt] = [r for r in visit_history.lab_result_records(store, nurse, enrolled) if r.view.analyte == "PLT"]
    assert plt.dose_code == "D1" and not plt.changed and not plt.read_back
    vs.correct_lab_result(store, nurse, plt.id, vs.LabEntry("204", "10^9/L"), "typing error")
    [plt] = [r for r in visit_history.lab_result_records(store, nurse, enrolled) if r.view.analyte == "PLT"]
    assert [(c.old, c.new, c.reason, c.username) for c in plt.changes] == [
        ("240 ×10⁹/L", "204 ×10⁹/L", "typing error", nurse.username)]  # units as people read them
    vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY)
    d2 = D1_DAY + timedelta(days=14)
    vs.record_pre_dose_labs(store, nurse, enrolled, "D2", sampled_at=d2, read_back={"IGG"},
                            entries=entries(IGG=("2,1", "g/L")))
    [igg2] = [r for r in visit_history.lab_result_records(store, nurse, enrolled)
              if r.view.analyte == "IGG" and r.dose_code == "D2"]
    assert igg2.view.masked and igg2.read_back
    vs.correct_lab_result(store, nurse, igg2.id, vs.LabEntry("2,2", "g/L"), "lab report re-read")
    [igg2] = [r for r in visit_history.lab_result_records(store, nurse, enrolled) if r.id == igg2.id]
    assert [(c.old, c.new) for c in igg2.changes] == [(visit_history.MASKED, visit_history.MASKED)]
    bank = visit_history.blood_bank(store, nurse, enrolled)
    assert bank.type_and_screen_on == date(2026, 5, 1) and bank.alert_card_on == date(2026, 5, 1)


def test_correction_dialog_asks_value_and_reason_and_the_table_shows_who(qtbot, store, doctor, nurse):
    pid = enrol_due_today(store, doctor)

    vs.record_pre_dose_labs(store, nurse, pid, "D1", sampled_at=local_now() - timedelta(hours=1),
                            entries=entries(), read_back={"IGG"})
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(pid, "D1")
    visit = window.workspace.visit_tabs.injections
    model = visit.saved_labs_model
    row = next(r for r in range(model.rowCount()) if model.row_at(model.index(r, 0)).view.analyte == "PLT")
    visit.saved_labs.setCurrentIndex(model.index(row, 0))
    seen = {}

    def correct(dialog: LabCorrectionDialog):
        assert dialog.value.text() == "240" and dialog.value.selectedText() == "240"  # typing replaces it
        qtbot.keyClicks(dialog.value, "204")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()  # no reason: refused
        seen["error"] = dialog.boxes["reason"].error.text()
        qtbot.keyClicks(dialog.reason, "typing error, report says 204")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    _when_shown(LabCorrectionDialog, correct)
    visit.correct_button.click()
    assert "reason" in seen["error"]
    row = next(r for r in range(model.rowCount()) if model.row_at(model.index(r, 0)).view.analyte == "PLT")
    assert model.data(model.index(row, 3)) == "204 ×10⁹/L"
    assert "changed" in model.data(model.index(row, 7)) and nurse.username in model.data(model.index(row, 7))
    visit.saved_labs.setCurrentIndex(model.index(row, 0))
    assert "240 ×10⁹/L → 204 ×10⁹/L" in visit.corrections.text()


@pytest.mark.parametrize("tab", ["injections_page", "ae_page", "trend", "timeline"])
def test_keyboard_mnemonics_unique_on_visit_tabs(qtbot, store, doctor, nurse, tab):
    pid = enrol_due_today(store, doctor)
    window = main_window(qtbot, store, nurse)
    window.select_participant(pid)
    tabs = window.workspace.visit_tabs
    window.workspace.setCurrentWidget(getattr(tabs, tab))
    keys = _mnemonics(window)
    assert not {k for k in keys if keys.count(k) > 1}, sorted(keys)
    from PySide6.QtWidgets import QComboBox, QLineEdit, QRadioButton, QWidget

    for widget in getattr(tabs, tab).findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QComboBox, QRadioButton)) and widget.isVisibleTo(window) \
                and not isinstance(widget.parent(), QComboBox):
            assert widget.accessibleName(), widget
