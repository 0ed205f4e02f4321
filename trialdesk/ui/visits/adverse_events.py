"""Adverse events: the dialog (verbatim, CTCAE term from a searchable list, grade with its text,
seriousness and its six criteria, causality, action, outcome) and the per-participant log with SAE clocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable

from PySide6.QtCore import QSignalBlocker, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from trialdesk.clock import local_today
from trialdesk.domain import ctcae
from trialdesk.domain.adverse_events import SAE_CRITERIA
from trialdesk.errors import ValidationError
from trialdesk.services import visits as vs
from trialdesk.services.inputs import parse_date, show_date
from trialdesk.services.screening import protocol
from trialdesk.ui.forms import FormDialog
from trialdesk.ui.record_words import heading, record_label
from trialdesk.ui.visits.common import TimeField, parse_time, show_time
from trialdesk.ui.visits.models import AdverseEventTableModel, action_text, causality_text, outcome_text
from trialdesk.ui.widgets import SavedNote, add_row, date_edit, fit_columns, row_table, ui_language

TERM_LIST_ROWS = 18
"""Rows the CTCAE term list and its completer show at once (the 1366×768 screen holds them below the field)."""
GRADE_LIST_WIDTH = 560
"""Pixels of the grade list's popup: each item is "grade — text", elided to fit, the whole text its tooltip."""


