"""The "Medications" tab of the participant workspace: the concomitant medications with New / Change / Stop /
Review (a forbidden one, investigators), and why nothing new may be recorded when the course says so."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from trialdesk.domain.disposition import Activity
from trialdesk.errors import TrialDeskError, ValidationError
from trialdesk.services import disposition as disposition_service
from trialdesk.services import medications as medications_service
from trialdesk.services import visits as visits_service
from trialdesk.services.inputs import show_date
from trialdesk.services.participants import Changes
from trialdesk.services.permissions import Action, allowed
from trialdesk.ui.i18n import error_text
from trialdesk.ui.medications.dialog import MedicationDialog, MedicationValues, ReviewDialog, StopMedicationDialog
from trialdesk.ui.medications.model import MedicationTableModel, flag_text
from trialdesk.ui.notices import MEDICATION_TABLES, notices_for
from trialdesk.ui.reason_dialog import ReasonDialog
from trialdesk.ui.visits.models import term_text
from trialdesk.ui.widgets import fit_columns, row_table


def _ae_label(ae: dict) -> str:
    return f"{term_text(ae['term'], ae.get('other_specify'))}, {show_date(date.fromisoformat(ae['onset_date']))}"


class MedicationsWidget(QWidget):
    """One participant's concomitant medications.

    Signals:
        changes_applied(object): a :class:`Changes` after a save (the workspace passes it on).
    Attributes:
        model, table: the list; ``course_note`` why new medications are refused now (hidden when they are not).
    """

    changes_applied = Signal(object)

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.participant_id: str | None = None
        self.adverse_events: list[dict] = []
        self.refused_new: ValidationError | None = None
        box = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New medi&cation…"))
        self.edit_button = QPushButton(self.tr("Chan&ge…"))
        self.stop_button = QPushButton(self.tr("Sto&pped…"))
        self.review_button = QPushButton(self.tr("Re&view…"))
        self.review_button.setToolTip(self.tr("The investigator's note on a medication the protocol forbids"))
        for button in (self.new_button, self.edit_button, self.stop_button, self.review_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.course_note = QLabel()
        self.course_note.setWordWrap(True)
        self.course_note.setStyleSheet("color: #6d4c00; background: #fff4d6; border: 1px solid #6d4c00; "
                                       "border-radius: 3px; padding: 4px;")
        self.course_note.hide()
        box.addWidget(self.course_note)
        self.model = MedicationTableModel(self)
        self.table = row_table(self.model, self.tr("Concomitant medications"))
        box.addWidget(self.table, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        box.addWidget(self.note)
        self.new_button.clicked.connect(lambda: self.new_medication())
        self.edit_button.clicked.connect(lambda: self.edit_medication())
        self.stop_button.clicked.connect(lambda: self.stop_medication())
        self.review_button.clicked.connect(lambda: self.review_medication())
        self.table.activated.connect(lambda *_: self.edit_medication())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        notices_for(store).changed.connect(self._on_store_changed)

    # --- showing ----------------------------------------------------------------------------------------------

    def show_participant(self, participant_id: str) -> None:
        self.participant_id = participant_id
        self.reload()

    def _on_store_changed(self, changes) -> None:
        if changes.touches_subject(self.participant_id) and changes.touches(*MEDICATION_TABLES):
            self.reload()

    def reload(self) -> None:
        if self.participant_id is None:
            return
        rows = medications_service.list_medications(self.store, self.user, self.participant_id)
        self.adverse_events = visits_service.adverse_events(self.store, self.user, self.participant_id)
        self.model.ae_labels = {ae["id"]: _ae_label(ae) for ae in self.adverse_events}
        self.model.set_rows(rows)
        fit_columns(self.table)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            header.resizeSection(column, min(header.sectionSize(column), 180))
        header.setSectionResizeMode(self.model.FLAG_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.refused_new = disposition_service.refusal_of(self.store, self.user, self.participant_id,
                                                          Activity.MEDICATION)
        self.course_note.setText(error_text(self.refused_new) if self.refused_new else "")
        self.course_note.setVisible(self.refused_new is not None)
        # After a withdrawal with safety follow-up, a loss or a death, a medication given for an AE still may be.
        for_ae = self.refused_new is not None and bool(self.adverse_events) and disposition_service.refusal_of(
            self.store, self.user, self.participant_id, Activity.MEDICATION, for_adverse_event=True) is None
        self.may_new = allowed(self.user, Action.RECORD_MEDICATION) and (self.refused_new is None or for_ae)
        flagged = sum(1 for r in rows if r.forbidden_class)
        waiting = sum(1 for r in rows if r.awaiting_review)
        # Counts after a colon: no plural to get wrong in either language ("1 medications").
        self.note.setText(self.tr("Medications: {n}; forbidden by the protocol: {f} (awaiting the investigator's "
                                  "review: {w}). Premedication before each dose is recorded at the dose visit.").format(
            n=len(rows), f=flagged, w=waiting))
        self._update_buttons()

    def current(self) -> medications_service.Medication | None:
        return self.model.row_at(self.table.currentIndex())

    def _update_buttons(self) -> None:
        med = self.current()
        may = allowed(self.user, Action.RECORD_MEDICATION)
        self.new_button.setEnabled(bool(getattr(self, "may_new", False)))
        self.edit_button.setEnabled(may and med is not None)
        self.stop_button.setEnabled(may and med is not None and med.ongoing)
        self.review_button.setVisible(allowed(self.user, Action.CONFIRM_FORBIDDEN_MEDICATION))
        self.review_button.setEnabled(med is not None and bool(med.forbidden_class))

    def _ae_choices(self) -> list[tuple[str, str]]:
        return [(ae["id"], _ae_label(ae)) for ae in self.adverse_events]

    def _emit(self, note: str) -> None:
        self.changes_applied.emit(Changes.of(self.store, self.participant_id, note))

    # --- actions ------------------------------------------------------------------------------------------------

    def new_medication(self, for_adverse_event: str | None = None) -> bool:
        """The form for a new medication (``for_adverse_event``: the AE it is chosen for at first)."""
        pid = self.participant_id

        def submit(values: MedicationValues):
            return medications_service.add_medication(
                self.store, self.user, pid, values.medication, forbidden_note=values.forbidden_note,
                forbidden_acknowledged=values.forbidden_acknowledged)

        may_confirm = allowed(self.user, Action.CONFIRM_FORBIDDEN_MEDICATION)
        if MedicationDialog.ask(self, submit, may_confirm=may_confirm, adverse_events=self._ae_choices(),
                                for_adverse_event=for_adverse_event) is None:
            return False
        self._emit(self.tr("Medication recorded."))
        return True

    def edit_medication(self) -> bool:
        med = self.current()
        if med is None or not allowed(self.user, Action.RECORD_MEDICATION):
            return False

        def submit(values: MedicationValues):
            reason = ReasonDialog.ask(self, self.tr(
                "You are changing a saved medication. Say why; the reason is kept in the audit trail."))
            if reason is None:
                raise ValidationError("Not saved: a change needs a reason.")
            medications_service.update_medication(
                self.store, self.user, med.id, values.medication, reason, forbidden_note=values.forbidden_note,
                forbidden_acknowledged=values.forbidden_acknowledged)
            return True

        may_confirm = allowed(self.user, Action.CONFIRM_FORBIDDEN_MEDICATION)
        if not MedicationDialog.ask(self, submit, may_confirm=may_confirm, adverse_events=self._ae_choices(),
                                    initial=med):
            return False
        self._emit(self.tr("Medication changed."))
        return True

    def stop_medication(self) -> bool:
        med = self.current()
        if med is None:
            return False

        def submit(day: date):
            return medications_service.stop_medication(self.store, self.user, med.id, day) or True

        if not StopMedicationDialog.ask(self, submit, name=med.name):
            return False
        self._emit(self.tr("Medication stopped."))
        return True

    def review_medication(self) -> bool:
        med = self.current()
        if med is None or not med.forbidden_class:
            return False

        def submit(note: str):
            return medications_service.review_forbidden(self.store, self.user, med.id, note) or True

        try:
            done = ReviewDialog.ask(self, submit, flag=f"{med.name}: {flag_text(med)}")
        except TrialDeskError as exc:  # pragma: no cover - the dialog shows service errors itself
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return False
        if not done:
            return False
        self._emit(self.tr("Review recorded."))
        return True
