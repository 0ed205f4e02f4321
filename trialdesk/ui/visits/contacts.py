"""The Contacts tab: the participant's non-dose calendar (phone follow-ups, consultations, end of study, long-term
follow-ups) with each contact's window and state, what was recorded, and the forms that record one by its kind.

Every form is a dialog that never saves by itself (``ui.forms.FormDialog``): the service's error is shown at its
field and nothing typed is lost. "New or worsening symptoms: yes" leads straight into the AE dialog with the
contact as the reporting contact; a consultation's blood tests go through the same lab entry widget as the
pre-dose ones; the end of study is confirmed and e-signed by an investigator.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trialdesk.clock import local_today, parse_utc
from trialdesk.domain.dates import age_on
from trialdesk.errors import TrialDeskError, ValidationError
from trialdesk.services import participants as participants_service
from trialdesk.services import visits as vs
from trialdesk.services.inputs import parse_date, show_date
from trialdesk.services.permissions import Action, allowed
from trialdesk.ui.explain import explain
from trialdesk.ui.forms import FormDialog
from trialdesk.ui.i18n import error_text, signature_words
from trialdesk.ui.notices import CONTACT_TABLES, notices_for
from trialdesk.ui.reason_dialog import ReasonDialog
from trialdesk.ui.record_words import code_word, codes, heading, with_unit, yes_no
from trialdesk.ui.signature_dialog import SignatureDialog
from trialdesk.ui.visits.adverse_events import AdverseEventDialog
from trialdesk.ui.visits.common import (
    TimeField,
    decimal_text,
    display_value,
    lab_symbol,
    parse_float,
    parse_int,
    parse_time,
    show_time,
    state_text,
)
from trialdesk.ui.visits.lab_entry import LabEntryWidget, ReadBackDialog, read_back_items
from trialdesk.ui.visits.models import ContactCalendarTableModel, term_text
from trialdesk.ui.widgets import YesNo, add_row, date_edit, fit_columns, row_table, ui_language

__all__ = ["CallDialog", "ConsultationDialog", "ConsultationLabsDialog", "ContactCorrectionDialog", "ContactsWidget",
           "EndOfStudyDialog"]


_tr = lambda text: QCoreApplication.translate("visits", text)  # noqa: E731


def _label(plan) -> str:
    return plan.label_nb if ui_language() == "nb" else plan.label_en


def _intro(dialog: FormDialog, plan) -> QLabel:
    """The dialog's first line: the contact, its window and its state today."""
    text = _tr("<b>{code} · {label}</b><br>Window {start} – {end} · {state}").format(
        code=plan.code, label=html.escape(_label(plan)), start=show_date(plan.window_start),
        end=show_date(plan.window_end), state=state_text(plan.state))
    label = QLabel(text)
    label.setWordWrap(True)
    dialog.layout_.insertWidget(0, label)
    return label


def _yes_no(dialog: FormDialog, accessible: str) -> YesNo:
    return YesNo(_tr("Yes"), _tr("No"), accessible)


