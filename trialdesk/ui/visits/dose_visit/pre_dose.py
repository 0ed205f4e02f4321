"""Section 2 of a dose visit: the checks before the dose — blood bank, alert card, pregnancy test, premedication."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from trialdesk.errors import TrialDeskError, ValidationError
from trialdesk.services import visit_history
from trialdesk.services import visits as vs
from trialdesk.services.inputs import parse_date, show_date
from trialdesk.services.screening import protocol
from trialdesk.ui.i18n import error_text
from trialdesk.ui.reason_dialog import ReasonDialog
from trialdesk.ui.record_words import code_word, codes
from trialdesk.ui.visits.common import TimeField, parse_time
from trialdesk.ui.visits.dose_visit.section import Section, change_lines, mark_changed
from trialdesk.ui.widgets import FieldBox, FieldError, SavedNote, add_row, date_edit, ui_language


class PreDoseSection(Section):
    """Blood-bank dates (type and screen, alert card), the pregnancy test and the premedication times.

    Signals:
        saved(str): everything entered or changed was saved; the note says so (the visit reloads).
        partly_saved(): some of it was saved before an error; the inputs stay as typed.
    """

    saved = Signal(str)
    partly_saved = Signal()

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("2 · Before the dose"))
        self.store, self.user = store, user
        self.participant = None
        self.dose_code: str | None = None
        self.record: vs.VisitRecord | None = None
        box = self.box
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.pre_boxes: dict[str, FieldBox] = {}
        self.type_and_screen = date_edit(self.tr("dd.mm.yyyy"))
        self.alert_card = date_edit(self.tr("dd.mm.yyyy"))
        self.pregnancy = QComboBox()
        self.pregnancy.addItem(self.tr("— not done —"), None)
        for code in codes("dose_visits", "pregnancy_test"):
            self.pregnancy.addItem(code_word("dose_visits", "pregnancy_test", code), code)
        self.pre_boxes["type_and_screen_on"] = add_row(form, self.tr("T&ype && screen:"), self.type_and_screen,
                                                       self.tr("Type and screen date"))
        self.pre_boxes["alert_card_on"] = add_row(form, self.tr("Alert &card given:"), self.alert_card,
                                                  self.tr("Alert card issued on"))
        self.pregnancy_label_text = self.tr("&Pregnancy test today:")
        self.pre_boxes["pregnancy_test"] = add_row(form, self.pregnancy_label_text, self.pregnancy,
                                                   self.tr("Pregnancy test today"))
        self.premeds: dict[str, TimeField] = {}
        for premed in protocol().pre_dose.premedication:
            edit = TimeField()
            name = premed.label_nb if ui_language() == "nb" else premed.label_en
            self.premeds[premed.code] = edit
            self.pre_boxes[premed.code] = add_row(
                form, self.tr("{drug} given at:").format(drug=name), edit,
                self.tr("{drug} given at").format(drug=name))
        box.addLayout(form)
        self.pre_changes = QLabel()
        self.pre_changes.setWordWrap(True)
        self.pre_changes.setStyleSheet("color: #555;")
        self.pre_changes.setAccessibleName(self.tr("Corrections of the pre-dose checks"))
        box.addWidget(self.pre_changes)
        row = QHBoxLayout()
        self.pre_error = FieldError(self)
        self.save_pre_button = QPushButton(self.tr("Sa&ve pre-dose checks"))
        self.saved_note = SavedNote(self)
        row.addWidget(self.pre_error, 1)
        row.addWidget(self.saved_note)
        row.addWidget(self.save_pre_button)
        box.addLayout(row)
        self.chain = [self.type_and_screen, self.alert_card, self.pregnancy, *self.premeds.values(),
                      self.save_pre_button]
        self.save_pre_button.clicked.connect(self.save_pre_dose)

    def show_visit(self, participant, dose_code: str, record: vs.VisitRecord | None, *, may_save: bool) -> None:
        """Show what is saved for ``dose_code``; ``may_save`` enables the save button."""
        if self.participant is None or (participant.id, dose_code) != (self.participant.id, self.dose_code):
            self.saved_note.clear()
        self.participant, self.dose_code, self.record = participant, dose_code, record
        p = participant
        bank = visit_history.blood_bank(self.store, self.user, p.id)
        self.type_and_screen.setText(show_date(bank.type_and_screen_on))
        self.alert_card.setText(show_date(bank.alert_card_on))
        pregnancy_applies = p.sex == "F" and p.childbearing_potential is not False
        self.pregnancy.setEnabled(pregnancy_applies)
        saved_test = record.pregnancy_test if record else None
        self.pregnancy.setCurrentIndex(max(0, self.pregnancy.findData(saved_test)))
        if not pregnancy_applies:
            self.pregnancy.setToolTip(self.tr("Not required for this participant."))
        for drug, edit in self.premeds.items():
            given = record.premedication.get(drug) if record else None
            edit.set_moment(given)
        self.save_pre_button.setEnabled(may_save)
        self._show_pre_dose_changes()

    def _show_pre_dose_changes(self) -> None:
        """Who replaced a saved blood-bank date, pregnancy test or premedication time, when and why."""
        changes = [c for cs in visit_history.pre_dose_changes(self.store, self.user, self.participant.id,
                                                              self.dose_code, language=ui_language()).values()
                   for c in cs]
        changes.sort(key=lambda c: c.when)
        lines, by_field = change_lines(changes)
        self.pre_changes.setText(self.tr("✎ Changed: ") + "; ".join(lines) if lines else "")
        self.pre_changes.setVisible(bool(lines))
        widgets: dict[str, QWidget] = {"type_and_screen_on": self.type_and_screen, "alert_card_on": self.alert_card,
                                       "pregnancy_test": self.pregnancy, **self.premeds}
        mark_changed(widgets, by_field)

    def save_pre_dose(self) -> bool:
        """Save blood-bank dates, the pregnancy test and premedication times that were entered or changed."""
        for box in self.pre_boxes.values():
            box.error.show_message(None)
        self.pre_error.show_message(None)
        p = self.participant
        reason: str | None = None
        try:
            ts = parse_date(self.type_and_screen.text(), field="type_and_screen_on", label="type & screen date")
            card = parse_date(self.alert_card.text(), field="alert_card_on", label="alert card date")
            premeds = {d: parse_time(e.text(), field=d) for d, e in self.premeds.items()}
        except ValidationError as exc:
            self._show_pre_error(exc)
            return False
        bank = visit_history.blood_bank(self.store, self.user, p.id)
        saved_premeds = self.record.premedication if self.record else {}
        saved_test = self.record.pregnancy_test if self.record else None
        test = self.pregnancy.currentData() if self.pregnancy.isEnabled() else None
        calls = []
        if (ts, card) != (bank.type_and_screen_on, bank.alert_card_on) and (ts or card):
            calls.append(lambda r: vs.record_blood_bank(self.store, self.user, p.id, type_and_screen_on=ts,
                                                        alert_card_on=card, reason=r))
        if test and test != saved_test:
            calls.append(lambda r: vs.record_pregnancy_test(self.store, self.user, p.id, self.dose_code, test,
                                                            reason=r))
        for drug, moment in premeds.items():
            if moment is not None and moment != saved_premeds.get(drug):
                calls.append(lambda r, d=drug, m=moment: vs.record_premedication(
                    self.store, self.user, p.id, self.dose_code, d, m, reason=r))
        if not calls:
            self.pre_error.show_message(self.tr("Nothing new to save."))
            return False
        done = 0
        for call in calls:
            while True:
                try:
                    call(reason)
                except ValidationError as exc:
                    if exc.field == "reason" and reason is None:
                        reason = ReasonDialog.ask(self, self.tr("A saved pre-dose value is being changed. Say why; "
                                                                "the reason is kept in the audit trail."))
                        if reason is not None:
                            continue
                    self._show_pre_error(exc)
                    self._keep_inputs(done)
                    return False
                except TrialDeskError as exc:
                    self._show_pre_error(exc)
                    self._keep_inputs(done)
                    return False
                done += 1
                break
        self.saved_note.show_saved(self.tr("%n check(s)", "", done))
        self.saved.emit(self.tr("Pre-dose checks saved."))
        if reason is None:  # new entries: on to the injection; a correction stays to show its change line
            self.finished.emit()
        return True

    def _keep_inputs(self, done: int) -> None:
        """After a partial save the verdict is recomputed but typed inputs stay as they are."""
        if done:
            self.saved_note.show_saved(self.tr("%n check(s) of them; see the error", "", done))
            self.partly_saved.emit()

    def _show_pre_error(self, exc: BaseException) -> None:
        field = getattr(exc, "field", None)
        if field in self.pre_boxes:
            self.pre_boxes[field].error.show_message(error_text(exc))
            self.pre_boxes[field].field.setFocus()
        else:
            self.pre_error.show_message(error_text(exc))
