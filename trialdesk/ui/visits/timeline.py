"""The participant's visit timeline (baseline → doses → contacts → end of study) with each state as text."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from trialdesk.errors import TrialDeskError
from trialdesk.services import visits as vs
from trialdesk.ui.widgets import fit_columns, row_table
from trialdesk.ui.i18n import error_text
from trialdesk.ui.visits.models import TimelineTableModel


class TimelineWidget(QWidget):
    """A table of :func:`services.visits.timeline`; colours repeat the state text."""

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.user = store, user
        box = QVBoxLayout(self)
        self.model = TimelineTableModel(self)
        self.table = row_table(self.model, self.tr("Visit timeline"))
        self.note = QLabel()
        box.addWidget(self.table, 1)
        box.addWidget(self.note)

    def show_participant(self, participant_id: str, enrolled: bool) -> None:
        rows = []
        note = self.tr("The timeline starts when the participant is enrolled.")
        if enrolled:
            try:
                rows = vs.timeline(self.store, self.user, participant_id)
                note = self.tr("Today's state of every visit; the dose dates count from the first dose given.")
            except TrialDeskError as exc:
                note = error_text(exc)
        self.model.set_rows(rows)
        self.note.setText(note)
        fit_columns(self.table)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
