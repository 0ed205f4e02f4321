"""The Exchange menu on screen (issue 12, point 7): the banner shows open conflicts the way the SAE clock is shown;
the conflicts window shows both sides with who, when, where, why; an investigator decides by keyboard with a
reason (refused without one, at the field); the banner goes; the exchange window lists the paired workstation."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import main_window
from tests.services.test_merge import edit_at_both, two  # noqa: F401  (the fixture: H and R paired, a participant)
from tests.services.test_pairing import other  # noqa: F401  (the fixture: a second workstation, site R)
from trialdesk.services import bundles, merge
from trialdesk.ui.exchange import ConflictsDialog, ExchangeDialog


def _conflict(store, doctor, other, two):
    """One open field conflict at H: severity changed at H and at R, R's change received at H."""
    pid, r_doctor = two
    edit_at_both(store, doctor, other, r_doctor, pid, "examined at H", "examined at R")
    merge.receive_bundle(store, doctor, bundles.make_bundle(other.store, r_doctor, "H")[0])
    return pid


def test_banner_conflicts_window_and_a_decision_by_keyboard(qtbot, store, doctor, other, two):
    _conflict(store, doctor, other, two)
    window = main_window(qtbot, store, doctor)
    assert window.conflict_banner.isVisible() and "investigator's decision: 1 (" in window.conflict_banner.label.text()
    dialog = ConflictsDialog(store, doctor, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1
    text = dialog.detail.text()
    assert "Severity" in text or "severity" in text
    assert "rdoctor" in text and "examined at R" in text and "site R" in text
    assert "doctor" in text and "examined at H" in text
    cells = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert cells[0].startswith("KTS11-H-") and "severe" in cells[3].lower() and "mild" in cells[4].lower()
    # No reason: refused, the message says so, nothing decided.
    dialog.take_other.click()
    assert "reason" in dialog.message.text().lower()
    assert merge.open_conflict_count(store) == 1
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "R examined the patient today")
    qtbot.keyClick(dialog.take_other, Qt.Key.Key_Space)
    assert merge.open_conflict_count(store) == 0 and dialog.model.rowCount() == 0
    assert "Decided" in dialog.message.text()
    window.reload()
    assert not window.conflict_banner.isVisible()
    row = store.db.execute("SELECT severity FROM screenings").fetchone()
    assert row[0] == "mild"


def test_exchange_window_lists_the_paired_workstation(qtbot, store, doctor, other, two):
    _conflict(store, doctor, other, two)
    dialog = ExchangeDialog(store, doctor)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1
    cells = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert cells[0].startswith("R ·") and cells[-1] == "1"
    assert dialog.peer.count() == 1 and dialog.send_button.isEnabled()


def test_a_nurse_sees_no_decision_buttons(qtbot, store, doctor, nurse, other, two):
    _conflict(store, doctor, other, two)
    dialog = ConflictsDialog(store, nurse)
    qtbot.addWidget(dialog)
    assert not dialog.keep_this.isEnabled() and "investigator" in dialog.message.text()
