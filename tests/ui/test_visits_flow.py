"""The injection visit in the GUI on a real encrypted store (issue 5): Today list -> pre-dose labs with
read-back -> GO -> administration with a scanned kit number -> AE with its SAE clock in the main window;
masking for a nurse; NO-GO blocks a nurse; every model checked by qtmodeltester."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.conftest import PASSWORD, at_noon, main_window
from tests.leaks import shows, shows_value
from tests.services.test_screening import BORN, ELIGIBLE, JUDGED
from tests.services.test_visits import (  # noqa: F401
    D1_DAY,
    administration,
    enrolled,
    entries,
    prepare_d1,
)
from tests.ui.test_first_window import _when_shown as _poll
from trialdesk.clock import local_now, local_today


def _when_shown(kind, action, tries=250):
    """Like test_first_window._when_shown, but a failing action closes the dialog (no hang) and re-raises
    its error at the end of the test through pytest-qt's exception capture."""
    def safe(dialog):
        try:
            action(dialog)
        except BaseException:
            dialog.reject()
            raise
    _poll(kind, safe, tries)
from trialdesk.services import participants as ps
from trialdesk.services import screening as sc
from trialdesk.services import visits as vs
from trialdesk.services.demo import synthetic_id_number
from trialdesk.ui.main_window import MainWindow
from trialdesk.ui.reason_dialog import ReasonDialog
from trialdesk.ui.signature_dialog import SignatureDialog
from trialdesk.ui.visits.adverse_events import AdverseEventDialog
from trialdesk.ui.visits.lab_entry import ReadBackDialog
from trialdesk.ui.visits.tabs import VisitTabs

OSLO = vs.LOCAL_TZ


def enrol_due_today(store, doctor, sex="F", born=BORN) -> str:
    """A participant enrolled 12 weeks ago, so that dose 1 is due today."""
    day = local_today() - timedelta(weeks=12)
    pid = ps.register_candidate(store, doctor, sex=sex, birth_date=born, childbearing_potential=sex == "F" or None,
                                identity=ps.Identity("Testperson Alfa", synthetic_id_number(born, sex)),
                                today=day).participant_id
    ps.record_consent(store, doctor, pid, form_version="1.0", language="nb", participant_signed_on=day - timedelta(1),
                      investigator_signed_on=day - timedelta(1), copy_given=True, today=day)
    sc.save_screening(store, doctor, pid, replace(ELIGIBLE, screening_date=day), JUDGED, today=day)
    sc.sign_eligibility(store, doctor, pid, username=doctor.username, password=PASSWORD, today=day)
    return pid


def stamp(moment: datetime) -> str:
    return moment.astimezone(OSLO).strftime("%d.%m.%Y %H:%M")


