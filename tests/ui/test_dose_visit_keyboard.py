"""A whole dose visit with the keyboard only, in the main window at 1366×768 (issue 13, point 1).

Every key goes to the widget that has focus (or to the popup or dialog that is open), as a window system
delivers it: no ``setFocus``, no ``setCurrentIndex``, no clicks. The visit is four steps, one shown at a time
(blood results → before the dose → injection → adverse events). After every key the focused widget must be
in view: its visible region not empty, on the step shown, and — with the whole section it belongs to — within
that step's viewport. Errors go when the field is corrected; each step confirms its save where it was done
("✓ Saved 12:00"), and that confirmation stays in sight beside the steps when the keyboard moves on.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QPushButton

from tests.conftest import at_noon, main_window
from tests.ui.test_visits_flow import enrol_due_today
from trialdesk.clock import local_today
from trialdesk.services import visits as vs
from trialdesk.ui import i18n
from trialdesk.ui.visits.adverse_events import AdverseEventDialog
from trialdesk.ui.visits.dose_visit.widget import ADVERSE_EVENTS, BLOOD, INJECTION, PRE_DOSE
from trialdesk.ui.visits.lab_entry import ReadBackDialog

NO = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier


class Keyboard:
    """Sends keys to whatever has focus and checks, after each, that the focused widget can be seen."""

    def __init__(self, qtbot, window, visit):
        self.qtbot, self.window, self.visit = qtbot, window, visit
        self.count = 0
        self.seen: list[str] = []

    def target(self):
        return QApplication.activePopupWidget() or QApplication.focusWidget()

    def key(self, key, modifier=NO, times: int = 1) -> None:
        for _ in range(times):
            target = self.target()
            assert target is not None, "no widget has the keyboard focus"
            self.qtbot.keyClick(target, key, modifier)
            self.count += 1
            self.check_visible()

    def type(self, text: str) -> None:
        target = self.target()
        assert target is not None, "no widget has the keyboard focus"
        self.qtbot.keyClicks(target, text)
        self.count += len(text)
        self.check_visible()

    def check_visible(self) -> None:
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        if (focused is None or not focused.window().isVisible()) and QApplication.activeModalWidget() is None:
            # A dialog closed: a window manager gives activation back to the main window; offscreen does not.
            self.window.activateWindow()
            self.qtbot.waitUntil(self.window.isActiveWindow)
            focused = QApplication.focusWidget()
        if focused is None or QApplication.activePopupWidget() is not None:
            return
        name = focused.accessibleName() or type(focused).__name__
        self.seen.append(name)
        assert focused.isVisible(), f"focus on a hidden widget: {name}"
        assert not focused.visibleRegion().isEmpty(), f"focused widget not on screen: {name}"
        step = self.visit.step_of(focused)
        if step is not None:
            assert step == self.visit.step, f"{name} is on step {step + 1}, step {self.visit.step + 1} is shown"
            viewport = self.visit.scroll.viewport()
            inside = viewport.rect()
            for widget, what in ((focused, name), (section_of(focused), f"the section of {name}")):
                rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
                assert inside.contains(rect.topLeft()) and rect.bottom() <= inside.bottom() + 1, (
                    f"{what} at {rect} is outside the step's viewport {inside}")
        if focused.window() is self.window:
            assert self.window.rect().contains(QRect(focused.mapTo(self.window, QPoint(0, 0)),
                                                     focused.size()).center()), name


def when_dialog(kind, action, tries: int = 300) -> None:
    """Run ``action(dialog)`` once a ``kind`` dialog is the active modal (a failure rejects it: no hang)."""
    def poll(left=tries):
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            if not dialog.isActiveWindow():  # as a window manager does for a new modal dialog
                dialog.activateWindow()
                QTimer.singleShot(20, lambda: poll(left - 1))
                return
            try:
                action(dialog)
            except BaseException:
                dialog.reject()
                raise
            return
        if left:
            QTimer.singleShot(20, lambda: poll(left - 1))
    QTimer.singleShot(0, poll)


def section_of(widget):
    from trialdesk.ui.visits.dose_visit.section import Section

    while widget is not None and not isinstance(widget, Section):
        widget = widget.parentWidget()
    return widget


@pytest.fixture
def english(qapp):
    """The app's catalogues as app.py installs them (English: plurals resolved)."""
    i18n.install(qapp, "en")
    yield
    for translator in i18n._installed:  # as the other tests expect: no catalogue installed
        qapp.removeTranslator(translator)
    i18n._installed.clear()