class CallDialog(FormDialog):
    """One call of a phone follow-up or a long-term follow-up: its time and outcome; once the participant is
    reached, the answers (new or worsening symptoms, medication changes / questionnaire form received) and a note.
    Values: (:class:`vs.ContactAttempt`, answers dict, window reason)."""

    def __init__(self, submit: Callable[[Any], Any], plan, parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.plan = plan
        self.follow_up = plan.kind == "follow_up"
        self.setWindowTitle(_label(plan))
        _intro(self, plan)
        self.attempted_at = TimeField(placeholder=self.tr("hh:mm (n = now)"))
        self.outcome = QComboBox()
        for code in codes("contact_attempts", "outcome"):
            self.outcome.addItem(code_word("contact_attempts", "outcome", code), code)
        self.new_symptoms = _yes_no(self, heading("contacts", "new_symptoms"))
        self.medication_changes = _yes_no(self, heading("contacts", "medication_changes"))
        self.questionnaire = _yes_no(self, heading("contacts", "questionnaire_received"))
        self.note = QLineEdit()
        self.window_reason = QLineEdit()
        self.window_reason.setPlaceholderText(self.tr("only when the day is outside the window"))
        self.boxes["attempted_at"] = add_row(self.form, self.tr("Call &time:"), self.attempted_at,
                                             heading("contact_attempts", "attempted_at"))
        self.boxes["outcome"] = add_row(self.form, self.tr("&Outcome:"), self.outcome,
                                        heading("contact_attempts", "outcome"))
        self.boxes["new_symptoms"] = add_row(self.form, self.tr("New or &worsening symptoms since the last contact:"),
                                             self.new_symptoms, heading("contacts", "new_symptoms"))
        if self.follow_up:
            self.boxes["questionnaire_received"] = add_row(self.form, self.tr("&Questionnaire form received:"),
                                                           self.questionnaire,
                                                           heading("contacts", "questionnaire_received"))
        else:
            self.boxes["medication_changes"] = add_row(self.form, self.tr("&Medication changes:"),
                                                       self.medication_changes, heading("contacts", "medication_changes"))
        self.boxes["note"] = add_row(self.form, self.tr("&Note:"), self.note, heading("contacts", "note"))
        self.boxes["window_reason"] = add_row(self.form, self.tr("&Reason if outside the window:"),
                                              self.window_reason, self.tr("Reason the contact is outside its window"))
        self.hint = QLabel(self.tr("Yes to new or worsening symptoms opens the adverse event form next; yes to "
                                   "medication changes then opens the medication form."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.layout_.addWidget(self.hint)
        self.finish_layout()
        self.setMinimumWidth(620)
        self.outcome.currentIndexChanged.connect(self._on_outcome_changed)
        self._on_outcome_changed()
        self.attempted_at.setFocus()

    def reached(self) -> bool:
        return self.outcome.currentData() == "reached"

    def _on_outcome_changed(self, *_: object) -> None:
        on = self.reached()
        for widget in (self.new_symptoms, self.medication_changes, self.window_reason):
            widget.setEnabled(on)
        if not on:
            self.new_symptoms.set_value(None)
            self.medication_changes.set_value(None)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(
            self.tr("&Save") if on else self.tr("&Save the call (not reached)"))

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[Any], Any], plan) -> Any:
        dialog = cls(submit, plan, parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> tuple[vs.ContactAttempt, dict, str | None]:
        moment = parse_time(self.attempted_at.text(), field="attempted_at")
        if moment is None:
            raise ValidationError("Enter the call: its time and how it went.", field="attempted_at")
        attempt = vs.ContactAttempt(moment, self.outcome.currentData(), None)
        answers = {"new_symptoms": self.new_symptoms.value(), "note": self.note.text().strip() or None}
        if self.follow_up:
            answers["questionnaire_received"] = self.questionnaire.value()
        else:
            answers["medication_changes"] = self.medication_changes.value()
        return attempt, answers, self.window_reason.text().strip() or None


class ConsultationDialog(FormDialog):
    """A doctor consultation: date, physical examination and findings, vital signs, new or worsening symptoms,
    medication changes, a note. Values: (:class:`vs.Consultation`, window reason)."""

    def __init__(self, submit: Callable[[Any], Any], plan, parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.plan = plan
        self.setWindowTitle(_label(plan))
        _intro(self, plan)
        self.contact_date = date_edit(self.tr("dd.mm.yyyy"))
        self.contact_date.setText(show_date(local_today()))
        self.exam_done = _yes_no(self, heading("contacts", "exam_done"))
        self.exam_findings = QPlainTextEdit()
        self.exam_findings.setTabChangesFocus(True)
        self.exam_findings.setFixedHeight(60)
        self.bp_sys, self.bp_dia, self.pulse, self.temp, self.weight = (QLineEdit() for _ in range(5))
        for edit in (self.bp_sys, self.bp_dia, self.pulse, self.temp, self.weight):
            edit.setMaximumWidth(80)
        self.bp_dia.setAccessibleName(heading("contacts", "bp_dia"))
        bp = QWidget()
        row = QHBoxLayout(bp)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bp_sys)
        row.addWidget(QLabel("/"))
        row.addWidget(self.bp_dia)
        row.addStretch(1)
        bp.setFocusProxy(self.bp_sys)
        self.new_symptoms = _yes_no(self, heading("contacts", "new_symptoms"))
        self.medication_changes = _yes_no(self, heading("contacts", "medication_changes"))
        self.note = QLineEdit()
        self.window_reason = QLineEdit()
        self.window_reason.setPlaceholderText(self.tr("only when the day is outside the window"))
        self.boxes["contact_date"] = add_row(self.form, self.tr("&Date:"), self.contact_date,
                                             heading("contacts", "contact_date"))
        self.boxes["exam_done"] = add_row(self.form, self.tr("Physical &examination done:"), self.exam_done,
                                          heading("contacts", "exam_done"))
        self.boxes["exam_findings"] = add_row(self.form, self.tr("&Findings:"), self.exam_findings,
                                              heading("contacts", "exam_findings"))
        self.boxes["bp_sys"] = add_row(self.form, self.tr("&Blood pressure (mmHg):"), bp, heading("contacts", "bp_sys"))
        self.bp_sys.setAccessibleName(heading("contacts", "bp_sys"))
        self.boxes["bp_dia"] = self.boxes["bp_sys"]
        self.boxes["pulse"] = add_row(self.form, self.tr("P&ulse (/min):"), self.pulse, heading("contacts", "pulse"))
        self.boxes["temp"] = add_row(self.form, self.tr("&Temperature (°C):"), self.temp, heading("contacts", "temp"))
        self.boxes["weight_kg"] = add_row(self.form, self.tr("&Weight (kg):"), self.weight,
                                          heading("contacts", "weight_kg"))
        self.boxes["new_symptoms"] = add_row(self.form, self.tr("New or worsening &symptoms since the last contact:"),
                                             self.new_symptoms, heading("contacts", "new_symptoms"))
        self.boxes["medication_changes"] = add_row(self.form, self.tr("&Medication changes:"),
                                                   self.medication_changes, heading("contacts", "medication_changes"))
        self.boxes["note"] = add_row(self.form, self.tr("&Note:"), self.note, heading("contacts", "note"))
        self.boxes["window_reason"] = add_row(self.form, self.tr("&Reason if outside the window:"),
                                              self.window_reason, self.tr("Reason the contact is outside its window"))
        hint = QLabel(self.tr("Blood tests are saved with \"Blood tests…\" on the Contacts tab (the same entry as "
                              "before a dose). Yes to new or worsening symptoms opens the adverse event form next; "
                              "yes to medication changes then opens the medication form."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.layout_.addWidget(hint)
        self.finish_layout()
        self.setMinimumWidth(640)
        self.exam_done.yes.toggled.connect(lambda on: self.exam_findings.setEnabled(on or self.exam_done.value() is None))
        self.contact_date.setFocus()
        self.contact_date.selectAll()

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[Any], Any], plan) -> Any:
        dialog = cls(submit, plan, parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> tuple[vs.Consultation, str | None]:
        day = parse_date(self.contact_date.text(), field="contact_date", label="contact date")
        if day is None:
            raise ValidationError("Enter the date of the consultation.", field="contact_date")
        vitals = vs.ContactVitals(
            bp_sys=parse_int(self.bp_sys.text(), field="bp_sys"), bp_dia=parse_int(self.bp_dia.text(), field="bp_dia"),
            pulse=parse_int(self.pulse.text(), field="pulse"), temp=parse_float(self.temp.text(), field="temp"),
            weight_kg=parse_float(self.weight.text(), field="weight_kg"))
        entry = vs.Consultation(contact_date=day, exam_done=self.exam_done.value(),
                                exam_findings=self.exam_findings.toPlainText().strip() or None, vitals=vitals,
                                new_symptoms=self.new_symptoms.value(),
                                medication_changes=self.medication_changes.value(),
                                note=self.note.text().strip() or None)
        return entry, self.window_reason.text().strip() or None


class EndOfStudyDialog(FormDialog):
    """The end of study: its date, the investigator's confirmation that the participant completed the study, a
    note. ``submit`` runs every check but the signature (``vs.check_end_of_study``); the signature follows.
    Values: (date, confirmed, note, window reason)."""

    def __init__(self, submit: Callable[[Any], Any], plan, parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.plan = plan
        self.setWindowTitle(_label(plan))
        _intro(self, plan)
        self.contact_date = date_edit(self.tr("dd.mm.yyyy"))
        self.contact_date.setText(show_date(local_today()))
        self.confirmed = QCheckBox(self.tr("&Completion confirmed: the participant completed the study"))
        self.note = QLineEdit()
        self.window_reason = QLineEdit()
        self.window_reason.setPlaceholderText(self.tr("only when the day is outside the window"))
        self.boxes["contact_date"] = add_row(self.form, self.tr("&Date:"), self.contact_date,
                                             heading("contacts", "contact_date"))
        self.boxes["completion_confirmed"] = add_row(self.form, "", self.confirmed,
                                                     heading("contacts", "completion_confirmed"))
        self.boxes["note"] = add_row(self.form, self.tr("&Note:"), self.note, heading("contacts", "note"))
        self.boxes["window_reason"] = add_row(self.form, self.tr("&Reason if outside the window:"),
                                              self.window_reason, self.tr("Reason the contact is outside its window"))
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Continue to the &signature…"))
        self.finish_layout()
        self.setMinimumWidth(600)
        self.contact_date.setFocus()
        self.contact_date.selectAll()

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[Any], Any], plan) -> Any:
        dialog = cls(submit, plan, parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> tuple[date, bool, str | None, str | None]:
        day = parse_date(self.contact_date.text(), field="contact_date", label="contact date")
        if day is None:
            raise ValidationError("Enter the date of the end of study.", field="contact_date")
        return day, self.confirmed.isChecked(), self.note.text().strip() or None, \
            self.window_reason.text().strip() or None


class ConsultationLabsDialog(FormDialog):
    """A consultation's blood sample, through the same entry as before a dose (units, plausibility as you type,
    the masked wording for blinded roles, read-back of critical values). Values: (sample time, entries)."""

    def __init__(self, submit: Callable[[Any], Any], plan, *, sex: str | None, age: int | None, masked: set[str],
                 parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("Blood tests at {code}").format(code=plan.code))
        _intro(self, plan)
        self.labs = LabEntryWidget()
        self.labs.set_person(sex, age, masked)
        self.layout_.insertWidget(1, self.labs)
        self.finish_layout()
        self.setMinimumWidth(640)
        self.labs.sampled_at.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[Any], Any], plan, **person) -> Any:
        dialog = cls(submit, plan, parent=parent, **person)
        return dialog.result_value if dialog.exec() else None

    def values(self):
        entries = self.labs.entries()
        if not entries:
            raise ValidationError("Enter at least one result.")
        for analyte in entries:
            self.labs.check(analyte)
        return self.labs.sampled(), entries

    def clear_errors(self) -> None:
        super().clear_errors()
        self.labs.clear_errors()

    def show_error(self, exc: BaseException) -> None:
        if not self.labs.show_error(exc):
            super().show_error(exc)


_CORRECTION_TEXT = {"note", "exam_findings", "missed_reason"}


class ContactCorrectionDialog(FormDialog):
    """A saved contact corrected: the values that may be corrected for its kind (the registry's words), and the
    reason. Values: (changes {column: new value}, reason)."""

    def __init__(self, submit: Callable[[Any], Any], plan, saved: dict, columns: tuple[str, ...],
                 parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("Correct {code}").format(code=plan.code))
        _intro(self, plan)
        self.saved, self.columns = saved, columns
        self.fields: dict[str, QWidget] = {}
        for column in columns:
            value = saved.get(column)
            if column in vs.CORRECTION_BOOLEANS:
                field = _yes_no(self, heading("contacts", column))
                field.set_value(None if value is None else bool(value))
            elif column == "contact_date":
                field = date_edit(self.tr("dd.mm.yyyy"))
                field.setText(show_date(date.fromisoformat(value)) if value else "")
            else:
                field = QLineEdit()
                field.setText("" if value is None else decimal_text(value) if isinstance(value, float) else str(value))
            self.fields[column] = field
            self.boxes[column] = add_row(self.form, heading("contacts", column) + ":", field,
                                         heading("contacts", column))
        self.reason = QLineEdit()
        self.boxes["reason"] = add_row(self.form, self.tr("&Reason for the correction:"), self.reason,
                                       self.tr("Reason for change"))
        self.finish_layout()
        self.setMinimumWidth(560)
        next(iter(self.fields.values())).setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[Any], Any], plan, saved: dict,
            columns: tuple[str, ...]) -> Any:
        dialog = cls(submit, plan, saved, columns, parent)
        return dialog.result_value if dialog.exec() else None

    def _value(self, column: str) -> object:
        field = self.fields[column]
        if isinstance(field, YesNo):
            return field.value()
        text = field.text().strip()
        if column == "contact_date":
            return parse_date(text, field=column, label="contact date")
        if column in vs.CORRECTION_INTEGERS:
            return parse_int(text, field=column)
        if column in vs.CORRECTION_NUMBERS:
            return parse_float(text, field=column)
        return text or None

    def values(self) -> tuple[dict, str]:
        changes = {}
        for column in self.columns:
            value, saved = self._value(column), self.saved.get(column)
            if column == "contact_date":
                saved = date.fromisoformat(saved) if saved else None
            elif column in vs.CORRECTION_BOOLEANS and saved is not None:
                saved = bool(saved)
            if value != saved:
                changes[column] = value
        if not changes:
            raise ValidationError("Nothing was changed.")
        return changes, " ".join(self.reason.text().split())


