"""The "Injections" tab: one dose visit at a time (D1–D5), in four steps — blood results, checks before the dose,
injection, adverse events — one shown at a time beside the go / no-go column."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trialdesk.domain.disposition import Activity
from trialdesk.errors import TrialDeskError
from trialdesk.services import disposition as disposition_service
from trialdesk.services import participants as participants_service
from trialdesk.services import visits as vs
from trialdesk.services.inputs import show_date
from trialdesk.services.participants import Changes
from trialdesk.services.permissions import Action, allowed
from trialdesk.services.screening import protocol
from trialdesk.ui.record_words import record_label
from trialdesk.ui.i18n import error_text
from trialdesk.ui.visits.common import AMBER, STATE_COLOURS, chip_style, state_text
from trialdesk.ui.visits.dose_visit.adverse_events import AdverseEventsSection
from trialdesk.ui.visits.dose_visit.blood_results import BloodResultsSection
from trialdesk.ui.visits.dose_visit.go_no_go import GoNoGoSection
from trialdesk.ui.visits.dose_visit.injection import InjectionSection
from trialdesk.ui.visits.dose_visit.pre_dose import PreDoseSection
from trialdesk.ui.widgets import FocusFollower, SavedNote, ui_language

BLOOD, PRE_DOSE, INJECTION, ADVERSE_EVENTS = range(4)
"""The steps of a dose visit, in the order they are done."""

STEP_STYLE = ("QPushButton { border: 1px solid #b0b7c3; border-radius: 3px; padding: 3px 10px; background: #f3f5f8; }"
              " QPushButton:checked { background: #1565c0; color: white; border-color: #1565c0; }")
"""The step buttons; the step shown in the house blue (same weight of type: a bold label would not fit its button)."""


class StepButton(QPushButton):
    """A step of the bar: pressed (mouse) or its Alt+digit, it asks for its step at once — not after the 100 ms
    flash Qt gives a button's mnemonic, which also swallows the same key pressed again within that time."""

    chosen = Signal()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.Shortcut:
            self.chosen.emit()
            return True
        return super().event(event)