def test_a_dose_visit_by_keyboard_alone_keeps_the_focused_field_in_view(qtbot, store, doctor, nurse, clock, english):
    at_noon(clock)
    pid = enrol_due_today(store, doctor)
    window = main_window(qtbot, store, nurse)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    visit = window.workspace.visit_tabs.injections
    keys = Keyboard(qtbot, window, visit)
    started = time.monotonic()

    # Today list (Ctrl+D), the first row, Enter: the dose visit opens at the sample time.
    keys.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    keys.key(Qt.Key.Key_Down)
    keys.key(Qt.Key.Key_Return)
    assert visit.dose_code == "D1" and visit.labs.sampled_at.hasFocus()
    left_edge = visit.mapTo(window, QPoint(0, 0)).x()  # where the participant list ends

    # 1 · blood results: the time, then value and Tab (and Tab past the unit) for each analyte.
    keys.type("10:00")
    keys.key(Qt.Key.Key_Tab)
    values = {"IGG": "8,4", "NK": "210", "HB": "13,2", "NEUT": "3,1", "LYMPH": "1,6", "WBC": "6,0", "PLT": "240"}
    for analyte, row in visit.labs.rows.items():
        assert row.value.hasFocus(), (analyte, QApplication.focusWidget())
        if analyte == "IGG":
            keys.type("840")  # a slip: not plausible in g/L …
            assert row.error.isVisible(), (row.value.text(), row.error.text(), row.result.text())
            keys.key(Qt.Key.Key_Backspace, times=3)
            assert not row.error.isVisible()  # … and the message goes once it is corrected
        keys.type(values[analyte])
        keys.key(Qt.Key.Key_Tab)
        keys.key(Qt.Key.Key_Tab)
    assert visit.save_labs_button.hasFocus()

    def read_back(dialog: ReadBackDialog):
        boxes = list(dialog.checks.values())
        assert boxes[0].hasFocus()
        for i, _box in enumerate(boxes):
            keys.key(Qt.Key.Key_Space)
            if i < len(boxes) - 1:
                keys.key(Qt.Key.Key_Tab)
        keys.key(Qt.Key.Key_Return)

    when_dialog(ReadBackDialog, read_back)
    keys.key(Qt.Key.Key_Space)
    assert len(vs.lab_results(store, nurse, pid)) == 7
    note = visit.blood.saved_note
    assert note.text().startswith("✓ Saved 12:00") and "7 results" in note.text()
    assert visit.saved_labs_model.rowCount() == 7
    # The keyboard moved on to step 2 · before the dose; the confirmation stays in sight beside the steps,
    # and the step bar marks step 1 done.
    assert visit.step == PRE_DOSE and not note.isVisible()
    assert visit.step_bar.note.isVisible() and "7 results" in visit.step_bar.note.text()
    assert visit.step_bar.buttons[BLOOD].text().endswith("✓")

    # Back to the saved results with Shift+Tab (into step 1 again): one Tab into the table, one out (never
    # cell by cell), and Tab past the last input of step 1 goes on into step 2.
    assert visit.type_and_screen.hasFocus(), QApplication.focusWidget()
    keys.key(Qt.Key.Key_Backtab)
    assert visit.correct_button.hasFocus() and visit.step == BLOOD
    keys.key(Qt.Key.Key_Backtab)
    assert visit.saved_labs.hasFocus()
    keys.key(Qt.Key.Key_Down)
    keys.key(Qt.Key.Key_Tab)
    assert visit.correct_button.hasFocus()
    keys.key(Qt.Key.Key_Tab)
    assert visit.type_and_screen.hasFocus() and visit.step == PRE_DOSE
    # A mnemonic of a step not shown reaches its field and shows its step: Alt+M (the sample time, step 1),
    # then Alt+Y (type & screen, step 2).
    keys.key(Qt.Key.Key_M, ALT)
    assert visit.labs.sampled_at.hasFocus() and visit.step == BLOOD
    keys.key(Qt.Key.Key_Y, ALT)
    assert visit.type_and_screen.hasFocus() and visit.step == PRE_DOSE

    keys.type("12.13.2026")  # not a date: refused at the field when saving …
    keys.key(Qt.Key.Key_Tab)
    keys.type(local_today().strftime("%d.%m.%Y"))
    keys.key(Qt.Key.Key_Tab)
    keys.key(Qt.Key.Key_Down)  # pregnancy test: negative
    keys.key(Qt.Key.Key_Tab)
    for _ in visit.premeds:
        keys.type("10:30")
        keys.key(Qt.Key.Key_Tab)
    assert visit.save_pre_button.hasFocus()
    keys.key(Qt.Key.Key_Space)
    error = visit.pre_boxes["type_and_screen_on"].error
    assert visit.type_and_screen.hasFocus() and error.isVisible()
    keys.key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys.type((local_today() - timedelta(days=7)).strftime("%d.%m.%Y"))
    assert not error.isVisible()  # … and the message goes as the field is corrected
    keys.key(Qt.Key.Key_V, ALT)  # Sa&ve pre-dose checks (a mnemonic clicks its button after a short flash)
    qtbot.waitUntil(lambda: visit.step == INJECTION)
    assert "✓ GO" in visit.go_panel.verdict.text(), visit.go_panel.lines.text()
    assert "✓ Saved 12:00" in visit.pre_dose.saved_note.text() and visit.step_bar.buttons[PRE_DOSE].text().endswith("✓")

    # 3 · injection: the keyboard is at the kit number. Ctrl+PgUp / Ctrl+PgDown and Alt+digit choose a step,
    # the keyboard at where typing starts in it.
    admin = visit.admin
    assert admin.kit_number.hasFocus() and visit.step == INJECTION, QApplication.focusWidget()
    assert visit.step_bar.note.isVisible() and "5 checks" in visit.step_bar.note.text()
    keys.key(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert visit.step == PRE_DOSE and visit.type_and_screen.hasFocus()
    keys.key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert visit.step == INJECTION and admin.kit_number.hasFocus()
    keys.key(Qt.Key.Key_1, ALT)  # at once (not after the 100 ms flash Qt gives a button's mnemonic)
    assert visit.step == BLOOD and visit.labs.sampled_at.hasFocus()
    keys.key(Qt.Key.Key_3, ALT)
    assert visit.step == INJECTION and admin.kit_number.hasFocus(), QApplication.focusWidget()
    # A scanner types the kit number and Enter.
    keys.type("KTS11-100101")
    keys.key(Qt.Key.Key_Return)
    keys.type("LOT-9")
    keys.key(Qt.Key.Key_Tab)
    keys.key(Qt.Key.Key_Space)  # abdomen, left
    keys.key(Qt.Key.Key_Tab)
    assert admin.started_at.hasFocus()
    for text in ("n", "n", "13:30"):
        keys.type(text)
        keys.key(Qt.Key.Key_Tab)
    for text in ("122", "78", "66", "36,8", "118", "76", "70", "369"):
        keys.type(text)
        keys.key(Qt.Key.Key_Tab)
    assert admin.record_button.hasFocus()
    keys.key(Qt.Key.Key_Space)
    temp = admin.vitals[("temp", "after")]
    assert temp.hasFocus() and admin.vitals_error.isVisible()  # 369 °C: at the field, nothing saved
    assert store.db.execute("SELECT count(*) FROM administrations").fetchone()[0] == 0
    keys.key(Qt.Key.Key_Left)
    keys.type(",")
    assert temp.text() == "36,9" and not admin.vitals_error.isVisible()
    keys.key(Qt.Key.Key_J, ALT)  # Record in&jection
    qtbot.waitUntil(lambda: visit.step == ADVERSE_EVENTS)
    assert vs.visit_record(store, nurse, pid, "D1").state == "given"
    assert "D1 given" in admin.saved_note.text()
    assert "DOSE GIVEN" in visit.go_panel.verdict.text()

    # 4 · adverse events at this visit: the keyboard is at its button.
    assert visit.ae_button.hasFocus() and visit.step == ADVERSE_EVENTS, QApplication.focusWidget()
    assert visit.step_bar.buttons[INJECTION].text().endswith("✓") and "D1 given" in visit.step_bar.note.text()

    def adverse_event(dialog: AdverseEventDialog):
        assert dialog.verbatim.hasFocus()
        keys.type("headache after the injection")
        keys.key(Qt.Key.Key_Tab)
        keys.type("Headache")
        keys.key(Qt.Key.Key_Return)  # the completer's choice
        assert dialog.term_key() == "headache", dialog.term.currentText()
        keys.key(Qt.Key.Key_G, ALT)
        assert dialog.grade.hasFocus()
        keys.key(Qt.Key.Key_Down)
        for combo, code in ((dialog.causality, "possible"), (dialog.action_taken, "none"),
                            (dialog.outcome, "recovering")):
            keys.key(Qt.Key.Key_Tab)
            while not combo.hasFocus():
                keys.key(Qt.Key.Key_Tab)
            while combo.currentData() != code:
                keys.key(Qt.Key.Key_Down)
        keys.key(Qt.Key.Key_Return)

    when_dialog(AdverseEventDialog, adverse_event)
    keys.key(Qt.Key.Key_Space)
    assert QApplication.activeModalWidget() is None
    [ae] = vs.adverse_events(store, nurse, pid)
    assert ae["term"] == "headache" and ae["grade"] == 1
    ae_note = visit.adverse_events.ae_saved_note
    assert ae_note.isVisible() and "✓ Saved 12:00" in ae_note.text() and "grade 1" in ae_note.text()
    assert visit.adverse_events.model.rowCount() == 1 and visit.step_bar.buttons[ADVERSE_EVENTS].text().endswith("(1)")
    # The confirmations never widened the workspace (pushing the participant list aside).
    assert visit.mapTo(window, QPoint(0, 0)).x() == left_edge, "the dose visit grew wider"
    # Each step, chosen with Alt+digit, is whole in its viewport at 1366×768, and nothing of it is cut off at the
    # right edge (the horizontal scroll bar is off).
    for step, key in ((BLOOD, Qt.Key.Key_1), (PRE_DOSE, Qt.Key.Key_2), (INJECTION, Qt.Key.Key_3),
                      (ADVERSE_EVENTS, Qt.Key.Key_4)):
        keys.key(key, ALT)
        assert visit.step == step
        viewport = visit.scroll.viewport()
        section = visit.parts[step]
        assert visit.scroll.horizontalScrollBar().maximum() == 0, f"step {step + 1} is wider than its viewport"
        rect = QRect(section.mapTo(viewport, QPoint(0, 0)), section.size())
        assert viewport.rect().contains(rect), f"step {step + 1} at {rect} is not whole in {viewport.rect()}"
        for button in section.findChildren(QPushButton):
            if button.isVisibleTo(section):
                right = button.mapTo(viewport, QPoint(button.width(), 0)).x()
                assert right <= viewport.width(), f"{button.text()} cut off: {right} > {viewport.width()}"
    elapsed = time.monotonic() - started
    print(f"\nKEYS ONLY: {keys.count} keystrokes, {elapsed:.1f} s in the test")
    assert keys.count < 300


def test_saved_results_table_takes_one_tab(qtbot, store, doctor, nurse):
    window = main_window(qtbot, store, nurse)
    visit = window.workspace.visit_tabs.injections
    table = visit.saved_labs
    assert not table.tabKeyNavigation()
    assert isinstance(table, QAbstractScrollArea)


def test_every_mnemonic_of_the_visit_reaches_its_field_from_any_step(qtbot, store, doctor, nurse, clock, english):
    """Qt ignores the mnemonics of hidden widgets; with one step shown at a time each field's Alt+letter must
    still reach it from every other step, and show its step."""
    at_noon(clock)
    pid = enrol_due_today(store, doctor)
    window = main_window(qtbot, store, nurse)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_dose_visit(pid, "D1")
    visit = window.workspace.visit_tabs.injections
    keys = Keyboard(qtbot, window, visit)
    fields, buttons = {}, {}
    for step, section in enumerate(visit.parts):
        for label in section.findChildren(QLabel):
            key = QKeySequence.mnemonic(label.text())
            if label.buddy() is not None and not key.isEmpty() and label.isVisibleTo(section):
                fields[key.toString()] = (step, label.buddy())
        for button in section.findChildren(QPushButton):
            key = QKeySequence.mnemonic(button.text())
            if not key.isEmpty() and button.isVisibleTo(section) and button.isEnabled():
                buttons[key.toString()] = (step, button)
    assert {"Alt+M", "Alt+Y", "Alt+C", "Alt+P", "Alt+K", "Alt+R", "Alt+E", "Alt+F"} <= set(fields), sorted(fields)
    assert {"Alt+B", "Alt+U", "Alt+V", "Alt+G"} <= set(buttons), sorted(buttons)
    menus = {QKeySequence.mnemonic(a.text()).toString(): a.menu() for a in window.menuBar().actions()}
    assert "Alt+F" in menus  # "&File", also "Vitals be&fore" on the injection step
    for name, (step, buddy) in fields.items():
        for start in range(len(visit.parts)):
            if start == step:
                continue
            keys.key(Qt.Key.Key_1 + start, ALT)
            assert visit.step == start, (name, start, QApplication.focusWidget(), QApplication.activePopupWidget())
            sequence = QKeySequence(name)[0]
            if name in menus:  # a menu's letter stays the menu's outside the field's own step
                qtbot.keyClick(QApplication.focusWidget(), sequence.key(), sequence.keyboardModifiers())
                qtbot.waitUntil(lambda name=name: QApplication.activePopupWidget() is menus[name])
                menus[name].close()
                assert visit.step == start
                continue
            keys.key(sequence.key(), sequence.keyboardModifiers())
            assert visit.step == step and buddy.hasFocus(), (name, start, visit.step, QApplication.focusWidget())
    # A button's mnemonic presses it on its step: Alt+G opens the adverse-event dialog from step 1.
    keys.key(Qt.Key.Key_1, ALT)
    assert visit.step == BLOOD
    opened = []
    when_dialog(AdverseEventDialog, lambda dialog: (opened.append(dialog), dialog.reject()))
    keys.key(Qt.Key.Key_G, ALT)
    qtbot.waitUntil(lambda: bool(opened))
    assert visit.step == ADVERSE_EVENTS


@pytest.fixture
def bokmal(qapp):
    """The app's catalogues in Bokmål, as app.py installs them."""
    i18n.install(qapp, "nb")
    yield
    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    qapp.setProperty("trialdesk_language", "en")


def test_every_step_is_whole_at_1366x768_in_bokmal(qtbot, store, doctor, nurse, clock, bokmal):
    """Bokmål's longer words (and the confirmations beside the steps) must not make a step wider or taller than
    its room, nor widen the workspace: a dose given, an adverse event saved at the visit, each step in turn."""
    from tests.services.test_visits import administration, entries
    from trialdesk.clock import local_now
    from trialdesk.services.screening import protocol

    at_noon(clock)
    pid = enrol_due_today(store, doctor)
    now = local_now()
    vs.record_blood_bank(store, nurse, pid, type_and_screen_on=local_today(), alert_card_on=local_today())
    vs.record_pre_dose_labs(store, nurse, pid, "D1", sampled_at=now - timedelta(hours=2), entries=entries(),
                            read_back={"IGG", "NK"})
    vs.record_pregnancy_test(store, nurse, pid, "D1", "negative", day=local_today())
    for premed in protocol().pre_dose.premedication:
        vs.record_premedication(store, nurse, pid, "D1", premed.code, now - timedelta(hours=1, minutes=30))
    vs.record_administration(store, nurse, pid, "D1", administration(now - timedelta(minutes=10), kit="KIT-000777"))
    vs.record_adverse_event(store, nurse, pid, vs.AdverseEventInput(
        verbatim="hodepine etter injeksjonen", term="headache", onset_date=local_today(), grade=1, serious=False,
        causality="possible", action_taken="none", outcome="recovering"), dose_code="D1")
    window = main_window(qtbot, store, nurse)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_dose_visit(pid, "D1")
    visit = window.workspace.visit_tabs.injections
    left_edge = visit.mapTo(window, QPoint(0, 0)).x()
    visit.ae_saved("Hodepine, grad 1")  # as the workspace says it after the dialog
    assert visit.step_bar.note.isVisible() and visit.step_bar.buttons[ADVERSE_EVENTS].text().endswith("(1)")
    keys = Keyboard(qtbot, window, visit)
    for step, key in ((BLOOD, Qt.Key.Key_1), (PRE_DOSE, Qt.Key.Key_2), (INJECTION, Qt.Key.Key_3),
                      (ADVERSE_EVENTS, Qt.Key.Key_4)):
        keys.key(key, ALT)
        assert visit.step == step
        QApplication.processEvents()
        viewport = visit.scroll.viewport()
        section = visit.parts[step]
        assert visit.scroll.horizontalScrollBar().maximum() == 0, f"step {step + 1} is wider than its viewport"
        rect = QRect(section.mapTo(viewport, QPoint(0, 0)), section.size())
        assert viewport.rect().contains(rect), f"step {step + 1} at {rect} is not whole in {viewport.rect()}"
    assert visit.mapTo(window, QPoint(0, 0)).x() == left_edge, "the dose visit grew wider"