class ContactsWidget(QWidget):
    """The Contacts tab of one participant: the non-dose calendar, the selected contact's record and its actions.

    Signals:
        saved(str): something was recorded; the note says what (views reload from the store's notice).
        medication_changes_reported(str): a call or consultation (its code) was saved with "medication
        changes: yes" (after the AE form, if any): the workspace opens the medication form.
    Attributes:
        model: the calendar (:class:`ContactCalendarTableModel`); ``record``: the selected contact's
        :class:`vs.ContactRecord` (None before one is selected).
    """

    saved = Signal(str)
    medication_changes_reported = Signal(str)

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.participant_id: str | None = None
        self.record: vs.ContactRecord | None = None
        box = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.model = ContactCalendarTableModel(self)
        self.table = row_table(self.model, self.tr("Contacts: phone follow-ups, consultations, end of study and "
                                                   "long-term follow-ups"))
        self.table.setMinimumHeight(150)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        scroll.setMinimumHeight(120)
        self.record_button = QPushButton(self.tr("&Record…"))
        self.labs_button = QPushButton(self.tr("&Blood tests…"))
        self.ae_button = QPushButton(self.tr("Adverse &event at this contact…"))
        self.missed_button = QPushButton(self.tr("Mark &missed…"))
        self.undo_button = QPushButton(self.tr("Un&do missed…"))
        self.correct_button = QPushButton(self.tr("&Correct…"))
        self.why_not = QLabel()
        self.why_not.setWordWrap(True)
        self.why_not.setStyleSheet("color: #6d4c00;")
        first, second = QHBoxLayout(), QHBoxLayout()
        for button in (self.record_button, self.labs_button, self.ae_button):
            first.addWidget(button)
        first.addStretch(1)
        for button in (self.missed_button, self.undo_button, self.correct_button):
            second.addWidget(button)
        second.addStretch(1)
        box.addWidget(self.note)
        box.addWidget(self.table, 3)
        box.addLayout(first)
        box.addLayout(second)
        box.addWidget(self.why_not)
        box.addWidget(scroll, 2)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.table.activated.connect(lambda *_: self.record_selected())
        self.record_button.clicked.connect(self.record_selected)
        self.labs_button.clicked.connect(self.record_labs)
        self.ae_button.clicked.connect(lambda: self.new_adverse_event())
        self.missed_button.clicked.connect(self.mark_missed)
        self.undo_button.clicked.connect(self.undo_missed)
        self.correct_button.clicked.connect(self.correct)
        QWidget.setTabOrder(self.table, self.record_button)
        notices_for(store).changed.connect(self._on_store_changed)

    # --- loading --------------------------------------------------------------------------------------

    def show_participant(self, participant_id: str, enrolled: bool) -> None:
        self.participant_id = participant_id
        self.reload(enrolled=enrolled)

    def reload(self, enrolled: bool | None = None) -> None:
        """Reload the calendar (keeping the selected contact) and the selected record."""
        if self.participant_id is None:
            return
        code = self.current_code()
        rows = []
        if enrolled is None:
            enrolled = self._participant().inclusion_date is not None
        note = self.tr("Contacts start when the participant is enrolled.")
        if enrolled:
            try:
                rows = vs.contacts_calendar(self.store, self.user, self.participant_id)
                note = self.tr("Every planned contact after the first dose. Enter or double-click records the "
                               "selected one.")
            except TrialDeskError as exc:
                note = error_text(exc)
        self.model.set_rows(rows)
        self.note.setText(note)
        fit_columns(self.table)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if code:
            self.select(code)
        else:
            self._show_selected()

    def _participant(self):
        return participants_service.get_participant(self.store, self.user, self.participant_id)

    def current_code(self) -> str | None:
        row = self.model.row_at(self.table.currentIndex())
        return row.code if row is not None else None

    def select(self, code: str) -> bool:
        for r in range(self.model.rowCount()):
            if self.model.row_at(self.model.index(r, 0)).code == code:
                self.table.setCurrentIndex(self.model.index(r, 0))
                self._show_selected()
                return True
        self._show_selected()
        return False

    def _show_selected(self) -> None:
        row = self.model.row_at(self.table.currentIndex())
        self.record = None
        text = self.tr("Select a contact.")
        if row is not None:
            try:
                self.record = vs.contact_record(self.store, self.user, self.participant_id, row.code)
                text = self._details_html()
            except TrialDeskError as exc:
                text = html.escape(error_text(exc))
        self.details.setText(text)
        self._update_buttons()

    # --- what may be done -----------------------------------------------------------------------------

    def _state(self) -> str | None:
        return self.record.values["state"] if self.record and self.record.values else None

    def _update_buttons(self) -> None:
        rec = self.record
        may_contact = allowed(self.user, Action.RECORD_CONTACT)
        state, kind = self._state(), rec.row.kind if rec else None
        open_ = rec is not None and state in (None, "open", "not_reached") and rec.row.done_on is None
        may_record = open_ and rec.blocked is None and may_contact
        why = ""
        if rec is not None and rec.blocked is not None and open_:
            why = error_text(rec.blocked)
        if kind == "end_of_study" and not allowed(self.user, Action.SIGN_END_OF_STUDY):
            may_record = False
            if open_:
                why = self.tr("Only an investigator can confirm and sign the end of study.")
        self.record_button.setEnabled(may_record)
        self.labs_button.setEnabled(kind == "consultation" and state != "missed" and rec.blocked is None
                                    and allowed(self.user, Action.RECORD_LABS))
        self.ae_button.setEnabled(rec is not None and rec.values is not None and allowed(self.user, Action.RECORD_AE))
        self.missed_button.setEnabled(open_ and rec.blocked is None and may_contact)
        self.undo_button.setEnabled(state == "missed" and may_contact)
        self.correct_button.setEnabled(state in ("done", "not_reached", "missed") and may_contact)
        self.why_not.setText(why)
        self.why_not.setVisible(bool(why))

    # --- the record as text ---------------------------------------------------------------------------

    def _details_html(self) -> str:
        rec = self.record
        row = rec.row
        out = [self.tr("<b>{code} · {label}</b> — window {start} – {end} — {state}").format(
            code=row.code, label=html.escape(_label(row)), start=show_date(row.window_start),
            end=show_date(row.window_end), state=html.escape(state_text(row.state)))]
        values = rec.values
        if values is None:
            out.append(self.tr("Nothing recorded yet."))
            return "<br>".join(out)
        shown = []
        for column in vs.SHOWN_COLUMNS:
            value = values.get(column)
            if value is None or (column == "completion_confirmed" and not value):
                continue
            if column == "state":
                text = code_word("contacts", "state", value)
            elif column == "contact_date":
                text = show_date(date.fromisoformat(value))
            elif column in vs.CORRECTION_BOOLEANS or column == "completion_confirmed":
                text = yes_no(value)
            elif isinstance(value, float):
                text = with_unit("contacts", column, decimal_text(value))
            elif isinstance(value, int):
                text = with_unit("contacts", column, str(value))
            else:
                text = str(value)
            shown.append(f"{html.escape(heading('contacts', column))}: <b>{html.escape(text)}</b>")
        out.append(" · ".join(shown))
        if rec.attempts:
            calls = [f"{show_time(parse_utc(a['attempted_at']))} {html.escape(code_word('contact_attempts', 'outcome', a['outcome']))}"
                     for a in rec.attempts]
            out.append(self.tr("Calls: {calls}").format(calls="; ".join(calls)))
        if rec.labs:
            # A masked result's wording names its analyte itself ("IgG: result recorded, within limits").
            results = [html.escape(explain(v.safety)) if v.masked
                       else f"{html.escape(lab_symbol(v.analyte))} {html.escape(display_value(v.analyte, v.value))}"
                       for v in rec.labs]
            out.append(self.tr("Blood results: {results}").format(results="; ".join(results)))
        if rec.adverse_events:
            events = [html.escape(f"{term_text(a['term'], a.get('other_specify'))} ({a['grade']})")
                      for a in rec.adverse_events]
            out.append(self.tr("Adverse events reported here: {events}").format(events="; ".join(events)))
        if rec.signature is not None:
            sig = rec.signature
            out.append(self.tr("Signed by {name} ({username}) at {at}: {meaning}").format(
                name=html.escape(sig.full_name), username=html.escape(sig.username),
                at=show_time(parse_utc(sig.signed_at)), meaning=html.escape(signature_words(sig.meaning))))
            if sig.valid is False:
                out.append(self.tr("The signed values were changed after signing: the signature no longer holds."))
        return "<br>".join(out)

    # --- actions --------------------------------------------------------------------------------------

    def _saved(self, note: str) -> None:
        # The calendar reloads from the store's notice of what was written (_on_store_changed); this is the note.
        self.saved.emit(note)

    def _on_store_changed(self, changes) -> None:
        if changes.touches_subject(self.participant_id) and changes.touches(*CONTACT_TABLES):
            self.reload()

    def record_selected(self) -> bool:
        """Open the selected contact's form by its kind (Enter or double-click on the calendar). True when saved."""
        rec = self.record
        if rec is None or not self.record_button.isEnabled():
            return False
        plan, pid = rec.row, self.participant_id
        if plan.kind in vs.CALL_KINDS:
            def submit(values):
                attempt, answers, window_reason = values
                if attempt.outcome != "reached" and answers.get("questionnaire_received") is None:
                    # A call that did not reach the participant: its note is the attempt's.
                    vs.record_contact_attempt(self.store, self.user, pid, plan.code,
                                              vs.ContactAttempt(attempt.attempted_at, attempt.outcome, answers["note"]))
                    return False, False
                if plan.kind == "follow_up":  # also not reached, with the questionnaire form received by post
                    entry = vs.LongTermFollowUp((attempt,), **answers)
                    vs.record_follow_up(self.store, self.user, pid, plan.code, entry, window_reason=window_reason)
                else:
                    entry = vs.PhoneFollowUp((attempt,), **answers)
                    vs.record_phone_follow_up(self.store, self.user, pid, plan.code, entry,
                                              window_reason=window_reason)
                return bool(answers["new_symptoms"]), bool(answers.get("medication_changes"))

            result = CallDialog.ask(self, submit, plan)
        elif plan.kind == "consultation":
            def submit(values):
                entry, window_reason = values
                vs.record_consultation(self.store, self.user, pid, plan.code, entry, window_reason=window_reason)
                return bool(entry.new_symptoms), bool(entry.medication_changes)

            result = ConsultationDialog.ask(self, submit, plan)
        else:
            return self.sign_end_of_study()
        if result is None:
            return False
        self._saved(self.tr("{code} recorded.").format(code=plan.code))
        new_symptoms, medication_changes = result
        if new_symptoms:
            self.new_adverse_event(plan.code)
        if medication_changes:
            self.medication_changes_reported.emit(plan.code)
        return True

    def sign_end_of_study(self) -> bool:
        rec = self.record
        plan, pid = rec.row, self.participant_id

        def check(values):
            day, confirmed, note, window_reason = values
            vs.check_end_of_study(self.store, self.user, pid, contact_date=day, completion_confirmed=confirmed,
                                  note=note, window_reason=window_reason)
            return values

        values = EndOfStudyDialog.ask(self, check, plan)
        if values is None:
            return False
        day, confirmed, note, window_reason = values

        def sign(credentials):
            username, password = credentials
            return vs.record_end_of_study(self.store, self.user, pid, contact_date=day,
                                          completion_confirmed=confirmed, note=note, window_reason=window_reason,
                                          username=username, password=password)

        summary = self.tr("{code} on {day}: the participant completed the study. The status becomes "
                          "\"completed\"; only the long-term follow-up goes on.").format(code=plan.code,
                                                                                       day=show_date(day))
        if SignatureDialog.ask(self, sign, meaning=signature_words(vs.MEANING_END_OF_STUDY),
                               attestation=signature_words(vs.ATTESTATION_END_OF_STUDY), summary=summary) is None:
            return False
        self._saved(self.tr("End of study signed."))
        return True

    def record_labs(self) -> bool:
        rec = self.record
        if rec is None or rec.row.kind != "consultation":
            return False
        plan, pid = rec.row, self.participant_id
        person = self._participant()
        age = age_on(person.birth_date, local_today()) if person.birth_date else None
        masked = set(vs.masked_analytes(self.store, self.user, pid))

        def submit(values):
            sampled, entries = values
            items = read_back_items(entries)
            confirmed: set[str] = set()
            if items:
                answer = ReadBackDialog.ask(self, items)
                if answer is None:
                    raise ValidationError("Not saved: read the critical values back from the lab report first.")
                confirmed = answer
            return vs.record_consultation_labs(self.store, self.user, pid, plan.code, sampled_at=sampled,
                                               entries=entries, read_back=confirmed)

        views = ConsultationLabsDialog.ask(self, submit, plan, sex=person.sex, age=age, masked=masked)
        if views is None:
            return False
        self._saved(self.tr("Blood results saved ({n}).").format(n=len(views)))
        return True

    def new_adverse_event(self, code: str | None = None) -> bool:
        """The AE dialog with the contact (``code``, else the selected one) as the reporting contact."""
        code = code or self.current_code()
        if code is None:
            return False
        pid = self.participant_id

        def submit(ae: vs.AdverseEventInput):
            return vs.record_adverse_event(self.store, self.user, pid, ae, contact_code=code)

        if AdverseEventDialog.ask(self, submit) is None:
            return False
        self._saved(self.tr("Adverse event recorded at {code}.").format(code=code))
        return True

    def mark_missed(self) -> bool:
        rec = self.record
        if rec is None:
            return False
        plan, pid = rec.row, self.participant_id
        dialog = ReasonDialog(self.tr("{code} did not happen. Say why (e.g. not reached after three calls); the "
                                      "reason is kept with the contact and in the audit trail.").format(code=plan.code),
                              self, submit=lambda reason: vs.mark_contact_missed(self.store, self.user, pid, plan.code,
                                                                                 reason))
        dialog.setWindowTitle(self.tr("Contact missed"))
        if not dialog.exec():
            return False
        self._saved(self.tr("{code} recorded as missed.").format(code=plan.code))
        return True

    def undo_missed(self) -> bool:
        rec = self.record
        if rec is None:
            return False
        plan, pid = rec.row, self.participant_id
        dialog = ReasonDialog(self.tr("{code} was recorded as missed. Say why that is undone; it is then open "
                                      "again.").format(code=plan.code), self,
                              submit=lambda reason: vs.undo_contact_missed(self.store, self.user, pid, plan.code,
                                                                           reason))
        if not dialog.exec():
            return False
        self._saved(self.tr("{code} is open again.").format(code=plan.code))
        return True

    def correct(self) -> bool:
        rec = self.record
        if rec is None or rec.values is None:
            return False
        plan, pid, saved = rec.row, self.participant_id, dict(rec.values)
        columns = ("missed_reason", "note") if saved["state"] == "missed" else vs.CORRECTABLE[plan.kind]

        def submit(values):
            changes, reason = values
            return vs.correct_contact(self.store, self.user, pid, plan.code, changes, reason)

        if ContactCorrectionDialog.ask(self, submit, plan, saved, columns) is None:
            return False
        self._saved(self.tr("{code} corrected.").format(code=plan.code))
        return True

