"""Section 1 of a dose visit: pre-dose blood results (entry with read-back), the saved results and their corrections."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from trialdesk.clock import local_today, parse_utc
from trialdesk.domain.dates import age_on
from trialdesk.domain.labs import unit_label
from trialdesk.errors import TrialDeskError, ValidationError
from trialdesk.services import visit_history
from trialdesk.services import visits as vs
from trialdesk.services.screening import protocol
from trialdesk.ui.forms import FormDialog
from trialdesk.ui.i18n import error_text
from trialdesk.ui.visits.common import (
    LOCAL_TZ,
    TimeField,
    lab_symbol,
    parse_time,
    show_time,
)
from trialdesk.ui.visits.dose_visit.section import Section
from trialdesk.ui.visits.lab_entry import (
    LabEntryWidget,
    ReadBackDialog,
    read_back_items,
)
from trialdesk.ui.visits.models import LabResultTableModel
from trialdesk.ui.widgets import FieldError, SavedNote, add_row, fit_columns, fit_rows, row_table, ui_language


def entered_text(text: str) -> str:
    """A saved "value unit" as typed, with the unit as people read it: ``240 10^9/L`` -> ``240 ×10^9/L``."""
    value, _, unit = (text or "").rpartition(" ")
    return f"{value} {unit_label(unit)}" if value and unit else text


class LabCorrectionDialog(FormDialog):
    """A saved result corrected: its value and unit, and/or the time the sample was taken, with the reason
    (``submit`` saves; this never does). Values returned: (LabEntry or None when unchanged, new sample time or
    None when unchanged, reason)."""

    def __init__(self, submit, record: visit_history.LabResultRecord, parent: QWidget | None = None):
        super().__init__(submit, parent)
        lab = protocol().lab(record.view.analyte)
        self.record = record
        self.setWindowTitle(self.tr("Correct {symbol}").format(symbol=lab_symbol(lab.code)))
        shown = entered_text(record.view.entered) if not record.view.masked else self.tr("(masked for your role)")
        intro = QLabel(self.tr("{symbol} sampled {at}: saved value {value}. Correct what differs from the lab "
                               "report.").format(symbol=lab_symbol(lab.code),
                                                 at=show_time(parse_utc(record.view.sampled_at)), value=shown))
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.value = QLineEdit()
        self.unit = QComboBox()
        for unit in lab.accepted_units:
            self.unit.addItem(unit_label(unit), unit)
        self.saved_value, self.saved_unit = None, None
        if record.view.entered and not record.view.masked:
            self.saved_value, _, self.saved_unit = record.view.entered.rpartition(" ")
            self.value.setText(self.saved_value)
        else:
            self.value.setPlaceholderText(self.tr("empty: keep the saved value"))
        self.unit.setCurrentIndex(max(0, self.unit.findData(self.saved_unit or lab.display_unit)))
        self.sampled_at = TimeField()
        self.saved_moment = parse_utc(record.view.sampled_at).astimezone(LOCAL_TZ)
        self.sampled_at.setText(self.saved_moment.strftime("%d.%m.%Y %H:%M"))
        self.reason = QLineEdit()
        self.boxes[record.view.analyte] = add_row(self.form, self.tr("&Value:"), self.value,
                                                  self.tr("Corrected value"), extra=self.unit)
        self.unit.setAccessibleName(self.tr("Unit"))
        self.boxes["sampled_at"] = add_row(self.form, self.tr("&Sampled at:"), self.sampled_at,
                                           self.tr("Sample taken at (the whole sample)"))
        self.boxes["reason"] = add_row(self.form, self.tr("&Reason:"), self.reason, self.tr("Reason for change"))
        self.finish_layout()
        self.setMinimumWidth(500)
        self.value.setFocus()
        self.value.selectAll()

    @classmethod
    def ask(cls, parent, submit, record):
        dialog = cls(submit, record, parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> tuple[vs.LabEntry | None, datetime | None, str]:
        text, unit = self.value.text().strip(), self.unit.currentData()
        entry = None if not text or (text, unit) == (self.saved_value, self.saved_unit) else vs.LabEntry(text, unit)
        moment = parse_time(self.sampled_at.text(), field="sampled_at", day=self.saved_moment.date())
        if moment is None:
            raise ValidationError("Enter when the sample was taken.", field="sampled_at")
        moved = moment if moment != self.saved_moment.replace(second=0, microsecond=0) else None
        return entry, moved, " ".join(self.reason.text().split())


class BloodResultsSection(Section):
    """Typed pre-dose results (critical values read back before saving) and this visit's saved results.

    Signals:
        saved(str): results were saved or corrected; the note says what (the visit reloads).
    """

    saved = Signal(str)

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("1 · Pre-dose blood results"))
        self.store, self.user = store, user
        self.participant_id: str | None = None
        self.dose_code: str | None = None
        self.lab_records: list[visit_history.LabResultRecord] = []
        box = self.box
        self.labs = LabEntryWidget()
        box.addWidget(self.labs)
        row = QHBoxLayout()
        self.labs_error = FieldError(self)
        self.save_labs_button = QPushButton(self.tr("Save &blood results…"))
        self.saved_note = SavedNote(self)
        row.addWidget(self.labs_error, 1)
        row.addWidget(self.saved_note)
        row.addWidget(self.save_labs_button)
        box.addLayout(row)
        self.saved_labs_model = LabResultTableModel(self)
        self.saved_labs = row_table(self.saved_labs_model, self.tr("Saved blood results of this visit"))
        self.saved_labs_label = QLabel(self.tr("Saved results of this visit:"))
        self.saved_labs_label.setBuddy(self.saved_labs)
        box.addWidget(self.saved_labs_label)
        box.addWidget(self.saved_labs)
        corr = QHBoxLayout()
        self.correct_button = QPushButton(self.tr("Correct selected res&ult…"))
        self.corrections = QLabel()
        self.corrections.setWordWrap(True)
        self.corrections.setStyleSheet("color: #555;")
        corr.addWidget(self.corrections, 1)
        corr.addWidget(self.correct_button)
        box.addLayout(corr)
        self.chain = [*self.labs.chain, self.save_labs_button, self.saved_labs, self.correct_button]
        self.save_labs_button.clicked.connect(self.save_labs)
        self.correct_button.clicked.connect(self._on_correct_button_clicked)
        self.saved_labs.activated.connect(lambda *_: self._on_correct_button_clicked())
        self.saved_labs.selectionModel().currentRowChanged.connect(lambda *_: self._show_corrections())

    def show_visit(self, participant, dose_code: str, *, may_enter: bool,
                   may_correct: bool) -> None:
        """Show ``dose_code`` of ``participant``: what this user may not see typed is the service's answer
        (``services.visits.masked_analytes``: blinded role, from the first dose on, as domain/blinding.py says)."""
        if (participant.id, dose_code) != (self.participant_id, self.dose_code):
            self.saved_note.clear()  # "✓ Saved" belongs to the visit it was said at
        self.participant_id, self.dose_code = participant.id, dose_code
        p = participant
        age = age_on(p.birth_date, local_today()) if p.birth_date else None
        self.labs.set_person(p.sex, age, set(vs.masked_analytes(self.store, self.user, p.id)))
        self.lab_records = visit_history.lab_result_records(self.store, self.user, p.id, language=ui_language())
        self.saved_labs_model.set_rows([r for r in self.lab_records if r.dose_code == dose_code])
        fit_columns(self.saved_labs)
        fit_rows(self.saved_labs, 8)  # the whole pre-dose panel without scrolling
        self._show_corrections()
        for w in (self.save_labs_button, self.labs):
            w.setEnabled(may_enter)
        self.correct_button.setEnabled(may_correct)

    def _show_corrections(self) -> None:
        index = self.saved_labs.currentIndex()
        record = self.saved_labs_model.row_at(index) if index.isValid() else None
        if record is None or not record.changes:
            self.corrections.setText("" if record is None else self.tr("{symbol}: not changed since entered.").format(
                symbol=lab_symbol(record.view.analyte)))
            return
        lines = []
        for c in record.changes:
            if c.field == "sampled_at":
                lines.append(self.tr("{at} {who}: sample time {old} → {new} — {reason}").format(
                    at=c.at, who=c.username, old=c.old, new=c.new, reason=c.reason))
            else:
                lines.append(self.tr("{at} {who}: {old} → {new} — {reason}").format(
                    at=c.at, who=c.username, old=c.old, new=c.new, reason=c.reason))
        self.corrections.setText(self.tr("History of {symbol}: ").format(symbol=lab_symbol(record.view.analyte))
                                 + "; ".join(lines))

    def save_labs(self) -> bool:
        """Save the typed results (critical values read back first). True when saved."""
        self.labs.clear_errors()
        self.labs_error.show_message(None)
        try:
            entries = self.labs.entries()
            if not entries:
                raise ValidationError("Enter at least one result.")
            for analyte in entries:
                self.labs.check(analyte)
            sampled = self.labs.sampled()
        except ValidationError as exc:
            if not self.labs.show_error(exc):
                self.labs_error.show_message(error_text(exc))
            return False
        items = read_back_items(entries)
        confirmed: set[str] = set()
        if items:
            answer = ReadBackDialog.ask(self, items)
            if answer is None:
                return False
            confirmed = answer
        try:
            vs.record_pre_dose_labs(self.store, self.user, self.participant_id, self.dose_code, sampled_at=sampled,
                                    entries=entries, read_back=confirmed)
        except TrialDeskError as exc:
            if not self.labs.show_error(exc):
                self.labs_error.show_message(error_text(exc))
            return False
        self.labs.clear()
        self.saved_note.show_saved(self.tr("%n result(s)", "", len(entries)))
        self.saved.emit(self.tr("Blood results saved (%n).", "", len(entries)))
        self.finished.emit()
        return True

    def _on_correct_button_clicked(self) -> None:
        index = self.saved_labs.currentIndex()
        record = self.saved_labs_model.row_at(index) if index.isValid() else None
        if record is None:
            self.labs_error.show_message(self.tr("Select a saved result to correct."))
            self.saved_labs.setFocus()
            return

        def submit(values):
            entry, moved, reason = values
            vs.correct_lab_result(self.store, self.user, record.id, entry, reason, sampled_at=moved)
            return True

        if LabCorrectionDialog.ask(self, submit, record):
            self.saved_note.show_saved(self.tr("{symbol} corrected").format(symbol=lab_symbol(record.view.analyte)))
            self.saved.emit(self.tr("Result corrected."))
