"""Step 4 of a dose visit: the adverse events reported at this visit, and the button to log one more."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from trialdesk.services import visits as vs
from trialdesk.ui.visits.dose_visit.section import Section
from trialdesk.ui.visits.models import AdverseEventTableModel
from trialdesk.ui.widgets import SavedNote, fit_rows, row_table


class AdverseEventsSection(Section):
    """"Log adverse event at this visit…", its confirmation, and the events reported at this visit (the whole log
    is the AEs tab).

    Signals:
        ae_requested(): "Log adverse event at this visit" was pressed (the workspace opens the dialog).
    """

    ae_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("4 · Adverse events at this visit"))
        box = self.box
        row = QHBoxLayout()
        self.ae_button = QPushButton(self.tr("Lo&g adverse event at this visit…"))
        self.ae_saved_note = SavedNote(self)
        row.addWidget(self.ae_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.ae_saved_note)  # under the button: beside it the Bokmål line is wider than 1366×768 allows
        self.model = AdverseEventTableModel(self)
        self.table = row_table(self.model, self.tr("Adverse events reported at this visit"))
        self.table_label = QLabel(self.tr("Reported at this visit:"))
        self.table_label.setBuddy(self.table)
        box.addWidget(self.table_label)
        box.addWidget(self.table)
        self.hint = QLabel(self.tr("Every adverse event of the participant, and changes to them: the AEs tab."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        box.addWidget(self.hint)
        self.chain = [self.ae_button, self.table]
        self.ae_button.clicked.connect(lambda: self.ae_requested.emit())

    def show_visit(self, participant_id: str, dose_code: str, record: vs.VisitRecord | None, *,
                   may_log_ae: bool) -> None:
        """The events reported at ``dose_code`` (from the visit record) and whether one may be logged."""
        if (participant_id, dose_code) != (getattr(self, "_shown", None)):
            self.ae_saved_note.clear()  # "✓ Saved" belongs to the visit it was said at
        self._shown = (participant_id, dose_code)
        rows = [dict(a) for a in record.adverse_events] if record is not None else []
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in (1, 2):
            header.resizeSection(column, min(header.sectionSize(column), 200))
        fit_rows(self.table, 8)
        self.ae_button.setEnabled(may_log_ae)

    @property
    def count(self) -> int:
        """How many adverse events were reported at the visit shown."""
        return self.model.rowCount()

    def ae_saved(self, note: str) -> None:
        """An adverse event asked for from here was saved: say so beside the button."""
        self.ae_saved_note.show_saved(note)