class Keys:
    """Counts the keystrokes of the keyboard path (for the report: a visit in under two minutes)."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0

    @staticmethod
    def _target(widget):
        # As the window system delivers keys: an open popup (a completer's list) gets them first.
        return QApplication.activePopupWidget() or widget

    def type(self, widget, text: str) -> None:
        self.qtbot.keyClicks(self._target(widget), text)
        self.count += len(text)

    def key(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        target = self._target(widget)
        self.qtbot.keyClick(target, key, modifier)
        self.count += 1
        if target is not widget and not target.isVisible():
            # The popup closed: a window manager hands activation back to the dialog; offscreen does not.
            widget.window().activateWindow()
            self.qtbot.waitUntil(widget.window().isActiveWindow)

    def focused(self):
        return QApplication.focusWidget()


def test_whole_visit_keyboard_first(qtbot, store, doctor, nurse, qtmodeltester, clock):
    at_noon(clock)  # "observe until" is typed as now + 2 h without a date: not a test of the night
    pid = enrol_due_today(store, doctor)
    window = main_window(qtbot, store, nurse)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    keys = Keys(qtbot)
    # Today list: the participant is due; Ctrl+D focuses it, Enter opens the dose visit.
    assert window.today.model.rowCount() == 1
    qtmodeltester.check(window.today.model)
    keys.key(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    table = window.today.table
    assert table.hasFocus()
    table.setCurrentIndex(window.today.model.index(0, 0))
    keys.key(table, Qt.Key.Key_Return)
    ws = window.workspace
    tabs: VisitTabs = ws.visit_tabs
    visit = tabs.injections
    assert ws.currentWidget() is tabs.injections_page and visit.dose_code == "D1"
    assert "Due today" in visit.header.text()
    assert visit.labs.sampled_at.hasFocus()

    # Pre-dose blood results: IgG and NK first; a wrong unit is refused at the field as you type.
    now = local_now().replace(second=0, microsecond=0)
    keys.type(visit.labs.sampled_at, stamp(now - timedelta(hours=2)))
    keys.key(keys.focused(), Qt.Key.Key_Tab)
    rows = visit.labs.rows
    assert list(rows)[:2] == ["IGG", "NK"] and rows["IGG"].value.hasFocus()
    values = {"IGG": "8,4", "NK": "210", "HB": "13,2", "NEUT": "3,1", "LYMPH": "1,6", "WBC": "6,0", "PLT": "240"}
    for analyte in rows:
        keys.type(rows[analyte].value, values[analyte])
        keys.key(rows[analyte].value, Qt.Key.Key_Tab)  # -> unit (default: the protocol's display unit)
        keys.key(rows[analyte].unit, Qt.Key.Key_Tab)  # -> next value
    assert "= 8,4 g/L" in rows["IGG"].result.text() and "within reference" in rows["IGG"].result.text()
    assert "13,2 g/dL" in rows["HB"].result.text()
    nk_unit = rows["NK"].unit
    nk_unit.setCurrentIndex(nk_unit.findData("10^9/L"))
    assert "did you mean ×10⁶/L" in rows["NK"].error.text() and rows["NK"].error.isVisible()
    nk_unit.setCurrentIndex(nk_unit.findData("10^6/L"))
    assert not rows["NK"].error.isVisible()
    assert visit.save_labs_button.hasFocus()

    read_back = {}

    def confirm(dialog: ReadBackDialog):
        read_back["items"] = [box.text() for box in dialog.checks.values()]
        keys.key(dialog, Qt.Key.Key_Return)  # nothing ticked: refused, dialog stays
        read_back["error"] = dialog.error.text()
        for box in dialog.checks.values():
            box.setFocus()
            keys.key(box, Qt.Key.Key_Space)  # Tab + Space each in real life (Tab counted below)
            keys.count += 1
        keys.key(box, Qt.Key.Key_Return)

    _when_shown(ReadBackDialog, confirm)
    keys.key(visit.save_labs_button, Qt.Key.Key_Space)
    assert [t.split()[0] for t in read_back["items"]] == ["IgG", "NK"] and "8,4" in read_back["items"][0]
    assert "Tick every value" in read_back["error"]
    assert len(vs.lab_results(store, nurse, pid)) == 7
    assert visit.saved_labs_model.rowCount() == 7
    qtmodeltester.check(visit.saved_labs_model)
    assert "NO-GO" in visit.go_panel.verdict.text()  # pregnancy test, premedication, blood bank still missing
    assert not visit.admin.record_button.isEnabled()

    # Before the dose: blood bank, pregnancy test, premedication times (empty until typed).
    assert all(edit.text() == "" for edit in visit.premeds.values())
    window.activateWindow()  # offscreen: the window is not re-activated by itself after a modal dialog
    qtbot.waitUntil(window.isActiveWindow)
    visit.type_and_screen.setFocus()
    assert visit.type_and_screen.hasFocus(), QApplication.focusWidget()
    keys.type(visit.type_and_screen, (local_today() - timedelta(days=7)).strftime("%d.%m.%Y"))
    keys.key(visit.type_and_screen, Qt.Key.Key_Tab)
    keys.type(visit.alert_card, local_today().strftime("%d.%m.%Y"))
    keys.key(visit.alert_card, Qt.Key.Key_Tab)
    assert visit.pregnancy.hasFocus(), (QApplication.focusWidget(), QApplication.focusWidget().accessibleName())
    keys.key(visit.pregnancy, Qt.Key.Key_Down)  # negative
    keys.key(visit.pregnancy, Qt.Key.Key_Tab)
    for edit in visit.premeds.values():
        assert edit.hasFocus()
        keys.type(edit, stamp(now - timedelta(minutes=90)))
        keys.key(edit, Qt.Key.Key_Tab)
    assert visit.save_pre_button.hasFocus()
    keys.key(visit.save_pre_button, Qt.Key.Key_Space)
    assert "✓ GO" in visit.go_panel.verdict.text(), visit.go_panel.lines.text()
    assert "✗" not in visit.go_panel.lines.text() and "✓" in visit.go_panel.lines.text()
    assert visit.admin.record_button.isEnabled()

    # Administration: a barcode scanner types a burst and Enter — focus moves on, nothing is submitted.
    admin = visit.admin
    assert admin.kit_number.hasFocus()  # saving the checks moved the keyboard on to the injection
    keys.type(admin.kit_number, "KIT-000123")
    keys.key(admin.kit_number, Qt.Key.Key_Return)
    assert admin.lot.hasFocus() and admin.kit_number.text() == "KIT-000123"
    assert store.db.execute("SELECT count(*) FROM administrations").fetchone()[0] == 0
    keys.type(admin.lot, "LOT-9")
    keys.key(admin.lot, Qt.Key.Key_Tab)
    assert admin.site_left.hasFocus()
    keys.key(admin.site_left, Qt.Key.Key_Space)
    keys.key(admin.site_left, Qt.Key.Key_Tab)
    assert admin.started_at.hasFocus()
    keys.type(admin.started_at, "n")  # n = now
    keys.key(admin.started_at, Qt.Key.Key_Tab)
    assert admin.started_at.text() == local_now().strftime("%H:%M") or ":" in admin.started_at.text()
    keys.type(admin.ended_at, "n")
    keys.key(admin.ended_at, Qt.Key.Key_Tab)
    keys.type(admin.observation_until, (now + timedelta(hours=2)).strftime("%H:%M"))
    keys.key(admin.observation_until, Qt.Key.Key_Tab)
    for (name, when), text in zip(admin.vitals, ("122", "78", "66", "36,8", "118", "76", "70", "399")):
        assert admin.vitals[(name, when)].hasFocus(), (name, when)
        keys.type(admin.vitals[(name, when)], text)
        keys.key(admin.vitals[(name, when)], Qt.Key.Key_Tab)
    assert admin.record_button.hasFocus()
    keys.key(admin.record_button, Qt.Key.Key_Space)
    # A typo in the temperature: shown at the field, everything typed kept, nothing saved.
    assert admin.vitals[("temp", "after")].hasFocus() and "not a plausible value" in admin.vitals_error.text()
    assert admin.kit_number.text() == "KIT-000123"
    assert store.db.execute("SELECT count(*) FROM administrations").fetchone()[0] == 0
    admin.vitals[("temp", "after")].selectAll()
    keys.type(admin.vitals[("temp", "after")], "36,9")
    admin.record_button.setFocus()
    keys.key(admin.record_button, Qt.Key.Key_Space)
    row = store.db.execute("SELECT kit_number, injection_site, temp_post FROM administrations").fetchone()
    assert row == ("KIT-000123", "abdomen_left", 36.9)
    assert vs.visit_record(store, nurse, pid, "D1").state == "given"
    assert "Given" in admin.blocked.text() and "Nils Nurse (nurse)" in admin.blocked.text()
    assert not admin.record_button.isEnabled() and "DOSE GIVEN" in visit.go_panel.verdict.text()
    assert window.today.model.rowCount() == 0  # D1 done: no longer due

    # An SAE at this visit: its 24-hour clock shows in the main window and on the participant.
    def ae(dialog: AdverseEventDialog):
        keys.type(dialog.verbatim, "admitted with high fever")
        keys.key(dialog.verbatim, Qt.Key.Key_Tab)
        keys.type(dialog.term.lineEdit(), "Fever")
        keys.key(dialog.term.lineEdit(), Qt.Key.Key_Tab)
        assert dialog.term_key() == "fever", dialog.term.currentText()
        assert dialog.onset_date.text() == local_today().strftime("%d.%m.%Y")  # today unless changed
        dialog.grade.setFocus()
        keys.key(dialog.grade, Qt.Key.Key_Down)
        keys.key(dialog.grade, Qt.Key.Key_Down)  # grade 2
        assert dialog.grade.currentData() == 2 and "Grade 2:" in dialog.grade_text.text()
        dialog.serious.setFocus()
        keys.key(dialog.serious, Qt.Key.Key_Space)
        dialog.criteria["sae_hospitalisation"].setFocus()
        keys.key(dialog.criteria["sae_hospitalisation"], Qt.Key.Key_Space)
        for combo, code in ((dialog.causality, "possible"), (dialog.action_taken, "none"),
                            (dialog.outcome, "recovering")):
            combo.setFocus()
            while combo.currentData() != code:
                keys.key(combo, Qt.Key.Key_Down)
        keys.key(dialog.outcome, Qt.Key.Key_Return)

    _when_shown(AdverseEventDialog, ae)
    visit.ae_button.setFocus()
    keys.key(visit.ae_button, Qt.Key.Key_Space)
    [clock] = vs.open_sae_clocks(store, nurse)
    assert window.sae_banner.isVisible() and window.sae_banner.model.rowCount() == 1
    banner_text = window.sae_banner.model.data(window.sae_banner.model.index(0, 3))
    assert "left" in banner_text and window.sae_banner.model.data(window.sae_banner.model.index(0, 0)) == "KTS11-H-001"
    assert tabs.sae_banners[0].isVisibleTo(window) and tabs.sae_banners[0].model.rowCount() == 1
    qtmodeltester.check(window.sae_banner.model)
    window.workspace.setCurrentWidget(tabs.ae_page)  # a hidden tab is read when it is shown
    log = tabs.adverse_events
    assert log.model.rowCount() == 1 and "SAE" in log.model.data(log.model.index(0, 4))
    qtmodeltester.check(log.model)
    window.workspace.setCurrentWidget(tabs.timeline)
    qtmodeltester.check(tabs.timeline.model)
    assert any("Done" in tabs.timeline.model.data(tabs.timeline.model.index(r, 4))
               for r in range(tabs.timeline.model.rowCount()))
    print(f"\nKEYSTROKES for a full visit: {keys.count}")
    assert keys.count < 400

    # Mark reported: the clock stops everywhere.
    from PySide6.QtWidgets import QMessageBox

    ws.setCurrentWidget(tabs.ae_page)
    log.table.setCurrentIndex(log.proxy.index(0, 0))
    _when_shown(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    log.reported_button.click()
    assert vs.open_sae_clocks(store, nurse) == [] and not window.sae_banner.isVisible()


def test_masking_for_a_nurse(qtbot, store, doctor, nurse, enrolled):  # noqa: F811
    prepare_d1(store, nurse, enrolled)
    vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY)
    d2 = D1_DAY + timedelta(days=14)
    vs.record_pre_dose_labs(store, nurse, enrolled, "D2", sampled_at=d2, read_back={"IGG", "NK"},
                            entries=entries(IGG=("2,1", "g/L"), NK=("40", "10^6/L")))
    window = main_window(qtbot, store, nurse)
    window.select_participant(enrolled)
    tabs = window.workspace.visit_tabs
    tabs.open_dose(enrolled, "D2")
    visit = tabs.injections
    model = visit.saved_labs_model
    shown = {model.row_at(model.index(r, 0)).view.analyte: [model.data(model.index(r, c)) for c in range(model.columnCount())]
             for r in range(model.rowCount())}
    assert "refer to the unblinded physician" in " ".join(shown["IGG"])
    for analyte in ("IGG", "NK"):
        text = " ".join(shown[analyte])
        assert not shows_value(text, "2.1") and not shows(text, "40") and "below reference" not in text
    assert "13,2 g/dL" in " ".join(shown["HB"])
    everything = " ".join(w.text() for w in visit.findChildren(type(visit.header)))
    assert not shows_value(everything, "2.1")
    # Live entry for a masked analyte: no converted value, flag or grade; the safety wording only.
    visit.labs.rows["IGG"].value.setText("2,0")
    live = visit.labs.rows["IGG"].result.text()
    assert "refer to the unblinded physician" in live and "2,0" not in live and "(below reference)" not in live
    # Trend chart: masked values not plotted, and it says so.
    trend = tabs.trend
    window.workspace.setCurrentWidget(trend)
    assert trend.hidden == 1 and trend.plotted == 1 and "masked" in trend.chart.title()
    # The NO-GO (IgG below the safety limit) still works while masked.
    assert "NO-GO" in visit.go_panel.verdict.text()
    assert not shows_value(visit.go_panel.lines.text(), "2.1")


def test_no_go_blocks_a_nurse_and_the_investigator_overrides_with_a_signature(qtbot, store, doctor, nurse):
    pid = enrol_due_today(store, doctor)
    now = local_now()
    vs.record_blood_bank(store, nurse, pid, type_and_screen_on=local_today(), alert_card_on=local_today())
    vs.record_pre_dose_labs(store, nurse, pid, "D1", sampled_at=now - timedelta(hours=2), read_back={"IGG", "NK"},
                            entries=entries(NK=("210", "10^6/L")))
    for premed in sc.protocol().pre_dose.premedication:
        vs.record_premedication(store, nurse, pid, "D1", premed.code, now - timedelta(minutes=90))
    # No pregnancy test: NO-GO.
    nurse_window = MainWindow(store, nurse)
    qtbot.addWidget(nurse_window)
    nurse_window.open_dose_visit(pid, "D1")
    visit = nurse_window.workspace.visit_tabs.injections
    assert "NO-GO" in visit.go_panel.verdict.text() and "pregnancy" in visit.go_panel.lines.text()
    assert not visit.admin.record_button.isEnabled() and "nurse cannot record" in visit.admin.blocked.text()

    doctor_window = MainWindow(store, doctor)
    qtbot.addWidget(doctor_window)
    doctor_window.open_dose_visit(pid, "D1")
    visit = doctor_window.workspace.visit_tabs.injections
    admin = visit.admin
    assert admin.record_button.isEnabled() and "Override" in admin.record_button.text()
    admin.kit_number.setText("KIT-000777")
    admin.site_right.setChecked(True)
    admin.started_at.setText("n")
    admin.ended_at.setText("n")
    admin.observation_until.setText("n")  # the protocol asks for an observation period: its end is required

    def reason(dialog: ReasonDialog):
        qtbot.keyClicks(dialog.reason, "pregnancy test done at the GP this morning, negative")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    def sign(dialog: SignatureDialog):
        qtbot.keyClicks(dialog.username, doctor.username)
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    _when_shown(ReasonDialog, reason)
    _when_shown(SignatureDialog, sign, tries=500)
    admin.record_button.click()
    row = store.db.execute("SELECT v.verdict, v.override_reason, s.username FROM dose_visits v "
                           "JOIN signatures s ON s.id = v.override_signature_id").fetchone()
    assert row == ("no_go", "pregnancy test done at the GP this morning, negative", doctor.username)
