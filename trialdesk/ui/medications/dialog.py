"""The concomitant-medication dialogs: one medication (new or changed), its stop, an investigator's review of a
forbidden one. They never save: ``submit`` (the caller's service call) does, and its errors show at the field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Sequence

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from trialdesk.errors import ValidationError
from trialdesk.services import medications as medications_service
from trialdesk.services.inputs import parse_date, show_date
from trialdesk.services.screening import protocol
from trialdesk.ui.forms import FormDialog
from trialdesk.ui.record_words import code_word, codes, record_label
from trialdesk.ui.widgets import add_row, date_edit, ui_language


@dataclass(frozen=True)
class MedicationValues:
    """What the dialog read: the medication, and the confirmation of a forbidden one (the investigator's note,
    or anyone else's "save it flagged for the investigator")."""

    medication: medications_service.MedicationInput
    forbidden_note: str | None = None
    forbidden_acknowledged: bool = False


def _line(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


class MedicationDialog(FormDialog):
    """Name, indication, dose and unit, frequency, route, start, stop or ongoing, the AE it was given for.

    While the name and route are typed, the forbidden class they match (the protocol's, E4) shows under them with
    what the save will ask: an investigator writes why (``forbidden_note``), anyone else ticks ``acknowledge``.

    Attributes:
        flag: the live forbidden-medication line (empty while none matches).
    """

    def __init__(self, submit: Callable[[MedicationValues], Any] | None, *, may_confirm: bool,
                 adverse_events: Sequence[tuple[str, str]] = (), initial: medications_service.Medication | None = None,
                 for_adverse_event: str | None = None, parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.may_confirm = may_confirm
        self.setWindowTitle(record_label("concomitant_medications") if initial is None
                            else self.tr("Change concomitant medication"))
        note = QLabel(self.tr("Premedication before each dose is recorded at the dose visit (Injections tab), "
                              "not here."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #444;")
        self.layout_.insertWidget(0, note)
        self.name = _line(self.tr("generic or trade name, e.g. Paracetamol, Metoject"))
        self.indication = _line(self.tr("why it is taken"))
        self.dose = _line(self.tr("e.g. 500"))
        self.dose.setMaximumWidth(120)
        self.dose_unit = _line(self.tr("e.g. mg"))
        self.dose_unit.setMaximumWidth(120)
        dose_row = QWidget()
        row = QHBoxLayout(dose_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.dose)
        row.addWidget(self.dose_unit)
        row.addStretch(1)
        dose_row.setFocusProxy(self.dose)
        self.dose_unit.setAccessibleName(self.tr("Dose unit"))
        self.frequency = _line(self.tr("e.g. twice daily, as needed"))
        self.route = QComboBox()
        self.route.addItem(self.tr("— choose —"), None)
        for code in codes("concomitant_medications", "route"):
            self.route.addItem(code_word("concomitant_medications", "route", code), code)
        self.start_date = date_edit(self.tr("dd.mm.yyyy"))
        self.stop_date = date_edit(self.tr("dd.mm.yyyy"))
        self.ongoing = QCheckBox(self.tr("O&ngoing (no stop date)"))
        stop_row = QWidget()
        row = QHBoxLayout(stop_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.stop_date)
        row.addWidget(self.ongoing)
        row.addStretch(1)
        stop_row.setFocusProxy(self.stop_date)
        self.adverse_event = QComboBox()
        self.adverse_event.addItem(self.tr("— not given for an adverse event —"), None)
        for ae_id, text in adverse_events:
            self.adverse_event.addItem(text, ae_id)
        self.flag = QLabel()
        self.flag.setWordWrap(True)
        self.flag.setStyleSheet("color: #b71c1c; font-weight: 600;")
        self.forbidden_note = QPlainTextEdit()
        self.forbidden_note.setTabChangesFocus(True)
        self.forbidden_note.setFixedHeight(56)
        self.forbidden_note.setPlaceholderText(self.tr("why it is given (or was, before the study)"))
        self.acknowledge = QCheckBox(self.tr("Save it flagged for the investigator's revie&w"))
        self.boxes["name"] = add_row(self.form, self.tr("&Medication:"), self.name, self.tr("Medication name"))
        self.form.addRow("", self.flag)
        self.boxes["indication"] = add_row(self.form, self.tr("&Indication:"), self.indication, self.tr("Indication"))
        self.boxes["dose"] = add_row(self.form, self.tr("&Dose and unit:"), dose_row, self.tr("Dose"))
        self.boxes["dose_unit"] = self.boxes["dose"]
        self.boxes["frequency"] = add_row(self.form, self.tr("&Frequency:"), self.frequency, self.tr("Frequency"))
        self.boxes["route"] = add_row(self.form, self.tr("&Route:"), self.route, self.tr("Route"))
        self.boxes["start_date"] = add_row(self.form, self.tr("&Started on:"), self.start_date,
                                           self.tr("Start date"))
        self.boxes["stop_date"] = add_row(self.form, self.tr("S&topped on:"), stop_row, self.tr("Stop date"))
        self.boxes["adverse_event_id"] = add_row(self.form, self.tr("Given for an &adverse event:"),
                                                 self.adverse_event, self.tr("Adverse event it was given for"))
        if may_confirm:
            self.boxes["forbidden_reason"] = add_row(self.form, self.tr("In&vestigator's note:"),
                                                     self.forbidden_note,
                                                     self.tr("Investigator's note on the forbidden medication"))
        else:
            self.boxes["forbidden_reason"] = add_row(self.form, self.tr("&Confirm:"), self.acknowledge,
                                                     self.tr("Save the forbidden medication flagged"))
        self.finish_layout()
        self.setMinimumWidth(620)
        self.name.textChanged.connect(self._on_name_or_route_changed)
        self.route.currentIndexChanged.connect(self._on_name_or_route_changed)
        self.ongoing.toggled.connect(self._on_ongoing_toggled)
        if initial is not None:
            self._load(initial)
        elif for_adverse_event is not None:  # opened after an AE was recorded at a contact: that AE, changeable
            self.adverse_event.setCurrentIndex(max(0, self.adverse_event.findData(for_adverse_event)))
        self._on_name_or_route_changed()
        self.name.setFocus()

    def _load(self, med: medications_service.Medication) -> None:
        self.name.setText(med.name)
        self.indication.setText(med.indication or "")
        self.dose.setText(med.dose or "")
        self.dose_unit.setText(med.dose_unit or "")
        self.frequency.setText(med.frequency or "")
        self.route.setCurrentIndex(max(0, self.route.findData(med.route)))
        self.start_date.setText(show_date(med.start_date))
        self.stop_date.setText(show_date(med.stop_date))
        self.ongoing.setChecked(med.ongoing)
        self.adverse_event.setCurrentIndex(max(0, self.adverse_event.findData(med.adverse_event_id)))

    def _on_ongoing_toggled(self, on: bool) -> None:
        self.stop_date.setEnabled(not on)
        if on:
            self.stop_date.clear()

    def _on_name_or_route_changed(self, *_: object) -> None:
        match = medications_service.forbidden_class(self.name.text(), self.route.currentData())
        self.form.setRowVisible(self.boxes["forbidden_reason"], match is not None)
        if match is None:
            self.flag.setText("")
            self.flag.hide()
            return
        nb = ui_language() == "nb"
        criterion = protocol().medications.criterion or ""
        text = self.tr("⚠ The protocol forbids {label} ({criterion}).").format(
            label=match.label_nb if nb else match.label_en, criterion=criterion)
        note = match.note_nb if nb else match.note_en
        if note:
            text += " " + note
        text += " " + (self.tr("It is saved flagged: write why it is given.") if self.may_confirm
                       else self.tr("It is saved flagged for the investigator's review."))
        self.flag.setText(text)
        self.flag.show()

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[MedicationValues], Any], *, may_confirm: bool,
            adverse_events: Sequence[tuple[str, str]] = (), initial: medications_service.Medication | None = None,
            for_adverse_event: str | None = None) -> Any:
        """What ``submit`` returned, or None when cancelled."""
        dialog = cls(submit, may_confirm=may_confirm, adverse_events=adverse_events, initial=initial,
                     for_adverse_event=for_adverse_event, parent=parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> MedicationValues:
        start = parse_date(self.start_date.text(), field="start_date", label="start date")
        stop = None if self.ongoing.isChecked() else parse_date(self.stop_date.text(), field="stop_date",
                                                                 label="stop date")
        med = medications_service.MedicationInput(
            name=self.name.text(), start_date=start, indication=self.indication.text() or None,
            dose=self.dose.text() or None, dose_unit=self.dose_unit.text() or None,
            frequency=self.frequency.text() or None, route=self.route.currentData(), stop_date=stop,
            ongoing=self.ongoing.isChecked(), adverse_event_id=self.adverse_event.currentData())
        note = " ".join(self.forbidden_note.toPlainText().split()) or None
        return MedicationValues(med, forbidden_note=note if self.may_confirm else None,
                                forbidden_acknowledged=self.acknowledge.isChecked() and not self.may_confirm)


class StopMedicationDialog(FormDialog):
    """The day an ongoing medication was stopped."""

    def __init__(self, submit: Callable[[date], Any] | None, *, name: str, parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("Medication stopped — {name}").format(name=name))
        self.stop_date = date_edit(self.tr("dd.mm.yyyy"))
        self.boxes["stop_date"] = add_row(self.form, self.tr("S&topped on:"), self.stop_date, self.tr("Stop date"))
        self.finish_layout()
        self.setMinimumWidth(420)
        self.stop_date.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[date], Any], *, name: str) -> Any:
        dialog = cls(submit, name=name, parent=parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> date:
        day = parse_date(self.stop_date.text(), field="stop_date", label="stop date")
        if day is None:
            raise ValidationError("Enter the stop date.", field="stop_date")
        return day


class ReviewDialog(FormDialog):
    """The investigator's note on a medication the protocol forbids (why it is given, or what was done)."""

    def __init__(self, submit: Callable[[str], Any] | None, *, flag: str, parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("Review a forbidden medication"))
        text = QLabel(flag)
        text.setWordWrap(True)
        self.layout_.insertWidget(0, text)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.boxes["forbidden_reason"] = add_row(self.form, self.tr("&Investigator's note:"), self.note,
                                                 self.tr("Investigator's note on the forbidden medication"))
        self.finish_layout()
        self.setMinimumWidth(480)
        self.note.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[str], Any], *, flag: str) -> Any:
        dialog = cls(submit, flag=flag, parent=parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> str:
        return " ".join(self.note.toPlainText().split())