class StepNote(SavedNote):
    """The last save's confirmation beside the step bar, elided to the room left (the whole text its tooltip): it
    must never widen the workspace, which would push the participant list aside."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def setText(self, text: str) -> None:  # Qt's name
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:  # the whole text, as set
        return self._full

    def resizeEvent(self, event) -> None:  # Qt's name
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(0, self.width() - 2))
        super().setText(shown if self.width() > 0 else self._full)


class StepBar(QWidget):
    """The visit's steps as a row of buttons ("1 · Blood results ✓"), the one shown checked. Alt+1 … Alt+4
    (their mnemonics) and Ctrl+PgDown / Ctrl+PgUp choose a step; the buttons take no Tab stop of their own.

    Signals:
        step_requested(int): a step's button was pressed (or its Alt+digit).
    """

    step_requested = Signal(int)

    def __init__(self, titles: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.titles = titles
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        for i, _title in enumerate(titles):
            button = StepButton()
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet(STEP_STYLE)
            button.setToolTip(self.tr("Alt+{n}; Ctrl+PgDown / Ctrl+PgUp: next / previous step").format(n=i + 1))
            button.pressed.connect(lambda i=i: self.step_requested.emit(i))  # on press, as a tab bar does
            button.chosen.connect(lambda i=i: self.step_requested.emit(i))
            self.group.addButton(button, i)
            self.buttons.append(button)
            row.addWidget(button)
        # The last save's "✓ Saved 12:43 · 7 results" stays in sight when the keyboard has moved on to the next step.
        self.note = StepNote(self)
        row.addWidget(self.note, 1)
        self.set_marks([""] * len(titles))

    def set_current(self, index: int) -> None:
        self.buttons[index].setChecked(True)

    def set_marks(self, marks: list[str]) -> None:
        """What each step has saved ("✓", "(2)"), after its title."""
        for i, (button, title, mark) in enumerate(zip(self.buttons, self.titles, marks)):
            button.setText(f"&{i + 1} · {title}" + (f" {mark}" if mark else ""))
            button.setAccessibleName(f"{i + 1} · {title}" + (f" {mark}" if mark else ""))


class DoseVisitWidget(QWidget):
    """One participant's dose visits: the dose picker and header over the steps 1 · blood results, 2 · pre-dose
    checks, 3 · injection and 4 · adverse events at this visit — one at a time, so the step being worked on is
    all in view at 1366×768 — and the go / no-go column beside them. It calls the services; dialogs only return
    values.

    Keyboard: Tab and Shift+Tab go on into the next (previous) step past a step's last (first) input; after each
    save the keyboard moves to the next step; Alt+1 … Alt+4 and Ctrl+PgDown / Ctrl+PgUp choose a step; every
    field's mnemonic (Alt+K kit number, Alt+Y type & screen …) works from any step and shows the field's step.

    Signals:
        changes_applied(object): a :class:`Changes` with the note of every save (views reload from the store's notices).
        ae_requested(str): "adverse event at this visit" (dose code); the workspace opens the AE dialog.
    Attributes:
        status: the last :class:`services.visits.DoseStatus` shown.
        blood, pre_dose, injection, adverse_events, verdict: the sections (``parts``: the four steps' sections in
            order, ``pages`` their scroll areas in ``stack``); their inputs are also reachable from here under the
            names they had before the sections were split out (``labs``, ``saved_labs_model``, ``type_and_screen``,
            ``premeds``, ``admin``, ``ae_button``, ``go_panel`` …).
    """

    changes_applied = Signal(object)
    ae_requested = Signal(str)

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.participant_id: str | None = None
        self.participant = None
        self.record: vs.VisitRecord | None = None
        self.timeline: list[vs.TimelineRow] = []
        self._loading = False
        self._reload_pending = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.dose_label = QLabel(self.tr("&Dose:"))
        self.dose = QComboBox()
        self.dose.setAccessibleName(record_label("dose_visits"))
        self.dose_label.setBuddy(self.dose)
        for d in protocol().schedule.doses:
            self.dose.addItem(f"{d.code} · {d.label_nb if ui_language() == 'nb' else d.label_en}", d.code)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.dose_label)
        top.addWidget(self.dose)
        top.addWidget(self.header, 1)
        outer.addLayout(top)
        # Why no new dose data may be entered, in the course's words (study drug discontinued, withdrawn …).
        self.course_note = QLabel()
        self.course_note.setWordWrap(True)
        self.course_note.setAccessibleName(self.tr("Why no more doses"))
        self.course_note.setStyleSheet(chip_style(AMBER, "4px 8px"))
        self.course_note.hide()
        outer.addWidget(self.course_note)

        self.step_bar = StepBar([self.tr("Blood results"), self.tr("Pre-dose checks"), record_label("administrations"),
                                 self.tr("Adverse events")])
        outer.addWidget(self.step_bar)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        self.blood = BloodResultsSection(store, user)
        self.pre_dose = PreDoseSection(store, user)
        self.injection = InjectionSection(store, user)
        self.adverse_events = AdverseEventsSection()
        self.parts = (self.blood, self.pre_dose, self.injection, self.adverse_events)
        self.stack = QStackedWidget()
        self.pages: list[QScrollArea] = []
        self.focus_followers: list[FocusFollower] = []
        for section in self.parts:
            page = QScrollArea()
            page.setWidgetResizable(True)
            page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            page.setFrameShape(QFrame.Shape.NoFrame)
            page.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own between two steps' inputs
            inner = QWidget()
            column = QVBoxLayout(inner)
            column.setContentsMargins(0, 0, 6, 0)
            column.addWidget(section)
            column.addStretch(1)
            page.setWidget(inner)
            self.pages.append(page)
            self.stack.addWidget(page)
            # Should a step grow taller than the window (long correction lines), its focused field stays in view.
            self.focus_followers.append(FocusFollower(page))
        body.addWidget(self.stack, 1)
        self.verdict = GoNoGoSection(store, user, self.injection)
        body.addWidget(self.verdict)
        self._switching = False
        self._shown_inputs: tuple = ()
        self._mnemonics: dict[str, QShortcut] = {}
        self._hidden_targets: dict[str, tuple[int, QWidget, bool]] = {}
        for keys, step in ((Qt.Modifier.CTRL | Qt.Key.Key_PageDown, 1), (Qt.Modifier.CTRL | Qt.Key.Key_PageUp, -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.show_step(self.step + step))
        self._name_section_widgets()
        self._set_tab_order()
        self._connect_signals()
        self.show_step(BLOOD, focus=False)

    # --- building -------------------------------------------------------------------------------------

    def _name_section_widgets(self) -> None:
        """The sections' inputs under the names callers and tests use (``visit.labs``, ``visit.admin`` …)."""
        blood, pre, injection = self.blood, self.pre_dose, self.injection
        self.labs, self.labs_error, self.save_labs_button = blood.labs, blood.labs_error, blood.save_labs_button
        self.saved_labs_model, self.saved_labs, self.saved_labs_label = (blood.saved_labs_model, blood.saved_labs,
                                                                         blood.saved_labs_label)
        self.correct_button, self.corrections = blood.correct_button, blood.corrections
        self.pre_boxes, self.type_and_screen, self.alert_card = pre.pre_boxes, pre.type_and_screen, pre.alert_card
        self.pregnancy, self.pregnancy_label_text, self.premeds = pre.pregnancy, pre.pregnancy_label_text, pre.premeds
        self.pre_changes, self.pre_error, self.save_pre_button = pre.pre_changes, pre.pre_error, pre.save_pre_button
        self.admin, self.admin_changes = injection.admin, injection.admin_changes
        self.missed_button = injection.missed_button
        self.correct_admin_button = injection.correct_admin_button
        self.ae_button = self.adverse_events.ae_button
        self.go_panel = self.verdict.panel

    def _set_tab_order(self) -> None:
        # One explicit chain, set after every widget has its final parent (Qt moves b after a).
        chain = [self.dose, *(w for section in self.parts for w in section.chain)]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def _connect_signals(self) -> None:
        self.dose.currentIndexChanged.connect(self._on_dose_currentIndexChanged)
        self.step_bar.step_requested.connect(self.show_step)
        for section in (self.blood, self.pre_dose, self.injection):
            section.saved.connect(self._on_section_saved)
        for section, note, title in ((self.blood, self.blood.saved_note, 0),
                                     (self.pre_dose, self.pre_dose.saved_note, 1),
                                     (self.injection, self.admin.saved_note, 2)):
            section.finished.connect(lambda note=note, title=title: self._show_saved(title, note))
        self.blood.finished.connect(lambda: self._move_on(self.pre_dose.first_input()))
        self.pre_dose.finished.connect(lambda: self._move_on(self.injection.first_input()))
        self.injection.finished.connect(lambda: self._move_on(self.ae_button))
        self.pre_dose.partly_saved.connect(self._on_pre_dose_partly_saved)
        self.injection.correction_toggled.connect(self._on_correction_toggled)
        self.adverse_events.ae_requested.connect(lambda: self.ae_requested.emit(self.dose_code))

    # --- steps ------------------------------------------------------------------------------------------

    @property
    def step(self) -> int:
        """The step shown (``BLOOD``, ``PRE_DOSE``, ``INJECTION`` or ``ADVERSE_EVENTS``)."""
        return self.stack.currentIndex()

    @property
    def scroll(self) -> QScrollArea:
        """The scroll area of the step shown."""
        return self.pages[self.step]

    def step_of(self, widget: QWidget | None) -> int | None:
        """The step whose page holds ``widget`` (None outside the steps)."""
        for i, page in enumerate(self.pages):
            if widget is not None and page.isAncestorOf(widget):
                return i
        return None

    def show_step(self, index: int, focus: bool = True) -> None:
        """Show step ``index`` (out of range: nothing happens); with ``focus`` the keyboard goes to where typing
        starts in it (its first empty field, else its first input)."""
        if not 0 <= index < len(self.pages):
            return
        # Hiding the page that has the keyboard makes Qt move focus on (focusNextPrevChild): that is no Tab.
        self._switching = True
        try:
            self.stack.setCurrentIndex(index)
        finally:
            self._switching = False
        self.step_bar.set_current(index)
        self._refresh_mnemonics()
        if focus:
            target = self.parts[index].first_input()
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    def start(self) -> None:
        """Where a person opening this visit goes on: the first step not yet done, the keyboard at its start."""
        self.show_step(self._landing_step(), focus=True)

    def _landing_step(self) -> int:
        record = self.record
        if record is not None and record.state != "open":
            return INJECTION  # given or not given: the record as saved, and its correction
        if self.saved_labs_model.rowCount() == 0:
            return BLOOD
        return INJECTION if self._pre_dose_done() else PRE_DOSE

    def _pre_dose_done(self) -> bool:
        """Every premedication the protocol asks for is recorded for this dose."""
        wanted = {p.code for p in protocol().pre_dose.premedication}
        return self.record is not None and wanted <= set(self.record.premedication)

    def _show_saved(self, step: int, note: QLabel) -> None:
        """A step's confirmation, also beside the step bar: "✓ Saved 12:43 · Blood results: 7 results"."""
        saved = note.text()
        self.step_bar.note.setText(saved.replace(" · ", f" · {self.step_bar.titles[step]}: ", 1)
                                   if " · " in saved else saved)
        self.step_bar.note.show()

    def _show_step_marks(self) -> None:
        given = self.record is not None and self.record.state == "given"
        count = self.adverse_events.count
        self.step_bar.set_marks(["✓" if self.saved_labs_model.rowCount() else "",
                                 "✓" if self._pre_dose_done() or given else "",
                                 "✓" if given else "",
                                 f"({count})" if count else ""])

    def _mnemonic_targets(self, page: QWidget) -> dict[str, tuple[QWidget, bool]]:
        """The mnemonics (Alt+letter) a step's page holds now: key -> (widget, whether it is clicked): a label's
        buddy gets the keyboard, a button is pressed — as Qt does with them while they are shown."""
        out: dict[str, tuple[QWidget, bool]] = {}
        for label in page.findChildren(QLabel):
            buddy = label.buddy()
            key = QKeySequence.mnemonic(label.text())
            if buddy is not None and not key.isEmpty() and label.isVisibleTo(page) and buddy.isEnabled():
                out.setdefault(key.toString(), (buddy, False))
        for button in page.findChildren(QAbstractButton):
            key = QKeySequence.mnemonic(button.text())
            if not key.isEmpty() and button.isVisibleTo(page) and button.isEnabled():
                out.setdefault(key.toString(), (button, True))
        return out

    def _refresh_mnemonics(self) -> None:
        """The mnemonics of the steps not shown reach their fields from here (Qt ignores those of hidden
        widgets): one shortcut per key, off when the step shown has the key itself."""
        # The step shown has its own; the window's menus keep theirs (Alt+F is "&File" outside the injection
        # step, whose "Vitals be&fore" Qt's label takes while it is shown, as it did before the steps).
        live = set(self._mnemonic_targets(self.pages[self.step])) | self._menu_mnemonics()
        targets: dict[str, tuple[int, QWidget, bool]] = {}
        for i, page in enumerate(self.pages):
            if i != self.step:
                for key, (widget, click) in self._mnemonic_targets(page).items():
                    if key not in live:
                        targets.setdefault(key, (i, widget, click))
        self._hidden_targets = targets
        for key in targets:
            if key not in self._mnemonics:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(lambda key=key: self._on_hidden_mnemonic(key))
                self._mnemonics[key] = shortcut
        for key, shortcut in self._mnemonics.items():
            shortcut.setEnabled(key in targets)

    def _menu_mnemonics(self) -> set[str]:
        """The Alt+letters of the window's menu bar ("&File", "E&xchange" …)."""
        bar = getattr(self.window(), "menuBar", None)
        if bar is None or self.window() is self:
            return set()
        keys = (QKeySequence.mnemonic(action.text()) for action in bar().actions())
        return {key.toString() for key in keys if not key.isEmpty()}

    def _on_hidden_mnemonic(self, key: str) -> None:
        target = self._hidden_targets.get(key)
        if target is None:
            return
        index, widget, click = target
        self.show_step(index, focus=False)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if click and isinstance(widget, QAbstractButton):
            widget.animateClick()

    @staticmethod
    def _tab_target(start: QWidget, forward: bool) -> QWidget | None:
        """The widget Tab (Shift+Tab) would move to from ``start``, by Qt's rule: the next in the focus chain
        that takes Tab focus, has no focus proxy, is enabled and shown in the same window."""
        window = start.window()
        w = start
        while True:
            w = w.nextInFocusChain() if forward else w.previousInFocusChain()
            if w is None or w is start:
                return None
            if ((w.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus and w.focusProxy() is None
                    and w.isEnabled() and w.window() is window and w.isVisibleTo(window)):
                return w

    def focusNextPrevChild(self, next: bool) -> bool:  # Qt's virtual (its name, its argument)
        """Past the last input of a step Tab goes on into the next step (Shift+Tab before the first into the
        previous one), as it did when the steps were one column."""
        focused = QApplication.focusWidget()
        index = self.step_of(focused)
        if index is not None and index == self.step and not self._switching:
            target = self._tab_target(focused, next)
            if target is None or self.step_of(target) != index:
                step = index + (1 if next else -1)
                while 0 <= step < len(self.pages):
                    self.show_step(step, focus=False)
                    target = self._tab_target(focused, next)
                    if target is not None and self.step_of(target) == step:
                        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
                        target.setFocus(reason)
                        return True
                    step += 1 if next else -1
                self.show_step(index, focus=False)
        return super().focusNextPrevChild(next)

    # --- showing ----------------------------------------------------------------------------------------

    @property
    def dose_code(self) -> str:
        return self.dose.currentData()

    @property
    def status(self) -> vs.DoseStatus | None:
        return self.verdict.status

    @property
    def correcting(self) -> bool:
        """The saved injection record is open for a correction."""
        return self.injection.correcting

    @correcting.setter
    def correcting(self, value: bool) -> None:
        self.injection.correcting = value

    def show_participant(self, participant_id: str, dose_code: str | None = None) -> None:
        """Load ``participant_id`` at ``dose_code`` (default: the first dose not yet given or missed)."""
        changed = participant_id != self.participant_id
        self.participant_id = participant_id
        if changed:
            self.labs.clear()
            self.admin.clear()
            self.correcting = False
            self.step_bar.note.clear()
        self.reload(dose_code=dose_code, choose_open=changed and dose_code is None)
        if changed or dose_code is not None:
            self.show_step(self._landing_step(), focus=False)

    def reload(self, dose_code: str | None = None, choose_open: bool = False) -> None:
        if self.participant_id is None:
            return
        self.participant = participants_service.get_participant(self.store, self.user, self.participant_id)
        try:
            self.timeline = vs.timeline(self.store, self.user, self.participant_id) \
                if self.participant.inclusion_date else []
        except TrialDeskError:
            self.timeline = []
        if choose_open and dose_code is None:
            dose_code = next((r.code for r in self.timeline if r.kind == "dose" and r.state not in ("done", "missed")),
                             None)
        self._loading = True
        if dose_code:
            self.dose.setCurrentIndex(max(0, self.dose.findData(dose_code)))
        self._loading = False
        self._load_visit()

    def _on_dose_currentIndexChanged(self, *_: object) -> None:
        if not self._loading and self.participant_id:
            self.labs.clear()
            self.admin.clear()
            self.correcting = False
            self.step_bar.note.clear()
            self._load_visit()
            self.show_step(self._landing_step(), focus=False)

    def _load_visit(self) -> None:
        p = self.participant
        code = self.dose_code
        # A calendar exists from enrolment on (also in follow-up, completed, withdrawn): what was recorded shows
        # and can be corrected; new doses only while enrolled or on treatment.
        has_calendar = p.inclusion_date is not None and bool(self.timeline)
        enrolled = p.status in ("enrolled", "on_treatment") and has_calendar
        row = next((r for r in self.timeline if r.code == code), None)
        if row is not None:
            fg, bg = STATE_COLOURS.get(row.state, ("#000", "#fff"))
            self.header.setText(self.tr("{study_id} · target {target} · window {start} – {end} · ").format(
                study_id=p.study_id, target=show_date(row.target), start=show_date(row.window_start),
                end=show_date(row.window_end)) + f"<span style='{chip_style((fg, bg))}'>{state_text(row.state)}</span>")
        else:
            self.header.setText(self.tr("{study_id}: not enrolled — no dose visits yet.").format(study_id=p.study_id))
        self.record = vs.visit_record(self.store, self.user, p.id, code) if has_calendar else None
        refused = disposition_service.refusal_of(self.store, self.user, p.id, Activity.DOSE) if has_calendar else None
        self.course_note.setText(error_text(refused) if refused else "")
        self.course_note.setVisible(refused is not None)
        may_dose = allowed(self.user, Action.RECORD_DOSE)
        may_record = may_dose and enrolled
        may_labs = allowed(self.user, Action.RECORD_LABS)
        self.blood.show_visit(p, code, may_enter=may_labs and enrolled,
                              may_correct=may_labs and has_calendar)
        # New pre-dose facts while dosing is possible; corrections of saved ones later too.
        self.pre_dose.show_visit(p, code, self.record, may_save=may_record or (
            may_dose and self.record is not None and self.record.state != "open"))
        self.injection.show_visit(p.id, code, self.record, may_record=may_record,
                                  may_correct=may_dose and has_calendar)
        self.adverse_events.show_visit(p.id, code, self.record,
                                       may_log_ae=allowed(self.user, Action.RECORD_AE) and enrolled)
        given = self.record is not None and self.record.state == "given"
        self._refresh_status(enrolled, may_record, given)
        self._show_step_marks()
        self._refresh_mnemonics()
        self._shown_inputs = self._inputs()

    def _inputs(self) -> tuple:
        """What every input of the four steps holds now (texts, choices, ticks)."""
        values = []
        for section in self.parts:
            values += [w.text() for w in section.findChildren(QLineEdit)]
            values += [w.currentIndex() for w in section.findChildren(QComboBox)]
            values += [w.isChecked() for w in section.findChildren(QAbstractButton) if w.isCheckable()]
        return (self.correcting, *values)

    def has_unsaved_input(self) -> bool:
        """Something was typed or chosen since the visit was last shown as saved (or a correction is open)."""
        return self.participant_id is not None and (self.correcting or self._inputs() != self._shown_inputs)

    def _refresh_status(self, enrolled: bool, may_record: bool, given: bool) -> None:
        self.verdict.refresh(self.participant, self.dose_code, self.record, enrolled=enrolled, may_record=may_record,
                             given=given)

    def _emit(self, note: str) -> None:
        self.changes_applied.emit(Changes.of(self.store, self.participant_id, note))

    # --- after a section saved ----------------------------------------------------------------------------

    def notice(self) -> None:
        """The store says something this visit shows was written: reload once, after the handler that
        wrote it has finished (a section saving here flushes at once, below; any other change on the next
        turn of the event loop), so a section's own state after its save (a correction ended …) is what the
        reload sees, and several notices make one reload."""
        if not self._reload_pending:
            self._reload_pending = True
            QTimer.singleShot(0, self, self.flush_notice)  # dropped with the widget

    def flush_notice(self) -> None:
        """Do the reload a notice asked for now (after a write made from this participant's tabs)."""
        if self._reload_pending:
            self._reload_pending = False
            self.reload()

    def _on_section_saved(self, note: str) -> None:
        self.flush_notice()  # the reload the save's notice asked for, now that the section is done
        self._emit(note)

    def _move_on(self, widget: QWidget | None) -> None:
        """After a step is saved the keyboard goes on to the next one (blood results -> checks before the dose ->
        injection -> adverse events at this visit), which is shown."""
        if widget is not None and widget.isEnabled():
            index = self.step_of(widget)
            if index is not None:
                self.show_step(index, focus=False)
            widget.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_pre_dose_partly_saved(self) -> None:
        """After a partial save the verdict is recomputed but typed inputs stay as they are."""
        self._emit(self.tr("Some pre-dose checks saved."))
        self._refresh_status(True, allowed(self.user, Action.RECORD_DOSE),
                             self.record is not None and self.record.state == "given")
        self._show_step_marks()

    def _on_correction_toggled(self, correcting: bool) -> None:
        if correcting:
            self._refresh_status(True, allowed(self.user, Action.RECORD_DOSE), True)
        else:
            self.reload()  # the saved values back in the fields

    # --- saving (each section saves its own part) -----------------------------------------------------------

    def save_labs(self) -> bool:
        """Save the typed blood results (see :meth:`BloodResultsSection.save_labs`). True when saved."""
        return self.blood.save_labs()

    def save_pre_dose(self) -> bool:
        """Save the pre-dose checks (see :meth:`PreDoseSection.save_pre_dose`). True when saved."""
        return self.pre_dose.save_pre_dose()

    def record_administration(self) -> bool:
        """Record (or save the correction of) the injection (see :meth:`InjectionSection.record_administration`)."""
        return self.injection.record_administration()

    def ae_saved(self, note: str) -> None:
        """An adverse event asked for at this visit was saved: "✓ Saved …" beside its button in step 4."""
        self.adverse_events.ae_saved(note)
        self._show_saved(ADVERSE_EVENTS, self.adverse_events.ae_saved_note)
