"""Table model of the participant's concomitant medications (frozen :class:`services.medications.Medication` rows);
a medication the protocol forbids shows its flag in words (⚠ and the class), its row in red as well."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from trialdesk.services import medications as medications_service
from trialdesk.services.screening import protocol
from trialdesk.services.inputs import show_date
from trialdesk.services.medications import Medication
from trialdesk.ui.record_words import code_word, heading
from trialdesk.ui.visits.common import RED
from trialdesk.ui.visits.models import ColouredRowModel
from trialdesk.ui.widgets import ui_language

_tr = lambda text: QCoreApplication.translate("MedicationTableModel", text)  # noqa: E731


def flag_text(med: Medication) -> str:
    """"" for an allowed medication; else ``⚠ Methotrexate (E4): awaiting the investigator's review`` or the
    investigator's note."""
    if not med.forbidden_class:
        return ""
    criterion = protocol().medications.criterion or ""
    label = medications_service.class_label(med.forbidden_class, ui_language())
    if med.awaiting_review:
        return _tr("⚠ {label} ({criterion}): awaiting the investigator's review").format(label=label,
                                                                                         criterion=criterion)
    return _tr("⚠ {label} ({criterion}): {note}").format(label=label, criterion=criterion, note=med.forbidden_reason)


def dose_text(med: Medication) -> str:
    return " ".join(part for part in (med.dose, med.dose_unit) if part)


def stop_text(med: Medication) -> str:
    return heading("concomitant_medications", "ongoing") if med.ongoing else show_date(med.stop_date)


class MedicationTableModel(ColouredRowModel):
    """Rows of :class:`Medication`: name, dose, frequency, route, indication, start, stop (or ongoing), the adverse
    event it was given for, the forbidden-medication flag.

    Attributes:
        ae_labels: adverse event id -> how the participant's AE is named ("injection site reaction, 25.05.2026").
    """

    FLAG_COLUMN = 8

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ae_labels: dict[str, str] = {}

    def columns(self):
        return (
            (heading("concomitant_medications", "name"), lambda m: m.name),
            (heading("concomitant_medications", "dose"), dose_text),
            (heading("concomitant_medications", "frequency"), lambda m: m.frequency),
            (heading("concomitant_medications", "route"),
             lambda m: code_word("concomitant_medications", "route", m.route)),
            (heading("concomitant_medications", "indication"), lambda m: m.indication),
            (heading("concomitant_medications", "start_date"), lambda m: show_date(m.start_date)),
            (heading("concomitant_medications", "stop_date"), stop_text),
            (heading("concomitant_medications", "adverse_event_id"),
             lambda m: self.ae_labels.get(m.adverse_event_id, "") if m.adverse_event_id else ""),
            (heading("concomitant_medications", "forbidden_class"), flag_text),
        )

    def colours(self, row, column):
        return RED if row.forbidden_class else None


__all__ = ["MedicationTableModel", "dose_text", "flag_text", "stop_text"]
