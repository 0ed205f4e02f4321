"""The Exchange menu on screen (issue 12, point 7): the banner shows open conflicts the way the SAE clock is shown;
the conflicts window shows both sides with who, when, where, why; an investigator decides by keyboard with a
reason (refused without one, at the field); the banner goes; the exchange window lists the paired workstation."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from tests.conftest import PASSWORD, main_window
from tests.services.test_bundles import _pair
from tests.services.test_pairing import other  # noqa: F401  (the fixture: a second workstation, site R)
from tests.services.test_screening import ELIGIBLE, JUDGED, TODAY, consent, register
from trialdesk.domain.people import Role
from trialdesk.services import auth, bundles, merge
from trialdesk.services import screening as sc
from trialdesk.ui.exchange import ConflictsDialog, ExchangeDialog


def _travel(src, src_user, dst, dst_user):
    data, _, _ = bundles.make_bundle(src, src_user, dst.info.site_code)
    return merge.receive_bundle(dst, dst_user, data)


def _conflict(store, doctor, other):
    _pair(store, doctor, other.store, other.admin)
    r_doctor = auth.create_user(other.store, other.admin, username="rdoctor", full_name="Rolf Doktor",
                                role=Role.INVESTIGATOR, password=PASSWORD, temporary=False)
    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, ELIGIBLE, JUDGED, today=TODAY)
    _travel(store, doctor, other.store, other.admin)
    _travel(other.store, other.admin, store, doctor)
    sc.save_screening(store, doctor, pid, dataclasses.replace(ELIGIBLE, severity="severe"), JUDGED, today=TODAY,
                      reason="examined at H")
    sc.save_screening(other.store, r_doctor, pid, dataclasses.replace(ELIGIBLE, severity="mild"), JUDGED,
                      today=TODAY, reason="examined at R")
    _travel(other.store, r_doctor, store, doctor)
    return pid


def test_banner_conflicts_window_and_a_decision_by_keyboard(qtbot, store, doctor, other):
    _conflict(store, doctor, other)
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


def test_exchange_window_lists_the_paired_workstation(qtbot, store, doctor, other):
    _conflict(store, doctor, other)
    dialog = ExchangeDialog(store, doctor)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1
    cells = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert cells[0].startswith("R ·") and cells[-1] == "1"
    assert dialog.peer.count() == 1 and dialog.send_button.isEnabled()


def test_a_nurse_sees_no_decision_buttons(qtbot, store, doctor, nurse, other):
    _conflict(store, doctor, other)
    dialog = ConflictsDialog(store, nurse)
    qtbot.addWidget(dialog)
    assert not dialog.keep_this.isEnabled() and "investigator" in dialog.message.text()
