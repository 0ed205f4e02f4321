"""The investigator's disposition dialogs: study drug discontinued, consent withdrawn, lost to follow-up, death.

Each one asks for the date and what its event needs (the reason; what a withdrawing participant still agrees
to, or that they gave no reason; the fatal adverse event a death is linked to) and returns what ``submit``
returns: the dialogs never save; the caller's ``submit`` calls the service and its errors show at the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Sequence

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QLabel, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget,
)

from trialdesk.clock import local_today
from trialdesk.domain.disposition import Event
from trialdesk.errors import ValidationError
from trialdesk.services.inputs import parse_date, show_date
from trialdesk.ui.forms import FormDialog
from trialdesk.ui.record_words import code_word
from trialdesk.ui.visits.models import term_text
from trialdesk.ui.widgets import add_row, date_edit


@dataclass(frozen=True)
class DispositionValues:
    """What the dialog read: the date, the reason typed, and per event its own fields."""

    day: date | None
    reason: str
    scope: str | None = None
    no_reason_given: bool = False
    adverse_event_id: str | None = None


def _text_box(placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(64)
    edit.setPlaceholderText(placeholder)
    return edit


class DispositionDialog(FormDialog):
    """One of the four events (``event``): the date (today unless changed) and the event's own fields.

    Attributes:
        day, reason: the date and reason inputs; ``no_reason`` (withdrawal) the "no reason given" box;
        ``scope_buttons`` (withdrawal) code -> radio button; ``adverse_event`` (death) the fatal AE list.
    """

    def __init__(self, submit: Callable[[DispositionValues], Any] | None, event: Event | str, *, study_id: str,
                 fatal_adverse_events: Sequence[dict] = (), attempts_text: str = "",
                 parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.event = Event(event)
        titles = {
            Event.STUDY_DRUG_DISCONTINUED: self.tr("Discontinue the study drug — {study_id}"),
            Event.CONSENT_WITHDRAWN: self.tr("Consent withdrawn — {study_id}"),
            Event.LOST_TO_FOLLOW_UP: self.tr("Lost to follow-up — {study_id}"),
            Event.DEATH: self.tr("Death — {study_id}"),
        }
        intros = {
            Event.STUDY_DRUG_DISCONTINUED: self.tr(
                "No more doses are given from this date. The participant stays in the study: follow-up (contacts, "
                "consultations, adverse events, medications) continues to the end of study."),
            Event.CONSENT_WITHDRAWN: self.tr(
                "The participant may withdraw consent at any time without giving a reason. What was collected "
                "before stays in the study; from this date only what the participant still agrees to is recorded."),
            Event.LOST_TO_FOLLOW_UP: self.tr(
                "The participant could not be reached despite the documented contact attempts. From this date only "
                "an adverse event learned from another source is recorded."),
            Event.DEATH: self.tr(
                "The death is linked to its fatal adverse event (outcome fatal, grade 5), recorded on the Adverse "
                "events tab first. Adverse events may still be recorded afterwards."),
        }
        self.setWindowTitle(titles[self.event].format(study_id=study_id))
        intro = QLabel(intros[self.event])
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.day = date_edit(self.tr("dd.mm.yyyy"))
        self.day.setText(show_date(local_today()))
        self.boxes["event_date"] = add_row(self.form, self.tr("&Date:"), self.day, self.tr("Date of the event"))
        self.no_reason: QCheckBox | None = None
        self.scope_buttons: dict[str, QRadioButton] = {}
        self.adverse_event: QComboBox | None = None
        if self.event is Event.CONSENT_WITHDRAWN:
            self._add_scope()
        if self.event is Event.DEATH:
            self.adverse_event = QComboBox()
            self.adverse_event.addItem(self.tr("— choose —"), None)
            for ae in fatal_adverse_events:
                self.adverse_event.addItem(self.tr("{term}, onset {onset}").format(
                    term=term_text(ae["term"], ae.get("other_specify")),
                    onset=show_date(date.fromisoformat(ae["onset_date"]))), ae["id"])
            if len(fatal_adverse_events) == 1:
                self.adverse_event.setCurrentIndex(1)
            self.boxes["adverse_event_id"] = add_row(self.form, self.tr("&Fatal adverse event:"),
                                                     self.adverse_event, self.tr("Fatal adverse event"))
        if attempts_text:
            attempts = QLabel(attempts_text)
            attempts.setWordWrap(True)
            self.form.addRow("", attempts)
        placeholder = {
            Event.STUDY_DRUG_DISCONTINUED: self.tr("why, e.g. grade 3 neutropenia; the participant's wish"),
            Event.CONSENT_WITHDRAWN: self.tr("the participant's own words, if they gave a reason"),
            Event.LOST_TO_FOLLOW_UP: self.tr("optional, e.g. letter returned; GP has no newer address"),
            Event.DEATH: self.tr("optional, e.g. source of the information"),
        }[self.event]
        self.reason = _text_box(placeholder)
        label = self.tr("&Reason:") if self.event in (Event.STUDY_DRUG_DISCONTINUED, Event.CONSENT_WITHDRAWN) \
            else self.tr("&Note:")
        self.boxes["reason"] = add_row(self.form, label, self.reason, self.tr("Reason"))
        if self.event is Event.CONSENT_WITHDRAWN:
            self.no_reason = QCheckBox(self.tr("The participant gave &no reason (they need not give one)"))
            self.no_reason.toggled.connect(self._on_no_reason_toggled)
            self.form.addRow("", self.no_reason)
        ok = {Event.STUDY_DRUG_DISCONTINUED: self.tr("Disc&ontinue the study drug"),
              Event.CONSENT_WITHDRAWN: self.tr("Rec&ord the withdrawal"),
              Event.LOST_TO_FOLLOW_UP: self.tr("Rec&ord lost to follow-up"),
              Event.DEATH: self.tr("Rec&ord the death")}[self.event]
        self.buttons.button(self.buttons.StandardButton.Ok).setText(ok)
        self.finish_layout()
        self.setMinimumWidth(560)
        self.day.setFocus()

    def _add_scope(self) -> None:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        self.scope_group = QButtonGroup(holder)
        explained = {
            "no_further_contact": self.tr("nothing new is recorded from this date"),
            "safety_follow_up": self.tr("phone contacts, adverse events and the medications given for them; no "
                                        "doses, blood tests or visits"),
        }
        for code in ("no_further_contact", "safety_follow_up"):
            button = QRadioButton(code_word("dispositions", "withdrawal_scope", code))
            button.setAccessibleName(button.text())
            self.scope_group.addButton(button)
            self.scope_buttons[code] = button
            note = QLabel(explained[code])
            note.setWordWrap(True)
            note.setStyleSheet("color: #444; margin-left: 22px;")
            box.addWidget(button)
            box.addWidget(note)
        holder.setFocusProxy(self.scope_buttons["no_further_contact"])
        self.boxes["withdrawal_scope"] = add_row(self.form, self.tr("The participant &agrees to:"), holder,
                                                 self.tr("What the participant still agrees to"))

    def _on_no_reason_toggled(self, on: bool) -> None:
        self.reason.setEnabled(not on)
        if on:
            self.reason.clear()

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[DispositionValues], Any], event: Event | str, *,
            study_id: str, fatal_adverse_events: Sequence[dict] = (), attempts_text: str = "") -> Any:
        """What ``submit`` returned, or None when cancelled."""
        dialog = cls(submit, event, study_id=study_id, fatal_adverse_events=fatal_adverse_events,
                     attempts_text=attempts_text, parent=parent)
        return dialog.result_value if dialog.exec() else None

    def scope(self) -> str | None:
        return next((code for code, button in self.scope_buttons.items() if button.isChecked()), None)

    def values(self) -> DispositionValues:
        day = parse_date(self.day.text(), field="event_date", label="date")
        if day is None:
            raise ValidationError("Enter the date.", field="event_date")
        return DispositionValues(
            day=day, reason=" ".join(self.reason.toPlainText().split()), scope=self.scope(),
            no_reason_given=bool(self.no_reason and self.no_reason.isChecked()),
            adverse_event_id=self.adverse_event.currentData() if self.adverse_event is not None else None)
