"""The main window's "Today" list (doses and contacts due or overdue) and the SAE banner of open 24-hour clocks."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from trialdesk.clock import local_today
from trialdesk.errors import TrialDeskError
from trialdesk.services import visits as vs
from trialdesk.ui.widgets import fit_columns, row_table
from trialdesk.ui.visits.models import SaeClockTableModel, TodayTableModel


VISIT_COLUMN_WIDTH = 90
"""Pixels the Today list's visit column keeps at least (when the pane is narrow, the name is elided)."""


class TodayPanel(QWidget):
    """Who is due today: doses and every contact (phone follow-ups, consultations, end of study, long-term
    follow-ups), each with its kind and window end. "Only calls" shows who to call today.

    Double-click or Enter: ``open_requested(participant_id, dose_code)`` for a dose,
    ``contact_requested(participant_id, visit_code)`` for a contact.
    """

    open_requested = Signal(str, str)
    contact_requested = Signal(str, str)

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.rows: list = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.model = TodayTableModel(self)
        self.table = row_table(self.model, self.tr("Visits and contacts due today"))
        self.calls_only = QCheckBox(self.tr("Only calls (phone and long-term follow-ups)"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.calls_only)
        bottom.addWidget(self.note, 1)
        box.addWidget(self.table, 1)
        box.addLayout(bottom)
        self.table.activated.connect(self._on_table_activated)
        self.calls_only.toggled.connect(lambda *_: self._show())
        self._day = None  # the day the list was read for
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(60_000)
        self.day_timer.timeout.connect(self._on_minute)
        self.day_timer.start()

    def reload(self) -> None:
        self._day = local_today()
        try:
            self.rows = vs.due_today(self.store, self.user, self._day)
        except TrialDeskError:
            self.rows = []
        self._show()

    def _on_minute(self) -> None:
        if self._day is not None and local_today() != self._day:  # past midnight: what is due (or overdue) moves
            self.reload()

    def update(self, participant_ids) -> None:
        """Read again only what is due of ``participant_ids`` (the participants a change touched: a save touches
        one; reading the whole list at 5,000 participants was a fifth of a save) and put it in place of theirs."""
        if self._day != local_today():
            self.reload()
            return
        ids = set(participant_ids)
        try:
            fresh = vs.due_today(self.store, self.user, self._day, only=sorted(ids))
        except TrialDeskError:
            return
        self.rows = sorted([r for r in self.rows if r.participant_id not in ids] + fresh, key=vs.due_order)
        self._show()

    def _show(self) -> None:
        rows = [r for r in self.rows if r.call] if self.calls_only.isChecked() else self.rows
        self.model.set_rows(rows)
        self._fit_columns()
        if rows:
            self.note.setText(self.tr("Double-click or Enter opens the visit or contact."))
        elif self.calls_only.isChecked():
            self.note.setText(self.tr("Nobody to call today."))
        else:
            self.note.setText(self.tr("Nobody is due today (doses and contacts)."))

    def _fit_columns(self) -> None:
        """Every column fitted to its words; the kind, window end and state always whole in the left pane, the
        visit's name taking what is left (at least ``VISIT_COLUMN_WIDTH``), elided beyond it (the whole name is
        the cell's tooltip)."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)  # the state's own width, not the pane's rest
        fit_columns(self.table)
        others = sum(header.sectionSize(c) for c in range(self.model.columnCount()) if c != 1)
        header.setStretchLastSection(True)
        room = self.table.viewport().width() - others
        header.resizeSection(1, max(VISIT_COLUMN_WIDTH, min(header.sectionSize(1), room)))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self.model.rowCount():
            QTimer.singleShot(0, self, self._fit_columns)  # once the table has its new width

    def _on_table_activated(self, index) -> None:
        row = self.model.row_at(index)
        if row is None:
            return
        if row.kind == "dose":
            self.open_requested.emit(row.participant_id, row.code)
        else:
            self.contact_requested.emit(row.participant_id, row.code)


class SaeBanner(QFrame):
    """Open SAE 24-hour clocks: hidden when none; red rows under 6 h or overdue. The clock moves every 30 s.

    Signals:
        open_requested(str): the participant of the activated clock.
    """

    open_requested = Signal(str)

    def __init__(self, store, user, parent: QWidget | None = None, *, compact: bool = False):
        super().__init__(parent)
        self.store, self.user = store, user
        self.compact = compact  # one line of text, no table (the participant's tabs)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("SaeBanner { border: 2px solid #b71c1c; background: #ffebee; }")
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(2)
        self.title = QLabel()
        self.title.setStyleSheet("color: #b71c1c; font-weight: 700;")
        self.title.setWordWrap(True)
        self.model = SaeClockTableModel(self)
        self.table = row_table(self.model, self.tr("Serious adverse events to report"))
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        box.addWidget(self.title)
        box.addWidget(self.table)
        self.participant_id: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(30_000)
        self.timer.timeout.connect(lambda: self.model.tick())
        self.timer.start()
        self.table.activated.connect(self._on_table_activated)
        self.hide()

    def reload(self, participant_id: str | None = None) -> None:
        """All open clocks (main window), or only ``participant_id``'s (the workspace)."""
        if participant_id is not None:
            self.participant_id = participant_id
        try:
            clocks = vs.open_sae_clocks(self.store, self.user)
        except TrialDeskError:
            clocks = []
        if self.participant_id is not None:
            clocks = [c for c in clocks if c.participant_id == self.participant_id]
        self.model.set_rows(clocks)
        fit_columns(self.table)
        rows = len(clocks)
        self.table.setFixedHeight(self.table.horizontalHeader().height() + 4 +
                                  sum(self.table.rowHeight(r) for r in range(min(rows, 3))))
        urgent = sum(1 for c in clocks if self.model.urgent(c))
        self.title.setText(self.tr("⚠ SAE 24-hour reporting clock: %n serious adverse event(s) not yet reported "
                                   "to the sponsor{urgent}.", "", rows).format(
            urgent=self.tr(" — %n due within 6 hours or overdue", "", urgent) if urgent else ""))
        if self.compact:
            self.table.hide()
            self.title.setText(self.tr("⚠ SAE not yet reported: {clocks}").format(clocks="; ".join(
                self.tr("{term} — due {due}, {left}").format(
                    term=self.model.data(self.model.index(r, 1)), due=self.model.data(self.model.index(r, 2)),
                    left=self.model.data(self.model.index(r, 3)))
                for r in range(rows))))
        self.setVisible(rows > 0)

    def _on_table_activated(self, index) -> None:
        clock = self.model.row_at(index)
        if clock is not None:
            self.open_requested.emit(clock.participant_id)
