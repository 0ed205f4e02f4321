"""Table model of the participant's disposition history (frozen :class:`services.disposition.DispositionEvent` rows)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from trialdesk.services.audit_reader import system_reason
from trialdesk.services.disposition import NO_REASON_GIVEN, DispositionEvent
from trialdesk.services.inputs import show_date
from trialdesk.ui.record_words import code_word, heading
from trialdesk.ui.table_model import RowTableModel
from trialdesk.ui.widgets import ui_language

_tr = lambda text: QCoreApplication.translate("DispositionTableModel", text)  # noqa: E731


def reason_text(event: DispositionEvent) -> str:
    """The recorded reason; a withdrawal for which the participant gave none says so in the UI language."""
    if event.reason == NO_REASON_GIVEN:
        return _tr("no reason given (the participant need not give one)")
    return system_reason(event.reason, ui_language())  # "first dose (D1) given" is TrialDesk's own: translated


def change_text(event: DispositionEvent) -> str:
    """``On treatment → Follow-up`` (the statuses in the registry's words)."""
    before = code_word("dispositions", "from_status", event.from_status)
    after = code_word("dispositions", "to_status", event.to_status)
    return before if before == after else f"{before} → {after}"


class DispositionTableModel(RowTableModel):
    """Rows of :class:`DispositionEvent`, oldest first: date, event, status change, reason, recorded by, and what
    a withdrawing participant still agrees to (last: the reason stays in view at 1366×768)."""

    def columns(self):
        return (
            (heading("dispositions", "event_date"), lambda e: show_date(e.event_date)),
            (heading("dispositions", "event"), lambda e: code_word("dispositions", "event", e.event)),
            (heading("participants", "status"), change_text),
            (heading("dispositions", "reason"), reason_text),
            (heading("dispositions", "recorded_by"), lambda e: e.recorded_by_name),
            (heading("dispositions", "withdrawal_scope"),
             lambda e: code_word("dispositions", "withdrawal_scope", e.withdrawal_scope)),
        )
