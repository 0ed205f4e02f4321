"""The "Injections" tab: one dose visit at a time (D1–D5), composed of its sections beside the go / no-go column."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
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
from trialdesk.ui.visits.dose_visit.blood_results import BloodResultsSection
from trialdesk.ui.visits.dose_visit.go_no_go import GoNoGoSection
from trialdesk.ui.visits.dose_visit.injection import InjectionSection
from trialdesk.ui.visits.dose_visit.pre_dose import PreDoseSection
from trialdesk.ui.widgets import FocusFollower, ui_language


class DoseVisitWidget(QWidget):
    """One participant's dose visits: the dose picker and header over 1 · blood results, 2 · pre-dose checks and
    3 · injection (with "adverse event at this visit"), and the go / no-go column. It calls the services; dialogs
    only return values.

    Signals:
        changes_applied(object): a :class:`Changes` with the note of every save (views reload from the store's notices).
        ae_requested(str): "adverse event at this visit" (dose code); the workspace opens the AE dialog.
    Attributes:
        status: the last :class:`services.visits.DoseStatus` shown.
        blood, pre_dose, injection, verdict: the sections; their inputs are also reachable from here under the
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

        body = QHBoxLayout()
        outer.addLayout(body, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.sections = QVBoxLayout(inner)
        self.sections.setContentsMargins(0, 0, 6, 0)
        self.blood = BloodResultsSection(store, user)
        self.pre_dose = PreDoseSection(store, user)
        self.injection = InjectionSection(store, user)
        for section in (self.blood, self.pre_dose, self.injection):
            self.sections.addWidget(section)
        self.sections.addStretch(1)
        scroll.setWidget(inner)
        self.scroll = scroll
        # However focus arrives (Tab, Alt+K, an error sending it to its field), the field and, when it fits,
        # its whole section are in view at 1366×768.
        self.focus_follower = FocusFollower(scroll)
        body.addWidget(scroll, 1)
        self.verdict = GoNoGoSection(store, user, self.injection)
        body.addWidget(self.verdict)
        self._name_section_widgets()
        self._set_tab_order()
        self._connect_signals()

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
        self.ae_button, self.missed_button = injection.ae_button, injection.missed_button
        self.correct_admin_button = injection.correct_admin_button
        self.go_panel = self.verdict.panel

    def _set_tab_order(self) -> None:
        # One explicit chain, set after every widget has its final parent (Qt moves b after a).
        chain = [self.dose, *self.blood.chain, *self.pre_dose.chain, *self.injection.chain]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def _connect_signals(self) -> None:
        self.dose.currentIndexChanged.connect(self._on_dose_currentIndexChanged)
        for section in (self.blood, self.pre_dose, self.injection):
            section.saved.connect(self._on_section_saved)
        self.blood.finished.connect(lambda: self._move_on(self.pre_dose.first_input()))
        self.pre_dose.finished.connect(lambda: self._move_on(self.injection.first_input()))
        self.injection.finished.connect(lambda: self._move_on(self.ae_button))
        self.pre_dose.partly_saved.connect(self._on_pre_dose_partly_saved)
        self.injection.correction_toggled.connect(self._on_correction_toggled)
        self.injection.ae_requested.connect(lambda: self.ae_requested.emit(self.dose_code))

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
        self.reload(dose_code=dose_code, choose_open=changed and dose_code is None)

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
            self._load_visit()

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
                                  may_log_ae=allowed(self.user, Action.RECORD_AE) and enrolled,
                                  may_correct=may_dose and has_calendar)
        given = self.record is not None and self.record.state == "given"
        self._refresh_status(enrolled, may_record, given)

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
        injection -> adverse event at this visit); the focus follower brings that section into view."""
        if widget is not None and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_pre_dose_partly_saved(self) -> None:
        """After a partial save the verdict is recomputed but typed inputs stay as they are."""
        self._emit(self.tr("Some pre-dose checks saved."))
        self._refresh_status(True, allowed(self.user, Action.RECORD_DOSE),
                             self.record is not None and self.record.state == "given")

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