class AdverseEventDialog(FormDialog):
    """Returns what ``submit(AdverseEventInput)`` returns; never saves by itself.

    ``term`` is an editable combo with a contains-completer over the terms in the UI language; grade
    items that do not exist for the chosen term are disabled and the chosen grade's text is shown.
    """

    def __init__(self, submit: Callable[[vs.AdverseEventInput], Any], initial: dict | None = None,
                 parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(record_label("adverse_events") if initial is None else self.tr("Change adverse event"))
        self.terms = {t.key: t for t in ctcae.ae_terms(protocol())}
        nb = ui_language() == "nb"
        self.verbatim = QLineEdit()
        self.verbatim.setPlaceholderText(self.tr("in the participant's words"))
        self.term = QComboBox()
        self.term.setEditable(True)
        self.term.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.term.addItem("", None)
        for key, term in self.terms.items():
            self.term.addItem(term.term_nb if nb else term.term_en, key)
        completer = QCompleter(self.term.model(), self.term)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.term.setCompleter(completer)
        # Tall enough to choose from (issue 13 point 5): a screenful of terms in the list and the completer,
        # not Qt's default of 10 (7 under some styles).
        self.term.setMaxVisibleItems(TERM_LIST_ROWS)
        completer.setMaxVisibleItems(TERM_LIST_ROWS)
        self.term.lineEdit().setPlaceholderText(self.tr("type to search, e.g. inj, fatigue, other"))
        self.other_specify = QLineEdit()
        self.onset_date = date_edit(self.tr("dd.mm.yyyy"))
        self.end_date = date_edit(self.tr("empty = ongoing"))
        self.grade = QComboBox()
        self.grade_model = QStandardItemModel(self)
        self.grade.setModel(self.grade_model)
        # Each grade's text is in the list while choosing ("2 — Moderate pain; …", elided to the popup's width,
        # the whole text as the item's tooltip); the combo itself stays narrow enough for the form.
        self.grade.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.grade.setMinimumContentsLength(28)
        self.grade.view().setMinimumWidth(GRADE_LIST_WIDTH)
        self.grade.view().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.grade_text = QLabel()
        self.grade_text.setWordWrap(True)
        self.grade_text.setStyleSheet("color: #333; font-style: italic;")
        self.serious = QCheckBox(self.tr("Serious (SAE)"))
        crit = QWidget()
        grid = QGridLayout(crit)
        grid.setContentsMargins(0, 0, 0, 0)
        self.criteria: dict[str, QCheckBox] = {}
        for i, code in enumerate(SAE_CRITERIA):  # "SAE: results in death" …, as the History tab names them
            box = QCheckBox(heading("adverse_events", code))
            self.criteria[code] = box
            grid.addWidget(box, i // 2, i % 2)
        self.aware_at = TimeField(placeholder=self.tr("hh:mm (empty: now)"))
        self.causality = self._choice(vs.CAUSALITY, causality_text)
        self.action_taken = self._choice(vs.ACTIONS_TAKEN, action_text)
        self.outcome = self._choice(vs.OUTCOMES, outcome_text)
        serious_row = QWidget()
        sr = QVBoxLayout(serious_row)
        sr.setContentsMargins(0, 0, 0, 0)
        sr.addWidget(self.serious)
        sr.addWidget(crit)
        self.boxes["verbatim"] = add_row(self.form, self.tr("&Verbatim:"), self.verbatim,
                                           heading("adverse_events", "verbatim"))
        self.boxes["term"] = add_row(self.form, self.tr("CTCAE &term:"), self.term, heading("adverse_events", "term"))
        self.boxes["other_specify"] = add_row(self.form, self.tr("Other, s&pecify:"), self.other_specify,
                                              self.tr("Other term, specify"))
        self.boxes["onset_date"] = add_row(self.form, self.tr("&Onset date:"), self.onset_date,
                                             heading("adverse_events", "onset_date"))
        self.boxes["end_date"] = add_row(self.form, self.tr("E&nd date:"), self.end_date,
                                           heading("adverse_events", "end_date"))
        self.boxes["grade"] = add_row(self.form, self.tr("&Grade:"), self.grade, heading("adverse_events", "grade"))
        self.form.addRow("", self.grade_text)
        self.boxes["serious"] = add_row(self.form, self.tr("&Seriousness:"), serious_row,
                                          heading("adverse_events", "serious"))
        self.serious.setAccessibleName(self.tr("Serious adverse event"))
        serious_row.setFocusProxy(self.serious)
        self.boxes["aware_at"] = add_row(self.form, self.tr("&Aware at:"), self.aware_at,
                                         self.tr("Time the site became aware of the serious event"))
        self.boxes["causality"] = add_row(self.form, self.tr("Causa&lity:"), self.causality,
                                            heading("adverse_events", "causality"))
        self.boxes["action_taken"] = add_row(self.form, self.tr("Act&ion with study drug:"), self.action_taken,
                                             self.tr("Action taken with the study drug"))
        self.boxes["outcome"] = add_row(self.form, self.tr("O&utcome:"), self.outcome,
                                          heading("adverse_events", "outcome"))
        self.clock = QLabel()
        self.clock.setStyleSheet("color: #b71c1c; font-weight: 600;")
        self.layout_.addWidget(self.clock)
        self.finish_layout()
        self.setMinimumWidth(760)  # the seriousness criteria are long in Norwegian
        self.term.currentIndexChanged.connect(self._on_term_changed)
        self.term.editTextChanged.connect(self._on_term_changed)  # typed (or completed) text
        self.grade.currentIndexChanged.connect(self._on_grade_changed)
        self.outcome.currentIndexChanged.connect(self._on_outcome_changed)
        self.serious.toggled.connect(self._on_serious_toggled)
        self._fill_grades(None)
        self._on_serious_toggled(False)
        if initial is not None:
            self._load(initial)
        else:  # most AEs are told the day they began or the day before: today, to be changed when not
            self.onset_date.setText(show_date(local_today()))
        self.verbatim.setFocus()

    def _choice(self, codes, text) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("— choose —"), None)
        for code in codes:
            combo.addItem(text(code), code)
        return combo

    # --- dependent fields -----------------------------------------------------------------------------

    def term_key(self) -> str | None:
        text = self.term.currentText().strip()
        index = self.term.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.term.itemData(index) if index > 0 else None

    def _fill_grades(self, key: str | None) -> None:
        previous = self.grade.currentData()
        # Refilling moves the combo's index through other rows (clearing once passed through grade 5,
        # which ticks "Serious" and "death"): no signals until the new list stands, then one update.
        blocker = QSignalBlocker(self.grade)
        self.grade_model.clear()
        empty = QStandardItem(self.tr("— choose —"))
        self.grade_model.appendRow(empty)
        term = self.terms.get(key) if key else None
        metrics = self.grade.view().fontMetrics()
        for g in range(1, 6):
            exists = term is None or term.grade_exists(g)
            if term is not None and exists:  # the grade's text in the UI language, shown while choosing
                full = f"{g} — {ctcae.grade_text(term, g, ui_language())}"
                item = QStandardItem(metrics.elidedText(full, Qt.TextElideMode.ElideRight, GRADE_LIST_WIDTH - 24))
                item.setToolTip(full)
            elif exists:
                item = QStandardItem(f"{g}")
            else:
                item = QStandardItem(self.tr("{g} — not defined for this term").format(g=g))
            item.setData(g, Qt.ItemDataRole.UserRole)
            item.setEnabled(term is not None and exists)
            self.grade_model.appendRow(item)
        index = self.grade.findData(previous)
        if index > 0 and self.grade_model.item(index).isEnabled():
            self.grade.setCurrentIndex(index)
        else:
            self.grade.setCurrentIndex(0)
        blocker.unblock()
        self._on_grade_changed()

    def _on_term_changed(self, *_: object) -> None:
        key = self.term_key()
        self._fill_grades(key)
        self.other_specify.setEnabled(key == "other_specify")

    def _on_grade_changed(self, *_: object) -> None:
        key, grade = self.term_key(), self.grade.currentData()
        term = self.terms.get(key) if key else None
        if term is None:
            self.grade_text.setText(self.tr("Choose the term first: the grades and their texts follow it."))
        elif grade:
            self.grade_text.setText(self.tr("Grade {grade}: {text}").format(grade=grade,
                                                                             text=ctcae.grade_text(term, grade,
                                                                                                   ui_language())))
        else:
            self.grade_text.setText("")
        if grade == 5:
            # Grade 5 is death: outcome fatal and the seriousness criterion follow (shown, not hidden).
            self.outcome.setCurrentIndex(self.outcome.findData("fatal"))
            self.serious.setChecked(True)
            self.criteria["sae_death"].setChecked(True)
        elif self.outcome.currentData() == "fatal":
            self.outcome.setCurrentIndex(0)

    def _on_outcome_changed(self, *_: object) -> None:
        if self.outcome.currentData() == "fatal" and self.grade.currentData() != 5:
            index = self.grade.findData(5)
            if index > 0 and self.grade_model.item(index).isEnabled():
                self.grade.setCurrentIndex(index)

    def _on_serious_toggled(self, on: bool) -> None:
        for box in self.criteria.values():
            box.setEnabled(on)
            if not on:
                box.setChecked(False)
        self.aware_at.setEnabled(on)

    def _load(self, ae: dict) -> None:
        self.verbatim.setText(ae["verbatim"])
        self.term.setCurrentIndex(max(0, self.term.findData(ae["term"])))
        self.other_specify.setText(ae.get("other_specify") or "")
        self.onset_date.setText(show_date(date.fromisoformat(ae["onset_date"])))
        self.end_date.setText(show_date(date.fromisoformat(ae["end_date"])) if ae.get("end_date") else "")
        self.grade.setCurrentIndex(max(0, self.grade.findData(ae["grade"])))
        self.serious.setChecked(bool(ae["serious"]))
        for code, box in self.criteria.items():
            box.setChecked(bool(ae.get(code)))
        for combo, name in ((self.causality, "causality"), (self.action_taken, "action_taken"),
                            (self.outcome, "outcome")):
            combo.setCurrentIndex(max(0, combo.findData(ae[name])))
        if ae.get("aware_at"):
            from trialdesk.clock import parse_utc

            self.aware_at.set_moment(parse_utc(ae["aware_at"]))
            self.aware_at.setEnabled(False)  # the clock started at awareness; it does not move
            from trialdesk.ui.visits.models import sae_text

            self.clock.setText(sae_text(ae))

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[vs.AdverseEventInput], Any],
            initial: dict | None = None) -> Any:
        dialog = cls(submit, initial, parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> vs.AdverseEventInput:
        key = self.term_key()
        if key is None:
            raise ValidationError("Choose a term from the list (or 'Other, specify').", field="term")
        onset = parse_date(self.onset_date.text(), field="onset_date", label="onset date")
        if onset is None:
            raise ValidationError("Enter the onset date.", field="onset_date")
        end = parse_date(self.end_date.text(), field="end_date", label="end date")
        grade = self.grade.currentData()
        if not grade:
            raise ValidationError("Choose the grade.", field="grade")
        for combo, name in ((self.causality, "causality"), (self.action_taken, "action_taken"),
                            (self.outcome, "outcome")):
            if combo.currentData() is None:
                raise ValidationError("Choose a value from the list.", field=name)
        if (grade == 5) != (self.outcome.currentData() == "fatal"):
            raise ValidationError("Grade 5 (death) and outcome 'fatal' go together.", field="outcome")
        aware = parse_time(self.aware_at.text(), field="aware_at") if self.aware_at.isEnabled() else None
        return vs.AdverseEventInput(
            verbatim=self.verbatim.text(), term=key, onset_date=onset, grade=grade, serious=self.serious.isChecked(),
            causality=self.causality.currentData(), action_taken=self.action_taken.currentData(),
            outcome=self.outcome.currentData(), end_date=end, other_specify=self.other_specify.text() or None,
            sae_criteria=frozenset(c for c, box in self.criteria.items() if box.isChecked()), aware_at=aware)


class AdverseEventLogWidget(QWidget):
    """The participant's AE log with New / Change / Mark reported.

    Signals:
        new_requested, edit_requested(dict), reported_requested(dict).
    """

    new_requested = Signal()
    edit_requested = Signal(object)
    reported_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        self.model = AdverseEventTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = row_table(self.proxy, self.tr("Adverse events"))
        self.note = QLabel()
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New adverse &event…"))
        self.edit_button = QPushButton(self.tr("Chan&ge…"))
        self.reported_button = QPushButton(self.tr("Mark SAE &reported"))
        for b in (self.new_button, self.edit_button, self.reported_button):
            buttons.addWidget(b)
        self.saved_note = SavedNote(self)
        buttons.addWidget(self.saved_note)
        buttons.addStretch(1)
        box.addLayout(buttons)
        box.addWidget(self.table, 1)
        box.addWidget(self.note)
        self.new_button.clicked.connect(self.new_requested.emit)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.reported_button.clicked.connect(self._on_reported_button_clicked)
        self.table.activated.connect(lambda *_: self._on_edit_button_clicked())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def select(self, ae_id: str) -> None:
        """Make the adverse event ``ae_id`` the current row (the one just saved shows as such)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            data = self.proxy.data(index, AdverseEventTableModel.ROW_ROLE)
            if data and data.get("id") == ae_id:
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return

    def current(self) -> dict | None:
        index = self.table.currentIndex()
        return self.proxy.data(index, AdverseEventTableModel.ROW_ROLE) if index.isValid() else None

    def set_rows(self, rows: list[dict], may_edit: bool) -> None:
        self.may_edit = may_edit
        self.model.set_rows(rows)
        fit_columns(self.table)
        header = self.table.horizontalHeader()
        for column in (1, 2):
            header.resizeSection(column, min(header.sectionSize(column), 200))
        open_saes = sum(1 for r in rows if r["serious"] and not r.get("sae_reported_at"))
        self.note.setText(self.tr("%n adverse event(s)", "", len(rows)) + "; "
                          + self.tr("%n serious event(s) not yet reported.", "", open_saes))
        self.new_button.setEnabled(may_edit)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ae = self.current()
        may = getattr(self, "may_edit", False)
        self.edit_button.setEnabled(may and ae is not None)
        self.reported_button.setEnabled(may and ae is not None and bool(ae["serious"]) and not ae.get("sae_reported_at"))

    def _on_edit_button_clicked(self) -> None:
        ae = self.current()
        if ae is not None and getattr(self, "may_edit", False):
            self.edit_requested.emit(ae)

    def _on_reported_button_clicked(self) -> None:
        ae = self.current()
        if ae is not None:
            self.reported_requested.emit(ae)


__all__ = ["AdverseEventDialog", "AdverseEventLogWidget", "QHeaderView", "datetime", "show_time", "dataclass"]
